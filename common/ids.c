/* ids.c - the ids of tickets or tasks, from operands or standard input */
#include <stdlib.h>
#include <string.h>

#include "cs.h"

struct ids {
	int64_t *v;
	size_t n, cap;
	struct cs_map *seen;	/* the decimal form of each id in v */
};

static int
is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' ||
	    c == '\f';
}

/* An id: decimal digits (ASCII or full-width) making 1 to INT64_MAX,
 * blanks around them ignored. 0, or -1 when s[0..len) is not one. */
static int
parse_id(const char *s, size_t len, int64_t *out)
{
	char *t;
	int rc;

	while (len > 0 && is_blank((unsigned char)s[len - 1]))
		len--;
	while (len > 0 && is_blank((unsigned char)*s))
		s++, len--;
	t = cs_xstrndup(s, len);
	rc = cs_parse_int(t, 1, INT64_MAX, out);
	free(t);
	return rc;
}

/* Appends id unless it is there already: the first place is kept. */
static void
add(struct ids *l, int64_t id)
{
	char key[24];

	snprintf(key, sizeof(key), "%lld", (long long)id);
	if (!cs_map_put(l->seen, key, 1, NULL))
		return;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = cs_xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = id;
}

/* The ids of one line of a plain list, separated by blanks; at names the
 * line for a message. 0 or 65. */
static int
plain_line(struct ids *l, const char *what, const struct cs_record *at,
    const char *s)
{
	const char *p;
	char *bad;
	int64_t id;
	int rc;

	for (;;) {
		while (is_blank((unsigned char)*s))
			s++;
		if (!*s)
			return 0;
		for (p = s; *p && !is_blank((unsigned char)*p); p++)
			;
		if (parse_id(s, (size_t)(p - s), &id) < 0) {
			bad = cs_xstrndup(s, (size_t)(p - s));
			rc = cs_record_err(at, NULL, bad, "not a %s id", what);
			free(bad);
			return rc;
		}
		add(l, id);
		s = p;
	}
}

/*
 * Standard input: with a first line that starts with a digit, a plain
 * list of ids; else a record set whose "id" column names them. The
 * reader takes the first line of CSV as its header, so the plain form is
 * told by the header's first field, and that line's ids come from the
 * header. 0 or a status.
 */
static int
read_stdin(struct ids *l, const char *what)
{
	const struct cs_record *rec;
	struct cs_record first = { 0 };
	const char *const *hdr;
	struct cs_reader *r;
	struct cs_buf line = { 0 };
	const char *v, *h;
	int64_t id;
	size_t nh, i;
	int rc;

	if ((rc = cs_reader_open(&r, "-", cs_conf.input_format ?
	    cs_in_format_parse(cs_conf.input_format) : CS_IN_AUTO,
	    cs_conf.encoding, NULL)))
		return rc;
	hdr = cs_reader_header(r, &nh);
	for (h = nh ? hdr[0] : ""; is_blank((unsigned char)*h); h++)
		;
	if (*h >= '0' && *h <= '9') {
		/* The reader skips blank lines before a header without
		 * saying how many: that line is taken as the first. */
		first.file = "stdin";
		first.line = 1;
		for (i = 0; i < nh; i++) {
			if (i)
				cs_buf_addc(&line, ',');
			cs_buf_adds(&line, hdr[i]);
		}
		/* "473,94" is one bad word, not two columns. */
		rc = nh > 1 ? cs_record_err(&first, NULL, line.s, "not a %s id",
		    what) : plain_line(l, what, &first, hdr[0]);
		cs_buf_free(&line);
		while (rc == 0 && (rc = cs_reader_next(r, &rec)) == 0)
			rc = plain_line(l, what, rec, rec->n ? rec->values[0] :
			    "");
		cs_reader_close(r);
		return rc > 0 ? rc : 0;
	}
	if (hdr) {
		for (i = 0; i < nh && strcmp(hdr[i], "id") != 0; i++)
			;
		/* TSV would be read as CSV, cut at commas in the values:
		 * the reader knows no TSV. */
		if (nh == 1 && strchr(hdr[0], '\t')) {
			cs_reader_close(r);
			return cs_err(CS_EX_DATAERR, "stdin: TSV is not read: "
			    "give the list as csv (the default into a pipe), "
			    "json or jsonl");
		}
		if (i == nh) {
			cs_reader_close(r);
			return cs_err(CS_EX_DATAERR, "stdin: no id column: give "
			    "%s ids, one a line, or the output of list", what);
		}
	}
	while ((rc = cs_reader_next(r, &rec)) == 0) {
		v = cs_record_get(rec, "id");
		if (!v || !*v) {
			rc = cs_record_err(rec, "id", NULL, "a %s id is needed",
			    what);
			break;
		}
		if (parse_id(v, strlen(v), &id) < 0) {
			rc = cs_record_err(rec, "id", v, "not a %s id", what);
			break;
		}
		add(l, id);
	}
	cs_reader_close(r);
	return rc > 0 ? rc : 0;
}

int
cs_read_ids(const struct cs_cmd *cmd, const char *what, int argc,
    char **argv, int64_t **out, size_t *n)
{
	struct ids l = { NULL, 0, 0, NULL };
	int64_t id;
	int i, rc = 0;

	*out = NULL;
	*n = 0;
	if (argc <= 0)
		return cs_usage(cmd, "give a %s id, or - to read them", what);
	l.seen = cs_map_new();
	for (i = 0; i < argc && rc == 0; i++) {
		if (strcmp(argv[i], "-") == 0)
			rc = read_stdin(&l, what);
		else if (parse_id(argv[i], strlen(argv[i]), &id) < 0)
			rc = cs_usage(cmd, "not a %s id '%s'", what, argv[i]);
		else
			add(&l, id);
	}
	cs_map_free(l.seen);
	if (rc) {
		free(l.v);
		return rc;
	}
	if (l.n == 0)
		cs_warn("%s: no %ss on standard input: nothing to do",
		    cmd->name, what);
	*out = l.v;
	*n = l.n;
	return 0;
}
