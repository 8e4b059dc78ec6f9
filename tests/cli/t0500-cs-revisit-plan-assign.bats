#!/usr/bin/env bats
# cs-revisit plan and assign: where the tasks come from (campaign lists,
# resolved tickets, N+7 after a date, periodic care), idempotent planning,
# and the fair share-out (owner first, weights, leave, capacity, skills,
# ties by login, two runs at once).
bats_require_minimum_version 1.5.0
load helper

# The roster of helper.bash (li.na weight 1 capacity 20 skills 售后;投诉,
# wang.wei weight 2 no capacity skills 投诉, zhang.min inactive 技术支持) and
# the customers C001..C006 (ids 1..6). Owners: C001 li.na, C002 wang.wei,
# C003 none, C004 li.na, C005 zhang.min, C006 wang.wei. vip tag: C001, C003,
# C006; segment vip: C001, C003, C006; tag 春节: C004, C006.
world() {
	staff_and_customers
}

q() {
	sqlite3 "$CS_DB" "$1"
}

# A CSV campaign list of customer codes on stdout.
codes() {
	echo code
	printf '%s\n' "$@"
}

# Customers K<FROM>..K<TO> without an owner, and one task each (reason
# 售后回访, due today), planned from their codes.
crowd() {
	local i
	{
		echo code,name
		for i in $(seq "$1" "$2"); do printf 'K%04d,客户%d\n' "$i" "$i"; done
	} > "$T/crowd.csv"
	cs-customer import "$T/crowd.csv" 2>/dev/null
	cut -d, -f1 "$T/crowd.csv" | cs-revisit plan --reason 售后回访 - 2>/dev/null
}

# The values of CSV columns $2... of file $1 (found by header name), one
# row a line, fields joined by a comma. Our data has no quoted commas.
pick() {
	local f=$1
	shift
	awk -F, -v want="$*" '
	{ sub(/\r$/, "") }
	NR == 1 {
		sub(/^\357\273\277/, "")
		for (i = 1; i <= NF; i++) c[$i] = i
		n = split(want, w, " ")
		for (i = 1; i <= n; i++) if (!(w[i] in c)) { print "no column " w[i]; exit 1 }
		next
	}
	{
		s = ""
		for (i = 1; i <= n; i++) s = s (i > 1 ? "," : "") $(c[w[i]])
		print s
	}' "$f"
}

# Tasks per agent, "login count" a line, by login; "-" for unassigned.
loads() {
	q "SELECT coalesce(a.login, '-') || ' ' || count(*) FROM revisit v LEFT JOIN agent a ON a.id = v.agent_id GROUP BY a.login ORDER BY 1"
}

# ---- plan ------------------------------------------------------------------

@test "plan reads cs-customer list on stdin; a second run plans nothing new and says so" {
	world
	cs-customer list --tag vip | cs-revisit plan --reason 春节关怀 - 2> "$T/err"
	grep -q 'planned 3, already planned 0' "$T/err"
	run q "SELECT customer_id || ' ' || reason || ' ' || due_date || ' ' || status || ' ' || coalesce(agent, '-') FROM v_revisits ORDER BY customer_id"
	[ "$output" = "1 春节关怀 2026-11-24 open -
3 春节关怀 2026-11-24 open -
6 春节关怀 2026-11-24 open -" ]
	# the same run again (cron twice)
	cs-customer list --tag vip | cs-revisit plan --reason 春节关怀 - 2> "$T/err"
	grep -q 'planned 0, already planned 3' "$T/err"
	[ "$(q 'SELECT count(*) FROM revisit')" = 3 ]
	# JSON output of list is input too
	cs-customer list --tag vip -f json | cs-revisit plan --reason 春节关怀 - 2> "$T/err"
	grep -q 'planned 0, already planned 3' "$T/err"
	# a campaign sheet by code
	codes C002 C005 > "$T/codes.csv"
	run --separate-stderr cs-revisit plan --reason 春节关怀 "$T/codes.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 2, already planned 0"* ]]
	[ "$(q 'SELECT group_concat(customer_id, " ") FROM (SELECT customer_id FROM revisit ORDER BY 1)')" = "1 2 3 5 6" ]
	# the sheet of cs-revisit (task id and customer_id): by customer_id
	cs-revisit list -f csv | cs-revisit plan --reason 二次回访 - 2> "$T/err"
	grep -q 'planned 5, already planned 0' "$T/err"
	[ "$(q "SELECT group_concat(customer_id, ' ') FROM (SELECT customer_id FROM revisit WHERE reason = '二次回访' ORDER BY 1)")" = "1 2 3 5 6" ]
}

@test "a campaign list run again the next day plans nothing new" {
	world
	cs-customer list --tag vip | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	CS_NOW=2026-11-25T09:00:00 cs-revisit log 1 --result reached
	# cron runs the same campaign again the next morning
	cs-customer list --tag vip -f csv > "$T/vip.csv"
	CS_NOW=2026-11-26T09:00:00 run --separate-stderr cs-revisit plan --reason 春节关怀 "$T/vip.csv"
	[ "$status" -eq 0 ]
	echo "# $stderr"
	[[ "$stderr" == *"planned 0, already planned 3"* ]]
	[ "$(q "SELECT count(*) FROM revisit WHERE reason = '春节关怀'")" = 3 ]
}

@test "a campaign list is one task a customer in a calendar year, unless --period says otherwise" {
	world
	cs-customer list --tag vip -f csv > "$T/vip.csv"
	CS_NOW=2026-12-31T09:00:00 cs-revisit plan --reason 春节关怀 "$T/vip.csv" 2>/dev/null
	# with --due too, the year is the due date's
	CS_NOW=2026-12-31T10:00:00 run --separate-stderr cs-revisit plan --reason 春节关怀 --due 2026-12-20 "$T/vip.csv"
	[[ "$stderr" == *"planned 0, already planned 3"* ]]
	# the new year is a new period (the caveat of the man page)
	CS_NOW=2027-01-01T09:00:00 run --separate-stderr cs-revisit plan --reason 春节关怀 "$T/vip.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 3, already planned 0"* ]]
	[ "$(q "SELECT group_concat(period, ' ') FROM (SELECT DISTINCT period FROM revisit ORDER BY 1)")" = "2026 2027" ]
	# which --period avoids
	CS_NOW=2026-12-31T09:00:00 cs-revisit plan --reason 春节 --period 2027春节 "$T/vip.csv" 2>/dev/null
	CS_NOW=2027-01-01T09:00:00 run --separate-stderr cs-revisit plan --reason 春节 --period 2027春节 "$T/vip.csv"
	[[ "$stderr" == *"planned 0, already planned 3"* ]]
}

@test "a list without id, customer_id or code is bad input named by line, nothing written" {
	world
	before=$(dbsum)
	printf 'name,city\n王芳,上海\n' > "$T/noid.csv"
	run cs-revisit plan --reason 春节关怀 "$T/noid.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/noid.csv:2"* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-revisit plan --reason 春节关怀 "$T/missing.csv"
	[ "$status" -eq 66 ]
	[ "$(dbsum)" = "$before" ]
}

@test "a list of tickets is refused, not planned for the customers whose ids are the tickets'" {
	world
	before=$(dbsum)
	# the columns of cs-ticket overdue: id is ticket 2, of 赵敏 (C006),
	# not of 李强 (customer 2)
	printf 'id,customer,subject,priority,assignee,target,due,overdue_h\n2,赵敏,投诉未处理,urgent,,resolution,2026-11-24T13:00:00+08:00,44.00\n' > "$T/overdue.csv"
	run --separate-stderr cs-revisit plan --reason 超时安抚 "$T/overdue.csv"
	[ "$status" -eq 65 ]
	[ "$stderr" = "cs-revisit: $T/overdue.csv:2: a list of tickets (it has a subject column): its id is a ticket's, not a customer's: give a customer_id column" ]
	[ "$(dbsum)" = "$before" ]
	run --separate-stderr cs-revisit plan --reason 超时安抚 --dry-run "$T/overdue.csv"
	[ "$status" -eq 65 ]
	[[ "$output" != *2* ]]
	# any one of the columns that only tickets have tells it, in JSON too
	for cols in 'id,ticket_id' 'id,target' 'id,overdue_h'; do
		printf '%s\n2,x\n' "$cols" > "$T/t.csv"
		run --separate-stderr cs-revisit plan --reason 超时安抚 "$T/t.csv"
		[ "$status" -eq 65 ]
		[[ "$stderr" == *"it has a ${cols#id,} column"* ]]
	done
	run --separate-stderr sh -c 'echo "{\"id\":2,\"subject\":\"投诉\"}" | cs-revisit plan --reason 超时安抚 -'
	[ "$status" -eq 65 ]
	[[ "$stderr" == "cs-revisit: stdin:1: a list of tickets"* ]]
	[ "$(dbsum)" = "$before" ]
	# a customer_id (as cs-ticket list has), a code or a phone names
	# the customer; the ticket's id is never read
	printf 'id,customer_id,customer,subject\n2,6,赵敏,投诉未处理\n' > "$T/t.csv"
	run --separate-stderr cs-revisit plan --reason 超时安抚 "$T/t.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 1, already planned 0"* ]]
	printf 'id,code,subject\n3,C005,咨询\n' > "$T/t.csv"
	run --separate-stderr cs-revisit plan --reason 超时安抚 "$T/t.csv"
	[[ "$stderr" == *"planned 1, already planned 0"* ]]
	printf 'id,phone,subject\n4,13700001234,咨询\n' > "$T/t.csv"
	run --separate-stderr cs-revisit plan --reason 超时安抚 "$T/t.csv"
	[[ "$stderr" == *"planned 1, already planned 0"* ]]
	[ "$(q "SELECT group_concat(customer_id) FROM (SELECT customer_id FROM revisit ORDER BY id)")" = 6,5,4 ]
	# a list of customers keeps its id: cs-customer list, or ids alone
	q "DELETE FROM revisit"
	printf 'id,name,status\n2,李强,active\n' > "$T/c.csv"
	run --separate-stderr cs-revisit plan --reason 超时安抚 "$T/c.csv"
	[ "$status" -eq 0 ]
	[ "$(q "SELECT group_concat(customer_id) FROM revisit")" = 2 ]
}

@test "plan --type refuses a ticket type that does not exist (65), as cs-ticket list does" {
	world
	before=$(dbsum)
	run --separate-stderr cs-revisit plan --reason 投诉回访 --after-resolved 3d --type complain
	[ "$status" -eq 65 ]
	[ "$stderr" = "cs-revisit: plan: --type complain: unknown type (consult, complaint, grumble, tech, aftersales, or one added with cs-ticket type add)" ]
	run --separate-stderr cs-revisit plan --reason 投诉回访 --after-resolved 3d --type complain --dry-run
	[ "$status" -eq 65 ]
	[ "$output" = "" ]
	[ "$(dbsum)" = "$before" ]
	run --separate-stderr cs-revisit plan --reason 投诉回访 --after-resolved 3d --type complaint
	[ "$status" -eq 0 ]
}

@test "--due, --period and --skill are stored; a new --period plans again" {
	world
	codes C001 C002 > "$T/c.csv"
	run --separate-stderr cs-revisit plan --reason 续费提醒 --due 2026-12-01 --period 2026-12 --skill 售后 "$T/c.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 2, already planned 0"* ]]
	run q "SELECT customer_id || ' ' || due_date || ' ' || period || ' ' || skill FROM revisit ORDER BY id"
	[ "$output" = "1 2026-12-01 2026-12 售后
2 2026-12-01 2026-12 售后" ]
	# the same period: nothing new, whatever the due date
	run --separate-stderr cs-revisit plan --reason 续费提醒 --due +3d --period 2026-12 "$T/c.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 0, already planned 2"* ]]
	run --separate-stderr cs-revisit plan --reason 续费提醒 --due +3d --period 2027-01 "$T/c.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 2, already planned 0"* ]]
	run q "SELECT customer_id || ' ' || due_date || ' ' || period || ' ' || coalesce(skill, '-') FROM revisit WHERE period = '2027-01' ORDER BY id"
	[ "$output" = "1 2026-11-27 2027-01 -
2 2026-11-27 2027-01 -" ]
}

@test "invalidated, merged and erased customers of a list are skipped and counted" {
	world
	cs-customer invalidate C003 --reason refused 2>/dev/null
	cs-customer merge C001 C006 2>/dev/null
	cs-customer erase C004 2>/dev/null
	cs-customer list --all -f csv > "$T/all.csv"
	[ "$(wc -l < "$T/all.csv")" -eq 7 ]
	run --separate-stderr cs-revisit plan --reason 春节关怀 "$T/all.csv"
	[ "$status" -eq 0 ]
	echo "# $stderr"
	# C001, C002 and C005 planned; C003 invalid; C004 erased and C006
	# merged are skipped, not planned for someone else
	[[ "$stderr" == *"planned 3, already planned 0, skipped invalid contact 1"* ]]
	[[ "$stderr" =~ merged[a-z\ ]*\ 2 ]] ||
	    { [[ "$stderr" =~ merged\ 1 ]] && [[ "$stderr" =~ erased\ 1 ]]; }
	[ "$(q 'SELECT group_concat(customer_id, " ") FROM (SELECT customer_id FROM revisit ORDER BY 1)')" = "1 2 5" ]
}

@test "periodic care of a segment skips and counts the invalid and the merged" {
	world
	cs-customer invalidate C003 --reason suspended 2>/dev/null
	cs-customer merge C001 C006 2>/dev/null
	# segment vip: C001 active, C003 invalid, C006 merged into C001
	run --separate-stderr cs-revisit plan --segment vip --every 30d --reason 大客户关怀
	[ "$status" -eq 0 ]
	echo "# $stderr"
	[[ "$stderr" == *"planned 1, already planned 0, skipped invalid contact 1"* ]]
	[[ "$stderr" =~ merged[a-z\ ]*\ 1 ]]
	[ "$(q 'SELECT group_concat(customer_id) FROM revisit')" = 1 ]
}

@test "--after-resolved 3d plans tickets resolved three local days ago; --type and --window" {
	world
	cs-ticket import "$DATA/revisits/tickets.csv" 2>/dev/null
	tasks() {
		q "SELECT t.external_id || ' ' || c.code FROM revisit v JOIN ticket t ON t.id = v.ticket_id JOIN customer c ON c.id = v.customer_id WHERE v.reason = '售后回访' ORDER BY 1"
	}
	# resolved on 2026-11-21 (local): H1 complaint, H2 consult, H6 complaint
	# (00:30 local is still 11-20 in UTC); H3 at 07:00 on 11-22 (23:00 on
	# 11-21 in UTC) is two days ago
	run --separate-stderr cs-revisit plan --after-resolved 3d --type complaint --window 1d --reason 售后回访
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 2, already planned 0"* ]]
	run tasks
	[ "$output" = "H1 C002
H6 C006" ]
	[ "$(q "SELECT group_concat(due_date) FROM revisit WHERE reason = '售后回访'")" = "2026-11-24,2026-11-24" ]
	# a week of catching up adds H4 (resolved 11-18), never H5 (10-01) nor
	# the open H7
	run --separate-stderr cs-revisit plan --after-resolved 3d --type complaint --window 7d --reason 售后回访
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 1, already planned 2"* ]]
	# without --type the consultation H2 comes too
	run --separate-stderr cs-revisit plan --after-resolved 3d --window 7d --reason 售后回访
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 1, already planned 3"* ]]
	run tasks
	[ "$output" = "H1 C002
H2 C005
H4 C003
H6 C006" ]
	run --separate-stderr cs-revisit plan --after-resolved 3d --window 7d --reason 售后回访
	[[ "$stderr" == *"planned 0, already planned 4"* ]]
	# the next morning H3 is three days old
	CS_NOW=2026-11-25T09:00:00 run --separate-stderr cs-revisit plan --after-resolved 3d --type complaint --window 1d --reason 售后回访
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 1, already planned 0"* ]]
	[ "$(q "SELECT c.code || ' ' || v.due_date FROM revisit v JOIN ticket t ON t.id = v.ticket_id JOIN customer c ON c.id = v.customer_id WHERE t.external_id = 'H3'")" = "C001 2026-11-25" ]
}

@test "the automatic revisit of a resolved complaint is the one --after-resolved plans" {
	world
	id=$(CS_NOW=2026-11-21T10:00:00 cs-ticket new C003 --type complaint --subject 服务态度差)
	CS_NOW=2026-11-21T11:00:00 cs-ticket start "$id"
	CS_NOW=2026-11-21T15:00:00 cs-ticket resolve "$id" --resolution 已道歉并补偿
	[ "$(q 'SELECT customer_id || " " || reason || " " || due_date FROM v_revisits')" = "3 投诉回访 2026-11-24" ]
	run --separate-stderr cs-revisit plan --after-resolved 3d --type complaint --reason 投诉回访
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 0, already planned 1"* ]]
	[ "$(q 'SELECT count(*) FROM revisit')" = 1 ]
}

@test "--date-field purchase_date --offset 7d plans N+7 once per purchase; --window catches up" {
	cs-customer import "$DATA/revisits/purchases.csv" 2>/dev/null
	cs-customer invalidate P6 --reason suspended 2>/dev/null
	tasks() {
		q "SELECT group_concat(code, ' ') FROM (SELECT c.code FROM revisit v JOIN customer c ON c.id = v.customer_id WHERE v.reason = 'N+7回访' ORDER BY 1)"
	}
	# today 2026-11-24: bought 11-17 (P1; P6 is a dead contact)
	run --separate-stderr cs-revisit plan --date-field purchase_date --offset 7d --reason N+7回访
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 1, already planned 0, skipped invalid contact 1"* ]]
	[ "$(tasks)" = P1 ]
	[ "$(q "SELECT due_date FROM revisit v JOIN customer c ON c.id = v.customer_id WHERE c.code = 'P1'")" = 2026-11-24 ]
	# two days back: 11-16 too (P2)
	run --separate-stderr cs-revisit plan --date-field purchase_date --offset 7d --window 2d --reason N+7回访
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 1, already planned 1, skipped invalid contact 1"* ]]
	[ "$(tasks)" = "P1 P2" ]
	# tomorrow: 11-18 (P3) is due, P1 was planned already
	CS_NOW=2026-11-25T09:00:00 run --separate-stderr cs-revisit plan --date-field purchase_date --offset 7d --window 2d --reason N+7回访
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 1, already planned 1, skipped invalid contact 1"* ]]
	[ "$(tasks)" = "P1 P2 P3" ]
	[ "$(q "SELECT due_date FROM revisit v JOIN customer c ON c.id = v.customer_id WHERE c.code = 'P3'")" = 2026-11-25 ]
	# N+14: bought 11-10 (P5)
	run --separate-stderr cs-revisit plan --date-field purchase_date --offset 14d --reason 两周回访
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 1, already planned 0"* ]]
	[ "$(q "SELECT c.code || ' ' || v.due_date FROM revisit v JOIN customer c ON c.id = v.customer_id WHERE v.reason = '两周回访'")" = "P5 2026-11-24" ]
	# a purchase time is its day: the period is the date, so that the
	# same purchase saved again as a plain date plans nothing new
	cs-customer update P5 -a purchase_date=2026-11-10T15:30 2>/dev/null
	run --separate-stderr cs-revisit plan --date-field purchase_date --offset 14d --reason 两周回访
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 0, already planned 1"* ]]
	[ "$(q "SELECT period FROM revisit WHERE reason = '两周回访'")" = purchase_date:2026-11-10 ]
}

@test "--offset -7d plans a renewal reminder a week before the date, once; a bad offset is a usage error" {
	printf 'code,name,phone,attr.card_expiry\nR1,王芳,13800000001,2026-12-01\nR2,李强,13800000002,2026-12-02\nR3,张伟,13800000003,2026-11-24\n' |
	    cs-customer import - 2>/dev/null
	# today 2026-11-24: R1's card expires in 7 days
	run --separate-stderr cs-revisit plan --date-field card_expiry --offset -7d --reason 续费提醒
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 1, already planned 0"* ]]
	[ "$(q "SELECT c.code || ' ' || v.due_date || ' ' || v.period FROM revisit v JOIN customer c ON c.id = v.customer_id")" = "R1 2026-11-24 card_expiry:2026-12-01" ]
	# a run again plans nothing; tomorrow R2 is due, R1 is not planned twice
	run --separate-stderr cs-revisit plan --date-field card_expiry --offset -7d --reason 续费提醒
	[[ "$stderr" == *"planned 0, already planned 1"* ]]
	CS_NOW=2026-11-25T09:00:00 run --separate-stderr cs-revisit plan --date-field card_expiry --offset -7d --window 2d --reason 续费提醒
	[[ "$stderr" == *"planned 1, already planned 1"* ]]
	[ "$(q "SELECT group_concat(c.code || ' ' || v.due_date, ';') FROM (SELECT * FROM revisit ORDER BY id) v JOIN customer c ON c.id = v.customer_id")" = "R1 2026-11-24;R2 2026-11-25" ]
	run cs-revisit plan --date-field card_expiry --offset -x --reason 续费提醒
	[ "$status" -eq 2 ]
	run cs-revisit plan --date-field card_expiry --offset --7d --reason 续费提醒
	[ "$status" -eq 2 ]
}

@test "--date-field reads the attribute's local day: a time by its offset, a date as it is west of UTC too, a number never" {
	# D2 is 01:00 in Shanghai, 12:00 the day before in New York; D3 is
	# 04:00 in Shanghai, 15:00 the day before in New York; D5 is a local
	# time; D6 a number (the Julian day 2025-11-20 to SQLite)
	cat > "$T/d.csv" <<'CSV'
code,name,attr.purchase_date
D1,甲,2026-11-17
D2,乙,2026-11-17T01:00:00+08:00
D3,丙,2026-11-16T20:00:00Z
D4,丁,2026-11-16T23:30:00-05:00
D5,戊,2026-11-17 23:30
D6,己,2461000
CSV
	cs-customer import "$T/d.csv" 2>/dev/null
	days() {
		q "SELECT group_concat(c.code || '=' || substr(v.period, 15), ' ') FROM (SELECT * FROM revisit ORDER BY customer_id) v JOIN customer c ON c.id = v.customer_id WHERE v.reason = '$1'"
	}
	# Shanghai (UTC+8): D1 D2 D3 D5 bought on 11-17; D4 is 12:30 on 11-17
	run --separate-stderr cs-revisit plan --reason 上海 --date-field purchase_date --offset 7d
	[ "$status" -eq 0 ]
	[ "$(days 上海)" = "D1=2026-11-17 D2=2026-11-17 D3=2026-11-17 D4=2026-11-17 D5=2026-11-17" ]
	# New York (UTC-5): the date and the local time stay on 11-17, the
	# times with an offset move to their day there
	TZ=America/New_York run --separate-stderr cs-revisit plan --reason 纽约 --date-field purchase_date --offset 7d --window 2d
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 5, already planned 0"* ]]
	[ "$(days 纽约)" = "D1=2026-11-17 D2=2026-11-16 D3=2026-11-16 D4=2026-11-16 D5=2026-11-17" ]
	[ "$(q "SELECT group_concat(due_date, ' ') FROM (SELECT due_date FROM revisit WHERE reason = '纽约' ORDER BY customer_id)")" = "2026-11-24 2026-11-23 2026-11-23 2026-11-23 2026-11-24" ]
	# the number is no date on any day: 2025-11-20 + 7 is not taken
	CS_NOW=2025-11-27T09:00:00 run --separate-stderr cs-revisit plan --reason 数字 --date-field purchase_date --offset 7d --window 30d
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 0, already planned 0"* ]]
}

@test "--segment and --tag with --every plan one task per customer and period" {
	world
	run --separate-stderr cs-revisit plan --segment vip --every 30d --reason 大客户关怀
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 3, already planned 0"* ]]
	run q "SELECT customer_id || ' ' || due_date FROM revisit ORDER BY customer_id"
	[ "$output" = "1 2026-11-24
3 2026-11-24
6 2026-11-24" ]
	CS_NOW=2026-11-25T09:00:00 run --separate-stderr cs-revisit plan --segment vip --every 30d --reason 大客户关怀
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 0, already planned 3"* ]]
	# a month later: the next period
	CS_NOW=2026-12-25T09:00:00 run --separate-stderr cs-revisit plan --segment vip --every 30d --reason 大客户关怀
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 3, already planned 0"* ]]
	[ "$(q 'SELECT count(*) FROM revisit')" = 6 ]
	run --separate-stderr cs-revisit plan --tag 春节 --every 30d --reason 节日问候
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 2, already planned 0"* ]]
	[ "$(q "SELECT group_concat(customer_id, ' ') FROM (SELECT customer_id FROM revisit WHERE reason = '节日问候' ORDER BY 1)")" = "4 6" ]
}

@test "plan --dry-run prints what would be planned, once a customer, and writes nothing" {
	world
	cs-customer list --tag vip -f csv > "$T/vip.csv"
	before=$(dbsum)
	run --separate-stderr cs-revisit plan --dry-run --reason 春节关怀 "$T/vip.csv"
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/out"
	run pick "$T/out" customer_id reason
	[ "$output" = "1,春节关怀
3,春节关怀
6,春节关怀" ]
	[ "$(dbsum)" = "$before" ]
	run --separate-stderr cs-revisit plan -n --segment vip --every 30d --reason 大客户关怀
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/out"
	[ "$(pick "$T/out" customer_id | paste -sd' ' -)" = "1 3 6" ]
	[ "$(dbsum)" = "$before" ]
	# once planned, a dry run prints nothing to plan
	cs-revisit plan --reason 春节关怀 "$T/vip.csv" 2>/dev/null
	before=$(dbsum)
	run --separate-stderr cs-revisit plan --dry-run --reason 春节关怀 "$T/vip.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"already planned 3"* ]]
	printf '%s\n' "$output" > "$T/out"
	[ -z "$(pick "$T/out" customer_id)" ]
	[ "$(dbsum)" = "$before" ]
}

@test "a customer twice in a list is one task, and the dry run says so too" {
	world
	codes C001 C002 C001 > "$T/twice.csv"
	before=$(dbsum)
	run --separate-stderr cs-revisit plan -n --reason 续费提醒 "$T/twice.csv"
	[ "$status" -eq 0 ]
	dry=$stderr
	printf '%s\n' "$output" > "$T/out"
	[ "$(dbsum)" = "$before" ]
	run --separate-stderr cs-revisit plan --reason 续费提醒 "$T/twice.csv"
	[ "$status" -eq 0 ]
	[ "$(q "SELECT group_concat(customer_id, ' ') FROM revisit WHERE reason = '续费提醒'")" = "1 2" ]
	echo "# dry run: $dry"
	echo "# real run: $stderr"
	[[ "$dry" == *"plan 2, already planned 1"* ]]
	[[ "$stderr" == *"planned 2, already planned 1"* ]]
	[ "$(pick "$T/out" customer_id | paste -sd' ' -)" = "1 2" ]
}

@test "plan reads GBK with --encoding gbk and JSON lines with --input-format" {
	world
	printf 'code,name\nC002,李强\n' | iconv -f UTF-8 -t GBK > "$T/gbk.csv"
	before=$(dbsum)
	run cs-revisit plan --reason 春节关怀 "$T/gbk.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/gbk.csv:2"* ]]
	[ "$(dbsum)" = "$before" ]
	run --separate-stderr cs-revisit plan --reason 春节关怀 --encoding gbk "$T/gbk.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 1, already planned 0"* ]]
	printf '{"code":"C005"}\n{"id":2}\n' > "$T/c.txt"
	run --separate-stderr cs-revisit plan --reason 春节关怀 --input-format jsonl "$T/c.txt"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 1, already planned 1"* ]]
	[ "$(q "SELECT group_concat(customer_id, ' ') FROM (SELECT customer_id FROM revisit ORDER BY 1)")" = "2 5" ]
	# any columns beside the id come along (--ignore-unknown is harmless,
	# and the help says so)
	run cs-revisit plan --help
	[[ "$output" == *"--ignore-unknown           accepted; other columns are ignored anyway"* ]]
	cs-customer list -f csv > "$T/all.csv"
	run --separate-stderr cs-revisit plan --reason 春节关怀 --ignore-unknown "$T/all.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 4, already planned 2"* ]]
}

@test "plan usage errors are 2 and write nothing" {
	world
	codes C001 > "$T/c.csv"
	before=$(dbsum)
	for args in "$T/c.csv" \
	    "--reason 春节关怀" \
	    "--reason 春节关怀 --segment vip --every 30d $T/c.csv" \
	    "--reason 春节关怀 --after-resolved 3d --date-field purchase_date --offset 7d" \
	    "--reason 春节关怀 --date-field purchase_date" \
	    "--reason 春节关怀 --every 30d" \
	    "--reason 春节关怀 --segment vip" \
	    "--reason 春节关怀 --segment vip --every 0d" \
	    "--reason 春节关怀 --after-resolved 3h" \
	    "--reason 春节关怀 --due someday $T/c.csv" \
	    "--reason 春节关怀 --bogus $T/c.csv"; do
		run cs-revisit plan $args
		echo "# plan $args: $status"
		[ "$status" -eq 2 ]
	done
	[ "$(dbsum)" = "$before" ]
}

# ---- assign ----------------------------------------------------------------

@test "weights 1, 1 and 2 share 100 owner-free tasks 25/25/50" {
	cs-agent add a1 --weight 1 >/dev/null
	cs-agent add a2 --weight 1 >/dev/null
	cs-agent add a3 --weight 2 >/dev/null
	crowd 1 100
	[ "$(q "SELECT count(*) FROM revisit WHERE agent_id IS NULL")" = 100 ]
	run --separate-stderr cs-revisit assign -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/out"
	# the plan printed: 100 tasks, each with its agent
	[ "$(pick "$T/out" id agent | grep -c ',a[123]$')" -eq 100 ]
	n1=$(q "SELECT count(*) FROM v_revisits WHERE agent = 'a1'")
	n2=$(q "SELECT count(*) FROM v_revisits WHERE agent = 'a2'")
	n3=$(q "SELECT count(*) FROM v_revisits WHERE agent = 'a3'")
	echo "# $n1 $n2 $n3"
	[ "$n1" -ge 24 ] && [ "$n1" -le 26 ]
	[ "$n2" -ge 24 ] && [ "$n2" -le 26 ]
	[ "$n3" -ge 49 ] && [ "$n3" -le 51 ]
	[ $((n1 + n2 + n3)) -eq 100 ]
	# the database agrees with the plan printed
	[ "$(pick "$T/out" id agent | sort)" = "$(q "SELECT id || ',' || agent FROM v_revisits" | sort)" ]
}

@test "open tasks already held count in the load" {
	cs-agent add a1 --weight 1 >/dev/null
	cs-agent add a2 --weight 1 >/dev/null
	cs-agent add a3 --weight 2 >/dev/null
	crowd 1 100
	cs-revisit reassign 1 2 3 4 5 6 7 8 9 10 a1
	run --separate-stderr cs-revisit assign -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/out"
	# a1 held 10 of the 100: it gets 15 of the 90 left
	new1=$(pick "$T/out" agent | grep -c '^a1$')
	echo "# a1 got $new1"
	[ "$new1" -ge 14 ] && [ "$new1" -le 16 ]
	n1=$(q "SELECT count(*) FROM v_revisits WHERE agent = 'a1'")
	n2=$(q "SELECT count(*) FROM v_revisits WHERE agent = 'a2'")
	n3=$(q "SELECT count(*) FROM v_revisits WHERE agent = 'a3'")
	echo "# $n1 $n2 $n3"
	[ "$n1" -ge 24 ] && [ "$n1" -le 26 ]
	[ "$n2" -ge 24 ] && [ "$n2" -le 26 ]
	[ "$n3" -ge 49 ] && [ "$n3" -le 51 ]
}

@test "the customer's owner comes first; an inactive owner does not" {
	world
	cs-customer list -f csv | cs-revisit plan --reason 售后回访 - 2>/dev/null
	run --separate-stderr cs-revisit assign -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/out"
	# tasks go out by due date and id: C001, C004 to li.na and C002, C006
	# to wang.wei (owners); C003 (no owner) and C005 (owner zhang.min
	# inactive) to the least loaded by (open + 1) / weight: wang.wei
	# (weight 2) both times, 2/2 < 2/1 and 3/2 < 3/1
	run q "SELECT customer_id || ' ' || agent FROM v_revisits ORDER BY customer_id"
	[ "$output" = "1 li.na
2 wang.wei
3 wang.wei
4 li.na
5 wang.wei
6 wang.wei" ]
	[ "$(pick "$T/out" customer_id agent reason | sort)" = "1,li.na,售后回访
2,wang.wei,售后回访
3,wang.wei,售后回访
4,li.na,售后回访
5,wang.wei,售后回访
6,wang.wei,售后回访" ]
}

@test "an owner on leave that day is passed over, and takes them again after" {
	world
	cs-agent leave li.na --from 2026-11-24 --to 2026-11-26 >/dev/null 2>&1
	cs-agent leave wang.wei --from 2026-11-20 --to 2026-11-23 >/dev/null 2>&1
	codes C001 C004 | cs-revisit plan --reason 售后回访 - 2>/dev/null
	run --separate-stderr cs-revisit assign
	[ "$status" -eq 0 ]
	codes C001 C004 | cs-revisit plan --reason 续费提醒 --due 2026-11-27 - 2>/dev/null
	CS_NOW=2026-11-27T09:00:00 run --separate-stderr cs-revisit assign
	[ "$status" -eq 0 ]
	run q "SELECT reason || ' ' || customer_id || ' ' || agent FROM v_revisits ORDER BY reason, customer_id"
	[ "$output" = "售后回访 1 wang.wei
售后回访 4 wang.wei
续费提醒 1 li.na
续费提醒 4 li.na" ]
}

@test "an owner without the required skill or at capacity is passed over" {
	world
	# C002's owner wang.wei lacks 售后; C001's owner li.na has 投诉
	codes C002 | cs-revisit plan --reason 退货回访 --skill 售后 - 2>/dev/null
	codes C001 | cs-revisit plan --reason 投诉回访 --skill 投诉 - 2>/dev/null
	run --separate-stderr cs-revisit assign
	[ "$status" -eq 0 ]
	# li.na took two today: at a capacity of 2, C004 (hers) goes elsewhere
	cs-agent update li.na --capacity 2 >/dev/null 2>&1
	codes C004 | cs-revisit plan --reason 上门回访 - 2>/dev/null
	run --separate-stderr cs-revisit assign
	[ "$status" -eq 0 ]
	run q "SELECT customer_id || ' ' || reason || ' ' || agent FROM v_revisits ORDER BY customer_id"
	[ "$output" = "1 投诉回访 li.na
2 退货回访 li.na
4 上门回访 wang.wei" ]
}

@test "capacity counts the tasks assigned today; what no one can take stays and is reported" {
	cs-agent add li.na --capacity 2 >/dev/null
	cs-agent add wang.wei --capacity 3 >/dev/null
	crowd 1 8
	run --separate-stderr cs-revisit assign -f csv
	[ "$status" -eq 0 ]
	echo "# $stderr"
	[[ "$stderr" == *unassigned* ]]
	[[ "$stderr" =~ (^|[^0-9])3([^0-9]|$) ]]
	printf '%s\n' "$output" > "$T/out"
	[ "$(pick "$T/out" agent | grep -c .)" -eq 5 ]
	run loads
	[ "$output" = "- 3
li.na 2
wang.wei 3" ]
	# the next day: li.na (2 open) takes 2 and is full, wang.wei (3 open) 1
	CS_NOW=2026-11-25T09:00:00 run --separate-stderr cs-revisit assign -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/out2"
	run loads
	[ "$output" = "li.na 4
wang.wei 4" ]
	# done tasks assigned today still count against today's capacity
	for id in $(pick "$T/out2" id agent | grep ',li.na$' | cut -d, -f1); do
		CS_NOW=2026-11-25T10:00:00 cs-revisit log "$id" --result reached
	done
	CS_NOW=2026-11-25T11:00:00 crowd 9 10
	CS_NOW=2026-11-25T11:00:00 run --separate-stderr cs-revisit assign
	[ "$status" -eq 0 ]
	run loads
	[ "$output" = "li.na 4
wang.wei 6" ]
}

@test "today's capacity is counted by the local day" {
	cs-agent add li.na --capacity 1 >/dev/null
	# 23:30 on the 24th and 07:00 on the 25th in Shanghai are both the
	# 24th in UTC
	CS_NOW=2026-11-24T23:30:00 crowd 1 1
	CS_NOW=2026-11-24T23:30:00 run --separate-stderr cs-revisit assign
	[ "$status" -eq 0 ]
	CS_NOW=2026-11-25T07:00:00 crowd 2 2
	CS_NOW=2026-11-25T07:00:00 run --separate-stderr cs-revisit assign
	[ "$status" -eq 0 ]
	run loads
	[ "$output" = "li.na 2" ]
	# and a third that morning is one too many
	CS_NOW=2026-11-25T08:00:00 crowd 3 3
	CS_NOW=2026-11-25T08:00:00 run --separate-stderr cs-revisit assign
	[ "$status" -eq 0 ]
	run loads
	[ "$output" = "- 1
li.na 2" ]
}

@test "only agents with the required skill take a task; skills match whole" {
	world
	codes C003 | cs-revisit plan --reason 远程协助 --skill 技术支持 - 2>/dev/null
	run --separate-stderr cs-revisit assign
	[ "$status" -eq 0 ]
	echo "# $stderr"
	[[ "$stderr" == *unassigned* ]]
	[[ "$stderr" =~ (^|[^0-9])1([^0-9]|$) ]]
	[ "$(q 'SELECT count(*) FROM revisit WHERE agent_id IS NULL')" = 1 ]
	cs-agent activate zhang.min >/dev/null 2>&1
	run --separate-stderr cs-revisit assign
	[ "$status" -eq 0 ]
	[ "$(q "SELECT agent FROM v_revisits WHERE reason = '远程协助'")" = zhang.min ]
	# 售 is not 售后: a skill nobody has is refused at plan time
	run --separate-stderr sh -c 'printf "code\nC003\n" | cs-revisit plan --reason 售前回访 --skill 售 -'
	[ "$status" -eq 65 ]
	[[ "$stderr" == *"--skill 售: no agent has skill '售'"* ]]
	[ "$(q "SELECT count(*) FROM revisit WHERE reason = '售前回访'")" = 0 ]
	# and one only an inactive agent has is planned, but li.na's 售后
	# does not take it
	cs-agent add zhou.xu --skills 售 >/dev/null 2>&1
	cs-agent deactivate zhou.xu >/dev/null 2>&1
	codes C003 | cs-revisit plan --reason 售前回访 --skill 售 - 2>/dev/null
	run --separate-stderr cs-revisit assign
	[ "$status" -eq 0 ]
	[ "$(q "SELECT coalesce(agent, '-') FROM v_revisits WHERE reason = '售前回访'")" = - ]
}

@test "equal (open + 1) / weight is broken by login" {
	cs-agent add zhao.lei --weight 1 >/dev/null
	cs-agent add an.qi --weight 2 >/dev/null
	for i in 1 2 3 4; do
		cs-customer add --code X$i --name 客户$i >/dev/null
	done
	# an.qi: 1/2 < 1; 2/2 = 1/1, an.qi first by login; 3/2 > 1; 3/2 < 2/1
	for i in 1 2 3 4; do
		codes X$i | cs-revisit plan --reason 回访 - 2>/dev/null
		cs-revisit assign >/dev/null 2>&1
	done
	[ "$(q "SELECT group_concat(agent, ' ') FROM (SELECT agent FROM v_revisits ORDER BY id)")" = "an.qi an.qi zhao.lei an.qi" ]
}

@test "assign --dry-run prints the plan and writes nothing; the real run prints the same" {
	world
	cs-customer list -f csv | cs-revisit plan --reason 售后回访 - 2>/dev/null
	before=$(dbsum)
	run --separate-stderr cs-revisit assign --dry-run -f csv
	[ "$status" -eq 0 ]
	dry=$output
	[ "$(dbsum)" = "$before" ]
	[ "$(q 'SELECT count(*) FROM revisit WHERE agent_id IS NOT NULL')" = 0 ]
	printf '%s\n' "$dry" > "$T/dry"
	[ "$(pick "$T/dry" customer_id agent | sort)" = "1,li.na
2,wang.wei
3,wang.wei
4,li.na
5,wang.wei
6,wang.wei" ]
	run --separate-stderr cs-revisit assign -n -f csv
	[ "$output" = "$dry" ]
	run --separate-stderr cs-revisit assign -f csv
	[ "$status" -eq 0 ]
	[ "$output" = "$dry" ]
}

@test "assign --due and --reason choose the tasks" {
	world
	codes C003 | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	codes C003 | cs-revisit plan --reason 续费提醒 --due 2026-11-26 - 2>/dev/null
	codes C003 | cs-revisit plan --reason 售后回访 - 2>/dev/null
	assigned() {
		q "SELECT group_concat(reason, ' ') FROM (SELECT reason FROM revisit WHERE agent_id IS NOT NULL ORDER BY id)"
	}
	run --separate-stderr cs-revisit assign --reason 售后回访
	[ "$status" -eq 0 ]
	[ "$(assigned)" = 售后回访 ]
	run --separate-stderr cs-revisit assign
	[ "$status" -eq 0 ]
	[ "$(assigned)" = "春节关怀 售后回访" ]
	run --separate-stderr cs-revisit assign --due +2d
	[ "$status" -eq 0 ]
	[ "$(assigned)" = "春节关怀 续费提醒 售后回访" ]
	before=$(dbsum)
	run cs-revisit assign --due someday
	[ "$status" -eq 2 ]
	run cs-revisit assign 3
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}

@test "two assign runs at once on 1,000 tasks give each task to exactly one agent" {
	for a in a1 a2 a3 a4; do
		cs-agent add "$a" >/dev/null
	done
	crowd 1 1000
	[ "$(q 'SELECT count(*) FROM revisit WHERE agent_id IS NULL')" = 1000 ]
	cs-revisit assign -f csv > "$T/o1" 2> "$T/e1" &
	p1=$!
	cs-revisit assign -f csv > "$T/o2" 2> "$T/e2" &
	p2=$!
	s1=0 s2=0
	wait "$p1" || s1=$?
	wait "$p2" || s2=$?
	cat "$T/e1" "$T/e2"
	[ "$s1" -eq 0 ]
	[ "$s2" -eq 0 ]
	[ "$(q 'SELECT count(*) FROM revisit WHERE agent_id IS NOT NULL')" = 1000 ]
	pick "$T/o1" id agent | grep ',a[1-4]$' > "$T/r1" || true
	pick "$T/o2" id agent | grep ',a[1-4]$' > "$T/r2" || true
	[ $(($(wc -l < "$T/r1") + $(wc -l < "$T/r2"))) -eq 1000 ]
	# no task in both outputs
	[ -z "$(cut -d, -f1 "$T/r1" "$T/r2" | sort | uniq -d)" ]
	# and each went to the agent the database holds
	[ "$(sort "$T/r1" "$T/r2")" = "$(q "SELECT id || ',' || agent FROM v_revisits" | sort)" ]
}
