/* kb.c - the knowledge base: articles, versions, the review lifecycle,
 * votes, the Markdown form, search and suggestions */
#include <stdlib.h>
#include <string.h>

#include "cs.h"

const char *const cs_kb_statuses = "draft review published archived";

const char *const cs_kb_field[] = {
	"title", "category", "tags", "status", "body", "owner", NULL
};

/* The lifecycle: the action, where it goes, where it may start. An
 * archived article comes back by being submitted for review again. */
static const struct move {
	const char *action, *to, *from;
} moves[] = {
	{ "submit", "review", " draft archived " },
	{ "approve", "published", " review " },
	{ "reject", "draft", " review " },
	{ "archive", "archived", " draft review published " },
	{ NULL, NULL, NULL }
};

/* Roles that may approve and reject (cs-agent --role). */
#define REVIEW_ROLES "reviewer owner"

static int
nz(const char *s)
{
	return s && *s;
}

char *
cs_kb_body_norm(const char *s)
{
	struct cs_buf b = { 0 };
	const char *p, *line;

	/* leading blank lines go; the first line's indentation stays */
	for (p = line = s; *p; p++) {
		if (*p == '\n')
			line = p + 1;
		else if (*p != ' ' && *p != '\t' && *p != '\r')
			break;
	}
	for (p = line; *p; p++)
		if (!(*p == '\r' && p[1] == '\n'))
			cs_buf_addc(&b, *p);
	while (b.len > 0 && (b.s[b.len - 1] == '\n' || b.s[b.len - 1] == ' ' ||
	    b.s[b.len - 1] == '\t' || b.s[b.len - 1] == '\r'))
		b.s[--b.len] = '\0';
	return b.s ? b.s : cs_xstrdup("");
}

/* Checks one field; NULL when it is fine, else a message (static). */
static const char *
check_field(int f, const char *v)
{
	if (cs_utf8_invalid(v, strlen(v)) >= 0)
		return "not valid UTF-8";
	switch (f) {
	case CS_KB_TITLE:
		if (!*v)
			return "an article needs a title";
		/* FALLTHROUGH */
	case CS_KB_CATEGORY:
	case CS_KB_OWNER:
		if (strchr(v, '\n') || strchr(v, '\r'))
			return "one line only";
		if (strlen(v) > (f == CS_KB_TITLE ? 300u : 100u))
			return "too long";
		break;
	case CS_KB_STATUS:
		if (!cs_word_in(v, cs_kb_statuses))
			return "not a status (draft, review, published, "
			    "archived)";
		break;
	case CS_KB_BODY:
		if (strlen(v) > 1000000)
			return "longer than a million bytes";
		break;
	}
	return NULL;
}

/* The values of in, checked and normalised into out (caller frees each;
 * NULL for not given). -1 with *field and *problem. */
static int
prepare(const struct cs_kb_in *in, char *out[CS_KB_NFIELDS], int *field,
    char **problem)
{
	const char *why;
	char *v;
	int f;

	memset(out, 0, CS_KB_NFIELDS * sizeof(*out));
	for (f = 0; f < CS_KB_NFIELDS; f++) {
		/* an empty status (a CSV cell, "status:") is one left out:
		 * draft for a new article, unchanged for an old one */
		if (!in->v[f] || (f == CS_KB_STATUS && cs_text_blank(in->v[f])))
			continue;
		if ((why = check_field(f, in->v[f]))) {
			*field = f;
			*problem = cs_xstrdup(why);
			goto bad;
		}
		if (f == CS_KB_TAGS) {
			if (!(v = cs_text_list(in->v[f]))) {
				*field = f;
				*problem = cs_xstrdup("tags are separated by "
				    "';', each at most 64 bytes, no ','");
				goto bad;
			}
		} else if (f == CS_KB_BODY)
			v = cs_kb_body_norm(in->v[f]);
		else {
			v = cs_xstrdup(in->v[f]);
			cs_text_trim(v);
		}
		out[f] = v;
	}
	if (out[CS_KB_TITLE] && !*out[CS_KB_TITLE]) {
		*field = CS_KB_TITLE;
		*problem = cs_xstrdup("an article needs a title");
		goto bad;
	}
	return 0;
bad:
	for (f = 0; f < CS_KB_NFIELDS; f++)
		free(out[f]);
	return -1;
}

static void
release(char *v[CS_KB_NFIELDS])
{
	int f;

	for (f = 0; f < CS_KB_NFIELDS; f++)
		free(v[f]);
}

/* Titles are unique, so that import finds an article by its title and a
 * folder of exported files holds one file per article. The id of
 * another article (not self) of that title, or 0. */
static int64_t
title_taken(const char *title, int64_t self)
{
	sqlite3_stmt *st = cs_sql("SELECT id FROM article WHERE title = ? AND "
	    "id != ? LIMIT 1");
	int64_t id = 0;

	cs_bind_text(st, 1, title, 0);
	sqlite3_bind_int64(st, 2, self);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return id;
}

static int
log_status(int64_t id, const char *from, const char *to, const char *note)
{
	return cs_log_change("article", id, "status", from, to, note);
}

/*
 * Writes the version an article now stands at, and logs it: the change
 * log's ids are the one sequence of everything done to an article, so
 * that history puts a version and a status change made in one second in
 * the order they were made.
 */
static int
save_version(int64_t id, const char *note)
{
	sqlite3_stmt *st = cs_sql("INSERT INTO article_version (article_id, "
	    "version, title, body, category, tags, at, actor, note) SELECT id,"
	    " version, title, body, category, tags, ?2, ?3, ?4 FROM article "
	    "WHERE id = ?1");
	char from[24], to[24];
	int64_t ver;
	int rc;

	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, cs_now());
	cs_bind_text(st, 3, cs_actor(), 0);
	cs_bind_text(st, 4, note, 1);
	if ((rc = cs_step_done(st, "article version")))
		return rc;
	st = cs_sql("SELECT version FROM article WHERE id = ?");
	sqlite3_bind_int64(st, 1, id);
	ver = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 1;
	sqlite3_reset(st);
	snprintf(from, sizeof(from), "%lld", (long long)(ver - 1));
	snprintf(to, sizeof(to), "%lld", (long long)ver);
	return cs_log_change("article", id, "version", ver > 1 ? from : NULL,
	    to, note);
}

int
cs_kb_add(const struct cs_kb_in *in, int64_t *id, int *field,
    char **problem)
{
	sqlite3_stmt *st;
	char *v[CS_KB_NFIELDS];
	const char *status;
	int64_t now = cs_now();
	int rc;

	*problem = NULL;
	if (!in->v[CS_KB_TITLE]) {
		*field = CS_KB_TITLE;
		*problem = cs_xstrdup("an article needs a title");
		return -1;
	}
	if (prepare(in, v, field, problem))
		return -1;
	if ((*id = title_taken(v[CS_KB_TITLE], 0))) {
		*field = CS_KB_TITLE;
		*problem = cs_xasprintf("article %lld has this title already",
		    (long long)*id);
		release(v);
		return -1;
	}
	status = v[CS_KB_STATUS] ? v[CS_KB_STATUS] : "draft";
	st = cs_sql("INSERT INTO article (title, body, category, tags, status,"
	    " owner, created_at, updated_at, published_at) VALUES (?1, ?2, ?3,"
	    " ?4, ?5, ?6, ?7, ?7, CASE WHEN ?5 = 'published' THEN ?7 END)");
	cs_bind_text(st, 1, v[CS_KB_TITLE], 0);
	cs_bind_text(st, 2, v[CS_KB_BODY] ? v[CS_KB_BODY] : "", 0);
	cs_bind_text(st, 3, v[CS_KB_CATEGORY], 1);
	cs_bind_text(st, 4, v[CS_KB_TAGS] ? v[CS_KB_TAGS] : "", 0);
	cs_bind_text(st, 5, status, 0);
	cs_bind_text(st, 6, nz(v[CS_KB_OWNER]) ? v[CS_KB_OWNER] : cs_actor(),
	    0);
	sqlite3_bind_int64(st, 7, now);
	rc = cs_step_done(st, "article");
	if (!rc) {
		*id = sqlite3_last_insert_rowid(sqlite3_db_handle(st));
		rc = save_version(*id, in->note);
	}
	if (!rc)
		rc = log_status(*id, NULL, status, "created");
	release(v);
	return rc;
}

/* The current fields of an article into cur (caller frees); 0 when there
 * is no such article. */
static int
load(int64_t id, char *cur[CS_KB_NFIELDS])
{
	sqlite3_stmt *st = cs_sql("SELECT title, category, tags, status, body,"
	    " owner FROM article WHERE id = ?");
	int f, found;

	sqlite3_bind_int64(st, 1, id);
	found = sqlite3_step(st) == SQLITE_ROW;
	for (f = 0; f < CS_KB_NFIELDS; f++)
		cur[f] = found ? cs_xstrdup(cs_col_text(st, f) ? cs_col_text(st, f) : "") :
		    NULL;
	sqlite3_reset(st);
	return found;
}

static int
set_status(int64_t id, const char *from, const char *to, const char *note)
{
	sqlite3_stmt *st = cs_sql("UPDATE article SET status = ?1, updated_at ="
	    " ?2, published_at = CASE WHEN ?1 = 'published' THEN ?2 ELSE "
	    "published_at END WHERE id = ?3");
	int rc;

	cs_bind_text(st, 1, to, 0);
	sqlite3_bind_int64(st, 2, cs_now());
	sqlite3_bind_int64(st, 3, id);
	if ((rc = cs_step_done(st, "article")))
		return rc;
	return log_status(id, from, to, note);
}

/* Applies the given fields to article id, whose fields are cur. */
static int
apply(int64_t id, char *cur[CS_KB_NFIELDS], const struct cs_kb_in *in,
    int status_too, int *field, char **problem)
{
	static const int text[] = { CS_KB_TITLE, CS_KB_CATEGORY, CS_KB_TAGS,
		CS_KB_BODY };
	sqlite3_stmt *st;
	char *v[CS_KB_NFIELDS];
	int64_t other;
	int i, f, changed = 0, rc = 0;

	if (prepare(in, v, field, problem))
		return -1;
	if (v[CS_KB_TITLE] && (other = title_taken(v[CS_KB_TITLE], id))) {
		*field = CS_KB_TITLE;
		*problem = cs_xasprintf("article %lld has this title already",
		    (long long)other);
		release(v);
		return -1;
	}
	for (i = 0; i < 4; i++) {
		f = text[i];
		if (v[f] && strcmp(v[f], cur[f]) != 0)
			changed = 1;
	}
	if (changed && strcmp(cur[CS_KB_STATUS], "archived") == 0 &&
	    !(status_too && v[CS_KB_STATUS] &&
	    strcmp(v[CS_KB_STATUS], "archived") != 0)) {
		*problem = cs_xasprintf("article %lld is archived: it cannot be "
		    "edited (allowed from archived: submit)", (long long)id);
		release(v);
		return -1;
	}
	if (changed) {
		st = cs_sql("UPDATE article SET title = coalesce(?1, title), "
		    "category = CASE WHEN ?2 IS NULL THEN category ELSE "
		    "nullif(?2, '') END, tags = coalesce(?3, tags), body = "
		    "coalesce(?4, body), version = version + 1, updated_at = ?5"
		    " WHERE id = ?6");
		cs_bind_text(st, 1, v[CS_KB_TITLE], 0);
		cs_bind_text(st, 2, v[CS_KB_CATEGORY], 0);
		cs_bind_text(st, 3, v[CS_KB_TAGS], 0);
		cs_bind_text(st, 4, v[CS_KB_BODY], 0);
		sqlite3_bind_int64(st, 5, cs_now());
		sqlite3_bind_int64(st, 6, id);
		rc = cs_step_done(st, "article");
		if (!rc)
			rc = save_version(id, in->note);
	}
	if (!rc && v[CS_KB_OWNER] && *v[CS_KB_OWNER] &&
	    strcmp(v[CS_KB_OWNER], cur[CS_KB_OWNER]) != 0) {
		st = cs_sql("UPDATE article SET owner = ? WHERE id = ?");
		cs_bind_text(st, 1, v[CS_KB_OWNER], 0);
		sqlite3_bind_int64(st, 2, id);
		rc = cs_step_done(st, "article");
		if (!rc)
			rc = cs_log_change("article", id, "owner",
			    cur[CS_KB_OWNER], v[CS_KB_OWNER], NULL);
		changed = 1;
	}
	if (!rc && status_too && v[CS_KB_STATUS] &&
	    strcmp(v[CS_KB_STATUS], cur[CS_KB_STATUS]) != 0) {
		rc = set_status(id, cur[CS_KB_STATUS], v[CS_KB_STATUS],
		    "import");
		changed = 1;
	}
	release(v);
	if (rc)
		return rc;
	return changed ? CS_ROW_UPDATED : CS_ROW_UNCHANGED;
}

int
cs_kb_edit(int64_t id, const struct cs_kb_in *in, int *field,
    char **problem)
{
	char *cur[CS_KB_NFIELDS];
	int rc;

	*problem = NULL;
	*field = -1;
	if (!load(id, cur)) {
		*problem = cs_xasprintf("no such article %lld", (long long)id);
		return CS_NOT_FOUND;
	}
	rc = apply(id, cur, in, 0, field, problem);
	release(cur);
	return rc;
}

int
cs_kb_put(const struct cs_kb_in *in, int *field, char **problem)
{
	sqlite3_stmt *st;
	char *cur[CS_KB_NFIELDS], *title;
	int64_t id = 0;
	int rc, n = 0;

	*problem = NULL;
	*field = -1;
	if (!in->v[CS_KB_TITLE] || !*in->v[CS_KB_TITLE]) {
		*field = CS_KB_TITLE;
		*problem = cs_xstrdup("an article needs a title");
		return -1;
	}
	title = cs_text_trim(cs_xstrdup(in->v[CS_KB_TITLE]));
	st = cs_sql("SELECT id FROM article WHERE title = ? LIMIT 2");
	cs_bind_text(st, 1, title, 0);
	while (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		n++;
	}
	sqlite3_reset(st);
	free(title);
	if (n > 1) {
		*field = CS_KB_TITLE;
		*problem = cs_xstrdup("more than one article has this title: "
		    "rename one with cs-kb edit --title");
		return -1;
	}
	if (n == 0) {
		rc = cs_kb_add(in, &id, field, problem);
		return rc ? rc : CS_ROW_ADDED;
	}
	load(id, cur);
	rc = apply(id, cur, in, 1, field, problem);
	release(cur);
	return rc;
}

const char *
cs_kb_status(int64_t id, char buf[16])
{
	sqlite3_stmt *st = cs_sql("SELECT status FROM article WHERE id = ?");
	const char *r = NULL;

	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(buf, 16, "%s", cs_col_text(st, 0));
		r = buf;
	}
	sqlite3_reset(st);
	return r;
}

int64_t
cs_kb_ref(const char *s)
{
	char buf[16];
	int64_t id;

	if (cs_parse_int(s, 1, INT64_MAX, &id))
		return 0;
	return cs_kb_status(id, buf) ? id : 0;
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
	if (strcmp(status, "archived") != 0)
		cs_buf_addf(&b, "%s%s", b.len ? ", " : "", "edit");
	return b.s ? b.s : cs_xstrdup("none");
}

/* The reviewers and owners there are, for a message; caller frees. */
static char *
reviewers(void)
{
	sqlite3_stmt *st = cs_sql("SELECT login FROM agent WHERE active = 1 "
	    "AND role IN ('reviewer', 'owner') ORDER BY login LIMIT 6");
	struct cs_buf b = { 0 };

	while (sqlite3_step(st) == SQLITE_ROW)
		cs_buf_addf(&b, "%s%s", b.len ? ", " : "", cs_col_text(st, 0));
	sqlite3_reset(st);
	return b.s ? b.s : cs_xstrdup("none: give one the role with "
	    "cs-agent update LOGIN --role reviewer");
}

int
cs_kb_move(int64_t id, const char *action, const char *reason,
    char **problem)
{
	const struct move *m;
	sqlite3_stmt *st;
	char status[16], role[32], pad[24], *ok, *who;
	int rc, found;

	*problem = NULL;
	for (m = moves; m->action && strcmp(m->action, action); m++)
		;
	if (!m->action)
		return cs_err(CS_EX_SOFTWARE, "internal error: action %s",
		    action);
	if (!cs_kb_status(id, status)) {
		*problem = cs_xasprintf("no such article %lld", (long long)id);
		return CS_NOT_FOUND;
	}
	snprintf(pad, sizeof(pad), " %s ", status);
	if (!strstr(m->from, pad)) {
		ok = allowed(status);
		*problem = cs_xasprintf("article %lld is %s: it cannot %s "
		    "(allowed from %s: %s)", (long long)id, status, action,
		    status, ok);
		free(ok);
		return -1;
	}
	if (strcmp(action, "reject") == 0 && cs_text_blank(reason)) {
		*problem = cs_xasprintf("rejecting article %lld needs --reason",
		    (long long)id);
		return -1;
	}
	if (strcmp(action, "approve") == 0 || strcmp(action, "reject") == 0) {
		st = cs_sql("SELECT role FROM agent WHERE login = ? AND "
		    "active = 1");
		cs_bind_text(st, 1, cs_actor(), 0);
		found = sqlite3_step(st) == SQLITE_ROW;
		snprintf(role, sizeof(role), "%s", found ? cs_col_text(st, 0) : "");
		sqlite3_reset(st);
		if (!found || !cs_word_in(role, REVIEW_ROLES)) {
			who = reviewers();
			*problem = cs_xasprintf("%s may not %s: only an active "
			    "agent of role reviewer or owner may (%s is %s); "
			    "reviewers: %s", cs_actor(), action, cs_actor(),
			    found ? role : "not an active agent", who);
			free(who);
			return -1;
		}
		st = cs_sql("UPDATE article SET reviewer = ?, reviewed_at = ? "
		    "WHERE id = ?");
		cs_bind_text(st, 1, cs_actor(), 0);
		sqlite3_bind_int64(st, 2, cs_now());
		sqlite3_bind_int64(st, 3, id);
		if ((rc = cs_step_done(st, "article")))
			return rc;
	}
	return set_status(id, status, m->to, reason);
}

int
cs_kb_vote(int64_t id, int helpful, char **problem)
{
	sqlite3_stmt *st;
	char status[16];
	int old = -1, rc;

	*problem = NULL;
	if (!cs_kb_status(id, status)) {
		*problem = cs_xasprintf("no such article %lld", (long long)id);
		return CS_NOT_FOUND;
	}
	if (strcmp(status, "published") != 0) {
		*problem = cs_xasprintf("article %lld is %s: only a published "
		    "article takes votes", (long long)id, status);
		return -1;
	}
	st = cs_sql("SELECT helpful FROM article_vote WHERE article_id = ? AND "
	    "actor = ?");
	sqlite3_bind_int64(st, 1, id);
	cs_bind_text(st, 2, cs_actor(), 0);
	if (sqlite3_step(st) == SQLITE_ROW)
		old = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (old == helpful)
		return CS_ROW_UNCHANGED;
	st = cs_sql("INSERT INTO article_vote (article_id, actor, helpful, at) "
	    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (article_id, actor) DO UPDATE "
	    "SET helpful = ?3, at = ?4");
	sqlite3_bind_int64(st, 1, id);
	cs_bind_text(st, 2, cs_actor(), 0);
	sqlite3_bind_int(st, 3, helpful);
	sqlite3_bind_int64(st, 4, cs_now());
	if ((rc = cs_step_done(st, "vote")))
		return rc;
	/* the counts, from the votes themselves */
	st = cs_sql("UPDATE article SET helpful = (SELECT count(*) FROM "
	    "article_vote WHERE article_id = ?1 AND helpful = 1), unhelpful = "
	    "(SELECT count(*) FROM article_vote WHERE article_id = ?1 AND "
	    "helpful = 0) WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	if ((rc = cs_step_done(st, "vote")))
		return rc;
	rc = cs_log_change("article", id, "vote", old < 0 ? NULL : old ?
	    "helpful" : "unhelpful", helpful ? "helpful" : "unhelpful", NULL);
	if (rc)
		return rc;
	return old < 0 ? CS_ROW_ADDED : CS_ROW_UPDATED;
}

int
cs_kb_viewed(int64_t id)
{
	sqlite3_stmt *st = cs_sql("UPDATE article SET views = views + 1 WHERE "
	    "id = ?");

	sqlite3_bind_int64(st, 1, id);
	return cs_step_done(st, "article");
}

/* ---- the Markdown form ---------------------------------------------- */

/* Header keys in the order export writes them. */
static const int doc_keys[] = { CS_KB_TITLE, CS_KB_CATEGORY, CS_KB_TAGS,
	CS_KB_STATUS };
#define NKEYS (sizeof(doc_keys) / sizeof(doc_keys[0]))

char *
cs_kb_doc_format(const char *const v[CS_KB_NFIELDS])
{
	struct cs_buf b = { 0 };
	size_t i;

	cs_buf_adds(&b, "---\n");
	for (i = 0; i < NKEYS; i++)
		if (nz(v[doc_keys[i]]))
			cs_buf_addf(&b, "%s: %s\n", cs_kb_field[doc_keys[i]],
			    v[doc_keys[i]]);
	cs_buf_adds(&b, "---\n\n");
	if (nz(v[CS_KB_BODY]))
		cs_buf_addf(&b, "%s\n", v[CS_KB_BODY]);
	return b.s;
}

int
cs_kb_doc_parse(const char *text, size_t n, char *v[CS_KB_NFIELDS],
    long line[CS_KB_NFIELDS], long *bad_line, char **problem)
{
	const char *p = text, *end = text + n, *eol, *colon;
	struct cs_buf key = { 0 };
	long ln = 1;
	size_t i, len;
	int f, closed = 0;

	memset(v, 0, CS_KB_NFIELDS * sizeof(*v));
	for (f = 0; f < CS_KB_NFIELDS; f++)
		line[f] = 0;
	*problem = NULL;
	*bad_line = 1;
	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	if ((eol = memchr(p, '\0', (size_t)(end - p)))) {
		for (; (p = memchr(p, '\n', (size_t)(eol - p))); p++)
			++*bad_line;
		*problem = cs_xstrdup("a NUL byte: not a text file");
		return -1;
	}
	for (; p < end; ln++) {
		eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		len = (size_t)(eol - p);
		if (len && p[len - 1] == '\r')
			len--;
		if (ln == 1) {
			if (len != 3 || memcmp(p, "---", 3) != 0) {
				*problem = cs_xstrdup("no header: an article "
				    "starts with a line '---', then title:, "
				    "category:, tags:, status: and '---'");
				goto bad;
			}
		} else if (len == 3 && memcmp(p, "---", 3) == 0) {
			closed = 1;
			p = eol < end ? eol + 1 : end;
			ln++;
			break;
		} else if (len > 0) {
			colon = memchr(p, ':', len);
			cs_buf_reset(&key);
			if (colon)
				cs_buf_add(&key, p, (size_t)(colon - p));
			for (i = 0; colon && i < NKEYS; i++)
				if (strcmp(cs_text_trim(key.s),
				    cs_kb_field[doc_keys[i]]) == 0)
					break;
			if (!colon || i == NKEYS) {
				*bad_line = ln;
				*problem = colon ? cs_xasprintf("unknown header "
				    "'%s' (title, category, tags, status)",
				    key.s) : cs_xstrdup("a header line is "
				    "'key: value'");
				goto bad;
			}
			f = doc_keys[i];
			if (v[f]) {
				*bad_line = ln;
				*problem = cs_xasprintf("%s given twice",
				    cs_kb_field[f]);
				goto bad;
			}
			v[f] = cs_xstrndup(colon + 1,
			    len - (size_t)(colon + 1 - p));
			cs_text_trim(v[f]);
			line[f] = ln;
		}
		p = eol < end ? eol + 1 : end;
	}
	if (!closed) {
		*problem = cs_xstrdup("the header is not closed by a line "
		    "'---'");
		goto bad;
	}
	if (!v[CS_KB_TITLE] || !*v[CS_KB_TITLE]) {
		*problem = cs_xstrdup("the header has no title");
		goto bad;
	}
	{
		char *body = cs_xstrndup(p, (size_t)(end - p));

		v[CS_KB_BODY] = cs_kb_body_norm(body);
		free(body);
	}
	line[CS_KB_BODY] = ln;
	for (i = 0; i < NKEYS; i++)
		if (!v[doc_keys[i]] && doc_keys[i] != CS_KB_STATUS)
			v[doc_keys[i]] = cs_xstrdup("");
	cs_buf_free(&key);
	return 0;
bad:
	cs_buf_free(&key);
	for (f = 0; f < CS_KB_NFIELDS; f++) {
		free(v[f]);
		v[f] = NULL;
	}
	return -1;
}

/* ---- search and suggestions ------------------------------------------ */

int
cs_kb_search(const struct cs_kbq *q, int all, const char *category,
    long limit, sqlite3_stmt **out)
{
	/* bm25 is smaller for a better match: the title counts ten times
	 * the body. The score shown is its negation, larger = better. */
	sqlite3_stmt *st = cs_sql("SELECT a.id, a.title, a.category, a.status,"
	    " -bm25(article_fts, 10.0, 1.0), a.body, a.helpful FROM article_fts"
	    " JOIN article a ON a.id = article_fts.rowid WHERE article_fts "
	    "MATCH ?1 AND (?2 OR a.status = 'published') AND (?3 IS NULL OR "
	    "a.category = ?3) ORDER BY bm25(article_fts, 10.0, 1.0), "
	    "a.helpful DESC, a.id LIMIT ?4");

	cs_bind_text(st, 1, q->match, 0);
	sqlite3_bind_int(st, 2, all != 0);
	cs_bind_text(st, 3, category, 1);
	sqlite3_bind_int64(st, 4, limit);
	*out = st;
	return 0;
}

char *
cs_kb_ticket_text(int64_t ticket)
{
	sqlite3_stmt *st = cs_sql("SELECT subject, coalesce(body, '') FROM "
	    "ticket WHERE id = ?");
	char *r = NULL;

	sqlite3_bind_int64(st, 1, ticket);
	if (sqlite3_step(st) == SQLITE_ROW)
		r = cs_xasprintf("%s\n%s", cs_col_text(st, 0), cs_col_text(st, 1));
	sqlite3_reset(st);
	return r;
}
