/* cs-kb - the knowledge base: articles, review, search */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cs.h"

enum {
	O_TITLE = 256, O_CATEGORY, O_TAGS, O_OWNER, O_BODY, O_BODY_FILE,
	O_NOTE, O_EDITOR, O_VERSION, O_STATUS, O_TAG, O_STALE, O_LIMIT,
	O_ALL, O_REASON, O_HELPFUL, O_UNHELPFUL, O_FROM, O_TO
};

#define FIELD_OPTS \
	{ O_CATEGORY, "category", 'c', CS_OPT_ARG, "CATEGORY", \
	    "category, e.g. 售后", "@kb_categories" }, \
	{ O_TAGS, "tags", 0, CS_OPT_ARG, "LIST", \
	    "tags separated by ';', e.g. 退货;退款", "@kb_tags" }, \
	{ O_OWNER, "owner", 0, CS_OPT_ARG, "LOGIN", \
	    "who maintains it (default: the actor)", "@agents" }, \
	{ O_BODY, "body", 'b', CS_OPT_ARG, "TEXT", "the body, Markdown", \
	    NULL }, \
	{ O_BODY_FILE, "body-file", 0, CS_OPT_ARG, "FILE", \
	    "the body from FILE, - for standard input", "@file" }, \
	{ O_NOTE, "note", 0, CS_OPT_ARG, "TEXT", \
	    "what this version changes", NULL }

static const struct cs_opt add_opts[] = {
	{ O_TITLE, "title", 't', CS_OPT_ARG, "TITLE", "the title (needed)",
	    NULL },
	FIELD_OPTS,
	CS_OPT_END
};

static const struct cs_opt edit_opts[] = {
	{ O_TITLE, "title", 't', CS_OPT_ARG, "TITLE", "a new title", NULL },
	FIELD_OPTS,
	{ O_EDITOR, "editor", 'e', CS_OPT_FLAG, NULL,
	    "edit in $VISUAL or $EDITOR (the default on a terminal)", NULL },
	CS_OPT_END
};

static const struct cs_opt show_opts[] = {
	{ O_VERSION, "version", 0, CS_OPT_ARG, "N",
	    "that version (default: the current one)", NULL },
	CS_OPT_END
};

#define FILTER_OPTS \
	{ O_STATUS, "status", 's', CS_OPT_ARG, "STATUS", \
	    "only draft, review, published or archived", \
	    "draft review published archived" }, \
	{ O_CATEGORY, "category", 'c', CS_OPT_ARG, "CATEGORY", \
	    "only this category", "@kb_categories" }, \
	{ O_TAG, "tag", 0, CS_OPT_ARG, "TAG", "only articles with this tag", \
	    "@kb_tags" }, \
	{ O_OWNER, "owner", 0, CS_OPT_ARG, "LOGIN", "only this owner's", \
	    "@agents" }, \
	{ O_STALE, "stale", 0, CS_OPT_ARG, "AGE", \
	    "only those not updated for AGE: 180d, 26w, 6m, 1y", NULL }

static const struct cs_opt list_opts[] = {
	FILTER_OPTS,
	{ O_LIMIT, "limit", 'n', CS_OPT_ARG, "N", "at most N articles",
	    NULL },
	CS_OPT_END
};

static const struct cs_opt export_opts[] = { FILTER_OPTS, CS_OPT_END };

static const struct cs_opt search_opts[] = {
	{ O_ALL, "all", 'a', CS_OPT_FLAG, NULL,
	    "drafts, articles in review and archived ones too", NULL },
	{ O_CATEGORY, "category", 'c', CS_OPT_ARG, "CATEGORY",
	    "only this category", "@kb_categories" },
	{ O_LIMIT, "limit", 'n', CS_OPT_ARG, "N",
	    "at most N articles (default 20, 0: all)", NULL },
	CS_OPT_END
};

static const struct cs_opt suggest_opts[] = {
	{ O_ALL, "all", 'a', CS_OPT_FLAG, NULL,
	    "drafts, articles in review and archived ones too", NULL },
	{ O_LIMIT, "limit", 'n', CS_OPT_ARG, "N",
	    "at most N articles (default 5)", NULL },
	CS_OPT_END
};

static const struct cs_opt note_opts[] = {
	{ O_NOTE, "note", 0, CS_OPT_ARG, "TEXT", "a note for the history",
	    NULL },
	CS_OPT_END
};

static const struct cs_opt reject_opts[] = {
	{ O_REASON, "reason", 'r', CS_OPT_ARG, "TEXT",
	    "why it goes back to draft (needed)", NULL },
	CS_OPT_END
};

static const struct cs_opt vote_opts[] = {
	{ O_HELPFUL, "helpful", 'y', CS_OPT_FLAG, NULL, "it helped", NULL },
	{ O_UNHELPFUL, "unhelpful", 'N', CS_OPT_FLAG, NULL,
	    "it did not help", NULL },
	CS_OPT_END
};

static const struct cs_opt gaps_opts[] = {
	{ O_FROM, "from", 0, CS_OPT_ARG, "DATE", "a custom range from DATE",
	    NULL },
	{ O_TO, "to", 0, CS_OPT_ARG, "DATE", "to DATE (not included)", NULL },
	CS_OPT_END
};

static const struct cs_opt import_opts[] = { CS_OPTS_IMPORT, CS_OPT_END };
static const struct cs_opt no_opts[] = { CS_OPT_END };

/* Import columns: the fields, and what list and export write besides. */
static const char *const known_cols[] = {
	"title", "category", "tags", "status", "body", "owner", "id",
	"reviewer", "version", "views", "helpful", "unhelpful", "created_at",
	"updated_at", "reviewed_at", "published_at", NULL
};
static const char *const required_cols[] = { "title", NULL };

/* An article id operand; 0 after a usage message. */
static int64_t
article_id(const struct cs_cmd *cmd, const char *s)
{
	int64_t id;

	if (cs_parse_int(s, 1, INT64_MAX, &id)) {
		cs_usage(cmd, "not an article id '%s'", s);
		return 0;
	}
	return id;
}

static long
limit_arg(const struct cs_cmd *cmd, const char *s, int *bad)
{
	int64_t n = 0;

	*bad = cs_parse_int(s, 0, LONG_MAX, &n) != 0;
	if (*bad)
		cs_usage(cmd, "--limit takes a number (%s)", s);
	return n;
}

/* A refused change (rc: -1, or CS_NOT_FOUND for no such article):
 * "cs-kb: edit 42: --tags: ... (a,b)" and 65, or 1. in holds the values
 * given, named in the message as elsewhere; the body is too long to. */
static int
refuse(const struct cs_cmd *cmd, int rc, int64_t id, int field,
    const struct cs_kb_in *in, char *problem)
{
	const char *val = in && field >= 0 && field != CS_KB_BODY ?
	    in->v[field] : NULL;

	if (field >= 0)
		rc = cs_err(cs_refused(rc), "%s%s%.0lld: --%s: %s%s%s%s",
		    cmd->name, id ? " " : "", (long long)id,
		    cs_kb_field[field] ? cs_kb_field[field] : "?", problem ?
		    problem : "refused", val ? " (" : "", val ? val : "",
		    val ? ")" : "");
	else
		rc = cs_err(cs_refused(rc), "%s%s%.0lld: %s", cmd->name,
		    id ? " " : "", (long long)id, problem ? problem :
		    "refused");
	free(problem);
	return rc;
}

static int print_article(int64_t, long, int, int);

/* How long show waits for the write lock to count a view. */
#define VIEW_WAIT_MS 200

/* ---- add, edit --------------------------------------------------------- */

struct fields {
	struct cs_kb_in in;
	const char *body_file;
	int editor;
};

static void
field_opt(struct fields *x, int c, const char *arg)
{
	switch (c) {
	case O_TITLE: x->in.v[CS_KB_TITLE] = arg; break;
	case O_CATEGORY: x->in.v[CS_KB_CATEGORY] = arg; break;
	case O_TAGS: x->in.v[CS_KB_TAGS] = arg; break;
	case O_OWNER: x->in.v[CS_KB_OWNER] = arg; break;
	case O_BODY: x->in.v[CS_KB_BODY] = arg; break;
	case O_BODY_FILE: x->body_file = arg; break;
	case O_NOTE: x->in.note = arg; break;
	case O_EDITOR: x->editor = 1; break;
	}
}

/* Reads --body-file into the fields; *body is the caller's to free. */
static int
read_body(const struct cs_cmd *cmd, struct fields *x, char **body)
{
	int rc = 0;

	*body = NULL;
	if (!x->body_file)
		return 0;
	if (x->in.v[CS_KB_BODY])
		return cs_usage(cmd, "give --body or --body-file, not both");
	if (!(*body = cs_slurp(x->body_file, NULL, &rc)))
		return rc;
	x->in.v[CS_KB_BODY] = *body;
	return 0;
}

/* The new article's id alone, or the object with -f json. */
static int
print_new(int64_t id)
{
	if (cs_conf.format == CS_FMT_JSON || cs_conf.format == CS_FMT_JSONL)
		return print_article(id, 0, CS_FMT_JSONL, 0);
	printf("%lld\n", (long long)id);
	return 0;
}

static int
cmd_add(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct fields x = { { { 0 }, NULL }, NULL, 0 };
	struct cs_getopt g;
	char *body, *problem;
	int64_t id;
	int c, rc, field;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		field_opt(&x, c, g.arg);
	if (g.ind != argc)
		return cs_usage(cmd, "unexpected argument '%s' (the title is "
		    "--title)", argv[g.ind]);
	if (!x.in.v[CS_KB_TITLE])
		return cs_usage(cmd, "give the --title");
	if ((rc = read_body(cmd, &x, &body)))
		return rc;
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin())) {
		free(body);
		return rc;
	}
	rc = cs_kb_add(&x.in, &id, &field, &problem);
	free(body);
	if (rc) {
		cs_rollback();
		return rc < 0 ? refuse(cmd, rc, 0, field, &x.in, problem) : rc;
	}
	if ((rc = cs_commit()))
		return rc;
	return print_new(id);
}

/* Runs $VISUAL or $EDITOR (else vi) on path. Like git, the variable is
 * shell text, so that EDITOR='code --wait' works. */
static int
run_editor(const char *path)
{
	const char *ed = getenv("VISUAL");
	char *script;
	pid_t pid;
	int st;

	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	script = cs_xasprintf("%s \"$1\"", ed);
	fflush(stdout);
	if ((pid = fork()) == -1) {
		free(script);
		return cs_err(CS_EX_SOFTWARE, "cannot start the editor: %s",
		    cs_strerror(errno));
	}
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", script, "sh", path, (char *)NULL);
		_exit(127);
	}
	free(script);
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			return cs_err(CS_EX_SOFTWARE, "editor: %s",
			    cs_strerror(errno));
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return cs_err(CS_EX_FAIL, "the editor failed (status %d): "
		    "nothing changed; the text is kept in %s", WIFEXITED(st) ?
		    WEXITSTATUS(st) : -1, path);
	return 0;
}

/*
 * edit in an editor: the article's Markdown form in a temporary file,
 * read back after the editor. On a problem the file stays, so that no
 * work is lost, and the message names it.
 */
static int
edit_in_editor(const struct cs_cmd *cmd, int64_t id, const char *note)
{
	struct cs_kb_in in = { { 0 }, note };
	const char *cur[CS_KB_NFIELDS] = { 0 };
	char *v[CS_KB_NFIELDS], *doc, *back, *problem, *path, status[16];
	long line[CS_KB_NFIELDS], bad;
	sqlite3_stmt *st;
	FILE *fp;
	int fd, rc, f, field;

	if ((rc = cs_db_open(CS_DB_WRITE, NULL)))
		return rc;
	st = cs_sql("SELECT title, category, tags, status, body FROM article "
	    "WHERE id = ?");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return cs_err(CS_EX_FAIL, "%s %lld: no such article",
		    cmd->name, (long long)id);
	}
	for (f = 0; f < 5; f++)
		cur[f] = cs_col_text(st, f);
	doc = cs_kb_doc_format(cur);
	snprintf(status, sizeof(status), "%s", cur[CS_KB_STATUS]);
	sqlite3_reset(st);
	path = cs_xasprintf("%s/cs-kb-%lld-XXXXXX.md", getenv("TMPDIR") &&
	    *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long long)id);
	if ((fd = mkstemps(path, 3)) == -1 || !(fp = fdopen(fd, "w"))) {
		rc = cs_err(CS_EX_IOERR, "cannot write %s: %s", path,
		    cs_strerror(errno));
		free(doc);
		free(path);
		return rc;
	}
	fputs(doc, fp);
	if (fclose(fp) != 0) {
		rc = cs_err(CS_EX_IOERR, "cannot write %s: %s", path,
		    cs_strerror(errno));
		goto out;
	}
	if ((rc = run_editor(path)) || !(back = cs_slurp(path, NULL, &rc)))
		goto out;
	if (strcmp(back, doc) == 0) {
		free(back);
		cs_warn("%s %lld: nothing changed", cmd->name, (long long)id);
		unlink(path);
		goto out;
	}
	if (cs_kb_doc_parse(back, strlen(back), v, line, &bad, &problem)) {
		rc = cs_err(CS_EX_DATAERR, "%s:%ld: %s: nothing changed; your "
		    "text is kept in %s", path, bad, problem, path);
		free(problem);
		free(back);
		free(doc);
		free(path);
		return rc;
	}
	free(back);
	/* "status:" left empty is the status left out, as in import */
	if (v[CS_KB_STATUS] && *v[CS_KB_STATUS] &&
	    strcmp(v[CS_KB_STATUS], status) != 0) {
		rc = cs_err(CS_EX_DATAERR, "%s:%ld: status: change it with "
		    "submit, approve, reject or archive; nothing changed; your "
		    "text is kept in %s", path, line[CS_KB_STATUS], path);
		goto freev;
	}
	for (f = 0; f < CS_KB_NFIELDS; f++)
		if (f != CS_KB_STATUS && f != CS_KB_OWNER)
			in.v[f] = v[f];
	if ((rc = cs_begin()))
		goto freev;
	rc = cs_kb_edit(id, &in, &field, &problem);
	if (rc < 0 || rc > CS_ROW_UNCHANGED) {
		cs_rollback();
		if (rc < 0)
			rc = cs_err(CS_EX_DATAERR, "%s:%ld: %s: %s; your text is "
			    "kept in %s", path, field >= 0 ? line[field] : 1,
			    field >= 0 ? cs_kb_field[field] : "article",
			    problem, path);
		free(problem);
		goto freev;
	}
	if (rc == CS_ROW_UNCHANGED)
		cs_warn("%s %lld: nothing changed", cmd->name, (long long)id);
	if ((rc = cs_commit()) == 0)
		unlink(path);
freev:
	for (f = 0; f < CS_KB_NFIELDS; f++)
		free(v[f]);
out:
	free(doc);
	free(path);
	return rc;
}

static int
cmd_edit(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct fields x = { { { 0 }, NULL }, NULL, 0 };
	struct cs_getopt g;
	char *body, *problem;
	int64_t id;
	int c, f, rc, field, given = 0;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		field_opt(&x, c, g.arg);
	if (g.ind != argc - 1)
		return cs_usage(cmd, "give one article id");
	if (!(id = article_id(cmd, argv[g.ind])))
		return CS_EX_USAGE;
	for (f = 0; f < CS_KB_NFIELDS; f++)
		given |= x.in.v[f] != NULL;
	given |= x.body_file != NULL;
	if (x.editor && given)
		return cs_usage(cmd, "--editor goes without the field options");
	if (!given) {
		if (!x.editor && !isatty(0))
			return cs_usage(cmd, "give what changes (--title, "
			    "--body-file, ...), or --editor");
		return edit_in_editor(cmd, id, x.in.note);
	}
	if ((rc = read_body(cmd, &x, &body)))
		return rc;
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin())) {
		free(body);
		return rc;
	}
	rc = cs_kb_edit(id, &x.in, &field, &problem);
	free(body);
	if (rc < 0 || rc > CS_ROW_UNCHANGED) {
		cs_rollback();
		return rc < 0 ? refuse(cmd, rc, id, field, &x.in, problem) :
		    rc;
	}
	if (rc == CS_ROW_UNCHANGED)
		cs_warn("%s %lld: nothing changed", cmd->name, (long long)id);
	return cs_commit();
}

/* ---- show, history, diff ----------------------------------------------- */

/*
 * Prints version ver (0: the current) of an article: as text for a person
 * (table, markdown), else one record. views_plus is added to the views
 * shown (the view being counted). 1 when there is no such article or
 * version, else 0 or a status.
 */
static int
print_article(int64_t id, long ver, int fmt, int views_plus)
{
	static const struct cs_col cols[] = {
		{ "id", "编号", CS_COL_NUM },
		{ "title", "标题", CS_COL_TEXT },
		{ "category", "分类", CS_COL_TEXT },
		{ "tags", "标签", CS_COL_TEXT },
		{ "status", "状态", CS_COL_TEXT },
		{ "owner", "负责人", CS_COL_TEXT },
		{ "reviewer", "审核人", CS_COL_TEXT },
		{ "version", "版本", CS_COL_NUM },
		{ "versions", "版本数", CS_COL_NUM },
		{ "views", "浏览", CS_COL_NUM },
		{ "helpful", "有用", CS_COL_NUM },
		{ "unhelpful", "没用", CS_COL_NUM },
		{ "updated_at", "更新时间", CS_COL_TEXT },
		{ "body", "正文", CS_COL_TEXT },
	};
	enum { NC = sizeof(cols) / sizeof(cols[0]) };
	sqlite3_stmt *st;
	struct cs_out *o;
	const char *v[NC];
	char buf[32];
	int i, rc, zh;

	/* no tags are stored as '', shown as null like any empty field */
	st = cs_sql("SELECT a.id, v.title, v.category, nullif(v.tags, ''), "
	    "a.status, a.owner, a.reviewer, v.version, a.version, a.views + ?3,"
	    " a.helpful, a.unhelpful, a.updated_at, v.body FROM article a JOIN "
	    "article_version v ON v.article_id = a.id AND v.version = "
	    "coalesce(?2, a.version) WHERE a.id = ?1");
	sqlite3_bind_int64(st, 1, id);
	if (ver)
		sqlite3_bind_int64(st, 2, ver);
	sqlite3_bind_int(st, 3, views_plus);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return CS_EX_FAIL;
	}
	for (i = 0; i < NC; i++)
		v[i] = i == 12 ? cs_col_time(st, i, buf) : cs_col_text(st, i);
	if (fmt == CS_FMT_TABLE || fmt == CS_FMT_MARKDOWN) {
		/* a person reads an article as text, not as a table; the
		 * labels in Chinese as a table's are (--lang zh) */
		zh = cs_conf.lang_zh;
		printf("# %s\n\n", v[1]);
		printf(zh ? "编号 %s · %s%s%s · %s · 第 %s 版，共 %s 版\n" :
		    "id %s · %s%s%s · %s · version %s of %s\n", v[0],
		    v[2] ? v[2] : zh ? "(无分类)" : "(no category)",
		    v[3] && *v[3] ? " · " : "", v[3] ? v[3] : "", v[4], v[7],
		    v[8]);
		printf(zh ? "负责人 %s%s%s · 浏览 %s · 有用 %s · 没用 %s · "
		    "更新 %s\n" : "owner %s%s%s · views %s · helpful %s · "
		    "unhelpful %s · updated %s\n", v[5], v[6] ? zh ?
		    " · 审核人 " : " · reviewer " : "", v[6] ? v[6] : "", v[9],
		    v[10], v[11], v[12]);
		if (v[13] && *v[13])
			printf("\n%s\n", v[13]);
		rc = 0;
	} else {
		o = cs_out_new(stdout, fmt == CS_FMT_JSON ? CS_FMT_JSONL : fmt,
		    cols, NC);
		cs_out_row(o, v);
		rc = cs_out_end(o);
	}
	sqlite3_reset(st);
	return rc;
}

static int
cmd_show(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_getopt g;
	sqlite3 *db;
	int64_t id, n;
	long ver = 0;
	int c, rc, count;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_VERSION) {
			if (cs_parse_int(g.arg, 1, INT_MAX, &n))
				return cs_usage(cmd, "--version takes a version "
				    "number (%s)", g.arg);
			ver = (long)n;
		}
	if (g.ind != argc - 1)
		return cs_usage(cmd, "give one article id");
	if (!(id = article_id(cmd, argv[g.ind])))
		return CS_EX_USAGE;
	/* Reading needs the file; counting the view, writing it, unless
	 * it is read-only (a copy): then it is shown without counting. */
	if ((rc = cs_db_open(CS_DB_READ, &db)))
		return rc;
	count = !sqlite3_db_readonly(db, "main");
	if (count && (rc = cs_db_open(CS_DB_WRITE, &db)))
		return rc;
	/* A reader does not wait (cs(7)): the view is a count on the side,
	 * so the lock is asked for only briefly, and when another command
	 * holds it longer, the article is shown and the view not counted.
	 * Not cs_begin: a busy lock here is no failure to report. */
	if (count) {
		sqlite3_busy_timeout(db, VIEW_WAIT_MS);
		count = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) ==
		    SQLITE_OK;
	}
	rc = print_article(id, ver, cs_fmt_default(stdout), count);
	if (rc == CS_EX_FAIL) {
		if (count)
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		if (ver && cs_kb_ref(argv[g.ind]))
			return cs_err(CS_EX_FAIL, "%s %lld: no version %ld",
			    cmd->name, (long long)id, ver);
		return cs_err(CS_EX_FAIL, "%s %lld: no such article", cmd->name,
		    (long long)id);
	}
	if (!count)
		return rc;
	/* a view is counted once the article was shown */
	if (!rc && !(rc = cs_kb_viewed(id))) {
		if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
			return 0;
		rc = cs_db_fail("show: counting the view");
	}
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static int
cmd_history(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "at", "时间", CS_COL_TEXT },
		{ "actor", "操作人", CS_COL_TEXT },
		{ "what", "变更", CS_COL_TEXT },
		{ "from", "原值", CS_COL_TEXT },
		{ "to", "新值", CS_COL_TEXT },
		{ "note", "备注", CS_COL_TEXT },
	};
	struct cs_getopt g;
	sqlite3_stmt *st;
	struct cs_out *o;
	const char *v[6];
	char buf[32];
	int64_t id;
	int i, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while (cs_getopt(&g) != -1)
		;
	if (g.ind != argc - 1)
		return cs_usage(cmd, "give one article id");
	if (!(id = article_id(cmd, argv[g.ind])))
		return CS_EX_USAGE;
	if ((rc = cs_db_open(CS_DB_READ, NULL)))
		return rc;
	if (!cs_kb_ref(argv[g.ind]))
		return cs_err(CS_EX_FAIL, "%s %lld: no such article", cmd->name,
		    (long long)id);
	/* Oldest first, and in one second in the order of the change log,
	 * which logs versions too. A version written before it did has no
	 * row there: it comes from article_version, first in its second. */
	st = cs_sql("SELECT at, actor, field, old_value, new_value, note, 1 AS "
	    "k, id FROM change_log WHERE entity = 'article' AND entity_id = ?1 "
	    "AND field IN ('version', 'status', 'owner') UNION ALL SELECT at, "
	    "actor, 'version', nullif(version - 1, 0), version, note, 0, 0 "
	    "FROM article_version v WHERE article_id = ?1 AND NOT EXISTS (SELECT 1 "
	    "FROM change_log c WHERE c.entity = 'article' AND c.entity_id = ?1 "
	    "AND c.field = 'version' AND c.new_value = CAST(v.version AS TEXT))"
	    " ORDER BY 1, 7, 8, 5");
	sqlite3_bind_int64(st, 1, id);
	o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 6);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v[0] = cs_fmt_time(sqlite3_column_int64(st, 0), buf);
		for (i = 1; i < 6; i++)
			v[i] = cs_col_text(st, i);
		cs_out_row(o, v);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		cs_out_end(o);
		return cs_db_fail("history");
	}
	return cs_out_end(o);
}

/* Lines of s (borrowed, cut in place). */
struct lines {
	char **l;
	size_t n;
};

static void
split_lines(char *s, struct lines *ls)
{
	char *p;

	ls->l = NULL;
	ls->n = 0;
	if (!*s)
		return;
	for (p = s;;) {
		ls->l = cs_xrealloc(ls->l, (ls->n + 1) * sizeof(*ls->l));
		ls->l[ls->n++] = p;
		if (!(p = strchr(p, '\n')))
			break;
		*p++ = '\0';
		if (!*p)
			break;
	}
}

/* A unified diff (three lines of context) of a and b. */
static void
udiff(const struct lines *a, const struct lines *b)
{
	size_t n = a->n, m = b->n, i, j, k, c, ne = 0, s, e = 0, x, last;
	size_t la, lb;
	unsigned *dp;
	struct ed {
		char op;
		size_t i, j;
	} *ed;

	/* lcs[i][j] of the suffixes a[i..] and b[j..] */
	dp = cs_xcalloc((n + 1) * (m + 1), sizeof(*dp));
#define LCS(i, j) dp[(i) * (m + 1) + (j)]
	for (i = n; i-- > 0;)
		for (j = m; j-- > 0;)
			LCS(i, j) = strcmp(a->l[i], b->l[j]) == 0 ?
			    LCS(i + 1, j + 1) + 1 : LCS(i + 1, j) > LCS(i, j + 1) ?
			    LCS(i + 1, j) : LCS(i, j + 1);
	ed = cs_xcalloc(n + m + 1, sizeof(*ed));
	for (i = 0, j = 0; i < n || j < m;) {
		if (i < n && j < m && strcmp(a->l[i], b->l[j]) == 0)
			ed[ne++] = (struct ed){ ' ', i++, j++ };
		else if (i < n && (j == m || LCS(i + 1, j) >= LCS(i, j + 1)))
			ed[ne++] = (struct ed){ '-', i++, j };
		else
			ed[ne++] = (struct ed){ '+', i, j++ };
	}
#undef LCS
	free(dp);
	for (k = 0; k < ne; k = e) {
		for (c = k; c < ne && ed[c].op == ' '; c++)
			;
		if (c == ne)
			break;
		/* three lines of context around the changes; changes at most
		 * six lines apart share a hunk */
		s = c >= k + 3 ? c - 3 : k;
		for (last = c, x = c + 1; x < ne && x - last <= 7; x++)
			if (ed[x].op != ' ')
				last = x;
		e = last + 4 < ne ? last + 4 : ne;
		la = lb = 0;
		for (x = s; x < e; x++) {
			la += ed[x].op != '+';
			lb += ed[x].op != '-';
		}
		printf("@@ -%zu,%zu +%zu,%zu @@\n", la ? ed[s].i + 1 : ed[s].i,
		    la, lb ? ed[s].j + 1 : ed[s].j, lb);
		for (x = s; x < e; x++)
			printf("%c%s\n", ed[x].op, ed[x].op == '+' ?
			    b->l[ed[x].j] : a->l[ed[x].i]);
	}
	free(ed);
}

/* Version ver of article id in its Markdown form (no status); NULL when
 * there is no such version. */
static char *
version_doc(int64_t id, long ver)
{
	sqlite3_stmt *st = cs_sql("SELECT title, category, tags, body FROM "
	    "article_version WHERE article_id = ? AND version = ?");
	const char *v[CS_KB_NFIELDS] = { 0 };
	char *doc = NULL;

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, ver);
	if (sqlite3_step(st) == SQLITE_ROW) {
		v[CS_KB_TITLE] = cs_col_text(st, 0);
		v[CS_KB_CATEGORY] = cs_col_text(st, 1);
		v[CS_KB_TAGS] = cs_col_text(st, 2);
		v[CS_KB_BODY] = cs_col_text(st, 3);
		doc = cs_kb_doc_format(v);
	}
	sqlite3_reset(st);
	return doc;
}

static int
cmd_diff(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_getopt g;
	struct lines la, lb;
	char *da, *db;
	long v[2];
	int64_t id, n;
	int i, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while (cs_getopt(&g) != -1)
		;
	if (argc - g.ind != 3)
		return cs_usage(cmd, "give an article id and two versions");
	if (!(id = article_id(cmd, argv[g.ind])))
		return CS_EX_USAGE;
	for (i = 0; i < 2; i++) {
		if (cs_parse_int(argv[g.ind + 1 + i], 1, INT_MAX, &n))
			return cs_usage(cmd, "not a version '%s'",
			    argv[g.ind + 1 + i]);
		v[i] = (long)n;
	}
	if ((rc = cs_db_open(CS_DB_READ, NULL)))
		return rc;
	if (!cs_kb_ref(argv[g.ind]))
		return cs_err(CS_EX_FAIL, "%s %lld: no such article", cmd->name,
		    (long long)id);
	da = version_doc(id, v[0]);
	db = da ? version_doc(id, v[1]) : NULL;
	if (!da || !db) {
		free(da);
		return cs_err(CS_EX_FAIL, "%s %lld: no version %ld", cmd->name,
		    (long long)id, da ? v[1] : v[0]);
	}
	printf("--- article %lld version %ld\n+++ article %lld version %ld\n",
	    (long long)id, v[0], (long long)id, v[1]);
	split_lines(da, &la);
	split_lines(db, &lb);
	udiff(&la, &lb);
	free(la.l);
	free(lb.l);
	free(da);
	free(db);
	return 0;
}

/* ---- list, export ------------------------------------------------------ */

struct filter {
	const char *status, *category, *tag, *owner;
	int64_t stale_before;	/* 0: none */
	long limit;		/* -1: none */
};

/*
 * The instant an age such as 180d, 26w, 6m or 1y ago: N days, weeks,
 * months or years, the months and years as in dates (+1m is a month,
 * not a minute as in durations, which an age of articles never is).
 * 0, or -1 when s is no such age.
 */
static int
stale_before(const char *s, int64_t *out)
{
	char *h = cs_text_halfwidth(s), *rel;
	const char *p = h ? h : s;
	size_t n = strspn(p, "0123456789");
	int64_t now = cs_now(), day;
	int rc = -1;

	if (n > 0 && n <= 6 && p[n] && strchr("dwmy", p[n]) && !p[n + 1] &&
	    strspn(p, "0") < n) {
		rel = cs_xasprintf("-%s", p);
		/* the same time of day by the clock, that many days or
		 * months ago (across a change of summer time too) */
		if (cs_parse_date(rel, now, &day) == 0) {
			*out = cs_day_at(day, now);
			rc = 0;
		}
		free(rel);
	}
	free(h);
	return rc;
}

static int
filter_opt(const struct cs_cmd *cmd, struct filter *f, int c,
    const char *arg)
{
	int bad;

	switch (c) {
	case O_STATUS:
		if (!cs_word_in(arg, cs_kb_statuses))
			return cs_usage(cmd, "not a status '%s' (draft, review, "
			    "published, archived)", arg);
		f->status = arg;
		break;
	case O_CATEGORY: f->category = arg; break;
	case O_TAG: f->tag = arg; break;
	case O_OWNER: f->owner = arg; break;
	case O_STALE:
		if (stale_before(arg, &f->stale_before) < 0)
			return cs_usage(cmd, "--stale takes an age in days, "
			    "weeks, months or years such as 180d, 26w, 6m or "
			    "1y (%s)", arg);
		break;
	case O_LIMIT:
		f->limit = limit_arg(cmd, arg, &bad);
		if (bad)
			return CS_EX_USAGE;
		break;
	}
	return 0;
}

static sqlite3_stmt *
filtered(const struct filter *f)
{
	sqlite3_stmt *st = cs_sql("SELECT id, title, category, nullif(tags, "
	    "''), status, owner, version, views, helpful, unhelpful, updated_at,"
	    " body FROM article WHERE (?1 IS NULL OR status = ?1) AND (?2 IS "
	    "NULL OR category = ?2) AND (?3 IS NULL OR instr(';' || tags || "
	    "';', ';' || ?3 || ';') > 0) AND (?4 IS NULL OR owner = ?4) AND (?5 IS "
	    "NULL OR updated_at < ?5) ORDER BY id LIMIT ?6");

	cs_bind_text(st, 1, f->status, 1);
	cs_bind_text(st, 2, f->category, 1);
	cs_bind_text(st, 3, f->tag, 1);
	cs_bind_text(st, 4, f->owner, 1);
	if (f->stale_before)
		sqlite3_bind_int64(st, 5, f->stale_before);
	sqlite3_bind_int64(st, 6, f->limit);
	return st;
}

static int
cmd_list(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "id", "编号", CS_COL_NUM },
		{ "title", "标题", CS_COL_TEXT },
		{ "category", "分类", CS_COL_TEXT },
		{ "tags", "标签", CS_COL_TEXT },
		{ "status", "状态", CS_COL_TEXT },
		{ "owner", "负责人", CS_COL_TEXT },
		{ "version", "版本", CS_COL_NUM },
		{ "views", "浏览", CS_COL_NUM },
		{ "helpful", "有用", CS_COL_NUM },
		{ "unhelpful", "没用", CS_COL_NUM },
		{ "updated_at", "更新时间", CS_COL_TEXT },
	};
	struct filter f = { NULL, NULL, NULL, NULL, 0, -1 };
	struct cs_getopt g;
	sqlite3_stmt *st;
	struct cs_out *o;
	const char *v[11];
	char buf[32];
	int c, i, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if ((rc = filter_opt(cmd, &f, c, g.arg)))
			return rc;
	if (g.ind != argc)
		return cs_usage(cmd, "unexpected argument '%s'", argv[g.ind]);
	if ((rc = cs_db_open(CS_DB_READ, NULL)))
		return rc;
	st = filtered(&f);
	o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 11);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < 10; i++)
			v[i] = cs_col_text(st, i);
		v[10] = cs_col_time(st, 10, buf);
		cs_out_row(o, v);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		cs_out_end(o);
		return cs_db_fail("list");
	}
	return cs_out_end(o);
}

/* A file name for a title: what file systems and other people's machines
 * refuse becomes '_'; at most about 120 bytes. Caller frees. */
static char *
file_name(const char *title)
{
	struct cs_buf b = { 0 };
	const unsigned char *p;

	for (p = (const unsigned char *)title; *p && b.len < 120; p++) {
		if (*p < 0x20 || strchr("/\\:*?\"<>|", *p))
			cs_buf_addc(&b, '_');
		else if (*p == '.' && b.len == 0)
			cs_buf_addc(&b, '_');
		else
			cs_buf_addc(&b, (char)*p);
	}
	while (b.len > 0 && ((unsigned char)b.s[b.len - 1] & 0xc0) == 0x80 &&
	    *p)
		b.len--;	/* cut inside a character: drop it whole */
	if (b.len > 0 && *p && ((unsigned char)b.s[b.len - 1] & 0xc0) == 0xc0)
		b.len--;
	while (b.len > 0 && (b.s[b.len - 1] == ' ' || b.s[b.len - 1] == '.'))
		b.len--;
	if (b.len == 0)
		cs_buf_adds(&b, "article");
	b.s[b.len] = '\0';
	return b.s;
}

static int
write_file(const char *path, const char *s)
{
	FILE *fp = fopen(path, "w");

	if (!fp || fputs(s, fp) == EOF || fclose(fp) != 0) {
		if (fp)
			fclose(fp);
		return cs_err(CS_EX_IOERR, "cannot write %s: %s", path,
		    cs_strerror(errno));
	}
	return 0;
}

/* mkdir -p dir; 0, or -1 with errno. */
static int
make_dirs(const char *dir)
{
	char *d = cs_xstrdup(dir), *p;
	struct stat sb;
	int rc = 0;

	for (p = d + 1; !rc && (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (stat(d, &sb) == -1 && mkdir(d, 0777) == -1 &&
		    errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	if (!rc && stat(d, &sb) == -1 && mkdir(d, 0777) == -1 &&
	    errno != EEXIST)
		rc = -1;
	free(d);
	return rc;
}

/*
 * One Markdown file per article, named after its title. Titles that make
 * one name (a/b and a_b) get NAME.md, NAME-2.md, ... in the order written
 * (by id): import reads NAME.md before NAME-2.md before NAME-10.md, so that
 * a folder imported into an empty database exports again as the same
 * files.
 */
static int
export_dir(const struct filter *f, const char *dir)
{
	struct cs_map *used = cs_map_new();
	const char *v[CS_KB_NFIELDS] = { 0 };
	struct stat sb;
	sqlite3_stmt *st;
	char *name, *path, *doc, *again;
	long n = 0, k;
	int rc = 0, step;

	if (stat(dir, &sb) == -1 && (make_dirs(dir) == -1 || stat(dir, &sb)
	    == -1)) {
		cs_map_free(used);
		return cs_err(CS_EX_IOERR, "cannot create folder %s: %s", dir,
		    cs_strerror(errno));
	}
	if (!S_ISDIR(sb.st_mode)) {
		cs_map_free(used);
		return cs_err(CS_EX_IOERR, "%s is no folder", dir);
	}
	st = filtered(f);
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		v[CS_KB_TITLE] = cs_col_text(st, 1);
		v[CS_KB_CATEGORY] = cs_col_text(st, 2);
		v[CS_KB_TAGS] = cs_col_text(st, 3);
		v[CS_KB_STATUS] = cs_col_text(st, 4);
		v[CS_KB_BODY] = cs_col_text(st, 11);
		name = file_name(v[CS_KB_TITLE]);
		for (k = 2, again = NULL; !cs_map_put(used, again ? again :
		    name, 0, NULL); k++) {
			free(again);
			again = cs_xasprintf("%s-%ld", name, k);
		}
		if (again) {
			free(name);
			name = again;
		}
		path = cs_xasprintf("%s/%s.md", dir, name);
		doc = cs_kb_doc_format(v);
		rc = write_file(path, doc);
		free(doc);
		free(path);
		free(name);
		n++;
	}
	if (!rc && step != SQLITE_DONE)
		rc = cs_db_fail("export");
	sqlite3_reset(st);
	cs_map_free(used);
	if (!rc)
		cs_warn("export: %ld article%s written to %s", n, n == 1 ? "" :
		    "s", dir);
	return rc;
}

static int
cmd_export(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "id", "编号", CS_COL_NUM },
		{ "title", "标题", CS_COL_TEXT },
		{ "category", "分类", CS_COL_TEXT },
		{ "tags", "标签", CS_COL_TEXT },
		{ "status", "状态", CS_COL_TEXT },
		{ "owner", "负责人", CS_COL_TEXT },
		{ "version", "版本", CS_COL_NUM },
		{ "updated_at", "更新时间", CS_COL_TEXT },
		{ "body", "正文", CS_COL_TEXT },
	};
	struct filter f = { NULL, NULL, NULL, NULL, 0, -1 };
	struct cs_getopt g;
	sqlite3_stmt *st;
	struct cs_out *o;
	const char *v[9];
	char buf[32];
	int c, i, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if ((rc = filter_opt(cmd, &f, c, g.arg)))
			return rc;
	if (argc - g.ind > 1)
		return cs_usage(cmd, "give at most one FOLDER");
	if ((rc = cs_db_open(CS_DB_READ, NULL)))
		return rc;
	if (argc - g.ind == 1)
		return export_dir(&f, argv[g.ind]);
	st = filtered(&f);
	o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 9);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < 7; i++)
			v[i] = cs_col_text(st, i);
		v[7] = cs_col_time(st, 10, buf);
		v[8] = cs_col_text(st, 11);
		cs_out_row(o, v);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		cs_out_end(o);
		return cs_db_fail("export");
	}
	return cs_out_end(o);
}

/* ---- import ------------------------------------------------------------ */

/* A folder of Markdown files as a record source for cs_import_run. */
struct mdsrc {
	char *dir;			/* NULL: files are paths */
	char **files;
	size_t nfiles, at;
	char *path;			/* the current file */
	char *v[CS_KB_NFIELDS];
	long line[CS_KB_NFIELDS];
	char *error;			/* its problem, or NULL */
	const char *names[CS_KB_NFIELDS];
	const char *values[CS_KB_NFIELDS];
	struct cs_record rec;
};

/* The length of NAME in a file name NAME-K.md (K from 2, no leading 0)
 * with *k = K, else of the name without .md with *k = 0. */
static size_t
name_split(const char *s, long *k)
{
	size_t n = strlen(s) - 3, i = n;

	*k = 0;
	while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
		i--;
	if (i < n && i > 1 && s[i - 1] == '-' && s[i] != '0' && n - i < 9) {
		*k = strtol(s + i, NULL, 10);
		if (*k >= 2)
			return i - 1;
	}
	*k = 0;
	return n;
}

/* Export's order: NAME.md, then NAME-2.md, NAME-3.md, ..., NAME-10.md,
 * names alike by bytes, whatever sorts between them ('-' before '.'). */
static int
name_cmp(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	size_t nx, ny;
	long kx, ky;
	int c;

	nx = name_split(x, &kx);
	ny = name_split(y, &ky);
	if ((c = memcmp(x, y, nx < ny ? nx : ny)) != 0)
		return c;
	if (nx != ny)
		return nx < ny ? -1 : 1;
	if (kx != ky)
		return kx < ky ? -1 : 1;
	return strcmp(x, y);
}

static int
md_open(struct mdsrc *md, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t len;

	memset(md, 0, sizeof(*md));
	if (!d)
		return cs_err(errno == ENOENT ? CS_EX_NOINPUT : CS_EX_IOERR,
		    "%s: %s", dir, cs_strerror(errno));
	md->dir = cs_xstrdup(dir);
	while ((e = readdir(d))) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 4 ||
		    strcmp(e->d_name + len - 3, ".md") != 0)
			continue;
		md->files = cs_xrealloc(md->files, (md->nfiles + 1) *
		    sizeof(*md->files));
		md->files[md->nfiles++] = cs_xstrdup(e->d_name);
	}
	closedir(d);
	/* in name order, so that two runs do the same, and in the order
	 * of export where names collide */
	if (md->nfiles > 1)
		qsort(md->files, md->nfiles, sizeof(*md->files),
		    name_cmp);
	return 0;
}

/* One Markdown file as a folder of one, named as given. */
static void
md_open_file(struct mdsrc *md, const char *path)
{
	memset(md, 0, sizeof(*md));
	md->files = cs_xcalloc(1, sizeof(*md->files));
	md->files[0] = cs_xstrdup(path);
	md->nfiles = 1;
}

static void
md_clear(struct mdsrc *md)
{
	int f;

	for (f = 0; f < CS_KB_NFIELDS; f++) {
		free(md->v[f]);
		md->v[f] = NULL;
	}
	free(md->error);
	md->error = NULL;
	free(md->path);
	md->path = NULL;
}

static void
md_close(struct mdsrc *md)
{
	size_t i;

	md_clear(md);
	for (i = 0; i < md->nfiles; i++)
		free(md->files[i]);
	free(md->files);
	free(md->dir);
}

static int
md_next(void *src, const struct cs_record **rec)
{
	struct mdsrc *md = src;
	char *text, *utf8;
	size_t len;
	long bad;
	int f, rc = 0;

	md_clear(md);
	if (md->at == md->nfiles)
		return -1;
	md->path = md->dir ? cs_xasprintf("%s/%s", md->dir,
	    md->files[md->at]) : cs_xstrdup(md->files[md->at]);
	md->at++;
	if (!(text = cs_slurp(md->path, &len, &rc)))
		return rc;
	memset(&md->rec, 0, sizeof(md->rec));
	md->rec.file = md->path;
	md->rec.line = 1;
	md->rec.names = md->names;
	md->rec.values = md->values;
	/* a file written on Chinese Windows, with --encoding gbk */
	if ((rc = cs_decode(cs_conf.encoding, text, len, &utf8, &bad,
	    &md->error)) > 0) {
		free(text);
		return rc;
	}
	if (utf8) {
		free(text);
		len = strlen(utf8);
		text = utf8;
	}
	if (rc < 0) {
		md->rec.line = bad;
	} else if (cs_kb_doc_parse(text, len, md->v, md->line, &bad,
	    &md->error)) {
		md->rec.line = bad;
	} else {
		for (f = 0; f < CS_KB_NFIELDS; f++)
			if (md->v[f]) {
				md->names[md->rec.n] = cs_kb_field[f];
				md->values[md->rec.n++] = md->v[f];
			}
	}
	free(text);
	*rec = &md->rec;
	return 0;
}

static int
import_row(void *ctx, const struct cs_record *rec, char **err)
{
	struct mdsrc *md = ctx;
	struct cs_kb_in in = { { 0 }, "import" };
	struct cs_record at;
	char *problem;
	int f, rc, field;

	if (md && md->error) {
		*err = cs_record_msg(rec, NULL, NULL, "%s", md->error);
		return -1;
	}
	for (f = 0; f < CS_KB_NFIELDS; f++)
		in.v[f] = cs_record_get(rec, cs_kb_field[f]);
	rc = cs_kb_put(&in, &field, &problem);
	if (rc < 0) {
		at = *rec;
		if (md && field >= 0 && md->line[field])
			at.line = md->line[field];
		*err = cs_record_msg(&at, field >= 0 ? cs_kb_field[field] :
		    NULL, field >= 0 && field != CS_KB_BODY ? in.v[field] :
		    NULL, "%s", problem);
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
	struct mdsrc md;
	struct stat sb;
	size_t len;
	int rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while (cs_getopt(&g) != -1)
		;
	im.what = "articles";
	im.spec = &spec;
	im.row = import_row;
	len = g.ind == argc - 1 ? strlen(argv[g.ind]) : 0;
	if (len && strcmp(argv[g.ind], "-") != 0 &&
	    stat(argv[g.ind], &sb) == 0 && (S_ISDIR(sb.st_mode) ||
	    (len > 3 && strcmp(argv[g.ind] + len - 3, ".md") == 0))) {
		/* an unknown --encoding is told before the database opens */
		if ((rc = cs_encoding_check(cs_conf.encoding)))
			return rc;
		if (!S_ISDIR(sb.st_mode))
			md_open_file(&md, argv[g.ind]);
		else if ((rc = md_open(&md, argv[g.ind])))
			return rc;
		im.next = md_next;
		im.src = &md;
		im.ctx = &md;
		rc = cs_import_main(cmd, argc, argv, g.ind, &im);
		md_close(&md);
		return rc;
	}
	return cs_import_main(cmd, argc, argv, g.ind, &im);
}

/* ---- the lifecycle, votes ---------------------------------------------- */

/* Runs one action on each article operand, in one transaction. */
static int
lifecycle(const struct cs_cmd *cmd, int argc, char **argv)
{
	const char *note = NULL, *action;
	struct cs_getopt g;
	char *problem;
	int64_t id;
	int c, i, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_NOTE || c == O_REASON)
			note = g.arg;
	if (g.ind >= argc)
		return cs_usage(cmd, "give an article id");
	for (i = g.ind; i < argc; i++)
		if (!article_id(cmd, argv[i]))
			return CS_EX_USAGE;
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin()))
		return rc;
	/* the spec's words for the moves: review is submit, publish is
	 * approve */
	action = strcmp(cmd->name, "review") == 0 ? "submit" :
	    strcmp(cmd->name, "publish") == 0 ? "approve" : cmd->name;
	for (i = g.ind; i < argc; i++) {
		id = article_id(cmd, argv[i]);
		if ((rc = cs_kb_move(id, action, note, &problem))) {
			cs_rollback();
			return rc < 0 ? refuse(cmd, rc, id, -1, NULL, problem) :
			    rc;
		}
	}
	return cs_commit();
}

static int
cmd_vote(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_getopt g;
	char *problem;
	int64_t id;
	int c, rc, helpful = -1;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1) {
		if (helpful >= 0 && helpful != (c == O_HELPFUL))
			return cs_usage(cmd, "--helpful or --unhelpful, not "
			    "both");
		helpful = c == O_HELPFUL;
	}
	if (helpful < 0)
		return cs_usage(cmd, "give --helpful or --unhelpful");
	if (g.ind != argc - 1)
		return cs_usage(cmd, "give one article id");
	if (!(id = article_id(cmd, argv[g.ind])))
		return CS_EX_USAGE;
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin()))
		return rc;
	rc = cs_kb_vote(id, helpful, &problem);
	if (rc < 0 || rc > CS_ROW_UNCHANGED) {
		cs_rollback();
		return rc < 0 ? refuse(cmd, rc, id, -1, NULL, problem) : rc;
	}
	return cs_commit();
}

/* ---- search, suggest, gaps ---------------------------------------------- */

static int
print_hits(const struct cs_kbq *q, int all, const char *category,
    long limit, int snippet)
{
	static const struct cs_col cols[] = {
		{ "id", "编号", CS_COL_NUM },
		{ "title", "标题", CS_COL_TEXT },
		{ "category", "分类", CS_COL_TEXT },
		{ "status", "状态", CS_COL_TEXT },
		{ "score", "得分", CS_COL_NUM },
		{ "snippet", "摘要", CS_COL_MARKED },
	};
	sqlite3_stmt *st;
	struct cs_out *o;
	const char *v[6];
	char score[32], *snip = NULL;
	double best = 0, s;
	long n = 0;
	int rc;

	if ((rc = cs_kb_search(q, all, category, limit, &st)))
		return rc;
	o = cs_out_new(stdout, cs_fmt_default(stdout), cols, snippet ? 6 : 5);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v[0] = cs_col_text(st, 0);
		v[1] = cs_col_text(st, 1);
		v[2] = cs_col_text(st, 2);
		v[3] = cs_col_text(st, 3);
		/* BM25 over a few articles, or of a word most of them
		 * have, is near 0 however good the hit: the score is shown
		 * against the best hit's, which comes first, as 100 */
		s = sqlite3_column_double(st, 4);
		if (n == 0)
			best = s > 0 ? s : 1;
		snprintf(score, sizeof(score), "%.2f", s > 0 ? 100 * s / best :
		    0.0);
		v[4] = score;
		if (snippet) {
			snip = cs_kbq_mark(q, cs_col_text(st, 5), 60, CS_MARK_ON_S,
			    CS_MARK_OFF_S);
			/* a hit in the title alone: the title, marked */
			if (!snip || !strstr(snip, CS_MARK_ON_S)) {
				free(snip);
				snip = cs_kbq_mark(q, v[1], 60, CS_MARK_ON_S,
				    CS_MARK_OFF_S);
			}
			v[5] = snip;
		}
		cs_out_row(o, v);
		free(snip);
		snip = NULL;
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		cs_out_end(o);
		/* the expression is ours and always well formed; still, no
		 * SQL message for a person who typed a search */
		return cs_err(CS_EX_SOFTWARE, "search: the index failed on "
		    "%s: %s", q->match, sqlite3_errmsg(sqlite3_db_handle(st)));
	}
	if ((rc = cs_out_end(o)))
		return rc;
	return n ? 0 : CS_EX_FAIL;
}

static int
cmd_search(const struct cs_cmd *cmd, int argc, char **argv)
{
	const char *category = NULL;
	struct cs_buf words = { 0 };
	struct cs_getopt g;
	struct cs_kbq q;
	long limit = 20;
	int c, i, rc, all = 0, bad;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		switch (c) {
		case O_ALL: all = 1; break;
		case O_CATEGORY: category = g.arg; break;
		case O_LIMIT:
			limit = limit_arg(cmd, g.arg, &bad);
			if (bad)
				return CS_EX_USAGE;
			if (limit == 0)
				limit = -1;
			break;
		}
	if (g.ind >= argc)
		return cs_usage(cmd, "give the words to search for");
	for (i = g.ind; i < argc; i++)
		cs_buf_addf(&words, "%s%s", i > g.ind ? " " : "", argv[i]);
	if (!cs_kbq_parse(&q, words.s, 0)) {
		rc = cs_usage(cmd, "nothing to search for in '%s': give words "
		    "or Chinese characters", words.s);
		cs_kbq_free(&q);
		cs_buf_free(&words);
		return rc;
	}
	if ((rc = cs_db_open(CS_DB_READ, NULL)) == 0) {
		rc = print_hits(&q, all, category, limit, 1);
		if (rc == CS_EX_FAIL)
			cs_warn("search: no %sarticle matches '%s'", all ? "" :
			    "published ", words.s);
	}
	cs_kbq_free(&q);
	cs_buf_free(&words);
	return rc;
}

static int
cmd_suggest(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_getopt g;
	struct cs_kbq q;
	char *tk;
	long limit = 5;
	int64_t id;
	int c, rc, all = 0, bad;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		switch (c) {
		case O_ALL: all = 1; break;
		case O_LIMIT:
			limit = limit_arg(cmd, g.arg, &bad);
			if (bad)
				return CS_EX_USAGE;
			if (limit == 0)
				limit = -1;
			break;
		}
	if (g.ind != argc - 1)
		return cs_usage(cmd, "give one ticket id");
	if (cs_parse_int(argv[g.ind], 1, INT64_MAX, &id))
		return cs_usage(cmd, "not a ticket id '%s'", argv[g.ind]);
	if ((rc = cs_db_open(CS_DB_READ, NULL)))
		return rc;
	if (!(tk = cs_kb_ticket_text(id)))
		return cs_err(CS_EX_FAIL, "%s %lld: no such ticket",
		    cmd->name, (long long)id);
	if (!cs_kbq_parse(&q, tk, 1)) {
		cs_kbq_free(&q);
		free(tk);
		return cs_err(CS_EX_FAIL, "%s %lld: the ticket has no words to "
		    "match", cmd->name, (long long)id);
	}
	free(tk);
	rc = print_hits(&q, all, NULL, limit, 0);
	if (rc == CS_EX_FAIL)
		cs_warn("%s %lld: no article matches the ticket", cmd->name,
		    (long long)id);
	cs_kbq_free(&q);
	return rc;
}

static int
cmd_gaps(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "category", "分类", CS_COL_TEXT },
		{ "tickets", "工单数", CS_COL_NUM },
	};
	const char *from = NULL, *to = NULL;
	struct cs_period p;
	struct cs_getopt g;
	sqlite3_stmt *st;
	struct cs_out *o;
	const char *v[2];
	int c, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_FROM)
			from = g.arg;
		else if (c == O_TO)
			to = g.arg;
	if ((rc = cs_period_arg(cmd, argc, argv, g.ind, from, to, &p)))
		return rc;
	if ((rc = cs_db_open(CS_DB_READ, NULL)))
		return rc;
	st = cs_sql(CS_KB_GAPS_SQL("1") " ORDER BY tickets DESC, category");
	sqlite3_bind_int64(st, 1, p.start);
	sqlite3_bind_int64(st, 2, p.end);
	o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 2);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v[0] = cs_col_text(st, 0);
		v[1] = cs_col_text(st, 1);
		cs_out_row(o, v);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		cs_out_end(o);
		return cs_db_fail("gaps");
	}
	return cs_out_end(o);
}

static const struct cs_cmd cmds[] = {
	{ "add", cmd_add, "--title TITLE [OPTIONS]",
	    "write a new article (a draft); prints its id", add_opts },
	{ "edit", cmd_edit, "ID [OPTIONS]",
	    "change an article: a new version", edit_opts },
	{ "show", cmd_show, "ID [--version N]",
	    "show an article (counts a view)", show_opts },
	{ "history", cmd_history, "ID",
	    "the versions and status changes of an article", no_opts },
	{ "diff", cmd_diff, "ID V1 V2", "what changed between two versions",
	    no_opts },
	{ "list", cmd_list, "[OPTIONS]", "list articles", list_opts },
	{ "search", cmd_search, "QUERY...",
	    "find published articles, best first", search_opts },
	{ "submit", lifecycle, "ID...", "send drafts for review", note_opts },
	{ "approve", lifecycle, "ID...",
	    "publish articles in review (reviewer or owner)", note_opts },
	{ "review", lifecycle, "ID...", "same as submit: send drafts for "
	    "review", note_opts },
	{ "publish", lifecycle, "ID...", "same as approve: publish articles "
	    "in review", note_opts },
	{ "reject", lifecycle, "ID... --reason TEXT",
	    "send articles in review back to draft (reviewer or owner)",
	    reject_opts },
	{ "archive", lifecycle, "ID...", "take articles out of use",
	    note_opts },
	{ "vote", cmd_vote, "ID --helpful|--unhelpful",
	    "say whether an article helped", vote_opts },
	{ "import", cmd_import, "FOLDER|FILE.md|FILE|-",
	    "add or update articles from Markdown files, CSV or JSON",
	    import_opts },
	{ "export", cmd_export, "[FOLDER]",
	    "write articles as Markdown files, or as CSV or JSON",
	    export_opts },
	{ "suggest", cmd_suggest, "TICKET",
	    "articles that match a ticket's subject and body", suggest_opts },
	{ "gaps", cmd_gaps, "PERIOD | --from DATE --to DATE",
	    "ticket categories that no linked article answered", gaps_opts },
	{ NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return cs_main(argc, argv, "The knowledge base: articles, review and "
	    "publishing, versions, votes, and search that finds Chinese.",
	    cmds, cs_complete_values);
}
