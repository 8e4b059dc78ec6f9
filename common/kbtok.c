/* kbtok.c - the knowledge base's tokenizer: CJK text as overlapping
 * character bigrams, other text as case-folded words. The same code turns
 * a user's query into a safe FTS5 expression and marks the hits in a
 * snippet, so that what is indexed, what is asked and what is shown agree.
 * Everything here but the FTS5 glue at the end is pure. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "cs.h"

/*
 * Scripts written without spaces between words. A character of these
 * blocks that is a letter, mark or number is indexed as CJK; punctuation
 * in them (、。「」・) separates, like any other punctuation.
 */
static const struct {
	int32_t lo, hi;
} cjk_ranges[] = {
	{ 0x1100, 0x11ff },	/* Hangul Jamo */
	{ 0x2e80, 0x2fdf },	/* CJK radicals, Kangxi radicals */
	{ 0x3005, 0x3007 },	/* 々 〆 〇 */
	{ 0x3021, 0x3029 },	/* Suzhou numerals */
	{ 0x3031, 0x303c },
	{ 0x3040, 0x30ff },	/* Hiragana, Katakana */
	{ 0x3100, 0x31ff },	/* Bopomofo, Hangul compatibility, ... */
	{ 0x3400, 0x4dbf },	/* CJK extension A */
	{ 0x4e00, 0x9fff },	/* CJK unified ideographs */
	{ 0xa960, 0xa97f },	/* Hangul Jamo extended A */
	{ 0xac00, 0xd7ff },	/* Hangul syllables, Jamo extended B */
	{ 0xf900, 0xfaff },	/* CJK compatibility ideographs */
	{ 0xff66, 0xffdc },	/* half-width Katakana and Hangul */
	{ 0x1b000, 0x1b16f },	/* Kana supplement and extended */
	{ 0x20000, 0x3ffff },	/* CJK extensions B to H */
};

/* Letter, mark or number. */
static int
lmn(int32_t c)
{
	utf8proc_category_t k = utf8proc_category(c);

	return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_NO;
}

static int
is_cjk(int32_t c)
{
	size_t lo = 0, hi = sizeof(cjk_ranges) / sizeof(cjk_ranges[0]), m;

	if (c < 0x1100)
		return 0;
	while (lo < hi) {
		m = (lo + hi) / 2;
		if (c < cjk_ranges[m].lo)
			hi = m;
		else if (c > cjk_ranges[m].hi)
			lo = m + 1;
		else
			return lmn(c);
	}
	return 0;
}

/* A word starts with a letter or number (a mark alone starts nothing). */
static int
word_start(int32_t c)
{
	utf8proc_category_t k;

	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');
	k = utf8proc_category(c);
	return ((k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
	    (k >= UTF8PROC_CATEGORY_ND && k <= UTF8PROC_CATEGORY_NO)) &&
	    !is_cjk(c);
}

static int
word_cont(int32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');
	return lmn(c) && !is_cjk(c);
}

/* The code point at s[i] (n bytes in all) into *c, -1 for a byte that is
 * no valid UTF-8; returns its length, at least 1. */
static int
dec(const unsigned char *s, int n, int i, int32_t *c)
{
	utf8proc_ssize_t k;

	if (s[i] < 0x80) {
		*c = s[i];
		return 1;
	}
	k = utf8proc_iterate(s + i, n - i, c);
	if (k <= 0) {
		*c = -1;
		return 1;
	}
	return (int)k;
}

/* 1 when a token starts anywhere in s[i..n). */
static int
token_follows(const unsigned char *s, int n, int i)
{
	int32_t c;

	while (i < n) {
		i += dec(s, n, i, &c);
		if (c >= 0 && (is_cjk(c) || word_start(c)))
			return 1;
	}
	return 0;
}

/* Case-folds (NFKC, case fold) the word s[0..n) and hands it on. */
static int
emit_word(const unsigned char *s, int n, int start, cs_kbtok_fn fn,
    void *ctx)
{
	char small[128];
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t len;
	int i, ascii = 1, rc;

	for (i = 0; i < n && ascii; i++)
		ascii = s[i] < 0x80;
	if (ascii && n <= (int)sizeof(small)) {
		for (i = 0; i < n; i++)
			small[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ?
			    s[i] + ('a' - 'A') : s[i]);
		return fn(ctx, CS_KBTOK_WORD, small, n, start, start + n);
	}
	len = utf8proc_map(s, n, &out, UTF8PROC_STABLE | UTF8PROC_COMPAT |
	    UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (len <= 0) {
		free(out);
		return 0;
	}
	rc = fn(ctx, CS_KBTOK_WORD, (const char *)out, (int)len, start,
	    start + n);
	free(out);
	return rc;
}

int
cs_kbtok(const char *text, int n, int mode, cs_kbtok_fn fn, void *ctx)
{
	const unsigned char *s = (const unsigned char *)text;
	int i = 0, k, k2, j, run, rc;
	int32_t c, c2;

	if (n < 0)
		n = (int)strlen(text);
	while (i < n) {
		k = dec(s, n, i, &c);
		if (c >= 0 && is_cjk(c)) {
			/* One token per character: the bigram it starts, or
			 * the character alone at the end of its run. A query
			 * asks for the bigrams of its run, so "退货流程" is
			 * the phrase 退货 货流 流程. */
			for (run = 1;; run++) {
				k2 = i + k < n ? dec(s, n, i + k, &c2) : 0;
				if (!k2 || c2 < 0 || !is_cjk(c2))
					break;
				rc = fn(ctx, CS_KBTOK_CJK2, text + i, k + k2, i,
				    i + k + k2);
				if (rc)
					return rc;
				i += k;
				k = k2;
			}
			/* Alone at the end of the run. A query wants it when
			 * the run is one character, or when more of the
			 * phrase follows (the document has it there). */
			if (mode == CS_KBTOK_DOC || run == 1 ||
			    token_follows(s, n, i + k)) {
				rc = fn(ctx, CS_KBTOK_CJK1, text + i, k, i,
				    i + k);
				if (rc)
					return rc;
			}
			i += k;
		} else if (c >= 0 && word_start(c)) {
			for (j = i + k; j < n; j += k2) {
				k2 = dec(s, n, j, &c2);
				if (c2 < 0 || !word_cont(c2))
					break;
			}
			if ((rc = emit_word(s + i, j - i, i, fn, ctx)))
				return rc;
			i = j;
		} else
			i += k;
	}
	return 0;
}

/* ---- queries -------------------------------------------------------- */

/* One position of a text: a folded word or one CJK character. */
struct unit {
	int cjk;
	char *text;
	int start, end;		/* bytes of the text */
};

struct units {
	struct unit *u;
	size_t n, cap;
};

static int
collect(void *ctx, int kind, const char *tok, int n, int start, int end)
{
	struct units *us = ctx;
	struct unit *u;
	int32_t c;

	if (us->n == us->cap) {
		us->cap = us->cap ? 2 * us->cap : 16;
		us->u = cs_xrealloc(us->u, us->cap * sizeof(*us->u));
	}
	u = &us->u[us->n++];
	u->cjk = kind != CS_KBTOK_WORD;
	u->start = start;
	if (kind == CS_KBTOK_CJK2)	/* the unit is its first character */
		n = dec((const unsigned char *)tok, n, 0, &c);
	u->end = u->cjk ? start + n : end;
	u->text = cs_xstrndup(tok, (size_t)n);
	return 0;
}

static void
units_free(struct units *us)
{
	size_t i;

	for (i = 0; i < us->n; i++)
		free(us->u[i].text);
	free(us->u);
	us->u = NULL;
	us->n = us->cap = 0;
}

void
cs_kbq_free(struct cs_kbq *q)
{
	size_t i, k;

	for (i = 0; i < q->nseg; i++) {
		for (k = 0; k < q->seg[i].n; k++)
			free(q->seg[i].unit[k]);
		free(q->seg[i].unit);
		free(q->seg[i].cjk);
	}
	free(q->seg);
	free(q->match);
	memset(q, 0, sizeof(*q));
}

/* Whether the folded word s ends in a number (3, ٣, ³ ...). */
static int
ends_in_digit(const char *s)
{
	int n = (int)strlen(s), i = n;
	int32_t c;

	if (n == 0)
		return 0;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	if (i > 0)
		i--;
	dec((const unsigned char *)s, n, i, &c);
	if (c >= 0 && c < 0x80)
		return c >= '0' && c <= '9';
	return c >= 0 && utf8proc_category(c) >= UTF8PROC_CATEGORY_ND &&
	    utf8proc_category(c) <= UTF8PROC_CATEGORY_NO;
}

/* Whether the query goes on with '*' or a full-width '＊'. */
static int
star_follows(const char *p)
{
	return *p == '*' || strncmp(p, "\xef\xbc\x8a", 3) == 0;
}

/* Adds "term" (with * for a prefix) to the expression, once. */
static void
add_term(struct cs_buf *b, struct cs_map *seen, const char *s, size_t n,
    int prefix, const char *sep)
{
	struct cs_buf t = { 0 };

	cs_buf_addc(&t, '"');
	cs_buf_add(&t, s, n);	/* tokens hold no '"': it separates */
	cs_buf_addc(&t, '"');
	if (prefix)
		cs_buf_addc(&t, '*');
	if (cs_map_put(seen, t.s, 0, NULL)) {
		if (b->len)
			cs_buf_adds(b, sep);
		cs_buf_add(b, t.s, t.len);
	}
	cs_buf_free(&t);
}

int
cs_kbq_parse(struct cs_kbq *q, const char *text, int any)
{
	struct units us = { 0 };
	struct cs_buf m = { 0 }, key = { 0 };
	struct cs_map *seen = cs_map_new();
	struct cs_kbq_seg *sg;
	size_t i, a, b, k, nterms = 0, cap = 0;
	int prefix;

	memset(q, 0, sizeof(*q));
	cs_kbtok(text, -1, CS_KBTOK_DOC, collect, &us);
	/* A segment is a run of units with nothing between them: the user
	 * wrote it as one string, and it is asked as one phrase. */
	for (a = 0; a < us.n; a = b) {
		for (b = a + 1; b < us.n && us.u[b].start == us.u[b - 1].end;
		    b++)
			;
		/* A word is a prefix, as the spec asks ('pass' finds
		 * Password), unless it ends in a digit: E3 is a code, not
		 * the start of E30. The digit is the folded word's, so that
		 * Ｅ３ typed in full width is the code E3 too. A final '*'
		 * (or '＊') makes any word one. */
		prefix = us.u[b - 1].cjk ?
		    b - a == 1 || !us.u[b - 2].cjk :
		    star_follows(text + us.u[b - 1].end) ||
		    !ends_in_digit(us.u[b - 1].text);
		if (q->nseg == cap) {
			cap = cap ? 2 * cap : 8;
			q->seg = cs_xrealloc(q->seg, cap * sizeof(*q->seg));
		}
		sg = &q->seg[q->nseg++];
		sg->n = b - a;
		sg->prefix = prefix;
		sg->unit = cs_xcalloc(sg->n, sizeof(*sg->unit));
		sg->cjk = cs_xcalloc(sg->n, sizeof(*sg->cjk));
		for (k = 0; k < sg->n; k++) {
			sg->unit[k] = cs_xstrdup(us.u[a + k].text);
			sg->cjk[k] = us.u[a + k].cjk;
		}
		if (!any) {
			add_term(&m, seen, text + us.u[a].start,
			    (size_t)(us.u[b - 1].end - us.u[a].start), prefix,
			    " ");
			nterms++;
			continue;
		}
		/* Any of the words and bigrams: a ticket's text is no
		 * phrase, and bm25 weighs the rare terms up. */
		for (i = a; i < b && nterms < CS_KBQ_MAXTERMS; i++) {
			const struct unit *u = &us.u[i];

			if (!u->cjk) {
				/* The word as written, once per folded form:
				 * FTS5 folds it as it folded the document,
				 * while the folded form may not tokenize back
				 * into itself (⑴ folds to "(1)", asked as 1). */
				cs_buf_reset(&key);
				cs_buf_addc(&key, '\x1f');	/* no term */
				cs_buf_adds(&key, u->text);
				if (!cs_map_put(seen, key.s, 0, NULL))
					continue;
				add_term(&m, seen, text + u->start,
				    (size_t)(u->end - u->start), 0, " OR ");
			} else if (i + 1 < b && u[1].cjk)
				add_term(&m, seen, text + u->start,
				    (size_t)(u[1].end - u->start), 0, " OR ");
			else if (i == a || !u[-1].cjk)
				add_term(&m, seen, u->text, strlen(u->text), 1,
				    " OR ");
			else
				continue;
			nterms++;
		}
	}
	units_free(&us);
	cs_buf_free(&key);
	cs_map_free(seen);
	q->match = m.s;
	return m.s ? (int)q->nseg : 0;
}

/* ---- marking hits ----------------------------------------------------- */

struct range {
	int a, b;
};

static int
range_cmp(const void *x, const void *y)
{
	const struct range *p = x, *r = y;

	return p->a != r->a ? (p->a > r->a) - (p->a < r->a) :
	    (p->b > r->b) - (p->b < r->b);
}

/* Does the segment match the units of the text from position i? */
static int
seg_at(const struct cs_kbq_seg *sg, const struct units *us, size_t i)
{
	size_t k;
	const struct unit *u;

	if (i + sg->n > us->n)
		return 0;
	for (k = 0; k < sg->n; k++) {
		u = &us->u[i + k];
		if (u->cjk != sg->cjk[k])
			return 0;
		if (k + 1 == sg->n && sg->prefix && !u->cjk) {
			if (strncmp(u->text, sg->unit[k],
			    strlen(sg->unit[k])) != 0)
				return 0;
		} else if (strcmp(u->text, sg->unit[k]) != 0)
			return 0;
	}
	return 1;
}

/* A segment as one string, to mark each phrase of a query once. */
static void
seg_key(const struct cs_kbq_seg *sg, struct cs_buf *b)
{
	size_t k;

	cs_buf_reset(b);
	cs_buf_addc(b, sg->prefix ? '*' : '=');
	for (k = 0; k < sg->n; k++) {
		cs_buf_addc(b, sg->cjk[k] ? 'c' : 'w');
		cs_buf_adds(b, sg->unit[k]);
		cs_buf_addc(b, '\x1f');	/* in no token */
	}
}

static int
cpw(int32_t c)
{
	int w;

	if (c < 0x20 || c == 0x7f)
		return 0;
	w = utf8proc_charwidth(c);
	return w < 0 ? 0 : w;
}

char *
cs_kbq_mark(const struct cs_kbq *q, const char *text, size_t width,
    const char *open, const char *close)
{
	const unsigned char *s = (const unsigned char *)text;
	struct units us = { 0 };
	struct range *r = NULL;
	struct cs_buf out = { 0 }, key = { 0 };
	struct cs_map *done = cs_map_new();
	size_t nr = 0, cap = 0, nseg = 0, i, k, j, cols;
	int n = (int)strlen(text), from = 0, to = n, p, len, space = 0;
	int32_t c;

	cs_kbtok(text, n, CS_KBTOK_DOC, collect, &us);
	/*
	 * Each phrase is looked for at every position: a query that repeats
	 * its words, or has hundreds, would make that quadratic. Repeats are
	 * marked once, and the first CS_KBQ_MAXTERMS phrases only.
	 */
	for (k = 0; q && k < q->nseg && nseg < CS_KBQ_MAXTERMS; k++) {
		seg_key(&q->seg[k], &key);
		if (!cs_map_put(done, key.s, 0, NULL))
			continue;
		nseg++;
		for (i = 0; i < us.n; i++)
			if (seg_at(&q->seg[k], &us, i)) {
				if (nr == cap) {
					cap = cap ? 2 * cap : 16;
					r = cs_xrealloc(r, cap * sizeof(*r));
				}
				r[nr].a = us.u[i].start;
				r[nr].b = us.u[i + q->seg[k].n - 1].end;
				nr++;
			}
	}
	units_free(&us);
	cs_buf_free(&key);
	cs_map_free(done);
	if (nr > 1)
		qsort(r, nr, sizeof(*r), range_cmp);
	for (i = 0, j = 0; i < nr; i++) {	/* merge what overlaps */
		if (j > 0 && r[i].a <= r[j - 1].b) {
			if (r[i].b > r[j - 1].b)
				r[j - 1].b = r[i].b;
		} else
			r[j++] = r[i];
	}
	nr = j;
	if (width > 0) {
		/* A window of about width columns that starts a little
		 * before the first hit. */
		if (nr > 0) {
			cols = 0;
			for (from = r[0].a; from > 0 && cols < width / 4;) {
				p = from - 1;
				while (p > 0 && (s[p] & 0xc0) == 0x80)
					p--;
				dec(s, n, p, &c);
				if (c == '\n')
					break;
				cols += (size_t)cpw(c);
				from = p;
			}
		}
		cols = 0;
		for (to = from; to < n && cols < width; to += len) {
			len = dec(s, n, to, &c);
			cols += c < 0 ? 1 : c == '\n' || c == '\t' ? 1 :
			    (size_t)cpw(c);
		}
	}
	if (from > 0)
		cs_buf_adds(&out, "…");
	for (p = from, j = 0; p < to; p += len) {
		while (j < nr && r[j].b <= p)
			j++;
		if (j < nr && r[j].a == p)
			cs_buf_adds(&out, open);
		len = dec(s, n, p, &c);
		if (width > 0 && (c == '\n' || c == '\r' || c == '\t' ||
		    c == ' ')) {
			/* a snippet is one line: white space as one space */
			if (!space)
				cs_buf_addc(&out, ' ');
			space = 1;
		} else {
			cs_buf_add(&out, text + p, (size_t)len);
			space = 0;
		}
		if (j < nr && r[j].b == p + len)
			cs_buf_adds(&out, close);
		else if (j < nr && r[j].a <= p && p + len == to)
			cs_buf_adds(&out, close);	/* cut by the window */
	}
	if (to < n)
		cs_buf_adds(&out, "…");
	free(r);
	return out.s ? out.s : cs_xstrdup("");
}

/* ---- FTS5 glue ---------------------------------------------------------- */

struct fts_ctx {
	void *pctx;
	int (*token)(void *, int, const char *, int, int, int);
};

static int
fts_token(void *ctx, int kind, const char *tok, int n, int start, int end)
{
	struct fts_ctx *x = ctx;

	(void)kind;
	return x->token(x->pctx, 0, tok, n, start, end);
}

static int
tok_create(void *arg, const char **argv, int argc, Fts5Tokenizer **out)
{
	static int the_tokenizer;	/* no state: any non-NULL handle */

	(void)arg;
	(void)argv;
	if (argc > 0)
		return SQLITE_ERROR;
	*out = (Fts5Tokenizer *)&the_tokenizer;
	return SQLITE_OK;
}

static void
tok_delete(Fts5Tokenizer *t)
{
	(void)t;
}

static int
tok_tokenize(Fts5Tokenizer *t, void *pctx, int flags, const char *text,
    int n, int (*token)(void *, int, const char *, int, int, int))
{
	struct fts_ctx x = { pctx, token };

	(void)t;
	return cs_kbtok(text, n, (flags & FTS5_TOKENIZE_QUERY) ?
	    CS_KBTOK_QUERY : CS_KBTOK_DOC, fts_token, &x);
}

int
cs_kbtok_register(sqlite3 *h)
{
	static fts5_tokenizer tok = { tok_create, tok_delete, tok_tokenize };
	fts5_api *api = NULL;
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->iVersion < 2)
		return -1;
	return api->xCreateTokenizer(api, "cs", NULL, &tok, NULL) ==
	    SQLITE_OK ? 0 : -1;
}
