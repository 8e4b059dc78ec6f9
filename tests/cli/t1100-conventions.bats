#!/usr/bin/env bats
# The conventions every binary follows (SPEC "Conventions every binary
# follows"): help, languages, --excel cells, JSON numbers.
load helper

BINS="cs-agent cs-customer cs-db cs-kb cs-report cs-revisit cs-ticket"

@test "'help --help' and 'help -h' show the binary's help, as --help does" {
	for b in $BINS; do
		run $b help --help
		[ "$status" -eq 0 ] || { echo "$b: $output"; false; }
		[[ "${lines[0]}" == "usage: $b "* ]]
		run $b help -h
		[ "$status" -eq 0 ] || { echo "$b: $output"; false; }
		[[ "${lines[0]}" == "usage: $b "* ]]
	done
}

@test "Chinese labels from LC_ALL or LC_MESSAGES as from LANG; --lang en wins" {
	cs-agent add li.na --name 李娜 >/dev/null
	LC_ALL=zh_CN.UTF-8 run cs-agent list -f table
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" != login* ]]
	LC_MESSAGES=zh_CN.UTF-8 run cs-agent list -f table
	[[ "${lines[0]}" != login* ]]
	LANG=zh_CN.UTF-8 run cs-agent list -f table
	[[ "${lines[0]}" != login* ]]
	LC_ALL=zh_CN.UTF-8 run cs-agent list -f table --lang en
	[[ "${lines[0]}" == login* ]]
	# the first that names a language decides, as for gettext: English
	# messages asked for under a Chinese LANG are English
	LC_MESSAGES=en_US.UTF-8 LANG=zh_CN.UTF-8 run cs-agent list -f table
	[[ "${lines[0]}" == login* ]]
	LC_ALL=en_US.UTF-8 LANG=zh_CN.UTF-8 run cs-agent list -f table
	[[ "${lines[0]}" == login* ]]
	# machine formats keep the English names
	LC_ALL=zh_CN.UTF-8 run cs-agent list -f csv
	[[ "${lines[0]}" == login,* ]]
}

@test "--lang with an unknown language is a usage error" {
	cs-agent add li.na --name 李娜 >/dev/null
	run cs-agent list --lang fr
	[ "$status" -eq 2 ]
	[[ "$output" == *"--lang"*"fr"*"en or zh"* ]]
	run cs-agent list --lang zh_CN.UTF-8 -f table
	[ "$status" -eq 0 ]
}

@test "--excel leaves a signed number with an exponent alone: -1e5, +2.5E-3" {
	printf 'code,name,notes\n' > "$T/c.csv"
	i=0
	for v in -1e5 -.5 +2.5E-3 5. -1 +3.5 '-1+cmd' '+1e' '-.' '-e5'; do
		i=$((i + 1))
		printf 'C%d,客户%d,%s\n' $i $i "$v" >> "$T/c.csv"
	done
	cs-customer import "$T/c.csv" 2>/dev/null
	run cs-customer export --excel
	[ "$status" -eq 0 ]
	out=$(printf '%s\n' "$output" | tr -d '\r' | sed 1d | cut -d, -f14)
	[ "$out" = "$(printf '%s\n' -1e5 "'-.5" +2.5E-3 5. -1 +3.5 "'-1+cmd" "'+1e" \
	    "'-." "'-e5")" ]
}

@test "a JSON real with more digits than a double keeps is refused with its line" {
	cs-customer add --name 张三 >/dev/null
	before=$(dbsum)
	printf '[\n{"code":"C1","name":"王芳"},\n{"code":"C2","name":"李强",\n "notes":12345678901234567.0}\n]\n' > "$T/c.json"
	run cs-customer import "$T/c.json"
	[ "$status" -eq 65 ]
	[[ "$output" == *"c.json:4: notes: "*"quote it"*"(12345678901234567.0)"* ]]
	[ "$(dbsum)" = "$before" ]
	# JSON lines too, and a long fraction
	printf '{"code":"C1","name":"王芳","notes":0.1234567890123456789}\n' |
	    { run cs-customer import -; echo "$status $output" > "$T/o"; }
	run cat "$T/o"
	[[ "$output" == "65 "*"stdin:1: notes: "*"(0.1234567890123456789)"* ]]
	[ "$(dbsum)" = "$before" ]
	# what a double holds exactly goes in as written
	printf '{"code":"C3","name":"赵六","notes":0.30000000000000004}\n{"code":"C4","name":"孙丽","notes":123456789012345.67}\n' > "$T/ok.jsonl"
	run cs-customer import "$T/ok.jsonl"
	[ "$status" -eq 0 ]
	run sqlite3 "$CS_DB" "SELECT notes FROM customer WHERE code IN ('C3','C4') ORDER BY code"
	[ "${lines[0]}" = 0.30000000000000004 ]
	[ "${lines[1]}" = 123456789012345.67 ]
}

@test "cs-agent leave: a date that does not parse is a usage error, told before any database is made" {
	run cs-agent leave li.na --from 3d --to +5d
	[ "$status" -eq 2 ]
	[[ "$output" == *"--from: not a date '3d'"* ]]
	[ ! -e "$CS_DB" ]
	cs-agent add li.na --name 李娜 >/dev/null
	before=$(dbsum)
	run cs-agent leave li.na --from today --to 2026-02-30
	[ "$status" -eq 2 ]
	[[ "$output" == *"--to: not a date '2026-02-30'"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "cs-agent leave with no login lists everyone's leave (record, list or cancel)" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	cs-agent leave wang.wei --from 2026-12-01 --to 2026-12-03 --note 年假 >/dev/null
	cs-agent leave li.na --from tomorrow --to +2d >/dev/null
	run cs-agent leave -f csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "id,login,first_day,last_day,note" ]
	[ "${lines[1]}" = "2,li.na,2026-11-25,2026-11-26," ]
	[ "${lines[2]}" = "1,wang.wei,2026-12-01,2026-12-03,年假" ]
	[ "${#lines[@]}" -eq 3 ]
}

@test "cs-db backup - writes the copy to standard output, restore - reads one; no file named -" {
	cs-agent add li.na --name 李娜 >/dev/null
	cd "$T"
	cs-db backup - > "$T/copy.db"
	[ ! -e "$T/-" ]
	[ "$(sqlite3 "$T/copy.db" 'SELECT login FROM agent')" = li.na ]
	cs-db backup - | gzip > "$T/copy.db.gz"
	cs-agent add wang.wei --name 王伟 >/dev/null
	run sh -c 'gunzip -c "$1" | cs-db restore -' sh "$T/copy.db.gz"
	[ "$status" -eq 0 ]
	[[ "$output" == *"from standard input"* ]]
	[ "$(cs-agent list -f csv --no-header | cut -d, -f1)" = li.na ]
	[ ! -e "$T/-" ]
	before=$(dbsum)
	run sh -c 'echo 不是数据库 | cs-db restore -'
	[ "$status" -eq 65 ]
	[ "$output" = "cs-db: standard input is not a sound cs database: nothing restored" ]
	[ "$(dbsum)" = "$before" ]
}

@test "backup - and restore - leave no copy of the database behind, even when cut short" {
	cs-agent add li.na --name 李娜 >/dev/null
	# enough rows that the copy is more than a pipe holds
	printf 'code,name,notes\n' > "$T/c.csv"
	for i in $(seq 1 3000); do
		printf 'C%05d,客户%d,%0200d\n' "$i" "$i" 0
	done >> "$T/c.csv"
	cs-customer import "$T/c.csv" 2>/dev/null
	mkdir "$T/tmp"
	export TMPDIR="$T/tmp"
	# the reader goes away after ten bytes: SIGPIPE ends the backup
	cs-db backup - | head -c 10 > /dev/null
	[ -z "$(ls -A "$T/tmp")" ]
	cs-db backup - > "$T/copy.db"
	[ -z "$(ls -A "$T/tmp")" ]
	# a restore interrupted while it reads standard input
	mkfifo "$T/in"
	cs-db restore - < "$T/in" 2>/dev/null &
	pid=$!
	exec 7> "$T/in"
	cat "$T/copy.db" >&7
	for _ in $(seq 50); do
		[ -n "$(ls -A "$T/tmp")" ] && break
		sleep 0.1
	done
	[ -n "$(ls -A "$T/tmp")" ]
	kill -TERM "$pid"
	rc=0
	wait "$pid" || rc=$?
	exec 7>&-
	[ "$rc" -eq 143 ]
	[ -z "$(ls -A "$T/tmp")" ]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer')" -eq 3000 ]
}

@test "cs --db PATH NAME ... runs cs-NAME on that database; cs help --help is cs's help" {
	unset CS_DB
	run cs --db "$T/a/cs.db" agent add li.na --name 李娜
	[ "$status" -eq 0 ]
	[ "$output" = li.na ]
	[ -f "$T/a/cs.db" ]
	run cs --db="$T/a/cs.db" agent list -f csv --no-header
	[ "$status" -eq 0 ]
	[[ "$output" == li.na,李娜,* ]]
	run cs --db
	[ "$status" -eq 2 ]
	[[ "$output" == "cs: option --db needs a value"* ]]
	run cs help --help
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "usage: cs "* ]]
}

@test "-f tsv output piped into a command that reads records is refused by name" {
	cs-customer add --name 王芳 --phone 13800138000 >/dev/null
	for cmd in "cs-revisit plan --reason 春节关怀 -" "cs-customer import -"; do
		before=$(dbsum)
		# shellcheck disable=SC2086
		run sh -c "cs-customer list -f tsv | $cmd"
		[ "$status" -eq 65 ]
		[[ "$output" == *"stdin:1: the header has tabs and no comma: TSV is not read"* ]]
		[ "$(dbsum)" = "$before" ]
	done
}

@test "an action on an id that names nothing is 'nothing found' (1) in every binary, nothing written" {
	staff_and_customers
	id=$(cs-ticket new 1 --type consult --subject 发票)
	cs-kb add --title 退货流程 --body 七天 >/dev/null
	before=$(dbsum)
	while IFS='|' read -r cmd msg; do
		eval "run $cmd"
		echo "# $cmd: $status $output"
		[ "$status" -eq 1 ]
		[[ "$output" == *"$msg"* ]]
	done <<-LIST
	cs-ticket start 99|start: no ticket 99
	cs-ticket resolve 99 --resolution 已退款|resolve: no ticket 99
	cs-ticket assign 99 li.na|assign: no ticket 99
	cs-ticket comment 99 已回电|comment: no ticket 99
	cs-ticket rate 99 5|rate: no ticket 99
	cs-ticket escalate 99 --to wang.wei --reason 重大投诉|escalate: no ticket 99
	cs-ticket link 99 1|link: no ticket 99
	cs-ticket update 99 --stage 仓储|update: no ticket 99
	cs-ticket review 99 --score 90 --reviewer wang.wei|review 99: no ticket 99
	cs-revisit log 99 --result reached|log 99: no such revisit task
	cs-revisit cancel 99|cancel 99: no such revisit task
	cs-revisit reassign 99 li.na|reassign 99: no such revisit task
	cs-kb edit 99 --title 新|edit 99: no such article 99
	cs-kb vote 99 --helpful|vote 99: no such article 99
	cs-kb review 99|review 99: no such article 99
	cs-kb suggest 99|suggest 99: no such ticket
	cs-agent update nobody --team 客服部|update: nobody: no such agent
	cs-agent leave nobody --from 2026-12-01 --to 2026-12-02|leave: nobody: no such agent
	cs-agent deactivate nobody|deactivate: nobody: no such agent
	cs-customer update 99 --name 王芳|update: 99: no such customer
	LIST
	[ "$(dbsum)" = "$before" ]
	# what exists but cannot take the action is bad input (65)
	run cs-ticket link "$id" 42
	[ "$status" -eq 65 ]
	run cs-revisit plan --reason 测试 --segment vip --every 30d
	task=$(sqlite3 "$CS_DB" "SELECT min(id) FROM revisit")
	cs-revisit cancel "$task" >/dev/null
	run cs-revisit cancel "$task"
	[ "$status" -eq 65 ]
	[ "$output" = "cs-revisit: cancel $task: the task is cancelled, not open: nothing changed" ]
}

@test "numbers, dates and times typed in full-width digits are read as ASCII ones; text stays as typed" {
	printf 'code,name,phone,birthday,attr.note\nF1,全角客户,１３８１２３４５６７８,１９９０－０１－０２,ＶＩＰ１\n' > "$T/c.csv"
	run cs-customer import "$T/c.csv"
	[ "$status" -eq 0 ]
	run cs-customer show F1 -f csv
	[[ "$output" == *"profile,birthday,1990-01-02"* ]]
	[[ "$output" == *"profile,phone,13812345678"* ]]
	[[ "$output" == *"attr,note,ＶＩＰ１"* ]]
	printf 'login,name,weight,capacity\nq1,全角,１.５,２０\n' > "$T/a.csv"
	run cs-agent import "$T/a.csv"
	[ "$status" -eq 0 ]
	[ "$(cs-agent list -f csv --no-header | cut -d, -f6,7)" = "1.5,20" ]
	printf 'external_id,customer,type,status,subject,created_at,resolved_at,csat\nX1,F1,consult,resolved,测试,２０２６－１１－０１Ｔ０９：００：００,２０２６-１１-０２　１０:００,５\n' > "$T/t.csv"
	run cs-ticket import "$T/t.csv"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT datetime(created_at, 'unixepoch', '+8 hours') || '|' || datetime(resolved_at, 'unixepoch', '+8 hours') || '|' || csat FROM ticket")" = "2026-11-01 09:00:00|2026-11-02 10:00:00|5" ]
	[ "$(cs-report weekly ２０２６-Ｗ４４ -f csv | grep '^tickets,created,,' | cut -d, -f4)" = 1 ]
	# a full-width letter where a digit belongs is still refused
	printf 'login,name,weight\nq2,全角,１.Ｘ\n' > "$T/b.csv"
	run cs-agent import "$T/b.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"b.csv:2: weight:"*"(１.Ｘ)"* ]]
}

@test "counts and ids given on the command line may be typed in full-width digits; anything else is refused with the value" {
	staff_and_customers
	id=$(cs-ticket new 1 --type consult --subject 全角编号)
	[ "$id" = 1 ]
	# １ (U+FF11): the ticket, and --limit １
	run cs-ticket show １ -f csv
	[ "$status" -eq 0 ]
	[[ "$output" == *全角编号* ]]
	[ "$(cs-customer list --limit ２ -f csv --no-header | wc -l)" -eq 2 ]
	[ "$(cs-customer show ３ -f csv | grep "^profile,code,")" = "profile,code,C003" ]
	[ "$(cs-ticket list --limit １ -f csv --no-header | wc -l)" -eq 1 ]
	cs-ticket start １ >/dev/null
	cs-ticket resolve １ --resolution 已答复 >/dev/null
	run cs-ticket rate １ ５
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT csat FROM ticket WHERE id = 1")" = 5 ]
	before=$(dbsum)
	while IFS='|' read -r cmd msg; do
		run $cmd
		[ "$status" -eq 2 ]
		[[ "$output" == *"$msg"* ]]
	done <<'LIST'
	cs-customer list --limit １Ｘ|--limit takes a number above 0 (１Ｘ)
	cs-customer list --limit 0|--limit takes a number above 0 (0)
	cs-ticket list --limit +3|--limit takes a number above 0 (+3)
	cs-ticket show 1.0|not a ticket id '1.0'
	cs-ticket show 99999999999999999999|not a ticket id '99999999999999999999'
	cs-revisit log ｘ --result reached|not a task id 'ｘ'
LIST
	run cs-kb show ' 1'
	[ "$status" -eq 2 ]
	[[ "$output" == *"not an article id ' 1'"* ]]
	run cs-ticket rate 1 ６
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
}

@test "list output in JSON and JSON lines is valid input of the next command: a null required field is empty, a key left out is missing" {
	staff_and_customers
	cs-customer list -f csv | cs-revisit plan --reason 关怀 - 2>/dev/null
	n=$(sqlite3 "$CS_DB" "SELECT count(*) FROM revisit")
	[ "$n" -gt 1 ]
	# nobody filled in a result: nothing to record
	run sh -c 'cs-revisit list -f jsonl | cs-revisit import -'
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 0, updated 0, unchanged $n, rejected 0"* ]]
	# one row filled in, from the JSON array
	cs-revisit list -f json | sed 's/"result":null/"result":"reached"/' > "$T/s.json"
	run cs-revisit import "$T/s.json"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM revisit_attempt")" = "$n" ]
	# the key itself left out: FILE:LINE: column: problem
	printf '{"id": 1}\n' > "$T/r.jsonl"
	run cs-revisit import "$T/r.jsonl"
	[ "$status" -eq 65 ]
	[ "$output" = "cs-revisit: $T/r.jsonl:1: result: a required field, missing" ]
}

@test "text that looks like what --excel writes ('=1, =\"0123\") comes back from a plain or --excel export unchanged" {
	cs-customer add --name "'=1" --code K1 >/dev/null
	cs-customer add --name '="0123"' --code K2 >/dev/null
	cs-customer add --name "''@x" --code K3 --notes "'李娜" >/dev/null
	cs-customer export -f csv > "$T/plain.csv"
	cs-customer export --excel > "$T/excel.csv"
	grep -qx "K1,''=1,.*" "$T/plain.csv"
	# no tags: null in JSON, as list writes it
	[ "$(cs-customer export -f jsonl | grep -c '"tags":null')" = 3 ]
	for f in plain excel; do
		CS_DB="$T/$f.db" cs-customer import "$T/$f.csv" 2>/dev/null
		[ "$(CS_DB="$T/$f.db" cs-customer export -f csv)" = "$(cat "$T/plain.csv")" ]
		[ "$(CS_DB="$T/$f.db" sqlite3 "$T/$f.db" "SELECT group_concat(name, '|') FROM customer ORDER BY id")" = "'=1|=\"0123\"|''@x" ]
	done
}
