#!/usr/bin/env bats
# cs-revisit end to end, as an acceptance-test writer reads SPEC.md
# ("Revisits", the revisit figures of "Reports") and cs-revisit(1): plan
# from the four sources, fair assignment worked out by hand, every result
# of a call, the record sheet through a spreadsheet and back, overdue,
# cancel, the summary, help and formats. Tests of behaviour that is wrong
# today fail on purpose: they document a finding.
bats_require_minimum_version 1.5.0
load helper

q() {
	sqlite3 "$CS_DB" "$1"
}

# A CSV campaign sheet of customer codes on stdout.
codes() {
	echo code
	printf '%s\n' "$@"
}

# The values of CSV columns $2... of file $1 (found by header name), one
# row a line, joined by commas. The data here has no quoted commas.
pick() {
	local f=$1
	shift
	awk -F, -v want="$*" '
	{ sub(/\r$/, "") }
	NR == 1 {
		sub(/^\357\273\277/, "")
		gsub(/"/, "")
		for (i = 1; i <= NF; i++) c[$i] = i
		n = split(want, w, " ")
		for (i = 1; i <= n; i++) if (!(w[i] in c)) { print "no column " w[i]; exit 1 }
		next
	}
	{
		gsub(/"/, "")
		s = ""
		for (i = 1; i <= n; i++) s = s (i > 1 ? "," : "") $(c[w[i]])
		print s
	}' "$f"
}

# Fills in the row of task $2 of sheet $1: result $3, score $4, note $5,
# keeping the BOM and the line ends.
fill() {
	awk -F, -v OFS=, -v id="$2" -v r="$3" -v s="${4-}" -v n="${5-}" '
	{ cr = sub(/\r$/, "") }
	NR == 1 {
		h = $0
		sub(/^\357\273\277/, "", h)
		k = split(h, H, ",")
		for (i = 1; i <= k; i++) c[H[i]] = i
	}
	NR > 1 && $(c["id"]) == id {
		$(c["result"]) = r
		if (s != "") $(c["score"]) = s
		if (n != "") $(c["note"]) = n
	}
	{ print $0 (cr ? "\r" : "") }' "$1" > "$1.tmp" && mv "$1.tmp" "$1"
}

# status attempts last_result due of task $1
task() {
	q "SELECT status || ' ' || attempts || ' ' || coalesce(last_result, '-') || ' ' || due_date FROM revisit WHERE id = $1"
}

# The value,previous,change_pct of metric $2 key $3 in summary CSV $1;
# exactly one row must match.
fig() {
	awk -F, -v m="$2" -v k="$3" '
	NR > 1 && $2 == m && $3 == k { n++; r = $4 "," $5 "," $6 }
	END { if (n == 1) print r; else print n + 0 " rows" }' "$1"
}

# Owner-free customers K<FROM>..K<TO>, one task each (reason 回访, due
# today), planned from their codes.
crowd() {
	local i
	{
		echo code,name
		for i in $(seq "$1" "$2"); do printf 'K%04d,客户%d\n' "$i" "$i"; done
	} > "$T/crowd.csv"
	cs-customer import "$T/crowd.csv" 2>/dev/null
	cut -d, -f1 "$T/crowd.csv" | cs-revisit plan --reason 回访 - 2>/dev/null
}

# A ticket of customer $1, type $2, resolved at local time $3.
resolved_ticket() {
	local t
	t=$(CS_NOW="${3%T*}T08:00:00" cs-ticket new "$1" --type "$2" --subject 问题)
	CS_NOW="${3%T*}T08:30:00" cs-ticket start "$t"
	CS_NOW="$3" cs-ticket resolve "$t" --resolution 已处理 >/dev/null
	echo "$t"
}

# ---- plan: the four sources --------------------------------------------------

@test "plan: cs-customer list --tag vip piped in plans each VIP once; cron running it twice plans nothing new" {
	staff_and_customers
	run --separate-stderr sh -c 'cs-customer list --tag vip | cs-revisit plan --reason 春节关怀 -'
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	[ "$stderr" = "cs-revisit: planned 3, already planned 0, skipped invalid contact 0, skipped merged or erased 0" ]
	[ "$(q "SELECT group_concat(customer_id || ':' || period || ':' || due_date, ' ') FROM (SELECT * FROM revisit ORDER BY customer_id)")" = "1:2026:2026-11-24 3:2026:2026-11-24 6:2026:2026-11-24" ]
	before=$(dbsum)
	run --separate-stderr sh -c 'cs-customer list --tag vip | cs-revisit plan --reason 春节关怀 -'
	[ "$status" -eq 0 ]
	[ "$stderr" = "cs-revisit: planned 0, already planned 3, skipped invalid contact 0, skipped merged or erased 0 (nothing new)" ]
	[ "$(q 'SELECT count(*) FROM revisit')" = 3 ]
}

@test "plan --after-resolved 3d: tickets resolved in the 7 local days ending 3 days ago, due 3 days after; closed kept, reopened left out" {
	staff_and_customers
	a=$(resolved_ticket C001 consult 2026-11-21T23:30:00)	# 3 days ago, late
	b=$(resolved_ticket C002 consult 2026-11-21T11:00:00)
	CS_NOW=2026-11-22T10:00:00 cs-ticket reopen "$b" >/dev/null	# not resolved any more
	c=$(resolved_ticket C005 tech 2026-11-15T00:10:00)		# first day of the window
	d=$(resolved_ticket C006 tech 2026-11-14T23:50:00)		# one day too old
	e=$(resolved_ticket C003 tech 2026-11-22T00:10:00)		# only two days ago
	CS_NOW=2026-11-23T10:00:00 cs-ticket close "$a" >/dev/null
	run --separate-stderr cs-revisit plan --reason 工单回访 --after-resolved 3d
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 2, already planned 0"* ]]
	[ "$(q "SELECT group_concat(ticket_id || ':' || customer_id || ':' || period || ':' || due_date, ' ') FROM (SELECT * FROM revisit ORDER BY ticket_id)")" = "$a:1:ticket:$a:2026-11-24 $c:5:ticket:$c:2026-11-18" ]
	# --type narrows, --window 1d looks at one day only
	run --separate-stderr cs-revisit plan --reason 技术回访 --after-resolved 3d --type tech
	[[ "$stderr" == *"planned 1, already planned 0"* ]]
	run --separate-stderr cs-revisit plan --reason 一天 --after-resolved 3d --window 1d
	[[ "$stderr" == *"planned 1, already planned 0"* ]]
	[ "$(q "SELECT ticket_id FROM revisit WHERE reason = '一天'")" = "$a" ]
	# the next morning the ticket of 11-22 comes, that of 11-15 has left
	# the window, and nothing comes twice
	CS_NOW=2026-11-25T07:00:00 run --separate-stderr cs-revisit plan --reason 工单回访 --after-resolved 3d
	[[ "$stderr" == *"planned 1, already planned 1"* ]]
	[ "$(q "SELECT customer_id || ' ' || due_date FROM revisit WHERE ticket_id = $e")" = "3 2026-11-25" ]
	[ "$(q "SELECT count(*) FROM revisit WHERE ticket_id IN ($b, $d)")" = 0 ]
}

@test "plan --date-field purchase_date --offset 7d: N+7 by local date, once per purchase, --window catches up" {
	cat > "$T/p.csv" <<'CSV'
code,name,phone,attr.purchase_date
P1,甲,13800000001,2026-11-17
P2,乙,13800000002,2026/11/16
P3,丙,13800000003,2026-11-17 23:30
P4,丁,13800000004,2026-11-18
P5,戊,13800000005,不记得了
P6,己,13800000006,2026-11-17
CSV
	cs-customer import "$T/p.csv" 2>/dev/null
	cs-customer invalidate P6 --reason invalid-number 2>/dev/null
	run --separate-stderr cs-revisit plan --reason N+7回访 --date-field purchase_date --offset 7d
	[ "$status" -eq 0 ]
	[ "$stderr" = "cs-revisit: planned 2, already planned 0, skipped invalid contact 1, skipped merged or erased 0" ]
	[ "$(q "SELECT group_concat(customer_id || ':' || period || ':' || due_date, ' ') FROM (SELECT * FROM revisit ORDER BY customer_id)")" = "1:purchase_date:2026-11-17:2026-11-24 3:purchase_date:2026-11-17:2026-11-24" ]
	run --separate-stderr cs-revisit plan --reason N+7回访 --date-field purchase_date --offset 7d --window 3d
	[[ "$stderr" == *"planned 1, already planned 2, skipped invalid contact 1"* ]]
	[ "$(q "SELECT due_date FROM revisit WHERE customer_id = 2")" = 2026-11-23 ]
	# a new purchase is a new task
	cs-customer update P1 -a purchase_date=2026-11-18 2>/dev/null
	CS_NOW=2026-11-25T09:00:00 run --separate-stderr cs-revisit plan --reason N+7回访 --date-field purchase_date --offset 7d
	[[ "$stderr" == *"planned 2, already planned 0"* ]]
	[ "$(q "SELECT count(*) FROM revisit WHERE customer_id = 1")" = 2 ]
}

@test "plan --date-field: a purchase time written with its UTC offset counts on its local day" {
	# bought at 01:00 on 11-17 in Shanghai, as an ISO 8601 time with its
	# offset: the N+7 call is on 11-24, for the purchase of 11-17
	printf 'code,name,phone,attr.purchase_date\nP1,甲,13800000001,2026-11-17T01:00:00+08:00\n' > "$T/p.csv"
	cs-customer import "$T/p.csv" 2>/dev/null
	run --separate-stderr cs-revisit plan --reason N+7回访 --date-field purchase_date --offset 7d
	[ "$status" -eq 0 ]
	echo "# $stderr"
	echo "# $(q 'SELECT period || " " || due_date FROM revisit')"
	[[ "$stderr" == *"planned 1, already planned 0"* ]]
	[ "$(q 'SELECT period || " " || due_date FROM revisit')" = "purchase_date:2026-11-17 2026-11-24" ]
}

@test "plan --date-field: an attribute that is not a date (a bare number) is not taken" {
	# 2461000 is a number (a member number, points); SQLite would read it
	# as the Julian day 2025-11-20
	printf 'code,name,phone,attr.purchase_date\nP1,甲,13800000001,2461000\n' > "$T/p.csv"
	cs-customer import "$T/p.csv" 2>/dev/null
	CS_NOW=2025-11-27T09:00:00 run --separate-stderr cs-revisit plan --reason N+7回访 --date-field purchase_date --offset 7d
	[ "$status" -eq 0 ]
	echo "# $stderr"
	[ "$(q 'SELECT count(*) FROM revisit')" = 0 ]
}

@test "plan --segment vip --every 30d: one task per customer per 30-day cycle counted from 1970-01-01, tag and segment combine" {
	staff_and_customers
	run --separate-stderr cs-revisit plan --reason VIP关怀 --segment vip --every 30d
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 3, already planned 0"* ]]
	# 2026-11-24 is day 20781 since 1970-01-01; 20781 mod 30 = 21 days into
	# the cycle that began on 2026-11-03
	[ "$(q "SELECT group_concat(DISTINCT period) FROM revisit")" = every-30d:2026-11-03 ]
	CS_NOW=2026-12-02T23:59:00 run --separate-stderr cs-revisit plan --reason VIP关怀 --segment vip --every 30d
	[[ "$stderr" == *"planned 0, already planned 3"* ]]
	CS_NOW=2026-12-03T00:01:00 run --separate-stderr cs-revisit plan --reason VIP关怀 --segment vip --every 30d
	[[ "$stderr" == *"planned 3, already planned 0"* ]]
	[ "$(q "SELECT group_concat(due_date) FROM revisit WHERE period = 'every-30d:2026-12-03'")" = 2026-12-03,2026-12-03,2026-12-03 ]
	# segment vip and tag 春节: C006 only
	run --separate-stderr cs-revisit plan --reason 节日 --segment vip --tag 春节 --every 30d
	[[ "$stderr" == *"planned 1, already planned 0"* ]]
	[ "$(q "SELECT customer_id FROM revisit WHERE reason = '节日'")" = 6 ]
}

@test "plan: invalidated contacts are skipped and counted by every source" {
	staff_and_customers
	cs-customer invalidate C001 --reason refused 2>/dev/null
	cs-customer invalidate C006 --reason do-not-contact 2>/dev/null
	cs-customer update C001 -a purchase_date=2026-11-17 2>/dev/null
	t=$(resolved_ticket C006 consult 2026-11-21T10:00:00)
	run --separate-stderr cs-revisit plan --reason a --segment vip --every 30d
	[[ "$stderr" == *"planned 1, already planned 0, skipped invalid contact 2"* ]]
	run --separate-stderr cs-revisit plan --reason b --date-field purchase_date --offset 7d
	[[ "$stderr" == *"planned 0, already planned 0, skipped invalid contact 1"* ]]
	run --separate-stderr cs-revisit plan --reason c --after-resolved 3d
	[[ "$stderr" == *"planned 0, already planned 0, skipped invalid contact 1"* ]]
	run --separate-stderr cs-revisit plan --reason d <(codes C001 C002 C006)
	[[ "$stderr" == *"planned 1, already planned 0, skipped invalid contact 2"* ]]
	[ "$(q "SELECT group_concat(reason || ':' || customer_id, ' ') FROM (SELECT * FROM revisit ORDER BY id)")" = "a:3 d:2" ]
}

@test "plan: a bad list names file and line (blank lines counted), exits 65 and writes nothing" {
	staff_and_customers
	before=$(dbsum)
	check() {
		printf "$1" > "$T/l.txt"
		run --separate-stderr cs-revisit plan --reason 测试 "$T/l.txt"
		echo "# $status $stderr"
		[ "$status" -eq 65 ]
		[[ "$stderr" == "cs-revisit: $T/l.txt:$2"* ]]
		[ "$(dbsum)" = "$before" ]
	}
	check 'code,name\nC001,王芳\nC002,"李"强\n' 3
	check 'code,name\nC001,王芳\n\nC002\n' 4
	check '[{"id":1},{"id":99999999999999999999}]' 1
	check 'name\n王芳\n' 2
	check '{"code":"C001"}\n{"code":\n' 2
}

@test "plan: two plan runs from cron at the same moment double nothing" {
	crowd 1 300
	q "DELETE FROM revisit"
	cut -d, -f1 "$T/crowd.csv" > "$T/list.csv"
	cs-revisit plan --reason 双十一 "$T/list.csv" 2> "$T/e1" &
	p1=$!
	cs-revisit plan --reason 双十一 "$T/list.csv" 2> "$T/e2" &
	p2=$!
	s1=0 s2=0
	wait "$p1" || s1=$?
	wait "$p2" || s2=$?
	cat "$T/e1" "$T/e2"
	[ "$s1" -eq 0 ] && [ "$s2" -eq 0 ]
	[ "$(q 'SELECT count(*), count(DISTINCT customer_id) FROM revisit')" = "300|300" ]
	grep -q 'planned 300, already planned 0' "$T/e1" "$T/e2"
	grep -q 'planned 0, already planned 300' "$T/e1" "$T/e2"
}

@test "plan: the list of cs-ticket overdue plans the tickets' customers, never the customer whose id is the ticket id" {
	staff_and_customers
	cs-ticket sla set complaint urgent --first-response 1h --resolution 4h --calendar 24x7 >/dev/null 2>&1
	cs-ticket new C006 --type consult --subject 咨询 >/dev/null
	t=$(cs-ticket new C006 --type complaint --priority urgent --subject 投诉未处理)
	[ "$t" = 2 ]
	CS_NOW=2026-11-26T09:00:00 cs-ticket overdue -f csv > "$T/overdue.csv"
	cat "$T/overdue.csv"
	[ "$(wc -l < "$T/overdue.csv")" -ge 2 ]
	CS_NOW=2026-11-26T09:00:00 run --separate-stderr cs-revisit plan --reason 超时安抚 "$T/overdue.csv"
	echo "# $status $stderr"
	echo "# $(q 'SELECT group_concat(customer_id) FROM revisit')"
	# ticket 2 belongs to 赵敏 (customer 6), not to 李强 (customer 2)
	[ "$(q "SELECT count(*) FROM revisit WHERE customer_id = 2")" = 0 ]
	[ "$(q "SELECT group_concat(customer_id) FROM revisit")" = 6 ]
}

@test "plan --after-resolved --type refuses a type that does not exist, as cs-ticket list does, instead of planning nothing" {
	staff_and_customers
	resolved_ticket C002 complaint 2026-11-21T10:00:00 >/dev/null
	before=$(dbsum)
	run cs-ticket list --type complain
	[ "$status" -ne 0 ]
	run --separate-stderr cs-revisit plan --reason 投诉回访 --after-resolved 3d --type complain
	echo "# $status $stderr"
	[ "$status" -eq 2 ] || [ "$status" -eq 65 ]
	[[ "$stderr" == *complain* ]]
	[ "$(dbsum)" = "$before" ]
}

# ---- assign: worked out by hand -------------------------------------------

@test "assign: weights 1, 2, 3 by (open + 1) / weight, ties to the first login: 6 tasks go c, b, c, a, b, c" {
	cs-agent add c.zhao --weight 3 >/dev/null
	cs-agent add a.li --weight 1 >/dev/null
	cs-agent add b.wang --weight 2 >/dev/null
	crowd 1 6
	# loads a,b,c: 0,0,0 -> 1, .5, .33: c | 0,0,1 -> 1, .5, .67: b |
	# 0,1,1 -> 1, 1, .67: c | 0,1,2 -> 1, 1, 1: a (first by login) |
	# 1,1,2 -> 2, 1, 1: b (b before c) | 1,2,2 -> 2, 1.5, 1: c
	run --separate-stderr cs-revisit assign -f csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "cs-revisit: assigned 6 tasks, 0 left unassigned (no eligible agent)" ]
	[ "$output" = "id,customer_id,agent,reason,due
1,1,c.zhao,回访,2026-11-24
2,2,b.wang,回访,2026-11-24
3,3,c.zhao,回访,2026-11-24
4,4,a.li,回访,2026-11-24
5,5,b.wang,回访,2026-11-24
6,6,c.zhao,回访,2026-11-24" ]
	[ "$(q "SELECT group_concat(id || ':' || agent, ' ') FROM v_revisits")" = "1:c.zhao 2:b.wang 3:c.zhao 4:a.li 5:b.wang 6:c.zhao" ]
}

@test "assign: 60 owner-free tasks with weights 1, 2, 3 end at exactly 10, 20, 30; 7 more keep them within one task" {
	cs-agent add a.li --weight 1 >/dev/null
	cs-agent add b.wang --weight 2 >/dev/null
	cs-agent add c.zhao --weight 3 >/dev/null
	crowd 1 60
	cs-revisit assign >/dev/null 2>&1
	[ "$(q "SELECT group_concat(agent || ' ' || n, ', ') FROM (SELECT agent, count(*) n FROM v_revisits GROUP BY agent ORDER BY agent)")" = "a.li 10, b.wang 20, c.zhao 30" ]
	CS_NOW=2026-11-25T09:00:00 crowd 61 67
	CS_NOW=2026-11-25T09:00:00 cs-revisit assign >/dev/null 2>&1
	# 67 x 1/6, 2/6, 3/6 = 11.17, 22.33, 33.5
	run q "SELECT agent || ' ' || count(*) FROM v_revisits GROUP BY agent ORDER BY agent"
	echo "# $output"
	[ "${lines[0]}" = "a.li 11" ] || [ "${lines[0]}" = "a.li 12" ]
	[ "${lines[1]}" = "b.wang 22" ] || [ "${lines[1]}" = "b.wang 23" ]
	[ "${lines[2]}" = "c.zhao 33" ] || [ "${lines[2]}" = "c.zhao 34" ]
}

@test "assign: daily capacity, required skill, leave and inactive agents, worked out by hand" {
	cs-agent add a.li --weight 1 >/dev/null
	cs-agent add b.wang --weight 2 --skills 投诉 >/dev/null
	cs-agent add c.zhao --weight 3 --capacity 2 >/dev/null
	cs-agent add d.sun --weight 5 >/dev/null
	cs-agent deactivate d.sun >/dev/null 2>&1
	crowd 1 6
	codes K0001 K0002 | cs-revisit plan --reason 投诉回访 --skill 投诉 - 2>/dev/null
	# plain tasks 1-6: c, b, c (c full at 2), a (a and b tie at 1), b, b;
	# then the 投诉 tasks 7 and 8 can only go to b.wang
	run --separate-stderr cs-revisit assign --dry-run -f csv
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -d, -f1,3 | tail -n +2 | paste -sd' ' -)" = "1,c.zhao 2,b.wang 3,c.zhao 4,a.li 5,b.wang 6,b.wang 7,b.wang 8,b.wang" ]
	# b.wang on leave today: nobody has the skill, the rest to a.li after
	# c.zhao's two
	cs-agent leave b.wang --from today --to today >/dev/null 2>&1
	run --separate-stderr cs-revisit assign -f csv
	[ "$status" -eq 0 ]
	[ "$stderr" = "cs-revisit: assigned 6 tasks, 2 left unassigned (no eligible agent)" ]
	[ "$(printf '%s\n' "$output" | cut -d, -f1,3 | tail -n +2 | paste -sd' ' -)" = "1,c.zhao 2,c.zhao 3,a.li 4,a.li 5,a.li 6,a.li 7, 8," ]
	[ "$(q "SELECT count(*) FROM v_revisits WHERE agent = 'd.sun'")" = 0 ]
	# the next day b.wang is back; c.zhao has room for 2 again
	CS_NOW=2026-11-25T09:00:00 run --separate-stderr cs-revisit assign -f csv
	[ "$(printf '%s\n' "$output" | cut -d, -f1,3 | tail -n +2 | paste -sd' ' -)" = "7,b.wang 8,b.wang" ]
}

@test "assign: the owner comes first even when busier; an owner on leave, at capacity or without the skill is passed over" {
	staff_and_customers
	crowd 1 5
	cs-revisit reassign 1 2 3 4 5 li.na
	# li.na holds 5 open tasks, wang.wei none: C001 (li.na's) still goes to her
	codes C001 C003 | cs-revisit plan --reason 售后回访 - 2>/dev/null
	run --separate-stderr cs-revisit assign -f csv
	[ "$(pick <(printf '%s\n' "$output") customer_id agent | paste -sd' ' -)" = "1,li.na 3,wang.wei" ]
	# C004 is li.na's too, but she is on leave tomorrow
	cs-agent leave li.na --from 2026-11-25 --to 2026-11-25 >/dev/null 2>&1
	codes C004 | cs-revisit plan --reason 售后回访 --due 2026-11-25 - 2>/dev/null
	CS_NOW=2026-11-25T09:00:00 run --separate-stderr cs-revisit assign -f csv
	[ "$(pick <(printf '%s\n' "$output") customer_id agent)" = "4,wang.wei" ]
	# a task that needs 售后, which wang.wei (owner of C002) lacks
	codes C002 | cs-revisit plan --reason 退货回访 --skill 售后 - 2>/dev/null
	run --separate-stderr cs-revisit assign -f csv
	[ "$(pick <(printf '%s\n' "$output") customer_id agent)" = "2,li.na" ]
}

@test "assign --dry-run prints the plan and writes nothing; the real run then prints the same plan" {
	cs-agent add a.li --weight 1 >/dev/null
	cs-agent add b.wang --weight 2 >/dev/null
	cs-agent add c.zhao --weight 3 >/dev/null
	crowd 1 12
	before=$(dbsum)
	run --separate-stderr cs-revisit assign --dry-run -f csv
	[ "$status" -eq 0 ]
	dry=$output
	[ "$stderr" = "cs-revisit: would assign 12 tasks, 0 left unassigned (no eligible agent)" ]
	[ "$(dbsum)" = "$before" ]
	run --separate-stderr cs-revisit assign -f csv
	[ "$output" = "$dry" ]
	[ "$(q "SELECT group_concat(agent || ' ' || n, ', ') FROM (SELECT agent, count(*) n FROM v_revisits GROUP BY agent ORDER BY agent)")" = "a.li 2, b.wang 4, c.zhao 6" ]
}

@test "assign: two runs at the same moment never give one task to two agents" {
	for a in a1 a2 a3; do cs-agent add "$a" >/dev/null; done
	crowd 1 300
	cs-revisit assign -f csv > "$T/o1" 2> "$T/e1" &
	p1=$!
	cs-revisit assign -f csv > "$T/o2" 2> "$T/e2" &
	p2=$!
	s1=0 s2=0
	wait "$p1" || s1=$?
	wait "$p2" || s2=$?
	[ "$s1" -eq 0 ] && [ "$s2" -eq 0 ]
	cat "$T/o1" "$T/o2" | grep -v '^id,' | cut -d, -f1 | sort > "$T/ids"
	[ "$(wc -l < "$T/ids")" -eq 300 ]
	[ -z "$(uniq -d "$T/ids")" ]
	[ "$(q "SELECT group_concat(agent || ' ' || n, ', ') FROM (SELECT agent, count(*) n FROM v_revisits GROUP BY agent ORDER BY agent)")" = "a1 100, a2 100, a3 100" ]
}

@test "the automatic revisit of a complaint reopened before it is due is not handed out while the ticket is open again" {
	staff_and_customers
	t=$(resolved_ticket C003 complaint 2026-11-21T15:00:00)
	[ "$(q "SELECT due_date FROM revisit WHERE ticket_id = $t")" = 2026-11-24 ]
	CS_NOW=2026-11-22T09:00:00 cs-ticket reopen "$t" --note 客户不认可 >/dev/null
	# cs-revisit plan --after-resolved would not take it: reopened
	run --separate-stderr cs-revisit plan --reason 投诉回访 --after-resolved 3d
	run --separate-stderr cs-revisit assign -f csv
	echo "# $output"
	[ "$(q "SELECT count(*) FROM revisit WHERE ticket_id = $t AND status = 'open' AND agent_id IS NOT NULL")" = 0 ]
}

@test "the revisit of a reopened complaint resolved again is due after the new resolution, not before it" {
	staff_and_customers
	t=$(resolved_ticket C003 complaint 2026-11-21T15:00:00)
	CS_NOW=2026-11-22T09:00:00 cs-ticket reopen "$t" --note 客户不认可 >/dev/null
	CS_NOW=2026-11-26T15:00:00 cs-ticket resolve "$t" --resolution 已赔偿 >/dev/null
	run q "SELECT status || ' ' || due_date FROM revisit WHERE ticket_id = $t"
	echo "# $output"
	[ "$(q "SELECT count(*) FROM revisit WHERE ticket_id = $t AND status = 'open' AND due_date >= '2026-11-26'")" = 1 ]
}

# ---- log: every result -----------------------------------------------------

@test "log: reached is done; no-answer and busy are due again the next day and fail at the third attempt" {
	staff_and_customers
	codes C001 C002 C003 | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	CS_NOW=2026-11-24T10:00:00 run --separate-stderr cs-revisit log 1 --result reached --score 4 --note 满意
	[ "$status" -eq 0 ] && [ "$output" = "" ]
	[ "$(task 1)" = "done 1 reached 2026-11-24" ]
	CS_NOW=2026-11-24T23:50:00 cs-revisit log 2 --result no-answer
	[ "$(task 2)" = "open 1 no-answer 2026-11-25" ]
	CS_NOW=2026-11-25T10:00:00 cs-revisit log 2 --result busy
	[ "$(task 2)" = "open 2 busy 2026-11-26" ]
	CS_NOW=2026-11-26T10:00:00 cs-revisit log 2 --result no-answer
	[ "$(task 2)" = "failed 3 no-answer 2026-11-26" ]
	[ "$(q 'SELECT finished_at FROM v_revisits WHERE id = 2')" = 2026-11-26T10:00:00 ]
	before=$(dbsum)
	run cs-revisit log 2 --result no-answer
	[ "$status" -eq 65 ]
	[[ "$output" == *"failed"* ]]
	[ "$(dbsum)" = "$before" ]
	# --retry-after 2d and --max-attempts 2
	cs-revisit log 3 --result busy --retry-after 2d --max-attempts 2
	[ "$(task 3)" = "open 1 busy 2026-11-26" ]
	cs-revisit log 3 --result busy --max-attempts 2
	[ "$(task 3)" = "failed 2 busy 2026-11-26" ]
}

@test "log: refused, invalid-number and suspended fail the task and mark the customer's contact with that reason" {
	staff_and_customers
	codes C001 C002 C005 | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	cs-revisit log 1 --result refused
	cs-revisit log 2 --result invalid-number
	cs-revisit log 3 --result suspended
	[ "$(q "SELECT group_concat(status || ':' || last_result, ' ') FROM revisit")" = "failed:refused failed:invalid-number failed:suspended" ]
	[ "$(q "SELECT group_concat(code || ':' || status || ':' || contact_reason, ' ') FROM customer WHERE id IN (1, 2, 5)")" = "C001:invalid:refused C002:invalid:invalid-number C005:invalid:suspended" ]
	run --separate-stderr cs-revisit plan --reason 二次回访 <(codes C001 C002 C005 C006)
	[[ "$stderr" == *"planned 1, already planned 0, skipped invalid contact 3"* ]]
}

@test "log: a score of 1 or 2, or --complaint, opens one linked complaint ticket and prints its id; a 3 opens none" {
	staff_and_customers
	codes C001 C002 C003 C006 | cs-revisit plan --reason 售后回访 - 2>/dev/null
	run --separate-stderr cs-revisit log 1 --result reached --score 1 --note 送货太慢
	[ "$status" -eq 0 ]
	[[ "$output" =~ ^[0-9]+$ ]]
	t=$output
	[ "$(q "SELECT type || ' ' || channel || ' ' || status || ' ' || customer_id || ' ' || subject FROM ticket WHERE id = $t")" = "complaint phone new 1 回访不满意：送货太慢" ]
	[ "$(q "SELECT ticket_id FROM revisit_attempt WHERE revisit_id = 1")" = "$t" ]
	run --separate-stderr cs-revisit log 2 --result reached --score 2
	[[ "$output" =~ ^[0-9]+$ ]]
	run --separate-stderr cs-revisit log 3 --result reached --score 3
	[ "$output" = "" ]
	run --separate-stderr cs-revisit log 4 --result reached --score 5 --complaint
	[[ "$output" =~ ^[0-9]+$ ]]
	[ "$(q "SELECT count(*) FROM ticket WHERE type = 'complaint'")" = 3 ]
	[ "$(q "SELECT count(*) FROM revisit_attempt WHERE revisit_id = 3 AND ticket_id IS NULL")" = 1 ]
}

@test "log: bad results, scores, ids and usage are refused with the documented status and write nothing" {
	staff_and_customers
	codes C001 | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	before=$(dbsum)
	run --separate-stderr cs-revisit log 1 --result 接通
	[ "$status" -eq 65 ] && [[ "$stderr" == "cs-revisit: "*接通* ]]
	run --separate-stderr cs-revisit log 1 --result reached --score 6
	[ "$status" -eq 65 ] && [[ "$stderr" == *6* ]]
	run --separate-stderr cs-revisit log 7 --result reached
	[ "$status" -eq 1 ] && [[ "$stderr" == *7* ]]
	run cs-revisit log 1
	[ "$status" -eq 2 ]
	run cs-revisit log 一 --result reached
	[ "$status" -eq 2 ]
	run cs-revisit log 1 --result busy --retry-after 12h
	[ "$status" -eq 2 ]
	run cs-revisit log 1 --result busy --max-attempts 0
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}

# ---- the record sheet --------------------------------------------------------

@test "the record sheet through LibreOffice (csv to xlsx and back) imports; the same sheet again records nothing" {
	command -v soffice >/dev/null || skip "LibreOffice (soffice) is not installed"
	staff_and_customers
	cs-customer list --tag vip | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	cs-revisit assign >/dev/null 2>&1
	mkdir -p "$T/lo" "$T/home"
	cs-revisit list --no-mask --excel > "$T/lo/sheet.csv"
	fill "$T/lo/sheet.csv" 1 reached 5 很满意，下次还买
	fill "$T/lo/sheet.csv" 2 no-answer
	fill "$T/lo/sheet.csv" 3 reached 2 赠品没收到
	(cd "$T/lo" && HOME="$T/home" soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx sheet.csv >/dev/null 2>&1)
	[ -s "$T/lo/sheet.xlsx" ]
	(cd "$T/lo" && HOME="$T/home" soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir back sheet.xlsx >/dev/null 2>&1)
	[ -s "$T/lo/back/sheet.csv" ]
	cat "$T/lo/back/sheet.csv"
	# the phone numbers came back as text, whole
	grep -q '13812345678' "$T/lo/back/sheet.csv"
	CS_NOW=2026-11-24T18:00:00 run --separate-stderr cs-revisit import --actor li.na "$T/lo/back/sheet.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 3, updated 0, unchanged 0, rejected 0"* ]]
	[ "$(task 1)" = "done 1 reached 2026-11-24" ]
	[ "$(task 2)" = "open 1 no-answer 2026-11-25" ]
	[ "$(task 3)" = "done 1 reached 2026-11-24" ]
	[ "$(q 'SELECT note FROM revisit WHERE id = 1')" = 很满意，下次还买 ]
	[ "$(q "SELECT count(*) FROM ticket WHERE type = 'complaint' AND customer_id = 6")" = 1 ]
	run --separate-stderr cs-revisit import "$T/lo/back/sheet.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 0, updated 0, unchanged 3, rejected 0"* ]]
	[ "$(q 'SELECT count(*) FROM revisit_attempt')" = 3 ]
}

@test "the record sheet saved by Chinese Excel as GBK CSV imports with --encoding gbk; a bad row names file, line, column and value" {
	staff_and_customers
	cs-customer list --tag vip | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	cs-revisit assign >/dev/null 2>&1
	cs-revisit list --no-mask --excel > "$T/sheet.csv"
	fill "$T/sheet.csv" 1 reached 4 客户说：服务好
	fill "$T/sheet.csv" 3 busy
	# Excel: no BOM, the ="..." cells saved as their digits, GBK
	sed '1s/^\xef\xbb\xbf//; s/"=""\([0-9]*\)"""/\1/g' "$T/sheet.csv" | iconv -f UTF-8 -t GBK > "$T/gbk.csv"
	before=$(dbsum)
	run --separate-stderr cs-revisit import --dry-run --encoding gbk "$T/gbk.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"would add 2"* ]]
	[ "$(dbsum)" = "$before" ]
	run --separate-stderr cs-revisit import --encoding gbk "$T/gbk.csv"
	[ "$status" -eq 0 ]
	[ "$(q 'SELECT note FROM revisit WHERE id = 1')" = 客户说：服务好 ]
	[ "$(task 3)" = "open 1 busy 2026-11-25" ]
	# a typed result that is not one of the list: line 3, column result
	printf 'id,attempts,result,score\n2,0,reached,5\n3,1,没人接,\n' > "$T/bad.csv"
	before=$(dbsum)
	run --separate-stderr cs-revisit import "$T/bad.csv"
	[ "$status" -eq 65 ]
	[[ "$stderr" == *"$T/bad.csv:3: result"*"没人接"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "the record sheet gives a number to call for a customer whose only number is phone2" {
	staff_and_customers
	printf 'code,name,phone,phone2\nM1,孙丽,,13900001111\n' > "$T/m.csv"
	cs-customer import "$T/m.csv" 2>/dev/null
	codes M1 | cs-revisit plan --reason 售后回访 - 2>/dev/null
	cs-revisit list --no-mask -f csv > "$T/sheet.csv"
	cat "$T/sheet.csv"
	[ "$(pick "$T/sheet.csv" customer phone)" = "孙丽,13900001111" ]
}

@test "list --agent refuses a login that is no agent, as cs-ticket list --assignee does, instead of an empty sheet" {
	staff_and_customers
	cs-customer list --tag vip | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	cs-revisit assign >/dev/null 2>&1
	run cs-ticket list --assignee li.nn
	[ "$status" -ne 0 ]
	run --separate-stderr cs-revisit list --agent li.nn
	echo "# $status $stderr"
	[ "$status" -eq 65 ] || [ "$status" -eq 1 ] || [ "$status" -eq 2 ]
	[[ "$stderr" == *li.nn* ]]
}

@test "list: masked by default, sorted by agent (none first), due and id; --status, --reason, --due, --customer, --limit" {
	staff_and_customers
	codes C001 C003 C006 | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	cs-revisit assign >/dev/null 2>&1
	codes C002 | cs-revisit plan --reason 续费提醒 --due 2026-11-20 - 2>/dev/null
	run cs-revisit list -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/s.csv"
	[ "$(pick "$T/s.csv" id agent phone due | paste -sd' ' -)" = "4,,139****1111,2026-11-20 1,li.na,138****5678,2026-11-24 2,wang.wei,0755-****6666,2026-11-24 3,wang.wei,158****1111,2026-11-24" ]
	cs-revisit log 1 --result reached
	[ "$(cs-revisit list -f csv --no-header --status done | cut -d, -f1)" = 1 ]
	[ "$(cs-revisit list -f csv --no-header --status all | wc -l)" -eq 4 ]
	[ "$(cs-revisit list -f csv --no-header --reason 续费提醒 | cut -d, -f1)" = 4 ]
	[ "$(cs-revisit list -f csv --no-header --due 2026-11-21 | cut -d, -f1)" = 4 ]
	[ "$(cs-revisit list -f csv --no-header --due -4d | cut -d, -f1)" = 4 ]
	[ "$(cs-revisit list -f csv --no-header --customer '+86 158 0000 1111' | cut -d, -f1)" = 3 ]
	[ "$(cs-revisit list -f csv --no-header --limit 1 | cut -d, -f1)" = 4 ]
	run cs-revisit list --customer C999
	[ "$status" -eq 1 ]
}

@test "list --overdue: open, given 7 x 24 hours ago or more and not called since; reassign starts the clock again" {
	staff_and_customers
	codes C001 C002 C003 | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	cs-revisit assign >/dev/null 2>&1
	CS_NOW=2026-11-26T10:00:00 cs-revisit log 1 --result no-answer
	ids() {
		cs-revisit list -f csv --no-header --overdue "$@" | cut -d, -f1 | paste -sd' ' -
	}
	[ "$(CS_NOW=2026-12-01T08:59:59 ids)" = "" ]
	[ "$(CS_NOW=2026-12-01T09:00:00 ids)" = "2 3" ]
	[ "$(CS_NOW=2026-12-01T09:00:00 ids --agent wang.wei)" = "2 3" ]
	CS_NOW=2026-12-01T10:00:00 cs-revisit reassign 3 li.na
	[ "$(CS_NOW=2026-12-08T09:59:00 ids)" = "2" ]
	# by agent: li.na's 3 before wang.wei's 2
	[ "$(CS_NOW=2026-12-08T10:00:00 ids)" = "3 2" ]
	CS_NOW=2026-12-08T11:00:00 run cs-revisit summary 2026-12 -f csv
	printf '%s\n' "$output" > "$T/s.csv"
	[ "$(fig "$T/s.csv" revisits_overdue '' | cut -d, -f1)" = 2 ]
}

@test "cancel: open tasks only, all or none, the reason kept as the note and in the change log" {
	staff_and_customers
	codes C001 C002 C003 | cs-revisit plan --reason 双十一回访 - 2>/dev/null
	cs-revisit log 3 --result reached
	before=$(dbsum)
	run --separate-stderr cs-revisit cancel 1 3 --reason 活动取消
	[ "$status" -eq 65 ]
	[[ "$stderr" == *3* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-revisit cancel 1 99
	[ "$status" -eq 1 ]
	[ "$(dbsum)" = "$before" ]
	run sh -c 'cs-revisit list --reason 双十一回访 | cs-revisit cancel --reason 活动取消 -'
	[ "$status" -eq 0 ]
	[ "$(q "SELECT group_concat(id || ':' || status || ':' || coalesce(note, '-'), ' ') FROM revisit")" = "1:cancelled:活动取消 2:cancelled:活动取消 3:done:-" ]
	[ "$(q "SELECT count(*) FROM change_log WHERE entity = 'revisit' AND new_value = 'cancelled' AND note = '活动取消'")" = 2 ]
	# cancelled tasks are not finished: the summary leaves them out
	cs-revisit summary 2026-11 -f csv > "$T/s.csv"
	[ "$(fig "$T/s.csv" revisits_finished '' | cut -d, -f1)" = 1 ]
}

# ---- the summary, worked out by hand ----------------------------------------

# October: tasks 1 (C001, li.na) reached 5; 2 (C002, wang.wei) busy three
# times, failed. November: tasks 3-6 (C003-C006) planned on 11-02 and
# given 3 wang.wei, 4 li.na (owner), 5 wang.wei, 6 wang.wei (owner); 3
# reached 2 (a complaint), 4 suspended, 5 no-answer then reached 4, 6 never
# called.
two_months() {
	staff_and_customers
	codes C001 C002 | CS_NOW=2026-10-20T09:00:00 cs-revisit plan --reason 售后回访 - 2>/dev/null
	CS_NOW=2026-10-20T09:00:00 cs-revisit assign >/dev/null 2>&1
	CS_NOW=2026-10-21T10:00:00 cs-revisit log 1 --result reached --score 5
	CS_NOW=2026-10-21T10:00:00 cs-revisit log 2 --result busy
	CS_NOW=2026-10-22T10:00:00 cs-revisit log 2 --result busy
	CS_NOW=2026-10-23T10:00:00 cs-revisit log 2 --result busy
	codes C003 C004 C005 C006 | CS_NOW=2026-11-02T09:00:00 cs-revisit plan --reason 续费提醒 - 2>/dev/null
	CS_NOW=2026-11-02T09:00:00 cs-revisit assign >/dev/null 2>&1
	[ "$(q "SELECT group_concat(id || ':' || agent, ' ') FROM v_revisits")" = "1:li.na 2:wang.wei 3:wang.wei 4:li.na 5:wang.wei 6:wang.wei" ]
	CS_NOW=2026-11-03T10:00:00 cs-revisit log 3 --result reached --score 2 --note 太慢 >/dev/null
	CS_NOW=2026-11-03T10:05:00 cs-revisit log 4 --result suspended
	CS_NOW=2026-11-04T10:00:00 cs-revisit log 5 --result no-answer
	CS_NOW=2026-11-05T10:00:00 cs-revisit log 5 --result reached --score 4
	export CS_NOW=2026-11-10T09:00:00
}

@test "summary 2026-11 against October, worked out by hand: finished, success rate, results, attempts, scores, agents, reasons, overdue" {
	two_months
	run cs-revisit summary 2026-11 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/s.csv"
	[ "${lines[0]}" = "section,metric,key,value,previous,change_pct" ]
	[ "$(fig "$T/s.csv" revisits_planned '')" = "4,2,100.00" ]
	[ "$(fig "$T/s.csv" revisits_finished '')" = "3,2,50.00" ]
	# 2 of 3 reached against 1 of 2
	[ "$(fig "$T/s.csv" revisit_success_rate '' | cut -d, -f1,2)" = "66.67,50.00" ]
	[ "$(fig "$T/s.csv" revisits_by_result reason=reached)" = "2,1,100.00" ]
	[ "$(fig "$T/s.csv" revisits_by_result reason=suspended)" = "1,0," ]
	[ "$(fig "$T/s.csv" revisits_by_result reason=busy)" = "0,1,-100.00" ]
	[ "$(fig "$T/s.csv" revisits_by_result reason=no-answer)" = "0 rows" ]
	# calls: (1 + 1 + 2) / 3 against (1 + 3) / 2
	[ "$(fig "$T/s.csv" revisit_attempts_mean '' | cut -d, -f1,2)" = "1.33,2.00" ]
	# scores 2 and 4 against 5
	[ "$(fig "$T/s.csv" revisit_score_mean '')" = "3.00,5.00,-40.00" ]
	[ "$(fig "$T/s.csv" revisit_satisfied_pct '')" = "50.00,100.00,-50.00" ]
	[ "$(fig "$T/s.csv" revisit_complaints '')" = "1,0," ]
	[ "$(fig "$T/s.csv" revisit_contacts_invalidated '')" = "1,0," ]
	[ "$(fig "$T/s.csv" revisits_finished reason=续费提醒)" = "3,0," ]
	[ "$(fig "$T/s.csv" revisits_finished reason=售后回访)" = "0,2,-100.00" ]
	[ "$(fig "$T/s.csv" revisit_success_rate reason=续费提醒)" = "66.67,," ]
	[ "$(fig "$T/s.csv" revisit_success_rate reason=售后回访)" = ",50.00," ]
	[ "$(fig "$T/s.csv" revisits_finished agent=wang.wei)" = "2,1,100.00" ]
	[ "$(fig "$T/s.csv" revisits_finished agent=li.na)" = "1,1,0.00" ]
	[ "$(fig "$T/s.csv" revisit_success_rate agent=wang.wei)" = "100.00,0.00," ]
	[ "$(fig "$T/s.csv" revisit_success_rate agent=li.na)" = "0.00,100.00,-100.00" ]
	# task 6, given on 11-02 09:00, never called: overdue on 11-10
	[ "$(fig "$T/s.csv" revisits_overdue '' | cut -d, -f1)" = 1 ]
	# the same range as --from/--to; --reason narrows
	run cs-revisit summary --from 2026-11-01 --to 2026-12-01 -f csv
	[ "$output" = "$(cat "$T/s.csv")" ]
	cs-revisit summary 2026-11 --reason 续费提醒 -f csv > "$T/r.csv"
	[ "$(fig "$T/r.csv" revisits_finished '')" = "3,0," ]
	[ "$(fig "$T/r.csv" revisit_score_mean '')" = "3.00,," ]
}

@test "cs-report monthly gives the same revisit figures as cs-revisit summary (SPEC: revisits_finished, revisit_success_rate, revisits_by_result)" {
	two_months
	cs-revisit summary 2026-11 -f csv > "$T/s.csv"
	cs-report monthly 2026-11 -f csv > "$T/r.csv"
	for row in "revisits_finished," "revisit_success_rate," "revisits_by_result,reason=reached" \
	    "revisits_by_result,reason=suspended" "revisits_by_result,reason=busy" \
	    "revisit_success_rate,reason=续费提醒" "revisit_score_mean,"; do
		m=${row%%,*} k=${row#*,}
		a=$(fig "$T/s.csv" "$m" "$k")
		b=$(awk -F, -v m="$m" -v k="$k" '$1 == "revisits" && $2 == m && $3 == k { print $4 "," $5 "," $6 }' "$T/r.csv")
		echo "# $m $k: summary $a report $b"
		[ "$a" = "$b" ]
	done
	[ "$(awk -F, '$1 == "agents" && $2 == "revisit_success_rate" && $3 == "agent=li.na" { print $4 "," $5 }' "$T/r.csv")" = "0.00,100.00" ]
}

@test "summary: an undefined rate is empty, a count without data 0; bad periods are usage errors" {
	two_months
	run cs-revisit summary 2026-09 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/s.csv"
	[ "$(fig "$T/s.csv" revisits_finished '')" = "0,0," ]
	[ "$(fig "$T/s.csv" revisit_success_rate '')" = ",," ]
	[ "$(fig "$T/s.csv" revisit_score_mean '')" = ",," ]
	for p in 2026-13 someday "2026-11 2026-10"; do
		run cs-revisit summary $p
		[ "$status" -eq 2 ]
	done
	run cs-revisit summary --from 2026-11-10
	[ "$status" -eq 2 ]
}

# ---- help and formats --------------------------------------------------------

@test "-h and --help on every subcommand print its usage on stdout and exit 0" {
	for c in plan assign list log import cancel reassign summary; do
		run --separate-stderr cs-revisit "$c" -h
		[ "$status" -eq 0 ]
		[[ "${lines[0]}" == "usage: cs-revisit $c"* ]]
		[ "$stderr" = "" ]
		run --separate-stderr cs-revisit "$c" --help
		[ "$status" -eq 0 ]
		[[ "${lines[0]}" == "usage: cs-revisit $c"* ]]
	done
	run cs-revisit help summary
	[ "$status" -eq 0 ]
	[[ "$output" == *"--from DATE"* ]]
	run cs-revisit --version
	[ "$status" -eq 0 ]
	run cs-revisit list --bogus
	[ "$status" -eq 2 ]
}

@test "every --format of list, assign -n, plan -n, log and summary is what cs(7) says" {
	staff_and_customers
	codes C001 C003 | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	for f in table csv tsv json jsonl markdown html; do
		run --separate-stderr cs-revisit list -f "$f"
		[ "$status" -eq 0 ]
		case $f in
		csv) [ "${lines[0]}" = "id,customer_id,customer,phone,reason,due,agent,status,attempts,last_result,last_score,last_note,result,score,note" ] ;;
		tsv) [ "${lines[0]}" = "$(printf 'id\tcustomer_id\tcustomer\tphone\treason\tdue\tagent\tstatus\tattempts\tlast_result\tlast_score\tlast_note\tresult\tscore\tnote')" ] ;;
		json) printf '%s' "$output" | jq -e 'length == 2 and .[0].id == 1 and .[0].customer == "王芳" and .[0].result == null' ;;
		jsonl) [ "${#lines[@]}" -eq 2 ]; printf '%s\n' "$output" | jq -e '.customer_id' >/dev/null ;;
		markdown) [[ "${lines[1]}" =~ ^\|[-:\ \|]+\|$ ]] ;;
		html) [[ "$output" == *"<table"* && "$output" == *"王芳"* ]] ;;
		table) [[ "${lines[0]}" == id*customer_id*customer*phone* ]] ;;
		esac
	done
	# a table aligns by display width: the phone column starts at the same
	# screen column on every line, whatever the width of the Chinese name
	cs-customer add --code W1 --name 欧阳娜娜 --phone 13700002222 >/dev/null
	codes W1 | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	cs-revisit list -f table > "$T/t"
	cat "$T/t"
	[ "$(wc -l < "$T/t")" -eq 4 ]
	while IFS= read -r line; do
		pre=${line%%phone*}
		[ "$pre" != "$line" ] || pre=$(printf '%s' "$line" | sed 's/\(1[0-9][0-9]\*\|0755-\).*//')
		printf '%s' "$pre" | wc -L
	done < "$T/t" | sort -u > "$T/cols"
	cat "$T/cols"
	[ "$(wc -l < "$T/cols")" -eq 1 ]
	run --separate-stderr cs-revisit assign -n -f json
	printf '%s' "$output" | jq -e 'length == 3 and (.[0] | has("agent"))'
	run --separate-stderr cs-revisit plan -n --reason 新 -f jsonl <(codes C002)
	[ "$(printf '%s' "$output" | jq -r '.customer_id')" = 2 ]
	run --separate-stderr cs-revisit log 1 --result reached -f json
	printf '%s' "$output" | jq -e '.revisit_id == 1 and .status == "done" and .ticket_id == null'
	run cs-revisit summary 2026-11 -f json
	printf '%s' "$output" | jq -e '.[] | select(.metric == "revisits_finished" and .key == "") | .value == 1'
	run cs-revisit summary 2026-11 -f table --lang zh
	[[ "${lines[0]}" == 部分*指标*维度*本期*上期*环比%* ]]
}
