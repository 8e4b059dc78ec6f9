#!/usr/bin/env bats
# Quality reviews (质检): the random spot-check sample, scoring forms and
# reviews; every refusal with its exit status, its message and the
# database unchanged.
bats_require_minimum_version 1.5.0
load helper

# ---- the fixture ------------------------------------------------------------
#
# Resolved in 2026-W47 (ids in import order):
#   li.na     1..10 consult (L01..L10), 11 complaint (L11)
#   wang.wei  12..14 consult (W01..W03)
#   zhang.min 15 tech (Z01)
# Not to be drawn: 16 resolved in W47 by nobody (imported without an
# assignee), 17 resolved in W46, 18 resolved in W47 but reopened since,
# 19 still open.
setup_file() {
	export TZ=Asia/Shanghai CS_USER=tester
	unset XDG_DATA_HOME CS_BUSY_TIMEOUT LANG
	(
		set -e
		export CS_DB="$BATS_FILE_TMPDIR/fixture/cs.db"
		export CS_NOW=2026-11-24T09:00:00
		cat > "$BATS_FILE_TMPDIR/agents.csv" <<-'CSV'
		login,name,team,role
		li.na,李娜,售后组,agent
		wang.wei,王伟,售后组,agent
		zhang.min,张敏,技术组,agent
		chen.qa,陈静,质检组,reviewer
		CSV
		cs-agent import "$BATS_FILE_TMPDIR/agents.csv"
		cs-customer add --name 王芳 --phone 13812345678 --code C1
		{
			echo external_id,customer,type,status,assignee,subject,created_at,first_response_at,resolved_at
			for i in 01 02 03 04 05 06 07 08 09 10; do
				d=$((16 + (10#$i - 1) % 6))
				echo "L$i,C1,consult,,li.na,咨询$i,2026-11-${d}T09:00,2026-11-${d}T09:10,2026-11-${d}T10:00"
			done
			echo "L11,C1,complaint,,li.na,投诉,2026-11-20T09:00,2026-11-20T09:10,2026-11-20T12:00"
			for i in 1 2 3; do
				d=$((16 + i))
				echo "W0$i,C1,consult,,wang.wei,咨询,2026-11-${d}T13:00,2026-11-${d}T13:10,2026-11-${d}T18:00"
			done
			echo "Z01,C1,tech,,zhang.min,登录,2026-11-18T09:00,2026-11-18T09:10,2026-11-18T11:00"
			echo "N01,C1,consult,,,无人,2026-11-18T09:00,2026-11-18T09:10,2026-11-18T11:00"
			echo "O01,C1,consult,,li.na,上周,2026-11-12T09:00,2026-11-12T09:10,2026-11-12T11:00"
			echo "R01,C1,consult,reopened,li.na,重开,2026-11-18T09:00,2026-11-18T09:10,2026-11-18T11:00"
			echo "U01,C1,consult,,li.na,未完,2026-11-18T09:00,2026-11-18T09:10,"
		} > "$BATS_FILE_TMPDIR/tickets.csv"
		cs-ticket import "$BATS_FILE_TMPDIR/tickets.csv"
		[ "$(sqlite3 "$CS_DB" "SELECT group_concat(id || external_id, ' ') FROM ticket WHERE id > 14")" = "15Z01 16N01 17O01 18R01 19U01" ]
		cs-ticket qa-form set 标准 礼貌用语=20 问题解决=50 记录完整=30
	) > "$BATS_FILE_TMPDIR/fixture.log" 2>&1 || {
		cat "$BATS_FILE_TMPDIR/fixture.log"
		return 1
	}
}

world() {
	fixture_db
}

# expect SEED K|P% EXCLUDED AGENT:IDS...: the sample as cs-ticket(1)
# documents it, computed here independently: each agent's candidates
# ordered by FNV-1a 64 of the seed plus id x 0x9e3779b97f4a7c15 through
# the splitmix64 finaliser (ties by id), the first k taken (k = N, or
# ceil(P / 100 x available)); the ids by agent, then id, one a line.
expect() {
	python3 - "$@" <<'PY'
import sys
M = (1 << 64) - 1
def h(seed, i):
    x = 14695981039346656037
    for b in seed.encode():
        x = ((x ^ b) * 1099511628211) & M
    z = (x + i * 0x9e3779b97f4a7c15) & M
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M
    return z ^ (z >> 31)
seed, k, excluded = sys.argv[1], sys.argv[2], sys.argv[3].split(',')
out = []
for group in sys.argv[4:]:
    ids = [int(x) for x in group.split(':')[1].split(',') if x not in excluded]
    n = len(ids)
    if k.endswith('%'):
        p = float(k[:-1])
        take = -(-int(round(p * 100)) * n // 10000)
    else:
        take = min(int(k), n)
    out += sorted(sorted(ids, key=lambda i: (h(seed, i), i))[:take])
print('\n'.join(str(i) for i in out))
PY
}
LINA=li.na:1,2,3,4,5,6,7,8,9,10,11
WANG=wang.wei:12,13,14
ZHANG=zhang.min:15

ids() {
	cut -d, -f1 | tail -n +2
}

@test "sample: the same seed draws the same tickets, by the documented hash" {
	world
	before=$(dbsum)
	run cs-ticket sample 2026-W47 --per-agent 2 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/a.csv"
	# a ticket list: the columns of cs-ticket list
	[ "${lines[0]}" = "$(cs-ticket list -f csv | head -n 1)" ]
	[ "$(ids < "$T/a.csv")" = "$(expect 2026-W47 2 - $LINA $WANG $ZHANG)" ]
	# 2 + 2 + 1
	[ "$(cut -d, -f11 "$T/a.csv" | tail -n +2 | uniq -c | awk '{print $1 $2}' | paste -sd' ')" = "2li.na 2wang.wei 1zhang.min" ]
	# again, and as last-week on 11-24 (the default seed is the period's
	# name): the same
	run cs-ticket sample 2026-W47 --per-agent 2 -f csv
	[ "$output" = "$(cat "$T/a.csv")" ]
	run cs-ticket sample last-week --per-agent 2 -f csv
	[ "$output" = "$(cat "$T/a.csv")" ]
	run cs-ticket sample 2026-W47 --per-agent 2 --seed 2026-W47 -f csv
	[ "$output" = "$(cat "$T/a.csv")" ]
	# another seed, another draw
	run cs-ticket sample 2026-W47 --per-agent 2 --seed 第二轮 -f csv
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | ids)" = "$(expect 第二轮 2 - $LINA $WANG $ZHANG)" ]
	[ "$output" != "$(cat "$T/a.csv")" ]
	# drawing writes nothing
	[ "$(dbsum)" = "$before" ]
}

@test "sample: --share takes P% of each agent's tickets, rounded up; --type narrows first" {
	world
	# 25%: li.na ceil(2.75) = 3, wang.wei ceil(0.75) = 1, zhang.min
	# ceil(0.25) = 1
	run cs-ticket sample 2026-W47 --share 25% -f csv
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | ids)" = "$(expect 2026-W47 25% - $LINA $WANG $ZHANG)" ]
	[ "$(printf '%s\n' "$output" | ids | wc -l)" -eq 5 ]
	# 10 (the % sign is optional): li.na ceil(1.1) = 2, the others 1
	run cs-ticket sample 2026-W47 --share 10 -f csv
	[ "$(printf '%s\n' "$output" | ids | wc -l)" -eq 4 ]
	[ "$(printf '%s\n' "$output" | ids)" = "$(expect 2026-W47 10% - $LINA $WANG $ZHANG)" ]
	# 100%: every candidate, and none of the others (16 by nobody, 17 of
	# W46, 18 reopened, 19 open)
	run cs-ticket sample 2026-W47 --share 100% -f csv
	[ "$(printf '%s\n' "$output" | ids | paste -sd' ')" = "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15" ]
	# more than there is: all of them
	run cs-ticket sample 2026-W47 --per-agent 50 -f csv
	[ "$(printf '%s\n' "$output" | ids | wc -l)" -eq 15 ]
	# complaints only: li.na's one
	run cs-ticket sample 2026-W47 --per-agent 5 --type complaint -f csv
	[ "$(printf '%s\n' "$output" | ids)" = 11 ]
	# an empty week is an empty list
	run cs-ticket sample 2026-W30 --per-agent 5 -f csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 1 ]
}

@test "sample: a re-run leaves out what was reviewed and keeps the rest of the draw" {
	world
	run cs-ticket sample 2026-W47 --per-agent 2 -f csv
	first=$(printf '%s\n' "$output" | ids | head -n 1)
	CS_USER=chen.qa cs-ticket review "$first" --score 88
	run cs-ticket sample 2026-W47 --per-agent 2 -f csv
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | ids)" = "$(expect 2026-W47 2 "$first" $LINA $WANG $ZHANG)" ]
	! printf '%s\n' "$output" | ids | grep -qx "$first"
	# li.na still has two; the other of the first draw stays
	[ "$(printf '%s\n' "$output" | grep -c ',li\.na,')" -eq 2 ]
	# the JSON list is an array of ticket objects
	run cs-ticket sample 2026-W47 --per-agent 1 -f json
	[ "$(printf '%s\n' "$output" | jq -r '.[0] | (.id | type) + " " + .status')" = "number resolved" ]
}

@test "sample: a missing or bad size, share or period is a usage error" {
	world
	before=$(dbsum)
	for args in "2026-W47" "2026-W47 --per-agent 2 --share 5%" \
	    "2026-W47 --per-agent 0" "2026-W47 --per-agent x" \
	    "2026-W47 --share 0%" "2026-W47 --share 101%" \
	    "2026-W47 --share abc" "2026-W47 --share 5.555%" \
	    "2026-W99 --per-agent 1" "--per-agent 1" \
	    "2026-W47 2026-W46 --per-agent 1"; do
		# shellcheck disable=SC2086
		run cs-ticket sample $args
		echo "# $args: $status $output"
		[ "$status" -eq 2 ]
		[[ $output == "cs-ticket: "* ]]
	done
	[ "$(dbsum)" = "$before" ]
}

@test "sample: a type that is no ticket type is refused, as cs-report does" {
	world
	before=$(dbsum)
	run cs-ticket sample 2026-W47 -n 1 -t nope -f csv
	[ "$status" -eq 65 ]
	[ "$output" = "cs-ticket: sample: --type nope: unknown type (consult, complaint, grumble, tech, aftersales, or one added with cs-ticket type add)" ]
	# a known type without tickets in the week is an empty list
	run cs-ticket sample 2026-W47 -n 1 -t grumble -f csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 1 ]
	[ "$(dbsum)" = "$before" ]
}

@test "sample draws from the tickets that list --resolved and the report count" {
	world
	# 1..15 and 16 (by nobody) and 18 (reopened since) were resolved in
	# W47: 17 resolutions; sample leaves out 16 and 18
	run cs-ticket list --resolved 2026-W47 -f csv
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | ids | paste -sd' ')" = "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 18" ]
	run cs-report 2026-W47 -s tickets -f csv
	[[ $output == *$'\n'tickets,resolved,,17,* ]]
	run cs-ticket sample 2026-W47 --share 100% -f csv
	[ "$(printf '%s\n' "$output" | ids | paste -sd' ')" = "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15" ]
}

@test "qa-form: set and list; bad forms are refused with nothing written" {
	world
	run cs-ticket qa-form list -f csv
	[ "$status" -eq 0 ]
	[ "$output" = "form,item,max
标准,礼貌用语,20
标准,问题解决,50
标准,记录完整,30" ]
	cs-ticket qa-form set 简版 态度=40 结果=60
	run cs-ticket qa-form list 简版 -f csv --no-header
	[ "$output" = "简版,态度,40
简版,结果,60" ]
	# set again: the items are replaced
	cs-ticket qa-form set 简版 态度=50 结果=50
	run cs-ticket qa-form list 简版 -f csv --no-header
	[ "$output" = "简版,态度,50
简版,结果,50" ]
	run cs-ticket qa-form list 没有 -f csv
	[ "$status" -eq 1 ]
	before=$(dbsum)
	while IFS='|' read -r args msg; do
		eval "run cs-ticket qa-form set $args"
		echo "# $args: $status $output"
		[ "$status" -eq 65 ]
		[ "$output" = "cs-ticket: qa-form: $msg" ]
	done <<-'BAD'
	新版 态度=40 结果=55|the maxima sum to 95, not 100
	新版 态度=40 结果=61|the maxima sum to 101, not 100
	新版 态度=abc 结果=60|'态度=abc': a maximum is a whole number from 1 to 100
	新版 态度=0 结果=100|'态度=0': a maximum is a whole number from 1 to 100
	新版 态度=-10 结果=110|'态度=-10': a maximum is a whole number from 1 to 100
	新版 态度=40 态度=60|item '态度' is given twice
	新版 态度 结果=100|'态度' is no ITEM=MAX
	新版 =40 结果=60|'=40': the item's name is empty
	新版|give the items as ITEM=MAX, e.g. 礼貌用语=20 ... (the maxima sum to 100)
	BAD
	[ "$(dbsum)" = "$before" ]
	run cs-ticket qa-form set
	[ "$status" -eq 2 ]
	run cs-ticket qa-form rename 标准
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}

@test "review: the total is the sum of the items; an event on the timeline" {
	world
	export CS_USER=chen.qa
	run cs-ticket review 3 --form 标准 --item 礼貌用语=18 --item 问题解决=45 \
	    --item 记录完整=27 --note 解释清楚
	[ "$status" -eq 0 ]
	[ "$output" = 90 ]
	run cs-ticket show 3 -f tsv
	printf '%s\n' "${lines[@]}" | grep -qxF "$(printf 'timeline\t2026-11-24T09:00:00+08:00\tchen.qa review qa_score:  → 90 — chen.qa · 礼貌用语 18/20, 问题解决 45/50, 记录完整 27/30 (标准) · 解释清楚')"
	# items as words after the id, or with commas; all zeros is a score
	run cs-ticket review 4 --form 标准 礼貌用语=0 问题解决=0 记录完整=0
	[ "$output" = 0 ]
	run cs-ticket review 5 --form 标准 -i 礼貌用语=20,问题解决=50,记录完整=30
	[ "$output" = 100 ]
	# a total without a form; someone else recorded as the reviewer
	run cs-ticket review 12 --score 75 --reviewer zhang.min
	[ "$status" -eq 0 ]
	[ "$output" = 75 ]
	[ "$(sqlite3 "$CS_DB" "SELECT ticket_id || ':' || score || ':' || reviewer || ':' || coalesce(form, '-') FROM v_reviews ORDER BY id" | paste -sd' ')" = \
	    "3:90:chen.qa:标准 4:0:chen.qa:标准 5:100:chen.qa:标准 12:75:zhang.min:-" ]
}

@test "review: once per ticket unless --replace, which keeps both on the timeline" {
	world
	export CS_USER=chen.qa
	cs-ticket review 3 --score 80 >/dev/null
	before=$(dbsum)
	run cs-ticket review 3 --score 60
	[ "$status" -eq 65 ]
	[ "$output" = "cs-ticket: review 3: ticket 3 was reviewed by chen.qa on 2026-11-24 (score 80): give --replace to review it again" ]
	[ "$(dbsum)" = "$before" ]
	CS_NOW=2026-11-24T10:00 run cs-ticket review 3 --replace --form 标准 \
	    --item 礼貌用语=10,问题解决=40,记录完整=20
	[ "$status" -eq 0 ]
	[ "$output" = 70 ]
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) || ':' || max(score) FROM qa_review WHERE ticket_id = 3")" = 1:70 ]
	run cs-ticket show 3 -f csv
	[[ $output == *"chen.qa review qa_score:  → 80 — chen.qa"* ]]
	[[ $output == *"chen.qa review qa_score: 80 → 70 — chen.qa · 礼貌用语 10/20"* ]]
}

@test "review: bad points, unknown items, self-review and open tickets are refused, nothing written" {
	world
	export CS_USER=chen.qa
	cs-ticket review 14 --score 90 >/dev/null
	before=$(dbsum)
	while IFS='|' read -r who args msg; do
		eval "CS_USER=$who run cs-ticket review $args"
		echo "# $who $args: $status $output"
		[ "$status" -eq 65 ]
		[ "$output" = "cs-ticket: review $msg" ]
	done <<-'BAD'
	chen.qa|3 --form 标准 --item 礼貌用语=25,问题解决=45,记录完整=27|3: 礼貌用语: 25 is more than its maximum 20
	chen.qa|3 --form 标准 --item 礼貌用语=-1,问题解决=45,记录完整=27|3: 礼貌用语: points are a whole number from 0 to 20 (-1)
	chen.qa|3 --form 标准 --item 礼貌用语=abc,问题解决=45,记录完整=27|3: 礼貌用语: points are a whole number from 0 to 20 (abc)
	chen.qa|3 --form 标准 --item 礼貌用语=1.5,问题解决=45,记录完整=27|3: 礼貌用语: points are a whole number from 0 to 20 (1.5)
	chen.qa|3 --form 标准 --item 礼貌用语=,问题解决=45,记录完整=27|3: 礼貌用语: points are a whole number from 0 to 20 ()
	chen.qa|3 --form 标准 --item 态度=10,问题解决=45,记录完整=27|3: form 标准 has no item '态度' (its items: 礼貌用语, 问题解决, 记录完整)
	chen.qa|3 --form 标准 --item 问题解决=45|3: every item of form 标准 is scored: missing 礼貌用语, 记录完整
	chen.qa|3 --form 标准 --item 礼貌用语=1,礼貌用语=2,问题解决=45,记录完整=27|3: item '礼貌用语' is scored twice
	chen.qa|3 --form 标准 --item 礼貌用语|3: --item '礼貌用语' is no ITEM=POINTS
	chen.qa|3 --form 没有 --item 礼貌用语=1|3: no form '没有' (see cs-ticket qa-form list)
	chen.qa|3 --score 101|3: --score: a whole number from 0 to 100 (101)
	chen.qa|3 --score -5|3: --score: a whole number from 0 to 100 (-5)
	chen.qa|3 --score 八十|3: --score: a whole number from 0 to 100 (八十)
	chen.qa|3 --score 9x|3: --score: a whole number from 0 to 100 (9x)
	li.na|3 --score 90|3: ticket 3 was resolved by li.na, who cannot review it: a review is by somebody else
	chen.qa|3 --score 90 --reviewer li.na|3: ticket 3 was resolved by li.na, who cannot review it: a review is by somebody else
	chen.qa|19 --score 90|19: ticket 19 is open: only resolved or closed tickets are reviewed
	chen.qa|18 --score 90|18: ticket 18 is reopened: only resolved or closed tickets are reviewed
	BAD
	[ "$(dbsum)" = "$before" ]
	# the form and the score are one or the other; items go with a form
	for args in "3" "3 --form 标准 --score 90" "3 --score 90 --item 礼貌用语=1" \
	    "x --score 90" "--score 90" "3 4 --score 90"; do
		# shellcheck disable=SC2086
		run cs-ticket review $args
		echo "# $args: $status $output"
		[ "$status" -eq 2 ]
	done
	[ "$(dbsum)" = "$before" ]
}
