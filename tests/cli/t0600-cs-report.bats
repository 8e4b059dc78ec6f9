#!/usr/bin/env bats
# cs-report: the figures of the spec ("Reports — exact definitions"),
# checked one by one against a hand-built fixture whose figures were
# computed by hand; periods, filters, formats, HTML, a read-only database.
bats_require_minimum_version 1.5.0
load helper

# ---- the fixture ------------------------------------------------------------
#
# Built once per file (at fixed clocks, in Asia/Shanghai, which has no DST)
# and copied for every test.  tests/data/report/ holds three agents (li.na
# and wang.wei of 售后组, zhang.min of 技术组), four customers C001..C004
# whose owners take their revisits, and 34 imported tickets:
#
#   Y1..Y3  2025-W47, the year-ago week (Y3 on its Sunday, 2025-11-23)
#   Q1, Q2  2026-Q3 (Q2 created 09-30 22:00, answered and resolved in Q4)
#   O1..O4  2026-10 (O3 resolved 11-05)
#   N1, N2  2026-11 before W46
#   B1..B8  2026-W46 (B5, B6 resolved in W47; B6 first answered in W47;
#           B8 never answered)
#   A1..A14 2026-W47 (A11, A13 still open; A12 answered and resolved in W48;
#           A4 imported as reopened once)
#   W1      2026-W48, still open
#
# The SLA policies, set before the import, count all hours (24x7):
#   complaint high 24h, complaint normal 48h, consult normal 24h,
#   consult low 72h, tech urgent 8h, tech normal 48h, aftersales normal 72h;
#   grumble and tech high have none (those tickets have no target and
#   count in no SLA figure).
#
# Done by hand, at their own times:
#   L1 (id 35)  consult/chat/发票/normal for C001, li.na: created 11-17 10:00,
#               started 10:30, resolved 11-18 12:00 (26h, past its 24h),
#               reopened 11-20 10:00, resolved again 11-23 10:00 (W48).
#   B4 rated 4 on 11-17 10:00 (W47), a week after it was resolved (W46).
#   articles 12 (linked to A1 and A2) and 7 (to L1), on 11-18.
#   Revisits planned from lists, assigned (owners first) and called:
#     W46 关怀回访: C003 zhang.min reached (score 4) 11-10;
#                   C001 li.na busy 11-10, 11-11, 11-12 -> failed.
#     W47 售后回访: C001 li.na reached (score 5) 11-17;
#                   C002 wang.wei no-answer 11-17, 11-18, 11-19 -> failed;
#                   C003 zhang.min busy 11-18, reached (score 4) 11-19;
#                   C004 li.na refused 11-20 -> failed.
#     W47 关怀回访: C001 li.na reached (score 3) 11-20;
#                   C002 wang.wei no-answer 11-21, still open.
#
# The report runs at CS_NOW=2026-11-24T09:00 (Tuesday of 2026-W48).

setup_file() {
	export TZ=Asia/Shanghai CS_USER=tester
	unset XDG_DATA_HOME CS_BUSY_TIMEOUT LANG
	local data="$BATS_TEST_DIRNAME/../data/report" db l1
	db="$BATS_FILE_TMPDIR/fixture/cs.db"
	(
		set -e
		export CS_DB="$db" CS_NOW=2026-11-01T09:00:00
		tid() {
			sqlite3 "$CS_DB" "SELECT id FROM v_tickets WHERE external_id = '$1'"
		}
		task() {
			sqlite3 "$CS_DB" "SELECT v.id FROM revisit v JOIN customer c
			    ON c.id = v.customer_id WHERE v.status = 'open' AND
			    c.code = '$1' AND v.reason = '$2'"
		}
		cs-agent import "$data/agents.csv"
		cs-customer import "$data/customers.csv"
		while read -r ty pr fr res; do
			cs-ticket sla set "$ty" "$pr" --first-response "$fr" \
			    --resolution "$res" --calendar 24x7
		done <<-'SLA'
		complaint high 1h 24h
		complaint normal 2h 48h
		consult normal 4h 24h
		consult low 8h 72h
		tech urgent 1h 8h
		tech normal 4h 48h
		aftersales normal 4h 72h
		SLA
		cs-ticket import "$data/tickets.csv"

		l1=$(CS_NOW=2026-11-17T10:00 cs-ticket new C001 -t consult \
		    -c chat --category 发票 -s 电子发票 -a li.na)
		[ "$l1" = 35 ]
		CS_NOW=2026-11-17T10:30 cs-ticket start "$l1"
		CS_NOW=2026-11-18T12:00 cs-ticket resolve -r 已发送电子发票 "$l1"
		CS_NOW=2026-11-20T10:00 cs-ticket reopen --note 抬头错了 "$l1"
		CS_NOW=2026-11-23T10:00 cs-ticket resolve -r 已重开发票 "$l1"
		CS_NOW=2026-11-17T10:00 cs-ticket rate "$(tid B4)" 4
		for i in $(seq 12); do cs-kb add --title "文章$i" >/dev/null; done
		CS_NOW=2026-11-18T10:00 cs-ticket link "$(tid A1)" 12
		CS_NOW=2026-11-18T10:00 cs-ticket link "$(tid A2)" 12
		CS_NOW=2026-11-18T10:00 cs-ticket link "$l1" 7

		export CS_NOW=2026-11-10T09:00
		cs-revisit plan --reason 关怀回访 --period 2026-W46 \
		    "$data/revisits-w46.csv"
		cs-revisit assign >/dev/null
		t1=$(task C003 关怀回访) t2=$(task C001 关怀回访)
		CS_NOW=2026-11-10T10:00 cs-revisit log "$t1" --result reached \
		    --score 4
		for d in 10 11 12; do
			CS_NOW=2026-11-${d}T11:00 cs-revisit log "$t2" --result busy
		done
		export CS_NOW=2026-11-17T09:00
		cs-revisit plan --reason 售后回访 --period 2026-W47 \
		    "$data/revisits-w47-aftersales.csv"
		cs-revisit plan --reason 关怀回访 --period 2026-W47 \
		    "$data/revisits-w47-care.csv"
		cs-revisit assign >/dev/null
		v1=$(task C001 售后回访) v2=$(task C002 售后回访)
		v3=$(task C003 售后回访) v4=$(task C004 售后回访)
		v5=$(task C001 关怀回访) v6=$(task C002 关怀回访)
		CS_NOW=2026-11-17T10:00 cs-revisit log "$v1" --result reached \
		    --score 5
		for d in 17 18 19; do
			CS_NOW=2026-11-${d}T14:00 cs-revisit log "$v2" \
			    --result no-answer
		done
		CS_NOW=2026-11-18T10:00 cs-revisit log "$v3" --result busy
		CS_NOW=2026-11-19T10:00 cs-revisit log "$v3" --result reached \
		    --score 4
		CS_NOW=2026-11-20T10:00 cs-revisit log "$v4" --result refused
		CS_NOW=2026-11-20T11:00 cs-revisit log "$v5" --result reached \
		    --score 3
		CS_NOW=2026-11-21T10:00 cs-revisit log "$v6" --result no-answer
		# the calls went to the owners, as planned above
		[ "$(sqlite3 "$CS_DB" "SELECT group_concat(t, ' ') FROM (SELECT
		    c.code || ':' || a.login || ':' || v.status AS t FROM revisit
		    v JOIN customer c ON c.id = v.customer_id JOIN agent a ON
		    a.id = v.agent_id ORDER BY v.id)")" = "C001:li.na:failed C003:zhang.min:done C001:li.na:done C002:wang.wei:failed C003:zhang.min:done C004:li.na:failed C001:li.na:done C002:wang.wei:open" ]
	) > "$BATS_FILE_TMPDIR/fixture.log" 2>&1 || {
		cat "$BATS_FILE_TMPDIR/fixture.log"
		return 1
	}
}

# The fixture as this test's database.
world() {
	fixture_db
}

HEAD=section,metric,key,value,previous,change_pct

# 2026-W47 (2026-11-16 to 2026-11-23) against 2026-W46 and, a year
# earlier, 2025-W47 (2025-11-17 to 2025-11-24).  Hours are the spec's:
# median the mean of the two middle values for an even count, p90 the
# ceil(0.9 N)-th smallest; hours, rates and means with two decimals,
# rounded half away from zero; change_pct = (value - previous) / previous
# x 100 of the figures as shown, empty when either is empty or previous is
# 0.  A count that had no rows in a period is 0 there; a rate, mean or
# hour figure without data is empty.
#
# tickets, W47: 15 created (A1..A14, L1), 14 resolved: A1 2h, A2 3h,
# A3 3h0m36s, A4 48h, A5 27h, A6 1.5h, A7 2.75h, A8 24h, A9 1h, A10 40m,
# A14 2.5h, L1 26h (its first resolution: it was reopened and resolved
# again in W48), B5 72h, B6 120h.  Sorted: 0.67 1 1.5 2 2.5 2.75 3 3.01 24
# 26 27 48 72 120: median (3h + 3h0m36s) / 2 = 3.005 -> 3.01, p90 the 13th
# = 72.  tech (1.5, 2.75): median 2.125 -> 2.13.  Reopened: A4 (imported
# count) and L1 -> 2/14.  Backlog at 11-23 00:00: B8, A11, A12 (resolved
# 11-24), A13, L1 (reopened then) = 5.  First response of the 14 W47
# tickets answered, A12's on 11-23 included: 5m 10m 10m 10m 15m 20m 30m x6
# 40m 12h -> median 0.50, p90 (13th) 40m = 0.67.  W46: 8 created, 5
# resolved (B1 2h, B2 26h, B3 24h, B4 24h, B7 35m), first responses of B1
# ..B7 (B6's on 11-16) 5m 20m 30m 30m 1h 12h 17h.  SLA W47: 13 with a
# target (A10 grumble has none), missed A5 27h > 24h, B6 120h > 48h and
# L1 26h > 24h (A4 at 48h and B5 at 72h are just in time) -> 10/13.
# CSAT given in W47: A1 5, A2 4, A3 4, A4 5, A6 5, A8 5, B6 1 (imported:
# when resolved) and B4 4 (rated on 11-17) -> 33/8 = 4.125 -> 4.13.
# Revisits finished in W47: 5 (3 reached).
w47_table() {
	cat <<'CSV'
section,metric,key,value,previous,change_pct,yoy,yoy_change_pct
tickets,created,,15,8,87.50,3,400.00
tickets,created,type=aftersales,2,1,100.00,0,
tickets,created,type=complaint,4,2,100.00,1,300.00
tickets,created,type=consult,5,3,66.67,2,150.00
tickets,created,type=grumble,1,1,0.00,0,
tickets,created,type=tech,3,1,200.00,0,
tickets,created,channel=chat,2,1,100.00,0,
tickets,created,channel=email,1,1,0.00,0,
tickets,created,channel=phone,8,4,100.00,2,300.00
tickets,created,channel=web,1,1,0.00,0,
tickets,created,channel=wechat,3,1,200.00,1,200.00
tickets,created,category=App,3,1,200.00,0,
tickets,created,category=发票,3,0,,0,
tickets,created,category=发货,1,3,-66.67,2,-50.00
tickets,created,category=物流,3,1,200.00,1,200.00
tickets,created,category=质量,1,1,0.00,0,
tickets,created,category=账户,1,0,,0,
tickets,created,category=退货,2,1,100.00,0,
tickets,resolved,,14,5,180.00,3,366.67
tickets,resolved,type=aftersales,2,1,100.00,0,
tickets,resolved,type=complaint,4,1,300.00,1,300.00
tickets,resolved,type=consult,5,1,400.00,2,150.00
tickets,resolved,type=grumble,1,1,0.00,0,
tickets,resolved,type=tech,2,1,100.00,0,
tickets,backlog,,5,3,66.67,0,
tickets,complaint_rate,,26.67,25.00,6.68,33.33,-19.98
tickets,first_response_median_h,,0.50,0.50,0.00,0.50,0.00
tickets,first_response_p90_h,,0.67,17.00,-96.06,0.50,34.00
tickets,resolution_median_h,,3.01,24.00,-87.46,4.00,-24.75
tickets,resolution_p90_h,,72.00,26.00,176.92,26.00,176.92
tickets,resolution_median_h,type=aftersales,13.25,24.00,-44.79,,
tickets,resolution_p90_h,type=aftersales,24.00,24.00,0.00,,
tickets,resolution_median_h,type=complaint,37.50,26.00,44.23,26.00,44.23
tickets,resolution_p90_h,type=complaint,120.00,26.00,361.54,26.00,361.54
tickets,resolution_median_h,type=consult,3.00,2.00,50.00,3.00,0.00
tickets,resolution_p90_h,type=consult,72.00,2.00,3500.00,4.00,1700.00
tickets,resolution_median_h,type=grumble,0.67,0.58,15.52,,
tickets,resolution_p90_h,type=grumble,0.67,0.58,15.52,,
tickets,resolution_median_h,type=tech,2.13,24.00,-91.13,,
tickets,resolution_p90_h,type=tech,2.75,24.00,-88.54,,
tickets,reopen_rate,,14.29,0.00,,0.00,
sla,sla_met_pct,,76.92,75.00,2.56,66.67,15.37
sla,sla_met_pct,type=aftersales,100.00,100.00,0.00,,
sla,sla_met_pct,type=complaint,50.00,0.00,,0.00,
sla,sla_met_pct,type=consult,80.00,100.00,-20.00,100.00,-20.00
sla,sla_met_pct,type=tech,100.00,100.00,0.00,,
sla,sla_met_pct,priority=urgent,100.00,,,,
sla,sla_met_pct,priority=high,50.00,0.00,,0.00,
sla,sla_met_pct,priority=normal,75.00,100.00,-25.00,100.00,-25.00
sla,sla_met_pct,priority=low,100.00,,,,
complaints,complaints,,4,2,100.00,1,300.00
complaints,complaints,category=物流,3,1,200.00,1,200.00
complaints,complaints,category=质量,1,1,0.00,0,
complaints,complaints,stage=仓储,1,1,0.00,1,0.00
complaints,complaints,stage=生产,1,1,0.00,0,
complaints,complaints,stage=配送,2,0,,0,
complaints,stage_share_pct,stage=仓储,25.00,50.00,-50.00,100.00,-75.00
complaints,stage_share_pct,stage=生产,25.00,50.00,-50.00,0.00,
complaints,stage_share_pct,stage=配送,50.00,0.00,,0.00,
complaints,complaints,root_cause=快递延误,2,0,,0,
complaints,complaints,root_cause=漏发,1,1,0.00,1,0.00
complaints,complaints,root_cause=质检漏检,1,1,0.00,0,
complaints,resolution_median_h,,37.50,26.00,44.23,26.00,44.23
complaints,resolution_p90_h,,120.00,26.00,361.54,26.00,361.54
complaints,sla_met_pct,,50.00,0.00,,0.00,
csat,csat_mean,,4.13,3.50,18.00,3.67,12.53
csat,satisfied_pct,,87.50,50.00,75.00,66.67,31.24
csat,csat_scores,,8,4,100.00,3,166.67
agents,resolved,agent=li.na,7,2,250.00,2,250.00
agents,resolved,agent=wang.wei,5,2,150.00,1,400.00
agents,resolved,agent=zhang.min,2,1,100.00,0,
agents,resolution_median_h,agent=li.na,24.00,13.00,84.62,3.00,700.00
agents,resolution_p90_h,agent=li.na,120.00,24.00,400.00,4.00,2900.00
agents,resolution_median_h,agent=wang.wei,3.01,13.29,-77.35,26.00,-88.42
agents,resolution_p90_h,agent=wang.wei,72.00,26.00,176.92,26.00,176.92
agents,resolution_median_h,agent=zhang.min,2.13,24.00,-91.13,,
agents,resolution_p90_h,agent=zhang.min,2.75,24.00,-88.54,,
agents,csat_mean,agent=li.na,3.80,5.00,-24.00,4.50,-15.56
agents,csat_mean,agent=wang.wei,4.50,2.50,80.00,2.00,125.00
agents,csat_mean,agent=zhang.min,5.00,4.00,25.00,,
agents,revisits_finished,agent=li.na,3,1,200.00,0,
agents,revisits_finished,agent=wang.wei,1,0,,0,
agents,revisits_finished,agent=zhang.min,1,1,0.00,0,
agents,revisit_success_rate,agent=li.na,66.67,0.00,,,
agents,revisit_success_rate,agent=wang.wei,0.00,,,,
agents,revisit_success_rate,agent=zhang.min,100.00,100.00,0.00,,
revisits,revisits_finished,,5,2,150.00,0,
revisits,revisits_finished,reason=关怀回访,1,2,-50.00,0,
revisits,revisits_finished,reason=售后回访,4,0,,0,
revisits,revisit_success_rate,,60.00,50.00,20.00,,
revisits,revisit_success_rate,reason=关怀回访,100.00,50.00,100.00,,
revisits,revisit_success_rate,reason=售后回访,50.00,,,,
revisits,revisits_by_result,reason=busy,0,1,-100.00,0,
revisits,revisits_by_result,reason=no-answer,1,0,,0,
revisits,revisits_by_result,reason=reached,3,1,200.00,0,
revisits,revisits_by_result,reason=refused,1,0,,0,
revisits,revisit_score_mean,,4.00,4.00,0.00,,
qa,qa_reviews,,0,0,,0,
qa,qa_score_mean,,,,,,
kb,kb_links,article=12,2,0,,0,
kb,kb_links,article=7,1,0,,0,
kb,kb_gaps,category=App,3,1,200.00,0,
kb,kb_gaps,category=发货,1,3,-66.67,2,-50.00
kb,kb_gaps,category=物流,3,1,200.00,1,200.00
kb,kb_gaps,category=质量,1,1,0.00,0,
kb,kb_gaps,category=账户,1,0,,0,
kb,kb_gaps,category=退货,2,1,100.00,0,
CSV
}

@test "2026-W47 against 2026-W46: every figure of the tidy table" {
	world
	w47_table | cut -d, -f1-6 > "$T/expected.csv"
	run cs-report 2026-W47 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	same_rows "$T/expected.csv" "$T/got.csv"
	# csv is the default when stdout is no terminal
	run cs-report 2026-W47
	[ "$status" -eq 0 ]
	[ "$output" = "$(cat "$T/got.csv")" ]
	# the implied command is "show"
	run cs-report show 2026-W47 -f csv
	[ "$output" = "$(cat "$T/got.csv")" ]
}

@test "kb_links: this period's ten most linked articles, with their true counts before" {
	# W46: article 11 linked three times, article 1 once; W47: articles
	# 1..6 and 8..11 once more, besides 12 (twice) and 7 (once)
	world
	tid() {
		sqlite3 "$CS_DB" "SELECT id FROM v_tickets WHERE external_id = '$1'"
	}
	for t in B1 B2 B3; do
		CS_NOW=2026-11-11T10:00 cs-ticket link "$(tid $t)" 11
	done
	CS_NOW=2026-11-11T10:00 cs-ticket link "$(tid B4)" 1
	for a in 1 2 3 4 5 6 8 9 10 11; do
		CS_NOW=2026-11-19T10:00 cs-ticket link "$(tid A5)" "$a"
	done
	run cs-report 2026-W47 -s kb -f csv --no-header
	[ "$status" -eq 0 ]
	# by count, then id: 12, then 1..9 of the eleven with one link;
	# 10 and 11 are not among the ten (11 was first the week before)
	[ "$(grep -c '^kb,kb_links,' <<<"$output")" -eq 10 ]
	[ "$(grep '^kb,kb_links,' <<<"$output" | cut -d, -f3 | tr '\n' ' ')" = \
	    "article=12 article=1 article=2 article=3 article=4 article=5 article=6 article=7 article=8 article=9 " ]
	[[ "$output" == *"kb,kb_links,article=12,2,0,"$'\n'* ]]
	[[ "$output" == *"kb,kb_links,article=1,1,1,0.00"$'\n'* ]]
	[[ "$output" == *"kb,kb_links,article=9,1,0,"$'\n'* ]]
	[[ "$output" != *"article=10,"* ]]
	[[ "$output" != *"article=11,"* ]]
	# the week before lists its own ten, 11 first
	run cs-report 2026-W46 -s kb -f csv --no-header
	[ "$(grep '^kb,kb_links,' <<<"$output" | head -1)" = "kb,kb_links,article=11,3,0," ]
}

@test "--yoy adds the same ISO week a year earlier, its Sunday included" {
	# 2025-W47: Y1 consult 4h (csat 4), Y2 complaint/high 26h past its 24h
	# (csat 2), Y3 consult 2h on Sunday 2025-11-23 (csat 5); nothing open
	# at its end, no revisit, no link.
	world
	w47_table > "$T/expected.csv"
	run cs-report 2026-W47 --yoy -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	same_rows "$T/expected.csv" "$T/got.csv"
}

# 2026-11 against 2026-10.  November: 26 created; 23 resolved, L1 once
# with its last resolution in the month (11-23, 144h, past its target) and
# counted as reopened (it was reopened after being resolved on 11-18):
# A4 and L1 -> 2/23 = 8.70.  Resolution hours sorted (23): 0.58 0.67 1 1
# 1.5 2 2 2.5 2.75 3 3.01 24 24 24 24 26 27 36 48 72 120 144 192 -> median
# 24, p90 (21st) 120.  grumble (35m, 40m): median 37.5m = 0.625 -> 0.63;
# tech (1.5, 2.75, 24, 24): median 13.375 -> 13.38.  First responses (24):
# p90 the 22nd = 12h.  SLA: 21 with a target, missed O3 192h, B2, B6, A5,
# L1 -> 16/21.  CSAT: 15 scores, 59 points.  Backlog at 12-01: B8, A11,
# A13, W1.  October: 4 created, 4 resolved (O1 3h, O2 23h, O4 24h and Q2
# 50h), backlog O3.
month_table() {
	cat <<'CSV'
section,metric,key,value,previous,change_pct
tickets,created,,26,4,550.00
tickets,created,type=aftersales,3,1,200.00
tickets,created,type=complaint,6,1,500.00
tickets,created,type=consult,10,1,900.00
tickets,created,type=grumble,2,0,
tickets,created,type=tech,5,1,400.00
tickets,created,channel=chat,3,1,200.00
tickets,created,channel=email,2,0,
tickets,created,channel=phone,14,2,600.00
tickets,created,channel=web,3,0,
tickets,created,channel=wechat,4,1,300.00
tickets,created,category=App,5,1,400.00
tickets,created,category=发票,3,0,
tickets,created,category=发货,6,1,500.00
tickets,created,category=物流,4,1,300.00
tickets,created,category=质量,2,0,
tickets,created,category=账户,1,0,
tickets,created,category=退货,3,1,200.00
tickets,resolved,,23,4,475.00
tickets,resolved,type=aftersales,4,0,
tickets,resolved,type=complaint,6,2,200.00
tickets,resolved,type=consult,7,1,600.00
tickets,resolved,type=grumble,2,0,
tickets,resolved,type=tech,4,1,300.00
tickets,backlog,,4,1,300.00
tickets,complaint_rate,,23.08,25.00,-7.68
tickets,first_response_median_h,,0.50,0.50,0.00
tickets,first_response_p90_h,,12.00,1.00,1100.00
tickets,resolution_median_h,,24.00,23.50,2.13
tickets,resolution_p90_h,,120.00,50.00,140.00
tickets,resolution_median_h,type=aftersales,24.00,,
tickets,resolution_p90_h,type=aftersales,192.00,,
tickets,resolution_median_h,type=complaint,31.50,36.50,-13.70
tickets,resolution_p90_h,type=complaint,120.00,50.00,140.00
tickets,resolution_median_h,type=consult,2.00,3.00,-33.33
tickets,resolution_p90_h,type=consult,144.00,3.00,4700.00
tickets,resolution_median_h,type=grumble,0.63,,
tickets,resolution_p90_h,type=grumble,0.67,,
tickets,resolution_median_h,type=tech,13.38,24.00,-44.25
tickets,resolution_p90_h,type=tech,24.00,24.00,0.00
tickets,reopen_rate,,8.70,0.00,
sla,sla_met_pct,,76.19,75.00,1.59
sla,sla_met_pct,type=aftersales,75.00,,
sla,sla_met_pct,type=complaint,50.00,50.00,0.00
sla,sla_met_pct,type=consult,85.71,100.00,-14.29
sla,sla_met_pct,type=tech,100.00,100.00,0.00
sla,sla_met_pct,priority=urgent,100.00,,
sla,sla_met_pct,priority=high,33.33,100.00,-66.67
sla,sla_met_pct,priority=normal,80.00,66.67,19.99
sla,sla_met_pct,priority=low,100.00,,
complaints,complaints,,6,1,500.00
complaints,complaints,category=物流,4,1,300.00
complaints,complaints,category=质量,2,0,
complaints,complaints,stage=仓储,2,0,
complaints,complaints,stage=生产,2,0,
complaints,complaints,stage=配送,2,1,100.00
complaints,stage_share_pct,stage=仓储,33.33,0.00,
complaints,stage_share_pct,stage=生产,33.33,0.00,
complaints,stage_share_pct,stage=配送,33.33,100.00,-66.67
complaints,complaints,root_cause=快递延误,2,1,100.00
complaints,complaints,root_cause=漏发,2,0,
complaints,complaints,root_cause=质检漏检,2,0,
complaints,resolution_median_h,,31.50,36.50,-13.70
complaints,resolution_p90_h,,120.00,50.00,140.00
complaints,sla_met_pct,,50.00,50.00,0.00
csat,csat_mean,,3.93,3.50,12.29
csat,satisfied_pct,,73.33,50.00,46.66
csat,csat_scores,,15,4,275.00
agents,resolved,agent=li.na,12,1,1100.00
agents,resolved,agent=wang.wei,7,2,250.00
agents,resolved,agent=zhang.min,4,1,300.00
agents,resolution_median_h,agent=li.na,24.00,3.00,700.00
agents,resolution_p90_h,agent=li.na,144.00,3.00,4700.00
agents,resolution_median_h,agent=wang.wei,3.01,36.50,-91.75
agents,resolution_p90_h,agent=wang.wei,72.00,50.00,44.00
agents,resolution_median_h,agent=zhang.min,13.38,24.00,-44.25
agents,resolution_p90_h,agent=zhang.min,24.00,24.00,0.00
agents,csat_mean,agent=li.na,3.88,5.00,-22.40
agents,csat_mean,agent=wang.wei,3.50,3.50,0.00
agents,csat_mean,agent=zhang.min,4.67,2.00,133.50
agents,revisits_finished,agent=li.na,4,0,
agents,revisits_finished,agent=wang.wei,1,0,
agents,revisits_finished,agent=zhang.min,2,0,
agents,revisit_success_rate,agent=li.na,50.00,,
agents,revisit_success_rate,agent=wang.wei,0.00,,
agents,revisit_success_rate,agent=zhang.min,100.00,,
revisits,revisits_finished,,7,0,
revisits,revisits_finished,reason=关怀回访,3,0,
revisits,revisits_finished,reason=售后回访,4,0,
revisits,revisit_success_rate,,57.14,,
revisits,revisit_success_rate,reason=关怀回访,66.67,,
revisits,revisit_success_rate,reason=售后回访,50.00,,
revisits,revisits_by_result,reason=busy,1,0,
revisits,revisits_by_result,reason=no-answer,1,0,
revisits,revisits_by_result,reason=reached,4,0,
revisits,revisits_by_result,reason=refused,1,0,
revisits,revisit_score_mean,,4.00,,
qa,qa_reviews,,0,0,
qa,qa_score_mean,,,,
kb,kb_links,article=12,2,0,
kb,kb_links,article=7,1,0,
kb,kb_gaps,category=App,5,1,400.00
kb,kb_gaps,category=发货,6,1,500.00
kb,kb_gaps,category=物流,4,1,300.00
kb,kb_gaps,category=质量,2,0,
kb,kb_gaps,category=账户,1,0,
kb,kb_gaps,category=退货,3,1,200.00
CSV
}

@test "2026-11 against 2026-10: every figure of the tidy table" {
	world
	month_table > "$T/expected.csv"
	run cs-report 2026-11 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	same_rows "$T/expected.csv" "$T/got.csv"
}

# 2026-Q4 (to date) against 2026-Q3.  Q4: October and November, 30
# created, 27 resolved (sorted hours: ... the 14th is 24, the 25th 120),
# 25 with a target of which 19 met; CSAT 19 scores, 73 points -> 3.84.
# Q3: Q1 created and resolved (4h, csat 4) and Q2 created on 09-30 22:00,
# first answered 11h later in Q4 (it counts in Q3), resolved in Q4 (50h,
# past its 48h) and open at Q3's end.
quarter_table() {
	cat <<'CSV'
section,metric,key,value,previous,change_pct
tickets,created,,30,2,1400.00
tickets,created,type=aftersales,4,0,
tickets,created,type=complaint,7,1,600.00
tickets,created,type=consult,11,1,1000.00
tickets,created,type=grumble,2,0,
tickets,created,type=tech,6,0,
tickets,created,channel=chat,4,0,
tickets,created,channel=email,2,1,100.00
tickets,created,channel=phone,16,1,1500.00
tickets,created,channel=web,3,0,
tickets,created,channel=wechat,5,0,
tickets,created,category=App,6,0,
tickets,created,category=发票,3,0,
tickets,created,category=发货,7,1,600.00
tickets,created,category=物流,5,0,
tickets,created,category=质量,2,1,100.00
tickets,created,category=账户,1,0,
tickets,created,category=退货,4,0,
tickets,resolved,,27,1,2600.00
tickets,resolved,type=aftersales,4,0,
tickets,resolved,type=complaint,8,0,
tickets,resolved,type=consult,8,1,700.00
tickets,resolved,type=grumble,2,0,
tickets,resolved,type=tech,5,0,
tickets,backlog,,4,1,300.00
tickets,complaint_rate,,23.33,50.00,-53.34
tickets,first_response_median_h,,0.50,6.00,-91.67
tickets,first_response_p90_h,,12.00,11.00,9.09
tickets,resolution_median_h,,24.00,4.00,500.00
tickets,resolution_p90_h,,120.00,4.00,2900.00
tickets,resolution_median_h,type=aftersales,24.00,,
tickets,resolution_p90_h,type=aftersales,192.00,,
tickets,resolution_median_h,type=complaint,31.50,,
tickets,resolution_p90_h,type=complaint,120.00,,
tickets,resolution_median_h,type=consult,2.50,4.00,-37.50
tickets,resolution_p90_h,type=consult,144.00,4.00,3500.00
tickets,resolution_median_h,type=grumble,0.63,,
tickets,resolution_p90_h,type=grumble,0.67,,
tickets,resolution_median_h,type=tech,24.00,,
tickets,resolution_p90_h,type=tech,24.00,,
tickets,reopen_rate,,7.41,0.00,
sla,sla_met_pct,,76.00,100.00,-24.00
sla,sla_met_pct,type=aftersales,75.00,,
sla,sla_met_pct,type=complaint,50.00,,
sla,sla_met_pct,type=consult,87.50,100.00,-12.50
sla,sla_met_pct,type=tech,100.00,,
sla,sla_met_pct,priority=urgent,100.00,,
sla,sla_met_pct,priority=high,50.00,,
sla,sla_met_pct,priority=normal,77.78,100.00,-22.22
sla,sla_met_pct,priority=low,100.00,,
complaints,complaints,,7,1,600.00
complaints,complaints,category=物流,5,0,
complaints,complaints,category=质量,2,1,100.00
complaints,complaints,stage=仓储,2,0,
complaints,complaints,stage=生产,2,1,100.00
complaints,complaints,stage=配送,3,0,
complaints,stage_share_pct,stage=仓储,28.57,0.00,
complaints,stage_share_pct,stage=生产,28.57,100.00,-71.43
complaints,stage_share_pct,stage=配送,42.86,0.00,
complaints,complaints,root_cause=快递延误,3,0,
complaints,complaints,root_cause=漏发,2,0,
complaints,complaints,root_cause=质检漏检,2,1,100.00
complaints,resolution_median_h,,31.50,,
complaints,resolution_p90_h,,120.00,,
complaints,sla_met_pct,,50.00,,
csat,csat_mean,,3.84,4.00,-4.00
csat,satisfied_pct,,68.42,100.00,-31.58
csat,csat_scores,,19,1,1800.00
agents,resolved,agent=li.na,13,1,1200.00
agents,resolved,agent=wang.wei,9,0,
agents,resolved,agent=zhang.min,5,0,
agents,resolution_median_h,agent=li.na,24.00,4.00,500.00
agents,resolution_p90_h,agent=li.na,144.00,4.00,3500.00
agents,resolution_median_h,agent=wang.wei,23.00,,
agents,resolution_p90_h,agent=wang.wei,72.00,,
agents,resolution_median_h,agent=zhang.min,24.00,,
agents,resolution_p90_h,agent=zhang.min,24.00,,
agents,csat_mean,agent=li.na,4.00,4.00,0.00
agents,csat_mean,agent=wang.wei,3.50,,
agents,csat_mean,agent=zhang.min,4.00,,
agents,revisits_finished,agent=li.na,4,0,
agents,revisits_finished,agent=wang.wei,1,0,
agents,revisits_finished,agent=zhang.min,2,0,
agents,revisit_success_rate,agent=li.na,50.00,,
agents,revisit_success_rate,agent=wang.wei,0.00,,
agents,revisit_success_rate,agent=zhang.min,100.00,,
revisits,revisits_finished,,7,0,
revisits,revisits_finished,reason=关怀回访,3,0,
revisits,revisits_finished,reason=售后回访,4,0,
revisits,revisit_success_rate,,57.14,,
revisits,revisit_success_rate,reason=关怀回访,66.67,,
revisits,revisit_success_rate,reason=售后回访,50.00,,
revisits,revisits_by_result,reason=busy,1,0,
revisits,revisits_by_result,reason=no-answer,1,0,
revisits,revisits_by_result,reason=reached,4,0,
revisits,revisits_by_result,reason=refused,1,0,
revisits,revisit_score_mean,,4.00,,
qa,qa_reviews,,0,0,
qa,qa_score_mean,,,,
kb,kb_links,article=12,2,0,
kb,kb_links,article=7,1,0,
kb,kb_gaps,category=App,6,0,
kb,kb_gaps,category=发货,7,1,600.00
kb,kb_gaps,category=物流,5,0,
kb,kb_gaps,category=质量,2,1,100.00
kb,kb_gaps,category=账户,1,0,
kb,kb_gaps,category=退货,4,0,
CSV
}

@test "2026-Q4 against 2026-Q3: every figure of the tidy table" {
	world
	quarter_table > "$T/expected.csv"
	run cs-report 2026-Q4 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	same_rows "$T/expected.csv" "$T/got.csv"
}

@test "--from --to: the days of 2026-W47 are that week; a range is compared with the one before it" {
	world
	w47_table | cut -d, -f1-6 > "$T/expected.csv"
	run cs-report --from 2026-11-16 --to 2026-11-23 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	same_rows "$T/expected.csv" "$T/got.csv"
	# two days, 11-16 and 11-17 (A1 A2 A3 A4 L1), against 11-14 and 11-15
	# (B5 B6 B8); the end is not included
	run cs-report --from 2026-11-16 --to 2026-11-18 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	has_row tickets,created,,5,3,66.67 "$T/got.csv"
	has_row tickets,created,type=complaint,2,1,100.00 "$T/got.csv"
	# resolved: A1 A2 A3 B5 against none
	has_row tickets,resolved,,4,0, "$T/got.csv"
	has_row tickets,reopen_rate,,0.00,, "$T/got.csv"
}

@test "weekly, monthly, quarterly and yearly are the last complete periods" {
	world
	run cs-report 2026-W47 -f csv
	w47=$output
	run cs-report weekly -f csv
	[ "$status" -eq 0 ]
	[ "$output" = "$w47" ]
	run cs-report last-week -f csv
	[ "$output" = "$w47" ]
	# monthly on 2026-11-24 is 2026-10: O1..O4 against Q2 of September
	run cs-report monthly -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	has_row tickets,created,,4,1,300.00 "$T/got.csv"
	[ "$output" = "$(cs-report 2026-10 -f csv)" ]
	run cs-report quarterly -f csv
	printf '%s\n' "$output" > "$T/got.csv"
	has_row tickets,created,,2,0, "$T/got.csv"
	[ "$output" = "$(cs-report 2026-Q3 -f csv)" ]
	run cs-report yearly -f csv
	printf '%s\n' "$output" > "$T/got.csv"
	has_row tickets,created,,3,0, "$T/got.csv"
	[ "$output" = "$(cs-report 2025 -f csv)" ]
	# this week so far: W1 created, A12 and L1 (again) resolved
	run cs-report this-week -f csv
	printf '%s\n' "$output" > "$T/got.csv"
	has_row tickets,created,,1,15,-93.33 "$T/got.csv"
	has_row tickets,resolved,,2,14,-85.71 "$T/got.csv"
	# at midnight on Monday the week before is complete; a second earlier
	# it is not
	CS_NOW=2026-11-23T00:00:00 run cs-report weekly -f csv
	[ "$output" = "$w47" ]
	CS_NOW=2026-11-22T23:59:59 run cs-report weekly -f csv
	printf '%s\n' "$output" > "$T/got.csv"
	has_row tickets,created,,8,2,300.00 "$T/got.csv"
}

@test "week, month, quarter, year are the same words; before a period they check its kind" {
	world
	w47=$(cs-report 2026-W47 -f csv)
	[ "$(cs-report week -f csv)" = "$w47" ]
	[ "$(cs-report Weekly -f csv)" = "$w47" ]
	[ "$(cs-report weekly 2026-W47 -f csv)" = "$w47" ]
	[ "$(cs-report show week 2026-W47 -f csv)" = "$w47" ]
	[ "$(cs-report weekly last-week -f csv)" = "$w47" ]
	[ "$(cs-report month -f csv)" = "$(cs-report 2026-10 -f csv)" ]
	[ "$(cs-report monthly 2026-09 -f csv)" = "$(cs-report 2026-09 -f csv)" ]
	[ "$(cs-report quarter 2026-Q3 -f csv)" = "$(cs-report 2026-Q3 -f csv)" ]
	[ "$(cs-report year -f csv)" = "$(cs-report 2025 -f csv)" ]
	[ "$(cs-report scorecard weekly 2026-W47 -f csv)" = "$(cs-report scorecard 2026-W47 -f csv)" ]
	run cs-report weekly 2026-11
	[ "$status" -eq 2 ]
	[[ "${lines[0]}" == "cs-report: show: weekly: '2026-11' is no week (e.g. 2026-W47, last-week)" ]]
	run cs-report month 2026-W47
	[ "$status" -eq 2 ]
	run cs-report yearly 2026-Q4
	[ "$status" -eq 2 ]
	run cs-report weekly 2026-W47 2026-W46
	[ "$status" -eq 2 ]
	run cs-report weekly --from 2026-11-01 --to 2026-11-08
	[ "$status" -eq 2 ]
	[[ "${lines[0]}" == *"weekly with --from and --to: give one or the other" ]]
}

@test "an empty period: counts are 0, every rate, mean and hour figure is empty" {
	world
	run cs-report 2026-W30 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	for row in tickets,created,,0,0, tickets,resolved,,0,0, \
	    tickets,backlog,,0,0, tickets,complaint_rate,,,, \
	    tickets,first_response_median_h,,,, \
	    tickets,first_response_p90_h,,,, \
	    tickets,resolution_median_h,,,, tickets,resolution_p90_h,,,, \
	    tickets,reopen_rate,,,, sla,sla_met_pct,,,, csat,csat_mean,,,, \
	    csat,satisfied_pct,,,, revisits,revisits_finished,,0,0, \
	    revisits,revisit_success_rate,,,,; do
		has_row "$row" "$T/got.csv"
	done
	# no row has a figure other than a count of 0, and no change
	run awk -F, 'NR > 1 {
		count = $2 ~ /^(created|resolved|backlog|complaints|csat_scores|revisits_finished|revisits_by_result|qa_reviews|kb_links|kb_gaps)$/
		ok = count ? ($4 == "0" && $5 == "0") : ($4 == "" && $5 == "")
		if (!ok || $6 != "") print
	}' "$T/got.csv"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "--section, --type, --agent and --team narrow the report" {
	world
	run cs-report 2026-W47 --section csat -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	printf '%s\n' "$HEAD" csat,csat_mean,,4.13,3.50,18.00 \
	    csat,satisfied_pct,,87.50,50.00,75.00 csat,csat_scores,,8,4,100.00 \
	    > "$T/expected.csv"
	same_rows "$T/expected.csv" "$T/got.csv"
	run cs-report 2026-W47 -s agents -f csv --no-header
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | cut -d, -f1 | sort -u)" = agents ]
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 18 ]

	# complaints only: A3 A4 A5 A12 against B2 B6; their CSAT A3 4, A4 5,
	# B6 1 against B2 2
	run cs-report 2026-W47 --type complaint -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	for row in tickets,created,,4,2,100.00 \
	    tickets,created,type=complaint,4,2,100.00 \
	    tickets,created,channel=phone,3,1,200.00 \
	    tickets,created,channel=wechat,1,1,0.00 \
	    tickets,complaint_rate,,100.00,100.00,0.00 \
	    tickets,resolved,,4,1,300.00 \
	    tickets,resolution_median_h,,37.50,26.00,44.23 \
	    tickets,backlog,,1,1,0.00 \
	    sla,sla_met_pct,,50.00,0.00, csat,csat_mean,,3.33,2.00,66.50; do
		has_row "$row" "$T/got.csv"
	done
	lacks -q -e type=consult -e type=tech "$T/got.csv"

	# li.na's tickets and calls: created A1 A2 A5 A8 A10 A12 L1 against B1
	# B4 B6 B8; backlog B8 A12 L1 against B6 B8; CSAT A1 A2 A8 B6 B4
	run cs-report 2026-W47 --agent li.na -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	for row in tickets,created,,7,4,75.00 tickets,resolved,,7,2,250.00 \
	    tickets,backlog,,3,2,50.00 csat,csat_mean,,3.80,5.00,-24.00 \
	    revisits,revisits_finished,,3,1,200.00 \
	    revisits,revisit_success_rate,,66.67,0.00, \
	    agents,resolved,agent=li.na,7,2,250.00; do
		has_row "$row" "$T/got.csv"
	done
	lacks -q -e agent=wang.wei -e agent=zhang.min "$T/got.csv"

	# 技术组 is zhang.min: A6 A7 A13 against B3
	run cs-report 2026-W47 --team 技术组 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	for row in tickets,created,,3,1,200.00 tickets,resolved,,2,1,100.00 \
	    tickets,resolution_median_h,,2.13,24.00,-91.13 \
	    tickets,backlog,,1,0, \
	    revisits,revisits_finished,,1,1,0.00 \
	    revisits,revisit_success_rate,,100.00,100.00,0.00; do
		has_row "$row" "$T/got.csv"
	done
	lacks -q -e agent=li.na -e agent=wang.wei "$T/got.csv"
}

@test "--lang zh -f table: Chinese labels by section with ▲ and ▼; markdown" {
	world
	run cs-report 2026-W47 --lang zh -f table
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/zh.txt"
	# created 15 against 8 went up, kb gaps in 发货 1 against 3 went down
	grep -q '▲' "$T/zh.txt"
	grep -q '▼' "$T/zh.txt"
	for w in 工单 投诉 满意度 回访 知识库; do
		grep -q "$w" "$T/zh.txt" || { echo "no $w"; false; }
	done
	lacks -q -e first_response_median_h -e csat_mean -e revisit_success_rate "$T/zh.txt"
	grep -q '4\.13' "$T/zh.txt"
	grep -q '2026-W47' "$T/zh.txt"

	run cs-report 2026-W47 -f markdown
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/r.md"
	[[ ${lines[0]} == "# "*2026-W47* ]]
	[ "$(grep -c '^## ' "$T/r.md")" -eq 8 ]
	grep -Eq '^\|( *:?-+:? *\|)+$' "$T/r.md"
	grep -Eq '^\|.*csat_mean.*\| *4\.13 *\| *3\.50 *\|.*18\.00' "$T/r.md"
	grep -Eq '^\|.*sla_met_pct.*\| *76\.92 *\| *75\.00 *\|.*2\.56' "$T/r.md"
}

# Tags that must be closed, checked with Python's HTML parser: every
# element but the void ones is closed in order, and the document is one
# html element with a head and a body (SVG has title elements of its own).
wellformed() {
	python3 - "$1" <<'PY'
import sys
from html.parser import HTMLParser
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.seen, self.errors = [], [], []
    def handle_starttag(self, tag, attrs):
        self.seen.append(tag)
        if tag not in VOID:
            self.stack.append(tag)
    def handle_startendtag(self, tag, attrs):
        self.seen.append(tag)
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> closes %s at line %d" % (
                tag, self.stack[-1] if self.stack else "nothing",
                self.getpos()[0]))
        else:
            self.stack.pop()
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
p.close()
if p.stack:
    p.errors.append("not closed: %s" % " ".join(p.stack))
for t in ("html", "head", "body"):
    if p.seen.count(t) != 1:
        p.errors.append("%d <%s>" % (p.seen.count(t), t))
print("\n".join(p.errors))
sys.exit(1 if p.errors else 0)
PY
}

@test "-o report.html: one well-formed, self-contained, printable file with charts" {
	world
	mkdir "$T/out"
	run cs-report 2026-W47 -o "$T/out/report.html"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ "$(ls "$T/out")" = report.html ]
	f="$T/out/report.html"
	head -c 15 "$f" | grep -qix '<!doctype html>'
	grep -qi '<meta charset="utf-8"' "$f"
	# no script and nothing fetched: the only URL is the SVG namespace
	lacks -qi '<script' "$f"
	[ "$(grep -Eoi 'https?:[^"'"'"' <>)]*' "$f" | sort -u)" = "http://www.w3.org/2000/svg" ]
	[ -z "$(grep -Eoi '(src|href) *= *("[^"]*"|'"'"'[^'"'"']*'"'"'|[^ >]*)' "$f" | grep -Eiv '= *["'"'"']?(#|data:)')" ]
	lacks -qi -e '@import' -e '<link' -e '<iframe' -e '<object' "$f"
	# the five charts: daily volume by type, resolution time, CSAT scores,
	# revisit results, resolved per agent, all with data in W47
	[ "$(grep -o '<svg' "$f" | wc -l)" -ge 5 ]
	grep -q '4\.13' "$f"
	grep -q '76\.92' "$f"
	grep -q '2026-W47' "$f"
	grep -q '@media print' "$f"
	if command -v python3 >/dev/null; then
		run wellformed "$f"
		echo "$output"
		[ "$status" -eq 0 ]
	fi
	# a change is green when it is good news for its metric (SLA up,
	# backlog down), red when bad, neither for a count like created
	python3 - "$f" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
better = {"resolved": 1, "sla_met_pct": 1, "csat_mean": 1, "backlog": -1,
          "reopen_rate": -1, "resolution_median_h": -1, "created": 0}
rows = re.findall(r'<tr><td>([a-z_0-9]+)</td><td>([^<]*)</td><td class="n">'
                  r'[^<]*</td><td class="n">[^<]*</td><td class="n ?([a-z]*)">'
                  r'([^<]*)</td>', html)
assert rows, "no rows"
seen = set()
for metric, key, cls, change in rows:
    if metric not in better:
        continue
    num = re.sub(r"[^0-9.]", "", change)
    if not num or float(num) == 0 or better[metric] == 0:
        assert cls == "", (metric, key, cls, change)
        continue
    up = "▲" in change
    assert up != ("▼" in change), change
    want = "good" if up == (better[metric] > 0) else "bad"
    assert cls == want, (metric, key, cls, change)
    seen.add(want)
assert seen == {"good", "bad"}, seen
PY
	# and in Chinese, to standard output
	run cs-report 2026-W47 --lang zh -f html
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/zh.html"
	grep -q '满意度' "$T/zh.html"
	if command -v python3 >/dev/null; then
		wellformed "$T/zh.html"
	fi
	# an empty period is a page without charts' bars, still well-formed
	run cs-report 2026-W30 -o "$T/out/empty.html"
	[ "$status" -eq 0 ]
	if command -v python3 >/dev/null; then
		wellformed "$T/out/empty.html"
	fi
}

@test "HTML renders in headless Chromium" {
	command -v chromium >/dev/null || skip "chromium is not installed"
	world
	cs-report 2026-W47 --lang zh -o "$T/report.html"
	profile=$(mktemp -d)
	run timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --user-data-dir="$profile" \
	    --screenshot="$T/r.png" --window-size=1200,3000 \
	    "file://$T/report.html"
	rm -rf "$profile"
	echo "$output"
	[ -s "$T/r.png" ]
	[ "$(head -c 8 "$T/r.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]
}

@test "-o takes the format from the extension and writes through a temporary file" {
	world
	mkdir "$T/out"
	cd "$T/out"
	cs-report 2026-W47 -f csv > "$T/stdout.csv"
	run cs-report 2026-W47 -o w47.csv
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	cmp w47.csv "$T/stdout.csv"
	# any other extension is CSV too
	cs-report 2026-W47 -o w47.txt
	cmp w47.txt "$T/stdout.csv"
	cs-report 2026-W47 -o w47.md
	head -n 1 w47.md | grep -q '^# .*2026-W47'
	cs-report 2026-W47 -o w47.json
	n=$(($(wc -l < "$T/stdout.csv") - 1))
	[ "$(jq length w47.json)" -eq "$n" ]
	[ "$(jq -r '.[] | select(.metric == "csat_mean" and .key == "") | "\(.value) \(.previous) \(.change_pct)"' w47.json)" = "4.13 3.5 18" ] ||
	    [ "$(jq -r '.[] | select(.metric == "csat_mean" and .key == "") | "\(.value) \(.previous) \(.change_pct)"' w47.json)" = "4.13 3.50 18.00" ]
	# an empty figure is null (or an empty string), never 0
	[ "$(jq -r '.[] | select(.section == "tickets" and .metric == "reopen_rate") | .change_pct // "" ' w47.json)" = "" ]
	# a format given wins over the extension
	cs-report 2026-W47 -f markdown -o given.csv
	head -n 1 given.csv | grep -q '^# '
	# Excel: BOM and CRLF
	cs-report 2026-W47 --excel -o excel.csv
	[ "$(head -c 3 excel.csv | od -An -tx1 | tr -d ' \n')" = efbbbf ]
	head -n 1 excel.csv | grep -q $'\r$'
	# nothing else is left in the folder
	[ "$(ls | sort | paste -sd' ' -)" = "excel.csv given.csv w47.csv w47.json w47.md w47.txt" ]
	# an unwritable place is an I/O error, and leaves nothing behind
	run cs-report 2026-W47 -o "$T/nope/r.csv"
	[ "$status" -eq 74 ]
	[[ $output == "cs-report: "* ]]
	[ ! -e "$T/nope" ]
	# tsv and jsonl carry the same rows
	[ "$(cs-report 2026-W47 -f tsv | tail -n +2 | wc -l)" -eq "$n" ]
	[ "$(cs-report 2026-W47 -f jsonl | wc -l)" -eq "$n" ]
}

@test "the report reads a read-only database file in a read-only folder and changes nothing" {
	world
	w47_table | cut -d, -f1-6 > "$T/expected.csv"
	chmod 444 "$CS_DB"
	chmod 555 "${CS_DB%/*}"
	before=$(md5sum < "$CS_DB")
	files=$(ls -a "${CS_DB%/*}")
	run cs-report 2026-W47 -f csv
	status_ro=$status
	printf '%s\n' "$output" > "$T/got.csv"
	chmod 755 "${CS_DB%/*}"
	[ "$status_ro" -eq 0 ]
	same_rows "$T/expected.csv" "$T/got.csv"
	[ "$(md5sum < "$CS_DB")" = "$before" ]
	[ "$(ls -a "${CS_DB%/*}")" = "$files" ]
	# root reads anything: when the tests run as root, do it again as an
	# ordinary user for whom the file and its folder are really read-only
	if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
		ro=$(mktemp -d)
		chmod 755 "$ro"
		mkdir "$ro/db"
		cp "$CS_DB" "$ro/db/cs.db"
		chmod 444 "$ro/db/cs.db"
		chmod 555 "$ro/db"
		bin=$(command -v cs-report)
		run setpriv --reuid=65534 --regid=65534 --clear-groups \
		    env CS_DB="$ro/db/cs.db" HOME=/nonexistent "$bin" 2026-W47 -f csv
		echo "# as an ordinary user: $status ${lines[0]}"
		printf '%s\n' "$output" > "$T/got.csv"
		status_ro=$status
		left=$(ls -A "$ro/db")
		chmod 755 "$ro/db"
		rm -rf "$ro"
		[ "$status_ro" -eq 0 ]
		same_rows "$T/expected.csv" "$T/got.csv"
		[ "$left" = cs.db ]
	fi
}

@test "a bad period, range or option is a usage error (exit 2)" {
	world
	before=$(dbsum)
	for p in 2026-W54 2026-W00 2026-13 2026-00 2026-Q5 2026-Q0 lastweek \
	    weekly2 2026-11-31 26-W47; do
		run cs-report "$p" -f csv
		echo "# $p: $status $output"
		[ "$status" -eq 2 ]
		[[ $output == "cs-report: "* ]]
	done
	# 2026 has 53 ISO weeks
	run cs-report 2026-W53 -f csv
	[ "$status" -eq 0 ]
	run cs-report --from 2026-11-20 --to 2026-11-10 -f csv
	[ "$status" -eq 2 ]
	run cs-report --from 2026-11-20 --to 2026-11-20 -f csv
	[ "$status" -eq 2 ]
	run cs-report --from 2026-11-20 -f csv
	[ "$status" -eq 2 ]
	run cs-report --to 2026-11-20 -f csv
	[ "$status" -eq 2 ]
	run cs-report --from 2026-11-40 --to 2026-12-01 -f csv
	[ "$status" -eq 2 ]
	run cs-report 2026-W47 2026-W46 -f csv
	[ "$status" -eq 2 ]
	run cs-report 2026-W47 --section nope -f csv
	[ "$status" -eq 2 ]
	[[ $output == *nope* ]]
	run cs-report 2026-W47 -f xml
	[ "$status" -eq 2 ]
	run cs-report show -f csv
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}

@test "with no database the report creates none" {
	run cs-report 2026-W47 -f csv
	[ ! -e "$CS_DB" ]
	[ ! -e "${CS_DB%/*}" ]
}

@test "common options stand before the command, as with every cs binary" {
	world
	w47_table | cut -d, -f1-6 > "$T/expected.csv"
	bad=0
	for args in "--db $CS_DB show 2026-W47" "-f csv show 2026-W47" \
	    "--db $CS_DB 2026-W47" "show --db $CS_DB 2026-W47"; do
		# shellcheck disable=SC2086
		run cs-report $args -f csv
		echo "# cs-report $args -f csv: $status ${lines[0]}"
		printf '%s\n' "$output" > "$T/got.csv"
		[ "$status" -eq 0 ] && same_rows "$T/expected.csv" "$T/got.csv" ||
		    bad=$((bad + 1))
	done
	[ "$bad" -eq 0 ]
}

# comp WORD...: what the bash completion offers for the last WORD.
comp() {
	bash -c '
		source "$1" || exit 1
		shift
		fn=$(complete -p "$1" | sed -n "s/.* -F \([^ ]*\) .*/\1/p")
		[ -n "$fn" ] || exit 1
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		"$fn" "$1" "${COMP_WORDS[COMP_CWORD]}" \
		    "${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}"
	' bash "$BATS_TEST_DIRNAME/../../completions/bash/cs" "$@" |
	    paste -sd' ' -
}

@test "completion: period words first, then the options and their values" {
	words="weekly monthly quarterly yearly this-week last-week this-month last-month this-quarter last-quarter this-year last-year"
	[ "$(comp cs-report '')" = "show scorecard help $words" ]
	[ "$(comp cs-report show '')" = "$words" ]
	[ "$(comp cs-report last-)" = "last-week last-month last-quarter last-year" ]
	[ -z "$(comp cs-report weekly '')" ]
	[ "$(comp cs-report weekly --sec)" = --section ]
	[ "$(comp cs-report weekly -s c)" = "complaints csat" ]
	[ "$(comp cs-report 2026-W47 -f m)" = markdown ]
	# values from the database: none without one, and none created
	[ -z "$(comp cs-report weekly --agent '' 2>&1)" ]
	[ ! -e "$CS_DB" ]
	world
	[ "$(comp cs-report weekly --agent '')" = "li.na wang.wei zhang.min" ]
	[ "$(comp cs-report weekly --team 技)" = 技术组 ]
	mv "$CS_DB" "$T/other.db"
	[ "$(comp cs-report --db "$T/other.db" weekly -a w)" = wang.wei ]
	touch "$T/周报.html"
	cd "$T"
	[ "$(comp cs-report weekly -o 周)" = 周报.html ]
	if command -v zsh >/dev/null; then
		zsh -n "$BATS_TEST_DIRNAME/../../completions/zsh/_cs"
	fi
	if command -v fish >/dev/null; then
		fish -n "$BATS_TEST_DIRNAME/../../completions/fish/cs.fish"
	fi
}
