/* text.c - UTF-8 validation, display width and folding with utf8proc */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "cs.h"

long
cs_utf8_invalid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	uint64_t w;
	unsigned c;

	/* Hot on every imported byte: ASCII eight bytes at a time, and the
	 * well-formed ranges of Unicode's table 3-7 instead of decoding. */
	while (i < n) {
		while (i + 8 <= n) {
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			if (i + 1 >= n || (s[i + 1] & 0xc0) != 0x80)
				return (long)i;
			i += 2;
		} else if (c >= 0xe0 && c <= 0xef) {
			if (i + 2 >= n || (s[i + 2] & 0xc0) != 0x80 ||
			    (c == 0xe0 ? s[i + 1] < 0xa0 || s[i + 1] > 0xbf :
			    c == 0xed ? s[i + 1] < 0x80 || s[i + 1] > 0x9f :
			    (s[i + 1] & 0xc0) != 0x80))
				return (long)i;
			i += 3;
		} else if (c >= 0xf0 && c <= 0xf4) {
			if (i + 3 >= n || (s[i + 2] & 0xc0) != 0x80 ||
			    (s[i + 3] & 0xc0) != 0x80 ||
			    (c == 0xf0 ? s[i + 1] < 0x90 || s[i + 1] > 0xbf :
			    c == 0xf4 ? s[i + 1] < 0x80 || s[i + 1] > 0x8f :
			    (s[i + 1] & 0xc0) != 0x80))
				return (long)i;
			i += 4;
		} else
			return (long)i;
	}
	return -1;
}

/* Width of one code point: utf8proc's charwidth, with control characters
 * counted as 0 so that they never push a column out of line. */
static int
cpwidth(utf8proc_int32_t c)
{
	int w;

	if (c < 0x20 || c == 0x7f)
		return 0;
	w = utf8proc_charwidth(c);
	return w < 0 ? 0 : w;
}

size_t
cs_text_width(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	size_t w = 0;

	while (*p) {
		k = utf8proc_iterate(p, -1, &c);
		if (k <= 0) {	/* invalid byte: one column, like a '?' */
			w++;
			p++;
			continue;
		}
		w += (size_t)cpwidth(c);
		p += k;
	}
	return w;
}

size_t
cs_text_fit(const char *s, size_t width)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	size_t w = 0, cw;

	while (*p) {
		k = utf8proc_iterate(p, -1, &c);
		cw = k <= 0 ? 1 : (size_t)cpwidth(c);
		if (k <= 0)
			k = 1;
		if (w + cw > width)
			break;
		w += cw;
		p += k;
	}
	return (size_t)(p - (const utf8proc_uint8_t *)s);
}

static char *
map(const char *s, int opts)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;
	const char *p;
	char *r;

	/* ASCII is its own NFKC, and folds by tolower; so are the CJK
	 * ideographs U+4000..U+9FFF (lead bytes E4..E9), which neither
	 * decompose nor fold: the common case of Chinese names, codes,
	 * phones and e-mails skips utf8proc. */
	for (p = s; *p; p++) {
		if ((unsigned char)*p < 0x80)
			continue;
		if ((unsigned char)*p < 0xe4 || (unsigned char)*p > 0xe9 ||
		    ((unsigned char)p[1] & 0xc0) != 0x80 ||
		    ((unsigned char)p[2] & 0xc0) != 0x80)
			break;
		p += 2;
	}
	if (!*p) {
		r = cs_xstrdup(s);
		if (opts & UTF8PROC_CASEFOLD)
			for (p = r; *p; p++)
				if (*p >= 'A' && *p <= 'Z')
					r[p - r] = (char)(*p + 32);
		return r;
	}
	n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_COMPAT | opts);
	if (n < 0)
		return NULL;
	return (char *)out;
}

char *
cs_text_fold(const char *s)
{
	return map(s, UTF8PROC_CASEFOLD);
}

char *
cs_text_nfkc(const char *s)
{
	return map(s, 0);
}

char *
cs_text_halfwidth(const char *s)
{
	const unsigned char *p;
	char *out, *o;

	if (s == NULL || (!strstr(s, "\xef\xbc") && !strstr(s, "\xef\xbd") &&
	    !strstr(s, "\xe3\x80\x80")))
		return NULL;
	o = out = cs_xmalloc(strlen(s) + 1);
	for (p = (const unsigned char *)s; *p; ) {
		/* U+FF01..U+FF3F, U+FF40..U+FF5E: ASCII 0x21..0x7e */
		if (p[0] == 0xef && p[1] == 0xbc && p[2] >= 0x81 &&
		    p[2] <= 0xbf) {
			*o++ = (char)(0x21 + p[2] - 0x81);
			p += 3;
		} else if (p[0] == 0xef && p[1] == 0xbd && p[2] >= 0x80 &&
		    p[2] <= 0x9e) {
			*o++ = (char)(0x60 + p[2] - 0x80);
			p += 3;
		} else if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80) {
			*o++ = ' ';
			p += 3;
		} else
			*o++ = (char)*p++;
	}
	*o = '\0';
	return out;
}

int
cs_parse_int(const char *s, int64_t min, int64_t max, int64_t *out)
{
	char *half = cs_text_halfwidth(s);
	const char *p = half ? half : s;
	int neg = 0, rc = -1;
	uint64_t v = 0, lim;
	int64_t r;

	if (!p)
		goto out;
	if (*p == '-')
		neg = *p++ == '-';
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	if (!isdigit((unsigned char)*p))
		goto out;
	for (; isdigit((unsigned char)*p); p++) {
		if (v > (lim - (uint64_t)(*p - '0')) / 10)
			goto out;
		v = v * 10 + (uint64_t)(*p - '0');
	}
	if (*p)
		goto out;
	/* -v without overflow: v may be 2^63 */
	r = neg ? (v ? -(int64_t)(v - 1) - 1 : 0) : (int64_t)v;
	if (r >= min && r <= max) {
		*out = r;
		rc = 0;
	}
out:
	free(half);
	return rc;
}

static int
is_space(utf8proc_int32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= 0x09 && c <= 0x0d);
	return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

int
cs_text_blank(const char *s)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;

	while (s && *s) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &c);
		if (k <= 0 || !is_space(c))
			return 0;
		s += k;
	}
	return 1;
}

char *
cs_text_trim(char *s)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	size_t n, i;
	char *start = s;

	while (*start) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)start, -1, &c);
		if (k <= 0 || !is_space(c))
			break;
		start += k;
	}
	n = strlen(start);
	if (start != s)
		memmove(s, start, n + 1);
	/* From the end, one character at a time: only the trailing space is
	 * looked at, however long the text. */
	while (n > 0) {
		i = n - 1;
		while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
			i--;
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i), &c);
		if (k != (utf8proc_ssize_t)(n - i) || !is_space(c))
			break;
		n = i;
	}
	s[n] = '\0';
	return s;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char *
cs_text_list(const char *s)
{
	char *copy = cs_xstrdup(s), *p, *tok, *save = NULL, **v = NULL;
	struct cs_buf out = { 0 };
	size_t n = 0, i;
	int bad = 0;

	while ((p = strstr(copy, "\xef\xbc\x9b")) != NULL) {	/* ； */
		*p = ';';
		memmove(p + 1, p + 3, strlen(p + 3) + 1);
	}
	for (tok = strtok_r(copy, ";", &save); tok;
	    tok = strtok_r(NULL, ";", &save)) {
		cs_text_trim(tok);
		if (!*tok)
			continue;
		if (strlen(tok) > 64 || strchr(tok, ','))
			bad = 1;
		v = cs_xrealloc(v, (n + 1) * sizeof(*v));
		v[n++] = tok;
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_str);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(v[i], v[i - 1]) == 0)
			continue;
		if (out.len)
			cs_buf_addc(&out, ';');
		cs_buf_adds(&out, v[i]);
	}
	free(v);
	free(copy);
	if (bad) {
		cs_buf_free(&out);
		return NULL;
	}
	return out.s ? out.s : cs_xstrdup("");
}

char *
cs_fmt_ratio(int64_t num, int64_t den, int scale, char *buf)
{
	int64_t q, r, n;
	int neg;

	if (den == 0) {
		buf[0] = '\0';
		return buf;
	}
	/* In hundredths, with integers: exact, and half away from zero. */
	n = num * scale * 100;
	neg = (n < 0) != (den < 0);
	if (n < 0)
		n = -n;
	if (den < 0)
		den = -den;
	q = n / den;
	r = n % den;
	if (2 * r >= den)
		q++;
	snprintf(buf, 32, "%s%lld.%02lld", neg && q ? "-" : "",
	    (long long)(q / 100), (long long)(q % 100));
	return buf;
}

int
cs_word_in(const char *w, const char *list)
{
	size_t n = strlen(w);
	const char *p = list;

	if (!n || strchr(w, ' '))
		return 0;
	while ((p = strstr(p, w))) {
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return 1;
		p += n;
	}
	return 0;
}
