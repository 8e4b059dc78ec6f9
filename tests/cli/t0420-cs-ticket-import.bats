#!/usr/bin/env bats
# cs-ticket import: history from another system.
load helper

# The roster of helper.bash (zhang.min is inactive, but known) and the
# customers C001..C006 (ids 1..6; C002 李强 13900001111, C003 张伟,
# C005 刘洋 13512345678).
world() {
	staff_and_customers
}

# Every spec column of every ticket, as the documented view shows them.
rows() {
	sqlite3 "$CS_DB" "SELECT id, external_id, customer_id, type, subtype,
	    channel, category, stage, priority, status, assignee, subject,
	    created_at, first_response_at, resolved_at, closed_at, reopened,
	    csat, root_cause, resolution FROM v_tickets ORDER BY id"
}

# The timeline rows of a ticket, as show -f csv writes them.
timeline() {
	cs-ticket show "$1" -f csv | grep '^timeline,'
}

# Header and two good rows; a third row, line 4, is added by the tests.
H=external_id,customer,type,channel,priority,status,assignee,created_at,first_response_at,resolved_at,closed_at,reopened,csat
GOOD='N1,C001,consult,phone,normal,,,2025-03-03T09:00,,,,,
N2,C002,complaint,wechat,high,closed,li.na,2025-03-03T10:00,2025-03-03T10:10,2025-03-03T12:00,2025-03-03T13:00,1,5'

@test "import takes every column of the spec, with Chinese text, offsets and local times" {
	world
	run cs-ticket import "$DATA/tickets/tickets.csv"
	[ "$status" -eq 0 ]
	[[ $output == *"added 5, updated 0, unchanged 0, rejected 0"* ]]
	run rows
	[ "${lines[0]}" = "1|GD-0001|1|complaint||phone|物流|仓储|high|closed|li.na|快递丢件|2025-01-24T10:00:00|2025-01-24T10:30:00|2025-01-25T12:00:00|2025-01-26T09:00:00|1|4|仓库漏发|补发并致歉" ]
	# 02:00Z is 10:00 in Shanghai; the customer by phone
	[ "${lines[1]}" = "2|GD-0002|2|aftersales|return|wechat|退货||normal|resolved|wang.wei|七天无理由退货|2025-01-24T10:00:00|2025-01-24T11:00:00|2025-01-27T16:45:00||0|5||已退款" ]
	# the customer by id; no reopened count means 0
	[ "${lines[2]}" = "3|GD-0003|3|consult||email|发票||low|open|li.na|发票怎么开|2025-02-05T09:15:00|2025-02-05T09:40:00|||0|||" ]
	# 07:05 at -05:00 is 20:05 in Shanghai
	[ "${lines[3]}" = "4|GD-0004|5|tech||chat|App||urgent|new||App闪退|2025-02-06T20:05:00||||0|||" ]
	# the customer by a phone spelt +86 with spaces; an inactive agent is known
	[ "${lines[4]}" = "5|GD-0005|5|grumble||web|||normal|closed|zhang.min|等太久了|2025-02-07T09:00:00|2025-02-07T09:05:00|2025-02-07T09:30:00|2025-02-07T10:00:00|0|2|排队时间长|已安抚" ]
	[ "${#lines[@]}" -eq 5 ]
	[ "$(sqlite3 "$CS_DB" 'SELECT body FROM v_tickets WHERE id = 1')" = "客户说包裹三天没到,要求补发" ]
	[ "$(sqlite3 "$CS_DB" 'SELECT body FROM v_tickets WHERE id = 2')" = '他说:"商品有划痕"' ]
	[ "$(sqlite3 "$CS_DB" 'SELECT body FROM v_tickets WHERE id = 4')" = "$(printf 'iOS 18 打开就闪退\n重装也不行')" ]
	# show prints the times with their offset
	run cs-ticket show 4 -f csv
	[[ $output == *"ticket,created_at,2025-02-06T20:05:00+08:00"* ]]
	[[ $output == *"ticket,external_id,GD-0004"* ]]
}

@test "imported history is on the timeline at its own times" {
	world
	cs-ticket import "$DATA/tickets/tickets.csv" 2>/dev/null
	timeline 1 | tr -d '"' > "$T/tl"
	cat "$T/tl"
	grep -q '^timeline,2025-01-24T10:00:00+08:00,.*new' "$T/tl"
	grep -q '^timeline,2025-01-24T10:30:00+08:00,' "$T/tl"
	grep -q '^timeline,2025-01-25T12:00:00+08:00,.*resolved' "$T/tl"
	grep -q '^timeline,2025-01-26T09:00:00+08:00,.*closed' "$T/tl"
	cut -d, -f2 "$T/tl" | sort -c
	# the ticket still open has its creation and first response only
	timeline 3 > "$T/tl3"
	grep -q '^timeline,2025-02-05T09:15:00+08:00,.*new' "$T/tl3"
	grep -q '^timeline,2025-02-05T09:40:00+08:00,' "$T/tl3"
	[ "$(grep -c -e resolved -e closed "$T/tl3")" -eq 0 ]
	[ "$(timeline 4 | wc -l)" -eq 1 ]
	grep -q '^timeline,2025-02-06T20:05:00+08:00,' <(timeline 4)
	# first response events are public replies (what reports count)
	run sqlite3 "$CS_DB" "SELECT ticket_id || ' ' || at FROM v_ticket_events WHERE public = 1 ORDER BY ticket_id"
	[ "$output" = "1 2025-01-24T10:30:00
2 2025-01-24T11:00:00
3 2025-02-05T09:40:00
5 2025-02-07T09:05:00" ]
}

@test "re-import updates by external_id, never doubles tickets or events" {
	world
	cs-ticket import "$DATA/tickets/tickets.csv" 2>/dev/null
	for i in 1 2 3 4 5; do timeline $i; done > "$T/before"
	run cs-ticket import "$DATA/tickets/tickets.csv"
	[ "$status" -eq 0 ]
	[[ $output == *"added 0, updated 0, unchanged 5, rejected 0"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM v_tickets')" = 5 ]
	for i in 1 2 3 4 5; do timeline $i; done > "$T/after"
	cmp "$T/before" "$T/after"
	# GD-0003 gets resolved in the other system; GD-0006 is new
	sed 's/^GD-0003,.*$/GD-0003,3,consult,,email,发票,,low,resolved,li.na,发票怎么开,需要增值税专用发票,2025-02-05T09:15,2025-02-05T09:40,2025-02-05T15:00,,,5,,已开具/' \
	    "$DATA/tickets/tickets.csv" > "$T/t2.csv"
	printf 'GD-0006,C006,consult,,sms,积分,,normal,new,,积分怎么兑换,,2025-02-10T08:00,,,,,,,\n' >> "$T/t2.csv"
	run cs-ticket import "$T/t2.csv"
	[ "$status" -eq 0 ]
	[[ $output == *"added 1, updated 1, unchanged 4, rejected 0"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM v_tickets')" = 6 ]
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM v_tickets WHERE external_id = 'GD-0003'")" = 1 ]
	run sqlite3 "$CS_DB" "SELECT id, status, resolved_at, csat, resolution FROM v_tickets WHERE external_id = 'GD-0003'"
	[ "$output" = "3|resolved|2025-02-05T15:00:00|5|已开具" ]
	run sqlite3 "$CS_DB" "SELECT customer_id, channel, subject, created_at FROM v_tickets WHERE external_id = 'GD-0006'"
	[ "$output" = "6|sms|积分怎么兑换|2025-02-10T08:00:00" ]
	timeline 3 > "$T/tl3"
	cat "$T/tl3"
	[ "$(grep -c '^timeline,2025-02-05T09:15:00+08:00,' "$T/tl3")" -eq 1 ]
	[ "$(grep -c '^timeline,2025-02-05T09:40:00+08:00,' "$T/tl3")" -eq 1 ]
	[ "$(grep -c '^timeline,2025-02-05T15:00:00+08:00,.*resolved' "$T/tl3")" -eq 1 ]
	run cs-ticket import "$T/t2.csv"
	[[ $output == *"added 0, updated 0, unchanged 6, rejected 0"* ]]
}

@test "into an empty ticket table the indexes are made at the end, and kept on a failed import" {
	world
	idx="SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master WHERE tbl_name IN ('ticket', 'ticket_event') AND type = 'index' ORDER BY name)"
	schema=$(sqlite3 "$CS_DB" "$idx")
	[[ "$schema" == *"ticket_customer ON ticket (customer_id)"* ]]
	[[ "$schema" == *"ticket_event_ticket ON ticket_event (ticket_id, at)"* ]]
	printf '%s\n%s\nN3,C003,consult,phone,normal,,,2025-03-04T09:00,2025-03-04T08:00,,,,\n' "$H" "$GOOD" > "$T/bad.csv"
	before=$(dbsum)
	run cs-ticket import "$T/bad.csv"
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
	[ "$(sqlite3 "$CS_DB" "$idx")" = "$schema" ]
	printf '%s\n%s\n' "$H" "$GOOD" > "$T/good.csv"
	run cs-ticket import "$T/good.csv"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "$idx")" = "$schema" ]
	run cs-db check
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT external_id FROM ticket INDEXED BY ticket_customer WHERE customer_id = 2")" = N2 ]
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM ticket_event INDEXED BY ticket_event_ticket WHERE ticket_id = 2")" = 5 ]
}

@test "bad rows of every kind name FILE:LINE: column and write nothing" {
	world
	cs-ticket import "$DATA/tickets/tickets.csv" 2>/dev/null
	before=$(dbsum)
	# line 4 | column | the value
	while IFS='|' read -r line col val; do
		printf '%s\n%s\n%s\n' "$H" "$GOOD" "$line" > "$T/bad.csv"
		run cs-ticket import "$T/bad.csv"
		echo "# $line: $status $output"
		[ "$status" -eq 65 ]
		[[ $output == *"$T/bad.csv:4: $col: "* ]]
		[[ $output == *"$val"* ]]
		[ "$(dbsum)" = "$before" ]
	done <<'CASES'
N3,C003,inquiry,phone,normal,,,2025-03-03T11:00,,,,,|type|inquiry
N3,C003,consult,fax,normal,,,2025-03-03T11:00,,,,,|channel|fax
N3,C003,consult,phone,critical,,,2025-03-03T11:00,,,,,|priority|critical
N3,C003,consult,phone,normal,done,,2025-03-03T11:00,,,,,|status|done
N3,C003,consult,phone,normal,,nobody,2025-03-03T11:00,,,,,|assignee|nobody
N3,C003,consult,phone,normal,resolved,,2025-03-03T11:00,,2025-03-03T10:59,,,|resolved_at|2025-03-03T10:59
N3,C003,consult,phone,normal,resolved,,2025-03-03T11:00,,2025-03-03T12:00,,,0|csat|0
N3,C003,consult,phone,normal,resolved,,2025-03-03T11:00,,2025-03-03T12:00,,,6|csat|6
N3,C003,consult,phone,normal,resolved,,2025-03-03T11:00,,2025-03-03T12:00,,,4.5|csat|4.5
N3,C003,consult,phone,normal,,,2025-02-30T10:00,,,,,|created_at|2025-02-30T10:00
N3,C003,consult,phone,normal,,,2025-03-03T25:00,,,,,|created_at|2025-03-03T25:00
N3,C003,consult,phone,normal,,,03/03/2025 11:00,,,,,|created_at|03/03/2025 11:00
N3,C003,consult,phone,normal,,,2025-03-03T11:00,soon,,,,|first_response_at|soon
N3,C003,consult,phone,normal,closed,,2025-03-03T11:00,,2025-03-03T12:00,2025-03-03T11:30,,|closed_at|2025-03-03T11:30
N3,C003,consult,phone,normal,,,2025-03-03T11:00,,,,-1,|reopened|-1
N3,C003,consult,phone,normal,,,2025-03-03T11:00,,,,x,|reopened|x
N3,C999,consult,phone,normal,,,2025-03-03T11:00,,,,,|customer|C999
N1,C003,consult,phone,normal,,,2025-03-03T11:00,,,,,|external_id|line 2
CASES
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM v_tickets')" = 5 ]
}

@test "the bad line is named in a file with a multi-line body and blank lines" {
	world
	before=$(dbsum)
	printf 'external_id,customer,type,body,created_at,csat\nM1,C001,consult,"第一行\n第二行",2025-03-03T09:00,\n\nM2,C002,consult,,2025-03-03T10:00,9\n' > "$T/ml.csv"
	run cs-ticket import "$T/ml.csv"
	[ "$status" -eq 65 ]
	[[ $output == *"$T/ml.csv:5: csat: "* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "--skip-invalid lands the good rows and writes the bad ones with an error column" {
	world
	printf '%s\n%s\n' "$H" "$GOOD" > "$T/in.csv"
	printf '%s\n' \
	    'N3,C003,inquiry,phone,normal,,,2025-03-03T11:00,,,,,' \
	    'N4,C004,consult,email,low,,,2025-03-03T12:00,,,,,' \
	    'N5,C005,consult,phone,normal,resolved,,2025-03-03T11:00,,2025-03-03T12:00,,,6' >> "$T/in.csv"
	run cs-ticket import --skip-invalid "$T/rejects.csv" "$T/in.csv"
	[ "$status" -eq 0 ]
	[[ $output == *"added 3, updated 0, unchanged 0, rejected 2"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT group_concat(external_id) FROM v_tickets')" = N1,N2,N4 ]
	run cat "$T/rejects.csv"
	[ "${#lines[@]}" -eq 3 ]
	[ "${lines[0]}" = "$H,error" ]
	[[ ${lines[1]} == "N3,C003,inquiry,phone,normal,,,2025-03-03T11:00,,,,,,"*"in.csv:4: type: "* ]]
	[[ ${lines[2]} == "N5,C005,consult,phone,normal,resolved,,2025-03-03T11:00,,2025-03-03T12:00,,,6,"*"in.csv:6: csat: "* ]]
	# the rejects, fixed, import back
	sed -i 's/,inquiry,/,consult,/; s/,,,6,/,,,5,/' "$T/rejects.csv"
	run cs-ticket import --ignore-unknown "$T/rejects.csv"
	[ "$status" -eq 0 ]
	[[ $output == *"added 2, updated 0, unchanged 0, rejected 0"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM v_tickets')" = 5 ]
}

@test "--dry-run counts what would happen and writes nothing" {
	world
	before=$(dbsum)
	run cs-ticket import --dry-run "$DATA/tickets/tickets.csv"
	[ "$status" -eq 0 ]
	[[ $output == *"would add 5, would update 0, unchanged 0, rejected 0"* ]]
	[ "$(dbsum)" = "$before" ]
	cs-ticket import "$DATA/tickets/tickets.csv" 2>/dev/null
	before=$(dbsum)
	sed 's/^GD-0003,3,consult,,email,/GD-0003,3,consult,,wechat,/' "$DATA/tickets/tickets.csv" > "$T/t2.csv"
	printf 'GD-0006,C006,consult,,sms,,,normal,new,,积分怎么兑换,,2025-02-10T08:00,,,,,,,\n' >> "$T/t2.csv"
	printf 'GD-0007,C999,consult,,sms,,,normal,new,,查询,,2025-02-10T09:00,,,,,,,\n' >> "$T/t2.csv"
	run cs-ticket import -n "$T/t2.csv"
	[ "$status" -eq 65 ]
	[[ $output == *"t2.csv:9: customer: "*"C999"* ]]
	[[ $output == *"would add 1, would update 1, unchanged 4, rejected 1"* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-ticket import --dry-run --skip-invalid "$T/rej.csv" "$T/t2.csv"
	[ "$status" -eq 0 ]
	[[ $output == *"would add 1, would update 1, unchanged 4, rejected 1"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "an unknown customer is bad input unless --create-customers" {
	world
	cat > "$T/new.csv" <<'CSV'
external_id,customer,type,subject,created_at
K1,13800009999,consult,第一次来电,2025-03-03T09:00
K2,C100,consult,老系统客户,2025-03-03T09:10
K3,138 0000 9999,complaint,又来电了,2025-03-03T09:20
CSV
	before=$(dbsum)
	run cs-ticket import "$T/new.csv"
	[ "$status" -eq 65 ]
	[[ $output == *"$T/new.csv:2: customer: "*"13800009999"* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-ticket import --create-customers "$T/new.csv"
	[ "$status" -eq 0 ]
	[[ $output == *"added 3, updated 0, unchanged 0, rejected 0"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer')" = 8 ]
	# one customer for both spellings of the number, one for the code
	run sqlite3 "$CS_DB" "SELECT t.external_id, c.phone FROM v_tickets t JOIN customer c ON c.id = t.customer_id WHERE c.phone IS NOT NULL ORDER BY t.id"
	[ "$output" = "K1|13800009999
K3|13800009999" ]
	[ "$(sqlite3 "$CS_DB" "SELECT count(DISTINCT customer_id) FROM v_tickets WHERE external_id IN ('K1', 'K3')")" = 1 ]
	[ "$(sqlite3 "$CS_DB" "SELECT customer_code FROM v_tickets WHERE external_id = 'K2'")" = C100 ]
	# again: nothing new, customers included
	run cs-ticket import --create-customers "$T/new.csv"
	[[ $output == *"added 0, updated 0, unchanged 3, rejected 0"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer')" = 8 ]
}

@test "times without an offset are in local TZ; with one they are exact" {
	world
	printf 'external_id,customer,type,created_at\nU1,C001,consult,2025-03-03T09:00\nU2,C001,consult,2025-03-03T09:00+08:00\nU3,C001,consult,2025-03-03T01:00:00Z\nU4,C001,consult,2025-03-03T09:00:00+0800\n' > "$T/u.csv"
	TZ=UTC cs-ticket import "$T/u.csv" 2>/dev/null
	run sqlite3 "$CS_DB" 'SELECT external_id, created_at FROM v_tickets ORDER BY id'
	[ "$output" = "U1|2025-03-03T17:00:00
U2|2025-03-03T09:00:00
U3|2025-03-03T09:00:00
U4|2025-03-03T09:00:00" ]
	run cs-ticket show 1 -f csv
	[[ $output == *"ticket,created_at,2025-03-03T17:00:00+08:00"* ]]
}

@test "JSON lines carry the same columns" {
	world
	cat > "$T/t.jsonl" <<'JSON'
{"external_id":"J1","customer":"C001","type":"consult","subject":"发票怎么开","created_at":"2025-03-03T09:00"}

{"external_id":"J2","customer":"13900001111","type":"complaint","status":"resolved","created_at":"2025-03-03T10:00","resolved_at":"2025-03-03T12:00","csat":5,"reopened":2,"resolution":"已补发"}
{"external_id":"J3","customer":3,"type":"consult","created_at":"2025-03-03T11:00","csat":6}
JSON
	before=$(dbsum)
	run cs-ticket import "$T/t.jsonl"
	[ "$status" -eq 65 ]
	[[ $output == *"$T/t.jsonl:4: csat: "* ]]
	[ "$(dbsum)" = "$before" ]
	sed -i '$d' "$T/t.jsonl"
	run cs-ticket import "$T/t.jsonl"
	[ "$status" -eq 0 ]
	[[ $output == *"added 2, updated 0, unchanged 0, rejected 0"* ]]
	run sqlite3 "$CS_DB" 'SELECT external_id, customer_id, status, resolved_at, csat, reopened, resolution FROM v_tickets ORDER BY id'
	[ "$output" = "J1|1|new|||0|
J2|2|resolved|2025-03-03T12:00:00|5|2|已补发" ]
}

@test "unknown and missing columns; usage errors; a missing file" {
	world
	before=$(dbsum)
	printf 'external_id,customer,type,created_at,工单来源\nA1,C001,consult,2025-03-03T09:00,老系统\n' > "$T/unk.csv"
	run cs-ticket import "$T/unk.csv"
	[ "$status" -eq 65 ]
	[[ $output == *"工单来源"* ]]
	printf 'external_id,customer,type\nA1,C001,consult\n' > "$T/nocreated.csv"
	run cs-ticket import "$T/nocreated.csv"
	[ "$status" -eq 65 ]
	[[ $output == *created_at* ]]
	printf 'external_id,customer,type,created_at\n,C001,consult,2025-03-03T09:00\n' > "$T/noext.csv"
	run cs-ticket import "$T/noext.csv"
	[ "$status" -eq 65 ]
	[[ $output == *"$T/noext.csv:2: external_id"* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-ticket import --ignore-unknown "$T/unk.csv"
	[ "$status" -eq 0 ]
	[[ $output == *"added 1"* ]]
	run cs-ticket import
	[ "$status" -eq 2 ]
	run cs-ticket import "$T/a.csv" "$T/b.csv"
	[ "$status" -eq 2 ]
	run cs-ticket import "$T/nope.csv"
	[ "$status" -eq 66 ]
	[[ $output == *nope.csv* ]]
}

@test "GBK exports of Chinese Excel need --encoding gbk and land as UTF-8" {
	world
	iconv -f UTF-8 -t GBK "$DATA/tickets/tickets.csv" > "$T/gbk.csv"
	before=$(dbsum)
	run cs-ticket import "$T/gbk.csv"
	[ "$status" -eq 65 ]
	[[ $output == *"$T/gbk.csv:2: "* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-ticket import --encoding gbk "$T/gbk.csv"
	[ "$status" -eq 0 ]
	[[ $output == *"added 5, updated 0, unchanged 0, rejected 0"* ]]
	[ "$(sqlite3 "$CS_DB" "SELECT subject || '|' || category || '|' || resolution FROM v_tickets WHERE id = 1")" = "快递丢件|物流|补发并致歉" ]
	# the same tickets as the UTF-8 file
	run cs-ticket import "$DATA/tickets/tickets.csv"
	[[ $output == *"added 0, updated 0, unchanged 5, rejected 0"* ]]
}
