/*
 * fuzz_time.c - times, dates, durations and periods (time.c). The input
 * is read as a whole and line by line, in zones with DST changes at 02:00,
 * at midnight, of half an hour, and none. Whatever parses must format and
 * parse back to the same instant, and a period must be a non-empty span
 * whose previous period ends where it starts.
 */
#include <time.h>

#include "fuzz.h"

static void
check_time(int64_t t)
{
	char buf[32];
	int64_t back;

	cs_fmt_time(t, buf);
	/* A time near the ends of years 1 to 9999 with a large offset may be
	 * in year 0 or 10000 locally, which ISO 8601 of 4 digits cannot
	 * write. */
	if (strncmp(buf, "0000", 4) == 0 || buf[4] != '-')
		return;
	back = -1;
	FUZZ_CHECK(cs_parse_time(buf, &back) == 0 && back == t,
	    "%lld formats as %s, which reads back as %lld", (long long)t, buf,
	    (long long)back);
}

static void
check_period(const struct cs_period *p)
{
	struct cs_period q;

	FUZZ_CHECK(p->start < p->end, "empty period %s", p->name);
	FUZZ_CHECK(memchr(p->name, '\0', sizeof p->name), "name");
	cs_period_prev(p, &q);
	FUZZ_CHECK(q.start < q.end && q.end == p->start,
	    "the period before %s is %s", p->name, q.name);
	cs_period_year_ago(p, &q);
	FUZZ_CHECK(q.start < q.end && q.start < p->start && q.end < p->end,
	    "%s a year ago is %s", p->name, q.name);
}

static void
one(char *s)
{
	/* 2026-11-24T09:00:00+08:00, the clock of the tests */
	const int64_t now = 1795482000;
	struct cs_period p;
	char *bar, ymd[16], buf[16];
	int64_t t, u, d;

	if (cs_parse_time(s, &t) == 0)
		check_time(t);
	if (cs_parse_date(s, now, &t) == 0) {
		/* a date is the start of its local day */
		FUZZ_CHECK(cs_day_start(t) == t, "%s: not a day start", s);
		check_time(t);
		u = cs_add_days(t, 1);
		FUZZ_CHECK(u > t && cs_day_start(u) == u, "%s: next day", s);
		FUZZ_CHECK(strcmp(cs_fmt_date(t, buf), "?") != 0, "%s", s);
	}
	if (cs_parse_when(s, now, &t) == 0)
		check_time(t);
	if (cs_parse_duration(s, &d) == 0)
		FUZZ_CHECK(d >= 0, "%s: negative duration", s);
	if (cs_parse_period(s, now, &p) == 0)
		check_period(&p);
	if (cs_parse_ymd(s, ymd) == 0) {
		FUZZ_CHECK(strlen(ymd) == 10 && cs_parse_ymd(ymd, buf) == 0 &&
		    strcmp(ymd, buf) == 0, "%s reads as %s", s, ymd);
		FUZZ_CHECK(cs_parse_date(ymd, now, &t) == 0, "%s", ymd);
	}
	if ((bar = strchr(s, '|')) != NULL) {
		*bar = '\0';
		if (cs_period_range(s, bar + 1, now, &p) == 0)
			check_period(&p);
		*bar = '|';
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const zones[] = { "Asia/Shanghai",
		"America/New_York", "Europe/London", "Australia/Lord_Howe",
		"America/Sao_Paulo", "UTC", "Pacific/Apia", "America/Havana" };
	char *s, *line, *next;
	size_t z;

	s = fuzz_str(data, size);
	for (z = 0; z < sizeof zones / sizeof zones[0]; z++) {
		setenv("TZ", zones[z], 1);
		tzset();
		one(s);
		if (!strchr(s, '\n'))
			continue;
		for (line = s; line; line = next) {
			if ((next = strchr(line, '\n')) != NULL)
				*next = '\0';
			one(line);
			if (next)
				*next++ = '\n';
		}
	}
	free(s);
	return 0;
}
