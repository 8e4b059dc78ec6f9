/* agent.c - the staff roster: checks, insert or update, leave */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cs.h"

const char *const cs_agent_field[] = {
	"login", "name", "team", "role", "skills", "weight", "capacity",
	"active", NULL
};
const char *const cs_agent_roles = "agent supervisor reviewer owner admin";

/* A login: ASCII letters, digits, '.', '_', '-'; a letter or digit first. */
static int
login_ok(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > 64 || !isalnum((unsigned char)s[0]))
		return 0;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("._-", s[i]))
			return 0;
	return 1;
}

/* "yes"/"no" in the forms a spreadsheet holds; -1 when neither. */
static int
parse_bool(const char *s)
{
	static const char *const yes[] = { "1", "yes", "y", "true", "是",
		"on", NULL };
	static const char *const no[] = { "0", "no", "n", "false", "否",
		"off", NULL };
	size_t i;

	for (i = 0; yes[i]; i++)
		if (strcasecmp(s, yes[i]) == 0)
			return 1;
	for (i = 0; no[i]; i++)
		if (strcasecmp(s, no[i]) == 0)
			return 0;
	return -1;
}

/* The agent as stored, each field as text (weight as %g, active 0/1). */
struct row {
	int64_t id;
	char *v[CS_AGENT_NFIELDS];
};

static void
row_free(struct row *r)
{
	int i;

	for (i = 0; i < CS_AGENT_NFIELDS; i++)
		free(r->v[i]);
}

static char *
col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return cs_xstrdup(t ? (const char *)t : "");
}

static int
load(const char *login, struct row *r)
{
	sqlite3_stmt *st = cs_sql("SELECT id, login, name, coalesce(team, ''),"
	    " role, coalesce((SELECT group_concat(skill, ';') FROM (SELECT "
	    "skill FROM agent_skill WHERE agent_id = agent.id ORDER BY "
	    "skill)), ''), weight, coalesce(capacity, ''), active "
	    "FROM agent WHERE login = ?");
	int i, rc;

	cs_bind_text(st, 1, login, 0);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 0;
	}
	if (rc != SQLITE_ROW)
		return -cs_db_fail("agent");
	r->id = sqlite3_column_int64(st, 0);
	for (i = 0; i < CS_AGENT_NFIELDS; i++)
		r->v[i] = col_dup(st, i + 1);
	free(r->v[CS_AGENT_WEIGHT]);
	r->v[CS_AGENT_WEIGHT] = cs_xasprintf("%g",
	    sqlite3_column_double(st, 6));
	sqlite3_reset(st);
	return 1;
}

static const char *check_ascii(int f, const char *s, char **out);

/* Checks one value and puts its stored form in *out (caller frees).
 * Returns NULL, or the problem. A weight or capacity may come typed in
 * full-width digits (１.５). */
static const char *
check(int f, const char *s, char **out)
{
	char *h = f == CS_AGENT_WEIGHT || f == CS_AGENT_CAPACITY ?
	    cs_text_halfwidth(s) : NULL;
	const char *why = check_ascii(f, h ? h : s, out);

	free(h);
	return why;
}

static const char *
check_ascii(int f, const char *s, char **out)
{
	char *end;
	double d;
	int64_t l;
	int b;

	*out = NULL;
	switch (f) {
	case CS_AGENT_LOGIN:
		if (!login_ok(s))
			return "a login is 1 to 64 ASCII letters, digits, '.', "
			    "'_' or '-'";
		break;
	case CS_AGENT_NAME:
	case CS_AGENT_TEAM:
		*out = cs_text_trim(cs_xstrdup(s));
		return NULL;
	case CS_AGENT_ROLE:
		if (!*s)
			s = "agent";
		if (!cs_word_in(s, cs_agent_roles))
			return "unknown role (agent, supervisor, reviewer, "
			    "owner, admin)";
		break;
	case CS_AGENT_SKILLS:
		if (!(*out = cs_text_list(s)))
			return "skills are separated by ';', each up to 64 "
			    "bytes without ','";
		return NULL;
	case CS_AGENT_WEIGHT:
		if (!*s) {
			s = "1";
			break;
		}
		d = strtod(s, &end);
		if (*end || end == s || !isfinite(d) || d <= 0 || d > 1000 ||
		    !isdigit((unsigned char)s[strlen(s) - 1]))
			return "the weight is a number above 0 and at most 1000 "
			    "(1 = an average specialist)";
		*out = cs_xasprintf("%g", d);
		return NULL;
	case CS_AGENT_CAPACITY:
		if (!*s)
			break;
		if (cs_parse_int(s, 0, 1000000, &l))
			return "the capacity is a whole number of revisits a "
			    "day, 0 or more (empty: no limit)";
		*out = cs_xasprintf("%lld", (long long)l);
		return NULL;
	case CS_AGENT_ACTIVE:
		if (!*s) {
			s = "1";
			break;
		}
		if ((b = parse_bool(s)) < 0)
			return "active is yes or no";
		s = b ? "1" : "0";
		break;
	}
	*out = cs_xstrdup(s);
	return NULL;
}

int64_t
cs_agent_id(const char *login)
{
	sqlite3_stmt *st = cs_sql("SELECT id FROM agent WHERE login = ?");
	int64_t id = 0;

	cs_bind_text(st, 1, login, 0);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return id;
}

static int
write_skills(int64_t id, const char *skills)
{
	sqlite3_stmt *st;
	char *copy, *tok, *save = NULL;
	int rc;

	st = cs_sql("DELETE FROM agent_skill WHERE agent_id = ?");
	sqlite3_bind_int64(st, 1, id);
	if ((rc = cs_step_done(st, "agent skills")))
		return rc;
	copy = cs_xstrdup(skills);
	for (tok = strtok_r(copy, ";", &save); tok;
	    tok = strtok_r(NULL, ";", &save)) {
		st = cs_sql("INSERT INTO agent_skill (agent_id, skill) "
		    "VALUES (?, ?)");
		sqlite3_bind_int64(st, 1, id);
		cs_bind_text(st, 2, tok, 0);
		if ((rc = cs_step_done(st, "agent skills")))
			break;
	}
	free(copy);
	return rc;
}

static void
bind_field(sqlite3_stmt *st, int i, int f, const char *v)
{
	if (f == CS_AGENT_WEIGHT)
		sqlite3_bind_double(st, i, strtod(v, NULL));
	else if (f == CS_AGENT_CAPACITY && !*v)
		sqlite3_bind_null(st, i);
	else if (f == CS_AGENT_CAPACITY || f == CS_AGENT_ACTIVE)
		sqlite3_bind_int64(st, i, strtoll(v, NULL, 10));
	else
		cs_bind_text(st, i, v, f == CS_AGENT_TEAM);
}

static int
update_field(int64_t id, int f, const char *v)
{
	/* One statement per column: the column name is never spliced in. */
	static const char *const sql[] = {
		NULL,
		"UPDATE agent SET name = ?, updated_at = ? WHERE id = ?",
		"UPDATE agent SET team = ?, updated_at = ? WHERE id = ?",
		"UPDATE agent SET role = ?, updated_at = ? WHERE id = ?",
		NULL,
		"UPDATE agent SET weight = ?, updated_at = ? WHERE id = ?",
		"UPDATE agent SET capacity = ?, updated_at = ? WHERE id = ?",
		"UPDATE agent SET active = ?, updated_at = ? WHERE id = ?",
	};
	sqlite3_stmt *st;
	int rc;

	if (f == CS_AGENT_SKILLS) {
		if ((rc = write_skills(id, v)))
			return rc;
		st = cs_sql("UPDATE agent SET updated_at = ? WHERE id = ?");
		sqlite3_bind_int64(st, 1, cs_now());
		sqlite3_bind_int64(st, 2, id);
		return cs_step_done(st, "agent");
	}
	st = cs_sql(sql[f]);
	bind_field(st, 1, f, v);
	sqlite3_bind_int64(st, 2, cs_now());
	sqlite3_bind_int64(st, 3, id);
	return cs_step_done(st, "agent");
}

int
cs_agent_put(const struct cs_agent_in *in, int mode, int *field,
    char **problem)
{
	char *val[CS_AGENT_NFIELDS] = { 0 };
	struct row old = { 0 };
	const char *p;
	sqlite3_stmt *st;
	int f, rc, found, changed = 0;
	int64_t id;

	*field = -1;
	*problem = NULL;
	if (!in->v[CS_AGENT_LOGIN] || !*in->v[CS_AGENT_LOGIN]) {
		*field = CS_AGENT_LOGIN;
		*problem = cs_xstrdup("a login is required");
		return -1;
	}
	/* The login first: an update of nobody is nothing found, whatever
	 * its other values (cs-agent update nobody --weight 0 is 1, not 65). */
	if ((p = check(CS_AGENT_LOGIN, in->v[CS_AGENT_LOGIN],
	    &val[CS_AGENT_LOGIN]))) {
		if (mode == CS_PUT_UPDATE) {
			*field = CS_AGENT_LOGIN;
			*problem = cs_xstrdup("no such agent");
			rc = CS_NOT_FOUND;
			goto out;
		}
		*field = CS_AGENT_LOGIN;
		*problem = cs_xstrdup(p);
		rc = -1;
		goto out;
	}
	found = load(val[CS_AGENT_LOGIN], &old);
	if (found < 0) {
		rc = -found;
		goto out;
	}
	if (found && mode == CS_PUT_CREATE) {
		*field = CS_AGENT_LOGIN;
		*problem = cs_xstrdup("an agent with this login exists already "
		    "(use update)");
		rc = -1;
		goto out;
	}
	if (!found && mode == CS_PUT_UPDATE) {
		*field = CS_AGENT_LOGIN;
		*problem = cs_xstrdup("no such agent");
		rc = CS_NOT_FOUND;
		goto out;
	}
	for (f = CS_AGENT_LOGIN + 1; f < CS_AGENT_NFIELDS; f++) {
		if (!in->v[f])
			continue;
		if ((p = check(f, in->v[f], &val[f]))) {
			*field = f;
			*problem = cs_xstrdup(p);
			rc = -1;
			goto out;
		}
	}
	if (!found) {
		st = cs_sql("INSERT INTO agent (login, name, team, role, weight, "
		    "capacity, active, created_at, updated_at) VALUES "
		    "(?, ?, ?, ?, ?, ?, ?, ?, ?)");
		cs_bind_text(st, 1, val[CS_AGENT_LOGIN], 0);
		cs_bind_text(st, 2, val[CS_AGENT_NAME] ? val[CS_AGENT_NAME] :
		    "", 0);
		cs_bind_text(st, 3, val[CS_AGENT_TEAM], 1);
		cs_bind_text(st, 4, val[CS_AGENT_ROLE] ? val[CS_AGENT_ROLE] :
		    "agent", 0);
		bind_field(st, 5, CS_AGENT_WEIGHT, val[CS_AGENT_WEIGHT] ?
		    val[CS_AGENT_WEIGHT] : "1");
		bind_field(st, 6, CS_AGENT_CAPACITY, val[CS_AGENT_CAPACITY] ?
		    val[CS_AGENT_CAPACITY] : "");
		bind_field(st, 7, CS_AGENT_ACTIVE, val[CS_AGENT_ACTIVE] ?
		    val[CS_AGENT_ACTIVE] : "1");
		sqlite3_bind_int64(st, 8, cs_now());
		sqlite3_bind_int64(st, 9, cs_now());
		if ((rc = cs_step_done(st, "new agent")))
			goto out;
		id = sqlite3_last_insert_rowid(sqlite3_db_handle(st));
		if (val[CS_AGENT_SKILLS] &&
		    (rc = write_skills(id, val[CS_AGENT_SKILLS])))
			goto out;
		rc = cs_log_change("agent", id, NULL, NULL, "created",
		    val[CS_AGENT_LOGIN]);
		if (!rc)
			rc = CS_ROW_ADDED;
		goto out;
	}
	for (f = CS_AGENT_NAME; f < CS_AGENT_NFIELDS; f++) {
		if (!val[f] || strcmp(val[f], old.v[f]) == 0)
			continue;
		if ((rc = update_field(old.id, f, val[f])) ||
		    (rc = cs_log_change("agent", old.id, cs_agent_field[f],
		    old.v[f], val[f], NULL)))
			goto out;
		changed = 1;
	}
	rc = changed ? CS_ROW_UPDATED : CS_ROW_UNCHANGED;
out:
	for (f = 0; f < CS_AGENT_NFIELDS; f++)
		free(val[f]);
	row_free(&old);
	return rc;
}

int
cs_agent_leave(const char *login, const char *first, const char *last,
    const char *note, int64_t *id, char **problem)
{
	int64_t aid = cs_agent_id(login), t1, t2;
	char d1[16], d2[16], span[40];
	sqlite3_stmt *st;
	int rc;

	*problem = NULL;
	if (!aid) {
		*problem = cs_xstrdup("no such agent");
		return CS_NOT_FOUND;
	}
	if (cs_parse_date(first, cs_now(), &t1) < 0) {
		*problem = cs_xasprintf("--from: not a date (%s)", first);
		return -1;
	}
	if (cs_parse_date(last, cs_now(), &t2) < 0) {
		*problem = cs_xasprintf("--to: not a date (%s)", last);
		return -1;
	}
	if (t2 < t1) {
		*problem = cs_xasprintf("--to %s is before --from %s",
		    cs_fmt_date(t2, d2), cs_fmt_date(t1, d1));
		return -1;
	}
	st = cs_sql("INSERT INTO agent_leave (agent_id, first_day, last_day, "
	    "note, created_at) VALUES (?, ?, ?, ?, ?)");
	sqlite3_bind_int64(st, 1, aid);
	cs_bind_text(st, 2, cs_fmt_date(t1, d1), 0);
	cs_bind_text(st, 3, cs_fmt_date(t2, d2), 0);
	cs_bind_text(st, 4, note, 1);
	sqlite3_bind_int64(st, 5, cs_now());
	if ((rc = cs_step_done(st, "leave")))
		return rc;
	*id = sqlite3_last_insert_rowid(sqlite3_db_handle(st));
	snprintf(span, sizeof(span), "%s..%s", d1, d2);
	return cs_log_change("agent", aid, "leave", NULL, span, note);
}

int
cs_agent_leave_cancel(const char *login, int64_t leave_id, char **problem)
{
	int64_t aid = cs_agent_id(login);
	sqlite3_stmt *st;
	char from[40];
	int rc;

	*problem = NULL;
	if (!aid) {
		*problem = cs_xstrdup("no such agent");
		return CS_NOT_FOUND;
	}
	st = cs_sql("SELECT first_day || '..' || last_day, agent_id FROM "
	    "agent_leave WHERE id = ?");
	sqlite3_bind_int64(st, 1, leave_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		*problem = cs_xasprintf("no leave %lld", (long long)leave_id);
		return CS_NOT_FOUND;
	}
	snprintf(from, sizeof(from), "%s", sqlite3_column_text(st, 0));
	rc = sqlite3_column_int64(st, 1) != aid;
	sqlite3_reset(st);
	/* Another agent's leave is a mistake in the line, not a miss. */
	if (rc) {
		*problem = cs_xasprintf("%s has no leave %lld: it is another "
		    "agent's", login, (long long)leave_id);
		return -1;
	}
	st = cs_sql("DELETE FROM agent_leave WHERE id = ?");
	sqlite3_bind_int64(st, 1, leave_id);
	if ((rc = cs_step_done(st, "leave")))
		return rc;
	return cs_log_change("agent", aid, "leave", from, NULL, "cancelled");
}

int
cs_agent_on_leave(int64_t agent_id, const char *day)
{
	sqlite3_stmt *st = cs_sql("SELECT 1 FROM agent_leave WHERE agent_id = "
	    "? AND first_day <= ?2 AND last_day >= ?2");
	int on;

	sqlite3_bind_int64(st, 1, agent_id);
	cs_bind_text(st, 2, day, 0);
	on = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return on;
}
