#!/usr/bin/env bats
# cs-ticket, as a user meets it: a missing --type is a bad command line,
# every change names its old value, a review is never by the one who
# resolved the ticket.
load helper

world() {
	staff_and_customers
}

@test "new without --type is a usage error (2) and writes nothing" {
	world
	before=$(dbsum)
	run cs-ticket new C001 --subject 咨询发票
	[ "$status" -eq 2 ]
	[[ "$output" == *"give --type"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "a second score names the first on the timeline: csat 5 → 2" {
	world
	id=$(cs-ticket new C001 --type consult --subject 发票)
	cs-ticket start "$id"
	cs-ticket resolve "$id" --resolution 已开票
	cs-ticket rate "$id" 5 --comment 很满意
	cs-ticket rate "$id" 2 --comment 发票抬头错了
	run cs-ticket show "$id" -f csv
	[ "$status" -eq 0 ]
	[[ "$output" == *"rate csat:  → 5 — 很满意"* ]]
	[[ "$output" == *"rate csat: 5 → 2 — 发票抬头错了"* ]]
}

@test "resolving again names the stage and root cause it replaces" {
	world
	id=$(cs-ticket new C001 --type complaint --stage 客服 --subject 破损)
	cs-ticket start "$id"
	cs-ticket resolve "$id" --resolution 补发 --root-cause 包装不牢 \
	    --stage 仓储
	cs-ticket reopen "$id"
	cs-ticket resolve "$id" --root-cause 快递暴力分拣 --stage 物流
	run cs-ticket show "$id" -f csv
	[[ "$output" == *"field stage: 客服 → 仓储"* ]]
	[[ "$output" == *"field root_cause:  → 包装不牢"* ]]
	[[ "$output" == *"field root_cause: 包装不牢 → 快递暴力分拣"* ]]
	[[ "$output" == *"field stage: 仓储 → 物流"* ]]
}

@test "a root cause given again unchanged adds no field event" {
	world
	id=$(cs-ticket new C001 --type consult)
	cs-ticket start "$id"
	cs-ticket resolve "$id" --root-cause 说明不清
	cs-ticket reopen "$id"
	cs-ticket resolve "$id" --root-cause 说明不清
	[ "$(cs-ticket show "$id" -f csv | grep -c 'field root_cause')" -eq 1 ]
}
