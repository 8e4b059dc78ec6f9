/* qa.c - quality reviews of tickets (质检): scoring forms, reviews, the
 * random spot-check sample; and the standards (targets) of the agents'
 * scorecards (绩效) */
#include <stdlib.h>
#include <string.h>

#include "cs.h"

const char *const cs_scorecard_metrics[] = {
	"resolved", "first_response_median_h", "resolution_median_h",
	"sla_met_pct", "reopen_rate", "csat_mean", "qa_reviews",
	"qa_score_mean", "revisits_finished", "revisit_success_rate", NULL
};

/* A whole number from 0 to max, digits only: 0, or -1. */
static int
whole(const char *s, int max, int *out)
{
	long v = 0;
	const char *p;

	if (!s || !*s)
		return -1;
	for (p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (*p - '0');
		if (v > 1000000)
			return -2;
	}
	*out = (int)v;
	return v > max ? -2 : 0;
}

/* A name of a form or an item: not empty, at most 64 bytes, no '=', ',',
 * ';' or control characters (they separate items in notes and views). */
static const char *
bad_name(const char *s)
{
	const unsigned char *p;

	if (!s || !*s)
		return "is empty";
	if (strlen(s) > 64)
		return "is longer than 64 bytes";
	if (cs_utf8_invalid(s, strlen(s)) >= 0)
		return "is not UTF-8";
	for (p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == '=' || *p == ',' || *p == ';')
			return "may not hold '=', ',', ';' or control characters";
	return NULL;
}

/* ---- forms ------------------------------------------------------------ */

int
cs_qa_form_set(const char *name, char *const *items, size_t n,
    char **problem)
{
	struct cs_buf all = { 0 };
	sqlite3_stmt *st;
	const char *why;
	char *eq, *item;
	size_t i, k;
	int max, sum = 0, rc;

	*problem = NULL;
	if ((why = bad_name(name))) {
		*problem = cs_xasprintf("the form's name %s", why);
		return -1;
	}
	if (n == 0) {
		*problem = cs_xstrdup("give the items as ITEM=MAX, e.g. "
		    "礼貌用语=20 ... (the maxima sum to 100)");
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (!(eq = strchr(items[i], '='))) {
			*problem = cs_xasprintf("'%s' is no ITEM=MAX", items[i]);
			return -1;
		}
		item = cs_xstrndup(items[i], (size_t)(eq - items[i]));
		if ((why = bad_name(item))) {
			*problem = cs_xasprintf("'%s': the item's name %s",
			    items[i], why);
			free(item);
			return -1;
		}
		for (k = 0; k < i; k++)
			if (strncmp(items[k], items[i], (size_t)(eq - items[i]) +
			    1) == 0) {
				*problem = cs_xasprintf("item '%s' is given "
				    "twice", item);
				free(item);
				return -1;
			}
		free(item);
		if (whole(eq + 1, 100, &max) < 0 || max == 0) {
			*problem = cs_xasprintf("'%s': a maximum is a whole "
			    "number from 1 to 100", items[i]);
			return -1;
		}
		sum += max;
	}
	if (sum != 100) {
		*problem = cs_xasprintf("the maxima sum to %d, not 100", sum);
		return -1;
	}
	st = cs_sql("INSERT INTO qa_form (name, created_at, updated_at) "
	    "VALUES (?1, ?2, ?2) ON CONFLICT (name) DO UPDATE SET updated_at "
	    "= ?2");
	cs_bind_text(st, 1, name, 0);
	sqlite3_bind_int64(st, 2, cs_now());
	if ((rc = cs_step_done(st, "qa form")))
		return rc;
	st = cs_sql("DELETE FROM qa_form_item WHERE form = ?");
	cs_bind_text(st, 1, name, 0);
	if ((rc = cs_step_done(st, "qa form")))
		return rc;
	for (i = 0; i < n; i++) {
		eq = strchr(items[i], '=');
		whole(eq + 1, 100, &max);
		st = cs_sql("INSERT INTO qa_form_item (form, item, max, pos) "
		    "VALUES (?, ?, ?, ?)");
		cs_bind_text(st, 1, name, 0);
		sqlite3_bind_text(st, 2, items[i], (int)(eq - items[i]),
		    SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 3, max);
		sqlite3_bind_int(st, 4, (int)i + 1);
		if ((rc = cs_step_done(st, "qa form")))
			return rc;
		cs_buf_addf(&all, "%s%s", i ? ";" : "", items[i]);
	}
	rc = cs_log_change("qa_form", 0, name, NULL, all.s, NULL);
	cs_buf_free(&all);
	return rc;
}

/* ---- reviews ------------------------------------------------------------ */

struct item {
	char *name;
	int max, points, given;
};

static void
items_free(struct item *it, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(it[i].name);
	free(it);
}

/* The items of a form, in order: their number, or 0 when there is no such
 * form (a form always has items). */
static size_t
form_items(const char *form, struct item **out)
{
	sqlite3_stmt *st = cs_sql("SELECT item, max FROM qa_form_item WHERE "
	    "form = ? ORDER BY pos");
	struct item *it = NULL;
	size_t n = 0;

	cs_bind_text(st, 1, form, 0);
	while (sqlite3_step(st) == SQLITE_ROW) {
		it = cs_xrealloc(it, (n + 1) * sizeof(*it));
		it[n].name = cs_xstrdup(cs_col_text(st, 0));
		it[n].max = sqlite3_column_int(st, 1);
		it[n].points = 0;
		it[n].given = 0;
		n++;
	}
	sqlite3_reset(st);
	*out = it;
	return n;
}

/* Scores the ITEM=POINTS words against the form: 0 and the total, or -1
 * with *problem. Every item of the form must be scored, once. */
static int
score_items(const struct cs_review *rv, struct item *it, size_t n,
    int *total, char **problem)
{
	struct cs_buf b = { 0 };
	const char *w, *eq;
	size_t i, k, len;
	int r;

	*total = 0;
	for (i = 0; i < rv->nitems; i++) {
		w = rv->items[i];
		if (!(eq = strchr(w, '='))) {
			*problem = cs_xasprintf("--item '%s' is no ITEM=POINTS",
			    w);
			return -1;
		}
		len = (size_t)(eq - w);
		for (k = 0; k < n && (strlen(it[k].name) != len ||
		    strncmp(it[k].name, w, len) != 0); k++)
			;
		if (k == n) {
			for (k = 0; k < n; k++)
				cs_buf_addf(&b, "%s%s", k ? ", " : "",
				    it[k].name);
			*problem = cs_xasprintf("form %s has no item '%.*s' "
			    "(its items: %s)", rv->form, (int)len, w, b.s);
			cs_buf_free(&b);
			return -1;
		}
		if (it[k].given) {
			*problem = cs_xasprintf("item '%s' is scored twice",
			    it[k].name);
			return -1;
		}
		r = whole(eq + 1, it[k].max, &it[k].points);
		if (r == -1) {
			*problem = cs_xasprintf("%s: points are a whole number "
			    "from 0 to %d (%s)", it[k].name, it[k].max, eq + 1);
			return -1;
		}
		if (r == -2) {
			*problem = cs_xasprintf("%s: %s is more than its "
			    "maximum %d", it[k].name, eq + 1, it[k].max);
			return -1;
		}
		it[k].given = 1;
		*total += it[k].points;
	}
	for (k = 0; k < n; k++)
		if (!it[k].given)
			cs_buf_addf(&b, "%s%s", b.len ? ", " : "", it[k].name);
	if (b.len) {
		*problem = cs_xasprintf("every item of form %s is scored: "
		    "missing %s", rv->form, b.s);
		cs_buf_free(&b);
		return -1;
	}
	return 0;
}

int
cs_qa_review(const struct cs_review *rv, int *total, char **problem)
{
	const char *reviewer = rv->reviewer ? rv->reviewer : cs_actor();
	struct item *it = NULL;
	struct cs_buf note = { 0 };
	sqlite3_stmt *st;
	char status[16] = "", resolver[128] = "", old[16] = "", by[128] = "";
	char when[32] = "", num[16];
	int64_t old_id = 0, id = 0;
	size_t n = 0, k;
	int found, rc;

	*problem = NULL;
	st = cs_sql("SELECT t.status, a.login, q.id, q.score, q.reviewer, "
	    "q.at FROM ticket t LEFT JOIN agent a ON a.id = t.resolved_by "
	    "LEFT JOIN qa_review q ON q.ticket_id = t.id WHERE t.id = ?");
	sqlite3_bind_int64(st, 1, rv->ticket);
	if ((found = sqlite3_step(st) == SQLITE_ROW)) {
		snprintf(status, sizeof(status), "%s", cs_col_text(st, 0));
		if (cs_col_text(st, 1))
			snprintf(resolver, sizeof(resolver), "%s", cs_col_text(st, 1));
		if ((old_id = sqlite3_column_int64(st, 2))) {
			snprintf(old, sizeof(old), "%s", cs_col_text(st, 3));
			snprintf(by, sizeof(by), "%s", cs_col_text(st, 4));
			cs_fmt_date(sqlite3_column_int64(st, 5), when);
		}
	}
	sqlite3_reset(st);
	if (!found) {
		*problem = cs_xasprintf("no ticket %lld", (long long)rv->ticket);
		return CS_NOT_FOUND;
	}
	/* The one who ran resolve resolved it too, even when the credit
	 * went to the assignee; an import's events are not anyone's work. */
	st = cs_sql("SELECT actor FROM ticket_event WHERE ticket_id = ? AND "
	    "kind = 'status' AND new_value = 'resolved' AND note IS NOT "
	    "'imported' ORDER BY at DESC, id DESC LIMIT 1");
	sqlite3_bind_int64(st, 1, rv->ticket);
	if (sqlite3_step(st) == SQLITE_ROW && cs_col_text(st, 0) &&
	    strcmp(cs_col_text(st, 0), reviewer) == 0)
		snprintf(resolver, sizeof(resolver), "%s", reviewer);
	sqlite3_reset(st);
	if (strcmp(status, "resolved") != 0 && strcmp(status, "closed") != 0) {
		*problem = cs_xasprintf("ticket %lld is %s: only resolved or "
		    "closed tickets are reviewed", (long long)rv->ticket,
		    status);
		return -1;
	}
	if (*resolver && strcmp(resolver, reviewer) == 0) {
		*problem = cs_xasprintf("ticket %lld was resolved by %s, who "
		    "cannot review it: a review is by somebody else",
		    (long long)rv->ticket, reviewer);
		return -1;
	}
	if (old_id && !rv->replace) {
		*problem = cs_xasprintf("ticket %lld was reviewed by %s on %s "
		    "(score %s): give --replace to review it again",
		    (long long)rv->ticket, by, when, old);
		return -1;
	}
	if (!*reviewer || strlen(reviewer) > 64) {
		*problem = cs_xstrdup("--reviewer: a login");
		return -1;
	}
	if (rv->form) {
		if (!(n = form_items(rv->form, &it))) {
			*problem = cs_xasprintf("no form '%s' (see cs-ticket "
			    "qa-form list)", rv->form);
			return -1;
		}
		if (score_items(rv, it, n, total, problem) < 0) {
			items_free(it, n);
			return -1;
		}
	} else if (whole(rv->score, 100, total) < 0) {
		*problem = cs_xasprintf("--score: a whole number from 0 to 100 "
		    "(%s)", rv->score ? rv->score : "");
		return -1;
	}

	/* Checked: now written. A re-review takes the old one's place. */
	rc = 0;
	if (old_id) {
		st = cs_sql("DELETE FROM qa_review_item WHERE review_id = ?");
		sqlite3_bind_int64(st, 1, old_id);
		if (!(rc = cs_step_done(st, "review"))) {
			st = cs_sql("DELETE FROM qa_review WHERE id = ?");
			sqlite3_bind_int64(st, 1, old_id);
			rc = cs_step_done(st, "review");
		}
	}
	if (!rc) {
		st = cs_sql("INSERT INTO qa_review (ticket_id, form, score, "
		    "reviewer, note, at) VALUES (?, ?, ?, ?, ?, ?)");
		sqlite3_bind_int64(st, 1, rv->ticket);
		cs_bind_text(st, 2, rv->form, 1);
		sqlite3_bind_int(st, 3, *total);
		cs_bind_text(st, 4, reviewer, 0);
		cs_bind_text(st, 5, rv->note, 1);
		sqlite3_bind_int64(st, 6, cs_now());
		if (!(rc = cs_step_done(st, "review")))
			id = sqlite3_last_insert_rowid(sqlite3_db_handle(st));
	}
	/* the timeline says who reviewed, and how each item scored */
	cs_buf_addf(&note, "%s", reviewer);
	for (k = 0; !rc && k < n; k++) {
		st = cs_sql("INSERT INTO qa_review_item (review_id, item, "
		    "points, max, pos) VALUES (?, ?, ?, ?, ?)");
		sqlite3_bind_int64(st, 1, id);
		cs_bind_text(st, 2, it[k].name, 0);
		sqlite3_bind_int(st, 3, it[k].points);
		sqlite3_bind_int(st, 4, it[k].max);
		sqlite3_bind_int(st, 5, (int)k + 1);
		rc = cs_step_done(st, "review");
		cs_buf_addf(&note, "%s%s %d/%d", k ? ", " : " · ", it[k].name,
		    it[k].points, it[k].max);
	}
	if (rv->form)
		cs_buf_addf(&note, " (%s)", rv->form);
	if (rv->note && *rv->note)
		cs_buf_addf(&note, " · %s", rv->note);
	snprintf(num, sizeof(num), "%d", *total);
	if (!rc)
		rc = cs_ticket_event(rv->ticket, "review", "qa_score",
		    *old ? old : NULL, num, note.s);
	items_free(it, n);
	cs_buf_free(&note);
	return rc;
}

/* ---- the spot-check sample ------------------------------------------- */

uint64_t
cs_qa_hash(const char *seed, int64_t id)
{
	uint64_t h = 14695981039346656037ULL, z;
	const unsigned char *s;

	/* FNV-1a of the seed's bytes ... */
	for (s = (const unsigned char *)seed; *s; s++) {
		h ^= *s;
		h *= 1099511628211ULL;
	}
	/* ... plus the id times the golden ratio, through splitmix64's
	 * finaliser, so that neighbouring ids land far apart */
	z = h + (uint64_t)id * 0x9e3779b97f4a7c15ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

struct cand {
	char *agent;
	int64_t id;
	uint64_t h;
};

static int
by_agent_hash(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	int c = strcmp(x->agent, y->agent);

	if (c)
		return c;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int
by_agent_id(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	int c = strcmp(x->agent, y->agent);

	if (c)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

int
cs_qa_sample(const struct cs_sample *s, struct cs_sample_pick **out,
    size_t *nout)
{
	struct cand *c = NULL;
	struct cs_sample_pick *pick;
	sqlite3_stmt *st;
	size_t n = 0, i, j, k, avail, take, m = 0;
	int rc;

	*out = NULL;
	*nout = 0;
	if ((rc = cs_db_open(CS_DB_READ, NULL)) ||
	    (rc = cs_report_resolved(s->p->start, s->p->end)))
		return rc;
	/* Resolved in the period as the report counts them, by the agent
	 * who resolved them; still resolved or closed (a reopened ticket is
	 * back at work), and not reviewed yet. */
	st = cs_sql("SELECT a.login, t.id FROM res CROSS JOIN ticket t ON "
	    "t.id = res.id JOIN agent a ON a.id = res.agent WHERE "
	    "t.status IN ('resolved', 'closed') AND (?3 IS NULL OR t.type = "
	    "?3) AND NOT EXISTS (SELECT 1 FROM qa_review q WHERE q.ticket_id "
	    "= t.id) ORDER BY a.login, t.id");
	cs_bind_text(st, 3, s->type, 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c = cs_xrealloc(c, (n + 1) * sizeof(*c));
		c[n].agent = cs_xstrdup(cs_col_text(st, 0));
		c[n].id = sqlite3_column_int64(st, 1);
		c[n].h = cs_qa_hash(s->seed, c[n].id);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		for (i = 0; i < n; i++)
			free(c[i].agent);
		free(c);
		return cs_db_fail("sample");
	}
	if (n)
		qsort(c, n, sizeof(*c), by_agent_hash);
	/* each agent's first k by hash: the others' tickets change nothing */
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && strcmp(c[j].agent, c[i].agent) == 0; j++)
			;
		avail = j - i;
		if (s->per_agent > 0)
			take = avail < (size_t)s->per_agent ? avail :
			    (size_t)s->per_agent;
		else
			take = (size_t)((s->share * (int64_t)avail + 9999) /
			    10000);
		for (k = i; k < j; k++)
			if (k - i >= take) {
				free(c[k].agent);
				c[k].agent = NULL;
			} else
				c[m++] = c[k];
	}
	if (m)
		qsort(c, m, sizeof(*c), by_agent_id);
	pick = m ? cs_xcalloc(m, sizeof(*pick)) : NULL;
	for (i = 0; i < m; i++) {
		pick[i].agent = c[i].agent;
		pick[i].ticket = c[i].id;
	}
	free(c);
	*out = pick;
	*nout = m;
	return 0;
}

void
cs_qa_sample_free(struct cs_sample_pick *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(p[i].agent);
	free(p);
}

/* ---- targets ------------------------------------------------------------ */

/* A number of at most two decimals, in hundredths: 0, or -1. */
int
cs_hundredths(const char *s, int64_t *out)
{
	int64_t v = 0;
	int dec = -1, neg = 0;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (!*s || *s == '.')
		return -1;
	for (; *s; s++) {
		if (*s == '.' && dec < 0) {
			dec = 0;
			continue;
		}
		if (*s < '0' || *s > '9' || dec == 2 || v > 1000000000000LL)
			return -1;
		v = v * 10 + (*s - '0');
		if (dec >= 0)
			dec++;
	}
	if (dec == 0)
		return -1;
	for (; dec < 2; dec = dec < 0 ? 1 : dec + 1)
		v *= 10;
	*out = neg ? -v : v;
	return 0;
}

static int
metric_known(const char *m)
{
	int i;

	for (i = 0; cs_scorecard_metrics[i]; i++)
		if (strcmp(cs_scorecard_metrics[i], m) == 0)
			return 1;
	return 0;
}

/* "sla_met_pct>=90": the metric (caller frees), op and value. */
static int
parse_target(const char *expr, char **metric, char op[3], int64_t *h,
    char **problem)
{
	const char *p = strstr(expr, ">="), *q = strstr(expr, "<=");
	char *m, *v;
	int rc = 0;

	*metric = NULL;
	if (!p || (q && q < p))
		p = q;
	if (!p && strpbrk(expr, "<=>")) {
		*problem = cs_xasprintf("'%s' is no METRIC>=VALUE or "
		    "METRIC<=VALUE", expr);
		return -1;
	}
	/* METRIC alone names a target to remove */
	m = cs_text_trim(p ? cs_xstrndup(expr, (size_t)(p - expr)) :
	    cs_xstrdup(expr));
	v = cs_text_trim(cs_xstrdup(p ? p + 2 : ""));
	op[0] = p ? p[0] : '\0';
	op[1] = p ? '=' : '\0';
	op[2] = '\0';
	if (!metric_known(m)) {
		*problem = cs_xasprintf("unknown metric '%s' (resolved, "
		    "first_response_median_h, resolution_median_h, sla_met_pct, "
		    "reopen_rate, csat_mean, qa_reviews, qa_score_mean, "
		    "revisits_finished, revisit_success_rate)", m);
		rc = -1;
	} else if (!p) {
		*h = 0;
	} else if (cs_hundredths(v, h) < 0 || *h < 0) {
		*problem = cs_xasprintf("%s: a target is a number of at most "
		    "two decimals, 0 or more (%s)", m, v);
		rc = -1;
	} else if (*h > 10000 && (strstr(m, "_pct") || strstr(m, "_rate") ||
	    strcmp(m, "qa_score_mean") == 0)) {
		*problem = cs_xasprintf("%s: a percentage or score is at most "
		    "100 (%s)", m, v);
		rc = -1;
	} else if (*h > 500 && strcmp(m, "csat_mean") == 0) {
		*problem = cs_xasprintf("csat_mean: scores are 1 to 5 (%s)", v);
		rc = -1;
	}
	free(v);
	if (rc)
		free(m);
	else
		*metric = m;
	return rc;
}

/* The scope of --team or --agent: 0, or -1 with *problem. */
static int
scope(const char *team, const char *agent, const char **sc, const char **who,
    char **problem)
{
	sqlite3_stmt *st;
	int ok;

	*sc = "all";
	*who = "";
	if (agent) {
		*sc = "agent";
		*who = agent;
		if (!cs_agent_id(agent)) {
			*problem = cs_xasprintf("no agent '%s'", agent);
			return -1;
		}
	} else if (team) {
		*sc = "team";
		*who = team;
		st = cs_sql("SELECT 1 FROM agent WHERE team = ?");
		cs_bind_text(st, 1, team, 0);
		ok = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
		if (!ok) {
			*problem = cs_xasprintf("no agent is in team '%s'", team);
			return -1;
		}
	}
	return 0;
}

static void
fmt_hundredths(int64_t h, char *buf, size_t size)
{
	if (h % 100 == 0)
		snprintf(buf, size, "%lld", (long long)(h / 100));
	else if (h % 10 == 0)
		snprintf(buf, size, "%lld.%lld", (long long)(h / 100),
		    (long long)(h % 100 / 10));
	else
		snprintf(buf, size, "%lld.%02lld", (long long)(h / 100),
		    (long long)(h % 100));
}

int
cs_target_set(const char *expr, const char *team, const char *agent,
    char **problem)
{
	const char *sc, *who;
	sqlite3_stmt *st;
	char op[3], val[32], *metric;
	int64_t h;
	int rc;

	*problem = NULL;
	if (parse_target(expr, &metric, op, &h, problem) < 0)
		return -1;
	if (!*op) {
		*problem = cs_xasprintf("'%s' needs a value: %s>=VALUE or "
		    "%s<=VALUE", expr, metric, metric);
		free(metric);
		return -1;
	}
	if (scope(team, agent, &sc, &who, problem) < 0) {
		free(metric);
		return -1;
	}
	fmt_hundredths(h, val, sizeof(val));
	st = cs_sql("INSERT OR REPLACE INTO agent_target (metric, scope, who, "
	    "op, value, set_at) VALUES (?, ?, ?, ?, ?, ?)");
	cs_bind_text(st, 1, metric, 0);
	cs_bind_text(st, 2, sc, 0);
	cs_bind_text(st, 3, who, 0);
	cs_bind_text(st, 4, op, 0);
	cs_bind_text(st, 5, val, 0);
	sqlite3_bind_int64(st, 6, cs_now());
	rc = cs_step_done(st, "target");
	if (!rc) {
		char *to = cs_xasprintf("%s%s", op, val);

		rc = cs_log_change("target", 0, metric, *who ? who : "all", to,
		    NULL);
		free(to);
	}
	free(metric);
	return rc;
}

int
cs_target_rm(const char *expr, const char *team, const char *agent,
    char **problem)
{
	const char *sc, *who;
	sqlite3_stmt *st;
	char op[3], *metric;
	int64_t h;
	int rc;

	*problem = NULL;
	if (parse_target(expr, &metric, op, &h, problem) < 0 ||
	    scope(team, agent, &sc, &who, problem) < 0) {
		free(metric);
		return -1;
	}
	st = cs_sql("DELETE FROM agent_target WHERE metric = ? AND scope = ? "
	    "AND who = ?");
	cs_bind_text(st, 1, metric, 0);
	cs_bind_text(st, 2, sc, 0);
	cs_bind_text(st, 3, who, 0);
	if ((rc = cs_step_done(st, "target"))) {
		free(metric);
		return rc;
	}
	if (sqlite3_changes(sqlite3_db_handle(st)) == 0) {
		*problem = cs_xasprintf("no target for %s of %s%s%s", metric,
		    *who ? sc : "everyone", *who ? " " : "", who);
		free(metric);
		return CS_EX_FAIL;
	}
	rc = cs_log_change("target", 0, metric, *who ? who : "all", NULL,
	    "removed");
	free(metric);
	return rc;
}

int
cs_target_for(const char *login, const char *metric, char *buf, size_t size)
{
	sqlite3_stmt *st = cs_sql("SELECT op, value FROM agent_target WHERE "
	    "metric = ?1 AND ((scope = 'agent' AND who = ?2) OR (scope = "
	    "'team' AND who = (SELECT team FROM agent WHERE login = ?2)) OR "
	    "scope = 'all') ORDER BY CASE scope WHEN 'agent' THEN 0 WHEN "
	    "'team' THEN 1 ELSE 2 END LIMIT 1");
	int r;

	cs_bind_text(st, 1, metric, 0);
	cs_bind_text(st, 2, login, 0);
	if ((r = sqlite3_step(st) == SQLITE_ROW))
		snprintf(buf, size, "%s%s", cs_col_text(st, 0), cs_col_text(st, 1));
	sqlite3_reset(st);
	return r;
}

const char *
cs_target_met(const char *value, const char *target)
{
	int64_t v, t;

	/* undefined is neither met nor missed; equal is met */
	if (!value || !*value || !target || strlen(target) < 3 ||
	    cs_hundredths(value, &v) < 0 || cs_hundredths(target + 2, &t) < 0)
		return NULL;
	if (target[0] == '>')
		return v >= t ? "yes" : "no";
	return v <= t ? "yes" : "no";
}
