/* phone.c - phone numbers and e-mail addresses: normal forms and masks */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "cs.h"

/*
 * More digits than any number we keep (E.164 has at most 15, a landline
 * 12 and its extension 6), so that a longer input is refused before it
 * could overflow anything.
 */
#define MAXDIGITS	24
#define MAXEXT		6

/* Problems, short enough for "FILE:LINE: phone: PROBLEM (VALUE)". */
static const char P_EMPTY[] = "empty phone number";
static const char P_UTF8[] = "not valid UTF-8";
static const char P_CHAR[] = "not a phone number: only digits, spaces, "
    "dashes, dots, brackets, a leading + and an extension (转, ext, x) "
    "are allowed";
static const char P_MULTI[] = "one phone number per field (put a second "
    "one in phone2)";
static const char P_MASKED[] = "a masked number cannot be stored: the "
    "whole number is needed";
static const char P_PLUS[] = "a + may only stand before the country code";
static const char P_NODIGIT[] = "not a phone number: no digits";
static const char P_LONG[] = "not a phone number: too many digits";
static const char P_SHORT[] = "not a phone number: too few digits";
static const char P_EXT[] = "an extension is 1 to 6 digits after "
    "转, ext or x, at the end";
static const char P_EXTPOS[] = "an extension comes after the number";
static const char P_MOBILE[] = "not a phone number: a mobile is 11 digits "
    "starting 13-19";
static const char P_MOBILE_EXT[] = "a mobile number has no extension";
static const char P_AREA[] = "landline: the area code is 010, 02X or "
    "0XXX (3-9 after the 0)";
static const char P_NOSUB[] = "landline: the number after the area code "
    "is missing";
static const char P_SUB0[] = "landline: the number after the area code "
    "cannot start with 0";
static const char P_SUB8[] = "landline: 010 and 02X are followed by "
    "8 digits";
static const char P_SUB78[] = "landline: the area code is followed by "
    "7 or 8 digits";
static const char P_AREA0[] = "landline: the area code starts with its 0 "
    "(010-12345678)";
static const char P_NOAREA[] = "landline without area code";
static const char P_SERVICE[] = "a 400 or 800 number has 10 digits "
    "(400-123-4567)";
static const char P_CN[] = "nothing after +86";
static const char P_E164[] = "an international number is + and 7 to 15 "
    "digits, the first not 0";
static const char P_E164_EXT[] = "an extension is kept only after a "
    "mainland landline or a 400/800 number";
static const char P_FOREIGN[] = "not a mainland number: a landline starts "
    "with 0 and its area code, a number abroad with +CC";

/* What the scan of the input found. */
struct parsed {
	char d[MAXDIGITS + 1];	/* every digit of the number, in order */
	size_t n;
	int plus;		/* a + before the first digit */
	char ext[MAXEXT + 1];	/* after 转, 分机, ext, x or # */
	size_t last;		/* where the last run of digits starts in d */
	int dash_last;		/* that run follows a dash */
};

/* Dashes: ASCII, and the hyphens and dashes of U+2010..2015 and U+2212
 * that word processors put in (NFKC leaves them alone). */
static int
isdash(utf8proc_int32_t c)
{
	return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

/* Length in bytes of an extension marker at s, or 0. */
static size_t
extmark(const char *s)
{
	if (strncmp(s, "转", strlen("转")) == 0)
		return strlen("转");
	if (strncmp(s, "分机", strlen("分机")) == 0)
		return strlen("分机");
	if (strncasecmp(s, "ext", 3) == 0)
		return 3;
	if (*s == 'x' || *s == 'X' || *s == '#')
		return 1;
	return 0;
}

/* The extension after its marker: optional ". : " then 1 to 6 digits and
 * nothing else. */
static const char *
scan_ext(const char *s, struct parsed *p)
{
	size_t n = 0;

	while (*s == ' ' || *s == '\t' || *s == '.' || *s == ':')
		s++;
	while (*s >= '0' && *s <= '9') {
		if (n == MAXEXT)
			return P_EXT;
		p->ext[n++] = *s++;
	}
	p->ext[n] = '\0';
	/* "010-12345678（转8001）": the bracket around an extension goes
	 * as every other bracket does. */
	while (*s == ' ' || *s == '\t' || *s == ')')
		s++;
	return n == 0 || *s ? P_EXT : NULL;
}

/* Splits NFKC text into digits, a leading + and an extension; the
 * separators (spaces, dashes, dots, brackets) are dropped. */
static const char *
scan(const char *t, struct parsed *p)
{
	const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)t;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	size_t m;
	int inrun = 0, dash = 0;

	memset(p, 0, sizeof(*p));
	while (*s) {
		k = utf8proc_iterate(s, -1, &c);
		if (k <= 0)
			return P_UTF8;
		if (c >= '0' && c <= '9') {
			if (!inrun) {
				p->last = p->n;
				p->dash_last = dash;
				dash = 0;
				inrun = 1;
			}
			if (p->n == MAXDIGITS)
				return P_LONG;
			p->d[p->n++] = (char)c;
			s += k;
			continue;
		}
		inrun = 0;
		if (c == '+') {
			if (p->plus || p->n > 0)
				return P_PLUS;
			p->plus = 1;
		} else if (isdash(c))
			dash = 1;
		else if (c == ' ' || c == '\t' || c == '.' || c == '(' ||
		    c == ')')
			;
		else if ((m = extmark((const char *)s)) > 0) {
			if (p->n == 0)
				return P_EXTPOS;
			return scan_ext((const char *)s + m, p);
		} else if (c == '*')
			return P_MASKED;
		else if (c == '/' || c == ',' || c == ';' || c == 0x3001)
			return P_MULTI;
		else
			return P_CHAR;
		s += k;
	}
	p->d[p->n] = '\0';
	return p->n == 0 ? P_NODIGIT : NULL;
}

static int
isdig(char c, char lo, char hi)
{
	return c >= lo && c <= hi;
}

/* A landline from the digits after its national 0: 010 and 02X have a
 * two-digit area code, every other area code has three digits after the 0. */
static const char *
landline(const char *d, struct cs_buf *out, enum cs_phone_kind *kind)
{
	size_t n = strlen(d), alen, slen;

	if (d[0] == '2' || (d[0] == '1' && d[1] == '0'))
		alen = 2;
	else if (isdig(d[0], '3', '9'))
		alen = 3;
	else
		return P_AREA;
	if (n <= alen)
		return P_NOSUB;
	slen = n - alen;
	/* A 0 here would be read as a trunk prefix. A 1 is allowed: the
	 * libphonenumber data has 010-1xxxxxxx and 0755-1xxxxxxx numbers. */
	if (d[alen] == '0')
		return P_SUB0;
	/* The two-digit area codes (Beijing, Shanghai, Guangzhou, ...) all
	 * have 8-digit numbers; libphonenumber refuses 021-1234567 too. */
	if (alen == 2 && slen != 8)
		return P_SUB8;
	if (slen != 7 && slen != 8)
		return P_SUB78;
	cs_buf_addc(out, '0');
	cs_buf_add(out, d, alen);
	cs_buf_addc(out, '-');
	cs_buf_adds(out, d + alen);
	*kind = CS_PHONE_LANDLINE;
	return NULL;
}

static const char *
mobile(const char *d, struct cs_buf *out, enum cs_phone_kind *kind)
{
	if (strlen(d) != 11 || d[0] != '1' || !isdig(d[1], '3', '9'))
		return P_MOBILE;
	cs_buf_adds(out, d);
	*kind = CS_PHONE_MOBILE;
	return NULL;
}

/* A mainland number without its national 0. intl: it came after +86, so
 * that a landline needs no 0 ("+86 10 12345678"). */
static const char *
national(const char *d, int intl, struct cs_buf *out,
    enum cs_phone_kind *kind)
{
	size_t n = strlen(d);

	if (d[0] == '1') {
		if (intl && d[1] == '0')
			return landline(d, out, kind);
		if (d[1] == '0' && n == 10)	/* 1012345678: 010 lost its 0 */
			return P_AREA0;
		return mobile(d, out, kind);
	}
	if ((d[0] == '4' || d[0] == '8') && d[1] == '0' && d[2] == '0') {
		if (n != 10)
			return P_SERVICE;
		cs_buf_add(out, d, 3);
		cs_buf_addc(out, '-');
		cs_buf_add(out, d + 3, 3);
		cs_buf_addc(out, '-');
		cs_buf_adds(out, d + 6);
		*kind = CS_PHONE_SERVICE;
		return NULL;
	}
	if (intl)
		return landline(d, out, kind);
	if (n == 7 || n == 8)
		return P_NOAREA;
	if (d[0] == '2' && n == 10)
		return P_AREA0;
	if (n < 7)
		return P_SHORT;
	return P_FOREIGN;
}

/* The normal form of a string of digits, without extension. */
static const char *
classify(const char *d, int plus, struct cs_buf *out,
    enum cs_phone_kind *kind)
{
	size_t n;

	if (!plus && d[0] == '0' && d[1] == '0') {	/* 00 = + */
		d += 2;
		plus = 1;
	}
	n = strlen(d);
	if (plus) {
		if (d[0] == '8' && d[1] == '6') {
			d += 2;
			if (*d == '0')	/* +86 0755 ...: the national 0 */
				d++;
			return *d ? national(d, 1, out, kind) : P_CN;
		}
		if (n < 7 || n > 15 || d[0] == '0')
			return P_E164;
		cs_buf_addc(out, '+');
		cs_buf_adds(out, d);
		*kind = CS_PHONE_E164;
		return NULL;
	}
	if (d[0] == '0') {
		/* 0 before a mobile, as switchboards dial mobiles of other
		 * cities; no area code starts with 01 but 010, so this is
		 * never a landline (libphonenumber reads it the same way). */
		if (n == 12 && d[1] == '1' && isdig(d[2], '3', '9'))
			return mobile(d + 1, out, kind);
		return landline(d + 1, out, kind);
	}
	/* 86 without + or 00, only before a mobile: 86 and a landline
	 * cannot be told from a landline without its 0. */
	if (n == 13 && d[0] == '8' && d[1] == '6' && d[2] == '1' &&
	    isdig(d[3], '3', '9'))
		return mobile(d + 2, out, kind);
	return national(d, 0, out, kind);
}

static const char *
add_ext(struct cs_buf *out, enum cs_phone_kind kind, const char *ext)
{
	if (kind == CS_PHONE_MOBILE)
		return P_MOBILE_EXT;
	if (kind == CS_PHONE_E164)
		return P_E164_EXT;
	cs_buf_addc(out, '-');
	cs_buf_adds(out, ext);
	return NULL;
}

char *
cs_phone_norm(const char *s, enum cs_phone_kind *kind,
    const char **problem)
{
	struct parsed p;
	struct cs_buf out = { 0 };
	enum cs_phone_kind k = CS_PHONE_MOBILE, k2 = CS_PHONE_MOBILE;
	const char *why, *why2;
	char head[MAXDIGITS + 1];
	char *t;

	if (s == NULL || (t = cs_text_nfkc(s)) == NULL) {
		why = s == NULL ? P_EMPTY : P_UTF8;
		goto bad;
	}
	cs_text_trim(t);
	why = *t ? scan(t, &p) : P_EMPTY;
	free(t);
	if (why != NULL)
		goto bad;
	if (p.ext[0] != '\0') {
		if ((why = classify(p.d, p.plus, &out, &k)) == NULL)
			why = add_ext(&out, k, p.ext);
		goto done;
	}
	/*
	 * A last group after a dash is an extension when the digits before
	 * it are a whole landline or 400/800 number: "0755-1234567-8" is
	 * 0755-1234567 extension 8, not 0755-12345678, so that every normal
	 * form reads back as itself. A whole number never leaves a whole
	 * number before its last group ("010-1234-5678", "400-123-4567").
	 */
	if (p.dash_last && p.last > 0 && p.n - p.last <= MAXEXT) {
		memcpy(head, p.d, p.last);
		head[p.last] = '\0';
		why2 = classify(head, p.plus, &out, &k2);
		if (why2 == NULL && (k2 == CS_PHONE_LANDLINE ||
		    k2 == CS_PHONE_SERVICE)) {
			k = k2;
			why = add_ext(&out, k, p.d + p.last);
			goto done;
		}
		cs_buf_reset(&out);
		why = classify(p.d, p.plus, &out, &k);
		/* 13812345678-8001 */
		if (why != NULL && why2 == NULL && k2 == CS_PHONE_MOBILE)
			why = P_MOBILE_EXT;
		goto done;
	}
	why = classify(p.d, p.plus, &out, &k);
done:
	if (why == NULL) {
		if (kind != NULL)
			*kind = k;
		if (problem != NULL)
			*problem = NULL;
		return out.s;
	}
	cs_buf_free(&out);
bad:
	if (problem != NULL)
		*problem = why;
	return NULL;
}

char *
cs_phone_digits(const char *norm)
{
	char *r, *q;

	if (norm == NULL)
		return cs_xstrdup("");
	r = q = cs_xmalloc(strlen(norm) + 1);
	for (; *norm; norm++)
		if (*norm >= '0' && *norm <= '9')
			*q++ = *norm;
	*q = '\0';
	return r;
}

/* Length of the country code at the start of E.164 digits: 1 and 7 have
 * one digit, the two-digit codes are listed, all others have three. */
static size_t
cclen(const char *d)
{
	static const char two[] = "20" "27" "30" "31" "32" "33" "34" "36"
	    "39" "40" "41" "43" "44" "45" "46" "47" "48" "49" "51" "52" "53"
	    "54" "55" "56" "57" "58" "60" "61" "62" "63" "64" "65" "66" "81"
	    "82" "84" "86" "90" "91" "92" "93" "94" "95" "98";
	size_t i;

	if (d[0] == '1' || d[0] == '7')
		return 1;
	for (i = 0; two[i]; i += 2)
		if (d[0] == two[i] && d[1] == two[i + 1])
			return 2;
	return 3;
}

static int
alldigits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdig(s[i], '0', '9'))
			return 0;
	return 1;
}

/* Anything that is not a normal form: every digit but the last four
 * hidden (all of them when there are fewer than eight), other characters
 * kept; a mask never shows more than half a number. */
static char *
mask_other(const char *s)
{
	size_t i, n = 0, seen = 0, keep;
	char *r;

	for (i = 0; s[i]; i++)
		n += isdig(s[i], '0', '9');
	keep = n >= 8 ? 4 : 0;
	r = cs_xstrdup(s);
	for (i = 0; r[i]; i++)
		if (isdig(r[i], '0', '9') && seen++ < n - keep)
			r[i] = '*';
	return r;
}

char *
cs_phone_mask(const char *norm)
{
	const char *sub, *end;
	size_t n, cc, keep, slen;

	if (norm == NULL)
		return cs_xstrdup("");
	n = strlen(norm);
	if (norm[0] == '+' && n >= 2 && alldigits(norm + 1, n - 1)) {
		cc = cclen(norm + 1);
		if (n - 1 <= cc)
			return mask_other(norm);
		slen = n - 1 - cc;
		keep = slen / 2 < 4 ? slen / 2 : 4;
		return cs_xasprintf("+%.*s****%s", (int)cc, norm + 1,
		    norm + n - keep);
	}
	if (n == 11 && norm[0] == '1' && alldigits(norm, n))
		return cs_xasprintf("%.3s****%s", norm, norm + 7);
	/* 400-123-4567[-ext] */
	if (n >= 12 && alldigits(norm, 3) && norm[3] == '-' &&
	    alldigits(norm + 4, 3) && norm[7] == '-' &&
	    alldigits(norm + 8, 4) && (n == 12 || norm[12] == '-'))
		return cs_xasprintf("%.3s-***-%.4s", norm, norm + 8);
	/* 0AA(A)-NNNNNNN(N)[-ext]: the extension is dropped */
	if (norm[0] == '0' && (sub = strchr(norm, '-')) != NULL &&
	    (sub - norm == 3 || sub - norm == 4) &&
	    alldigits(norm, (size_t)(sub - norm))) {
		sub++;
		end = strchr(sub, '-');
		slen = end ? (size_t)(end - sub) : strlen(sub);
		if (slen >= 7 && slen <= 8 && alldigits(sub, slen))
			return cs_xasprintf("%.*s-****%.4s",
			    (int)(sub - 1 - norm), norm, sub + slen - 4);
	}
	return mask_other(norm);
}

/* ---- e-mail ------------------------------------------------------------ */

static const char E_EMPTY[] = "empty e-mail address";
static const char E_SPACE[] = "an e-mail address has no spaces";
static const char E_NOAT[] = "an e-mail address has an @";
static const char E_ATS[] = "an e-mail address has only one @";
static const char E_LOCAL[] = "nothing before the @";
static const char E_MASKED[] = "a masked address cannot be stored: the "
    "whole address is needed";
static const char E_LOCALLEN[] = "more than 64 bytes before the @";
static const char E_LOCALCHAR[] = "a character that is not allowed "
    "before the @";
static const char E_LOCALDOT[] = "a dot at either end of, or two dots in "
    "a row before the @";
static const char E_NODOM[] = "nothing after the @";
static const char E_DOMLEN[] = "the domain is longer than 253 bytes";
static const char E_NODOT[] = "the domain has no dot (example.com)";
static const char E_LABEL[] = "the domain has an empty part (two dots, "
    "or a dot at an end)";
static const char E_LABELLEN[] = "a part of the domain is longer than "
    "63 bytes";
static const char E_HYPHEN[] = "a part of the domain starts or ends "
    "with a hyphen";
static const char E_DOMCHAR[] = "the domain has a character that is not "
    "allowed: letters, digits and hyphens only";
static const char E_TLD[] = "the domain does not end in a top-level "
    "domain (.com, .cn, .中国)";

/* Letters, marks and digits of any script. */
static int
isalnum_u(utf8proc_int32_t c)
{
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

static int
isalnum_a(utf8proc_int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* The local part: RFC 5322 dot-atom (no quoted forms, no comments), and
 * letters and digits of any script as RFC 6531 allows (张三@例子.中国). */
static const char *
check_local(const char *s, size_t n)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	size_t i;

	if (n == 0)
		return E_LOCAL;
	if (n > 64)
		return E_LOCALLEN;
	if (s[0] == '.' || s[n - 1] == '.')
		return E_LOCALDOT;
	/* What cs_email_mask writes ("z***@"), read back from a masked
	 * list, must not replace the address it hid. */
	if (memmem(s, n, "***", 3) != NULL)
		return E_MASKED;
	for (i = 0; i < n; i += (size_t)k) {
		k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c);
		if (k <= 0)
			return E_LOCALCHAR;
		if (c == '.' && s[i + 1] == '.')
			return E_LOCALDOT;
		if (c < 0x80) {
			if (!isalnum_a(c) &&
			    strchr("!#$%&'*+-/=?^_`{|}~.", (int)c) == NULL)
				return E_LOCALCHAR;
		} else if (!isalnum_u(c))
			return E_LOCALCHAR;
	}
	return NULL;
}

/* The domain, lower-cased into out: dot-separated labels of letters,
 * digits and hyphens (any script, for IDN), the last not all digits. */
static const char *
check_domain(const char *s, struct cs_buf *out)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_uint8_t enc[4];
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	size_t label = 0, labels = 0, start = out->len, m;
	int digits = 1, prev = '.';

	if (*s == '\0')
		return E_NODOM;
	for (;; p += k) {
		if (*p == '\0')
			c = '.', k = 0;
		else if ((k = utf8proc_iterate(p, -1, &c)) <= 0)
			return E_DOMCHAR;
		/* The ideographic full stop that Chinese input methods type
		 * is a dot in domain names (IDNA). */
		if (c == 0x3002)
			c = '.';
		if (c == '.') {
			if (label == 0)
				return E_LABEL;
			if (prev == '-')
				return E_HYPHEN;
			labels++;
			if (*p == '\0')
				break;
			cs_buf_addc(out, '.');
			label = 0;
			digits = 1;
			prev = '.';
			continue;
		}
		if (c == '-') {
			if (label == 0)
				return E_HYPHEN;
		} else if (!isalnum_a(c) && !(c >= 0x80 && isalnum_u(c)))
			return E_DOMCHAR;
		if (!(c >= '0' && c <= '9'))
			digits = 0;
		c = utf8proc_tolower(c);
		m = (size_t)utf8proc_encode_char(c, enc);
		if ((label += m) > 63)
			return E_LABELLEN;
		cs_buf_add(out, (const char *)enc, m);
		prev = (int)c;
	}
	if (labels < 2)
		return E_NODOT;
	if (out->len - start > 253)
		return E_DOMLEN;
	/* The last label: at least two bytes, not a number (1.2.3.4). */
	if (digits || label < 2)
		return E_TLD;
	return NULL;
}

char *
cs_email_norm(const char *s, const char **problem)
{
	const utf8proc_uint8_t *p;
	struct cs_buf out = { 0 };
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	const char *why, *at;
	char *t;

	if (s == NULL || (t = cs_text_nfkc(s)) == NULL) {
		why = s == NULL ? E_EMPTY : P_UTF8;
		goto bad;
	}
	cs_text_trim(t);
	why = *t ? NULL : E_EMPTY;
	for (p = (const utf8proc_uint8_t *)t; why == NULL && *p; p += k) {
		k = utf8proc_iterate(p, -1, &c);
		if (k <= 0)
			why = P_UTF8;
		else if (c <= 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
		    utf8proc_category(c) == UTF8PROC_CATEGORY_ZS)
			why = E_SPACE;
	}
	if (why == NULL && (at = strchr(t, '@')) == NULL)
		why = E_NOAT;
	else if (why == NULL && strchr(at + 1, '@') != NULL)
		why = E_ATS;
	else if (why == NULL &&
	    (why = check_local(t, (size_t)(at - t))) == NULL) {
		cs_buf_add(&out, t, (size_t)(at - t) + 1);
		why = check_domain(at + 1, &out);
	}
	free(t);
	if (why == NULL) {
		if (problem != NULL)
			*problem = NULL;
		return out.s;
	}
	cs_buf_free(&out);
bad:
	if (problem != NULL)
		*problem = why;
	return NULL;
}

char *
cs_email_key(const char *norm)
{
	char *r;

	if (norm == NULL)
		return cs_xstrdup("");
	if ((r = cs_text_fold(norm)) == NULL)
		r = cs_xstrdup(norm);
	return r;
}

char *
cs_email_mask(const char *norm)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	const char *at;

	if (norm == NULL || (at = strrchr(norm, '@')) == NULL)
		return cs_xstrdup("***");
	k = utf8proc_iterate((const utf8proc_uint8_t *)norm, at - norm, &c);
	if (k <= 0)
		k = 0;
	/* A one-character local part would be shown whole: hide it all. */
	if (norm + k == at)
		k = 0;
	return cs_xasprintf("%.*s***%s", (int)k, norm, at);
}
