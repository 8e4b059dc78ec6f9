#!/usr/bin/env bats
# cs-revisit plan from a campaign sheet that has nothing but phone numbers.
load helper
bats_require_minimum_version 1.5.0

world() {
	cat > "$T/c.csv" <<'CSV'
code,name,phone,city
C001,张三,13800138000,深圳
C002,李四,13900139000,北京
C003,王五,010-12345678,上海
C004,赵六,13700137000,广州
CSV
	cs-customer import "$T/c.csv" 2>/dev/null
}

@test "a list of phone numbers in any form plans their customers, once" {
	world
	cs-customer invalidate C004 --reason suspended 2>/dev/null
	cat > "$T/m.csv" <<'CSV'
phone,活动
138-0013-8000,双十二
+86 139 0013 9000,双十二
(010)12345678,双十二
13700137000,双十二
13600000000,双十二
12345,双十二
CSV
	run --separate-stderr cs-revisit plan --reason 双十二回访 "$T/m.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"m.csv:6: 13600000000: no such customer"* ]]
	# a number that is none says so
	[[ "$stderr" == *"m.csv:7: 12345: not a phone number"* ]]
	[[ "$stderr" == *"planned 3, already planned 0, skipped invalid contact 1"* ]]
	[[ "$stderr" == *"unknown customer 2"* ]]
	run cs-revisit list -f csv --no-header
	[ "$(cut -d, -f2 <<<"$output" | sort | paste -sd' ' -)" = "1 2 3" ]
	# again: nothing new
	run --separate-stderr cs-revisit plan --reason 双十二回访 "$T/m.csv"
	[[ "$stderr" == *"planned 0, already planned 3"* ]]
}

@test "a record with no id, code or phone is refused, naming the columns" {
	world
	printf 'name\n张三\n' > "$T/n.csv"
	before=$(dbsum)
	run cs-revisit plan --reason 关怀 "$T/n.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"n.csv:2"*"no id, customer_id, code or phone"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "the phone of a customer merged into another finds the one kept, with a notice" {
	cat > "$T/c.csv" <<'CSV'
code,name,phone,phone2
K1,王芳,13800000001,13800000002
D1,王芳,13900000001,
D2,王芳,13900000002,
L1,李强,13700000001,13700000003
L2,李强,13700000002,
CSV
	cs-customer import "$T/c.csv" 2>/dev/null
	# K1 has both phones: D1's stays with D1, now merged
	cs-customer merge K1 D1 2>/dev/null
	printf 'phone\n139-0000-0001\n' > "$T/m.csv"
	run --separate-stderr cs-revisit plan --reason 回访 "$T/m.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"customer 139-0000-0001 was merged into 1: using 1"* ]]
	[[ "$stderr" == *"planned 1, already planned 0"* ]]
	[ "$(sqlite3 "$CS_DB" "SELECT customer_id FROM revisit")" = 1 ]
	run --separate-stderr cs-ticket new 13900000001 --type consult --subject 发票
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT customer_id FROM ticket WHERE id = $output")" = 1 ]
	# merged into two different customers: ambiguous, as two live ones are
	sqlite3 "$CS_DB" "UPDATE customer SET phone = '13900000001' WHERE code = 'D2'"
	cs-customer merge L1 D2 2>/dev/null
	run cs-customer show 13900000001
	[ "$status" -eq 1 ]
	[[ "$output" == *"several customers have this phone: use the id"* ]]
	# a live customer with the phone comes first
	run --separate-stderr cs-customer show 13700000001 -f csv
	[ "${lines[1]}" = "profile,id,4" ]
	[ -z "$stderr" ]
	# erasing K1 erases D1 with it: D2's way to L1 is the only one left
	cs-customer erase K1 2>/dev/null
	run --separate-stderr cs-customer show 13900000001 -f csv
	[ "$status" -eq 0 ]
	[ "${lines[1]}" = "profile,id,4" ]
	[[ "$stderr" == *"was merged into 4"* ]]
}
