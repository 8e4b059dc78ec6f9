/* test_kbtok.c - the knowledge base's tokenizer, the query builder, the
 * marking of hits, and the index in SQLite against a LIKE scan */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "cs.h"

/* The tokens of text as "kind:token@start-end" joined by spaces. */
struct toks {
	struct cs_buf b;
};

static int
add(void *ctx, int kind, const char *tok, int n, int start, int end)
{
	struct toks *t = ctx;

	if (t->b.len)
		cs_buf_addc(&t->b, ' ');
	cs_buf_addf(&t->b, "%c:%.*s@%d-%d", kind == CS_KBTOK_WORD ? 'w' :
	    kind == CS_KBTOK_CJK1 ? '1' : '2', n, tok, start, end);
	return 0;
}

static char *
toks(const char *text, int mode)
{
	struct toks t = { { 0 } };

	assert_int_equal(cs_kbtok(text, -1, mode, add, &t), 0);
	return t.b.s ? t.b.s : cs_xstrdup("");
}

#define TOKS(text, mode, want) do { \
	char *got_ = toks(text, mode); \
	assert_string_equal(got_, want); \
	free(got_); \
} while (0)

static void
test_cjk_bigrams(void **state)
{
	(void)state;
	/* one token per character: the bigram it starts, the last alone */
	TOKS("退货流程", CS_KBTOK_DOC,
	    "2:退货@0-6 2:货流@3-9 2:流程@6-12 1:程@9-12");
	TOKS("退", CS_KBTOK_DOC, "1:退@0-3");
	/* a query asks for the bigrams of its run */
	TOKS("退货流程", CS_KBTOK_QUERY, "2:退货@0-6 2:货流@3-9 2:流程@6-12");
	TOKS("退货", CS_KBTOK_QUERY, "2:退货@0-6");
	TOKS("退", CS_KBTOK_QUERY, "1:退@0-3");
	/* ... and the last character when more of the phrase follows */
	TOKS("退货ok", CS_KBTOK_QUERY, "2:退货@0-6 1:货@3-6 w:ok@6-8");
	TOKS("ok退货", CS_KBTOK_QUERY, "w:ok@0-2 2:退货@2-8");
	/* kana and Hangul are CJK too; their punctuation separates */
	TOKS("ありがとう・한국", CS_KBTOK_DOC, "2:あり@0-6 2:りが@3-9 "
	    "2:がと@6-12 2:とう@9-15 1:う@12-15 2:한국@18-24 1:국@21-24");
	/* an extension B character (4 bytes) */
	TOKS("𠀀字", CS_KBTOK_DOC, "2:𠀀字@0-7 1:字@4-7");
}

static void
test_separators(void **state)
{
	(void)state;
	/* full-width and ASCII punctuation, spaces of every kind separate */
	TOKS("退货，发票。物流！", CS_KBTOK_DOC, "2:退货@0-6 1:货@3-6 "
	    "2:发票@9-15 1:票@12-15 2:物流@18-24 1:流@21-24");
	TOKS("退\xe3\x80\x80货 退\t货", CS_KBTOK_DOC,
	    "1:退@0-3 1:货@6-9 1:退@10-13 1:货@14-17");
	TOKS("「退货」、（发票）", CS_KBTOK_QUERY,
	    "2:退货@3-9 1:货@6-9 2:发票@18-24");
	TOKS("e-mail, don't", CS_KBTOK_DOC,
	    "w:e@0-1 w:mail@2-6 w:don@8-11 w:t@12-13");
	TOKS("", CS_KBTOK_DOC, "");
	TOKS(" ，。!?", CS_KBTOK_QUERY, "");
}

static void
test_words(void **state)
{
	(void)state;
	/* case-folded, NFKC: full-width letters and digits are ASCII */
	TOKS("Invoice ÉCOLE Ｆｕｌｌ２", CS_KBTOK_DOC,
	    "w:invoice@0-7 w:école@8-14 w:full2@15-30");
	TOKS("iPhone15退货", CS_KBTOK_DOC,
	    "w:iphone15@0-8 2:退货@8-14 1:货@11-14");
	TOKS("保修3年", CS_KBTOK_DOC, "2:保修@0-6 1:修@3-6 w:3@6-7 1:年@7-10");
	TOKS("Straße", CS_KBTOK_DOC, "w:strasse@0-7");
}

static void
test_invalid_bytes(void **state)
{
	unsigned char buf[512];
	struct cs_kbq q;
	char *m;
	int i, k;

	(void)state;
	TOKS("ab\xff" "cd\xe9\x80退", CS_KBTOK_DOC, "w:ab@0-2 w:cd@3-5 1:退@7-10");
	/* no input makes it fail or read past the end */
	srand(7);
	for (k = 0; k < 2000; k++) {
		for (i = 0; i < (int)sizeof(buf) - 1; i++)
			buf[i] = (unsigned char)(rand() % 4 ? 0xe0 + rand() % 16 :
			    rand() % 256);
		buf[sizeof(buf) - 1] = '\0';
		m = toks((char *)buf, k % 2 ? CS_KBTOK_QUERY : CS_KBTOK_DOC);
		free(m);
		cs_kbq_parse(&q, (char *)buf, k % 3 == 0);
		m = cs_kbq_mark(&q, (char *)buf, 40, "[", "]");
		free(m);
		cs_kbq_free(&q);
	}
}

static void
expr(const char *text, int any, const char *want, int nseg)
{
	struct cs_kbq q;

	assert_int_equal(cs_kbq_parse(&q, text, any), nseg);
	if (want)
		assert_string_equal(q.match, want);
	else
		assert_null(q.match);
	cs_kbq_free(&q);
}

static void
test_query_expr(void **state)
{
	(void)state;
	expr("退货", 0, "\"退货\"", 1);
	expr("退货流程", 0, "\"退货流程\"", 1);
	/* one character matches the bigram it starts: a prefix */
	expr("退", 0, "\"退\"*", 1);
	expr("3年", 0, "\"3年\"*", 1);
	expr("Inv*", 0, "\"Inv\"*", 1);
	/* an English word is a prefix ('pass' finds Password), but not one
	 * ending in a digit: E3 is a code, not the start of E30 */
	expr("inv *", 0, "\"inv\"*", 1);
	expr("E3", 0, "\"E3\"", 1);
	expr("E3*", 0, "\"E3\"*", 1);
	/* the same in full width: the digit is the folded word's */
	expr("Ｅ３", 0, "\"Ｅ３\"", 1);
	expr("Ｅ３＊", 0, "\"Ｅ３\"*", 1);
	expr("ｅｒｒ", 0, "\"ｅｒｒ\"*", 1);
	expr("退货，发票。 invoice", 0, "\"退货\" \"发票\" \"invoice\"*", 3);
	/* FTS5 syntax is text like any other */
	expr("a OR b NOT \"c\" NEAR(d) title:e ^f", 0,
	    "\"a\"* \"OR\"* \"b\"* \"NOT\"* \"c\"* \"NEAR\"* \"d\"* "
	    "\"title\"* \"e\"* \"f\"*", 10);
	expr("退货 退货", 0, "\"退货\"", 2);
	expr("* \" ( ) ，。", 0, NULL, 0);
	expr("", 0, NULL, 0);
	/* suggestions: any word or bigram; words as written (FTS5 folds
	 * them), each folded form once */
	expr("申请退货 iPhone", 1, "\"申请\" OR \"请退\" OR \"退货\" OR "
	    "\"iPhone\"", 2);
	expr("iPhone IPHONE iphone x", 1, "\"iPhone\" OR \"x\"", 4);
	/* a word whose folded form is no word: ⑴ folds to "(1)" */
	expr("⑴ 保修", 1, "\"⑴\" OR \"保修\"", 2);
	expr("退 货", 1, "\"退\"* OR \"货\"*", 2);
}

static void
mark(const char *query, const char *text, size_t width, const char *want)
{
	struct cs_kbq q;
	char *got;

	cs_kbq_parse(&q, query, 0);
	got = cs_kbq_mark(&q, text, width, "[", "]");
	assert_string_equal(got, want);
	free(got);
	cs_kbq_free(&q);
}

static void
test_mark(void **state)
{
	(void)state;
	mark("退货", "七天无理由退货：请申请退货。", 0,
	    "七天无理由[退货]：请申请[退货]。");
	mark("退", "撤退了退货", 0, "撤[退]了[退]货");
	mark("退货流程", "退货流程和退货", 0, "[退货流程]和退货");
	mark("inv*", "Invoice or INV-2 or conv", 0,
	    "[Invoice] or [INV]-2 or conv");
	mark("发票 invoice", "Invoice: 电子发票", 0, "[Invoice]: 电子[发票]");
	/* a window around the first hit, one line */
	mark("退货", "第一行\n第二行\n第三行很长很长很长很长很长很长很长很长"
	    "要退货的话", 20, "…很长要[退货]的话");
	mark("退货", "退货\n\n流程", 20, "[退货] 流程");
	mark("zz", "没有命中的时候显示开头部分的文字而已", 16,
	    "没有命中的时候显…");
}

/* ---- the index against a LIKE scan ------------------------------------ */

static const char *const docs[][2] = {
	{ "退货流程", "七天无理由退货：客户在签收后七天内可以申请退货。" },
	{ "发票开具", "Invoice: 电子发票在订单完成后开具，增值税专用发票另行邮寄。" },
	{ "物流查询", "在“我的订单”中查看物流。退货的物流单号也在这里。" },
	{ "保修政策", "整机保修一年，主要部件保修三年。退货后保修终止。" },
	{ "设备无法联网", "只支持2.4GHz Wi-Fi；长按电源键5秒进入配网模式。" },
	{ "货流程序", "货流、流程、程序：相邻的字并不等于相邻的词。" },
	{ "退", "货" },
	{ "撤退", "退货 流程 退货流程" },
};
#define NDOCS (sizeof(docs) / sizeof(docs[0]))

static sqlite3 *
kbdb(void)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	size_t i;

	setenv("CS_DB", ":memory:", 1);
	cs_db_close();
	assert_int_equal(cs_db_open(CS_DB_WRITE, &db), 0);
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO article (title, "
	    "body, owner, status, created_at, updated_at) VALUES (?, ?, 't', "
	    "'published', 0, 0)", -1, &st, NULL), SQLITE_OK);
	for (i = 0; i < NDOCS; i++) {
		sqlite3_bind_text(st, 1, docs[i][0], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, docs[i][1], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return db;
}

/* The ids that sql (one parameter) gives, as "1,3,5". */
static char *
ids(sqlite3 *db, const char *sql, const char *arg)
{
	struct cs_buf b = { 0 };
	sqlite3_stmt *st;
	int rc;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cs_buf_addf(&b, "%s%lld", b.len ? "," : "",
		    (long long)sqlite3_column_int64(st, 0));
	if (rc != SQLITE_DONE)
		fail_msg("%s: %s (%s)", sql, sqlite3_errmsg(db), arg);
	sqlite3_finalize(st);
	return b.s ? b.s : cs_xstrdup("");
}

static char *
fts(sqlite3 *db, const char *query)
{
	struct cs_kbq q;
	char *r;

	assert_true(cs_kbq_parse(&q, query, 0) > 0);
	r = ids(db, "SELECT rowid FROM article_fts WHERE article_fts MATCH ? "
	    "ORDER BY rowid", q.match);
	cs_kbq_free(&q);
	return r;
}

static char *
like(sqlite3 *db, const char *query)
{
	char *pat = cs_xasprintf("%%%s%%", query), *r;

	r = ids(db, "SELECT id FROM article WHERE title LIKE ?1 OR body LIKE "
	    "?1 ORDER BY id", pat);
	free(pat);
	return r;
}

/* Every run of 1 to 4 CJK characters of every text finds what LIKE
 * finds, and so do strings that are in none of them. */
static void
test_same_hits_as_like(void **state)
{
	static const char *const absent[] = { "货退", "程流", "退货流程序",
		"流程程", "无", "邮寄物" };
	sqlite3 *db = kbdb();
	const char *t;
	char sub[32], *a, *b;
	size_t i, k, len, n = 0;
	int f, p, q, ci;
	int32_t c;

	(void)state;
	for (i = 0; i < NDOCS; i++)
		for (f = 0; f < 2; f++) {
			t = docs[i][f];
			len = strlen(t);
			for (p = 0; p < (int)len; p++) {
				if (((unsigned char)t[p] & 0xc0) == 0x80)
					continue;
				for (q = p, ci = 0; q < (int)len && ci < 4;
				    ci++) {
					k = (size_t)utf8proc_iterate(
					    (const unsigned char *)t + q, -1, &c);
					if (c < 0x3400 || c > 0x9fff)
						break;
					q += (int)k;
					memcpy(sub, t + p, (size_t)(q - p));
					sub[q - p] = '\0';
					a = fts(db, sub);
					b = like(db, sub);
					if (strcmp(a, b) != 0)
						fail_msg("'%s': fts %s, like %s",
						    sub, a, b);
					free(a);
					free(b);
					n++;
				}
			}
		}
	assert_true(n > 200);
	for (i = 0; i < sizeof(absent) / sizeof(absent[0]); i++) {
		a = fts(db, absent[i]);
		b = like(db, absent[i]);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	cs_db_close();
}

static void
test_words_and_prefix_in_index(void **state)
{
	sqlite3 *db = kbdb();
	char *r;

	(void)state;
#define HITS(q, want) do { r = fts(db, q); assert_string_equal(r, want); \
	free(r); } while (0)
	HITS("invoice", "2");
	HITS("INVOICE", "2");
	HITS("Inv*", "2");
	HITS("inv", "2");
	HITS("wi-fi", "5");
	HITS("Ｗｉ", "5");
	HITS("5秒", "5");
	HITS("发票，invoice。", "2");
	HITS("退货 保修", "4");
	HITS("货", "1,3,4,6,7,8");	/* 货 alone, at the end of a run too */
#undef HITS
	cs_db_close();
}

/* The triggers keep the index in step with updates and deletes, whoever
 * makes them; FTS5's own check compares index and table. */
static void
test_index_in_step(void **state)
{
	sqlite3 *db = kbdb();
	char *r;

	(void)state;
	assert_int_equal(sqlite3_exec(db, "UPDATE article SET body = '换货' "
	    "WHERE id = 1; DELETE FROM article WHERE id = 3; UPDATE article "
	    "SET views = 9 WHERE id = 2", NULL, NULL, NULL), SQLITE_OK);
	r = fts(db, "退货");
	assert_string_equal(r, "1,4,8");	/* 1 by its title still */
	free(r);
	r = fts(db, "换货");
	assert_string_equal(r, "1");
	free(r);
	r = fts(db, "物流");
	assert_string_equal(r, "");
	free(r);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO article_fts "
	    "(article_fts, rank) VALUES ('integrity-check', 1)", NULL, NULL,
	    NULL), SQLITE_OK);
	cs_db_close();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cjk_bigrams),
		cmocka_unit_test(test_separators),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_invalid_bytes),
		cmocka_unit_test(test_query_expr),
		cmocka_unit_test(test_mark),
		cmocka_unit_test(test_same_hits_as_like),
		cmocka_unit_test(test_words_and_prefix_in_index),
		cmocka_unit_test(test_index_in_step),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
