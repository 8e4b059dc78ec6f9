#!/usr/bin/env bats
# An acceptance audit of times, dates and periods, as a test writer reads
# SPEC.md ("Times", "Periods", "Reports — exact definitions", the revisit
# rules) and cs(7), cs-report(1), cs-ticket(1), cs-revisit(1), cs-agent(1)
# and cs-kb(1): ISO weeks 53 and 1, relative period words at the edges of
# weeks and years, 环比 and 同比 across short months and leap days,
# relative dates and junk in every option that takes a date, time zones
# with DST (New York, Havana), imported timestamps, report figures worked
# out by hand.  Every expected value is computed in a comment.  Tests of
# behaviour that is wrong today fail on purpose: they document a finding.
bats_require_minimum_version 1.5.0
load helper

q() {
	sqlite3 "$CS_DB" "$1"
}

# Imports the ticket CSV on stdin (customers C001..C006 must exist).
tix() {
	cat > "$T/tix.csv"
	cs-ticket import "$T/tix.csv" 2>/dev/null
}

# The external ids of cs-ticket list with the given filter, on one line.
xids() {
	cs-ticket list "$@" -f csv --no-header | cut -d, -f2 | paste -sd' ' -
}

# The total "created" row of the report of the given period.
created() {
	cs-report "$@" -f csv -s tickets | grep '^tickets,created,,'
}

# Tickets around ISO week 53 of 2026 and the two weeks 1 beside it.
# 2026-01-01 is a Thursday, so 2026 has 53 ISO weeks:
#   2026-W01  [2025-12-29, 2026-01-05)   (the week holding January 4)
#   2026-W52  [2026-12-21, 2026-12-28)
#   2026-W53  [2026-12-28, 2027-01-04)
#   2027-W01  [2027-01-04, 2027-01-11)   (2027-01-04 is a Monday)
#   2025-W52  [2025-12-22, 2025-12-29)   (2025 has 52 weeks)
week53() {
	staff_and_customers
	tix <<'CSV'
external_id,customer,type,created_at
A1,C001,consult,2026-12-27T23:59:59
A2,C001,consult,2026-12-28T00:00:00
A3,C001,consult,2027-01-03T23:59:59
A4,C001,consult,2027-01-04T00:00:00
A5,C001,consult,2025-12-28T23:59:59
A6,C001,consult,2025-12-29T00:00:00
A7,C001,consult,2026-01-04T23:59:59
CSV
}

@test "ISO weeks: 2026-W53 is 12-28..01-04, 2026-W01 starts 2025-12-29, 2027-W01 starts 2027-01-04" {
	week53
	# first and last second of each week, half-open
	[ "$(xids --created 2026-W53)" = "A2 A3" ]
	[ "$(xids --created 2027-W01)" = "A4" ]
	[ "$(xids --created 2026-W01)" = "A6 A7" ]
	[ "$(xids --created 2025-W52)" = "A5" ]
	[ "$(xids --created 2026-W52)" = "A1" ]
	# calendar years are not ISO years: A3 is in 2026-W53 and in 2027
	[ "$(xids --created 2026)" = "A1 A2 A7" ]
	[ "$(xids --created 2027)" = "A3 A4" ]
	# the report of W53 against W52 (A1): 2 vs 1 = +100.00; 2027-W01
	# against W53: 1 vs 2 = -50.00; 2026-W01 against 2025-W52: 2 vs 1
	[ "$(created 2026-W53)" = "tickets,created,,2,1,100.00" ]
	[ "$(created 2027-W01)" = "tickets,created,,1,2,-50.00" ]
	[ "$(created 2026-W01)" = "tickets,created,,2,1,100.00" ]
}

@test "--yoy of 2026-W53 is 2025-W52 (2025 has no week 53), as cs-report(1) documents" {
	week53
	# cs-report(1): "week 53 becomes the last week of a year that has 52"
	man -l "$BATS_TEST_DIRNAME/../../share/man/cs-report.1" 2>/dev/null |
	    col -b | tr -s ' \n' '  ' | grep -q 'week 53 becomes the last week of a year that has 52'
	# 2026-W53: A2 A3 = 2; previous 2026-W52: A1 = 1; 2025-W52: A5 = 1
	run cs-report 2026-W53 --yoy -f csv -s tickets
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "section,metric,key,value,previous,change_pct,yoy,yoy_change_pct" ]
	[ "${lines[1]}" = "tickets,created,,2,1,100.00,1,100.00" ]
	# 2027-W01: A4 = 1; previous 2026-W53 = 2 (-50.00); a year earlier
	# 2026-W01: A6 A7 = 2 (-50.00)
	[ "$(created 2027-W01 --yoy)" = "tickets,created,,1,2,-50.00,2,-50.00" ]
}

@test "a period that is none is a usage error naming it, in every command that takes a period" {
	staff_and_customers
	sum=$(dbsum)
	for p in 2026-W54 2025-W53 2026-W00 2026-W1 2026-13 2026-00 2026-Q5 \
	    2026-Q0 2026-02-29 2026-11-31 2026-11-15..2026-11-01 last-fortnight; do
		for c in "cs-report" "cs-report scorecard" "cs-revisit summary" \
		    "cs-ticket sample -n 1" "cs-kb gaps" "cs-ticket list --created" \
		    "cs-ticket list --resolved"; do
			run $c "$p" -f csv
			echo "# $c $p: $status $output"
			[ "$status" -eq 2 ]
			[[ $output == *"$p"* ]]
		done
	done
	# and the ones that exist are no error: 2026 has 53 weeks, 2028 is a
	# leap year
	for p in 2026-W53 2028-02-29 2026-w53 2026-q1; do
		for c in "cs-report" "cs-report scorecard" "cs-revisit summary" \
		    "cs-ticket sample -n 1" "cs-kb gaps" "cs-ticket list --created"; do
			run $c "$p" -f csv
			echo "# $c $p: $status $output"
			[ "$status" -eq 0 ]
		done
	done
	[ "$(dbsum)" = "$sum" ]
}

@test "relative period words on Monday 00:00, Sunday 23:59:59 and in the first days of January" {
	staff_and_customers
	tix <<'CSV'
external_id,customer,type,created_at
w46end,C001,consult,2026-11-15T23:59:59
w47start,C001,consult,2026-11-16T00:00:00
w47end,C001,consult,2026-11-22T23:59:59
w48start,C001,consult,2026-11-23T00:00:00
sep30,C001,consult,2026-09-30T23:59:59
oct1,C001,consult,2026-10-01T00:00:00
dec1,C001,consult,2026-12-01T00:00:00
w52,C001,consult,2026-12-27T12:00:00
w53start,C001,consult,2026-12-28T00:00:00
dec31,C001,consult,2026-12-31T23:59:59
jan1,C001,consult,2027-01-01T00:00:00
jan3,C001,consult,2027-01-03T23:59:59
jan4,C001,consult,2027-01-04T00:00:00
y2025,C001,consult,2025-12-31T23:59:59
CSV
	# Monday 2026-11-23 00:00: this-week W48, last-week W47
	[ "$(xids --created this-week --now 2026-11-23T00:00)" = "w48start" ]
	[ "$(xids --created last-week --now 2026-11-23T00:00)" = "w47start w47end" ]
	# Sunday 2026-11-22 23:59:59: still W47; last-week is W46
	[ "$(xids --created this-week --now 2026-11-22T23:59:59)" = "w47start w47end" ]
	[ "$(xids --created last-week --now 2026-11-22T23:59:59)" = "w46end" ]
	# Saturday 2027-01-02 is in 2026-W53: last-week is 2026-W52
	n=2027-01-02T10:00
	[ "$(xids --created this-week --now $n)" = "w53start dec31 jan1 jan3" ]
	[ "$(xids --created last-week --now $n)" = "w52" ]
	[ "$(xids --created last-month --now $n)" = "dec1 w52 w53start dec31" ]
	[ "$(xids --created last-quarter --now $n)" = "w46end w47start w47end w48start oct1 dec1 w52 w53start dec31" ]
	[ "$(xids --created last-year --now $n)" = "w46end w47start w47end w48start sep30 oct1 dec1 w52 w53start dec31" ]
	[ "$(xids --created this-year --now $n)" = "jan1 jan3 jan4" ]
	[ "$(xids --created yesterday --now $n)" = "jan1" ]
	# Monday 2027-01-04 00:00: last-week is 2026-W53, across the year
	[ "$(xids --created last-week --now 2027-01-04T00:00)" = "w53start dec31 jan1 jan3" ]
	[ "$(xids --created today --now 2027-01-04T00:00)" = "jan4" ]
	# weekly is the last complete week: W53 on that Monday
	[ "$(cs-report weekly --now 2027-01-04T00:00 -f csv)" = "$(cs-report 2026-W53 -f csv)" ]
	# --now with an offset is the same instant seen in TZ: 2027-01-03
	# 20:00 in New York is Monday 09:00 in Shanghai
	[ "$(xids --created last-week --now 2027-01-03T20:00:00-05:00)" = "w53start dec31 jan1 jan3" ]
}

@test "环比 and 同比: a month after a 31-day month, March against a leap February, Q1 against Q4, February 29" {
	staff_and_customers
	tix <<'CSV'
external_id,customer,type,created_at
T01,C001,consult,2026-01-29T12:00
T02,C001,consult,2026-01-30T00:00
T03,C001,consult,2026-01-31T23:59:59
T04,C001,consult,2026-02-01T00:00
T05,C001,consult,2026-02-28T23:59:59
T06,C001,consult,2026-03-01T00:00
T07,C001,consult,2026-03-31T23:59:59
T08,C001,consult,2026-10-01T00:00
T09,C001,consult,2026-10-31T23:59:59
T10,C001,consult,2026-11-30T23:59:59
T11,C001,consult,2027-02-28T12:00
T12,C001,consult,2028-02-28T12:00
T13,C001,consult,2028-02-29T00:00
T14,C001,consult,2028-02-29T23:59:59
T15,C001,consult,2028-03-01T00:00
T16,C001,consult,2027-03-01T00:00
CSV
	# 2026-11: T10 = 1; 2026-10 (31 days): T08 T09 = 2 -> -50.00;
	# 2025-11: 0 -> no change
	[ "$(created 2026-11 --yoy)" = "tickets,created,,1,2,-50.00,0," ]
	# 2026-03: T06 T07 = 2; 2026-02 (28 days): T04 T05 = 2 -> 0.00
	[ "$(created 2026-03)" = "tickets,created,,2,2,0.00" ]
	# 2028-03: T15 = 1; 2028-02 (29 days): T12 T13 T14 = 3 -> -66.67;
	# 2027-03: T16 = 1 -> 0.00
	[ "$(created 2028-03 --yoy)" = "tickets,created,,1,3,-66.67,1,0.00" ]
	# the day 2028-03-01: the day before is 2028-02-29 (T13 T14)
	[ "$(created 2028-03-01 --yoy)" = "tickets,created,,1,2,-50.00,1,0.00" ]
	# 2028-02-29 a year earlier is 2027-02-28 (T11); the day before is
	# 2028-02-28 (T12)
	[ "$(created 2028-02-29 --yoy)" = "tickets,created,,2,1,100.00,1,100.00" ]
	# 2027-Q1: T11 T16 = 2; 2026-Q4: T08 T09 T10 = 3 -> -33.33;
	# 2026-Q1: T01..T07 = 7 -> (2 - 7) / 7 = -71.43
	[ "$(created 2027-Q1 --yoy)" = "tickets,created,,2,3,-33.33,7,-71.43" ]
	# a range of 30 days, 2026-03-01..2026-03-31: T06 (T07 is on its end
	# day, out); the 30 days before, [01-30, 03-01): T02..T05 = 4
	[ "$(created 2026-03-01..2026-03-31)" = "tickets,created,,1,4,-75.00" ]
}

@test "--from and --to are half-open: a ticket at the start is in, one at the end is out" {
	staff_and_customers
	tix <<'CSV'
external_id,customer,type,created_at
B1,C001,consult,2026-11-01T00:00:00
B2,C001,consult,2026-11-15T23:59:59
B3,C001,consult,2026-11-16T00:00:00
B4,C001,consult,2026-10-31T23:59:59
B5,C001,consult,2026-10-17T00:00:00
B6,C001,consult,2026-10-16T23:59:59
CSV
	# [11-01, 11-16): B1 B2; the 15 days before, [10-17, 11-01): B4 B5
	[ "$(created --from 2026-11-01 --to 2026-11-16)" = "tickets,created,,2,2,0.00" ]
	[ "$(created 2026-11-01..2026-11-16)" = "tickets,created,,2,2,0.00" ]
	[ "$(xids --created 2026-11-01..2026-11-16)" = "B1 B2" ]
	# the same days told relative to 2026-11-16
	[ "$(created --from -15d --to today --now 2026-11-16T09:00)" = "tickets,created,,2,2,0.00" ]
	[ "$(xids --created -15d..today --now 2026-11-16T09:00)" = "B1 B2" ]
	# an empty range or one that ends before it starts is a usage error
	run cs-report --from 2026-11-16 --to 2026-11-16 -f csv
	[ "$status" -eq 2 ]
	run cs-revisit summary --from 2026-11-16 --to 2026-11-01 -f csv
	[ "$status" -eq 2 ]
}

@test "an impossible --from date is reported as not a date, not as a range in the wrong order" {
	staff_and_customers
	# cs(7): messages say "what went wrong"; 2026-02-30 is no date, and
	# 2026-03-10 would be later than any day of February.  Other options
	# say "--due: not a date (2026-02-30)".
	for c in "cs-report" "cs-report scorecard" "cs-revisit summary" \
	    "cs-ticket sample -n 1" "cs-kb gaps"; do
		run $c --from 2026-02-30 --to 2026-03-10 -f csv
		echo "# $c: $status $output"
		[ "$status" -eq 2 ]
		[[ $output == *"not a date"* ]]
		[[ $output != *"must be later"* ]]
	done
	run cs-report --from +3x --to today -f csv
	echo "# $output"
	[ "$status" -eq 2 ]
	[[ $output == *"not a date"* ]]
}

@test "pend --until: today, yesterday, tomorrow, +3d, -2w, +1m and plain dates; junk is a usage error" {
	staff_and_customers
	id=$(cs-ticket new C001 -t consult)
	cs-ticket start "$id"
	until_is() {
		cs-ticket start "$id" 2>/dev/null || true
		cs-ticket pend --until "$1" "$id"
		[ "$(cs-ticket show "$id" -f csv | grep '^ticket,pending_until,' | cut -d, -f3)" = "$2" ]
	}
	# now 2026-11-24T09:00 in Shanghai; a date is its midnight
	until_is today 2026-11-24T00:00:00+08:00
	until_is yesterday 2026-11-23T00:00:00+08:00
	until_is tomorrow 2026-11-25T00:00:00+08:00
	until_is +3d 2026-11-27T00:00:00+08:00
	until_is -2w 2026-11-10T00:00:00+08:00
	until_is +1m 2026-12-24T00:00:00+08:00
	until_is -1y 2025-11-24T00:00:00+08:00
	until_is 2026-12-01 2026-12-01T00:00:00+08:00
	until_is '2026-12-01 10:30' 2026-12-01T10:30:00+08:00
	until_is ＋３ｄ 2026-11-27T00:00:00+08:00
	# a month step keeps the day, or the last day of a shorter month
	until_is_at() {
		cs-ticket start "$id" 2>/dev/null || true
		cs-ticket pend --now "$1" --until "$2" "$id"
		[ "$(cs-ticket show "$id" -f csv | grep '^ticket,pending_until,' | cut -d, -f3)" = "$3" ]
	}
	until_is_at 2026-01-31T10:00 +1m 2026-02-28T00:00:00+08:00
	until_is_at 2028-01-31T10:00 +1m 2028-02-29T00:00:00+08:00
	until_is_at 2028-02-29T10:00 -1y 2027-02-28T00:00:00+08:00
	until_is_at 2026-03-31T10:00 -1m 2026-02-28T00:00:00+08:00
	until_is_at 2026-12-31T10:00 +2m 2027-02-28T00:00:00+08:00
	cs-ticket start "$id"
	sum=$(dbsum)
	for d in 7d +3x +3D '+ 3d' +3 2026-02-30 2026-2-3 2026-11-24T24:00; do
		run cs-ticket pend --until "$d" "$id"
		echo "# $d: $status $output"
		[ "$status" -eq 2 ]
		[[ $output == *"--until: not a date ($d)"* ]]
	done
	[ "$(dbsum)" = "$sum" ]
}

@test "relative dates in cs-agent leave, cs-revisit plan --due and list --due; junk refused with exit 2" {
	staff_and_customers
	# leave --to is the last day, included: yesterday..tomorrow covers
	# 11-23..11-25, so li.na is on leave today
	cs-agent leave li.na --from yesterday --to tomorrow >/dev/null
	cs-agent leave wang.wei --from +3d --to +1w >/dev/null
	[ "$(q "SELECT login || ' ' || first_day || ' ' || last_day FROM v_agent_leave ORDER BY id" | paste -sd'|' -)" = "li.na 2026-11-23 2026-11-25|wang.wei 2026-11-27 2026-12-01" ]
	[ "$(cs-agent list -f csv | grep '^li.na,' | cut -d, -f9)" = yes ]
	[ "$(cs-agent list -f csv | grep '^wang.wei,' | cut -d, -f9)" = no ]
	[ "$(cs-agent list -f csv --now 2026-11-27T00:00 | grep '^wang.wei,' | cut -d, -f9)" = yes ]
	# plan --due +3d: 2026-11-27
	run --separate-stderr cs-revisit plan -r 回访 --due +3d -n -f csv - <<<$'code\nC001'
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "1,,回访,2026,2026-11-27" ]
	sum=$(dbsum)
	for d in +3x 7d 2026-02-30 2026-2-3 2026-11-24T10:00; do
		for c in "cs-agent leave li.na --to +9d --from" \
		    "cs-revisit list --due" "cs-revisit assign -n --due"; do
			run $c "$d"
			echo "# $c $d: $status $output"
			[ "$status" -eq 2 ]
			[[ $output == *"--"*": not a date"*"$d"* ]]
		done
		run cs-revisit plan -r x -n --due "$d" - <<<$'code\nC001'
		echo "# plan --due $d: $status $output"
		[ "$status" -eq 2 ]
		[[ $output == *"--due: not a date ($d)"* ]]
	done
	[ "$(dbsum)" = "$sum" ]
}

@test "--now: a date alone is local midnight, an offset is exact; junk, 24:00 and relative words are usage errors" {
	staff_and_customers
	a=$(cs-ticket new C001 -t consult --now 2026-11-24)
	b=$(cs-ticket new C001 -t consult --now 2026-11-24T01:00:00Z)
	c=$(TZ=America/New_York cs-ticket new C001 -t consult --now 2026-11-24T09:00)
	[ "$(cs-ticket show "$a" -f csv | grep '^ticket,created_at,')" = "ticket,created_at,2026-11-24T00:00:00+08:00" ]
	[ "$(cs-ticket show "$b" -f csv | grep '^ticket,created_at,')" = "ticket,created_at,2026-11-24T09:00:00+08:00" ]
	# 09:00 in New York (EST, -05:00) is 22:00 in Shanghai
	[ "$(cs-ticket show "$c" -f csv | grep '^ticket,created_at,')" = "ticket,created_at,2026-11-24T22:00:00+08:00" ]
	# the same with CS_NOW
	d=$(CS_NOW=2026-11-20 cs-ticket new C001 -t consult)
	[ "$(cs-ticket show "$d" -f csv | grep '^ticket,created_at,')" = "ticket,created_at,2026-11-20T00:00:00+08:00" ]
	sum=$(dbsum)
	for n in junk 2026-02-30 2026-11-24T24:00 tomorrow +3d ''; do
		run cs-ticket new C001 -t consult --now "$n"
		echo "# '$n': $status $output"
		[ "$status" -eq 2 ]
		[[ $output == *"--now: not a time '$n'"* ]]
	done
	[ "$(dbsum)" = "$sum" ]
}

@test "a bad CS_NOW is reported on stderr and the system clock is used" {
	staff_and_customers
	run --separate-stderr env CS_NOW=2026-02-30T10:00 cs-ticket new C001 -t consult
	[ "$status" -eq 0 ]
	[[ $stderr == *"CS_NOW"*"2026-02-30T10:00"* ]]
	id=$output
	[ "$(cs-ticket show "$id" -f csv | grep '^ticket,created_at,' | cut -c19-28)" = "$(date +%F)" ]
}

@test "import: the same instant in every spelling cs(7) allows, stored once in UTC" {
	staff_and_customers
	# 2026-11-24 09:00 in Shanghai = 01:00 UTC = 1795482000
	tix <<'CSV'
external_id,customer,type,created_at
I1,C001,consult,2026-11-24T09:00:00+08:00
I2,C001,consult,2026-11-24T01:00:00Z
I3,C001,consult,2026-11-24 09:00:00
I4,C001,consult,2026-11-24T09:00
I5,C001,consult,2026-11-24T09:00+0800
I6,C001,consult,2026-11-24T09:00+08
I7,C001,consult,2026-11-24T09:00:00.000
I8,C001,consult,2026-11-23T20:00:00-05:00
I9,C001,consult,２０２６－１１－２４　０９：００
CSV
	[ "$(q 'SELECT count(*) FROM ticket')" = 9 ]
	[ "$(q 'SELECT group_concat(DISTINCT created_at) FROM ticket')" = 1795482000 ]
	[ "$(cs-ticket list -f csv --no-header | cut -d, -f13 | sort -u)" = "2026-11-24T09:00:00+08:00" ]
	# shown in the zone of TZ, with its offset
	[ "$(TZ=UTC cs-ticket list -f csv --no-header | cut -d, -f13 | sort -u)" = "2026-11-24T01:00:00+00:00" ]
	[ "$(TZ=America/New_York cs-ticket list -f csv --no-header | cut -d, -f13 | sort -u)" = "2026-11-23T20:00:00-05:00" ]
	# the views are local time without an offset
	[ "$(TZ=America/New_York sqlite3 "$CS_DB" 'SELECT DISTINCT created_at FROM v_tickets')" = "2026-11-23T20:00:00" ]
}

@test "import: a time without an offset is local to TZ at import; what Excel writes is refused with its place" {
	staff_and_customers
	printf 'external_id,customer,type,created_at\nN1,C001,consult,2026-11-24T09:00\n' > "$T/ny.csv"
	TZ=America/New_York cs-ticket import "$T/ny.csv" 2>/dev/null
	# 09:00 EST = 14:00 UTC = 1795528800
	[ "$(q "SELECT created_at FROM ticket WHERE external_id = 'N1'")" = 1795528800 ]
	[ "$(cs-ticket list -f csv --no-header | cut -d, -f13)" = "2026-11-24T22:00:00+08:00" ]
	# ticket import takes ISO 8601 only (cs-ticket(1)); 2026/11/24 9:00,
	# as Excel shows a date and time, is refused with FILE:LINE: column
	# and the value, and nothing is written
	sum=$(dbsum)
	for v in '2026/11/24 9:00' '2026-11-24 9:00' '2026-11-24T09' '2026-11-24T09:00:60'; do
		printf 'external_id,customer,type,created_at\nX1,C001,consult,2026-11-24T10:00\nX2,C001,consult,%s\n' "$v" > "$T/x.csv"
		run cs-ticket import "$T/x.csv"
		echo "# $v: $status $output"
		[ "$status" -eq 65 ]
		[[ ${lines[0]} == "cs-ticket: $T/x.csv:3: created_at: not a time"*"($v)" ]]
	done
	[ "$(dbsum)" = "$sum" ]
}

@test "import: a resolution, response or close before its creation is refused naming line, column and value" {
	staff_and_customers
	sum=$(dbsum)
	printf 'external_id,customer,type,created_at,resolved_at\nX1,C001,consult,2026-11-24T09:00,2026-11-24T10:00\nX2,C001,consult,2026-11-24T09:00,2026-11-24T08:59:59\n' > "$T/r.csv"
	run cs-ticket import "$T/r.csv"
	[ "$status" -eq 65 ]
	[ "${lines[0]}" = "cs-ticket: $T/r.csv:3: resolved_at: before created_at (2026-11-24T08:59:59)" ]
	# an offset counts: 00:30 UTC is 08:30 in Shanghai, before 09:00
	printf 'external_id,customer,type,created_at,first_response_at\nX1,C001,consult,2026-11-24T09:00,2026-11-24T00:30:00Z\n' > "$T/f.csv"
	run cs-ticket import "$T/f.csv"
	[ "$status" -eq 65 ]
	[[ ${lines[0]} == "cs-ticket: $T/f.csv:2: first_response_at: "*"(2026-11-24T00:30:00Z)" ]]
	printf 'external_id,customer,type,created_at,resolved_at,closed_at\nX1,C001,consult,2026-11-24T09:00,2026-11-24T10:00,2026-11-24T09:30\n' > "$T/c.csv"
	run cs-ticket import "$T/c.csv"
	[ "$status" -eq 65 ]
	[[ ${lines[0]} == "cs-ticket: $T/c.csv:2: closed_at: "*"(2026-11-24T09:30)" ]]
	[ "$(dbsum)" = "$sum" ]
}

@test "import: times are kept to the second, so a first response in the same second as the creation is not before it" {
	staff_and_customers
	# cs(7): "Times are kept to the second: a fraction is dropped as it
	# is read, so two times in the same second are equal"
	printf 'external_id,customer,type,created_at,first_response_at,resolved_at\nX1,C001,consult,2026-11-24T09:00:00.9,2026-11-24T09:00:00.4,2026-11-24T09:00:00.5\n' > "$T/f.csv"
	run cs-ticket import "$T/f.csv"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT created_at || ' ' || first_response_at || ' ' || resolved_at FROM v_tickets")" = "2026-11-24T09:00:00 2026-11-24T09:00:00 2026-11-24T09:00:00" ]
	# a whole second before is before
	sum=$(dbsum)
	printf 'external_id,customer,type,created_at,first_response_at\nX2,C001,consult,2026-11-24T09:00:01.2,2026-11-24T09:00:00.9\n' > "$T/g.csv"
	run cs-ticket import "$T/g.csv"
	[ "$status" -eq 65 ]
	[[ $output == *"$T/g.csv:2: first_response_at: "* ]]
	[ "$(dbsum)" = "$sum" ]
}

@test "New York: a day of 23 or 25 hours is one period; hours are real hours; times keep their offset" {
	staff_and_customers
	# 2026-03-08: clocks go 02:00 EST -> 03:00 EDT (23 hours);
	# 2026-11-01: 02:00 EDT -> 01:00 EST (25 hours)
	tix <<'CSV'
external_id,customer,type,created_at,resolved_at
m7late,C001,consult,2026-03-07T23:59:59-05:00,
m8start,C001,consult,2026-03-08T00:00:00-05:00,2026-03-08T03:00:00-04:00
m8late,C001,consult,2026-03-08T23:59:59-04:00,
m9start,C001,consult,2026-03-09T00:00:00-04:00,
n1start,C001,consult,2026-11-01T00:00:00-04:00,2026-11-01T01:30:00-05:00
n1rep,C001,consult,2026-11-01T01:30:00-04:00,
n1late,C001,consult,2026-11-01T23:59:59-05:00,
n2start,C001,consult,2026-11-02T00:00:00-05:00,
CSV
	export TZ=America/New_York
	[ "$(xids --created 2026-03-08)" = "m8start m8late" ]
	[ "$(xids --created 2026-11-01)" = "n1start n1rep n1late" ]
	[ "$(xids --created 2026-03-08..2026-03-09)" = "m8start m8late" ]
	# m8start: 05:00Z to 07:00Z = 2 real hours (not 3 by the clock);
	# 2026-03-07 had m7late: 2 vs 1 = +100.00
	run cs-report 2026-03-08 -f csv -s tickets
	[[ $output == *$'\n'"tickets,created,,2,1,100.00"$'\n'* ]]
	[[ $output == *$'\n'"tickets,resolution_median_h,,2.00,,"$'\n'* ]]
	# n1start: 04:00Z to 06:30Z = 2.5 real hours (1.5 by the clock)
	run cs-report 2026-11-01 -f csv -s tickets
	[[ $output == *$'\n'"tickets,created,,3,0,"$'\n'* ]]
	[[ $output == *$'\n'"tickets,resolution_median_h,,2.50,,"$'\n'* ]]
	# ISO 8601 with the offset in force at each instant
	[ "$(cs-ticket list -f csv | grep -E '^[0-9]+,(m7late|m8start|n1rep|n1late),' | cut -d, -f13,15 | paste -sd' ' -)" = "2026-03-07T23:59:59-05:00, 2026-03-08T00:00:00-05:00,2026-03-08T03:00:00-04:00 2026-11-01T01:30:00-04:00, 2026-11-01T23:59:59-05:00," ]
}

@test "the same tickets are counted by the local day of TZ: Shanghai and UTC differ" {
	staff_and_customers
	# U1 2026-11-23 07:00 +08 = 11-22 23:00Z: W48 in Shanghai, W47 in UTC
	# U2 2026-11-29 23:30 +08 = 11-29 15:30Z: W48 in both
	# U3 2026-11-30 07:00 +08 = 11-29 23:00Z: W49 in Shanghai, W48 in UTC
	tix <<'CSV'
external_id,customer,type,created_at
U1,C001,consult,2026-11-23T07:00:00+08:00
U2,C001,consult,2026-11-29T23:30:00+08:00
U3,C001,consult,2026-11-30T07:00:00+08:00
CSV
	[ "$(xids --created 2026-W48)" = "U1 U2" ]
	[ "$(TZ=UTC xids --created 2026-W48)" = "U2 U3" ]
	[ "$(created 2026-11-23)" = "tickets,created,,1,0," ]
	[ "$(TZ=UTC created 2026-11-23)" = "tickets,created,,0,1,-100.00" ]
	# the stored values do not move with TZ
	[ "$(q 'SELECT group_concat(created_at) FROM ticket')" = "$(TZ=UTC sqlite3 "$CS_DB" 'SELECT group_concat(created_at) FROM ticket')" ]
}

@test "Havana: where midnight is skipped the day starts at 01:00, for periods, dates and a date alone" {
	staff_and_customers
	export TZ=America/Havana
	# 2026-03-08: 23:59:59 CST (-05) is followed by 01:00 CDT (-04)
	tix <<'CSV'
external_id,customer,type,created_at
h7late,C001,consult,2026-03-07T23:59:59-05:00
h8first,C001,consult,2026-03-08T01:00:00-04:00
h8late,C001,consult,2026-03-08T23:59:59-04:00
h8date,C001,consult,2026-03-08
CSV
	[ "$(xids --created 2026-03-07)" = "h7late" ]
	[ "$(xids --created 2026-03-08)" = "h8first h8late h8date" ]
	[ "$(xids --created today --now 2026-03-08T12:00)" = "h8first h8late h8date" ]
	# a date alone is the first instant of its day
	[ "$(cs-ticket list -f csv | grep ',h8date,' | cut -d, -f13)" = "2026-03-08T01:00:00-04:00" ]
	[ "$(created 2026-03-08)" = "tickets,created,,3,1,200.00" ]
}

# Resolution times through two weeks, built so that the report's rules
# (median of an even count, nearest-rank p90, half away from zero) each
# give another figure than the usual shortcuts would.
report_fixture() {
	staff_and_customers
	tix <<'CSV'
external_id,customer,type,created_at,resolved_at
N10a,C001,consult,2026-11-23T00:30:00,2026-11-23T01:00:00
N10b,C001,consult,2026-11-23T00:00:00,2026-11-23T01:00:00
N10c,C001,consult,2026-11-23T00:00:00,2026-11-23T01:00:00
N10d,C001,consult,2026-11-23T00:00:00,2026-11-23T01:00:00
N10e,C001,consult,2026-11-23T00:00:00,2026-11-23T01:00:00
N10f,C001,consult,2026-11-22T22:59:24,2026-11-23T01:00:00
N10g,C001,consult,2026-11-22T22:59:24,2026-11-23T01:00:00
N10h,C001,consult,2026-11-22T22:59:24,2026-11-23T01:00:00
N10i,C001,consult,2026-11-22T15:00:00,2026-11-23T01:00:00
N10j,C001,consult,2026-11-18T21:00:00,2026-11-23T01:00:00
N11a,C001,consult,2026-11-30T01:00:00,2026-11-30T02:00:00
N11b,C001,consult,2026-11-30T01:00:00,2026-11-30T02:00:00
N11c,C001,consult,2026-11-30T01:00:00,2026-11-30T02:00:00
N11d,C001,consult,2026-11-30T01:00:00,2026-11-30T02:00:00
N11e,C001,consult,2026-11-30T01:00:00,2026-11-30T02:00:00
N11f,C001,consult,2026-11-30T00:00:00,2026-11-30T02:00:00
N11g,C001,consult,2026-11-30T00:00:00,2026-11-30T02:00:00
N11h,C001,consult,2026-11-30T00:00:00,2026-11-30T02:00:00
N11i,C001,consult,2026-11-29T16:00:00,2026-11-30T02:00:00
N11j,C001,consult,2026-11-29T05:59:42,2026-11-30T02:00:00
N11k,C001,consult,2026-11-25T22:00:00,2026-11-30T02:00:00
CSV
}

@test "report W48: N=10 resolved across the boundary, median of an even count rounded half away, p90 nearest rank" {
	report_fixture
	# W48 [11-23, 11-30) resolves N10a..j (five of them created in W47):
	# hours 0.5, 1, 1, 1, 1, 2.01 (7236 s) x3, 10, 100.  Median = (1 h +
	# 7236 s) / 2 = 5418 s = 1.505 h -> 1.51 (half away from zero; a
	# double prints 1.50).  p90 = the ceil(0.9 * 10) = 9th = 10.00
	# (interpolation would give 19.00).
	# created in W48: N10a..e, N11i, N11j, N11k = 8; in W47: N10f..j = 5.
	# backlog at 11-30 00:00: N11i N11j N11k = 3; at 11-23: N10f..j = 5.
	run cs-report 2026-W48 -f csv -s tickets
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/w48.csv"
	has_row "tickets,created,,8,5,60.00" "$T/w48.csv"
	has_row "tickets,resolved,,10,0," "$T/w48.csv"
	has_row "tickets,backlog,,3,5,-40.00" "$T/w48.csv"
	has_row "tickets,resolution_median_h,,1.51,," "$T/w48.csv"
	has_row "tickets,resolution_p90_h,,10.00,," "$T/w48.csv"
	# no first response at all: empty, never 0
	has_row "tickets,first_response_median_h,,,," "$T/w48.csv"
	has_row "tickets,reopen_rate,,0.00,," "$T/w48.csv"
}

@test "report W49: N=11, p90 is the 10th value (ceil 9.9), 20.005 h rounds to 20.01; change from the shown figures" {
	report_fixture
	# W49 resolves N11a..k: hours 1 x5, 2 x3, 10, 20.005 (72018 s), 100.
	# Median the 6th = 2.00.  p90 = the ceil(0.9 * 11) = 10th = 20.005 ->
	# 20.01 (floor(9.9) would take 10.00; a double prints 20.00).
	# Change against W48: (2.00 - 1.51) / 1.51 = 32.450 -> 32.45;
	# (20.01 - 10.00) / 10.00 = 100.10; resolved 11 vs 10 = 10.00.
	run cs-report 2026-W49 -f csv -s tickets
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/w49.csv"
	has_row "tickets,created,,8,8,0.00" "$T/w49.csv"
	has_row "tickets,resolved,,11,10,10.00" "$T/w49.csv"
	has_row "tickets,backlog,,0,3,-100.00" "$T/w49.csv"
	has_row "tickets,resolution_median_h,,2.00,1.51,32.45" "$T/w49.csv"
	has_row "tickets,resolution_p90_h,,20.01,10.00,100.10" "$T/w49.csv"
	# the month holds all 21: sorted 0.5, 1 x9, 2 x3, 2.01 x3, 10 x2,
	# 20.005, 100 x2; the median is the 11th = 2.00 and the p90 the
	# ceil(18.9) = 19th = 20.005 -> 20.01
	run cs-report 2026-11 -f csv -s tickets
	printf '%s\n' "$output" > "$T/m.csv"
	has_row "tickets,resolution_median_h,,2.00,," "$T/m.csv"
	has_row "tickets,resolution_p90_h,,20.01,," "$T/m.csv"
}

@test "change_pct of -3.125 and +3.125 rounds half away from zero" {
	staff_and_customers
	# W47 P: first response 19m12s = 1152 s = 0.32 h; resolution the same.
	# W48 V: first response 18m36s = 1116 s = 0.31 h; resolution 19m48s =
	# 1188 s = 0.33 h.  (0.31 - 0.32) / 0.32 = -3.125 % -> -3.13;
	# (0.33 - 0.32) / 0.32 = +3.125 % -> 3.13.
	tix <<'CSV'
external_id,customer,type,created_at,first_response_at,resolved_at
P,C001,consult,2026-11-17T10:00:00,2026-11-17T10:19:12,2026-11-17T10:19:12
V,C001,consult,2026-11-24T10:00:00,2026-11-24T10:18:36,2026-11-24T10:19:48
CSV
	run cs-report 2026-W48 -f csv -s tickets
	printf '%s\n' "$output" > "$T/r.csv"
	has_row "tickets,first_response_median_h,,0.31,0.32,-3.13" "$T/r.csv"
	has_row "tickets,resolution_median_h,,0.33,0.32,3.13" "$T/r.csv"
}

# The tickets of the HTML chart by day: "TYPE DAY: N" from its <title>s.
chart_days() {
	cs-report "$@" -f html | grep -o '<title>[^<]*: [0-9]*</title>' |
	    sed 's/<[^>]*>//g' | paste -sd';' -
}

@test "html: a 62-day range has a bar a day in New York too, although it holds the 25-hour day" {
	staff_and_customers
	tix <<'CSV'
external_id,customer,type,created_at
G1,C001,consult,2026-10-05T10:00
G2,C001,consult,2026-11-20T10:00
CSV
	# 2026-10-01..2026-12-02 is 31 + 30 + 1 = 62 days: cs-report(1) draws
	# a bar a day, a bar a week only "in a period longer than 62 days"
	[ "$(chart_days 2026-10-01..2026-12-02)" = "consult 2026-10-05: 1;consult 2026-11-20: 1" ]
	# in New York the range also holds 2026-11-01, a day of 25 hours;
	# it is still 62 days
	# (the tickets were made at 10:00 in Shanghai: 22:00 and 21:00 the
	# day before in New York)
	[ "$(TZ=America/New_York chart_days 2026-10-01..2026-12-02)" = "consult 2026-10-04: 1;consult 2026-11-19: 1" ]
}

@test "html: a 200-day range has a bar a week in New York too, under each week's Monday" {
	staff_and_customers
	tix <<'CSV'
external_id,customer,type,created_at
G1,C001,consult,2026-10-05T10:00
G2,C001,consult,2026-11-20T10:00
CSV
	# 2026-07-01..2027-01-17 is 200 days: a bar a week (a month only when
	# longer than 200 days); 2026-11-20 is a Friday, its Monday 11-16
	[ "$(chart_days 2026-07-01..2027-01-17)" = "consult 2026-10-05: 1;consult 2026-11-16: 1" ]
	# in New York the first is Sunday 10-04, under Monday 09-28
	[ "$(TZ=America/New_York chart_days 2026-07-01..2027-01-17)" = "consult 2026-09-28: 1;consult 2026-11-16: 1" ]
}

@test "kb list --stale 7d after the fall-back: an article last changed 7 days 30 minutes ago is stale" {
	export TZ=America/New_York
	cs-kb add --title 退货流程 --body x --now 2026-11-01T10:30 >/dev/null
	cs-kb add --title 发票 --body y --now 2026-11-01T11:30 >/dev/null
	cs-kb add --title 物流 --body z --now 2026-11-01T12:30 >/dev/null
	# now Sunday 2026-11-08 12:00 EST.  "Only those not updated for age":
	# 10:30 and 11:30 EST on 11-01 (after the 02:00 change, so EST too)
	# are 7 days 1 h 30 min and 7 days 30 min ago; 12:30 is 6 days 23 h
	# 30 min ago.
	run cs-kb list --stale 7d --now 2026-11-08T12:00 -f csv --no-header
	echo "$output"
	[ "$(echo "$output" | cut -d, -f2 | paste -sd' ' -)" = "退货流程 发票" ]
}

@test "kb list --stale 7d after the spring-forward: an article changed 6 days 23.5 hours ago is not stale" {
	export TZ=America/New_York
	cs-kb add --title 退货流程 --body x --now 2026-03-08T11:30 >/dev/null
	cs-kb add --title 发票 --body y --now 2026-03-08T12:30 >/dev/null
	# now 2026-03-15 12:00 EDT; both articles are EDT (after 03:00 on
	# 03-08): 7 days 30 min and 6 days 23 h 30 min ago
	run cs-kb list --stale 7d --now 2026-03-15T12:00 -f csv --no-header
	echo "$output"
	[ "$(echo "$output" | cut -d, -f2 | paste -sd' ' -)" = "退货流程" ]
	# the same in Shanghai, without DST, is right
	export TZ=Asia/Shanghai
	rm -f "$CS_DB"*
	cs-kb add --title 退货流程 --body x --now 2026-03-08T11:30 >/dev/null
	cs-kb add --title 发票 --body y --now 2026-03-08T12:30 >/dev/null
	[ "$(cs-kb list --stale 7d --now 2026-03-15T12:00 -f csv --no-header | cut -d, -f2 | paste -sd' ' -)" = "退货流程" ]
}

@test "overdue --soon: a target due exactly the duration from now is in, for 0s too" {
	staff_and_customers
	cs-ticket sla set consult normal --first-response 1h --resolution 2h --calendar 24x7
	# created 07:00: first response due 08:00 (1 h past at 09:00),
	# resolution due 09:00, exactly now
	cs-ticket new C001 -t consult --now 2026-11-24T07:00 >/dev/null
	# without --soon, a target is listed once past, not at its instant
	run cs-ticket overdue -f csv --no-header
	[ "$output" = "1,1,王芳,,normal,,first_response,2026-11-24T08:00:00+08:00,1.00" ]
	run cs-ticket overdue --soon 1s -f csv --no-header
	[ "${lines[1]}" = "1,1,王芳,,normal,,resolution,2026-11-24T09:00:00+08:00,0.00" ]
	# "one due exactly two hours from now included": with --soon 0s, one
	# due exactly now
	run cs-ticket overdue --soon 0s -f csv --no-header
	echo "$output"
	[ "${#lines[@]}" -eq 2 ]
	[ "${lines[1]}" = "1,1,王芳,,normal,,resolution,2026-11-24T09:00:00+08:00,0.00" ]
}

@test "SLA across DST in New York: 24x7 targets are real hours; working hours run through the short Sunday" {
	staff_and_customers
	export TZ=America/New_York
	cs-ticket sla set consult high --first-response 2h --resolution 24h --calendar 24x7
	cs-ticket sla set consult normal --first-response 2h --resolution 10h
	cs-ticket calendar hours sun 00:00-24:00
	# H1 24x7 Sat 03-07 12:00 EST + 24 h = 03-08 17:00Z = 13:00 EDT
	# H2 24x7 Sat 10-31 12:00 EDT + 24 h = 11-01 16:00Z = 11:00 EST
	# W1 work, Fri 03-06 17:00: 1 h on Friday (to 18:00), then Sunday
	#    from 00:00 EST: first response +1 h = 01:00 EST; resolution +9
	#    real hours = 14:00Z = 10:00 EDT (the clock skips 02:00-03:00)
	tix <<'CSV'
external_id,customer,type,priority,created_at
H1,C001,consult,high,2026-03-07T12:00
H2,C001,consult,high,2026-10-31T12:00
W1,C001,consult,normal,2026-03-06T17:00
CSV
	[ "$(cs-ticket list -f csv --no-header | cut -d, -f2,16 | paste -sd' ' -)" = "H1,2026-03-08T13:00:00-04:00 H2,2026-11-01T11:00:00-05:00 W1,2026-03-08T10:00:00-04:00" ]
	[ "$(sqlite3 "$CS_DB" "SELECT first_response_due FROM v_tickets WHERE external_id = 'W1'")" = "2026-03-08T01:00:00" ]
}

@test "revisits: overdue at exactly 7 x 24 hours after assignment, across the spring-forward too" {
	staff_and_customers
	cs-revisit plan -r 关怀 --due 2026-11-17 --now 2026-11-17T09:00 - <<<$'code\nC001' 2>/dev/null
	cs-revisit assign --now 2026-11-17T09:00 >/dev/null 2>&1
	[ -z "$(cs-revisit list --overdue --now 2026-11-24T08:59:59 -f csv --no-header)" ]
	[ "$(cs-revisit list --overdue --now 2026-11-24T09:00:00 -f csv --no-header | cut -d, -f1)" = 1 ]
	# New York: given Thu 03-05 09:00 EST (14:00Z); 168 h later is
	# 03-12 14:00Z = 10:00 EDT, not 09:00 by the clock
	export TZ=America/New_York
	cs-revisit plan -r 关怀 --due 2026-03-05 --now 2026-03-05T09:00 - <<<$'code\nC002' 2>/dev/null
	cs-revisit assign --now 2026-03-05T09:00 >/dev/null 2>&1
	[ -z "$(cs-revisit list --overdue --now 2026-03-12T09:59:59 -f csv --no-header | cut -d, -f1 | grep -x 2)" ]
	[ "$(cs-revisit list --overdue --now 2026-03-12T10:00:00 -f csv --no-header | cut -d, -f1 | grep -x 2)" = 2 ]
}

@test "revisits: no-answer is due again the local day after the call; --retry-after 0d the same day" {
	staff_and_customers
	cs-revisit plan -r 关怀 --due 2026-11-24 - <<<$'code\nC001\nC002' 2>/dev/null
	cs-revisit assign >/dev/null 2>&1
	# 2026-11-25 07:00 in Shanghai is 11-24 23:00 UTC: the day of the
	# call is 11-25, so the retry is due 11-26
	run cs-revisit log 1 --result no-answer --now 2026-11-25T07:00 -f json
	[ "$status" -eq 0 ]
	[[ $output == *'"at":"2026-11-25T07:00:00+08:00"'*'"status":"open","due":"2026-11-26"}' ]]
	run cs-revisit log 2 --result busy --retry-after 0d --now 2026-11-24T23:59:59 -f json
	[[ $output == *'"due":"2026-11-24"}' ]]
	# an imported call dated by called_at: one before the task's last
	# call (11-25 07:00) is refused; 11-25 23:30 UTC is 11-26 07:30 in
	# Shanghai, so the retry is due 11-27; a call in the future is refused
	printf 'id,result,attempts,called_at\n1,no-answer,1,2026-11-24T23:30:00+08:00\n' > "$T/s.csv"
	run cs-revisit import "$T/s.csv" --now 2026-11-26T09:00
	[ "$status" -eq 65 ]
	[[ $output == *"called_at"* ]]
	printf 'id,result,attempts,called_at\n1,busy,1,2026-11-25T23:30:00Z\n' > "$T/s.csv"
	cs-revisit import "$T/s.csv" --now 2026-11-26T09:00 2>/dev/null
	[ "$(q "SELECT due_date FROM v_revisits WHERE id = 1")" = 2026-11-27 ]
	printf 'id,result,attempts,called_at\n2,busy,1,2026-11-26T09:00:01\n' > "$T/f.csv"
	run cs-revisit import "$T/f.csv" --now 2026-11-26T09:00
	[ "$status" -eq 65 ]
	[[ $output == *"called_at: a call time in the future"* ]]
}

@test "revisit planning windows by local date: N+7 across DST in New York, --after-resolved in Shanghai" {
	staff_and_customers
	printf 'code,name,attr.purchase_date\nP0301,乙,2026-03-01\nP0302,丙,2026-03-02\nP1025,戊,2026-10-25\nP1026,己,2026-10-26\n' > "$T/p.csv"
	cs-customer import "$T/p.csv" 2>/dev/null
	plan7() {
		TZ=America/New_York cs-revisit plan -r N+7 --date-field purchase_date --offset 7d -n -f csv --no-header --now "$1" 2>/dev/null | cut -d, -f4 | paste -sd' ' -
	}
	# the day after the 23-hour day, just after midnight: 03-09 - 7 = 03-02
	[ "$(plan7 2026-03-09T00:30)" = "purchase_date:2026-03-02" ]
	# the 25-hour day, late evening: 11-01 - 7 = 10-25
	[ "$(plan7 2026-11-01T23:30)" = "purchase_date:2026-10-25" ]
	[ "$(plan7 2026-11-02T00:30)" = "purchase_date:2026-10-26" ]
	# --after-resolved 3d on 2026-11-24: resolved 11-15..11-21 local,
	# due the local day of resolving + 3
	tix <<'CSV'
external_id,customer,type,created_at,resolved_at
R1,C002,consult,2026-11-14T10:00,2026-11-15T00:00:00
R2,C003,consult,2026-11-14T10:00,2026-11-14T23:59:59
R3,C004,consult,2026-11-20T10:00,2026-11-21T23:59:59
R4,C005,consult,2026-11-20T10:00,2026-11-22T00:00:00
R5,C006,consult,2026-11-20T10:00,2026-11-21T23:30:00Z
CSV
	run --separate-stderr cs-revisit plan -r 回访 --after-resolved 3d -n -f csv --no-header
	[ "$output" = "$(printf '%s\n' "2,$(q "SELECT id FROM ticket WHERE external_id = 'R1'"),回访,ticket:$(q "SELECT id FROM ticket WHERE external_id = 'R1'"),2026-11-18" "4,$(q "SELECT id FROM ticket WHERE external_id = 'R3'"),回访,ticket:$(q "SELECT id FROM ticket WHERE external_id = 'R3'"),2026-11-24")" ]
}

@test "sample: the default seed of last-week on Monday 2027-01-04 is 2026-W53, of last-month in January 2026-12" {
	staff_and_customers
	{
		echo external_id,customer,type,assignee,created_at,resolved_at
		for i in $(seq 1 20); do
			echo "S$i,C001,consult,li.na,2026-12-2$((i % 10))T10:00,2026-12-30T1$((i % 10)):00"
		done
	} > "$T/s.csv"
	cs-ticket import "$T/s.csv" 2>/dev/null
	draw() {
		cs-ticket sample "$@" -n 3 -f csv --no-header | cut -d, -f2 | paste -sd' ' -
	}
	w53=$(draw 2026-W53 --seed 2026-W53)
	[ "$(draw last-week --now 2027-01-04T00:00)" = "$w53" ]
	[ "$(draw last-week --now 2027-01-10T23:59:59)" = "$w53" ]
	[ "$(draw 2026-w53)" = "$w53" ]
	# another seed draws others here, so the comparison means something
	[ "$(draw 2026-W53 --seed last-week)" != "$w53" ]
	m=$(draw 2026-12 --seed 2026-12)
	[ "$(draw last-month --now 2027-01-04)" = "$m" ]
	[ "$(draw last-year --now 2027-01-04)" = "$(draw 2026 --seed 2026)" ]
	[ "$(draw --from 2026-12-28 --to 2027-01-04)" = "$(draw 2026-W53 --seed 2026-12-28..2027-01-04)" ]
}
