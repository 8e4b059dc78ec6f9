/* kb - the knowledge base's search against a LIKE scan.
 *
 * Usage: kb DB [ARTICLES [QUERIES]]
 *
 * Writes ARTICLES generated articles (Chinese bodies of 200 to 800
 * characters, deterministic) into a new database DB through libcs, times
 * the build of the full-text index and measures its size, then times
 * QUERIES queries of two and of four characters taken from the text, each
 * through the query builder and FTS5 and as a LIKE '%q%' scan over title
 * and body, checks that both find the same articles, and prints the
 * medians and their ratio. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cs.h"

static unsigned long long seed = 0x2545f4914f6cdd1dULL;

static unsigned
rnd(unsigned n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % n);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Characters of customer-service text, the common first. */
static const char chars[] =
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成"
    "会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着"
    "等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
    "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新"
    "线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公"
    "无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活"
    "设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运"
    "农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规"
    "热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美"
    "再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完"
    "类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉"
    "林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委"
    "素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号"
    "率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂"
    "京识适属圆包火住调满县局照参红细引听该铁价严退货款票订单客服务物递";

#define NCHARS ((sizeof(chars) - 1) / 3)
#define NWORDS 4000

static char words[NWORDS][13];

static void
make_words(void)
{
	int i, k, n;

	for (i = 0; i < NWORDS; i++) {
		n = 1 + (int)rnd(4);	/* one to four characters */
		for (k = 0; k < n; k++)
			memcpy(words[i] + 3 * k, chars + 3 * rnd(NCHARS), 3);
		words[i][3 * n] = '\0';
	}
}

/* A word, the common ones far more often (about Zipf). */
static const char *
word(void)
{
	double u = (double)rnd(1000000) / 1e6;

	return words[(int)(NWORDS * u * u * u)];
}

/* Chinese text of about n characters, with punctuation. */
static void
text(struct cs_buf *b, int n)
{
	int chars_out = 0, k = 0;
	const char *w;

	cs_buf_reset(b);
	while (chars_out < n) {
		w = word();
		cs_buf_adds(b, w);
		chars_out += (int)strlen(w) / 3;
		if (++k % (4 + rnd(10)) == 0) {
			cs_buf_adds(b, rnd(3) ? "，" : "。");
			chars_out++;
		}
	}
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The ids a statement gives for one text parameter, as a sum and a count
 * (enough to tell two sets of ascending ids apart with a hash). */
struct hits {
	long n;
	unsigned long long h;
};

static struct hits
run(sqlite3_stmt *st, const char *arg)
{
	struct hits r = { 0, 1469598103934665603ULL };
	int64_t id;

	sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		r.n++;
		r.h = (r.h ^ (unsigned long long)id) * 1099511628211ULL;
	}
	sqlite3_reset(st);
	return r;
}

/* A query of n CJK characters from the text of a random article. */
static void
pick(sqlite3 *db, int articles, int n, char *out)
{
	sqlite3_stmt *st;
	const char *body;
	size_t len, at;
	int ok, k;

	sqlite3_prepare_v2(db, "SELECT body FROM article WHERE id = ?", -1, &st,
	    NULL);
	for (;;) {
		sqlite3_bind_int(st, 1, 1 + (int)rnd((unsigned)articles));
		sqlite3_step(st);
		body = (const char *)sqlite3_column_text(st, 0);
		len = strlen(body);
		at = 3 * rnd((unsigned)(len / 3 - (size_t)n));
		/* all of the characters from the list: no punctuation */
		for (ok = 1, k = 0; k < n && ok; k++)
			ok = memcmp(body + at + 3 * k, "，", 3) != 0 &&
			    memcmp(body + at + 3 * k, "。", 3) != 0;
		if (ok) {
			memcpy(out, body + at, 3 * (size_t)n);
			out[3 * n] = '\0';
			sqlite3_reset(st);
			break;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
}

int
main(int argc, char **argv)
{
	int articles = argc > 2 ? atoi(argv[2]) : 100000;
	int nq = argc > 3 ? atoi(argv[3]) : 15;
	sqlite3 *db;
	sqlite3_stmt *ins, *fts, *ranked, *like;
	struct cs_buf title = { 0 }, body = { 0 };
	struct cs_kbq q;
	struct hits a, b;
	double t0, t_load, t_build, t_like, *tf, *tr, *tl, *nh, fmax, rmax;
	long long pages0 = 0, pages1 = 0, psize = 0, bytes = 0;
	char query[32], *pat;
	int i, len, rep, lens[2] = { 2, 4 }, li, same = 1;

	if (argc < 2) {
		fprintf(stderr, "usage: kb DB [ARTICLES [QUERIES]]\n");
		return 2;
	}
	cs_conf.db = argv[1];
	if (cs_db_open(CS_DB_WRITE, &db))
		return 1;
	sqlite3_exec(db, "PRAGMA cache_size = -262144; PRAGMA synchronous = "
	    "NORMAL", NULL, NULL, NULL);
	make_words();

	/* The articles, without the index: the insert trigger waits. */
	sqlite3_exec(db, "DROP TRIGGER article_fts_insert", NULL, NULL, NULL);
	t0 = now();
	sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	sqlite3_prepare_v2(db, "INSERT INTO article (title, body, status, "
	    "owner, created_at, updated_at) VALUES (?, ?, 'published', 'bench',"
	    " 0, 0)", -1, &ins, NULL);
	for (i = 0; i < articles; i++) {
		text(&title, 6 + (int)rnd(10));
		text(&body, 200 + (int)rnd(601));
		bytes += (long long)(title.len + body.len);
		sqlite3_bind_text(ins, 1, title.s, (int)title.len,
		    SQLITE_STATIC);
		sqlite3_bind_text(ins, 2, body.s, (int)body.len, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			fprintf(stderr, "kb: %s\n", sqlite3_errmsg(db));
			return 1;
		}
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	t_load = now() - t0;

	/* The index of all of them at once, as the trigger would have
	 * built it one by one. */
	sqlite3_prepare_v2(db, "PRAGMA page_count", -1, &ins, NULL);
	sqlite3_step(ins);
	pages0 = sqlite3_column_int64(ins, 0);
	sqlite3_finalize(ins);
	t0 = now();
	if (sqlite3_exec(db, "INSERT INTO article_fts (article_fts) VALUES "
	    "('rebuild'); INSERT INTO article_fts (article_fts) VALUES "
	    "('optimize')", NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "kb: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	t_build = now() - t0;
	sqlite3_prepare_v2(db, "SELECT page_count, page_size FROM "
	    "pragma_page_count, pragma_page_size", -1, &ins, NULL);
	sqlite3_step(ins);
	pages1 = sqlite3_column_int64(ins, 0);
	psize = sqlite3_column_int64(ins, 1);
	sqlite3_finalize(ins);

	printf("%-34s %8d\n", "articles", articles);
	printf("%-34s %8.1f MB\n", "  their text", (double)bytes / 1e6);
	printf("%-34s %8.3f s\n", "  load without the index", t_load);
	printf("%-34s %8.3f s\n", "index build (rebuild + optimize)",
	    t_build);
	printf("%-34s %8.1f MB\n", "index size",
	    (double)(pages1 - pages0) * (double)psize / 1e6);

	sqlite3_prepare_v2(db, "SELECT rowid FROM article_fts WHERE "
	    "article_fts MATCH ? ORDER BY rowid", -1, &fts, NULL);
	/* what cs-kb search runs: published only, ranked, the first 20 */
	sqlite3_prepare_v2(db, "SELECT a.id FROM article_fts JOIN article a ON "
	    "a.id = article_fts.rowid WHERE article_fts MATCH ? AND a.status = "
	    "'published' ORDER BY bm25(article_fts, 10.0, 1.0), a.helpful DESC,"
	    " a.id LIMIT 20", -1, &ranked, NULL);
	sqlite3_prepare_v2(db, "SELECT id FROM article WHERE title LIKE ?1 OR "
	    "body LIKE ?1 ORDER BY id", -1, &like, NULL);
	tf = cs_xcalloc((size_t)nq, sizeof(*tf));
	tr = cs_xcalloc((size_t)nq, sizeof(*tr));
	tl = cs_xcalloc((size_t)nq, sizeof(*tl));
	nh = cs_xcalloc((size_t)nq, sizeof(*nh));
	run(like, "%热身%");	/* the same warm cache for both */
	printf("medians of the queries (max)  hits   fts ms   like ms   ratio"
	    "   ranked top 20 ms\n");
	for (li = 0; li < 2; li++) {
		len = lens[li];
		fmax = rmax = 0;
		for (i = 0; i < nq; i++) {
			pick(db, articles, len, query);
			cs_kbq_parse(&q, query, 0);
			pat = cs_xasprintf("%%%s%%", query);
			/* best of three for the index; LIKE once, it is slow */
			tf[i] = tr[i] = 1e9;
			for (rep = 0; rep < 3; rep++) {
				t0 = now();
				a = run(fts, q.match);
				if (now() - t0 < tf[i])
					tf[i] = now() - t0;
				t0 = now();
				run(ranked, q.match);
				if (now() - t0 < tr[i])
					tr[i] = now() - t0;
			}
			t0 = now();
			b = run(like, pat);
			tl[i] = now() - t0;
			if (a.n != b.n || a.h != b.h) {
				same = 0;
				fprintf(stderr, "kb: '%s': fts %ld hits, like "
				    "%ld: not the same\n", query, a.n, b.n);
			}
			nh[i] = (double)a.n;
			if (tf[i] > fmax)
				fmax = tf[i];
			if (tr[i] > rmax)
				rmax = tr[i];
			free(pat);
			cs_kbq_free(&q);
		}
		t_like = median(tl, nq);
		printf("%d characters (%2d queries) %7.0f %8.3f %9.1f %6.0fx "
		    "%8.3f\n", len, nq, median(nh, nq), 1e3 * median(tf, nq),
		    1e3 * t_like, t_like / median(tf, nq), 1e3 * median(tr, nq));
		printf("  slowest of them                 %8.3f %9s %7s %8.3f\n",
		    1e3 * fmax, "", "", 1e3 * rmax);
	}
	printf("%-34s %8s\n", "hit sets identical to LIKE", same ? "yes" :
	    "NO");
	sqlite3_finalize(fts);
	sqlite3_finalize(ranked);
	sqlite3_finalize(like);
	free(tf);
	free(tr);
	free(tl);
	free(nh);
	cs_buf_free(&title);
	cs_buf_free(&body);
	cs_db_close();
	return same ? 0 : 1;
}
