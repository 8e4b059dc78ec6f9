#!/usr/bin/env bats
load helper

# The example scripts, run against the demo week of share/sample.
demo_db() {
	S="$BATS_TEST_DIRNAME/../../share/sample"
	export CS_NOW=2026-11-24T09:00:00
	cs-agent import "$S/agents.csv" 2>/dev/null
	cs-customer import "$S/customers.csv" 2>/dev/null
	cs-ticket sla set complaint normal --first-response 2h --resolution 24h
	cs-ticket sla set consult normal --first-response 2h --resolution 24h
	cs-ticket import "$S/tickets.csv" 2>/dev/null
	EX="$BATS_TEST_DIRNAME/../../share/examples"
}

@test "hourly-overdue.sh writes the overdue targets for Excel, or exits 1 with nothing" {
	demo_db
	run sh "$EX/hourly-overdue.sh" "$T/overdue.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"overdue or nearly overdue targets in $T/overdue.csv"* ]]
	head -c 3 "$T/overdue.csv" | od -An -tx1 | grep -q 'ef bb bf'
	[[ "$(sed -n 1p "$T/overdue.csv")" == *"id,customer,subject,priority,assignee,target,due,overdue_h"* ]]
	# every ticket of the alert is open and past or near its target
	n=$(($(wc -l < "$T/overdue.csv") - 1))
	[ "$n" -gt 0 ]
	# with no SLA targets at all there is nothing to say
	export CS_DB="$T/empty.db"
	cs-db init 2>/dev/null
	run sh "$EX/hourly-overdue.sh" "$T/none.csv"
	[ "$status" -eq 1 ]
	[ ! -e "$T/none.csv" ]
	run sh "$EX/hourly-overdue.sh"
	[ "$status" -eq 2 ]
}

@test "weekly-report.sh drops last week's HTML page and Excel CSV" {
	demo_db
	run sh "$EX/weekly-report.sh" "$T/周报"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "$T/周报/周报-2026-W47.html" ]
	[ "${lines[1]}" = "$T/周报/周报-2026-W47.csv" ]
	grep -q '<svg' "$T/周报/周报-2026-W47.html"
	grep -q '客服运营报告 2026-W47' "$T/周报/周报-2026-W47.html"
	# the Excel CSV: a BOM, CRLF, the tidy columns
	head -c 3 "$T/周报/周报-2026-W47.csv" | od -An -tx1 | grep -q 'ef bb bf'
	grep -q 'section,metric,key,value,previous,change_pct' "$T/周报/周报-2026-W47.csv"
	grep -q "^tickets,created,,172,146,17.81"$'\r'"\$" "$T/周报/周报-2026-W47.csv"
}

@test "monthly-backup.sh keeps checked copies and rotates the oldest away" {
	demo_db
	for m in 2026-07 2026-08 2026-09 2026-10 2026-11; do
		CS_MONTH=$m run sh "$EX/monthly-backup.sh" "$T/backup" 3
		[ "$status" -eq 0 ]
		[ "${lines[${#lines[@]}-1]}" = "$T/backup/cs-$m.db" ]
	done
	[ "$(ls "$T/backup")" = "$(printf 'cs-2026-09.db\ncs-2026-10.db\ncs-2026-11.db')" ]
	[ "$(stat -c %a "$T/backup/cs-2026-11.db")" = 600 ]
	[ "$(sqlite3 "$T/backup/cs-2026-11.db" 'SELECT count(*) FROM ticket')" = 472 ]
	run sh "$EX/monthly-backup.sh" "$T/backup" 0
	[ "$status" -eq 2 ]
}

@test "every SQL view's columns are the ones cs(7) documents, in order" {
	cs-db init 2>/dev/null
	man="$BATS_TEST_DIRNAME/../../share/man/cs.7"
	cs-db views -f tsv --no-header | while IFS="$(printf '\t')" read -r v cols about; do
		# the .Ql words between ".It Sy VIEW" and the next item
		doc=$(awk -v v="$v" '
			$0 == ".It Sy " v { on = 1; next }
			on && /^\.(It|El)/ { exit }
			on && /^\.Ql / { w = $2; sub(/[,.]$/, "", w); printf "%s%s", n++ ? "," : "", w }
			on && /^\.Pf \( Ql / { }
		' "$man")
		echo "# $v: $cols | documented: $doc"
		# each column documented, in order (the page may quote values too)
		rest=",$doc,"
		for c in $(echo "$cols" | tr , ' '); do
			case $rest in
			*",$c,"*) rest=${rest#*",$c,"}; rest=",$rest" ;;
			*) echo "# $v: column $c is not documented"; return 1 ;;
			esac
		done
	done
}

@test "weekly-qa.sh drops last week's spot-check sheet; a second run draws the same" {
	demo_db
	run sh "$EX/weekly-qa.sh" "$T/质检" 10%
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "$T/质检/抽查-2026-W47.csv" ]
	f="$T/质检/抽查-2026-W47.csv"
	head -c 3 "$f" | od -An -tx1 | grep -q 'ef bb bf'
	[[ "$(sed -n 1p "$f")" == *"id,external_id,customer_id,customer,"*",csat,score,reviewer,note"$'\r' ]]
	n=$(cs-ticket sample last-week --share 10% -f csv --no-header | wc -l)
	[ "$n" -gt 0 ]
	[ "${lines[1]}" = "$n tickets drawn" ]
	[ "$(($(wc -l < "$f") - 1))" -eq "$n" ]
	# every row ends with the three empty columns, CRLF
	[ "$(tail -n +2 "$f" | grep -vc ',,,'$'\r''$')" -eq 0 ]
	cp "$f" "$T/first.csv"
	run sh "$EX/weekly-qa.sh" "$T/质检" 10%
	[ "$status" -eq 0 ]
	cmp "$f" "$T/first.csv"
	[ -z "$(compgen -G "$f.tmp*" || true)" ]
	run sh "$EX/weekly-qa.sh"
	[ "$status" -eq 2 ]
}

# The way back that weekly-qa.sh's comment gives, run as written there, on
# the sheet filled in as Excel saves it: a note with a comma is quoted, a
# note on two lines, a row without a reviewer, rows left without a score.
@test "weekly-qa.sh: the filled-in sheet goes back by the pipeline of its comment" {
	demo_db
	sh "$EX/weekly-qa.sh" "$T/质检" 10% >/dev/null
	f="$T/质检/抽查-2026-W47.csv"
	# the first three rows of tickets that chen.jing did not resolve
	ids=$(tail -n +2 "$f" | tr -d '\r' | awk -F, '$11 != "chen.jing"' |
	    head -3 | cut -d, -f1 | paste -sd' ' -)
	awk -F, 'BEGIN { RS = ORS = "\r\n"
		fill[1] = ",90,chen.jing,\"语气好,解释清楚\""
		fill[2] = ",75,chen.jing,\"未核实\n订单号\""
		fill[3] = ",60,," }
	    NR > 1 && $11 != "chen.jing" && n < 3 { sub(/,,,$/, fill[++n]) }
	    { print }' "$f" > "$T/filled.csv"
	mv "$T/filled.csv" "$f"
	pipeline=$(sed -n 's/^#   //; /^sqlite3 -list/,/^done$/p' "$EX/weekly-qa.sh")
	[ "$(printf '%s\n' "$pipeline" | wc -l)" -ge 6 ]
	cd "$T/质检"
	CS_USER=wang.fang run sh -c "$pipeline"
	[ "$status" -eq 0 ]
	# review prints each total
	[ "$output" = "$(printf '90\n75\n60')" ]
	run sqlite3 "$CS_DB" "SELECT ticket_id, score, reviewer, note
	    FROM v_reviews ORDER BY score DESC"
	set -- $ids
	[ "${lines[0]}" = "$1|90|chen.jing|语气好,解释清楚" ]
	[ "${lines[1]}" = "$2|75|chen.jing|未核实 订单号" ]
	[ "${lines[2]}" = "$3|60|wang.fang|" ]
	[ "${#lines[@]}" -eq 3 ]
}

@test "make demo: the demo week runs from start to end and leaves its files" {
	top=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
	cd "$top"
	TMPDIR="$T" run sh share/examples/demo.sh "${CS_BIN#$top/}"
	[ "$status" -eq 0 ]
	demo=$output
	dir=$(printf '%s\n' "$output" | sed -n 's/^the database: *\(.*\)\/cs.db$/\1/p')
	[ -n "$dir" ] && [ -d "$dir" ]
	# each step said what it did: kb search found, reviews were scored,
	# the scorecard and the weekly report were printed
	[[ "$output" == *"== cs-kb search 退货"* ]]
	[[ "$output" == *"ticket "*": "*" points"* ]]
	[[ "$output" == *"专员绩效 2026-W47"* ]]
	[[ "$output" == *"质检数"* ]]
	grep -q '<svg' "$dir/weekly.html"
	# self-contained: the SVG namespace is the one address, never fetched
	[ "$(grep -Eoi 'https?:[^"'"'"' <>)]*' "$dir/weekly.html" | sort -u)" = "http://www.w3.org/2000/svg" ]
	head -c 3 "$dir/weekly.csv" | od -An -tx1 | grep -q 'ef bb bf'
	CS_DB="$dir/cs.db" run sqlite3 "$dir/cs.db" "SELECT count(*) FROM qa_review"
	[ "$output" -eq 6 ]
	# last week's calls and reviews were made last week, so the report of
	# 2026-W47 counts them: 4 reached and 1 refused of li.na's calls
	grep -q "^revisits,revisits_finished,,5,0,"$'\r'"\$" "$dir/weekly.csv"
	grep -q "^revisits,revisit_success_rate,,80.00,,"$'\r'"\$" "$dir/weekly.csv"
	grep -q "^qa,qa_reviews,,6,0,"$'\r'"\$" "$dir/weekly.csv"
	# the knowledge-base owner makes no calls: Monday's are shared out
	# among the specialists
	dist=$(printf '%s\n' "$demo" | sed -n '/^== cs-revisit assign/,/^$/p')
	[ "$(printf '%s\n' "$dist" | grep -c '^ *[0-9][0-9]* [a-z]')" -ge 6 ]
	[[ "$dist" != *huang.lei* ]]
}

# The user's next step after make demo: the daily cron run on the demo's
# database, on the same Monday.  Every call finds a specialist within the
# daily capacities, none goes to the knowledge-base owner (capacity 0).
@test "daily-revisits.sh on the demo's database spreads the day's calls over the specialists" {
	top=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
	cd "$top"
	TMPDIR="$T" run sh share/examples/demo.sh "${CS_BIN#$top/}"
	[ "$status" -eq 0 ]
	dir=$(printf '%s\n' "$output" | sed -n 's/^the database: *\(.*\)\/cs.db$/\1/p')
	export CS_DB="$dir/cs.db"
	run sh share/examples/daily-revisits.sh "$T/回访"
	[ "$status" -eq 0 ]
	[[ "$output" == *"assigned "*" tasks, 0 left unassigned"* ]]
	# the calls given out today, per agent: within each one's capacity
	run sqlite3 "$CS_DB" "SELECT r.agent, count(*), a.capacity FROM v_revisits r
	    JOIN v_agents a ON a.login = r.agent
	    WHERE r.assigned_at >= '2026-11-23T16:00' -- Monday 0:00 in Beijing
	    GROUP BY r.agent ORDER BY r.agent"
	echo "$output"
	[[ "$output" != *huang.lei* ]]
	[ "${#lines[@]}" -ge 6 ]
	printf '%s\n' "$output" | awk -F'|' '$2 > $3 { exit 1 }'
	[ ! -e "$T/回访/回访记录表-huang.lei.csv" ]
}

# A ticket's subject says what its category is about: in a real team's
# history a subject such as 客服态度差 is never filed under 物流, and an
# after-sales 申请退货 is a return.  (The sample once paired them at random.)
@test "sample tickets: each subject belongs to one category, and after-sales subtypes fit" {
	f="$BATS_TEST_DIRNAME/../../share/sample/tickets.csv"
	[ "$(($(wc -l < "$f") - 1))" -eq 472 ]
	# subject (11) -> category (6): one category each
	run sh -c "tail -n +2 '$f' | cut -d, -f6,11 | sort -u | cut -d, -f2 | uniq -d"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	# the body repeats the subject
	[ "$(tail -n +2 "$f" | awk -F, 'index($12, $11) == 0' | wc -l)" -eq 0 ]
	# after-sales subjects about a return, an exchange or a repair
	run awk -F, '$3 == "aftersales" && ($11 ~ /退货/ && $4 != "return" ||
	    $11 ~ /换货|更换|补发/ && $4 != "exchange" ||
	    $11 ~ /维修|装不上/ && $4 != "repair")' "$f"
	[ -z "$output" ]
	# complaints about the service team happened at the service stage
	[ -z "$(awk -F, '$6 == "服务态度" && $7 != "客服"' "$f")" ]
}

# The README's tour names what the sample data has (segment vip, tags
# 重点客户 and 老客户, its phones, agents, teams, tickets and articles), so
# that a newcomer can try it on the demo's database: all of it but the
# imports (of files of their own) and the review of an article that the
# demo has published already.
@test "README: the tour runs on the demo's database" {
	top=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
	cd "$top"
	TMPDIR="$T" run sh share/examples/demo.sh "${CS_BIN#$top/}"
	[ "$status" -eq 0 ]
	dir=$(printf '%s\n' "$output" | sed -n 's/^the database: *\(.*\)\/cs.db$/\1/p')
	export CS_DB="$dir/cs.db" USER=zhang.wei
	unset CS_USER
	sed -n '/^## A short tour/,/^A bad record/s/^    //p' README.md |
	    grep -v -e '^cs-db init' -e 'import --encoding gbk' -e 'cs-kb import' \
	    -e 'cs-kb submit' > "$T/tour.sh"
	[ "$(wc -l < "$T/tour.sh")" -ge 25 ]
	mkdir "$T/tour"
	ln -s "$top/share" "$T/tour/share"
	cd "$T/tour"
	run sh -e "$T/tour.sh"
	echo "$output"
	[ "$status" -eq 0 ]
	[[ "$output" != *"no such"* ]]
	# the campaign list is the 50 key customers of the sample
	[[ "$output" == *"planned 50, already planned 0,"* ]]
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM v_revisits
	    WHERE reason = '春节关怀' AND due_date = '2027-02-01'")" -eq 50 ]
	# the new complaint went to the customer who minds slow deliveries
	[ "$(sqlite3 "$CS_DB" "SELECT c.code FROM v_tickets t JOIN v_customers c
	    ON c.id = t.customer_id WHERE t.subject = '物流太慢'")" = K10002 ]
	[ -s 抽查.csv ] && [ -s weekly.csv ] && [ -s 十一月.html ]
}
