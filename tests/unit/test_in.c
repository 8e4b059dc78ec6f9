/* test_in.c - record readers (in.c) */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "cs.h"

#define BOM "\xef\xbb\xbf"
#define TESTDATA "../shared/testdata"

/* ---- helpers ---------------------------------------------------------- */

struct rec {
	long line;
	size_t n;
	char **names;
	char **vals;
};

/* Everything a reader gave, copied. */
struct got {
	char path[256];		/* the file read, gone once read */
	int open_st;		/* status of cs_reader_open */
	int st;			/* last status of cs_reader_next (-1 = end) */
	size_t n;
	struct rec *r;
	char *hdr;		/* CSV header names joined by '|', or NULL */
	char *err;		/* what went to stderr */
};

static int cap_fd = -1, cap_saved = -1;

static int
tmpfile_open(char *path, size_t size)
{
	const char *dir = getenv("TMPDIR");
	int fd;

	snprintf(path, size, "%s/test_in.XXXXXX", dir && *dir ? dir : "/tmp");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	return fd;
}

/* stderr goes to a temporary file until cap_end(). */
static void
cap_begin(void)
{
	char path[256];

	fflush(stderr);
	cap_fd = tmpfile_open(path, sizeof(path));
	unlink(path);
	cap_saved = dup(2);
	dup2(cap_fd, 2);
}

static char *
cap_end(void)
{
	struct cs_buf b = { 0 };
	char chunk[4096];
	ssize_t k;

	fflush(stderr);
	dup2(cap_saved, 2);
	close(cap_saved);
	lseek(cap_fd, 0, SEEK_SET);
	while ((k = read(cap_fd, chunk, sizeof(chunk))) > 0)
		cs_buf_add(&b, chunk, (size_t)k);
	close(cap_fd);
	return b.s ? b.s : strdup("");
}

static void
write_file(const char *path, const void *data, size_t n)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

static char *
read_file(const char *path, size_t *n)
{
	struct cs_buf b = { 0 };
	char chunk[65536];
	size_t k;
	FILE *fp = fopen(path, "rb");

	if (fp == NULL)
		return NULL;
	while ((k = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		cs_buf_add(&b, chunk, k);
	fclose(fp);
	*n = b.len;
	return b.s ? b.s : strdup("");
}

static char *
join(const char *const *v, size_t n)
{
	struct cs_buf b = { 0 };
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			cs_buf_addc(&b, '|');
		cs_buf_adds(&b, v[i]);
	}
	return b.s ? b.s : strdup("");
}

/* Reads path to the end (or the first error) and copies what it gave. */
static struct got *
slurp_path(const char *path, enum cs_in_format fmt, const char *enc,
    const struct cs_in_spec *spec)
{
	struct got *g = calloc(1, sizeof(*g));
	struct cs_reader *r;
	const struct cs_record *rec;
	const char *const *h;
	struct rec *x;
	size_t i, nh;

	assert_non_null(g);
	snprintf(g->path, sizeof(g->path), "%s", path);
	cap_begin();
	g->open_st = cs_reader_open(&r, path, fmt, enc, spec);
	g->st = g->open_st;
	if (g->open_st == 0) {
		h = cs_reader_header(r, &nh);
		if (h)
			g->hdr = join(h, nh);
		while ((g->st = cs_reader_next(r, &rec)) == 0) {
			g->r = realloc(g->r, (g->n + 1) * sizeof(*g->r));
			assert_non_null(g->r);
			x = &g->r[g->n++];
			x->line = rec->line;
			x->n = rec->n;
			x->names = calloc(rec->n + 1, sizeof(char *));
			x->vals = calloc(rec->n + 1, sizeof(char *));
			for (i = 0; i < rec->n; i++) {
				x->names[i] = strdup(rec->names[i]);
				x->vals[i] = strdup(rec->values[i]);
			}
		}
		cs_reader_close(r);
	} else
		assert_null(r);
	g->err = cap_end();
	return g;
}

/* Reads the bytes data as a file. */
static struct got *
slurp_n(const void *data, size_t n, enum cs_in_format fmt, const char *enc,
    const struct cs_in_spec *spec)
{
	char path[256];
	struct got *g;
	int fd;

	fd = tmpfile_open(path, sizeof(path));
	close(fd);
	write_file(path, data, n);
	g = slurp_path(path, fmt, enc, spec);
	unlink(path);
	return g;
}

#define slurp(lit, fmt) slurp_n(lit, sizeof(lit) - 1, fmt, NULL, NULL)
#define slurp_enc(lit, enc) slurp_n(lit, sizeof(lit) - 1, CS_IN_AUTO, enc, NULL)
#define slurp_spec(lit, spec) \
	slurp_n(lit, sizeof(lit) - 1, CS_IN_AUTO, NULL, spec)

static void
got_free(struct got *g)
{
	size_t i, j;

	for (i = 0; i < g->n; i++) {
		for (j = 0; j < g->r[i].n; j++) {
			free(g->r[i].names[j]);
			free(g->r[i].vals[j]);
		}
		free(g->r[i].names);
		free(g->r[i].vals);
	}
	free(g->r);
	free(g->hdr);
	free(g->err);
	free(g);
}

static const char *
get(const struct rec *x, const char *name)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		if (strcmp(x->names[i], name) == 0)
			return x->vals[i];
	return NULL;
}

/* The one message expected: "cs-test: PATH<rest>\n". */
static void
assert_msg(const struct got *g, const char *rest)
{
	char want[1024];

	snprintf(want, sizeof(want), "cs-test: %s%s\n", g->path, rest);
	assert_string_equal(g->err, want);
}

static void
assert_ok(const struct got *g, size_t nrec)
{
	if (g->open_st != 0 || g->st != -1 || g->n != nrec)
		print_error("open %d, status %d, %zu records, stderr: %s\n",
		    g->open_st, g->st, g->n, g->err);
	assert_int_equal(g->open_st, 0);
	assert_int_equal(g->st, -1);
	assert_int_equal(g->n, nrec);
	assert_string_equal(g->err, "");
}

/* ---- formats, messages ------------------------------------------------- */

static void
test_format_parse(void **state)
{
	(void)state;
	assert_int_equal(cs_in_format_parse("auto"), CS_IN_AUTO);
	assert_int_equal(cs_in_format_parse("csv"), CS_IN_CSV);
	assert_int_equal(cs_in_format_parse("json"), CS_IN_JSON);
	assert_int_equal(cs_in_format_parse("jsonl"), CS_IN_JSONL);
	assert_int_equal(cs_in_format_parse("ndjson"), CS_IN_JSONL);
	assert_int_equal(cs_in_format_parse("xml"), -1);
	assert_int_equal(cs_in_format_parse(""), -1);
}

static void
test_record_msg(void **state)
{
	struct cs_record rec = { 0, NULL, NULL, 3, "f.csv" };
	char *s, *big;
	int st;

	(void)state;
	s = cs_record_msg(&rec, "phone", "12x", "not a phone number");
	assert_string_equal(s, "f.csv:3: phone: not a phone number (12x)");
	free(s);
	s = cs_record_msg(&rec, NULL, NULL, "bad %d", 7);
	assert_string_equal(s, "f.csv:3: bad 7");
	free(s);
	s = cs_record_msg(&rec, NULL, "", "empty");
	assert_string_equal(s, "f.csv:3: empty ()");
	free(s);
	rec.line = 0;
	s = cs_record_msg(&rec, NULL, NULL, "missing required column code");
	assert_string_equal(s, "f.csv: missing required column code");
	free(s);
	rec.line = 4;
	s = cs_record_msg(&rec, "notes", "a\nb\tc\x01", "odd");
	assert_string_equal(s, "f.csv:4: notes: odd (a\\nb\\tc\\x01)");
	free(s);

	/* "a" then 100 x U+4E2D: 60 bytes would cut the 20th character, so
	 * 19 are shown. */
	big = malloc(1 + 300 + 1);
	big[0] = 'a';
	for (st = 0; st < 100; st++)
		memcpy(big + 1 + 3 * st, "\xe4\xb8\xad", 3);
	big[301] = '\0';
	s = cs_record_msg(&rec, "name", big, "too long");
	assert_string_equal(s, "f.csv:4: name: too long (a"
	    "中中中中中中中中中中中中中中中中中中中…)");
	assert_true(cs_utf8_invalid(s, strlen(s)) < 0);
	free(s);
	/* A 1 MB value stays short. */
	big = realloc(big, 1 << 20);
	memset(big, 'x', (1 << 20) - 1);
	big[(1 << 20) - 1] = '\0';
	s = cs_record_msg(&rec, NULL, big, "huge");
	assert_true(strlen(s) < 100);
	free(s);
	free(big);

	cap_begin();
	st = cs_record_err(&rec, "city", "X", "unknown city");
	s = cap_end();
	assert_int_equal(st, CS_EX_DATAERR);
	assert_string_equal(s, "cs-test: f.csv:4: city: unknown city (X)\n");
	free(s);
}

/* ---- opening ----------------------------------------------------------- */

static void
test_missing_file(void **state)
{
	struct got *g;

	(void)state;
	g = slurp_path("/nonexistent/cs-test.csv", CS_IN_AUTO, NULL, NULL);
	assert_int_equal(g->open_st, CS_EX_NOINPUT);
	assert_string_equal(g->err, "cs-test: /nonexistent/cs-test.csv: "
	    "No such file or directory: check the name\n");
	got_free(g);
	g = slurp_path("/", CS_IN_AUTO, NULL, NULL);
	assert_int_equal(g->open_st, CS_EX_NOINPUT);
	got_free(g);
}

static void
test_bad_encoding(void **state)
{
	struct got *g;

	(void)state;
	g = slurp_enc("a\n1\n", "latin1");
	assert_int_equal(g->open_st, CS_EX_USAGE);
	assert_non_null(strstr(g->err, "latin1"));
	got_free(g);
	g = slurp_enc("a\n1\n", "UTF8");
	assert_ok(g, 1);
	got_free(g);
	g = slurp_enc("a\n1\n", "Utf-8");
	assert_ok(g, 1);
	got_free(g);
}

static void
test_stdin(void **state)
{
	char path[256];
	int fd, saved;
	struct got *g;

	(void)state;
	fd = tmpfile_open(path, sizeof(path));
	write_file(path, "a,b\n1,2\n1\n", 10);
	saved = dup(0);
	dup2(fd, 0);
	close(fd);
	g = slurp_path("-", CS_IN_AUTO, NULL, NULL);
	dup2(saved, 0);
	close(saved);
	unlink(path);
	assert_int_equal(g->n, 1);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_string_equal(g->err,
	    "cs-test: stdin:3: expected 2 fields, found 1\n");
	got_free(g);
}

static void
test_detect(void **state)
{
	struct got *g;

	(void)state;
	g = slurp("\n  \r\n\t[{\"a\": \"x\"}]", CS_IN_AUTO);
	assert_ok(g, 1);
	assert_null(g->hdr);
	assert_int_equal(g->r[0].line, 3);
	got_free(g);
	g = slurp("\n {\"a\": \"x\"}\n", CS_IN_AUTO);
	assert_ok(g, 1);
	assert_int_equal(g->r[0].line, 2);
	got_free(g);
	g = slurp("a\n[x]\n", CS_IN_AUTO);
	assert_ok(g, 1);
	assert_string_equal(g->hdr, "a");
	assert_string_equal(g->r[0].vals[0], "[x]");
	got_free(g);
	/* forced formats */
	g = slurp("[1]\n", CS_IN_CSV);
	assert_ok(g, 0);
	assert_string_equal(g->hdr, "[1]");
	got_free(g);
	g = slurp("{\"a\":1}\n", CS_IN_JSON);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_msg(g, ":1: expected a JSON array ('[') (for JSON lines use "
	    "--input-format jsonl)");
	got_free(g);
}

/* ---- CSV --------------------------------------------------------------- */

/* Compares one csv-spectrum case with its expected records. */
static void
spectrum_case(const char *dir, const char *name)
{
	char csv[512], json[512];
	json_error_t e;
	json_t *want, *o, *v;
	const char *key;
	struct got *g;
	size_t i, j;

	snprintf(csv, sizeof(csv), "%s/csvs/%s", dir, name);
	snprintf(json, sizeof(json), "%s/json/%.*s.json", dir,
	    (int)(strlen(name) - 4), name);
	want = json_load_file(json, 0, &e);
	if (want == NULL) {
		print_error("%s: %s\n", json, e.text);
		fail();
	}
	g = slurp_path(csv, CS_IN_AUTO, NULL, NULL);
	if (g->st != -1)
		print_error("%s: %s\n", name, g->err);
	assert_ok(g, json_array_size(want));
	json_array_foreach(want, i, o) {
		assert_int_equal(g->r[i].n, json_object_size(o));
		j = 0;
		json_object_foreach(o, key, v) {
			assert_string_equal(g->r[i].names[j], key);
			assert_string_equal(g->r[i].vals[j],
			    json_string_value(v));
			j++;
		}
	}
	got_free(g);
	json_decref(want);
}

static void
test_csv_spectrum(void **state)
{
	const char *dir = TESTDATA "/csv-spectrum";
	char path[512];
	struct dirent *d;
	DIR *dp;
	int n = 0;

	(void)state;
	snprintf(path, sizeof(path), "%s/csvs", dir);
	if ((dp = opendir(path)) == NULL) {
		print_message("# skipped: %s is absent\n", path);
		skip();
	}
	while ((d = readdir(dp)) != NULL) {
		if (strlen(d->d_name) < 5 || strcmp(d->d_name +
		    strlen(d->d_name) - 4, ".csv") != 0)
			continue;
		spectrum_case(dir, d->d_name);
		n++;
	}
	closedir(dp);
	assert_true(n >= 11);
}

static void
test_csv_basic(void **state)
{
	struct got *g;

	(void)state;
	g = slurp("code,name\nC1,Ann\nC2,\"Bo, Jr.\"\n", CS_IN_AUTO);
	assert_ok(g, 2);
	assert_string_equal(g->hdr, "code|name");
	assert_int_equal(g->r[0].line, 2);
	assert_string_equal(get(&g->r[0], "code"), "C1");
	assert_string_equal(get(&g->r[1], "name"), "Bo, Jr.");
	got_free(g);
}

static void
test_csv_get(void **state)
{
	struct cs_reader *r;
	const struct cs_record *rec;
	char path[256];
	const char *const *h;
	size_t n;
	int fd;

	(void)state;
	fd = tmpfile_open(path, sizeof(path));
	close(fd);
	write_file(path, "a,b\n1,\n", 7);
	assert_int_equal(cs_reader_open(&r, path, CS_IN_CSV, NULL, NULL), 0);
	h = cs_reader_header(r, &n);
	assert_int_equal(n, 2);
	assert_string_equal(h[0], "a");
	assert_string_equal(h[1], "b");
	assert_int_equal(cs_reader_next(r, &rec), 0);
	assert_string_equal(rec->file, path);
	assert_int_equal(rec->line, 2);
	assert_string_equal(cs_record_get(rec, "a"), "1");
	assert_string_equal(cs_record_get(rec, "b"), "");
	assert_null(cs_record_get(rec, "c"));
	assert_int_equal(cs_reader_next(r, &rec), -1);
	assert_int_equal(cs_reader_next(r, &rec), -1);
	cs_reader_close(r);
	unlink(path);
}

static void
test_csv_bom_crlf(void **state)
{
	struct got *g;

	(void)state;
	g = slurp(BOM "a,b\r\n1,2\r\n\r\n3,\"x\r\ny\"\r\n5,6", CS_IN_AUTO);
	assert_ok(g, 3);
	assert_string_equal(g->hdr, "a|b");
	assert_string_equal(g->r[0].vals[1], "2");
	assert_int_equal(g->r[1].line, 4);
	assert_string_equal(g->r[1].vals[1], "x\r\ny");
	assert_int_equal(g->r[2].line, 6);
	assert_string_equal(g->r[2].vals[1], "6");
	got_free(g);
	/* a bare CR ends a record too (old Mac files) */
	g = slurp("a,b\r1,2\r3,4\r", CS_IN_AUTO);
	assert_ok(g, 2);
	assert_string_equal(g->r[1].vals[0], "3");
	assert_int_equal(g->r[1].line, 3);
	got_free(g);
}

/*
 * In a file whose first line ends with a lone CR (old Excel for Mac), CR
 * LF, a lone CR and a lone LF each end one line. Elsewhere a lone CR is
 * no line end, as for sed and grep -n.
 */
static void
test_csv_cr_lines(void **state)
{
	struct got *g;
	char *big;
	size_t n, at;

	(void)state;
	/* quoted line breaks and blank lines count, as with LF */
	g = slurp("\ra,b\r1,\"x\ry\r\rz\"\r\r\r2,3\r4\r", CS_IN_AUTO);
	assert_int_equal(g->n, 2);
	assert_int_equal(g->r[0].line, 3);
	assert_string_equal(g->r[0].vals[1], "x\ry\r\rz");
	assert_int_equal(g->r[1].line, 9);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_msg(g, ":10: expected 2 fields, found 1");
	got_free(g);
	g = slurp("a,b\r1,\"x\ny\"\r\n2,3\n\r4,5\r", CS_IN_AUTO);
	assert_ok(g, 3);
	assert_int_equal(g->r[0].line, 2);
	assert_string_equal(g->r[0].vals[1], "x\ny");
	assert_int_equal(g->r[1].line, 4);
	assert_int_equal(g->r[2].line, 6);
	got_free(g);
	/* a bad quote and bad bytes are on their own line */
	g = slurp("a,b\r1,2\r3,x\"y\r", CS_IN_AUTO);
	assert_msg(g, ":3: malformed CSV: a quote inside an unquoted field "
	    "(quote the field and double the quote)");
	got_free(g);
	g = slurp("a\r1\r\xff\r", CS_IN_AUTO);
	assert_msg(g, ":3: invalid UTF-8 (is it GBK? try --encoding gbk)");
	got_free(g);
	/* JSON lines */
	g = slurp("{\"a\": \"1\"}\r\r{\"a\": \"2\"}\r", CS_IN_AUTO);
	assert_ok(g, 2);
	assert_int_equal(g->r[1].line, 3);
	got_free(g);

	/* CR LF and LF files: a lone CR, in a quoted field or not, is no
	 * line end (the lines of sed -n and grep -n) */
	g = slurp("a,b\r\n1,\"x\ry\"\r\n2,3\r4,5\r\n6,7\r\n", CS_IN_AUTO);
	assert_ok(g, 4);
	assert_string_equal(g->r[0].vals[1], "x\ry");
	assert_int_equal(g->r[1].line, 3);
	assert_int_equal(g->r[2].line, 3);
	assert_int_equal(g->r[3].line, 4);
	got_free(g);
	g = slurp("a,b\n1,\"\rx\"\n\r\n2,3\n", CS_IN_AUTO);
	assert_ok(g, 2);
	assert_string_equal(g->r[0].vals[1], "\rx");
	assert_int_equal(g->r[1].line, 4);
	got_free(g);

	/* A CR last in the first read (256 KiB) and its LF first in the
	 * next are one line end; a lone CR there is one too. */
	n = 256 * 1024 + 64;
	big = malloc(n);
	assert_non_null(big);
	memcpy(big, "a,b\r1,", 6);
	at = 256 * 1024 - 1;
	memset(big + 6, 'x', at - 6);
	memcpy(big + at, "\r\n2,3\r", 6);
	g = slurp_n(big, at + 6, CS_IN_AUTO, NULL, NULL);
	assert_ok(g, 2);
	assert_int_equal(g->r[1].line, 3);
	got_free(g);
	memcpy(big + at, "\r\r2,3\r", 6);
	g = slurp_n(big, at + 6, CS_IN_AUTO, NULL, NULL);
	assert_ok(g, 2);
	assert_int_equal(g->r[1].line, 4);
	got_free(g);
	/* the CR the last byte of the file */
	g = slurp_n(big, at + 1, CS_IN_AUTO, NULL, NULL);
	assert_ok(g, 1);
	assert_int_equal(strlen(g->r[0].vals[1]), at - 6);
	got_free(g);
	/* the first line's CR the last byte of the first read */
	memset(big, 'a', at);
	memcpy(big + at, "\r\n\"b\rc\"\r\nd\r\n", 12);
	g = slurp_n(big, at + 12, CS_IN_AUTO, NULL, NULL);
	assert_ok(g, 2);
	assert_string_equal(g->r[0].vals[0], "b\rc");
	assert_int_equal(g->r[1].line, 3);
	got_free(g);
	free(big);
}

static void
test_csv_lines(void **state)
{
	struct got *g;

	(void)state;
	g = slurp("a,b\n\n1,\"x\ny\n\nz\"\n\n\n2,3\n4,5", CS_IN_AUTO);
	assert_ok(g, 3);
	assert_int_equal(g->r[0].line, 3);
	assert_string_equal(g->r[0].vals[1], "x\ny\n\nz");
	assert_int_equal(g->r[1].line, 9);
	assert_int_equal(g->r[2].line, 10);
	assert_string_equal(g->r[2].vals[1], "5");
	got_free(g);
	/* the error after a multi-line record names the right line */
	g = slurp("a,b\n1,\"x\ny\"\n\n2\n", CS_IN_AUTO);
	assert_int_equal(g->n, 1);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_msg(g, ":5: expected 2 fields, found 1");
	got_free(g);
}

/* With cs_reader_skip_bad a ragged row or a bad JSON line is given as
 * CS_IN_BAD, told to nobody, with its message and the fields it has; the
 * records after it come as usual. */
static void
test_skip_bad(void **state)
{
	static const struct {
		const char *text, *msg;
		size_t nbad;
	} t[] = {
		{ "a,b\n1,2\nx,\"y,z\",w,\"q\"\"\"\n3,4\n",
		    ":3: expected 2 fields, found 4, the last ones "
		    "(w,\"q\"\"\")", 2 },
		{ "{\"a\":\"1\"}\n{\"a\":\"x\",\"b\":[1]}\n{\"a\":\"3\"}\n",
		    ":2: b: nested values are not supported (use a string)",
		    1 },
		{ "{\"a\":\"1\"}\nnot json\n{\"a\":\"3\"}\n", NULL, 0 },
	};
	const struct cs_record *rec;
	struct cs_reader *r;
	char path[256], want[512], *told;
	size_t i;
	int fd;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		fd = tmpfile_open(path, sizeof(path));
		assert_int_equal(write(fd, t[i].text, strlen(t[i].text)),
		    (ssize_t)strlen(t[i].text));
		close(fd);
		cap_begin();
		assert_int_equal(cs_reader_open(&r, path, CS_IN_AUTO, NULL,
		    NULL), 0);
		cs_reader_skip_bad(r);
		assert_int_equal(cs_reader_next(r, &rec), 0);
		assert_int_equal(cs_reader_next(r, &rec), CS_IN_BAD);
		assert_non_null(rec);
		assert_int_equal(rec->line, 2 + (i == 0));
		assert_int_equal(rec->n, t[i].nbad);
		if (t[i].msg) {
			snprintf(want, sizeof(want), "%s%s", path, t[i].msg);
			assert_string_equal(cs_reader_bad(r), want);
			assert_string_equal(rec->values[0], "x");
		}
		assert_int_equal(cs_reader_next(r, &rec), 0);
		assert_string_equal(rec->values[0], "3");
		assert_int_equal(cs_reader_next(r, &rec), -1);
		cs_reader_close(r);
		/* nothing was told */
		told = cap_end();
		assert_string_equal(told, "");
		free(told);
		unlink(path);
	}
}

static void
test_csv_ragged(void **state)
{
	struct got *g;

	(void)state;
	g = slurp("a,b\n1,2\n\n1,2,3\n", CS_IN_AUTO);
	assert_int_equal(g->n, 1);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_msg(g, ":4: expected 2 fields, found 3, the last ones (3)");
	got_free(g);
	g = slurp("a,b,c\n1,2\n", CS_IN_AUTO);
	assert_int_equal(g->n, 0);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_msg(g, ":2: expected 3 fields, found 2");
	got_free(g);
	/* a trailing comma is one more (empty) field */
	g = slurp("a,b\n1,2,\n", CS_IN_AUTO);
	assert_msg(g, ":2: expected 2 fields, found 3");
	got_free(g);
}

static void
test_csv_sticky_error(void **state)
{
	struct cs_reader *r;
	const struct cs_record *rec;
	char path[256], *err;
	int fd;

	(void)state;
	fd = tmpfile_open(path, sizeof(path));
	close(fd);
	write_file(path, "a,b\n1\n1,2\n", 10);
	assert_int_equal(cs_reader_open(&r, path, CS_IN_CSV, NULL, NULL), 0);
	cap_begin();
	assert_int_equal(cs_reader_next(r, &rec), CS_EX_DATAERR);
	assert_null(rec);
	free(cap_end());
	cap_begin();
	assert_int_equal(cs_reader_next(r, &rec), CS_EX_DATAERR);
	err = cap_end();
	assert_string_equal(err, "");	/* said once */
	free(err);
	cs_reader_close(r);
	unlink(path);
}

static void
test_csv_quotes(void **state)
{
	struct got *g;

	(void)state;
	g = slurp("a,b\n1,ab\"c\n", CS_IN_AUTO);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_msg(g, ":2: malformed CSV: a quote inside an unquoted field "
	    "(quote the field and double the quote)");
	got_free(g);
	g = slurp("a,b\n1,\"ab\"c\n", CS_IN_AUTO);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_msg(g, ":2: malformed CSV: text after a closing quote (a quote "
	    "inside a quoted field is written \"\")");
	got_free(g);
	/* a space before an opening quote makes it a stray quote */
	g = slurp("a,b\n1, \"x\"\n", CS_IN_AUTO);
	assert_int_equal(g->st, CS_EX_DATAERR);
	got_free(g);
	/* the stray quote is reported on its own line */
	g = slurp("a,b\n1,\"x\ny\"z\n", CS_IN_AUTO);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_non_null(strstr(g->err, ":3: malformed CSV"));
	got_free(g);
	/* unterminated: the line where the record starts */
	g = slurp("a,b\n1,2\n3,\"abc\n\n\ndef\n", CS_IN_AUTO);
	assert_int_equal(g->n, 1);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_msg(g, ":3: malformed CSV: a quoted field is not closed "
	    "(missing \")");
	got_free(g);
	g = slurp("a,b\n3,\"abc", CS_IN_AUTO);
	assert_msg(g, ":2: malformed CSV: a quoted field is not closed "
	    "(missing \")");
	got_free(g);
	/* doubled quotes, quoted empty, quote-only field */
	g = slurp("a,b,c\n\"\"\"\",\"\",\"x\"\"\"\n", CS_IN_AUTO);
	assert_ok(g, 1);
	assert_string_equal(g->r[0].vals[0], "\"");
	assert_string_equal(g->r[0].vals[1], "");
	assert_string_equal(g->r[0].vals[2], "x\"");
	got_free(g);
}

/* What --excel writes for a digit string reads back as the digits; any
 * other formula-looking text is kept as it is. */
static void
test_csv_excel_text(void **state)
{
	struct got *g;

	(void)state;
	g = slurp("a,b,c,d,e,f\r\n\"=\"\"13812345678\"\"\",\"=\"\"007\"\"\","
	    "\"=\"\"+8613812345678\"\"\",\"=\"\"\"\"\",\"=\"\"12a\"\"\","
	    "=1+2\r\n", CS_IN_AUTO);
	assert_ok(g, 1);
	assert_string_equal(g->r[0].vals[0], "13812345678");
	assert_string_equal(g->r[0].vals[1], "007");
	assert_string_equal(g->r[0].vals[2], "+8613812345678");
	assert_string_equal(g->r[0].vals[3], "=\"\"");
	assert_string_equal(g->r[0].vals[4], "=\"12a\"");
	assert_string_equal(g->r[0].vals[5], "=1+2");
	got_free(g);
	/* the quote that defuses a formula goes; a plain number keeps it */
	g = slurp("a,b,c,d\n'=SUM(A1),'-测试,'-5,'abc\n", CS_IN_AUTO);
	assert_ok(g, 1);
	assert_string_equal(g->r[0].vals[0], "=SUM(A1)");
	assert_string_equal(g->r[0].vals[1], "-测试");
	assert_string_equal(g->r[0].vals[2], "'-5");
	assert_string_equal(g->r[0].vals[3], "'abc");
	got_free(g);
}

static void
test_csv_spaces(void **state)
{
	struct got *g;

	(void)state;
	g = slurp(" a ,b\n 1 ,\t2\t\n  ,\n", CS_IN_AUTO);
	assert_ok(g, 2);
	assert_string_equal(g->hdr, " a |b");
	assert_string_equal(get(&g->r[0], " a "), " 1 ");
	assert_string_equal(get(&g->r[0], "b"), "\t2\t");
	assert_string_equal(get(&g->r[1], " a "), "  ");
	got_free(g);
}

static void
test_csv_header(void **state)
{
	struct got *g;

	(void)state;
	g = slurp("a,b,a\n1,2,3\n", CS_IN_AUTO);
	assert_int_equal(g->open_st, CS_EX_DATAERR);
	assert_msg(g, ":1: a: duplicate column name (columns 1 and 3)");
	got_free(g);
	g = slurp("a,,b\n", CS_IN_AUTO);
	assert_int_equal(g->open_st, CS_EX_DATAERR);
	assert_msg(g, ":1: empty column name (column 2)");
	got_free(g);
	g = slurp("\n\na,\"\"\n", CS_IN_AUTO);
	assert_msg(g, ":3: empty column name (column 2)");
	got_free(g);
	/* no header at all: no records, no error */
	g = slurp("", CS_IN_AUTO);
	assert_ok(g, 0);
	assert_null(g->hdr);
	got_free(g);
	g = slurp("\n\r\n\n", CS_IN_CSV);
	assert_ok(g, 0);
	got_free(g);
	g = slurp(BOM, CS_IN_AUTO);
	assert_ok(g, 0);
	got_free(g);
	g = slurp("a,b\n", CS_IN_AUTO);
	assert_ok(g, 0);
	assert_string_equal(g->hdr, "a|b");
	got_free(g);
}

static void
test_nul_byte(void **state)
{
	struct got *g;

	(void)state;
	g = slurp("a,b\n1,2\nx,\0y\n", CS_IN_AUTO);
	assert_int_equal(g->n, 1);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_msg(g, ":3: NUL byte in the input (is it UTF-16? save it as "
	    "UTF-8)");
	got_free(g);
	/* UTF-16 */
	g = slurp("\xff\xfe" "a\0,\0b\0\n\0", CS_IN_AUTO);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_non_null(strstr(g->err, ":1: NUL byte"));
	got_free(g);
	g = slurp("[{\"a\":\n\"\0\"}]", CS_IN_AUTO);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_non_null(strstr(g->err, ":2: NUL byte"));
	got_free(g);
	g = slurp("a\nx\0\n", CS_IN_AUTO);	/* past eight bytes */
	assert_msg(g, ":2: NUL byte in the input (is it UTF-16? save it as "
	    "UTF-8)");
	got_free(g);
	g = slurp("a\n0123456789\xc3\xa9\0\n", CS_IN_AUTO);
	assert_non_null(strstr(g->err, ":2: NUL byte"));
	got_free(g);
}

static void
test_invalid_utf8(void **state)
{
	struct got *g;

	(void)state;
	g = slurp("name,city\n张三,北京\n\n\xd5\xc5\xc8\xfd,\xb1\xb1\xbe\xa9\n",
	    CS_IN_AUTO);
	assert_int_equal(g->n, 1);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_msg(g, ":4: invalid UTF-8 (is it GBK? try --encoding gbk)");
	got_free(g);
	/* inside a quoted multi-line field: the physical line */
	g = slurp("a\n\"x\n0123456789abcdef\xe4\xb8\n\"\n", CS_IN_AUTO);
	assert_msg(g, ":3: invalid UTF-8 (is it GBK? try --encoding gbk)");
	got_free(g);
	/* the same bytes read as GBK */
	g = slurp_enc("name,city\n\xd5\xc5\xc8\xfd,\xb1\xb1\xbe\xa9\n", "gbk");
	assert_ok(g, 1);
	assert_string_equal(get(&g->r[0], "name"), "张三");
	assert_string_equal(get(&g->r[0], "city"), "北京");
	got_free(g);
	/* overlong, surrogate */
	g = slurp("a\n\xc0\xaf\n", CS_IN_AUTO);
	assert_int_equal(g->st, CS_EX_DATAERR);
	got_free(g);
	g = slurp("a\n\xed\xa0\x80\n", CS_IN_AUTO);
	assert_int_equal(g->st, CS_EX_DATAERR);
	got_free(g);
}

static void
test_csv_big_field(void **state)
{
	struct cs_buf b = { 0 };
	struct got *g;
	size_t i;

	(void)state;
	cs_buf_adds(&b, "a,b\n\"");
	for (i = 0; i < 100000; i++)
		cs_buf_adds(&b, "0123456789");
	cs_buf_adds(&b, "\",x\n");
	g = slurp_n(b.s, b.len, CS_IN_AUTO, NULL, NULL);
	assert_ok(g, 1);
	assert_int_equal(strlen(g->r[0].vals[0]), 1000000);
	assert_string_equal(g->r[0].vals[1], "x");
	got_free(g);
	cs_buf_free(&b);
}

/* ---- encodings ---------------------------------------------------------- */

/* Lines first..end of a file, after a header line of its own. */
static char *
lines_from(const char *text, size_t n, int first, const char *hdr,
    size_t *outn)
{
	struct cs_buf b = { 0 };
	const char *p = text, *end = text + n;
	int line = 1;

	cs_buf_adds(&b, hdr);
	while (p < end && line < first) {
		p = memchr(p, '\n', (size_t)(end - p));
		if (p == NULL)
			return NULL;
		p++;
		line++;
	}
	cs_buf_add(&b, p, (size_t)(end - p));
	*outn = b.len;
	return b.s;
}

static void
assert_same_records(const struct got *a, const struct got *b)
{
	size_t i, j;

	assert_int_equal(a->n, b->n);
	assert_int_equal(a->st, b->st);
	for (i = 0; i < a->n; i++) {
		assert_int_equal(a->r[i].line, b->r[i].line);
		assert_int_equal(a->r[i].n, b->r[i].n);
		for (j = 0; j < a->r[i].n; j++) {
			assert_string_equal(a->r[i].names[j],
			    b->r[i].names[j]);
			assert_string_equal(a->r[i].vals[j], b->r[i].vals[j]);
		}
	}
}

static void
test_gbk_alipay(void **state)
{
	const char *gpath = TESTDATA "/encoding/alipay-export.gbk.csv";
	const char *upath = TESTDATA
	    "/encoding/alipay-export.gbk.expected-utf8.csv";
	const char *hdr = "c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13\n";
	struct got *ga, *ua;
	char *graw, *uraw, *gdata, *udata;
	size_t gn = 0, un = 0, gdn = 0, udn = 0;

	(void)state;
	graw = read_file(gpath, &gn);
	uraw = read_file(upath, &un);
	if (graw == NULL || uraw == NULL) {
		print_message("# skipped: %s is absent\n", gpath);
		free(graw);
		free(uraw);
		skip();
	}
	/*
	 * The whole file: the preamble lines are one-field records of a
	 * one-field "header", up to the real header (line 25, 13 fields):
	 * both readings must give the same records and stop there.
	 */
	ga = slurp_path(gpath, CS_IN_AUTO, "gbk", NULL);
	ua = slurp_path(upath, CS_IN_AUTO, NULL, NULL);
	assert_same_records(ga, ua);
	assert_string_equal(ga->hdr, ua->hdr);
	assert_int_equal(ga->n, 21);	/* lines 2-24 less 2 blank ones */
	assert_int_equal(ga->r[0].line, 2);
	assert_string_equal(ga->r[0].vals[0], "导出信息：");
	assert_int_equal(ga->st, CS_EX_DATAERR);
	assert_non_null(strstr(ga->err, ":25: expected 1 fields, found 13"));
	got_free(ga);
	got_free(ua);

	/* The data lines (26-35, padded fields, TABs) under a header. */
	gdata = lines_from(graw, gn, 26, hdr, &gdn);
	udata = lines_from(uraw, un, 26, hdr, &udn);
	assert_non_null(gdata);
	assert_non_null(udata);
	ga = slurp_n(gdata, gdn, CS_IN_CSV, "gbk", NULL);
	ua = slurp_n(udata, udn, CS_IN_CSV, NULL, NULL);
	assert_ok(ga, 10);
	assert_ok(ua, 10);
	assert_same_records(ga, ua);
	assert_string_equal(get(&ga->r[0], "c2"), "亲友代付                ");
	assert_string_equal(get(&ga->r[0], "c10"),
	    "202302xxxxxx0011000103xxxxxx\t");
	got_free(ga);
	got_free(ua);
	/* as gb18030 too (a superset) */
	ga = slurp_n(gdata, gdn, CS_IN_CSV, "gb18030", NULL);
	ua = slurp_n(udata, udn, CS_IN_CSV, NULL, NULL);
	assert_same_records(ga, ua);
	got_free(ga);
	got_free(ua);
	free(gdata);
	free(udata);
	free(graw);
	free(uraw);
}

static void
test_gbk_jieba(void **state)
{
	const char *gpath = TESTDATA "/chinese-words/jieba-test.gbk.txt";
	const char *upath = TESTDATA
	    "/chinese-words/jieba-test.expected-utf8.txt";
	struct got *ga, *ua;

	(void)state;
	if (access(gpath, R_OK) != 0) {
		print_message("# skipped: %s is absent\n", gpath);
		skip();
	}
	ga = slurp_path(gpath, CS_IN_CSV, "GBK", NULL);
	ua = slurp_path(upath, CS_IN_CSV, NULL, NULL);
	assert_non_null(ga->hdr);
	assert_string_equal(ga->hdr, ua->hdr);
	assert_same_records(ga, ua);
	got_free(ga);
	got_free(ua);
}

static void
test_gb18030(void **state)
{
	/* printf 'code,name\nC1,𠀀😀\n' | iconv -f UTF-8 -t GB18030 */
	static const char g4[] = "code,name\nC1,\x95\x32\x82\x36\x94\x39\xfc"
	    "\x36\n";
	struct got *g;

	(void)state;
	g = slurp_n(g4, sizeof(g4) - 1, CS_IN_AUTO, "gb18030", NULL);
	assert_ok(g, 1);
	assert_string_equal(get(&g->r[0], "name"), "𠀀😀");
	got_free(g);
	g = slurp_n(g4, sizeof(g4) - 1, CS_IN_AUTO, "gbk", NULL);
	assert_int_equal(g->n, 0);
	assert_int_equal(g->st, CS_EX_DATAERR);
	/* four-byte characters: GB18030 read as GBK is named */
	assert_msg(g, ":2: invalid GBK text (is it UTF-8? try without "
	    "--encoding; GB18030? try --encoding gb18030)");
	got_free(g);
	/* the GB18030 BOM decodes to U+FEFF and goes */
	g = slurp_enc("\x84\x31\x95\x33" "a\n\xd6\xd0\n", "gb18030");
	assert_ok(g, 1);
	assert_string_equal(g->hdr, "a");
	assert_string_equal(g->r[0].vals[0], "中");
	got_free(g);
	/* a UTF-8 BOM says UTF-8 whatever --encoding says: no mojibake
	 * (寮犱笁) of a script's --encoding gbk given for every file */
	g = slurp_enc(BOM "a\r\n张三\r\n", "gbk");
	assert_ok(g, 1);
	assert_string_equal(g->hdr, "a");
	assert_string_equal(g->r[0].vals[0], "张三");
	got_free(g);
	g = slurp_enc(BOM "[{\"a\": \"张三\"}]", "gb18030");
	assert_ok(g, 1);
	assert_string_equal(g->r[0].vals[0], "张三");
	got_free(g);
	/* so GBK text after one is no UTF-8, and the message says why */
	g = slurp_enc(BOM "a\n\xd6\xd0\n", "gbk");
	assert_int_equal(g->n, 0);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_msg(g, ":2: invalid UTF-8 (the file starts with a UTF-8 byte "
	    "order mark, which overrides --encoding)");
	got_free(g);
	/* a GBK JSON file */
	g = slurp_enc("[{\"a\": \"\xd6\xd0\"}]", "gbk");
	assert_ok(g, 1);
	assert_string_equal(g->r[0].vals[0], "中");
	got_free(g);
	/* a truncated GBK character at the end of a line */
	g = slurp_enc("a\nx\xd6\n", "gbk");
	assert_msg(g, ":2: invalid GBK text (is it UTF-8? try without "
	    "--encoding; GB18030? try --encoding gb18030)");
	got_free(g);
}

static void
test_decode(void **state)
{
	char *out, *problem;
	long line = 0;

	(void)state;
	assert_int_equal(cs_decode("gbk", "a\n\xd6\xd0\n", 5, &out, &line,
	    &problem), 0);
	assert_string_equal(out, "a\n中\n");
	free(out);
	/* a UTF-8 BOM: the text is UTF-8 already, given as it is */
	assert_int_equal(cs_decode("gbk", BOM "张三\n", 10, &out, &line,
	    &problem), 0);
	assert_null(out);
	assert_null(problem);
	assert_int_equal(cs_decode("gbk", "a\n\xd6\n", 4, &out, &line,
	    &problem), -1);
	assert_null(out);
	assert_int_equal(line, 2);
	free(problem);
}

static void
test_bom_files(void **state)
{
	const char *p1 = TESTDATA "/encoding/jd-export.utf8bom.csv";
	const char *p2 = TESTDATA "/encoding/meituan-export.utf8bom-crlf.csv";
	struct got *g;

	(void)state;
	if (access(p1, R_OK) != 0 || access(p2, R_OK) != 0) {
		print_message("# skipped: %s is absent\n", p1);
		skip();
	}
	/* preamble records, then the real header is ragged */
	g = slurp_path(p1, CS_IN_AUTO, NULL, NULL);
	assert_non_null(g->hdr);
	assert_string_equal(g->hdr, "导出信息：");
	assert_int_equal(g->st, CS_EX_DATAERR);
	got_free(g);
	g = slurp_path(p2, CS_IN_AUTO, NULL, NULL);
	assert_string_equal(g->hdr, "美团交易账单明细");
	assert_true(g->n > 0);
	assert_null(strchr(g->r[0].vals[0], '\r'));
	got_free(g);
}

/* ---- JSON --------------------------------------------------------------- */

static void
test_json_values(void **state)
{
	struct got *g;
	struct rec *x;

	(void)state;
	g = slurp(BOM "[\n  {\"s\": \"x\\u4e2d\\n\", \"i\": -42, \"big\": "
	    "9223372036854775807,\n   \"t\": true, \"f\": false, \"z\": null,\n"
	    "   \"r1\": 0.1, \"r2\": 1e300, \"r3\": 3.0, \"r4\": -2.5e-7, "
	    "\"r5\": 0.30000000000000004, \"e\": \"\"},\n\n"
	    "  {\"s\": \"y\"}\n]\n", CS_IN_AUTO);
	assert_ok(g, 2);
	x = &g->r[0];
	assert_int_equal(x->line, 2);
	assert_int_equal(x->n, 11);
	assert_string_equal(x->names[0], "s");	/* in the object's order */
	assert_string_equal(get(x, "s"), "x中\n");
	assert_string_equal(get(x, "i"), "-42");
	assert_string_equal(get(x, "big"), "9223372036854775807");
	assert_string_equal(get(x, "t"), "true");
	assert_string_equal(get(x, "f"), "false");
	assert_null(get(x, "z"));
	assert_string_equal(get(x, "r1"), "0.1");
	assert_string_equal(get(x, "r2"), "1e+300");
	assert_string_equal(get(x, "r3"), "3");
	assert_string_equal(get(x, "r4"), "-2.5e-7");
	assert_string_equal(get(x, "r5"), "0.30000000000000004");
	assert_string_equal(get(x, "e"), "");
	assert_int_equal(g->r[1].line, 6);
	got_free(g);
	/* reals in plain decimal, as JavaScript writes them: a whole one
	 * is a whole number, an exponent only below 1e-6 or from 1e21 */
	g = slurp("[{\"a\": 10.0, \"b\": 1500.0, \"c\": 1.5e3, \"d\": "
	    "123.456, \"e\": 1e20, \"f\": 1e21, \"g\": 0.000001, \"h\": "
	    "1.5e-7, \"i\": -0.0, \"j\": 0.5, \"k\": -1234.5e-2, \"l\": "
	    "2.5E+25}]", CS_IN_AUTO);
	assert_ok(g, 1);
	x = &g->r[0];
	assert_string_equal(get(x, "a"), "10");
	assert_string_equal(get(x, "b"), "1500");
	assert_string_equal(get(x, "c"), "1500");
	assert_string_equal(get(x, "d"), "123.456");
	assert_string_equal(get(x, "e"), "100000000000000000000");
	assert_string_equal(get(x, "f"), "1e+21");
	assert_string_equal(get(x, "g"), "0.000001");
	assert_string_equal(get(x, "h"), "1.5e-7");
	assert_string_equal(get(x, "i"), "0");
	assert_string_equal(get(x, "j"), "0.5");
	assert_string_equal(get(x, "k"), "-12.345");
	assert_string_equal(get(x, "l"), "2.5e+25");
	got_free(g);
	g = slurp("[]", CS_IN_AUTO);
	assert_ok(g, 0);
	got_free(g);
	g = slurp(" [ \n ] \n\n", CS_IN_JSON);
	assert_ok(g, 0);
	got_free(g);
	g = slurp("[{}]", CS_IN_JSON);
	assert_ok(g, 1);
	assert_int_equal(g->r[0].n, 0);
	got_free(g);
	/* strings holding brackets, commas and escaped quotes */
	g = slurp("[{\"a\": \"],[{\\\"\"},\n{\"a\": \"\\\\\"}]", CS_IN_JSON);
	assert_ok(g, 2);
	assert_string_equal(g->r[0].vals[0], "],[{\"");
	assert_string_equal(g->r[1].vals[0], "\\");
	assert_int_equal(g->r[1].line, 2);
	got_free(g);
}

static void
test_json_errors(void **state)
{
	struct got *g;

	(void)state;
	g = slurp("[\n{\"a\": 1},\n{\"a\":\n 1,,}]", CS_IN_AUTO);
	assert_int_equal(g->n, 1);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_msg(g, ":4: invalid JSON: string or '}' expected near ','");
	got_free(g);
	g = slurp("[\n{\"a\": 1},\n\n \"x\"]", CS_IN_AUTO);
	assert_int_equal(g->n, 1);
	assert_msg(g, ":4: record is not an object");
	got_free(g);
	g = slurp("[{\"a\": 1},\n[{\"a\": 1}]]", CS_IN_AUTO);
	assert_msg(g, ":2: record is not an object");
	got_free(g);
	g = slurp("[\n{\"a\": 1,\n \"tags\": [\"x\"]}]", CS_IN_AUTO);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_msg(g, ":2: tags: nested values are not supported (use a "
	    "string)");
	got_free(g);
	g = slurp("[{\"o\": {}}]", CS_IN_AUTO);
	assert_msg(g, ":1: o: nested values are not supported (use a string)");
	got_free(g);
	g = slurp("[\n{\"order\": 1},\n{\"id\": 1,\n \"order\": "
	    "2023021222001100010300000011}]", CS_IN_AUTO);
	assert_int_equal(g->n, 1);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_msg(g, ":4: order: number too large for 64 bits, quote it to "
	    "keep it as text (2023021222001100010300000011)");
	got_free(g);
	g = slurp("[{\"n\": -99999999999999999999}]", CS_IN_AUTO);
	assert_msg(g, ":1: n: number too large for 64 bits, quote it to keep "
	    "it as text (-99999999999999999999)");
	got_free(g);
	g = slurp("[{\"n\": 1e999}]", CS_IN_AUTO);
	assert_msg(g, ":1: n: number out of range, quote it to keep it as "
	    "text (1e999)");
	got_free(g);
	/* too small: 0 (or a subnormal) is not what was written */
	g = slurp("[{\"n\": 0.0e-400, \"m\": 1e-300},\n{\"n\": -1.5e-400}]",
	    CS_IN_AUTO);
	assert_int_equal(g->n, 1);
	assert_string_equal(get(&g->r[0], "n"), "0");
	assert_msg(g, ":2: n: number out of range, quote it to keep it as "
	    "text (-1.5e-400)");
	got_free(g);
	g = slurp("[{\"n\": 4.9e-324}]", CS_IN_AUTO);
	assert_msg(g, ":1: n: number out of range, quote it to keep it as "
	    "text (4.9e-324)");
	got_free(g);
	g = slurp("[\n{\"a\": 1,\n \"b\": 2,\n \"a\": 3}]", CS_IN_AUTO);
	assert_int_equal(g->n, 0);
	assert_msg(g, ":4: duplicate key \"a\"");
	got_free(g);
	g = slurp("[{\"a\": 1}]\n\nx", CS_IN_AUTO);
	assert_int_equal(g->n, 1);
	assert_msg(g, ":3: invalid JSON: data after the array");
	got_free(g);
	g = slurp("[{\"a\": 1}][]", CS_IN_AUTO);
	assert_msg(g, ":1: invalid JSON: data after the array");
	got_free(g);
	g = slurp("[{\"a\": 1},\n]", CS_IN_AUTO);
	assert_msg(g, ":2: invalid JSON: a comma before ]");
	got_free(g);
	g = slurp("[{\"a\": 1},,{\"a\": 1}]", CS_IN_AUTO);
	assert_msg(g, ":1: invalid JSON: a value is missing");
	got_free(g);
	g = slurp("[{\"a\": 1}\n", CS_IN_AUTO);
	assert_msg(g, ":2: invalid JSON: the array is not closed (missing ])");
	got_free(g);
	g = slurp("[{\"a\": \"1}]\n", CS_IN_AUTO);
	assert_int_equal(g->st, CS_EX_DATAERR);
	got_free(g);
	g = slurp("[{\"a\": 1} {\"b\": 2}]", CS_IN_AUTO);
	assert_int_equal(g->st, CS_EX_DATAERR);
	got_free(g);
	g = slurp("", CS_IN_JSON);
	assert_msg(g, ":1: empty input, expected a JSON array");
	got_free(g);
	g = slurp("[{\"a\": \"\\u0000\"}]", CS_IN_JSON);
	assert_int_equal(g->st, CS_EX_DATAERR);
	got_free(g);
}

static void
test_jsonl(void **state)
{
	struct got *g;

	(void)state;
	g = slurp(BOM "{\"a\": \"1\", \"b\": 2}\r\n\n  \n{\"a\": null}\n"
	    "{\"a\": \"3\"}", CS_IN_AUTO);
	assert_ok(g, 3);
	assert_null(g->hdr);
	assert_int_equal(g->r[0].line, 1);
	assert_string_equal(get(&g->r[0], "b"), "2");
	assert_int_equal(g->r[1].line, 4);
	assert_int_equal(g->r[1].n, 0);
	assert_int_equal(g->r[2].line, 5);
	got_free(g);
	g = slurp("{\"a\": 1}\n\n[1]\n", CS_IN_AUTO);
	assert_int_equal(g->n, 1);
	assert_msg(g, ":3: record is not an object");
	got_free(g);
	g = slurp("{\"a\": 1}\n{\"a\": 1, \"a\": 2}\n", CS_IN_JSONL);
	assert_msg(g, ":2: duplicate key \"a\"");
	got_free(g);
	g = slurp("{\"a\": 1}\n{\"a\": 12345678901234567890123}\n",
	    CS_IN_JSONL);
	assert_msg(g, ":2: a: number too large for 64 bits, quote it to keep "
	    "it as text (12345678901234567890123)");
	got_free(g);
	g = slurp("{\"a\": 1}\n{\"a\": 1\n", CS_IN_JSONL);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_non_null(strstr(g->err, ":2: invalid JSON: "));
	got_free(g);
	g = slurp("{\"a\": [1]}\n", CS_IN_JSONL);
	assert_msg(g, ":1: a: nested values are not supported (use a string)");
	got_free(g);
	g = slurp("", CS_IN_JSONL);
	assert_ok(g, 0);
	got_free(g);
}

/* ---- column rules ------------------------------------------------------ */

static const char *const known[] = { "code", "name", "attr.*", NULL };

static void
test_spec_csv(void **state)
{
	static const char *const req[] = { "code", "name", NULL };
	static const char *const req2[] = { "code", "phone", NULL };
	struct cs_in_spec spec = { known, NULL, 0 };
	struct got *g;

	(void)state;
	g = slurp_spec("code,name,attr.birthday,bogus\n1,2,3,4\n", &spec);
	assert_int_equal(g->open_st, CS_EX_DATAERR);
	assert_int_equal(g->n, 0);
	assert_msg(g, ":1: bogus: unknown column (known: code, name, attr.*)");
	got_free(g);
	spec.ignore_unknown = 1;
	g = slurp_spec("code,bogus,attr.birthday,name\n1,2,3,4\n", &spec);
	assert_ok(g, 1);
	assert_string_equal(g->hdr, "code|bogus|attr.birthday|name");
	assert_int_equal(g->r[0].n, 3);
	assert_string_equal(g->r[0].names[1], "attr.birthday");
	assert_string_equal(get(&g->r[0], "code"), "1");
	assert_string_equal(get(&g->r[0], "attr.birthday"), "3");
	assert_string_equal(get(&g->r[0], "name"), "4");
	assert_null(get(&g->r[0], "bogus"));
	got_free(g);
	/* "attr." alone matches the prefix; "attr" does not */
	spec.ignore_unknown = 0;
	g = slurp_spec("attr\n1\n", &spec);
	assert_int_equal(g->open_st, CS_EX_DATAERR);
	got_free(g);
	spec.required = req;
	g = slurp_spec("name,code\nx,\n", &spec);
	assert_ok(g, 1);	/* an empty value is not the reader's concern */
	got_free(g);
	spec.required = req2;
	g = slurp_spec("name,code\nx,1\n", &spec);
	assert_int_equal(g->open_st, CS_EX_DATAERR);
	assert_msg(g, ": missing required column phone");
	got_free(g);
	spec.known = NULL;
	g = slurp_spec("name,code,phone\nx,1,2\n", &spec);
	assert_ok(g, 1);
	got_free(g);
}

static void
test_spec_json(void **state)
{
	static const char *const req[] = { "code", NULL };
	struct cs_in_spec spec = { known, req, 0 };
	struct got *g;

	(void)state;
	g = slurp_spec("[\n{\"code\": \"1\", \"attr.x\": 2},\n"
	    "{\"code\": \"2\", \"bogus\": 1}]", &spec);
	assert_int_equal(g->n, 1);
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_msg(g, ":3: bogus: unknown column (known: code, name, attr.*)");
	got_free(g);
	spec.ignore_unknown = 1;
	g = slurp_spec("[\n{\"code\": \"1\", \"attr.x\": 2},\n"
	    "{\"code\": \"2\", \"bogus\": 1}]", &spec);
	assert_ok(g, 2);
	assert_int_equal(g->r[1].n, 1);
	assert_string_equal(get(&g->r[0], "attr.x"), "2");
	got_free(g);
	/* required: per record; "" and null (as JSON output writes an
	 * empty field) are there, empty; a key left out is missing */
	g = slurp_spec("{\"code\": \"\"}\n"
	    "{\"name\": \"x\", \"code\": null}\n"
	    "{\"name\": \"y\"}\n", &spec);
	assert_int_equal(g->n, 2);
	assert_string_equal(get(&g->r[1], "code"), "");
	assert_int_equal(g->st, CS_EX_DATAERR);
	assert_msg(g, ":3: code: a required field, missing");
	got_free(g);
	/* an unknown nested value is dropped, not refused */
	g = slurp_spec("{\"code\": \"1\", \"x\": [1]}\n", &spec);
	assert_ok(g, 1);
	got_free(g);
}

/* ---- JSONTestSuite ----------------------------------------------------- */

static int
flat_object(json_t *o)
{
	const char *k;
	json_t *v;

	if (!json_is_object(o))
		return 0;
	json_object_foreach(o, k, v)
		if (json_is_object(v) || json_is_array(v))
			return 0;
	return 1;
}

static size_t
non_null(json_t *o)
{
	const char *k;
	json_t *v;
	size_t n = 0;

	json_object_foreach(o, k, v)
		n += !json_is_null(v);
	return n;
}

static int
first_byte(const char *s, size_t n)
{
	size_t i = 0;

	if (n >= 3 && memcmp(s, BOM, 3) == 0)
		i = 3;
	for (; i < n; i++)
		if (!strchr(" \t\r\n", s[i]) || s[i] == '\0')
			return (unsigned char)s[i];
	return -1;
}

/*
 * A y_ file as a JSON array of records: objects are wrapped in [ ],
 * scalars in [{"v": ...}]. jansson itself (with the reader's flags) says
 * what must be accepted: every element a flat object.
 */
static void
suite_y(const char *name, const char *s, size_t n)
{
	struct cs_buf b = { 0 };
	json_error_t e;
	json_t *j, *v;
	struct got *g;
	size_t i;
	int ok = 1, c = first_byte(s, n);

	if (c == '[')
		cs_buf_add(&b, s, n);
	else if (c == '{') {
		cs_buf_adds(&b, "[");
		cs_buf_add(&b, s, n);
		cs_buf_adds(&b, "]");
	} else {
		cs_buf_adds(&b, "[{\"v\": ");
		cs_buf_add(&b, s, n);
		cs_buf_adds(&b, "}]");
	}
	j = json_loadb(b.s, b.len, JSON_REJECT_DUPLICATES, &e);
	if (j == NULL || !json_is_array(j))
		ok = 0;
	else
		json_array_foreach(j, i, v)
			if (!flat_object(v))
				ok = 0;
	g = slurp_n(b.s, b.len, CS_IN_JSON, NULL, NULL);
	if (ok) {
		if (g->st != -1)
			print_error("%s refused: %s", name, g->err);
		assert_ok(g, json_array_size(j));
		json_array_foreach(j, i, v) {
			assert_int_equal(g->r[i].n, non_null(v));
		}
	} else {
		if (g->st <= 0)
			print_error("%s accepted\n", name);
		assert_true(g->st > 0);
	}
	got_free(g);
	json_decref(j);
	cs_buf_free(&b);
}

static void
test_json_suite(void **state)
{
	const char *dir = TESTDATA "/JSONTestSuite/test_parsing";
	static const enum cs_in_format fmts[] = { CS_IN_AUTO, CS_IN_CSV,
	    CS_IN_JSON, CS_IN_JSONL };
	char path[512];
	struct cs_buf b = { 0 };
	struct dirent *d;
	struct got *g;
	char *s;
	size_t n, k;
	DIR *dp;
	int ny = 0, nn = 0, ni = 0;

	(void)state;
	if ((dp = opendir(dir)) == NULL) {
		print_message("# skipped: %s is absent\n", dir);
		skip();
	}
	while ((d = readdir(dp)) != NULL) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
		/* Nothing may crash, whatever the format. */
		for (k = 0; k < sizeof(fmts) / sizeof(fmts[0]); k++)
			got_free(slurp_path(path, fmts[k], NULL, NULL));
		got_free(slurp_path(path, CS_IN_AUTO, "gb18030", NULL));
		s = read_file(path, &n);
		assert_non_null(s);
		if (d->d_name[0] == 'y') {
			suite_y(d->d_name, s, n);
			ny++;
		} else if (d->d_name[0] == 'n') {
			/* Refused, alone or wrapped as an array. */
			cs_buf_reset(&b);
			if (first_byte(s, n) == '{')
				cs_buf_adds(&b, "[");
			cs_buf_add(&b, s, n);
			if (first_byte(s, n) == '{')
				cs_buf_adds(&b, "]");
			g = slurp_n(b.s, b.len, CS_IN_JSON, NULL, NULL);
			if (g->st <= 0)
				print_error("%s accepted\n", d->d_name);
			assert_true(g->st > 0);
			got_free(g);
			nn++;
		} else
			ni++;
		free(s);
	}
	closedir(dp);
	cs_buf_free(&b);
	print_message("# JSONTestSuite: %d y_, %d n_, %d i_ files\n", ny, nn,
	    ni);
	assert_true(ny > 0 && nn > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test(test_record_msg),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_bad_encoding),
		cmocka_unit_test(test_stdin),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_csv_spectrum),
		cmocka_unit_test(test_csv_basic),
		cmocka_unit_test(test_csv_get),
		cmocka_unit_test(test_csv_bom_crlf),
		cmocka_unit_test(test_csv_cr_lines),
		cmocka_unit_test(test_csv_lines),
		cmocka_unit_test(test_csv_ragged),
		cmocka_unit_test(test_skip_bad),
		cmocka_unit_test(test_csv_sticky_error),
		cmocka_unit_test(test_csv_quotes),
		cmocka_unit_test(test_csv_excel_text),
		cmocka_unit_test(test_csv_spaces),
		cmocka_unit_test(test_csv_header),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_csv_big_field),
		cmocka_unit_test(test_gbk_alipay),
		cmocka_unit_test(test_gbk_jieba),
		cmocka_unit_test(test_gb18030),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_bom_files),
		cmocka_unit_test(test_json_values),
		cmocka_unit_test(test_json_errors),
		cmocka_unit_test(test_jsonl),
		cmocka_unit_test(test_spec_csv),
		cmocka_unit_test(test_spec_json),
		cmocka_unit_test(test_json_suite),
	};

	cs_progname = "cs-test";
	return cmocka_run_group_tests(tests, NULL, NULL);
}
