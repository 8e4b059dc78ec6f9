#!/usr/bin/env bats
# cs-ticket update: the root cause and stage of a complaint found after it
# was closed, a priority raised (its due times follow), each an event.
load helper

world() {
	staff_and_customers
}

@test "a closed complaint gets its root cause and stage, old → new on the timeline" {
	world
	id=$(cs-ticket new C001 --type complaint --stage 客服 --subject 破损)
	cs-ticket start "$id"
	cs-ticket resolve "$id" --resolution 补发
	cs-ticket close "$id"
	run cs-ticket update "$id" --root-cause 包装不牢 --stage 仓储 \
	    --category 物流 --actor wang.wei
	[ "$status" -eq 0 ]
	run cs-ticket show "$id" -f csv
	[[ "$output" == *"ticket,status,closed"* ]]
	[[ "$output" == *"ticket,root_cause,包装不牢"* ]]
	[[ "$output" == *"ticket,stage,仓储"* ]]
	[[ "$output" == *"ticket,category,物流"* ]]
	[[ "$output" == *"wang.wei field stage: 客服 → 仓储"* ]]
	[[ "$output" == *"wang.wei field root_cause:  → 包装不牢"* ]]
	# the same again: nothing new
	n=$(cs-ticket show "$id" -f csv | grep -c '^timeline')
	cs-ticket update "$id" --root-cause 包装不牢
	[ "$(cs-ticket show "$id" -f csv | grep -c '^timeline')" -eq "$n" ]
}

@test "a raised priority takes the due times of its SLA policy" {
	world
	cs-ticket sla set complaint urgent --first-response 1h --resolution 4h \
	    --calendar 24x7
	id=$(cs-ticket new C001 --type complaint --subject 漏水)
	[ -z "$(cs-ticket list --id "$id" -f csv --no-header | cut -d, -f16)" ]
	run cs-ticket update "$id" --priority urgent
	[ "$status" -eq 0 ]
	run cs-ticket list --id "$id" -f csv --no-header
	[[ "$output" == *",urgent,"*",2026-11-24T13:00:00+08:00,"* ]]
	run cs-ticket show "$id" -f csv
	[[ "$output" == *"field priority: normal → urgent"* ]]
	# a resolved ticket keeps the targets it was measured against, so
	# that a report already sent stays true; the priority changes
	id2=$(cs-ticket new C001 --type complaint --subject 漏水)
	cs-ticket start "$id2"
	cs-ticket resolve "$id2" --resolution 已修
	before=$(sqlite3 "$CS_DB" "SELECT quote(first_response_due) || quote(resolution_due) FROM ticket WHERE id = $id2")
	run cs-ticket update "$id2" --priority urgent
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT priority || quote(first_response_due) || quote(resolution_due) FROM ticket WHERE id = $id2")" = "urgent$before" ]
}

@test "bad priority and unknown ticket are refused (65) with nothing written; no option is usage (2)" {
	world
	id=$(cs-ticket new C001 --type consult)
	before=$(dbsum)
	run cs-ticket update "$id" --priority critical --category 物流
	[ "$status" -eq 65 ]
	[[ "$output" == *"--priority critical: unknown priority"* ]]
	run cs-ticket update "$id" 99 --category 物流
	[ "$status" -eq 1 ]
	[[ "$output" == *"no ticket 99"* ]]
	run cs-ticket update "$id"
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}
