#!/usr/bin/env bats
# share/examples/daily-revisits.sh, the daily cron run: it plans the
# revisits after resolved tickets and N+7 after a purchase, assigns what is
# due today and writes each agent's record sheet as an Excel CSV.
load helper

SCRIPT="$BATS_TEST_DIRNAME/../../share/examples/daily-revisits.sh"

# The team and its customers; the run is on 2026-11-24 (helper.bash):
#   li.na weight 1, wang.wei weight 2, sun.li on leave today, zhang.min
#   inactive.
#   C001 王芳 owner li.na  bought 11-17: N+7 due today, to li.na (owner)
#   C002 李强              bought 11-17: N+7 due today
#   C003 张伟              bought 11-12: N+7 due 11-19, caught up
#   C004 陈静              bought 11-20: not yet
#   C005 刘洋              bought 11-17, number invalid: skipped
#   C006 赵敏              consult resolved 11-21: 工单回访 due today
#   C007 孙丽              complaint resolved 11-21: its own 投诉回访 only
#   C008 周雪 owner sun.li bought 11-17: not to sun.li, who is on leave
team() {
	cat > "$T/agents.csv" <<'CSV'
login,name,team,role,skills,weight,capacity,active
li.na,李娜,回访组,agent,回访,1,,yes
wang.wei,王伟,回访组,agent,回访,2,,yes
sun.li,孙力,回访组,agent,回访,1,,yes
zhang.min,张敏,回访组,agent,回访,1,,no
CSV
	cat > "$T/customers.csv" <<'CSV'
code,name,phone,owner,attr.purchase_date
C001,王芳,13800000001,li.na,2026-11-17
C002,李强,13800000002,,2026-11-17
C003,张伟,13800000003,,2026-11-12
C004,陈静,13800000004,,2026-11-20
C005,刘洋,13800000005,,2026-11-17
C006,赵敏,13800000006,,
C007,孙丽,13800000007,,
C008,周雪,13800000008,sun.li,2026-11-17
CSV
	cs-agent import "$T/agents.csv" 2>/dev/null
	cs-agent leave sun.li --from 2026-11-24 --to 2026-11-26 >/dev/null
	cs-customer import "$T/customers.csv" 2>/dev/null
	cs-customer invalidate C005 --reason invalid-number 2>/dev/null
	local t
	CS_NOW=2026-11-21T10:00:00
	t=$(cs-ticket new C006 --type consult --subject 发票怎么开)
	cs-ticket start "$t"
	cs-ticket resolve "$t" --resolution 已说明
	t=$(cs-ticket new C007 --type complaint --subject 配送延误)
	cs-ticket start "$t"
	cs-ticket resolve "$t" --resolution 已补偿运费
	CS_NOW=2026-11-24T09:00:00
}

# rows FILE: the rows of a sheet without the BOM, CRs and header, as
# "id customer reason due agent".
rows() {
	tail -n +2 "$1" | tr -d '\r' | cut -d, -f1,3,5,6,7 | tr , ' '
}

@test "daily-revisits.sh: POSIX sh, set -eu, its crontab line at the top" {
	sh -n "$SCRIPT"
	head -n 1 "$SCRIPT" | grep -qx '#!/bin/sh'
	grep -qx 'set -eu' "$SCRIPT"
	sed -n '2,/^set -eu$/p' "$SCRIPT" |
	    grep -Eq '^#  +[0-9]+ [0-9]+ \* \* [0-9-]+ +.*daily-revisits\.sh '
	grep -q 'cs-agent list -f csv --no-header --active | cut -d, -f1' \
	    "$SCRIPT"
	grep -Eq '^[[:space:]]*# mail ' "$SCRIPT"
	run sh "$SCRIPT"
	[ "$status" -eq 2 ]
	[[ "$output" == *"usage: daily-revisits.sh DIR"* ]]
}

@test "daily-revisits.sh plans, assigns and writes each agent's Excel sheet" {
	team
	run sh "$SCRIPT" "$T/今天"
	[ "$status" -eq 0 ]
	[[ "$output" == *"planned 4, already planned 0, skipped invalid contact 1,"* ]]
	[[ "$output" == *"assigned 6 tasks, 0 left unassigned"* ]]

	# one sheet per active agent with calls to make
	[ "$(cd "$T/今天" && ls | sort | paste -sd' ' -)" = \
	    "分配.csv 回访记录表-li.na.csv 回访记录表-wang.wei.csv" ]

	# Excel CSV: BOM, CRLF, the sheet's columns, whole phone numbers kept
	# as text
	f="$T/今天/回访记录表-li.na.csv"
	[ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' ')" = efbbbf ]
	[ "$(grep -c $'\r$' "$f")" -eq "$(wc -l < "$f")" ]
	[ "$(head -n 1 "$f" | tr -d '\r')" = \
	    $'\xef\xbb\xbfid,customer_id,customer,phone,reason,due,agent,status,attempts,last_result,last_score,last_note,result,score,note' ]
	grep -qF ',"=""13800000001""",' "$f"
	run grep -cF '****' "$f"
	[ "$output" = 0 ]

	# the complaint keeps its own revisit; the owner gets their customer;
	# the rest by (open + 1) / weight, ties by login
	run rows "$T/今天/回访记录表-li.na.csv"
	[ "$output" = "1 孙丽 投诉回访 2026-11-24 li.na
3 王芳 N+7回访 2026-11-24 li.na" ]
	run rows "$T/今天/回访记录表-wang.wei.csv"
	[ "$output" = "5 张伟 N+7回访 2026-11-19 wang.wei
2 赵敏 工单回访 2026-11-24 wang.wei
4 李强 N+7回访 2026-11-24 wang.wei
6 周雪 N+7回访 2026-11-24 wang.wei" ]
	# the day's sheet: every call and who makes it, phones masked
	[ "$(head -c 3 "$T/今天/分配.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]
	run rows "$T/今天/分配.csv"
	[ "$output" = "1 孙丽 投诉回访 2026-11-24 li.na
3 王芳 N+7回访 2026-11-24 li.na
5 张伟 N+7回访 2026-11-19 wang.wei
2 赵敏 工单回访 2026-11-24 wang.wei
4 李强 N+7回访 2026-11-24 wang.wei
6 周雪 N+7回访 2026-11-24 wang.wei" ]
	grep -qF ',138****0001,' "$T/今天/分配.csv"
	# not the customer who did not buy yet, nor the invalid number
	run cat "$T"/今天/*.csv
	[[ "$output" != *陈静* && "$output" != *刘洋* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM revisit')" -eq 6 ]
}

@test "daily-revisits.sh run twice writes the same sheets and plans nothing new" {
	team
	sh "$SCRIPT" "$T/a" 2>/dev/null
	run sh "$SCRIPT" "$T/b"
	[ "$status" -eq 0 ]
	[[ "$output" == *"planned 0, already planned 4, skipped invalid contact 1, skipped merged or erased 0 (nothing new)"* ]]
	[[ "$output" == *"assigned 0 tasks, 0 left unassigned"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM revisit')" -eq 6 ]
	cmp "$T/a/回访记录表-li.na.csv" "$T/b/回访记录表-li.na.csv"
	cmp "$T/a/回访记录表-wang.wei.csv" "$T/b/回访记录表-wang.wei.csv"
	# the day's sheet too, though the second assign gave out nothing
	cmp "$T/a/分配.csv" "$T/b/分配.csv"
	[ "$(tail -n +2 "$T/b/分配.csv" | wc -l)" -eq 6 ]
}

@test "daily-revisits.sh: a task nobody can take is on the day's sheet with no agent, run after run" {
	team
	cs-agent update li.na --capacity 1 >/dev/null
	cs-agent update wang.wei --capacity 2 >/dev/null
	run sh "$SCRIPT" "$T/a"
	[ "$status" -eq 0 ]
	[[ "$output" == *"assigned 3 tasks, 3 left unassigned"* ]]
	# calls per agent, '-' for none
	[ "$(tail -n +2 "$T/a/分配.csv" | cut -d, -f7 | sed 's/^$/-/' |
	    sort | uniq -c | awk '{ print $2 "=" $1 }' | paste -sd' ' -)" = \
	    "-=3 li.na=1 wang.wei=2" ]
	sh "$SCRIPT" "$T/b" 2>/dev/null
	cmp "$T/a/分配.csv" "$T/b/分配.csv"
}

@test "a filled-in sheet imports once; a no-answer comes back on the next day's sheet" {
	team
	sh "$SCRIPT" "$T/24" 2>/dev/null
	# li.na reached 孙丽 (task 1) and got no answer from 王芳 (task 3):
	# result is column 13 of the sheet, score 14
	awk -F, -v OFS=, '$1 == 1 { $13 = "reached"; $14 = 5 }
	    $1 == 3 { $13 = "no-answer" } { print }' \
	    "$T/24/回访记录表-li.na.csv" > "$T/filled.csv"
	run cs-revisit import "$T/filled.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 2, updated 0, unchanged 0,"* ]]
	run cs-revisit import "$T/filled.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 0, updated 0, unchanged 2,"* ]]
	# the same day again: nothing left on li.na's sheet (task 3 is due
	# tomorrow), so she gets none
	sh "$SCRIPT" "$T/24bis" 2>/dev/null
	[ ! -e "$T/24bis/回访记录表-li.na.csv" ]
	[ -e "$T/24bis/回访记录表-wang.wei.csv" ]
	# the next day: the retry is back, as the second attempt
	CS_NOW=2026-11-25T09:00:00 sh "$SCRIPT" "$T/25" 2>/dev/null
	run rows "$T/25/回访记录表-li.na.csv"
	[ "$output" = "3 王芳 N+7回访 2026-11-25 li.na" ]
	grep -q ',open,1,no-answer,' "$T/25/回访记录表-li.na.csv"
}
