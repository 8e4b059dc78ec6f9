#!/usr/bin/env bats
# cs-report scorecard and the qa section of the periodic reports, checked
# figure by figure against a small fixture computed by hand; the targets
# of cs-agent: most specific first, equal is met, undefined is neither.
bats_require_minimum_version 1.5.0
load helper

# ---- the fixture ------------------------------------------------------------
#
# tests/data/qa: li.na and wang.wei (a supervisor) of 售后组, zhang.min of
# 技术组, zhao.lei (技术组, inactive, no work), chen.qa (质检组, reviewer).
# SLA, 24x7: consult normal 24h, complaint normal 48h (grumble and tech
# have none).  Tickets (created, first response, resolved):
#
#   W46  P1 li.na    consult  11-10 09:00  +30m  +2h   csat 4
#        P2 wang.wei consult  11-11 09:00  +1h   +27h  csat 2 (SLA missed)
#   W47  T1 li.na    consult  11-16 09:00  +30m  +4h   csat 5
#        T2 li.na    consult  11-17 10:00  +1h   +30h  csat 3 (SLA missed)
#        T3 li.na    complaint 11-18 09:00 +15m  +24h  imported reopened once
#        T4 li.na    grumble  11-19 14:00  +20m  +1h
#        T5 wang.wei consult  11-16 10:00  +10m  +2h   csat 4
#        T6 wang.wei consult  11-20 09:00  +20m  +24h  csat 5 (just in time)
#        T7 zhang.min tech    11-17 09:00  +5m   +1h
#        T8 zhang.min tech    11-20 09:00, still open
#
# Form 标准: 礼貌用语 20, 问题解决 50, 记录完整 30.  Reviews by chen.qa:
#   P1 --score 80 on 11-17 (W47)      T1 18+45+27 = 90 on 11-20
#   T2 20+30+20 = 70 on 11-20         T5 10+50+30 = 90 on 11-21
#   T3 --score 60 on 11-24 (W48: after the week, still li.na's W47 work)
# Revisits (planned for W47, owners li.na, wang.wei, li.na): C1 reached
# 11-18 (li.na), C2 reached 11-19 (wang.wei), C3 refused 11-19 (li.na).

setup_file() {
	export TZ=Asia/Shanghai CS_USER=tester
	unset XDG_DATA_HOME CS_BUSY_TIMEOUT LANG
	local data="$BATS_TEST_DIRNAME/../data/qa"
	(
		set -e
		export CS_DB="$BATS_FILE_TMPDIR/fixture/cs.db"
		export CS_NOW=2026-11-01T09:00:00
		tid() {
			sqlite3 "$CS_DB" "SELECT id FROM ticket WHERE external_id = '$1'"
		}
		task() {
			sqlite3 "$CS_DB" "SELECT v.id FROM revisit v JOIN customer c
			    ON c.id = v.customer_id WHERE c.code = '$1'"
		}
		cs-agent import "$data/agents.csv"
		cs-customer import "$data/customers.csv"
		cs-ticket sla set consult normal --first-response 4h \
		    --resolution 24h --calendar 24x7
		cs-ticket sla set complaint normal --first-response 2h \
		    --resolution 48h --calendar 24x7
		cs-ticket import "$data/tickets.csv"
		cs-ticket qa-form set 标准 礼貌用语=20 问题解决=50 记录完整=30
		export CS_USER=chen.qa
		CS_NOW=2026-11-17T10:00 cs-ticket review "$(tid P1)" --score 80
		CS_NOW=2026-11-20T10:00 cs-ticket review "$(tid T1)" --form 标准 \
		    --item 礼貌用语=18 --item 问题解决=45 --item 记录完整=27
		CS_NOW=2026-11-20T11:00 cs-ticket review "$(tid T2)" --form 标准 \
		    礼貌用语=20 问题解决=30 记录完整=20
		CS_NOW=2026-11-21T10:00 cs-ticket review "$(tid T5)" --form 标准 \
		    --item 礼貌用语=10,问题解决=50,记录完整=30
		CS_NOW=2026-11-24T08:00 cs-ticket review "$(tid T3)" --score 60 \
		    --note 安抚到位
		export CS_USER=tester CS_NOW=2026-11-16T09:00
		printf 'code\nC1\nC2\nC3\n' |
		    cs-revisit plan --reason 回访 --period 2026-W47 -
		cs-revisit assign >/dev/null
		CS_NOW=2026-11-18T10:00 cs-revisit log "$(task C1)" --result reached
		CS_NOW=2026-11-19T10:00 cs-revisit log "$(task C2)" --result reached
		CS_NOW=2026-11-19T11:00 cs-revisit log "$(task C3)" --result refused
		[ "$(sqlite3 "$CS_DB" "SELECT group_concat(c.code || ':' ||
		    a.login || ':' || v.status, ' ') FROM revisit v JOIN customer c
		    ON c.id = v.customer_id JOIN agent a ON a.id = v.agent_id")" = \
		    "C1:li.na:done C2:wang.wei:done C3:li.na:failed" ]
	) > "$BATS_FILE_TMPDIR/fixture.log" 2>&1 || {
		cat "$BATS_FILE_TMPDIR/fixture.log"
		return 1
	}
}

world() {
	fixture_db
}

# The scorecard of 2026-W47 against 2026-W46, by hand.
#
# li.na W47: T1 T2 T3 T4 resolved = 4.  First responses 15m 20m 30m 1h:
# median (20m + 30m) / 2 = 25m = 0.4167 -> 0.42.  Resolution 1h 4h 24h
# 30h: median 14.00.  SLA: T1 T2 T3 have a target, T2 missed -> 2/3 =
# 66.67.  Reopened: T3 -> 1/4 = 25.00.  CSAT given in W47 on her tickets:
# 5, 3 -> 4.00.  Reviews of T1 T2 T3 (T3's made in W48 counts: review
# follows the work): 3, (90 + 70 + 60) / 3 = 73.33.  Revisits finished: C1
# reached, C3 refused -> 2, 50.00.
# li.na W46: P1: 1, 0.50, 2.00, 100.00, 0.00, 4.00; P1's review (made in
# W47) is W46 work: 1, 80.00; no revisits: 0, empty.
# Changes: 4/1 300.00; 0.42/0.50 -16.00; 14/2 600.00; 66.67/100 -33.33;
# 25/0 none; 4/4 0.00; 3/1 200.00; (73.33 - 80) / 80 = -8.3375 -> -8.34.
#
# wang.wei W47: T5 T6: 2; 10m 20m -> 0.25; 2h 24h -> 13.00; 2/2 (T6 at
# its target exactly) 100.00; 0.00; (4 + 5) / 2 = 4.50; T5 reviewed: 1,
# 90.00; C2 reached: 1, 100.00.  W46: P2: 1, 1.00, 27.00, 0.00, 0.00,
# 2.00, 0 reviews.  Changes: 100.00, -75.00, (13 - 27) / 27 = -51.85, then
# none where W46 was 0 or empty, 4.50/2.00 125.00.
#
# zhang.min W47: T7: 1; 5m = 0.0833 -> 0.08; 1.00; no SLA target (tech):
# empty; 0.00; no score: empty; no review: 0, empty; 0 revisits.  W46:
# nothing: 0, the rest empty.
#
# Not listed: zhao.lei (inactive), chen.qa (a reviewer with no tickets).
#
# Targets (below): everyone sla_met_pct>=80, csat_mean>=4,
# qa_score_mean>=75, revisit_success_rate>=60,
# first_response_median_h<=0.25; 售后组 qa_score_mean>=73.33; 技术组
# resolved>=2; li.na resolution_median_h<=14; wang.wei reopen_rate<=0.
# The most specific applies; equal is met; an empty value is neither.
scorecard_w47() {
	cat <<'CSV'
section,metric,key,value,previous,change_pct,target,met
scorecard,resolved,agent=li.na,4,1,300.00,,
scorecard,first_response_median_h,agent=li.na,0.42,0.50,-16.00,<=0.25,no
scorecard,resolution_median_h,agent=li.na,14.00,2.00,600.00,<=14,yes
scorecard,sla_met_pct,agent=li.na,66.67,100.00,-33.33,>=80,no
scorecard,reopen_rate,agent=li.na,25.00,0.00,,,
scorecard,csat_mean,agent=li.na,4.00,4.00,0.00,>=4,yes
scorecard,qa_reviews,agent=li.na,3,1,200.00,,
scorecard,qa_score_mean,agent=li.na,73.33,80.00,-8.34,>=73.33,yes
scorecard,revisits_finished,agent=li.na,2,0,,,
scorecard,revisit_success_rate,agent=li.na,50.00,,,>=60,no
scorecard,resolved,agent=wang.wei,2,1,100.00,,
scorecard,first_response_median_h,agent=wang.wei,0.25,1.00,-75.00,<=0.25,yes
scorecard,resolution_median_h,agent=wang.wei,13.00,27.00,-51.85,,
scorecard,sla_met_pct,agent=wang.wei,100.00,0.00,,>=80,yes
scorecard,reopen_rate,agent=wang.wei,0.00,0.00,,<=0,yes
scorecard,csat_mean,agent=wang.wei,4.50,2.00,125.00,>=4,yes
scorecard,qa_reviews,agent=wang.wei,1,0,,,
scorecard,qa_score_mean,agent=wang.wei,90.00,,,>=73.33,yes
scorecard,revisits_finished,agent=wang.wei,1,0,,,
scorecard,revisit_success_rate,agent=wang.wei,100.00,,,>=60,yes
scorecard,resolved,agent=zhang.min,1,0,,>=2,no
scorecard,first_response_median_h,agent=zhang.min,0.08,,,<=0.25,yes
scorecard,resolution_median_h,agent=zhang.min,1.00,,,,
scorecard,sla_met_pct,agent=zhang.min,,,,>=80,
scorecard,reopen_rate,agent=zhang.min,0.00,,,,
scorecard,csat_mean,agent=zhang.min,,,,>=4,
scorecard,qa_reviews,agent=zhang.min,0,0,,,
scorecard,qa_score_mean,agent=zhang.min,,,,>=75,
scorecard,revisits_finished,agent=zhang.min,0,0,,,
scorecard,revisit_success_rate,agent=zhang.min,,,,>=60,
CSV
}

targets() {
	cs-agent target set 'sla_met_pct>=80'
	cs-agent target set 'csat_mean >= 4'
	cs-agent target set 'qa_score_mean>=75'
	cs-agent target set 'revisit_success_rate>=60'
	cs-agent target set 'first_response_median_h<=0.25'
	cs-agent target set 'qa_score_mean>=73.33' --team 售后组
	cs-agent target set 'resolved>=2' --team 技术组
	cs-agent target set 'resolution_median_h<=14' --agent li.na
	cs-agent target set 'reopen_rate<=0' --agent wang.wei
}

@test "scorecard 2026-W47: every figure, target and verdict, in blocks per agent" {
	world
	targets
	scorecard_w47 > "$T/expected.csv"
	run cs-report scorecard 2026-W47 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/got.csv"
	same_rows "$T/expected.csv" "$T/got.csv"
	# one block per agent, the metrics in their order
	[ "$(cut -d, -f3 "$T/got.csv" | uniq | paste -sd' ')" = \
	    "key agent=li.na agent=wang.wei agent=zhang.min" ]
	[ "$(sed -n '2,11p' "$T/got.csv" | cut -d, -f2 | paste -sd' ')" = \
	    "resolved first_response_median_h resolution_median_h sla_met_pct reopen_rate csat_mean qa_reviews qa_score_mean revisits_finished revisit_success_rate" ]
	# the periodic report's command still takes a period alone
	run cs-report 2026-W47 -f csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = section,metric,key,value,previous,change_pct ]
	# a range is the same week; --team keeps the team's agents
	run cs-report scorecard --from 2026-11-16 --to 2026-11-23 -f csv
	[ "$output" = "$(cat "$T/got.csv")" ]
	run cs-report scorecard 2026-W47 --team 售后组 -f csv
	[ "$status" -eq 0 ]
	[ "$output" = "$(grep -v zhang.min "$T/got.csv")" ]
	run cs-report scorecard 2026-W47 --agent zhang.min -f csv --no-header
	[ "$output" = "$(grep zhang.min "$T/got.csv")" ]
}

@test "scorecard: json has met as a boolean or null, tsv and jsonl the same rows" {
	world
	targets
	run cs-report scorecard 2026-W47 -f json
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/sc.json"
	[ "$(jq length "$T/sc.json")" -eq 30 ]
	[ "$(jq -c '.[] | select(.key == "agent=li.na" and .metric == "qa_score_mean") | [.value, .previous, .change_pct, .target, .met]' "$T/sc.json")" = \
	    '[73.33,80,-8.34,">=73.33",true]' ]
	[ "$(jq -c '.[] | select(.key == "agent=zhang.min" and .metric == "sla_met_pct") | [.value, .target, .met]' "$T/sc.json")" = \
	    '[null,">=80",null]' ]
	[ "$(jq -c '[.[] | select(.met == false) | .key + " " + .metric]' "$T/sc.json")" = \
	    '["agent=li.na first_response_median_h","agent=li.na sla_met_pct","agent=li.na revisit_success_rate","agent=zhang.min resolved"]' ]
	run cs-report scorecard 2026-W47 -f jsonl
	[ "${#lines[@]}" -eq 30 ]
	run cs-report scorecard 2026-W47 -f tsv
	[ "${lines[0]}" = "$(printf 'section\tmetric\tkey\tvalue\tprevious\tchange_pct\ttarget\tmet')" ]
}

@test "scorecard: tables in Chinese, markdown and an HTML page" {
	world
	targets
	run cs-report scorecard 2026-W47 --lang zh -f table
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/zh.txt"
	[ "${lines[0]}" = "专员绩效 2026-W47" ]
	grep -qx '== li.na' "$T/zh.txt"
	grep -q '质检均分 *73\.33 *80\.00 *▼8\.34% *>=73\.33 *达标' "$T/zh.txt"
	grep -q 'SLA达成率% *66\.67 *100\.00 *▼33\.33% *>=80 *未达标' "$T/zh.txt"
	run cs-report scorecard 2026-W47 -f markdown
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/sc.md"
	[ "$(grep -c '^## ' "$T/sc.md")" -eq 3 ]
	grep -Eq '^\| *qa_score_mean *\| *73\.33 *\| *80\.00 *\|.*>=73\.33 *\| *yes *\|' "$T/sc.md"
	run cs-report scorecard 2026-W47 -o "$T/绩效.html"
	[ "$status" -eq 0 ]
	grep -q '<svg' "$T/绩效.html"
	[ "$(grep -c '<h2>' "$T/绩效.html")" -eq 3 ]
	grep -q 'class="no">no<' "$T/绩效.html"
	tail -n 1 "$T/绩效.html" | grep -q '</html>'
	[ -z "$(compgen -G "$T/绩效.html.tmp*" || true)" ]
}

@test "targets: the most specific applies, list shows them, rm removes one" {
	world
	targets
	run cs-agent target list -f csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = metric,op,value,team,agent ]
	[ "${#lines[@]}" -eq 10 ]
	[ "${lines[1]}" = 'csat_mean,>=,4,,' ]
	printf '%s\n' "${lines[@]}" | grep -qx 'qa_score_mean,>=,73.33,售后组,'
	printf '%s\n' "${lines[@]}" | grep -qx 'resolution_median_h,<=,14,,li.na'
	# an agent's own target, then the team's, then everyone's
	cs-agent target set 'qa_score_mean>=95' --agent li.na
	run cs-report scorecard 2026-W47 -f csv
	printf '%s\n' "${lines[@]}" | grep -qx 'scorecard,qa_score_mean,agent=li.na,73.33,80.00,-8.34,>=95,no'
	printf '%s\n' "${lines[@]}" | grep -qx 'scorecard,qa_score_mean,agent=wang.wei,90.00,,,>=73.33,yes'
	cs-agent target rm qa_score_mean --agent li.na
	cs-agent target rm 'qa_score_mean>=73.33' --team 售后组
	run cs-report scorecard 2026-W47 -f csv
	printf '%s\n' "${lines[@]}" | grep -qx 'scorecard,qa_score_mean,agent=li.na,73.33,80.00,-8.34,>=75,no'
	# setting again replaces
	cs-agent target set 'qa_score_mean>=70'
	run cs-agent target list -f csv --no-header
	printf '%s\n' "${lines[@]}" | grep -qx 'qa_score_mean,>=,70,,'
	[ "$(printf '%s\n' "${lines[@]}" | grep -c '^qa_score_mean,')" -eq 1 ]
	# removing what is not there is "nothing found", and changes nothing
	before=$(dbsum)
	run cs-agent target rm csat_mean --team 售后组
	[ "$status" -eq 1 ]
	[ "$output" = "cs-agent: target rm: no target for csat_mean of team 售后组" ]
	[ "$(dbsum)" = "$before" ]
	# the view
	[ "$(sqlite3 "$CS_DB" "SELECT metric || op || value FROM v_agent_targets WHERE agent = 'wang.wei'")" = 'reopen_rate<=0' ]
}

@test "targets: unknown metrics, bad values and unknown teams or agents are refused" {
	world
	before=$(dbsum)
	while IFS='|' read -r args msg; do
		# shellcheck disable=SC2086
		eval "run cs-agent target $args"
		echo "# $args: $status $output"
		[ "$status" -eq 65 ]
		[[ $output == "cs-agent: target "*"$msg"* ]]
	done <<-'BAD'
	set 'speed>=3'|unknown metric 'speed' (resolved,
	set 'sla_met_pct>=abc'|sla_met_pct: a target is a number of at most two decimals, 0 or more (abc)
	set 'sla_met_pct>=80.125'|(80.125)
	set 'sla_met_pct>=-1'|(-1)
	set 'sla_met_pct>=101'|a percentage or score is at most 100 (101)
	set 'csat_mean>=6'|csat_mean: scores are 1 to 5 (6)
	set sla_met_pct|needs a value
	set 'sla_met_pct=80'|is no METRIC>=VALUE or METRIC<=VALUE
	set 'resolved>=3' --team 客服部|no agent is in team '客服部'
	set 'resolved>=3' --agent nobody|no agent 'nobody'
	rm speed|unknown metric 'speed'
	BAD
	[ "$(dbsum)" = "$before" ]
	run cs-agent target set 'resolved>=3' --team 售后组 --agent li.na
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}

# Reviews made in W47: P1 80, T1 90, T2 70, T5 90 (T3's is in W48).
# qa_score_mean 330 / 4 = 82.50.  Items, the mean of their points over
# T1 T2 T5: 礼貌用语 (18 + 20 + 10) / 3 = 16.00, 问题解决 125 / 3 = 41.67,
# 记录完整 77 / 3 = 25.67; listed by their share of the maxima, lowest
# first: 48 / 60 = 80 %, 125 / 150 = 83.3 %, 77 / 90 = 85.6 %.  W46 had
# none.
@test "the qa section: reviews made in the period, items lowest first" {
	world
	run cs-report 2026-W47 --section qa -f csv
	[ "$status" -eq 0 ]
	[ "$output" = "section,metric,key,value,previous,change_pct
qa,qa_reviews,,4,0,
qa,qa_score_mean,,82.50,,
qa,qa_item_mean,item=礼貌用语,16.00,,
qa,qa_item_mean,item=问题解决,41.67,,
qa,qa_item_mean,item=记录完整,25.67,," ]
	# 2026-W48 so far: T3's review, against W47
	run cs-report this-week --section qa -f csv --no-header
	[ "$output" = "qa,qa_reviews,,1,4,-75.00
qa,qa_score_mean,,60.00,82.50,-27.27
qa,qa_item_mean,item=礼貌用语,,16.00,
qa,qa_item_mean,item=问题解决,,41.67,
qa,qa_item_mean,item=记录完整,,25.67," ]
	# narrowed like every section: li.na's tickets (assignee) T1 T2 and P1
	run cs-report 2026-W47 --section qa --agent li.na -f csv --no-header
	[ "${lines[0]}" = "qa,qa_reviews,,3,0," ]
	[ "${lines[1]}" = "qa,qa_score_mean,,80.00,," ]
	# in the human formats under its Chinese name
	run cs-report 2026-W47 --lang zh -f table
	[[ $output == *"== 质检"* ]]
	[[ $output == *"质检项平均分"* ]]
	run cs-report 2026-W47 --section nope -f csv
	[ "$status" -eq 2 ]
	[[ $output == *"qa, kb"* ]]
}

@test "the views: v_reviews has the items as JSON, the resolver as agent" {
	world
	run sqlite3 -separator '|' "$CS_DB" "SELECT t.external_id, r.agent, r.reviewer, coalesce(r.form, ''), r.score, r.items, coalesce(r.note, ''), r.at FROM v_reviews r JOIN ticket t ON t.id = r.ticket_id ORDER BY r.id"
	[ "$output" = 'P1|li.na|chen.qa||80|{}||2026-11-17T10:00:00
T1|li.na|chen.qa|标准|90|{"礼貌用语":18,"问题解决":45,"记录完整":27}||2026-11-20T10:00:00
T2|li.na|chen.qa|标准|70|{"礼貌用语":20,"问题解决":30,"记录完整":20}||2026-11-20T11:00:00
T5|wang.wei|chen.qa|标准|90|{"礼貌用语":10,"问题解决":50,"记录完整":30}||2026-11-21T10:00:00
T3|li.na|chen.qa||60|{}|安抚到位|2026-11-24T08:00:00' ]
}

@test "scorecard: usage errors, and no database is created" {
	run cs-report scorecard 2026-W47 -f csv
	[ "$status" -eq 66 ]
	[ ! -e "$CS_DB" ]
	world
	before=$(dbsum)
	run cs-report scorecard -f csv
	[ "$status" -eq 2 ]
	run cs-report scorecard 2026-W99 -f csv
	[ "$status" -eq 2 ]
	run cs-report scorecard 2026-W47 --section qa
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
	# an empty week: the specialists with counts of 0, nothing else
	run cs-report scorecard 2026-W30 -f csv --no-header
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 20 ]
	[ -z "$(printf '%s\n' "${lines[@]}" | awk -F, '$4 != "" && $4 != "0"')" ]
}

# comp NAME WORD...: what the bash completion offers for the last WORD of
# the line "NAME WORD...", on one line.
comp() {
	local file=$BATS_TEST_DIRNAME/../../completions/bash/cs
	bash -c '
		source "$1" || exit 1
		shift
		fn=$(complete -p "$1" | sed -n "s/.* -F \([^ ]*\) .*/\1/p")
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		"$fn" "$1" "${COMP_WORDS[COMP_CWORD]}" \
		    "${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}"
	' bash "$file" "$@" | paste -sd' ' -
}

@test "completion: scorecard, target, sample, review and qa-form" {
	world
	# the metrics the completions offer are the ones cs-agent knows
	run cs-agent target set 'x>=1'
	known=$(printf '%s\n' "$output" | sed 's/.*(\(.*\))$/\1/; s/, / /g')
	[ "$(comp cs-agent target set '')" = "$known" ]
	for m in $known; do
		grep -qw "$m" "$BATS_TEST_DIRNAME/../../completions/zsh/_cs"
		grep -qw "$m" "$BATS_TEST_DIRNAME/../../completions/fish/cs.fish"
	done
	[ "$(comp cs-agent target '')" = "list set rm" ]
	[ "$(comp cs-agent target set qa)" = "qa_reviews qa_score_mean" ]
	[ "$(comp cs-agent target set x --team '')" = "售后组 技术组 质检组" ]
	[ "$(comp cs-report scorecard last-)" = "last-week last-month last-quarter last-year" ]
	[ "$(comp cs-report scorecard weekly --t)" = "--to --team" ]
	[ "$(comp cs-report '')" = "show scorecard help weekly monthly quarterly yearly this-week last-week this-month last-month this-quarter last-quarter this-year last-year" ]
	[ "$(comp cs-ticket qa-form '')" = "list set" ]
	[ "$(comp cs-ticket qa-form list '')" = 标准 ]
	[ "$(comp cs-ticket review 3 --form '')" = 标准 ]
	[ "$(comp cs-ticket review 3 --re)" = "--reviewer --replace" ]
	[ "$(comp cs-ticket sample last-w)" = last-week ]
	[ "$(comp cs-ticket sample last-week --s)" = "--share --seed" ]
	[ -z "$(comp cs-ticket sample last-week '')" ]
}
