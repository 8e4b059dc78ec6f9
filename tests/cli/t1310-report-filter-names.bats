#!/usr/bin/env bats
# cs-report: --type, --agent and --team that name nothing are refused
# (exit 65, the value named) instead of giving a report of zeros; the
# names that exist still report.
load helper

fixture() {
	cat > "$T/agents.csv" <<'CSV'
login,name,team,role
a1,甲一,T1,agent
b1,乙一,T2,agent
CSV
	cs-agent import "$T/agents.csv" 2>/dev/null
	printf 'code,name,phone\nC1,王芳,13812345678\n' | cs-customer import - 2>/dev/null
	cat > "$T/t.csv" <<'CSV'
external_id,customer,type,channel,priority,assignee,subject,created_at,first_response_at,resolved_at,csat,resolution
K1,C1,consult,phone,normal,a1,s,2026-11-16T09:00,2026-11-16T09:30,2026-11-16T13:00,5,ok
K2,C1,consult,email,normal,b1,s,2026-11-17T10:00,2026-11-17T11:00,2026-11-18T10:00,3,ok
CSV
	cs-ticket import "$T/t.csv" 2>/dev/null
}

@test "a report or scorecard for an unknown type, agent or team is refused" {
	fixture
	before=$(dbsum)
	run cs-report scorecard 2026-W47 --team 售后
	[ "$status" -eq 65 ]
	[ "$output" = "cs-report: scorecard: --team 售后: no agent is in team '售后': see cs-agent list" ]
	run cs-report scorecard 2026-W47 --agent nobody
	[ "$status" -eq 65 ]
	[[ "$output" == *"--agent nobody: no agent 'nobody'"* ]]
	run cs-report 2026-W47 --team 售后
	[ "$status" -eq 65 ]
	run cs-report 2026-W47 --agent nobody
	[ "$status" -eq 65 ]
	run cs-report 2026-W47 --type inquiry
	[ "$status" -eq 65 ]
	[[ "$output" == "cs-report: show: --type inquiry: unknown type"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "the names that exist report their own figures" {
	fixture
	# T2 is b1 alone: K2, 24h, scored 3
	run cs-report scorecard 2026-W47 --team T2 -f csv --no-header
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "scorecard,resolved,agent=b1,1,0,,," ]
	[ "${lines[2]}" = "scorecard,resolution_median_h,agent=b1,24.00,,,," ]
	[ "$(grep -c agent=a1 <<<"$output")" -eq 0 ]
	run cs-report 2026-W47 --type consult --agent a1 -s tickets -f csv --no-header
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "tickets,created,,1,0," ]
	# a type without tickets is still a type: zeros, not an error
	run cs-report 2026-W47 --type tech -s tickets -f csv --no-header
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "tickets,created,,0,0," ]
}
