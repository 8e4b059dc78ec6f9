/* revisit.c - revisit tasks: planning, fair assignment, attempts */
#include <stdlib.h>
#include <string.h>

#include "cs.h"

const char *const cs_revisit_results = "reached no-answer busy refused "
    "invalid-number suspended";

static void
today(char ymd[16])
{
	cs_fmt_date(cs_now(), ymd);
}

/* plan_one with the customer's status known (NULL: look it up). */
static int
plan(struct cs_plan *p, int64_t customer, int64_t ticket, const char *period,
    const char *due, const char *known)
{
	sqlite3_stmt *st;
	char status[16];
	int exists, rc;

	if (known)
		snprintf(status, sizeof(status), "%s", known);
	else if (!cs_customer_status(customer, status)) {
		p->skipped_gone++;
		return 0;
	}
	if (strcmp(status, "invalid") == 0) {
		p->skipped_invalid++;
		return 0;
	}
	if (strcmp(status, "active") != 0) {
		p->skipped_gone++;
		return 0;
	}
	if (!p->dry_run) {
		/* one statement: the unique key says whether it was there */
		st = cs_sql("INSERT INTO revisit (customer_id, ticket_id, reason, "
		    "period, due_date, skill, created_at) VALUES (?, ?, ?, ?, ?, "
		    "?, ?) ON CONFLICT (customer_id, reason, period) DO NOTHING");
		sqlite3_bind_int64(st, 1, customer);
		if (ticket)
			sqlite3_bind_int64(st, 2, ticket);
		cs_bind_text(st, 3, p->reason, 0);
		cs_bind_text(st, 4, period, 0);
		cs_bind_text(st, 5, due, 0);
		cs_bind_text(st, 6, p->skill, 1);
		sqlite3_bind_int64(st, 7, cs_now());
		if ((rc = cs_step_done(st, "revisit")))
			return rc;
		exists = sqlite3_changes(sqlite3_db_handle(st)) == 0;
	} else {
		st = cs_sql("SELECT 1 FROM revisit WHERE customer_id = ? AND "
		    "reason = ? AND period = ?");
		sqlite3_bind_int64(st, 1, customer);
		cs_bind_text(st, 2, p->reason, 0);
		cs_bind_text(st, 3, period, 0);
		exists = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
		/* A dry run writes nothing, so it remembers what it would
		 * have planned: a customer twice in a list is one task. */
		if (!exists) {
			char *key = cs_xasprintf("%lld\x1f%s",
			    (long long)customer, period);

			if (!p->seen)
				p->seen = cs_map_new();
			exists = !cs_map_put(p->seen, key, 1, NULL);
			free(key);
		}
	}
	if (exists) {
		p->existing++;
		return 0;
	}
	p->planned++;
	if (p->show)
		p->show(p->arg, customer, ticket, period, due);
	return 0;
}

int
cs_revisit_plan_one(struct cs_plan *p, int64_t customer, int64_t ticket,
    const char *period, const char *due)
{
	return plan(p, customer, ticket, period, due, NULL);
}

/* Runs plan over the rows of st: customer, ticket, period, due, status. */
static int
plan_rows(struct cs_plan *p, sqlite3_stmt *st)
{
	struct {
		int64_t c, t;
		char *period, *due;
		char status[16];
	} *row = NULL;
	size_t n = 0, i;
	int rc = 0;

	/* Read first: planning writes to the table being read. */
	while (sqlite3_step(st) == SQLITE_ROW) {
		row = cs_xrealloc(row, (n + 1) * sizeof(*row));
		row[n].c = sqlite3_column_int64(st, 0);
		row[n].t = sqlite3_column_int64(st, 1);
		row[n].period = cs_xstrdup(cs_col_text(st, 2));
		row[n].due = cs_xstrdup(cs_col_text(st, 3));
		snprintf(row[n].status, sizeof(row[n].status), "%s",
		    cs_col_text(st, 4) ? cs_col_text(st, 4) : "");
		n++;
	}
	sqlite3_reset(st);
	for (i = 0; i < n; i++) {
		if (!rc)
			rc = plan(p, row[i].c, row[i].t, p->period ?
			    p->period : row[i].period, p->due ? p->due :
			    row[i].due, row[i].status[0] ? row[i].status :
			    NULL);
		free(row[i].period);
		free(row[i].due);
	}
	free(row);
	return rc;
}

int
cs_revisit_plan_resolved(struct cs_plan *p, int days, const char *type,
    int window)
{
	sqlite3_stmt *st;
	int64_t now = cs_now(), until, since;

	/* Resolved at least `days` ago, and not longer ago than the window
	 * on top of that, so that a cron job missing a day catches up. */
	until = cs_add_days(cs_day_start(now), 1 - days);
	since = cs_add_days(until, -window);
	st = cs_sql("SELECT t.customer_id, t.id, 'ticket:' || t.id, "
	    "date(t.resolved_at, 'unixepoch', 'localtime', ?1), (SELECT "
	    "c.status FROM customer c WHERE c.id = t.customer_id) FROM ticket t "
	    "WHERE t.resolved_at >= ?2 AND t.resolved_at < ?3 AND "
	    "(?4 IS NULL OR t.type = ?4) ORDER BY t.resolved_at, t.id");
	{
		char mod[32];

		snprintf(mod, sizeof(mod), "+%d days", days);
		cs_bind_text(st, 1, mod, 0);
	}
	sqlite3_bind_int64(st, 2, since);
	sqlite3_bind_int64(st, 3, until);
	cs_bind_text(st, 4, type, 1);
	return plan_rows(p, st);
}

int
cs_revisit_plan_date(struct cs_plan *p, const char *field, int days,
    int window)
{
	sqlite3_stmt *st;
	char path[128], mod[32], first[16], last[16];
	int64_t day;

	snprintf(path, sizeof(path), "$.\"%s\"", field);
	snprintf(mod, sizeof(mod), "%+d days", days);
	/* N+7: the date attribute plus the offset falls in the window that
	 * ends today, so the date is one of the window's days less the
	 * offset. The date is read by cs_day: a time counts on its local
	 * day, a number is no date. The period is that day, once each. */
	day = cs_add_days(cs_day_start(cs_now()), -days);
	cs_fmt_date(day, last);
	cs_fmt_date(cs_add_days(day, 1 - window), first);
	st = cs_sql("SELECT id, 0, ?3 || ':' || day, date(day, ?2), status "
	    "FROM (SELECT c.id AS id, cs_day(json_extract(c.attrs, ?1)) AS "
	    "day, c.status AS status FROM customer c) WHERE day BETWEEN ?4 "
	    "AND ?5 ORDER BY id");
	cs_bind_text(st, 1, path, 0);
	cs_bind_text(st, 2, mod, 0);
	cs_bind_text(st, 3, field, 0);
	cs_bind_text(st, 4, first, 0);
	cs_bind_text(st, 5, last, 0);
	return plan_rows(p, st);
}

int
cs_revisit_plan_every(struct cs_plan *p, const char *segment,
    const char *tag, int every)
{
	sqlite3_stmt *st;
	char ymd[16], start[16];
	int64_t day, epoch_days;

	/* Cycles of `every` days counted from 1970-01-01, so that every run
	 * within one cycle names the same period. */
	today(ymd);
	day = cs_day_start(cs_now());
	st = cs_sql("SELECT CAST(julianday(?) - julianday('1970-01-01') AS "
	    "INTEGER)");
	cs_bind_text(st, 1, ymd, 0);
	sqlite3_step(st);
	epoch_days = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	cs_fmt_date(cs_add_days(day, -(int)(epoch_days % every)), start);
	st = cs_sql("SELECT c.id, 0, ?1, ?2, c.status FROM customer c WHERE "
	    "(?3 IS NULL OR c.segment = ?3) AND (?4 IS NULL OR "
	    "instr(';' || c.tags || ';', ';' || ?4 || ';') > 0) "
	    "ORDER BY c.id");
	{
		char period[48];

		snprintf(period, sizeof(period), "every-%dd:%s", every, start);
		cs_bind_text(st, 1, period, 0);
	}
	cs_bind_text(st, 2, ymd, 0);
	cs_bind_text(st, 3, segment, 1);
	cs_bind_text(st, 4, tag, 1);
	return plan_rows(p, st);
}

/* ---- assignment --------------------------------------------------------- */

struct agent {
	int64_t id;
	char *login, *skills;
	double weight;
	long capacity;		/* -1: no limit */
	long load, today;
	int eligible;
};

static int
has_skill(const struct agent *a, const char *skill)
{
	size_t n;
	const char *p;

	if (!skill || !*skill)
		return 1;
	n = strlen(skill);
	for (p = a->skills; p && (p = strstr(p, skill)); p += n)
		if ((p == a->skills || p[-1] == ';') && (p[n] == ';' || !p[n]))
			return 1;
	return 0;
}

static int
can_take(const struct agent *a, const char *skill)
{
	return a->eligible && has_skill(a, skill) &&
	    (a->capacity < 0 || a->today < a->capacity);
}

int
cs_revisit_assign(const char *due, const char *reason, int dry_run,
    void (*emit)(void *, int64_t, int64_t, const char *, const char *,
    const char *), void *arg, long *assigned, long *left, long *held)
{
	struct agent *ag = NULL, *best;
	sqlite3_stmt *st;
	size_t n = 0, i, k;
	char day[16];
	int64_t start, now = cs_now(), owner, task;
	int rc = 0;

	*assigned = *left = *held = 0;
	today(day);
	start = cs_day_start(now);
	st = cs_sql("SELECT a.id, a.login, a.weight, coalesce(a.capacity, -1), "
	    "(SELECT count(*) FROM revisit v WHERE v.agent_id = a.id AND "
	    "v.status = 'open'), (SELECT count(*) FROM revisit v WHERE "
	    "v.agent_id = a.id AND v.assigned_at >= ?1 AND v.assigned_at < ?2),"
	    " (SELECT group_concat(skill, ';') FROM agent_skill s WHERE "
	    "s.agent_id = a.id), NOT EXISTS (SELECT 1 FROM agent_leave l WHERE "
	    "l.agent_id = a.id AND l.first_day <= ?3 AND l.last_day >= ?3) "
	    "FROM agent a WHERE a.active = 1 ORDER BY a.login");
	sqlite3_bind_int64(st, 1, start);
	sqlite3_bind_int64(st, 2, cs_add_days(start, 1));
	cs_bind_text(st, 3, day, 0);
	while (sqlite3_step(st) == SQLITE_ROW) {
		ag = cs_xrealloc(ag, (n + 1) * sizeof(*ag));
		ag[n].id = sqlite3_column_int64(st, 0);
		ag[n].login = cs_xstrdup(cs_col_text(st, 1));
		ag[n].weight = sqlite3_column_double(st, 2);
		ag[n].capacity = sqlite3_column_int(st, 3);
		ag[n].load = sqlite3_column_int(st, 4);
		ag[n].today = sqlite3_column_int(st, 5);
		ag[n].skills = cs_col_text(st, 6) ? cs_xstrdup(cs_col_text(st, 6)) : NULL;
		ag[n].eligible = sqlite3_column_int(st, 7);
		n++;
	}
	sqlite3_reset(st);
	st = cs_sql("SELECT v.id, v.customer_id, v.reason, v.due_date, v.skill, "
	    "coalesce(c.owner_id, 0), c.status = 'active' FROM revisit v JOIN "
	    "customer c ON c.id = v.customer_id WHERE v.status = 'open' AND "
	    "v.agent_id IS NULL AND v.due_date <= ?1 AND (?2 IS NULL OR "
	    "v.reason = ?2) ORDER BY v.due_date, v.id");
	cs_bind_text(st, 1, due, 0);
	cs_bind_text(st, 2, reason, 1);
	while (!rc && sqlite3_step(st) == SQLITE_ROW) {
		/* a contact marked invalid waits, held */
		if (!sqlite3_column_int(st, 6)) {
			(*held)++;
			continue;
		}
		task = sqlite3_column_int64(st, 0);
		owner = sqlite3_column_int64(st, 5);
		best = NULL;
		/* The customer's owner first, when they can take it. */
		for (i = 0; owner && i < n; i++)
			if (ag[i].id == owner && can_take(&ag[i], cs_col_text(st, 4)))
				best = &ag[i];
		/* Else the least (open tasks + 1) / weight; agents are by
		 * login, so the first of equals wins. */
		if (!best)
			for (k = 0; k < n; k++) {
				if (!can_take(&ag[k], cs_col_text(st, 4)))
					continue;
				if (!best || (ag[k].load + 1) * best->weight <
				    (best->load + 1) * ag[k].weight)
					best = &ag[k];
			}
		if (!best) {
			(*left)++;
			if (emit)
				emit(arg, task, sqlite3_column_int64(st, 1), NULL,
				    cs_col_text(st, 2), cs_col_text(st, 3));
			continue;
		}
		best->load++;
		best->today++;
		(*assigned)++;
		if (emit)
			emit(arg, task, sqlite3_column_int64(st, 1), best->login,
			    cs_col_text(st, 2), cs_col_text(st, 3));
		if (dry_run)
			continue;
		{
			sqlite3_stmt *up = cs_sql("UPDATE revisit SET agent_id = "
			    "?, assigned_at = ? WHERE id = ? AND agent_id IS NULL");

			sqlite3_bind_int64(up, 1, best->id);
			sqlite3_bind_int64(up, 2, now);
			sqlite3_bind_int64(up, 3, task);
			rc = cs_step_done(up, "assign");
		}
	}
	sqlite3_reset(st);
	for (i = 0; i < n; i++) {
		free(ag[i].login);
		free(ag[i].skills);
	}
	free(ag);
	return rc;
}

/* ---- attempts ----------------------------------------------------------- */

/* The attempt of cs_revisit_log, checked, at `now`: the complaint a low
 * score opens, the attempt, the contact marked, the task moved on. */
static int
attempt_write(const struct cs_attempt *at, int64_t customer, int64_t agent,
    int64_t attempts, int64_t now, int64_t *ticket, const char **column,
    char **problem)
{
	static const char *const invalid[] = { "refused", "invalid-number",
		"suspended", NULL };
	struct cs_ticket_in tin = { { 0 }, 0 };
	sqlite3_stmt *st;
	char ref[32], day[16], subject[256];
	const char *why, *to;
	int rc, i, finish = 0, field;

	if ((at->score && at->score <= 2) || at->complaint) {
		tin.v[CS_TK_CUSTOMER] = ref;
		snprintf(ref, sizeof(ref), "id:%lld", (long long)customer);
		tin.v[CS_TK_TYPE] = "complaint";
		tin.v[CS_TK_CHANNEL] = "phone";
		/* a long note is cut short in the subject (the body has it
		 * whole) at a whole character, not in the middle of one */
		if (snprintf(subject, sizeof(subject), "回访不满意：%s",
		    at->note && *at->note ? at->note : "回访中提出投诉") >=
		    (int)sizeof(subject) && (i = (int)cs_utf8_invalid(subject,
		    strlen(subject))) >= 0)
			subject[i] = '\0';
		tin.v[CS_TK_SUBJECT] = subject;
		tin.v[CS_TK_BODY] = at->note;
		rc = cs_ticket_new(&tin, ticket, &field, problem);
		if (rc < 0) {
			char *why_not = *problem;

			*column = NULL;
			*problem = cs_xasprintf("cannot open the complaint "
			    "ticket: %s", why_not);
			free(why_not);
			return -1;
		}
		if (rc > CS_ROW_UNCHANGED)
			return rc;
		/* the ticket's timeline tells the call it came from */
		snprintf(ref, sizeof(ref), "%lld", (long long)at->task);
		snprintf(day, sizeof(day), "score %d", at->score);
		if ((rc = cs_ticket_event(*ticket, "link", "revisit", NULL, ref,
		    at->complaint ? "--complaint" : day)))
			return rc;
	}
	st = cs_sql("INSERT INTO revisit_attempt (revisit_id, seq, at, actor, "
	    "agent_id, result, score, note, ticket_id) VALUES (?, ?, ?, ?, ?, "
	    "?, ?, ?, ?)");
	sqlite3_bind_int64(st, 1, at->task);
	sqlite3_bind_int64(st, 2, attempts + 1);
	sqlite3_bind_int64(st, 3, now);
	cs_bind_text(st, 4, cs_actor(), 0);
	if (agent)
		sqlite3_bind_int64(st, 5, agent);
	cs_bind_text(st, 6, at->result, 0);
	if (at->score)
		sqlite3_bind_int(st, 7, at->score);
	cs_bind_text(st, 8, at->note, 1);
	if (*ticket)
		sqlite3_bind_int64(st, 9, *ticket);
	if ((rc = cs_step_done(st, "attempt")))
		return rc;
	to = "open";
	if (strcmp(at->result, "reached") == 0) {
		to = "done";
		finish = 1;
	} else if (strcmp(at->result, "no-answer") == 0 ||
	    strcmp(at->result, "busy") == 0) {
		if (attempts + 1 >= at->max_attempts) {
			to = "failed";
			finish = 1;
		}
	} else {
		to = "failed";
		finish = 1;
		for (i = 0; invalid[i]; i++)
			if (strcmp(at->result, invalid[i]) == 0) {
				char cs[16];

				if (!cs_customer_status(customer, cs) ||
				    strcmp(cs, "active") != 0)
					continue;
				rc = cs_customer_invalidate(customer,
				    at->result, "revisit", &why);
				*column = "result";
				if (rc < 0)
					*problem = cs_xstrdup(why);
				if (rc)
					return rc;
			}
	}
	cs_fmt_date(cs_add_days(cs_day_start(now), at->retry_days), day);
	st = cs_sql("UPDATE revisit SET attempts = attempts + 1, last_result = "
	    "?1, score = coalesce(?2, score), note = coalesce(?3, note), "
	    "status = ?4, finished_at = ?5, due_date = CASE WHEN ?4 = 'open' "
	    "THEN ?6 ELSE due_date END WHERE id = ?7");
	cs_bind_text(st, 1, at->result, 0);
	if (at->score)
		sqlite3_bind_int(st, 2, at->score);
	cs_bind_text(st, 3, at->note, 1);
	cs_bind_text(st, 4, to, 0);
	if (finish)
		sqlite3_bind_int64(st, 5, now);
	cs_bind_text(st, 6, day, 0);
	sqlite3_bind_int64(st, 7, at->task);
	if ((rc = cs_step_done(st, "revisit")))
		return rc;
	return CS_ROW_ADDED;
}

int
cs_revisit_log(const struct cs_attempt *at, int64_t *ticket,
    const char **column, char **problem)
{
	struct cs_clock was;
	sqlite3_stmt *st;
	char status[16], ref[32];
	int64_t customer, agent, attempts, last, now = cs_now();
	int rc;

	*problem = NULL;
	*ticket = 0;
	*column = "result";
	if (!at->result || !strstr(" reached no-answer busy refused "
	    "invalid-number suspended ", at->result) || !*at->result ||
	    strchr(at->result, ' ')) {
		*problem = cs_xstrdup("unknown result: use reached, no-answer, "
		    "busy, refused, invalid-number or suspended");
		return -1;
	}
	*column = "score";
	if (at->score && (at->score < 1 || at->score > 5)) {
		*problem = cs_xstrdup("a score is 1 to 5");
		return -1;
	}
	*column = "id";
	st = cs_sql("SELECT customer_id, coalesce(agent_id, 0), attempts, "
	    "status, (SELECT max(a.at) FROM revisit_attempt a WHERE "
	    "a.revisit_id = revisit.id) FROM revisit WHERE id = ?");
	sqlite3_bind_int64(st, 1, at->task);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		*problem = cs_xstrdup("no such revisit task");
		return CS_NOT_FOUND;
	}
	customer = sqlite3_column_int64(st, 0);
	agent = sqlite3_column_int64(st, 1);
	attempts = sqlite3_column_int64(st, 2);
	snprintf(status, sizeof(status), "%s", cs_col_text(st, 3));
	last = sqlite3_column_int64(st, 4);
	sqlite3_reset(st);
	/* The attempt a sheet row stands for is known by its number: the
	 * same sheet imported again records nothing new. */
	if (at->seq && at->seq <= attempts)
		return CS_ROW_UNCHANGED;
	if (strcmp(status, "open") != 0) {
		*problem = cs_xasprintf("the task is %s, not open", status);
		return -1;
	}
	/* A call made earlier, written down now: the sheet says when. */
	if (at->when) {
		*column = "called_at";
		if (at->when > now) {
			*problem = cs_xstrdup("a call time in the future");
			return -1;
		}
		if (at->when < last) {
			*problem = cs_xasprintf("before the last call of the "
			    "task (%s)", cs_fmt_time(last, ref));
			return -1;
		}
		*column = "id";
	}
	if (!at->when)
		return attempt_write(at, customer, agent, attempts, now,
		    ticket, column, problem);
	/* the complaint it opens and the contact it marks are of then */
	cs_clock_hold(at->when, &was);
	rc = attempt_write(at, customer, agent, attempts, at->when, ticket,
	    column, problem);
	cs_clock_give(&was);
	return rc;
}
