#!/usr/bin/env bats
# cs-report: whom a resolution counts for, the agents and scorecard grids,
# shares of a total that another period lacks, tickets imported reopened.
load helper

# Agents a1, a2, a3 (specialists; a3 does nothing), old (a specialist who
# worked in W46 only and has left) and sup (a supervisor who resolved one
# ticket in W46); one customer, tickets worked at their own times:
#   (each started half an hour to an hour after it was created)
#   P1  created Mon 11-09 09:00 for a1, resolved by a1 Tue 11-10 09:00
#       (24h), rated 5 at 10:00; reopened 11-18 09:00, given to a2, resolved
#       by a2 11-18 21:00 (228h after it was created).
#   P2  created Sun 11-15 09:00 for old, resolved 12:00 (3h).
#   P3  created 11-10 09:00 for sup, resolved 11-11 09:00 (24h).
#   K1  complaint of W46, stage 仓储; K2 complaint of W47, stage 客服
#       (imported, still open).
world() {
	cat > "$T/agents.csv" <<'CSV'
login,name,team,role
a1,甲,售后组,agent
a2,乙,售后组,agent
a3,丙,售后组,agent
old,丁,售后组,agent
sup,戊,售后组,supervisor
CSV
	cs-agent import "$T/agents.csv" 2>/dev/null
	cs-customer add --code C1 --name 王芳 >/dev/null
	p1=$(CS_NOW=2026-11-09T09:00 cs-ticket new C1 -t consult -s 发票 -a a1)
	CS_NOW=2026-11-09T10:00 cs-ticket start "$p1"
	CS_NOW=2026-11-10T09:00 cs-ticket resolve "$p1"
	CS_NOW=2026-11-10T10:00 cs-ticket rate "$p1" 5
	CS_NOW=2026-11-18T09:00 cs-ticket reopen "$p1"
	CS_NOW=2026-11-18T09:10 cs-ticket assign "$p1" a2 2>/dev/null
	CS_NOW=2026-11-18T21:00 cs-ticket resolve "$p1"
	p2=$(CS_NOW=2026-11-15T09:00 cs-ticket new C1 -t consult -s 物流 -a old)
	CS_NOW=2026-11-15T09:30 cs-ticket start "$p2"
	CS_NOW=2026-11-15T12:00 cs-ticket resolve "$p2"
	p3=$(CS_NOW=2026-11-10T09:00 cs-ticket new C1 -t consult -s 退货 -a sup)
	CS_NOW=2026-11-10T09:30 cs-ticket start "$p3"
	CS_NOW=2026-11-11T09:00 cs-ticket resolve "$p3"
	cs-agent deactivate old 2>/dev/null
	cat > "$T/k.csv" <<'CSV'
external_id,customer,type,stage,created_at
K1,C1,complaint,仓储,2026-11-12T09:00
K2,C1,complaint,客服,2026-11-19T09:00
CSV
	cs-ticket import "$T/k.csv" 2>/dev/null
}

# The lines of a section of the tidy table, without the section column.
tidy() {
	cs-report "$1" -f csv -s "$2" | tail -n +2 | cut -d, -f2-
}

@test "a resolution counts for the agent it was made by, in its own period" {
	world
	run tidy 2026-W46 agents
	[ "$status" -eq 0 ]
	[[ "$output" == *"resolved,agent=a1,1,"* ]]
	[[ "$output" == *"resolved,agent=a2,0,"* ]]
	[[ "$output" == *"resolution_median_h,agent=a1,24.00,"* ]]
	[[ "$output" == *"csat_mean,agent=a1,5.00,"* ]]
	[[ "$output" == *"csat_mean,agent=a2,,"* ]]
	run tidy 2026-W47 agents
	[[ "$output" == *"resolved,agent=a1,0,1,-100.00"* ]]
	[[ "$output" == *"resolved,agent=a2,1,0,"* ]]
	[[ "$output" == *"resolution_median_h,agent=a2,228.00,,"* ]]
	[[ "$output" == *"resolution_median_h,agent=a1,,24.00,"* ]]
	# the scorecard and the QA sample count the same way
	run cs-report scorecard 2026-W46 -f csv
	[[ "$output" == *"scorecard,resolved,agent=a1,1,"* ]]
	[[ "$output" == *"scorecard,reopen_rate,agent=a1,100.00,"* ]]
	[[ "$output" == *"scorecard,resolved,agent=a2,0,"* ]]
	run cs-ticket sample 2026-W47 --per-agent 5 -f csv
	[ "$status" -eq 0 ]
	[[ "$output" != *",a1,"* ]]
}

@test "the agents section lists every specialist, a count 0 and other figures empty" {
	world
	run tidy 2026-W47 agents
	[ "$status" -eq 0 ]
	[[ "$output" == *"resolved,agent=a3,0,0,"* ]]
	[[ "$output" == *"resolution_median_h,agent=a3,,,"* ]]
	[[ "$output" == *"revisits_finished,agent=a3,0,0,"* ]]
	[[ "$output" == *"revisit_success_rate,agent=a3,,,"* ]]
	# who worked only in the week before is there with this week's 0
	[[ "$output" == *"resolved,agent=old,0,1,-100.00"* ]]
	[[ "$output" == *"resolved,agent=sup,0,1,-100.00"* ]]
	# metric by metric, agents by login
	[ "$(printf '%s\n' "$output" | cut -d, -f1 | uniq | head -3 | paste -sd' ')" = \
	    "resolved resolution_median_h resolution_p90_h" ]
	[ "$(printf '%s\n' "$output" | grep '^resolved,' | cut -d, -f2 | paste -sd' ')" = \
	    "agent=a1 agent=a2 agent=a3 agent=old agent=sup" ]
}

@test "the scorecard is one block per agent of its own period" {
	world
	run cs-report scorecard 2026-W47 -f csv
	[ "$status" -eq 0 ]
	# a1 a2 a3, ten lines each, in blocks; old and sup worked in W46 only
	[ "$(printf '%s\n' "$output" | tail -n +2 | cut -d, -f3 | uniq -c | awk '{ print $2 "=" $1 }' | paste -sd' ')" = \
	    "agent=a1=10 agent=a2=10 agent=a3=10" ]
	[[ "$output" != *"agent=old"* && "$output" != *"agent=sup"* ]]
	# in W46 the supervisor who resolved a ticket is scored, old too
	run cs-report scorecard 2026-W46 -f csv
	[[ "$output" == *"scorecard,resolved,agent=sup,1,"* ]]
	[[ "$output" == *"scorecard,resolved,agent=old,1,"* ]]
	run cs-report scorecard 2026-W47 -f table
	[ "$(printf '%s\n' "$output" | grep -c '== ')" -le 3 ]
}

@test "a stage share is 0.00 in a period with complaints, empty in one without" {
	world
	run tidy 2026-W47 complaints
	[ "$status" -eq 0 ]
	[[ "$output" == *"stage_share_pct,stage=客服,100.00,0.00,"* ]]
	[[ "$output" == *"stage_share_pct,stage=仓储,0.00,100.00,-100.00"* ]]
	run tidy 2026-W48 complaints
	[[ "$output" == *"stage_share_pct,stage=客服,,100.00,"* ]]
}

@test "a ticket imported as reopened is back at work from its last recorded change" {
	cs-customer add --code C1 --name 王芳 >/dev/null
	cat > "$T/r.csv" <<'CSV'
external_id,customer,type,status,created_at,resolved_at,reopened
R1,C1,consult,reopened,2026-11-02T09:00,2026-11-03T09:00,
R2,C1,consult,resolved,2026-11-02T10:00,2026-11-03T10:00,
CSV
	run cs-ticket import "$T/r.csv"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT reopened FROM ticket WHERE external_id = 'R1'")" = 1 ]
	run cs-ticket show 1 -f csv
	[[ "$output" == *"2026-11-03T09:00:00+08:00"*"reopened"* ]]
	run tidy 2026-W45 tickets
	[[ "$output" == *"resolved,,2,"* ]]
	[[ "$output" == *"backlog,,1,"* ]]
	[[ "$output" == *"reopen_rate,,50.00,"* ]]
	run tidy 2026-W47 tickets
	[[ "$output" == *"backlog,,1,1,0.00"* ]]
	# a ticket imported as reopened, but reopened 0 times, is refused
	before=$(dbsum)
	printf 'external_id,customer,type,status,created_at,resolved_at,reopened\nR3,C1,consult,reopened,2026-11-02T09:00,2026-11-03T09:00,0\n' > "$T/bad.csv"
	run cs-ticket import "$T/bad.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"bad.csv:2: reopened: "*"(0)"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "period words of any case; cs-report --help lists show and scorecard" {
	world
	run cs-report Weekly -f csv -s tickets
	[ "$status" -eq 0 ]
	[[ "$output" == *"tickets,created,,"* ]]
	run cs-report --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"show"* && "$output" == *"scorecard"* ]]
	run cs-report 2026-W47 --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"--yoy"* ]]
}
