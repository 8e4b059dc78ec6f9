/* text.c - UTF-8 validation, display width and folding with utf8proc */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "cs.h"

long
cs_utf8_invalid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, k, len;
	uint32_t c;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xc2 && s[i] <= 0xdf) {
			len = 2;
			c = s[i] & 0x1f;
		} else if (s[i] >= 0xe0 && s[i] <= 0xef) {
			len = 3;
			c = s[i] & 0x0f;
		} else if (s[i] >= 0xf0 && s[i] <= 0xf4) {
			len = 4;
			c = s[i] & 0x07;
		} else
			return (long)i;
		if (i + len > n)
			return (long)i;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return (long)i;
			c = (c << 6) | (s[i + k] & 0x3f);
		}
		/* overlong forms, surrogates, beyond U+10FFFF */
		if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
		    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
			return (long)i;
		i += len;
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
cs_text_trim(char *s)
{
	const utf8proc_uint8_t *p;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	char *start = s, *end;
	size_t n;

	/* leading */
	for (;;) {
		p = (const utf8proc_uint8_t *)start;
		k = utf8proc_iterate(p, -1, &c);
		if (k <= 0 || !*start)
			break;
		if (utf8proc_category(c) != UTF8PROC_CATEGORY_ZS &&
		    !(c >= 0x09 && c <= 0x0d))
			break;
		start += k;
	}
	n = strlen(start);
	memmove(s, start, n + 1);
	/* trailing: walk forward and remember the end of the last non-space */
	end = s;
	p = (const utf8proc_uint8_t *)s;
	while (*p) {
		k = utf8proc_iterate(p, -1, &c);
		if (k <= 0)
			k = 1, c = 'x';
		p += k;
		if (utf8proc_category(c) != UTF8PROC_CATEGORY_ZS &&
		    !(c >= 0x09 && c <= 0x0d))
			end = (char *)p;
	}
	*end = '\0';
	return s;
}
