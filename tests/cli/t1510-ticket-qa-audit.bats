#!/usr/bin/env bats
# An acceptance-style audit of cs-ticket (the state machine, the timeline,
# first response, SLA clocks, overdue, import, escalate, rate, link, the
# automatic revisit), of the quality reviews (sample, qa-form, review), of
# cs-agent target and of cs-report scorecard, against SPEC.md ("Tickets",
# "Quality reviews and scorecards", the ticket parts of "Reports") and the
# man pages.  Every expected figure is computed by hand in the comments.
bats_require_minimum_version 1.5.0
load helper

# ---- helpers -----------------------------------------------------------------

# The roster of helper.bash plus chen.qa, a reviewer of 质检组.
qa_staff() {
	staff_and_customers
	cs-agent add chen.qa --name 陈质检 --team 质检组 --role reviewer >/dev/null
}

# tk NOW ARGS...: cs-ticket at the time NOW.
tk() {
	local now=$1
	shift
	cs-ticket --now "$now" "$@"
}

# The id of the ticket imported as external_id $1.
tid() {
	sqlite3 "$CS_DB" "SELECT id FROM ticket WHERE external_id = '$1'"
}

# The timeline lines of ticket $1 as TIME,VALUE (show -f csv).
timeline() {
	cs-ticket show "$1" -f csv | awk -F, '$1 == "timeline"' | cut -d, -f2-
}

# field ID NAME: the value of a field of show.
field() {
	cs-ticket show "$1" -f csv | awk -F, -v f="$2" '$1 == "ticket" && $2 == f' |
	    cut -d, -f3-
}

# ---- the state machine ---------------------------------------------------

# Puts a new complaint into STATUS by legal moves; prints its id.
ticket_in() {
	local id
	id=$(cs-ticket new C001 -t complaint -a li.na -s 测试) || return 1
	case $1 in
	new) ;;
	open) cs-ticket start "$id" ;;
	pending) cs-ticket start "$id" && cs-ticket pend "$id" ;;
	resolved) cs-ticket start "$id" && cs-ticket resolve "$id" -r 已处理 ;;
	closed) cs-ticket start "$id" && cs-ticket resolve "$id" -r 已处理 &&
		cs-ticket close "$id" ;;
	reopened) cs-ticket start "$id" && cs-ticket resolve "$id" -r 已处理 &&
		cs-ticket reopen "$id" ;;
	esac
	echo "$id"
}

@test "every legal move of the state machine lands in its status and is a status event OLD → NEW with its note" {
	staff_and_customers
	# from → action → to, as SPEC "Statuses" and the man page's table
	while read -r from action to; do
		id=$(ticket_in "$from")
		[ "$(field "$id" status)" = "$from" ]
		if [ "$action" = resolve ]; then note=(-r 处理说明); else note=(--note 备注); fi
		run cs-ticket "$action" "${note[@]}" "$id"
		[ "$status" -eq 0 ] || { echo "$from $action: $output"; false; }
		[ "$(field "$id" status)" = "$to" ] || { echo "$from $action"; false; }
		timeline "$id" | tail -n 1 | grep -F "tester status: $from → $to — ${note[1]}"
	done <<'EOF'
new start open
open pend pending
open resolve resolved
pending start open
pending resolve resolved
resolved close closed
resolved reopen reopened
closed reopen reopened
reopened start open
reopened pend pending
reopened resolve resolved
EOF
}

@test "every illegal move is refused with 65, names what the status allows, and writes nothing" {
	staff_and_customers
	declare -A ok=(
		[new]="start" [open]="pend resolve" [pending]="start resolve"
		[resolved]="close reopen" [closed]="reopen"
		[reopened]="start pend resolve")
	for from in new open pending resolved closed reopened; do
		id=$(ticket_in "$from")
		for action in start pend resolve close reopen; do
			case " ${ok[$from]} " in *" $action "*) continue ;; esac
			before=$(dbsum)
			if [ "$action" = resolve ]; then
				run cs-ticket resolve -r 处理说明 "$id"
			else
				run cs-ticket "$action" "$id"
			fi
			[ "$status" -eq 65 ] || { echo "$from $action: $status $output"; false; }
			[[ $output == *"ticket $id is $from: it cannot $action"* ]] ||
			    { echo "$output"; false; }
			[ "$(dbsum)" = "$before" ] || { echo "$from $action wrote"; false; }
		done
	done
}

@test "an illegal move in a bulk action through - moves none of the tickets (65)" {
	staff_and_customers
	a=$(ticket_in open)
	b=$(ticket_in new)
	before=$(dbsum)
	run bash -c "printf '%s\n' $a $b | cs-ticket pend -"
	[ "$status" -eq 65 ]
	[[ $output == *"ticket $b is new"* ]]
	[ "$(dbsum)" = "$before" ]
	[ "$(field "$a" status)" = open ]
}

# ---- first response, the timeline ------------------------------------------

@test "first response: a comment, an assignment, an escalation, a rating and a reopen are no response; the first public reply is, once" {
	staff_and_customers
	id=$(tk 2026-11-24T09:00 new C002 -t consult)
	tk 2026-11-24T09:10 comment "$id" 内部：先查订单
	tk 2026-11-24T09:20 assign "$id" li.na
	tk 2026-11-24T09:30 escalate "$id" --to wang.wei --reason 客户要求主管
	[ -z "$(field "$id" first_response_at)" ]
	[ "$(field "$id" status)" = new ]
	tk 2026-11-24T09:45 reply "$id" 您好，已收到
	[ "$(field "$id" first_response_at)" = 2026-11-24T09:45:00+08:00 ]
	# a reply to a new ticket starts it
	[ "$(field "$id" status)" = open ]
	tk 2026-11-24T10:00 reply "$id" 第二次回复
	tk 2026-11-24T11:00 resolve "$id"
	[ "$(field "$id" first_response_at)" = 2026-11-24T09:45:00+08:00 ]
	# an imported resolved ticket without a first response: reopening it
	# is no response, starting it again is
	printf 'external_id,customer,type,created_at,resolved_at\nF1,C001,consult,2026-11-20T10:00,2026-11-20T12:00\n' > "$T/f.csv"
	cs-ticket import "$T/f.csv" 2>/dev/null
	f=$(tid F1)
	tk 2026-11-24T10:00 rate "$f" 4
	tk 2026-11-24T10:30 reopen "$f"
	[ -z "$(field "$f" first_response_at)" ]
	tk 2026-11-24T11:00 start "$f"
	[ "$(field "$f" first_response_at)" = 2026-11-24T11:00:00+08:00 ]
	# a comment first, then start: the start is the response
	id2=$(tk 2026-11-24T09:00 new C002 -t consult -a li.na)
	tk 2026-11-24T09:05 comment "$id2" 内部备注
	[ -z "$(field "$id2" first_response_at)" ]
	tk 2026-11-24T09:50 start "$id2"
	[ "$(field "$id2" first_response_at)" = 2026-11-24T09:50:00+08:00 ]
}

@test "first response: start is a status change and counts, a comment before it does not; the report median uses it" {
	staff_and_customers
	id=$(tk 2026-11-17T09:00 new C002 -t consult -a li.na)
	tk 2026-11-17T09:30 start "$id"
	[ "$(field "$id" first_response_at)" = 2026-11-17T09:30:00+08:00 ]
	id2=$(tk 2026-11-17T10:00 new C003 -t consult -a li.na)
	tk 2026-11-17T10:05 comment "$id2" 内部
	tk 2026-11-17T11:00 reply "$id2" 您好
	# first responses 0.5h and 1h: median 0.75, p90 = 2nd of 2 = 1.00
	cs-report 2026-W47 -f csv -s tickets > "$T/r.csv"
	has_row "tickets,first_response_median_h,,0.75,," "$T/r.csv"
	has_row "tickets,first_response_p90_h,,1.00,," "$T/r.csv"
}

@test "a reply or a comment of white space only is refused as an empty one is, and is no first response" {
	staff_and_customers
	id=$(cs-ticket new C001 -t consult -a li.na)
	before=$(dbsum)
	# standard input of white space is refused (65) ...
	run bash -c "echo '   ' | cs-ticket reply $id"
	[ "$status" -eq 65 ]
	# ... so the same text as an argument must be too
	run cs-ticket reply "$id" '   '
	[ "$status" -eq 65 ]
	run cs-ticket comment "$id" '	  '
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
	[ -z "$(field "$id" first_response_at)" ]
	[ "$(field "$id" status)" = new ]
}

@test "show: each kind of event names who, when, what, from → to and the note" {
	staff_and_customers
	id=$(tk 2026-11-24T09:00 new C001 -t complaint -s 快递未到 --actor li.na)
	tk 2026-11-24T09:01 assign "$id" li.na --actor wang.wei
	tk 2026-11-24T09:02 comment "$id" 内部备注 --actor li.na
	tk 2026-11-24T09:03 reply "$id" 您好，已联系快递 --actor li.na
	tk 2026-11-24T09:04 pend --note 等快递回复 "$id" --actor li.na
	tk 2026-11-24T09:05 escalate "$id" --to 售后组 --reason 需主管跟进 --actor li.na
	tk 2026-11-24T09:06 resolve "$id" -r 补发 --root-cause 快递延误 --stage 物流配送 --actor li.na
	tk 2026-11-24T09:07 rate "$id" 4 --comment 满意 --actor li.na
	tk 2026-11-24T09:08 close "$id" --note 结案 --actor wang.wei
	timeline "$id" > "$T/tl"
	cat "$T/tl"
	grep -xF '2026-11-24T09:00:00+08:00,li.na created status:  → new — 快递未到' "$T/tl"
	grep -xF '2026-11-24T09:01:00+08:00,wang.wei assign assignee:  → li.na' "$T/tl"
	grep -xF '2026-11-24T09:02:00+08:00,li.na comment: 内部备注' "$T/tl"
	grep -xF '2026-11-24T09:03:00+08:00,li.na reply: 您好，已联系快递' "$T/tl"
	grep -xF '2026-11-24T09:03:00+08:00,li.na status: new → open' "$T/tl"
	grep -xF '2026-11-24T09:04:00+08:00,li.na status: open → pending — 等快递回复' "$T/tl"
	grep -xF '2026-11-24T09:05:00+08:00,li.na escalate escalated_to:  → 售后组 — 需主管跟进' "$T/tl"
	grep -xF '2026-11-24T09:06:00+08:00,li.na status: pending → resolved — 补发' "$T/tl"
	grep -F '2026-11-24T09:06:00+08:00,li.na field root_cause:  → 快递延误' "$T/tl"
	grep -F '2026-11-24T09:06:00+08:00,li.na field stage:  → 物流配送' "$T/tl"
	grep -xF '2026-11-24T09:07:00+08:00,li.na rate csat:  → 4 — 满意' "$T/tl"
	grep -xF '2026-11-24T09:08:00+08:00,wang.wei status: resolved → closed — 结案' "$T/tl"
	# oldest first
	[ "$(cut -d, -f1 "$T/tl" | sort -c && echo sorted)" = sorted ]
	run cs-ticket show 999
	[ "$status" -eq 1 ]
}

# ---- resolution, revisit, escalate, rate, link ------------------------------

@test "a complaint needs a real resolution: white space only is refused (65), nothing written" {
	staff_and_customers
	id=$(ticket_in open)
	before=$(dbsum)
	run cs-ticket resolve "$id"
	[ "$status" -eq 65 ]
	[[ $output == *"needs --resolution"* ]]
	run cs-ticket resolve "$id" -r ''
	[ "$status" -eq 65 ]
	run cs-ticket resolve "$id" -r '   '
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
	[ "$(field "$id" status)" = open ]
}

@test "resolving a complaint plans one revisit on the local day of resolving + 3, once; none for an invalid contact or an import" {
	staff_and_customers
	# resolved at 00:30 local (16:30 UTC the day before): due 11-16 + 3
	id=$(tk 2026-11-15T20:00 new C002 -t complaint)
	tk 2026-11-15T21:00 start "$id"
	tk 2026-11-16T00:30 resolve "$id" -r 退款
	[ "$(sqlite3 "$CS_DB" "SELECT due_date || ' ' || reason || ' ' || period
	    FROM v_revisits WHERE ticket_id = $id")" = "2026-11-19 投诉回访 ticket:$id" ]
	tk 2026-11-17T09:00 reopen "$id"
	tk 2026-11-17T10:00 resolve "$id"
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM revisit WHERE ticket_id = $id")" = 1 ]
	# an invalid contact gets none
	cs-customer invalidate C003 --reason refused 2>/dev/null
	id=$(cs-ticket new C003 -t complaint)
	cs-ticket start "$id"
	cs-ticket resolve "$id" -r 道歉
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM revisit WHERE ticket_id = $id")" = 0 ]
	# nor an imported one
	printf 'external_id,customer,type,created_at,resolved_at,resolution\nI1,C001,complaint,2026-11-20T10:00,2026-11-20T12:00,补发\n' > "$T/i.csv"
	cs-ticket import "$T/i.csv" 2>/dev/null
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM revisit WHERE ticket_id = $(tid I1)")" = 0 ]
	# a consultation plans nothing by default
	id=$(ticket_in open)
	id=$(cs-ticket new C001 -t consult); cs-ticket start "$id"; cs-ticket resolve "$id"
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM revisit WHERE ticket_id = $id")" = 0 ]
}

@test "escalate: to an active agent reassigns, to a team keeps the assignee; an inactive login or a team without active agents is refused" {
	staff_and_customers
	id=$(cs-ticket new C001 -t complaint -a li.na)
	before=$(dbsum)
	for to in zhang.min 技术组 没有这个组; do
		run cs-ticket escalate "$id" --to "$to" --reason 升级
		[ "$status" -eq 65 ] || { echo "$to: $status"; false; }
	done
	run cs-ticket escalate "$id" --to wang.wei
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
	cs-ticket escalate "$id" --to wang.wei --reason 重大投诉
	[ "$(field "$id" assignee)" = wang.wei ]
	[ "$(field "$id" escalated_to)" = wang.wei ]
	[ "$(field "$id" status)" = new ]
	cs-ticket escalate "$id" --to 售后组 --reason 转组
	[ "$(field "$id" assignee)" = wang.wei ]
	[ "$(field "$id" escalated_to)" = 售后组 ]
	timeline "$id" | grep -F 'tester escalate escalated_to: wang.wei → 售后组 — 转组'
	# escalation is no first response
	[ -z "$(field "$id" first_response_at)" ]
}

@test "rate: a whole 1 to 5 on a resolved or closed ticket only; a second score replaces the first, old → new" {
	staff_and_customers
	id=$(ticket_in open)
	before=$(dbsum)
	run cs-ticket rate "$id" 5
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
	cs-ticket resolve "$id" -r 处理
	for bad in 0 6 4.5 x; do
		run cs-ticket rate "$id" "$bad"
		[ "$status" -ne 0 ] || { echo "$bad accepted"; false; }
	done
	[ "$(dbsum)" != "$before" ]
	cs-ticket rate "$id" 2 --comment 太慢
	cs-ticket rate "$id" 4
	[ "$(field "$id" csat)" = 4 ]
	timeline "$id" | grep -F 'rate csat: 2 → 4'
	cs-ticket reopen "$id"
	run cs-ticket rate "$id" 5
	[ "$status" -eq 65 ]
}

@test "link: an article once, with a link event; no article is 65, no ticket is 1" {
	staff_and_customers
	a=$(cs-kb add --title 如何开具发票 --body 登录后台申请 --category 发票)
	id=$(cs-ticket new C001 -t consult)
	cs-ticket link "$id" "$a"
	cs-ticket link "$id" "$a"
	[ "$(timeline "$id" | grep -c "link article:  → $a")" -eq 1 ]
	run cs-ticket link "$id" 999
	[ "$status" -eq 65 ]
	run cs-ticket link 999 "$a"
	[ "$status" -eq 1 ]
}

# ---- SLA by hand ---------------------------------------------------------------

@test "SLA in working hours across a night and a weekend, by hand (default Mon-Fri 09-18)" {
	staff_and_customers
	cs-ticket sla set complaint normal --first-response 2h --resolution 27h
	# Fri 2026-11-20 20:00, after hours: first response 2 wh -> Mon 11:00;
	# resolution 27 wh = Mon 9 + Tue 9 + Wed 9 -> Wed 11-25 18:00
	id=$(tk 2026-11-20T20:00 new C001 -t complaint)
	[ "$(field "$id" first_response_due)" = 2026-11-23T11:00:00+08:00 ]
	[ "$(field "$id" resolution_due)" = 2026-11-25T18:00:00+08:00 ]
	# Fri 17:30: 0.5h Friday, 1.5h Monday -> Mon 10:30; 27h: 0.5 + 9 + 9
	# + 8.5 -> Wed 17:30
	id=$(tk 2026-11-20T17:30 new C001 -t complaint)
	[ "$(field "$id" first_response_due)" = 2026-11-23T10:30:00+08:00 ]
	[ "$(field "$id" resolution_due)" = 2026-11-25T17:30:00+08:00 ]
	# Sunday 23:00: nothing counts until Monday 09:00
	id=$(tk 2026-11-22T23:00 new C001 -t complaint)
	[ "$(field "$id" first_response_due)" = 2026-11-23T11:00:00+08:00 ]
	# 24x7: every hour counts, the weekend too
	cs-ticket sla set consult normal --first-response 2h --resolution 30h --calendar 24x7
	id=$(tk 2026-11-21T23:00 new C001 -t consult)
	[ "$(field "$id" first_response_due)" = 2026-11-22T01:00:00+08:00 ]
	[ "$(field "$id" resolution_due)" = 2026-11-23T05:00:00+08:00 ]
}

@test "SLA with a lunch break, the 2025 国庆 holidays and the 调休 Sunday, by hand" {
	staff_and_customers
	cs-ticket calendar hours mon-fri 09:00-12:00,13:30-18:00
	cs-ticket calendar import "$BATS_TEST_DIRNAME/../../share/calendar/cn-2025.csv" 2>/dev/null
	cs-ticket sla set complaint high --first-response 1h --resolution 15h
	# Tue 2025-09-30 17:30: 0.5h, then 10-01..10-08 off; Thu 10-09 09:30.
	# 15h: 0.5 + 7.5 (10-09) = 8, then 10-10: 3h to 12:00 (11), 4h from
	# 13:30 -> 17:30
	id=$(tk 2025-09-30T17:30 new C001 -t complaint -p high)
	[ "$(field "$id" first_response_due)" = 2025-10-09T09:30:00+08:00 ]
	[ "$(field "$id" resolution_due)" = 2025-10-10T17:30:00+08:00 ]
	# Sat 2025-09-27 11:00: Sunday 09-28 is worked with Monday's hours:
	# first response 10:00; 7.5 on Sunday + 7.5 on Monday = 15 -> Mon 18:00
	id=$(tk 2025-09-27T11:00 new C001 -t complaint -p high)
	[ "$(field "$id" first_response_due)" = 2025-09-28T10:00:00+08:00 ]
	[ "$(field "$id" resolution_due)" = 2025-09-29T18:00:00+08:00 ]
	# inside the lunch break: counting starts at 13:30
	id=$(tk 2025-09-29T12:10 new C001 -t complaint -p high)
	[ "$(field "$id" first_response_due)" = 2025-09-29T14:30:00+08:00 ]
}

# A complaint (2h / 9h working) created Mon 2026-11-23 09:00 for li.na,
# due 11:00 and 18:00; a consult (1h / 4h 24x7) created 10:00, due 11:00
# and 14:00, for wang.wei.
overdue_fixture() {
	staff_and_customers
	cs-ticket sla set complaint normal --first-response 2h --resolution 9h
	cs-ticket sla set consult normal --first-response 1h --resolution 4h --calendar 24x7
	c=$(tk 2026-11-23T09:00 new C001 -t complaint -a li.na -s 投诉)
	k=$(tk 2026-11-23T10:00 new C002 -t consult -a wang.wei -s 咨询)
}

@test "overdue: past due only after the due time; --soon includes exactly now+duration; exit 1 when none" {
	overdue_fixture
	run cs-ticket --now 2026-11-23T10:59:59 overdue -f csv
	[ "$status" -eq 1 ]
	run cs-ticket --now 2026-11-23T11:00:00 overdue -f csv
	[ "$status" -eq 1 ]
	run cs-ticket --now 2026-11-23T11:00:01 overdue -f csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | tail -n +2 | cut -d, -f1,7 | sort | tr '\n' ' ')" = "$c,first_response $k,first_response " ]
	# --soon 2h at 09:00: the complaint's first response (11:00) is in,
	# exactly 2h ahead, with -2.00
	run cs-ticket --now 2026-11-23T09:00 overdue --soon 2h -f csv
	[ "$status" -eq 0 ]
	[[ $output == *"$c,1,王芳,投诉,normal,li.na,first_response,2026-11-23T11:00:00+08:00,-2.00"* ]]
	run cs-ticket --now 2026-11-23T08:59:59 overdue --soon 2h -f csv
	[ "$status" -eq 1 ]
}

@test "overdue: a reply ends the first-response row, pending tickets stay, resolved ones leave; two rows ordered by resolution due" {
	overdue_fixture
	tk 2026-11-23T12:00 reply "$c" 已收到
	tk 2026-11-23T12:00 start "$k"
	tk 2026-11-23T12:10 pend "$k"
	# at 15:00: consult past both (11:00 first response ended by start,
	# so resolution only, 14:00); complaint answered, resolution 18:00
	run cs-ticket --now 2026-11-23T15:00 overdue -f csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | tail -n +2)" = "$k,2,李强,咨询,normal,wang.wei,resolution,2026-11-23T14:00:00+08:00,1.00" ]
	# a new one past both targets is listed twice
	n=$(tk 2026-11-23T10:00 new C003 -t consult -s 两次)
	run cs-ticket --now 2026-11-23T15:00 overdue -f csv
	[ "$(echo "$output" | grep -c "^$n,")" -eq 2 ]
	run cs-ticket --now 2026-11-23T15:00 overdue --assignee li.na -f csv
	[ "$status" -eq 1 ]
	run cs-ticket --now 2026-11-23T15:00 overdue --assignee nobody
	[ "$status" -eq 65 ]
	tk 2026-11-23T15:30 resolve "$k"
	run cs-ticket --now 2026-11-23T16:00 overdue -f csv
	[ "$(echo "$output" | grep -c "^$k,")" -eq 0 ]
}

@test "overdue honours --now written after the command, as every common option may be" {
	overdue_fixture
	# CS_NOW (helper) is 2026-11-24T09:00: the complaint is past both targets
	# then.  At 2026-11-23T11:30 only the two first responses are late.
	cs-ticket --now 2026-11-23T11:30 overdue -f csv > "$T/before.csv"
	run cs-ticket overdue -f csv --now 2026-11-23T11:30
	echo "$output" > "$T/after.csv"
	diff "$T/before.csv" "$T/after.csv"
	run cs-ticket overdue --now 2026-11-23T11:30 -f csv
	[ "$output" = "$(cat "$T/before.csv")" ]
}

@test "overdue_h of a target due in a few seconds is a negative figure, never -0.00" {
	overdue_fixture
	run cs-ticket --now 2026-11-23T10:59:50 overdue --soon 1m -f csv
	[ "$status" -eq 0 ]
	lacks -F -- '-0.00' <<<"$output"
}

@test "list --resolved last-week counts from --now even when --now stands after the option" {
	staff_and_customers
	id=$(tk 2026-11-10T09:00 new C001 -t consult -a li.na)
	tk 2026-11-10T10:00 start "$id"
	tk 2026-11-17T10:00 resolve "$id"
	run cs-ticket --now 2026-11-24T09:00 list --resolved last-week -f csv
	[ "$(echo "$output" | tail -n +2 | cut -d, -f1)" = "$id" ]
	# the same line with --now after the option, CS_NOW a month later
	CS_NOW=2026-12-24T09:00 run cs-ticket list --resolved last-week --now 2026-11-24T09:00 -f csv
	[ "$(echo "$output" | tail -n +2 | cut -d, -f1)" = "$id" ]
}

@test "list --created today counts from --now even when --now stands after the option" {
	staff_and_customers
	id=$(tk 2026-11-10T09:00 new C001 -t consult -a li.na)
	CS_NOW=2026-12-24T09:00 run cs-ticket list --now 2026-11-10T12:00 --created today -f csv
	[ "$(echo "$output" | tail -n +2 | cut -d, -f1)" = "$id" ]
	CS_NOW=2026-12-24T09:00 run cs-ticket list --created today --now 2026-11-10T12:00 -f csv
	[ "$(echo "$output" | tail -n +2 | cut -d, -f1)" = "$id" ]
}

@test "pend --until +2d counts from --now even when --now stands after the option" {
	staff_and_customers
	id=$(ticket_in open)
	cs-ticket pend --now 2026-12-01T10:00 --until +2d "$id"
	[ "$(field "$id" pending_until)" = 2026-12-03T00:00:00+08:00 ]
	id=$(ticket_in open)
	cs-ticket pend --until +2d --now 2026-12-01T10:00 "$id"
	[ "$(field "$id" pending_until)" = 2026-12-03T00:00:00+08:00 ]
}

# ---- import --------------------------------------------------------------------

@test "import: every column, local times and offsets, status from the times, resolved_by and SLA from created_at" {
	staff_and_customers
	cs-ticket sla set complaint high --first-response 1h --resolution 15h
	cat > "$T/t.csv" <<'CSV'
external_id,customer,type,subtype,channel,category,stage,priority,status,assignee,subject,body,created_at,first_response_at,resolved_at,closed_at,reopened,csat,root_cause,resolution
GD-1,C001,complaint,,wechat,物流,物流配送,high,,li.na,快递未到,"客户说""三天""未到",2026-11-20 17:00,2026-11-20T17:30+08:00,2026-11-23T10:00:00Z,,0,4,快递延误,补发
GD-2,135 1234 5678,aftersales,return,web,质量,,,closed,wang.wei,退货,,2026-11-18,2026-11-18T10:00,2026-11-19T10:00,2026-11-20T10:00,,5,,退款
GD-3,C003,consult,,,,,low,reopened,li.na,问发票,,2026-11-10T09:00,,2026-11-11T09:00,,2,,,
CSV
	run cs-ticket import "$T/t.csv"
	[ "$status" -eq 0 ]
	[[ $output == *"added 3, updated 0, unchanged 0, rejected 0"* ]]
	a=$(tid GD-1) b=$(tid GD-2) c=$(tid GD-3)
	cs-ticket show "$a" -f csv > "$T/a"
	for row in customer,王芳 type,complaint channel,wechat category,物流 \
	    stage,物流配送 priority,high status,resolved assignee,li.na \
	    resolved_by,li.na subject,快递未到 'body,"客户说""三天""未到"' \
	    resolution,补发 root_cause,快递延误 reopened,0 csat,4 \
	    created_at,2026-11-20T17:00:00+08:00 \
	    first_response_at,2026-11-20T17:30:00+08:00 \
	    resolved_at,2026-11-23T18:00:00+08:00 \
	    first_response_due,2026-11-20T18:00:00+08:00 \
	    resolution_due,2026-11-24T14:00:00+08:00; do
		grep -qxF "ticket,$row" "$T/a" || { echo "missing $row"; cat "$T/a"; false; }
	done
	# GD-2: the phone number finds 刘洋; empty priority and channel default
	[ "$(field "$b" customer)" = 刘洋 ]
	[ "$(field "$b" subtype)" = return ]
	[ "$(field "$b" priority)" = normal ]
	[ "$(field "$b" created_at)" = 2026-11-18T00:00:00+08:00 ]
	[ "$(field "$b" closed_at)" = 2026-11-20T10:00:00+08:00 ]
	[ "$(field "$b" status)" = closed ]
	[ "$(field "$c" status)" = reopened ]
	[ "$(field "$c" reopened)" = 2 ]
	[ "$(field "$c" channel)" = phone ]
	# the timeline at the imported times
	timeline "$b" > "$T/tl"
	grep -F '2026-11-18T10:00:00+08:00,tester reply: imported' "$T/tl"
	grep -F '2026-11-20T10:00:00+08:00,tester status: resolved → closed — imported' "$T/tl"
}

@test "import: the same instant with another offset is unchanged; a changed row updates; nothing doubles" {
	staff_and_customers
	printf 'external_id,customer,type,created_at,first_response_at,resolved_at,csat\nH1,C001,consult,2026-11-20T10:00,2026-11-20T10:30,2026-11-20T12:00,4\n' > "$T/a.csv"
	printf 'external_id,customer,type,created_at,first_response_at,resolved_at,csat\nH1,C001,consult,2026-11-20T02:00:00Z,2026-11-20T10:30:00+08:00,2026-11-20 12:00:00,4\n' > "$T/b.csv"
	printf 'external_id,customer,type,created_at,first_response_at,resolved_at,csat\nH1,C001,consult,2026-11-20T10:00,2026-11-20T10:30,2026-11-20T12:00,5\n' > "$T/c.csv"
	cs-ticket import "$T/a.csv" 2>/dev/null
	events=$(sqlite3 "$CS_DB" 'SELECT count(*) FROM ticket_event')
	run cs-ticket import "$T/b.csv"
	[[ $output == *"added 0, updated 0, unchanged 1, rejected 0"* ]]
	run cs-ticket import "$T/c.csv"
	[[ $output == *"added 0, updated 1, unchanged 0, rejected 0"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM ticket')" = 1 ]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM ticket_event')" = "$events" ]
	[ "$(field "$(tid H1)" csat)" = 5 ]
	# the same external_id twice in one file: an error at the second line
	printf 'external_id,customer,type,created_at\nD1,C001,consult,2026-11-20\n\nD1,C002,consult,2026-11-21\n' > "$T/d.csv"
	before=$(dbsum)
	run cs-ticket import "$T/d.csv"
	[ "$status" -eq 65 ]
	[[ $output == *"d.csv:4: external_id: the same external_id as line 2"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "import: each bad row names FILE:LINE: column and the value, exits 65 and writes nothing" {
	staff_and_customers
	H=external_id,customer,type,priority,status,assignee,created_at,first_response_at,resolved_at,closed_at,reopened,csat
	while IFS='|' read -r row col value; do
		printf '%s\nOK1,C001,consult,,,,2026-11-20T09:00,,,,,\n%s\n' "$H" "$row" > "$T/bad.csv"
		before=$(dbsum)
		run cs-ticket import "$T/bad.csv"
		[ "$status" -eq 65 ] || { echo "$row: $status"; false; }
		[[ $output == *"bad.csv:3: $col: "*"($value)"* ]] || { echo "$row: $output"; false; }
		[ "$(dbsum)" = "$before" ] || { echo "$row wrote"; false; }
	done <<'EOF'
X1,C001,consult,,,,2026-11-20 25:00,,,,,|created_at|2026-11-20 25:00
X1,C001,consult,,,,2026-02-30T10:00,,,,,|created_at|2026-02-30T10:00
X1,C001,consult,,,,2026-11-20T10:00,2026-11-20T09:59,,,,|first_response_at|2026-11-20T09:59
X1,C001,consult,,,,2026-11-20T10:00,,2026-11-21T10:00,2026-11-21T09:00,,|closed_at|2026-11-21T09:00
X1,C001,consult,,resolved,,2026-11-20T10:00,,,,,|resolved_at|
X1,C001,consult,,,,2026-11-20T10:00,,,,,3|csat|3
X1,C001,consult,,,,2026-11-20T10:00,,2026-11-21T10:00,,,6|csat|6
X1,C001,consult,,,nobody,2026-11-20T10:00,,,,,|assignee|nobody
X1,C001,consult,HIGH,,,2026-11-20T10:00,,,,,|priority|HIGH
X1,C001,consult,,reopened,,2026-11-20T10:00,,2026-11-21T10:00,,0,|reopened|0
X1,C999,consult,,,,2026-11-20T10:00,,,,,|customer|C999
X1,C001,投诉,,,,2026-11-20T10:00,,,,,|type|投诉
X1,C001,consult,,done,,2026-11-20T10:00,,,,,|status|done
X1,C001,consult,,,,,,,,,|created_at|
,C001,consult,,,,2026-11-20T10:00,,,,,|external_id|
X1,C001,consult,,open,,2026-11-20T10:00,,2026-11-21T10:00,,,|status|open
EOF
	# --skip-invalid lands the good row and writes the bad one with an error
	printf '%s\nOK1,C001,consult,,,,2026-11-20T09:00,,,,,\nX1,C001,consult,,,,2026-11-20T10:00,,,,,3\n' "$H" > "$T/mixed.csv"
	run cs-ticket import --skip-invalid "$T/rej.csv" "$T/mixed.csv"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" 'SELECT group_concat(external_id) FROM ticket')" = OK1 ]
	head -n 1 "$T/rej.csv" | grep -F ',error'
	grep -F 'X1,' "$T/rej.csv"
	# a missing file is 66
	run cs-ticket import "$T/nothing.csv"
	[ "$status" -eq 66 ]
}

# ---- sample ----------------------------------------------------------------------

# li.na resolved Q1..Q6 in 2026-W47 (Q1..Q3 complaints), wang.wei Q7..Q9
# (Q7 a complaint); Q10 li.na in W46; Q11 li.na in W47 but reopened
# since; Q12 unassigned.  Imported in this order: ids 1..12.
sample_fixture() {
	qa_staff
	{
		echo external_id,customer,type,status,assignee,created_at,resolved_at,reopened,resolution
		for i in 1 2 3 4 5 6; do
			[ $i -le 3 ] && ty=complaint || ty=consult
			d=2026-11-$((15 + i))
			echo "Q$i,C00$i,$ty,,li.na,${d}T09:00,${d}T18:00,,处理"
		done
		echo "Q7,C001,complaint,,wang.wei,2026-11-17T09:00,2026-11-18T09:00,,处理"
		echo "Q8,C002,consult,,wang.wei,2026-11-17T09:00,2026-11-18T10:00,,"
		echo "Q9,C003,consult,,wang.wei,2026-11-17T09:00,2026-11-19T09:00,,"
		echo "Q10,C004,consult,,li.na,2026-11-10T09:00,2026-11-11T09:00,,"
		echo "Q11,C005,consult,reopened,li.na,2026-11-17T09:00,2026-11-17T10:00,1,"
		echo "Q12,C006,consult,,,2026-11-17T09:00,2026-11-17T10:00,,"
	} > "$T/q.csv"
	cs-ticket import "$T/q.csv" 2>/dev/null
	[ "$(tid Q12)" = 12 ]
}

# The order of each agent's candidates by the documented hash:
#   seed 2026-W47:               li.na 4 5 3 1 6 2, wang.wei 8 7 9,
#                                li.na's complaints 3 1 2
#   seed 投诉复核:                 li.na 5 3 2 6 1 4, wang.wei 8 9 7
#   seed 2026-11-16..2026-11-23: li.na 4 6 3 1 2 5, wang.wei 8 7 9

@test "sample: --per-agent N takes min(N, available) of each agent; never Q10 (W46), Q11 (reopened) or Q12 (nobody)" {
	sample_fixture
	run cs-ticket sample 2026-W47 -n 2 -f csv
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" = "4 5 7 8 " ]
	run cs-ticket sample 2026-W47 -n 50 -f csv
	[ "$(echo "$output" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" = "1 2 3 4 5 6 7 8 9 " ]
	# a ticket list: the columns of list
	[ "$(echo "$output" | head -n 1)" = "$(cs-ticket list -f csv | head -n 1)" ]
}

@test "sample: --share P% takes the ceiling of P% of each agent; --type narrows first" {
	sample_fixture
	# 34% of 6 = 2.04 -> 3 (4 5 3); 34% of 3 = 1.02 -> 2 (8 7)
	run cs-ticket sample 2026-W47 --share 34% -f csv
	[ "$(echo "$output" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" = "3 4 5 7 8 " ]
	# 33.33% of 6 = 1.9998 -> 2; of 3 = 0.9999 -> 1
	run cs-ticket sample 2026-W47 --share 33.33 -f csv
	[ "$(echo "$output" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" = "4 5 8 " ]
	# complaints: li.na 3 -> ceil(1.5) = 2 (3 1), wang.wei 1 -> 1 (7)
	run cs-ticket sample 2026-W47 --share 50% -t complaint -f csv
	[ "$(echo "$output" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" = "1 3 7 " ]
	for bad in 0% 100.5% 12.345% abc; do
		run cs-ticket sample 2026-W47 --share "$bad"
		[ "$status" -eq 2 ] || { echo "$bad: $status"; false; }
	done
}

@test "sample: same seed same draw; the default seed is the period's name, also for last-week and --from/--to" {
	sample_fixture
	a=$(cs-ticket sample 2026-W47 -n 2 -f csv)
	[ "$a" = "$(cs-ticket sample 2026-W47 -n 2 --seed 2026-W47 -f csv)" ]
	[ "$a" = "$(cs-ticket sample last-week -n 2 -f csv)" ]
	run cs-ticket sample 2026-W47 -n 2 --seed 投诉复核 -f csv
	[ "$(echo "$output" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" = "3 5 8 9 " ]
	run cs-ticket sample --from 2026-11-16 --to 2026-11-23 -n 2 -f csv
	[ "$(echo "$output" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" = "4 6 7 8 " ]
	# drawing writes nothing
	before=$(dbsum)
	cs-ticket sample 2026-W47 -n 2 >/dev/null
	[ "$(dbsum)" = "$before" ]
}

@test "sample: a reviewed ticket is never drawn again; the rest of the draw stays, topped up in hash order" {
	sample_fixture
	CS_USER=chen.qa cs-ticket review 4 --score 88 >/dev/null
	run cs-ticket sample 2026-W47 -n 2 -f csv
	[ "$(echo "$output" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" = "3 5 7 8 " ]
}

# ---- qa-form and review ---------------------------------------------------------

@test "qa-form set: maxima 1..100 summing to 100; a bad form is 65 with nothing written" {
	qa_staff
	cs-ticket qa-form set 标准 礼貌用语=20 问题解决=50 记录完整=30
	[ "$(cs-ticket qa-form list 标准 -f csv | tail -n +2 | tr '\n' ' ')" = "标准,礼貌用语,20 标准,问题解决,50 标准,记录完整,30 " ]
	before=$(dbsum)
	for args in "A a=50 b=40" "A a=50 b=50 a=0" "A a=0 b=100" "A a=101" \
	    "A a=50.5 b=49.5" "A a=50 b=50 c" "A =50 b=50" "A a,b=50 c=50"; do
		run cs-ticket qa-form set $args
		[ "$status" -eq 65 ] || { echo "$args: $status"; false; }
	done
	[ "$(dbsum)" = "$before" ]
	run cs-ticket qa-form list 没有
	[ "$status" -eq 1 ]
}

@test "review: out-of-range points, unknown or missing items, bad totals, own work and open tickets are 65 with nothing written" {
	qa_staff
	cs-ticket qa-form set 标准 礼貌用语=20 问题解决=50 记录完整=30
	id=$(ticket_in open)
	cs-ticket assign "$id" li.na
	before=$(dbsum)
	run env CS_USER=chen.qa cs-ticket review "$id" --score 80
	[ "$status" -eq 65 ]
	cs-ticket resolve "$id" -r 处理 --actor wang.wei
	before=$(dbsum)
	for args in "-i 礼貌用语=21,问题解决=45,记录完整=27" \
	    "-i 礼貌用语=-1,问题解决=45,记录完整=27" \
	    "-i 礼貌用语=1.5,问题解决=45,记录完整=27" \
	    "-i 礼貌用语=18,问题解决=45,记录=27" \
	    "-i 礼貌用语=18,问题解决=45" \
	    "-i 礼貌用语=18,问题解决=45,记录完整=27,礼貌用语=1"; do
		run env CS_USER=chen.qa cs-ticket review "$id" --form 标准 $args
		[ "$status" -eq 65 ] || { echo "$args: $status"; false; }
	done
	for s in 101 -1 9.5; do
		run env CS_USER=chen.qa cs-ticket review "$id" --score "$s"
		[ "$status" -eq 65 ] || { echo "$s: $status"; false; }
	done
	run env CS_USER=chen.qa cs-ticket review "$id" --form 没有 -i a=1
	[ "$status" -eq 65 ]
	# li.na had it when it was resolved: her own work; wang.wei ran the
	# resolve: his too
	run env CS_USER=li.na cs-ticket review "$id" --score 80
	[ "$status" -eq 65 ]
	run env CS_USER=chen.qa cs-ticket review "$id" --score 80 --reviewer li.na
	[ "$status" -eq 65 ]
	run env CS_USER=wang.wei cs-ticket review "$id" --score 80
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
	run env CS_USER=chen.qa cs-ticket review 999 --score 80
	[ "$status" -eq 1 ]
	run env CS_USER=chen.qa cs-ticket review "$id" --score 80 --form 标准
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}

@test "review: the total is the sum of the items, printed, and an event on the timeline; a second needs --replace" {
	qa_staff
	cs-ticket qa-form set 标准 礼貌用语=20 问题解决=50 记录完整=30
	id=$(ticket_in resolved)
	run env CS_USER=chen.qa cs-ticket --now 2026-11-24T10:00 review "$id" --form 标准 -i 礼貌用语=18,问题解决=45 记录完整=27 --note 解释清楚
	[ "$status" -eq 0 ]
	[ "$output" = 90 ]
	timeline "$id" | tail -n 1 | grep -F '2026-11-24T10:00:00+08:00,"chen.qa review qa_score:  → 90 — '
	timeline "$id" | tail -n 1 | grep -F '礼貌用语 18/20'
	timeline "$id" | tail -n 1 | grep -F '解释清楚'
	before=$(dbsum)
	run env CS_USER=chen.qa cs-ticket review "$id" --score 70
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
	CS_USER=chen.qa cs-ticket --now 2026-11-25T10:00 review "$id" --score 70 --replace
	timeline "$id" | tail -n 1 | grep -F 'chen.qa review qa_score: 90 → 70'
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) || ' ' || max(score) FROM v_reviews WHERE ticket_id = $id")" = "1 70" ]
}

@test "a refused review on a database that does not exist writes nothing but the schema (cs(7) CAVEATS)" {
	export CS_DB="$T/none/cs.db"
	run cs-ticket review 1 --score 80
	[ "$status" -eq 1 ]
	[ "$output" = "cs-ticket: review 1: no ticket 1" ]
	[ "$(sqlite3 "$CS_DB" "SELECT (SELECT count(*) FROM ticket) + (SELECT count(*) FROM ticket_event) + (SELECT count(*) FROM customer)")" = 0 ]
	[ "$(stat -c %a "$CS_DB")" = 600 ]
}

# ---- targets and the scorecard ------------------------------------------------

# The scorecard fixture, 2026-W47 = [11-16, 11-23) and W46 before it.
# SLA: complaint normal 2h / 8h working (Mon-Fri 09-18), consult normal
# 1h / 4h 24x7; grumble none.  Tickets (id, agent, created, first
# response, resolved):
#   1 li.na  consult  11-10 10:00, start 10:30 (0.5h), resolved 12:00
#            (2h, due 14:00: met) -- W46; rated 1 on 11-18 (in W47, but
#            not li.na's W47 work)
#   2 li.na  consult  11-13 10:00, reply 12:00 (2h), resolved 11-16 10:00
#            (72h, due 11-13 14:00: missed) -- W47
#   3 li.na  complaint 11-16 09:00, reply 09:30 (0.5h), resolved 15:00
#            (6h, due 17:00: met); rated 5 on 11-17
#   4 li.na  consult  11-17 10:00, comment 10:10, start 11:00 (1h),
#            resolved 16:00 (6h, due 14:00: missed); rated 3 on 11-18
#   5 li.na  complaint 11-18 09:00, reply 10:30 (1.5h), resolved 11-19
#            09:00, reopened 11-20 10:00, resolved 12:00 (51h, due 11-18
#            17:00: missed; reopened); rated 2 on 11-24 (W48: not W47)
#   6 wang.wei grumble 11-19 09:00, reply 13:00 (4h), resolved 11-20 09:00
#            (24h, no target)
#   7 wang.wei complaint 11-20 14:00 (Fri), start 14:30 (0.5h), resolved
#            Sat 11-21 10:00 (20h; due Fri 4h + Mon 4h = 11-23 13:00: met)
# Reviews by chen.qa: 3 = 90 (11-22), 5 = 70 (11-24, later: still W47's
# work), 7 = 85 (11-22), 1 = 40 (11-12: W46's work, reviewed in W46).
# Revisits planned by the complaints: ticket 3 -> li.na, reached 11-19;
# ticket 5 -> wang.wei, refused 11-22 (failed); ticket 7 -> li.na, reached
# 11-24 (W48).
#
# li.na W47: resolved 2,3,4,5 = 4; first response 0.5 1 1.5 2 -> 1.25;
#   resolution 6 6 51 72 -> 28.50; SLA 1 of 4 = 25.00; reopened 1 of 4 =
#   25.00; csat (5 + 3) / 2 = 4.00; QA 2, (90 + 70) / 2 = 80.00;
#   revisits 1, 100.00.
# li.na W46: resolved 1; 0.50; 2.00; 100.00; 0.00; no csat; QA 1, 40.00;
#   revisits 0.
# wang.wei W47: resolved 2; first response 4 and 0.5 -> 2.25; resolution
#   24 and 20 -> 22.00; SLA 1 of 1 = 100.00; reopened 0.00; no csat; QA
#   1, 85.00; revisits 1, 0.00.  W46: nothing.
# Targets: everyone sla_met_pct>=80, resolution_median_h<=24,
#   first_response_median_h<=1; 售后组 csat_mean>=4,
#   resolution_median_h<=30; li.na qa_score_mean>=80; wang.wei resolved>=3.
scorecard_fixture() {
	qa_staff
	cs-ticket sla set complaint normal --first-response 2h --resolution 8h
	cs-ticket sla set consult normal --first-response 1h --resolution 4h --calendar 24x7
	tk 2026-11-10T10:00 new C004 -t consult -a li.na -s 问发票 >/dev/null
	tk 2026-11-10T10:30 start 1
	tk 2026-11-10T12:00 resolve 1
	tk 2026-11-13T10:00 new C004 -t consult -a li.na -s 问物流 >/dev/null
	tk 2026-11-13T12:00 reply 2 您好
	tk 2026-11-16T10:00 resolve 2
	tk 2026-11-16T09:00 new C001 -t complaint -a li.na -s 快递未到 >/dev/null
	tk 2026-11-16T09:30 reply 3 已联系快递
	tk 2026-11-16T15:00 resolve 3 -r 补发
	tk 2026-11-17T10:00 rate 3 5
	tk 2026-11-17T10:00 new C002 -t consult -a li.na -s 发票 >/dev/null
	tk 2026-11-17T10:10 comment 4 内部备注
	tk 2026-11-17T11:00 start 4
	tk 2026-11-17T16:00 resolve 4
	tk 2026-11-18T10:00 rate 4 3
	tk 2026-11-18T09:00 new C003 -t complaint -a li.na -s 质量问题 >/dev/null
	tk 2026-11-18T10:30 reply 5 收到
	tk 2026-11-19T09:00 resolve 5 -r 换货
	tk 2026-11-19T09:00 new C005 -t grumble -a wang.wei -s 抱怨 >/dev/null
	tk 2026-11-19T13:00 reply 6 抱歉
	tk 2026-11-20T09:00 resolve 6
	tk 2026-11-20T14:00 new C006 -t complaint -a wang.wei -s 态度 >/dev/null
	tk 2026-11-20T14:30 start 7
	tk 2026-11-21T10:00 resolve 7 -r 道歉
	tk 2026-11-18T11:00 rate 1 1
	tk 2026-11-24T10:00 rate 5 2
	export CS_USER=chen.qa
	tk 2026-11-22T10:00 review 3 --score 90 >/dev/null
	tk 2026-11-24T10:00 review 5 --score 70 >/dev/null
	tk 2026-11-22T11:00 review 7 --score 85 >/dev/null
	tk 2026-11-12T11:00 review 1 --score 40 >/dev/null
	export CS_USER=tester
	cs-revisit --now 2026-11-19T09:00 assign --due 2026-11-22 >/dev/null 2>&1
	cs-revisit --now 2026-11-19T10:00 --actor li.na log 1 --result reached --score 4
	cs-revisit --now 2026-11-22T10:00 --actor wang.wei log 2 --result refused
	# ticket 5 is reopened after its revisit was assigned and called, in
	# command order: a reopen cancels an automatic revisit not yet called
	tk 2026-11-20T10:00 reopen 5
	tk 2026-11-20T12:00 resolve 5
	cs-revisit --now 2026-11-24T09:00 reassign 3 li.na 2>/dev/null
	cs-revisit --now 2026-11-24T10:00 --actor li.na log 3 --result reached
	[ "$(sqlite3 "$CS_DB" "SELECT group_concat(ticket_id || ':' || agent ||
	    ':' || status, ' ') FROM v_revisits")" = \
	    "3:li.na:done 5:wang.wei:failed 7:li.na:done" ]
	cs-agent target set 'sla_met_pct>=80'
	cs-agent target set 'resolution_median_h<=24'
	cs-agent target set 'first_response_median_h<=1'
	cs-agent target set 'csat_mean>=4' --team 售后组
	cs-agent target set 'resolution_median_h<=30' --team 售后组
	cs-agent target set 'qa_score_mean>=80' --agent li.na
	cs-agent target set 'resolved>=3' --agent wang.wei
}

@test "scorecard 2026-W47 for two agents: every figure, previous, change, target and met, by hand" {
	scorecard_fixture
	cat > "$T/want.csv" <<'CSV'
section,metric,key,value,previous,change_pct,target,met
scorecard,resolved,agent=li.na,4,1,300.00,,
scorecard,first_response_median_h,agent=li.na,1.25,0.50,150.00,<=1,no
scorecard,resolution_median_h,agent=li.na,28.50,2.00,1325.00,<=30,yes
scorecard,sla_met_pct,agent=li.na,25.00,100.00,-75.00,>=80,no
scorecard,reopen_rate,agent=li.na,25.00,0.00,,,
scorecard,csat_mean,agent=li.na,4.00,,,>=4,yes
scorecard,qa_reviews,agent=li.na,2,1,100.00,,
scorecard,qa_score_mean,agent=li.na,80.00,40.00,100.00,>=80,yes
scorecard,revisits_finished,agent=li.na,1,0,,,
scorecard,revisit_success_rate,agent=li.na,100.00,,,,
scorecard,resolved,agent=wang.wei,2,0,,>=3,no
scorecard,first_response_median_h,agent=wang.wei,2.25,,,<=1,no
scorecard,resolution_median_h,agent=wang.wei,22.00,,,<=30,yes
scorecard,sla_met_pct,agent=wang.wei,100.00,,,>=80,yes
scorecard,reopen_rate,agent=wang.wei,0.00,,,,
scorecard,csat_mean,agent=wang.wei,,,,>=4,
scorecard,qa_reviews,agent=wang.wei,1,0,,,
scorecard,qa_score_mean,agent=wang.wei,85.00,,,,
scorecard,revisits_finished,agent=wang.wei,1,0,,,
scorecard,revisit_success_rate,agent=wang.wei,0.00,,,,
CSV
	cs-report scorecard 2026-W47 -f csv > "$T/got.csv"
	same_rows "$T/want.csv" "$T/got.csv"
	# the targets the scorecard used are cs-agent's
	cs-agent target list -f csv > "$T/targets.csv"
	grep -xF 'qa_score_mean,>=,80,,li.na' "$T/targets.csv"
	grep -xF 'csat_mean,>=,4,售后组,' "$T/targets.csv"
}

@test "scorecard: an agent's block is what the report says of the tickets the agent resolved; the report's csat counts the later score of a W46 ticket" {
	scorecard_fixture
	cs-report 2026-W47 -f csv > "$T/r.csv"
	has_row "agents,resolved,agent=li.na,4,1,300.00" "$T/r.csv"
	has_row "agents,resolution_median_h,agent=li.na,28.50,2.00,1325.00" "$T/r.csv"
	# the report's agents csat counts every score given in W47 to the
	# agent of the resolution it followed: 5, 3 and ticket 1's 1 = 3.00;
	# the scorecard only those of the W47 tickets: 4.00
	has_row "agents,csat_mean,agent=li.na,3.00,," "$T/r.csv"
	# the qa section: reviews made in W47: 90 and 85 (ticket 1's review was
	# in W46, ticket 5's in W48)
	has_row "qa,qa_reviews,,2,1,100.00" "$T/r.csv"
	has_row "qa,qa_score_mean,,87.50,40.00,118.75" "$T/r.csv"
	# W48: only li.na's revisit of ticket 7; nobody resolved anything
	cs-report scorecard 2026-W48 -f csv > "$T/w48.csv"
	has_row "scorecard,revisits_finished,agent=li.na,1,1,0.00,," "$T/w48.csv"
	has_row "scorecard,resolved,agent=li.na,0,4,-100.00,," "$T/w48.csv"
}

@test "targets: the agent's own beats the team's beats everyone's; equal is met; an undefined value is neither" {
	scorecard_fixture
	# li.na's resolution median 28.50: the team's <=30 applies (yes), not
	# everyone's <=24; a target of her own <=28.5 (equal) is met
	cs-agent target set 'resolution_median_h<=28.5' --agent li.na
	cs-report scorecard 2026-W47 -a li.na -f csv > "$T/a.csv"
	has_row "scorecard,resolution_median_h,agent=li.na,28.50,2.00,1325.00,<=28.5,yes" "$T/a.csv"
	cs-agent target set 'resolution_median_h<=28.49' --agent li.na
	cs-report scorecard 2026-W47 -a li.na -f csv > "$T/b.csv"
	has_row "scorecard,resolution_median_h,agent=li.na,28.50,2.00,1325.00,<=28.49,no" "$T/b.csv"
	# wang.wei has no csat: neither met nor missed, in JSON null
	cs-report scorecard 2026-W47 -a wang.wei -f json > "$T/c.json"
	grep -F '"metric":"csat_mean"' "$T/c.json" | grep -F '"met":null'
	# no team or agent target for reopen_rate: empty target and met
	grep -F '"metric":"reopen_rate"' "$T/c.json" | grep -F '"target":null'
	# removing li.na's own target: the team's applies again
	cs-agent target rm resolution_median_h --agent li.na
	cs-report scorecard 2026-W47 -a li.na -f csv > "$T/d.csv"
	has_row "scorecard,resolution_median_h,agent=li.na,28.50,2.00,1325.00,<=30,yes" "$T/d.csv"
	# a bad metric, value, team or agent is refused, nothing written
	before=$(dbsum)
	for e in 'bogus>=1' 'sla_met_pct>=101' 'csat_mean>=5.5' 'resolved>=-1' 'resolved>3' 'sla_met_pct>=90.001'; do
		run cs-agent target set "$e"
		[ "$status" -eq 65 ] || { echo "$e: $status"; false; }
	done
	run cs-agent target set 'resolved>=1' --team 没有这个组
	[ "$status" -eq 65 ]
	run cs-agent target set 'resolved>=1' --agent nobody
	[ "$status" -eq 65 ]
	run cs-agent target set 'resolved>=1' --agent li.na --team 售后组
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}

@test "scorecard --team lists the team's agents by the roster; a reviewer who only reviews is not listed" {
	scorecard_fixture
	cs-report scorecard 2026-W47 --team 售后组 -f csv > "$T/t.csv"
	[ "$(cut -d, -f3 "$T/t.csv" | tail -n +2 | sort -u | tr '\n' ' ')" = "agent=li.na agent=wang.wei " ]
	cs-report scorecard 2026-W47 -f csv > "$T/all.csv"
	lacks -F 'agent=chen.qa' "$T/all.csv"
	# zhang.min is inactive and did nothing: not listed
	lacks -F 'agent=zhang.min' "$T/all.csv"
	run cs-report scorecard 2026-W47 --team 没有这个组
	[ "$status" -eq 65 ]
}
