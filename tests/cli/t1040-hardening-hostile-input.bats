#!/usr/bin/env bats
# Hardening: hostile and odd input for every importer (cs-customer import,
# cs-ticket import, cs-agent import, cs-revisit import, cs-ticket calendar
# import, cs-kb import of records and of Markdown files). Each record either lands exactly as given, or the import is
# refused with FILE:LINE and the database is left as it was; nothing
# crashes (the sanitizers watch) and nothing is half written.
load helper

q() { sqlite3 "$CS_DB" "$1"; }

# One agent, customers K001 and K002, one revisit task (id 1).
world() {
	printf 'login,name\nli.na,李娜\n' | cs-agent import - 2>/dev/null
	printf 'code,name,phone\nK001,王芳,13800000001\nK002,李强,13800000002\n' |
	    cs-customer import - 2>/dev/null
	printf 'code\nK001\n' | cs-revisit plan --reason 关怀 - 2>/dev/null
	[ "$(q 'SELECT count(*) FROM revisit')" -eq 1 ]
	q 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
	cp "$CS_DB" "$T/world.db"
}

# The importers: a command, a header whose last column is free text, a
# good row before that text, and the SQL that reads the text back.
IMPORTERS="customer ticket agent revisit calendar kb"
cmd() {
	case $1 in
	customer) echo cs-customer import ;;
	ticket) echo cs-ticket import ;;
	agent) echo cs-agent import ;;
	revisit) echo cs-revisit import ;;
	calendar) echo cs-ticket calendar import ;;
	kb) echo cs-kb import ;;
	esac
}
header() {
	case $1 in
	customer) echo code,name,notes ;;
	ticket) echo external_id,customer,type,channel,created_at,subject ;;
	agent) echo login,name,team ;;
	revisit) echo id,result,note ;;
	calendar) echo day,kind,note ;;
	kb) echo title,category,body ;;
	esac
}
row() {
	case $1 in
	customer) echo H1,张三, ;;
	ticket) echo E1,K002,consult,phone,2026-11-20T10:00, ;;
	agent) echo h.one,张三, ;;
	revisit) echo 1,reached, ;;
	calendar) echo 2026-10-01,holiday, ;;
	kb) echo H1,物流, ;;
	esac
}
text_sql() {
	case $1 in
	customer) echo "SELECT notes FROM customer WHERE code = 'H1'" ;;
	ticket) echo "SELECT subject FROM ticket WHERE external_id = 'E1'" ;;
	agent) echo "SELECT team FROM agent WHERE login = 'h.one'" ;;
	revisit) echo "SELECT note FROM revisit_attempt WHERE revisit_id = 1" ;;
	calendar) echo "SELECT note FROM calendar_day WHERE day = '2026-10-01'" ;;
	kb) echo "SELECT body FROM article WHERE title = 'H1'" ;;
	esac
}
# The JSON of the good row with its text.
json_row() {
	local h r
	IFS=, read -ra h <<< "$(header "$1")"
	IFS=, read -ra r <<< "$(row "$1")x"
	local i s="{"
	for ((i = 0; i < ${#h[@]}; i++)); do
		s+="\"${h[i]}\":\"${r[i]}\","
	done
	echo "${s%,}}"
}

# refuse WHAT FILE LINE MESSAGE [OPTIONS]: the import of FILE is refused
# with status 65 and "FILE:LINE: ...MESSAGE", and writes nothing.
refuse() {
	local what=$1 file=$2 line=$3 msg=$4 sum
	shift 4
	sum=$(dbsum)
	run $(cmd "$what") "$@" "$file"
	if [ "$status" -ne 65 ] || [[ "$output" != *"$file:$line: "*"$msg"* ]] ||
	    [ "$(dbsum)" != "$sum" ]; then
		echo "$what importer, $file: status $status, database" \
		    "$([ "$(dbsum)" = "$sum" ] && echo unchanged || echo CHANGED):"
		echo "$output"
		echo "expected 65 and $file:$line: ...$msg"
		return 1
	fi
}

# keeps WHAT FILE TEXT [OPTIONS]: into the database of world(), the import
# of FILE either succeeds with its free text stored exactly as TEXT, or is
# refused with FILE:2 and writes nothing.
keeps() {
	local what=$1 file=$2 text=$3 got sum
	shift 3
	rm -f "$CS_DB" "$CS_DB-wal" "$CS_DB-shm"
	cp "$T/world.db" "$CS_DB"
	sum=$(dbsum)
	run $(cmd "$what") "$@" "$file"
	if [ "$status" -eq 65 ] && [[ "$output" == *"$file:2: "* ]] &&
	    [ "$(dbsum)" = "$sum" ]; then
		echo "# $what: ${file##*/} refused: ${output:0:100}" >&3
		return 0
	fi
	if [ "$status" -ne 0 ]; then
		echo "$what importer, $file: status $status: $output"
		return 1
	fi
	got=$(q "$(text_sql "$what")")
	if [ "$got" != "$text" ]; then
		echo "$what importer, $file: stored '${got:0:80}', given '${text:0:80}'"
		return 1
	fi
}

@test "every importer refuses broken CSV with its FILE:LINE and writes nothing" {
	world
	for w in $IMPORTERS; do
		h=$(header "$w") r=$(row "$w")
		# a ragged row after an empty line: the line counts
		printf '%s\n\n%s\n' "$h" "${r%,*}" > "$T/$w-ragged.csv"
		refuse "$w" "$T/$w-ragged.csv" 3 "expected"
		printf '%s\n%sa\n%sb\n' "$h" "$r" "${r%,*},x,y" > "$T/$w-long.csv"
		refuse "$w" "$T/$w-long.csv" 3 "expected"
		printf '%s\n%sbad \377 byte\n' "$h" "$r" > "$T/$w-utf8.csv"
		refuse "$w" "$T/$w-utf8.csv" 2 "invalid UTF-8"
		printf '%s\n%sa\0b\n' "$h" "$r" > "$T/$w-nul.csv"
		refuse "$w" "$T/$w-nul.csv" 2 "NUL byte"
		printf '%s\n%sa"b\n' "$h" "$r" > "$T/$w-quote.csv"
		refuse "$w" "$T/$w-quote.csv" 2 "malformed CSV"
		printf '%s\n%s"a"b\n' "$h" "$r" > "$T/$w-after.csv"
		refuse "$w" "$T/$w-after.csv" 2 "malformed CSV"
		printf '%s\n%sa\n%s"open\nand on\n' "$h" "$r" "$r" > "$T/$w-open.csv"
		refuse "$w" "$T/$w-open.csv" 3 "not closed"
		printf '%s,%s\n%sa,1\n' "$h" "x'); DROP TABLE customer;--" "$r" > "$T/$w-unknown.csv"
		refuse "$w" "$T/$w-unknown.csv" 1 "unknown column"
		# 10,000 columns, none known
		{ printf '%s' "$h"; for ((i = 0; i < 10000; i++)); do printf ',c%d' $i; done; echo; } > "$T/$w-wide.csv"
		refuse "$w" "$T/$w-wide.csv" 1 "c0: unknown column"
		# GBK that is not GBK
		printf '%s\n%s\201\n' "$h" "$r" > "$T/$w-gbk.csv"
		refuse "$w" "$T/$w-gbk.csv" 2 "invalid GBK" --encoding gbk
	done
}

@test "every importer refuses broken JSON with its FILE:LINE and writes nothing" {
	world
	for w in $IMPORTERS; do
		j=$(json_row "$w")
		deep=$(printf '%.0s[' {1..3000})
		printf '[%s,\n{"x":%s}]\n' "$j" "$deep" > "$T/$w-deep.json"
		refuse "$w" "$T/$w-deep.json" 2 "invalid JSON"
		printf '%s\n{"a":%s1%s}\n' "$j" "$(printf '%.0s{"a":' {1..5000})" "$(printf '%.0s}' {1..5000})" > "$T/$w-deep.jsonl"
		refuse "$w" "$T/$w-deep.jsonl" 2 "maximum parsing depth"
		k=$(header "$w" | cut -d, -f1)
		printf '[\n%s,\n%s\n]\n' "$j" "${j%\}},\"$k\":\"dup\"}" > "$T/$w-dup.json"
		refuse "$w" "$T/$w-dup.json" 3 "duplicate key"
		printf '%s\n%s\n' "$j" "${j%\}},\"n\":123456789012345678901234567890}" > "$T/$w-big.jsonl"
		refuse "$w" "$T/$w-big.jsonl" 2 "number too large for 64 bits" --ignore-unknown
		printf '%s\n%s\n' "$j" "${j%\}},\"n\":1e999}" > "$T/$w-huge.jsonl"
		refuse "$w" "$T/$w-huge.jsonl" 2 "number out of range" --ignore-unknown
		printf '[%s,\n' "$j" > "$T/$w-open.json"
		refuse "$w" "$T/$w-open.json" 2 "not closed"
		printf '%s\n[1]\n' "$j" > "$T/$w-array.jsonl"
		refuse "$w" "$T/$w-array.jsonl" 2 "not an object"
		printf '[%s,\n{"x":"\\u0000"}]\n' "$j" > "$T/$w-nul.json"
		refuse "$w" "$T/$w-nul.json" 2 "invalid JSON"
	done
}

@test "every importer keeps odd text exactly: quotes, newlines, CR, BOM, SQL, formulas, 1 MB" {
	world
	big=$(head -c 1048576 /dev/zero | tr '\0' '=')
	for w in $IMPORTERS; do
		h=$(header "$w") r=$(row "$w")
		printf '%s\n%s"第一行\n第二行, ""引号"" 和 \r 回车"\n' "$h" "$r" > "$T/$w-1.csv"
		keeps "$w" "$T/$w-1.csv" "$(printf '第一行\n第二行, "引号" 和 \r 回车')"
		printf '\357\273\277%s\r\n%s%s\r\n' "$h" "$r" "'); DROP TABLE ticket; --" > "$T/$w-2.csv"
		keeps "$w" "$T/$w-2.csv" "'); DROP TABLE ticket; --"
		# old Mac line ends (a lone CR), blank lines between
		printf '%s\r\r%s%s\r\r' "$h" "$r" "x' OR '1'='1" > "$T/$w-3.csv"
		keeps "$w" "$T/$w-3.csv" "x' OR '1'='1"
		printf '%s\n%s"=cmd|'"'"' /C calc'"'"'!A0"\n' "$h" "$r" > "$T/$w-4.csv"
		keeps "$w" "$T/$w-4.csv" "=cmd|' /C calc'!A0"
		printf '%s\n%s%s\n' "$h" "$r" "$big" > "$T/$w-5.csv"
		keeps "$w" "$T/$w-5.csv" "$big"
		printf '%s\n' "$(json_row "$w" | sed 's/"x"}$/"\\"; \\\\ \\u4e2d\\ud83d\\ude00"}/')" > "$T/$w-6.jsonl"
		keeps "$w" "$T/$w-6.jsonl" "\"; \\ 中😀"
		{ printf '%s\n' "$h"; printf '%s%s\n' "$r" '投诉' | iconv -f UTF-8 -t GBK; } > "$T/$w-7.csv"
		keeps "$w" "$T/$w-7.csv" 投诉 --encoding gbk
	done
	run cs-db check
	[ "$status" -eq 0 ]
	[ "$(q "SELECT count(*) FROM sqlite_master WHERE name IN ('customer', 'ticket', 'agent', 'calendar_day')")" -eq 4 ]
}

# md_refuse FILE LINE MESSAGE: a folder of a good article a.md and FILE
# as b.md is refused with status 65 and "b.md:LINE: ...MESSAGE", and
# writes nothing, not even the good article before it.
md_refuse() {
	local sum
	rm -rf "$T/md"
	mkdir "$T/md"
	printf -- '---\ntitle: 好的\ncategory: 物流\n---\n\n正文\n' > "$T/md/a.md"
	cp "$1" "$T/md/b.md"
	sum=$(dbsum)
	run cs-kb import "$T/md"
	if [ "$status" -ne 65 ] || [[ "$output" != *"$T/md/b.md:$2: "*"$3"* ]] ||
	    [ "$(dbsum)" != "$sum" ]; then
		echo "${1##*/}: status $status, database" \
		    "$([ "$(dbsum)" = "$sum" ] && echo unchanged || echo CHANGED):"
		echo "$output"
		echo "expected 65 and b.md:$2: ...$3"
		return 1
	fi
}

@test "cs-kb import of Markdown files: bad bytes, NUL, 1 MB, broken headers refused with FILE:LINE, writing none of the folder; SQL text kept" {
	world
	printf -- '---\ntitle: 坏\n---\n\nbad \377 byte\n' > "$T/utf8-body"
	md_refuse "$T/utf8-body" 4 "body: not valid UTF-8"
	printf -- '---\ntitle: 坏\377\n---\n\n正文\n' > "$T/utf8-title"
	md_refuse "$T/utf8-title" 2 "title: not valid UTF-8"
	printf -- '---\ntitle: 坏\ncategory: \300\257\n---\n' > "$T/utf8-overlong"
	md_refuse "$T/utf8-overlong" 3 "category: not valid UTF-8"
	printf -- '---\ntitle: 退货\n---\n\n正文\n' | iconv -f UTF-8 -t GBK > "$T/gbk"
	md_refuse "$T/gbk" 2 "title: not valid UTF-8"
	# a NUL cut the text short where it was before: now refused
	printf -- '---\ntitle: 坏\n---\n\n前\0后\n' > "$T/nul-body"
	md_refuse "$T/nul-body" 5 "a NUL byte"
	printf -- '---\ntitle: 坏\0\n---\n' > "$T/nul-title"
	md_refuse "$T/nul-title" 2 "a NUL byte"
	# what Windows Notepad saved as "Unicode"
	printf -- '---\ntitle: 坏\n---\n' | iconv -f UTF-8 -t UTF-16 > "$T/utf16"
	md_refuse "$T/utf16" 1 "a NUL byte"
	{ printf -- '---\ntitle: 大\n---\n\n'; head -c 1048576 /dev/zero | tr '\0' '='; } > "$T/big"
	md_refuse "$T/big" 4 "body: longer than a million bytes"
	printf -- '---\ntitle: 没有结束\ncategory: 物流\n' > "$T/open"
	md_refuse "$T/open" 1 "not closed"
	printf -- '正文\n' > "$T/no-header"
	md_refuse "$T/no-header" 1 "no header"
	printf -- '---\ntitle: x\nauthor: \x27); DROP TABLE article;--\n---\n' > "$T/unknown"
	md_refuse "$T/unknown" 3 "unknown header"
	printf -- '---\ntitle\n---\n' > "$T/no-colon"
	md_refuse "$T/no-colon" 2 "'key: value'"
	printf -- '---\ntitle: x\ntitle: y\n---\n' > "$T/twice"
	md_refuse "$T/twice" 3 "title given twice"
	printf -- '---\ntitle:  \n---\n正文\n' > "$T/no-title"
	md_refuse "$T/no-title" 1 "no title"
	printf -- '---\ntitle: x\nstatus: live\n---\n' > "$T/status"
	md_refuse "$T/status" 3 "status: not a status"
	# SQL and FTS5 syntax in every field land as given
	rm -rf "$T/md"
	mkdir "$T/md"
	printf -- '---\ntitle: x'"'"'); DROP TABLE article;--\ncategory: '"'"' OR '"'"'1'"'"'='"'"'1\ntags: NEAR(a b)\nstatus: published\n---\n\nSELECT * FROM article; --\n"; DELETE FROM article_fts; -- 退货 "OR" *\n' > "$T/md/sql.md"
	run cs-kb import "$T/md"
	[ "$status" -eq 0 ]
	[ "$(q "SELECT count(*) FROM article")" -eq 1 ]
	[ "$(q "SELECT title FROM article")" = "x'); DROP TABLE article;--" ]
	[ "$(q "SELECT category FROM article")" = "' OR '1'='1" ]
	[ "$(q "SELECT tags FROM article")" = "NEAR(a b)" ]
	[ "$(q "SELECT body FROM article")" = "$(printf 'SELECT * FROM article; --\n"; DELETE FROM article_fts; -- 退货 "OR" *')" ]
	for w in 'DELETE FROM article_fts; -- "OR" *' 退货 "'); DROP"; do
		run cs-kb search -f csv "$w"
		[ "$status" -eq 0 ]
		[[ "$output" == *"DROP TABLE article"* ]]
	done
	# a body just under the limit (a million bytes) lands whole, and is found
	{ printf -- '---\ntitle: 长文\nstatus: published\n---\n\n'; for ((i = 0; i < 1000; i++)); do printf '%0986d退货流程 ' 0; done; } > "$T/md/long.md"
	run cs-kb import "$T/md"
	[ "$status" -eq 0 ]
	[ "$(q "SELECT length(CAST(body AS BLOB)) FROM article WHERE title = '长文'")" -eq 998999 ]
	[ "$(q "SELECT body FROM article WHERE title = '长文'")" = "$(sed -n '6s/ $//p' "$T/md/long.md")" ]
	run cs-kb search 货流
	[ "$status" -eq 0 ]
	[[ "$output" == *长文* ]]
	run cs-db check
	[ "$status" -eq 0 ]
}

@test "a body file with a NUL byte is refused with its line, not cut short" {
	world
	printf '第一行\n前\0后\n' > "$T/body"
	sum=$(dbsum)
	run cs-kb add --title 文 --body-file "$T/body"
	[ "$status" -eq 65 ]
	[ "$output" = "cs-kb: $T/body:2: a NUL byte: not a text file" ]
	run cs-ticket new K001 --type consult --body-file "$T/body"
	[ "$status" -eq 65 ]
	[ "$output" = "cs-ticket: $T/body:2: a NUL byte: not a text file" ]
	[ "$(dbsum)" = "$sum" ]
}

@test "numbers out of range are refused with their line, never wrapped or rounded" {
	world
	sum=$(dbsum)
	printf 'external_id,customer,type,created_at,resolved_at,csat\nE1,K001,consult,2026-11-20T10:00,2026-11-20T12:00,4\nE2,K001,consult,2026-11-20T10:00,2026-11-20T12:00,4294967300\n' > "$T/t1.csv"
	refuse ticket "$T/t1.csv" 3 "csat"
	printf 'external_id,customer,type,created_at,reopened\nE1,K001,consult,2026-11-20T10:00,4294967297\n' > "$T/t2.csv"
	refuse ticket "$T/t2.csv" 2 "reopened"
	printf 'external_id,customer,type,created_at,reopened\nE1,K001,consult,2026-11-20T10:00,99999999999999999999\n' > "$T/t3.csv"
	refuse ticket "$T/t3.csv" 2 "reopened"
	printf 'login,weight\na.b,1e400\n' > "$T/a1.csv"
	refuse agent "$T/a1.csv" 2 "weight"
	printf 'login,capacity\na.b,4294967297\n' > "$T/a2.csv"
	refuse agent "$T/a2.csv" 2 "capacity"
	printf '{"login":"a.b","capacity":18446744073709551617}\n' > "$T/a3.jsonl"
	refuse agent "$T/a3.jsonl" 1 "number too large for 64 bits"
	printf 'id,result,score\n1,reached,4294967299\n' > "$T/r1.csv"
	refuse revisit "$T/r1.csv" 2 "score: 1 to 5"
	printf 'id,result,attempts\n1,no-answer,9223372036854775807\n' > "$T/r2.csv"
	refuse revisit "$T/r2.csv" 2 "attempts: not a count"
	printf 'id,result\n99999999999999999999,reached\n' > "$T/r3.csv"
	refuse revisit "$T/r3.csv" 2 ""
	[ "$(dbsum)" = "$sum" ]
	# a number that fits lands as written, sign and all
	printf '{"code":"N1","name":"甲","notes":-9223372036854775808,"attr.x":1.5e308}\n' > "$T/c1.jsonl"
	run cs-customer import "$T/c1.jsonl"
	[ "$status" -eq 0 ]
	[ "$(q "SELECT notes || ' ' || json_extract(attrs, '$.x') FROM customer WHERE code = 'N1'")" = "-9223372036854775808 1.5e+308" ]
}

@test "impossible dates and times are refused with their line, in every importer and in --where" {
	world
	sum=$(dbsum)
	for t in 2026-02-30T10:00 2026-11-20T24:00 2026-11-20T23:60 2026-13-01 2025-02-29 0000-01-01; do
		printf 'external_id,customer,type,created_at\nE1,K001,consult,2026-11-20T10:00\nE2,K001,consult,%s\n' "$t" > "$T/t.csv"
		refuse ticket "$T/t.csv" 3 "created_at: not a time"
	done
	printf 'code,name,birthday\nB1,甲,1990-01-01\nB2,乙,2026-02-30\n' > "$T/c.csv"
	refuse customer "$T/c.csv" 3 "birthday"
	printf 'day,kind\n2026-10-01,holiday\n2026-02-30,holiday\n' > "$T/k.csv"
	refuse calendar "$T/k.csv" 3 "day: not a date"
	# the hour that does not exist when New York moves its clocks on
	printf 'external_id,customer,type,created_at\nE1,K001,consult,2026-03-08T01:59\nE2,K001,consult,2026-03-08T02:30\n' > "$T/dst.csv"
	TZ=America/New_York refuse ticket "$T/dst.csv" 3 "created_at: not a time"
	# with an offset it is a real instant, and the repeated hour of
	# November is its first occurrence
	printf 'external_id,customer,type,created_at\nE1,K001,consult,2026-03-08T02:30-05:00\nE2,K001,consult,2026-11-01T01:30\n' > "$T/dst2.csv"
	TZ=America/New_York run cs-ticket import "$T/dst2.csv"
	[ "$status" -eq 0 ]
	[ "$(q "SELECT group_concat(created_at, ' ') FROM ticket ORDER BY external_id")" = "1772955000 1793511000" ]
	run cs-customer list --where 'updated_at>=2026-11-20T24:00'
	[ "$status" -eq 65 ]
	run cs-customer list --where 'created_at<2026-02-30'
	[ "$status" -eq 65 ]
	[ "$output" = "cs-customer: --where created_at<2026-02-30: not a date or time (2026-02-30)" ]
}

@test "SQL in every customer field and in --where is data, never SQL" {
	world
	sqli="x'); DROP TABLE customer; --"
	cat > "$T/s.csv" <<'CSV'
code,name,company,city,address,segment,tags,notes,attr.note
S1'--,Robert'); DROP TABLE customer;--,x'); DROP TABLE customer; --,' OR 1=1 --,"""; DELETE FROM agent; --",a'||'b,' OR ''=',x'); DROP TABLE customer; --,x'); DROP TABLE customer; --
CSV
	run cs-customer import "$T/s.csv"
	[ "$status" -eq 0 ]
	[ "$(q "SELECT name FROM customer WHERE code = 'S1''--'")" = "Robert'); DROP TABLE customer;--" ]
	[ "$(q "SELECT company || '|' || city || '|' || address || '|' || segment || '|' || tags || '|' || notes FROM customer WHERE code = 'S1''--'")" = "$sqli|' OR 1=1 --|\"; DELETE FROM agent; --|a'||'b|' OR ''='|$sqli" ]
	[ "$(q "SELECT json_extract(attrs, '$.note') FROM customer WHERE code = 'S1''--'")" = "$sqli" ]
	# export and import back into an empty database: the same values
	cs-customer export -f csv > "$T/export.csv"
	CS_DB="$T/db2/cs.db" cs-customer import "$T/export.csv" 2>/dev/null
	CS_DB="$T/db2/cs.db" cs-customer export -f csv > "$T/export2.csv"
	cmp "$T/export.csv" "$T/export2.csv"
	# --where and --search take the text as a value
	run cs-customer list -f csv --no-header --where "city=' OR 1=1 --"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 1 ]
	run cs-customer list -f csv --no-header --where "name=x' OR '1'='1"
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	run cs-customer list -f csv --no-header --where "attr.note~DROP TABLE"
	[ "${#lines[@]}" -eq 1 ]
	run cs-customer list -f csv --no-header --search "%' OR 1=1 --"
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	run cs-customer list --where "name) OR (1=1=x"
	[ "$status" -eq 65 ]
	run cs-customer list --where 'attr.x"]) OR 1=1 --=1'
	[ "$status" -eq 65 ]
	run cs-customer list --sort "name; DROP TABLE customer"
	[ "$status" -eq 65 ]
	[[ "$output" == *"unknown field"* ]]
	[ "$(q 'SELECT count(*) FROM customer')" -eq 3 ]
	[ "$(q 'SELECT count(*) FROM agent')" -eq 1 ]
}

@test "too many --where filters are refused, not overflowed" {
	world
	args=()
	for ((i = 0; i < 300; i++)); do args+=(--where 'created_at>2020-01-01'); done
	run cs-customer list "${args[@]}"
	[ "$status" -eq 2 ]
	[ "$output" = "cs-customer: too many filters" ]
	args=()
	for ((i = 0; i < 100; i++)); do args+=(--where 'created_at>2020-01-01'); done
	run cs-customer list -f csv --no-header "${args[@]}"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
}

@test "10,000 attribute columns land, all of them, and export back" {
	{
		printf 'code,name'
		for ((i = 0; i < 10000; i++)); do printf ',attr.a%d' $i; done
		printf '\nW1,甲'
		for ((i = 0; i < 10000; i++)); do printf ',v%d' $i; done
		echo
	} > "$T/wide.csv"
	run cs-customer import "$T/wide.csv"
	[ "$status" -eq 0 ]
	[ "$(q "SELECT count(*) FROM customer c, json_each(c.attrs) WHERE code = 'W1'")" -eq 10000 ]
	[ "$(q "SELECT json_extract(attrs, '$.a9999') FROM customer WHERE code = 'W1'")" = v9999 ]
	cs-customer export -f csv > "$T/out.csv"
	[ "$(head -1 "$T/out.csv" | tr ',' '\n' | grep -c '^attr\.')" -eq 10000 ]
}

@test "--excel defuses every OWASP formula payload and keeps numbers; the values are kept as given" {
	world
	# the payloads (comments left out) as notes and company of customers
	grep -v '^#' "$SHARED/csv-injection/payloads.txt" |
	    awk 'BEGIN { print "code,name,segment,notes" }
		{ gsub(/"/, "\"\""); printf "P%02d,客户,payload,\"%s\"\n", NR, $0 }' > "$T/p.csv"
	n=$(grep -vc '^#' "$SHARED/csv-injection/payloads.txt")
	[ "$n" -ge 20 ]
	run cs-customer import "$T/p.csv"
	[ "$status" -eq 0 ]
	# the controls: a NUL is refused with its line; the others land
	sed '1s/.*/code,segment,name,notes\r/; 2,$ s/^"\([a-z-]*\)",/"\1",payload,客户,/' \
	    "$SHARED/csv-injection/payloads-control.csv" > "$T/ctl.csv"
	refuse customer "$T/ctl.csv" 9 "NUL byte"
	grep -av '^"nul-inside"' "$T/ctl.csv" > "$T/ctl2.csv"
	run cs-customer import "$T/ctl2.csv"
	[ "$status" -eq 0 ]
	# exported with --excel: a cell that would run is the value after a
	# quote, any other is the value (as sqlite3 reads the file)
	cs-customer export --segment payload --excel > "$T/x.csv"
	[ "$(head -c 3 "$T/x.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]
	tail -c +4 "$T/x.csv" > "$T/x-nobom.csv"
	sqlite3 "$T/raw.db" ".import --csv $T/x-nobom.csv raw"
	sqlite3 -separator '|' "$CS_DB" "SELECT code, hex(notes) FROM customer WHERE notes IS NOT NULL ORDER BY code" > "$T/given"
	sqlite3 -separator '|' "$T/raw.db" "SELECT code, hex(notes) FROM raw WHERE notes != '' ORDER BY code" > "$T/cells"
	[ "$(wc -l < "$T/given")" -eq $((n + 7)) ]
	while IFS='|' read -r code hex; do
		cell=$(grep "^$code|" "$T/cells" | cut -d'|' -f2)
		case $(printf '%s' "$hex" | cut -c1-2) in
		3D | 40 | 09 | 0D | 0A) [ "$cell" = "27$hex" ] || { echo "$code: $hex -> $cell"; false; } ;;
		2B | 2D)
			v=$(q "SELECT notes FROM customer WHERE code = '$code'")
			if [[ "$v" =~ ^[-+][0-9]+(\.[0-9]+)?$ ]]; then
				[ "$cell" = "$hex" ] || { echo "$code: number $v changed"; false; }
			else
				[ "$cell" = "27$hex" ] || { echo "$code: $v not defused"; false; }
			fi ;;
		*) [ "$cell" = "$hex" ] || { echo "$code: $hex -> $cell"; false; } ;;
		esac
	done < "$T/given"
	# read back by cs (into another database), every value is as given
	CS_DB="$T/db2/cs.db" cs-customer import "$T/x.csv" 2>/dev/null
	sqlite3 -separator '|' "$T/db2/cs.db" "SELECT code, hex(notes) FROM customer WHERE notes IS NOT NULL ORDER BY code" > "$T/back"
	diff "$T/given" "$T/back"
}
