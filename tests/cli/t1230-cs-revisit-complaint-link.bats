#!/usr/bin/env bats
# cs-revisit log: the complaint a call opens tells, on its own timeline,
# the revisit task it came from.
load helper

@test "a score of 2 opens a complaint whose timeline names the task" {
	printf 'code,name,phone\nC001,张三,13800138000\n' > "$T/c.csv"
	cs-customer import "$T/c.csv" 2>/dev/null
	cs-customer list -f csv | cs-revisit plan --reason 售后回访 - 2>/dev/null
	run cs-revisit log 1 --result reached --score 2 --note 送货太慢
	[ "$status" -eq 0 ]
	tk=$output
	run cs-ticket show "$tk" -f csv
	[[ "$output" == *"ticket,type,complaint"* ]]
	[[ "$output" == *"link revisit:  → 1 — score 2"* ]]
}

@test "--complaint with a good score names the option" {
	printf 'code,name,phone\nC001,张三,13800138000\n' > "$T/c.csv"
	cs-customer import "$T/c.csv" 2>/dev/null
	cs-customer list -f csv | cs-revisit plan --reason 售后回访 - 2>/dev/null
	tk=$(cs-revisit log 1 --result reached --score 4 --complaint --note 投诉司机)
	run cs-ticket show "$tk" -f csv
	[[ "$output" == *"link revisit:  → 1 — --complaint"* ]]
}
