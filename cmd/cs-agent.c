/* cs-agent - the staff roster */
#include <stdlib.h>
#include <string.h>

#include "cs.h"

enum {
	O_NAME = 256, O_TEAM, O_ROLE, O_SKILLS, O_WEIGHT, O_CAPACITY,
	O_INACTIVE, O_ACTIVE, O_ALL, O_SKILL,
	O_FROM, O_TO, O_NOTE, O_CANCEL, O_AGENT
};

#define FIELD_OPTS \
	{ O_NAME, "name", 0, CS_OPT_ARG, "NAME", "full name, e.g. 李娜", \
	    NULL }, \
	{ O_TEAM, "team", 't', CS_OPT_ARG, "TEAM", "team, e.g. 售后组", \
	    "@teams" }, \
	{ O_ROLE, "role", 0, CS_OPT_ARG, "ROLE", \
	    "agent, supervisor, reviewer, owner or admin", \
	    "agent supervisor reviewer owner admin" }, \
	{ O_SKILLS, "skills", 's', CS_OPT_ARG, "LIST", \
	    "skills separated by ';', e.g. 投诉;技术支持", "@skills" }, \
	{ O_WEIGHT, "weight", 'w', CS_OPT_ARG, "N", \
	    "ability weight for sharing out work (default 1)", NULL }, \
	{ O_CAPACITY, "capacity", 'c', CS_OPT_ARG, "N", \
	    "revisits a day at most (empty: no limit)", NULL }

static const struct cs_opt add_opts[] = {
	FIELD_OPTS,
	{ O_INACTIVE, "inactive", 0, CS_OPT_FLAG, NULL,
	    "add the agent as inactive", NULL },
	CS_OPT_END
};

static const struct cs_opt update_opts[] = {
	FIELD_OPTS,
	{ O_ACTIVE, "active", 0, CS_OPT_ARG, "yes|no", "active or not",
	    "yes no" },
	CS_OPT_END
};

static const struct cs_opt import_opts[] = { CS_OPTS_IMPORT, CS_OPT_END };

static const struct cs_opt list_opts[] = {
	{ O_TEAM, "team", 't', CS_OPT_ARG, "TEAM", "only this team",
	    "@teams" },
	{ O_ROLE, "role", 0, CS_OPT_ARG, "ROLE", "only this role",
	    "agent supervisor reviewer owner admin" },
	{ O_SKILL, "skill", 's', CS_OPT_ARG, "SKILL", "only agents with this "
	    "skill", "@skills" },
	{ O_ACTIVE, "active", 0, CS_OPT_FLAG, NULL, "only active agents",
	    NULL },
	{ O_INACTIVE, "inactive", 0, CS_OPT_FLAG, NULL,
	    "only inactive agents", NULL },
	CS_OPT_END
};

static const struct cs_opt leave_opts[] = {
	{ O_FROM, "from", 0, CS_OPT_ARG, "DATE", "first day of leave", NULL },
	{ O_TO, "to", 0, CS_OPT_ARG, "DATE", "last day of leave (included)",
	    NULL },
	{ O_NOTE, "note", 0, CS_OPT_ARG, "TEXT", "a note, e.g. 年假", NULL },
	{ O_CANCEL, "cancel", 0, CS_OPT_ARG, "ID", "cancel leave ID", NULL },
	CS_OPT_END
};

static const struct cs_opt target_opts[] = {
	{ O_TEAM, "team", 't', CS_OPT_ARG, "TEAM", "the standard of a team",
	    "@teams" },
	{ O_AGENT, "agent", 'a', CS_OPT_ARG, "LOGIN",
	    "the standard of one agent", "@agents" },
	CS_OPT_END
};

static const struct cs_opt no_opts[] = { CS_OPT_END };

static const struct cs_col agent_cols[] = {
	{ "login", "登录名", CS_COL_TEXT },
	{ "name", "姓名", CS_COL_TEXT },
	{ "team", "组", CS_COL_TEXT },
	{ "role", "角色", CS_COL_TEXT },
	{ "skills", "技能", CS_COL_TEXT },
	{ "weight", "权重", CS_COL_NUM },
	{ "capacity", "日容量", CS_COL_NUM },
	{ "active", "在岗", CS_COL_TEXT },
	{ "on_leave", "休假中", CS_COL_TEXT },
};
#define NCOLS (sizeof(agent_cols) / sizeof(agent_cols[0]))

/* on_leave is what list writes: known, so that list output imports, and
 * ignored, since leave has its own command. */
static const char *const known_cols[] = {
	"login", "name", "team", "role", "skills", "weight", "capacity",
	"active", "on_leave", NULL
};
static const char *const required_cols[] = { "login", NULL };

static int print_agents(const char *, const char *, const char *,
    const char *, int);

/* Reports what the library refused (rc: -1 or CS_NOT_FOUND). value is
 * the field's, or for CS_NOT_FOUND the login that names no agent. */
static int
refuse(const struct cs_cmd *cmd, int rc, int field, const char *value,
    char *problem)
{
	if (rc == CS_NOT_FOUND)
		rc = cs_err(CS_EX_FAIL, "%s: %s: %s", cmd->name,
		    value ? value : "", problem);
	else if (field >= 0)
		rc = cs_err(cs_refused(rc), "%s: --%s: %s (%s)", cmd->name,
		    cs_agent_field[field], problem, value ? value : "");
	else
		rc = cs_err(cs_refused(rc), "%s: %s", cmd->name, problem);
	free(problem);
	return rc;
}

static int
put(const struct cs_cmd *cmd, int argc, char **argv, int mode)
{
	struct cs_agent_in in = { { 0 } };
	struct cs_getopt g;
	char *problem;
	int c, rc, field;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		switch (c) {
		case O_NAME:
			in.v[CS_AGENT_NAME] = g.arg;
			break;
		case O_TEAM:
			in.v[CS_AGENT_TEAM] = g.arg;
			break;
		case O_ROLE:
			in.v[CS_AGENT_ROLE] = g.arg;
			break;
		case O_SKILLS:
			in.v[CS_AGENT_SKILLS] = g.arg;
			break;
		case O_WEIGHT:
			in.v[CS_AGENT_WEIGHT] = g.arg;
			break;
		case O_CAPACITY:
			in.v[CS_AGENT_CAPACITY] = g.arg;
			break;
		case O_INACTIVE:
			in.v[CS_AGENT_ACTIVE] = "0";
			break;
		case O_ACTIVE:
			in.v[CS_AGENT_ACTIVE] = g.arg;
			break;
		}
	if (g.ind != argc - 1)
		return cs_usage(cmd, "give one LOGIN");
	in.v[CS_AGENT_LOGIN] = argv[g.ind];
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin()))
		return rc;
	rc = cs_agent_put(&in, mode, &field, &problem);
	if (rc < 0) {
		cs_rollback();
		return refuse(cmd, rc, field, field >= 0 ? in.v[field] :
		    NULL, problem);
	}
	if (rc > CS_ROW_UNCHANGED) {
		cs_rollback();
		return rc;
	}
	if ((rc = cs_commit()))
		return rc;
	if (mode != CS_PUT_CREATE)
		return 0;
	/* The new thing's key alone, or the whole object when asked. */
	if (cs_conf.format == CS_FMT_JSON || cs_conf.format == CS_FMT_JSONL) {
		cs_conf.format = CS_FMT_JSONL;	/* one object, not a list */
		return print_agents(argv[g.ind], NULL, NULL, NULL, -1);
	}
	printf("%s\n", argv[g.ind]);
	return 0;
}

static int
cmd_add(const struct cs_cmd *cmd, int argc, char **argv)
{
	return put(cmd, argc, argv, CS_PUT_CREATE);
}

static int
cmd_update(const struct cs_cmd *cmd, int argc, char **argv)
{
	return put(cmd, argc, argv, CS_PUT_UPDATE);
}

static int
import_row(void *ctx, const struct cs_record *rec, char **err)
{
	struct cs_agent_in in = { { 0 } };
	char *problem;
	int f, rc, field;

	(void)ctx;
	for (f = 0; f < CS_AGENT_NFIELDS; f++)
		in.v[f] = cs_record_get(rec, cs_agent_field[f]);
	rc = cs_agent_put(&in, CS_PUT_ANY, &field, &problem);
	if (rc < 0) {
		*err = cs_record_msg(rec, field >= 0 ? cs_agent_field[field] :
		    NULL, field >= 0 ? in.v[field] : NULL, "%s", problem);
		free(problem);
	}
	return rc;
}

static int
cmd_import(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_in_spec spec = { known_cols, required_cols, 0 };
	struct cs_import im = { 0 };
	struct cs_getopt g;

	cs_getopt_init(&g, cmd, argc, argv);
	while (cs_getopt(&g) != -1)
		;
	im.what = "agents";
	im.spec = &spec;
	im.row = import_row;
	return cs_import_main(cmd, argc, argv, g.ind, &im);
}

/* Rows of v_agents with on_leave as of today, filtered. */
static int
print_agents(const char *login, const char *team, const char *role,
    const char *skill, int active)
{
	sqlite3_stmt *st;
	struct cs_out *o;
	const char *v[NCOLS];
	char today[16];
	size_t i;
	int n = 0, rc;

	if ((rc = cs_db_open(CS_DB_READ, NULL)))
		return rc;
	/* An unset field is NULL, so JSON says null for each alike: team and
	 * skills are stored so, a name as '' (the column is NOT NULL). */
	st = cs_sql("SELECT login, nullif(name, ''), team, role, skills, "
	    "weight, capacity,"
	    " CASE active WHEN 1 THEN 'yes' ELSE 'no' END,"
	    " CASE WHEN EXISTS (SELECT 1 FROM agent_leave l WHERE"
	    "  l.agent_id = v_agents.id AND l.first_day <= ?1 AND"
	    "  l.last_day >= ?1) THEN 'yes' ELSE 'no' END"
	    " FROM v_agents"
	    " WHERE (?2 IS NULL OR login = ?2) AND (?3 IS NULL OR team = ?3)"
	    " AND (?4 IS NULL OR role = ?4) AND (?5 IS NULL OR EXISTS"
	    "  (SELECT 1 FROM agent_skill s WHERE s.agent_id = v_agents.id"
	    "   AND s.skill = ?5))"
	    " AND (?6 < 0 OR active = ?6)"
	    " ORDER BY login");
	cs_bind_text(st, 1, cs_fmt_date(cs_now(), today), 0);
	cs_bind_text(st, 2, login, 0);
	cs_bind_text(st, 3, team, 0);
	cs_bind_text(st, 4, role, 0);
	cs_bind_text(st, 5, skill, 0);
	sqlite3_bind_int(st, 6, active);
	o = cs_out_new(stdout, cs_fmt_default(stdout), agent_cols, NCOLS);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < NCOLS; i++)
			v[i] = cs_col_text(st, (int)i);
		cs_out_row(o, v);
		n++;
	}
	if (rc != SQLITE_DONE) {
		cs_out_end(o);
		return cs_db_fail("agents");
	}
	sqlite3_reset(st);
	if ((rc = cs_out_end(o)))
		return rc;
	return n ? 0 : CS_EX_FAIL;
}

static int
cmd_list(const struct cs_cmd *cmd, int argc, char **argv)
{
	const char *team = NULL, *role = NULL, *skill = NULL;
	struct cs_getopt g;
	int c, active = -1, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		switch (c) {
		case O_TEAM:
			team = g.arg;
			break;
		case O_ROLE:
			/* the roles are a fixed set: a misspelt one would
			 * list nobody and look like an empty roster */
			if (!cs_word_in(g.arg, cs_agent_roles))
				return cs_usage(cmd, "--role: unknown role "
				    "'%s' (agent, supervisor, reviewer, owner,"
				    " admin)", g.arg);
			role = g.arg;
			break;
		case O_SKILL:
			skill = g.arg;
			break;
		case O_ACTIVE:
		case O_INACTIVE:
			if (active == (c == O_INACTIVE))
				return cs_usage(cmd, "--active or --inactive, "
				    "not both");
			active = c == O_ACTIVE;
			break;
		}
	if (g.ind != argc)
		return cs_usage(cmd, "unexpected argument '%s'", argv[g.ind]);
	rc = print_agents(NULL, team, role, skill, active);
	/* An empty roster is not a failure of list; show it as such. */
	return rc == CS_EX_FAIL ? 0 : rc;
}

/* The leave of login, or everyone's (NULL); only leave id when id > 0. */
static int
print_leave(const char *login, int64_t id)
{
	static const struct cs_col cols[] = {
		{ "id", "编号", CS_COL_NUM },
		{ "login", "登录名", CS_COL_TEXT },
		{ "first_day", "首日", CS_COL_TEXT },
		{ "last_day", "末日", CS_COL_TEXT },
		{ "note", "备注", CS_COL_TEXT },
	};
	/* login NULL: everyone's leave, as a team's calendar */
	sqlite3_stmt *st = cs_sql("SELECT id, login, first_day, last_day, "
	    "note FROM v_agent_leave WHERE (?1 IS NULL OR login = ?1) "
	    "AND (?2 <= 0 OR id = ?2) ORDER BY first_day, login, id");
	struct cs_out *o;
	const char *v[5];
	int i, rc;

	cs_bind_text(st, 1, login, 0);
	sqlite3_bind_int64(st, 2, id);
	o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 5);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < 5; i++)
			v[i] = cs_col_text(st, i);
		cs_out_row(o, v);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		cs_out_end(o);
		return cs_db_fail("leave");
	}
	return cs_out_end(o);
}

static int
cmd_show(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_getopt g;
	int rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while (cs_getopt(&g) != -1)
		;
	if (g.ind != argc - 1)
		return cs_usage(cmd, "give one LOGIN");
	if ((rc = cs_db_open(CS_DB_READ, NULL)))
		return rc;
	/* asked before printing, so that stdout gets no header for none */
	if (!cs_agent_id(argv[g.ind]))
		return cs_err(CS_EX_FAIL, "show: %s: no such agent",
		    argv[g.ind]);
	return print_agents(argv[g.ind], NULL, NULL, NULL, -1);
}

static int
cmd_leave(const struct cs_cmd *cmd, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *note = NULL, *cancel = NULL;
	struct cs_getopt g;
	char *problem;
	int64_t id, t;
	int c, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		switch (c) {
		case O_FROM:
		case O_TO:
			/* a date that does not parse is a bad command line,
			 * told before the database is opened */
			if (cs_parse_date(g.arg, cs_now(), &t) < 0)
				return cs_usage(cmd, "--%s: not a date '%s' "
				    "(YYYY-MM-DD, today, tomorrow, +3d, -2w)",
				    c == O_FROM ? "from" : "to", g.arg);
			if (c == O_FROM)
				from = g.arg;
			else
				to = g.arg;
			break;
		case O_NOTE:
			note = g.arg;
			break;
		case O_CANCEL:
			cancel = g.arg;
			break;
		}
	if (g.ind == argc && !from && !to && !cancel) {
		if ((rc = cs_db_open(CS_DB_READ, NULL)))
			return rc;
		return print_leave(NULL, 0);
	}
	if (g.ind != argc - 1)
		return cs_usage(cmd, "give one LOGIN");
	if (!from && !to && !cancel) {
		if ((rc = cs_db_open(CS_DB_READ, NULL)))
			return rc;
		if (!cs_agent_id(argv[g.ind]))
			return cs_err(CS_EX_FAIL, "leave: %s: no such agent",
			    argv[g.ind]);
		return print_leave(argv[g.ind], 0);
	}
	if (cancel && (from || to))
		return cs_usage(cmd, "--cancel goes without --from and --to");
	if (!cancel && (!from || !to))
		return cs_usage(cmd, "give both --from and --to");
	if (cancel && cs_parse_int(cancel, 1, INT64_MAX, &id))
		return cs_usage(cmd, "--cancel takes a leave id (%s)", cancel);
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin()))
		return rc;
	if (cancel)
		rc = cs_agent_leave_cancel(argv[g.ind], id, &problem);
	else
		rc = cs_agent_leave(argv[g.ind], from, to, note, &id,
		    &problem);
	if (rc) {
		cs_rollback();
		if (rc < 0)
			return refuse(cmd, rc, -1, argv[g.ind], problem);
		return rc;
	}
	if ((rc = cs_commit()) || cancel)
		return rc;
	/* The new leave's id alone, or the whole leave when asked. */
	if (cs_conf.format == CS_FMT_JSON || cs_conf.format == CS_FMT_JSONL) {
		cs_conf.format = CS_FMT_JSONL;	/* one object, not a list */
		return print_leave(argv[g.ind], id);
	}
	printf("%lld\n", (long long)id);
	return 0;
}

static int
set_active(const struct cs_cmd *cmd, int argc, char **argv, const char *v)
{
	struct cs_agent_in in = { { 0 } };
	struct cs_getopt g;
	char *problem;
	int i, rc, field;

	cs_getopt_init(&g, cmd, argc, argv);
	while (cs_getopt(&g) != -1)
		;
	if (g.ind >= argc)
		return cs_usage(cmd, "give one LOGIN or more");
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin()))
		return rc;
	for (i = g.ind; i < argc; i++) {
		in.v[CS_AGENT_LOGIN] = argv[i];
		in.v[CS_AGENT_ACTIVE] = v;
		rc = cs_agent_put(&in, CS_PUT_UPDATE, &field, &problem);
		if (rc < 0 || rc > CS_ROW_UNCHANGED) {
			cs_rollback();
			if (rc > 0)
				return rc;
			if (rc == CS_NOT_FOUND) {
				free(problem);
				return cs_err(CS_EX_FAIL, "%s: %s: no such "
				    "agent: nothing changed", cmd->name,
				    argv[i]);
			}
			return refuse(cmd, rc, field, argv[i], problem);
		}
	}
	return cs_commit();
}

static int
cmd_activate(const struct cs_cmd *cmd, int argc, char **argv)
{
	return set_active(cmd, argc, argv, "1");
}

static int
cmd_deactivate(const struct cs_cmd *cmd, int argc, char **argv)
{
	return set_active(cmd, argc, argv, "0");
}

/* Standards of the scorecards (绩效): target set, list, rm. */
static int
cmd_target(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "metric", "指标", CS_COL_TEXT },
		{ "op", "比较", CS_COL_TEXT },
		{ "value", "目标值", CS_COL_NUM },
		{ "team", "组", CS_COL_TEXT },
		{ "agent", "专员", CS_COL_TEXT },
	};
	const char *team = NULL, *agent = NULL, *v[5];
	struct cs_getopt g;
	struct cs_out *o;
	sqlite3_stmt *st;
	char *problem;
	int c, n, i, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_TEAM)
			team = g.arg;
		else if (c == O_AGENT)
			agent = g.arg;
	n = argc - g.ind;
	if (team && agent)
		return cs_usage(cmd, "give --team or --agent, not both");
	if (n == 0 || (n == 1 && strcmp(argv[g.ind], "list") == 0)) {
		if ((rc = cs_db_open(CS_DB_READ, NULL)))
			return rc;
		/* everyone's first, then teams', then agents' */
		st = cs_sql("SELECT metric, op, value, team, agent FROM "
		    "v_agent_targets WHERE (?1 IS NULL OR team = ?1) AND (?2 IS "
		    "NULL OR agent = ?2) ORDER BY agent IS NOT NULL, team IS NOT "
		    "NULL, coalesce(agent, team, ''), metric");
		cs_bind_text(st, 1, team, 0);
		cs_bind_text(st, 2, agent, 0);
		o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 5);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (i = 0; i < 5; i++)
				v[i] = cs_col_text(st, i);
			cs_out_row(o, v);
		}
		sqlite3_reset(st);
		return cs_out_end(o);
	}
	if (n != 2 || (strcmp(argv[g.ind], "set") != 0 &&
	    strcmp(argv[g.ind], "rm") != 0))
		return cs_usage(cmd, "target [list] | target set 'METRIC>=VALUE' "
		    "[--team TEAM | --agent LOGIN] | target rm METRIC [--team "
		    "TEAM | --agent LOGIN]");
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin()))
		return rc;
	if (argv[g.ind][0] == 's')
		rc = cs_target_set(argv[g.ind + 1], team, agent, &problem);
	else
		rc = cs_target_rm(argv[g.ind + 1], team, agent, &problem);
	if (rc) {
		cs_rollback();
		if (rc < 0 || rc == CS_EX_FAIL) {
			/* no such target is nothing found, not bad data */
			rc = cs_err(rc < 0 ? CS_EX_DATAERR : CS_EX_FAIL,
			    "target %s: %s", argv[g.ind], problem);
			free(problem);
		}
		return rc;
	}
	return cs_commit();
}

static const struct cs_cmd cmds[] = {
	{ "add", cmd_add, "LOGIN [OPTIONS]",
	    "add a specialist to the roster; prints the login", add_opts },
	{ "import", cmd_import, "FILE|-",
	    "add or update agents from CSV, JSON or JSON lines", import_opts },
	{ "list", cmd_list, "[OPTIONS]", "list the roster", list_opts },
	{ "show", cmd_show, "LOGIN", "show one agent", no_opts },
	{ "update", cmd_update, "LOGIN [OPTIONS]",
	    "change an agent's fields", update_opts },
	{ "leave", cmd_leave, "[LOGIN [--from DATE --to DATE | --cancel ID]]",
	    "record, list or cancel leave (days included)", leave_opts },
	{ "activate", cmd_activate, "LOGIN...", "mark agents active",
	    no_opts },
	{ "deactivate", cmd_deactivate, "LOGIN...",
	    "mark agents inactive (they get no new work)", no_opts },
	{ "target", cmd_target, "[list | set 'METRIC>=VALUE' | rm METRIC] "
	    "[--team TEAM | --agent LOGIN]",
	    "standards of the scorecards (绩效), for everyone, a team or an "
	    "agent", target_opts },
	{ NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return cs_main(argc, argv, "The staff roster: specialists, teams, "
	    "skills, ability weights, capacity and leave.", cmds,
	    cs_complete_values);
}
