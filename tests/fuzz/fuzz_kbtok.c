/*
 * fuzz_kbtok.c - the knowledge base's tokenizer (kbtok.c): its tokens, the
 * query built from a user's text, the marking of hits, and the FTS5 index
 * that uses them.
 *
 * The raw input, NUL bytes and all, is tokenized as a document and as a
 * query, from a buffer of exactly its size (so that a read past the end
 * is caught): every token lies in the input, in order, is valid UTF-8 and
 * holds no '"' (the query builder quotes tokens without escaping); a CJK
 * token is its own bytes of the input, one or two characters; a query's
 * tokens are some of the document's. The input up to its first NUL is
 * then an article, and its first line a search in it, as phrases and as
 * any of its words: the expressions must be accepted by FTS5 and find the
 * article; the hits marked in it give it back when the marks are taken
 * out, every mark opened is closed, and there is at least one.
 */
#include <utf8proc.h>

#include "fuzz.h"

struct tok {
	int kind, start, end;
};

struct toks {
	const char *text;
	int n;
	struct tok *t;
	size_t nt, cap;
};

/* n bytes of s are valid UTF-8; the number of characters, or -1. */
static int
chars(const char *s, int n)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	int i, m = 0;

	for (i = 0; i < n; i += (int)k, m++)
		if ((k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    n - i, &c)) <= 0)
			return -1;
	return m;
}

static int
check_tok(void *ctx, int kind, const char *tok, int n, int start, int end)
{
	struct toks *ts = ctx;
	const struct tok *prev = ts->nt ? &ts->t[ts->nt - 1] : NULL;

	FUZZ_CHECK(n > 0 && 0 <= start && start < end && end <= ts->n,
	    "token of %d bytes at %d-%d of %d", n, start, end, ts->n);
	FUZZ_CHECK(!prev || prev->start < start, "token at %d after one "
	    "at %d", start, prev ? prev->start : 0);
	FUZZ_CHECK(memchr(tok, '"', (size_t)n) == NULL &&
	    memchr(tok, '\0', (size_t)n) == NULL, "token \"%.*s\"", n, tok);
	if (kind == CS_KBTOK_WORD)
		FUZZ_CHECK(chars(tok, n) > 0, "word \"%.*s\" at %d: not UTF-8",
		    n, tok, start);
	else {
		FUZZ_CHECK(kind == CS_KBTOK_CJK1 || kind == CS_KBTOK_CJK2,
		    "kind %d", kind);
		FUZZ_CHECK(tok == ts->text + start && n == end - start,
		    "CJK token at %d-%d is not the input's", start, end);
		FUZZ_CHECK(chars(tok, n) == (kind == CS_KBTOK_CJK1 ? 1 : 2),
		    "CJK token \"%.*s\" of kind %d", n, tok, kind);
	}
	if (ts->nt == ts->cap) {
		ts->cap = ts->cap ? 2 * ts->cap : 64;
		ts->t = realloc(ts->t, ts->cap * sizeof(*ts->t));
		if (!ts->t)
			abort();
	}
	ts->t[ts->nt].kind = kind;
	ts->t[ts->nt].start = start;
	ts->t[ts->nt].end = end;
	ts->nt++;
	return 0;
}

/* The tokens of both modes, from a buffer of exactly n bytes. */
static void
tokens(const uint8_t *data, size_t size)
{
	struct toks doc = { 0 }, qry = { 0 };
	char *buf = malloc(size ? size : 1);
	size_t i, j;

	if (!buf || size > 1 << 20)
		goto out;
	memcpy(buf, data, size);
	doc.text = qry.text = buf;
	doc.n = qry.n = (int)size;
	FUZZ_CHECK(cs_kbtok(buf, (int)size, CS_KBTOK_DOC, check_tok, &doc) ==
	    0, "document");
	FUZZ_CHECK(cs_kbtok(buf, (int)size, CS_KBTOK_QUERY, check_tok, &qry)
	    == 0, "query");
	for (i = j = 0; i < qry.nt; i++, j++) {
		while (j < doc.nt && doc.t[j].start < qry.t[i].start)
			j++;
		FUZZ_CHECK(j < doc.nt && doc.t[j].kind == qry.t[i].kind &&
		    doc.t[j].end == qry.t[i].end, "query token %d-%d kind %d "
		    "is no token of the document", qry.t[i].start,
		    qry.t[i].end, qry.t[i].kind);
	}
out:
	free(doc.t);
	free(qry.t);
	free(buf);
}

/* An article table as 006-kb.sql makes it, in memory, for this process,
 * and its statements. */
static sqlite3 *db;
static sqlite3_stmt *ins, *sel;

static void
fts(void)
{
	if (db)
		return;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    cs_kbtok_register(db) != 0 || sqlite3_exec(db,
	    "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='cs')",
	    NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO t (title, body) VALUES "
	    "('', ?1)", -1, &ins, NULL) ||
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1",
	    -1, &sel, NULL))
		abort();
}

/* The table holds text alone, until unindex(): a transaction rolled back
 * leaves no deleted rows for FTS5 to merge away (a DELETE took most of the
 * time of a run). */
static void
index_text(const char *text)
{
	fts();
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		abort();
	sqlite3_reset(ins);
	sqlite3_bind_text(ins, 1, text, -1, SQLITE_STATIC);
	FUZZ_CHECK(sqlite3_step(ins) == SQLITE_DONE, "index: %s",
	    sqlite3_errmsg(db));
}

static void
unindex(void)
{
	sqlite3_reset(ins);
	sqlite3_reset(sel);
	if (sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
		abort();
}

/* Rows of the table that match expr; -1 when FTS5 refuses it. */
static int
search(const char *expr)
{
	int n = -1;

	sqlite3_reset(sel);
	sqlite3_bind_text(sel, 1, expr, -1, SQLITE_STATIC);
	if (sqlite3_step(sel) == SQLITE_ROW)
		n = sqlite3_column_int(sel, 0);
	return n;
}

/* s without the bytes 1 and 2 (the marks); counts them. */
static char *
unmarked(const char *s, int *open, int *close)
{
	char *r = malloc(strlen(s) + 1), *p = r;

	if (!r)
		abort();
	*open = *close = 0;
	for (; *s; s++)
		if (*s == '\1')
			++*open;
		else if (*s == '\2')
			++*close;
		else
			*p++ = *s;
	*p = '\0';
	return r;
}

/* The words typed (what, a line of text) searched in an article (text)
 * that holds them, as a phrase search and as suggestions for a ticket. */
static void
query(const char *what, const char *text)
{
	struct cs_kbq q;
	char *m, *plain, *orig;
	int any, r, found, o, c, o0, c0;

	for (any = 1; any >= 0; any--) {
		r = cs_kbq_parse(&q, what, any);
		FUZZ_CHECK(q.match ? r > 0 && (size_t)r == q.nseg : r == 0,
		    "%d phrases, %zu segments, match %s", r, q.nseg,
		    q.match ? q.match : "NULL");
		if (q.match) {
			found = search(q.match);
			FUZZ_CHECK(found == 1, "%s the text it was made of "
			    "(any %d): %s: %s", found < 0 ? "FTS5 refused" :
			    "did not find", any, q.match, sqlite3_errmsg(db));
		}
		if (any)
			cs_kbq_free(&q);
	}
	/* The segments are those of both; marked once. */
	orig = unmarked(text, &o0, &c0);
	m = cs_kbq_mark(&q, text, 0, "\1", "\2");
	plain = unmarked(m, &o, &c);
	FUZZ_CHECK(strcmp(plain, orig) == 0, "marking changed the text");
	FUZZ_CHECK(o - o0 == c - c0, "%d marks opened, %d closed", o - o0,
	    c - c0);
	FUZZ_CHECK(q.nseg == 0 || o > o0, "no hit marked in a text that "
	    "holds the query: %s", q.match);
	free(plain);
	free(m);
	/* A snippet: one line of about 40 columns around the first hit
	 * (the marks of a window are only counted in text without any). */
	m = cs_kbq_mark(&q, text, 40, "\1", "\2");
	plain = unmarked(m, &o, &c);
	if (o0 == 0 && c0 == 0 && chars(text, (int)strlen(text)) >= 0) {
		FUZZ_CHECK(chars(m, (int)strlen(m)) >= 0, "snippet not UTF-8");
		FUZZ_CHECK(o == c, "snippet: %d marks opened, %d closed", o,
		    c);
	}
	free(plain);
	free(m);
	free(orig);
	cs_kbq_free(&q);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *what, *nl;

	tokens(data, size);
	/* The first line is what is typed, the whole the article: a line
	 * end separates, so the article holds the line's tokens. */
	s = fuzz_str(data, size);
	index_text(s);
	nl = strchr(s, '\n');
	what = nl ? fuzz_str((const uint8_t *)s, (size_t)(nl - s)) : s;
	query(what, s);
	unindex();
	if (what != s)
		free(what);
	free(s);
	return 0;
}
