/* ticket.c - tickets: creation, the status machine, events, import */
#include <stdlib.h>
#include <string.h>

#include "cs.h"

const char *const cs_ticket_channels = "phone email wechat chat sms walk-in "
    "web";
const char *const cs_ticket_priorities = "urgent high normal low";
const char *const cs_ticket_statuses = "new open pending resolved closed "
    "reopened";

const char *const cs_ticket_field[] = {
	"external_id", "customer", "type", "subtype", "channel", "category",
	"stage", "priority", "status", "assignee", "subject", "body",
	"created_at", "first_response_at", "resolved_at", "closed_at",
	"reopened", "csat", "root_cause", "resolution", NULL
};

/* The status machine of the spec: the action, where it goes, and the
 * statuses it may start from. */
static const struct move {
	const char *action, *to, *from;
} moves[] = {
	{ "start", "open", " new pending reopened " },
	{ "pend", "pending", " open reopened " },
	{ "resolve", "resolved", " open pending reopened " },
	{ "close", "closed", " resolved " },
	{ "reopen", "reopened", " resolved closed " },
	{ NULL, NULL, NULL }
};

/* Appends one event to a ticket's timeline, at time `when`. A resolution
 * names the agent it counts for: the ticket's resolver, set just before. */
static int
event_at(int64_t id, int64_t when, const char *kind, const char *field,
    const char *from, const char *to, const char *note, int public)
{
	sqlite3_stmt *st = cs_sql("INSERT INTO ticket_event (ticket_id, at, "
	    "actor, kind, field, old_value, new_value, note, public, agent_id) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CASE WHEN ?4 = "
	    "'status' AND ?7 = 'resolved' THEN (SELECT resolved_by FROM ticket "
	    "WHERE id = ?1) END)");

	int rc;

	/* without copies: an import writes three events a ticket */
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, when);
	cs_bind_static(st, 3, cs_actor());
	cs_bind_static(st, 4, kind);
	cs_bind_static(st, 5, field);
	cs_bind_static(st, 6, from);
	cs_bind_static(st, 7, to);
	cs_bind_static(st, 8, note);
	sqlite3_bind_int(st, 9, public);
	rc = cs_step_done(st, "ticket event");
	sqlite3_clear_bindings(st);
	return rc;
}

static int
event(int64_t id, const char *kind, const char *field, const char *from,
    const char *to, const char *note, int public)
{
	return event_at(id, cs_now(), kind, field, from, to, note, public);
}

int
cs_ticket_event(int64_t id, const char *kind, const char *field,
    const char *from, const char *to, const char *note)
{
	return event(id, kind, field, from, to, note, 0);
}

int
cs_ticket_exists(int64_t id)
{
	sqlite3_stmt *st = cs_sql("SELECT 1 FROM ticket WHERE id = ?");
	int r;

	sqlite3_bind_int64(st, 1, id);
	r = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return r;
}

static int
type_known(const char *t)
{
	sqlite3_stmt *st = cs_sql("SELECT 1 FROM ticket_type WHERE name = ?");
	int r;

	cs_bind_text(st, 1, t, 0);
	r = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return r;
}

/* Agent id of an active login, 0 when none; *inactive set when it exists
 * but is inactive. */
static int64_t
agent_of(const char *login, int *inactive)
{
	sqlite3_stmt *st = cs_sql("SELECT id, active FROM agent WHERE login = ?");
	int64_t id = 0;

	*inactive = 0;
	cs_bind_text(st, 1, login, 0);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		*inactive = !sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return id;
}

/* The customer of a ticket's "customer" value; with create, an unknown
 * one is added (by phone when it is one, else as a code). */
static int64_t
customer_of(const char *ref, int create, char **problem)
{
	struct cs_customer_in in = { .nattr = 0 };
	enum cs_phone_kind kind;
	const char *why;
	char *norm;
	int64_t id;
	int field, rc;

	if ((id = cs_customer_find(ref, &why)))
		return id;
	if (!create) {
		*problem = cs_xasprintf("%s (%s)", why, strstr(why, "several") ?
		    "give the id" : "add it with cs-customer first");
		return 0;
	}
	norm = cs_phone_norm(ref, &kind, &why);
	if (norm)
		in.v[CS_CUST_PHONE] = ref;
	else {
		in.v[CS_CUST_CODE] = ref;
		in.v[CS_CUST_NAME] = ref;
	}
	free(norm);
	id = 0;
	rc = cs_customer_put(&in, CS_PUT_CREATE, &id, &field, problem);
	if (rc < 0)
		return 0;
	if (rc > CS_ROW_UNCHANGED) {
		*problem = cs_xstrdup("the customer could not be added");
		return 0;
	}
	return id;
}

static const char *
check_choice(int f, const char *v)
{
	switch (f) {
	case CS_TK_CHANNEL:
		return cs_word_in(v, cs_ticket_channels) ? NULL :
		    "unknown channel (phone, email, wechat, chat, sms, walk-in, "
		    "web)";
	case CS_TK_PRIORITY:
		return cs_word_in(v, cs_ticket_priorities) ? NULL :
		    "unknown priority (urgent, high, normal, low)";
	case CS_TK_STATUS:
		return cs_word_in(v, cs_ticket_statuses) ? NULL :
		    "unknown status (new, open, pending, resolved, closed, "
		    "reopened)";
	case CS_TK_TYPE:
		return type_known(v) ? NULL : "unknown type (consult, "
		    "complaint, grumble, tech, aftersales, or one added with "
		    "cs-ticket type add)";
	}
	return NULL;
}

static const char *
nz(const char *s)
{
	return s && *s ? s : NULL;
}

/* Everything both new and import check: returns the bad field or -1. */
static int
check_common(const struct cs_ticket_in *in, const char **why)
{
	static const int choice[] = { CS_TK_TYPE, CS_TK_CHANNEL,
		CS_TK_PRIORITY, CS_TK_STATUS, -1 };
	int i;

	if (!nz(in->v[CS_TK_CUSTOMER])) {
		*why = "a customer is required (id, code or phone)";
		return CS_TK_CUSTOMER;
	}
	if (!nz(in->v[CS_TK_TYPE])) {
		*why = "a type is required";
		return CS_TK_TYPE;
	}
	for (i = 0; choice[i] >= 0; i++)
		if (nz(in->v[choice[i]]) &&
		    (*why = check_choice(choice[i], in->v[choice[i]])))
			return choice[i];
	return -1;
}

static int
fail(int *field, int f, char **problem, const char *why)
{
	*field = f;
	*problem = cs_xstrdup(why);
	return -1;
}

/* The note of an automatic revisit task that a reopen of its ticket
 * cancelled, and that resolving the ticket again brings back. */
#define REOPENED_NOTE "工单已重开"

/* Steps an UPDATE ... RETURNING id that changes at most one row, and
 * logs the status change of the task it changed, if any. */
static int
move_task(sqlite3_stmt *st, const char *from, const char *to,
    const char *note)
{
	int64_t task;
	int rc = sqlite3_step(st);

	task = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	while (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return cs_db_fail("revisit");
	return task ? cs_log_change("revisit", task, "status", from, to,
	    note) : 0;
}

/* A reopened ticket is not resolved: its automatic revisit, not yet made,
 * is cancelled until the ticket is resolved again (auto_revisit). */
static int
hold_revisit(int64_t id)
{
	sqlite3_stmt *st = cs_sql("UPDATE revisit SET status = 'cancelled', "
	    "agent_id = NULL, assigned_at = NULL, note = ?2 WHERE ticket_id = "
	    "?1 AND period = 'ticket:' || ?1 AND status = 'open' RETURNING id");

	sqlite3_bind_int64(st, 1, id);
	cs_bind_text(st, 2, REOPENED_NOTE, 0);
	return move_task(st, "open", "cancelled", REOPENED_NOTE);
}

static int
auto_revisit(int64_t id, int64_t resolved_at)
{
	sqlite3_stmt *st;
	int days = -1, rc;
	char reason[128] = "", due[16], period[32];

	st = cs_sql("SELECT y.revisit_days, coalesce(y.revisit_reason, "
	    "'工单回访') FROM ticket t JOIN ticket_type y ON y.name = t.type "
	    "JOIN customer c ON c.id = t.customer_id WHERE t.id = ? AND "
	    "y.revisit_days IS NOT NULL AND c.status = 'active'");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		days = sqlite3_column_int(st, 0);
		snprintf(reason, sizeof(reason), "%s", cs_col_text(st, 1));
	}
	sqlite3_reset(st);
	if (days < 0)
		return 0;
	cs_fmt_date(cs_add_days(cs_day_start(resolved_at), days), due);
	snprintf(period, sizeof(period), "ticket:%lld", (long long)id);
	/* The period names the ticket: resolving it again plans nothing
	 * new, but brings back the task its reopen cancelled, due after
	 * this resolution, with the note of its last call. */
	st = cs_sql("INSERT OR IGNORE INTO revisit (customer_id, ticket_id, "
	    "reason, period, due_date, created_at) SELECT customer_id, id, ?, "
	    "?, ?, ? FROM ticket WHERE id = ?");
	cs_bind_text(st, 1, reason, 0);
	cs_bind_text(st, 2, period, 0);
	cs_bind_text(st, 3, due, 0);
	sqlite3_bind_int64(st, 4, cs_now());
	sqlite3_bind_int64(st, 5, id);
	if ((rc = cs_step_done(st, "revisit")) ||
	    sqlite3_changes(sqlite3_db_handle(st)) > 0)
		return rc;
	st = cs_sql("UPDATE revisit SET status = 'open', due_date = ?1, note = "
	    "(SELECT a.note FROM revisit_attempt a WHERE a.revisit_id = "
	    "revisit.id ORDER BY a.seq DESC LIMIT 1) WHERE ticket_id = ?2 AND "
	    "period = ?3 AND status = 'cancelled' AND note = ?4 RETURNING id");
	cs_bind_text(st, 1, due, 0);
	sqlite3_bind_int64(st, 2, id);
	cs_bind_text(st, 3, period, 0);
	cs_bind_text(st, 4, REOPENED_NOTE, 0);
	return move_task(st, "cancelled", "open", "工单再次解决");
}

int
cs_ticket_new(const struct cs_ticket_in *in, int64_t *id, int *field,
    char **problem)
{
	const char *why, *type, *prio;
	int64_t cust, agent = 0, now = cs_now(), fr, res;
	sqlite3_stmt *st;
	int f, inactive, rc;

	*problem = NULL;
	*field = -1;
	if ((f = check_common(in, &why)) >= 0)
		return fail(field, f, problem, why);
	if (!(cust = customer_of(in->v[CS_TK_CUSTOMER], 0, problem))) {
		*field = CS_TK_CUSTOMER;
		return -1;
	}
	if (nz(in->v[CS_TK_ASSIGNEE])) {
		agent = agent_of(in->v[CS_TK_ASSIGNEE], &inactive);
		if (!agent || inactive)
			return fail(field, CS_TK_ASSIGNEE, problem, agent ?
			    "this agent is inactive" : "no agent with this "
			    "login");
	}
	type = in->v[CS_TK_TYPE];
	prio = nz(in->v[CS_TK_PRIORITY]) ? in->v[CS_TK_PRIORITY] : "normal";
	cs_sla_due(type, prio, now, &fr, &res);
	st = cs_sql("INSERT INTO ticket (customer_id, type, subtype, channel, "
	    "priority, category, stage, subject, body, assignee_id, created_at,"
	    " first_response_due, resolution_due, updated_at) VALUES (?, ?, ?, "
	    "?, ?, ?, ?, coalesce(?, ''), ?, ?, ?, ?, ?, ?)");
	sqlite3_bind_int64(st, 1, cust);
	cs_bind_text(st, 2, type, 0);
	cs_bind_text(st, 3, in->v[CS_TK_SUBTYPE], 1);
	cs_bind_text(st, 4, nz(in->v[CS_TK_CHANNEL]) ? in->v[CS_TK_CHANNEL] :
	    "phone", 0);
	cs_bind_text(st, 5, prio, 0);
	cs_bind_text(st, 6, in->v[CS_TK_CATEGORY], 1);
	cs_bind_text(st, 7, in->v[CS_TK_STAGE], 1);
	cs_bind_text(st, 8, in->v[CS_TK_SUBJECT], 1);
	cs_bind_text(st, 9, in->v[CS_TK_BODY], 1);
	if (agent)
		sqlite3_bind_int64(st, 10, agent);
	else
		sqlite3_bind_null(st, 10);
	sqlite3_bind_int64(st, 11, now);
	if (fr) {
		sqlite3_bind_int64(st, 12, fr);
		sqlite3_bind_int64(st, 13, res);
	} else {
		sqlite3_bind_null(st, 12);
		sqlite3_bind_null(st, 13);
	}
	sqlite3_bind_int64(st, 14, now);
	if ((rc = cs_step_done(st, "new ticket")))
		return rc;
	*id = sqlite3_last_insert_rowid(sqlite3_db_handle(st));
	if ((rc = event(*id, "created", "status", NULL, "new",
	    in->v[CS_TK_SUBJECT], 0)))
		return rc;
	if (agent && (rc = event(*id, "assign", "assignee", NULL,
	    in->v[CS_TK_ASSIGNEE], NULL, 0)))
		return rc;
	return CS_ROW_ADDED;
}

/* The current status and type of a ticket; 0 when there is none. */
static int
load(int64_t id, char status[16], char type[64])
{
	sqlite3_stmt *st = cs_sql("SELECT status, type FROM ticket WHERE "
	    "id = ?");
	int r;

	sqlite3_bind_int64(st, 1, id);
	r = sqlite3_step(st) == SQLITE_ROW;
	if (r) {
		snprintf(status, 16, "%s", cs_col_text(st, 0));
		snprintf(type, 64, "%s", cs_col_text(st, 1));
	}
	sqlite3_reset(st);
	return r;
}

/* The first public reply or status change by staff is the first response. */
static int
first_response(int64_t id)
{
	sqlite3_stmt *st = cs_sql("UPDATE ticket SET first_response_at = ? "
	    "WHERE id = ? AND first_response_at IS NULL");

	sqlite3_bind_int64(st, 1, cs_now());
	sqlite3_bind_int64(st, 2, id);
	return cs_step_done(st, "ticket");
}

static int
same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static char *
allowed(const char *status)
{
	struct cs_buf b = { 0 };
	char pad[24];
	int i;

	snprintf(pad, sizeof(pad), " %s ", status);
	for (i = 0; moves[i].action; i++)
		if (strstr(moves[i].from, pad))
			cs_buf_addf(&b, "%s%s", b.len ? ", " : "",
			    moves[i].action);
	return b.s ? b.s : cs_xstrdup("none");
}

int
cs_ticket_move(int64_t id, const char *action, const struct cs_ticket_act *a,
    char **problem)
{
	const struct move *m;
	char status[16], type[64], pad[24], *ok;
	char *old_cause = NULL, *old_stage = NULL;	/* owned */
	sqlite3_stmt *st;
	int64_t now = cs_now();
	int rc;

	*problem = NULL;
	for (m = moves; m->action && strcmp(m->action, action); m++)
		;
	if (!m->action)
		return cs_err(CS_EX_SOFTWARE, "internal error: action %s",
		    action);
	if (!load(id, status, type)) {
		*problem = cs_xasprintf("no ticket %lld", (long long)id);
		return CS_NOT_FOUND;
	}
	snprintf(pad, sizeof(pad), " %s ", status);
	if (!strstr(m->from, pad)) {
		ok = allowed(status);
		*problem = cs_xasprintf("ticket %lld is %s: it cannot %s "
		    "(allowed from %s: %s)", (long long)id, status, action,
		    status, ok);
		free(ok);
		return -1;
	}
	if (strcmp(action, "resolve") == 0) {
		st = cs_sql("SELECT resolution, root_cause, stage FROM ticket "
		    "WHERE id = ?");
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st) == SQLITE_ROW && cs_col_text(st, 0) &&
		    *cs_col_text(st, 0);
		/* the events of the fields name what they replace */
		old_cause = cs_col_text(st, 1) ? cs_xstrdup(cs_col_text(st, 1)) :
		    NULL;
		old_stage = cs_col_text(st, 2) ? cs_xstrdup(cs_col_text(st, 2)) :
		    NULL;
		sqlite3_reset(st);
		if (strcmp(type, "complaint") == 0 && !rc &&
		    cs_text_blank(a->note)) {
			*problem = cs_xasprintf("ticket %lld is a complaint: "
			    "resolving it needs --resolution", (long long)id);
			free(old_cause);
			free(old_stage);
			return -1;
		}
		/* resolved_by: the assignee, else the agent doing it */
		st = cs_sql("UPDATE ticket SET status = 'resolved', "
		    "resolved_at = ?1, closed_at = NULL, pending_until = NULL, "
		    "resolution = coalesce(?2, resolution), root_cause = "
		    "coalesce(?3, root_cause), stage = coalesce(?4, stage), "
		    "resolved_by = coalesce(assignee_id, (SELECT id FROM agent "
		    "WHERE login = ?5)), updated_at = ?1 WHERE id = ?6");
		sqlite3_bind_int64(st, 1, now);
		cs_bind_text(st, 2, cs_text_blank(a->note) ? NULL : a->note, 1);
		cs_bind_text(st, 3, a->root_cause, 1);
		cs_bind_text(st, 4, a->stage, 1);
		cs_bind_text(st, 5, cs_actor(), 0);
		sqlite3_bind_int64(st, 6, id);
	} else if (strcmp(action, "close") == 0) {
		st = cs_sql("UPDATE ticket SET status = 'closed', closed_at = ?1,"
		    " updated_at = ?1 WHERE id = ?2");
		sqlite3_bind_int64(st, 1, now);
		sqlite3_bind_int64(st, 2, id);
	} else if (strcmp(action, "reopen") == 0) {
		st = cs_sql("UPDATE ticket SET status = 'reopened', reopened = "
		    "reopened + 1, resolved_at = NULL, closed_at = NULL, "
		    "updated_at = ?1 WHERE id = ?2");
		sqlite3_bind_int64(st, 1, now);
		sqlite3_bind_int64(st, 2, id);
	} else {
		st = cs_sql("UPDATE ticket SET status = ?1, pending_until = ?2, "
		    "updated_at = ?3 WHERE id = ?4");
		cs_bind_text(st, 1, m->to, 0);
		if (a->until)
			sqlite3_bind_int64(st, 2, a->until);
		else
			sqlite3_bind_null(st, 2);
		sqlite3_bind_int64(st, 3, now);
		sqlite3_bind_int64(st, 4, id);
	}
	if ((rc = cs_step_done(st, "ticket")) ||
	    (strcmp(action, "reopen") != 0 && (rc = first_response(id))) ||
	    (rc = event(id, "status", "status", status, m->to, a->note, 0)))
		goto out;
	if (strcmp(action, "reopen") == 0)
		rc = hold_revisit(id);
	if (strcmp(action, "resolve") == 0) {
		if (a->root_cause && !same(old_cause, a->root_cause) &&
		    (rc = event(id, "field", "root_cause", old_cause,
		    a->root_cause, NULL, 0)))
			goto out;
		if (a->stage && !same(old_stage, a->stage) && (rc = event(id,
		    "field", "stage", old_stage, a->stage, NULL, 0)))
			goto out;
		rc = auto_revisit(id, now);
	}
out:
	free(old_cause);
	free(old_stage);
	return rc;
}

int
cs_ticket_assign(int64_t id, const char *login, char **problem)
{
	sqlite3_stmt *st;
	char *old = NULL;
	int64_t agent;
	int inactive, rc;

	*problem = NULL;
	agent = agent_of(login, &inactive);
	if (!agent || inactive) {
		*problem = cs_xasprintf(agent ? "%s is inactive" :
		    "no agent '%s'", login);
		return -1;
	}
	st = cs_sql("SELECT (SELECT login FROM agent a WHERE a.id = "
	    "t.assignee_id) FROM ticket t WHERE t.id = ?");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		*problem = cs_xasprintf("no ticket %lld", (long long)id);
		return CS_NOT_FOUND;
	}
	if (cs_col_text(st, 0))
		old = cs_xstrdup(cs_col_text(st, 0));
	sqlite3_reset(st);
	if (old && strcmp(old, login) == 0) {
		free(old);
		return 0;
	}
	st = cs_sql("UPDATE ticket SET assignee_id = ?, updated_at = ? WHERE "
	    "id = ?");
	sqlite3_bind_int64(st, 1, agent);
	sqlite3_bind_int64(st, 2, cs_now());
	sqlite3_bind_int64(st, 3, id);
	rc = cs_step_done(st, "ticket");
	if (!rc)
		rc = event(id, "assign", "assignee", old, login, NULL, 0);
	free(old);
	return rc;
}

int
cs_ticket_note(int64_t id, int public, const char *text, char **problem)
{
	char status[16], type[64];
	struct cs_ticket_act a = { 0 };
	int rc;

	*problem = NULL;
	if (!load(id, status, type)) {
		*problem = cs_xasprintf("no ticket %lld", (long long)id);
		return CS_NOT_FOUND;
	}
	if (cs_text_blank(text)) {
		*problem = cs_xstrdup("the text is empty");
		return -1;
	}
	if ((rc = event(id, public ? "reply" : "comment", NULL, NULL, NULL,
	    text, public)))
		return rc;
	if (!public)
		return 0;
	/* A reply to a new ticket opens it: the work has started. */
	if (strcmp(status, "new") == 0)
		return cs_ticket_move(id, "start", &a, problem);
	return first_response(id);
}

int
cs_ticket_escalate(int64_t id, const char *to, const char *reason,
    char **problem)
{
	char *before;
	sqlite3_stmt *st;
	int inactive, rc;
	int64_t agent;

	*problem = NULL;
	if (!cs_ticket_exists(id)) {
		*problem = cs_xasprintf("no ticket %lld", (long long)id);
		return CS_NOT_FOUND;
	}
	if (!reason || !*reason) {
		*problem = cs_xstrdup("an escalation needs --reason");
		return -1;
	}
	agent = agent_of(to, &inactive);
	if (agent && !inactive) {
		if ((rc = cs_ticket_assign(id, to, problem)))
			return rc;
	} else {
		st = cs_sql("SELECT 1 FROM agent WHERE team = ? AND active = 1");
		cs_bind_text(st, 1, to, 0);
		rc = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
		if (!rc) {
			*problem = cs_xasprintf("'%s' is neither an active agent "
			    "nor a team", to);
			return -1;
		}
	}
	st = cs_sql("SELECT escalated_to FROM ticket WHERE id = ?");
	sqlite3_bind_int64(st, 1, id);
	before = sqlite3_step(st) == SQLITE_ROW && cs_col_text(st, 0) ?
	    cs_xstrdup(cs_col_text(st, 0)) : NULL;
	sqlite3_reset(st);
	st = cs_sql("UPDATE ticket SET escalated_to = ?, updated_at = ? WHERE "
	    "id = ?");
	cs_bind_text(st, 1, to, 0);
	sqlite3_bind_int64(st, 2, cs_now());
	sqlite3_bind_int64(st, 3, id);
	if (!(rc = cs_step_done(st, "ticket")))
		rc = event(id, "escalate", "escalated_to", before, to, reason, 0);
	free(before);
	return rc;
}

int
cs_ticket_rate(int64_t id, int score, const char *comment, char **problem)
{
	char status[16], type[64], s[4], was[4] = "";
	sqlite3_stmt *st;
	int rc;

	*problem = NULL;
	st = cs_sql("SELECT csat FROM ticket WHERE id = ?");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW && cs_col_text(st, 0))
		snprintf(was, sizeof(was), "%s", cs_col_text(st, 0));
	sqlite3_reset(st);
	if (!load(id, status, type)) {
		*problem = cs_xasprintf("no ticket %lld", (long long)id);
		return CS_NOT_FOUND;
	}
	if (score < 1 || score > 5) {
		*problem = cs_xstrdup("a score is 1 to 5");
		return -1;
	}
	if (strcmp(status, "resolved") != 0 && strcmp(status, "closed") != 0) {
		*problem = cs_xasprintf("ticket %lld is %s: rate it once it is "
		    "resolved", (long long)id, status);
		return -1;
	}
	st = cs_sql("UPDATE ticket SET csat = ?, csat_at = ?, csat_comment = "
	    "?, updated_at = ? WHERE id = ?");
	sqlite3_bind_int(st, 1, score);
	sqlite3_bind_int64(st, 2, cs_now());
	cs_bind_text(st, 3, comment, 1);
	sqlite3_bind_int64(st, 4, cs_now());
	sqlite3_bind_int64(st, 5, id);
	if ((rc = cs_step_done(st, "ticket")))
		return rc;
	snprintf(s, sizeof(s), "%d", score);
	return event(id, "rate", "csat", *was ? was : NULL, s, comment, 0);
}

int
cs_ticket_link(int64_t id, const char *article, char **problem)
{
	sqlite3_stmt *st;
	char ref[24];
	int64_t aid;
	int rc;

	*problem = NULL;
	if (!cs_ticket_exists(id)) {
		*problem = cs_xasprintf("no ticket %lld", (long long)id);
		return CS_NOT_FOUND;
	}
	if (!article || !*article || strlen(article) > 64) {
		*problem = cs_xstrdup("an article is named by its id");
		return -1;
	}
	/* The article of the knowledge base (cs-kb), written as its id. */
	if (!(aid = cs_kb_ref(article))) {
		*problem = cs_xasprintf("no such article %s in the knowledge "
		    "base (see cs-kb list)", article);
		return -1;
	}
	snprintf(ref, sizeof(ref), "%lld", (long long)aid);
	article = ref;
	st = cs_sql("INSERT OR IGNORE INTO ticket_link (ticket_id, article, "
	    "linked_at, actor) VALUES (?, ?, ?, ?)");
	sqlite3_bind_int64(st, 1, id);
	cs_bind_text(st, 2, article, 0);
	sqlite3_bind_int64(st, 3, cs_now());
	cs_bind_text(st, 4, cs_actor(), 0);
	if ((rc = cs_step_done(st, "link")))
		return rc;
	if (sqlite3_changes(sqlite3_db_handle(st)) == 0)
		return 0;
	return event(id, "link", "article", NULL, article, NULL, 0);
}

/* Changes the descriptive fields of a ticket that are not given[] NULL:
 * subtype, category, stage, priority, subject, root_cause (an empty one
 * clears it, but a priority and a subject are never empty). Each change
 * is an event from the old value to the new; a new priority takes the
 * due times of its SLA policy, from the ticket's creation. */
int
cs_ticket_update(int64_t id, const char *const given[CS_TK_NFIELDS],
    char **problem)
{
	static const int fields[] = { CS_TK_SUBTYPE, CS_TK_CATEGORY,
		CS_TK_STAGE, CS_TK_PRIORITY, CS_TK_SUBJECT, CS_TK_ROOT_CAUSE,
		-1 };
	static const char *const cols[] = { "subtype", "category", "stage",
		"priority", "subject", "root_cause" };
	/* literal texts: cs_sql caches statements by their text's address */
#define GET(c) "SELECT " c " FROM ticket WHERE id = ?"
#define SET(c) "UPDATE ticket SET " c " = ?, updated_at = ? WHERE id = ?"
	static const char *const get[] = { GET("subtype"), GET("category"),
		GET("stage"), GET("priority"), GET("subject"),
		GET("root_cause") };
	static const char *const set[] = { SET("subtype"), SET("category"),
		SET("stage"), SET("priority"), SET("subject"),
		SET("root_cause") };
#undef GET
#undef SET
	char status[16], type[64], *old;
	const char *v, *why;
	sqlite3_stmt *st;
	int64_t fr, res, created;
	int i, rc, changed = 0;

	*problem = NULL;
	if (!load(id, status, type)) {
		*problem = cs_xasprintf("no ticket %lld", (long long)id);
		return CS_NOT_FOUND;
	}
	for (i = 0; fields[i] >= 0; i++) {
		if (!(v = given[fields[i]]))
			continue;
		if (fields[i] == CS_TK_PRIORITY &&
		    (why = check_choice(CS_TK_PRIORITY, v))) {
			*problem = cs_xasprintf("--priority %s: %s", v, why);
			return -1;
		}
		st = cs_sql(get[i]);
		sqlite3_bind_int64(st, 1, id);
		old = sqlite3_step(st) == SQLITE_ROW && cs_col_text(st, 0) &&
		    *cs_col_text(st, 0) ? cs_xstrdup(cs_col_text(st, 0)) : NULL;
		sqlite3_reset(st);
		if ((!old && !*v) || (old && strcmp(old, v) == 0)) {
			free(old);
			continue;
		}
		st = cs_sql(set[i]);
		if (*v || fields[i] == CS_TK_SUBJECT)
			cs_bind_text(st, 1, v, 0);
		else
			sqlite3_bind_null(st, 1);
		sqlite3_bind_int64(st, 2, cs_now());
		sqlite3_bind_int64(st, 3, id);
		rc = cs_step_done(st, "ticket");
		if (!rc)
			rc = event(id, "field", cols[i], old, *v ? v : NULL, NULL,
			    0);
		free(old);
		if (rc)
			return rc;
		changed |= fields[i] == CS_TK_PRIORITY;
	}
	/* A ticket resolved or closed keeps the targets it was measured
	 * against: a report already sent must not change. */
	if (!changed || strcmp(status, "resolved") == 0 ||
	    strcmp(status, "closed") == 0)
		return 0;
	st = cs_sql("SELECT created_at FROM ticket WHERE id = ?");
	sqlite3_bind_int64(st, 1, id);
	created = sqlite3_step(st) == SQLITE_ROW ?
	    sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	cs_sla_due(type, given[CS_TK_PRIORITY], created, &fr, &res);
	st = cs_sql("UPDATE ticket SET first_response_due = ?, resolution_due "
	    "= ? WHERE id = ?");
	if (fr) {
		sqlite3_bind_int64(st, 1, fr);
		sqlite3_bind_int64(st, 2, res);
	}
	sqlite3_bind_int64(st, 3, id);
	return cs_step_done(st, "ticket");
}

/* ---- import of history ---------------------------------------------- */

static int
parse_ts(const char *s, int64_t *t)
{
	if (!nz(s)) {
		*t = 0;
		return 0;
	}
	return cs_parse_time(s, t);
}

int
cs_ticket_import(const struct cs_ticket_in *in, int64_t *id, int *field,
    char **problem)
{
	static const int tf[] = { CS_TK_CREATED_AT, CS_TK_FIRST_RESPONSE_AT,
		CS_TK_RESOLVED_AT, CS_TK_CLOSED_AT };
	int64_t t[4], cust, agent = 0, fr = 0, res = 0, old = 0, reopened = 0;
	const char *why, *status, *last, *prio;
	sqlite3_stmt *st;
	int64_t n;
	int f, i, csat = 0, inactive, rc, before = 0;

	*problem = NULL;
	*field = -1;
	if (!nz(in->v[CS_TK_EXTERNAL_ID]))
		return fail(field, CS_TK_EXTERNAL_ID, problem, "an external_id "
		    "is required, so that a re-import updates");
	if ((f = check_common(in, &why)) >= 0)
		return fail(field, f, problem, why);
	for (i = 0; i < 4; i++)
		if (parse_ts(in->v[tf[i]], &t[i]) < 0)
			return fail(field, tf[i], problem, "not a time (use "
			    "2026-11-24T09:30, local time unless an offset is "
			    "given)");
	if (!t[0])
		return fail(field, CS_TK_CREATED_AT, problem, "created_at is "
		    "required");
	for (i = 1; i < 4; i++)
		if (t[i] && t[i] < t[0])
			return fail(field, tf[i], problem, "before created_at");
	if (t[3] && t[2] && t[3] < t[2])
		return fail(field, CS_TK_CLOSED_AT, problem, "before "
		    "resolved_at");
	/* the state its times tell, the status when none is given */
	last = t[3] ? "closed" : t[2] ? "resolved" : t[1] ? "open" : "new";
	if (!(status = nz(in->v[CS_TK_STATUS])))
		status = last;
	if ((t[2] || t[3]) && strcmp(status, "resolved") != 0 &&
	    strcmp(status, "closed") != 0 && strcmp(status, "reopened") != 0)
		return fail(field, CS_TK_STATUS, problem, "a ticket with "
		    "resolved_at or closed_at is resolved, closed or reopened");
	if ((strcmp(status, "resolved") == 0 || strcmp(status, "closed") == 0)
	    && !t[2])
		return fail(field, CS_TK_RESOLVED_AT, problem, "a resolved or "
		    "closed ticket needs resolved_at");
	if (strcmp(status, "closed") == 0 && !t[3])
		return fail(field, CS_TK_CLOSED_AT, problem, "a closed ticket "
		    "needs closed_at");
	if (nz(in->v[CS_TK_CSAT])) {
		if (cs_parse_int(in->v[CS_TK_CSAT], 1, 5, &n) == 0)
			csat = (int)n;
		else
			return fail(field, CS_TK_CSAT, problem, "a score is a "
			    "whole number from 1 to 5");
		if (!t[2])
			return fail(field, CS_TK_CSAT, problem, "a score needs "
			    "the ticket resolved (resolved_at)");
	}
	if (nz(in->v[CS_TK_REOPENED])) {
		if (cs_parse_int(in->v[CS_TK_REOPENED], 0, 1000, &reopened))
			return fail(field, CS_TK_REOPENED, problem, "reopened "
			    "counts the reopenings: 0 or more");
		if (reopened == 0 && strcmp(status, "reopened") == 0)
			return fail(field, CS_TK_REOPENED, problem, "a "
			    "reopened ticket was reopened at least once");
	} else if (strcmp(status, "reopened") == 0)
		reopened = 1;
	if (nz(in->v[CS_TK_ASSIGNEE])) {
		agent = agent_of(in->v[CS_TK_ASSIGNEE], &inactive);
		if (!agent)
			return fail(field, CS_TK_ASSIGNEE, problem, "no agent "
			    "with this login");
	}
	if (!(cust = customer_of(in->v[CS_TK_CUSTOMER],
	    in->create_customers, problem))) {
		*field = CS_TK_CUSTOMER;
		return -1;
	}
	prio = nz(in->v[CS_TK_PRIORITY]) ? in->v[CS_TK_PRIORITY] : "normal";
	cs_sla_due(in->v[CS_TK_TYPE], prio, t[0], &fr, &res);
	/* A new external_id is inserted at once, its unique index telling a
	 * known one; only then is the stored ticket read and compared. */
again:
	if (old) {
		/* Unchanged when every imported column holds what is stored. */
		st = cs_sql("SELECT count(*) FROM ticket WHERE id = ?1 AND "
		    "customer_id = ?2 AND type = ?3 AND subtype IS ?4 AND "
		    "channel = ?5 AND category IS ?6 AND stage IS ?7 AND "
		    "priority = ?8 AND status = ?9 AND assignee_id IS ?10 AND "
		    "subject = coalesce(?11, '') AND body IS ?12 AND "
		    "created_at = ?13 AND first_response_at IS ?14 AND "
		    "resolved_at IS ?15 AND closed_at IS ?16 AND reopened = ?17 "
		    "AND csat IS ?18 AND root_cause IS ?19 AND resolution IS "
		    "?20");
		sqlite3_bind_int64(st, 1, old);
		before = 1;
	} else
		st = cs_sql("INSERT INTO ticket (customer_id, type, subtype, "
		    "channel, category, stage, priority, status, assignee_id, "
		    "subject, body, created_at, first_response_at, resolved_at, "
		    "closed_at, reopened, csat, root_cause, resolution, "
		    "external_id, resolved_by, csat_at, first_response_due, "
		    "resolution_due, updated_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, "
		    "?8, ?9, ?10, coalesce(?11, ''), ?12, ?13, ?14, ?15, ?16, "
		    "?17, ?18, ?19, ?20, ?21, CASE WHEN ?15 IS NOT NULL THEN "
		    "?10 END, CASE WHEN ?18 IS NOT NULL THEN ?15 END, ?22, ?23, "
		    "?24) ON CONFLICT (external_id) DO NOTHING");
	for (;;) {
		sqlite3_bind_int64(st, 2, cust);
		cs_bind_text(st, 3, in->v[CS_TK_TYPE], 0);
		cs_bind_text(st, 4, in->v[CS_TK_SUBTYPE], 1);
		cs_bind_text(st, 5, nz(in->v[CS_TK_CHANNEL]) ?
		    in->v[CS_TK_CHANNEL] : "phone", 0);
		cs_bind_text(st, 6, in->v[CS_TK_CATEGORY], 1);
		cs_bind_text(st, 7, in->v[CS_TK_STAGE], 1);
		cs_bind_text(st, 8, prio, 0);
		cs_bind_text(st, 9, status, 0);
		if (agent)
			sqlite3_bind_int64(st, 10, agent);
		cs_bind_text(st, 11, in->v[CS_TK_SUBJECT], 1);
		cs_bind_text(st, 12, in->v[CS_TK_BODY], 1);
		for (i = 0; i < 4; i++)
			if (t[i])
				sqlite3_bind_int64(st, 13 + i, t[i]);
		sqlite3_bind_int64(st, 17, reopened);
		if (csat)
			sqlite3_bind_int(st, 18, csat);
		cs_bind_text(st, 19, in->v[CS_TK_ROOT_CAUSE], 1);
		cs_bind_text(st, 20, in->v[CS_TK_RESOLUTION], 1);
		if (!before)
			break;
		rc = sqlite3_step(st);
		f = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
		sqlite3_reset(st);
		*id = old;
		if (f)
			return CS_ROW_UNCHANGED;
		before = 0;
		st = cs_sql("UPDATE ticket SET customer_id = ?2, type = ?3, "
		    "subtype = ?4, channel = ?5, category = ?6, stage = ?7, "
		    "priority = ?8, status = ?9, assignee_id = ?10, subject = "
		    "coalesce(?11, ''), body = ?12, created_at = ?13, "
		    "first_response_at = ?14, resolved_at = ?15, closed_at = ?16,"
		    " reopened = ?17, csat = ?18, root_cause = ?19, resolution = "
		    "?20, resolved_by = CASE WHEN ?15 IS NOT NULL THEN ?10 END, "
		    "csat_at = CASE WHEN ?18 IS NOT NULL THEN ?15 END, "
		    "first_response_due = ?22, resolution_due = ?23, "
		    "updated_at = ?24 WHERE id = ?1");
		sqlite3_bind_int64(st, 1, old);
	}
	if (!old)
		cs_bind_text(st, 21, in->v[CS_TK_EXTERNAL_ID], 0);
	if (fr) {
		sqlite3_bind_int64(st, 22, fr);
		sqlite3_bind_int64(st, 23, res);
	}
	sqlite3_bind_int64(st, 24, cs_now());
	if ((rc = cs_step_done(st, "ticket import")))
		return rc;
	if (!old && sqlite3_changes(sqlite3_db_handle(st)) == 0) {
		st = cs_sql("SELECT id FROM ticket WHERE external_id = ?");
		cs_bind_text(st, 1, in->v[CS_TK_EXTERNAL_ID], 0);
		if (sqlite3_step(st) == SQLITE_ROW)
			old = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (old)
			goto again;
		return cs_err(CS_EX_SOFTWARE, "ticket import: %s: neither "
		    "added nor found", in->v[CS_TK_EXTERNAL_ID]);
	}
	if (!old)
		*id = sqlite3_last_insert_rowid(sqlite3_db_handle(st));
	/* The history of an imported ticket is its imported events, made
	 * anew on each import. */
	if (old) {
		st = cs_sql("DELETE FROM ticket_event WHERE ticket_id = ? AND "
		    "note = 'imported'");
		sqlite3_bind_int64(st, 1, *id);
		if ((rc = cs_step_done(st, "ticket import")))
			return rc;
	}
	if ((rc = event_at(*id, t[0], "created", "status", NULL, "new",
	    "imported", 0)))
		return rc;
	if (t[1] && (rc = event_at(*id, t[1], "reply", NULL, NULL, NULL,
	    "imported", 1)))
		return rc;
	if (t[2] && (rc = event_at(*id, t[2], "status", "status", NULL,
	    "resolved", "imported", 0)))
		return rc;
	/* an imported score counts as given when the ticket was resolved */
	if (csat) {
		char s[8];

		snprintf(s, sizeof(s), "%d", csat);
		if ((rc = event_at(*id, t[2], "rate", "csat", NULL, s,
		    "imported", 0)))
			return rc;
	}
	if (t[3] && (rc = event_at(*id, t[3], "status", "status", "resolved",
	    "closed", "imported", 0)))
		return rc;
	/* A ticket imported as reopened was reopened at some time after its
	 * last recorded change: on the timeline, at that change, so that it
	 * is back at work (in the backlog) from then on. */
	if (strcmp(status, "reopened") == 0 && (rc = event_at(*id, t[3] ? t[3] :
	    t[2] ? t[2] : t[1] ? t[1] : t[0], "status", "status", last,
	    "reopened", "imported", 0)))
		return rc;
	return old ? CS_ROW_UPDATED : CS_ROW_ADDED;
}

/* ---- the list query ---------------------------------------------------- */

const struct cs_col cs_ticket_cols[] = {
	{ "id", "编号", CS_COL_NUM },
	{ "external_id", "外部编号", CS_COL_TEXT },
	{ "customer_id", "客户编号", CS_COL_NUM },
	{ "customer", "客户", CS_COL_TEXT },
	{ "type", "类型", CS_COL_TEXT },
	{ "subtype", "子类", CS_COL_TEXT },
	{ "channel", "渠道", CS_COL_TEXT },
	{ "priority", "优先级", CS_COL_TEXT },
	{ "category", "分类", CS_COL_TEXT },
	{ "status", "状态", CS_COL_TEXT },
	{ "assignee", "处理人", CS_COL_TEXT },
	{ "subject", "主题", CS_COL_TEXT },
	{ "created_at", "创建时间", CS_COL_TEXT },
	{ "first_response_at", "首次响应", CS_COL_TEXT },
	{ "resolved_at", "解决时间", CS_COL_TEXT },
	{ "resolution_due", "解决时限", CS_COL_TEXT },
	{ "csat", "满意度", CS_COL_NUM },
};
const size_t cs_ticket_ncols = sizeof(cs_ticket_cols) /
    sizeof(cs_ticket_cols[0]);

/* Columns 12 to 15 are instants, shown in local ISO 8601 by the caller. */
#define LIST_SQL "SELECT t.id, t.external_id, t.customer_id, c.name, " \
	"t.type, t.subtype, t.channel, t.priority, t.category, t.status, " \
	"a.login, t.subject, t.created_at, t.first_response_at, " \
	"t.resolved_at, t.resolution_due, t.csat FROM ticket t " \
	"JOIN customer c ON c.id = t.customer_id " \
	"LEFT JOIN agent a ON a.id = t.assignee_id WHERE 1"

static const struct {
	const char *name, *sql;
} sorts[] = {
	{ "id", "t.id" }, { "created_at", "t.created_at" },
	/* priority ascends from low to urgent: -priority is urgent first */
	{ "resolved_at", "t.resolved_at" }, { "priority", "CASE t.priority "
	    "WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 "
	    "ELSE 0 END" }, { "status", "t.status" }, { "type", "t.type" },
	{ "assignee", "a.login" }, { "customer", "t.customer_id" },
	{ "due", "t.resolution_due" }, { NULL, NULL }
};

int
cs_ticket_query(const struct cs_ticket_filter *f, sqlite3_stmt **out)
{
	struct cs_buf q = { 0 };
	const char *tx[64];
	int64_t in[64];
	int kind[64], n = 0, i, k, rc = 0, desc;
	char *copy, *tok, *save = NULL, *pat;
	sqlite3 *db;

#define TEXT(s) do { kind[n] = 0; tx[n++] = (s); } while (0)
#define INT(v) do { kind[n] = 1; in[n++] = (v); } while (0)
	cs_buf_adds(&q, LIST_SQL);
	if (f->nstatus) {
		cs_buf_adds(&q, " AND t.status IN (");
		for (i = 0; i < (int)f->nstatus && n < 40; i++) {
			cs_buf_adds(&q, i ? ", ?" : "?");
			TEXT(f->status[i]);
		}
		cs_buf_adds(&q, ")");
	}
	if (f->open)
		cs_buf_adds(&q, " AND t.status NOT IN ('resolved', 'closed')");
	if (f->type) {
		cs_buf_adds(&q, " AND t.type = ?");
		TEXT(f->type);
	}
	if (f->channel) {
		cs_buf_adds(&q, " AND t.channel = ?");
		TEXT(f->channel);
	}
	if (f->priority) {
		cs_buf_adds(&q, " AND t.priority = ?");
		TEXT(f->priority);
	}
	if (f->category) {
		cs_buf_adds(&q, " AND t.category = ?");
		TEXT(f->category);
	}
	if (f->assignee) {
		cs_buf_adds(&q, " AND a.login = ?");
		TEXT(f->assignee);
	}
	if (f->unassigned)
		cs_buf_adds(&q, " AND t.assignee_id IS NULL");
	if (f->customer) {
		cs_buf_adds(&q, " AND t.customer_id = ?");
		INT(f->customer);
	}
	if (f->id) {
		cs_buf_adds(&q, " AND t.id = ?");
		INT(f->id);
	}
	if (f->created) {
		cs_buf_adds(&q, " AND t.created_at >= ? AND t.created_at < ?");
		INT(f->created->start);
		INT(f->created->end);
	}
	/* Resolved in the period as the reports and the QA sample count
	 * it, from the timeline (cs_report_resolved fills temp.res before
	 * the query is prepared): a ticket reopened and resolved again
	 * later is still listed where it was resolved, not only where its
	 * resolved_at now falls. */
	if (f->resolved)
		cs_buf_adds(&q, " AND t.id IN (SELECT id FROM temp.res)");
	if (f->overdue) {
		cs_buf_adds(&q, " AND t.status NOT IN ('resolved', 'closed') AND "
		    "(t.resolution_due < ? OR (t.first_response_at IS NULL AND "
		    "t.first_response_due < ?))");
		INT(cs_now());
		INT(cs_now());
	}
	pat = NULL;
	if (f->search && *f->search) {
		struct cs_buf b = { 0 };
		const char *s;

		cs_buf_addc(&b, '%');
		for (s = f->search; *s; s++) {
			if (*s == '%' || *s == '_' || *s == '\\')
				cs_buf_addc(&b, '\\');
			cs_buf_addc(&b, *s);
		}
		cs_buf_addc(&b, '%');
		pat = b.s;
		cs_buf_adds(&q, " AND (t.subject LIKE ? ESCAPE '\\' OR "
		    "t.body LIKE ? ESCAPE '\\')");
		TEXT(pat);
		TEXT(pat);
	}
	cs_buf_adds(&q, " ORDER BY ");
	copy = cs_xstrdup(f->sort ? f->sort : "id");
	for (tok = strtok_r(copy, ",", &save), k = 0; tok;
	    tok = strtok_r(NULL, ",", &save)) {
		desc = *tok == '-';
		for (i = 0; sorts[i].name && strcmp(sorts[i].name, tok + desc);
		    i++)
			;
		if (!sorts[i].name) {
			rc = cs_err(CS_EX_USAGE, "--sort: unknown field '%s' (id, "
			    "created_at, resolved_at, priority, status, type, "
			    "assignee, customer, due)", tok + desc);
			break;
		}
		cs_buf_addf(&q, "%s%s%s", k++ ? ", " : "", sorts[i].sql,
		    desc ? " DESC" : "");
	}
	free(copy);
	if (!rc) {
		cs_buf_addf(&q, "%st.id", k ? ", " : "");
		if (f->limit > 0)
			cs_buf_addf(&q, " LIMIT %ld", f->limit);
		if ((rc = cs_db_open(CS_DB_READ, &db)) == 0 && f->resolved)
			rc = cs_report_resolved(f->resolved->start,
			    f->resolved->end);
		if (!rc && sqlite3_prepare_v2(db, q.s, -1, out, NULL) !=
		    SQLITE_OK)
			rc = cs_db_fail("ticket list");
	}
	for (i = 0; !rc && i < n; i++)
		if (kind[i])
			sqlite3_bind_int64(*out, i + 1, in[i]);
		else
			sqlite3_bind_text(*out, i + 1, tx[i], -1,
			    SQLITE_TRANSIENT);
#undef TEXT
#undef INT
	free(pat);
	cs_buf_free(&q);
	return rc;
}
