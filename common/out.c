/* out.c - output writers: table, CSV, TSV, JSON and JSON lines */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cs.h"

#define MINCOL	8	/* a table column is never shrunk below this */
#define ELLIPSIS "\xe2\x80\xa6"	/* U+2026, one column */
#define RETSYM	"\xe2\x86\xb5"	/* U+21B5, shows a line break in a cell */
#define BOM	"\xef\xbb\xbf"

/* Bytes a table cell must not carry to a terminal: C0 controls, DEL,
 * and 0xc2, the lead byte of the C1 controls U+0080..U+009F. */
#define CTLSET	"\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e" \
	"\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e" \
	"\x1f\x7f\xc2"

struct cell {
	size_t off;		/* into cs_out.text */
	size_t w;		/* display width */
};

struct cs_out {
	FILE *fp;
	enum cs_fmt fmt;
	const struct cs_col *cols;
	size_t ncols;
	size_t nrows;		/* data rows written or buffered */
	int excel;		/* CSV/TSV only */
	int header;		/* a header row was produced */
	char sep;		/* CSV/TSV */
	const char *eol;	/* CSV/TSV */
	char special[8];	/* bytes that make a CSV field quoted */
	int failed;		/* a write failed ... */
	int err;		/* ... with this errno */
	struct cs_buf tmp;	/* an --excel cell */
	struct cs_buf text;	/* table: every cell, NUL-terminated */
	struct cell *cells;	/* table: header first, then rows */
	size_t ncells, capcells;
	int marked;		/* a CS_COL_MARKED column is there */
	int bold;		/* its marks as bold: a table on a terminal */
	const char **row;	/* marks rewritten: a row's values */
	struct cs_buf *mark;	/* ... and their text, one per column */
};

static const char *const fmtnames[] = {
	[CS_FMT_TABLE] = "table",
	[CS_FMT_CSV] = "csv",
	[CS_FMT_TSV] = "tsv",
	[CS_FMT_JSON] = "json",
	[CS_FMT_JSONL] = "jsonl",
	[CS_FMT_MARKDOWN] = "markdown",
	[CS_FMT_HTML] = "html"
};

int
cs_fmt_parse(const char *s)
{
	size_t i;

	if (s == NULL)
		return -1;
	for (i = 0; i < sizeof(fmtnames) / sizeof(fmtnames[0]); i++)
		if (strcmp(s, fmtnames[i]) == 0)
			return (int)i;
	if (strcmp(s, "ndjson") == 0)
		return CS_FMT_JSONL;
	if (strcmp(s, "md") == 0)
		return CS_FMT_MARKDOWN;
	return -1;
}

enum cs_fmt
cs_fmt_default(FILE *fp)
{
	if (cs_conf.format >= 0)
		return (enum cs_fmt)cs_conf.format;
	return isatty(fileno(fp)) ? CS_FMT_TABLE : CS_FMT_CSV;
}

/* Remembers the first write error and its errno; errno is still that of
 * the failed write when this runs right after it. */
static void
check(struct cs_out *o)
{
	if (!o->failed && ferror(o->fp)) {
		o->failed = 1;
		o->err = errno;
	}
}

/* ---- CSV and TSV ------------------------------------------------------ */

/* Sign and digits only: the number of digits, else 0. */
static size_t
signed_digits(const char *v, const char **digits)
{
	const char *p = v;
	size_t n;

	if (*p == '+' || *p == '-')
		p++;
	for (n = 0; p[n] >= '0' && p[n] <= '9'; n++)
		continue;
	*digits = p;
	return p[n] == '\0' ? n : 0;
}

/*
 * A plain number: optional sign, digits, optional dot and digits,
 * optional exponent ("-1e5", "+2.5E-3"). Such a cell is a number, never
 * a formula, so it is left as it is even when it starts with + or -.
 * Rarer spellings ("-.5", "+1.") are defused: a quote before a number
 * costs less than a formula let through.
 */
/* Steps *p over one or more digits; 0 when there is none. */
static int
skip_digits(const char **p)
{
	const char *q = *p;

	while (*q >= '0' && *q <= '9')
		q++;
	if (q == *p)
		return 0;
	*p = q;
	return 1;
}

static int
plain_decimal(const char *v)
{
	const char *p = v;

	if (*p == '+' || *p == '-')
		p++;
	if (!skip_digits(&p))
		return 0;
	if (*p == '.' && (p++, !skip_digits(&p)))
		return 0;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!skip_digits(&p))
			return 0;
	}
	return *p == '\0';
}

/* Whether cs_excel_uncell would change v: ="0123", or quotes before
 * what --excel defuses (one of them goes: each writer that quotes adds
 * one). */
static int
uncell_changes(const char *v)
{
	size_t n, i;

	if (v[0] == '=' && v[1] == '"') {
		/* ="DIGITS", with an optional sign */
		n = strlen(v);
		if (n < 4 || v[n - 1] != '"')
			return 0;
		i = v[2] == '+' || v[2] == '-' ? 3 : 2;
		if (i == n - 1)
			return 0;
		for (; i < n - 1; i++)
			if (v[i] < '0' || v[i] > '9')
				return 0;
		return 1;
	}
	if (v[0] != '\'')
		return 0;
	while (v[1] == '\'')
		v++;
	switch (v[1]) {
	case '+':
	case '-':
		return !plain_decimal(v + 1);
	case '=':
	case '@':
	case '\t':
	case '\r':
	case '\n':
		return 1;
	}
	return 0;
}

/* v with one more quote in front, in *tmp. */
static const char *
quoted(const char *v, struct cs_buf *tmp)
{
	cs_buf_reset(tmp);
	cs_buf_addc(tmp, '\'');
	cs_buf_adds(tmp, v);
	return tmp->s;
}

const char *
cs_csv_cell(const char *v, struct cs_buf *tmp)
{
	/* the record reader takes a quote away from such a cell, as it
	 * would from what --excel wrote: one more, and it reads back */
	if (v && (v[0] == '\'' || v[0] == '=') && uncell_changes(v))
		return quoted(v, tmp);
	return v;
}

const char *
cs_excel_cell(const char *v, struct cs_buf *tmp)
{
	const char *d;
	size_t n;

	if (v == NULL)
		return NULL;
	if (v[0] == '\'' && uncell_changes(v))
		return quoted(v, tmp);
	/*
	 * Digit strings a spreadsheet would turn into numbers and so lose:
	 * 11 or more digits (phone and order numbers; Excel keeps only 15
	 * significant digits and shows 11 in E notation) or a leading zero.
	 * An optional sign is kept with them ("+8613812345678" is a phone
	 * number too). ="..." is the form both Excel and LibreOffice read
	 * back as text; the cell holds only digits, so nothing can run.
	 */
	n = signed_digits(v, &d);
	if (n >= 11 || (n > 1 && d[0] == '0')) {
		cs_buf_reset(tmp);
		cs_buf_add(tmp, "=\"", 2);
		cs_buf_adds(tmp, v);
		cs_buf_addc(tmp, '"');
		return tmp->s;
	}
	switch (v[0]) {
	case '+':
	case '-':
		if (plain_decimal(v))
			return v;
		/* FALLTHROUGH */
	case '=':
	case '@':
	case '\t':
	case '\r':
	case '\n':
		/* OWASP's defusing: a leading quote makes the cell text. */
		return quoted(v, tmp);
	}
	return v;
}

size_t
cs_excel_uncell(char *v)
{
	size_t n = strlen(v);

	if (!uncell_changes(v))
		return n;
	if (v[0] == '=') {	/* ="0123": the digits */
		v[n - 1] = '\0';
		memmove(v, v + 2, n - 2);
		return n - 3;
	}
	memmove(v, v + 1, n);	/* a quote goes */
	return n - 1;
}

/* One CSV field; special holds the bytes that force quotes. */
static void
csv_field(FILE *fp, const char *v, const char *special)
{
	const char *q;
	size_t n;

	if (v == NULL || *v == '\0')
		return;
	/* One pass finds both the length and the first special byte. */
	n = strcspn(v, special);
	if (v[n] == '\0' && v[0] != ' ' && v[0] != '\t' &&
	    v[n - 1] != ' ' && v[n - 1] != '\t') {
		fwrite_unlocked(v, 1, n, fp);
		return;
	}
	putc_unlocked('"', fp);
	for (;;) {
		q = strchrnul(v, '"');
		fwrite_unlocked(v, 1, (size_t)(q - v), fp);
		if (*q == '\0')
			break;
		fwrite_unlocked("\"\"", 1, 2, fp);
		v = q + 1;
	}
	putc_unlocked('"', fp);
}

void
cs_csv_field(FILE *fp, const char *v, struct cs_buf *tmp, int excel)
{
	flockfile(fp);
	if (excel)
		csv_field(fp, cs_excel_cell(v, tmp), ",\"\r\n;\t");
	else
		csv_field(fp, cs_csv_cell(v, tmp), ",\"\r\n");
	funlockfile(fp);
}

/* One TSV field, escaped as PostgreSQL's and MySQL's text format do. */
static void
tsv_field(FILE *fp, const char *v)
{
	size_t n;

	if (v == NULL)
		return;
	for (;;) {
		n = strcspn(v, "\t\r\n\\");
		fwrite_unlocked(v, 1, n, fp);
		v += n;
		if (*v == '\0')
			break;
		putc_unlocked('\\', fp);
		putc_unlocked(*v == '\t' ? 't' : *v == '\r' ? 'r' :
		    *v == '\n' ? 'n' : '\\', fp);
		v++;
	}
}

static void
sv_row(struct cs_out *o, const char *const *vals)
{
	FILE *fp = o->fp;
	const char *v;
	size_t i;

	for (i = 0; i < o->ncols; i++) {
		if (i > 0)
			putc_unlocked(o->sep, fp);
		v = vals[i];
		if (o->excel && v != NULL)
			v = cs_excel_cell(v, &o->tmp);
		else if (o->fmt == CS_FMT_CSV)
			v = cs_csv_cell(v, &o->tmp);
		if (o->fmt == CS_FMT_TSV)
			tsv_field(fp, v);
		else if (o->ncols == 1 && (v == NULL || *v == '\0'))
			/* An empty line would be read as no record at all. */
			fwrite_unlocked("\"\"", 1, 2, fp);
		else
			csv_field(fp, v, o->special);
	}
	fputs_unlocked(o->eol, fp);
}

/* ---- JSON ------------------------------------------------------------- */

static void
json_str(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *q;
	size_t len;

	putc_unlocked('"', fp);
	for (;;) {
		for (q = p; *q >= 0x20 && *q < 0x80 && *q != '"' && *q != '\\';
		    q++)
			continue;
		fwrite_unlocked(p, 1, (size_t)(q - p), fp);
		p = q;
		if (*p == '\0')
			break;
		if (*p >= 0x80) {
			/* Valid UTF-8 as is; a bad byte becomes U+FFFD so
			 * that the output stays valid JSON. */
			len = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : 2;
			if (cs_utf8_invalid((const char *)p, len) < 0) {
				fwrite_unlocked(p, 1, len, fp);
				p += len;
			} else {
				fputs_unlocked("\\ufffd", fp);
				p++;
			}
			continue;
		}
		putc_unlocked('\\', fp);
		switch (*p) {
		case '"':
		case '\\':
			putc_unlocked(*p, fp);
			break;
		case '\n':
			putc_unlocked('n', fp);
			break;
		case '\r':
			putc_unlocked('r', fp);
			break;
		case '\t':
			putc_unlocked('t', fp);
			break;
		case '\b':
			putc_unlocked('b', fp);
			break;
		case '\f':
			putc_unlocked('f', fp);
			break;
		default:
			fprintf(fp, "u%04x", *p);
			break;
		}
		p++;
	}
	putc_unlocked('"', fp);
}

void
cs_json_str(FILE *fp, const char *s)
{
	flockfile(fp);
	json_str(fp, s);
	funlockfile(fp);
}

#define ISDIGIT(c) ((c) >= '0' && (c) <= '9')

/*
 * The JSON number grammar, plus what a JSON reader of ours takes back:
 * an integer beyond 64 bits or a number beyond a double is refused there,
 * so it is written as a string instead.
 */
static int
json_number(const char *s)
{
	const char *p = s, *d;
	size_t n;
	int neg = 0, integer = 1;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	d = p;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (ISDIGIT(*p))
			p++;
	else
		return 0;
	n = (size_t)(p - d);
	if (*p == '.') {
		p++;
		if (!ISDIGIT(*p))
			return 0;
		while (ISDIGIT(*p))
			p++;
		integer = 0;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!ISDIGIT(*p))
			return 0;
		while (ISDIGIT(*p))
			p++;
		integer = 0;
	}
	if (*p != '\0')
		return 0;
	if (!integer)
		return !isinf(strtod(s, NULL));
	if (n != 19)
		return n < 19;
	return strncmp(d, neg ? "9223372036854775808" :
	    "9223372036854775807", 19) <= 0;
}

static void
json_value(FILE *fp, enum cs_col_type type, const char *v)
{
	if (v == NULL) {
		fputs_unlocked("null", fp);
		return;
	}
	switch (type) {
	case CS_COL_NUM:
		if (json_number(v)) {
			fputs_unlocked(v, fp);
			return;
		}
		break;
	case CS_COL_BOOL:
		if (strcmp(v, "1") == 0 || strcasecmp(v, "yes") == 0 ||
		    strcasecmp(v, "true") == 0) {
			fputs_unlocked("true", fp);
			return;
		}
		if (strcmp(v, "0") == 0 || strcasecmp(v, "no") == 0 ||
		    strcasecmp(v, "false") == 0) {
			fputs_unlocked("false", fp);
			return;
		}
		break;
	case CS_COL_TEXT:
	case CS_COL_MARKED:
		json_str(fp, v);
		return;
	}
	/* A number or a flag that is not there is null, not "". */
	if (*v == '\0')
		fputs_unlocked("null", fp);
	else
		json_str(fp, v);
}

static void
json_row(struct cs_out *o, const char *const *vals)
{
	FILE *fp = o->fp;
	size_t i;

	if (o->fmt == CS_FMT_JSON)
		fputs_unlocked(o->nrows == 0 ? "[\n{" : ",\n{", fp);
	else
		putc_unlocked('{', fp);
	for (i = 0; i < o->ncols; i++) {
		if (i > 0)
			putc_unlocked(',', fp);
		json_str(fp, o->cols[i].name);
		putc_unlocked(':', fp);
		json_value(fp, o->cols[i].type, vals[i]);
	}
	putc_unlocked('}', fp);
	if (o->fmt == CS_FMT_JSONL)
		putc_unlocked('\n', fp);
}

/* ---- table ------------------------------------------------------------ */

/* Buffers one cell, made safe for one terminal line: a line break shows
 * as U+21B5, tab and CR as a space, other control characters as '?'. */
static void
cell_add(struct cs_out *o, const char *v)
{
	struct cs_buf *b = &o->text;
	struct cell *c;
	size_t off = b->len, n;
	/* the marks of a marked column stay, for table_flush to make bold */
	int keep = o->bold && o->ncells >= o->ncols &&
	    o->cols[o->ncells % o->ncols].type == CS_COL_MARKED;

	if (o->ncells == o->capcells) {
		o->capcells = o->capcells ? o->capcells * 2 : 64;
		o->cells = cs_xrealloc(o->cells,
		    o->capcells * sizeof(o->cells[0]));
	}
	while (*v != '\0') {
		n = strcspn(v, CTLSET);
		cs_buf_add(b, v, n);
		v += n;
		if (*v == '\0')
			break;
		if (*v == '\n' || (*v == '\r' && v[1] == '\n')) {
			cs_buf_add(b, RETSYM, sizeof(RETSYM) - 1);
			v += *v == '\r' ? 2 : 1;
		} else if (*v == '\r' || *v == '\t') {
			cs_buf_addc(b, ' ');
			v++;
		} else if (keep && (*v == CS_MARK_ON || *v == CS_MARK_OFF)) {
			cs_buf_addc(b, *v);
			v++;
		} else if ((unsigned char)*v == 0xc2) {
			if ((unsigned char)v[1] >= 0x80 &&
			    (unsigned char)v[1] <= 0x9f) {
				cs_buf_addc(b, '?');
				v += 2;
			} else {
				cs_buf_addc(b, *v);
				v++;
			}
		} else {
			cs_buf_addc(b, '?');
			v++;
		}
	}
	cs_buf_addc(b, '\0');
	c = &o->cells[o->ncells++];
	c->off = off;
	c->w = cs_text_width(b->s + off);
}

static size_t
term_width(FILE *fp)
{
	struct winsize ws;
	const char *e;
	char *end;
	long n;

	if (ioctl(fileno(fp), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if ((e = getenv("COLUMNS")) != NULL) {
		n = strtol(e, &end, 10);
		if (n > 0 && *end == '\0' && end != e)
			return (size_t)n;
	}
	return 80;
}

/* Total width with every column capped at cap (gaps included). */
static size_t
capped(const size_t *w, size_t n, size_t cap)
{
	size_t i, t = 2 * (n - 1);

	for (i = 0; i < n; i++)
		t += w[i] < cap ? w[i] : cap;
	return t;
}

/*
 * Shrinks the widest columns until the table fits avail: the largest cap
 * (at least MINCOL) that fits is found by bisection, and what is left
 * over goes one column each to the capped columns, left to right.
 */
static void
fit(size_t *w, size_t n, size_t avail)
{
	size_t i, lo, hi, mid, maxw = 0, left;

	for (i = 0; i < n; i++)
		if (w[i] > maxw)
			maxw = w[i];
	if (capped(w, n, maxw) <= avail || maxw <= MINCOL)
		return;
	lo = MINCOL;
	hi = maxw;
	/* invariant: capped(hi) > avail; lo fits unless lo == MINCOL */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (capped(w, n, mid) <= avail)
			lo = mid;
		else
			hi = mid;
	}
	left = capped(w, n, lo) <= avail ? avail - capped(w, n, lo) : 0;
	for (i = 0; i < n; i++)
		if (w[i] > lo) {
			w[i] = lo;
			if (left > 0) {
				w[i]++;
				left--;
			}
		}
}

static void
spaces(struct cs_buf *b, size_t n)
{
	static const char sp[] = "                                ";
	size_t k;

	while (n > 0) {
		k = n < sizeof(sp) - 1 ? n : sizeof(sp) - 1;
		cs_buf_add(b, sp, k);
		n -= k;
	}
}

/* A cell of a marked column with its marks as bold on and off (they
 * take no column); bold ends with the cell, even when it was cut. */
static void
add_marked(struct cs_buf *line, const char *s, size_t n)
{
	size_t i;
	int on = 0;

	for (i = 0; i < n; i++)
		if (s[i] == CS_MARK_ON) {
			cs_buf_adds(line, "\033[1m");
			on = 1;
		} else if (s[i] == CS_MARK_OFF) {
			cs_buf_adds(line, "\033[0m");
			on = 0;
		} else
			cs_buf_addc(line, s[i]);
	if (on)
		cs_buf_adds(line, "\033[0m");
}

static void
table_flush(struct cs_out *o)
{
	struct cs_buf line = { 0 };
	struct cell *c;
	const char *nc;
	size_t *w, i, r, rows, n, cw, pad;
	char *s, save;
	int tty, bold, cut;

	if (o->ncols == 0)
		return;
	w = cs_xcalloc(o->ncols, sizeof(w[0]));
	rows = o->ncells / o->ncols;
	for (i = 0; i < o->ncells; i++)
		if (o->cells[i].w > w[i % o->ncols])
			w[i % o->ncols] = o->cells[i].w;
	tty = isatty(fileno(o->fp));
	if (tty)
		fit(w, o->ncols, term_width(o->fp));
	nc = getenv("NO_COLOR");
	bold = tty && o->header && (nc == NULL || *nc == '\0');
	for (r = 0; r < rows; r++) {
		cs_buf_reset(&line);
		for (i = 0; i < o->ncols; i++) {
			c = &o->cells[r * o->ncols + i];
			s = o->text.s + c->off;
			cw = c->w;
			cut = cw > w[i];
			if (cut) {
				/* Cut on a character boundary, then measure
				 * what was kept: a wide character that did
				 * not fit leaves one column more to pad. */
				n = cs_text_fit(s, w[i] - 1);
				save = s[n];
				s[n] = '\0';
				cw = cs_text_width(s) + 1;
				s[n] = save;
			} else
				n = strlen(s);
			pad = w[i] - cw;
			if (i > 0)
				cs_buf_add(&line, "  ", 2);
			if (o->cols[i].type == CS_COL_NUM)
				spaces(&line, pad);
			if (o->cols[i].type == CS_COL_MARKED)
				add_marked(&line, s, n);
			else
				cs_buf_add(&line, s, n);
			if (cut)
				cs_buf_add(&line, ELLIPSIS,
				    sizeof(ELLIPSIS) - 1);
			if (o->cols[i].type != CS_COL_NUM)
				spaces(&line, pad);
		}
		/* Padding of the last columns is not wanted at the end. */
		while (line.len > 0 && line.s[line.len - 1] == ' ')
			line.len--;
		if (r == 0 && bold)
			fputs_unlocked("\033[1m", o->fp);
		fwrite_unlocked(line.s, 1, line.len, o->fp);
		if (r == 0 && bold)
			fputs_unlocked("\033[0m", o->fp);
		putc_unlocked('\n', o->fp);
	}
	cs_buf_free(&line);
	free(w);
}

/* A Markdown table, padded by display width so that it reads as well in
 * a plain-text mail as rendered; '|' in a cell is escaped. */
static void
markdown_flush(struct cs_out *o)
{
	struct cs_buf line = { 0 };
	size_t *w, i, r, rows, k;
	const char *s;

	if (o->ncols == 0)
		return;
	w = cs_xcalloc(o->ncols, sizeof(w[0]));
	rows = o->ncells / o->ncols;
	for (i = 0; i < o->ncells; i++) {
		s = o->text.s + o->cells[i].off;
		k = o->cells[i].w;
		for (; *s; s++)
			k += *s == '|';
		if (k > w[i % o->ncols])
			w[i % o->ncols] = k < 3 ? 3 : k;
		if (w[i % o->ncols] < 3)
			w[i % o->ncols] = 3;
	}
	for (r = 0; r < rows; r++) {
		cs_buf_reset(&line);
		for (i = 0; i < o->ncols; i++) {
			s = o->text.s + o->cells[r * o->ncols + i].off;
			k = o->cells[r * o->ncols + i].w;
			cs_buf_adds(&line, i ? " | " : "| ");
			if (o->cols[i].type == CS_COL_NUM)
				spaces(&line, w[i] - k);
			for (; *s; s++) {
				if (*s == '|') {
					cs_buf_addc(&line, '\\');
					k++;
				}
				cs_buf_addc(&line, *s);
			}
			if (o->cols[i].type != CS_COL_NUM)
				spaces(&line, w[i] - k);
		}
		cs_buf_adds(&line, " |\n");
		fwrite_unlocked(line.s, 1, line.len, o->fp);
		if (r == 0 && o->header) {
			cs_buf_reset(&line);
			for (i = 0; i < o->ncols; i++) {
				cs_buf_adds(&line, i ? " | " : "| ");
				for (k = 0; k < w[i] - 1; k++)
					cs_buf_addc(&line, '-');
				cs_buf_addc(&line, o->cols[i].type ==
				    CS_COL_NUM ? ':' : '-');
			}
			cs_buf_adds(&line, " |\n");
			fwrite_unlocked(line.s, 1, line.len, o->fp);
		}
	}
	cs_buf_free(&line);
	free(w);
}

void
cs_html_str(FILE *fp, const char *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '&': fputs_unlocked("&amp;", fp); break;
		case '<': fputs_unlocked("&lt;", fp); break;
		case '>': fputs_unlocked("&gt;", fp); break;
		case '"': fputs_unlocked("&quot;", fp); break;
		case '\n': fputs_unlocked("<br>", fp); break;
		default: putc_unlocked(*s, fp);
		}
}

static void
html_row(struct cs_out *o, const char *const *vals, int head)
{
	size_t i;

	fputs_unlocked("<tr>", o->fp);
	for (i = 0; i < o->ncols; i++) {
		fputs_unlocked(head ? "<th>" : o->cols[i].type == CS_COL_NUM ?
		    "<td class=\"n\">" : "<td>", o->fp);
		cs_html_str(o->fp, vals[i]);
		fputs_unlocked(head ? "</th>" : "</td>", o->fp);
	}
	fputs_unlocked("</tr>\n", o->fp);
}

/* ---- the writer ------------------------------------------------------- */

/* The table label of a column: Chinese with --lang zh when it has one. */
static const char *
label(const struct cs_col *col)
{
	if (cs_conf.lang_zh && col->zh != NULL)
		return col->zh;
	return col->name;
}

struct cs_out *
cs_out_new(FILE *fp, enum cs_fmt fmt, const struct cs_col *cols,
    size_t ncols)
{
	struct cs_out *o;
	const char **names;
	size_t i;

	o = cs_xcalloc(1, sizeof(*o));
	o->fp = fp;
	o->fmt = fmt;
	o->cols = cols;
	o->ncols = ncols;
	for (i = 0; i < ncols; i++)
		o->marked |= cols[i].type == CS_COL_MARKED;
	if (o->marked) {
		const char *nc = getenv("NO_COLOR");

		o->bold = fmt == CS_FMT_TABLE && isatty(fileno(fp)) &&
		    (nc == NULL || *nc == '\0');
		o->row = cs_xcalloc(ncols, sizeof(*o->row));
		o->mark = cs_xcalloc(ncols, sizeof(*o->mark));
	}
	o->header = !cs_conf.no_header;
	o->excel = cs_conf.excel && (fmt == CS_FMT_CSV || fmt == CS_FMT_TSV);
	o->sep = fmt == CS_FMT_TSV ? '\t' : ',';
	o->eol = o->excel ? "\r\n" : "\n";
	/* With --excel a ';' is quoted too: spreadsheets in locales whose
	 * list separator is ';' would otherwise split the cell there and
	 * could start a formula in the middle of a value (OWASP). */
	strcpy(o->special, o->excel ? ",\"\r\n;\t" : ",\"\r\n");
	switch (fmt) {
	case CS_FMT_CSV:
	case CS_FMT_TSV:
		flockfile(fp);
		if (o->excel)
			fputs_unlocked(BOM, fp);
		if (o->header) {
			names = cs_xmalloc(ncols * sizeof(names[0]));
			for (i = 0; i < ncols; i++)
				names[i] = cols[i].name;
			sv_row(o, names);
			free(names);
		}
		funlockfile(fp);
		check(o);
		break;
	case CS_FMT_TABLE:
	case CS_FMT_MARKDOWN:
		if (o->header)
			for (i = 0; i < ncols; i++)
				cell_add(o, label(&cols[i]));
		break;
	case CS_FMT_HTML:
		/* a page of its own, opened in any browser, no network */
		flockfile(fp);
		if (!cs_conf.html_fragment)
			fputs_unlocked("<!DOCTYPE html>\n<html><head><meta "
			    "charset=\"utf-8\"><style>body{font-family:"
			    "sans-serif}table{border-collapse:collapse}th,td{"
			    "border:1px solid #ccc;padding:.2em .5em}th{"
			    "background:#eef3fa}td.n{text-align:right}</style>"
			    "</head><body>\n", fp);
		fputs_unlocked("<table>\n", fp);
		if (o->header) {
			names = cs_xmalloc(ncols * sizeof(names[0]));
			for (i = 0; i < ncols; i++)
				names[i] = label(&cols[i]);
			html_row(o, names, 1);
			free(names);
		}
		funlockfile(fp);
		check(o);
		break;
	case CS_FMT_JSON:
	case CS_FMT_JSONL:
		break;
	}
	return o;
}

void
cs_out_row(struct cs_out *o, const char *const *vals)
{
	size_t i;

	/* After a write error nothing more is written; cs_out_end says so. */
	if (o->failed)
		return;
	if (o->marked && !o->bold) {
		/* marks as [ and ] where there is no bold */
		for (i = 0; i < o->ncols; i++) {
			o->row[i] = vals[i];
			if (o->cols[i].type != CS_COL_MARKED || !vals[i])
				continue;
			cs_buf_reset(&o->mark[i]);
			for (const char *p = vals[i]; *p; p++)
				cs_buf_addc(&o->mark[i], *p == CS_MARK_ON ?
				    '[' : *p == CS_MARK_OFF ? ']' : *p);
			o->row[i] = cs_buf_str(&o->mark[i]);
		}
		vals = o->row;
	}
	switch (o->fmt) {
	case CS_FMT_TABLE:
	case CS_FMT_MARKDOWN:
		for (i = 0; i < o->ncols; i++)
			cell_add(o, vals[i] != NULL ? vals[i] : "");
		break;
	case CS_FMT_HTML:
		flockfile(o->fp);
		html_row(o, vals, 0);
		funlockfile(o->fp);
		break;
	case CS_FMT_CSV:
	case CS_FMT_TSV:
		flockfile(o->fp);
		sv_row(o, vals);
		funlockfile(o->fp);
		break;
	case CS_FMT_JSON:
	case CS_FMT_JSONL:
		flockfile(o->fp);
		json_row(o, vals);
		funlockfile(o->fp);
		break;
	}
	o->nrows++;
	check(o);
}

int
cs_out_end(struct cs_out *o)
{
	size_t i;
	int status = 0;

	if (!o->failed) {
		flockfile(o->fp);
		if (o->fmt == CS_FMT_TABLE)
			table_flush(o);
		else if (o->fmt == CS_FMT_MARKDOWN)
			markdown_flush(o);
		else if (o->fmt == CS_FMT_HTML)
			fputs_unlocked(cs_conf.html_fragment ? "</table>\n" :
			    "</table>\n</body></html>\n", o->fp);
		else if (o->fmt == CS_FMT_JSON)
			fputs_unlocked(o->nrows == 0 ? "[]\n" : "\n]\n", o->fp);
		funlockfile(o->fp);
		check(o);
	}
	if (fflush(o->fp) != 0 && !o->failed) {
		o->failed = 1;
		o->err = errno;
	}
	check(o);
	if (o->failed) {
		/* A closed pipe is the reader's choice, not news. */
		if (o->err != EPIPE)
			cs_warn("write error: %s",
			    cs_strerror(o->err != 0 ? o->err : EIO));
		status = CS_EX_IOERR;
	}
	cs_buf_free(&o->tmp);
	cs_buf_free(&o->text);
	free(o->cells);
	for (i = 0; o->mark && i < o->ncols; i++)
		cs_buf_free(&o->mark[i]);
	free(o->mark);
	free(o->row);
	free(o);
	return status;
}
