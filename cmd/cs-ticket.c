/* cs-ticket - the ticket lifecycle, SLA clocks, history import */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cs.h"

enum {
	O_CUSTOMER = 256, O_TYPE, O_SUBTYPE, O_CHANNEL, O_PRIORITY,
	O_CATEGORY, O_SUBJECT, O_BODY, O_ASSIGN, O_STAGE,
	O_CREATE_CUSTOMERS, O_STATUS, O_OPEN, O_ASSIGNEE,
	O_CREATED, O_RESOLVED, O_OVERDUE, O_SEARCH, O_LIMIT, O_SORT, O_NOTE,
	O_UNTIL, O_RESOLUTION, O_ROOT_CAUSE, O_TO, O_REASON, O_COMMENT,
	O_FIRST_RESPONSE, O_CALENDAR, O_SOON, O_FROM, O_REVISIT_DAYS,
	O_REVISIT_REASON, O_BODY_FILE, O_ID,
	O_PER_AGENT, O_SHARE, O_SEED, O_FORM, O_ITEM, O_SCORE, O_REVIEWER,
	O_REPLACE, O_UNASSIGNED
};

static const struct cs_opt new_opts[] = {
	{ O_TYPE, "type", 't', CS_OPT_ARG, "TYPE",
	    "consult, complaint, grumble, tech, aftersales, ...", "@types" },
	{ O_SUBTYPE, "subtype", 0, CS_OPT_ARG, "SUBTYPE",
	    "e.g. return, exchange, repair for aftersales",
	    "return exchange repair" },
	{ O_CHANNEL, "channel", 'c', CS_OPT_ARG, "CHANNEL",
	    "phone (default), email, wechat, chat, sms, walk-in, web",
	    "phone email wechat chat sms walk-in web" },
	{ O_PRIORITY, "priority", 'p', CS_OPT_ARG, "PRIORITY",
	    "urgent, high, normal (default) or low", "urgent high normal low" },
	{ O_CATEGORY, "category", 0, CS_OPT_ARG, "TEXT",
	    "problem category, e.g. 物流", "@categories" },
	{ O_STAGE, "stage", 0, CS_OPT_ARG, "TEXT",
	    "the stage (环节) where it went wrong", "@stages" },
	{ O_SUBJECT, "subject", 's', CS_OPT_ARG, "TEXT", "one line", NULL },
	{ O_BODY, "body", 'b', CS_OPT_ARG, "TEXT", "the description", NULL },
	{ O_BODY_FILE, "body-file", 0, CS_OPT_ARG, "FILE",
	    "the description from FILE (- for standard input)", "@file" },
	{ O_ASSIGN, "assign", 'a', CS_OPT_ARG, "LOGIN", "assign it at once",
	    "@agents" },
	CS_OPT_END
};

static const struct cs_opt import_opts[] = {
	{ O_CREATE_CUSTOMERS, "create-customers", 0, CS_OPT_FLAG, NULL,
	    "add unknown customers (by phone, else as a code)", NULL },
	CS_OPTS_IMPORT,
	CS_OPT_END
};

static const struct cs_opt list_opts[] = {
	{ O_STATUS, "status", 0, CS_OPT_ARG, "STATUS",
	    "new, open, pending, resolved, closed, reopened (repeatable, or "
	    "open,pending)",
	    "new open pending resolved closed reopened" },
	{ O_OPEN, "open", 0, CS_OPT_FLAG, NULL, "not resolved or closed",
	    NULL },
	{ O_TYPE, "type", 't', CS_OPT_ARG, "TYPE", "only this type",
	    "@types" },
	{ O_CHANNEL, "channel", 'c', CS_OPT_ARG, "CHANNEL",
	    "only this channel", "phone email wechat chat sms walk-in web" },
	{ O_PRIORITY, "priority", 'p', CS_OPT_ARG, "PRIORITY",
	    "only this priority", "urgent high normal low" },
	{ O_CATEGORY, "category", 0, CS_OPT_ARG, "TEXT",
	    "only this category", "@categories" },
	{ O_ASSIGNEE, "assignee", 0, CS_OPT_ARG, "LOGIN",
	    "only this agent's", "@agents" },
	{ O_UNASSIGNED, "unassigned", 0, CS_OPT_FLAG, NULL,
	    "only tickets that no agent has", NULL },
	{ O_CUSTOMER, "customer", 0, CS_OPT_ARG, "CUSTOMER",
	    "only this customer's (id, code or phone)", NULL },
	{ O_CREATED, "created", 0, CS_OPT_ARG, "PERIOD",
	    "created in PERIOD (2026-W47, 2026-11, last-week, ...)",
	    "@periods" },
	{ O_RESOLVED, "resolved", 0, CS_OPT_ARG, "PERIOD",
	    "resolved in PERIOD", "@periods" },
	{ O_OVERDUE, "overdue", 0, CS_OPT_FLAG, NULL,
	    "past a due time now", NULL },
	{ O_SEARCH, "search", 0, CS_OPT_ARG, "TEXT", "in subject and body",
	    NULL },
	{ O_SORT, "sort", 0, CS_OPT_ARG, "FIELDS",
	    "e.g. -priority,created_at (default: id)", NULL },
	{ O_LIMIT, "limit", 0, CS_OPT_ARG, "N", "at most N tickets", NULL },
	{ O_ID, "id", 0, CS_OPT_ARG, "ID", "only this ticket", NULL },
	CS_OPT_END
};

static const struct cs_opt pend_opts[] = {
	{ O_UNTIL, "until", 0, CS_OPT_ARG, "DATE", "waiting until then",
	    NULL },
	{ O_NOTE, "note", 0, CS_OPT_ARG, "TEXT", "why", NULL },
	CS_OPTS_INPUT_ANY,
	CS_OPT_END
};

static const struct cs_opt note_opts[] = {
	{ O_NOTE, "note", 0, CS_OPT_ARG, "TEXT", "a note on the change",
	    NULL },
	CS_OPTS_INPUT_ANY,
	CS_OPT_END
};

static const struct cs_opt resolve_opts[] = {
	{ O_RESOLUTION, "resolution", 'r', CS_OPT_ARG, "TEXT",
	    "what was done (required for complaints)", NULL },
	{ O_ROOT_CAUSE, "root-cause", 0, CS_OPT_ARG, "TEXT",
	    "the root cause", "@root_causes" },
	{ O_STAGE, "stage", 0, CS_OPT_ARG, "TEXT",
	    "the stage (环节) at fault", "@stages" },
	CS_OPTS_INPUT_ANY,
	CS_OPT_END
};

static const struct cs_opt escalate_opts[] = {
	{ O_TO, "to", 0, CS_OPT_ARG, "LOGIN|TEAM", "who takes it over",
	    "@agents_teams" },
	{ O_REASON, "reason", 0, CS_OPT_ARG, "TEXT", "why", NULL },
	CS_OPTS_INPUT_ANY,
	CS_OPT_END
};

static const struct cs_opt rate_opts[] = {
	{ O_COMMENT, "comment", 0, CS_OPT_ARG, "TEXT",
	    "the customer's words", NULL },
	CS_OPT_END
};

static const struct cs_opt sla_opts[] = {
	{ O_FIRST_RESPONSE, "first-response", 0, CS_OPT_ARG, "DURATION",
	    "first response target, e.g. 2h", NULL },
	{ O_RESOLUTION, "resolution", 0, CS_OPT_ARG, "DURATION",
	    "resolution target, e.g. 24h or 3d", NULL },
	{ O_CALENDAR, "calendar", 0, CS_OPT_ARG, "work|24x7",
	    "count working hours (default) or all hours", "work 24x7" },
	CS_OPT_END
};

static const struct cs_opt calendar_opts[] = {
	{ O_TO, "to", 0, CS_OPT_ARG, "DATE",
	    "holiday: the last day (included)", NULL },
	{ O_NOTE, "note", 0, CS_OPT_ARG, "TEXT", "e.g. 春节", NULL },
	{ O_FROM, "from", 0, CS_OPT_ARG, "DATE", "list: from this day",
	    NULL },
	CS_OPTS_INPUT,
	CS_OPT_END
};

static const struct cs_opt type_opts[] = {
	{ O_REVISIT_DAYS, "revisit-days", 0, CS_OPT_ARG, "N",
	    "plan a revisit N days after resolving (empty: none)", NULL },
	{ O_REVISIT_REASON, "revisit-reason", 0, CS_OPT_ARG, "TEXT",
	    "the reason of that revisit, e.g. 售后回访", NULL },
	CS_OPT_END
};

static const struct cs_opt overdue_opts[] = {
	{ O_SOON, "soon", 0, CS_OPT_ARG, "DURATION",
	    "also what falls due within DURATION, e.g. 2h", NULL },
	{ O_ASSIGNEE, "assignee", 0, CS_OPT_ARG, "LOGIN", "only this agent's",
	    "@agents" },
	CS_OPT_END
};

static const struct cs_opt sample_opts[] = {
	{ O_PER_AGENT, "per-agent", 'n', CS_OPT_ARG, "N",
	    "N tickets of each agent (all when fewer)", NULL },
	{ O_SHARE, "share", 0, CS_OPT_ARG, "P%",
	    "P percent of each agent's tickets, rounded up", NULL },
	{ O_TYPE, "type", 't', CS_OPT_ARG, "TYPE", "only tickets of this type",
	    "@types" },
	{ O_SEED, "seed", 0, CS_OPT_ARG, "TEXT",
	    "the draw's seed (default: the period's name)", NULL },
	{ O_FROM, "from", 0, CS_OPT_ARG, "DATE", "a custom range from DATE",
	    NULL },
	{ O_TO, "to", 0, CS_OPT_ARG, "DATE", "to DATE (not included)", NULL },
	CS_OPT_END
};

static const struct cs_opt review_opts[] = {
	{ O_FORM, "form", 0, CS_OPT_ARG, "NAME", "score with this form",
	    "@forms" },
	{ O_ITEM, "item", 'i', CS_OPT_ARG, "ITEM=POINTS",
	    "the points of an item of the form (repeatable)", NULL },
	{ O_SCORE, "score", 0, CS_OPT_ARG, "N",
	    "a total of 0 to 100, without a form", NULL },
	{ O_NOTE, "note", 0, CS_OPT_ARG, "TEXT", "the reviewer's remarks",
	    NULL },
	{ O_REVIEWER, "reviewer", 0, CS_OPT_ARG, "LOGIN",
	    "who reviewed (default: the acting user)", "@agents" },
	{ O_REPLACE, "replace", 0, CS_OPT_FLAG, NULL,
	    "review again a ticket reviewed before", NULL },
	CS_OPT_END
};

static const struct cs_opt update_opts[] = {
	{ O_SUBTYPE, "subtype", 0, CS_OPT_ARG, "SUBTYPE",
	    "e.g. return, exchange, repair for aftersales",
	    "return exchange repair" },
	{ O_PRIORITY, "priority", 'p', CS_OPT_ARG, "PRIORITY",
	    "urgent, high, normal or low (the due times follow)",
	    "urgent high normal low" },
	{ O_CATEGORY, "category", 0, CS_OPT_ARG, "TEXT",
	    "problem category, e.g. 物流", "@categories" },
	{ O_STAGE, "stage", 0, CS_OPT_ARG, "TEXT",
	    "the stage (环节) at fault", "@stages" },
	{ O_ROOT_CAUSE, "root-cause", 0, CS_OPT_ARG, "TEXT",
	    "the root cause", "@root_causes" },
	{ O_SUBJECT, "subject", 's', CS_OPT_ARG, "TEXT", "one line", NULL },
	CS_OPTS_INPUT_ANY,
	CS_OPT_END
};

static const struct cs_opt no_opts[] = { CS_OPT_END };
/* assign, which reads ticket ids from standard input (-) */
static const struct cs_opt ids_opts[] = { CS_OPTS_INPUT_ANY, CS_OPT_END };

/* Runs fn on each ticket in one transaction: all or nothing. */
static int
each(const struct cs_cmd *cmd, int argc, char **argv,
    int (*fn)(int64_t, void *, char **), void *arg)
{
	int64_t *list = NULL;
	size_t n = 0, i;
	char *problem = NULL;
	int rc;

	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) ||
	    (rc = cs_read_ids(cmd, "ticket", argc, argv, &list, &n)) ||
	    (rc = cs_begin())) {
		free(list);
		return rc;
	}
	for (i = 0; i < n; i++) {
		if ((rc = fn(list[i], arg, &problem)) == 0)
			continue;
		cs_rollback();
		free(list);
		if (rc < 0) {
			rc = cs_err(cs_refused(rc), "%s: %s", cmd->name,
			    problem ? problem : "refused");
			free(problem);
		}
		return rc;
	}
	free(list);
	return cs_commit();
}

static int cmd_list(const struct cs_cmd *, int, char **);
static const struct cs_opt list_opts[];
static const struct cs_cmd list_cmd = { "list", cmd_list, "", "",
	list_opts };

/* ---- new, import ------------------------------------------------------- */

static int
cmd_new(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_ticket_in in = { { 0 }, 0 };
	struct cs_getopt g;
	char *problem, *body = NULL;
	int c, rc, field;
	int64_t id = 0;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		switch (c) {
		case O_TYPE: in.v[CS_TK_TYPE] = g.arg; break;
		case O_SUBTYPE: in.v[CS_TK_SUBTYPE] = g.arg; break;
		case O_CHANNEL: in.v[CS_TK_CHANNEL] = g.arg; break;
		case O_PRIORITY: in.v[CS_TK_PRIORITY] = g.arg; break;
		case O_CATEGORY: in.v[CS_TK_CATEGORY] = g.arg; break;
		case O_STAGE: in.v[CS_TK_STAGE] = g.arg; break;
		case O_SUBJECT: in.v[CS_TK_SUBJECT] = g.arg; break;
		case O_BODY: in.v[CS_TK_BODY] = g.arg; break;
		case O_ASSIGN: in.v[CS_TK_ASSIGNEE] = g.arg; break;
		case O_BODY_FILE:
			free(body);
			if (!(body = cs_slurp(g.arg, NULL, &rc)))
				return rc;
			in.v[CS_TK_BODY] = body;
			break;
		}
	if (g.ind != argc - 1) {
		free(body);
		return cs_usage(cmd, "give one CUSTOMER (id, code or phone)");
	}
	/* a missing option is a bad command line, as in escalate and sla */
	if (!in.v[CS_TK_TYPE] || !*in.v[CS_TK_TYPE]) {
		free(body);
		return cs_usage(cmd, "give --type (consult, complaint, grumble, "
		    "tech, aftersales, ...)");
	}
	in.v[CS_TK_CUSTOMER] = argv[g.ind];
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin())) {
		free(body);
		return rc;
	}
	rc = cs_ticket_new(&in, &id, &field, &problem);
	if (rc < 0) {
		cs_rollback();
		/* new: customer C999: ..., new: --type inquiry: ... */
		rc = cs_err(CS_EX_DATAERR, "new: %s%s%s%s%s%s", field ==
		    CS_TK_CUSTOMER ? "" : field >= 0 ? "--" : "", field >= 0 ?
		    (field == CS_TK_ASSIGNEE ? "assign" :
		    cs_ticket_field[field]) : "", field >= 0 && in.v[field] ?
		    " " : "", field >= 0 && in.v[field] ? in.v[field] : "",
		    field >= 0 ? ": " : "", problem);
		free(problem);
		free(body);
		return rc;
	}
	free(body);
	if (rc > CS_ROW_UNCHANGED) {
		cs_rollback();
		return rc;
	}
	if ((rc = cs_commit()))
		return rc;
	if (cs_conf.format == CS_FMT_JSON || cs_conf.format == CS_FMT_JSONL) {
		/* the new ticket as one object, as list shows it */
		char num[24];
		char *av[] = { "list", "--id", num, NULL };

		snprintf(num, sizeof(num), "%lld", (long long)id);
		cs_conf.format = CS_FMT_JSONL;
		return cmd_list(&list_cmd, 3, av);
	}
	printf("%lld\n", (long long)id);
	return 0;
}

static const char *const known_cols[] = {
	"external_id", "customer", "type", "subtype", "channel", "category",
	"stage", "priority", "status", "assignee", "subject", "body",
	"created_at", "first_response_at", "resolved_at", "closed_at",
	"reopened", "csat", "root_cause", "resolution", NULL
};
static const char *const required_cols[] = { "external_id", "customer",
	"type", "created_at", NULL };

struct import_ctx {
	int create;
	struct cs_map *seen;	/* external_id -> line */
};

static int
import_row(void *arg, const struct cs_record *rec, char **err)
{
	struct import_ctx *ctx = arg;
	struct cs_ticket_in in = { { 0 }, ctx->create };
	char *problem;
	int f, rc, field;
	int64_t id = 0, line;

	for (f = 0; f < CS_TK_NFIELDS; f++)
		in.v[f] = cs_record_get(rec, cs_ticket_field[f]);
	if (in.v[0] && *in.v[0] &&
	    !cs_map_put(ctx->seen, in.v[0], rec->line, &line)) {
		*err = cs_record_msg(rec, "external_id", in.v[0],
		    "the same external_id as line %lld", (long long)line);
		return -1;
	}
	rc = cs_ticket_import(&in, &id, &field, &problem);
	if (rc < 0) {
		*err = cs_record_msg(rec, field >= 0 ? cs_ticket_field[field] :
		    NULL, field >= 0 ? in.v[field] : NULL, "%s", problem);
		free(problem);
	}
	return rc;
}

static int
cmd_import(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_in_spec spec = { known_cols, required_cols, 0 };
	static const char *const bulk[] = { "ticket", "ticket_event", NULL };
	struct import_ctx ctx = { 0, NULL };
	struct cs_import im = { 0 };
	struct cs_getopt g;
	int c, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_CREATE_CUSTOMERS)
			ctx.create = 1;
	ctx.seen = cs_map_new();
	im.what = "tickets";
	im.spec = &spec;
	im.row = import_row;
	im.ctx = &ctx;
	/* the first import of the history makes the indexes of tickets
	 * and events at the end (it looks tickets up by id and external_id) */
	im.bulk = bulk;
	rc = cs_import_main(cmd, argc, argv, g.ind, &im);
	cs_map_free(ctx.seen);
	return rc;
}

/* ---- list, show, overdue ----------------------------------------------- */

/* Refuses (CS_EX_DATAERR) a --type that is no ticket type and an
 * --assignee that is no agent, as cs-report does, so that a typo is no
 * empty list. Opens the database. */
static int
check_names(const struct cs_cmd *cmd, const char *type, const char *login)
{
	struct cs_report_filter rf = { .type = type };
	int rc;

	if ((rc = cs_report_filter_check(&rf, cmd->name)))
		return rc;
	if (login && !cs_agent_id(login))
		return cs_err(CS_EX_DATAERR, "%s: --assignee %s: no agent '%s': "
		    "see cs-agent list", cmd->name, login, login);
	return 0;
}

/* Writes the rows of a list query and finalizes it: 0 or a status. */
static int
list_rows(struct cs_out *o, sqlite3_stmt *st)
{
	const char *v[32];
	char buf[4][32];
	size_t i;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < cs_ticket_ncols; i++)
			v[i] = cs_col_text(st, (int)i);
		for (i = 12; i < 16; i++)
			v[i] = cs_col_time(st, (int)i, buf[i - 12]);
		cs_out_row(o, v);
	}
	rc = rc == SQLITE_DONE ? 0 : cs_db_fail("list");
	sqlite3_finalize(st);
	return rc;
}

/* --status open,pending is --status open --status pending. The parts
 * are kept for the command's life; on a refusal f->status is freed. */
static int
add_status(const struct cs_cmd *cmd, struct cs_ticket_filter *f,
    const char *arg)
{
	static char *kept[8];
	static size_t nkept;
	char *tok, *save = NULL;
	size_t was = f->nstatus;

	if (nkept == sizeof(kept) / sizeof(kept[0]))
		goto many;
	kept[nkept] = cs_xstrdup(arg);
	for (tok = strtok_r(kept[nkept++], ",", &save); tok;
	    tok = strtok_r(NULL, ",", &save)) {
		if (f->nstatus == 8)
			goto many;
		f->status = cs_xrealloc(f->status, (f->nstatus + 1) *
		    sizeof(*f->status));
		f->status[f->nstatus++] = cs_text_trim(tok);
	}
	if (f->nstatus > was)
		return 0;
	free(f->status);
	f->status = NULL;
	return cs_usage(cmd, "--status: give a status (new, open, pending, "
	    "resolved, closed, reopened)");
many:
	free(f->status);
	f->status = NULL;
	return cs_usage(cmd, "too many --status");
}

static int
cmd_list(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_ticket_filter f = { 0 };
	struct cs_period created, resolved;
	const char *why, *cust = NULL;
	int64_t n;
	struct cs_getopt g;
	sqlite3_stmt *st;
	struct cs_out *o;
	size_t i;
	int c, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		switch (c) {
		case O_STATUS:
			if ((rc = add_status(cmd, &f, g.arg)))
				return rc;
			break;
		case O_OPEN: f.open = 1; break;
		case O_TYPE: f.type = g.arg; break;
		case O_CHANNEL: f.channel = g.arg; break;
		case O_PRIORITY: f.priority = g.arg; break;
		case O_CATEGORY: f.category = g.arg; break;
		case O_ASSIGNEE: f.assignee = g.arg; break;
		case O_UNASSIGNED: f.unassigned = 1; break;
		case O_CUSTOMER: cust = g.arg; break;
		case O_OVERDUE: f.overdue = 1; break;
		case O_SEARCH: f.search = g.arg; break;
		case O_SORT: f.sort = g.arg; break;
		case O_CREATED:
			if (cs_parse_period(g.arg, cs_now(), &created) < 0)
				return cs_usage(cmd, "--created: not a period "
				    "(%s)", g.arg);
			f.created = &created;
			break;
		case O_RESOLVED:
			if (cs_parse_period(g.arg, cs_now(), &resolved) < 0)
				return cs_usage(cmd, "--resolved: not a period "
				    "(%s)", g.arg);
			f.resolved = &resolved;
			break;
		case O_ID:
			if (cs_parse_int(g.arg, 1, INT64_MAX, &f.id))
				return cs_usage(cmd, "--id takes a ticket id");
			break;
		case O_LIMIT:
			if (cs_parse_int(g.arg, 1, LONG_MAX, &n))
				return cs_usage(cmd, "--limit takes a number "
				    "above 0 (%s)", g.arg);
			f.limit = (long)n;
			break;
		}
	if (g.ind != argc) {
		free(f.status);
		return cs_usage(cmd, "unexpected argument '%s'", argv[g.ind]);
	}
	if (f.unassigned && f.assignee) {
		free(f.status);
		return cs_usage(cmd, "--assignee and --unassigned exclude each "
		    "other");
	}
	for (i = 0; i < f.nstatus; i++)
		if (!cs_word_in(f.status[i], cs_ticket_statuses)) {
			rc = cs_usage(cmd, "unknown status '%s' (new, open, "
			    "pending, resolved, closed, reopened)", f.status[i]);
			free(f.status);
			return rc;
		}
	rc = 0;
	if (f.channel && !cs_word_in(f.channel, cs_ticket_channels))
		rc = cs_usage(cmd, "unknown channel '%s' (%s)", f.channel,
		    cs_ticket_channels);
	else if (f.priority && !cs_word_in(f.priority, cs_ticket_priorities))
		rc = cs_usage(cmd, "unknown priority '%s' (%s)", f.priority,
		    cs_ticket_priorities);
	if (rc) {
		free(f.status);
		return rc;
	}
	if ((rc = check_names(cmd, f.type, f.assignee))) {
		free(f.status);
		return rc;
	}
	if (cust && !(f.customer = cs_customer_find(cust, &why))) {
		free(f.status);
		return cs_err(CS_EX_FAIL, "list: %s: %s", cust, why);
	}
	rc = cs_ticket_query(&f, &st);
	free(f.status);
	if (rc)
		return rc;
	o = cs_out_new(stdout, cs_fmt_default(stdout), cs_ticket_cols,
	    cs_ticket_ncols);
	rc = list_rows(o, st);
	c = cs_out_end(o);
	return rc ? rc : c;
}

static int
cmd_show(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "section", "部分", CS_COL_TEXT },
		{ "field", "字段", CS_COL_TEXT },
		{ "value", "值", CS_COL_TEXT },
	};
	static const char *const names[] = { "id", "external_id",
		"customer_id", "customer", "type", "subtype", "channel",
		"priority", "category", "stage", "status", "assignee",
		"resolved_by", "escalated_to", "subject", "body", "resolution",
		"root_cause", "reopened", "csat", "csat_comment", "created_at",
		"first_response_at", "resolved_at", "closed_at", "pending_until",
		"first_response_due", "resolution_due", NULL };
	struct cs_getopt g;
	sqlite3_stmt *st;
	struct cs_out *o;
	struct cs_buf line = { 0 };
	const char *v[3];
	char buf[32];
	int64_t id;
	int i, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while (cs_getopt(&g) != -1)
		;
	if (g.ind != argc - 1)
		return cs_usage(cmd, "give one ticket id");
	if (cs_parse_int(argv[g.ind], 1, INT64_MAX, &id))
		return cs_usage(cmd, "not a ticket id '%s'", argv[g.ind]);
	if ((rc = cs_db_open(CS_DB_READ, NULL)))
		return rc;
	st = cs_sql("SELECT t.id, t.external_id, t.customer_id, c.name, t.type,"
	    " t.subtype, t.channel, t.priority, t.category, t.stage, t.status, "
	    "a.login, r.login, t.escalated_to, t.subject, t.body, t.resolution,"
	    " t.root_cause, t.reopened, t.csat, t.csat_comment, t.created_at, "
	    "t.first_response_at, t.resolved_at, t.closed_at, t.pending_until, "
	    "t.first_response_due, t.resolution_due FROM ticket t JOIN customer"
	    " c ON c.id = t.customer_id LEFT JOIN agent a ON a.id = "
	    "t.assignee_id LEFT JOIN agent r ON r.id = t.resolved_by WHERE "
	    "t.id = ?");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return cs_err(CS_EX_FAIL, "show: no ticket %lld", (long long)id);
	}
	o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 3);
	v[0] = "ticket";
	for (i = 0; names[i]; i++) {
		v[1] = names[i];
		v[2] = i >= 21 ? cs_col_time(st, i, buf) : cs_col_text(st, i);
		if (v[2] && *v[2])
			cs_out_row(o, v);
	}
	sqlite3_reset(st);
	st = cs_sql("SELECT at, actor, kind, field, old_value, new_value, note "
	    "FROM ticket_event WHERE ticket_id = ? ORDER BY at, id");
	sqlite3_bind_int64(st, 1, id);
	v[0] = "timeline";
	while (sqlite3_step(st) == SQLITE_ROW) {
		cs_buf_reset(&line);
		cs_buf_adds(&line, cs_col_text(st, 1));
		/* "status: new → open", not "status status: ..." */
		if (!cs_col_text(st, 3) || strcmp(cs_col_text(st, 2),
		    cs_col_text(st, 3)) != 0)
			cs_buf_addf(&line, " %s", cs_col_text(st, 2));
		if (cs_col_text(st, 3))
			cs_buf_addf(&line, " %s: %s → %s", cs_col_text(st, 3),
			    cs_col_text(st, 4) ? cs_col_text(st, 4) : "",
			    cs_col_text(st, 5) ? cs_col_text(st, 5) : "");
		if (cs_col_text(st, 6))
			cs_buf_addf(&line, "%s%s", cs_col_text(st, 3) ? " — " : ": ",
			    cs_col_text(st, 6));
		v[1] = cs_fmt_time(sqlite3_column_int64(st, 0), buf);
		v[2] = line.s;
		cs_out_row(o, v);
	}
	sqlite3_reset(st);
	cs_buf_free(&line);
	return cs_out_end(o);
}

static int
cmd_overdue(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "id", "编号", CS_COL_NUM },
		{ "customer_id", "客户编号", CS_COL_NUM },
		{ "customer", "客户", CS_COL_TEXT },
		{ "subject", "主题", CS_COL_TEXT },
		{ "priority", "优先级", CS_COL_TEXT },
		{ "assignee", "处理人", CS_COL_TEXT },
		{ "target", "时限", CS_COL_TEXT },
		{ "due", "到期", CS_COL_TEXT },
		{ "overdue_h", "超时(小时)", CS_COL_NUM },
	};
	const char *assignee = NULL, *v[9];
	int64_t soon = -1, now, due;
	char buf[32], hours[32];
	struct cs_getopt g;
	sqlite3_stmt *st;
	struct cs_out *o;
	int c, rc, n = 0, k, i;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_SOON && cs_parse_duration(g.arg, &soon) < 0)
			return cs_usage(cmd, "--soon: not a duration (%s)", g.arg);
		else if (c == O_ASSIGNEE)
			assignee = g.arg;
	if (g.ind != argc)
		return cs_usage(cmd, "unexpected argument '%s'", argv[g.ind]);
	if ((rc = check_names(cmd, NULL, assignee)))
		return rc;
	now = cs_now();
	/* Open tickets only: the partial index ticket_open holds them. */
	st = cs_sql("SELECT t.id, t.customer_id, c.name, t.subject, "
	    "t.priority, a.login, "
	    "CASE WHEN t.first_response_at IS NULL AND t.first_response_due <= "
	    "?1 THEN t.first_response_due END, CASE WHEN t.resolution_due <= "
	    "?1 THEN t.resolution_due END FROM ticket t JOIN customer c ON "
	    "c.id = t.customer_id LEFT JOIN agent a ON a.id = t.assignee_id "
	    "WHERE t.status NOT IN ('resolved', 'closed') AND (t.resolution_due "
	    "<= ?1 OR (t.first_response_at IS NULL AND t.first_response_due <= "
	    "?1)) AND (?2 IS NULL OR a.login = ?2) ORDER BY t.resolution_due, "
	    "t.id");
	/* The last due time listed: past due is before now (instants are
	 * whole seconds), and within --soon 2h includes exactly 2h ahead. */
	sqlite3_bind_int64(st, 1, soon >= 0 ? now + soon : now - 1);
	cs_bind_text(st, 2, assignee, 0);
	o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 9);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (k = 6; k <= 7; k++) {
			if (sqlite3_column_type(st, k) == SQLITE_NULL)
				continue;
			due = sqlite3_column_int64(st, k);
			for (i = 0; i < 6; i++)
				v[i] = cs_col_text(st, i);
			v[6] = k == 6 ? "first_response" : "resolution";
			v[7] = cs_fmt_time(due, buf);
			/* negative: not yet due, within --soon */
			v[8] = cs_fmt_ratio(now - due, 3600, 1, hours);
			cs_out_row(o, v);
			n++;
		}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		cs_out_end(o);
		return cs_db_fail("overdue");
	}
	if ((rc = cs_out_end(o)))
		return rc;
	return n ? 0 : CS_EX_FAIL;
}

/* ---- actions on tickets ------------------------------------------------ */

struct act {
	const char *action;
	struct cs_ticket_act a;
	const char *login;
};

static int
do_move(int64_t id, void *arg, char **problem)
{
	struct act *x = arg;

	return cs_ticket_move(id, x->action, &x->a, problem);
}

static int
cmd_move(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct act x = { cmd->name, { 0 }, NULL };
	struct cs_getopt g;
	int64_t t;
	int c;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		switch (c) {
		case O_NOTE:
		case O_RESOLUTION:
			x.a.note = g.arg;
			break;
		case O_ROOT_CAUSE:
			x.a.root_cause = g.arg;
			break;
		case O_STAGE:
			x.a.stage = g.arg;
			break;
		case O_UNTIL:
			if (cs_parse_when(g.arg, cs_now(), &t) < 0)
				return cs_usage(cmd, "--until: not a date (%s)",
				    g.arg);
			x.a.until = t;
			break;
		}
	return each(cmd, argc - g.ind, argv + g.ind, do_move, &x);
}

static int
do_update(int64_t id, void *arg, char **problem)
{
	return cs_ticket_update(id, arg, problem);
}

static int
cmd_update(const struct cs_cmd *cmd, int argc, char **argv)
{
	const char *v[CS_TK_NFIELDS] = { 0 };
	struct cs_getopt g;
	int c, n = 0;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1) {
		switch (c) {
		case O_SUBTYPE: v[CS_TK_SUBTYPE] = g.arg; break;
		case O_PRIORITY: v[CS_TK_PRIORITY] = g.arg; break;
		case O_CATEGORY: v[CS_TK_CATEGORY] = g.arg; break;
		case O_STAGE: v[CS_TK_STAGE] = g.arg; break;
		case O_ROOT_CAUSE: v[CS_TK_ROOT_CAUSE] = g.arg; break;
		case O_SUBJECT: v[CS_TK_SUBJECT] = g.arg; break;
		}
		n++;
	}
	if (!n)
		return cs_usage(cmd, "give what to change: --priority, "
		    "--category, --stage, --root-cause, --subtype, --subject");
	return each(cmd, argc - g.ind, argv + g.ind, do_update, (void *)v);
}

static int
do_assign(int64_t id, void *arg, char **problem)
{
	return cs_ticket_assign(id, ((struct act *)arg)->login, problem);
}

static int
cmd_assign(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct act x = { NULL, { 0 }, NULL };
	struct cs_getopt g;

	cs_getopt_init(&g, cmd, argc, argv);
	while (cs_getopt(&g) != -1)
		;
	if (argc - g.ind < 2)
		return cs_usage(cmd, "give ticket ids (or -) and a LOGIN");
	x.login = argv[argc - 1];
	return each(cmd, argc - g.ind - 1, argv + g.ind, do_assign, &x);
}

static int
note(const struct cs_cmd *cmd, int argc, char **argv, int public)
{
	struct cs_getopt g;
	char *problem, *body = NULL;
	const char *textarg;
	int64_t id;
	int rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while (cs_getopt(&g) != -1)
		;
	if (argc - g.ind < 1 || argc - g.ind > 2)
		return cs_usage(cmd, "give a ticket id and the TEXT (or it on "
		    "standard input)");
	if (cs_parse_int(argv[g.ind], 1, INT64_MAX, &id))
		return cs_usage(cmd, "not a ticket id '%s'", argv[g.ind]);
	if (argc - g.ind == 2)
		textarg = argv[g.ind + 1];
	else {
		if (isatty(0))
			return cs_usage(cmd, "give the TEXT");
		if (!(body = cs_slurp("-", NULL, &rc)))
			return rc;
		textarg = cs_text_trim(body);
	}
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin())) {
		free(body);
		return rc;
	}
	rc = cs_ticket_note(id, public, textarg, &problem);
	free(body);
	if (rc) {
		cs_rollback();
		if (rc < 0) {
			rc = cs_err(cs_refused(rc), "%s: %s", cmd->name,
			    problem);
			free(problem);
		}
		return rc;
	}
	return cs_commit();
}

static int
cmd_comment(const struct cs_cmd *cmd, int argc, char **argv)
{
	return note(cmd, argc, argv, 0);
}

static int
cmd_reply(const struct cs_cmd *cmd, int argc, char **argv)
{
	return note(cmd, argc, argv, 1);
}

static int
do_escalate(int64_t id, void *arg, char **problem)
{
	struct act *x = arg;

	return cs_ticket_escalate(id, x->login, x->a.note, problem);
}

static int
cmd_escalate(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct act x = { NULL, { 0 }, NULL };
	struct cs_getopt g;
	int c;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_TO)
			x.login = g.arg;
		else if (c == O_REASON)
			x.a.note = g.arg;
	if (!x.login || !x.a.note)
		return cs_usage(cmd, "give --to LOGIN|TEAM and --reason");
	return each(cmd, argc - g.ind, argv + g.ind, do_escalate, &x);
}

static int
do_rate(int64_t id, void *arg, char **problem)
{
	struct act *x = arg;

	return cs_ticket_rate(id, x->a.score, x->a.note, problem);
}

static int
cmd_rate(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct act x = { NULL, { 0 }, NULL };
	struct cs_getopt g;
	int64_t n;
	int c;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_COMMENT)
			x.a.note = g.arg;
	if (argc - g.ind != 2)
		return cs_usage(cmd, "give a ticket id and a SCORE from 1 to 5");
	/* out of range: 0, refused with the ticket named */
	x.a.score = cs_parse_int(argv[argc - 1], 1, 5, &n) ? 0 : (int)n;
	return each(cmd, 1, argv + g.ind, do_rate, &x);
}

static int
do_link(int64_t id, void *arg, char **problem)
{
	return cs_ticket_link(id, ((struct act *)arg)->login, problem);
}

static int
cmd_link(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct act x = { NULL, { 0 }, NULL };
	struct cs_getopt g;

	cs_getopt_init(&g, cmd, argc, argv);
	while (cs_getopt(&g) != -1)
		;
	if (argc - g.ind != 2)
		return cs_usage(cmd, "give a ticket id and an ARTICLE id");
	x.login = argv[argc - 1];
	return each(cmd, 1, argv + g.ind, do_link, &x);
}

/* ---- quality reviews (质检) ------------------------------------------- */

static int
cmd_sample(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_sample smp = { 0 };
	struct cs_ticket_filter f = { 0 };
	struct cs_sample_pick *pick = NULL;
	struct cs_period p;
	struct cs_getopt g;
	struct cs_out *o;
	sqlite3_stmt *st;
	const char *share = NULL, *from = NULL, *to = NULL;
	char *pct;
	int64_t k;
	size_t n = 0, i;
	int c, rc;

	smp.per_agent = 0;
	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		switch (c) {
		case O_PER_AGENT:
			if (cs_parse_int(g.arg, 1, LONG_MAX, &k))
				return cs_usage(cmd, "--per-agent takes a whole "
				    "number above 0 (%s)", g.arg);
			smp.per_agent = (long)k;
			break;
		case O_SHARE: share = g.arg; break;
		case O_TYPE: smp.type = g.arg; break;
		case O_SEED: smp.seed = g.arg; break;
		case O_FROM: from = g.arg; break;
		case O_TO: to = g.arg; break;
		}
	if ((rc = cs_period_arg(cmd, argc, argv, g.ind, from, to, &p)))
		return rc;
	if (!share == !smp.per_agent)
		return cs_usage(cmd, "give --per-agent N or --share P%%");
	if (share) {
		pct = cs_xstrdup(share);
		if (*pct && pct[strlen(pct) - 1] == '%')
			pct[strlen(pct) - 1] = '\0';
		rc = cs_hundredths(pct, &smp.share);
		free(pct);
		if (rc < 0 || smp.share <= 0 || smp.share > 10000)
			return cs_usage(cmd, "--share is a percentage above 0 "
			    "and up to 100%%, e.g. 5%% (%s)", share);
	}
	if ((rc = check_names(cmd, smp.type, NULL)))
		return rc;
	smp.p = &p;
	if (!smp.seed)
		smp.seed = p.name;
	if ((rc = cs_qa_sample(&smp, &pick, &n)))
		return rc;
	o = cs_out_new(stdout, cs_fmt_default(stdout), cs_ticket_cols,
	    cs_ticket_ncols);
	for (i = 0, rc = 0; i < n && !rc; i++) {
		f.id = pick[i].ticket;
		if (!(rc = cs_ticket_query(&f, &st)))
			rc = list_rows(o, st);
	}
	cs_qa_sample_free(pick, n);
	c = cs_out_end(o);
	return rc ? rc : c;
}

static int
cmd_review(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_review rv = { 0 };
	struct cs_getopt g;
	const char **items = NULL;
	char *problem, *copy, *tok, *save;
	char **owned = NULL;
	size_t nowned = 0, i;
	int c, rc, total;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		switch (c) {
		case O_FORM: rv.form = g.arg; break;
		case O_SCORE: rv.score = g.arg; break;
		case O_NOTE: rv.note = g.arg; break;
		case O_REVIEWER: rv.reviewer = g.arg; break;
		case O_REPLACE: rv.replace = 1; break;
		case O_ITEM:
			/* 礼貌=18,解决=25 is two items: names hold no ',' */
			copy = cs_xstrdup(g.arg);
			owned = cs_xrealloc(owned, (nowned + 1) *
			    sizeof(*owned));
			owned[nowned++] = copy;
			for (tok = strtok_r(copy, ",", &save); tok;
			    tok = strtok_r(NULL, ",", &save)) {
				items = cs_xrealloc(items, (rv.nitems + 1) *
				    sizeof(*items));
				items[rv.nitems++] = tok;
			}
			break;
		}
	/* ITEM=POINTS words after the id are items too */
	for (i = (size_t)g.ind + 1; i < (size_t)argc &&
	    strchr(argv[i], '='); i++) {
		items = cs_xrealloc(items, (rv.nitems + 1) * sizeof(*items));
		items[rv.nitems++] = argv[i];
	}
	rv.items = items;
	rc = 0;
	if (g.ind >= argc || i != (size_t)argc)
		rc = cs_usage(cmd, "give one ticket id (and ITEM=POINTS words)");
	else if (!!rv.form == !!rv.score)
		rc = cs_usage(cmd, "give --form NAME with its items, or --score "
		    "N");
	else if (rv.nitems && !rv.form)
		rc = cs_usage(cmd, "items are scored with --form");
	else {
		if (cs_parse_int(argv[g.ind], 1, INT64_MAX, &rv.ticket))
			rc = cs_usage(cmd, "not a ticket id '%s'", argv[g.ind]);
	}
	if (!rc && !(rc = cs_db_open(CS_DB_WRITE, NULL)) &&
	    !(rc = cs_begin())) {
		rc = cs_qa_review(&rv, &total, &problem);
		if (rc) {
			cs_rollback();
			if (rc < 0) {
				rc = cs_err(cs_refused(rc), "review %lld: %s",
				    (long long)rv.ticket, problem);
				free(problem);
			}
		} else if (!(rc = cs_commit()))
			printf("%d\n", total);
	}
	for (i = 0; i < nowned; i++)
		free(owned[i]);
	free(owned);
	free(items);
	return rc;
}

static int
cmd_qa_form(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "form", "表单", CS_COL_TEXT },
		{ "item", "项目", CS_COL_TEXT },
		{ "max", "满分", CS_COL_NUM },
	};
	const char *v[3], *name;
	struct cs_getopt g;
	struct cs_out *o;
	sqlite3_stmt *st;
	char *problem;
	int n, rc, found = 0;

	cs_getopt_init(&g, cmd, argc, argv);
	while (cs_getopt(&g) != -1)
		;
	n = argc - g.ind;
	if (n == 0 || (strcmp(argv[g.ind], "list") == 0 && n <= 2)) {
		name = n == 2 ? argv[g.ind + 1] : NULL;
		if ((rc = cs_db_open(CS_DB_READ, NULL)))
			return rc;
		st = cs_sql("SELECT form, item, max FROM qa_form_item WHERE "
		    "?1 IS NULL OR form = ?1 ORDER BY form, pos");
		cs_bind_text(st, 1, name, 0);
		o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 3);
		while (sqlite3_step(st) == SQLITE_ROW) {
			v[0] = cs_col_text(st, 0);
			v[1] = cs_col_text(st, 1);
			v[2] = cs_col_text(st, 2);
			cs_out_row(o, v);
			found = 1;
		}
		sqlite3_reset(st);
		if ((rc = cs_out_end(o)))
			return rc;
		if (name && !found)
			return cs_err(CS_EX_FAIL, "qa-form: no form '%s'", name);
		return 0;
	}
	if (strcmp(argv[g.ind], "set") != 0 || n < 2)
		return cs_usage(cmd, "qa-form [list [NAME]] | qa-form set NAME "
		    "ITEM=MAX...");
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin()))
		return rc;
	rc = cs_qa_form_set(argv[g.ind + 1], argv + g.ind + 2, (size_t)n - 2,
	    &problem);
	if (rc) {
		cs_rollback();
		if (rc < 0) {
			rc = cs_err(CS_EX_DATAERR, "qa-form: %s", problem);
			free(problem);
		}
		return rc;
	}
	return cs_commit();
}

/* ---- sla, calendar, type ------------------------------------------------ */

static int
cmd_sla(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "type", "类型", CS_COL_TEXT },
		{ "priority", "优先级", CS_COL_TEXT },
		{ "first_response_h", "首次响应(小时)", CS_COL_NUM },
		{ "resolution_h", "解决(小时)", CS_COL_NUM },
		{ "calendar", "日历", CS_COL_TEXT },
	};
	const char *fr = NULL, *res = NULL, *cal = "work", *v[5];
	int64_t frs, ress;
	char a[32], b[32];
	struct cs_getopt g;
	sqlite3_stmt *st;
	struct cs_out *o;
	int c, rc, n;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_FIRST_RESPONSE)
			fr = g.arg;
		else if (c == O_RESOLUTION)
			res = g.arg;
		else if (c == O_CALENDAR)
			cal = g.arg;
	n = argc - g.ind;
	if (n >= 1 && strcmp(argv[g.ind], "list") == 0 && n == 1) {
		if ((rc = cs_db_open(CS_DB_READ, NULL)))
			return rc;
		st = cs_sql("SELECT type, priority, first_response, "
		    "resolution, calendar FROM sla_policy ORDER BY "
		    "type, CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 "
		    "WHEN 'normal' THEN 2 ELSE 3 END");
		o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 5);
		while (sqlite3_step(st) == SQLITE_ROW) {
			cs_fmt_ratio(sqlite3_column_int64(st, 2), 3600, 1, a);
			cs_fmt_ratio(sqlite3_column_int64(st, 3), 3600, 1, b);
			v[0] = cs_col_text(st, 0);
			v[1] = cs_col_text(st, 1);
			v[2] = a;
			v[3] = b;
			v[4] = cs_col_text(st, 4);
			cs_out_row(o, v);
		}
		sqlite3_reset(st);
		return cs_out_end(o);
	}
	if (n == 3 && (strcmp(argv[g.ind], "set") == 0 ||
	    strcmp(argv[g.ind], "rm") == 0)) {
		const char *type = argv[g.ind + 1], *prio = argv[g.ind + 2];
		int set = argv[g.ind][0] == 's';

		if (set && (!fr || !res))
			return cs_usage(cmd, "sla set needs --first-response and "
			    "--resolution");
		if (set && (cs_parse_duration(fr, &frs) < 0 || frs <= 0))
			return cs_err(CS_EX_DATAERR, "sla: --first-response: not "
			    "a duration (%s; use 2h, 30m, 1d)", fr);
		if (set && (cs_parse_duration(res, &ress) < 0 || ress <= 0))
			return cs_err(CS_EX_DATAERR, "sla: --resolution: not a "
			    "duration (%s; use 24h, 3d)", res);
		if (strcmp(cal, "work") && strcmp(cal, "24x7"))
			return cs_usage(cmd, "--calendar is work or 24x7");
		if (!cs_word_in(prio, cs_ticket_priorities))
			return cs_err(CS_EX_DATAERR, "sla: unknown priority "
			    "'%s' (urgent, high, normal, low)", prio);
		if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin()))
			return rc;
		st = cs_sql("SELECT 1 FROM ticket_type WHERE name = ?");
		cs_bind_text(st, 1, type, 0);
		c = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
		if (!c) {
			cs_rollback();
			return cs_err(CS_EX_DATAERR, "sla: unknown type '%s'",
			    type);
		}
		if (set) {
			st = cs_sql("INSERT OR REPLACE INTO sla_policy (type, "
			    "priority, first_response, resolution, calendar) "
			    "VALUES (?, ?, ?, ?, ?)");
			sqlite3_bind_int64(st, 3, frs);
			sqlite3_bind_int64(st, 4, ress);
			cs_bind_text(st, 5, cal, 0);
		} else
			st = cs_sql("DELETE FROM sla_policy WHERE type = ? AND "
			    "priority = ?");
		cs_bind_text(st, 1, type, 0);
		cs_bind_text(st, 2, prio, 0);
		if ((rc = cs_step_done(st, "sla")) ||
		    (rc = cs_log_change("sla", 0, type, prio, set ? res : NULL,
		    set ? fr : "removed"))) {
			cs_rollback();
			return rc;
		}
		return cs_commit();
	}
	return cs_usage(cmd, "sla list | sla set TYPE PRIORITY "
	    "--first-response D --resolution D [--calendar work|24x7] | "
	    "sla rm TYPE PRIORITY");
}

/* "mon-fri" or "sat" or "1-5" into a weekday range. */
static int
weekdays(const char *s, int *a, int *b)
{
	static const char *const names[] = { "mon", "tue", "wed", "thu",
		"fri", "sat", "sun" };
	char x[8] = "", y[8] = "";
	int i, *d[2] = { a, b };
	const char *p[2];

	if (sscanf(s, "%7[^-]-%7s", x, y) < 1)
		return -1;
	if (!*y)
		strcpy(y, x);
	p[0] = x;
	p[1] = y;
	for (i = 0; i < 2; i++) {
		*d[i] = 0;
		for (int k = 0; k < 7; k++)
			if (strcasecmp(p[i], names[k]) == 0 ||
			    (p[i][0] == '1' + k && !p[i][1]))
				*d[i] = k + 1;
		if (!*d[i])
			return -1;
	}
	return *a <= *b ? 0 : -1;
}

static int
calendar_day(const char *kind, const char *from, const char *to,
    const char *note)
{
	int64_t a, b, d;
	sqlite3_stmt *st;
	char ymd[16];
	int rc;

	if (cs_parse_date(from, cs_now(), &a) < 0)
		return cs_err(CS_EX_DATAERR, "calendar: not a date (%s)", from);
	if (cs_parse_date(to ? to : from, cs_now(), &b) < 0 || b < a)
		return cs_err(CS_EX_DATAERR, "calendar: --to: not a date on or "
		    "after %s (%s)", from, to);
	for (d = a; d <= b; d = cs_add_days(d, 1)) {
		st = cs_sql("INSERT OR REPLACE INTO calendar_day (day, kind, "
		    "note) VALUES (?, ?, ?)");
		cs_bind_text(st, 1, cs_fmt_date(d, ymd), 0);
		cs_bind_text(st, 2, kind, 0);
		cs_bind_text(st, 3, note, 1);
		if ((rc = cs_step_done(st, "calendar")))
			return rc;
	}
	return 0;
}

static int
calendar_import(const char *path)
{
	static const char *const cols[] = { "day", "kind", "note", NULL };
	const struct cs_record *rec;
	struct cs_in_spec spec = { cols, cols, 0 };
	struct cs_reader *r;
	const char *day, *kind;
	char ymd[11];
	int rc, n = 0;

	spec.required = (const char *const[]){ "day", "kind", NULL };
	spec.ignore_unknown = cs_conf.ignore_unknown;
	if ((rc = cs_reader_open(&r, path, cs_conf.input_format ?
	    cs_in_format_parse(cs_conf.input_format) : CS_IN_AUTO,
	    cs_conf.encoding, &spec)))
		return rc;
	while ((rc = cs_reader_next(r, &rec)) == 0) {
		day = cs_record_get(rec, "day");
		kind = cs_record_get(rec, "kind");
		if (cs_parse_ymd(day, ymd) < 0) {
			rc = cs_record_err(rec, "day", day, "not a date");
			break;
		}
		if (strcmp(kind, "holiday") && strcmp(kind, "workday")) {
			rc = cs_record_err(rec, "kind", kind, "holiday or "
			    "workday");
			break;
		}
		if ((rc = calendar_day(kind, ymd, NULL,
		    cs_record_get(rec, "note"))))
			break;
		n++;
	}
	cs_reader_close(r);
	if (rc > 0)
		return rc;
	cs_warn("calendar: %d day%s imported from %s", n, n == 1 ? "" : "s",
	    strcmp(path, "-") ? path : "stdin");
	return 0;
}

static int
calendar_list(const char *from)
{
	static const struct cs_col cols[] = {
		{ "day", "日期", CS_COL_TEXT },
		{ "kind", "类别", CS_COL_TEXT },
		{ "note", "备注", CS_COL_TEXT },
	};
	static const char *const wd[] = { "", "mon", "tue", "wed", "thu",
		"fri", "sat", "sun" };
	const char *v[3];
	char ymd[16], span[64];
	sqlite3_stmt *st;
	struct cs_out *o;
	int64_t t;

	if (from && cs_parse_date(from, cs_now(), &t) < 0)
		return cs_err(CS_EX_DATAERR, "calendar: --from: not a date (%s)",
		    from);
	o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 3);
	st = cs_sql("SELECT weekday, start_min, end_min FROM work_hours ORDER "
	    "BY weekday, start_min");
	while (sqlite3_step(st) == SQLITE_ROW) {
		int a = sqlite3_column_int(st, 1), b = sqlite3_column_int(st, 2);

		snprintf(span, sizeof(span), "%02d:%02d-%02d:%02d", a / 60,
		    a % 60, b / 60, b % 60);
		v[0] = wd[sqlite3_column_int(st, 0)];
		v[1] = "hours";
		v[2] = span;
		cs_out_row(o, v);
	}
	sqlite3_reset(st);
	st = cs_sql("SELECT day, kind, note FROM calendar_day WHERE day >= ? "
	    "ORDER BY day");
	cs_bind_text(st, 1, from ? cs_fmt_date(t, ymd) : "", 0);
	while (sqlite3_step(st) == SQLITE_ROW) {
		v[0] = cs_col_text(st, 0);
		v[1] = cs_col_text(st, 1);
		v[2] = cs_col_text(st, 2);
		cs_out_row(o, v);
	}
	sqlite3_reset(st);
	return cs_out_end(o);
}

static int
calendar_hours(const char *days, const char *spans)
{
	sqlite3_stmt *st;
	int a, b, d, h1, m1, h2, m2, k, rc, nsp, sp[16][2];
	char *copy, *tok, *save = NULL;

	if (weekdays(days, &a, &b) < 0)
		return cs_err(CS_EX_DATAERR, "calendar hours: not days (%s; use "
		    "mon-fri or sat)", days);
	for (d = a; d <= b; d++) {
		st = cs_sql("DELETE FROM work_hours WHERE weekday = ?");
		sqlite3_bind_int(st, 1, d);
		if ((rc = cs_step_done(st, "calendar")))
			return rc;
	}
	if (strcmp(spans, "off") == 0)
		return 0;
	copy = cs_xstrdup(spans);
	rc = 0;
	nsp = 0;
	for (tok = strtok_r(copy, ",", &save); tok && !rc;
	    tok = strtok_r(NULL, ",", &save)) {
		if (sscanf(tok, "%d:%d-%d:%d%n", &h1, &m1, &h2, &m2, &k) != 4 ||
		    tok[k] || h1 < 0 || h1 > 23 || m1 < 0 || m1 > 59 || h2 < 0 ||
		    h2 > 24 || m2 < 0 || m2 > 59 || h2 * 60 + m2 > 1440 ||
		    h2 * 60 + m2 <= h1 * 60 + m1) {
			rc = cs_err(CS_EX_DATAERR, "calendar hours: not a span "
			    "(%s; use 09:00-12:00,13:30-18:00)", tok);
			break;
		}
		/* overlapping spans would count their hours twice */
		for (k = 0; k < nsp; k++)
			if (h1 * 60 + m1 < sp[k][1] && sp[k][0] < h2 * 60 + m2)
				break;
		if (k < nsp || nsp == 16) {
			rc = cs_err(CS_EX_DATAERR, "calendar hours: %s overlaps "
			    "another span", tok);
			break;
		}
		sp[nsp][0] = h1 * 60 + m1;
		sp[nsp++][1] = h2 * 60 + m2;
		for (d = a; d <= b && !rc; d++) {
			st = cs_sql("INSERT OR REPLACE INTO work_hours (weekday, "
			    "start_min, end_min) VALUES (?, ?, ?)");
			sqlite3_bind_int(st, 1, d);
			sqlite3_bind_int(st, 2, h1 * 60 + m1);
			sqlite3_bind_int(st, 3, h2 * 60 + m2);
			rc = cs_step_done(st, "calendar");
		}
	}
	free(copy);
	return rc;
}

static int
cmd_calendar(const struct cs_cmd *cmd, int argc, char **argv)
{
	const char *to = NULL, *note = NULL, *from = NULL, *sub;
	struct cs_getopt g;
	sqlite3_stmt *st;
	int c, n, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_TO)
			to = g.arg;
		else if (c == O_NOTE)
			note = g.arg;
		else if (c == O_FROM)
			from = g.arg;
	n = argc - g.ind;
	sub = n ? argv[g.ind] : "list";
	if (strcmp(sub, "list") == 0 && n <= 1) {
		if ((rc = cs_db_open(CS_DB_READ, NULL)))
			return rc;
		return calendar_list(from);
	}
	if (!((strcmp(sub, "holiday") == 0 && n == 2) ||
	    (strcmp(sub, "workday") == 0 && n == 2) ||
	    (strcmp(sub, "rm") == 0 && n == 2) ||
	    (strcmp(sub, "import") == 0 && n == 2) ||
	    (strcmp(sub, "hours") == 0 && n == 3)))
		return cs_usage(cmd, "calendar [list] | holiday DATE [--to DATE] "
		    "| workday DATE | rm DATE | hours DAYS SPANS | import FILE");
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin()))
		return rc;
	if (strcmp(sub, "holiday") == 0 || strcmp(sub, "workday") == 0)
		rc = calendar_day(sub, argv[g.ind + 1], to, note);
	else if (strcmp(sub, "import") == 0)
		rc = calendar_import(argv[g.ind + 1]);
	else if (strcmp(sub, "hours") == 0)
		rc = calendar_hours(argv[g.ind + 1], argv[g.ind + 2]);
	else {
		char ymd[11];

		if (cs_parse_ymd(argv[g.ind + 1], ymd) < 0)
			rc = cs_err(CS_EX_DATAERR, "calendar: not a date (%s)",
			    argv[g.ind + 1]);
		else {
			st = cs_sql("DELETE FROM calendar_day WHERE day = ?");
			cs_bind_text(st, 1, ymd, 0);
			rc = cs_step_done(st, "calendar");
		}
	}
	if (!rc)
		rc = cs_log_change("calendar", 0, sub, NULL, argv[g.ind + 1],
		    note);
	if (rc) {
		cs_rollback();
		return rc;
	}
	return cs_commit();
}

static int
cmd_type(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "type", "类型", CS_COL_TEXT },
		{ "revisit_days", "回访天数", CS_COL_NUM },
		{ "revisit_reason", "回访原因", CS_COL_TEXT },
	};
	const char *days = NULL, *reason = NULL, *v[3];
	struct cs_getopt g;
	sqlite3_stmt *st;
	struct cs_out *o;
	int64_t d = -1;
	int c, n, rc, i;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_REVISIT_DAYS)
			days = g.arg;
		else if (c == O_REVISIT_REASON)
			reason = g.arg;
	n = argc - g.ind;
	if (n == 0 || (n == 1 && strcmp(argv[g.ind], "list") == 0)) {
		if ((rc = cs_db_open(CS_DB_READ, NULL)))
			return rc;
		st = cs_sql("SELECT name, revisit_days, revisit_reason FROM "
		    "ticket_type ORDER BY name");
		o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 3);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (i = 0; i < 3; i++)
				v[i] = cs_col_text(st, i);
			cs_out_row(o, v);
		}
		sqlite3_reset(st);
		return cs_out_end(o);
	}
	if (n != 2 || (strcmp(argv[g.ind], "set") && strcmp(argv[g.ind], "add"))
	    || !*argv[g.ind + 1])
		return cs_usage(cmd, "type [list] | type set NAME "
		    "[--revisit-days N] [--revisit-reason TEXT]");
	if (days && *days) {
		if (cs_parse_int(days, 0, 365, &d))
			return cs_err(CS_EX_DATAERR, "type: --revisit-days: 0 to "
			    "365, or empty for none (%s)", days);
	}
	for (const char *p = argv[g.ind + 1]; *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && *p != '-' && *p != '_')
			return cs_err(CS_EX_DATAERR, "type: a type name is "
			    "lower-case ASCII letters, '-' or '_' (%s)",
			    argv[g.ind + 1]);
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin()))
		return rc;
	st = cs_sql("INSERT INTO ticket_type (name) VALUES (?1) ON CONFLICT "
	    "(name) DO NOTHING");
	cs_bind_text(st, 1, argv[g.ind + 1], 0);
	rc = cs_step_done(st, "type");
	if (!rc && days) {
		st = cs_sql("UPDATE ticket_type SET revisit_days = ? WHERE "
		    "name = ?");
		if (d >= 0)
			sqlite3_bind_int64(st, 1, d);
		cs_bind_text(st, 2, argv[g.ind + 1], 0);
		rc = cs_step_done(st, "type");
	}
	if (!rc && reason) {
		st = cs_sql("UPDATE ticket_type SET revisit_reason = ? WHERE "
		    "name = ?");
		cs_bind_text(st, 1, reason, 1);
		cs_bind_text(st, 2, argv[g.ind + 1], 0);
		rc = cs_step_done(st, "type");
	}
	if (!rc)
		rc = cs_log_change("ticket_type", 0, argv[g.ind + 1], NULL,
		    days, reason);
	if (rc) {
		cs_rollback();
		return rc;
	}
	return cs_commit();
}

static const struct cs_cmd cmds[] = {
	{ "new", cmd_new, "CUSTOMER --type TYPE [OPTIONS]",
	    "open a ticket for a customer (id, code or phone); prints the id",
	    new_opts },
	{ "import", cmd_import, "FILE|-",
	    "load history from another system; re-import updates",
	    import_opts },
	{ "list", cmd_list, "[OPTIONS]", "list tickets, filtered",
	    list_opts },
	{ "show", cmd_show, "ID", "the fields and the whole timeline",
	    no_opts },
	{ "assign", cmd_assign, "ID...|- LOGIN", "give tickets to an agent",
	    ids_opts },
	{ "update", cmd_update, "ID...|- [--priority P] [--root-cause TEXT] "
	    "...", "change priority, category, stage, root cause, subtype or "
	    "subject", update_opts },
	{ "comment", cmd_comment, "ID [TEXT]", "an internal note",
	    no_opts },
	{ "reply", cmd_reply, "ID [TEXT]",
	    "a public reply: counts as the first response", no_opts },
	{ "start", cmd_move, "ID...|-", "work on it: new, pending or "
	    "reopened to open", note_opts },
	{ "pend", cmd_move, "ID...|- [--until DATE]",
	    "wait for the customer or a third party", pend_opts },
	{ "resolve", cmd_move, "ID...|- [--resolution TEXT]",
	    "mark resolved (complaints need --resolution)", resolve_opts },
	{ "close", cmd_move, "ID...|-", "close a resolved ticket", note_opts },
	{ "reopen", cmd_move, "ID...|-", "reopen a resolved or closed ticket",
	    note_opts },
	{ "escalate", cmd_escalate, "ID...|- --to LOGIN|TEAM --reason TEXT",
	    "hand over to a supervisor or another team", escalate_opts },
	{ "rate", cmd_rate, "ID SCORE", "the customer's satisfaction, 1 to 5",
	    rate_opts },
	{ "link", cmd_link, "ID ARTICLE", "link a knowledge-base article",
	    no_opts },
	{ "sla", cmd_sla, "list | set TYPE PRIORITY ... | rm TYPE PRIORITY",
	    "SLA policies per type and priority", sla_opts },
	{ "calendar", cmd_calendar, "[list | holiday | workday | rm | hours | "
	    "import]", "working hours, holidays and make-up workdays",
	    calendar_opts },
	{ "type", cmd_type, "[list | set NAME]",
	    "ticket types and their automatic revisits", type_opts },
	{ "overdue", cmd_overdue, "[--soon DURATION]",
	    "open tickets past (or near) their targets; exit 1 when none",
	    overdue_opts },
	{ "sample", cmd_sample,
	    "PERIOD | --from DATE --to DATE --per-agent N | --share P%",
	    "draw resolved tickets of each agent for a quality review (抽查)",
	    sample_opts },
	{ "review", cmd_review, "ID --form NAME --item ITEM=POINTS... | "
	    "--score N", "score a resolved ticket's quality (质检)",
	    review_opts },
	{ "qa-form", cmd_qa_form, "[list [NAME] | set NAME ITEM=MAX...]",
	    "scoring forms of the reviews: items and their maxima",
	    no_opts },
	{ NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return cs_main(argc, argv, "Tickets: consultations, complaints, "
	    "technical support and after-sales, with SLA clocks.", cmds,
	    cs_complete_values);
}
