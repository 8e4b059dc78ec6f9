/* test_phone.c - phone numbers, e-mail addresses and masks of phone.c */
#include <regex.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cs.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- helpers ------------------------------------------------------------ */

static const char *
kind_name(enum cs_phone_kind k)
{
	switch (k) {
	case CS_PHONE_MOBILE:
		return "mobile";
	case CS_PHONE_LANDLINE:
		return "landline";
	case CS_PHONE_SERVICE:
		return "service";
	case CS_PHONE_E164:
		return "e164";
	}
	return "?";
}

/* A kind other than k, to see that cs_phone_norm sets it. */
static enum cs_phone_kind
other_kind(enum cs_phone_kind k)
{
	return k == CS_PHONE_MOBILE ? CS_PHONE_E164 : CS_PHONE_MOBILE;
}

/*
 * in is accepted as want of kind wkind, and want itself reads back
 * unchanged: what export writes, import must take as it is.
 */
static void
check_norm(int line, const char *in, const char *want,
    enum cs_phone_kind wkind)
{
	enum cs_phone_kind k = other_kind(wkind);
	const char *why = "unset";
	char *got, *again;

	got = cs_phone_norm(in, &k, &why);
	if (got == NULL)
		fail_msg("line %d: \"%s\" refused: %s", line, in, why);
	if (strcmp(got, want) != 0 || k != wkind)
		fail_msg("line %d: \"%s\" -> \"%s\" (%s), want \"%s\" (%s)",
		    line, in, got, kind_name(k), want, kind_name(wkind));
	if (why != NULL)
		fail_msg("line %d: \"%s\" accepted with problem \"%s\"", line,
		    in, why);
	k = other_kind(wkind);
	again = cs_phone_norm(got, &k, &why);
	if (again == NULL || strcmp(again, got) != 0 || k != wkind)
		fail_msg("line %d: normal form \"%s\" reads back as \"%s\"",
		    line, got, again ? again : why);
	free(again);
	free(got);
}

/* in is refused with a one-line message; containing sub when given. */
static void
check_bad(int line, const char *in, const char *sub)
{
	enum cs_phone_kind k = CS_PHONE_MOBILE;
	const char *why = NULL;
	char *got;

	got = cs_phone_norm(in, &k, &why);
	if (got != NULL)
		fail_msg("line %d: \"%s\" accepted as \"%s\" (%s)", line,
		    in ? in : "(null)", got, kind_name(k));
	if (why == NULL || *why == '\0' || strchr(why, '\n') != NULL)
		fail_msg("line %d: \"%s\" refused without a proper problem",
		    line, in ? in : "(null)");
	if (sub != NULL && strstr(why, sub) == NULL)
		fail_msg("line %d: \"%s\" refused with \"%s\", want \"%s\"",
		    line, in, why, sub);
}

#define NORM(in, want, kind)	check_norm(__LINE__, (in), (want), (kind))
#define MOBILE(in, want)	NORM((in), (want), CS_PHONE_MOBILE)
#define LANDLINE(in, want)	NORM((in), (want), CS_PHONE_LANDLINE)
#define SERVICE(in, want)	NORM((in), (want), CS_PHONE_SERVICE)
#define E164(in, want)		NORM((in), (want), CS_PHONE_E164)
#define BAD(in)			check_bad(__LINE__, (in), NULL)
#define BAD_WHY(in, sub)	check_bad(__LINE__, (in), (sub))

static const char *
nn(const char *s)
{
	return s ? s : "(null)";
}

#define STR_FN(fn, in, want) do { \
	char *s_ = fn(in); \
	if (s_ == NULL || strcmp(s_, (want)) != 0) \
		fail_msg("%s(\"%s\") = \"%s\", want \"%s\"", #fn, \
		    nn(in), nn(s_), (want)); \
	free(s_); \
} while (0)

#define PMASK(in, want)		STR_FN(cs_phone_mask, (in), (want))
#define DIGITS(in, want)	STR_FN(cs_phone_digits, (in), (want))
#define EKEY(in, want)		STR_FN(cs_email_key, (in), (want))
#define EMASK(in, want)		STR_FN(cs_email_mask, (in), (want))

static void
check_email(int line, const char *in, const char *want)
{
	const char *why = "unset";
	char *got, *again;

	got = cs_email_norm(in, &why);
	if (got == NULL)
		fail_msg("line %d: e-mail \"%s\" refused: %s", line, in, why);
	if (strcmp(got, want) != 0)
		fail_msg("line %d: e-mail \"%s\" -> \"%s\", want \"%s\"",
		    line, in, got, want);
	if (why != NULL)
		fail_msg("line %d: \"%s\" accepted with problem \"%s\"", line,
		    in, why);
	again = cs_email_norm(got, &why);
	if (again == NULL || strcmp(again, got) != 0)
		fail_msg("line %d: normal form \"%s\" reads back as \"%s\"",
		    line, got, again ? again : why);
	free(again);
	free(got);
}

static void
check_email_bad(int line, const char *in, const char *sub)
{
	const char *why = NULL;
	char *got;

	got = cs_email_norm(in, &why);
	if (got != NULL)
		fail_msg("line %d: e-mail \"%s\" accepted as \"%s\"", line,
		    in ? in : "(null)", got);
	if (why == NULL || *why == '\0' || strchr(why, '\n') != NULL)
		fail_msg("line %d: \"%s\" refused without a proper problem",
		    line, in ? in : "(null)");
	if (sub != NULL && strstr(why, sub) == NULL)
		fail_msg("line %d: \"%s\" refused with \"%s\", want \"%s\"",
		    line, in, why, sub);
}

#define EMAIL(in, want)		check_email(__LINE__, (in), (want))
#define EMAIL_BAD(in)		check_email_bad(__LINE__, (in), NULL)
#define EMAIL_BAD_WHY(in, sub)	check_email_bad(__LINE__, (in), (sub))

/* A file of the shared test material, or NULL when it is absent. Tests
 * run from the project root; $CS_TESTDATA may point elsewhere. */
static char *
testdata(const char *name)
{
	const char *dir = getenv("CS_TESTDATA");
	FILE *fp;
	char *path;

	path = cs_xasprintf("%s/%s", dir ? dir : "../shared/testdata", name);
	if ((fp = fopen(path, "r")) == NULL) {
		free(path);
		return NULL;
	}
	fclose(fp);
	return path;
}

static char *
slurp(const char *path)
{
	struct cs_buf b = { 0 };
	char chunk[4096];
	FILE *fp;
	size_t n;

	fp = fopen(path, "r");
	assert_non_null(fp);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		cs_buf_add(&b, chunk, n);
	assert_false(ferror(fp));
	fclose(fp);
	return b.s ? b.s : cs_xstrdup("");
}

/* ---- mobiles ------------------------------------------------------------ */

/* The ten spellings of the issue, and more that customers type. */
static void
test_mobile_spellings(void **state)
{
	static const char *const in[] = {
		"13812345678",
		"138 1234 5678",
		"138-1234-5678",
		"+86 138 1234 5678",
		"+8613812345678",
		"0086 13812345678",
		"86-138-1234-5678",
		"１３８１２３４５６７８",		/* full-width digits */
		"(+86)138.1234.5678",
		"+86-138-1234-5678",
		/* all full-width */
		"（＋８６）１３８－１２３４－５６７８",
		"  13812345678\t",
		"138\xe3\x80\x80" "1234\xe3\x80\x80" "5678",	/* U+3000 */
		"138\xc2\xa0" "1234 5678",		/* no-break space */
		"138\xe2\x80\x94" "1234\xe2\x80\x93" "5678", /* em, en */
		"0086-138-1234-5678",
		"+86 (0) 138 1234 5678",
		"8613812345678",
		"013812345678",		/* a switchboard's 0 before a mobile */
		"(138) 1234-5678",
		"138.1234.5678",
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(in); i++)
		MOBILE(in[i], "13812345678");
}

static void
test_mobile_prefixes(void **state)
{
	char in[32];
	int p;

	(void)state;
	/* 13 to 19: every second digit 3-9 is a mobile, 10-12 never */
	for (p = 10; p <= 19; p++) {
		snprintf(in, sizeof(in), "%d012345678", p);
		if (p >= 13)
			MOBILE(in, in);
		else
			BAD_WHY(in, p == 10 ? NULL : "mobile");
	}
	MOBILE("19912345678", "19912345678");
	MOBILE("+86 199 1234 5678", "19912345678");
	BAD_WHY("1381234567", "11 digits");		/* 10 digits */
	BAD_WHY("138123456789", "11 digits");		/* 12 digits */
	BAD_WHY("12812345678", "13-19");
	BAD_WHY("+86 12", "mobile");
	BAD("+86 1381234567");
	BAD("861381234567");			/* 86 and 10 digits */
	BAD("8612812345678");
	BAD("0138123456");
}

/* ---- landlines ---------------------------------------------------------- */

static void
test_landline(void **state)
{
	(void)state;
	LANDLINE("(010)12345678", "010-12345678");
	LANDLINE("010-12345678", "010-12345678");
	LANDLINE("01012345678", "010-12345678");
	LANDLINE("010 1234 5678", "010-12345678");
	LANDLINE("010-1234-5678", "010-12345678");
	LANDLINE("（０１０）１２３４５６７８", "010-12345678");
	LANDLINE("０１０\xe3\x80\x80" "１２３４５６７８", "010-12345678");
	LANDLINE("0755 8888 6666", "0755-88886666");
	LANDLINE("0755-8888-6666", "0755-88886666");
	LANDLINE("(0755) 8888-6666", "0755-88886666");
	LANDLINE("０７５５－８８８８６６６６", "0755-88886666");
	LANDLINE("+86 0755 88886666", "0755-88886666");
	LANDLINE("+86 0755 8888 6666", "0755-88886666");
	LANDLINE("+86 755 8888 6666", "0755-88886666");
	LANDLINE("+86 (0) 755 8888 6666", "0755-88886666");
	LANDLINE("0086-755-88886666", "0755-88886666");
	LANDLINE("0086 0755 88886666", "0755-88886666");
	LANDLINE("+86 10 12345678", "010-12345678");
	LANDLINE("+86-21-87654321", "021-87654321");
	LANDLINE("021-87654321", "021-87654321");
	LANDLINE("029.8888.6666", "029-88886666");
	LANDLINE("0571-88888888", "0571-88888888");
	LANDLINE("0898-66666666", "0898-66666666");
	/* three-digit area codes may be followed by 7 digits */
	LANDLINE("0898-6666666", "0898-6666666");
	LANDLINE("0571-888-8888", "0571-8888888");
	LANDLINE("0910 1234567", "0910-1234567");
}

static void
test_landline_refused(void **state)
{
	(void)state;
	BAD_WHY("0755-123", "7 or 8 digits");
	BAD_WHY("0755-123456", "7 or 8 digits");
	BAD_WHY("0755-123456789", "7 or 8 digits");
	/* 010 and 02X numbers all have 8 digits (libphonenumber agrees) */
	BAD_WHY("021-1234567", "8 digits");
	BAD_WHY("010-1234567", "8 digits");
	BAD_WHY("010-123456789", "8 digits");
	BAD_WHY("0755-0123456", "cannot start with 0");
	BAD_WHY("010-01234567", "cannot start with 0");
	BAD_WHY("0755", "missing");
	BAD_WHY("010", "missing");
	BAD_WHY("0", "area code");
	BAD_WHY("011-12345678", "area code");	/* no area code 011 */
	BAD_WHY("0123 4567890", "area code");
	BAD_WHY("88886666", "without area code");
	BAD_WHY("8888666", "without area code");
	BAD_WHY("8888-6666", "without area code");
	BAD_WHY("1012345678", "its 0");		/* 010 without its 0 */
	BAD_WHY("2187654321", "its 0");
	BAD_WHY("+86 0", "+86");
	BAD_WHY("+86 755 123", "7 or 8 digits");
}

/* ---- extensions --------------------------------------------------------- */

static void
test_extension(void **state)
{
	(void)state;
	LANDLINE("010-12345678-8001", "010-12345678-8001");
	LANDLINE("010 12345678 转8001", "010-12345678-8001");
	LANDLINE("010-12345678 转 8001", "010-12345678-8001");
	LANDLINE("010-12345678转8001", "010-12345678-8001");
	LANDLINE("010-12345678分机8001", "010-12345678-8001");
	LANDLINE("010-12345678 ext 8001", "010-12345678-8001");
	LANDLINE("010-12345678 ext.8001", "010-12345678-8001");
	LANDLINE("010-12345678 EXT. 8001", "010-12345678-8001");
	LANDLINE("010-12345678 Ext: 8001", "010-12345678-8001");
	LANDLINE("010-12345678x8001", "010-12345678-8001");
	LANDLINE("010-12345678 X 8001", "010-12345678-8001");
	LANDLINE("010-12345678#8001", "010-12345678-8001");
	LANDLINE("０１０－１２３４５６７８ 转 ８００１", "010-12345678-8001");
	LANDLINE("(010)1234-5678-8001", "010-12345678-8001");
	LANDLINE("010-12345678（转8001）", "010-12345678-8001");
	LANDLINE("010-12345678 (ext. 8001)", "010-12345678-8001");
	LANDLINE("+86 10 1234 5678 ext 8001", "010-12345678-8001");
	LANDLINE("0755-88886666-1", "0755-88886666-1");
	LANDLINE("0755-88886666-123456", "0755-88886666-123456");
	LANDLINE("0755 8888 6666 转 0", "0755-88886666-0");
	/* after a whole 7-digit number a dash starts an extension, so
	 * that the normal form reads back as itself */
	LANDLINE("0755-1234567-8", "0755-1234567-8");
	LANDLINE("0755 1234567 转8", "0755-1234567-8");
	SERVICE("400-123-4567-8001", "400-123-4567-8001");
	SERVICE("400 123 4567 转 8001", "400-123-4567-8001");
	SERVICE("4001234567 ext 12", "400-123-4567-12");

	/* a mobile has no extension */
	BAD_WHY("13812345678-8001", "mobile");
	BAD_WHY("13812345678 转8001", "mobile");
	BAD_WHY("138-1234-5678 ext 8001", "mobile");
	BAD_WHY("+86 138 1234 5678 x8001", "mobile");
	/* neither has a number abroad: its form would no longer be E.164 */
	BAD_WHY("+1 650 253 0000 x123", "extension");
	/* 1 to 6 digits, at the end, after a number */
	BAD_WHY("010-12345678 转1234567", "extension");
	BAD_WHY("010-12345678-1234567", NULL);
	BAD_WHY("010-12345678 转", "extension");
	BAD_WHY("010-12345678 转 8001 前台", "extension");
	BAD_WHY("010-12345678 ext 80-01", "extension");
	BAD_WHY("转8001", "after the number");
	BAD_WHY("ext 8001", "after the number");
	BAD_WHY("010-12345678 8001", NULL);	/* a space is no dash */
}

/* ---- 400 and 800 -------------------------------------------------------- */

static void
test_service(void **state)
{
	(void)state;
	SERVICE("4001234567", "400-123-4567");
	SERVICE("400-123-4567", "400-123-4567");
	SERVICE("400 123 4567", "400-123-4567");
	SERVICE("400-1234-567", "400-123-4567");
	SERVICE("４００－１２３－４５６７", "400-123-4567");
	SERVICE("800 123 4567", "800-123-4567");
	SERVICE("8001234567", "800-123-4567");
	SERVICE("+86 400 123 4567", "400-123-4567");
	BAD_WHY("400-123-456", "10 digits");
	BAD_WHY("400-123-45678", "10 digits");
	BAD_WHY("800-123", "10 digits");
	BAD("401-123-4567");
}

/* ---- E.164 -------------------------------------------------------------- */

static void
test_e164(void **state)
{
	(void)state;
	E164("+852 9123 4567", "+85291234567");
	E164("+852-9123-4567", "+85291234567");
	E164("00852 9123 4567", "+85291234567");
	E164("＋８５２ ９１２３ ４５６７", "+85291234567");
	E164("+1 650 253 0000", "+16502530000");
	E164("+1 (650) 253-0000", "+16502530000");
	E164("+44 20 7946 0958", "+442079460958");
	E164("+886 2 2345 6789", "+886223456789");
	E164("+7 495 123 4567", "+74951234567");
	E164("+1234567", "+1234567");			/* 7 digits */
	E164("+123456789012345", "+123456789012345");	/* 15 digits */
	BAD_WHY("+123456", "7 to 15");
	BAD_WHY("+1234567890123456", "7 to 15");
	BAD_WHY("+0123456789", "first not 0");
	BAD_WHY("+0086 138 1234 5678", "first not 0");
	BAD_WHY("00", "7 to 15");
	/* a number abroad without + is refused, not guessed */
	BAD_WHY("85291234567", "+CC");
	BAD_WHY("6502530000", "+CC");
	/* but a number of North America without + is 1 and 10 digits, which
	 * may well be a mainland mobile: nothing tells them apart */
	MOBILE("16502530000", "16502530000");
	BAD_WHY("442079460958", "+CC");
	/* +86 numbers follow the mainland rules, never E.164 */
	BAD_WHY("+86 2079 4609", "8 digits");
	BAD_WHY("+86", "+86");
}

/* ---- refused ------------------------------------------------------------ */

static void
test_refused(void **state)
{
	(void)state;
	BAD("12345");
	BAD("1381234567");
	BAD("23812345678");
	BAD("12812345678");
	BAD("13812345678-8001");
	BAD("85291234567");
	BAD_WHY("abc", "not a phone number");
	BAD_WHY("", "empty");
	BAD_WHY("   ", "empty");
	BAD_WHY("\xe3\x80\x80", "empty");
	BAD_WHY(NULL, "empty");
	BAD("+86 12");
	BAD("0755-123");
	BAD_WHY("+", "no digits");
	BAD_WHY("()-.", "no digits");
	BAD_WHY("110", "mobile");
	BAD_WHY("95588", "too few");
	BAD_WHY("138\xff" "12345678", "UTF-8");
	BAD_WHY("138****5678", "masked");
	BAD_WHY("13812345678/13912345678", "one phone number");
	BAD_WHY("13812345678, 13912345678", "one phone number");
	BAD_WHY("13812345678；13912345678", "one phone number");
	BAD_WHY("13812345678、13912345678", "one phone number");
	BAD_WHY("手机：13812345678", "not a phone number");
	BAD_WHY("tel:13812345678", "not a phone number");
	BAD_WHY("138 1234 567８ 9", "mobile");
	BAD_WHY("138+1234+5678", "+");
	BAD_WHY("++86 138 1234 5678", "+");
	BAD_WHY("1234567890123456789012345678901234567890", "too many");
	BAD_WHY("13812345678_", "not a phone number");
}

/* NULL kind and problem pointers are allowed. */
static void
test_null_args(void **state)
{
	char *s;

	(void)state;
	s = cs_phone_norm("138 1234 5678", NULL, NULL);
	assert_string_equal(s, "13812345678");
	free(s);
	assert_null(cs_phone_norm("12345", NULL, NULL));
	assert_null(cs_phone_norm(NULL, NULL, NULL));
	s = cs_email_norm("A@B.CN", NULL);
	assert_string_equal(s, "A@b.cn");
	free(s);
	assert_null(cs_email_norm("a@b", NULL));
}

/* ---- libphonenumber's classified examples ------------------------------- */

/*
 * Where our rules deliberately differ from libphonenumber's CN metadata.
 * norm NULL: we refuse the number.
 */
static const struct {
	const char *input;
	const char *norm;
	enum cs_phone_kind kind;
	const char *why;
} differs[] = {
	/* The spec's mobile rule is 1[3-9] and 9 digits; libphonenumber
	 * keeps 146 (IoT) out and knows only 1740[0-5] (satellite). */
	{ "17412345678", "17412345678", CS_PHONE_MOBILE, "1[3-9] rule" },
	{ "14612345678", "14612345678", CS_PHONE_MOBILE, "1[3-9] rule" },
	/* Any three-digit area code may have 7-digit numbers: we do not
	 * keep the history of which cities went to 8 digits (0898 Hainan,
	 * 0432 Jilin in 2009). */
	{ "0898-6666666", "0898-6666666", CS_PHONE_LANDLINE, "7 digits" },
	{ "0432-1234567", "0432-1234567", CS_PHONE_LANDLINE, "7 digits" },
	/* A landline is written with the 0 of its area code; libphonenumber
	 * parses the national number without it. */
	{ "1012345678", NULL, CS_PHONE_LANDLINE, "no trunk 0" },
};

/* Our kind for a class of the file; -1 for refused. */
static int
map_class(const char *cls)
{
	if (strcmp(cls, "mobile") == 0)
		return CS_PHONE_MOBILE;
	if (strcmp(cls, "fixedLine") == 0)
		return CS_PHONE_LANDLINE;
	/* 400 is shared cost and 800 toll free: both are service numbers */
	if (strcmp(cls, "sharedCost") == 0 || strcmp(cls, "tollFree") == 0)
		return CS_PHONE_SERVICE;
	/* invalid, and premiumRate (168 numbers): no kind of ours */
	if (strcmp(cls, "invalid") == 0 || strcmp(cls, "premiumRate") == 0)
		return -1;
	fail_msg("unknown libphonenumber class \"%s\"", cls);
	return -1;
}

static void
check_example(const char *input, const char *national, const char *cls)
{
	enum cs_phone_kind k = CS_PHONE_E164;
	const char *why = NULL;
	char *got, *digits, *want;
	size_t i;
	int kind;

	for (i = 0; i < NELEM(differs); i++) {
		if (strcmp(input, differs[i].input) != 0)
			continue;
		if (differs[i].norm == NULL)
			check_bad(__LINE__, input, NULL);
		else
			check_norm(__LINE__, input, differs[i].norm,
			    differs[i].kind);
		return;
	}
	kind = map_class(cls);
	got = cs_phone_norm(input, &k, &why);
	if (kind < 0) {
		if (got != NULL)
			fail_msg("%s (%s) accepted as %s", input, cls, got);
		assert_non_null(why);
		return;
	}
	if (got == NULL)
		fail_msg("%s (%s) refused: %s", input, cls, why);
	if ((int)k != kind)
		fail_msg("%s (%s) is %s", input, cls, kind_name(k));
	/* the file's national number has no trunk 0; our landlines do */
	digits = cs_phone_digits(got);
	want = cs_xasprintf("%s%s", kind == CS_PHONE_LANDLINE ? "0" : "",
	    national);
	if (strcmp(digits, want) != 0)
		fail_msg("%s (%s) -> %s, want the digits %s", input, cls, got,
		    want);
	free(want);
	free(digits);
	free(got);
}

static void
test_libphonenumber_examples(void **state)
{
	char *path, *line = NULL, *f[3], *p;
	size_t cap = 0, i, n = 0, ndiff = 0, nf;
	ssize_t len;
	FILE *fp;

	(void)state;
	path = testdata("phone-cn/cn-examples.libphonenumber.tsv");
	if (path == NULL) {
		print_message("# skipped: phone-cn/cn-examples."
		    "libphonenumber.tsv is absent\n");
		skip();
	}
	fp = fopen(path, "r");
	assert_non_null(fp);
	/* input TAB national number TAB class; # comments */
	while ((len = getline(&line, &cap, fp)) != -1) {
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		for (nf = 0, p = line; nf < 3; nf++) {
			f[nf] = p;
			if ((p = strchr(p, '\t')) == NULL)
				break;
			*p++ = '\0';
		}
		if (nf != 2 || p != NULL)
			fail_msg("%s: not three columns: %s", path, line);
		check_example(f[0], f[1], f[2]);
		for (i = 0; i < NELEM(differs); i++)
			ndiff += strcmp(f[0], differs[i].input) == 0;
		n++;
	}
	free(line);
	fclose(fp);
	print_message("# %zu libphonenumber examples, %zu where we differ "
	    "on purpose\n", n, ndiff);
	/* the README's 33, and every deliberate difference still there */
	assert_int_equal(n, 33);
	assert_int_equal(ndiff, NELEM(differs));
	free(path);
}

/* ---- libphonenumber's metadata ------------------------------------------ */

/*
 * The nationalNumberPattern of a number type in the CN metadata as a POSIX
 * extended expression: white space dropped, "(?:" made "(" and \d [0-9],
 * which is all the PCRE these patterns use; anchored at both ends.
 */
static int
meta_re(const char *xml, const char *type, regex_t *re, char *example,
    size_t exsize)
{
	struct cs_buf b = { 0 };
	const char *s, *end, *ex;
	char *tag;
	int rc;

	tag = cs_xasprintf("<%s>", type);
	s = strstr(xml, tag);
	free(tag);
	if (s == NULL)
		return -1;
	ex = strstr(s, "<exampleNumber>");
	s = strstr(s, "<nationalNumberPattern>");
	if (s == NULL || ex == NULL)
		return -1;
	ex += strlen("<exampleNumber>");
	snprintf(example, exsize, "%.*s", (int)strcspn(ex, "<"), ex);
	s += strlen("<nationalNumberPattern>");
	if ((end = strstr(s, "</nationalNumberPattern>")) == NULL)
		return -1;
	cs_buf_adds(&b, "^(");
	for (; s < end; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
			continue;
		if (strncmp(s, "(?:", 3) == 0) {
			cs_buf_addc(&b, '(');
			s += 2;
		} else if (strncmp(s, "\\d", 2) == 0) {
			cs_buf_adds(&b, "[0-9]");
			s++;
		} else
			cs_buf_addc(&b, *s);
	}
	cs_buf_adds(&b, ")$");
	rc = regcomp(re, b.s, REG_EXTENDED | REG_NOSUB);
	cs_buf_free(&b);
	return rc == 0 ? 0 : -1;
}

static int
meta_match(regex_t *re, const char *s)
{
	return regexec(re, s, 0, NULL, 0) == 0;
}

/*
 * The area-code rule against libphonenumber's fixed-line pattern: every
 * national number it accepts, made of an area code (10, 2X or 3 digits
 * from 300) and 7 or 8 digits starting 2-8, is a landline for us with
 * the same area code. (Numbers starting 1 or 9 after the area code are
 * 10xxx/123xx/95xxx service numbers in the metadata.)
 */
static void
test_libphonenumber_fixed_line(void **state)
{
	char *path, *xml, ex[32], nsn[32], in[40], want[40];
	int area, first, len, nmatch = 0, nareas = 0, hit;
	regex_t re;

	(void)state;
	path = testdata("phone-cn/libphonenumber-PhoneNumberMetadata-CN.xml");
	if (path == NULL) {
		print_message("# skipped: phone-cn/libphonenumber-"
		    "PhoneNumberMetadata-CN.xml is absent\n");
		skip();
	}
	xml = slurp(path);
	assert_int_equal(meta_re(xml, "fixedLine", &re, ex, sizeof(ex)), 0);
	/* the conversion is sound: the example matches, garbage does not */
	assert_true(meta_match(&re, ex));
	assert_false(meta_match(&re, "1"));
	snprintf(in, sizeof(in), "0%s", ex);
	LANDLINE(in, "010-12345678");
	for (area = 10; area <= 999; area++) {
		/* 2-digit area codes are 10 and 20-29, 3-digit ones 300+ */
		if (area != 10 && (area < 20 || (area > 29 && area < 300)))
			continue;
		hit = 0;
		for (len = 7; len <= 8; len++)
			for (first = 2; first <= 8; first++) {
				snprintf(nsn, sizeof(nsn), "%d%d%.*s", area,
				    first, len - 1, "2345678");
				if (!meta_match(&re, nsn))
					continue;
				snprintf(in, sizeof(in), "0%s", nsn);
				snprintf(want, sizeof(want), "0%d-%d%.*s",
				    area, first, len - 1, "2345678");
				LANDLINE(in, want);
				nmatch++;
				hit = 1;
			}
		nareas += hit;
	}
	print_message("# libphonenumber fixed line: %d numbers of %d area "
	    "codes agree\n", nmatch, nareas);
	assert_true(nareas > 300);
	regfree(&re);
	free(xml);
	free(path);
}

/*
 * Mobiles, 400 and 800 against the other patterns: every 11-digit number
 * of a 1XX prefix that libphonenumber calls a mobile is one for us; the
 * examples of each type get our kind (premium rate: refused).
 */
static void
test_libphonenumber_types(void **state)
{
	static const struct {
		const char *type;
		int kind;
	} types[] = {
		{ "mobile", CS_PHONE_MOBILE },
		{ "tollFree", CS_PHONE_SERVICE },
		{ "sharedCost", CS_PHONE_SERVICE },
		{ "premiumRate", -1 },
	};
	enum cs_phone_kind k = CS_PHONE_E164;
	char *path, *xml, ex[32], nsn[32];
	const char *why = NULL;
	int p, i, nmatch = 0;
	regex_t re;
	size_t t;
	char *got;

	(void)state;
	path = testdata("phone-cn/libphonenumber-PhoneNumberMetadata-CN.xml");
	if (path == NULL) {
		print_message("# skipped: phone-cn/libphonenumber-"
		    "PhoneNumberMetadata-CN.xml is absent\n");
		skip();
	}
	xml = slurp(path);
	for (t = 0; t < NELEM(types); t++) {
		assert_int_equal(meta_re(xml, types[t].type, &re, ex,
		    sizeof(ex)), 0);
		assert_true(meta_match(&re, ex));
		got = cs_phone_norm(ex, &k, &why);
		if (types[t].kind < 0 && got != NULL)
			fail_msg("%s example %s accepted as %s",
			    types[t].type, ex, got);
		if (types[t].kind >= 0 && (got == NULL ||
		    (int)k != types[t].kind))
			fail_msg("%s example %s: %s", types[t].type, ex,
			    got ? kind_name(k) : why);
		free(got);
		if (strcmp(types[t].type, "mobile") == 0) {
			for (p = 100; p <= 199; p++)
				for (i = 0; i < 2; i++) {
					snprintf(nsn, sizeof(nsn), "%d%s", p,
					    i ? "01234567" : "12345678");
					if (!meta_match(&re, nsn))
						continue;
					MOBILE(nsn, nsn);
					nmatch++;
				}
			assert_true(nmatch > 50);
		}
		regfree(&re);
	}
	free(xml);
	free(path);
}

/* ---- digits and masks --------------------------------------------------- */

static void
test_digits(void **state)
{
	(void)state;
	DIGITS("13812345678", "13812345678");
	DIGITS("010-12345678", "01012345678");
	DIGITS("010-1234", "0101234");
	DIGITS("010-12345678-8001", "010123456788001");
	DIGITS("400-123-4567", "4001234567");
	DIGITS("+85291234567", "85291234567");
	DIGITS("", "");
	DIGITS(NULL, "");
}

static void
test_phone_mask(void **state)
{
	static const struct {
		const char *in, *mask;
	} t[] = {
		{ "138 1234 5678", "138****5678" },
		{ "(010)12345678", "010-****5678" },
		{ "0755 8888 6666", "0755-****6666" },
		{ "0755 8888 6666 转8001", "0755-****6666" },
		{ "0898-6666666", "0898-****6666" },
		{ "400-123-4567", "400-***-4567" },
		{ "800 123 4567 ext 12", "800-***-4567" },
		{ "+852 9123 4567", "+852****4567" },
		{ "+1 650 253 0000", "+1****0000" },
		{ "+44 20 7946 0958", "+44****0958" },
		{ "+7 495 123 4567", "+7****4567" },
		{ "+886 2 2345 6789", "+886****6789" },
	};
	char *norm;
	size_t i;

	(void)state;
	/* masks of what cs_phone_norm made */
	for (i = 0; i < NELEM(t); i++) {
		norm = cs_phone_norm(t[i].in, NULL, NULL);
		assert_non_null(norm);
		PMASK(norm, t[i].mask);
		free(norm);
	}
	PMASK("13812345678", "138****5678");
	PMASK("010-12345678-8001", "010-****5678");
	PMASK("400-123-4567-8001", "400-***-4567");
	/* a short number abroad shows at most half of its digits */
	PMASK("+3761234", "+376****34");
	PMASK("+1234567", "+1****567");
}

/* Whatever is stored, a mask never shows more than half of it. */
static void
test_phone_mask_odd(void **state)
{
	static const char *const odd[] = {
		"12345", "1381234567", "138123456789", "138-1234-5678",
		"0755-123", "+1", "+", "+86", "8888-6666", "abc", "",
		"400-123-456", "010-", "0-12345678", "123456789012",
		"00-12345678", "01234-12345678",
	};
	size_t i, j, nd, shown;
	char *m;

	(void)state;
	PMASK("12345", "*****");
	PMASK("abc", "abc");
	PMASK("", "");
	PMASK("123456789012", "********9012");
	PMASK("138-1234-5678", "***-****-5678");
	PMASK(NULL, "");
	for (i = 0; i < NELEM(odd); i++) {
		m = cs_phone_mask(odd[i]);
		for (j = nd = 0; odd[i][j]; j++)
			nd += odd[i][j] >= '0' && odd[i][j] <= '9';
		for (j = shown = 0; m[j]; j++)
			shown += m[j] >= '0' && m[j] <= '9';
		if (shown * 2 > nd && shown > 0)
			fail_msg("mask of \"%s\" is \"%s\"", odd[i], m);
		free(m);
	}
}

/* ---- e-mail ------------------------------------------------------------- */

static void
test_email_norm(void **state)
{
	char local[80];

	(void)state;
	EMAIL("Zhang.San@Example.COM", "Zhang.San@example.com");
	EMAIL("zhangsan@example.com", "zhangsan@example.com");
	EMAIL("  zs@qq.com\t", "zs@qq.com");
	EMAIL("\xe3\x80\x80zs@qq.com\xe3\x80\x80", "zs@qq.com");
	EMAIL("ｚｓ＠ＱＱ．ＣＯＭ", "zs@qq.com");	/* full-width */
	EMAIL("zs@qq。com", "zs@qq.com");	/* ideographic full stop */
	EMAIL("o'brien+tag@Mail.Example.ORG", "o'brien+tag@mail.example.org");
	EMAIL("a_b-c.d@sub-domain.example.co.uk",
	    "a_b-c.d@sub-domain.example.co.uk");
	EMAIL("x@xn--fiqs8s.xn--fiqs8s", "x@xn--fiqs8s.xn--fiqs8s");
	EMAIL("user@163.com", "user@163.com");
	EMAIL("1234567@qq.com", "1234567@qq.com");
	EMAIL("ZHANG@ÉCOLE.FR", "ZHANG@école.fr");
	memset(local, 'x', 64);
	strcpy(local + 64, "@qq.com");
	EMAIL(local, local);
}

static void
test_email_refused(void **state)
{
	char s[400];

	(void)state;
	EMAIL_BAD_WHY("", "empty");
	EMAIL_BAD_WHY("  ", "empty");
	EMAIL_BAD_WHY(NULL, "empty");
	EMAIL_BAD_WHY("zhangsan", "@");
	EMAIL_BAD_WHY("zhangsan.example.com", "@");
	EMAIL_BAD_WHY("zs@@qq.com", "one @");
	EMAIL_BAD_WHY("zs@qq.com@qq.com", "one @");
	EMAIL_BAD_WHY("zs@qq.com;ls@qq.com", "one @");
	EMAIL_BAD_WHY("z s@qq.com", "spaces");
	EMAIL_BAD_WHY("zs@qq .com", "spaces");
	EMAIL_BAD_WHY("zs@qq.com, ls@qq.com", "spaces");
	EMAIL_BAD_WHY("zs\t@qq.com", "spaces");
	EMAIL_BAD_WHY("zs@q\xe3\x80\x80q.com", "spaces");
	EMAIL_BAD_WHY("@qq.com", "before the @");
	EMAIL_BAD_WHY("zs@", "after the @");
	EMAIL_BAD_WHY("zs@qq", "no dot");
	EMAIL_BAD_WHY("zs@localhost", "no dot");
	EMAIL_BAD_WHY("zs@.qq.com", "empty part");
	EMAIL_BAD_WHY("zs@qq..com", "empty part");
	EMAIL_BAD_WHY("zs@qq.com.", "empty part");
	EMAIL_BAD_WHY("zs@-qq.com", "hyphen");
	EMAIL_BAD_WHY("zs@qq-.com", "hyphen");
	EMAIL_BAD_WHY("zs@qq_mail.com", "not allowed");
	EMAIL_BAD_WHY("zs@[10.0.0.1]", "not allowed");
	EMAIL_BAD_WHY("zs@qq.com，", "not allowed");
	EMAIL_BAD_WHY("zs@qq.c", "top-level");
	EMAIL_BAD_WHY("zs@1.2.3.4", "top-level");
	EMAIL_BAD_WHY(".zs@qq.com", "dot");
	EMAIL_BAD_WHY("zs.@qq.com", "dot");
	EMAIL_BAD_WHY("z..s@qq.com", "dot");
	EMAIL_BAD_WHY("\"zs\"@qq.com", "not allowed");
	EMAIL_BAD_WHY("张三<zs@qq.com>", "not allowed");
	EMAIL_BAD_WHY("zs(home)@qq.com", "not allowed");
	EMAIL_BAD_WHY("张三、@qq.com", "not allowed");
	EMAIL_BAD_WHY("zs@例子、中国", "not allowed");
	EMAIL_BAD_WHY("zs\xff@qq.com", "UTF-8");
	memset(s, 'x', 65);
	strcpy(s + 65, "@qq.com");
	EMAIL_BAD_WHY(s, "64 bytes");
	strcpy(s, "zs@");
	memset(s + 3, 'a', 64);
	strcpy(s + 67, ".com");
	EMAIL_BAD_WHY(s, "63 bytes");
	/* 4 labels of 63 and the dots: 255 bytes of domain */
	strcpy(s, "zs@");
	memset(s + 3, 'a', 255);
	s[3 + 63] = s[3 + 127] = s[3 + 191] = '.';
	strcpy(s + 3 + 255, "");
	EMAIL_BAD_WHY(s, "253 bytes");
}

static void
test_email_key(void **state)
{
	(void)state;
	EKEY("Zhang.San@example.com", "zhang.san@example.com");
	EKEY("zhang.san@example.com", "zhang.san@example.com");
	EKEY("ZHANG.SAN@example.com", "zhang.san@example.com");
	EKEY("张三@例子.中国", "张三@例子.中国");
	EKEY("Straße@example.de", "strasse@example.de");
	EKEY("", "");
}

static void
test_email_mask(void **state)
{
	(void)state;
	EMASK("zhangsan@example.com", "z***@example.com");
	EMASK("Zhang.San@example.com", "Z***@example.com");
	EMASK("张三@例子.中国", "张***@例子.中国");
	EMASK("Émile@example.fr", "É***@example.fr");
	/* a one-character local part would be shown whole */
	EMASK("z@example.com", "***@example.com");
	EMASK("张@example.com", "***@example.com");
	EMASK("not an address", "***");
	EMASK("", "***");
	EMASK(NULL, "***");
}

/* The spec's example end to end: norm, key and mask. */
static void
test_email_chain(void **state)
{
	static const struct {
		const char *in, *norm, *key, *mask;
	} t[] = {
		{ "Zhang.San@Example.COM", "Zhang.San@example.com",
		    "zhang.san@example.com", "Z***@example.com" },
		/* E-mail addresses in Chinese (RFC 6531, which Chinese mail
		 * providers offer): accepted, kept as given. */
		{ "张三@例子.中国", "张三@例子.中国", "张三@例子.中国",
		    "张***@例子.中国" },
		{ "张三@例子。中国", "张三@例子.中国", "张三@例子.中国",
		    "张***@例子.中国" },
		{ " ＺＳ＠ＱＱ．ＣＯＭ ", "ZS@qq.com", "zs@qq.com",
		    "Z***@qq.com" },
	};
	char *norm, *key, *mask;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		norm = cs_email_norm(t[i].in, NULL);
		assert_non_null(norm);
		key = cs_email_key(norm);
		mask = cs_email_mask(norm);
		assert_string_equal(norm, t[i].norm);
		assert_string_equal(key, t[i].key);
		assert_string_equal(mask, t[i].mask);
		free(norm);
		free(key);
		free(mask);
	}
	/* two spellings of one address share a key, for dedupe */
	norm = cs_email_norm("ZHANG.SAN@EXAMPLE.COM", NULL);
	key = cs_email_key(norm);
	assert_string_equal(key, "zhang.san@example.com");
	free(norm);
	free(key);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mobile_spellings),
		cmocka_unit_test(test_mobile_prefixes),
		cmocka_unit_test(test_landline),
		cmocka_unit_test(test_landline_refused),
		cmocka_unit_test(test_extension),
		cmocka_unit_test(test_service),
		cmocka_unit_test(test_e164),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_null_args),
		cmocka_unit_test(test_libphonenumber_examples),
		cmocka_unit_test(test_libphonenumber_fixed_line),
		cmocka_unit_test(test_libphonenumber_types),
		cmocka_unit_test(test_digits),
		cmocka_unit_test(test_phone_mask),
		cmocka_unit_test(test_phone_mask_odd),
		cmocka_unit_test(test_email_norm),
		cmocka_unit_test(test_email_refused),
		cmocka_unit_test(test_email_key),
		cmocka_unit_test(test_email_mask),
		cmocka_unit_test(test_email_chain),
	};

	cs_progname = "cs-test";
	return cmocka_run_group_tests(tests, NULL, NULL);
}
