#!/usr/bin/env bats
# An independent audit of cs-report against the spec ("Reports — exact
# definitions", "Quality reviews and scorecards"): a fixture of its own
# around ISO week 2026-W01, which starts on Monday 2025-12-29, with every
# expected figure computed by hand below from the spec's definitions.
bats_require_minimum_version 1.5.0
load helper

# ---- the fixture ------------------------------------------------------------
#
# Asia/Shanghai.  Periods (half-open, local time):
#   2026-W01  [2025-12-29 00:00, 2026-01-05 00:00)
#   2025-W52  [2025-12-22, 2025-12-29)   the previous week
#   2025-W01  [2024-12-30, 2025-01-06)   the week a year earlier (--yoy)
#   2026-W02  [2026-01-05, 2026-01-12)
#
# Roster: ai.a, bo.b (一组), cy.c (二组), all agents; sup.s (一组,
# supervisor, no work); dd.d (二组, inactive).  Customers C1..C4, owners
# ai.a, bo.b, cy.c, ai.a.
#
# Business calendar: Monday to Friday 09:00-18:00 (the default), 元旦
# 2026-01-01..03 holidays, Sunday 2026-01-04 a make-up workday (Monday's
# hours).  SLA policies: consult normal 9h and tech normal 18h in working
# hours, complaint high 24h around the clock; consult low, grumble and
# aftersales have none.  Due times, by hand:
#   R1 consult 12-22 09:00 + 9 wh  = 12-22 18:00
#   P2 tech    12-22 09:00 + 18 wh = 12-23 18:00
#   P3 complaint high 12-23 12:00 + 24h = 12-24 12:00
#   P1 consult Fri 12-26 10:00: 8h on Friday, 1h on Monday = 12-29 10:00
#   E1 consult Mon 12-29 00:00: from 09:00 = 12-29 18:00
#   E2 consult 12-29 09:00 = 12-29 18:00
#   E3 complaint 12-29 10:00 + 24h = 12-30 10:00
#   E4 complaint 12-30 08:00 + 24h = 12-31 08:00
#   E5 tech Tue 12-30 17:00: 1h Tue, 9h Wed, holidays, 8h on Sunday 01-04
#      = 01-04 17:00 (24x7 would be 12-31 11:00)
#   E6 consult Wed 12-31 16:00: 2h Wed, 7h on 01-04 = 01-04 16:00
#   E7 consult Fri 01-02 10:00 (a holiday): 9h on 01-04 = 01-04 18:00
#   L1 consult Mon 12-29 14:00: 4h Mon, 5h Tue = 12-30 14:00
#   L2 complaint 12-24 09:00 + 24h = 12-25 09:00
#
# Tickets (created, first response, resolved; hours of resolution):
#   Y1 ai.a consult 2024-12-30 00:00 +30m, 06:00 (6h)      2025-W01
#   Y2 bo.b consult low 2025-01-02 10:00, never answered    2025-W01, open
#   Y3 cy.c consult low 2025-01-06 00:00 (2025-W02), 01:00
#   R1 ai.a consult 12-22 09:00 +30m, 12-23 09:00 (24h), imported as
#      reopened (so open since)
#   P2 cy.c tech 12-22 09:00 +1h, 12-28 23:59:59 (158.9997h), csat 4
#   P3 bo.b complaint high 12-23 12:00 +30m, 2026-01-05 00:00 (300h)
#   P1 ai.a consult 12-26 10:00 +30m, 12-29 00:00 (62h), rated 1 at
#      2026-01-05 00:00 (a 2026-W02 score)
#   E1 ai.a consult/phone/发票 12-29 00:00 +30m, 02:00 (2h), closed 03:00,
#      csat 5
#   E2 ai.a consult/wechat/发票 12-29 09:00 +10m, 12:00 (3h), imported
#      with reopened 1
#   E3 bo.b complaint/phone/物流 12-29 10:00 +5m, 12-30 10:00 (24h), csat 2
#   E4 bo.b complaint/wechat/物流 12-30 08:00 +20m, 12-31 09:00 (25h),
#      csat 4
#   E5 cy.c tech/email/(none) 12-30 17:00 +30m, 01-04 12:00 (115h)
#   E6 ai.a consult/phone/账户 12-31 16:00 +15m, 01-04 16:00 (96h)
#   E7 bo.b consult/chat/账户 01-02 10:00 +30m, 01-04 18:30 (56.5h)
#   E8 ai.a grumble/phone/服务 01-03 09:00 +6m, 10:00 (1h), csat 3
#   E9 cy.c consult low/phone/发票 01-04 23:59:59, answered 01-05 00:45
#      (+45m01s = 2701s), open
#   E10 ai.a consult/phone/发票 01-05 00:00 (2026-W02), open
#   E11 bo.b aftersales/web/退货 01-01 11:00, never answered, open
#   E12 ai.a consult/phone/账户 01-01 08:00 +12h, open
# Done by hand with cs-ticket:
#   L2 bo.b complaint/phone/物流 high, new 12-24 09:00, start 09:30,
#      resolved 12-26 09:00 (48h), reopened 12-31 09:00, resolved again
#      01-06 09:00 (312h)
#   L1 ai.a consult/chat/发票, new 12-29 14:00, start 14:20 (20m),
#      resolved 12-30 10:00 (20h), rated 5 on 01-02, reopened 01-07 10:00
#      (after the week), resolved again 01-08 10:00 (236h)
#
# Revisits: 新年关怀 planned for C1..C4 on 12-29 and assigned to the
# owners; L2's resolution planned 投诉回访 for C2 (bo.b).
#   C1 ai.a reached (score 5) 12-29 10:00 -> done
#   C2 bo.b no-answer 12-29, 12-30, 12-31 -> failed 12-31
#   C3 cy.c refused 01-04 23:00 -> failed
#   C4 ai.a busy 01-04 10:00, reached 01-05 00:00 -> done in 2026-W02
#   C2 bo.b 投诉回访 reached (score 4) 12-30 11:00 -> done
#
# Quality reviews (by tester) with form 标准 礼貌=20 解决=50 记录=30:
#   E1 20+40+30 = 90 on 01-02      E3 10+25+15 = 50 on 01-03
#   P2 --score 70 on 12-29         L1 --score 80 on 01-04
#   E5 20+50+30 = 100 on 01-05 00:00 (2026-W02)
#   E2 --score 60 on 12-30, replaced by --score 75 on 01-06 (2026-W02)
#
# Targets: everyone csat_mean>=4, sla_met_pct>=80, reopen_rate<=10,
# qa_score_mean>=80; team 一组 csat_mean>=4.33; bo.b csat_mean>=3; ai.a
# sla_met_pct>=100.
#
# The reports run at 2026-01-10 09:00 (Saturday of 2026-W02).

setup_file() {
	export TZ=Asia/Shanghai CS_USER=tester
	unset XDG_DATA_HOME CS_BUSY_TIMEOUT LANG
	(
		set -e
		export CS_DB="$BATS_FILE_TMPDIR/fixture/cs.db"
		export CS_NOW=2025-12-01T09:00:00
		tid() {
			sqlite3 "$CS_DB" "SELECT id FROM ticket WHERE external_id = '$1'"
		}
		task() {
			sqlite3 "$CS_DB" "SELECT v.id FROM revisit v JOIN customer c
			    ON c.id = v.customer_id WHERE c.code = '$1' AND
			    v.reason = '$2'"
		}
		cs-agent import - <<-'CSV'
		login,name,team,role,skills,weight,capacity,active
		ai.a,艾安,一组,agent,,1,,yes
		bo.b,柏波,一组,agent,,1,,yes
		cy.c,程晨,二组,agent,,1,,yes
		sup.s,苏山,一组,supervisor,,1,,yes
		dd.d,丁冬,二组,agent,,1,,no
		CSV
		cs-customer import - <<-'CSV'
		code,name,phone,owner
		C1,王一,13811110001,ai.a
		C2,王二,13811110002,bo.b
		C3,王三,13811110003,cy.c
		C4,王四,13811110004,ai.a
		CSV
		cs-ticket calendar holiday 2026-01-01 --to 2026-01-03 --note 元旦
		cs-ticket calendar workday 2026-01-04 --note 元旦调休
		cs-ticket sla set consult normal --first-response 2h \
		    --resolution 9h
		cs-ticket sla set tech normal --first-response 4h \
		    --resolution 18h --calendar work
		cs-ticket sla set complaint high --first-response 1h \
		    --resolution 24h --calendar 24x7
		cs-ticket import - <<-'CSV'
		external_id,customer,type,channel,category,priority,status,assignee,subject,created_at,first_response_at,resolved_at,closed_at,reopened,csat,resolution
		Y1,C1,consult,phone,发票,normal,,ai.a,去年,2024-12-30T00:00:00,2024-12-30T00:30,2024-12-30T06:00,,,,已答
		Y2,C2,consult,phone,发票,low,,bo.b,去年未结,2025-01-02T10:00,,,,,,
		Y3,C3,consult,phone,发票,low,,cy.c,去年次周,2025-01-06T00:00:00,2025-01-06T00:10,2025-01-06T01:00,,,,已答
		R1,C1,consult,phone,账户,normal,reopened,ai.a,导入即重开,2025-12-22T09:00,2025-12-22T09:30,2025-12-23T09:00,,1,,已答
		P2,C3,tech,email,,normal,,cy.c,上周末最后一秒,2025-12-22T09:00,2025-12-22T10:00,2025-12-28T23:59:59,,,4,已修
		P3,C2,complaint,phone,物流,high,,bo.b,本周末零点解决,2025-12-23T12:00,2025-12-23T12:30,2026-01-05T00:00:00,,,,已赔
		P1,C4,consult,phone,发票,normal,,ai.a,周一零点解决,2025-12-26T10:00,2025-12-26T10:30,2025-12-29T00:00:00,,,,已答
		E1,C1,consult,phone,发票,normal,closed,ai.a,周一零点,2025-12-29T00:00:00,2025-12-29T00:30,2025-12-29T02:00,2025-12-29T03:00,,5,已答
		E2,C2,consult,wechat,发票,normal,,ai.a,导入重开一次,2025-12-29T09:00,2025-12-29T09:10,2025-12-29T12:00,,1,,已答
		E3,C2,complaint,phone,物流,high,,bo.b,恰好到期,2025-12-29T10:00,2025-12-29T10:05,2025-12-30T10:00,,,2,已赔
		E4,C3,complaint,wechat,物流,high,,bo.b,超时一小时,2025-12-30T08:00,2025-12-30T08:20,2025-12-31T09:00,,,4,已赔
		E5,C3,tech,email,,normal,,cy.c,跨元旦,2025-12-30T17:00,2025-12-30T17:30,2026-01-04T12:00,,,,已修
		E6,C4,consult,phone,账户,normal,,ai.a,调休日到期,2025-12-31T16:00,2025-12-31T16:15,2026-01-04T16:00,,,,已答
		E7,C1,consult,chat,账户,normal,,bo.b,假日创建,2026-01-02T10:00,2026-01-02T10:30,2026-01-04T18:30,,,,已答
		E8,C2,grumble,phone,服务,normal,,ai.a,抱怨,2026-01-03T09:00,2026-01-03T09:06,2026-01-03T10:00,,,3,已安抚
		E9,C3,consult,phone,发票,low,,cy.c,周日最后一秒,2026-01-04T23:59:59,2026-01-05T00:45:00,,,,,
		E10,C4,consult,phone,发票,normal,,ai.a,下周零点,2026-01-05T00:00:00,,,,,,
		E11,C4,aftersales,web,退货,normal,,bo.b,未响应,2026-01-01T11:00,,,,,,
		E12,C1,consult,phone,账户,normal,,ai.a,半天才回,2026-01-01T08:00,2026-01-01T20:00,,,,,
		CSV
		l2=$(CS_NOW=2025-12-24T09:00 cs-ticket new C2 -t complaint \
		    -c phone --category 物流 -p high -s 又坏了 -a bo.b)
		CS_NOW=2025-12-24T09:30 cs-ticket start "$l2"
		CS_NOW=2025-12-26T09:00 cs-ticket --actor bo.b resolve \
		    -r 已换货 "$l2"
		l1=$(CS_NOW=2025-12-29T14:00 cs-ticket new C1 -t consult \
		    -c chat --category 发票 -s 开票 -a ai.a)
		CS_NOW=2025-12-29T14:20 cs-ticket start "$l1"
		CS_NOW=2025-12-30T10:00 cs-ticket --actor ai.a resolve -r 已开 "$l1"
		CS_NOW=2026-01-02T10:00 cs-ticket rate "$l1" 5
		CS_NOW=2026-01-07T10:00 cs-ticket reopen "$l1"
		CS_NOW=2026-01-08T10:00 cs-ticket --actor ai.a resolve -r 重开 "$l1"
		CS_NOW=2026-01-05T00:00:00 cs-ticket rate "$(tid P1)" 1
		[ "$l2" = 20 ] && [ "$l1" = 21 ]

		export CS_NOW=2025-12-29T09:00
		printf 'code\nC1\nC2\nC3\nC4\n' |
		    cs-revisit plan --reason 新年关怀 --period 2026-W01 -
		cs-revisit assign >/dev/null
		CS_NOW=2025-12-29T10:00 cs-revisit log "$(task C1 新年关怀)" \
		    --result reached --score 5
		for d in 29 30 31; do
			CS_NOW=2025-12-${d}T15:00 cs-revisit log \
			    "$(task C2 新年关怀)" --result no-answer
		done
		CS_NOW=2026-01-04T23:00 cs-revisit log "$(task C3 新年关怀)" \
		    --result refused
		CS_NOW=2026-01-04T10:00 cs-revisit log "$(task C4 新年关怀)" \
		    --result busy
		CS_NOW=2026-01-05T00:00:00 cs-revisit log "$(task C4 新年关怀)" \
		    --result reached
		CS_NOW=2025-12-30T11:00 cs-revisit log "$(task C2 投诉回访)" \
		    --result reached --score 4
		[ "$(sqlite3 "$CS_DB" "SELECT group_concat(c.code || ':' ||
		    v.reason || ':' || a.login || ':' || v.status, ' ') FROM (SELECT
		    * FROM revisit ORDER BY id) v JOIN customer c ON c.id =
		    v.customer_id JOIN agent a ON a.id = v.agent_id")" = \
		    "C2:投诉回访:bo.b:done C1:新年关怀:ai.a:done C2:新年关怀:bo.b:failed C3:新年关怀:cy.c:failed C4:新年关怀:ai.a:done" ]
		# L2 is reopened after its revisit call was made (12-30), so the
		# done task stays as it is; commands run in the order of time.
		CS_NOW=2025-12-31T09:00 cs-ticket reopen "$l2"
		CS_NOW=2026-01-06T09:00 cs-ticket --actor bo.b resolve \
		    -r 再次换货 "$l2"

		cs-ticket qa-form set 标准 礼貌=20 解决=50 记录=30
		CS_NOW=2026-01-02T10:00 cs-ticket review "$(tid E1)" --form 标准 \
		    -i 礼貌=20 -i 解决=40 -i 记录=30
		CS_NOW=2026-01-03T10:00 cs-ticket review "$(tid E3)" --form 标准 \
		    -i 礼貌=10 -i 解决=25 -i 记录=15
		CS_NOW=2025-12-29T09:00 cs-ticket review "$(tid P2)" --score 70
		CS_NOW=2026-01-05T00:00:00 cs-ticket review "$(tid E5)" \
		    --form 标准 -i 礼貌=20 -i 解决=50 -i 记录=30
		CS_NOW=2026-01-04T10:00 cs-ticket review "$l1" --score 80
		CS_NOW=2025-12-30T10:00 cs-ticket review "$(tid E2)" --score 60
		CS_NOW=2026-01-06T10:00 cs-ticket review "$(tid E2)" --score 75 \
		    --replace

		cs-agent target set 'csat_mean>=4'
		cs-agent target set 'sla_met_pct>=80'
		cs-agent target set 'reopen_rate<=10'
		cs-agent target set 'qa_score_mean>=80'
		cs-agent target set 'csat_mean>=4.33' --team 一组
		cs-agent target set 'csat_mean>=3' --agent bo.b
		cs-agent target set 'sla_met_pct>=100' --agent ai.a
	) > "$BATS_FILE_TMPDIR/fixture.log" 2>&1 || {
		cat "$BATS_FILE_TMPDIR/fixture.log"
		return 1
	}
}

world() {
	fixture_db
	export CS_NOW=2026-01-10T09:00
}

# 2026-W01 with --yoy, by hand.  change_pct = (value - previous) /
# previous x 100 of the figures as shown, two decimals rounded half away
# from zero, empty when either is empty or previous is 0.
#
# created W01: E1..E9, E11, E12, L1 = 12 (E1 at the very start counts;
# E10 at the very end does not); W52: R1 P2 P3 P1 L2 = 5; 2025-W01: Y1
# (its very start), Y2 = 2 (Y3 at its end is out).  12 vs 5: 140.00; vs 2:
# 500.00.  By type W01: consult E1 E2 E6 E7 E9 E12 L1 = 7, complaint E3 E4
# = 2, tech E5, grumble E8, aftersales E11.  By channel: phone E1 E3 E6
# E8 E9 E12 = 6, wechat E2 E4, chat E7 L1, email E5, web E11.  By
# category: 发票 E1 E2 E9 L1 = 4, 账户 E6 E7 E12 = 3, 物流 E3 E4, 服务 E8,
# 退货 E11 (E5 has none: only in the total).
#
# resolved W01: P1 (at the very start), E1 E2 E3 E4 E5 E6 E7 E8 L1 = 10
# (P3 at the very end is W02's; L1 counts although reopened after the
# week); W52: R1 P2 (its last second) L2 = 3; 2025-W01: Y1 = 1.
# Resolution hours W01 sorted: E8 1, E1 2, E2 3, L1 20, E3 24, E4 25, E7
# 56.5, P1 62, E6 96, E5 115: N = 10, median (24 + 25) / 2 = 24.50, p90 the
# ceil(9.0) = 9th = 96.00 (not the 10th, 115).  W52: R1 24, L2 48, P2
# 158.9997: median 48.00, p90 the 3rd = 159.00.  2025-W01: Y1 6.00.
# consult W01: 2 3 20 56.5 62 96, median (20 + 56.5) / 2 = 38.25, p90 the
# ceil(5.4) = 6th = 96.00; W52 R1 24.00.  complaint: 24 25, median 24.50,
# p90 the ceil(1.8) = 2nd = 25.00; W52 L2 48.00.  tech: E5 alone (N = 1):
# 115.00 and 115.00; W52 P2 159.00.  grumble: E8 1.00.
#
# backlog at 2026-01-05 00:00: E9 E11 E12 (never resolved), P3 (resolved
# only at that instant), L2 (reopened 12-31), R1 (imported reopened), Y2 =
# 7 (L1, reopened only on 01-07, is not).  At 12-29 00:00: P1 (resolved at
# that instant), P3, R1, Y2 = 4.  At 2025-01-06 00:00: Y2 = 1.
#
# complaint_rate: 2 / 12 = 16.67; W52 2 / 5 = 40.00; change -58.325 ->
# -58.33; 2025-W01 0 / 2 = 0.00 -> no change.
#
# first response, W01 tickets that have one (whenever given): E3 300s, E8
# 360, E2 600, E6 900, E4 1200, L1 1200, E1 1800, E5 1800, E7 1800, E9
# 2701 (given after the week), E12 43200: N = 11, median the 6th 1200s =
# 0.33, p90 the ceil(9.9) = 10th 2701s = 0.75.  W52: 1800 x4, P2 3600:
# median 0.50, p90 the ceil(4.5) = 5th = 1.00.  2025-W01: Y1 0.50.
#
# reopen_rate W01: E2 (imported count), L1 (reopened 01-07, after the
# week) of 10 = 20.00; W52: L2 (reopened 12-31), R1 of 3 = 66.67 ->
# -70.00; 2025-W01 0.00.
#
# SLA W01 (E8 has no target): met P1 (00:00 <= 10:00), E1, E2, E3 (at its
# due time exactly), E5 (working hours), E6 (at its due time exactly), L1;
# missed E4 (09:00 > 08:00), E7 (18:30 > 18:00): 7 / 9 = 77.78.  consult 5
# / 6 = 83.33, complaint 1 / 2 = 50.00, tech 1 / 1; high 50.00, normal 6 /
# 7 = 85.71.  W52 all missed: 0.00 (no change from 0).  2025-W01: Y1 met,
# 100.00 -> -22.22, -16.67, -14.29.
#
# CSAT given in W01: E1 5, E3 2, E4 4, E8 3 (imported: when resolved), L1
# 5 (rated 01-02): 19 / 5 = 3.80, satisfied 3 / 5 = 60.00.  W52: P2 4
# (resolved on its last second): 4.00, 100.00.  P1's 1 given exactly at
# the end is W02's.
#
# agents (by the resolution's agent): ai.a E1 E2 E6 E8 P1 L1 = 6, hours 1
# 2 3 20 62 96: median 11.50, p90 the 6th 96.00; W52 R1 24; 2025-W01 Y1 6.
# bo.b E3 E4 E7: median 25.00, p90 the 3rd 56.50; W52 L2 48 -> 17.71.
# cy.c E5 115.00; W52 P2 159.00.  CSAT: ai.a 5 3 5 = 4.33, bo.b 2 4 =
# 3.00, cy.c none (W52 P2 4.00).  Revisits finished: ai.a C1 (C4 is W02's)
# 1 reached; bo.b C2 failed and 投诉回访 reached: 2, 50.00; cy.c C3
# refused: 1, 0.00.  sup.s and dd.d (inactive) have no rows.
#
# revisits W01: 4 finished (新年关怀 3, 投诉回访 1), 2 reached = 50.00;
# 新年关怀 1 / 3 = 33.33; by last result reached 2, no-answer 1, refused
# 1; call scores 5 and 4: 4.50.  None in W52.
#
# qa W01, reviews made in the week: E1 90, E3 50, P2 70, L1 80 (E2's was
# taken over on 01-06, E5's made at the very end): 4, 290 / 4 = 72.50;
# items of E1 and E3: 礼貌 (20 + 10) / 2 = 15.00, 解决 (40 + 25) / 2 =
# 32.50, 记录 (30 + 15) / 2 = 22.50.
#
# kb_gaps: no article is linked, so every category is a gap, counted as
# created: W01 as above; W52 发票 P1, 账户 R1, 物流 P3 L2; 2025-W01 发票 2.
w01_table() {
	cat <<'CSV'
section,metric,key,value,previous,change_pct,yoy,yoy_change_pct
tickets,created,,12,5,140.00,2,500.00
tickets,created,type=aftersales,1,0,,0,
tickets,created,type=complaint,2,2,0.00,0,
tickets,created,type=consult,7,2,250.00,2,250.00
tickets,created,type=grumble,1,0,,0,
tickets,created,type=tech,1,1,0.00,0,
tickets,created,channel=chat,2,0,,0,
tickets,created,channel=email,1,1,0.00,0,
tickets,created,channel=phone,6,4,50.00,2,200.00
tickets,created,channel=web,1,0,,0,
tickets,created,channel=wechat,2,0,,0,
tickets,created,category=发票,4,1,300.00,2,100.00
tickets,created,category=服务,1,0,,0,
tickets,created,category=物流,2,2,0.00,0,
tickets,created,category=账户,3,1,200.00,0,
tickets,created,category=退货,1,0,,0,
tickets,resolved,,10,3,233.33,1,900.00
tickets,resolved,type=complaint,2,1,100.00,0,
tickets,resolved,type=consult,6,1,500.00,1,500.00
tickets,resolved,type=grumble,1,0,,0,
tickets,resolved,type=tech,1,1,0.00,0,
tickets,backlog,,7,4,75.00,1,600.00
tickets,complaint_rate,,16.67,40.00,-58.33,0.00,
tickets,first_response_median_h,,0.33,0.50,-34.00,0.50,-34.00
tickets,first_response_p90_h,,0.75,1.00,-25.00,0.50,50.00
tickets,resolution_median_h,,24.50,48.00,-48.96,6.00,308.33
tickets,resolution_p90_h,,96.00,159.00,-39.62,6.00,1500.00
tickets,resolution_median_h,type=complaint,24.50,48.00,-48.96,,
tickets,resolution_p90_h,type=complaint,25.00,48.00,-47.92,,
tickets,resolution_median_h,type=consult,38.25,24.00,59.38,6.00,537.50
tickets,resolution_p90_h,type=consult,96.00,24.00,300.00,6.00,1500.00
tickets,resolution_median_h,type=grumble,1.00,,,,
tickets,resolution_p90_h,type=grumble,1.00,,,,
tickets,resolution_median_h,type=tech,115.00,159.00,-27.67,,
tickets,resolution_p90_h,type=tech,115.00,159.00,-27.67,,
tickets,reopen_rate,,20.00,66.67,-70.00,0.00,
complaints,complaints,,2,2,0.00,0,
complaints,complaints,category=物流,2,2,0.00,0,
complaints,complaints,stage=(none),2,2,0.00,0,
complaints,stage_share_pct,stage=(none),100.00,100.00,0.00,,
complaints,complaints,root_cause=(none),2,2,0.00,0,
complaints,resolution_median_h,,24.50,48.00,-48.96,,
complaints,resolution_p90_h,,25.00,48.00,-47.92,,
complaints,sla_met_pct,,50.00,0.00,,,
sla,sla_met_pct,,77.78,0.00,,100.00,-22.22
sla,sla_met_pct,type=complaint,50.00,0.00,,,
sla,sla_met_pct,type=consult,83.33,0.00,,100.00,-16.67
sla,sla_met_pct,type=tech,100.00,0.00,,,
sla,sla_met_pct,priority=high,50.00,0.00,,,
sla,sla_met_pct,priority=normal,85.71,0.00,,100.00,-14.29
csat,csat_mean,,3.80,4.00,-5.00,,
csat,satisfied_pct,,60.00,100.00,-40.00,,
csat,csat_scores,,5,1,400.00,0,
agents,resolved,agent=ai.a,6,1,500.00,1,500.00
agents,resolved,agent=bo.b,3,1,200.00,0,
agents,resolved,agent=cy.c,1,1,0.00,0,
agents,resolution_median_h,agent=ai.a,11.50,24.00,-52.08,6.00,91.67
agents,resolution_median_h,agent=bo.b,25.00,48.00,-47.92,,
agents,resolution_median_h,agent=cy.c,115.00,159.00,-27.67,,
agents,resolution_p90_h,agent=ai.a,96.00,24.00,300.00,6.00,1500.00
agents,resolution_p90_h,agent=bo.b,56.50,48.00,17.71,,
agents,resolution_p90_h,agent=cy.c,115.00,159.00,-27.67,,
agents,csat_mean,agent=ai.a,4.33,,,,
agents,csat_mean,agent=bo.b,3.00,,,,
agents,csat_mean,agent=cy.c,,4.00,,,
agents,revisits_finished,agent=ai.a,1,0,,0,
agents,revisits_finished,agent=bo.b,2,0,,0,
agents,revisits_finished,agent=cy.c,1,0,,0,
agents,revisit_success_rate,agent=ai.a,100.00,,,,
agents,revisit_success_rate,agent=bo.b,50.00,,,,
agents,revisit_success_rate,agent=cy.c,0.00,,,,
revisits,revisits_finished,,4,0,,0,
revisits,revisits_finished,reason=投诉回访,1,0,,0,
revisits,revisits_finished,reason=新年关怀,3,0,,0,
revisits,revisit_success_rate,,50.00,,,,
revisits,revisit_success_rate,reason=投诉回访,100.00,,,,
revisits,revisit_success_rate,reason=新年关怀,33.33,,,,
revisits,revisits_by_result,reason=no-answer,1,0,,0,
revisits,revisits_by_result,reason=reached,2,0,,0,
revisits,revisits_by_result,reason=refused,1,0,,0,
revisits,revisit_score_mean,,4.50,,,,
qa,qa_reviews,,4,0,,0,
qa,qa_score_mean,,72.50,,,,
qa,qa_item_mean,item=解决,32.50,,,,
qa,qa_item_mean,item=礼貌,15.00,,,,
qa,qa_item_mean,item=记录,22.50,,,,
kb,kb_gaps,category=发票,4,1,300.00,2,100.00
kb,kb_gaps,category=账户,3,1,200.00,0,
kb,kb_gaps,category=物流,2,2,0.00,0,
kb,kb_gaps,category=服务,1,0,,0,
kb,kb_gaps,category=退货,1,0,,0,
CSV
}

@test "2026-W01 --yoy: every figure, by hand, across the new year" {
	world
	w01_table > "$T/expected.csv"
	run cs-report 2026-W01 --yoy -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	same_rows "$T/expected.csv" "$T/got.csv"
	# without --yoy the same figures in the six tidy columns
	w01_table | cut -d, -f1-6 > "$T/expected6.csv"
	run cs-report 2026-W01 -f csv
	printf '%s\n' "$output" > "$T/got6.csv"
	same_rows "$T/expected6.csv" "$T/got6.csv"
	# the same days as a range, either way, are the same report; so is
	# last-week on Saturday 2026-01-10
	run cs-report --from 2025-12-29 --to 2026-01-05 -f csv
	[ "$output" = "$(cat "$T/got6.csv")" ]
	run cs-report 2025-12-29..2026-01-05 -f csv
	[ "$output" = "$(cat "$T/got6.csv")" ]
	run cs-report last-week -f csv
	[ "$output" = "$(cat "$T/got6.csv")" ]
}

@test "in JSON an undefined figure is null, never 0" {
	world
	run cs-report 2026-W01 -f jsonl -s csat
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = '{"section":"csat","metric":"csat_mean","key":"","value":3.80,"previous":4.00,"change_pct":-5.00}' ]
	run cs-report 2026-W01 -f jsonl -s sla
	[ "${lines[0]}" = '{"section":"sla","metric":"sla_met_pct","key":"","value":77.78,"previous":0.00,"change_pct":null}' ]
	run cs-report 2026-W01 -f jsonl -s revisits
	[ "${lines[3]}" = '{"section":"revisits","metric":"revisit_success_rate","key":"","value":50.00,"previous":null,"change_pct":null}' ]
}

@test "2026-W02: what happened at the very start belongs to it" {
	# created: E10 (at 01-05 00:00) = 1, vs 12: -91.67.  resolved: P3 (at
	# 00:00, 300h), L2 again (01-06, 312h), L1 again (01-08, 12-29 14:00
	# to 01-08 10:00 = 236h) = 3, vs 10: -70.00; median the 2nd 300.00
	# (vs 24.50: 1124.49), p90 the ceil(2.7) = 3rd 312.00 (vs 96.00:
	# 225.00).  None reopened since: 0.00 (vs 20.00: -100.00).  SLA: all
	# three past their due times: 0.00 (-100.00).  backlog at 01-12: E9
	# E10 E11 E12 R1 Y2 = 6 (vs 7: -14.29).  complaint_rate 0 / 1 = 0.00.
	# E10 has no response: the first-response figures are empty.  CSAT:
	# P1's 1 given at 00:00: 1.00 (vs 3.80: -73.68), satisfied 0.00.
	# Revisits: C4 reached at 00:00: 1 (vs 4: -75.00), 100.00 (vs 50.00:
	# 100.00).  qa: E5 100 (at 00:00) and E2's 75 (made again 01-06): 2
	# (vs 4: -50.00), 87.50 (vs 72.50: 20.69); items of E5 alone: 礼貌
	# 20.00 (vs 15.00: 33.33), 解决 50.00 (vs 32.50: 53.85), 记录 30.00
	# (33.33).  agents: ai.a L1 = 1, bo.b P3 and L2 = 2, cy.c 0.
	world
	run cs-report 2026-W02 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	while read -r row; do
		has_row "$row" "$T/got.csv"
	done <<-'CSV'
	tickets,created,,1,12,-91.67
	tickets,created,type=consult,1,7,-85.71
	tickets,resolved,,3,10,-70.00
	tickets,resolved,type=complaint,2,2,0.00
	tickets,resolved,type=consult,1,6,-83.33
	tickets,backlog,,6,7,-14.29
	tickets,complaint_rate,,0.00,16.67,-100.00
	tickets,first_response_median_h,,,0.33,
	tickets,first_response_p90_h,,,0.75,
	tickets,resolution_median_h,,300.00,24.50,1124.49
	tickets,resolution_p90_h,,312.00,96.00,225.00
	tickets,reopen_rate,,0.00,20.00,-100.00
	sla,sla_met_pct,,0.00,77.78,-100.00
	csat,csat_mean,,1.00,3.80,-73.68
	csat,satisfied_pct,,0.00,60.00,-100.00
	agents,resolved,agent=ai.a,1,6,-83.33
	agents,resolved,agent=bo.b,2,3,-33.33
	agents,resolved,agent=cy.c,0,1,-100.00
	revisits,revisits_finished,,1,4,-75.00
	revisits,revisit_success_rate,,100.00,50.00,100.00
	qa,qa_reviews,,2,4,-50.00
	qa,qa_score_mean,,87.50,72.50,20.69
	qa,qa_item_mean,item=礼貌,20.00,15.00,33.33
	qa,qa_item_mean,item=解决,50.00,32.50,53.85
	qa,qa_item_mean,item=记录,30.00,22.50,33.33
	CSV
}

@test "months, quarters and years: totals by hand, with --yoy" {
	# 2026-01 [01-01, 02-01): created E7 E8 E9 E10 E11 E12 = 6; 2025-12:
	# R1 P2 P3 P1 L2 E1..E6 L1 = 12 (-50.00); 2025-01: Y2 Y3 = 2 (200.00).
	# resolved 2026-01: E5 E6 E7 E8 P3 L2 L1 = 7; 2025-12: R1 P2 L2 P1 E1
	# E2 E3 E4 L1 = 9 (-22.22); 2025-01: Y3 (600.00).  backlog at 02-01:
	# E9 E10 E11 E12 R1 Y2 = 6; at 01-01: P3 L2 R1 Y2 E5 E6 = 6 (0.00); at
	# 2025-02-01: Y2 (500.00).  CSAT 2026-01: L1 5, E8 3, P1 1 = 3.00,
	# satisfied 33.33; 2025-12: P2 4, E1 5, E3 2, E4 4 = 3.75 (-20.00),
	# 75.00 (-55.56); none in 2025-01.  qa reviews made: 2026-01 E1 E3 L1
	# E5 E2 = 5, 2025-12 P2 = 1 (400.00).  Revisits finished: 2026-01 C3
	# C4 = 2, 2025-12 C1 C2 and C2's 投诉回访 = 3 (-33.33).
	world
	run cs-report 2026-01 --yoy -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/m.csv"
	while read -r row; do
		has_row "$row" "$T/m.csv"
	done <<-'CSV'
	tickets,created,,6,12,-50.00,2,200.00
	tickets,resolved,,7,9,-22.22,1,600.00
	tickets,backlog,,6,6,0.00,1,500.00
	csat,csat_mean,,3.00,3.75,-20.00,,
	csat,satisfied_pct,,33.33,75.00,-55.56,,
	qa,qa_reviews,,5,1,400.00,0,
	revisits,revisits_finished,,2,3,-33.33,0,
	CSV
	# 2026-Q1 against 2025-Q4 holds the same tickets (October and
	# November have none); 2025-Q1 as 2025-01
	run cs-report 2026-Q1 --yoy -f csv
	printf '%s\n' "$output" > "$T/q.csv"
	diff <(grep -v '^kb,' "$T/m.csv" | cut -d, -f1-6) \
	    <(grep -v '^kb,' "$T/q.csv" | cut -d, -f1-6)
	has_row "tickets,backlog,,6,6,0.00,1,500.00" "$T/q.csv"
	# 2026 against 2025: 2025 adds Y2 and Y3 (created 14, -57.14;
	# resolved 10, -30.00); --yoy of a year is the year before
	run cs-report 2026 --yoy -f csv
	printf '%s\n' "$output" > "$T/y.csv"
	has_row "tickets,created,,6,14,-57.14,14,-57.14" "$T/y.csv"
	has_row "tickets,resolved,,7,10,-30.00,10,-30.00" "$T/y.csv"
	has_row "tickets,backlog,,6,6,0.00,6,0.00" "$T/y.csv"
	# 2025-12 against 2025-11 (nothing then: counts 0, the rest empty)
	run cs-report 2025-12 -f csv
	printf '%s\n' "$output" > "$T/d.csv"
	has_row "tickets,created,,12,0," "$T/d.csv"
	has_row "tickets,backlog,,6,1,500.00" "$T/d.csv"
	has_row "csat,csat_mean,,3.75,," "$T/d.csv"
	has_row "csat,csat_scores,,4,0," "$T/d.csv"
}

@test "--agent and --team narrow every ticket figure to their tickets" {
	# --agent ai.a, W01: created E1 E2 E6 E8 E12 L1 = 6 (W52 R1 P1 = 2:
	# 200.00); backlog E12 R1 = 2 (W52 end: P1 R1 = 2).  First responses
	# 360 600 900 1200 1800 43200: median (900 + 1200) / 2 = 1050s = 0.29,
	# p90 the 6th = 12.00 (W52 1800 1800: 0.50 and 0.50: -42.00, 2300.00).
	# qa: E1 90, L1 80: 2, 85.00; items of E1.
	world
	run cs-report 2026-W01 --agent ai.a -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/a.csv"
	while read -r row; do
		has_row "$row" "$T/a.csv"
	done <<-'CSV'
	tickets,created,,6,2,200.00
	tickets,resolved,,6,1,500.00
	tickets,backlog,,2,2,0.00
	tickets,complaint_rate,,0.00,0.00,
	tickets,first_response_median_h,,0.29,0.50,-42.00
	tickets,first_response_p90_h,,12.00,0.50,2300.00
	tickets,reopen_rate,,33.33,100.00,-66.67
	csat,csat_mean,,4.33,,
	csat,satisfied_pct,,66.67,,
	revisits,revisits_finished,,1,0,
	qa,qa_reviews,,2,0,
	qa,qa_score_mean,,85.00,,
	qa,qa_item_mean,item=解决,40.00,,
	CSV
	[ "$(grep -c 'agent=' "$T/a.csv")" -eq 6 ]
	# --team 二组 (cy.c; dd.d is inactive): created E5 E9 (W52 P2);
	# first responses 1800 and 2701: median 2250.5s = 0.63 (vs 1.00:
	# -37.00), p90 the 2nd 0.75; backlog E9 (none at W52's end); qa P2's
	# 70 made on 12-29
	run cs-report 2026-W01 --team 二组 -f csv
	printf '%s\n' "$output" > "$T/t.csv"
	while read -r row; do
		has_row "$row" "$T/t.csv"
	done <<-'CSV'
	tickets,created,,2,1,100.00
	tickets,resolved,,1,1,0.00
	tickets,backlog,,1,0,
	tickets,first_response_median_h,,0.63,1.00,-37.00
	tickets,first_response_p90_h,,0.75,1.00,-25.00
	csat,csat_mean,,,4.00,
	csat,csat_scores,,0,1,-100.00
	qa,qa_reviews,,1,0,
	qa,qa_score_mean,,70.00,,
	agents,resolved,agent=cy.c,1,1,0.00
	CSV
	lacks -q 'agent=dd.d\|agent=ai.a' "$T/t.csv"
}

# The scorecard of 2026-W01 against 2025-W52, by hand: each metric over
# the tickets the agent resolved in the week.
#
# ai.a: E1 E2 E6 E8 P1 L1 = 6 (W52 R1 = 1: 500.00).  First responses of
# those (P1 created in W52 included): 360 600 900 1200 1800 1800, median
# 1050s = 0.29 (R1 0.50: -42.00).  Resolution 11.50 (R1 24.00: -52.08).
# SLA: E8 has none, the other five met: 100.00 (R1 missed: 0.00, no
# change); target >=100, ai.a's own: equal, met.  Reopened E2 and L1:
# 33.33 (R1: 100.00, -66.67); everyone's <=10: no.  CSAT given in the week
# to those: 5 3 5 = 4.33 (none for R1); 一组's >=4.33 beats everyone's
# >=4: equal, met.  QA, the reviews of those tickets whenever made: E1 90,
# E2 75 (the one that replaced 60), L1 80 = 3, 81.67; >=80: yes.  Revisits
# C1 reached: 1, 100.00.
# bo.b: E3 E4 E7 = 3 (L2: 200.00).  First responses 300 1200 1800: 0.33
# (L2 1800: -34.00).  Resolution 25.00 (48.00: -47.92).  SLA E3 met, E4
# and E7 missed: 33.33 vs >=80: no.  Reopened none: 0.00 (L2: 100.00,
# -100.00), <=10: yes.  CSAT 2 4 = 3.00; bo.b's own >=3: equal, met.  QA
# E3 50: 1, 50.00: no.  Revisits C2 failed and 投诉回访 reached: 2, 50.00.
# cy.c: E5 = 1 (P2 = 1: 0.00).  First response 0.50 (P2 1.00: -50.00).
# Resolution 115.00 (159.00: -27.67).  SLA 100.00 (P2 missed).  Reopen
# 0.00 (0.00: no change from 0).  CSAT none: empty, neither met nor missed
# (P2's 4.00 before).  QA E5's 100 made in W02: 1, 100.00 (P2 70 made on
# 12-29: 1, 70.00: 0.00 and 42.86).  Revisits C3 refused: 1, 0.00.
# Counts without targets have none; sup.s (supervisor, no work) and dd.d
# (inactive) have no block.
scorecard_w01() {
	cat <<'CSV'
section,metric,key,value,previous,change_pct,target,met
scorecard,resolved,agent=ai.a,6,1,500.00,,
scorecard,first_response_median_h,agent=ai.a,0.29,0.50,-42.00,,
scorecard,resolution_median_h,agent=ai.a,11.50,24.00,-52.08,,
scorecard,sla_met_pct,agent=ai.a,100.00,0.00,,>=100,yes
scorecard,reopen_rate,agent=ai.a,33.33,100.00,-66.67,<=10,no
scorecard,csat_mean,agent=ai.a,4.33,,,>=4.33,yes
scorecard,qa_reviews,agent=ai.a,3,0,,,
scorecard,qa_score_mean,agent=ai.a,81.67,,,>=80,yes
scorecard,revisits_finished,agent=ai.a,1,0,,,
scorecard,revisit_success_rate,agent=ai.a,100.00,,,,
scorecard,resolved,agent=bo.b,3,1,200.00,,
scorecard,first_response_median_h,agent=bo.b,0.33,0.50,-34.00,,
scorecard,resolution_median_h,agent=bo.b,25.00,48.00,-47.92,,
scorecard,sla_met_pct,agent=bo.b,33.33,0.00,,>=80,no
scorecard,reopen_rate,agent=bo.b,0.00,100.00,-100.00,<=10,yes
scorecard,csat_mean,agent=bo.b,3.00,,,>=3,yes
scorecard,qa_reviews,agent=bo.b,1,0,,,
scorecard,qa_score_mean,agent=bo.b,50.00,,,>=80,no
scorecard,revisits_finished,agent=bo.b,2,0,,,
scorecard,revisit_success_rate,agent=bo.b,50.00,,,,
scorecard,resolved,agent=cy.c,1,1,0.00,,
scorecard,first_response_median_h,agent=cy.c,0.50,1.00,-50.00,,
scorecard,resolution_median_h,agent=cy.c,115.00,159.00,-27.67,,
scorecard,sla_met_pct,agent=cy.c,100.00,0.00,,>=80,yes
scorecard,reopen_rate,agent=cy.c,0.00,0.00,,<=10,yes
scorecard,csat_mean,agent=cy.c,,4.00,,>=4,
scorecard,qa_reviews,agent=cy.c,1,1,0.00,,
scorecard,qa_score_mean,agent=cy.c,100.00,70.00,42.86,>=80,yes
scorecard,revisits_finished,agent=cy.c,1,0,,,
scorecard,revisit_success_rate,agent=cy.c,0.00,,,,
CSV
}

@test "scorecard 2026-W01: every figure, target and verdict, by hand" {
	world
	scorecard_w01 > "$T/expected.csv"
	run cs-report scorecard 2026-W01 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	same_rows "$T/expected.csv" "$T/got.csv"
	# one block per agent, in the order of the metrics
	[ "$(cut -d, -f3 "$T/got.csv" | uniq | tr '\n' ' ')" = \
	    "key agent=ai.a agent=bo.b agent=cy.c " ]
	# --team 一组 keeps the blocks of ai.a and bo.b as they are; --agent
	# cy.c the block of cy.c
	run cs-report scorecard 2026-W01 --team 一组 -f csv
	[ "$output" = "$(grep -v 'agent=cy.c' "$T/expected.csv")" ]
	run cs-report scorecard 2026-W01 --agent cy.c -f csv
	[ "$output" = "$(grep -v 'agent=ai.a\|agent=bo.b' "$T/expected.csv")" ]
}

@test "targets: the most specific applies; equal is met; undefined is neither" {
	world
	# an agent's own target over the team's: ai.a's csat_mean>=4.34
	# (missed by 4.33) over 一组's >=4.33; bo.b keeps his own >=3
	cs-agent target set 'csat_mean>=4.34' --agent ai.a
	# a team's over everyone's: 二组's sla_met_pct>=100 for cy.c
	cs-agent target set 'sla_met_pct>=100' --team 二组
	# a target on a count: 0 is a figure, so it can miss
	cs-agent target set 'qa_reviews>=2'
	run cs-report scorecard 2026-W01 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	has_row "scorecard,csat_mean,agent=ai.a,4.33,,,>=4.34,no" "$T/got.csv"
	has_row "scorecard,csat_mean,agent=bo.b,3.00,,,>=3,yes" "$T/got.csv"
	has_row "scorecard,csat_mean,agent=cy.c,,4.00,,>=4,"  "$T/got.csv"
	has_row "scorecard,sla_met_pct,agent=cy.c,100.00,0.00,,>=100,yes" \
	    "$T/got.csv"
	has_row "scorecard,sla_met_pct,agent=bo.b,33.33,0.00,,>=80,no" \
	    "$T/got.csv"
	has_row "scorecard,qa_reviews,agent=ai.a,3,0,,>=2,yes" "$T/got.csv"
	has_row "scorecard,qa_reviews,agent=bo.b,1,0,,>=2,no" "$T/got.csv"
	# in 2026-W02 cy.c resolved nothing: the count 0 misses its target,
	# the empty rates are neither met nor missed
	run cs-report scorecard 2026-W02 -f csv
	printf '%s\n' "$output" > "$T/w02.csv"
	has_row "scorecard,resolved,agent=cy.c,0,1,-100.00,," "$T/w02.csv"
	has_row "scorecard,qa_reviews,agent=cy.c,0,1,-100.00,>=2,no" \
	    "$T/w02.csv"
	has_row "scorecard,sla_met_pct,agent=cy.c,,100.00,,>=100," \
	    "$T/w02.csv"
	has_row "scorecard,reopen_rate,agent=cy.c,,0.00,,<=10," "$T/w02.csv"
}

# Candidates of a draw of 2026-W01 (resolved in the week, by the agent of
# the resolution, never reviewed): ai.a E6 E8 P1 (E1, E2 and L1 were
# reviewed), bo.b E4 E7 (E3 was), cy.c none (E5 was).
drawn() {
	cs-ticket sample "$@" -f csv | tail -n +2 | cut -d, -f2,11
}

@test "sample: per agent, shares rounded up, --type first, reviewed never drawn" {
	world
	# more than any agent has: every candidate, and nothing reviewed
	run drawn 2026-W01 --per-agent 9
	[ "$status" -eq 0 ]
	[ "$(echo "$output" | LC_ALL=C sort | tr '\n' ' ')" = \
	    "E4,bo.b E6,ai.a E7,bo.b E8,ai.a P1,ai.a " ]
	# min(N, available) of each agent
	run drawn 2026-W01 --per-agent 2
	[ "$(echo "$output" | grep -c ',ai.a$')" -eq 2 ]
	[ "$(echo "$output" | grep -c ',bo.b$')" -eq 2 ]
	# ceil(P/100 x available): 34% of 3 = 1.02 -> 2, of 2 = 0.68 -> 1;
	# 33.33% of 3 = 0.9999 -> 1; 66.67% of 3 = 2.0001 -> 3, of 2 = 1.33 ->
	# 2; 66.66% of 3 = 1.9998 -> 2; 0.01% -> 1 each; 100% all
	for s in 34%:2:1 33.33%:1:1 66.67%:3:2 66.66%:2:2 0.01%:1:1 100%:3:2 \
	    50:2:1; do
		run drawn 2026-W01 --share "${s%%:*}"
		[ "$status" -eq 0 ]
		a=${s#*:}
		[ "$(echo "$output" | grep -c ',ai.a$')" -eq "${a%%:*}" ]
		[ "$(echo "$output" | grep -c ',bo.b$')" -eq "${a#*:}" ]
	done
	# --type narrows first: consult ai.a E6 P1, bo.b E7; grumble ai.a E8
	run drawn 2026-W01 --type consult -n 9
	[ "$(echo "$output" | LC_ALL=C sort | tr '\n' ' ')" = \
	    "E6,ai.a E7,bo.b P1,ai.a " ]
	run drawn 2026-W01 --type grumble --share 100%
	[ "$output" = "E8,ai.a" ]
	run drawn 2026-W01 --type complaint --share 50%
	[ "$output" = "E4,bo.b" ]
}

@test "sample: the same seed draws the same; the default seed is the period's name" {
	world
	run drawn 2026-W01 --per-agent 1
	[ "$status" -eq 0 ]
	first=$output
	[ "$(echo "$first" | wc -l)" -eq 2 ]
	run drawn 2026-W01 --per-agent 1 --seed 2026-W01
	[ "$output" = "$first" ]
	# last-week on Saturday 2026-01-10 is 2026-W01, and so is its seed
	run drawn last-week --per-agent 1
	[ "$output" = "$first" ]
	run drawn 2026-W01 --per-agent 1
	[ "$output" = "$first" ]
	# another seed draws from the same candidates, one each
	run drawn 2026-W01 --per-agent 1 --seed 第二轮
	[ "$(echo "$output" | cut -d, -f2 | tr '\n' ' ')" = "ai.a bo.b " ]
	# a drawn ticket, once reviewed, gives way to the next of the same
	# agent; the other agent's draw does not change
	id=$(sqlite3 "$CS_DB" "SELECT id FROM ticket WHERE external_id =
	    '$(echo "$first" | grep ',bo.b$' | cut -d, -f1)'")
	CS_NOW=2026-01-10T10:00 cs-ticket review "$id" --score 88
	run drawn 2026-W01 --per-agent 1
	[ "$(echo "$output" | grep ',ai.a$')" = "$(echo "$first" | grep ',ai.a$')" ]
	b=$(echo "$output" | grep ',bo.b$')
	[ -n "$b" ] && [ "$b" != "$(echo "$first" | grep ',bo.b$')" ]
}

@test "a ticket rated again keeps its first score in the week that counted it; the year counts both; an imported score counts at its resolution, once however often imported" {
	printf 'login,name,team\nai.a,艾,一组\n' | cs-agent import - 2>/dev/null
	cs-customer add --name 甲 --code K1 >/dev/null
	csat() { cs-report "$@" -s csat -f csv --no-header | grep -E '^csat,(csat_mean|csat_scores),' | cut -d, -f2,4 | paste -sd' ' -; }
	id=$(CS_NOW=2026-11-17T09:00 cs-ticket new K1 -t consult -s 查询 -a ai.a)
	CS_NOW=2026-11-17T10:00 cs-ticket start "$id" >/dev/null
	CS_NOW=2026-11-17T11:00 cs-ticket resolve "$id" >/dev/null
	CS_NOW=2026-11-19T11:00 cs-ticket rate "$id" 2
	CS_NOW=2026-11-25T09:00 cs-ticket rate "$id" 4
	export CS_NOW=2026-11-30T09:00
	[ "$(csat 2026-W47)" = "csat_mean,2.00 csat_scores,1" ]
	[ "$(csat 2026-W48)" = "csat_mean,4.00 csat_scores,1" ]
	[ "$(csat 2026)" = "csat_mean,3.00 csat_scores,2" ]
	# the agent's figure and the scorecard follow the same scores
	[ "$(cs-report 2026-W47 -s agents -f csv --no-header | grep '^agents,csat_mean,agent=ai.a,' | cut -d, -f4)" = 2.00 ]
	[ "$(cs-report scorecard 2026-W47 -f csv --no-header | grep '^scorecard,csat_mean,agent=ai.a,' | cut -d, -f4)" = 2.00 ]
	# imported: at its resolution, 2026-11-10 (W46); imported twice, once
	printf 'external_id,customer,type,status,created_at,resolved_at,csat\nX1,K1,consult,resolved,2026-11-09T09:00,2026-11-10T09:00,5\n' > "$T/t.csv"
	cs-ticket import "$T/t.csv" 2>/dev/null
	cs-ticket import "$T/t.csv" 2>/dev/null
	[ "$(csat 2026-W46)" = "csat_mean,5.00 csat_scores,1" ]
	# corrected in the other system: the imported score is replaced
	sed -i 's/,5$/,3/' "$T/t.csv"
	cs-ticket import "$T/t.csv" 2>/dev/null
	[ "$(csat 2026-W46)" = "csat_mean,3.00 csat_scores,1" ]
	[ "$(csat 2026)" = "csat_mean,3.00 csat_scores,3" ]
}
