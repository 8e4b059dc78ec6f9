/* sla.c - the business calendar and SLA targets */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cs.h"

/* The calendar, read once per process. */
struct span {
	int start, end;		/* minutes of the day, half-open */
};
static struct span hours[8][8];	/* by weekday 1..7 */
static int nhours[8];
static struct cs_map *days;	/* "YYYY-MM-DD" -> 1 holiday, 2 workday */
static int loaded;

static void
load(void)
{
	sqlite3_stmt *st;
	int wd, n;

	if (loaded)
		return;
	loaded = 1;
	days = cs_map_new();
	st = cs_sql("SELECT weekday, start_min, end_min FROM work_hours "
	    "ORDER BY weekday, start_min");
	while (sqlite3_step(st) == SQLITE_ROW) {
		wd = sqlite3_column_int(st, 0);
		if (wd < 1 || wd > 7 || (n = nhours[wd]) >= 8)
			continue;
		hours[wd][n].start = sqlite3_column_int(st, 1);
		hours[wd][n].end = sqlite3_column_int(st, 2);
		nhours[wd]++;
	}
	sqlite3_reset(st);
	st = cs_sql("SELECT day, kind FROM calendar_day");
	while (sqlite3_step(st) == SQLITE_ROW)
		cs_map_put(days, (const char *)sqlite3_column_text(st, 0),
		    strcmp((const char *)sqlite3_column_text(st, 1),
		    "holiday") == 0 ? 1 : 2, NULL);
	sqlite3_reset(st);
}

void
cs_calendar_reload(void)
{
	cs_map_free(days);
	days = NULL;
	memset(nhours, 0, sizeof(nhours));
	loaded = 0;
}

/* The instant of local day `day` (its midnight) plus min minutes. */
static int64_t
at(int64_t day, int min)
{
	time_t t = (time_t)day;
	struct tm tm;
	int64_t r;

	localtime_r(&t, &tm);
	if (cs_local_to_utc(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	    min / 60, min % 60, 0, &r) == 0)
		return r;
	/* a working hour that a DST change skipped: the one after it */
	cs_local_to_utc(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	    min / 60 + 1, min % 60, 0, &r);
	return r;
}

/* Working spans of the local day starting at `day`. */
static int
spans(int64_t day, const struct span **out)
{
	char ymd[16];
	time_t t = (time_t)day;
	struct tm tm;
	int64_t kind = 0;
	int wd;

	localtime_r(&t, &tm);
	wd = tm.tm_wday == 0 ? 7 : tm.tm_wday;
	cs_fmt_date(day, ymd);
	cs_map_get(days, ymd, &kind);
	if (kind == 1)
		return 0;
	if (kind == 2)
		wd = 1;		/* a make-up workday works Monday's hours */
	*out = hours[wd];
	return nhours[wd];
}

int64_t
cs_work_add(int64_t start, int64_t secs)
{
	const struct span *sp;
	int64_t day, a, b;
	int i, n, k;

	load();
	day = cs_day_start(start);
	/* Ten years without a working minute means there are no hours. */
	for (k = 0; k < 3660; k++, day = cs_add_days(day, 1)) {
		n = spans(day, &sp);
		for (i = 0; i < n; i++) {
			a = at(day, sp[i].start);
			b = sp[i].end >= 1440 ? cs_add_days(day, 1) :
			    at(day, sp[i].end);
			if (b <= start)
				continue;
			if (a < start)
				a = start;
			if (b - a >= secs)
				return a + secs;
			secs -= b - a;
		}
	}
	return INT64_MAX;
}

int64_t
cs_work_between(int64_t from, int64_t to)
{
	const struct span *sp;
	int64_t day, a, b, sum = 0;
	int i, n;

	load();
	for (day = cs_day_start(from); day < to; day = cs_add_days(day, 1)) {
		n = spans(day, &sp);
		for (i = 0; i < n; i++) {
			a = at(day, sp[i].start);
			b = sp[i].end >= 1440 ? cs_add_days(day, 1) :
			    at(day, sp[i].end);
			if (a < from)
				a = from;
			if (b > to)
				b = to;
			if (b > a)
				sum += b - a;
		}
	}
	return sum;
}

int
cs_sla_due(const char *type, const char *priority, int64_t created,
    int64_t *fr_due, int64_t *res_due)
{
	sqlite3_stmt *st = cs_sql("SELECT first_response, resolution, calendar "
	    "FROM sla_policy WHERE type = ? AND priority = ?");
	int64_t fr, res;
	int work, found = 0;

	*fr_due = *res_due = 0;
	cs_bind_text(st, 1, type, 0);
	cs_bind_text(st, 2, priority, 0);
	if (sqlite3_step(st) == SQLITE_ROW) {
		fr = sqlite3_column_int64(st, 0);
		res = sqlite3_column_int64(st, 1);
		work = strcmp((const char *)sqlite3_column_text(st, 2), "work")
		    == 0;
		*fr_due = work ? cs_work_add(created, fr) : created + fr;
		*res_due = work ? cs_work_add(created, res) : created + res;
		/* a calendar without working hours has no due times */
		found = *fr_due != INT64_MAX && *res_due != INT64_MAX;
		if (!found)
			*fr_due = *res_due = 0;
	}
	sqlite3_reset(st);
	return found;
}
