/* time.c - instants, local dates, durations and report periods */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cs.h"

/*
 * Calendar arithmetic works on day numbers: days since 1970-01-01 in the
 * proleptic Gregorian calendar (H. Hinnant's algorithms). Turning a day
 * into an instant goes through the C library and TZ only at the end.
 */

static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int64_t y, int m)
{
	static const int md[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	return m == 2 && is_leap(y) ? 29 : md[m - 1];
}

/* Day of the week, Monday 0 .. Sunday 6; 1970-01-01 was a Thursday. */
static int
weekday(int64_t dn)
{
	return (int)(((dn + 3) % 7 + 7) % 7);
}

/* Monday of ISO week 1 of year y: the week holding January 4. */
static int64_t
iso_week1(int y)
{
	int64_t jan4 = days_from_civil(y, 1, 4);

	return jan4 - weekday(jan4);
}

static int
iso_weeks(int y)
{
	return (int)((iso_week1(y + 1) - iso_week1(y)) / 7);
}

static void
iso_from_days(int64_t dn, int *year, int *week)
{
	int64_t thu = dn - weekday(dn) + 3;
	int y, m, d;

	civil_from_days(thu, &y, &m, &d);
	*year = y;
	*week = (int)((thu - days_from_civil(y, 1, 1)) / 7 + 1);
}

/* Local calendar day of an instant; -1 when out of range. */
static int
local_days(int64_t t, int64_t *dn)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL)
		return -1;
	*dn = days_from_civil((int64_t)tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
	return 0;
}

/* y*10000 + m*100 + d of the local day of t, or -1. */
static int64_t
local_key(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL)
		return -1;
	return ((int64_t)tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 +
	    tm.tm_mday;
}

/*
 * The instant local day dn begins: its midnight, or when midnight does
 * not exist there (a DST change at 00:00) the first time that does. A
 * midnight that exists is taken when the second before it belongs to an
 * earlier day; otherwise the start is searched for.
 */
static int64_t
day_begin(int64_t dn)
{
	int64_t key, base, lo, hi, mid;
	time_t t1;
	int y, m, d;

	civil_from_days(dn, &y, &m, &d);
	key = (int64_t)y * 10000 + m * 100 + d;
	if (cs_local_to_utc(y, m, d, 0, 0, 0, &mid) == 0) {
		t1 = (time_t)(mid - 1);
		if (local_key(t1) != -1 && local_key(t1) < key)
			return mid;
	}

	/* Zone offsets stay within a day and a half of UTC. */
	base = dn * 86400;
	lo = base - 36 * 3600;
	hi = base + 36 * 3600;
	if (local_key(lo) == -1 || local_key(lo) >= key ||
	    local_key(hi) < key)
		return base;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (local_key(mid) >= key)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

/*
 * Local wall-clock time to an instant. A time in the gap of a DST change
 * is refused (no reading of it round-trips); a time in the repeated hour
 * takes its first occurrence.
 */
int
cs_local_to_utc(int y, int mo, int d, int h, int mi, int s, int64_t *out)
{
	struct tm lt;
	int64_t wall, best = 0, t;
	long off[3];
	time_t probe;
	int i, found = 0;

	/*
	 * Without mktime, which re-reads the zone file on every call: the
	 * wall time read as UTC, less each offset in force within a day of
	 * it; a candidate that reads back as the same wall time is it.
	 */
	wall = days_from_civil(y, mo, d) * 86400 + (int64_t)h * 3600 +
	    (int64_t)mi * 60 + s;
	for (i = 0; i < 3; i++) {
		probe = (time_t)(wall + (i - 1) * 86400);
		if (localtime_r(&probe, &lt) == NULL)
			return -1;
		off[i] = lt.tm_gmtoff;
	}
	/* One offset all through the two days around it (no change of the
	 * zone near): the wall time less it is the instant, and the only. */
	if (off[0] == off[1] && off[1] == off[2]) {
		*out = wall - off[1];
		return 0;
	}
	for (i = 0; i < 3; i++) {
		t = wall - off[i];
		probe = (time_t)t;
		if (localtime_r(&probe, &lt) == NULL)
			continue;
		if (lt.tm_year != y - 1900 || lt.tm_mon != mo - 1 ||
		    lt.tm_mday != d || lt.tm_hour != h || lt.tm_min != mi ||
		    lt.tm_sec != s)
			continue;
		if (!found || t < best)
			best = t;
		found = 1;
	}
	if (!found)
		return -1;
	*out = best;
	return 0;
}

static int
isdigit_c(int c)
{
	return c >= '0' && c <= '9';
}

/* Exactly n digits. */
static int
digits(const char **pp, int n, int *v)
{
	const char *p = *pp;
	int i, x = 0;

	for (i = 0; i < n; i++) {
		if (!isdigit_c(p[i]))
			return -1;
		x = x * 10 + (p[i] - '0');
	}
	*pp = p + n;
	*v = x;
	return 0;
}

/* YYYY-MM-DD, a real day of year 1 or later. */
static int
parse_ymd(const char **pp, int *y, int *m, int *d)
{
	const char *p = *pp;

	if (digits(&p, 4, y) == -1 || *p++ != '-' ||
	    digits(&p, 2, m) == -1 || *p++ != '-' ||
	    digits(&p, 2, d) == -1)
		return -1;
	if (*y < 1 || *m < 1 || *m > 12 || *d < 1 ||
	    *d > month_days(*y, *m))
		return -1;
	*pp = p;
	return 0;
}

static char *
fmt_days(int64_t dn, char *buf)
{
	int y, m, d;

	civil_from_days(dn, &y, &m, &d);
	snprintf(buf, 16, "%04d-%02d-%02d", y, m, d);
	return buf;
}

/* ---- the clock ------------------------------------------------------ */

static int now_set;
static int64_t now_val;

int64_t
cs_now(void)
{
	static int warned;
	static char last[64];
	static int64_t last_t;
	const char *e;
	int64_t t;

	if (now_set)
		return now_val;
	e = getenv("CS_NOW");
	if (e != NULL && *e != '\0') {
		/* parsed once: a bulk command asks for the time per row */
		if (strcmp(e, last) == 0)
			return last_t;
		if (cs_parse_time(e, &t) == 0) {
			if (strlen(e) < sizeof(last)) {
				strcpy(last, e);
				last_t = t;
			}
			return t;
		}
		if (!warned)
			cs_warn("CS_NOW: not a time: %s: using the system "
			    "clock (give e.g. 2026-11-24T09:30:00+08:00)", e);
		warned = 1;
	}
	return (int64_t)time(NULL);
}

/* NULL forgets a value set before, so that $CS_NOW and the clock rule. */
int
cs_set_now(const char *s)
{
	int64_t t;

	if (s == NULL) {
		now_set = 0;
		return 0;
	}
	if (cs_parse_time(s, &t) == -1)
		return -1;
	now_val = t;
	now_set = 1;
	return 0;
}

void
cs_clock_hold(int64_t t, struct cs_clock *was)
{
	was->set = now_set;
	was->val = now_val;
	now_val = t;
	now_set = 1;
}

void
cs_clock_give(const struct cs_clock *was)
{
	now_set = was->set;
	now_val = was->val;
}

/* ---- parsing -------------------------------------------------------- */

static int
parse_time_ascii(const char *s, int64_t *out)
{
	const char *p = s;
	int y, mo, d, h, mi, sec = 0, oh, om = 0, os = 0, sign;
	int64_t off, days;

	if (s == NULL || parse_ymd(&p, &y, &mo, &d) == -1)
		return -1;
	if (*p == '\0') {
		*out = day_begin(days_from_civil(y, mo, d));
		return 0;
	}
	if (*p != 'T' && *p != 't' && *p != ' ')
		return -1;
	p++;
	if (digits(&p, 2, &h) == -1 || *p++ != ':' ||
	    digits(&p, 2, &mi) == -1)
		return -1;
	if (*p == ':') {
		p++;
		if (digits(&p, 2, &sec) == -1)
			return -1;
		if (*p == '.' || *p == ',') {
			p++;
			if (!isdigit_c(*p))
				return -1;
			while (isdigit_c(*p))
				p++;
		}
	}
	if (h > 23 || mi > 59 || sec > 59)
		return -1;

	if (*p == '\0')
		return cs_local_to_utc(y, mo, d, h, mi, sec, out);
	if (*p == 'Z' || *p == 'z') {
		p++;
		off = 0;
	} else if (*p == '+' || *p == '-') {
		sign = *p++ == '-' ? -1 : 1;
		if (digits(&p, 2, &oh) == -1)
			return -1;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &om) == -1)
				return -1;
			if (*p == ':') {
				p++;
				if (digits(&p, 2, &os) == -1)
					return -1;
			}
		} else if (isdigit_c(*p)) {
			if (digits(&p, 2, &om) == -1)
				return -1;
		}
		if (oh > 23 || om > 59 || os > 59)
			return -1;
		off = sign * ((int64_t)oh * 3600 + om * 60 + os);
	} else
		return -1;
	if (*p != '\0')
		return -1;
	days = days_from_civil(y, mo, d);
	*out = days * 86400 + (int64_t)h * 3600 + mi * 60 + sec - off;
	return 0;
}

/*
 * Today's day number shifted by a relative date: [+-]N followed by d, w,
 * m (months, the day clamped to the month's end) or y. The sign may be
 * left out only for zero ("0d"), so that "7d" is not silently "in 7
 * days" when "7 days ago" was meant.
 */
static int
relative_days(const char *s, int64_t today, int64_t *dn)
{
	const char *p = s;
	int64_t n = 0, mon;
	int sign = 1, nd = 0, y, m, d;

	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	while (isdigit_c(*p)) {
		if (++nd > 6)
			return -1;
		n = n * 10 + (*p++ - '0');
	}
	if (nd == 0 || p[0] == '\0' || p[1] != '\0')
		return -1;
	if (p == s + nd && n != 0)
		return -1;
	n *= sign;
	civil_from_days(today, &y, &m, &d);
	switch (*p) {
	case 'd':
		*dn = today + n;
		break;
	case 'w':
		*dn = today + 7 * n;
		break;
	case 'm':
	case 'y':
		mon = (int64_t)y * 12 + (m - 1) + (*p == 'm' ? n : 12 * n);
		if (mon < 12 || mon >= 10000 * 12)
			return -1;
		y = (int)(mon / 12);
		m = (int)(mon % 12) + 1;
		if (d > month_days(y, m))
			d = month_days(y, m);
		*dn = days_from_civil(y, m, d);
		break;
	default:
		return -1;
	}
	if (*dn < days_from_civil(1, 1, 1) ||
	    *dn >= days_from_civil(10000, 1, 1))
		return -1;
	return 0;
}

static int
parse_date_ascii(const char *s, int64_t now, int64_t *out)
{
	const char *p = s;
	int64_t today, dn;
	int y, m, d;

	if (s == NULL)
		return -1;
	if (parse_ymd(&p, &y, &m, &d) == 0 && *p == '\0') {
		*out = day_begin(days_from_civil(y, m, d));
		return 0;
	}
	if (local_days(now, &today) == -1)
		return -1;
	if (strcasecmp(s, "today") == 0)
		dn = today;
	else if (strcasecmp(s, "yesterday") == 0)
		dn = today - 1;
	else if (strcasecmp(s, "tomorrow") == 0)
		dn = today + 1;
	else if (relative_days(s, today, &dn) == -1)
		return -1;
	*out = day_begin(dn);
	return 0;
}

int
cs_parse_when(const char *s, int64_t now, int64_t *out)
{
	if (cs_parse_date(s, now, out) == 0)
		return 0;
	return cs_parse_time(s, out);
}

static int
parse_duration_ascii(const char *s, int64_t *secs)
{
	static const char units[] = "wdhms";
	static const int64_t mult[] = { 604800, 86400, 3600, 60, 1 };
	const char *p = s, *u;
	int64_t total = 0, n, v;
	int last = -1, i;

	if (s == NULL || *s == '\0')
		return -1;
	while (*p != '\0') {
		if (!isdigit_c(*p))
			return -1;
		n = 0;
		while (isdigit_c(*p)) {
			if (n > (INT64_MAX - (*p - '0')) / 10)
				return -1;
			n = n * 10 + (*p++ - '0');
		}
		if (*p == '\0' || (u = strchr(units, *p)) == NULL)
			return -1;	/* a bare number is ambiguous */
		p++;
		/* Each unit once, largest first: 1d12h, not 12h1d. */
		i = (int)(u - units);
		if (i <= last)
			return -1;
		last = i;
		if (n > INT64_MAX / mult[i])
			return -1;
		v = n * mult[i];
		if (total > INT64_MAX - v)
			return -1;
		total += v;
	}
	*secs = total;
	return 0;
}

/* ---- formatting and local days ----------------------------------------- */

char *
cs_fmt_time(int64_t t, char *buf)
{
	time_t tt = (time_t)t;
	struct tm tm;
	long off;
	int n, oh, om, os;
	char sign;

	if (localtime_r(&tt, &tm) == NULL) {
		snprintf(buf, 32, "%lld", (long long)t);
		return buf;
	}
	off = tm.tm_gmtoff;
	sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	oh = (int)(off / 3600 % 100);
	om = (int)(off / 60 % 60);
	os = (int)(off % 60);
	n = snprintf(buf, 32, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, sign, oh, om);
	if (os != 0 && n > 0 && n < 32 - 3)	/* local mean time, old dates */
		snprintf(buf + n, 32 - (size_t)n, ":%02d", os);
	return buf;
}

char *
cs_fmt_date(int64_t t, char *buf)
{
	int64_t dn;

	if (local_days(t, &dn) == -1) {
		snprintf(buf, 16, "?");
		return buf;
	}
	return fmt_days(dn, buf);
}

int64_t
cs_day_start(int64_t t)
{
	int64_t dn;

	if (local_days(t, &dn) == -1)
		return t;
	return day_begin(dn);
}

int64_t
cs_add_days(int64_t day_start, int days)
{
	int64_t dn;

	if (local_days(day_start, &dn) == -1)
		return day_start + (int64_t)days * 86400;
	return day_begin(dn + days);
}

int64_t
cs_day_at(int64_t day_start, int64_t t)
{
	time_t a = (time_t)day_start, b = (time_t)t;
	struct tm d, c;
	int64_t out;

	if (localtime_r(&a, &d) == NULL || localtime_r(&b, &c) == NULL ||
	    cs_local_to_utc(d.tm_year + 1900, d.tm_mon + 1, d.tm_mday,
	    c.tm_hour, c.tm_min, c.tm_sec, &out) == -1)
		return day_start + (t - cs_day_start(t));
	return out;
}

/* ---- periods -------------------------------------------------------- */

static void
span(struct cs_period *p, enum cs_period_kind kind, int64_t first,
    int64_t next)
{
	p->kind = kind;
	p->start = day_begin(first);
	p->end = day_begin(next);
}

static void
period_day(struct cs_period *p, int64_t dn)
{
	char b[16];

	span(p, CS_PERIOD_DAY, dn, dn + 1);
	snprintf(p->name, sizeof p->name, "%s", fmt_days(dn, b));
}

static void
period_week(struct cs_period *p, int y, int w)
{
	int64_t mon = iso_week1(y) + 7 * (int64_t)(w - 1);

	span(p, CS_PERIOD_WEEK, mon, mon + 7);
	snprintf(p->name, sizeof p->name, "%04d-W%02d", y, w);
}

static void
period_month(struct cs_period *p, int y, int m)
{
	span(p, CS_PERIOD_MONTH, days_from_civil(y, m, 1),
	    m == 12 ? days_from_civil(y + 1, 1, 1) :
	    days_from_civil(y, m + 1, 1));
	snprintf(p->name, sizeof p->name, "%04d-%02d", y, m);
}

static void
period_quarter(struct cs_period *p, int y, int q)
{
	span(p, CS_PERIOD_QUARTER, days_from_civil(y, 3 * q - 2, 1),
	    q == 4 ? days_from_civil(y + 1, 1, 1) :
	    days_from_civil(y, 3 * q + 1, 1));
	snprintf(p->name, sizeof p->name, "%04d-Q%d", y, q);
}

static void
period_year(struct cs_period *p, int y)
{
	span(p, CS_PERIOD_YEAR, days_from_civil(y, 1, 1),
	    days_from_civil(y + 1, 1, 1));
	snprintf(p->name, sizeof p->name, "%04d", y);
}

static void
period_span(struct cs_period *p, int64_t first, int64_t next)
{
	char a[16], b[16];

	span(p, CS_PERIOD_RANGE, first, next);
	snprintf(p->name, sizeof p->name, "%s..%s", fmt_days(first, a),
	    fmt_days(next, b));
}

/* Day dn a year earlier; February 29 becomes February 28. */
static int64_t
year_before(int64_t dn)
{
	int y, m, d;

	civil_from_days(dn, &y, &m, &d);
	y--;
	if (d > month_days(y, m))
		d = month_days(y, m);
	return days_from_civil(y, m, d);
}

static int
parse_period_ascii(const char *s, int64_t now, struct cs_period *p)
{
	const char *dots, *q = s;
	char from[64], to[64];
	int64_t today;
	int y, m, d, w;
	size_t n;

	if (s == NULL)
		return -1;
	if ((dots = strstr(s, "..")) != NULL) {
		n = (size_t)(dots - s);
		if (n >= sizeof from || strlen(dots + 2) >= sizeof to)
			return -1;
		memcpy(from, s, n);
		from[n] = '\0';
		snprintf(to, sizeof to, "%s", dots + 2);
		return cs_period_range(from, to, now, p);
	}
	if (isdigit_c(*s)) {
		if (digits(&q, 4, &y) == -1 || y < 1)
			return -1;
		if (*q == '\0') {
			period_year(p, y);
			return 0;
		}
		if (*q++ != '-')
			return -1;
		if (*q == 'W' || *q == 'w') {
			q++;
			if (digits(&q, 2, &w) == -1 || *q != '\0' || w < 1 ||
			    w > iso_weeks(y))
				return -1;
			period_week(p, y, w);
			return 0;
		}
		if (*q == 'Q' || *q == 'q') {
			q++;
			if (*q < '1' || *q > '4' || q[1] != '\0')
				return -1;
			period_quarter(p, y, *q - '0');
			return 0;
		}
		if (digits(&q, 2, &m) == -1 || m < 1 || m > 12)
			return -1;
		if (*q == '\0') {
			period_month(p, y, m);
			return 0;
		}
		q = s;
		if (parse_ymd(&q, &y, &m, &d) == -1 || *q != '\0')
			return -1;
		period_day(p, days_from_civil(y, m, d));
		return 0;
	}

	if (local_days(now, &today) == -1)
		return -1;
	civil_from_days(today, &y, &m, &d);
	if (strcasecmp(s, "today") == 0)
		period_day(p, today);
	else if (strcasecmp(s, "yesterday") == 0)
		period_day(p, today - 1);
	else if (strcasecmp(s, "this-week") == 0 ||
	    strcasecmp(s, "last-week") == 0) {
		iso_from_days(*s == 't' || *s == 'T' ? today : today - 7, &y,
		    &w);
		period_week(p, y, w);
	} else if (strcasecmp(s, "this-month") == 0)
		period_month(p, y, m);
	else if (strcasecmp(s, "last-month") == 0)
		period_month(p, m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1);
	else if (strcasecmp(s, "this-quarter") == 0)
		period_quarter(p, y, (m - 1) / 3 + 1);
	else if (strcasecmp(s, "last-quarter") == 0)
		period_quarter(p, m <= 3 ? y - 1 : y,
		    m <= 3 ? 4 : (m - 1) / 3);
	else if (strcasecmp(s, "this-year") == 0)
		period_year(p, y);
	else if (strcasecmp(s, "last-year") == 0)
		period_year(p, y - 1);
	else
		return -1;
	return 0;
}

int
cs_period_range(const char *from, const char *to, int64_t now,
    struct cs_period *p)
{
	int64_t a, b, da, db;

	if (cs_parse_date(from, now, &a) == -1 ||
	    cs_parse_date(to, now, &b) == -1 || b <= a)
		return -1;
	if (local_days(a, &da) == -1 || local_days(b, &db) == -1 ||
	    db <= da)
		return -1;
	period_span(p, da, db);
	return 0;
}

void
cs_period_prev(const struct cs_period *p, struct cs_period *out)
{
	int64_t first, next;
	int y, m, d, w;

	if (local_days(p->start, &first) == -1 ||
	    local_days(p->end, &next) == -1) {
		*out = *p;
		return;
	}
	civil_from_days(first, &y, &m, &d);
	switch (p->kind) {
	case CS_PERIOD_DAY:
		period_day(out, first - 1);
		break;
	case CS_PERIOD_WEEK:
		iso_from_days(first - 7, &y, &w);
		period_week(out, y, w);
		break;
	case CS_PERIOD_MONTH:
		period_month(out, m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1);
		break;
	case CS_PERIOD_QUARTER:
		period_quarter(out, m <= 3 ? y - 1 : y,
		    m <= 3 ? 4 : (m - 1) / 3);
		break;
	case CS_PERIOD_YEAR:
		period_year(out, y - 1);
		break;
	case CS_PERIOD_RANGE:
		period_span(out, first - (next - first), first);
		break;
	default:
		*out = *p;
		break;
	}
}

void
cs_period_year_ago(const struct cs_period *p, struct cs_period *out)
{
	int64_t first, next;
	int y, m, d, w;

	if (local_days(p->start, &first) == -1 ||
	    local_days(p->end, &next) == -1) {
		*out = *p;
		return;
	}
	civil_from_days(first, &y, &m, &d);
	switch (p->kind) {
	case CS_PERIOD_DAY:
		period_day(out, year_before(first));
		break;
	case CS_PERIOD_WEEK:
		iso_from_days(first, &y, &w);
		if (w > iso_weeks(y - 1))
			w = iso_weeks(y - 1);
		period_week(out, y - 1, w);
		break;
	case CS_PERIOD_MONTH:
		period_month(out, y - 1, m);
		break;
	case CS_PERIOD_QUARTER:
		period_quarter(out, y - 1, (m - 1) / 3 + 1);
		break;
	case CS_PERIOD_YEAR:
		period_year(out, y - 1);
		break;
	case CS_PERIOD_RANGE:
		/* The last day moves, so that a range ending on February 28
		 * of a leap year keeps its length and is never empty. */
		period_span(out, year_before(first), year_before(next - 1) + 1);
		break;
	default:
		*out = *p;
		break;
	}
}

void
cs_iso_week(int64_t t, int *year, int *week)
{
	int64_t dn;

	if (local_days(t, &dn) == -1)
		dn = t / 86400;
	iso_from_days(dn, year, week);
}

static int
parse_ymd_ascii(const char *s, char out[11])
{
	const char *p = s;
	long v[3];
	char *end;
	int i;

	/* 2026-11-01, 2026/11/1, 2026.11.1 or 2026年11月1日, as spreadsheets
	 * and people write a calendar date; nothing relative here. */
	for (i = 0; i < 3; i++) {
		if (*p < '0' || *p > '9')
			return -1;
		v[i] = strtol(p, &end, 10);
		if (end - p > (i == 0 ? 4 : 2) || (i == 0 && end - p != 4))
			return -1;
		p = end;
		if (i < 2) {
			if (*p == '-' || *p == '/' || *p == '.')
				p++;
			else if (strncmp(p, i == 0 ? "年" : "月", 3) == 0)
				p += 3;
			else
				return -1;
		} else if (strncmp(p, "日", 3) == 0)
			p += 3;
	}
	if (*p || v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 ||
	    v[2] > month_days(v[0], (int)v[1]))
		return -1;
	/* by hand: this runs for every date cell of an import */
	out[0] = (char)('0' + v[0] / 1000);
	out[1] = (char)('0' + v[0] / 100 % 10);
	out[2] = (char)('0' + v[0] / 10 % 10);
	out[3] = (char)('0' + v[0] % 10);
	out[4] = out[7] = '-';
	out[5] = (char)('0' + v[1] / 10);
	out[6] = (char)('0' + v[1] % 10);
	out[8] = (char)('0' + v[2] / 10);
	out[9] = (char)('0' + v[2] % 10);
	out[10] = '\0';
	return 0;
}

/* ---- full-width input ----------------------------------------------
 * The parsers above read ASCII; these read what an input method types
 * too (２０２６－１１－０１), through cs_text_halfwidth. */

int
cs_parse_time(const char *s, int64_t *out)
{
	char *h = cs_text_halfwidth(s);
	int rc = parse_time_ascii(h ? h : s, out);

	free(h);
	return rc;
}

int
cs_parse_date(const char *s, int64_t now, int64_t *out)
{
	char *h = cs_text_halfwidth(s);
	int rc = parse_date_ascii(h ? h : s, now, out);

	free(h);
	return rc;
}

int
cs_parse_duration(const char *s, int64_t *secs)
{
	char *h = cs_text_halfwidth(s);
	int rc = parse_duration_ascii(h ? h : s, secs);

	free(h);
	return rc;
}

int
cs_parse_period(const char *s, int64_t now, struct cs_period *p)
{
	char *h = cs_text_halfwidth(s);
	int rc = parse_period_ascii(h ? h : s, now, p);

	free(h);
	return rc;
}

int
cs_parse_ymd(const char *s, char out[11])
{
	char *h = cs_text_halfwidth(s);
	int rc = parse_ymd_ascii(h ? h : s, out);

	free(h);
	return rc;
}
