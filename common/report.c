/* report.c - the figures of the operations reports, exactly as the spec
 * defines them, for one period */
#include <stdlib.h>
#include <string.h>

#include "cs.h"

/* Tickets narrowed by --type, --agent and --team (?3, ?4, ?5). */
#define TF "(?3 IS NULL OR t.type = ?3) AND (?4 IS NULL OR t.assignee_id = " \
	"(SELECT id FROM agent WHERE login = ?4)) AND (?5 IS NULL OR " \
	"t.assignee_id IN (SELECT id FROM agent WHERE team = ?5))"
/* Revisit tasks narrowed by --agent and --team. */
#define VF "(?4 IS NULL OR v.agent_id = (SELECT id FROM agent WHERE login = " \
	"?4)) AND (?5 IS NULL OR v.agent_id IN (SELECT id FROM agent WHERE " \
	"team = ?5)) AND ?3 IS ?3"

/* A ticket's own events are few: read them by ticket. Without statistics
 * (the report never writes, so never runs ANALYZE) SQLite would rather
 * scan every resolution of the whole history through the status index. */
#define BYTICKET "INDEXED BY ticket_event_ticket"

/* The scores given in [?1, ?2) (each a 'rate' event: a ticket rated
 * twice counts in both periods), with their tickets as t. */
#define RATED " FROM ticket_event r JOIN ticket t ON t.id = r.ticket_id " \
	"WHERE r.kind = 'rate' AND r.at >= ?1 AND r.at < ?2 AND "
#define SCORE "CAST(r.new_value AS INTEGER)"

/* The period's resolved tickets (cs_report_resolved), then each ticket. */
#define RESD " FROM res CROSS JOIN ticket t ON t.id = res.id "

/*
 * The tickets resolved in [?1, ?2): each with its last resolution in the
 * period, from the timeline, so that a ticket reopened and resolved again
 * later still counts where it was resolved. Every resolution figure reads
 * them, so they are found once per period, into a temporary table (in
 * memory: the database file is only read). The table has no statistics:
 * CROSS JOIN keeps SQLite reading it first and the tickets by id.
 */
#define RES "INSERT INTO temp.res SELECT e.ticket_id, e.id, e.at, " \
	"(SELECT f.id FROM ticket_event f " BYTICKET " WHERE f.ticket_id = " \
	"e.ticket_id AND f.kind = 'status' AND f.new_value = 'resolved' AND " \
	"f.at >= ?1 ORDER BY f.at, f.id LIMIT 1), e.agent_id " \
	"FROM ticket_event e WHERE e.kind = 'status' AND e.new_value = " \
	"'resolved' AND e.at >= ?1 AND e.at < ?2 AND NOT EXISTS (SELECT 1 " \
	"FROM ticket_event f " BYTICKET " WHERE f.ticket_id = e.ticket_id " \
	"AND " \
	"f.kind = 'status' AND f.new_value = 'resolved' AND f.at < ?2 AND " \
	"(f.at > e.at OR (f.at = e.at AND f.id > e.id)))"

/* Reopened after its first resolution in the period; for imported
 * history, which has a count but no reopen events, the count. */
#define REOPENED "(EXISTS (SELECT 1 FROM ticket_event r " BYTICKET \
	", ticket_event f WHERE f.id = res.first_ev AND r.ticket_id = t.id " \
	"AND r.kind = 'status' AND r.new_value = 'reopened' AND (r.at > f.at OR (r.at = " \
	"f.at AND r.id > f.id))) OR (t.reopened > 0 AND NOT EXISTS (SELECT 1 " \
	"FROM ticket_event r " BYTICKET " WHERE r.ticket_id = t.id AND " \
	"r.kind = 'status' AND r.new_value = 'reopened')))"

/*
 * Open at the period's end ?2: created before it, and by the timeline not
 * resolved or closed then. A ticket never reopened is resolved once and
 * only resolved or closed afterwards, so it is open at ?2 exactly when it
 * was created before ?2 and not resolved before it: the backlog is the
 * tickets created before ?2 less those resolved before it, corrected by
 * the timeline of the few ever reopened (by count or, when imported, by
 * status). Without a filter F both counts come from their indexes alone.
 */
#define BACKLOG(F) "SELECT '', (SELECT count(*) FROM ticket t WHERE " \
	"t.created_at < ?2 AND " F ") - (SELECT count(*) FROM ticket t WHERE " \
	"t.resolved_at < ?2 AND " F ") + (SELECT coalesce(sum(" \
	"coalesce(t.resolved_at < ?2, 0) - (t.created_at < ?2) + CASE WHEN " \
	"t.created_at < ?2 THEN coalesce((SELECT e.new_value FROM " \
	"ticket_event e " BYTICKET " WHERE e.ticket_id = t.id AND e.kind IN " \
	"('status', 'created') AND e.at < ?2 ORDER BY e.at DESC, e.id DESC " \
	"LIMIT 1), 'new') NOT IN ('resolved', 'closed') ELSE 0 END), 0) FROM " \
	"ticket t WHERE t.id IN (SELECT id FROM ticket WHERE reopened > 0 " \
	"UNION SELECT id FROM ticket WHERE status NOT IN ('resolved', " \
	"'closed') AND status = 'reopened') AND " F ")"

struct ctx {
	const struct cs_report_filter *f;
	const struct cs_period *p;
	struct cs_report *r;
};

static void
add(struct cs_report *r, const char *section, const char *metric,
    const char *key, const char *value)
{
	struct cs_report_row *row;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->row = cs_xrealloc(r->row, r->cap * sizeof(*r->row));
	}
	row = &r->row[r->n++];
	row->section = section;
	row->metric = metric;
	row->key = cs_xstrdup(key ? key : "");
	row->value = value ? cs_xstrdup(value) : NULL;
	row->count = 0;
	row->top = 0;
	row->share_of = NULL;
}

static int
filtered(const struct ctx *c)
{
	return c->f->type || c->f->agent || c->f->team;
}

static sqlite3_stmt *
prep(struct ctx *c, const char *sql)
{
	sqlite3_stmt *st = cs_sql(sql);

	sqlite3_bind_int64(st, 1, c->p->start);
	sqlite3_bind_int64(st, 2, c->p->end);
	cs_bind_text(st, 3, c->f->type, 1);
	cs_bind_text(st, 4, c->f->agent, 1);
	cs_bind_text(st, 5, c->f->team, 1);
	return st;
}

/* Rows of (key, count): one figure each; with total, the sum first under
 * the empty key even when there are no rows. */
static void
counts(struct ctx *c, const char *section, const char *metric,
    const char *sql, int total)
{
	sqlite3_stmt *st = prep(c, sql);
	char num[32];
	int64_t sum = 0;
	size_t at = c->r->n;
	const unsigned char *k;

	if (total) {
		add(c->r, section, metric, "", "0");
		c->r->row[c->r->n - 1].count = 1;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		k = sqlite3_column_text(st, 0);
		snprintf(num, sizeof(num), "%lld",
		    (long long)sqlite3_column_int64(st, 1));
		sum += sqlite3_column_int64(st, 1);
		if (k && (*k || !total)) {
			add(c->r, section, metric, (const char *)k, num);
			c->r->row[c->r->n - 1].count = 1;
		}
	}
	sqlite3_reset(st);
	if (total) {
		snprintf(num, sizeof(num), "%lld", (long long)sum);
		free(c->r->row[at].value);
		c->r->row[at].value = cs_xstrdup(num);
	}
}

/* Rows of (key, num, den): a rate (scale 100) or a mean (scale 1) each,
 * empty when den is 0. */
static void
ratios(struct ctx *c, const char *section, const char *metric,
    const char *sql, int scale)
{
	sqlite3_stmt *st = prep(c, sql);
	const unsigned char *k;
	char buf[32];
	int64_t den;

	while (sqlite3_step(st) == SQLITE_ROW) {
		k = sqlite3_column_text(st, 0);
		den = sqlite3_column_int64(st, 2);
		add(c->r, section, metric, k ? (const char *)k : "", den ?
		    cs_fmt_ratio(sqlite3_column_int64(st, 1), den, scale, buf) :
		    NULL);
	}
	sqlite3_reset(st);
}

/* The median and p90 of the seconds in rows of (key, seconds) sorted by
 * key, then seconds; in hours. A key without rows gets no figures; no p90
 * when mp90 is NULL. */
static void
percentiles(struct ctx *c, const char *section, const char *mmed,
    const char *mp90, const char *sql)
{
	sqlite3_stmt *st = prep(c, sql);
	int64_t *v = NULL, x;
	size_t n = 0, cap = 0, k;
	char key[160] = "", cur[160], buf[32];
	int more;

	do {
		more = sqlite3_step(st) == SQLITE_ROW;
		if (more)
			snprintf(cur, sizeof(cur), "%s",
			    sqlite3_column_text(st, 0) ? (const char *)
			    sqlite3_column_text(st, 0) : "");
		if (n && (!more || strcmp(cur, key) != 0)) {
			/* median: the middle value, or the mean of the two
			 * middle values; p90: the ceil(0.9 N)-th smallest */
			x = n % 2 ? 2 * v[n / 2] : v[n / 2 - 1] + v[n / 2];
			add(c->r, section, mmed, key, cs_fmt_ratio(x, 7200, 1,
			    buf));
			k = (9 * n + 9) / 10;
			if (mp90)
				add(c->r, section, mp90, key, cs_fmt_ratio(
				    v[k - 1], 3600, 1, buf));
			n = 0;
		}
		if (!more)
			break;
		snprintf(key, sizeof(key), "%s", cur);
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			v = cs_xrealloc(v, cap * sizeof(*v));
		}
		v[n++] = sqlite3_column_int64(st, 1);
	} while (more);
	sqlite3_reset(st);
	free(v);
}

/* An empty total figure, for a metric whose rows came out empty. */
static void
ensure(struct cs_report *r, size_t from, const char *section,
    const char *metric)
{
	size_t i;

	for (i = from; i < r->n; i++)
		if (r->row[i].metric == metric && !*r->row[i].key)
			return;
	add(r, section, metric, "", NULL);
}

static void
tickets(struct ctx *c)
{
	size_t at;

	counts(c, "tickets", "created", "SELECT 'type=' || t.type, count(*) "
	    "FROM ticket t WHERE t.created_at >= ?1 AND t.created_at < ?2 AND "
	    TF " GROUP BY t.type ORDER BY t.type", 1);
	counts(c, "tickets", "created", "SELECT 'channel=' || t.channel, "
	    "count(*) FROM ticket t WHERE t.created_at >= ?1 AND t.created_at "
	    "< ?2 AND " TF " GROUP BY t.channel ORDER BY t.channel", 0);
	counts(c, "tickets", "created", "SELECT 'category=' || t.category, "
	    "count(*) FROM ticket t WHERE t.created_at >= ?1 AND t.created_at "
	    "< ?2 AND t.category IS NOT NULL AND " TF " GROUP BY t.category "
	    "ORDER BY t.category", 0);
	counts(c, "tickets", "resolved", "SELECT 'type=' || t.type, "
	    "count(*)" RESD "WHERE " TF " GROUP BY t.type ORDER BY t.type", 1);
	counts(c, "tickets", "backlog", filtered(c) ? BACKLOG(TF) :
	    BACKLOG("?3 IS ?3"), 0);
	ratios(c, "tickets", "complaint_rate", "SELECT '', sum(t.type = "
	    "'complaint'), count(*) FROM ticket t WHERE t.created_at >= ?1 AND "
	    "t.created_at < ?2 AND " TF, 100);
	at = c->r->n;
	percentiles(c, "tickets", "first_response_median_h",
	    "first_response_p90_h", "SELECT '', t.first_response_at - "
	    "t.created_at AS s FROM ticket t WHERE t.created_at >= ?1 AND "
	    "t.created_at < ?2 AND t.first_response_at IS NOT NULL AND " TF
	    " ORDER BY s");
	ensure(c->r, at, "tickets", "first_response_median_h");
	ensure(c->r, at, "tickets", "first_response_p90_h");
	at = c->r->n;
	percentiles(c, "tickets", "resolution_median_h", "resolution_p90_h",
	    "SELECT '', res.at - t.created_at AS s" RESD "WHERE " TF
	    " ORDER BY s");
	ensure(c->r, at, "tickets", "resolution_median_h");
	ensure(c->r, at, "tickets", "resolution_p90_h");
	percentiles(c, "tickets", "resolution_median_h", "resolution_p90_h",
	    "SELECT 'type=' || t.type AS k, res.at - t.created_at AS s" RESD
	    "WHERE " TF " ORDER BY k, s");
	ratios(c, "tickets", "reopen_rate", "SELECT '', sum(" REOPENED
	    "), count(*)" RESD "WHERE " TF, 100);
}

static void
sla(struct ctx *c)
{
	static const char *const sql[] = {
		"SELECT '', sum(res.at <= t.resolution_due), count(*)" RESD
		    "WHERE t.resolution_due IS NOT NULL AND " TF,
		"SELECT 'type=' || t.type, sum(res.at <= t.resolution_due), "
		    "count(*)" RESD "WHERE t.resolution_due IS NOT NULL AND " TF
		    " GROUP BY t.type ORDER BY t.type",
		"SELECT 'priority=' || t.priority, sum(res.at <= "
		    "t.resolution_due), count(*)" RESD "WHERE "
		    "t.resolution_due IS NOT NULL AND " TF " GROUP BY "
		    "t.priority ORDER BY CASE t.priority WHEN 'urgent' THEN 0 WHEN "
		    "'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END",
	};
	size_t i;

	/* With no ticket at all the total still has its row: an aggregate
	 * without GROUP BY always gives one. */
	for (i = 0; i < 3; i++)
		ratios(c, "sla", "sla_met_pct", sql[i], 100);
}

static void
complaints(struct ctx *c)
{
	size_t at;

	counts(c, "complaints", "complaints", "SELECT 'category=' || "
	    "coalesce(t.category, '(none)'), count(*) FROM ticket t WHERE "
	    "t.type = 'complaint' AND t.created_at >= ?1 AND t.created_at < ?2 "
	    "AND " TF " GROUP BY 1 ORDER BY 1", 1);
	counts(c, "complaints", "complaints", "SELECT 'stage=' || "
	    "coalesce(t.stage, '(none)'), count(*) FROM ticket t WHERE "
	    "t.type = 'complaint' AND t.created_at >= ?1 AND t.created_at < ?2 "
	    "AND " TF " GROUP BY 1 ORDER BY 1", 0);
	/* the stage-factor breakdown: each stage's share of complaints */
	at = c->r->n;
	ratios(c, "complaints", "stage_share_pct", "SELECT 'stage=' || "
	    "coalesce(t.stage, '(none)'), count(*), (SELECT count(*) FROM "
	    "ticket t WHERE t.type = 'complaint' AND t.created_at >= ?1 AND "
	    "t.created_at < ?2 AND " TF ") FROM ticket t WHERE t.type = "
	    "'complaint' AND t.created_at >= ?1 AND t.created_at < ?2 AND " TF
	    " GROUP BY 1 ORDER BY 1", 100);
	for (; at < c->r->n; at++)
		c->r->row[at].share_of = "complaints";
	counts(c, "complaints", "complaints", "SELECT 'root_cause=' || "
	    "coalesce(t.root_cause, '(none)'), count(*) FROM ticket t WHERE "
	    "t.type = 'complaint' AND t.created_at >= ?1 AND t.created_at < ?2 "
	    "AND " TF " GROUP BY 1 ORDER BY 1", 0);
	at = c->r->n;
	percentiles(c, "complaints", "resolution_median_h", "resolution_p90_h",
	    "SELECT '', res.at - t.created_at AS s" RESD "WHERE t.type = "
	    "'complaint' AND " TF " ORDER BY s");
	ensure(c->r, at, "complaints", "resolution_median_h");
	ensure(c->r, at, "complaints", "resolution_p90_h");
	ratios(c, "complaints", "sla_met_pct", "SELECT '', sum(res.at <= "
	    "t.resolution_due), count(*)" RESD "WHERE t.type = 'complaint' AND "
	    "t.resolution_due IS NOT NULL AND " TF, 100);
}

static void
csat(struct ctx *c)
{
	ratios(c, "csat", "csat_mean", "SELECT '', sum(" SCORE "), count(*)"
	    RATED TF, 1);
	ratios(c, "csat", "satisfied_pct", "SELECT '', sum(" SCORE " >= 4), "
	    "count(*)" RATED TF, 100);
	counts(c, "csat", "csat_scores", "SELECT '', count(*)" RATED TF, 0);
}

static int
by_key(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_count(const char *metric)
{
	return strcmp(metric, "resolved") == 0 || strcmp(metric,
	    "qa_reviews") == 0 || strcmp(metric, "revisits_finished") == 0;
}

/*
 * The per-agent figures of tmp as a grid: every metric for every agent,
 * the agents being every active specialist (role agent) the filters
 * allow and anybody else with figures in tmp (a supervisor who resolved
 * tickets is listed, a reviewer who only reviews is not). By agent (every
 * metric of one agent, agent by agent) or by metric. A count missing from
 * tmp is 0, any other figure empty.
 */
static void
grid(struct ctx *c, const struct cs_report *tmp, const char *section,
    const char *const *metrics, int by_agent)
{
	sqlite3_stmt *st;
	char **keys = NULL;
	const char *k, *m;
	const struct cs_report_row *x;
	size_t nk = 0, i, j, a, b, na, nb;

	st = prep(c, "SELECT 'agent=' || a.login FROM agent a WHERE "
	    "a.active = 1 AND a.role = 'agent' AND (?4 IS NULL OR a.login = "
	    "?4) AND (?5 IS NULL OR a.team = ?5) AND ?1 IS ?1 AND ?2 IS ?2 "
	    "AND ?3 IS ?3");
	while (sqlite3_step(st) == SQLITE_ROW) {
		keys = cs_xrealloc(keys, (nk + 1) * sizeof(*keys));
		keys[nk++] = cs_xstrdup((const char *)sqlite3_column_text(st,
		    0));
	}
	sqlite3_reset(st);
	for (i = 0; i < tmp->n; i++) {
		keys = cs_xrealloc(keys, (nk + 1) * sizeof(*keys));
		keys[nk++] = cs_xstrdup(tmp->row[i].key);
	}
	if (nk)
		qsort(keys, nk, sizeof(*keys), by_key);
	for (i = j = 0; i < nk; i++)
		if (j && strcmp(keys[i], keys[j - 1]) == 0)
			free(keys[i]);
		else
			keys[j++] = keys[i];
	nk = j;
	for (na = 0; metrics[na]; na++)
		;
	nb = by_agent ? na : nk;
	na = by_agent ? nk : na;
	for (a = 0; a < na; a++)
		for (b = 0; b < nb; b++) {
			k = keys[by_agent ? a : b];
			m = metrics[by_agent ? b : a];
			for (j = 0, x = NULL; j < tmp->n && !x; j++)
				if (strcmp(tmp->row[j].metric, m) == 0 &&
				    strcmp(tmp->row[j].key, k) == 0)
					x = &tmp->row[j];
			add(c->r, section, m, k, x ? x->value : is_count(m) ?
			    "0" : NULL);
			c->r->row[c->r->n - 1].count = is_count(m);
		}
	for (i = 0; i < nk; i++)
		free(keys[i]);
	free(keys);
}

static void
agents(struct ctx *c)
{
	static const char *const metrics[] = { "resolved",
		"resolution_median_h", "resolution_p90_h", "csat_mean",
		"revisits_finished", "revisit_success_rate", NULL };
	struct cs_report tmp = { 0 }, *r = c->r;

	c->r = &tmp;
	counts(c, "agents", "resolved", "SELECT 'agent=' || a.login, "
	    "count(*)" RESD "JOIN agent a ON a.id = res.agent WHERE " TF
	    " GROUP BY a.login ORDER BY a.login", 0);
	percentiles(c, "agents", "resolution_median_h", "resolution_p90_h",
	    "SELECT 'agent=' || a.login AS k, res.at - t.created_at AS s "
	    RESD "JOIN agent a ON a.id = res.agent WHERE " TF
	    " ORDER BY k, s");
	/* a score counts for the agent of the resolution it followed */
	ratios(c, "agents", "csat_mean", "SELECT 'agent=' || a.login, "
	    "sum(" SCORE "), count(*) FROM ticket_event r JOIN ticket t ON "
	    "t.id = r.ticket_id JOIN agent a ON a.id = (SELECT e.agent_id "
	    "FROM ticket_event e " BYTICKET " WHERE e.ticket_id = t.id AND "
	    "e.kind = 'status' AND e.new_value = 'resolved' AND e.at <= r.at "
	    "ORDER BY e.at DESC, e.id DESC LIMIT 1) WHERE r.kind = 'rate' AND "
	    "r.at >= ?1 AND r.at < ?2 AND " TF " GROUP BY a.login ORDER BY "
	    "a.login", 1);
	counts(c, "agents", "revisits_finished", "SELECT 'agent=' || a.login, "
	    "count(*) FROM revisit v JOIN agent a ON a.id = v.agent_id WHERE "
	    "+v.status IN ('done', 'failed') AND v.finished_at >= ?1 AND "
	    "v.finished_at < ?2 AND " VF " GROUP BY a.login ORDER BY a.login", 0);
	ratios(c, "agents", "revisit_success_rate", "SELECT 'agent=' || "
	    "a.login, sum(v.last_result = 'reached'), count(*) FROM revisit v "
	    "JOIN agent a ON a.id = v.agent_id WHERE v.status IN ('done', "
	    "'failed') AND v.finished_at >= ?1 AND v.finished_at < ?2 AND " VF
	    " GROUP BY a.login ORDER BY a.login", 100);
	c->r = r;
	grid(c, &tmp, "agents", metrics, 0);
	cs_report_free(&tmp);
}

static void
revisits(struct ctx *c)
{
#define VFIN "+v.status IN ('done', 'failed') AND v.finished_at >= ?1 AND " \
	"v.finished_at < ?2 AND " VF
	counts(c, "revisits", "revisits_finished", "SELECT 'reason=' || "
	    "v.reason, count(*) FROM revisit v WHERE " VFIN " GROUP BY v.reason "
	    "ORDER BY v.reason", 1);
	ratios(c, "revisits", "revisit_success_rate", "SELECT '', "
	    "sum(v.last_result = 'reached'), count(*) FROM revisit v WHERE "
	    VFIN, 100);
	ratios(c, "revisits", "revisit_success_rate", "SELECT 'reason=' || "
	    "v.reason, sum(v.last_result = 'reached'), count(*) FROM revisit v "
	    "WHERE " VFIN " GROUP BY v.reason ORDER BY v.reason", 100);
	/* results by kind: the last result of each finished task; the
	 * spec's keys read reason=no-answer */
	counts(c, "revisits", "revisits_by_result", "SELECT 'reason=' || "
	    "v.last_result, count(*) FROM revisit v WHERE " VFIN " GROUP BY "
	    "v.last_result ORDER BY v.last_result", 0);
	ratios(c, "revisits", "revisit_score_mean", "SELECT '', sum(a.score), "
	    "count(a.score) FROM revisit_attempt a JOIN revisit v ON v.id = "
	    "a.revisit_id WHERE a.at >= ?1 AND a.at < ?2 AND " VF, 1);
#undef VFIN
}

/* Quality reviews made in the period. An item's mean is the mean of the
 * points it got; the items are listed by those points as a share of the
 * item's maximum, the weakest first, so that an item worth 10 points
 * ranks with one worth 50. */
static void
qa(struct ctx *c)
{
	counts(c, "qa", "qa_reviews", "SELECT '', count(*) FROM qa_review q "
	    "JOIN ticket t ON t.id = q.ticket_id WHERE q.at >= ?1 AND q.at < "
	    "?2 AND " TF, 1);
	ratios(c, "qa", "qa_score_mean", "SELECT '', sum(q.score), count(*) "
	    "FROM qa_review q JOIN ticket t ON t.id = q.ticket_id WHERE q.at "
	    ">= ?1 AND q.at < ?2 AND " TF, 1);
	ratios(c, "qa", "qa_item_mean", "SELECT 'item=' || i.item, "
	    "sum(i.points), count(*) FROM qa_review_item i JOIN qa_review q "
	    "ON q.id = i.review_id JOIN ticket t ON t.id = q.ticket_id WHERE "
	    "q.at >= ?1 AND q.at < ?2 AND " TF " GROUP BY i.item ORDER BY "
	    "1.0 * sum(i.points) / sum(i.max), i.item", 1);
}

static void
kb(struct ctx *c)
{
	size_t i, at = c->r->n;

	/* the ten most linked (ties by id: 9 before 10): every article
	 * linked, so that one of this period's ten has its true count in
	 * the other periods too */
	counts(c, "kb", "kb_links", "SELECT 'article=' || l.article, count(*) "
	    "FROM ticket_link l JOIN ticket t ON t.id = l.ticket_id WHERE "
	    "l.linked_at >= ?1 AND l.linked_at < ?2 AND " TF " GROUP BY "
	    "l.article ORDER BY count(*) DESC, length(l.article), l.article",
	    0);
	for (i = at; i < c->r->n; i++)
		c->r->row[i].top = 10;
	/* knowledge gaps: categories of the period's tickets that no linked
	 * article answered */
	counts(c, "kb", "kb_gaps", "SELECT 'category=' || category, tickets "
	    "FROM (" CS_KB_GAPS_SQL(TF) ") ORDER BY tickets DESC, category", 0);
}

static const struct {
	const char *name;
	void (*fn)(struct ctx *);
} sections[] = {
	{ "tickets", tickets }, { "complaints", complaints }, { "sla", sla },
	{ "csat", csat }, { "agents", agents }, { "revisits", revisits },
	{ "qa", qa }, { "kb", kb }, { NULL, NULL }
};

int
cs_report_section_known(const char *name)
{
	int i;

	for (i = 0; sections[i].name; i++)
		if (strcmp(sections[i].name, name) == 0)
			return 1;
	return 0;
}

static int
known(const char *sql, const char *v)
{
	sqlite3_stmt *st = cs_sql(sql);
	int r;

	cs_bind_text(st, 1, v, 0);
	r = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return r;
}

int
cs_report_filter_check(const struct cs_report_filter *f, const char *cmd)
{
	int rc;

	if ((rc = cs_db_open(CS_DB_READ, NULL)))
		return rc;
	if (f->type && !known("SELECT 1 FROM ticket_type WHERE name = ?",
	    f->type))
		return cs_err(CS_EX_DATAERR, "%s: --type %s: unknown type "
		    "(consult, complaint, grumble, tech, aftersales, or one "
		    "added with cs-ticket type add)", cmd, f->type);
	if (f->agent && !known("SELECT 1 FROM agent WHERE login = ?",
	    f->agent))
		return cs_err(CS_EX_DATAERR, "%s: --agent %s: no agent '%s': "
		    "see cs-agent list", cmd, f->agent, f->agent);
	if (f->team && !known("SELECT 1 FROM agent WHERE team = ?", f->team))
		return cs_err(CS_EX_DATAERR, "%s: --team %s: no agent is in "
		    "team '%s': see cs-agent list", cmd, f->team, f->team);
	if (f->skill && !known("SELECT 1 FROM agent_skill WHERE skill = ?",
	    f->skill))
		return cs_err(CS_EX_DATAERR, "%s: --skill %s: no agent has "
		    "skill '%s': see cs-agent list", cmd, f->skill, f->skill);
	return 0;
}

int
cs_report_resolved(int64_t start, int64_t end)
{
	sqlite3_stmt *st;
	int rc;

	st = cs_sql("CREATE TEMP TABLE IF NOT EXISTS res (id INTEGER PRIMARY "
	    "KEY, ev INTEGER NOT NULL, at INTEGER NOT NULL, first_ev INTEGER, "
	    "agent INTEGER)");
	if ((rc = cs_step_done(st, "report")))
		return rc;
	if ((rc = cs_step_done(cs_sql("DELETE FROM temp.res"), "report")))
		return rc;
	st = cs_sql(RES);
	sqlite3_bind_int64(st, 1, start);
	sqlite3_bind_int64(st, 2, end);
	return cs_step_done(st, "report");
}

int
cs_report_compute(const struct cs_report_filter *f,
    const struct cs_period *p, struct cs_report *r)
{
	struct ctx c = { f, p, r };
	int i, rc;

	if ((rc = cs_db_open(CS_DB_READ, NULL)))
		return rc;
	if ((rc = cs_report_resolved(p->start, p->end)))
		return rc;
	memset(r, 0, sizeof(*r));
	for (i = 0; sections[i].name; i++)
		if (!f->section || strcmp(f->section, sections[i].name) == 0)
			sections[i].fn(&c);
	return 0;
}

void
cs_report_free(struct cs_report *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->row[i].key);
		free(r->row[i].value);
	}
	free(r->row);
	memset(r, 0, sizeof(*r));
}

/* ---- labels -------------------------------------------------------------- */

/* Chinese labels of sections and metrics, for --lang zh. */
static const char *const zh[][2] = {
	{ "tickets", "工单" }, { "complaints", "投诉" }, { "sla", "时效" },
	{ "csat", "满意度" }, { "agents", "专员" }, { "revisits", "回访" },
	{ "kb", "知识库" },
	{ "created", "新建工单" }, { "resolved", "已解决" },
	{ "backlog", "期末积压" }, { "complaint_rate", "投诉率%" },
	{ "first_response_median_h", "首次响应中位数(小时)" },
	{ "first_response_p90_h", "首次响应P90(小时)" },
	{ "resolution_median_h", "解决时长中位数(小时)" },
	{ "resolution_p90_h", "解决时长P90(小时)" },
	{ "sla_met_pct", "SLA达成率%" }, { "reopen_rate", "重开率%" },
	{ "csat_mean", "满意度均分" }, { "satisfied_pct", "满意率%" },
	{ "csat_scores", "评分数" }, { "complaints", "投诉量" },
	{ "stage_share_pct", "环节占比%" },
	{ "revisits_finished", "完成回访" },
	{ "revisit_success_rate", "成功回访率%" },
	{ "revisits_by_result", "回访结果" },
	{ "revisit_score_mean", "回访评分均分" },
	{ "kb_links", "引用次数" }, { "kb_gaps", "知识缺口" },
	{ "qa", "质检" }, { "scorecard", "绩效" },
	{ "qa_reviews", "质检数" }, { "qa_score_mean", "质检均分" },
	{ "qa_item_mean", "质检项平均分" },
	/* cs-revisit summary */
	{ "revisits_planned", "计划回访" },
	{ "revisit_attempts_mean", "平均拨打次数" },
	{ "revisit_satisfied_pct", "回访满意率%" },
	{ "revisit_complaints", "回访转投诉" },
	{ "revisit_contacts_invalidated", "联系方式失效" },
	{ "revisits_overdue", "逾期未回访" },
	{ NULL, NULL }
};

const char *
cs_metric_label(const char *name)
{
	int i;

	if (!cs_conf.lang_zh || !name)
		return name;
	for (i = 0; zh[i][0]; i++)
		if (strcmp(zh[i][0], name) == 0)
			return zh[i][1];
	return name;
}

int
cs_metric_better(const char *name)
{
	static const char *const up[] = { "resolved", "sla_met_pct",
	    "csat_mean", "satisfied_pct", "revisits_finished",
	    "revisit_success_rate", "revisit_score_mean",
	    "revisit_satisfied_pct", "qa_score_mean", "qa_item_mean", NULL };
	static const char *const down[] = { "backlog", "complaint_rate",
	    "first_response_median_h", "first_response_p90_h",
	    "resolution_median_h", "resolution_p90_h", "reopen_rate",
	    "kb_gaps", "revisit_complaints", "revisits_overdue",
	    "revisit_contacts_invalidated", NULL };
	int i;

	for (i = 0; up[i]; i++)
		if (strcmp(up[i], name) == 0)
			return 1;
	for (i = 0; down[i]; i++)
		if (strcmp(down[i], name) == 0)
			return -1;
	return 0;
}

/* ---- scorecards ---------------------------------------------------------- */

/* The tickets resolved in the period, by the agent who resolved them,
 * narrowed by --type, --agent and --team (the agent's own team). */
#define SC_FROM RESD "JOIN agent a ON a.id = res.agent "
#define SF "(?3 IS NULL OR t.type = ?3) AND (?4 IS NULL OR a.login = ?4) " \
	"AND (?5 IS NULL OR a.team = ?5)"
#define SC_GROUP " GROUP BY a.login ORDER BY a.login"
/* Revisit tasks finished in the period by the agent. */
#define SC_VFIN "FROM revisit v JOIN agent a ON a.id = v.agent_id WHERE " \
	"+v.status IN ('done', 'failed') AND v.finished_at >= ?1 AND " \
	"v.finished_at < ?2 AND (?4 IS NULL OR a.login = ?4) AND (?5 IS NULL " \
	"OR a.team = ?5) AND ?3 IS ?3"

/*
 * Each metric is the report's total restricted to the tickets the agent
 * resolved in the period, with the same helpers: CSAT the scores given in
 * the period; QA the reviews of those tickets whenever made (review
 * follows the work); revisits the tasks the agent finished in the period.
 */
int
cs_report_scorecard(const struct cs_report_filter *f,
    const struct cs_period *p, struct cs_report *r)
{
	struct cs_report tmp = { 0 };
	struct ctx c = { f, p, &tmp };
	int rc;

	if ((rc = cs_db_open(CS_DB_READ, NULL)) ||
	    (rc = cs_report_resolved(p->start, p->end)))
		return rc;
	memset(r, 0, sizeof(*r));
	counts(&c, "scorecard", "resolved", "SELECT 'agent=' || a.login, "
	    "count(*) " SC_FROM "WHERE " SF SC_GROUP, 0);
	percentiles(&c, "scorecard", "first_response_median_h", NULL,
	    "SELECT 'agent=' || a.login AS k, t.first_response_at - "
	    "t.created_at AS s " SC_FROM "WHERE t.first_response_at IS NOT "
	    "NULL AND " SF " ORDER BY k, s");
	percentiles(&c, "scorecard", "resolution_median_h", NULL,
	    "SELECT 'agent=' || a.login AS k, res.at - t.created_at AS s "
	    SC_FROM "WHERE " SF " ORDER BY k, s");
	ratios(&c, "scorecard", "sla_met_pct", "SELECT 'agent=' || "
	    "a.login, sum(res.at <= t.resolution_due), count(*) " SC_FROM
	    "WHERE t.resolution_due IS NOT NULL AND " SF SC_GROUP, 100);
	ratios(&c, "scorecard", "reopen_rate", "SELECT 'agent=' || "
	    "a.login, sum(" REOPENED "), count(*) " SC_FROM "WHERE " SF
	    SC_GROUP, 100);
	ratios(&c, "scorecard", "csat_mean", "SELECT 'agent=' || a.login, "
	    "sum(" SCORE "), count(*) " SC_FROM "JOIN ticket_event r " BYTICKET
	    " ON r.ticket_id = t.id WHERE r.kind = 'rate' AND r.at >= ?1 AND "
	    "r.at < ?2 AND " SF SC_GROUP, 1);
	counts(&c, "scorecard", "qa_reviews", "SELECT 'agent=' || a.login, "
	    "count(*) " SC_FROM "JOIN qa_review q ON q.ticket_id = t.id WHERE "
	    SF SC_GROUP, 0);
	ratios(&c, "scorecard", "qa_score_mean", "SELECT 'agent=' || "
	    "a.login, sum(q.score), count(*) " SC_FROM "JOIN qa_review q ON "
	    "q.ticket_id = t.id WHERE " SF SC_GROUP, 1);
	counts(&c, "scorecard", "revisits_finished", "SELECT 'agent=' || "
	    "a.login, count(*) " SC_VFIN SC_GROUP, 0);
	ratios(&c, "scorecard", "revisit_success_rate", "SELECT 'agent=' || "
	    "a.login, sum(v.last_result = 'reached'), count(*) " SC_VFIN
	    SC_GROUP, 100);

	/* one block per agent, the metrics in their order */
	c.r = r;
	grid(&c, &tmp, "scorecard", cs_scorecard_metrics, 1);
	cs_report_free(&tmp);
	return 0;
}

/* ---- chart data ------------------------------------------------------- */

int
cs_report_chart(const char *name, const struct cs_report_filter *f,
    const struct cs_period *p, void (*point)(void *, const char *series,
    const char *label, double value), void *arg)
{
	struct ctx c = { f, p, NULL };
	sqlite3_stmt *st;
	int rc;

	if ((rc = cs_db_open(CS_DB_READ, NULL)) ||
	    (rc = cs_report_resolved(p->start, p->end)))
		return rc;
	if (strcmp(name, "daily") == 0)
		/* every day of the period, a day without tickets too; a
		 * long period by week (up to 200 days: its Monday) or by
		 * month, so that the bars stay readable */
		/* (days counted by the calendar: a day of a change of
		 * summer time is one day, not 23 or 25 hours) */
#define NDAYS "(julianday(date(?2 - 1, 'unixepoch', 'localtime')) - " \
	"julianday(date(?1, 'unixepoch', 'localtime')) + 1)"
#define BUCKET(d) "CASE WHEN " NDAYS " <= 62 THEN " d " WHEN " NDAYS \
	" <= 200 THEN date(" d ", 'weekday 0', '-6 days') " \
	"ELSE strftime('%Y-%m', " d ") END"
		st = prep(&c, "WITH RECURSIVE days(d) AS (SELECT date(?1, "
		    "'unixepoch', 'localtime') UNION ALL SELECT date(d, "
		    "'+1 day') FROM days WHERE date(d, '+1 day') <= date(?2 - "
		    "1, 'unixepoch', 'localtime')) SELECT ty, k, n FROM (SELECT "
		    "t.type AS ty, " BUCKET("date(t.created_at, 'unixepoch', "
		    "'localtime')") " AS k, count(*) AS n FROM ticket t WHERE "
		    "t.created_at >= ?1 AND t.created_at < ?2 AND " TF " GROUP "
		    "BY k, t.type UNION ALL SELECT DISTINCT (SELECT t.type FROM "
		    "ticket t WHERE t.created_at >= ?1 AND t.created_at < ?2 AND "
		    TF " ORDER BY t.type LIMIT 1), " BUCKET("d") ", 0 FROM days) "
		    "ORDER BY k, ty");
#undef BUCKET
#undef NDAYS
	else if (strcmp(name, "resolution") == 0)
		/* resolution hours in buckets: <4, 4-8, 8-24, 24-48, 48-72,
		 * >=72 */
		st = prep(&c, "SELECT '', CASE WHEN s < 14400 THEN '<4h' "
		    "WHEN s < 28800 THEN '4-8h' WHEN s < 86400 THEN '8-24h' WHEN "
		    "s < 172800 THEN '1-2d' WHEN s < 259200 THEN '2-3d' ELSE "
		    "'>3d' END AS b, count(*) FROM (SELECT res.at - t.created_at "
		    "AS s" RESD "WHERE " TF ") "
		    "GROUP BY b ORDER BY min(s)");
	else if (strcmp(name, "csat") == 0)
		st = prep(&c, "SELECT '', " SCORE " || '', count(*)" RATED TF
		    " GROUP BY " SCORE " ORDER BY " SCORE);
	else if (strcmp(name, "revisits") == 0)
		st = prep(&c, "SELECT '', v.last_result, count(*) FROM revisit v "
		    "WHERE +v.status IN ('done', 'failed') AND v.finished_at >= ?1 "
		    "AND v.finished_at < ?2 AND " VF " GROUP BY v.last_result "
		    "ORDER BY count(*) DESC");
	else if (strcmp(name, "agents") == 0)
		st = prep(&c, "SELECT '', a.login, count(*) FROM res CROSS "
		    "JOIN ticket t ON t.id = res.id JOIN agent a ON a.id = "
		    "res.agent WHERE " TF " GROUP BY a.login ORDER BY "
		    "count(*) DESC, a.login");
	else
		return cs_err(CS_EX_SOFTWARE, "internal error: chart %s", name);
	while (sqlite3_step(st) == SQLITE_ROW)
		point(arg, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    sqlite3_column_double(st, 2));
	sqlite3_reset(st);
	return 0;
}
