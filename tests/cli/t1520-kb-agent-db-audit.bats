#!/usr/bin/env bats
# Audit of the knowledge base (cs-kb), the roster (cs-agent), the database
# file (cs-db), the documented SQL views, the kb part of the periodic
# report and the cs front command, against SPEC.md and the man pages, as
# an acceptance-test writer reads them. A test of a behaviour that is wrong
# today stays here and fails: it documents the finding.
bats_require_minimum_version 1.5.0
load helper

teardown() { touch "$T/release"; }

# json_ok FILE: the file is one valid JSON text (checked by sqlite3's JSON1,
# which every machine that runs these tests has).
json_ok() {
	[ "$(sqlite3 :memory: "SELECT json_valid(CAST(readfile('$1') AS TEXT))")" = 1 ]
}

# jsonl_ok FILE: every line is one JSON object.
jsonl_ok() {
	local l n=0
	while IFS= read -r l; do
		n=$((n + 1))
		printf '%s' "$l" > "$T/jl"
		[ "$(sqlite3 :memory: "SELECT json_type(CAST(readfile('$T/jl') AS TEXT))")" = object ] ||
		    { echo "line $n is no object: $l"; return 1; }
	done < "$1"
}

# An owner of the knowledge base and a reviewer on the roster.
kb_staff() {
	printf 'login,name,team,role\nboss,黄磊,知识库,owner\nrev,赵丽,知识库,reviewer\n' |
	    cs-agent import - 2>/dev/null
}

# add_pub TITLE CATEGORY BODY: a published article, its id on stdout.
add_pub() {
	local id
	id=$(cs-kb add -t "$1" -c "$2" -b "$3") || return 1
	cs-kb submit "$id" >/dev/null || return 1
	CS_USER=boss cs-kb approve "$id" >/dev/null || return 1
	echo "$id"
}

# ---------------------------------------------------------------- views

@test "the SQL views of cs(7) exist with exactly the documented columns, and cs-db views lists the same" {
	cs-db init 2>/dev/null
	cat > "$T/doc" <<'EOF'
v_agents id,login,name,team,role,skills,weight,capacity,active,created_at,updated_at
v_agent_leave id,login,first_day,last_day,note
v_agent_targets metric,op,value,team,agent,set_at
v_customers id,code,name,phone,phone2,email,wechat,company,city,address,segment,tags,owner,birthday,notes,attrs,status,contact_reason,contact_note,merged_into,created_at,updated_at
v_customer_attrs customer_id,name,value
v_tickets id,external_id,customer_id,customer_code,customer_name,type,subtype,channel,priority,category,stage,root_cause,resolution,status,assignee,resolved_by,escalated_to,subject,body,created_at,first_response_at,resolved_at,closed_at,reopened,csat,first_response_due,resolution_due
v_ticket_events id,ticket_id,at,actor,kind,field,old_value,new_value,note,public
v_reviews id,ticket_id,agent,reviewer,form,score,items,note,at
v_revisits id,customer_id,customer_name,ticket_id,reason,period,due_date,skill,status,agent,assigned_at,attempts,last_result,score,note,created_at,finished_at
v_revisit_attempts id,revisit_id,customer_id,reason,seq,at,actor,agent,result,score,note,ticket_id
v_changes id,at,actor,entity,entity_id,field,old_value,new_value,note
v_articles id,title,category,tags,status,owner,reviewer,version,views,helpful,unhelpful,created_at,updated_at,reviewed_at,published_at,body
v_article_versions article_id,version,title,category,tags,at,actor,note,body
EOF
	while read -r v cols; do
		got=$(sqlite3 "$CS_DB" "SELECT group_concat(name, ',') FROM pragma_table_info('$v')")
		[ "$got" = "$cols" ] || { echo "$v: $got"; return 1; }
		# usable from the plain sqlite3 shell, which lacks the tokenizer
		sqlite3 "$CS_DB" "SELECT count(*) FROM $v" >/dev/null
	done < "$T/doc"
	run -0 cs-db views -f csv --no-header
	# the views of cs-db views are those documented, with the same columns
	diff <(sort "$T/doc" | tr ' ' ,) <(cut -d, -f1 <<<"$output" | paste -d, - <(sed 's/^[^,]*,"\([^"]*\)".*/\1/' <<<"$output") | sort)
}

@test "the sqlite3 examples of the man pages run as printed on a real roster and knowledge base" {
	staff_and_customers
	kb_staff
	cs-agent update li.na --team 投诉组 --actor zhang.zg
	id=$(add_pub 退货流程 退换货 七天无理由退货)
	cs-kb show "$id" >/dev/null
	run -0 sqlite3 "$CS_DB" "SELECT c.at, c.actor, c.field, c.old_value, c.new_value FROM v_changes c JOIN v_agents a ON a.id = c.entity_id WHERE c.entity = 'agent' AND a.login = 'li.na'"
	[[ "$output" == *"2026-11-24T09:00:00|zhang.zg|team|售后组|投诉组"* ]]
	run -0 sqlite3 "$CS_DB" "SELECT team, count(*) FROM v_agents WHERE active GROUP BY team"
	[[ "$output" == *"投诉组|1"* ]]
	[[ "$output" == *"售后组|1"* ]]
	run -0 sqlite3 -header -csv "$CS_DB" "SELECT id, title, views, helpful, unhelpful FROM v_articles WHERE status = 'published' ORDER BY views DESC LIMIT 10"
	# sqlite3 -csv quotes text that is not ASCII
	[ "${lines[1]}" = "$id,\"退货流程\",1,0,0" ]
	cs-agent add solo >/dev/null
	run -0 sqlite3 "$CS_DB" "SELECT typeof(team), typeof(skills), typeof(capacity), active FROM v_agents WHERE login = 'solo'"
	[ "$output" = "null|null|null|1" ]
	run -0 sqlite3 "$CS_DB" "SELECT version, title, at, actor FROM v_article_versions WHERE article_id = $id"
	[ "$output" = "1|退货流程|2026-11-24T09:00:00|tester" ]
}

# ----------------------------------------------------------- database file

@test "the default database is \$XDG_DATA_HOME/cs/cs.db, else \$HOME/.local/share/cs/cs.db: folders 0700, file 0600 under umask 000" {
	unset CS_DB
	mkdir -p "$T/h1" "$T/h2"
	(umask 000; HOME="$T/h1" cs-agent add li.na >/dev/null)
	[ "$(stat -c %a "$T/h1/.local/share/cs/cs.db")" = 600 ]
	[ "$(stat -c %a "$T/h1/.local/share/cs")" = 700 ]
	(umask 000; HOME="$T/h1" XDG_DATA_HOME="$T/h2/x" cs-kb add -t 测试 >/dev/null)
	[ "$(stat -c %a "$T/h2/x/cs/cs.db")" = 600 ]
	[ "$(stat -c %a "$T/h2/x")" = 700 ]
	# a relative XDG_DATA_HOME is not used
	(cd "$T" && HOME="$T/h1" XDG_DATA_HOME=rel cs-kb list >/dev/null)
	[ ! -e "$T/rel" ]
	# CS_DB wins over both, --db over CS_DB
	CS_DB="$T/env.db" HOME="$T/h1" run -0 cs-agent --db "$T/opt.db" add wang.wei
	[ -e "$T/opt.db" ] && [ ! -e "$T/env.db" ]
}

@test "an empty --db is a usage error, as it is for cs, not the default database" {
	unset CS_DB
	mkdir -p "$T/home"
	HOME="$T/home" run cs --db= agent add li.na
	[ "$status" -eq 2 ]
	HOME="$T/home" run cs-agent --db '' add li.na
	echo "# $output"
	[ "$status" -eq 2 ]
	[ ! -e "$T/home/.local/share/cs/cs.db" ]
}

@test "a database newer than the binary: every kb, agent and db command says so, exits 69 and leaves the file byte for byte" {
	cs-db init 2>/dev/null
	sqlite3 "$CS_DB" 'PRAGMA user_version = 99'
	sum=$(md5sum < "$CS_DB")
	printf 'login\nx\n' > "$T/a.csv"
	for c in "cs-agent list" "cs-agent add x" "cs-agent import $T/a.csv" "cs-kb list" \
	    "cs-kb add -t x" "cs-kb search 退货" "cs-kb gaps 2026-W47" "cs-db migrate" \
	    "cs-db init" "cs-db check" "cs-db stats" "cs-db backup $T/b.db" "cs kb list"; do
		run $c
		echo "# $c: $status $output"
		[ "$status" -eq 69 ]
		[[ "$output" == *"schema version 99, newer than this cs knows"* ]]
	done
	[ "$(md5sum < "$CS_DB")" = "$sum" ]
	[ ! -e "$T/b.db" ]
	[ ! -e "$CS_DB-wal" ] || [ ! -s "$CS_DB-wal" ]
}

# The audit asked for no file at all; cs(7) CAVEATS documents instead that
# a command that writes creates the file (its schema, mode 0600) when it
# starts, before it reads its input: what it refuses writes no data.
@test "a refused add or import on a path with no database leaves the database created, 0600, with no data" {
	printf -- '---\ntitle: 退货\ncolor: red\n---\nbody\n' > "$T/bad.md"
	printf 'login,weight\nli.na,0\n' > "$T/bad.csv"
	CS_DB="$T/k.db" run -65 cs-kb import "$T/bad.md"
	CS_DB="$T/a.db" run -65 cs-agent import "$T/bad.csv"
	CS_DB="$T/b.db" run -65 cs-agent add 'bad login'
	CS_DB="$T/c.db" run -65 cs-kb add -t 'a' --tags 'x,y'
	for d in k a b c; do
		[ "$(stat -c %a "$T/$d.db")" = 600 ]
		[ "$(sqlite3 "$T/$d.db" 'PRAGMA user_version')" -gt 0 ]
		[ "$(sqlite3 "$T/$d.db" 'SELECT (SELECT count(*) FROM agent) +
		    (SELECT count(*) FROM article) + (SELECT count(*) FROM
		    change_log)')" = 0 ] || { echo "$d.db has data"; return 1; }
		CS_DB="$T/$d.db" run -0 cs-db check
	done
	grep -q 'creates the database file' "$BATS_TEST_DIRNAME/../../share/man/cs.7"
}

@test "cs-db backup while another process writes: every copy whole, consistent, 0600, no -wal" {
	cs-db init 2>/dev/null
	( for i in $(seq 1 120); do cs-agent add "a$i" >/dev/null || echo "fail $i"; done ) > "$T/writer" &
	for i in 1 2 3 4; do
		sleep 0.2
		run -0 cs-db backup "$T/b$i.db"
	done
	wait
	[ ! -s "$T/writer" ]
	prev=0
	for i in 1 2 3 4; do
		[ "$(sqlite3 "$T/b$i.db" 'PRAGMA integrity_check')" = ok ]
		[ "$(stat -c %a "$T/b$i.db")" = 600 ]
		[ ! -e "$T/b$i.db-wal" ]
		n=$(sqlite3 "$T/b$i.db" 'SELECT count(*) FROM agent')
		# each agent with its change-log row: no half of a write
		[ "$(sqlite3 "$T/b$i.db" 'SELECT count(*) FROM change_log')" -eq "$n" ]
		[ "$n" -ge "$prev" ]
		prev=$n
	done
	run -0 cs-db check
}

@test "cs-db check names the rows of agent_skill that point at a gone agent, not 'row 0'" {
	cs-agent add li.na -s '投诉;售后' >/dev/null
	sqlite3 "$CS_DB" 'PRAGMA foreign_keys = off; DELETE FROM agent'
	run -1 cs-db check -f csv
	echo "$output"
	[[ "$output" == *"foreign_keys,FAILED"* ]]
	[[ "$output" == *agent_skill* ]]
	[[ "$output" != *"agent_skill row 0"* ]]
}

# ------------------------------------------------------------------ roster

@test "cs-agent import: weight defaults to 1, empty capacity is no limit, active yes; skills split on ; and ；, trimmed and sorted" {
	cat > "$T/a.csv" <<'CSV'
login,name,team,role,skills,weight,capacity,active
li.na,李娜,售后组,agent, 投诉 ；售后;投诉;,,,
zhao,赵敏,技术组,reviewer,技术支持,1.5,0,否
CSV
	run -0 cs-agent import "$T/a.csv"
	[[ "$output" == *"import $T/a.csv: added 2, updated 0, unchanged 0, rejected 0"* ]]
	run -0 cs-agent list -f csv --no-header
	[ "${lines[0]}" = "li.na,李娜,售后组,agent,售后;投诉,1,,yes,no" ]
	[ "${lines[1]}" = "zhao,赵敏,技术组,reviewer,技术支持,1.5,0,no,no" ]
	run -0 cs-agent show li.na -f json
	[[ "$output" == *'"weight":1,'* ]]
	[[ "$output" == *'"capacity":null'* ]]
}

@test "cs-agent re-import: an empty cell resets to the default, an absent column keeps, the same file again is unchanged" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	run -0 cs-agent import "$T/agents.csv"
	[[ "$output" == *"added 0, updated 0, unchanged 3, rejected 0"* ]]
	printf 'login,team,capacity\nli.na,,\n' | cs-agent import - 2>/dev/null
	run -0 cs-agent show li.na -f csv --no-header
	# team and capacity reset; skills, weight, role kept
	[ "$output" = "li.na,李娜,,agent,售后;投诉,1,,yes,no" ]
	printf '{"login":"wang.wei","weight":null,"capacity":"","active":"off"}\n' | cs-agent import - 2>/dev/null
	run -0 cs-agent show wang.wei -f csv --no-header
	[ "$output" = "wang.wei,王伟,售后组,supervisor,投诉,2,,no,no" ]
	# only the fields that changed are logged
	[ "$(sqlite3 "$CS_DB" "SELECT group_concat(field) FROM v_changes WHERE entity = 'agent' AND field IS NOT NULL")" = "team,capacity,active" ]
}

@test "cs-agent import: each bad row is FILE:LINE: column: problem (value), exit 65, nothing written" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	sum=$(dbsum)
	while IFS='|' read -r row col val; do
		# a blank line before the bad row is still counted
		printf 'login,name,weight,capacity,active,role\nok1,甲,1,,yes,agent\n\n%s\n' "$row" > "$T/bad.csv"
		run -65 cs-agent import "$T/bad.csv"
		echo "# $row: $output"
		[[ "${lines[0]}" == "cs-agent: $T/bad.csv:4: $col: "*"($val)" ]]
	done <<'ROWS'
x1,乙,0,,yes,agent|weight|0
x1,乙,1001,,yes,agent|weight|1001
x1,乙,abc,,yes,agent|weight|abc
x1,乙,1,1.5,yes,agent|capacity|1.5
x1,乙,1,-1,yes,agent|capacity|-1
x1,乙,1,,maybe,agent|active|maybe
x1,乙,1,,yes,boss|role|boss
li na,乙,1,,yes,agent|login|li na
ROWS
	[ "$(dbsum)" = "$sum" ]
}

@test "a JSON real in an agent import is reported and set aside as it was written (100.0, not 1e+02)" {
	printf '{"login":"a","capacity":10.0}\n' > "$T/a.jsonl"
	run cs-agent import "$T/a.jsonl"
	echo "# $output"
	if [ "$status" -eq 0 ]; then
		[ "$(cs-agent show a -f csv --no-header | cut -d, -f7)" = 10 ]
	else
		[ "$status" -eq 65 ]
		[[ "$output" == *"(10.0)"* ]]
	fi
	[[ "$output" != *"1e+01"* ]]
	printf '{"login":"b","capacity":100.0,"weight":0}\n{"login":"c"}\n' > "$T/b.jsonl"
	run -0 cs-agent import --skip-invalid "$T/rej.csv" "$T/b.jsonl"
	cat "$T/rej.csv"
	lacks -q 'e+0' "$T/rej.csv"
}

@test "cs-agent list --role with a value that is no role is a usage error, not an empty roster" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	run -0 cs-agent list --role supervisor -f csv --no-header
	[ "$output" = "wang.wei,王伟,售后组,supervisor,投诉,2,,yes,no" ]
	run cs-agent list --role reveiwer
	echo "# $status $output"
	[ "$status" -eq 2 ]
	[[ "$output" == *reveiwer* ]]
}

@test "cs-agent list --active --inactive together is a usage error, as the synopsis [--active | --inactive] says" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	run cs-agent list --active --inactive
	echo "# $status $output"
	[ "$status" -eq 2 ]
}

@test "cs-agent update of a login not on the roster is 1 'no such agent' whatever the options" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	sum=$(dbsum)
	run -1 cs-agent update nobody --team 售后组
	[[ "$output" == *"update: nobody: no such agent"* ]]
	run cs-agent update nobody --weight 0
	echo "# $status $output"
	[ "$status" -eq 1 ]
	[[ "$output" == *"no such agent"* ]]
	[ "$(dbsum)" = "$sum" ]
}

@test "cs-agent leave: both days included, in local time; --to before --from is 65; unknown login 1" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	run -0 cs-agent leave li.na --from 2026-11-24 --to 2026-11-26 --note 年假
	[ "$output" = 1 ]
	for n in 2026-11-24T00:00 2026-11-26T23:59:59 2026-11-23T16:00:00Z; do
		[ "$(cs-agent list --now "$n" -f csv --no-header | grep '^li.na,' | cut -d, -f9)" = yes ]
	done
	for n in 2026-11-23T23:59:59 2026-11-27T00:00 2026-11-26T16:00:00Z; do
		[ "$(cs-agent list --now "$n" -f csv --no-header | grep '^li.na,' | cut -d, -f9)" = no ]
	done
	sum=$(dbsum)
	run -65 cs-agent leave li.na --from 2026-11-26 --to 2026-11-24
	run -1 cs-agent leave nobody --from 2026-11-24 --to 2026-11-26
	run -2 cs-agent leave li.na --from 2026-11-24
	run -65 cs-agent leave wang.wei --cancel 1
	[ "$(dbsum)" = "$sum" ]
	run -0 sqlite3 "$CS_DB" 'SELECT login, first_day, last_day, note FROM v_agent_leave'
	[ "$output" = "li.na|2026-11-24|2026-11-26|年假" ]
}

# ---------------------------------------------------------- knowledge base

@test "search finds two-character Chinese words (退货, 发票) and English words by prefix in any case, the hit marked" {
	kb_staff
	add_pub 退货须知 退换货 '签收后七天内可申请退货，运费由买家承担。' >/dev/null
	add_pub 开发票 发票 '电子发票在确认收货后开具。Invoice requests go to finance.' >/dev/null
	# a line break between the two characters is no word
	add_pub 退款 退换货 $'退\n货款在三个工作日内到账。' >/dev/null
	run -0 cs-kb search -f csv --no-header 退货
	[ "${#lines[@]}" -eq 1 ]
	[[ "${lines[0]}" == 1,退货须知,退换货,published,100.00,*"[退货]"* ]]
	run -0 cs-kb search -f csv --no-header 发票
	[ "${#lines[@]}" -eq 1 ]
	[[ "${lines[0]}" == 2,*"[发票]"* ]]
	for q in inv INV Invoice 'invoice*'; do
		run -0 cs-kb search -f csv --no-header "$q"
		[ "${#lines[@]}" -eq 1 ]
		[[ "${lines[0]}" == 2,*"[Invoice]"* ]]
	done
	run -1 cs-kb search invoices
	run -0 cs-kb search -f csv --no-header '退货，运费'
	[[ "${lines[0]}" == *"[退货]，[运费]"* ]]
	run -2 cs-kb search '，。'
}

@test "a code typed in full-width digits (Ｅ３) is matched whole, as E3 is, and does not find E30" {
	kb_staff
	add_pub 错误E3 故障 '出现E3表示进水阀压力不足。' >/dev/null
	add_pub 'WiFi setup' 联网 'Error E30 means timeout.' >/dev/null
	run -0 cs-kb search -f csv --no-header E3
	[ "${#lines[@]}" -eq 1 ]
	[ "${lines[0]%%,*}" = 1 ]
	run -0 cs-kb search -f csv --no-header 'Ｅ３'
	echo "$output"
	[ "${#lines[@]}" -eq 1 ]
	[ "${lines[0]%%,*}" = 1 ]
}

@test "every illegal status move is refused with 65, naming what is allowed, and writes nothing" {
	kb_staff
	id=$(cs-kb add -t 退货流程 -b 七天)
	sum=$(dbsum)
	for c in approve publish "reject -r 原因"; do
		CS_USER=boss run -65 cs-kb $c "$id"
		[[ "$output" == *"article $id is draft"*"allowed from draft: submit, archive, edit"* ]]
	done
	[ "$(dbsum)" = "$sum" ]
	cs-kb submit "$id" >/dev/null
	run -65 cs-kb submit "$id"
	[[ "$output" == *"allowed from review: approve, reject, archive, edit"* ]]
	CS_USER=boss cs-kb approve "$id" >/dev/null
	for c in submit review; do
		run -65 cs-kb "$c" "$id"
	done
	CS_USER=boss run -65 cs-kb reject "$id" -r 原因
	cs-kb archive "$id" >/dev/null
	CS_USER=boss run -65 cs-kb approve "$id"
	run -65 cs-kb archive "$id"
	run -65 cs-kb edit "$id" -b 新
	run -0 sqlite3 "$CS_DB" "SELECT status, reviewer FROM v_articles WHERE id = $id"
	[ "$output" = "archived|boss" ]
}

@test "a rejection with a blank reason is refused like one without a reason" {
	kb_staff
	id=$(cs-kb add -t 退货流程 -b 七天)
	cs-kb submit "$id" >/dev/null
	sum=$(dbsum)
	CS_USER=rev run -65 cs-kb reject "$id" -r ''
	CS_USER=rev run cs-kb reject "$id" -r '   '
	echo "# $status $output"
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$sum" ]
}

@test "versions, views and votes: an edit is a version, show counts a view, one vote per person" {
	kb_staff
	id=$(add_pub 会员积分规则 会员 积分一年有效。)
	run -0 cs-kb edit "$id" -b 积分两年有效。 --note 改期
	run -0 cs-kb edit "$id" -b 积分两年有效。
	[[ "$output" == *"nothing changed"* ]]
	run -0 cs-kb show --version 1 "$id" -f csv
	[[ "$output" == *",积分一年有效。" ]]
	run -0 cs-kb diff "$id" 1 2
	[[ "$output" == *"-积分一年有效。"*"+积分两年有效。"* ]]
	cs-kb vote "$id" -y
	cs-kb vote "$id" -N
	CS_USER=a cs-kb vote "$id" --helpful
	CS_USER=b cs-kb vote "$id" --helpful
	run -0 sqlite3 "$CS_DB" "SELECT version, views, helpful, unhelpful FROM v_articles WHERE id = $id"
	[ "$output" = "2|1|2|1" ]
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM v_article_versions WHERE article_id = $id")" -eq 2 ]
	d=$(cs-kb add -t 草稿)
	run -65 cs-kb vote "$d" -y
	run -1 cs-kb vote 99 -y
	run -2 cs-kb vote "$id"
}

@test "history is oldest first even when several changes fall in one second" {
	kb_staff
	id=$(cs-kb add -t 甲 -b 一)
	cs-kb submit "$id" >/dev/null
	CS_USER=boss cs-kb reject "$id" -r 太短
	cs-kb edit "$id" -b 一二 --note 补充
	cs-kb submit "$id" >/dev/null
	CS_USER=boss cs-kb approve "$id" >/dev/null
	run -0 cs-kb history "$id" -f csv --no-header
	printf '%s\n' "$output"
	cut -d, -f3-5 <<<"$output" > "$T/got"
	cat > "$T/want" <<'EOF'
version,,1
status,,draft
status,draft,review
status,review,draft
version,1,2
status,draft,review
status,review,published
EOF
	diff "$T/want" "$T/got"
}

@test "cs-kb show shows the article while another command holds the write lock: a reader does not wait" {
	kb_staff
	id=$(add_pub 退货流程 退换货 七天无理由退货)
	hold_lock
	CS_BUSY_TIMEOUT=300 run cs-kb show "$id" -f csv
	touch "$T/release"
	wait
	echo "# $status $output"
	[ "$status" -eq 0 ]
	[[ "$output" == *"七天无理由退货"* ]]
}

@test "in JSON an article without tags has tags null, as every other empty field is" {
	cs-kb add -t 甲 >/dev/null
	run -0 cs-kb list -f jsonl
	echo "$output"
	[[ "$output" == *'"category":null'* ]]
	[[ "$output" == *'"tags":null'* ]]
	run -0 cs-kb show 1 -f json
	[[ "$output" == *'"tags":null'* ]]
}

@test "export, import into an empty database and export again gives the same files, also when two titles make one file name" {
	cs-kb add -t 'a/b' -b one >/dev/null
	cs-kb add -t 'a_b' -b two >/dev/null
	cs-kb add -t '退货:流程' -b 三 >/dev/null
	cs-kb add -t '退货_流程' -b 四 >/dev/null
	run -0 cs-kb export "$T/e1"
	CS_DB="$T/second.db" run -0 cs-kb import "$T/e1"
	CS_DB="$T/second.db" run -0 cs-kb export "$T/e2"
	diff -r "$T/e1" "$T/e2"
}

@test "Markdown, CSV and JSON exports import back unchanged: colons, '---' lines, tabs and formula-looking text" {
	cs-kb add -t '标题: 带冒号' -c '类: 一' --tags 'a b;c' -b $'---\ntitle: 假\n---\n正文\t制表\n\n  缩进' >/dev/null
	cs-kb add -t '=SUM(A1)' -c '-退货' --tags '@x;007' -b $'+86 13812345678\n第二行' >/dev/null
	cs-kb add -t '00123' -c 12345678901 -b '-1' >/dev/null
	cs-kb export "$T/md" 2>/dev/null
	CS_DB="$T/m.db" cs-kb import "$T/md" 2>/dev/null
	cs-kb export -f csv --excel > "$T/x.csv"
	CS_DB="$T/x.db" run -0 cs-kb import "$T/x.csv"
	cs-kb export -f json > "$T/j.json"
	CS_DB="$T/j.db" run -0 cs-kb import "$T/j.json"
	q='SELECT title, category, tags, status, body FROM v_articles ORDER BY title'
	for d in m x j; do
		diff <(sqlite3 "$CS_DB" "$q") <(sqlite3 "$T/$d.db" "$q")
	done
}

@test "a bad Markdown file names the file and line, exit 65, and none of the folder is written" {
	cs-kb add -t 已有 >/dev/null
	sum=$(dbsum)
	mkdir "$T/kb"
	printf -- '---\ntitle: 好\n---\nbody\n' > "$T/kb/a.md"
	while IFS='|' read -r text line what; do
		printf -- "$text" > "$T/kb/b.md"
		run -65 cs-kb import "$T/kb"
		echo "# $output"
		[[ "${lines[0]}" == "cs-kb: $T/kb/b.md:$line: "*"$what"* ]]
	done <<'EOF'
---\ntitle: 坏\ncolor: red\n---\n|3|color
---\ntitle: 坏\nstatus: 已发布\n---\n|3|已发布
---\ntitle: 坏\ntags: a,b\n---\n|3|a,b
---\ntitle: x\ntitle: y\n---\n|3|title
---\ntitle: x\n|1|not closed
EOF
	[ "$(dbsum)" = "$sum" ]
}

@test "an empty status cell of a CSV import is the default: draft for a new article" {
	printf 'title,status,body\n新文章,,七天\n' > "$T/k.csv"
	run cs-kb import "$T/k.csv"
	echo "# $status $output"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT status FROM v_articles WHERE title = '新文章'")" = draft ]
}

@test "cs-kb add refuses bad tags naming the value, and writes nothing" {
	cs-kb add -t 已有 >/dev/null
	sum=$(dbsum)
	run -65 cs-kb add -t 新 --tags '退货,退款'
	echo "# $output"
	[[ "$output" == *"退货,退款"* ]]
	[ "$(dbsum)" = "$sum" ]
}

# --------------------------------------------------------- report kb part

@test "the report's kb section and cs-kb gaps: links counted in the period, gaps by category, computed by hand" {
	staff_and_customers
	kb_staff
	a1=$(add_pub 退货流程 退换货 七天无理由退货)
	a2=$(add_pub 发票开具 发票 电子发票)
	a3=$(add_pub 物流查询 物流 查快递)
	t() { cs-ticket new "$1" -t consult --category "$2" -s "$3" --now "$4"; }
	t1=$(t C001 退换货 退货 2026-11-17T10:00)
	t2=$(t C002 退换货 退货 2026-11-18T10:00)
	t3=$(t C003 发票 发票 2026-11-18T11:00)
	t4=$(t C004 物流 快递 2026-11-19T11:00)
	t C005 账户 登录 2026-11-20T11:00 >/dev/null
	t C006 账户 登录 2026-11-21T11:00 >/dev/null
	t C001 会员 积分 2026-11-22T23:59:59 >/dev/null
	t C002 会员 积分 2026-11-23T00:00 >/dev/null
	cs-ticket link "$t1" "$a1" --now 2026-11-17T11:00
	cs-ticket link "$t2" "$a1" --now 2026-11-18T11:00
	cs-ticket link "$t2" "$a1" --now 2026-11-18T12:00
	cs-ticket link "$t3" "$a2" --now 2026-11-18T12:00
	cs-ticket link "$t4" "$a3" --now 2026-11-23T10:00
	run -0 cs-report 2026-W47 -s kb -f csv
	cat > "$T/want" <<EOF
section,metric,key,value,previous,change_pct
kb,kb_links,article=$a1,2,0,
kb,kb_links,article=$a2,1,0,
kb,kb_gaps,category=账户,2,0,
kb,kb_gaps,category=会员,1,0,
EOF
	diff "$T/want" <(printf '%s\n' "$output")
	run -0 cs-kb gaps 2026-W47 -f csv
	diff <(printf 'category,tickets\n账户,2\n会员,1\n') <(printf '%s\n' "$output")
	run -0 cs-report 2026-W48 -s kb -f csv
	has_row "kb,kb_links,article=$a3,1,0," <(printf '%s\n' "$output")
	has_row "kb,kb_gaps,category=会员,1,1,0.00" <(printf '%s\n' "$output")
	# a link to no article is refused
	run -65 cs-ticket link "$t1" 99
}

# -------------------------------------------- help, formats, tables, lang

@test "-h and --help on every subcommand of cs-kb, cs-agent and cs-db, and on cs: usage on stdout, exit 0, no database made" {
	export CS_DB="$T/none.db"
	for c in "cs-kb add" "cs-kb edit" "cs-kb show" "cs-kb history" "cs-kb diff" "cs-kb list" \
	    "cs-kb search" "cs-kb submit" "cs-kb review" "cs-kb approve" "cs-kb publish" \
	    "cs-kb reject" "cs-kb archive" "cs-kb vote" "cs-kb import" "cs-kb export" \
	    "cs-kb suggest" "cs-kb gaps" "cs-agent add" "cs-agent import" "cs-agent list" \
	    "cs-agent show" "cs-agent update" "cs-agent leave" "cs-agent activate" \
	    "cs-agent deactivate" "cs-agent target" "cs-db init" "cs-db migrate" "cs-db check" \
	    "cs-db backup" "cs-db restore" "cs-db stats" "cs-db views" "cs"; do
		for h in -h --help; do
			run --separate-stderr $c $h
			[ "$status" -eq 0 ] || { echo "$c $h: $status"; return 1; }
			[[ "${lines[0]}" == usage:* ]] || { echo "$c $h: ${lines[0]}"; return 1; }
			[ -z "$stderr" ]
		done
	done
	[ ! -e "$CS_DB" ]
}

@test "every --format of the kb, agent and db listings: JSON parses, JSON lines one object a line, CSV and TSV with a header" {
	kb_staff
	add_pub 退货流程 退换货 '七天无理由退货，"引号"，逗号,' >/dev/null
	cs-agent leave boss --from 2026-11-24 --to 2026-11-25 --note 年假 >/dev/null
	for c in "cs-kb list" "cs-kb search 退货" "cs-kb show 1" "cs-kb history 1" "cs-kb export" \
	    "cs-kb gaps 2026-W47" "cs-agent list" "cs-agent show boss" "cs-agent leave" \
	    "cs-agent target" "cs-db check" "cs-db stats" "cs-db views"; do
		for f in table csv tsv json jsonl; do
			$c -f "$f" > "$T/o" 2>/dev/null || { echo "$c -f $f failed"; return 1; }
			case $f in
			json) json_ok "$T/o" || { echo "$c: bad JSON"; cat "$T/o"; return 1; } ;;
			jsonl) jsonl_ok "$T/o" ;;
			csv) [[ "$(head -n 1 "$T/o")" == *,* ]] || [ ! -s "$T/o" ] ;;
			tsv) [[ "$(head -n 1 "$T/o")" == *$'\t'* ]] ;;
			esac
		done
	done
}

@test "tables align Chinese text by display width, not bytes: agent list, kb list, gaps" {
	printf 'login,name,team\nli.na,李娜,售后组\ntom,Tom,Support\nouyang,欧阳娜娜,技术支持组\n' |
	    cs-agent import - 2>/dev/null
	run -0 cs-agent list -f table
	# the role column starts at the same display column on every line
	for l in "${lines[@]}"; do
		p=${l%%agent*}
		[ "${l:0:5}" = login ] && p=${l%%role*}
		printf '%s\n' "$p" | wc -L
	done | sort -u > "$T/w"
	[ "$(wc -l < "$T/w")" -eq 1 ]
	cs-kb add -t '全角（括号）说明' -c 'ＡＢ类' >/dev/null
	cs-kb add -t 'café ﾃｽﾄ' -c e >/dev/null
	cs-kb add -t 短 -c 很长的分类名称 >/dev/null
	run -0 cs-kb list -f table
	for l in "${lines[@]}"; do
		p=${l%%draft*}
		[ "${l:0:2}" = id ] && p=${l%%status*}
		printf '%s\n' "$p" | wc -L
	done | sort -u > "$T/w"
	[ "$(wc -l < "$T/w")" -eq 1 ]
}

@test "--lang zh gives Chinese column labels in agent, kb and db tables; csv keeps the English names" {
	kb_staff
	add_pub 退货流程 退换货 七天 >/dev/null
	run -0 cs-agent list -f table --lang zh
	[[ "${lines[0]}" == 登录名*姓名*组*角色*技能*权重*日容量*在岗*休假中 ]]
	run -0 cs-kb list -f table --lang zh
	[[ "${lines[0]}" == 编号*标题*分类*标签*状态* ]]
	run -0 cs-kb search 退货 -f table --lang zh
	[[ "${lines[0]}" == 编号*标题*分类*状态*得分*摘要 ]]
	run -0 cs-db stats -f table --lang zh
	[[ "$output" == *架构版本* ]]
	LANG=zh_CN.UTF-8 run -0 cs-kb gaps 2026-W47 -f table
	[[ "${lines[0]}" == 分类*工单数 ]]
	run -0 cs-agent list -f csv --lang zh
	[ "${lines[0]}" = login,name,team,role,skills,weight,capacity,active,on_leave ]
	run -2 cs-agent list --lang fr
}

@test "cs NAME runs cs-NAME: exit status, stdin and arguments pass through; --db goes on as CS_DB" {
	run -0 cs --db "$T/f.db" agent add li.na --name 李娜
	[ "$output" = li.na ]
	[ -e "$T/f.db" ]
	run -0 bash -c "echo '退货要在七天内' | cs --db '$T/f.db' kb add -t '含 空格 的标题' --body-file -"
	[ "$output" = 1 ]
	run -0 cs --db "$T/f.db" kb show 1 -f csv
	[[ "$output" == *"含 空格 的标题"*"退货要在七天内"* ]]
	run -1 cs --db "$T/f.db" kb show 9
	[[ "$output" == "cs-kb: "* ]]
	run -2 cs nope
	run -2 cs --db
	run -0 cs --version
	[[ "$output" == "cs "* ]]
}
