#!/usr/bin/env bats
# cs-customer and cs-agent as an operations assistant with Chinese data
# uses them: gaps found by an audit against SPEC's "Customers" section.
load helper
bats_require_minimum_version 1.5.0

# Whether $output has this exact line.
has() {
	printf '%s\n' "$output" | grep -Fxq -- "$1"
}

# The codes of the customers that list prints, in its order, on one line.
codes() {
	cs-customer list -f csv --no-header "$@" > "$T/codes.out" || return
	cut -d, -f2 "$T/codes.out" | paste -sd' ' -
}

@test "show: the timeline holds the customer's tickets and revisits, calls included" {
	staff_and_customers
	cs-customer update C001 --city 北京
	t=$(cs-ticket new C001 --type complaint --subject 快递破损)
	cs-ticket assign "$t" li.na
	cs-revisit plan --reason 春节关怀 <(printf 'code\nC001\n') 2>/dev/null
	r=$(sqlite3 "$CS_DB" "SELECT id FROM revisit WHERE customer_id = 1")
	cs-revisit log "$r" --result no-answer
	cs-revisit log "$r" --result reached --score 4 --note 很满意 --actor li.na
	run cs-customer show C001 -f csv
	[ "$status" -eq 0 ]
	has "timeline,2026-11-24T09:00:00+08:00,tester city: 上海 → 北京"
	has "timeline,2026-11-24T09:00:00+08:00,tester ticket $t created status:  → new — 快递破损"
	has "timeline,2026-11-24T09:00:00+08:00,tester ticket $t assign assignee:  → li.na"
	has "timeline,2026-11-24T09:00:00+08:00,revisit $r planned: 春节关怀"
	has "timeline,2026-11-24T09:00:00+08:00,tester revisit $r 春节关怀: no-answer"
	has "timeline,2026-11-24T09:00:00+08:00,\"li.na revisit $r 春节关怀: reached, score 4 — 很满意\""
	# the record first, then its tickets, then its revisits
	[ "$(printf '%s\n' "$output" | grep ^timeline |
	    grep -o 'city:\|ticket\|revisit' | paste -sd' ' -)" = \
	    "city: ticket ticket revisit revisit revisit" ]
	# another customer's history is not there
	run cs-customer show C002 -f csv
	[[ "$output" != *"ticket"* && "$output" != *"revisit"* ]]
}

@test "show: a merged customer's tickets show in the timeline of the one kept" {
	staff_and_customers
	cs-customer add --code C007 --name 王芳 --phone 13812345678 >/dev/null
	t=$(cs-ticket new C007 --type consult --subject 开发票)
	cs-customer merge C001 C007 2>/dev/null
	run cs-customer show C001 -f csv
	has "timeline,2026-11-24T09:00:00+08:00,tester ticket $t created status:  → new — 开发票"
}

@test "show: a long change is shown whole in the timeline, never cut inside a character" {
	staff_and_customers
	long=$(printf '客户要求周末送货%.0s' $(seq 60))
	cs-customer update C003 --notes "$long"
	run cs-customer show C003 -f json
	[ "$status" -eq 0 ]
	printf '%s' "$output" | jq -e --arg v "tester notes: 第一行
第二行 → $long" '[.[] | select(.section == "timeline")][0].value == $v'
	[[ "$output" != *'\ufffd'* ]]
}

@test "list --where phone= and phone2= take the number however it is written" {
	staff_and_customers
	run codes --where 'phone=138 1234 5678'
	[ "$output" = C001 ]
	run codes --where 'phone=+86 138-1234-5678'
	[ "$output" = C001 ]
	run codes --where 'phone=１３８１２３４５６７８'
	[ "$output" = C001 ]
	run codes --where 'phone2=(010)8888-6666'
	[ "$output" = C001 ]
	run codes --where 'phone=+86 0755 8888 6666'
	[ "$output" = C003 ]
	run codes --where 'phone!=138-1234-5678'
	[ "$output" = "C002 C003 C004 C005 C006" ]
	# what is no phone number still compares as text
	run codes --where 'phone2='
	[ "$output" = "C002 C003 C005 C006" ]
	run codes --where 'phone=138'
	[ "$output" = "" ]
}

@test "list --where email= matches the address in any case, as dedupe does" {
	staff_and_customers
	run codes --where 'email=WANG.FANG@EXAMPLE.COM'
	[ "$output" = C001 ]
	run codes --where 'email!=Wang.Fang@Example.com'
	[ "$output" = "C002 C003 C004 C005 C006" ]
	run codes --where 'email='
	[ "$output" = C006 ]
}

@test "list --search finds code, e-mail and WeChat id, and reads full-width text" {
	staff_and_customers
	run codes --search wang.fang@
	[ "$output" = C001 ]
	run codes --search ZHANGWEI_sz
	[ "$output" = C003 ]
	run codes --search C004
	[ "$output" = C004 ]
	run codes --search Ｃ００５
	[ "$output" = C005 ]
	run codes --search '１５８ ０００'
	[ "$output" = C006 ]
	run codes --search 'example.cn'
	[ "$output" = C004 ]
}

@test "merge run twice: DROP found by code or id leads to KEEP and is told already merged" {
	staff_and_customers
	cs-customer add --code C007 --name 王芳 --phone 13812345678 >/dev/null
	cs-customer merge C001 C007 2>/dev/null
	before=$(dbsum)
	for drop in C007 7 code:C007 id:7; do
		run --separate-stderr cs-customer merge C001 "$drop"
		[ "$status" -eq 65 ]
		[[ "$stderr" == *"was merged into 1: using 1"* ]]
		[[ "$stderr" == *"cs-customer: merge $drop: already merged into 1"* ]]
	done
	# the same customer named twice is still told as such
	run --separate-stderr cs-customer merge C001 1
	[ "$status" -eq 65 ]
	[[ "$stderr" == *"cannot be merged into itself"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "merge run twice with DROP named by a phone that only DROP has: already merged" {
	printf 'code,name,phone,phone2\nK3,王芳,13800000003,13800000013\nK4,王芳,13800000004,\n' > "$T/m.csv"
	cs-customer import "$T/m.csv" 2>/dev/null
	cs-customer merge K3 K4 2>/dev/null
	before=$(dbsum)
	for drop in 13800000004 138-0000-0004 phone:13800000004; do
		run --separate-stderr cs-customer merge K3 "$drop"
		[ "$status" -eq 65 ]
		[[ "$stderr" == *"cs-customer: merge $drop: already merged into 1"* ]]
	done
	[ "$(dbsum)" = "$before" ]
}

@test "merge: a DROP merged into one that went into KEEP later is already merged, by code, id or a phone only it had" {
	printf 'code,name,phone,phone2\nK1,王芳,13800000001,13800000011\nK2,王芳,13800000002,13800000012\nK3,王芳,13800000003,\n' > "$T/m.csv"
	cs-customer import "$T/m.csv" 2>/dev/null
	cs-customer merge K2 K3 2>/dev/null
	cs-customer merge K1 K2 2>/dev/null
	before=$(dbsum)
	for drop in K3 3 id:3 code:K3 13800000003 phone:138-0000-0003 \
	    K2 id:2 13800000012; do
		run --separate-stderr cs-customer merge K1 "$drop"
		[ "$status" -eq 65 ]
		[[ "$stderr" == *"was merged into 1: using 1"* ]]
		[[ "$stderr" == *"cs-customer: merge $drop: already merged into 1"* ]]
		[[ "$stderr" != *"into itself"* ]]
	done
	[ "$(dbsum)" = "$before" ]
}

@test "merge: KEEP named again, by code, id or phone, cannot be merged into itself, even with a phone a merged customer had too" {
	staff_and_customers
	cs-customer add --code C007 --name 王芳 --phone 13812345678 >/dev/null
	cs-customer merge C001 C007 2>/dev/null
	before=$(dbsum)
	for drop in C001 1 id:1 code:C001 13812345678 phone:138-1234-5678 \
	    010-88886666; do
		run --separate-stderr cs-customer merge C001 "$drop"
		[ "$status" -eq 65 ]
		[[ "$stderr" == *"cs-customer: merge $drop: a customer cannot be merged into itself"* ]]
		[[ "$stderr" != *"already merged"* ]]
		[[ "$stderr" != *"was merged into"* ]]
	done
	# KEEP named by the merged customer is still KEEP, named twice
	run --separate-stderr cs-customer merge C007 1
	[ "$status" -eq 65 ]
	[[ "$stderr" == *"cannot be merged into itself"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "an extension in brackets after a landline is kept: 010-12345678（转8001）" {
	run cs-customer add --name 赵敏 --phone '010-12345678（转8001）' -f jsonl
	[ "$status" -eq 0 ]
	[[ "$output" == *'"phone":"010-12345678-8001"'* ]]
	printf 'code,name,phone\nK1,王芳,0755 8888 6666 (ext. 203)\n' > "$T/c.csv"
	run cs-customer import "$T/c.csv"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT phone FROM customer WHERE code = 'K1'")" = 0755-88886666-203 ]
}

@test "--encoding gb2312 and cp936 read GBK; a GB18030 file read as GBK suggests gb18030" {
	printf 'code,name,city\nK1,王芳,北京\n' | iconv -f UTF-8 -t GBK > "$T/gbk.csv"
	run cs-customer import --encoding GB2312 "$T/gbk.csv"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT name || city FROM customer")" = 王芳北京 ]
	run cs-agent import --encoding cp936 <(printf 'login,name\nli.na,李娜\n' | iconv -f UTF-8 -t GBK)
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT name FROM agent")" = 李娜 ]
	# a rare name and an emoji are four bytes in GB18030, none in GBK
	printf 'code,name\nK2,𠀀😀\n' | iconv -f UTF-8 -t GB18030 > "$T/g18.csv"
	before=$(dbsum)
	run --separate-stderr cs-customer import --encoding gbk "$T/g18.csv"
	[ "$status" -eq 65 ]
	[[ "$stderr" == *"g18.csv:2: invalid GBK text"*"try --encoding gb18030"* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-customer import --encoding gb18030 "$T/g18.csv"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT name FROM customer WHERE code = 'K2'")" = 𠀀😀 ]
	run cs-customer import --encoding big5 "$T/gbk.csv"
	[ "$status" -eq 2 ]
}

@test "list --sort attr.NAME: numbers as numbers, before text; customers without it first" {
	printf 'code,name,attr.points\nA,a,90\nB,b,5000\nC,c,\nD,d,-3.5\nE,e,abc\nF,f,1e3\nG,g,2026-11-01\nH,h,+7\nI,i,+-5\nJ,j,1.2.3\nK,k,.5\n' > "$T/p.csv"
	cs-customer import "$T/p.csv" 2>/dev/null
	run cs-customer list --sort attr.points -f csv --no-header
	[ "$status" -eq 0 ]
	[ "$(cut -d, -f2 <<<"$output" | paste -sd' ' -)" = "C D K H A B I J F G E" ]
	run cs-customer list --sort -attr.points -f csv --no-header
	[ "$(cut -d, -f2 <<<"$output" | paste -sd' ' -)" = "E G F J I B A H K D C" ]
	# text fields stay text
	run cs-customer list --sort -code --limit 2 -f csv --no-header
	[ "$(cut -d, -f2 <<<"$output" | paste -sd' ' -)" = "K J" ]
}

@test "merge and erase cancel the open revisit tasks nobody may call any more; the one kept stays open, and assign hands it out" {
	cs-agent add li.na >/dev/null
	cs-customer add --name 甲 --phone 13812345678 >/dev/null
	cs-customer add --name 乙 --phone2 13812345678 >/dev/null
	cs-customer add --name 丙 --phone 13812345679 >/dev/null
	printf 'id\n1\n2\n3\n' | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	# a call recorded on 丙's task first: erase overwrites its note too
	cs-revisit log 3 --result busy --note 丙说下午再打 2>/dev/null
	cs-customer merge 1 2 2>/dev/null
	cs-customer erase 3 2>/dev/null
	run sqlite3 "$CS_DB" "SELECT id || ' ' || customer_id || ' ' || status || ' ' || coalesce(note, '-') FROM revisit ORDER BY id"
	[ "${lines[0]}" = "1 1 open -" ]
	[ "${lines[1]}" = "2 2 cancelled merged into 1, which has this task" ]
	[ "${lines[2]}" = "3 3 cancelled customer erased" ]
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM change_log WHERE entity = 'revisit' AND new_value = 'cancelled'")" = 2 ]
	run cs-revisit assign -f csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "id,customer_id,agent,reason,due" ]
	[ "${lines[1]}" = "1,1,li.na,春节关怀,2026-11-24" ]
	[ "${lines[2]}" = "cs-revisit: assigned 1 task, 0 left unassigned (no eligible agent)" ]
}

@test "list --where against a date: a time stored is its day; no value, or one that is no date, matches only !=" {
	printf 'code,name,attr.d\nA,a,2026-01-01\nB,b,\nC,c,abc\nD,d,2026-01-01T15:00\n' > "$T/d.csv"
	cs-customer import "$T/d.csv" 2>/dev/null
	[ "$(codes -w 'attr.d<2027-01-01')" = "A D" ]
	[ "$(codes -w 'attr.d>2000-01-01')" = "A D" ]
	[ "$(codes -w 'attr.d=2026-01-01')" = "A D" ]
	[ "$(codes -w 'attr.d>=2026-01-02')" = "" ]
	[ "$(codes -w 'attr.d!=2026-01-01')" = "B C" ]
	[ "$(codes -w 'birthday<2027-01-01')" = "" ]
	[ "$(codes -w 'birthday!=today')" = "A B C D" ]
}

@test "a birthday or a date attribute given as today, -3d or +1m is stored as the day it names; other text stays text" {
	cs-customer add --name 甲 --code K1 --birthday yesterday -a purchase_date=today -a card_expiry=+1m -a level=-3 -a size=3d >/dev/null
	[ "$(sqlite3 "$CS_DB" "SELECT birthday || ' ' || attrs FROM customer")" = '2026-11-23 {"card_expiry":"2026-12-24","level":"-3","purchase_date":"2026-11-24","size":"3d"}' ]
	[ "$(codes -w 'attr.purchase_date=today')" = "K1" ]
	printf 'code,name,birthday\nK2,乙,-2w\n' > "$T/b.csv"
	cs-customer import "$T/b.csv" 2>/dev/null
	[ "$(sqlite3 "$CS_DB" "SELECT birthday FROM customer WHERE code = 'K2'")" = 2026-11-10 ]
}

@test "an invalidated contact's open task waits unassigned, and assign says how many are held; revalidated, it is handed out" {
	cs-agent add li.na >/dev/null
	cs-customer add --name 甲 --phone 13812345678 >/dev/null
	cs-customer add --name 乙 --phone 13812345679 >/dev/null
	printf 'id\n1\n2\n' | cs-revisit plan --reason 关怀 - 2>/dev/null
	cs-customer invalidate 2 --reason refused 2>/dev/null
	run cs-revisit assign -f csv
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "1,1,li.na,关怀,2026-11-24" ]
	[ "${lines[2]}" = "cs-revisit: assigned 1 task, 0 left unassigned (no eligible agent), 1 held: the contact is marked invalid (see cs-customer revalidate, cs-revisit cancel)" ]
	cs-customer revalidate 2 2>/dev/null
	run cs-revisit assign -f csv
	[ "${lines[1]}" = "2,2,li.na,关怀,2026-11-24" ]
	[ "${lines[2]}" = "cs-revisit: assigned 1 task, 0 left unassigned (no eligible agent)" ]
}
