#!/usr/bin/env bats
# cs-revisit: the record sheet (list), attempts (log), results in bulk
# (import), overdue, cancel, reassign and the summary report.
bats_require_minimum_version 1.5.0
load helper

# The roster of helper.bash (li.na weight 1, wang.wei weight 2, zhang.min
# inactive) and the customers C001..C006 (ids 1..6).
world() {
	staff_and_customers
}

# world, and the vip campaign of 2026-11-24 planned and assigned:
# task 1 C001 王芳 13812345678 (owner li.na) -> li.na,
# task 2 C003 张伟 0755-88886666 (no owner) -> wang.wei (1/2 < 2/1),
# task 3 C006 赵敏 15800001111 (owner wang.wei) -> wang.wei.
campaign() {
	world
	cs-customer list --tag vip | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	cs-revisit assign >/dev/null 2>&1
	[ "$(q "SELECT group_concat(id || ':' || customer_id || ':' || agent, ' ') FROM v_revisits")" = "1:1:li.na 2:3:wang.wei 3:6:wang.wei" ]
}

q() {
	sqlite3 "$CS_DB" "$1"
}

codes() {
	echo code
	printf '%s\n' "$@"
}

# The values of CSV columns $2... of file $1 (found by header name), one
# row a line, fields joined by a comma. Our data has no quoted commas.
pick() {
	local f=$1
	shift
	awk -F, -v want="$*" '
	{ sub(/\r$/, "") }
	NR == 1 {
		sub(/^\357\273\277/, "")
		for (i = 1; i <= NF; i++) c[$i] = i
		n = split(want, w, " ")
		for (i = 1; i <= n; i++) if (!(w[i] in c)) { print "no column " w[i]; exit 1 }
		next
	}
	{
		s = ""
		for (i = 1; i <= n; i++) s = s (i > 1 ? "," : "") $(c[w[i]])
		print s
	}' "$f"
}

# The task ids of a list run (its arguments), on one line.
ids() {
	cs-revisit list -f csv "$@" > "$T/ids.out" || return
	pick "$T/ids.out" id | paste -sd' ' -
}

# Fills in the row of task $2 in sheet $1: result $3, score $4, note $5, as
# a person would in a spreadsheet (line ends and BOM kept).
fill() {
	awk -F, -v OFS=, -v id="$2" -v r="$3" -v s="${4-}" -v n="${5-}" '
	{ cr = sub(/\r$/, "") }
	NR == 1 {
		h = $0
		sub(/^\357\273\277/, "", h)
		k = split(h, H, ",")
		for (i = 1; i <= k; i++) c[H[i]] = i
	}
	NR > 1 && $(c["id"]) == id {
		$(c["result"]) = r
		if (s != "") $(c["score"]) = s
		if (n != "") $(c["note"]) = n
	}
	{ print $0 (cr ? "\r" : "") }' "$1" > "$1.tmp" && mv "$1.tmp" "$1"
}

# The line number of task $2 in sheet $1.
lineof() {
	awk -F, -v id="$2" 'NR == 1 { sub(/^\357\273\277/, ""); for (i = 1; i <= NF; i++) if ($i == "id") c = i; next } $c == id { print NR }' "$1"
}

# status attempts last_result score due_date of a task
task() {
	q "SELECT status || ' ' || attempts || ' ' || coalesce(last_result, '-') || ' ' || coalesce(score, '-') || ' ' || due_date FROM revisit WHERE id = $1"
}

# The value,previous,change_pct of the row of metric $2 and key $3 in the
# summary CSV $1; the metric may be a glob, and must match one row.
fig() {
	awk -F, -v m="$2" -v k="$3" '
	NR == 1 { next }
	{ g = m; gsub(/\*/, ".*", g) }
	$2 ~ ("^" g "$") && $3 ~ ("^" k "$") { n++; r = $4 "," $5 "," $6 }
	END { if (n == 1) print r; else print n + 0 " rows" }' "$1"
}

# ---- list ------------------------------------------------------------------

@test "list is the record sheet: phones masked unless --no-mask" {
	campaign
	run cs-revisit list -f csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "id,customer_id,customer,phone,reason,due,agent,status,attempts,last_result,last_score,last_note,result,score,note" ]
	[[ "$output" != *13812345678* ]]
	[[ "$output" != *15800001111* ]]
	[[ "$output" != *88886666* ]]
	printf '%s\n' "$output" > "$T/out"
	run pick "$T/out" id customer phone reason due agent status attempts last_result
	[ "${lines[0]}" = "1,王芳,138****5678,春节关怀,2026-11-24,li.na,open,0," ]
	[[ "${lines[1]}" == "2,张伟,"*",春节关怀,2026-11-24,wang.wei,open,0," ]]
	[ "${lines[2]}" = "3,赵敏,158****1111,春节关怀,2026-11-24,wang.wei,open,0," ]
	run cs-revisit list -f csv --no-mask --agent wang.wei
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/out"
	run pick "$T/out" id phone
	[ "$output" = "2,0755-88886666
3,15800001111" ]
}

@test "list filters by --agent, --status, --reason and --due" {
	campaign
	codes C002 | cs-revisit plan --reason 续费提醒 --due 2026-11-26 - 2>/dev/null
	[ "$(ids --agent li.na)" = 1 ]
	[ "$(ids --agent wang.wei)" = "2 3" ]
	cs-revisit log 2 --result reached
	cs-revisit log 3 --result no-answer --max-attempts 1
	cs-revisit cancel 1
	[ "$(ids)" = 4 ]
	[ "$(ids --status open)" = 4 ]
	[ "$(ids --status done)" = 2 ]
	[ "$(ids --status failed)" = 3 ]
	[ "$(ids --status cancelled)" = 1 ]
	[ "$(ids --status all | tr ' ' '\n' | sort | paste -sd' ' -)" = "1 2 3 4" ]
	[ "$(ids --status all --reason 续费提醒)" = 4 ]
	[ "$(ids --status all --reason 春节关怀 | tr ' ' '\n' | sort | paste -sd' ' -)" = "1 2 3" ]
	[ "$(ids --status all --due 2026-11-25 | tr ' ' '\n' | sort | paste -sd' ' -)" = "1 2 3" ]
	run cs-revisit list --help
	[[ "$output" == *"--status STATUS            open, done, failed, cancelled or all (default open)"* ]]
	[ "$(ids --due 2026-11-26)" = 4 ]
	[ "$(ids --due +2d)" = 4 ]
	run cs-revisit list --status finished
	[ "$status" -eq 2 ]
	run cs-revisit list --due someday
	[ "$status" -eq 2 ]
}

@test "list gives phone2 to call when phone is empty, masked the same way; phone comes first" {
	world
	printf 'code,name,phone,phone2\nM1,孙丽,,13900001111\nM2,周杰,,\n' > "$T/m.csv"
	cs-customer import "$T/m.csv" 2>/dev/null
	# C004 has both: (021)5555-1234 and 13700001234
	codes M1 M2 C004 | cs-revisit plan --reason 售后回访 - 2>/dev/null
	cs-revisit list -f csv > "$T/out"
	[ "$(pick "$T/out" customer phone)" = "孙丽,139****1111
周杰,
陈静,021-****1234" ]
	cs-revisit list -f csv --no-mask > "$T/out"
	[ "$(pick "$T/out" customer phone)" = "孙丽,13900001111
周杰,
陈静,021-55551234" ]
}

@test "list --agent refuses a login that names no agent (65), as cs-ticket list --assignee does" {
	campaign
	run --separate-stderr cs-revisit list --agent li.nn
	[ "$status" -eq 65 ]
	[ "$output" = "" ]
	[ "$stderr" = "cs-revisit: list: --agent li.nn: no agent 'li.nn': see cs-agent list" ]
	# an agent who left still has a sheet, even an empty one
	run --separate-stderr cs-revisit list --agent zhang.min
	[ "$status" -eq 0 ]
}

@test "list --excel writes a BOM and CRLF and keeps phone digits as text" {
	campaign
	cs-revisit list --excel --no-mask > "$T/sheet.csv"
	[ "$(head -c 3 "$T/sheet.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]
	[ "$(grep -c $'\r$' "$T/sheet.csv")" -eq "$(wc -l < "$T/sheet.csv")" ]
	[ "$(wc -l < "$T/sheet.csv")" -eq 4 ]
	grep -q 13812345678 "$T/sheet.csv"
	# not a bare number a spreadsheet would turn into 1.38E+10
	! grep -q ',13812345678,' "$T/sheet.csv"
	! grep -q ',15800001111,' "$T/sheet.csv"
}

# ---- log -------------------------------------------------------------------

@test "log reached finishes the task as done and records when, who, score and note" {
	campaign
	CS_NOW=2026-11-24T10:30:00 run --separate-stderr cs-revisit log 1 --result reached --score 4 --note 很满意 --actor li.na
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	[ "$(task 1)" = "done 1 reached 4 2026-11-24" ]
	[ "$(q 'SELECT note || " " || finished_at FROM v_revisits WHERE id = 1')" = "很满意 2026-11-24T10:30:00" ]
	[ "$(q 'SELECT seq || " " || at || " " || actor || " " || agent || " " || result || " " || score || " " || note || " " || coalesce(ticket_id, "-") FROM v_revisit_attempts')" = "1 2026-11-24T10:30:00 li.na li.na reached 4 很满意 -" ]
	[ "$(q 'SELECT count(*) FROM ticket')" = 0 ]
	# a finished task takes no more attempts
	before=$(dbsum)
	run cs-revisit log 1 --result reached
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
	# the sheet shows what was recorded in the last_ columns, and leaves
	# result, score and note for the next call
	cs-revisit list --status done -f csv > "$T/out"
	[ "$(pick "$T/out" id status attempts last_result last_score last_note)" = "1,done,1,reached,4,很满意" ]
	[ "$(pick "$T/out" result score note)" = ",," ]
	cs-revisit list --status done -f table --lang zh > "$T/out"
	[[ "$(head -n 1 "$T/out")" == *"上次结果"*"上次评分"*"上次备注"*"结果"*"评分"*"备注"* ]]
}

@test "log -f json prints the attempt it recorded as one object; without, the ticket id or nothing" {
	campaign
	CS_NOW=2026-11-24T10:30:00 run --separate-stderr cs-revisit log 1 --result reached --score 2 --note 配送太慢 --actor li.na -f json
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 1 ]
	t=$(q 'SELECT ticket_id FROM revisit_attempt WHERE revisit_id = 1')
	[[ "$t" =~ ^[0-9]+$ ]]
	[ "$output" = '{"id":1,"revisit_id":1,"customer_id":1,"reason":"春节关怀","seq":1,"at":"2026-11-24T10:30:00+08:00","actor":"li.na","agent":"li.na","result":"reached","score":2,"note":"配送太慢","ticket_id":'"$t"',"status":"done","due":"2026-11-24"}' ]
	# no score, no note, no ticket: nulls; the task is due again
	CS_NOW=2026-11-24T11:00:00 run --separate-stderr cs-revisit log 2 --result no-answer -f jsonl
	[ "$status" -eq 0 ]
	[ "$output" = '{"id":2,"revisit_id":2,"customer_id":3,"reason":"春节关怀","seq":1,"at":"2026-11-24T11:00:00+08:00","actor":"tester","agent":"wang.wei","result":"no-answer","score":null,"note":null,"ticket_id":null,"status":"open","due":"2026-11-25"}' ]
	# other formats: the id of a complaint ticket, else nothing
	run --separate-stderr cs-revisit log 3 --result reached -f csv
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	# refused: nothing printed, nothing written
	before=$(dbsum)
	run --separate-stderr cs-revisit log 3 --result reached -f json
	[ "$status" -eq 65 ]
	[ "$output" = "" ]
	run --separate-stderr cs-revisit log 99 --result reached -f json
	[ "$status" -eq 1 ]
	[ "$output" = "" ]
	[ "$(dbsum)" = "$before" ]
}

@test "no-answer and busy retry after --retry-after and fail after the third attempt" {
	campaign
	CS_NOW=2026-11-24T10:00:00 cs-revisit log 2 --result no-answer --retry-after 2d
	[ "$(task 2)" = "open 1 no-answer - 2026-11-26" ]
	CS_NOW=2026-11-26T10:00:00 cs-revisit log 2 --result busy
	[ "$(task 2)" = "open 2 busy - 2026-11-27" ]
	CS_NOW=2026-11-27T10:00:00 cs-revisit log 2 --result no-answer
	run task 2
	[[ "$output" == "failed 3 no-answer - "* ]]
	[ "$(q 'SELECT finished_at FROM v_revisits WHERE id = 2')" = 2026-11-27T10:00:00 ]
	[ "$(q 'SELECT group_concat(seq || ":" || result || "@" || at, " ") FROM (SELECT * FROM v_revisit_attempts WHERE revisit_id = 2 ORDER BY seq)')" = "1:no-answer@2026-11-24T10:00:00 2:busy@2026-11-26T10:00:00 3:no-answer@2026-11-27T10:00:00" ]
	[ "$(ids --status failed)" = 2 ]
	before=$(dbsum)
	CS_NOW=2026-11-28T10:00:00 run cs-revisit log 2 --result no-answer
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
}

@test "--max-attempts sets when an unanswered task fails" {
	campaign
	CS_NOW=2026-11-24T10:00:00 cs-revisit log 3 --result no-answer --max-attempts 4
	CS_NOW=2026-11-25T10:00:00 cs-revisit log 3 --result no-answer --max-attempts 4
	CS_NOW=2026-11-26T10:00:00 cs-revisit log 3 --result busy --max-attempts 4
	[ "$(task 3)" = "open 3 busy - 2026-11-27" ]
	CS_NOW=2026-11-27T10:00:00 cs-revisit log 3 --result no-answer --max-attempts 4
	run task 3
	[[ "$output" == "failed 4 no-answer - "* ]]
	cs-revisit log 1 --result busy --max-attempts 1
	run task 1
	[[ "$output" == "failed 1 busy - "* ]]
	before=$(dbsum)
	for n in 0 x; do
		run cs-revisit log 2 --result busy --max-attempts $n
		[ "$status" -eq 2 ] || [ "$status" -eq 65 ]
	done
	run cs-revisit log 2 --result busy --retry-after 5h
	[ "$status" -eq 2 ] || [ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
}

@test "refused, invalid-number and suspended mark the contact invalid and finish the task" {
	world
	codes C001 C002 C005 | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	cs-revisit assign >/dev/null 2>&1
	[ "$(q 'SELECT group_concat(id || ":" || customer_id, " ") FROM revisit')" = "1:1 2:2 3:5" ]
	cs-revisit log 1 --result refused --note 不要再打
	cs-revisit log 2 --result invalid-number
	cs-revisit log 3 --result suspended
	run q "SELECT id || ' ' || (status IN ('done', 'failed')) || ' ' || attempts || ' ' || last_result FROM revisit ORDER BY id"
	[ "$output" = "1 1 1 refused
2 1 1 invalid-number
3 1 1 suspended" ]
	for c in C001:refused C002:invalid-number C005:suspended; do
		cs-customer show "${c%%:*}" -f csv > "$T/show"
		grep -qx 'profile,status,invalid' "$T/show"
		grep -qx "profile,contact_reason,${c#*:}" "$T/show"
	done
	cs-customer list --status invalid -f csv > "$T/inv"
	[ "$(pick "$T/inv" code | paste -sd' ' -)" = "C001 C002 C005" ]
	# planning skips them from now on
	run --separate-stderr cs-revisit plan --reason 二次回访 <(codes C001 C002 C005)
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"planned 0, already planned 0, skipped invalid contact 3"* ]]
}

@test "a score of 1 or 2, or --complaint, opens a linked complaint ticket and prints its id" {
	campaign
	codes C002 | cs-revisit plan --reason 售后回访 - 2>/dev/null
	run --separate-stderr cs-revisit log 1 --result reached --score 2 --note 安装师傅迟到
	[ "$status" -eq 0 ]
	t1=$output
	[[ "$t1" =~ ^[0-9]+$ ]]
	cs-ticket show "$t1" -f csv > "$T/t1"
	grep -qx 'ticket,type,complaint' "$T/t1"
	grep -qx 'ticket,customer_id,1' "$T/t1"
	grep -q '安装师傅迟到' "$T/t1"
	[ "$(q 'SELECT ticket_id FROM v_revisit_attempts WHERE revisit_id = 1')" = "$t1" ]
	run --separate-stderr cs-revisit log 2 --result reached --score 1
	[ "$status" -eq 0 ]
	t2=$output
	[[ "$t2" =~ ^[0-9]+$ ]]
	[ "$t2" != "$t1" ]
	cs-ticket show "$t2" -f csv > "$T/t2"
	grep -qx 'ticket,type,complaint' "$T/t2"
	grep -qx 'ticket,customer_id,3' "$T/t2"
	# a 3 opens nothing
	run --separate-stderr cs-revisit log 3 --result reached --score 3
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	[ "$(q 'SELECT count(*) FROM ticket')" = 2 ]
	# --complaint does, whatever the score
	run --separate-stderr cs-revisit log 4 --result reached --score 5 --complaint --note 要求退款
	[ "$status" -eq 0 ]
	t4=$output
	[[ "$t4" =~ ^[0-9]+$ ]]
	cs-ticket show "$t4" -f csv > "$T/t4"
	grep -qx 'ticket,type,complaint' "$T/t4"
	grep -qx 'ticket,customer_id,2' "$T/t4"
	[ "$(q 'SELECT count(*) FROM ticket WHERE type = "complaint"')" = 3 ]
	[ "$(task 1)" = "done 1 reached 2 2026-11-24" ]
}

@test "the complaint ticket's subject, body and timeline are as the man page says" {
	campaign
	t1=$(CS_NOW=2026-11-24T10:00:00 cs-revisit log 1 --result reached --score 1 2>/dev/null)
	[ "$(q "SELECT subject || '|' || coalesce(body, '-') || '|' || status || '|' || channel FROM ticket WHERE id = $t1")" = "回访不满意：回访中提出投诉|-|new|phone" ]
	[ "$(q "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM ticket_event WHERE ticket_id = $t1 ORDER BY id)")" = "created link" ]
	cs-ticket show "$t1" -f csv > "$T/t1"
	[ "$(grep '^timeline,' "$T/t1" | cut -d, -f3-)" = "tester created status:  → new — 回访不满意：回访中提出投诉
tester link revisit:  → 1 — score 1" ]
	t2=$(cs-revisit log 2 --result busy --complaint --note 要求退款 2>/dev/null)
	[ "$(q "SELECT subject || '|' || body FROM ticket WHERE id = $t2")" = "回访不满意：要求退款|要求退款" ]
	cs-ticket show "$t2" -f csv > "$T/t2"
	grep -q '^timeline,[^,]*,tester link revisit:  → 2 — --complaint$' "$T/t2"
	# a note too long for the subject is cut there at a whole character
	# (one ASCII letter first, so that the byte limit falls inside one);
	# the body has it whole
	n=x$(printf '配送太慢%.0s' $(seq 25))
	t3=$(cs-revisit log 3 --result reached --score 2 --note "$n" 2>/dev/null)
	[ "$(q "SELECT body FROM ticket WHERE id = $t3")" = "$n" ]
	s=$(q "SELECT subject FROM ticket WHERE id = $t3")
	[ "$s" = "回访不满意：${n:0:79}" ]
	printf '%s' "$s" | iconv -f UTF-8 -t UTF-8 > /dev/null
}

@test "log refuses unknown results, scores out of 1-5 and unknown tasks, writing nothing" {
	campaign
	before=$(dbsum)
	run cs-revisit log 1 --result 接通
	[ "$status" -eq 65 ]
	[[ "$output" == *接通* ]]
	for s in 0 6 9 x; do
		run cs-revisit log 1 --result reached --score $s
		[ "$status" -eq 65 ]
	done
	run cs-revisit log 99 --result reached
	[ "$status" -eq 1 ]
	[[ "$output" == *"log 99: no such revisit task"* ]]
	run cs-revisit log 1
	[ "$status" -eq 2 ]
	run cs-revisit log abc --result reached
	[ "$status" -eq 2 ]
	run cs-revisit log --result reached
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}

# ---- import ----------------------------------------------------------------

@test "a filled-in sheet imports; the same sheet twice records each attempt once" {
	campaign
	cs-revisit list -f csv > "$T/sheet.csv"
	fill "$T/sheet.csv" 1 reached 5 满意
	fill "$T/sheet.csv" 2 no-answer
	# task 3 left blank: not an attempt
	CS_NOW=2026-11-24T18:00:00 run --separate-stderr cs-revisit import "$T/sheet.csv"
	[ "$status" -eq 0 ]
	echo "# $stderr"
	[[ "$stderr" == *"added 2, "*"rejected 0"* ]]
	[ "$(task 1)" = "done 1 reached 5 2026-11-24" ]
	[ "$(task 2)" = "open 1 no-answer - 2026-11-25" ]
	[ "$(task 3)" = "open 0 - - 2026-11-24" ]
	[ "$(q 'SELECT group_concat(revisit_id || ":" || result || ":" || at || ":" || actor, " ") FROM v_revisit_attempts')" = "1:reached:2026-11-24T18:00:00:tester 2:no-answer:2026-11-24T18:00:00:tester" ]
	[ "$(q 'SELECT note FROM revisit WHERE id = 1')" = 满意 ]
	# again, and the next day: nothing new
	CS_NOW=2026-11-24T18:05:00 run --separate-stderr cs-revisit import "$T/sheet.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 0, "*"rejected 0"* ]]
	CS_NOW=2026-11-25T09:00:00 run --separate-stderr cs-revisit import "$T/sheet.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 0, "*"rejected 0"* ]]
	[ "$(q 'SELECT count(*) FROM revisit_attempt')" = 2 ]
	[ "$(task 2)" = "open 1 no-answer - 2026-11-25" ]
	# the next day's sheet carries the next attempts; --retry-after
	CS_NOW=2026-11-25T09:00:00 cs-revisit list -f csv > "$T/sheet2.csv"
	fill "$T/sheet2.csv" 2 no-answer
	fill "$T/sheet2.csv" 3 busy
	CS_NOW=2026-11-25T18:00:00 run --separate-stderr cs-revisit import --retry-after 3d "$T/sheet2.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 2, "* ]]
	[ "$(task 2)" = "open 2 no-answer - 2026-11-28" ]
	[ "$(task 3)" = "open 1 busy - 2026-11-28" ]
	CS_NOW=2026-11-25T18:30:00 run --separate-stderr cs-revisit import "$T/sheet2.csv"
	[[ "$stderr" == *"added 0, "* ]]
	[ "$(q 'SELECT count(*) FROM revisit_attempt')" = 4 ]
	# --max-attempts 2: task 3 fails at its second, task 2 at its third
	CS_NOW=2026-11-28T09:00:00 cs-revisit list -f csv > "$T/sheet3.csv"
	fill "$T/sheet3.csv" 2 no-answer
	fill "$T/sheet3.csv" 3 busy
	CS_NOW=2026-11-28T18:00:00 run --separate-stderr cs-revisit import --max-attempts 2 "$T/sheet3.csv"
	[ "$status" -eq 0 ]
	run task 2
	[[ "$output" == "failed 3 no-answer - "* ]]
	run task 3
	[[ "$output" == "failed 2 busy - "* ]]
}

@test "a called_at column dates each call: the retry, the finish and the summary week follow it" {
	campaign
	# Friday's calls, written down on Monday morning
	cat > "$T/calls.csv" <<-'CSV'
		id,result,score,note,called_at
		1,reached,5,满意,2026-11-27 16:30
		2,no-answer,,,2026-11-27T17:00:00+08:00
		3,,,,
	CSV
	CS_NOW=2026-11-30T09:00:00 run --separate-stderr cs-revisit import "$T/calls.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 2, "*"rejected 0"* ]]
	[ "$(q 'SELECT group_concat(revisit_id || ":" || at, " ") FROM v_revisit_attempts')" = "1:2026-11-27T16:30:00 2:2026-11-27T17:00:00" ]
	# the retry is the day after the call, not after the import
	[ "$(task 2)" = "open 1 no-answer - 2026-11-28" ]
	# task 1 was finished in 2026-W48, where the summary counts it
	run cs-revisit summary 2026-W48 -f csv
	[[ "$output" == *"revisits_finished,,1,"* ]]
	run cs-revisit summary 2026-W49 -f csv
	[[ "$output" == *"revisits_finished,,0,"* ]]
	# a time in the future, before the last call, or no time: refused,
	# named by line and column, nothing written
	before=$(dbsum)
	printf 'id,result,called_at\n2,busy,2026-12-01 10:00\n' > "$T/f.csv"
	CS_NOW=2026-11-30T09:00:00 run cs-revisit import "$T/f.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"f.csv:2: called_at: a call time in the future (2026-12-01 10:00)"* ]]
	printf 'id,result,called_at\n2,busy,2026-11-27 09:00\n' > "$T/f.csv"
	CS_NOW=2026-11-30T09:00:00 run cs-revisit import "$T/f.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"f.csv:2: called_at: before the last call of the task (2026-11-27T17:00:00+08:00) (2026-11-27 09:00)"* ]]
	printf 'id,result,called_at\n2,busy,星期五\n' > "$T/f.csv"
	CS_NOW=2026-11-30T09:00:00 run cs-revisit import "$T/f.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"f.csv:2: called_at: not a time (use 2026-11-24 10:30) (星期五)"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "a low score with called_at opens its complaint at the call, and a refusal marks the contact then" {
	campaign
	cat > "$T/calls.csv" <<-'CSV'
		id,result,score,note,called_at
		1,reached,1,赠品没收到,2026-11-27 16:30
		2,refused,,,2026-11-27 17:05
	CSV
	CS_NOW=2026-11-30T09:00:00 run --separate-stderr cs-revisit import "$T/calls.csv"
	[ "$status" -eq 0 ]
	# the complaint was made on Friday's call, not on Monday's import
	[ "$(q "SELECT created_at FROM v_tickets WHERE type = 'complaint'")" = 2026-11-27T16:30:00 ]
	[ "$(q "SELECT group_concat(kind || '@' || at, ' ') FROM v_ticket_events")" = "created@2026-11-27T16:30:00 link@2026-11-27T16:30:00" ]
	# so it counts in 2026-W48's complaints
	CS_NOW=2026-11-30T09:00:00 run cs-report 2026-W48 --section tickets -f csv
	[[ "$output" == *"created,type=complaint,1,"* ]]
	# the refusal marked the customer's contact at 17:05 on Friday
	[ "$(q "SELECT contact_reason || ' ' || datetime(updated_at, 'unixepoch', 'localtime') FROM customer WHERE contact_reason IS NOT NULL")" = "refused 2026-11-27 17:05:00" ]
}

@test "a sheet filled in with only a result records no old score again, and opens no second complaint" {
	campaign
	# a busy line, but the customer had time to be unhappy: a complaint
	CS_NOW=2026-11-24T10:00:00 run --separate-stderr cs-revisit log 1 --result busy --score 2 --note 态度差
	[ "$status" -eq 0 ]
	t=$output
	[ "$(q 'SELECT count(*) FROM ticket WHERE type = "complaint"')" = 1 ]
	# the next day's sheet shows what was recorded, and nothing to import
	CS_NOW=2026-11-25T09:00:00 cs-revisit list -f csv > "$T/sheet.csv"
	[ "$(pick "$T/sheet.csv" id attempts last_result last_score last_note result score note | head -n 1)" = "1,1,busy,2,态度差,,," ]
	# the agent reaches the customer and fills in the result alone
	fill "$T/sheet.csv" 1 reached
	CS_NOW=2026-11-25T10:00:00 run --separate-stderr cs-revisit import "$T/sheet.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 1, "*"rejected 0"* ]]
	[ "$(q 'SELECT count(*) FROM ticket WHERE type = "complaint"')" = 1 ]
	[ "$(q 'SELECT group_concat(seq || ":" || result || ":" || coalesce(score, "-") || ":" || coalesce(note, "-") || ":" || coalesce(ticket_id, "-"), " ") FROM (SELECT * FROM v_revisit_attempts WHERE revisit_id = 1 ORDER BY seq)')" = "1:busy:2:态度差:$t 2:reached:-:-:-" ]
	# the summary counts one complaint, and one score
	cs-revisit summary 2026-11 -f csv > "$T/s.csv"
	[ "$(fig "$T/s.csv" revisit_complaints '')" = "1,0," ]
	[ "$(fig "$T/s.csv" revisit_score_mean '')" = "2.00,," ]
}

@test "import --dry-run counts and writes nothing" {
	campaign
	cs-revisit list -f csv > "$T/sheet.csv"
	fill "$T/sheet.csv" 1 reached 4
	fill "$T/sheet.csv" 3 refused
	before=$(dbsum)
	run --separate-stderr cs-revisit import --dry-run "$T/sheet.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"would add 2"* ]]
	[ "$(dbsum)" = "$before" ]
	run --separate-stderr cs-revisit import -n - < "$T/sheet.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"would add 2"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "import reads stdin, JSON, JSON lines and GBK sheets" {
	campaign
	printf '{"id":1,"attempts":0,"result":"reached","score":4}\n' > "$T/a.jsonl"
	run --separate-stderr cs-revisit import --now 2026-11-24T19:00:00 - < "$T/a.jsonl"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 1, "* ]]
	[ "$(task 1)" = "done 1 reached 4 2026-11-24" ]
	[ "$(q 'SELECT at FROM v_revisit_attempts WHERE revisit_id = 1')" = 2026-11-24T19:00:00 ]
	printf 'id,attempts,result,note\n2,0,busy,客户在开会\n' | iconv -f UTF-8 -t GBK > "$T/g.csv"
	before=$(dbsum)
	run cs-revisit import "$T/g.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/g.csv:2"* ]]
	[ "$(dbsum)" = "$before" ]
	run --separate-stderr cs-revisit import --encoding gbk "$T/g.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 1, "* ]]
	[ "$(q 'SELECT note FROM revisit WHERE id = 2')" = 客户在开会 ]
	printf '[{"id":3,"attempts":"0","result":"reached","score":"5"}]' > "$T/s.txt"
	run --separate-stderr cs-revisit import --input-format json "$T/s.txt"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 1, "* ]]
	[ "$(task 3)" = "done 1 reached 5 2026-11-24" ]
}

@test "import refuses a column it does not know unless --ignore-unknown" {
	campaign
	printf 'id,attempts,result,回访人\n1,0,reached,小李\n' > "$T/x.csv"
	before=$(dbsum)
	run cs-revisit import "$T/x.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"回访人"* ]]
	[ "$(dbsum)" = "$before" ]
	run --separate-stderr cs-revisit import --ignore-unknown "$T/x.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 1, "* ]]
	[ "$(task 1)" = "done 1 reached - 2026-11-24" ]
}

@test "bad rows are named by line and nothing is written; --skip-invalid lands the good ones" {
	campaign
	before=$(dbsum)
	printf 'id,attempts,result,score,note\n1,0,reached,5,满意\n2,0,接通,,\n' > "$T/r.csv"
	run cs-revisit import "$T/r.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/r.csv:3: result"*"接通"* ]]
	[ "$(dbsum)" = "$before" ]
	printf 'id,attempts,result,score,note\n1,0,reached,5,满意\n\n3,0,reached,9,\n' > "$T/s.csv"
	run cs-revisit import "$T/s.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/s.csv:4: score"*"9"* ]]
	[ "$(dbsum)" = "$before" ]
	printf 'id,attempts,result,score,note\n1,0,reached,5,满意\n99,0,reached,,\n' > "$T/u.csv"
	run cs-revisit import "$T/u.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/u.csv:3: "*"99"* ]]
	[ "$(dbsum)" = "$before" ]
	# the sheet list wrote, with a bad result on task 2's line
	cs-revisit list -f csv > "$T/sheet.csv"
	fill "$T/sheet.csv" 1 reached
	fill "$T/sheet.csv" 2 无人接听
	n=$(lineof "$T/sheet.csv" 2)
	run cs-revisit import "$T/sheet.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/sheet.csv:$n: result"*"无人接听"* ]]
	[ "$(dbsum)" = "$before" ]
	# all three kinds, skipped
	printf 'id,attempts,result,score,note\n1,0,reached,5,满意\n2,0,接通,,\n3,0,reached,9,\n99,0,reached,,\n' > "$T/all.csv"
	run --separate-stderr cs-revisit import --skip-invalid "$T/rej.csv" "$T/all.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 1, "*"rejected 3"* ]]
	[ "$(task 1)" = "done 1 reached 5 2026-11-24" ]
	[ "$(q 'SELECT count(*) FROM revisit_attempt')" = 1 ]
	run cat "$T/rej.csv"
	[ "${#lines[@]}" -eq 4 ]
	[ "${lines[0]}" = "id,attempts,result,score,note,error" ]
	[[ "${lines[1]}" == "2,0,接通,,,"*"all.csv:3: "* ]]
	[[ "${lines[2]}" == "3,0,reached,9,,"*"all.csv:4: "* ]]
	[[ "${lines[3]}" == "99,0,reached,,,"*"all.csv:5: "* ]]
}

@test "a sheet written with --excel, filled in, imports back" {
	campaign
	cs-revisit list --excel --no-mask --agent wang.wei > "$T/sheet.csv"
	fill "$T/sheet.csv" 2 reached 5 电话很顺利
	fill "$T/sheet.csv" 3 busy
	run --separate-stderr cs-revisit import "$T/sheet.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 2, "*"rejected 0"* ]]
	[ "$(task 2)" = "done 1 reached 5 2026-11-24" ]
	[ "$(task 3)" = "open 1 busy - 2026-11-25" ]
	[ "$(q 'SELECT note FROM revisit WHERE id = 2')" = 电话很顺利 ]
}

# ---- overdue, cancel, reassign ----------------------------------------------

@test "a task not contacted within 7 days of assignment is overdue" {
	world
	codes C001 C002 C003 C006 | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	cs-revisit assign >/dev/null 2>&1
	[ "$(q 'SELECT group_concat(id || ":" || customer_id, " ") FROM revisit')" = "1:1 2:2 3:3 4:6" ]
	CS_NOW=2026-11-25T10:00:00 cs-revisit log 1 --result no-answer
	CS_NOW=2026-11-25T11:00:00 cs-revisit log 4 --result reached
	[ -z "$(CS_NOW=2026-11-24T09:00:00 ids --overdue)" ]
	[ -z "$(CS_NOW=2026-11-30T09:00:00 ids --overdue)" ]
	[ -z "$(CS_NOW=2026-12-01T08:00:00 ids --overdue)" ]
	[ "$(CS_NOW=2026-12-02T09:00:00 ids --overdue)" = "2 3" ]
	[ "$(CS_NOW=2026-12-02T09:00:00 ids --overdue --agent li.na)" = "" ]
}

@test "cancel takes ids or list output on stdin, only open tasks, with a reason" {
	campaign
	run cs-revisit cancel 1 --reason 客户已出国
	[ "$status" -eq 0 ]
	[ "$(q 'SELECT status FROM revisit WHERE id = 1')" = cancelled ]
	# the reason is kept, on the task or in its change log
	n1=$(q "SELECT count(*) FROM revisit WHERE id = 1 AND note = '客户已出国'")
	n2=$(q "SELECT count(*) FROM change_log WHERE entity = 'revisit' AND entity_id = 1 AND note = '客户已出国'")
	[ $((n1 + n2)) -ge 1 ]
	[ "$(ids --status cancelled)" = 1 ]
	cs-revisit list --agent wang.wei -f csv | cs-revisit cancel - --reason 活动取消
	[ "$(q "SELECT group_concat(status, ' ') FROM revisit")" = "cancelled cancelled cancelled" ]
	[ "$(ids)" = "" ]
	codes C002 | cs-revisit plan --reason 售后回访 - 2>/dev/null
	before=$(dbsum)
	# a cancelled task cannot be cancelled again: nothing written, not
	# even task 4
	run cs-revisit cancel 4 1
	[ "$status" -eq 65 ]
	run cs-revisit cancel 4 99
	[ "$status" -eq 65 ] || [ "$status" -eq 1 ]
	run cs-revisit cancel
	[ "$status" -eq 2 ]
	run cs-revisit cancel abc
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
	cs-revisit log 4 --result reached
	before=$(dbsum)
	run cs-revisit cancel 4
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
}

@test "reassign takes ids or list output on stdin and an active agent" {
	campaign
	run cs-revisit reassign 1 wang.wei
	[ "$status" -eq 0 ]
	[ "$(ids --agent wang.wei)" = "1 2 3" ]
	cs-revisit list --agent wang.wei -f json | cs-revisit reassign - li.na
	[ "$(q "SELECT group_concat(agent, ' ') FROM v_revisits")" = "li.na li.na li.na" ]
	cs-revisit log 2 --result reached
	before=$(dbsum)
	run cs-revisit reassign 1 zhang.min
	[ "$status" -eq 65 ]
	run cs-revisit reassign 1 nobody
	[ "$status" -eq 65 ]
	run cs-revisit reassign 1 2 wang.wei
	[ "$status" -eq 65 ]
	run cs-revisit reassign 1
	[ "$status" -eq 2 ]
	run cs-revisit reassign
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
	[ "$(q "SELECT group_concat(agent, ' ') FROM v_revisits")" = "li.na li.na li.na" ]
}

# ---- summary ---------------------------------------------------------------

# Week 47 (2026-11-16..22): tasks 1 (C001, li.na) reached with 4 on the
# 18th; 2 (C002, wang.wei) three no-answers, failed on the 20th.
# Week 48 (2026-11-23..29): tasks 3..7 for C002..C006 planned on the 24th;
# 3 (C002, wang.wei) open; 4 (C003, li.na) reached 5; 5 (C004, li.na)
# reached 2 + complaint; 6 (C005, wang.wei) no-answer, then reached 5 on
# the 25th; 7 (C006, wang.wei) refused.
two_weeks() {
	world
	export CS_NOW=2026-11-17T09:00:00
	codes C001 C002 | cs-revisit plan --reason 售后回访 - 2>/dev/null
	cs-revisit reassign 1 li.na
	cs-revisit reassign 2 wang.wei
	CS_NOW=2026-11-18T10:00:00 cs-revisit log 1 --result reached --score 4
	CS_NOW=2026-11-18T10:05:00 cs-revisit log 2 --result no-answer
	CS_NOW=2026-11-19T10:00:00 cs-revisit log 2 --result no-answer
	CS_NOW=2026-11-20T10:00:00 cs-revisit log 2 --result no-answer
	export CS_NOW=2026-11-24T09:00:00
	codes C002 C003 C004 C005 C006 | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	cs-revisit reassign 4 5 li.na
	cs-revisit reassign 3 6 7 wang.wei
	export CS_NOW=2026-11-24T10:00:00
	cs-revisit log 4 --result reached --score 5
	cs-revisit log 5 --result reached --score 2 --note 安装师傅迟到 >/dev/null
	cs-revisit log 6 --result no-answer
	cs-revisit log 7 --result refused
	CS_NOW=2026-11-25T10:00:00 cs-revisit log 6 --result reached --score 5
	export CS_NOW=2026-11-25T12:00:00
	[ "$(q "SELECT group_concat(id || ':' || status || ':' || agent, ' ') FROM v_revisits")" = "1:done:li.na 2:failed:wang.wei 3:open:wang.wei 4:done:li.na 5:done:li.na 6:done:wang.wei 7:failed:wang.wei" ] ||
	[ "$(q "SELECT group_concat(id || ':' || status || ':' || agent, ' ') FROM v_revisits")" = "1:done:li.na 2:failed:wang.wei 3:open:wang.wei 4:done:li.na 5:done:li.na 6:done:wang.wei 7:done:wang.wei" ]
}

@test "summary of a week: finished, success rate, by agent and reason, with the week before" {
	two_weeks
	run cs-revisit summary 2026-W48 -f csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "section,metric,key,value,previous,change_pct" ]
	printf '%s\n' "$output" > "$T/s.csv"
	# finished 4 (tasks 4-7) against 2 (tasks 1, 2): +100%
	[ "$(fig "$T/s.csv" revisits_finished '')" = "4,2,100.00" ]
	# reached 3 of 4 = 75.00 against 1 of 2 = 50.00: +50%
	[ "$(fig "$T/s.csv" revisit_success_rate '')" = "75.00,50.00,50.00" ]
	# per agent: li.na 2 of 2 (1 of 1 before), wang.wei 1 of 2 (0 of 1)
	[ "$(fig "$T/s.csv" revisits_finished 'agent=li.na')" = "2,1,100.00" ]
	[ "$(fig "$T/s.csv" revisits_finished 'agent=wang.wei')" = "2,1,100.00" ]
	[ "$(fig "$T/s.csv" revisit_success_rate 'agent=li.na')" = "100.00,100.00,0.00" ]
	[ "$(fig "$T/s.csv" revisit_success_rate 'agent=wang.wei')" = "50.00,0.00," ]
	# per reason: 春节关怀 is new this week
	[ "$(fig "$T/s.csv" revisits_finished '.*=春节关怀')" = "4,0," ]
	[ "$(fig "$T/s.csv" revisit_success_rate '.*=春节关怀')" = "75.00,," ]
	# planned 5 against 2: +150%
	[ "$(fig "$T/s.csv" '*planned*' '')" = "5,2,150.00" ]
	# scores given: 5, 2, 5 (mean 4.00, 2 of 3 satisfied) against 4
	[ "$(fig "$T/s.csv" '*score_mean*' '')" = "4.00,4.00,0.00" ]
	[ "$(fig "$T/s.csv" '*satisfied*' '')" = "66.67,100.00,-33.33" ]
	[ "$(fig "$T/s.csv" '*complaint*' '')" = "1,0," ]
	[ "$(fig "$T/s.csv" '*invalid*' '')" = "1,0," ]
	# 售后回访 finished 2 the week before and none this week: -100%
	[ "$(fig "$T/s.csv" revisits_finished '.*=售后回访')" = "0,2,-100.00" ]
	[ "$(fig "$T/s.csv" revisit_success_rate '.*=售后回访')" = ",50.00," ]
}

@test "summary counts the tasks overdue: assigned over 7 days ago, never called" {
	two_weeks
	# task 3 (C002) was given to wang.wei on 2026-11-24 09:00 and not called
	CS_NOW=2026-11-25T12:00:00 run cs-revisit summary 2026-W48 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/s.csv"
	[ "$(fig "$T/s.csv" '*overdue*' '' | cut -d, -f1)" = 0 ]
	CS_NOW=2026-12-02T09:00:00 run cs-revisit summary 2026-W49 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/s.csv"
	[ "$(fig "$T/s.csv" '*overdue*' '' | cut -d, -f1)" = 1 ]
}

@test "summary: an empty success rate when nothing finished; --reason narrows" {
	two_weeks
	run cs-revisit summary 2026-W46 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/s46.csv"
	[ "$(fig "$T/s46.csv" revisits_finished '')" = "0,0," ]
	[ "$(fig "$T/s46.csv" revisit_success_rate '')" = ",," ]
	run cs-revisit summary 2026-W47 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/s47.csv"
	[ "$(fig "$T/s47.csv" revisits_finished '')" = "2,0," ]
	[ "$(fig "$T/s47.csv" revisit_success_rate '')" = "50.00,," ]
	run cs-revisit summary 2026-W48 --reason 春节关怀 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/r.csv"
	[ "$(fig "$T/r.csv" revisits_finished '')" = "4,0," ]
	[ "$(fig "$T/r.csv" revisit_success_rate '')" = "75.00,," ]
	run cs-revisit summary 2026-W48 --reason 售后回访 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/r.csv"
	[ "$(fig "$T/r.csv" revisits_finished '')" = "0,2,-100.00" ]
	[ "$(fig "$T/r.csv" revisit_success_rate '')" = ",50.00," ]
	# tsv is the same tidy table
	run cs-revisit summary 2026-W48 -f tsv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "$(printf 'section\tmetric\tkey\tvalue\tprevious\tchange_pct')" ]
	[[ "$output" == *"$(printf 'revisit_success_rate\t\t75.00\t50.00\t50.00')"* ]]
	run cs-revisit summary
	[ "$status" -eq 2 ]
	run cs-revisit summary someday
	[ "$status" -eq 2 ]
}

@test "summary in human formats: a markdown table, a self-contained HTML page with charts" {
	two_weeks
	run cs-revisit summary 2026-W48 -f markdown
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" =~ ^\|\ *section\ *\|\ *metric\ *\| ]]
	[[ "${lines[1]}" =~ ^\|[-:\ \|]+\|$ ]]
	[[ "$output" =~ \|\ *revisit_success_rate\ *\|\ *\|\ *75\.00\ *\|\ *50\.00\ *\|\ *50\.00\ *\| ]]
	run cs-revisit summary 2026-W48 -f html
	[ "$status" -eq 0 ]
	[[ "$output" == *"<html"* ]]
	[[ "$output" == *"</html>"* ]]
	[[ "$output" == *"<svg"* ]]
	[[ "$output" == *"75.00"* ]]
	# nothing fetched from the network
	[[ "$output" != *"src=\"http"* ]]
	[[ "$output" != *"href=\"http"* ]]
	# --lang zh: the names of the figures too, as cs-report shows them;
	# machine-readable output keeps the stable names
	run cs-revisit summary 2026-W48 -f markdown --lang zh
	[[ "$output" =~ \|\ *回访\ *\|\ *成功回访率%\ *\|\ *\|\ *75\.00 ]]
	[[ "$output" == *"计划回访"* && "$output" != *"revisits_planned"* ]]
	run cs-revisit summary 2026-W48 -f csv --lang zh
	[[ "$output" == *"revisits,revisit_success_rate,,75.00,50.00,50.00"* ]]
}

@test "summary weeks are local weeks, Monday first" {
	world
	codes C001 C002 | CS_NOW=2026-11-20T09:00:00 cs-revisit plan --reason 春节关怀 - 2>/dev/null
	# Sunday 23:30 and Monday 00:30 in Shanghai (both Sunday in UTC)
	CS_NOW=2026-11-22T23:30:00 cs-revisit log 1 --result reached
	CS_NOW=2026-11-23T00:30:00 cs-revisit log 2 --result refused
	run cs-revisit summary 2026-W48 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/s.csv"
	[ "$(fig "$T/s.csv" revisits_finished '')" = "1,1,0.00" ]
	[ "$(fig "$T/s.csv" revisit_success_rate '')" = "0.00,100.00,-100.00" ]
}

@test "summary: results by kind, keyed as the spec says (reason=no-answer)" {
	world
	codes C001 C002 C003 C005 | cs-revisit plan --reason 春节关怀 - 2>/dev/null
	export CS_NOW=2026-11-24T10:00:00
	cs-revisit log 1 --result reached
	cs-revisit log 2 --result no-answer --max-attempts 1
	cs-revisit log 3 --result no-answer --max-attempts 1
	cs-revisit log 4 --result refused
	run cs-revisit summary 2026-W48 -f csv
	[ "$status" -eq 0 ]
	printf '%s\n' "$output" > "$T/s.csv"
	[ "$(fig "$T/s.csv" revisit_success_rate '')" = "25.00,," ]
	[ "$(fig "$T/s.csv" revisits_by_result 'reason=no-answer' | cut -d, -f1)" = 2 ]
	[ "$(fig "$T/s.csv" revisits_by_result 'reason=reached' | cut -d, -f1)" = 1 ]
	[ "$(fig "$T/s.csv" revisits_by_result 'reason=refused' | cut -d, -f1)" = 1 ]
}
