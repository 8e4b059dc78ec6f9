/* test_text.c - UTF-8 validation, trimming and folding of common/text.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cs.h"

static long
inv(const char *s)
{
	return cs_utf8_invalid(s, strlen(s));
}

static void
test_utf8_valid(void **state)
{
	(void)state;
	assert_int_equal(inv(""), -1);
	assert_int_equal(inv("plain ASCII text, longer than eight bytes"), -1);
	assert_int_equal(inv("李娜，北京市朝阳区"), -1);
	assert_int_equal(inv("\xc2\x80\xdf\xbf"), -1);		/* U+0080 U+07FF */
	assert_int_equal(inv("\xe0\xa0\x80\xef\xbf\xbf"), -1);	/* U+0800 U+FFFF */
	assert_int_equal(inv("\xed\x9f\xbf"), -1);		/* U+D7FF */
	assert_int_equal(inv("\xf0\x90\x80\x80"), -1);		/* U+10000 */
	assert_int_equal(inv("\xf4\x8f\xbf\xbf"), -1);		/* U+10FFFF */
	assert_int_equal(inv("𠀀😀 mixed 文字 and ASCII"), -1);
}

static void
test_utf8_invalid(void **state)
{
	(void)state;
	assert_int_equal(inv("abc\x80"), 3);			/* lone continuation */
	assert_int_equal(inv("\xc0\xaf"), 0);			/* overlong '/' */
	assert_int_equal(inv("\xc1\xbf"), 0);
	assert_int_equal(inv("abcdefgh\xe0\x80\xaf"), 8);	/* overlong, 3 bytes */
	assert_int_equal(inv("\xed\xa0\x80"), 0);		/* surrogate D800 */
	assert_int_equal(inv("\xf0\x80\x80\xaf"), 0);		/* overlong, 4 bytes */
	assert_int_equal(inv("\xf4\x90\x80\x80"), 0);		/* beyond 10FFFF */
	assert_int_equal(inv("\xf5\x80\x80\x80"), 0);
	assert_int_equal(inv("李\xe5\xa8"), 3);			/* truncated */
	assert_int_equal(inv("\xff"), 0);
	assert_int_equal(cs_utf8_invalid("\xe6\x9d\x8e", 2), 0);	/* cut by n */
	/* GBK bytes of 李娜 are not UTF-8 */
	assert_int_equal(inv("\xc0\xee\xc4\xc8"), 0);
}

static void
test_trim_fold(void **state)
{
	char buf[64], *f;

	(void)state;
	strcpy(buf, " \t\xe3\x80\x80李娜 \xe3\x80\x80\n");	/* U+3000 around */
	assert_string_equal(cs_text_trim(buf), "李娜");
	strcpy(buf, "   ");
	assert_string_equal(cs_text_trim(buf), "");
	f = cs_text_fold("Zhang.San@Example.COM");
	assert_string_equal(f, "zhang.san@example.com");
	free(f);
	f = cs_text_nfkc("\xef\xbc\x91\xef\xbc\x93\xef\xbc\x98");	/* １３８ */
	assert_string_equal(f, "138");
	free(f);
	assert_null(cs_text_fold("\xff"));
	/* the CJK fast path: ideographs as they are, ASCII folded */
	f = cs_text_fold("王芳 ACME 上海");
	assert_string_equal(f, "王芳 acme 上海");
	free(f);
	/* ... but not past a cut-off sequence or another character */
	assert_null(cs_text_fold("王\xe8\x8a"));
	f = cs_text_fold("王芳\xef\xbc\xa1\xc3\x9c");	/* 王芳ＡÜ */
	assert_string_equal(f, "王芳a\xc3\xbc");
	free(f);
	f = cs_text_nfkc("王 Ｗ");
	assert_string_equal(f, "王 W");
	free(f);
}

static void
test_blank(void **state)
{
	(void)state;
	assert_true(cs_text_blank(NULL));
	assert_true(cs_text_blank(""));
	assert_true(cs_text_blank(" \t\r\n"));
	assert_true(cs_text_blank("\xe3\x80\x80 "));	/* U+3000 */
	assert_false(cs_text_blank(" . "));
	assert_false(cs_text_blank("\xe3\x80\x80李"));
	assert_false(cs_text_blank("\xff"));
}

static void
test_halfwidth(void **state)
{
	char *h;

	(void)state;
	assert_null(cs_text_halfwidth("2026-11-01 09:00"));
	assert_null(cs_text_halfwidth("李娜。"));	/* U+3002 is not ASCII's */
	assert_null(cs_text_halfwidth(NULL));
	/* ２０２６－１１－０１　０９：００ */
	h = cs_text_halfwidth("\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x96"
	    "\xef\xbc\x8d\xef\xbc\x91\xef\xbc\x91\xef\xbc\x8d\xef\xbc\x90"
	    "\xef\xbc\x91\xe3\x80\x80\xef\xbc\x90\xef\xbc\x99\xef\xbc\x9a"
	    "\xef\xbc\x90\xef\xbc\x90");
	assert_string_equal(h, "2026-11-01 09:00");
	free(h);
	/* ！ and ～, the ends of the block; Ｗ, ａ; ￥ (U+FFE5) stays */
	h = cs_text_halfwidth("\xef\xbc\x81\xef\xbd\x9e\xef\xbc\xb7\xef\xbd\x81"
	    "\xef\xbf\xa5x");
	assert_string_equal(h, "!~Wa\xef\xbf\xa5x");
	free(h);
}

static void
test_parse_int(void **state)
{
	int64_t v = 7;

	(void)state;
	assert_int_equal(cs_parse_int("42", 1, 100, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(cs_parse_int("\xef\xbc\x91\xef\xbc\x92", 1, 100, &v), 0);
	assert_int_equal(v, 12);			/* １２ */
	assert_int_equal(cs_parse_int("-3", -5, 5, &v), 0);
	assert_int_equal(v, -3);
	assert_int_equal(cs_parse_int("+3", 0, 5, &v), -1);
	assert_int_equal(cs_parse_int("-9223372036854775808", INT64_MIN,
	    INT64_MAX, &v), 0);
	assert_true(v == INT64_MIN);
	assert_int_equal(cs_parse_int("9223372036854775807", 0, INT64_MAX,
	    &v), 0);
	assert_true(v == INT64_MAX);
	v = 7;
	assert_int_equal(cs_parse_int("9223372036854775808", 0, INT64_MAX,
	    &v), -1);
	assert_int_equal(cs_parse_int("101", 1, 100, &v), -1);
	assert_int_equal(cs_parse_int("0", 1, 100, &v), -1);
	assert_int_equal(cs_parse_int("", 1, 100, &v), -1);
	assert_int_equal(cs_parse_int("-", -5, 5, &v), -1);
	assert_int_equal(cs_parse_int(" 5", 1, 100, &v), -1);
	assert_int_equal(cs_parse_int("5x", 1, 100, &v), -1);
	assert_int_equal(cs_parse_int("1.5", 1, 100, &v), -1);
	assert_int_equal(cs_parse_int("\xef\xbd\x81", 1, 100, &v), -1);
	assert_int_equal(cs_parse_int(NULL, 1, 100, &v), -1);
	assert_int_equal(v, 7);			/* untouched on failure */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_invalid),
		cmocka_unit_test(test_trim_fold),
		cmocka_unit_test(test_blank),
		cmocka_unit_test(test_halfwidth),
		cmocka_unit_test(test_parse_int),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
