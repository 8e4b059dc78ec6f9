/* in.c - record readers: CSV (libcsv), JSON arrays and JSON lines (jansson) */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>
#include <jansson.h>

#include "cs.h"

#define RAW_INIT	(256 * 1024)	/* first size of the input buffer */
#define MSG_VALUE_MAX	60	/* bytes of a value shown in a message */

/* libcsv's parser states (internal to libcsv.c, stable since 3.0). */
#define CSVS_ROW_NOT_BEGUN	0
#define CSVS_FIELD_MIGHT_HAVE_ENDED 3

#define NOT_CLOSED	"invalid JSON: the array is not closed (missing ])"

enum { JS_START, JS_FIRST, JS_NEXT, JS_AFTER, JS_END };

struct cs_reader {
	const char *file;	/* for messages: the path, or "stdin" */
	int fd;
	int is_stdin;
	enum cs_in_format fmt;
	struct cs_in_spec spec;
	char *known_list;	/* "a, b, c" for messages, made on demand */
	int status;		/* once an error was reported, always it */
	int done;
	int skip_bad;		/* a bad record is given, not reported */
	int in_record;		/* an error now is the record's alone */
	char *bad;		/* the message of the bad record given */

	/* Raw input: lines are cut from raw[rpos..rlen). */
	char *raw;
	size_t rpos, rlen, rcap, rscan;
	int eof;
	int bom_done;
	int bom_over;		/* a UTF-8 BOM overrode --encoding */
	int cr_ends;		/* a lone CR ends lines: 1, -1, 0 not known */
	long line;		/* physical lines handed out so far */
	iconv_t cd;		/* (iconv_t)-1 when the input is UTF-8 */
	const char *encname;
	char *dbuf;		/* one decoded line */
	size_t dcap;

	/* CSV */
	struct csv_parser csv;
	int csv_ready;
	const char *seg;	/* rest of the current line, not yet parsed */
	size_t segn;
	long rec_start;
	int row_ready;
	int csv_eof;
	char *fbuf;		/* the fields of one record, NUL-separated */
	size_t flen, fcap;
	size_t *foff;		/* offsets of the fields in fbuf (or scratch) */
	size_t nf, foffcap;
	char *hdrbuf;
	const char **hdr;
	size_t nhdr;
	size_t *keep;		/* header indexes of the columns given out */

	/* JSON */
	struct cs_buf jbuf;	/* a whole JSON array */
	size_t jpos;
	long jline;
	int jstate;
	json_t *jcur;
	struct cs_buf scratch;

	/* The record given out. */
	const char **names;
	const char **vals;
	size_t ncap;
	struct cs_record rec;
};

/* ---- messages --------------------------------------------------------- */

static void
buf_vaddf(struct cs_buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	char small[256], *big;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(small, sizeof(small), fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		cs_buf_add(b, small, (size_t)n);
		return;
	}
	big = cs_xmalloc((size_t)n + 1);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	cs_buf_add(b, big, (size_t)n);
	free(big);
}

/*
 * Appends a value as shown in a message: at most MSG_VALUE_MAX bytes, cut
 * before a UTF-8 sequence rather than inside it, and with control
 * characters escaped so that the message stays on one line.
 */
static void
add_value(struct cs_buf *b, const char *v)
{
	size_t n = strlen(v), cut = n, i;
	unsigned char c;

	if (n > MSG_VALUE_MAX) {
		cut = MSG_VALUE_MAX;
		while (cut > 0 && ((unsigned char)v[cut] & 0xc0) == 0x80)
			cut--;
	}
	for (i = 0; i < cut; i++) {
		c = (unsigned char)v[i];
		if (c == '\n')
			cs_buf_adds(b, "\\n");
		else if (c == '\r')
			cs_buf_adds(b, "\\r");
		else if (c == '\t')
			cs_buf_adds(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			cs_buf_addf(b, "\\x%02x", c);
		else
			cs_buf_addc(b, c);
	}
	if (cut < n)
		cs_buf_adds(b, "\xe2\x80\xa6");	/* … */
}

static char *
vmsg(const char *file, long line, const char *column, const char *value,
    const char *fmt, va_list ap)
{
	struct cs_buf b = { 0 };

	if (file) {
		cs_buf_adds(&b, file);
		if (line > 0)
			cs_buf_addf(&b, ":%ld", line);
		cs_buf_adds(&b, ": ");
	}
	if (column)
		cs_buf_addf(&b, "%s: ", column);
	buf_vaddf(&b, fmt, ap);
	if (value) {
		cs_buf_adds(&b, " (");
		add_value(&b, value);
		cs_buf_addc(&b, ')');
	}
	return b.s ? b.s : cs_xstrdup("");
}

char *
cs_record_msg(const struct cs_record *rec, const char *column,
    const char *value, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = vmsg(rec ? rec->file : NULL, rec ? rec->line : 0, column, value,
	    fmt, ap);
	va_end(ap);
	return s;
}

int
cs_record_err(const struct cs_record *rec, const char *column,
    const char *value, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = vmsg(rec ? rec->file : NULL, rec ? rec->line : 0, column, value,
	    fmt, ap);
	va_end(ap);
	cs_err(CS_EX_DATAERR, "%s", s);
	free(s);
	return CS_EX_DATAERR;
}

/* Reports bad data at a line of the reader's input; returns 65. */
static int
rerr(struct cs_reader *r, long line, const char *column, const char *value,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int
rerr(struct cs_reader *r, long line, const char *column, const char *value,
    const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = vmsg(r->file, line, column, value, fmt, ap);
	va_end(ap);
	if (r->skip_bad && r->in_record) {
		/* cs_reader_next hands the record on with the message */
		free(r->bad);
		r->bad = s;
		return CS_IN_BAD;
	}
	cs_err(CS_EX_DATAERR, "%s", s);
	free(s);
	return CS_EX_DATAERR;
}

/* ---- column rules ------------------------------------------------------ */

static int
is_required(const struct cs_reader *r, const char *name)
{
	const char *const *q;

	for (q = r->spec.required; q && *q; q++)
		if (strcmp(name, *q) == 0)
			return 1;
	return 0;
}

static int
is_known(const struct cs_reader *r, const char *name)
{
	const char *const *k;
	size_t n;

	if (!r->spec.known)
		return 1;
	for (k = r->spec.known; *k; k++) {
		n = strlen(*k);
		if (n > 0 && (*k)[n - 1] == '*') {
			if (strncmp(name, *k, n - 1) == 0)
				return 1;
		} else if (strcmp(name, *k) == 0)
			return 1;
	}
	return 0;
}

static const char *
known_list(struct cs_reader *r)
{
	struct cs_buf b = { 0 };
	const char *const *k;

	if (r->known_list)
		return r->known_list;
	for (k = r->spec.known; k && *k; k++) {
		if (k != r->spec.known)
			cs_buf_adds(&b, ", ");
		cs_buf_adds(&b, *k);
	}
	r->known_list = b.s ? b.s : cs_xstrdup("");
	return r->known_list;
}

static int
unknown_err(struct cs_reader *r, long line, const char *name)
{
	return rerr(r, line, name, NULL, "unknown column (known: %s)",
	    known_list(r));
}

/* ---- raw input and lines ----------------------------------------------- */

/* Reads more input; 0, -1 at the end of the file, or 74. */
static int
src_fill(struct cs_reader *r)
{
	ssize_t n;

	if (r->eof)
		return -1;
	if (r->rpos > 0) {
		memmove(r->raw, r->raw + r->rpos, r->rlen - r->rpos);
		r->rlen -= r->rpos;
		r->rscan -= r->rpos;
		r->rpos = 0;
	}
	if (r->rlen == r->rcap) {
		r->rcap *= 2;
		r->raw = cs_xrealloc(r->raw, r->rcap);
	}
	do
		n = read(r->fd, r->raw + r->rlen, r->rcap - r->rlen);
	while (n == -1 && errno == EINTR);
	if (n == -1)
		return cs_err(CS_EX_IOERR, "%s: %s", r->file, cs_strerror(errno));
	if (n == 0) {
		r->eof = 1;
		return -1;
	}
	r->rlen += (size_t)n;
	return 0;
}

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/*
 * Checks a line of input meant to be UTF-8: 0, 1 when it holds a NUL
 * byte, 2 when it is not valid UTF-8. Most lines are ASCII: eight bytes
 * at a time are tested for a high bit or a zero byte first.
 */
static int
utf8_line_check(const char *s, size_t n)
{
	uint64_t w;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if ((w | ((w - ONES) & ~w)) & HIGHS)
			break;
	}
	for (; i < n; i++) {
		if (s[i] == '\0')
			return 1;
		if ((unsigned char)s[i] >= 0x80) {
			if (memchr(s + i, '\0', n - i))
				return 1;
			return cs_utf8_invalid(s + i, n - i) < 0 ? 0 : 2;
		}
	}
	return 0;
}

static int
src_decode(struct cs_reader *r, const char **s, size_t *n)
{
	char *in = (char *)*s, *out;
	size_t inleft = *n, outleft, len = 0;

	if (r->dcap < inleft * 2 + 16) {
		r->dcap = inleft * 2 + 16;
		r->dbuf = cs_xrealloc(r->dbuf, r->dcap);
	}
	iconv(r->cd, NULL, NULL, NULL, NULL);
	while (inleft > 0) {
		out = r->dbuf + len;
		outleft = r->dcap - len - 1;
		if (iconv(r->cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
			len = (size_t)(out - r->dbuf);
			if (errno == E2BIG) {
				r->dcap *= 2;
				r->dbuf = cs_xrealloc(r->dbuf, r->dcap);
				continue;
			}
			/* GB18030's four-byte characters (rare names,
			 * emoji) are no GBK */
			return rerr(r, r->line, NULL, NULL, "invalid %s text "
			    "(is it UTF-8? try without --encoding%s)",
			    r->encname, strcmp(r->encname, "GBK") == 0 ?
			    "; GB18030? try --encoding gb18030" : "");
		}
		len = (size_t)(out - r->dbuf);
	}
	r->dbuf[len] = '\0';
	*s = r->dbuf;
	*n = len;
	return 0;
}

#define HASBYTE(w, c) \
	((((w) ^ (ONES * (c))) - ONES) & ~((w) ^ (ONES * (c))) & HIGHS)

/*
 * The first CR or LF in s[0..n), or NULL. Both are looked for in one
 * pass, eight bytes at a time: two memchr() calls would scan a whole
 * buffer of CR-only lines for a LF once per line.
 */
static const char *
eol_find(const char *s, size_t n)
{
	uint64_t w;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if (HASBYTE(w, '\n') | HASBYTE(w, '\r'))
			break;
	}
	for (; i < n; i++)
		if (s[i] == '\n' || s[i] == '\r')
			return s + i;
	return NULL;
}

/*
 * The next physical line, with its line end when it has one: 0, -1 at
 * the end, or a status. The text is UTF-8 without NUL bytes and stays
 * valid until the next call.
 *
 * A line ends with LF or CR LF, and in a file whose first line ends with
 * a lone CR (old Excel for Mac) with a lone CR too. Elsewhere a lone CR
 * is data (a quoted field's), and lines are numbered as sed, grep -n and
 * vi number them.
 */
static int
src_line(struct cs_reader *r, const char **s, size_t *n)
{
	const char *p, *eol, *end;
	size_t len;
	int st;

	for (;;) {
		end = r->raw + r->rlen;
		eol = r->cr_ends < 0 ?
		    memchr(r->raw + r->rscan, '\n', r->rlen - r->rscan) :
		    eol_find(r->raw + r->rscan, r->rlen - r->rscan);
		if (eol && *eol == '\r' && eol + 1 == end && !r->eof) {
			/* the byte after it tells a CR LF, read in two
			 * parts, from two line ends */
			r->rscan = (size_t)(eol - r->raw);
		} else if (eol) {
			if (*eol == '\r' && eol + 1 < end && eol[1] == '\n')
				eol++;
			if (r->cr_ends == 0)
				r->cr_ends = *eol == '\r' ? 1 : -1;
			len = (size_t)(eol + 1 - (r->raw + r->rpos));
			break;
		} else
			r->rscan = r->rlen;
		if ((st = src_fill(r)) > 0)
			return st;
		if (st < 0) {
			len = r->rlen - r->rpos;
			if (len == 0)
				return -1;
			break;
		}
	}
	p = r->raw + r->rpos;
	r->rpos += len;
	r->rscan = r->rpos;
	r->line++;
	if (!r->bom_done && len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		p += 3;
		len -= 3;
		/* The BOM says UTF-8 whatever --encoding says: a script
		 * that gives --encoding gbk for every file also gets
		 * Excel's "CSV UTF-8", which GBK would turn to mojibake. */
		if (r->cd != (iconv_t)-1) {
			iconv_close(r->cd);
			r->cd = (iconv_t)-1;
			r->bom_over = 1;
		}
	}
	st = r->cd != (iconv_t)-1 ? memchr(p, '\0', len) != NULL :
	    utf8_line_check(p, len);
	if (st == 1)
		return rerr(r, r->line, NULL, NULL,
		    "NUL byte in the input (is it UTF-16? save it as UTF-8)");
	if (st == 2)
		return rerr(r, r->line, NULL, NULL, r->bom_over ?
		    "invalid UTF-8 (the file starts with a UTF-8 byte order "
		    "mark, which overrides --encoding)" :
		    "invalid UTF-8 (is it GBK? try --encoding gbk)");
	if (r->cd != (iconv_t)-1) {
		if ((st = src_decode(r, &p, &len)) != 0)
			return st;
		/* A BOM of the source encoding decodes to U+FEFF. */
		if (!r->bom_done && len >= 3 &&
		    memcmp(p, "\xef\xbb\xbf", 3) == 0) {
			p += 3;
			len -= 3;
		}
	}
	r->bom_done = 1;
	*s = p;
	*n = len;
	return 0;
}

/* The first byte that is not white space nor a BOM, without using any
 * input up; -1 for an empty input, or -status. */
static int
src_peek(struct cs_reader *r)
{
	size_t i = 0;
	int st;
	unsigned char c;

	for (;;) {
		if (i == 0 && r->rlen < 3 && !r->eof) {
			if ((st = src_fill(r)) > 0)
				return -st;
			continue;
		}
		if (i == 0 && r->rlen >= 3 &&
		    memcmp(r->raw, "\xef\xbb\xbf", 3) == 0)
			i = 3;
		for (; i < r->rlen; i++) {
			c = (unsigned char)r->raw[i];
			if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
				return c;
		}
		if ((st = src_fill(r)) > 0)
			return -st;
		if (st < 0)
			return -1;
	}
}

/* ---- CSV --------------------------------------------------------------- */

/* A field; what --excel wrote for a spreadsheet reads back as it was. */
static void
csv_field(void *s, size_t len, void *data)
{
	struct cs_reader *r = data;

	if (r->flen + len + 1 > r->fcap) {
		while (r->flen + len + 1 > r->fcap)
			r->fcap = r->fcap ? r->fcap * 2 : 1024;
		r->fbuf = cs_xrealloc(r->fbuf, r->fcap);
	}
	memcpy(r->fbuf + r->flen, s, len);
	r->fbuf[r->flen + len] = '\0';
	if (len && (*(char *)s == '=' || *(char *)s == '\'') &&
	    !memchr(s, '\0', len))
		len = cs_excel_uncell(r->fbuf + r->flen);
	if (r->nf == r->foffcap) {
		r->foffcap = r->foffcap ? r->foffcap * 2 : 32;
		r->foff = cs_xrealloc(r->foff, r->foffcap * sizeof(*r->foff));
	}
	r->foff[r->nf++] = r->flen;
	r->flen += len + 1;
}

static void
csv_row_end(int c, void *data)
{
	(void)c;
	((struct cs_reader *)data)->row_ready = 1;
}

/* Spaces are data: libcsv would otherwise trim them. */
static int
csv_no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/*
 * Reads one CSV row into fbuf/foff/nf, with rec_start its first line:
 * 0, -1 at the end, or a status. Lines are fed one by one to know where
 * a row starts; a line is also cut after each CR, so that (a bare CR
 * ending a row too) at most one row ends per csv_parse() call.
 */
static int
csv_next_row(struct cs_reader *r)
{
	const char *cr;
	size_t k, used;
	int st;

	r->flen = r->nf = 0;
	r->row_ready = 0;
	for (;;) {
		if (r->segn == 0) {
			if (r->csv_eof)
				return -1;
			st = src_line(r, &r->seg, &r->segn);
			if (st > 0)
				return st;
			if (st == 0)
				continue;
			r->csv_eof = 1;
			if (csv_fini(&r->csv, csv_field, csv_row_end, r) != 0)
				return rerr(r, r->rec_start, NULL, NULL,
				    "malformed CSV: a quoted field is not "
				    "closed (missing \")");
			return r->row_ready ? 0 : -1;
		}
		cr = memchr(r->seg, '\r', r->segn);
		k = cr ? (size_t)(cr - r->seg) + 1 : r->segn;
		if (r->csv.pstate == CSVS_ROW_NOT_BEGUN)
			r->rec_start = r->line;
		used = csv_parse(&r->csv, r->seg, k, csv_field, csv_row_end, r);
		if (used < k) {
			if (csv_error(&r->csv) != CSV_EPARSE)
				return cs_err(CS_EX_SOFTWARE, "%s: %s", r->file,
				    csv_strerror(csv_error(&r->csv)));
			/* The line of the bad quote, not of the row's start. */
			if (r->csv.pstate == CSVS_FIELD_MIGHT_HAVE_ENDED)
				return rerr(r, r->line, NULL, NULL,
				    "malformed CSV: text after a closing quote "
				    "(a quote inside a quoted field is "
				    "written \"\")");
			return rerr(r, r->line, NULL, NULL, "malformed CSV: "
			    "a quote inside an unquoted field (quote the "
			    "field and double the quote)");
		}
		r->seg += k;
		r->segn -= k;
		if (r->row_ready)
			return 0;
	}
}

static int
csv_header(struct cs_reader *r)
{
	const char *const *q;
	size_t i, j, nk;
	int st;

	if ((st = csv_next_row(r)) != 0) {
		if (st > 0)
			return st;
		r->done = 1;	/* an empty input: no records */
		return 0;
	}
	r->hdrbuf = cs_xmalloc(r->flen);
	memcpy(r->hdrbuf, r->fbuf, r->flen);
	r->nhdr = r->nf;
	r->hdr = cs_xcalloc(r->nhdr + 1, sizeof(*r->hdr));
	for (i = 0; i < r->nhdr; i++)
		r->hdr[i] = r->hdrbuf + r->foff[i];
	/* -f tsv output piped in: the columns would be one name with tabs */
	if (r->nhdr == 1 && strchr(r->hdr[0], '\t'))
		return rerr(r, r->rec_start, NULL, NULL, "the header has tabs "
		    "and no comma: TSV is not read (write CSV or JSON, e.g. "
		    "-f csv)");
	for (i = 0; i < r->nhdr; i++) {
		if (r->hdr[i][0] == '\0')
			return rerr(r, r->rec_start, NULL, NULL,
			    "empty column name (column %zu)", i + 1);
		for (j = 0; j < i; j++)
			if (strcmp(r->hdr[i], r->hdr[j]) == 0)
				return rerr(r, r->rec_start, r->hdr[i], NULL,
				    "duplicate column name (columns %zu and "
				    "%zu)", j + 1, i + 1);
	}
	r->keep = cs_xcalloc(r->nhdr + 1, sizeof(*r->keep));
	r->ncap = r->nhdr + 1;
	r->names = cs_xcalloc(r->ncap, sizeof(*r->names));
	r->vals = cs_xcalloc(r->ncap, sizeof(*r->vals));
	for (i = nk = 0; i < r->nhdr; i++) {
		if (!is_known(r, r->hdr[i])) {
			if (r->spec.ignore_unknown)
				continue;
			return unknown_err(r, r->rec_start, r->hdr[i]);
		}
		r->keep[nk] = i;
		r->names[nk++] = r->hdr[i];
	}
	r->rec.n = nk;
	for (q = r->spec.required; q && *q; q++) {
		for (i = 0; i < nk; i++)
			if (strcmp(r->names[i], *q) == 0)
				break;
		if (i == nk)
			return rerr(r, 0, NULL, NULL,
			    "missing required column %s", *q);
	}
	return 0;
}

static int
csv_next(struct cs_reader *r)
{
	size_t k;
	int st;

	if ((st = csv_next_row(r)) != 0)
		return st;
	/* the fields there are, for a record given as bad */
	for (k = 0; k < r->rec.n; k++)
		r->vals[k] = r->keep[k] < r->nf ?
		    r->fbuf + r->foff[r->keep[k]] : "";
	r->rec.line = r->rec_start;
	if (r->nf != r->nhdr) {
		/* the fields beyond the header go in the message, unless all
		 * empty (a trailing comma): the rejects have no column for
		 * them */
		struct cs_buf extra = { 0 };
		const char *f;
		int any = 0;

		for (k = r->nhdr; k < r->nf; k++)
			any |= r->fbuf[r->foff[k]] != '\0';
		for (k = r->nhdr; any && k < r->nf; k++) {
			if (k > r->nhdr)
				cs_buf_addc(&extra, ',');
			f = r->fbuf + r->foff[k];
			if (!strpbrk(f, ",\"\r\n")) {
				cs_buf_adds(&extra, f);
				continue;
			}
			cs_buf_addc(&extra, '"');	/* as CSV writes it */
			for (; *f; f++) {
				if (*f == '"')
					cs_buf_addc(&extra, '"');
				cs_buf_addc(&extra, *f);
			}
			cs_buf_addc(&extra, '"');
		}
		r->in_record = 1;
		st = rerr(r, r->rec_start, NULL, extra.s,
		    "expected %zu fields, found %zu%s", r->nhdr, r->nf,
		    extra.s ? ", the last ones" : "");
		r->in_record = 0;
		cs_buf_free(&extra);
		return st;
	}
	return 0;
}

/* ---- JSON -------------------------------------------------------------- */

/*
 * A JSON real as text, as JavaScript writes a number: the shortest digits
 * that read back as the same double, in plain decimal from 1e-6 up to
 * 1e21 (1500.0 is 1500, 10.0 is 10, 0.1 is 0.1), with an exponent only
 * beyond (1e+21, 1.5e-7). A whole number written 10.0 is the number 10
 * in JSON, so it goes where a whole number is wanted (a capacity).
 */
static void
fmt_real(char *buf, size_t size, double d)
{
	char e[40], dig[20], *p;
	int prec, exp, nd = 0, k, i;
	size_t at = 0;

	if (d == 0) {
		snprintf(buf, size, "0");
		return;
	}
	for (prec = 0; prec < 16; prec++) {
		snprintf(e, sizeof(e), "%.*e", prec, d);
		if (strtod(e, NULL) == d)
			break;
	}
	snprintf(e, sizeof(e), "%.*e", prec, d);
	for (p = e; *p && *p != 'e'; p++)
		if (isdigit((unsigned char)*p) && nd < (int)sizeof(dig))
			dig[nd++] = *p;
	exp = *p ? atoi(p + 1) : 0;
	while (nd > 1 && dig[nd - 1] == '0')
		nd--;
#define PUT(c) do { if (at + 1 < size) buf[at++] = (c); } while (0)
	if (d < 0)
		PUT('-');
	if (exp >= 21 || exp < -6) {
		PUT(dig[0]);
		if (nd > 1)
			PUT('.');
		for (i = 1; i < nd; i++)
			PUT(dig[i]);
		buf[at] = '\0';
		snprintf(buf + at, size - at, "e%c%d", exp < 0 ? '-' : '+',
		    exp < 0 ? -exp : exp);
		return;
	}
	k = exp + 1;	/* digits before the point */
	if (k <= 0) {
		PUT('0');
		PUT('.');
		for (i = k; i < 0; i++)
			PUT('0');
		for (i = 0; i < nd; i++)
			PUT(dig[i]);
	} else {
		for (i = 0; i < k; i++)
			PUT(i < nd ? dig[i] : '0');
		if (nd > k)
			PUT('.');
		for (i = k; i < nd; i++)
			PUT(dig[i]);
	}
#undef PUT
	buf[at] = '\0';
}

static void
push_field(struct cs_reader *r, const char *name, size_t off)
{
	if (r->nf == r->ncap) {
		r->ncap = r->ncap ? r->ncap * 2 : 16;
		r->names = cs_xrealloc(r->names, r->ncap * sizeof(*r->names));
		r->vals = cs_xrealloc(r->vals, r->ncap * sizeof(*r->vals));
	}
	if (r->nf == r->foffcap) {
		r->foffcap = r->foffcap ? r->foffcap * 2 : 32;
		r->foff = cs_xrealloc(r->foff, r->foffcap * sizeof(*r->foff));
	}
	r->names[r->nf] = name;
	r->foff[r->nf++] = off;
}

/* Turns the object in r->jcur into r->rec. */
static int
json_record(struct cs_reader *r, long line)
{
	const char *key, *const *q;
	json_t *v;
	size_t off, i;
	char num[64];
	int st = 0;

	cs_buf_reset(&r->scratch);
	r->nf = 0;
	json_object_foreach(r->jcur, key, v) {
		/* null leaves a field as it was, as if the key were not
		 * there; a required one (the result of a record sheet's
		 * row that JSON output left null) is there, empty */
		if (json_is_null(v) && !is_required(r, key))
			continue;
		if (!is_known(r, key)) {
			if (r->spec.ignore_unknown)
				continue;
			/* a misspelt name, in every record likely: as
			 * fatal as in a CSV header, even under
			 * --skip-invalid */
			r->in_record = 0;
			st = unknown_err(r, line, key);
			goto out;
		}
		off = r->scratch.len;
		switch (json_typeof(v)) {
		case JSON_NULL:
			break;
		case JSON_STRING:
			cs_buf_add(&r->scratch, json_string_value(v),
			    json_string_length(v));
			break;
		case JSON_INTEGER:
			cs_buf_addf(&r->scratch, "%" JSON_INTEGER_FORMAT,
			    json_integer_value(v));
			break;
		case JSON_REAL:
			fmt_real(num, sizeof(num), json_real_value(v));
			cs_buf_adds(&r->scratch, num);
			break;
		case JSON_TRUE:
			cs_buf_adds(&r->scratch, "true");
			break;
		case JSON_FALSE:
			cs_buf_adds(&r->scratch, "false");
			break;
		default:
			st = rerr(r, line, key, NULL,
			    "nested values are not supported (use a string)");
			goto out;
		}
		cs_buf_addc(&r->scratch, '\0');
		push_field(r, key, off);
	}
	for (q = r->spec.required; q && *q && !st; q++) {
		for (i = 0; i < r->nf; i++)
			if (strcmp(r->names[i], *q) == 0)
				break;
		if (i == r->nf)
			st = rerr(r, line, *q, NULL, "a required field, "
			    "missing");
	}
out:
	/* Values go in only now: the scratch buffer may have moved. A bad
	 * record keeps the fields read before its fault, for the rejects. */
	for (i = 0; i < r->nf; i++)
		r->vals[i] = r->scratch.s + r->foff[i];
	r->rec.n = r->nf;
	r->rec.line = line;
	return st;
}

/* The key of the number at p, when it stands as "key": NUMBER in s;
 * NULL otherwise. Caller frees. */
static char *
num_key(const char *s, const char *p)
{
	const char *q, *k;

	for (q = p; q > s && strchr(" \t\r\n", q[-1]); q--)
		;
	if (q == s || q[-1] != ':')
		return NULL;
	for (q--; q > s && strchr(" \t\r\n", q[-1]); q--)
		;
	if (q <= s + 1 || q[-1] != '"')
		return NULL;
	k = q - 1;
	while (k > s && !(k[-1] == '"' && (k - 1 == s || k[-2] != '\\')))
		k--;
	return k > s ? cs_xstrndup(k, (size_t)(q - 1 - k)) : NULL;
}

/*
 * A number beyond 64 bits, or a real beyond a double: refused, never
 * rounded. jansson names no token for integers, so the number shown is
 * the one that ends where the error is.
 */
static int
json_overflow(struct cs_reader *r, const char *s, size_t n,
    const json_error_t *e, long line)
{
	const char *p, *end;
	char *num, *key;
	int st;

	end = s + (e->position > 0 && (size_t)e->position <= n ?
	    (size_t)e->position : 0);
	for (p = end; p > s && p[-1] != '\0' &&
	    (isdigit((unsigned char)p[-1]) || strchr("+-.eE", p[-1])); p--)
		;
	num = cs_xstrndup(p, (size_t)(end - p));
	key = num_key(s, p);
	st = rerr(r, line, key, p < end ? num : NULL, "%s, quote it to keep "
	    "it as text", strncmp(e->text, "real", 4) == 0 ?
	    "number out of range" : "number too large for 64 bits");
	free(num);
	free(key);
	return st;
}

/*
 * Whether the real number p[0..n) comes back from a double with every
 * significant digit it was written with: 1, 0, or -1 when it is too
 * small for one (1.5e-400 would be 0). A double holds 15 digits for
 * sure and 17 at most; 16 or 17 are kept when the shortest form of the
 * double has the same digits.
 */
static int
real_exact(const char *p, size_t n)
{
	char lit[18], buf[64], *t;
	const char *q;
	size_t nl = 0, nb = 0, i;
	double d;
	int prec, lead = 1;

	for (q = p; q < p + n && *q != 'e' && *q != 'E'; q++) {
		if (!isdigit((unsigned char)*q) || (lead && *q == '0'))
			continue;
		lead = 0;
		if (nl == sizeof(lit)) {
			/* beyond 17 digits only zeros may follow */
			for (; q < p + n && *q != 'e' && *q != 'E'; q++)
				if (*q >= '1' && *q <= '9')
					return 0;
			break;
		}
		lit[nl++] = *q;
	}
	while (nl > 0 && lit[nl - 1] == '0')
		nl--;
	if (n >= sizeof(buf))
		return nl <= 15 ? 1 : 0;
	memcpy(buf, p, n);
	buf[n] = '\0';
	d = strtod(buf, NULL);
	/* digits that are not all 0 make no 0, and no subnormal either
	 * (it keeps fewer digits) */
	if (nl > 0 && (d == 0 || fpclassify(d) == FP_SUBNORMAL))
		return -1;
	if (nl <= 15)
		return 1;
	for (prec = 0; prec < 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*e", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	for (t = buf; *t && *t != 'e'; t++)
		if (isdigit((unsigned char)*t))
			buf[nb++] = *t;
	while (nb > 0 && buf[nb - 1] == '0')
		nb--;
	if (nb != nl)
		return 0;
	for (i = 0; i < nl; i++)
		if (buf[i] != lit[i])
			return 0;
	return 1;
}

/* The field key of the record read gets the number as written, lit,
 * instead of the double's rounding of it: a record refused for it shows
 * in the rejects as it was. */
static void
keep_literal(struct cs_reader *r, const char *key, const char *lit)
{
	size_t i, off;

	for (i = 0; key && i < r->nf; i++)
		if (strcmp(r->names[i], key) == 0)
			break;
	if (!key || i == r->nf)
		return;
	off = r->scratch.len;
	cs_buf_adds(&r->scratch, lit);
	cs_buf_addc(&r->scratch, '\0');
	r->foff[i] = off;
	for (i = 0; i < r->nf; i++)
		r->vals[i] = r->scratch.s + r->foff[i];
}

/*
 * jansson reads every real into a double and keeps no text, so the
 * object's text s[0..n) is searched for a real that the double would
 * round (an order number written 12345678901234567.0): refused with its
 * line, as an integer beyond 64 bits is.
 */
static int
json_rounded(struct cs_reader *r, const char *s, size_t n, long line)
{
	const char *p = s, *end = s + n, *tok, *q;
	char *num, *key;
	long at;
	int real, st, exact;

	while (p < end) {
		if (*p == '"') {
			for (p++; p < end && *p != '"'; p++)
				if (*p == '\\')
					p++;
			p++;
			continue;
		}
		if (*p != '-' && !isdigit((unsigned char)*p)) {
			p++;
			continue;
		}
		tok = p;
		for (real = 0; p < end && (isdigit((unsigned char)*p) ||
		    strchr("+-.eE", *p)); p++)
			real |= *p == '.' || *p == 'e' || *p == 'E';
		if (!real || (exact = real_exact(tok, (size_t)(p - tok))) > 0)
			continue;
		for (at = line, q = s; q < tok; q++)
			at += *q == '\n';
		key = num_key(s, tok);
		if (key && r->spec.ignore_unknown && !is_known(r, key)) {
			free(key);	/* a value left out anyway */
			continue;
		}
		num = cs_xstrndup(tok, (size_t)(p - tok));
		keep_literal(r, key, num);
		st = rerr(r, at, key, num, "%s, quote it to keep it as text",
		    exact < 0 ? "number out of range" : "more digits than a "
		    "number keeps");
		free(num);
		free(key);
		return st;
	}
	return 0;
}

/* Whether a value of the object that is read is a real. */
static int
has_real(struct cs_reader *r, json_t *o)
{
	const char *key;
	json_t *v;

	json_object_foreach(o, key, v)
		if (json_is_real(v) && (!r->spec.ignore_unknown ||
		    is_known(r, key)))
			return 1;
	return 0;
}

static int json_parse1(struct cs_reader *, const char *, size_t, long);

/* Parses one object at s (n bytes) that starts on line; 0 or a status
 * (CS_IN_BAD when the reader skips bad records). */
static int
json_parse(struct cs_reader *r, const char *s, size_t n, long line)
{
	int st;

	r->in_record = 1;
	st = json_parse1(r, s, n, line);
	r->in_record = 0;
	return st;
}

static int
json_parse1(struct cs_reader *r, const char *s, size_t n, long line)
{
	json_error_t e;
	const char *near;
	long at;
	int st;

	r->nf = 0;
	r->rec.n = 0;
	r->rec.line = line;
	if (n == 0 || s[0] != '{')
		return rerr(r, line, NULL, NULL, "record is not an object");
	json_decref(r->jcur);
	r->jcur = json_loadb(s, n, JSON_REJECT_DUPLICATES, &e);
	if (r->jcur == NULL) {
		at = line + (e.line > 0 ? e.line - 1 : 0);
		near = strstr(e.text, " near '");
		if (json_error_code(&e) == json_error_numeric_overflow)
			return json_overflow(r, s, n, &e, at);
		if (json_error_code(&e) == json_error_duplicate_key && near)
			return rerr(r, at, NULL, NULL, "duplicate key %.*s",
			    (int)strlen(near + 7) - 1, near + 7);
		return rerr(r, at, NULL, NULL, "invalid JSON: %s", e.text);
	}
	if (!json_is_object(r->jcur))
		return rerr(r, line, NULL, NULL, "record is not an object");
	/* the fields first, so that a record refused for a rounded number
	 * still has them in the rejects */
	if ((st = json_record(r, line)) == 0 && has_real(r, r->jcur))
		st = json_rounded(r, s, n, line);
	return st;
}

static int
json_open(struct cs_reader *r)
{
	const char *s;
	size_t n;
	int st;

	while ((st = src_line(r, &s, &n)) == 0)
		cs_buf_add(&r->jbuf, s, n);
	if (st > 0)
		return st;
	r->jline = 1;
	return 0;
}

static int
is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
json_skip_ws(struct cs_reader *r)
{
	const char *s = r->jbuf.s;

	while (r->jpos < r->jbuf.len && is_ws(s[r->jpos])) {
		if (s[r->jpos] == '\n')
			r->jline++;
		r->jpos++;
	}
}

/*
 * The top-level array is split here, so that each element is parsed on
 * its own: a record knows its line, and a syntax error gets the line of
 * the element plus jansson's line inside it.
 */
static int
json_next(struct cs_reader *r)
{
	const char *s = r->jbuf.s;
	size_t start, end, depth;
	long sline;
	int c;

	for (;;) {
		json_skip_ws(r);
		c = r->jpos < r->jbuf.len ? (unsigned char)s[r->jpos] : -1;
		switch (r->jstate) {
		case JS_START:
			if (c == -1)
				return rerr(r, r->jline, NULL, NULL,
				    "empty input, expected a JSON array");
			if (c != '[')
				return rerr(r, r->jline, NULL, NULL,
				    "expected a JSON array ('[')%s",
				    c == '{' ? " (for JSON lines use "
				    "--input-format jsonl)" : "");
			r->jpos++;
			r->jstate = JS_FIRST;
			continue;
		case JS_AFTER:
			if (c == ',') {
				r->jpos++;
				r->jstate = JS_NEXT;
				continue;
			}
			if (c == ']') {
				r->jpos++;
				r->jstate = JS_END;
				continue;
			}
			return rerr(r, r->jline, NULL, NULL, "%s", NOT_CLOSED);
		case JS_END:
			if (c != -1)
				return rerr(r, r->jline, NULL, NULL,
				    "invalid JSON: data after the array");
			return -1;
		}
		/* JS_FIRST or JS_NEXT: an element, or the end */
		if (c == ']') {
			if (r->jstate == JS_NEXT)
				return rerr(r, r->jline, NULL, NULL,
				    "invalid JSON: a comma before ]");
			r->jpos++;
			r->jstate = JS_END;
			continue;
		}
		if (c == -1 || c == ',')
			return rerr(r, r->jline, NULL, NULL, c == -1 ?
			    NOT_CLOSED :
			    "invalid JSON: a value is missing");
		start = r->jpos;
		sline = r->jline;
		depth = 0;
		for (; r->jpos < r->jbuf.len; r->jpos++) {
			c = (unsigned char)s[r->jpos];
			if (c == '\n')
				r->jline++;
			else if (c == '"') {
				for (r->jpos++; r->jpos < r->jbuf.len;
				    r->jpos++) {
					c = (unsigned char)s[r->jpos];
					if (c == '"')
						break;
					if (c == '\n')
						r->jline++;
					if (c == '\\' &&
					    r->jpos + 1 < r->jbuf.len &&
					    s[++r->jpos] == '\n')
						r->jline++;
				}
				if (r->jpos == r->jbuf.len)
					break;
			} else if (c == '{' || c == '[')
				depth++;
			else if (c == '}' || c == ']') {
				/* A stray '}' stays in the element for
				 * jansson to report. */
				if (depth > 0)
					depth--;
				else if (c == ']')
					break;
			} else if (c == ',' && depth == 0)
				break;
		}
		end = r->jpos;
		while (end > start && is_ws(s[end - 1]))
			end--;
		r->jstate = JS_AFTER;
		return json_parse(r, s + start, end - start, sline);
	}
}

static int
jsonl_next(struct cs_reader *r)
{
	const char *s;
	size_t n, i;
	int st;

	for (;;) {
		if ((st = src_line(r, &s, &n)) != 0)
			return st;
		for (i = 0; i < n && is_ws((unsigned char)s[i]); i++)
			;
		if (i == n)
			continue;
		/* Without its line end, an error at the end of the text is
		 * on this line for jansson too. */
		while (is_ws((unsigned char)s[n - 1]))
			n--;
		return json_parse(r, s + i, n - i, r->line);
	}
}

/* ---- the reader -------------------------------------------------------- */

int
cs_in_format_parse(const char *s)
{
	if (strcmp(s, "auto") == 0)
		return CS_IN_AUTO;
	if (strcmp(s, "csv") == 0)
		return CS_IN_CSV;
	if (strcmp(s, "json") == 0)
		return CS_IN_JSON;
	if (strcmp(s, "jsonl") == 0 || strcmp(s, "ndjson") == 0)
		return CS_IN_JSONL;
	return -1;
}

/* iconv's name of an --encoding in *iname, NULL for UTF-8; 0, or
 * CS_EX_USAGE for an encoding it is not (told). */
static int
enc_name(const char *encoding, const char **iname)
{
	*iname = NULL;
	if (encoding == NULL || strcasecmp(encoding, "utf-8") == 0 ||
	    strcasecmp(encoding, "utf8") == 0)
		return 0;
	/* GB2312 and code page 936 are what Windows and many users call
	 * the same files; GBK reads all of them. */
	if (strcasecmp(encoding, "gbk") == 0 ||
	    strcasecmp(encoding, "gb2312") == 0 ||
	    strcasecmp(encoding, "cp936") == 0)
		*iname = "GBK";
	else if (strcasecmp(encoding, "gb18030") == 0)
		*iname = "GB18030";
	else
		return cs_err(CS_EX_USAGE, "unknown encoding '%s' (use "
		    "utf-8, gbk or gb18030)", encoding);
	return 0;
}

int
cs_encoding_check(const char *encoding)
{
	const char *iname;

	return enc_name(encoding, &iname);
}

int
cs_decode(const char *encoding, const char *s, size_t len, char **out,
    long *line, char **problem)
{
	const char *iname, *p;
	char *in = (char *)s, *o;
	size_t inleft = len, outleft, cap, done = 0;
	iconv_t cd;
	int st;

	*out = NULL;
	*problem = NULL;
	if ((st = enc_name(encoding, &iname)) || !iname)
		return st;
	/* a UTF-8 BOM wins over --encoding, as in cs_reader_open */
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		return 0;
	if ((cd = iconv_open("UTF-8", iname)) == (iconv_t)-1)
		return cs_err(CS_EX_SOFTWARE, "cannot decode %s: %s", iname,
		    cs_strerror(errno));
	cap = len * 2 + 16;
	*out = cs_xmalloc(cap);
	while (inleft > 0) {
		o = *out + done;
		outleft = cap - done - 1;
		if (iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1) {
			done = (size_t)(o - *out);
			continue;
		}
		done = (size_t)(o - *out);
		if (errno == E2BIG) {
			cap *= 2;
			*out = cs_xrealloc(*out, cap);
			continue;
		}
		for (*line = 1, p = s; p < in; p++)
			*line += *p == '\n';
		*problem = cs_xasprintf("invalid %s text (is it UTF-8? try "
		    "without --encoding%s)", iname, strcmp(iname, "GBK") == 0 ?
		    "; GB18030? try --encoding gb18030" : "");
		iconv_close(cd);
		free(*out);
		*out = NULL;
		return -1;
	}
	iconv_close(cd);
	(*out)[done] = '\0';
	return 0;
}

int
cs_reader_open(struct cs_reader **rp, const char *path,
    enum cs_in_format format, const char *encoding,
    const struct cs_in_spec *spec)
{
	struct cs_reader *r;
	const char *iname = NULL;
	struct stat sb;
	int st, c;

	*rp = NULL;
	if ((st = enc_name(encoding, &iname)))
		return st;

	r = cs_xcalloc(1, sizeof(*r));
	r->cd = (iconv_t)-1;
	r->fd = -1;
	if (spec)
		r->spec = *spec;
	r->fmt = format;
	if (strcmp(path, "-") == 0) {
		r->file = "stdin";
		r->fd = 0;
		r->is_stdin = 1;
	} else {
		r->file = path;
		r->fd = open(path, O_RDONLY | O_CLOEXEC);
		if (r->fd == -1) {
			st = cs_err(CS_EX_NOINPUT, "%s: %s", path,
			    cs_strerror(errno));
			goto fail;
		}
		if (fstat(r->fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			st = cs_err(CS_EX_NOINPUT, "%s: %s", path,
			    cs_strerror(EISDIR));
			goto fail;
		}
	}
	r->rec.file = r->file;
	if (iname) {
		r->encname = iname;
		r->cd = iconv_open("UTF-8", iname);
		if (r->cd == (iconv_t)-1) {
			st = cs_err(CS_EX_SOFTWARE, "cannot decode %s: %s",
			    iname, cs_strerror(errno));
			goto fail;
		}
	}
	r->rcap = RAW_INIT;
	r->raw = cs_xmalloc(r->rcap);

	if (r->fmt == CS_IN_AUTO) {
		c = src_peek(r);
		if (c < -1) {
			st = -c;
			goto fail;
		}
		r->fmt = c == '[' ? CS_IN_JSON : c == '{' ? CS_IN_JSONL :
		    CS_IN_CSV;
	}
	switch (r->fmt) {
	case CS_IN_JSON:
		st = json_open(r);
		break;
	case CS_IN_JSONL:
		st = 0;
		break;
	default:
		r->fmt = CS_IN_CSV;
		csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI |
		    CSV_APPEND_NULL);
		r->csv_ready = 1;
		csv_set_space_func(&r->csv, csv_no_space);
		/* Grow the field buffer faster than libcsv's 128 bytes. */
		csv_set_blk_size(&r->csv, 4096);
		st = csv_header(r);
		break;
	}
	if (st != 0)
		goto fail;
	*rp = r;
	return 0;
fail:
	cs_reader_close(r);
	return st;
}

int
cs_reader_next(struct cs_reader *r, const struct cs_record **rec)
{
	int st;

	*rec = NULL;
	if (r->status)
		return r->status;
	if (r->done)
		return -1;
	switch (r->fmt) {
	case CS_IN_JSON:
		st = json_next(r);
		break;
	case CS_IN_JSONL:
		st = jsonl_next(r);
		break;
	default:
		st = csv_next(r);
		break;
	}
	if (st == CS_IN_BAD || st == 0) {
		r->rec.names = r->names;
		r->rec.values = r->vals;
		*rec = &r->rec;
	} else if (st > 0)
		r->status = st;
	else
		r->done = 1;
	return st;
}

const char *const *
cs_reader_header(struct cs_reader *r, size_t *n)
{
	if (r->fmt != CS_IN_CSV || r->hdr == NULL) {
		if (n)
			*n = 0;
		return NULL;
	}
	if (n)
		*n = r->nhdr;
	return r->hdr;
}

void
cs_reader_skip_bad(struct cs_reader *r)
{
	r->skip_bad = 1;
}

const char *
cs_reader_bad(const struct cs_reader *r)
{
	return r->bad;
}

void
cs_reader_close(struct cs_reader *r)
{
	if (r == NULL)
		return;
	free(r->bad);
	if (r->csv_ready)
		csv_free(&r->csv);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	if (r->fd >= 0 && !r->is_stdin)
		close(r->fd);
	json_decref(r->jcur);
	cs_buf_free(&r->jbuf);
	cs_buf_free(&r->scratch);
	free(r->known_list);
	free(r->raw);
	free(r->dbuf);
	free(r->fbuf);
	free(r->foff);
	free(r->hdrbuf);
	free(r->hdr);
	free(r->keep);
	free(r->names);
	free(r->vals);
	free(r);
}

const char *
cs_record_get(const struct cs_record *rec, const char *name)
{
	size_t i;

	for (i = 0; i < rec->n; i++)
		if (strcmp(rec->names[i], name) == 0)
			return rec->values[i];
	return NULL;
}
