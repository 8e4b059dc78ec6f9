/* cs-revisit - follow-up call campaigns, fair assignment, the record sheet */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cs.h"

enum {
	O_REASON = 256, O_DUE, O_SKILL, O_PERIOD, O_DRY_RUN, O_AFTER_RESOLVED,
	O_TYPE, O_DATE_FIELD, O_OFFSET, O_WINDOW, O_SEGMENT, O_TAG, O_EVERY,
	O_AGENT, O_STATUS, O_OVERDUE, O_NO_MASK, O_RESULT, O_SCORE, O_NOTE,
	O_COMPLAINT, O_RETRY_AFTER, O_MAX_ATTEMPTS, O_UNASSIGNED, O_FROM, O_TO,
	O_CUSTOMER, O_LIMIT
};

static const struct cs_opt plan_opts[] = {
	{ O_REASON, "reason", 'r', CS_OPT_ARG, "TEXT",
	    "why to call, e.g. 售后回访, 春节关怀, 续费提醒 (required)",
	    "@reasons" },
	{ O_AFTER_RESOLVED, "after-resolved", 0, CS_OPT_ARG, "DAYS",
	    "customers whose tickets were resolved that long ago, e.g. 3d",
	    NULL },
	{ O_TYPE, "type", 't', CS_OPT_ARG, "TYPE",
	    "with --after-resolved: only tickets of this type", "@types" },
	{ O_DATE_FIELD, "date-field", 0, CS_OPT_ARG, "ATTR",
	    "a date attribute, e.g. purchase_date (with --offset)", "@attrs" },
	{ O_OFFSET, "offset", 0, CS_OPT_ARG, "DAYS",
	    "days after the date attribute, e.g. 7d for N+7, or -7d before",
	    NULL },
	{ O_WINDOW, "window", 0, CS_OPT_ARG, "DAYS",
	    "how far back to catch up (default 1d; 7d with --after-resolved)",
	    NULL },
	{ O_SEGMENT, "segment", 0, CS_OPT_ARG, "SEGMENT",
	    "periodic care of a segment (with --every)", "@segments" },
	{ O_TAG, "tag", 0, CS_OPT_ARG, "TAG",
	    "periodic care of a tag (with --every)", "@tags" },
	{ O_EVERY, "every", 0, CS_OPT_ARG, "DAYS", "the cycle, e.g. 30d",
	    NULL },
	{ O_DUE, "due", 0, CS_OPT_ARG, "DATE", "due date of every task",
	    NULL },
	{ O_SKILL, "skill", 0, CS_OPT_ARG, "SKILL",
	    "only agents with this skill may take them", "@skills" },
	{ O_PERIOD, "period", 0, CS_OPT_ARG, "TEXT",
	    "one task per customer, reason and period (default: by source)",
	    NULL },
	{ O_DRY_RUN, "dry-run", 'n', CS_OPT_FLAG, NULL,
	    "print what would be planned", NULL },
	CS_OPTS_INPUT_ANY,
	CS_OPT_END
};

static const struct cs_opt assign_opts[] = {
	{ O_DUE, "due", 0, CS_OPT_ARG, "DATE",
	    "tasks due up to DATE (default today)", NULL },
	{ O_REASON, "reason", 'r', CS_OPT_ARG, "TEXT", "only this reason",
	    "@reasons" },
	{ O_DRY_RUN, "dry-run", 'n', CS_OPT_FLAG, NULL,
	    "print the plan, assign nothing", NULL },
	CS_OPT_END
};

static const struct cs_opt list_opts[] = {
	{ O_AGENT, "agent", 'a', CS_OPT_ARG, "LOGIN", "one agent's sheet",
	    "@agents" },
	{ O_UNASSIGNED, "unassigned", 0, CS_OPT_FLAG, NULL,
	    "only tasks that no agent has", NULL },
	{ O_STATUS, "status", 0, CS_OPT_ARG, "STATUS",
	    "open, done, failed, cancelled or all (default open)",
	    "open done failed cancelled all" },
	{ O_REASON, "reason", 'r', CS_OPT_ARG, "TEXT", "only this reason",
	    "@reasons" },
	{ O_DUE, "due", 0, CS_OPT_ARG, "DATE", "due up to DATE", NULL },
	{ O_OVERDUE, "overdue", 0, CS_OPT_FLAG, NULL,
	    "not contacted within 7 days of assignment", NULL },
	{ O_CUSTOMER, "customer", 0, CS_OPT_ARG, "CUSTOMER",
	    "only this customer's (id, code or phone)", NULL },
	{ O_LIMIT, "limit", 0, CS_OPT_ARG, "N", "at most N tasks", NULL },
	{ O_NO_MASK, "no-mask", 0, CS_OPT_FLAG, NULL,
	    "show whole phone numbers (the agent's own sheet)", NULL },
	CS_OPT_END
};

static const struct cs_opt log_opts[] = {
	{ O_RESULT, "result", 0, CS_OPT_ARG, "RESULT",
	    "reached, no-answer, busy, refused, invalid-number, suspended",
	    "reached no-answer busy refused invalid-number suspended" },
	{ O_SCORE, "score", 0, CS_OPT_ARG, "1-5",
	    "the customer's satisfaction; 1 or 2 opens a complaint",
	    "1 2 3 4 5" },
	{ O_NOTE, "note", 0, CS_OPT_ARG, "TEXT", "what was said", NULL },
	{ O_COMPLAINT, "complaint", 0, CS_OPT_FLAG, NULL,
	    "open a complaint ticket from this call", NULL },
	{ O_RETRY_AFTER, "retry-after", 0, CS_OPT_ARG, "DAYS",
	    "no-answer, busy: call again after (default 1d)", NULL },
	{ O_MAX_ATTEMPTS, "max-attempts", 0, CS_OPT_ARG, "N",
	    "no-answer, busy: then failed (default 3)", NULL },
	CS_OPT_END
};

static const struct cs_opt import_opts[] = {
	{ O_RETRY_AFTER, "retry-after", 0, CS_OPT_ARG, "DAYS",
	    "no-answer, busy: call again after (default 1d)", NULL },
	{ O_MAX_ATTEMPTS, "max-attempts", 0, CS_OPT_ARG, "N",
	    "no-answer, busy: then failed (default 3)", NULL },
	CS_OPTS_IMPORT,
	CS_OPT_END
};

/* the commands that read task ids from standard input (-) */
static const struct cs_opt ids_opts[] = { CS_OPTS_INPUT_ANY, CS_OPT_END };

static const struct cs_opt cancel_opts[] = {
	{ O_REASON, "reason", 'r', CS_OPT_ARG, "TEXT", "why", NULL },
	CS_OPTS_INPUT_ANY,
	CS_OPT_END
};

static const struct cs_opt summary_opts[] = {
	{ O_REASON, "reason", 'r', CS_OPT_ARG, "TEXT", "only this reason",
	    "@reasons" },
	{ O_FROM, "from", 0, CS_OPT_ARG, "DATE", "a custom range from DATE",
	    NULL },
	{ O_TO, "to", 0, CS_OPT_ARG, "DATE", "to DATE (not included)", NULL },
	CS_OPT_END
};

static int
days_of(const struct cs_cmd *cmd, const char *opt, const char *s, int *days)
{
	int64_t secs;

	if (cs_parse_duration(s, &secs) < 0 || secs % 86400 != 0 ||
	    secs / 86400 > 3660)
		return cs_usage(cmd, "--%s takes whole days, e.g. 3d or 2w (%s)",
		    opt, s);
	*days = (int)(secs / 86400);
	return 0;
}

/* ---- plan --------------------------------------------------------------- */

struct show {
	struct cs_out *o;
	const char *reason;
};

static void
show_task(void *arg, int64_t customer, int64_t ticket, const char *period,
    const char *due)
{
	struct show *s = arg;
	char c[24], t[24];
	const char *v[5];

	snprintf(c, sizeof(c), "%lld", (long long)customer);
	snprintf(t, sizeof(t), "%lld", (long long)ticket);
	v[0] = c;
	v[1] = ticket ? t : NULL;
	v[2] = s->reason;
	v[3] = period;
	v[4] = due;
	cs_out_row(s->o, v);
}

/* The id of "id:N" or "code:C" as it is, merged or not; 0 when none. */
static int64_t
raw_customer(const char *ref)
{
	sqlite3_stmt *st;
	int64_t id = 0;

	if (strncmp(ref, "code:", 5) == 0) {
		st = cs_sql("SELECT id FROM customer WHERE code = ?");
		cs_bind_text(st, 1, ref + 5, 0);
	} else {
		st = cs_sql("SELECT id FROM customer WHERE id = ?");
		cs_bind_text(st, 1, ref + 3, 0);
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return id;
}

/*
 * The column that makes rec a record of a ticket, such as a line of
 * cs-ticket overdue, whose id is the ticket's; NULL for none. Columns
 * that no list of customers has, so that cs-customer list, a campaign
 * sheet or a bare list of ids keep their id as the customer's.
 */
static const char *
ticket_column(const struct cs_record *rec)
{
	static const char *const cols[] = { "ticket_id", "subject", "target",
		"overdue_h", NULL };
	int i;

	for (i = 0; cols[i]; i++)
		if (cs_record_get(rec, cols[i]))
			return cols[i];
	return NULL;
}

static int
plan_list(struct cs_plan *p, const char *path)
{
	const struct cs_record *rec;
	struct cs_reader *r;
	const char *v, *why, *tc;
	char *ref, ymd[16], year[8];
	int64_t id;
	int rc;

	if ((rc = cs_reader_open(&r, path, cs_conf.input_format ?
	    cs_in_format_parse(cs_conf.input_format) : CS_IN_AUTO,
	    cs_conf.encoding, NULL)))
		return rc;
	cs_fmt_date(cs_now(), ymd);
	snprintf(year, sizeof(year), "%.4s", p->due ? p->due : ymd);
	while ((rc = cs_reader_next(r, &rec)) == 0) {
		/* list output of cs-customer (id), of cs-ticket and
		 * cs-revisit (customer_id), or a campaign sheet (code); the
		 * id of a ticket is never taken for a customer's */
		tc = ticket_column(rec);
		if ((v = cs_record_get(rec, "customer_id")) && *v)
			ref = cs_xasprintf("id:%s", v);
		else if (!tc && (v = cs_record_get(rec, "id")) && *v)
			ref = cs_xasprintf("id:%s", v);
		else if ((v = cs_record_get(rec, "code")) && *v)
			ref = cs_xasprintf("code:%s", v);
		else if ((v = cs_record_get(rec, "phone")) && *v)
			ref = cs_xasprintf("phone:%s", v);
		else if (tc && cs_record_get(rec, "id")) {
			rc = cs_record_err(rec, NULL, NULL, "a list of tickets "
			    "(it has a %s column): its id is a ticket's, not a "
			    "customer's: give a customer_id column", tc);
			break;
		} else {
			rc = cs_record_err(rec, NULL, NULL, "no id, customer_id, "
			    "code or phone");
			break;
		}
		/* The customer named, not the one it was merged into: a
		 * merged or erased customer is skipped and counted. A phone
		 * (a marketing sheet has nothing else) names a live customer
		 * in any of its forms, 138-0013-8000 or +86 138...; one that
		 * several share is not guessed at. */
		why = "no such customer";
		id = strncmp(ref, "phone:", 6) == 0 ?
		    cs_customer_find(ref, &why) : raw_customer(ref);
		free(ref);
		if (!id) {
			p->unknown++;
			cs_warn("%s:%ld: %s: %s", strcmp(rec->file, "-") ?
			    rec->file : "stdin", rec->line, v, why);
			continue;
		}
		/* a campaign is once a year per customer and reason unless
		 * --period says otherwise */
		if ((rc = cs_revisit_plan_one(p, id, 0, p->period ? p->period :
		    year, p->due ? p->due : ymd)))
			break;
	}
	cs_reader_close(r);
	return rc > 0 ? rc : 0;
}

static int
cmd_plan(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "customer_id", "客户编号", CS_COL_NUM },
		{ "ticket_id", "工单", CS_COL_NUM },
		{ "reason", "原因", CS_COL_TEXT },
		{ "period", "周期", CS_COL_TEXT },
		{ "due", "到期", CS_COL_TEXT },
	};
	struct cs_plan p = { 0 };
	struct cs_report_filter rf = { 0 };
	struct show sh = { NULL, NULL };
	const char *type = NULL, *field = NULL, *segment = NULL, *tag = NULL;
	int after = -1, offset = 0, window = -1, every = -1, c, rc, modes;
	int offset_set = 0;
	char due[16];
	struct cs_getopt g;
	int64_t t;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1) {
		rc = 0;
		switch (c) {
		case O_REASON: p.reason = g.arg; break;
		case O_TYPE: type = rf.type = g.arg; break;
		case O_DATE_FIELD: field = g.arg; break;
		case O_SEGMENT: segment = g.arg; break;
		case O_TAG: tag = g.arg; break;
		case O_SKILL: p.skill = rf.skill = g.arg; break;
		case O_PERIOD: p.period = g.arg; break;
		case O_DRY_RUN: p.dry_run = 1; break;
		case O_AFTER_RESOLVED:
			rc = days_of(cmd, "after-resolved", g.arg, &after);
			break;
		case O_OFFSET:
			/* -7d: a week before the date, for renewal reminders
			 * (续费提醒) before attr.card_expiry */
			rc = days_of(cmd, "offset", g.arg + (*g.arg == '-'),
			    &offset);
			if (*g.arg == '-')
				offset = -offset;
			offset_set = 1;
			break;
		case O_WINDOW: rc = days_of(cmd, "window", g.arg, &window); break;
		case O_EVERY: rc = days_of(cmd, "every", g.arg, &every); break;
		case O_DUE:
			if (cs_parse_date(g.arg, cs_now(), &t) < 0)
				return cs_usage(cmd, "--due: not a date (%s)",
				    g.arg);
			p.due = cs_fmt_date(t, due);
			break;
		}
		if (rc)
			return rc;
	}
	if (!p.reason || !*p.reason)
		return cs_usage(cmd, "give --reason, e.g. --reason 售后回访");
	modes = (after >= 0) + (field != NULL) + (every >= 0) +
	    (g.ind < argc);
	if (modes != 1)
		return cs_usage(cmd, "give one source: --after-resolved, "
		    "--date-field, --every, or a FILE or - of customers");
	if (field && !offset_set)
		return cs_usage(cmd, "--date-field needs --offset");
	if (every >= 0 && (every == 0 || (!segment && !tag)))
		return cs_usage(cmd, "--every needs a cycle above 0 and "
		    "--segment or --tag");
	if (window == 0)
		return cs_usage(cmd, "--window is at least 1d");
	/* a type or skill that does not exist is a typo, not a plan of
	 * nothing or of tasks nobody may take */
	if ((rc = cs_db_open(p.dry_run ? CS_DB_READ : CS_DB_WRITE, NULL)) ||
	    (rc = cs_report_filter_check(&rf, cmd->name)) ||
	    (!p.dry_run && (rc = cs_begin())))
		return rc;
	if (p.dry_run) {
		sh.o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 5);
		sh.reason = p.reason;
		p.show = show_task;
		p.arg = &sh;
	}
	if (after >= 0)
		rc = cs_revisit_plan_resolved(&p, after, type, window > 0 ?
		    window : 7);
	else if (field)
		rc = cs_revisit_plan_date(&p, field, offset, window > 0 ?
		    window : 1);
	else if (every >= 0)
		rc = cs_revisit_plan_every(&p, segment, tag, every);
	else if (argc - g.ind != 1)
		rc = cs_usage(cmd, "give one FILE or -");
	else
		rc = plan_list(&p, argv[g.ind]);
	if (sh.o && (c = cs_out_end(sh.o)) && !rc)
		rc = c;
	if (rc) {
		cs_rollback();
		return rc;
	}
	if (!p.dry_run && (rc = cs_commit()))
		return rc;
	{
		char unknown[48] = "";

		if (p.unknown)
			snprintf(unknown, sizeof(unknown), ", unknown customer "
			    "%ld", p.unknown);
		cs_warn("%s %ld, already planned %ld, skipped invalid contact "
		    "%ld, skipped merged or erased %ld%s%s", p.dry_run ?
		    "would plan" : "planned", p.planned, p.existing,
		    p.skipped_invalid, p.skipped_gone, unknown, p.planned ||
		    !p.existing ? "" : " (nothing new)");
	}
	cs_map_free(p.seen);
	return 0;
}

/* ---- assign -------------------------------------------------------------- */

struct emit {
	struct cs_out *o;
};

static void
emit_row(void *arg, int64_t task, int64_t customer, const char *agent,
    const char *reason, const char *due)
{
	struct emit *e = arg;
	char t[24], c[24];
	const char *v[5];

	snprintf(t, sizeof(t), "%lld", (long long)task);
	snprintf(c, sizeof(c), "%lld", (long long)customer);
	v[0] = t;
	v[1] = c;
	v[2] = agent;
	v[3] = reason;
	v[4] = due;
	cs_out_row(e->o, v);
}

static int
cmd_assign(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "id", "任务", CS_COL_NUM },
		{ "customer_id", "客户编号", CS_COL_NUM },
		{ "agent", "专员", CS_COL_TEXT },
		{ "reason", "原因", CS_COL_TEXT },
		{ "due", "到期", CS_COL_TEXT },
	};
	const char *reason = NULL;
	char due[16];
	struct cs_getopt g;
	struct emit e;
	char tail[128];
	long done, left, held;
	int c, rc, dry = 0, dated = 0;
	int64_t t;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_REASON)
			reason = g.arg;
		else if (c == O_DRY_RUN)
			dry = 1;
		else if (c == O_DUE && !(dated = cs_parse_date(g.arg, cs_now(),
		    &t) == 0))
			return cs_usage(cmd, "--due: not a date (%s)", g.arg);
	if (g.ind != argc)
		return cs_usage(cmd, "unexpected argument '%s'", argv[g.ind]);
	cs_fmt_date(dated ? t : cs_now(), due);
	/* One write transaction: two runs at once queue up, and the second
	 * sees what the first gave out. */
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin()))
		return rc;
	e.o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 5);
	rc = cs_revisit_assign(due, reason, dry, emit_row, &e, &done, &left,
	    &held);
	c = cs_out_end(e.o);
	if (rc || c || dry) {
		cs_rollback();
		if (rc || c)
			return rc ? rc : c;
	} else if ((rc = cs_commit()))
		return rc;
	/* Tasks due of customers whose contact is marked invalid wait,
	 * unassigned, until it is revalidated or they are cancelled. */
	snprintf(tail, sizeof(tail), ", %ld held: the contact is marked "
	    "invalid (see cs-customer revalidate, cs-revisit cancel)", held);
	cs_warn("%s %ld task%s, %ld left unassigned (no eligible agent)%s",
	    dry ? "would assign" : "assigned", done, done == 1 ? "" : "s",
	    left, held ? tail : "");
	return 0;
}

/* ---- the record sheet -------------------------------------------------- */

static const struct cs_col sheet_cols[] = {
	{ "id", "任务", CS_COL_NUM },
	{ "customer_id", "客户编号", CS_COL_NUM },
	{ "customer", "客户", CS_COL_TEXT },
	{ "phone", "电话", CS_COL_TEXT },
	{ "reason", "回访原因", CS_COL_TEXT },
	{ "due", "到期", CS_COL_TEXT },
	{ "agent", "专员", CS_COL_TEXT },
	{ "status", "状态", CS_COL_TEXT },
	{ "attempts", "次数", CS_COL_NUM },
	{ "last_result", "上次结果", CS_COL_TEXT },
	{ "last_score", "上次评分", CS_COL_NUM },
	{ "last_note", "上次备注", CS_COL_TEXT },
	{ "result", "结果", CS_COL_TEXT },
	{ "score", "评分", CS_COL_NUM },
	{ "note", "备注", CS_COL_TEXT },
};
#define NSHEET (sizeof(sheet_cols) / sizeof(sheet_cols[0]))

static int
cmd_list(const struct cs_cmd *cmd, int argc, char **argv)
{
	const char *agent = NULL, *status = "open", *reason = NULL, *v[NSHEET];
	const char *cust = NULL, *why;
	struct cs_report_filter rf = { 0 };
	char due[16], *mask = NULL;
	struct cs_getopt g;
	sqlite3_stmt *st;
	struct cs_out *o;
	int c, rc, overdue = 0, nomask = 0, unassigned = 0;
	size_t i;
	int64_t t = 0, customer = 0, limit = -1;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		switch (c) {
		case O_AGENT: agent = g.arg; break;
		case O_UNASSIGNED: unassigned = 1; break;
		case O_STATUS: status = g.arg; break;
		case O_REASON: reason = g.arg; break;
		case O_OVERDUE: overdue = 1; break;
		case O_NO_MASK: nomask = 1; break;
		case O_CUSTOMER: cust = g.arg; break;
		case O_LIMIT:
			if (cs_parse_int(g.arg, 1, INT64_MAX, &limit))
				return cs_usage(cmd, "--limit takes a number "
				    "above 0 (%s)", g.arg);
			break;
		case O_DUE:
			if (cs_parse_date(g.arg, cs_now(), &t) < 0)
				return cs_usage(cmd, "--due: not a date (%s)",
				    g.arg);
			break;
		}
	if (g.ind != argc)
		return cs_usage(cmd, "unexpected argument '%s'", argv[g.ind]);
	if (agent && unassigned)
		return cs_usage(cmd, "--agent and --unassigned exclude each "
		    "other");
	if (!strstr(" open done failed cancelled all ", status) ||
	    strchr(status, ' ') || !*status)
		return cs_usage(cmd, "--status is open, done, failed, cancelled "
		    "or all");
	/* a login that names no agent is a typo, not an empty sheet */
	rf.agent = agent;
	if ((rc = cs_db_open(CS_DB_READ, NULL)) ||
	    (rc = cs_report_filter_check(&rf, cmd->name)))
		return rc;
	if (cust && !(customer = cs_customer_find(cust, &why)))
		return cs_err(CS_EX_FAIL, "list: %s: %s", cust, why);
	/* attempts is in the sheet so that an import knows which attempt a
	 * filled-in row is. What was recorded goes in the last_ columns, and
	 * result, score and note stay empty: an agent who fills in only the
	 * result must not record the old score (and its complaint) again.
	 * The number to call is phone, else phone2. */
	st = cs_sql("SELECT v.id, v.customer_id, c.name, coalesce(nullif("
	    "c.phone, ''), nullif(c.phone2, '')), v.reason, "
	    "v.due_date, a.login, v.status, v.attempts, v.last_result, "
	    "v.score, v.note, NULL, NULL, NULL FROM revisit v JOIN customer c "
	    "ON c.id = v.customer_id "
	    "LEFT JOIN agent a ON a.id = v.agent_id WHERE (?1 = 'all' OR "
	    "v.status = ?1) AND (?2 IS NULL OR a.login = ?2) AND (?3 IS NULL OR "
	    "v.reason = ?3) AND (?4 IS NULL OR v.due_date <= ?4) AND (?5 = 0 OR "
	    "(v.status = 'open' AND v.assigned_at <= ?6 AND NOT EXISTS (SELECT "
	    "1 FROM revisit_attempt x WHERE x.revisit_id = v.id AND x.at >= "
	    "v.assigned_at))) AND (?7 = 0 OR v.agent_id IS NULL) AND (?8 = 0 "
	    "OR v.customer_id = ?8) ORDER BY a.login, v.due_date, v.id "
	    "LIMIT ?9");
	cs_bind_text(st, 1, status, 0);
	cs_bind_text(st, 2, agent, 0);
	cs_bind_text(st, 3, reason, 0);
	cs_bind_text(st, 4, t ? cs_fmt_date(t, due) : NULL, 0);
	sqlite3_bind_int(st, 5, overdue);
	sqlite3_bind_int64(st, 6, cs_now() - 7 * 86400);
	sqlite3_bind_int(st, 7, unassigned);
	sqlite3_bind_int64(st, 8, customer);
	sqlite3_bind_int64(st, 9, limit);
	o = cs_out_new(stdout, cs_fmt_default(stdout), sheet_cols, NSHEET);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < NSHEET; i++)
			v[i] = cs_col_text(st, (int)i);
		if (!nomask && v[3]) {
			free(mask);
			v[3] = mask = cs_phone_mask(v[3]);
		}
		cs_out_row(o, v);
	}
	free(mask);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		cs_out_end(o);
		return cs_db_fail("list");
	}
	return cs_out_end(o);
}

static int
attempt_opts(const struct cs_cmd *cmd, int c, const char *arg,
    struct cs_attempt *a)
{
	int64_t n;

	if (c == O_RETRY_AFTER)
		return days_of(cmd, "retry-after", arg, &a->retry_days);
	if (c == O_MAX_ATTEMPTS) {
		if (cs_parse_int(arg, 1, 100, &n))
			return cs_usage(cmd, "--max-attempts is 1 to 100 (%s)",
			    arg);
		a->max_attempts = (int)n;
	}
	return 0;
}

static const struct cs_col attempt_cols[] = {
	{ "id", "记录", CS_COL_NUM },
	{ "revisit_id", "任务", CS_COL_NUM },
	{ "customer_id", "客户编号", CS_COL_NUM },
	{ "reason", "回访原因", CS_COL_TEXT },
	{ "seq", "次数", CS_COL_NUM },
	{ "at", "时间", CS_COL_TEXT },
	{ "actor", "记录人", CS_COL_TEXT },
	{ "agent", "专员", CS_COL_TEXT },
	{ "result", "结果", CS_COL_TEXT },
	{ "score", "评分", CS_COL_NUM },
	{ "note", "备注", CS_COL_TEXT },
	{ "ticket_id", "投诉工单", CS_COL_NUM },
	{ "status", "状态", CS_COL_TEXT },
	{ "due", "到期", CS_COL_TEXT },
};
#define NATTEMPT (sizeof(attempt_cols) / sizeof(attempt_cols[0]))

/* The last attempt of task, as v_revisit_attempts has it, with the task's
 * status and due date after it, into v (caller frees each). Read inside
 * the transaction that recorded it, so that it is this call's. */
static int
last_attempt(int64_t task, char *v[NATTEMPT])
{
	sqlite3_stmt *st;
	char at[32];
	size_t i;

	st = cs_sql("SELECT a.id, a.revisit_id, v.customer_id, v.reason, "
	    "a.seq, a.at, a.actor, g.login, a.result, a.score, a.note, "
	    "a.ticket_id, v.status, v.due_date FROM revisit_attempt a JOIN "
	    "revisit v ON v.id = a.revisit_id LEFT JOIN agent g ON g.id = "
	    "a.agent_id WHERE a.revisit_id = ? ORDER BY a.seq DESC LIMIT 1");
	sqlite3_bind_int64(st, 1, task);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return cs_db_fail("log");
	}
	for (i = 0; i < NATTEMPT; i++) {
		/* column 5, at, is a time, shown with its offset */
		const char *t = i == 5 ? cs_col_time(st, 5, at) :
		    cs_col_text(st, (int)i);

		v[i] = t ? cs_xstrdup(t) : NULL;
	}
	sqlite3_reset(st);
	return 0;
}

static int
cmd_log(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_attempt a = { 0 };
	struct cs_getopt g;
	struct cs_out *o;
	const char *column;
	char *problem = NULL, *v[NATTEMPT] = { NULL };
	int64_t ticket, n;
	int c, rc, json;
	size_t i;

	a.retry_days = 1;
	a.max_attempts = 3;
	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1) {
		switch (c) {
		case O_RESULT: a.result = g.arg; break;
		case O_NOTE: a.note = g.arg; break;
		case O_COMPLAINT: a.complaint = 1; break;
		case O_SCORE:
			if (cs_parse_int(g.arg, 1, 5, &n))
				return cs_err(CS_EX_DATAERR, "log: --score: 1 to "
				    "5 (%s)", g.arg);
			a.score = (int)n;
			break;
		}
		if ((rc = attempt_opts(cmd, c, g.arg, &a)))
			return rc;
	}
	if (g.ind != argc - 1 || !a.result)
		return cs_usage(cmd, "give a task id and --result");
	if (cs_parse_int(argv[g.ind], 1, INT64_MAX, &a.task))
		return cs_usage(cmd, "not a task id '%s'", argv[g.ind]);
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin()))
		return rc;
	rc = cs_revisit_log(&a, &ticket, &column, &problem);
	if (rc < 0 || rc > CS_ROW_UNCHANGED) {
		cs_rollback();
		if (rc < 0 && column && strcmp(column, "result") == 0)
			rc = cs_err(CS_EX_DATAERR, "log %lld: --result: %s (%s)",
			    (long long)a.task, problem, a.result);
		else if (rc < 0)
			rc = cs_err(cs_refused(rc), "log %lld: %s",
			    (long long)a.task, problem);
		free(problem);
		return rc;
	}
	json = cs_conf.format == CS_FMT_JSON || cs_conf.format == CS_FMT_JSONL;
	if (json && (rc = last_attempt(a.task, v)))
		cs_rollback();
	else
		rc = cs_commit();
	if (!rc && json) {
		/* the attempt it created, as one object */
		o = cs_out_new(stdout, CS_FMT_JSONL, attempt_cols, NATTEMPT);
		cs_out_row(o, (const char *const *)v);
		rc = cs_out_end(o);
	} else if (!rc && ticket)
		printf("%lld\n", (long long)ticket);
	for (i = 0; i < NATTEMPT; i++)
		free(v[i]);
	return rc;
}

struct import_ctx {
	struct cs_attempt a;
};

static int
import_row(void *arg, const struct cs_record *rec, char **err)
{
	struct import_ctx *ctx = arg;
	struct cs_attempt a = ctx->a;
	const char *id = cs_record_get(rec, "id"),
	    *result = cs_record_get(rec, "result"),
	    *score = cs_record_get(rec, "score"),
	    *attempts = cs_record_get(rec, "attempts"),
	    *called = cs_record_get(rec, "called_at");
	const char *column;
	char *problem;
	int64_t ticket, n;
	int rc;

	/* Rows nobody filled in are not attempts. */
	if (!result || !*result)
		return CS_ROW_UNCHANGED;
	if (cs_parse_int(id, 1, INT64_MAX, &a.task)) {
		*err = cs_record_msg(rec, "id", id, "not a task id");
		return -1;
	}
	a.result = result;
	a.note = cs_record_get(rec, "note");
	if (a.note && !*a.note)
		a.note = NULL;
	if (score && *score) {
		if (cs_parse_int(score, 1, 5, &n)) {
			*err = cs_record_msg(rec, "score", score, "1 to 5");
			return -1;
		}
		a.score = (int)n;
	}
	if (attempts && *attempts) {
		if (cs_parse_int(attempts, 0, 1000000, &a.seq)) {
			*err = cs_record_msg(rec, "attempts", attempts,
			    "not a count");
			return -1;
		}
		a.seq++;
	}
	if (called && *called && cs_parse_time(called, &a.when) < 0) {
		*err = cs_record_msg(rec, "called_at", called, "not a time (use "
		    "2026-11-24 10:30)");
		return -1;
	}
	rc = cs_revisit_log(&a, &ticket, &column, &problem);
	if (rc < 0) {
		*err = cs_record_msg(rec, column, column ?
		    cs_record_get(rec, column) : NULL, "%s", problem);
		free(problem);
	}
	return rc;
}

static int
cmd_import(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const char *const req[] = { "id", "result", NULL };
	/* the columns of the sheet that list writes */
	static const char *const known[] = { "id", "customer_id", "customer",
		"phone", "reason", "due", "agent", "status", "attempts",
		"last_result", "last_score", "last_note", "result", "score",
		"note", "called_at", NULL };
	struct cs_in_spec spec = { known, req, 0 };
	struct import_ctx ctx = { { 0 } };
	struct cs_import im = { 0 };
	struct cs_getopt g;
	int c, rc;

	ctx.a.retry_days = 1;
	ctx.a.max_attempts = 3;
	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if ((rc = attempt_opts(cmd, c, g.arg, &ctx.a)))
			return rc;
	im.what = "attempts";
	im.spec = &spec;
	im.row = import_row;
	im.ctx = &ctx;
	return cs_import_main(cmd, argc, argv, g.ind, &im);
}

/* Refuses task id, which an UPDATE of open tasks did not find: no such
 * task is nothing found (1), one that is done or cancelled bad input. */
static int
not_open(const char *what, int64_t id)
{
	sqlite3_stmt *st;
	const char *status = NULL;
	int rc;

	st = cs_sql("SELECT status FROM revisit WHERE id = ?");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		status = cs_col_text(st, 0);
	if (status)
		rc = cs_err(CS_EX_DATAERR, "%s %lld: the task is %s, not "
		    "open: nothing changed", what, (long long)id, status);
	else
		rc = cs_err(CS_EX_FAIL, "%s %lld: no such revisit task", what,
		    (long long)id);
	sqlite3_reset(st);
	return rc;
}

static int
cmd_cancel(const struct cs_cmd *cmd, int argc, char **argv)
{
	const char *reason = NULL;
	struct cs_getopt g;
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	size_t n, i;
	int c, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_REASON)
			reason = g.arg;
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) ||
	    (rc = cs_read_ids(cmd, "task", argc - g.ind, argv + g.ind, &ids,
	    &n)) || (rc = cs_begin())) {
		free(ids);
		return rc;
	}
	for (i = 0; i < n && !rc; i++) {
		st = cs_sql("UPDATE revisit SET status = 'cancelled', "
		    "finished_at = NULL, note = coalesce(?, note) WHERE id = ? "
		    "AND status = 'open'");
		cs_bind_text(st, 1, reason, 1);
		sqlite3_bind_int64(st, 2, ids[i]);
		if ((rc = cs_step_done(st, "cancel")))
			break;
		if (sqlite3_changes(sqlite3_db_handle(st)) == 0)
			rc = not_open("cancel", ids[i]);
		else
			rc = cs_log_change("revisit", ids[i], "status", "open",
			    "cancelled", reason);
	}
	free(ids);
	if (rc) {
		cs_rollback();
		return rc;
	}
	return cs_commit();
}

static int
cmd_reassign(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_getopt g;
	sqlite3_stmt *st;
	int64_t *ids = NULL, agent;
	size_t n, i;
	int rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while (cs_getopt(&g) != -1)
		;
	if (argc - g.ind < 2)
		return cs_usage(cmd, "give task ids (or -) and a LOGIN");
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) ||
	    (rc = cs_read_ids(cmd, "task", argc - g.ind - 1, argv + g.ind,
	    &ids, &n)) || (rc = cs_begin())) {
		free(ids);
		return rc;
	}
	if (n == 0) {
		cs_rollback();
		return 0;
	}
	st = cs_sql("SELECT id FROM agent WHERE login = ? AND active = 1");
	cs_bind_text(st, 1, argv[argc - 1], 0);
	agent = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) :
	    0;
	sqlite3_reset(st);
	if (!agent)
		rc = cs_err(CS_EX_DATAERR, "reassign: no active agent '%s'",
		    argv[argc - 1]);
	for (i = 0; i < n && !rc; i++) {
		st = cs_sql("UPDATE revisit SET agent_id = ?, assigned_at = ? "
		    "WHERE id = ? AND status = 'open'");
		sqlite3_bind_int64(st, 1, agent);
		sqlite3_bind_int64(st, 2, cs_now());
		sqlite3_bind_int64(st, 3, ids[i]);
		if ((rc = cs_step_done(st, "reassign")))
			break;
		if (sqlite3_changes(sqlite3_db_handle(st)) == 0)
			rc = not_open("reassign", ids[i]);
		else
			rc = cs_log_change("revisit", ids[i], "agent", NULL,
			    argv[argc - 1], NULL);
	}
	free(ids);
	if (rc) {
		cs_rollback();
		return rc;
	}
	return cs_commit();
}

/* ---- summary ----------------------------------------------------------- */

struct figure {
	char key[160];
	int64_t num, den;	/* value = num / den (den 1 for counts) */
	int scale;		/* 100 for rates, 1 for means, 0 for counts */
	int defined;
};

/* One metric's figures for a period: rows of (key, num, den). */
static size_t
figures(const char *sql, const struct cs_period *p, const char *reason,
    int scale, struct figure *out, size_t max)
{
	sqlite3_stmt *st = cs_sql(sql);
	size_t n = 0;

	sqlite3_bind_int64(st, 1, p->start);
	sqlite3_bind_int64(st, 2, p->end);
	cs_bind_text(st, 3, reason, 0);
	sqlite3_bind_int64(st, 4, cs_now() - 7 * 86400);
	while (n < max && sqlite3_step(st) == SQLITE_ROW) {
		snprintf(out[n].key, sizeof(out[n].key), "%s",
		    cs_col_text(st, 0) ? cs_col_text(st, 0) : "");
		out[n].num = sqlite3_column_int64(st, 1);
		out[n].den = sqlite3_column_int64(st, 2);
		out[n].scale = scale;
		out[n].defined = scale == 0 || out[n].den != 0;
		n++;
	}
	sqlite3_reset(st);
	return n;
}

static const char *
value(const struct figure *f, char *buf)
{
	if (!f || !f->defined)
		return NULL;
	if (f->scale == 0) {
		snprintf(buf, 32, "%lld", (long long)f->num);
		return buf;
	}
	return cs_fmt_ratio(f->num, f->den, f->scale, buf);
}

/* change % of two formatted values; "" when undefined */
static const char *
change(const char *now, const char *before, char *buf)
{
	double a, b;

	if (!now || !before || !*now || !*before || (b = atof(before)) == 0)
		return NULL;
	a = atof(now);
	/* both have two decimals at most: work in hundredths */
	return cs_fmt_ratio(llround(a * 100) - llround(b * 100),
	    llround(b * 100), 100, buf);
}

#define FIN "+v.status IN ('done', 'failed') AND v.finished_at >= ?1 AND " \
	"v.finished_at < ?2 AND (?3 IS NULL OR v.reason = ?3)"
#define ATT "a.at >= ?1 AND a.at < ?2 AND (?3 IS NULL OR v.reason = ?3)"

static const struct metric {
	const char *name, *sql;
	int scale;
} metrics[] = {
	{ "revisits_planned", "SELECT '', count(*), 1 FROM revisit v WHERE "
	    "v.created_at >= ?1 AND v.created_at < ?2 AND (?3 IS NULL OR "
	    "v.reason = ?3)", 0 },
	{ "revisits_finished", "SELECT '', count(*), 1 FROM revisit v WHERE "
	    FIN, 0 },
	{ "revisit_success_rate", "SELECT '', sum(v.last_result = 'reached'), "
	    "count(*) FROM revisit v WHERE " FIN, 100 },
	/* results by kind: the last result of each finished task, keyed
	 * reason=no-answer as the spec writes it, as cs-report does */
	{ "revisits_by_result", "SELECT 'reason=' || v.last_result, count(*), "
	    "1 FROM revisit v WHERE " FIN " GROUP BY v.last_result ORDER BY "
	    "v.last_result", 0 },
	{ "revisit_attempts_mean", "SELECT '', sum(v.attempts), count(*) FROM "
	    "revisit v WHERE " FIN, 1 },
	{ "revisit_score_mean", "SELECT '', sum(a.score), count(a.score) FROM "
	    "revisit_attempt a JOIN revisit v ON v.id = a.revisit_id WHERE "
	    ATT, 1 },
	{ "revisit_satisfied_pct", "SELECT '', sum(a.score >= 4), "
	    "count(a.score) FROM revisit_attempt a JOIN revisit v ON v.id = "
	    "a.revisit_id WHERE " ATT, 100 },
	{ "revisit_complaints", "SELECT '', count(a.ticket_id), 1 FROM "
	    "revisit_attempt a JOIN revisit v ON v.id = a.revisit_id WHERE "
	    ATT, 0 },
	{ "revisit_contacts_invalidated", "SELECT '', sum(a.result IN "
	    "('refused', 'invalid-number', 'suspended')), 1 FROM "
	    "revisit_attempt a JOIN revisit v ON v.id = a.revisit_id WHERE "
	    ATT, 0 },
	{ "revisits_finished", "SELECT 'reason=' || v.reason, count(*), 1 "
	    "FROM revisit v WHERE " FIN " GROUP BY v.reason ORDER BY v.reason",
	    0 },
	{ "revisit_success_rate", "SELECT 'reason=' || v.reason, "
	    "sum(v.last_result = 'reached'), count(*) FROM revisit v WHERE "
	    FIN " GROUP BY v.reason ORDER BY v.reason", 100 },
	{ "revisits_finished", "SELECT 'agent=' || coalesce(g.login, ''), "
	    "count(*), 1 FROM revisit v LEFT JOIN agent g ON g.id = v.agent_id "
	    "WHERE " FIN " GROUP BY g.login ORDER BY g.login", 0 },
	{ "revisit_success_rate", "SELECT 'agent=' || coalesce(g.login, ''), "
	    "sum(v.last_result = 'reached'), count(*) FROM revisit v LEFT JOIN "
	    "agent g ON g.id = v.agent_id WHERE " FIN " GROUP BY g.login "
	    "ORDER BY g.login", 100 },
	/* as of now: assigned over 7 days ago and not called since */
	{ "revisits_overdue", "SELECT '', count(*), 1 FROM revisit v WHERE "
	    "v.status = 'open' AND v.assigned_at <= ?4 AND ?2 > 0 AND "
	    "(?3 IS NULL OR v.reason = ?3) AND NOT EXISTS (SELECT 1 FROM "
	    "revisit_attempt a WHERE a.revisit_id = v.id AND a.at >= "
	    "v.assigned_at) AND ?1 = ?1", 0 },
	{ NULL, NULL, 0 }
};

static int
cmd_summary(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "section", "部分", CS_COL_TEXT },
		{ "metric", "指标", CS_COL_TEXT },
		{ "key", "维度", CS_COL_TEXT },
		{ "value", "本期", CS_COL_NUM },
		{ "previous", "上期", CS_COL_NUM },
		{ "change_pct", "环比%", CS_COL_NUM },
	};
	struct figure now[64], before[64];
	struct cs_period p, prev;
	const char *reason = NULL, *from = NULL, *to = NULL, *v[6];
	char b1[32], b2[32], b3[32];
	struct cs_getopt g;
	struct cs_out *o;
	size_t n, m, i, k;
	int c, rc, html, human;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_REASON)
			reason = g.arg;
		else if (c == O_FROM)
			from = g.arg;
		else if (c == O_TO)
			to = g.arg;
	if ((rc = cs_period_arg(cmd, argc, argv, g.ind, from, to, &p)))
		return rc;
	cs_period_prev(&p, &prev);
	if ((rc = cs_db_open(CS_DB_READ, NULL)))
		return rc;
	html = cs_fmt_default(stdout) == CS_FMT_HTML;
	if (html) {
		/* the page: a chart of the results, then the figures */
		struct cs_chart *ch = cs_chart_new();

		n = figures(metrics[3].sql, &p, reason, 0, now, 64);	/* by result */
		for (k = 0; k < n; k++)
			cs_chart_add(ch, "", strchr(now[k].key, '=') + 1,
			    (double)now[k].num);
		printf("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
		    "<title>回访总结报告 %s</title><style>body{font-family:"
		    "sans-serif;max-width:60em;margin:2em auto}table{"
		    "border-collapse:collapse}th,td{border:1px solid #ccc;"
		    "padding:.2em .5em}th{background:#eef3fa}td.n{text-align:"
		    "right}</style></head><body>\n<h1>回访总结报告 %s</h1>\n",
		    p.name, p.name);
		cs_chart_svg(stdout, cs_conf.lang_zh ? "回访结果" :
		    "Revisit results", ch);
		cs_chart_free(ch);
		cs_conf.html_fragment = 1;
	}
	/* a table for people names the figures in their language */
	human = cs_fmt_default(stdout) == CS_FMT_TABLE || cs_fmt_default(stdout)
	    == CS_FMT_MARKDOWN || html;
	o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 6);
	for (i = 0; metrics[i].name; i++) {
		n = figures(metrics[i].sql, &p, reason, metrics[i].scale, now,
		    64);
		m = figures(metrics[i].sql, &prev, reason, metrics[i].scale,
		    before, 64);
		/* keys of this period, then those only the previous had */
		for (k = 0; k < n + m; k++) {
			const struct figure *a = NULL, *b = NULL;
			size_t j;

			if (k < n) {
				a = &now[k];
				for (j = 0; j < m; j++)
					if (!strcmp(before[j].key, a->key))
						b = &before[j];
			} else {
				b = &before[k - n];
				for (j = 0; j < n; j++)
					if (!strcmp(now[j].key, b->key))
						break;
				if (j < n)
					continue;
			}
			v[0] = human ? cs_metric_label("revisits") : "revisits";
			v[1] = human ? cs_metric_label(metrics[i].name) :
			    metrics[i].name;
			v[2] = a ? a->key : b->key;
			v[3] = value(a, b1);
			v[4] = value(b, b2);
			/* a count with no rows is 0; a rate stays undefined */
			if (!a && metrics[i].scale == 0)
				v[3] = "0";
			if (!b && metrics[i].scale == 0)
				v[4] = "0";
			v[5] = change(v[3], v[4], b3);
			cs_out_row(o, v);
		}
	}
	rc = cs_out_end(o);
	if (html && !rc)
		printf("</body></html>\n");
	return rc;
}

static const struct cs_cmd cmds[] = {
	{ "plan", cmd_plan, "--reason TEXT SOURCE [OPTIONS]",
	    "create tasks from resolved tickets, a date attribute, a segment "
	    "or a list", plan_opts },
	{ "assign", cmd_assign, "[--due DATE] [--reason TEXT]",
	    "share due tasks fairly among the agents", assign_opts },
	{ "list", cmd_list, "[OPTIONS]",
	    "the record sheet (回访记录表)", list_opts },
	{ "log", cmd_log, "ID --result RESULT [OPTIONS]",
	    "record an attempt", log_opts },
	{ "import", cmd_import, "FILE|-",
	    "record the results of a filled-in sheet", import_opts },
	{ "cancel", cmd_cancel, "ID...|- [--reason TEXT]", "cancel open tasks",
	    cancel_opts },
	{ "reassign", cmd_reassign, "ID...|- LOGIN",
	    "give open tasks to another agent", ids_opts },
	{ "summary", cmd_summary, "PERIOD | --from DATE --to DATE",
	    "the revisit summary report (回访总结报告)", summary_opts },
	{ NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return cs_main(argc, argv, "Revisits (回访): plan follow-up calls, "
	    "share them out fairly, record every attempt, sum them up.", cmds,
	    cs_complete_values);
}
