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
