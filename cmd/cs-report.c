/* cs-report - weekly, monthly, quarterly and yearly operations reports */
#include <errno.h>
#include <math.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "cs.h"

enum {
	O_FROM = 256, O_TO, O_YOY, O_SECTION, O_AGENT, O_TEAM, O_TYPE,
	O_OUTPUT
};

static const struct cs_opt report_opts[] = {
	{ O_FROM, "from", 0, CS_OPT_ARG, "DATE", "a custom range from DATE",
	    NULL },
	{ O_TO, "to", 0, CS_OPT_ARG, "DATE", "to DATE (not included)", NULL },
	{ O_YOY, "yoy", 0, CS_OPT_FLAG, NULL,
	    "add the same period a year earlier (同比)", NULL },
	{ O_SECTION, "section", 's', CS_OPT_ARG, "SECTION",
	    "only tickets, complaints, sla, csat, agents, revisits, qa or kb",
	    "tickets complaints sla csat agents revisits qa kb" },
	{ O_AGENT, "agent", 'a', CS_OPT_ARG, "LOGIN", "only this agent's work",
	    "@agents" },
	{ O_TEAM, "team", 't', CS_OPT_ARG, "TEAM", "only this team's work",
	    "@teams" },
	{ O_TYPE, "type", 0, CS_OPT_ARG, "TYPE", "only tickets of this type",
	    "@types" },
	{ O_OUTPUT, "output", 'o', CS_OPT_ARG, "FILE",
	    "write to FILE instead of standard output", "@file" },
	CS_OPT_END
};

static const struct cs_opt scorecard_opts[] = {
	{ O_FROM, "from", 0, CS_OPT_ARG, "DATE", "a custom range from DATE",
	    NULL },
	{ O_TO, "to", 0, CS_OPT_ARG, "DATE", "to DATE (not included)", NULL },
	{ O_AGENT, "agent", 'a', CS_OPT_ARG, "LOGIN", "only this agent",
	    "@agents" },
	{ O_TEAM, "team", 't', CS_OPT_ARG, "TEAM", "only the agents of TEAM",
	    "@teams" },
	{ O_OUTPUT, "output", 'o', CS_OPT_ARG, "FILE",
	    "write to FILE instead of standard output", "@file" },
	CS_OPT_END
};

/* One line of the merged report: this period, the previous, a year ago. */
struct line {
	const struct cs_report_row *r;
	const char *value, *previous, *yoy;
	char change[32], yoy_change[32];
};

static const struct cs_report_row *
match(const struct cs_report *r, const struct cs_report_row *x)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->row[i].metric == x->metric &&
		    r->row[i].section == x->section &&
		    strcmp(r->row[i].key, x->key) == 0)
			return &r->row[i];
	return NULL;
}

/* Change in percent between two figures of two decimals at most. */
static void
change(const char *now, const char *before, char *buf)
{
	long long a, b;

	buf[0] = '\0';
	if (!now || !before || !*now || !*before)
		return;
	a = llround(atof(now) * 100);
	b = llround(atof(before) * 100);
	if (b != 0)
		cs_fmt_ratio(a - b, b, 100, buf);
}

static const char *
other(const struct cs_report *r, const struct cs_report_row *x)
{
	const struct cs_report_row *m = r ? match(r, x) : NULL;
	size_t i;

	if (m)
		return m->value;
	/* a count with no rows then was 0; so was a share of a total that
	 * was not; any other figure undefined */
	for (i = 0; x->share_of && r && i < r->n; i++)
		if (strcmp(r->row[i].section, x->section) == 0 &&
		    strcmp(r->row[i].metric, x->share_of) == 0 &&
		    !*r->row[i].key)
			return r->row[i].value && strcmp(r->row[i].value,
			    "0") != 0 ? "0.00" : NULL;
	return x->count ? "0" : NULL;
}

/* How many lines of r's metric there are already. */
static int
ranked(const struct line *l, size_t m, const struct cs_report_row *r)
{
	size_t k;
	int n = 0;

	for (k = 0; k < m; k++)
		n += l[k].r->section == r->section && l[k].r->metric ==
		    r->metric;
	return n;
}

/* The lines of the period with the figures of the earlier ones; a key
 * only an earlier period has is listed too, unless now_only (a scorecard
 * lists the agents of its own period). */
static struct line *
merge(const struct cs_report *now, const struct cs_report *prev,
    const struct cs_report *yoy, int now_only, size_t *n)
{
	const struct cs_report *sets[3] = { now, prev, yoy };
	struct line *l = NULL, x;
	size_t i, k, m = 0, at;
	int s;

	for (s = 0; s < 3; s++) {
		if (!sets[s])
			continue;
		for (i = 0; i < sets[s]->n; i++) {
			const struct cs_report_row *r = &sets[s]->row[i];

			for (k = 0; k < m; k++)
				if (l[k].r->metric == r->metric &&
				    l[k].r->section == r->section &&
				    strcmp(l[k].r->key, r->key) == 0)
					break;
			if (k < m || (s > 0 && now_only))
				continue;
			/* a ranking lists the first keys of this period only */
			if (r->top && (s > 0 || ranked(l, m, r) >= r->top))
				continue;
			x.r = r;
			x.value = s == 0 ? r->value : other(now, r);
			x.previous = s == 1 ? r->value : other(prev, r);
			x.yoy = !yoy ? NULL : s == 2 ? r->value : other(yoy, r);
			change(x.value, x.previous, x.change);
			change(x.value, x.yoy, x.yoy_change);
			/* A key only an earlier period had goes after the
			 * last line of its metric, else of its section. */
			at = m;
			if (s > 0) {
				for (k = 0; k < m; k++)
					if (l[k].r->section == r->section)
						at = k + 1;
				for (k = 0; k < m; k++)
					if (l[k].r->section == r->section &&
					    l[k].r->metric == r->metric)
						at = k + 1;
			}
			l = cs_xrealloc(l, (m + 1) * sizeof(*l));
			memmove(l + at + 1, l + at, (m - at) * sizeof(*l));
			l[at] = x;
			m++;
		}
	}
	*n = m;
	return l;
}

static const struct cs_col tidy[] = {
	{ "section", "部分", CS_COL_TEXT },
	{ "metric", "指标", CS_COL_TEXT },
	{ "key", "维度", CS_COL_TEXT },
	{ "value", "本期", CS_COL_NUM },
	{ "previous", "上期", CS_COL_NUM },
	{ "change_pct", "环比%", CS_COL_NUM },
	{ "yoy", "去年同期", CS_COL_NUM },
	{ "yoy_change_pct", "同比%", CS_COL_NUM },
};

static int
write_tidy(FILE *fp, enum cs_fmt fmt, struct line *l, size_t n, int yoy)
{
	struct cs_out *o = cs_out_new(fp, fmt, tidy, yoy ? 8 : 6);
	const char *v[8];
	size_t i;

	for (i = 0; i < n; i++) {
		v[0] = l[i].r->section;
		v[1] = l[i].r->metric;
		v[2] = l[i].r->key;
		v[3] = l[i].value;
		v[4] = l[i].previous;
		v[5] = l[i].change[0] ? l[i].change : NULL;
		v[6] = l[i].yoy;
		v[7] = l[i].yoy_change[0] ? l[i].yoy_change : NULL;
		cs_out_row(o, v);
	}
	return cs_out_end(o);
}

/* The key as a person reads it: an article with its title, cut to 24
 * columns ("article=3 退货流程"); the tidy formats keep the id alone. */
static const char *
human_key(const char *key, char *buf, size_t size)
{
	sqlite3_stmt *st;
	const char *t;
	int64_t id;

	if (strncmp(key, "article=", 8) != 0 ||
	    cs_parse_int(key + 8, 1, INT64_MAX, &id) != 0)
		return key;
	st = cs_sql("SELECT title FROM article WHERE id = ?");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW && (t = cs_col_text(st, 0)))
		snprintf(buf, size, "%s %.*s", key, (int)cs_text_fit(t, 24), t);
	else
		snprintf(buf, size, "%s", key);
	sqlite3_reset(st);
	return buf;
}

/* "▲12.50%" or "▼3.00%" for the human formats. */
static const char *
mark(const char *pct, char *buf, size_t size)
{
	if (!pct || !*pct)
		return "";
	if (*pct == '-')
		snprintf(buf, size, "▼%s%%", pct + 1);
	else if (strcmp(pct, "0.00") == 0)
		snprintf(buf, size, "0.00%%");
	else
		snprintf(buf, size, "▲%s%%", pct);
	return buf;
}

/* table and markdown: one small table per section, under its name. */
static int
write_human(FILE *fp, enum cs_fmt fmt, const char *title, struct line *l,
    size_t n, int yoy)
{
	static const struct cs_col cols[] = {
		{ "metric", "指标", CS_COL_TEXT },
		{ "key", "维度", CS_COL_TEXT },
		{ "value", "本期", CS_COL_NUM },
		{ "previous", "上期", CS_COL_NUM },
		{ "change", "环比", CS_COL_NUM },
		{ "yoy", "去年同期", CS_COL_NUM },
		{ "yoy_change", "同比", CS_COL_NUM },
	};
	struct cs_out *o = NULL;
	const char *v[7], *sec = NULL;
	char b1[48], b2[48], kb[160];
	size_t i;
	int rc = 0;

	fprintf(fp, fmt == CS_FMT_MARKDOWN ? "# %s\n" : "%s\n", title);
	for (i = 0; i < n && !rc; i++) {
		if (!sec || strcmp(sec, l[i].r->section) != 0) {
			if (o && (rc = cs_out_end(o)))
				break;
			sec = l[i].r->section;
			fprintf(fp, fmt == CS_FMT_MARKDOWN ? "\n## %s\n\n" :
			    "\n== %s\n", cs_metric_label(sec));
			o = cs_out_new(fp, fmt, cols, yoy ? 7 : 5);
		}
		v[0] = cs_metric_label(l[i].r->metric);
		v[1] = human_key(l[i].r->key, kb, sizeof(kb));
		v[2] = l[i].value;
		v[3] = l[i].previous;
		v[4] = mark(l[i].change, b1, sizeof(b1));
		v[5] = l[i].yoy;
		v[6] = mark(l[i].yoy_change, b2, sizeof(b2));
		cs_out_row(o, v);
	}
	if (o && !rc)
		rc = cs_out_end(o);
	return rc;
}

/* ---- html ----------------------------------------------------------- */

static int
chart(FILE *fp, const char *name, const char *title,
    const struct cs_report_filter *f, const struct cs_period *p)
{
	struct cs_chart *s = cs_chart_new();
	int rc = cs_report_chart(name, f, p, cs_chart_add, s);

	if (!rc)
		cs_chart_svg(fp, title, s);
	cs_chart_free(s);
	return rc;
}

/* The class of a change: green when it is good news for the metric, red
 * when bad, none when the metric is neither better up nor down. */
static const char *
news(const char *metric, const char *change)
{
	int better = cs_metric_better(metric), sign;

	if (!change || !*change || !better || strcmp(change, "0.00") == 0)
		return "";
	sign = change[0] == '-' ? -1 : 1;
	return sign == better ? " good" : " bad";
}

/* The page up to its <h1>, with the style of every report. */
static void
html_head(FILE *fp, const char *title)
{
	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta "
	    "charset=\"utf-8\"><title>", cs_conf.lang_zh ? "zh" : "en");
	cs_html_str(fp, title);
	fprintf(fp, "</title>\n<style>\n"
	    "body{font-family:\"Noto Sans CJK SC\",\"PingFang SC\","
	    "\"Microsoft YaHei\",sans-serif;margin:2em auto;max-width:60em;"
	    "color:#222}\n"
	    "h1{font-size:1.6em;border-bottom:2px solid #3b6fb6}\n"
	    "h2{font-size:1.2em;margin-top:1.6em;color:#3b6fb6}\n"
	    "table{border-collapse:collapse;margin:.5em 0;font-size:.9em}\n"
	    "th,td{border:1px solid #ccc;padding:.25em .6em}\n"
	    "th{background:#eef3fa;text-align:left}\n"
	    "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
	    ".bad{color:#c0504d}.good{color:#4a9a5b}\n"
	    "figure{margin:1em 0}figcaption{font-weight:bold}\n"
	    ".legend span{margin-right:1em}.legend i{display:inline-block;"
	    "width:.8em;height:.8em;margin-right:.3em}\n"
	    ".none{color:#888}.yes{color:#4a9a5b}.no{color:#c0504d}\n"
	    "@media print{body{margin:0}figure,table{page-break-inside:"
	    "avoid}}\n</style></head><body>\n<h1>");
	cs_html_str(fp, title);
	fprintf(fp, "</h1>\n");
}

static int
write_html(FILE *fp, const char *title, struct line *l, size_t n, int yoy,
    const struct cs_report_filter *f, const struct cs_period *p)
{
	static const struct { const char *name, *en, *zh, *section; } charts[] = {
		{ "daily", "Tickets created, by type (a bar a day; a week or "
		    "a month in long periods)", "新建工单（按类型；每日，长周期按周"
		    "或按月）",
		    "tickets" },
		{ "resolution", "Resolution time", "解决时长分布", "tickets" },
		{ "csat", "CSAT scores", "满意度评分", "csat" },
		{ "revisits", "Revisit results", "回访结果", "revisits" },
		{ "agents", "Tickets resolved per agent", "专员解决工单数",
		    "agents" },
	};
	const char *sec = NULL;
	char b1[48], b2[48], kb[160];
	size_t i, k;
	int rc = 0;

	html_head(fp, title);
	for (i = 0; i < n; i++) {
		if (!sec || strcmp(sec, l[i].r->section) != 0) {
			if (sec)
				fprintf(fp, "</table>\n");
			sec = l[i].r->section;
			fprintf(fp, "<h2>");
			cs_html_str(fp, cs_metric_label(sec));
			fprintf(fp, "</h2>\n");
			for (k = 0; k < sizeof(charts) / sizeof(charts[0]); k++)
				if (strcmp(charts[k].section, sec) == 0 &&
				    (rc = chart(fp, charts[k].name,
				    cs_conf.lang_zh ? charts[k].zh :
				    charts[k].en, f, p)))
					return rc;
			fprintf(fp, "<table><tr><th>%s</th><th>%s</th><th>%s"
			    "</th><th>%s</th><th>%s</th>%s</tr>\n",
			    cs_conf.lang_zh ? "指标" : "metric",
			    cs_conf.lang_zh ? "维度" : "key",
			    cs_conf.lang_zh ? "本期" : "value",
			    cs_conf.lang_zh ? "上期" : "previous",
			    cs_conf.lang_zh ? "环比" : "change", yoy ?
			    (cs_conf.lang_zh ? "<th>去年同期</th><th>同比</th>" :
			    "<th>a year ago</th><th>change</th>") : "");
		}
		fprintf(fp, "<tr><td>");
		cs_html_str(fp, cs_metric_label(l[i].r->metric));
		fprintf(fp, "</td><td>");
		cs_html_str(fp, human_key(l[i].r->key, kb, sizeof(kb)));
		fprintf(fp, "</td><td class=\"n\">");
		cs_html_str(fp, l[i].value);
		fprintf(fp, "</td><td class=\"n\">");
		cs_html_str(fp, l[i].previous);
		fprintf(fp, "</td><td class=\"n%s\">%s</td>",
		    news(l[i].r->metric, l[i].change),
		    mark(l[i].change, b1, sizeof(b1)));
		if (yoy) {
			fprintf(fp, "<td class=\"n\">");
			cs_html_str(fp, l[i].yoy);
			fprintf(fp, "</td><td class=\"n%s\">%s</td>",
			    news(l[i].r->metric, l[i].yoy_change),
			    mark(l[i].yoy_change, b2, sizeof(b2)));
		}
		fprintf(fp, "</tr>\n");
	}
	if (sec)
		fprintf(fp, "</table>\n");
	fprintf(fp, "<p class=\"none\">cs-report %s · %s</p>\n</body></html>\n",
	    CS_VERSION, p->name);
	return 0;
}

/* The report words: alone, the last complete period of their kind. */
static const struct {
	const char *word, *alias, *last, *example;
	enum cs_period_kind kind;
} kinds[] = {
	{ "weekly", "week", "last-week", "2026-W47", CS_PERIOD_WEEK },
	{ "monthly", "month", "last-month", "2026-11", CS_PERIOD_MONTH },
	{ "quarterly", "quarter", "last-quarter", "2026-Q4",
	    CS_PERIOD_QUARTER },
	{ "yearly", "year", "last-year", "2026", CS_PERIOD_YEAR },
};

/*
 * The period of the operands, or of --from and --to: 0 or 2. A report
 * word (weekly, month, ...) alone is the last complete period of its
 * kind; before a period (weekly 2026-W47), it is a check of its kind.
 */
static int
period(const struct cs_cmd *cmd, int argc, char **argv, int ind,
    const char *from, const char *to, struct cs_period *p)
{
	const char *w = ind < argc ? argv[ind] : NULL;
	size_t k;
	int rc;

	for (k = 0; w && k < sizeof(kinds) / sizeof(kinds[0]); k++)
		if (strcasecmp(w, kinds[k].word) == 0 ||
		    strcasecmp(w, kinds[k].alias) == 0)
			break;
	if (!w || k == sizeof(kinds) / sizeof(kinds[0]))
		return cs_period_arg(cmd, argc, argv, ind, from, to, p);
	if (from || to)
		return cs_usage(cmd, "%s with --from and --to: give one or the "
		    "other", w);
	if (ind == argc - 1) {
		if (cs_parse_period(kinds[k].last, cs_now(), p) < 0)
			return cs_err(CS_EX_SOFTWARE, "internal error: %s",
			    kinds[k].last);
		return 0;
	}
	if ((rc = cs_period_arg(cmd, argc, argv, ind + 1, NULL, NULL, p)))
		return rc;
	if (p->kind != kinds[k].kind)
		return cs_usage(cmd, "%s: '%s' is no %s (e.g. %s, last-%s)", w,
		    argv[ind + 1], kinds[k].alias, kinds[k].example,
		    kinds[k].alias);
	return 0;
}

/* Opens -o FILE beside itself (FILE.tmp-XXXXXX, renamed by out_close so
 * that a reader never sees half a report) and picks the format: -f, else the
 * file's extension (.html, .md, .json; csv otherwise), else the default. */
static int
out_open(const char *out, FILE **fp, char **tmp, enum cs_fmt *fmt)
{
	size_t len;

	*fp = stdout;
	*tmp = NULL;
	if (out && cs_db_own_file(out))
		return cs_err(CS_EX_USAGE, "-o %s: that is the database: give "
		    "another file", out);
	if (out) {
		/* a name of its own (O_EXCL): never a file that exists,
		 * nor another report's half */
		*tmp = cs_xasprintf("%s.tmp-XXXXXX", out);
		if (!(*fp = cs_tmp_fopen(*tmp)))
			return cs_err(CS_EX_IOERR, "cannot write %s: %s", out,
			    cs_strerror(errno));
	}
	*fmt = out && cs_conf.format < 0 ? CS_FMT_CSV : cs_fmt_default(*fp);
	if (out && cs_conf.format < 0) {
		len = strlen(out);
		if (len > 5 && strcmp(out + len - 5, ".html") == 0)
			*fmt = CS_FMT_HTML;
		else if (len > 3 && strcmp(out + len - 3, ".md") == 0)
			*fmt = CS_FMT_MARKDOWN;
		else if (len > 5 && strcmp(out + len - 5, ".json") == 0)
			*fmt = CS_FMT_JSON;
	}
	return 0;
}

static int
out_close(const char *out, FILE *fp, char *tmp, int rc)
{
	if (out && fp) {
		if (fclose(fp) != 0 && !rc)
			rc = cs_err(CS_EX_IOERR, "cannot write %s", out);
		if (!rc && rename(tmp, out) != 0)
			rc = cs_err(CS_EX_IOERR, "cannot write %s", out);
		if (rc)
			remove(tmp);
	}
	cs_tmp_forget(tmp);
	free(tmp);
	return rc;
}

static int
report(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_report_filter f = { 0 };
	struct cs_report now, prev, ago;
	struct cs_period p, pp, py;
	const char *from = NULL, *to = NULL, *out = NULL;
	struct line *l;
	struct cs_getopt g;
	size_t n;
	char title[160], *tmp = NULL;
	enum cs_fmt fmt;
	FILE *fp = stdout;
	int c, rc, yoy = 0;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		switch (c) {
		case O_FROM: from = g.arg; break;
		case O_TO: to = g.arg; break;
		case O_YOY: yoy = 1; break;
		case O_SECTION: f.section = g.arg; break;
		case O_AGENT: f.agent = g.arg; break;
		case O_TEAM: f.team = g.arg; break;
		case O_TYPE: f.type = g.arg; break;
		case O_OUTPUT: out = g.arg; break;
		}
	if (f.section && !cs_report_section_known(f.section))
		return cs_usage(cmd, "unknown section '%s' (tickets, complaints, "
		    "sla, csat, agents, revisits, qa, kb)", f.section);
	if ((rc = period(cmd, argc, argv, g.ind, from, to, &p)))
		return rc;
	if ((rc = cs_report_filter_check(&f, cmd->name)))
		return rc;
	cs_period_prev(&p, &pp);
	cs_period_year_ago(&p, &py);
	if ((rc = cs_report_compute(&f, &p, &now)))
		return rc;
	cs_report_compute(&f, &pp, &prev);
	if (yoy)
		cs_report_compute(&f, &py, &ago);
	l = merge(&now, &prev, yoy ? &ago : NULL, 0, &n);
	snprintf(title, sizeof(title), "%s %s%s%s%s%s", cs_conf.lang_zh ?
	    "客服运营报告" : "Customer service report", p.name,
	    f.team ? " · " : "", f.team ? f.team : "", f.agent ? " · " : "",
	    f.agent ? f.agent : "");
	if ((rc = out_open(out, &fp, &tmp, &fmt))) {
		fp = NULL;
		goto done;
	}
	if (fmt == CS_FMT_TABLE || fmt == CS_FMT_MARKDOWN)
		rc = write_human(fp, fmt, title, l, n, yoy);
	else if (fmt == CS_FMT_HTML)
		rc = write_html(fp, title, l, n, yoy, &f, &p);
	else
		rc = write_tidy(fp, fmt, l, n, yoy);
done:
	rc = out_close(out, fp, tmp, rc);
	free(l);
	cs_report_free(&now);
	cs_report_free(&prev);
	if (yoy)
		cs_report_free(&ago);
	return rc;
}

/* ---- scorecard ---------------------------------------------------------- */

/* The target of each line and whether the value meets it. */
struct goal {
	char target[32];
	const char *met;
};

static struct goal *
goals(struct line *l, size_t n)
{
	struct goal *g = cs_xcalloc(n ? n : 1, sizeof(*g));
	size_t i;

	for (i = 0; i < n; i++)
		if (strncmp(l[i].r->key, "agent=", 6) == 0 &&
		    cs_target_for(l[i].r->key + 6, l[i].r->metric,
		    g[i].target, sizeof(g[i].target)))
			g[i].met = cs_target_met(l[i].value, g[i].target);
	return g;
}

static int
write_sc_tidy(FILE *fp, enum cs_fmt fmt, struct line *l, size_t n,
    struct goal *g)
{
	static const struct cs_col cols[] = {
		{ "section", "部分", CS_COL_TEXT },
		{ "metric", "指标", CS_COL_TEXT },
		{ "key", "维度", CS_COL_TEXT },
		{ "value", "本期", CS_COL_NUM },
		{ "previous", "上期", CS_COL_NUM },
		{ "change_pct", "环比%", CS_COL_NUM },
		{ "target", "目标", CS_COL_TEXT },
		{ "met", "达标", CS_COL_BOOL },
	};
	struct cs_out *o = cs_out_new(fp, fmt, cols, 8);
	const char *v[8];
	size_t i;

	for (i = 0; i < n; i++) {
		v[0] = l[i].r->section;
		v[1] = l[i].r->metric;
		v[2] = l[i].r->key;
		v[3] = l[i].value;
		v[4] = l[i].previous;
		v[5] = l[i].change[0] ? l[i].change : NULL;
		v[6] = g[i].target[0] ? g[i].target : NULL;
		v[7] = g[i].met;
		cs_out_row(o, v);
	}
	return cs_out_end(o);
}

static const char *
met_word(const char *met)
{
	if (!met)
		return "";
	if (strcmp(met, "yes") == 0)
		return cs_conf.lang_zh ? "达标" : "yes";
	return cs_conf.lang_zh ? "未达标" : "no";
}

/* table and markdown: one small table per agent. */
static int
write_sc_human(FILE *fp, enum cs_fmt fmt, const char *title, struct line *l,
    size_t n, struct goal *g)
{
	static const struct cs_col cols[] = {
		{ "metric", "指标", CS_COL_TEXT },
		{ "value", "本期", CS_COL_NUM },
		{ "previous", "上期", CS_COL_NUM },
		{ "change", "环比", CS_COL_NUM },
		{ "target", "目标", CS_COL_TEXT },
		{ "met", "达标", CS_COL_TEXT },
	};
	struct cs_out *o = NULL;
	const char *v[6], *key = NULL;
	char b1[48];
	size_t i;
	int rc = 0;

	fprintf(fp, fmt == CS_FMT_MARKDOWN ? "# %s\n" : "%s\n", title);
	for (i = 0; i < n && !rc; i++) {
		if (!key || strcmp(key, l[i].r->key) != 0) {
			if (o && (rc = cs_out_end(o)))
				break;
			key = l[i].r->key;
			fprintf(fp, fmt == CS_FMT_MARKDOWN ? "\n## %s\n\n" :
			    "\n== %s\n", key + (strncmp(key, "agent=", 6) ? 0 :
			    6));
			o = cs_out_new(fp, fmt, cols, 6);
		}
		v[0] = cs_metric_label(l[i].r->metric);
		v[1] = l[i].value;
		v[2] = l[i].previous;
		v[3] = mark(l[i].change, b1, sizeof(b1));
		v[4] = g[i].target;
		v[5] = met_word(g[i].met);
		cs_out_row(o, v);
	}
	if (o && !rc)
		rc = cs_out_end(o);
	return rc;
}

static void
sc_chart(FILE *fp, struct line *l, size_t n, const char *metric,
    const char *title)
{
	struct cs_chart *c = cs_chart_new();
	size_t i;
	int any = 0;

	for (i = 0; i < n; i++)
		if (strcmp(l[i].r->metric, metric) == 0 && l[i].value &&
		    *l[i].value) {
			cs_chart_add(c, "", l[i].r->key + 6, atof(l[i].value));
			any = 1;
		}
	if (any)
		cs_chart_svg(fp, title, c);
	cs_chart_free(c);
}

static int
write_sc_html(FILE *fp, const char *title, const struct cs_period *p,
    struct line *l, size_t n, struct goal *g)
{
	const char *key = NULL;
	char b1[48];
	size_t i;

	html_head(fp, title);
	sc_chart(fp, l, n, "resolved", cs_conf.lang_zh ? "专员解决工单数" :
	    "Tickets resolved per agent");
	sc_chart(fp, l, n, "qa_score_mean", cs_conf.lang_zh ? "质检均分" :
	    "QA score mean per agent");
	for (i = 0; i < n; i++) {
		if (!key || strcmp(key, l[i].r->key) != 0) {
			if (key)
				fprintf(fp, "</table>\n");
			key = l[i].r->key;
			fprintf(fp, "<h2>");
			cs_html_str(fp, key + (strncmp(key, "agent=", 6) ? 0 :
			    6));
			fprintf(fp, "</h2>\n<table><tr><th>%s</th><th>%s</th>"
			    "<th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
			    cs_conf.lang_zh ? "指标" : "metric",
			    cs_conf.lang_zh ? "本期" : "value",
			    cs_conf.lang_zh ? "上期" : "previous",
			    cs_conf.lang_zh ? "环比" : "change",
			    cs_conf.lang_zh ? "目标" : "target",
			    cs_conf.lang_zh ? "达标" : "met");
		}
		fprintf(fp, "<tr><td>");
		cs_html_str(fp, cs_metric_label(l[i].r->metric));
		fprintf(fp, "</td><td class=\"n\">");
		cs_html_str(fp, l[i].value);
		fprintf(fp, "</td><td class=\"n\">");
		cs_html_str(fp, l[i].previous);
		fprintf(fp, "</td><td class=\"n\">%s</td><td class=\"n\">",
		    mark(l[i].change, b1, sizeof(b1)));
		cs_html_str(fp, g[i].target);
		fprintf(fp, "</td><td class=\"%s\">%s</td></tr>\n",
		    g[i].met ? g[i].met : "", met_word(g[i].met));
	}
	if (key)
		fprintf(fp, "</table>\n");
	fprintf(fp, "<p class=\"none\">cs-report %s · %s</p>\n</body></html>\n",
	    CS_VERSION, p->name);
	return 0;
}

static int
scorecard(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_report_filter f = { 0 };
	struct cs_report now, prev;
	struct cs_period p, pp;
	const char *from = NULL, *to = NULL, *out = NULL;
	struct goal *gl = NULL;
	struct line *l;
	struct cs_getopt g;
	size_t n;
	char title[160], *tmp = NULL;
	enum cs_fmt fmt;
	FILE *fp = stdout;
	int c, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		switch (c) {
		case O_FROM: from = g.arg; break;
		case O_TO: to = g.arg; break;
		case O_AGENT: f.agent = g.arg; break;
		case O_TEAM: f.team = g.arg; break;
		case O_OUTPUT: out = g.arg; break;
		}
	if ((rc = period(cmd, argc, argv, g.ind, from, to, &p)))
		return rc;
	if ((rc = cs_report_filter_check(&f, cmd->name)))
		return rc;
	cs_period_prev(&p, &pp);
	if ((rc = cs_report_scorecard(&f, &p, &now)))
		return rc;
	cs_report_scorecard(&f, &pp, &prev);
	l = merge(&now, &prev, NULL, 1, &n);
	gl = goals(l, n);
	snprintf(title, sizeof(title), "%s %s%s%s%s%s", cs_conf.lang_zh ?
	    "专员绩效" : "Agent scorecard", p.name, f.team ? " · " : "",
	    f.team ? f.team : "", f.agent ? " · " : "", f.agent ? f.agent : "");
	if ((rc = out_open(out, &fp, &tmp, &fmt))) {
		fp = NULL;
		goto done;
	}
	if (fmt == CS_FMT_TABLE || fmt == CS_FMT_MARKDOWN)
		rc = write_sc_human(fp, fmt, title, l, n, gl);
	else if (fmt == CS_FMT_HTML)
		rc = write_sc_html(fp, title, &p, l, n, gl);
	else
		rc = write_sc_tidy(fp, fmt, l, n, gl);
done:
	rc = out_close(out, fp, tmp, rc);
	free(gl);
	free(l);
	cs_report_free(&now);
	cs_report_free(&prev);
	return rc;
}

static const struct cs_cmd cmds[] = {
	{ "show", report, "PERIOD | --from DATE --to DATE [OPTIONS]",
	    "the report of a period (the command when none is named)",
	    report_opts },
	{ "scorecard", scorecard, "PERIOD | --from DATE --to DATE [OPTIONS]",
	    "each agent's figures against the targets (绩效)",
	    scorecard_opts },
	{ NULL, NULL, NULL, NULL, NULL }
};

/* cs-report PERIOD: the period stands where a subcommand would, so the
 * one command "show" is implied unless the first word is a command. */
int
main(int argc, char **argv)
{
	static const char *const valued[] = { "--db", "-f", "--format",
		"--lang", "--actor", "--now", "-o", "--output", "-s",
		"--section", "-a", "--agent", "-t", "--team", "--type",
		"--from", "--to", NULL };
	char **av;
	int i, k, implied = argc > 1;

	for (i = 1; i < argc; i++) {
		if (argv[i][0] != '-' || strcmp(argv[i], "-") == 0) {
			if (!strcmp(argv[i], "show") || !strcmp(argv[i], "help") ||
			    !strcmp(argv[i], "scorecard") ||
			    !strcmp(argv[i], "__complete"))
				implied = 0;
			break;
		}
		/* before a period, --help lists both commands */
		if (!strcmp(argv[i], "--version") || !strcmp(argv[i], "-V") ||
		    !strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			implied = 0;
		/* an option's value is no command: step over it */
		for (k = 0; valued[k]; k++)
			if (strcmp(argv[i], valued[k]) == 0) {
				i++;
				break;
			}
	}
	if (!implied)
		return cs_main(argc, argv, "Operations reports: weekly, monthly, "
		    "quarterly, yearly or any range.\n'cs-report PERIOD' is "
		    "'cs-report show PERIOD'.", cmds, cs_complete_values);
	av = cs_xcalloc((size_t)argc + 2, sizeof(*av));
	av[0] = argv[0];
	av[1] = "show";
	for (i = 1, k = 2; i < argc; i++)
		av[k++] = argv[i];
	i = cs_main(argc + 1, av, "Operations reports.", cmds,
	    cs_complete_values);
	free(av);
	return i;
}
