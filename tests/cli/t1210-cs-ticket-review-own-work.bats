#!/usr/bin/env bats
# cs-ticket review: nobody reviews a ticket they resolved themselves, even
# when the resolution is credited to the ticket's assignee.
load helper

world() {
	staff_and_customers
}

@test "the supervisor who resolved li.na's ticket cannot review it (65, nothing written)" {
	world
	id=$(cs-ticket new C001 --type complaint --assign li.na --subject 破损)
	cs-ticket start "$id" --actor wang.wei
	cs-ticket resolve "$id" --resolution 补发 --actor wang.wei
	before=$(dbsum)
	run cs-ticket review "$id" --score 95 --actor wang.wei
	[ "$status" -eq 65 ]
	[[ "$output" == *"cannot review it"* ]]
	[ "$(dbsum)" = "$before" ]
	# li.na is credited with it: she cannot either; a third person can
	run cs-ticket review "$id" --score 95 --actor li.na
	[ "$status" -eq 65 ]
	run cs-ticket review "$id" --score 88 --actor zhang.min
	[ "$status" -eq 0 ]
	[ "$output" = 88 ]
}

@test "whoever imported the history may review it" {
	world
	cat > "$T/t.csv" <<'CSV'
external_id,customer,type,assignee,created_at,resolved_at,resolution
H-1,C001,complaint,li.na,2026-11-17T09:00,2026-11-17T15:00,补发
CSV
	cs-ticket import "$T/t.csv" --actor wang.wei 2>/dev/null
	run cs-ticket review 1 --score 80 --actor wang.wei
	[ "$status" -eq 0 ]
}
