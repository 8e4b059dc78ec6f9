#!/usr/bin/env bats
load helper

@test "add prints the login; list shows the roster in every format" {
	run cs-agent add li.na --name 李娜 --team 售后组 --skills '投诉;售后' \
	    --weight 2 --capacity 20
	[ "$status" -eq 0 ]
	[ "$output" = li.na ]
	run cs-agent list -f csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "login,name,team,role,skills,weight,capacity,active,on_leave" ]
	[ "${lines[1]}" = "li.na,李娜,售后组,agent,售后;投诉,2,20,yes,no" ]
	run cs-agent list -f json
	[ "$output" = '[
{"login":"li.na","name":"李娜","team":"售后组","role":"agent","skills":"售后;投诉","weight":2,"capacity":20,"active":"yes","on_leave":"no"}
]' ]
	run cs-agent list -f tsv --no-header
	[ "$output" = "$(printf 'li.na\t李娜\t售后组\tagent\t售后;投诉\t2\t20\tyes\tno')" ]
}

@test "add -f json prints the new agent as one object; list output imports back" {
	run cs-agent add li.na --name 李娜 -f json
	[ "$status" -eq 0 ]
	[ "$output" = '{"login":"li.na","name":"李娜","team":null,"role":"agent","skills":null,"weight":1,"capacity":null,"active":"yes","on_leave":"no"}' ]
	cs-agent list -f csv > "$T/list.csv"
	run cs-agent import "$T/list.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"unchanged 1"* ]]
}

@test "in JSON an empty field is null, name and text fields alike, never \"\"" {
	cs-agent add x.y >/dev/null
	run cs-agent show x.y -f jsonl
	[ "$output" = '{"login":"x.y","name":null,"team":null,"role":"agent","skills":null,"weight":1,"capacity":null,"active":"yes","on_leave":"no"}' ]
	cs-agent update x.y --name 李娜 --team 售后组 --skills 投诉 >/dev/null
	cs-agent update x.y --name '' --team '' --skills '' >/dev/null
	run cs-agent list -f json
	[ "$output" = '[
{"login":"x.y","name":null,"team":null,"role":"agent","skills":null,"weight":1,"capacity":null,"active":"yes","on_leave":"no"}
]' ]
	# CSV and tables are unchanged: empty cells
	[ "$(cs-agent show x.y -f csv --no-header)" = "x.y,,,agent,,1,,yes,no" ]
}

@test "the table aligns Chinese names by display width" {
	cs-agent add li.na --name 李娜 >/dev/null
	cs-agent add ouyang.nn --name 欧阳娜娜 >/dev/null
	cs-agent add bob --name Bob >/dev/null
	run cs-agent list -f table
	[ "$status" -eq 0 ]
	# the column after the name starts at the same display column
	for i in 1 2 3; do
		line=${lines[$i]}
		pre=${line%%agent*}
		w=$(printf '%s' "$pre" | wc -L)
		[ -z "$w0" ] && w0=$w
		[ "$w" = "$w0" ]
	done
	run cs-agent list -f table --lang zh
	[[ "${lines[0]}" == *"姓名"* ]]
}

@test "add refuses a duplicate, a bad login and bad values with 65" {
	cs-agent add li.na >/dev/null
	before=$(dbsum)
	run cs-agent add li.na
	[ "$status" -eq 65 ]
	[[ "$output" == *"exists already"* ]]
	run cs-agent add 'li na'
	[ "$status" -eq 65 ]
	[[ "$output" == *"--login: a login is"* ]]
	run cs-agent add x.y --weight 0
	[ "$status" -eq 65 ]
	[[ "$output" == *"--weight: the weight is a number above 0"*"(0)"* ]]
	run cs-agent add x.y --weight abc
	[ "$status" -eq 65 ]
	run cs-agent add x.y --weight 1001
	[ "$status" -eq 65 ]
	[ "$output" = "cs-agent: add: --weight: the weight is a number above 0 and at most 1000 (1 = an average specialist) (1001)" ]
	run cs-agent add x.y --capacity -1
	[ "$status" -eq 65 ]
	[[ "$output" == *"--capacity"* ]]
	run cs-agent add x.y --role boss
	[ "$status" -eq 65 ]
	[[ "$output" == *"unknown role"* ]]
	run cs-agent add
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
	# 1000 itself is a weight
	run cs-agent add x.y --weight 1000
	[ "$status" -eq 0 ]
}

@test "import reads the spec's columns and re-import updates" {
	roster
	run cs-agent import "$T/agents.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 3, updated 0, unchanged 0, rejected 0"* ]]
	run cs-agent import "$T/agents.csv"
	[[ "$output" == *"added 0, updated 0, unchanged 3, rejected 0"* ]]
	sed -i 's/li.na,李娜,售后组,agent,售后;投诉,1,20,yes/li.na,李娜,售后组,agent,售后,3,,yes/' "$T/agents.csv"
	run cs-agent import "$T/agents.csv"
	[[ "$output" == *"added 0, updated 1, unchanged 2, rejected 0"* ]]
	run cs-agent show li.na -f csv
	[ "${lines[1]}" = "li.na,李娜,售后组,agent,售后,3,,yes,no" ]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM agent')" = 3 ]
	run sqlite3 "$CS_DB" "SELECT field || ':' || old_value || '>' || coalesce(new_value, '') FROM v_changes WHERE field IS NOT NULL ORDER BY id"
	[[ "$output" == *"skills:售后;投诉>售后"* ]]
	[[ "$output" == *"weight:1>3"* ]]
	[[ "$output" == *"capacity:20>"* ]]
}

@test "import takes a BOM, CRLF, JSON, JSON lines and stdin" {
	printf '\xef\xbb\xbflogin,name\r\nli.na,李娜\r\n' > "$T/bom.csv"
	run cs-agent import "$T/bom.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 1"* ]]
	echo '[{"login":"wang.wei","name":"王伟","weight":2,"capacity":null}]' > "$T/a.json"
	run cs-agent import "$T/a.json"
	[ "$status" -eq 0 ]
	printf '{"login":"zhang.min","active":false}\n{"login":"zhao.lei"}\n' | cs-agent import - 2>"$T/err"
	grep -q 'import stdin: added 2' "$T/err"
	run cs-agent list -f csv --no-header
	[ "${#lines[@]}" -eq 4 ]
	[[ "${lines[2]}" == "zhang.min,,,agent,,1,,no,no" ]]
}

@test "import reads GBK with --encoding gbk and refuses it without" {
	run cs-agent import "$DATA/agents.gbk.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"agents.gbk.csv:2: invalid UTF-8"* ]]
	run cs-agent import --encoding gbk "$DATA/agents.gbk.csv"
	[ "$status" -eq 0 ]
	run cs-agent show li.na -f csv --no-header
	[ "$output" = "li.na,李娜,售后组,agent,,1,,yes,no" ]
}

@test "a bad row aborts the import with FILE:LINE and writes nothing" {
	roster
	cs-agent add keep.me >/dev/null
	printf 'bad.one,坏,组,agent,,-2,,yes\n' >> "$T/agents.csv"
	before=$(dbsum)
	run cs-agent import "$T/agents.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/agents.csv:5: weight: the weight is a number above 0"*"(-2)"* ]]
	[[ "$output" == *"nothing was imported"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "ragged rows, unknown columns and a missing login column are refused" {
	cs-db init 2>/dev/null
	before=$(dbsum)
	printf 'login,name\nli.na,李娜,extra\n' > "$T/ragged.csv"
	run cs-agent import "$T/ragged.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"ragged.csv:2:"* ]]
	printf 'login,nickname\nli.na,娜娜\n' > "$T/unknown.csv"
	run cs-agent import "$T/unknown.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"nickname: unknown column"* ]]
	printf 'name\n李娜\n' > "$T/nologin.csv"
	run cs-agent import "$T/nologin.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"missing required column login"* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-agent import --ignore-unknown "$T/unknown.csv"
	[ "$status" -eq 0 ]
}

@test "a missing input file is 66 and creates no database" {
	run cs-agent import "$T/nope.csv"
	[ "$status" -eq 66 ]
	[[ "$output" == *"nope.csv"* ]]
	[ ! -e "$CS_DB" ]
}

@test "--skip-invalid lands the good rows and writes the bad ones with an error" {
	roster
	printf 'bad.one,坏,组,agent,,1,lots,yes\nbad two,坏,组,agent,,1,,yes\n' >> "$T/agents.csv"
	run cs-agent import --skip-invalid "$T/rejects.csv" "$T/agents.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 3, updated 0, unchanged 0, rejected 2"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM agent')" = 3 ]
	run cat "$T/rejects.csv"
	[ "${lines[0]}" = "login,name,team,role,skills,weight,capacity,active,error" ]
	[[ "${lines[1]}" == "bad.one,坏,组,agent,,1,lots,yes,"*"agents.csv:5: capacity:"* ]]
	[[ "${lines[2]}" == "bad two,"*"agents.csv:6: login:"* ]]
}

@test "--dry-run counts and names bad rows but writes nothing" {
	roster
	cs-db init 2>/dev/null
	before=$(dbsum)
	run cs-agent import --dry-run "$T/agents.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"would add 3"*"dry run"* ]]
	printf 'bad.one,坏,组,agent,,x,,yes\n' >> "$T/agents.csv"
	run cs-agent import -n "$T/agents.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"agents.csv:5: weight"* ]]
	[[ "$output" == *"would add 3"*"rejected 1"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "list filters by team, role, skill and active" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	run cs-agent list -f csv --no-header --team 售后组
	[ "${#lines[@]}" -eq 2 ]
	run cs-agent list -f csv --no-header --role supervisor
	[[ "$output" == wang.wei,* ]]
	run cs-agent list -f csv --no-header --skill 投诉
	[ "${#lines[@]}" -eq 2 ]
	run cs-agent list -f csv --no-header --inactive
	[[ "$output" == zhang.min,* ]]
	run cs-agent list -f csv --no-header --active
	[ "${#lines[@]}" -eq 2 ]
	run cs-agent list -f jsonl --team 技术组
	[ "$output" = '{"login":"zhang.min","name":"张敏","team":"技术组","role":"agent","skills":"技术支持","weight":1.5,"capacity":10,"active":"no","on_leave":"no"}' ]
}

@test "show finds one agent, or says none with status 1" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	run cs-agent show wang.wei -f csv --no-header
	[ "$output" = "wang.wei,王伟,售后组,supervisor,投诉,2,,yes,no" ]
	for f in csv tsv json jsonl table; do
		run cs-agent show nobody -f $f
		[ "$status" -eq 1 ]
		[ "$output" = "cs-agent: show: nobody: no such agent" ]
		# no header row, no [] on stdout: nothing at all
		[ -z "$(cs-agent show nobody -f $f 2>/dev/null)" ]
	done
}

@test "update changes only the given fields and logs who did it" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	run cs-agent update li.na --team 投诉组 --actor boss
	[ "$status" -eq 0 ]
	run cs-agent show li.na -f csv --no-header
	[ "$output" = "li.na,李娜,投诉组,agent,售后;投诉,1,20,yes,no" ]
	run sqlite3 "$CS_DB" "SELECT actor, old_value, new_value FROM v_changes WHERE field = 'team'"
	[ "$output" = "boss|售后组|投诉组" ]
	before=$(dbsum)
	run cs-agent update nobody --team x
	[ "$status" -eq 1 ]
	[ "$output" = "cs-agent: update: nobody: no such agent" ]
	[ "$(dbsum)" = "$before" ]
	run cs-agent update li.na --active maybe
	[ "$status" -eq 65 ]
	# no agent is no agent, whatever the values and the login's form
	run -1 cs-agent update nobody --weight 0 --capacity x
	[ "$output" = "cs-agent: update: nobody: no such agent" ]
	run -1 cs-agent update 'no body' --team x
	[ "$(dbsum)" = "$before" ]
	run -65 cs-agent add li.na --weight 0
	[[ "$output" == *"exists already"* ]]
}

@test "leave is recorded with both days included, listed and cancelled" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	run cs-agent leave li.na --from 2026-11-24 --to +2d --note 年假
	[ "$status" -eq 0 ]
	id=$output
	run cs-agent leave li.na -f csv
	[ "${lines[1]}" = "$id,li.na,2026-11-24,2026-11-26,年假" ]
	run cs-agent show li.na -f csv --no-header
	[[ "$output" == *",yes,yes" ]]
	CS_NOW=2026-11-27T09:00 run cs-agent show li.na -f csv --no-header
	[[ "$output" == *",yes,no" ]]
	run cs-agent leave li.na --from 2026-11-24 --to 2026-11-20
	[ "$status" -eq 65 ]
	[[ "$output" == *"before --from"* ]]
	run cs-agent leave li.na --from 2026-11-24
	[ "$status" -eq 2 ]
	run cs-agent leave nobody --from today --to today
	[ "$status" -eq 1 ]
	[ "$output" = "cs-agent: leave: nobody: no such agent" ]
	run cs-agent leave nobody --cancel "$id"
	[ "$status" -eq 1 ]
	[ "$output" = "cs-agent: leave: nobody: no such agent" ]
	run cs-agent leave nobody
	[ "$status" -eq 1 ]
	[ "$output" = "cs-agent: leave: nobody: no such agent" ]
	run cs-agent leave li.na --cancel "$id"
	[ "$status" -eq 0 ]
	run cs-agent leave li.na -f csv --no-header
	[ -z "$output" ]
	# a cancelled leave is gone: nothing found, as for an unknown login
	run cs-agent leave li.na --cancel "$id"
	[ "$status" -eq 1 ]
	[ "$output" = "cs-agent: leave: li.na: no leave $id" ]
	# another agent's leave is a mistake in the line, and stays
	other=$(cs-agent leave wang.wei --from today --to today)
	run cs-agent leave li.na --cancel "$other"
	[ "$status" -eq 65 ]
	[[ "$output" == *"li.na has no leave $other: it is another agent's"* ]]
	[ -n "$(cs-agent leave wang.wei -f csv --no-header)" ]
}

@test "leave -f json prints the new leave as one object, as add does; plain, its id" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	run cs-agent leave li.na --from 2026-11-24 --to +2d --note 年假 -f json
	[ "$status" -eq 0 ]
	[ "$output" = '{"id":1,"login":"li.na","first_day":"2026-11-24","last_day":"2026-11-26","note":"年假"}' ]
	run cs-agent leave wang.wei --from 2026-12-01 --to 2026-12-01 -f jsonl
	[ "$status" -eq 0 ]
	[ "$output" = '{"id":2,"login":"wang.wei","first_day":"2026-12-01","last_day":"2026-12-01","note":null}' ]
	# only the new one, though li.na has other leave
	run cs-agent leave li.na --from 2026-12-24 --to 2026-12-25 -f json
	[ "$output" = '{"id":3,"login":"li.na","first_day":"2026-12-24","last_day":"2026-12-25","note":null}' ]
	run cs-agent leave li.na --from 2027-01-04 --to 2027-01-04 -f csv
	[ "$output" = 4 ]
	# the object is what the listing shows for that id
	[ "$(cs-agent leave li.na -f jsonl | grep '"id":3,')" = '{"id":3,"login":"li.na","first_day":"2026-12-24","last_day":"2026-12-25","note":null}' ]
	# cancelling prints nothing, in any format
	run cs-agent leave li.na --cancel 3 -f json
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}

@test "deactivate and activate several logins at once, all or nothing" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	run cs-agent deactivate li.na wang.wei
	[ "$status" -eq 0 ]
	run cs-agent list --active -f csv --no-header
	[ -z "$output" ]
	before=$(dbsum)
	run cs-agent activate li.na nobody
	[ "$status" -eq 1 ]
	[ "$output" = "cs-agent: activate: nobody: no such agent: nothing changed" ]
	[ "$(dbsum)" = "$before" ]
	run cs-agent activate li.na
	run cs-agent list --active -f csv --no-header
	[[ "$output" == li.na,* ]]
}

@test "completion words come from the option tables and the database" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	run cs-agent __complete
	[[ "$output" == *"import"* ]]
	run cs-agent __complete list
	[[ "$output" == *"--skill"* ]]
	[[ "$output" == *"--format"* ]]
	run cs-agent __complete list --team
	[ "${lines[0]}" = 售后组 ]
	run cs-agent __complete list --format
	[[ "$output" == *jsonl* ]]
}
