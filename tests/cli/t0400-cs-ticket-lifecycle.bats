#!/usr/bin/env bats
# cs-ticket: the status machine, first response, the timeline, list and its
# filters, and the revisit that resolving a complaint plans.
load helper

# The roster of helper.bash (li.na and wang.wei active in 售后组, zhang.min
# inactive in 技术组) and the customers C001..C006 (ids 1..6; C002 李强 has
# 13900001111, C005 刘洋 13512345678).
world() {
	staff_and_customers
}

# One field of a ticket, as show -f csv writes it (empty when unset).
field() {
	cs-ticket show "$1" -f csv | grep "^ticket,$2," | cut -d, -f3-
}

# The timeline rows of a ticket, as show -f csv writes them.
timeline() {
	cs-ticket show "$1" -f csv | grep '^timeline,'
}

# The ids that list prints with the given filters, on one line.
ids() {
	cs-ticket list -f csv --no-header "$@" > "$T/ids.out" || return
	cut -d, -f1 "$T/ids.out" | paste -sd' ' -
}

# Display width of a string (CJK characters are two columns wide).
width() {
	printf '%s' "$1" | wc -L
}

# A new consult (or a ticket of type $2) for C001, brought to status $1;
# prints its id.
ticket_in() {
	local id
	id=$(cs-ticket new C001 --type "${2:-consult}" --subject 测试) || return
	case $1 in
	new) ;;
	open) cs-ticket start "$id" ;;
	pending) cs-ticket start "$id" && cs-ticket pend "$id" ;;
	resolved) cs-ticket start "$id" &&
		cs-ticket resolve "$id" --resolution 已处理 ;;
	closed) cs-ticket start "$id" &&
		cs-ticket resolve "$id" --resolution 已处理 &&
		cs-ticket close "$id" ;;
	reopened) cs-ticket start "$id" &&
		cs-ticket resolve "$id" --resolution 已处理 &&
		cs-ticket reopen "$id" ;;
	esac || return
	echo "$id"
}

# Tries each action on a fresh ticket in status $1. $2 lists the legal
# ones as "action=new-status ...": they must succeed and move the ticket;
# every other one must fail with 65, name the legal actions, and write
# nothing.
matrix() {
	local from=$1 legal=" $2 " action a id before to
	world
	for action in start pend resolve close reopen; do
		id=$(ticket_in "$from")
		[ "$(field "$id" status)" = "$from" ]
		before=$(dbsum)
		if [ "$action" = resolve ]; then
			run cs-ticket resolve "$id" --resolution 已处理
		else
			run cs-ticket "$action" "$id"
		fi
		if [[ $legal == *" $action="* ]]; then
			to=${legal#* "$action"=}
			to=${to%% *}
			echo "# $from: $action is legal: $status $output"
			[ "$status" -eq 0 ]
			[ "$(field "$id" status)" = "$to" ]
		else
			echo "# $from: $action is illegal: $status $output"
			[ "$status" -eq 65 ]
			[[ $output == *"allowed"* ]]
			for a in $legal; do
				[[ ${output#*allowed} == *"${a%%=*}"* ]]
			done
			[ "$(dbsum)" = "$before" ]
			[ "$(field "$id" status)" = "$from" ]
		fi
	done
}

@test "new prints the id alone and keeps every option" {
	world
	run cs-ticket new C002 --type aftersales --subtype return --channel wechat \
	    --priority high --category 退货 --subject 七天无理由退货 \
	    --body '收到的商品有划痕,要求退货' --assign li.na
	[ "$status" -eq 0 ]
	[ "$output" = 1 ]
	[ "$(field 1 customer_id)" = 2 ]
	[ "$(field 1 customer)" = 李强 ]
	[ "$(field 1 type)" = aftersales ]
	[ "$(field 1 subtype)" = return ]
	[ "$(field 1 channel)" = wechat ]
	[ "$(field 1 priority)" = high ]
	[ "$(field 1 category)" = 退货 ]
	[ "$(field 1 status)" = new ]
	[ "$(field 1 assignee)" = li.na ]
	[ "$(field 1 subject)" = 七天无理由退货 ]
	[ "$(field 1 created_at)" = 2026-11-24T09:00:00+08:00 ]
	[ "$(field 1 first_response_at)" = "" ]
	[ "$(sqlite3 "$CS_DB" 'SELECT body FROM v_tickets WHERE id = 1')" = '收到的商品有划痕,要求退货' ]
	# the customer by id, by code and by phone in any spelling
	[ "$(cs-ticket new 2 --type consult)" = 2 ]
	[ "$(cs-ticket new 139-0000-1111 --type consult)" = 3 ]
	[ "$(cs-ticket new '+86 139 0000 1111' --type consult)" = 4 ]
	run sqlite3 "$CS_DB" 'SELECT group_concat(customer_id) FROM v_tickets WHERE id > 1'
	[ "$output" = 2,2,2 ]
}

@test "new -f json prints the object it made" {
	world
	cs-ticket new C001 --type consult >/dev/null
	run cs-ticket new C002 --type consult --subject 咨询 -f json
	[ "$status" -eq 0 ]
	[[ $output == "{"*'"id":2'*"}" ]]
	[[ $output == *'"subject":"咨询"'* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM v_tickets')" = 2 ]
}

@test "new refuses unknown types, channels, priorities, customers and agents" {
	world
	cs-ticket new C001 --type consult >/dev/null
	before=$(dbsum)
	run cs-ticket new C001 --type inquiry
	[ "$status" -eq 65 ]
	[[ $output == *"new: --type inquiry: "* ]]
	run cs-ticket new C001 --type consult --channel fax
	[ "$status" -eq 65 ]
	[[ $output == *"channel"* ]]
	run cs-ticket new C001 --type consult --priority critical
	[ "$status" -eq 65 ]
	[[ $output == *"priority"* ]]
	run cs-ticket new C999 --type consult
	[ "$status" -eq 65 ]
	[[ $output == *"new: customer C999: no such customer"* ]]
	run cs-ticket new C001 --type consult --assign nobody
	[ "$status" -eq 65 ]
	[[ $output == *"new: --assign nobody: "* ]]
	run cs-ticket new C001 --type consult --assign zhang.min
	[ "$status" -eq 65 ]
	[[ $output == *"inactive"* ]]
	run cs-ticket new --type consult
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}

@test "an unknown customer for new is not answered with an import option" {
	world
	run cs-ticket new C999 --type consult
	[ "$status" -eq 65 ]
	[[ $output == *"C999"* ]] || [[ $output == *"customer"* ]]
	# new has no --create-customers (import has): do not advise it
	[[ $output != *"--create-customers"* ]]
}

@test "transitions from new: only start" {
	matrix new "start=open"
}

@test "transitions from open: pend and resolve" {
	matrix open "pend=pending resolve=resolved"
}

@test "transitions from pending: back to open, or resolve" {
	matrix pending "start=open resolve=resolved"
}

@test "transitions from resolved: close or reopen" {
	matrix resolved "close=closed reopen=reopened"
}

@test "transitions from closed: only reopen" {
	matrix closed "reopen=reopened"
}

@test "transitions from reopened: work on it again, pend or resolve" {
	matrix reopened "start=open pend=pending resolve=resolved"
}

@test "an illegal move among several tickets moves none of them" {
	world
	a=$(ticket_in open)
	b=$(ticket_in new)
	before=$(dbsum)
	run cs-ticket pend "$a" "$b"
	[ "$status" -eq 65 ]
	[[ $output == *"ticket $b"* ]]
	[ "$(dbsum)" = "$before" ]
	[ "$(field "$a" status)" = open ]
	run cs-ticket start 99
	[ "$status" -ne 0 ]
	[ "$(dbsum)" = "$before" ]
}

@test "pend --until keeps the date; the ticket comes back with start" {
	world
	id=$(ticket_in open)
	run cs-ticket pend "$id" --until 2026-11-26 --note 等客户寄回商品
	[ "$status" -eq 0 ]
	[ "$(field "$id" status)" = pending ]
	[ "$(field "$id" pending_until)" = 2026-11-26T00:00:00+08:00 ]
	run cs-ticket start "$id"
	[ "$status" -eq 0 ]
	[ "$(field "$id" status)" = open ]
	[ "$(field "$id" pending_until)" = "" ]
	# relative dates count from today, 2026-11-24
	run cs-ticket pend "$id" --until +3d
	[ "$status" -eq 0 ]
	[ "$(field "$id" pending_until)" = 2026-11-27T00:00:00+08:00 ]
	run cs-ticket start "$id"
	before=$(dbsum)
	run cs-ticket pend "$id" --until 2026-02-30
	[ "$status" -ne 0 ]
	[ "$(dbsum)" = "$before" ]
}

@test "first response: the first public reply or status change, never a comment" {
	world
	cs-ticket new C001 --type consult --subject 发票怎么开 >/dev/null
	cs-ticket new C002 --type consult --subject 积分查询 >/dev/null
	CS_NOW=2026-11-24T09:10:00 cs-ticket comment 1 '内部:先查订单'
	CS_NOW=2026-11-24T09:20:00 cs-ticket assign 1 li.na
	CS_NOW=2026-11-24T09:25:00 cs-ticket escalate 1 --to 售后组 --reason 需要售后确认
	[ "$(field 1 first_response_at)" = "" ]
	CS_NOW=2026-11-24T09:30:00 cs-ticket reply 1 '您好,请提供订单号'
	[ "$(field 1 first_response_at)" = 2026-11-24T09:30:00+08:00 ]
	CS_NOW=2026-11-24T10:00:00 cs-ticket reply 1 已开具
	[ "$(field 1 first_response_at)" = 2026-11-24T09:30:00+08:00 ]
	# a status change by staff counts too
	CS_NOW=2026-11-24T09:45:00 cs-ticket start 2
	[ "$(field 2 first_response_at)" = 2026-11-24T09:45:00+08:00 ]
	CS_NOW=2026-11-24T09:50:00 cs-ticket pend 2
	[ "$(field 2 first_response_at)" = 2026-11-24T09:45:00+08:00 ]
}

@test "comment is internal, reply is public; both on the timeline; empty text refused" {
	world
	cs-ticket new C001 --type consult --subject 咨询 >/dev/null
	CS_NOW=2026-11-24T09:10:00 cs-ticket comment 1 '客户情绪激动,注意语气'
	printf '您好,已为您查询\n' | CS_NOW=2026-11-24T09:20:00 cs-ticket reply 1
	timeline 1 > "$T/tl"
	grep '^timeline,2026-11-24T09:10:00+08:00,' "$T/tl" | grep comment | grep -q '客户情绪激动,注意语气'
	grep '^timeline,2026-11-24T09:20:00+08:00,' "$T/tl" | grep reply | grep -q 已为您查询
	# only the reply is public
	run sqlite3 "$CS_DB" "SELECT kind || ' ' || public FROM v_ticket_events WHERE kind IN ('comment', 'reply') ORDER BY id"
	[ "$output" = "comment 0
reply 1" ]
	before=$(dbsum)
	run cs-ticket comment 1 ''
	[ "$status" -eq 65 ]
	run cs-ticket reply 1 ''
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
}

@test "a complaint needs --resolution; root cause and stage are kept" {
	world
	id=$(ticket_in open complaint)
	before=$(dbsum)
	run cs-ticket resolve "$id"
	[ "$status" -eq 65 ]
	[[ $output == *"--resolution"* ]]
	run cs-ticket resolve "$id" --resolution ''
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
	[ "$(field "$id" status)" = open ]
	run cs-ticket resolve "$id" --resolution 补发并致歉 --root-cause 仓库漏发 --stage 仓储
	[ "$status" -eq 0 ]
	[ "$(field "$id" status)" = resolved ]
	[ "$(field "$id" resolution)" = 补发并致歉 ]
	[ "$(field "$id" root_cause)" = 仓库漏发 ]
	[ "$(field "$id" stage)" = 仓储 ]
	[ "$(field "$id" resolved_at)" = 2026-11-24T09:00:00+08:00 ]
	run sqlite3 "$CS_DB" "SELECT root_cause || '|' || stage || '|' || resolution FROM v_tickets WHERE id = $id"
	[ "$output" = "仓库漏发|仓储|补发并致歉" ]
	# other types resolve without one
	c=$(ticket_in open consult)
	run cs-ticket resolve "$c"
	[ "$status" -eq 0 ]
	[ "$(field "$c" status)" = resolved ]
}

@test "reopening counts on the ticket" {
	world
	id=$(ticket_in resolved complaint)
	[ "$(field "$id" reopened)" = 0 ]
	CS_NOW=2026-11-25T10:00:00 cs-ticket reopen "$id" --note 客户说还没收到
	[ "$(field "$id" reopened)" = 1 ]
	[ "$(field "$id" status)" = reopened ]
	CS_NOW=2026-11-26T10:00:00 cs-ticket resolve "$id" --resolution 已重新补发
	CS_NOW=2026-11-27T10:00:00 cs-ticket close "$id"
	CS_NOW=2026-11-28T10:00:00 cs-ticket reopen "$id"
	[ "$(field "$id" reopened)" = 2 ]
	[ "$(sqlite3 "$CS_DB" "SELECT reopened FROM v_tickets WHERE id = $id")" = 2 ]
	timeline "$id" | grep '^timeline,2026-11-25T10:00:00+08:00,' | grep resolved | grep reopened | grep -q 客户说还没收到
}

@test "rate takes 1 to 5, only on resolved or closed tickets" {
	world
	o=$(ticket_in open)
	r=$(ticket_in resolved)
	c=$(ticket_in closed)
	x=$(ticket_in reopened)
	before=$(dbsum)
	run cs-ticket rate "$o" 5
	[ "$status" -eq 65 ]
	run cs-ticket rate "$x" 5
	[ "$status" -eq 65 ]
	for s in 0 6 4.5 abc ''; do
		run cs-ticket rate "$r" "$s"
		echo "# rate $s: $status $output"
		[ "$status" -eq 65 ]
	done
	[ "$(dbsum)" = "$before" ]
	run cs-ticket rate "$r" 5 --comment 非常满意
	[ "$status" -eq 0 ]
	[ "$(field "$r" csat)" = 5 ]
	[ "$(field "$r" csat_comment)" = 非常满意 ]
	run cs-ticket rate "$c" 1
	[ "$status" -eq 0 ]
	[ "$(field "$c" csat)" = 1 ]
	[ "$(sqlite3 "$CS_DB" "SELECT group_concat(csat) FROM v_tickets WHERE csat IS NOT NULL")" = 5,1 ]
}

@test "assign and escalate go to an active login or a team" {
	world
	id=$(ticket_in open complaint)
	run cs-ticket assign "$id" li.na
	[ "$status" -eq 0 ]
	[ "$(field "$id" assignee)" = li.na ]
	before=$(dbsum)
	run cs-ticket assign "$id" nobody
	[ "$status" -eq 65 ]
	run cs-ticket assign "$id" zhang.min
	[ "$status" -eq 65 ]
	run cs-ticket escalate "$id" --to nobody --reason 重大投诉
	[ "$status" -eq 65 ]
	run cs-ticket escalate "$id" --to wang.wei
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
	# to a team: the team has it, the assignee stays
	run cs-ticket escalate "$id" --to 售后组 --reason 客户要求主管处理
	[ "$status" -eq 0 ]
	[ "$(field "$id" escalated_to)" = 售后组 ]
	[ "$(field "$id" assignee)" = li.na ]
	# to a login: that agent takes it over
	run cs-ticket escalate "$id" --to wang.wei --reason 重大投诉
	[ "$status" -eq 0 ]
	[ "$(field "$id" escalated_to)" = wang.wei ]
	[ "$(field "$id" assignee)" = wang.wei ]
}

@test "link stores a knowledge-base article once and refuses one that does not exist" {
	world
	id=$(ticket_in open)
	[ "$(cs-kb add --title 退货流程)" = 1 ]
	[ "$(cs-kb add --title 发票开具)" = 2 ]
	run cs-ticket link "$id" 2
	[ "$status" -eq 0 ]
	run cs-ticket link "$id" 2
	[ "$status" -eq 0 ]
	# the id however written: 02, or full-width ０２
	run cs-ticket link "$id" ０２
	[ "$status" -eq 0 ]
	[ "$(timeline "$id" | grep -c 'article')" = 1 ]
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM ticket_link WHERE ticket_id = $id AND article = '2'")" = 1 ]
	before=$(dbsum)
	run cs-ticket link "$id" ''
	[ "$status" -ne 0 ]
	for bad in 3 KB-12 2.0 退货流程; do
		run cs-ticket link "$id" "$bad"
		[ "$status" -eq 65 ]
		[[ $output == *"no such article $bad"* ]]
	done
	[ "$(dbsum)" = "$before" ]
}

@test "list output pipes into a bulk assign, all or nothing" {
	world
	a=$(ticket_in pending)
	b=$(ticket_in open)
	c=$(ticket_in pending)
	run sh -c 'cs-ticket list --status pending -f csv | cs-ticket assign - li.na'
	[ "$status" -eq 0 ]
	[ "$(field "$a" assignee)" = li.na ]
	[ "$(field "$b" assignee)" = "" ]
	[ "$(field "$c" assignee)" = li.na ]
	[ "$(ids --assignee li.na)" = "$a $c" ]
	# csv is the default into a pipe; start takes the list too
	run sh -c 'cs-ticket list --status pending | cs-ticket start -'
	[ "$status" -eq 0 ]
	[ "$(ids --status open)" = "$a $b $c" ]
	# one bad id: nobody is reassigned
	before=$(dbsum)
	run sh -c "printf 'id\n$b\n99\n' | cs-ticket assign - wang.wei"
	[ "$status" -ne 0 ]
	[ "$(dbsum)" = "$before" ]
}

@test "a bulk assign from an empty list is not a usage error" {
	world
	ticket_in open >/dev/null
	before=$(dbsum)
	run sh -c 'cs-ticket list --status pending -f csv | cs-ticket assign - li.na'
	echo "# $status $output"
	[ "$status" -eq 0 ]
	[[ $output == *"nothing to do"* ]]
	[[ $output != *usage* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "show prints the fields and the whole timeline: when, who, from, to, note" {
	world
	cs-ticket new C001 --type complaint --subject 快递丢件 --body 包裹三天没到 >/dev/null
	CS_NOW=2026-11-24T09:05:00 CS_USER=wang.wei cs-ticket assign 1 li.na
	CS_NOW=2026-11-24T09:08:00 cs-ticket start 1 --actor li.na
	CS_NOW=2026-11-24T09:10:00 cs-ticket reply 1 您好,正在核实 --actor li.na
	CS_NOW=2026-11-24T09:20:00 cs-ticket comment 1 仓库说已发出 --actor li.na
	CS_NOW=2026-11-24T09:30:00 CS_USER=li.na cs-ticket pend 1 --note 等仓库回复
	CS_NOW=2026-11-24T10:00:00 CS_USER=li.na cs-ticket start 1
	CS_NOW=2026-11-24T10:30:00 CS_USER=li.na cs-ticket escalate 1 --to 售后组 --reason 客户要求主管处理
	CS_NOW=2026-11-24T10:40:00 CS_USER=wang.wei cs-ticket escalate 1 --to wang.wei --reason 重大投诉
	CS_NOW=2026-11-24T11:00:00 CS_USER=wang.wei cs-ticket resolve 1 --resolution 补发并致歉 --root-cause 仓库漏发 --stage 仓储
	CS_NOW=2026-11-24T11:30:00 CS_USER=wang.wei cs-ticket rate 1 4 --comment 处理及时
	cs-kb add --title 丢件补发流程 >/dev/null
	CS_NOW=2026-11-24T12:00:00 CS_USER=wang.wei cs-ticket link 1 1
	run cs-ticket show 1 -f csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = section,field,value ]
	[[ $output == *"ticket,subject,快递丢件"* ]]
	[[ $output == *"ticket,body,包裹三天没到"* ]]
	[[ $output == *"ticket,status,resolved"* ]]
	[[ $output == *"ticket,assignee,wang.wei"* ]]
	[[ $output == *"ticket,escalated_to,wang.wei"* ]]
	[[ $output == *"ticket,csat,4"* ]]
	[[ $output == *"ticket,created_at,2026-11-24T09:00:00+08:00"* ]]
	[[ $output == *"ticket,first_response_at,2026-11-24T09:08:00+08:00"* ]]
	[[ $output == *"ticket,resolved_at,2026-11-24T11:00:00+08:00"* ]]
	timeline 1 | tr -d '"' > "$T/tl"
	cat "$T/tl"
	# every event, with its time, its actor, from, to and note
	for p in \
	    '2026-11-24T09:00:00+08:00,tester *new*快递丢件*' \
	    '2026-11-24T09:05:00+08:00,wang.wei *li.na*' \
	    '2026-11-24T09:08:00+08:00,li.na *new*open*' \
	    '2026-11-24T09:10:00+08:00,li.na *reply*您好,正在核实*' \
	    '2026-11-24T09:20:00+08:00,li.na *comment*仓库说已发出*' \
	    '2026-11-24T09:30:00+08:00,li.na *open*pending*等仓库回复*' \
	    '2026-11-24T10:00:00+08:00,li.na *pending*open*' \
	    '2026-11-24T10:30:00+08:00,li.na *售后组*客户要求主管处理*' \
	    '2026-11-24T10:40:00+08:00,wang.wei *li.na*wang.wei*' \
	    '2026-11-24T10:40:00+08:00,wang.wei *wang.wei*重大投诉*' \
	    '2026-11-24T11:00:00+08:00,wang.wei *open*resolved*补发并致歉*' \
	    '2026-11-24T11:00:00+08:00,wang.wei *仓库漏发*' \
	    '2026-11-24T11:00:00+08:00,wang.wei *仓储*' \
	    '2026-11-24T11:30:00+08:00,wang.wei *4*处理及时*' \
	    '2026-11-24T12:00:00+08:00,wang.wei *link*article*1'; do
		found=
		while IFS= read -r row; do
			# shellcheck disable=SC2053
			[[ ${row#timeline,} == $p ]] && found=1
		done < "$T/tl"
		echo "# $p: ${found:-missing}"
		[ -n "$found" ]
	done
	# in time order
	cut -d, -f2 "$T/tl" | sort -c
	# the same events in the documented view
	run sqlite3 "$CS_DB" "SELECT DISTINCT actor FROM v_ticket_events WHERE ticket_id = 1 ORDER BY 1"
	[ "$output" = "li.na
tester
wang.wei" ]
	run cs-ticket show 1 -f jsonl
	[ "$status" -eq 0 ]
	[[ ${lines[0]} == '{"section":"ticket","field":"id","value":"1"}' ]] ||
	    [[ ${lines[0]} == '{"section":"ticket","field":"id","value":1}' ]]
	run cs-ticket show 99
	[ "$status" -eq 1 ]
}

@test "a second escalation shows where the ticket was escalated before" {
	world
	id=$(ticket_in open complaint)
	CS_NOW=2026-11-24T10:30:00 cs-ticket escalate "$id" --to 售后组 --reason 客户要求主管处理
	CS_NOW=2026-11-24T10:40:00 cs-ticket escalate "$id" --to wang.wei --reason 重大投诉
	timeline "$id" | grep '^timeline,2026-11-24T10:40:00+08:00,' | tr -d '"' > "$T/tl"
	cat "$T/tl"
	# the escalation row: from 售后组 to wang.wei, with its reason
	grep 重大投诉 "$T/tl" | grep -q '售后组.*wang\.wei'
}

@test "list filters: status (repeatable), open, type, channel, priority, assignee, customer" {
	world
	cs-ticket sla set tech urgent --first-response 30m --resolution 4h --calendar 24x7
	CS_NOW=2026-11-02T10:00:00 cs-ticket new C001 --type complaint --channel phone --priority high \
	    --subject 快递丢件 --body 客户说包裹三天没到 --assign li.na >/dev/null
	CS_NOW=2026-11-02T10:30:00 cs-ticket start 1
	CS_NOW=2026-11-03T10:00:00 cs-ticket resolve 1 --resolution 补发
	CS_NOW=2026-11-10T09:00:00 cs-ticket new C002 --type consult --channel wechat \
	    --subject 发票怎么开 --body 需要增值税专用发票,金额100元 >/dev/null
	CS_NOW=2026-11-10T09:30:00 cs-ticket start 2
	CS_NOW=2026-11-10T09:40:00 cs-ticket pend 2
	CS_NOW=2026-11-17T14:00:00 cs-ticket new 13900001111 --type aftersales --subtype return \
	    --channel email --priority low --subject 退货申请 --body '满100%减20 活动商品退货' \
	    --assign wang.wei >/dev/null
	CS_NOW=2026-11-23T09:30:00 cs-ticket new C005 --type tech --channel chat --priority urgent \
	    --subject App闪退 --body 'iOS 18 crash on start' --assign li.na >/dev/null
	CS_NOW=2026-11-23T09:40:00 cs-ticket start 4
	CS_NOW=2026-11-24T08:00:00 cs-ticket new C003 --type grumble --subject 等太久了 >/dev/null
	CS_NOW=2026-11-24T08:20:00 cs-ticket start 5
	CS_NOW=2026-11-24T08:30:00 cs-ticket resolve 5
	CS_NOW=2026-11-24T08:40:00 cs-ticket close 5
	# now: Tuesday 2026-11-24 09:00
	run cs-ticket list -f csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 6 ]
	[[ ${lines[0]} == id,* ]]
	[[ ,${lines[0]}, == *,customer_id,* ]]
	[ "$(ids)" = "1 2 3 4 5" ]
	[ "$(ids --status pending)" = 2 ]
	[ "$(ids --status pending --status open)" = "2 4" ]
	[ "$(ids --status new --status closed)" = "3 5" ]
	[ "$(ids --status resolved)" = 1 ]
	[ "$(ids --open)" = "2 3 4" ]
	[ "$(ids --type aftersales)" = 3 ]
	[ "$(ids --channel wechat)" = 2 ]
	[ "$(ids --priority urgent)" = 4 ]
	[ "$(ids --assignee li.na)" = "1 4" ]
	[ "$(ids --assignee li.na --open)" = 4 ]
	[ "$(ids --customer C002)" = "2 3" ]
	[ "$(ids --customer 2)" = "2 3" ]
	[ "$(ids --customer 139-0000-1111)" = "2 3" ]
	[ "$(ids --customer C006)" = "" ]
	[ "$(ids --overdue)" = 4 ]
}

@test "list --status with an unknown status is a usage error" {
	world
	ticket_in pending >/dev/null
	run cs-ticket list --status bogus -f csv
	[ "$status" -eq 2 ]
	[[ $output == *bogus* ]]
	run cs-ticket list --status open --status 待处理 -f csv
	[ "$status" -eq 2 ]
}

@test "list --status takes whole status names, not pieces of one" {
	world
	ticket_in pending >/dev/null
	for s in pen solved lose 'open pending'; do
		run cs-ticket list --status "$s" -f csv
		echo "# --status '$s': $status"
		[ "$status" -eq 2 ]
	done
}

@test "list filters: created and resolved periods, search, limit, sort" {
	world
	CS_NOW=2026-11-02T10:00:00 cs-ticket new C001 --type complaint --priority high \
	    --subject 快递丢件 --body 客户说包裹三天没到 >/dev/null
	CS_NOW=2026-11-02T10:30:00 cs-ticket start 1
	CS_NOW=2026-11-03T10:00:00 cs-ticket resolve 1 --resolution 补发
	CS_NOW=2026-11-10T09:00:00 cs-ticket new C002 --type consult \
	    --subject 发票怎么开 --body 需要增值税专用发票,金额100元 >/dev/null
	CS_NOW=2026-11-17T14:00:00 cs-ticket new C002 --type aftersales --priority low \
	    --subject 退货申请 --body '满100%减20 活动商品退货' >/dev/null
	CS_NOW=2026-11-23T09:30:00 cs-ticket new C005 --type tech --priority urgent \
	    --subject App闪退 --body 'iOS 18 crash on start' >/dev/null
	CS_NOW=2026-11-24T08:00:00 cs-ticket new C003 --type grumble --subject 等太久了 >/dev/null
	CS_NOW=2026-11-24T08:20:00 cs-ticket start 5
	CS_NOW=2026-11-24T08:30:00 cs-ticket resolve 5
	CS_NOW=2026-10-31T23:59:59 cs-ticket new C004 --type consult --subject 十月最后一单 >/dev/null
	# now: Tuesday 2026-11-24 09:00; W47 = 11-16..11-22, W48 = 11-23..11-29
	[ "$(ids --created 2026-11)" = "1 2 3 4 5" ]
	[ "$(ids --created 2026-10)" = 6 ]
	[ "$(ids --created 2026-W47)" = 3 ]
	[ "$(ids --created 2026-W48)" = "4 5" ]
	[ "$(ids --created last-week)" = 3 ]
	[ "$(ids --created this-week)" = "4 5" ]
	[ "$(ids --created today)" = 5 ]
	[ "$(ids --created 2026-Q4)" = "1 2 3 4 5 6" ]
	[ "$(ids --created 2025)" = "" ]
	[ "$(ids --resolved 2026-11)" = "1 5" ]
	[ "$(ids --resolved 2026-W45)" = 1 ]
	[ "$(ids --resolved today)" = 5 ]
	run cs-ticket list --created 2026-13
	[ "$status" -eq 2 ]
	# search in subject and body; % is a character, not a wildcard
	[ "$(ids --search 退货)" = 3 ]
	[ "$(ids --search 发票)" = 2 ]
	[ "$(ids --search 三天没到)" = 1 ]
	[ "$(ids --search crash)" = 4 ]
	[ "$(ids --search 100)" = "2 3" ]
	[ "$(ids --search 100%)" = 3 ]
	[ "$(ids --search 没有这个词)" = "" ]
	# limit and sort
	[ "$(ids --limit 2)" = "1 2" ]
	[ "$(ids --sort -created_at)" = "5 4 3 2 1 6" ]
	[ "$(ids --sort created_at --limit 3)" = "6 1 2" ]
	[ "$(ids --sort -created_at --created 2026-11 --limit 2)" = "5 4" ]
	run cs-ticket list --limit 0
	[ "$status" -eq 2 ]
	run cs-ticket list --sort bogus
	[ "$status" -eq 2 ]
}

@test "list --resolved lists what the report counts: a ticket resolved again later is in both weeks" {
	world
	# W47 = 11-16..11-22, W48 = 11-23..11-29
	CS_NOW=2026-11-17T09:00:00 cs-ticket new C001 --type consult --subject 发票怎么开 --assign li.na >/dev/null
	CS_NOW=2026-11-17T11:00:00 cs-ticket reply 1 您好
	CS_NOW=2026-11-18T09:00:00 cs-ticket resolve 1
	CS_NOW=2026-11-17T10:00:00 cs-ticket new C002 --type consult --subject 积分查询 >/dev/null
	CS_NOW=2026-11-17T10:30:00 cs-ticket start 2
	CS_NOW=2026-11-19T10:00:00 cs-ticket resolve 2
	CS_NOW=2026-11-23T10:00:00 cs-ticket new C003 --type consult --subject 改地址 >/dev/null
	CS_NOW=2026-11-23T10:30:00 cs-ticket start 3
	CS_NOW=2026-11-24T08:00:00 cs-ticket resolve 3
	CS_NOW=2026-11-25T09:00:00 cs-ticket reopen 1
	# back at work: still resolved in W47, not (yet) in W48
	[ "$(CS_NOW=2026-11-25T10:00:00 ids --resolved 2026-W47)" = "1 2" ]
	[ "$(CS_NOW=2026-11-25T10:00:00 ids --resolved 2026-W48)" = 3 ]
	[ "$(CS_NOW=2026-11-25T10:00:00 ids --resolved 2026-W47 --status reopened)" = 1 ]
	CS_NOW=2026-11-25T12:00:00 cs-ticket resolve 1
	export CS_NOW=2026-11-30T09:00:00
	[ "$(ids --resolved 2026-W47)" = "1 2" ]
	[ "$(ids --resolved 2026-W48)" = "1 3" ]
	[ "$(ids --resolved 2026-11)" = "1 2 3" ]
	[ "$(ids --resolved 2026-W46)" = "" ]
	# resolved_at is the last resolution
	[ "$(cs-ticket list --resolved 2026-W47 --id 1 -f csv --no-header | cut -d, -f15)" = 2026-11-25T12:00:00+08:00 ]
	# the report counts the same: 2 resolved in W47, 2 in W48
	run cs-report 2026-W47 -s tickets -f csv
	[ "$status" -eq 0 ]
	[[ $output == *$'\n'tickets,resolved,,2,* ]]
	run cs-report 2026-W48 -s tickets -f csv
	[ "$status" -eq 0 ]
	[[ $output == *$'\n'tickets,resolved,,2,2,* ]]
}

@test "list refuses a type or an assignee that names nothing, as cs-report does" {
	world
	ticket_in open >/dev/null
	before=$(dbsum)
	run cs-ticket list -t nope -f csv
	[ "$status" -eq 65 ]
	[ "$output" = "cs-ticket: list: --type nope: unknown type (consult, complaint, grumble, tech, aftersales, or one added with cs-ticket type add)" ]
	run cs-ticket list --assignee nobody -f csv
	[ "$status" -eq 65 ]
	[ "$output" = "cs-ticket: list: --assignee nobody: no agent 'nobody': see cs-agent list" ]
	run cs-ticket list --open --assignee 李娜 -f csv
	[ "$status" -eq 65 ]
	[[ $output == *"no agent '李娜'"* ]]
	# a known type or agent without tickets (zhang.min is inactive) is
	# an empty list
	run cs-ticket list -t grumble -f csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 1 ]
	run cs-ticket list --assignee zhang.min -f csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 1 ]
	[ "$(dbsum)" = "$before" ]
}

@test "--sort -priority puts the most urgent first, priority the least" {
	world
	cs-ticket new C001 --type consult --priority high --subject 一 >/dev/null
	cs-ticket new C001 --type consult --priority normal --subject 二 >/dev/null
	cs-ticket new C001 --type consult --priority low --subject 三 >/dev/null
	cs-ticket new C001 --type consult --priority urgent --subject 四 >/dev/null
	CS_NOW=2026-11-24T10:00:00 cs-ticket new C001 --type consult --subject 五 >/dev/null
	CS_NOW=2026-11-24T08:00:00 cs-ticket new C001 --type consult --subject 六 >/dev/null
	# urgent > high > normal > low; ties by id
	[ "$(ids --sort -priority)" = "4 1 2 5 6 3" ]
	[ "$(ids --sort priority)" = "3 2 5 6 1 4" ]
	[ "$(ids --sort -priority,-created_at)" = "4 1 5 2 6 3" ]
}

@test "Chinese subjects line up in table output by display width" {
	world
	cs-ticket new C001 --type complaint --subject 快递丢件 >/dev/null
	cs-ticket new C005 --type tech --subject 'App crash' --assign li.na >/dev/null
	cs-ticket new C002 --type consult --subject 发票怎么开 >/dev/null
	cs-ticket new C004 --type aftersales --subject '退货 return 申请' >/dev/null
	for lang in en zh; do
		run cs-ticket list -f table --lang $lang
		[ "$status" -eq 0 ]
		[ "${#lines[@]}" -eq 5 ]
		[[ ${lines[1]} == *快递丢件* ]]
		[[ ${lines[2]} == *"App crash"* ]]
		[[ ${lines[3]} == *发票怎么开* ]]
		[[ ${lines[4]} == *"退货 return 申请"* ]]
		[[ ${lines[1]} == *王芳* ]]
		[[ ${lines[4]} == *陈静* ]]
		# the column after the subject starts at one display column
		if [ $lang = en ]; then head=${lines[0]%%created_at*}
		else head=${lines[0]%%创建时间*}; fi
		w=$(width "$head")
		for i in 1 2 3 4; do
			row=${lines[$i]%%2026-11-24T*}
			echo "# $lang row $i: $(width "$row") vs header $w"
			[ "$(width "$row")" -eq "$w" ]
		done
		# and so does the subject column itself
		s=$(width "${lines[1]%%快递丢件*}")
		[ "$(width "${lines[2]%%App crash*}")" -eq "$s" ]
		[ "$(width "${lines[3]%%发票怎么开*}")" -eq "$s" ]
		[ "$(width "${lines[4]%%退货 return 申请*}")" -eq "$s" ]
		# the widest subject (退货 return 申请: 16 columns) sets the width
		[ "$((w - s))" -ge 17 ]
		[ "$((w - s))" -le 19 ]
	done
}

@test "resolving a complaint plans one revisit 3 days later, once" {
	world
	id=$(cs-ticket new C003 --type complaint --subject 服务态度差)
	CS_NOW=2026-11-24T10:00:00 cs-ticket start "$id"
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM v_revisits')" = 0 ]
	CS_NOW=2026-11-24T15:00:00 cs-ticket resolve "$id" --resolution 已道歉并补偿
	run sqlite3 "$CS_DB" 'SELECT customer_id, ticket_id, reason, due_date, status FROM v_revisits'
	[ "$output" = "3|$id|投诉回访|2026-11-27|open" ]
	# reopened: the call waits, cancelled, until the ticket is resolved
	CS_NOW=2026-11-25T10:00:00 cs-ticket reopen "$id"
	run sqlite3 "$CS_DB" 'SELECT status, note FROM revisit'
	[ "$output" = "cancelled|工单已重开" ]
	# resolved a second time: no second revisit; the same one, due 3 days
	# after this resolution
	CS_NOW=2026-11-26T16:00:00 cs-ticket resolve "$id" --resolution 再次补偿
	CS_NOW=2026-11-26T17:00:00 cs-ticket close "$id"
	run sqlite3 "$CS_DB" 'SELECT customer_id, ticket_id, reason, due_date, status, note IS NULL FROM v_revisits'
	[ "$output" = "3|$id|投诉回访|2026-11-29|open|1" ]
	# once the call is made, a reopen leaves the task done, and another
	# resolution plans nothing
	task=$(sqlite3 "$CS_DB" 'SELECT id FROM revisit')
	cs-agent add li.na --name 李娜 > /dev/null 2>&1 || true
	CS_NOW=2026-11-29T10:00:00 cs-revisit log "$task" --result reached --score 5 --note 满意
	CS_NOW=2026-11-30T10:00:00 cs-ticket reopen "$id"
	CS_NOW=2026-12-01T10:00:00 cs-ticket resolve "$id" --resolution 第三次
	run sqlite3 "$CS_DB" 'SELECT due_date, status, note FROM revisit'
	[ "$output" = "2026-11-29|done|满意" ]
	# a task a person cancelled stays cancelled
	k=$(cs-ticket new C003 --type complaint --subject 物流慢)
	CS_NOW=2026-11-24T15:00:00 cs-ticket start "$k"
	CS_NOW=2026-11-24T15:00:00 cs-ticket resolve "$k" --resolution 已催
	t2=$(sqlite3 "$CS_DB" "SELECT id FROM revisit WHERE ticket_id = $k")
	cs-revisit cancel "$t2" --reason 客户出国
	CS_NOW=2026-11-25T10:00:00 cs-ticket reopen "$k"
	CS_NOW=2026-11-26T10:00:00 cs-ticket resolve "$k" --resolution 已到
	run sqlite3 "$CS_DB" "SELECT due_date, status, note FROM revisit WHERE id = $t2"
	[ "$output" = "2026-11-27|cancelled|客户出国" ]
	sqlite3 "$CS_DB" "DELETE FROM revisit WHERE id = $t2"
	# consultations and grumbles plan none
	c=$(ticket_in resolved consult)
	g=$(ticket_in resolved grumble)
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM v_revisits WHERE ticket_id IN ($c, $g)")" = 0 ]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM v_revisits')" = 1 ]
}

@test "a consultation plans a revisit once its type is given a delay" {
	world
	a=$(ticket_in resolved consult)
	run cs-ticket type set consult --revisit-days 1
	[ "$status" -eq 0 ]
	# the earlier resolution is not touched
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM v_revisits')" = 0 ]
	id=$(cs-ticket new C006 --type consult --subject 会员权益咨询)
	cs-ticket start "$id"
	CS_NOW=2026-11-24T23:30:00 cs-ticket resolve "$id"
	run sqlite3 "$CS_DB" "SELECT customer_id, ticket_id, due_date, status, reason <> '' FROM v_revisits"
	[ "$output" = "6|$id|2026-11-25|open|1" ]
	# an empty delay: none again
	run cs-ticket type set consult --revisit-days ''
	[ "$status" -eq 0 ]
	n=$(ticket_in resolved consult)
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM v_revisits WHERE ticket_id = $n")" = 0 ]
	# a type of one's own, with its own reason
	run cs-ticket type set vip-care --revisit-days 7 --revisit-reason 大客户回访
	[ "$status" -eq 0 ]
	v=$(cs-ticket new C001 --type vip-care --subject 年度回顾)
	cs-ticket start "$v"
	CS_NOW=2026-11-25T09:00:00 cs-ticket resolve "$v"
	run sqlite3 "$CS_DB" "SELECT customer_id, reason, due_date FROM v_revisits WHERE ticket_id = $v"
	[ "$output" = "1|大客户回访|2026-12-02" ]
	before=$(dbsum)
	run cs-ticket type set consult --revisit-days -1
	[ "$status" -eq 65 ]
	run cs-ticket type set consult --revisit-days abc
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
}

@test "actions need ticket ids; usage errors are 2" {
	world
	for a in start pend resolve close reopen show; do
		run cs-ticket $a
		[ "$status" -eq 2 ]
	done
	run cs-ticket start abc
	[ "$status" -eq 2 ]
	run cs-ticket rate 1
	[ "$status" -eq 2 ]
	run cs-ticket assign 1
	[ "$status" -eq 2 ]
	run cs-ticket bogus
	[ "$status" -eq 2 ]
}

@test "list --unassigned: the tickets no agent has, with the other filters and --limit" {
	world
	cs-ticket new C001 --type consult --subject 发票 >/dev/null
	cs-ticket new C002 --type complaint --subject 丢件 --assign li.na >/dev/null
	cs-ticket new C003 --type complaint --subject 退款 >/dev/null
	cs-ticket new C004 --type complaint --subject 破损 >/dev/null
	cs-ticket new C005 --type consult --subject 改地址 --assign wang.wei >/dev/null
	cs-ticket start 4
	cs-ticket resolve 4 --resolution 已退款
	[ "$(ids --unassigned)" = "1 3 4" ]
	[ "$(ids --unassigned --type complaint)" = "3 4" ]
	[ "$(ids --unassigned --open)" = "1 3" ]
	[ "$(ids --unassigned --limit 2)" = "1 3" ]
	[ "$(ids --unassigned --sort -id --limit 1)" = 4 ]
	[ "$(ids --unassigned --customer C002)" = "" ]
	# an empty --assignee matches no login, as before
	[ "$(ids --assignee '')" = "" ]
	# the list feeds assign: hand out what nobody has
	run sh -c 'cs-ticket list --open --unassigned | cs-ticket assign - wang.wei'
	[ "$status" -eq 0 ]
	[ "$(ids --unassigned)" = 4 ]
	[ "$(ids --assignee wang.wei)" = "1 3 5" ]
	run cs-ticket list --unassigned --assignee li.na
	[ "$status" -eq 2 ]
	# in --help and in the completion words
	run cs-ticket list --help
	[[ $output == *--unassigned* ]]
	run cs-ticket __complete list
	printf '%s\n' "$output" | grep -qx -- --unassigned
}

@test "show names the field once when the kind of the event is the field" {
	world
	id=$(ticket_in new)
	CS_USER=li.na cs-ticket assign "$id" li.na
	CS_USER=li.na cs-ticket start "$id"
	CS_USER=li.na cs-ticket pend "$id" --note 等客户回复
	run cs-ticket show "$id" -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" | grep '^timeline,' > "$T/tl"
	cat "$T/tl"
	grep -q ',li.na status: open → pending — 等客户回复$' "$T/tl"
	grep -q ',li.na assign assignee:  → li.na$' "$T/tl"
	! grep -q 'status status' "$T/tl"
	# the table shows the same words
	run cs-ticket show "$id" -f table
	[[ $output == *"li.na status: open → pending — 等客户回复"* ]]
	[[ $output != *"status status"* ]]
}

@test "list --status takes several statuses separated by commas, as repeated" {
	world
	a=$(cs-ticket new C001 --type consult --subject 一)
	b=$(cs-ticket new C001 --type consult --subject 二)
	cs-ticket start "$b" >/dev/null
	cs-ticket pend "$b" >/dev/null 2>&1 || true
	c=$(cs-ticket new C001 --type consult --subject 三)
	cs-ticket start "$c" >/dev/null
	run cs-ticket list --status open,pending -f csv --no-header
	[ "$status" -eq 0 ]
	comma=$output
	run cs-ticket list --status open --status pending -f csv --no-header
	[ "$output" = "$comma" ]
	[ "$(cs-ticket list --status 'new, open' -f csv --no-header | cut -d, -f1 | paste -sd' ' -)" = "$(cs-ticket list --status new --status open -f csv --no-header | cut -d, -f1 | paste -sd' ' -)" ]
	[[ " $(cut -d, -f1 <<<"$comma" | paste -sd' ' -) " == *" $c "* ]]
	[[ " $(cut -d, -f1 <<<"$comma" | paste -sd' ' -) " != *" $a "* ]]
	run cs-ticket list --status open,closd
	[ "$status" -eq 2 ]
	[[ "${lines[0]}" == *"unknown status 'closd'"* ]]
	run cs-ticket list --status ,
	[ "$status" -eq 2 ]
}
