#!/usr/bin/env bats
# cs-ticket: SLA policies, the business calendar (weekly hours, holidays,
# make-up workdays) and overdue. Every due time below is counted by hand:
#
#   2025-01-24 Fri   2025-01-25 Sat   2025-01-26 Sun, 调休: a workday
#   2025-01-27 Mon   2025-01-28 Tue .. 2025-02-04 Tue: 春节 holidays
#   2025-02-05 Wed   2025-02-07 Fri   2025-02-08 Sat, 调休: a workday
#   2025-09-27 Sat   2025-09-28 Sun, 调休   2025-10-01 Wed .. 10-08 Wed: 国庆
#   2025-10-09 Thu   2025-10-11 Sat, 调休   2025-03-03 Mon
#
# Default working hours: Monday to Friday 09:00-18:00, 9 hours a day.
load helper

CAL2025="$BATS_TEST_DIRNAME/../../share/calendar/cn-2025.csv"

# The roster of helper.bash and the customers C001..C006.
world() {
	staff_and_customers
}

# The China 2025 calendar.
cn2025() {
	cs-ticket calendar import "$CAL2025" 2>/dev/null
}

# One field of a ticket, as show -f csv writes it (empty when unset).
field() {
	cs-ticket show "$1" -f csv | grep "^ticket,$2," | cut -d, -f3-
}

# A ticket for C001 created at local time $1 (type $2, priority $3,
# default complaint normal); prints "FIRST-RESPONSE-DUE RESOLUTION-DUE".
dues() {
	local id
	id=$(CS_NOW=$1 cs-ticket new C001 --type "${2:-complaint}" \
	    --priority "${3:-normal}" --subject 测试) || return
	echo "$(field "$id" first_response_due) $(field "$id" resolution_due)"
}

# The columns named $* of the CSV on stdin, space-separated, a row a line.
pick() {
	awk -F, -v want="$*" '
	NR == 1 { n = split(want, w, " "); for (i = 1; i <= NF; i++) h[$i] = i; next }
	{ s = ""; for (j = 1; j <= n; j++) s = s (j > 1 ? " " : "") $(h[w[j]]); print s }'
}

@test "sla set, list and rm" {
	world
	run cs-ticket sla set complaint high --first-response 2h --resolution 24h
	[ "$status" -eq 0 ]
	run cs-ticket sla set complaint urgent --first-response 1h30m --resolution 8h
	[ "$status" -eq 0 ]
	run cs-ticket sla set consult normal --first-response 30m --resolution 3d --calendar 24x7
	[ "$status" -eq 0 ]
	run cs-ticket sla list -f csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 4 ]
	[[ $output == *"complaint,high,2.00,24.00,work"* ]]
	[[ $output == *"complaint,urgent,1.50,8.00,work"* ]]
	[[ $output == *"consult,normal,0.50,72.00,24x7"* ]]
	# set again: replaced, not doubled
	run cs-ticket sla set complaint high --first-response 4h --resolution 48h --calendar 24x7
	[ "$status" -eq 0 ]
	run cs-ticket sla list -f csv
	[ "${#lines[@]}" -eq 4 ]
	[[ $output == *"complaint,high,4.00,48.00,24x7"* ]]
	[[ $output != *"complaint,high,2.00"* ]]
	run cs-ticket sla rm complaint urgent
	[ "$status" -eq 0 ]
	run cs-ticket sla list -f csv
	[ "${#lines[@]}" -eq 3 ]
	[[ $output != *urgent* ]]
	# a ticket without a policy has no due times
	[ "$(dues 2025-03-03T09:00:00 complaint urgent)" = " " ]
	[ "$(dues 2025-03-03T09:00:00 complaint high)" = "2025-03-03T13:00:00+08:00 2025-03-05T09:00:00+08:00" ]
}

@test "sla refuses bad durations, priorities, types and calendars, writing nothing" {
	world
	cs-ticket sla set complaint high --first-response 2h --resolution 24h
	before=$(dbsum)
	for d in 2x 0h -1h '' h2 2hh; do
		run cs-ticket sla set complaint normal --first-response "$d" --resolution 24h
		echo "# --first-response '$d': $status $output"
		[ "$status" -eq 65 ]
		run cs-ticket sla set complaint normal --first-response 2h --resolution "$d"
		echo "# --resolution '$d': $status $output"
		[ "$status" -eq 65 ]
	done
	for p in critical '' 'high low'; do
		run cs-ticket sla set complaint "$p" --first-response 2h --resolution 24h
		echo "# priority '$p': $status $output"
		[ "$status" -eq 65 ]
		[[ $output == *priority* ]]
	done
	run cs-ticket sla set inquiry normal --first-response 2h --resolution 24h
	[ "$status" -eq 65 ]
	[[ $output == *inquiry* ]]
	run cs-ticket sla set complaint normal --first-response 2h --resolution 24h --calendar 24x5
	[ "$status" -eq 2 ]
	run cs-ticket sla set complaint normal --first-response 2h
	[ "$status" -eq 2 ]
	run cs-ticket sla set complaint --first-response 2h --resolution 24h
	[ "$status" -eq 2 ]
	run cs-ticket sla rm complaint critical
	[ "$status" -eq 65 ]
	run cs-ticket sla rm inquiry high
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
}

@test "sla names a priority that is only a piece of a real one as unknown" {
	world
	before=$(dbsum)
	for p in norm urg igh; do
		run cs-ticket sla set complaint "$p" --first-response 2h --resolution 24h
		echo "# priority '$p': $status $output"
		[ "$status" -eq 65 ]
		[[ $output == *"unknown priority"* ]]
		[[ $output == *"$p"* ]]
	done
	[ "$(dbsum)" = "$before" ]
}

@test "24x7 targets count every hour, weekend and holiday alike" {
	world
	cn2025
	cs-ticket sla set complaint normal --first-response 4h --resolution 24h --calendar 24x7
	cs-ticket sla set consult normal --first-response 30m --resolution 3d --calendar 24x7
	# Friday 16:00: +4h, +24h into Saturday
	[ "$(dues 2025-01-24T16:00:00)" = "2025-01-24T20:00:00+08:00 2025-01-25T16:00:00+08:00" ]
	# on a 春节 holiday
	[ "$(dues 2025-01-30T10:00:00)" = "2025-01-30T14:00:00+08:00 2025-01-31T10:00:00+08:00" ]
	# 3 days = 72 hours
	[ "$(dues 2025-01-24T16:00:00 consult)" = "2025-01-24T16:30:00+08:00 2025-01-27T16:00:00+08:00" ]
	# list shows the resolution due time
	run cs-ticket list -f csv
	[ "$(echo "$output" | pick id resolution_due | sed -n 1p)" = "1 2025-01-25T16:00:00+08:00" ]
}

@test "working hours across a weekend, without a holiday calendar" {
	world
	cs-ticket sla set complaint normal --first-response 4h --resolution 24h
	# Fri 16-18 = 2h; Mon 09-11 = 4h. 2h + Mon 9h + Tue 9h + Wed 09-13 = 24h
	[ "$(dues 2025-01-24T16:00:00)" = "2025-01-27T11:00:00+08:00 2025-01-29T13:00:00+08:00" ]
	# Saturday, Friday evening and Monday before nine all start Monday 09:00
	[ "$(dues 2025-01-25T10:00:00)" = "2025-01-27T13:00:00+08:00 2025-01-29T15:00:00+08:00" ]
	[ "$(dues 2025-01-24T19:00:00)" = "2025-01-27T13:00:00+08:00 2025-01-29T15:00:00+08:00" ]
	[ "$(dues 2025-01-27T07:30:00)" = "2025-01-27T13:00:00+08:00 2025-01-29T15:00:00+08:00" ]
	# Fri 12-18 = 6h, Mon 9h, Tue 9h: due at the very end of Tuesday
	[ "$(dues 2025-01-24T12:00:00)" = "2025-01-24T16:00:00+08:00 2025-01-28T18:00:00+08:00" ]
}

@test "working hours with the China 2025 calendar: 调休 Sunday, 春节, 调休 Saturday" {
	world
	run cs-ticket calendar import "$CAL2025"
	[ "$status" -eq 0 ]
	cs-ticket sla set complaint normal --first-response 4h --resolution 24h
	# Fri 16-18 2h; Sun 01-26 is a workday: 09-11 -> 4h.
	# 2h + Sun 9h + Mon 9h = 20h; 01-28..02-04 off; Wed 02-05 09-13 = 24h
	[ "$(dues 2025-01-24T16:00:00)" = "2025-01-26T11:00:00+08:00 2025-02-05T13:00:00+08:00" ]
	# Saturday 01-25 is off: Sun 09-13; Sun 9h + Mon 9h + Wed 02-05 6h
	[ "$(dues 2025-01-25T10:00:00)" = "2025-01-26T13:00:00+08:00 2025-02-05T15:00:00+08:00" ]
	# on a holiday: the clock starts Wed 02-05 09:00; 9h + 9h + Fri 6h
	[ "$(dues 2025-01-30T10:00:00)" = "2025-02-05T13:00:00+08:00 2025-02-07T15:00:00+08:00" ]
	# Mon 01-27 17:00, the last day before the holidays: 1h, then 02-05
	[ "$(dues 2025-01-27T17:00:00)" = "2025-02-05T12:00:00+08:00 2025-02-07T14:00:00+08:00" ]
	# Fri 02-07 17:00: 1h; Sat 02-08 is a workday 09-12 -> 4h;
	# 1h + Sat 9h + Mon 02-10 9h + Tue 02-11 09-14 5h = 24h
	[ "$(dues 2025-02-07T17:00:00)" = "2025-02-08T12:00:00+08:00 2025-02-11T14:00:00+08:00" ]
	# Fri 01-24 12:00: 6h + Sun 9h + Mon 9h, due at the end of Monday
	[ "$(dues 2025-01-24T12:00:00)" = "2025-01-24T16:00:00+08:00 2025-01-27T18:00:00+08:00" ]
}

@test "a target that fills the working day exactly is due at its end" {
	world
	cn2025
	cs-ticket sla set complaint high --first-response 9h --resolution 18h
	# Fri 02-07 09-18 = 9h; + the 调休 Saturday 02-08 09-18 = 18h
	[ "$(dues 2025-02-07T09:00:00 complaint high)" = "2025-02-07T18:00:00+08:00 2025-02-08T18:00:00+08:00" ]
}

@test "working hours around 国庆 2025: 调休 Sunday 09-28 and Saturday 10-11" {
	world
	cn2025
	cs-ticket sla set complaint normal --first-response 4h --resolution 24h
	# Tue 09-30 15-18 3h; 10-01..10-08 off; Thu 10-09 09-10 -> 4h.
	# 3h + Thu 9h + Fri 9h + Sat 10-11 (调休) 09-12 = 24h
	[ "$(dues 2025-09-30T15:00:00)" = "2025-10-09T10:00:00+08:00 2025-10-11T12:00:00+08:00" ]
	# Sat 09-27 is off, Sun 09-28 works: 9h + Mon 9h + Tue 09-15
	[ "$(dues 2025-09-27T10:00:00)" = "2025-09-28T13:00:00+08:00 2025-09-30T15:00:00+08:00" ]
	# 10-01, a holiday: Thu 10-09 9h + Fri 9h + Sat 10-11 6h
	[ "$(dues 2025-10-01T09:00:00)" = "2025-10-09T13:00:00+08:00 2025-10-11T15:00:00+08:00" ]
}

@test "calendar hours with a lunch break change the due times" {
	world
	cn2025
	cs-ticket sla set complaint normal --first-response 4h --resolution 24h
	# 9-hour days first: Wed 02-05 11:00: 11-15; 7h + Thu 9h + Fri 8h
	[ "$(dues 2025-02-05T11:00:00)" = "2025-02-05T15:00:00+08:00 2025-02-07T17:00:00+08:00" ]
	# 12:30: 5.5h + Thu 9h + Fri 9h + Sat 02-08 09:00-09:30
	[ "$(dues 2025-02-05T12:30:00)" = "2025-02-05T16:30:00+08:00 2025-02-08T09:30:00+08:00" ]
	run cs-ticket calendar hours mon-fri 09:00-12:00,13:30-18:00
	[ "$status" -eq 0 ]
	run cs-ticket calendar list -f csv
	[[ $output == *09:00-12:00* ]]
	[[ $output == *13:30-18:00* ]]
	[[ $output != *09:00-18:00* ]]
	# 7.5-hour days. Wed 11:00: 11-12 1h, 13:30-16:30 -> 4h.
	# Wed 5.5h + Thu 7.5h + Fri 7.5h + Sat 02-08 09-12 3h + 13:30-14:00
	[ "$(dues 2025-02-05T11:00:00)" = "2025-02-05T16:30:00+08:00 2025-02-08T14:00:00+08:00" ]
	# in the lunch break: the clock starts 13:30.
	# Wed 4.5h + Thu 7.5h + Fri 7.5h + Sat 3h + 13:30-15:00
	[ "$(dues 2025-02-05T12:30:00)" = "2025-02-05T17:30:00+08:00 2025-02-08T15:00:00+08:00" ]
	# Fri 01-24 16:00: 2h + Sun 01-26 7.5h + Mon 7.5h = 17h; Wed 02-05
	# 09-12 3h + 13:30-17:30 4h
	[ "$(dues 2025-01-24T16:00:00)" = "2025-01-26T11:00:00+08:00 2025-02-05T17:30:00+08:00" ]
}

@test "calendar hours for one day, and off" {
	world
	cs-ticket sla set complaint normal --first-response 4h --resolution 24h
	# Fri 03-07 17:00: 1h, then Mon 03-10 09-12;
	# resolution: 1h + Mon 9h + Tue 9h + Wed 03-12 09-14
	[ "$(dues 2025-03-07T17:00:00)" = "2025-03-10T12:00:00+08:00 2025-03-12T14:00:00+08:00" ]
	run cs-ticket calendar hours sat 10:00-14:00
	[ "$status" -eq 0 ]
	# 1h + Sat 10-13; resolution: 1h + Sat 4h + Mon 9h + Tue 9h + Wed 09-10
	[ "$(dues 2025-03-07T17:00:00)" = "2025-03-08T13:00:00+08:00 2025-03-12T10:00:00+08:00" ]
	run cs-ticket calendar hours sat off
	[ "$status" -eq 0 ]
	[ "$(dues 2025-03-07T17:00:00)" = "2025-03-10T12:00:00+08:00 2025-03-12T14:00:00+08:00" ]
}

@test "round-the-clock working hours still skip holidays; 24:00 ends the day" {
	world
	cn2025
	cs-ticket sla set complaint normal --first-response 4h --resolution 24h
	run cs-ticket calendar hours mon-sun 00:00-24:00
	[ "$status" -eq 0 ]
	# Fri 01-24 16:00: 16-20; 16-24 8h + Sat 01-25 00-16
	[ "$(dues 2025-01-24T16:00:00)" = "2025-01-24T20:00:00+08:00 2025-01-25T16:00:00+08:00" ]
	# Mon 01-27 20:00: 20-24 is the first response; then 春节 until
	# 02-04: Wed 02-05 00-20 gives the other 20h
	[ "$(dues 2025-01-27T20:00:00)" = "2025-01-28T00:00:00+08:00 2025-02-05T20:00:00+08:00" ]
}

@test "overlapping working spans are refused or merged, never counted twice" {
	world
	cs-ticket sla set complaint normal --first-response 5h --resolution 5h --calendar work
	before=$(dbsum)
	run cs-ticket calendar hours mon-fri 09:00-12:00,11:00-14:00
	echo "# $status $output"
	if [ "$status" -eq 0 ]; then
		# 09:00-14:00 on Monday 03-03: 5 hours
		[ "$(dues 2025-03-03T09:00:00)" = "2025-03-03T14:00:00+08:00 2025-03-03T14:00:00+08:00" ]
	else
		[ "$status" -eq 65 ]
		[ "$(dbsum)" = "$before" ]
	fi
}

@test "calendar holiday, workday, rm and list" {
	world
	cs-ticket sla set complaint normal --first-response 4h --resolution 24h
	run cs-ticket calendar holiday 2025-01-28 --to 2025-02-04 --note 春节
	[ "$status" -eq 0 ]
	run cs-ticket calendar workday 2025-01-26 --note 春节调休上班
	[ "$status" -eq 0 ]
	run cs-ticket calendar workday 2025-02-08
	[ "$status" -eq 0 ]
	run cs-ticket calendar list -f csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | grep -c ',holiday,')" -eq 8 ]
	[ "$(echo "$output" | grep -c ',workday,')" -eq 2 ]
	for d in 28 29 30 31; do
		[[ $output == *"2025-01-$d,holiday,春节"* ]]
	done
	for d in 01 02 03 04; do
		[[ $output == *"2025-02-$d,holiday,春节"* ]]
	done
	[[ $output == *"2025-01-26,workday,春节调休上班"* ]]
	[[ $output == *"2025-02-08,workday"* ]]
	[[ $output != *2025-01-27* ]]
	[[ $output != *2025-02-05* ]]
	# the same due times as with the calendar file
	[ "$(dues 2025-01-24T16:00:00)" = "2025-01-26T11:00:00+08:00 2025-02-05T13:00:00+08:00" ]
	run cs-ticket calendar list --from 2025-02-01 -f csv
	[ "$(echo "$output" | grep -c ',holiday,')" -eq 4 ]
	[ "$(echo "$output" | grep -c ',workday,')" -eq 1 ]
	[[ $output != *2025-01-2* ]]
	# without the 调休 Sunday: Fri 2h + Mon 01-27 2h;
	# 2h + Mon 9h + Wed 02-05 9h + Thu 02-06 09-13 = 24h
	run cs-ticket calendar rm 2025-01-26
	[ "$status" -eq 0 ]
	run cs-ticket calendar list -f csv
	[[ $output != *2025-01-26* ]]
	[ "$(dues 2025-01-24T16:00:00)" = "2025-01-27T11:00:00+08:00 2025-02-06T13:00:00+08:00" ]
	# the ticket made before keeps its due times
	[ "$(field 1 resolution_due)" = 2025-02-05T13:00:00+08:00 ]
}

@test "calendar refuses bad dates, days and spans, writing nothing" {
	world
	cn2025
	before=$(dbsum)
	run cs-ticket calendar holiday 2025-02-30
	[ "$status" -eq 65 ]
	run cs-ticket calendar holiday 2025-02-04 --to 2025-01-28
	[ "$status" -eq 65 ]
	run cs-ticket calendar workday 明天见
	[ "$status" -eq 65 ]
	run cs-ticket calendar rm 2025-13-01
	[ "$status" -eq 65 ]
	for span in 18:00-09:00 09:00-25:00 9-18 09:00-12:00,bad 09:60-18:00; do
		run cs-ticket calendar hours mon-fri "$span"
		echo "# hours '$span': $status"
		[ "$status" -eq 65 ]
	done
	run cs-ticket calendar hours mon-xyz 09:00-18:00
	[ "$status" -eq 65 ]
	run cs-ticket calendar hours mon-fri
	[ "$status" -eq 2 ]
	run cs-ticket calendar bogus 2025-01-01
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}

@test "calendar import: 2025 holidays and make-up days, again without doubles" {
	world
	run cs-ticket calendar import "$CAL2025"
	[ "$status" -eq 0 ]
	run cs-ticket calendar import "$CAL2025"
	[ "$status" -eq 0 ]
	run cs-ticket calendar list -f csv
	[ "$(echo "$output" | grep -c ',holiday,')" -eq 28 ]
	[ "$(echo "$output" | grep -c ',workday,')" -eq 5 ]
	for d in 2025-01-26 2025-02-08 2025-04-27 2025-09-28 2025-10-11; do
		echo "$output" | grep -q "^$d,workday,"
	done
	for d in 2025-01-01 2025-01-28 2025-02-04 2025-04-04 2025-05-01 2025-05-05 \
	    2025-05-31 2025-06-02 2025-10-01 2025-10-08; do
		echo "$output" | grep -q "^$d,holiday,"
	done
	[[ $output != *2025-02-05* ]]
	[[ $output != *2025-10-09* ]]
	# a bad line names itself, and nothing lands
	printf 'day,kind,note\n2026-01-01,holiday,元旦\n2026-01-04,vacation,调休\n' > "$T/cal.csv"
	before=$(dbsum)
	run cs-ticket calendar import "$T/cal.csv"
	[ "$status" -eq 65 ]
	[[ $output == *"$T/cal.csv:3: kind"* ]]
	printf 'day,kind,note\n2026-01-01,holiday,元旦\n2026-02-30,holiday,春节\n' > "$T/cal.csv"
	run cs-ticket calendar import "$T/cal.csv"
	[ "$status" -eq 65 ]
	[[ $output == *"$T/cal.csv:3: day"* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-ticket calendar import "$T/nope.csv"
	[ "$status" -eq 66 ]
	[ "$(dbsum)" = "$before" ]
}

@test "overdue lists targets passed or within --soon, with due and overdue_h; exit 1 when none" {
	world
	cs-ticket sla set consult normal --first-response 2h --resolution 8h --calendar 24x7
	cs-ticket sla set complaint high --first-response 1h --resolution 4h --calendar 24x7
	# Monday 2025-03-03
	CS_NOW=2025-03-03T09:00:00 cs-ticket new C001 --type consult --subject 发票怎么开 --assign li.na >/dev/null
	CS_NOW=2025-03-03T12:00:00 cs-ticket new C002 --type consult --subject 积分查询 --assign wang.wei >/dev/null
	CS_NOW=2025-03-03T10:00:00 cs-ticket new C003 --type complaint --priority high --subject 快递丢件 --assign li.na >/dev/null
	CS_NOW=2025-03-03T10:30:00 cs-ticket reply 3 您好,正在核实
	CS_NOW=2025-03-03T09:00:00 cs-ticket new C004 --type consult --subject 已解决 >/dev/null
	CS_NOW=2025-03-03T09:10:00 cs-ticket start 4
	CS_NOW=2025-03-03T09:30:00 cs-ticket resolve 4
	CS_NOW=2025-03-03T09:00:00 cs-ticket new C005 --type grumble --subject 抱怨 >/dev/null
	# 10:45: nothing is late yet
	export CS_NOW=2025-03-03T10:45:00
	run cs-ticket overdue -f csv
	[ "$status" -eq 1 ]
	run sh -c 'cs-ticket overdue >/dev/null && echo 发邮件'
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
	# within 30 minutes: the first response of 1, due 11:00
	run cs-ticket overdue --soon 30m -f csv
	[ "$status" -eq 0 ]
	[[ ${lines[0]} == *due* ]]
	[[ ${lines[0]} == *overdue_h* ]]
	[ "$(echo "$output" | pick id due overdue_h)" = "1 2025-03-03T11:00:00+08:00 -0.25" ]
	# 15:00: the first responses of 1 (11:00) and 2 (14:00), the
	# resolution of 3 (14:00)
	export CS_NOW=2025-03-03T15:00:00
	run cs-ticket overdue -f csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | pick id due overdue_h | sort)" = "1 2025-03-03T11:00:00+08:00 4.00
2 2025-03-03T14:00:00+08:00 1.00
3 2025-03-03T14:00:00+08:00 1.00" ]
	[ "$(echo "$output" | pick id customer subject | sort)" = "1 王芳 发票怎么开
2 李强 积分查询
3 张伟 快递丢件" ]
	run sh -c 'cs-ticket overdue >/dev/null && echo 发邮件'
	[ "$output" = 发邮件 ]
	run cs-ticket overdue --assignee li.na -f csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | pick id | sort | paste -sd' ' -)" = "1 3" ]
	run cs-ticket overdue --assignee wang.wei -f csv
	[ "$(echo "$output" | pick id overdue_h)" = "2 1.00" ]
	run cs-ticket overdue --assignee zhang.min -f csv
	[ "$status" -eq 1 ]
	run cs-ticket list --overdue -f csv --no-header
	[ "$(echo "$output" | cut -d, -f1 | paste -sd' ' -)" = "1 2 3" ]
	# resolved, it is no longer late
	cs-ticket resolve 3 --resolution 已补发
	run cs-ticket overdue -f csv
	[ "$(echo "$output" | pick id | sort | paste -sd' ' -)" = "1 2" ]
	run cs-ticket overdue --soon bogus
	[ "$status" -eq 2 ]
}

@test "overdue --soon 2h includes a target due exactly 2h from now; past due starts after the due time" {
	world
	cs-ticket sla set consult normal --first-response 2h --resolution 8h --calendar 24x7
	# first responses due 11:00:00 and 11:00:01
	CS_NOW=2025-03-03T09:00:00 cs-ticket new C001 --type consult --subject 发票怎么开 >/dev/null
	CS_NOW=2025-03-03T09:00:01 cs-ticket new C002 --type consult --subject 积分查询 >/dev/null
	export CS_NOW=2025-03-03T09:00:00
	run cs-ticket overdue --soon 2h -f csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | pick id target due overdue_h)" = "1 first_response 2025-03-03T11:00:00+08:00 -2.00" ]
	run cs-ticket overdue --soon 7200s -f csv
	[ "$(echo "$output" | pick id | paste -sd' ' -)" = 1 ]
	run cs-ticket overdue --soon 2h1s -f csv
	[ "$(echo "$output" | pick id | paste -sd' ' -)" = "1 2" ]
	# due now is not past due yet; a second later it is
	run env CS_NOW=2025-03-03T11:00:00 cs-ticket overdue -f csv
	[ "$status" -eq 1 ]
	[ "$(CS_NOW=2025-03-03T11:00:00 cs-ticket list --overdue -f csv --no-header)" = "" ]
	run env CS_NOW=2025-03-03T11:00:01 cs-ticket overdue -f csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | pick id overdue_h)" = "1 0.00" ]
	# the resolution, due 17:00, within 2h at 15:00 exactly
	run env CS_NOW=2025-03-03T15:00:00 cs-ticket overdue --soon 2h -f csv
	[ "$(echo "$output" | pick id target | sort)" = "1 first_response
1 resolution
2 first_response" ]
}

@test "overdue in working hours: a weekend evening is not late, the 调休 Sunday is" {
	world
	cn2025
	cs-ticket sla set tech normal --first-response 4h --resolution 24h
	CS_NOW=2025-01-24T16:00:00 cs-ticket new C005 --type tech --subject App闪退 --assign li.na >/dev/null
	[ "$(field 1 first_response_due)" = 2025-01-26T11:00:00+08:00 ]
	[ "$(field 1 resolution_due)" = 2025-02-05T13:00:00+08:00 ]
	# 28 hours later, but 2 working hours
	run env CS_NOW=2025-01-25T20:00:00 cs-ticket overdue -f csv
	[ "$status" -eq 1 ]
	run env CS_NOW=2025-01-26T12:00:00 cs-ticket overdue -f csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | pick id due overdue_h)" = "1 2025-01-26T11:00:00+08:00 1.00" ]
	# answered late; the resolution falls due 02-05 13:00
	CS_NOW=2025-01-26T11:30:00 cs-ticket reply 1 正在排查
	run env CS_NOW=2025-01-26T12:00:00 cs-ticket overdue -f csv
	[ "$status" -eq 1 ]
	run env CS_NOW=2025-02-05T12:00:00 cs-ticket overdue -f csv
	[ "$status" -eq 1 ]
	run env CS_NOW=2025-02-05T12:00:00 cs-ticket overdue --soon 2h -f csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | pick id due overdue_h)" = "1 2025-02-05T13:00:00+08:00 -1.00" ]
	run env CS_NOW=2025-02-05T14:00:00 cs-ticket overdue --assignee li.na -f csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | pick id due overdue_h)" = "1 2025-02-05T13:00:00+08:00 1.00" ]
}

@test "a typo in overdue --assignee, list --channel or --priority is refused, never an empty list" {
	cs-db init 2>/dev/null
	run cs-ticket overdue --assignee nobody
	[ "$status" -eq 65 ]
	[ "$output" = "cs-ticket: overdue: --assignee nobody: no agent 'nobody': see cs-agent list" ]
	run cs-ticket list --channel 电话
	[ "$status" -eq 2 ]
	[[ "${lines[0]}" == "cs-ticket: list: unknown channel '电话' (phone email wechat chat sms walk-in web)" ]]
	run cs-ticket list -p hgh
	[ "$status" -eq 2 ]
	[[ "${lines[0]}" == "cs-ticket: list: unknown priority 'hgh' (urgent high normal low)" ]]
	run cs-ticket list -c wechat -p high
	[ "$status" -eq 0 ]
}
