#!/usr/bin/env bats
# cs-customer import: the spreadsheets people really have.
load helper

# The roster of helper.bash, imported: owners li.na, wang.wei, zhang.min.
agents() {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
}

# The codes of the customers that list prints, in its order, on one line.
codes() {
	cs-customer list -f csv --no-header "$@" > "$T/codes.out" || return
	cut -d, -f2 "$T/codes.out" | paste -sd' ' -
}

# One field of a customer's profile, as show -f csv writes it.
field() {
	cs-customer show "$1" -f csv | grep "^profile,$2," | cut -d, -f3-
}

@test "import reads the spec's columns, quoted notes with commas, quotes and newlines" {
	agents
	run cs-customer import "$DATA/customers/customers.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 6, updated 0, unchanged 0, rejected 0"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer')" = 6 ]
	run sqlite3 "$CS_DB" "SELECT notes FROM customer WHERE code = 'C001'"
	[ "$output" = "喜欢电话联系,不要短信" ]
	run sqlite3 "$CS_DB" "SELECT notes FROM customer WHERE code = 'C002'"
	[ "$output" = '他说:"发票要开专票"' ]
	run sqlite3 "$CS_DB" "SELECT notes FROM customer WHERE code = 'C003'"
	[ "$output" = "$(printf '第一行\n第二行')" ]
	run sqlite3 "$CS_DB" "SELECT address FROM customer WHERE code = 'C002'"
	[ "$output" = "北京市海淀区中关村大街1号, 3层" ]
	run cs-customer list -f csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "id,code,name,phone,phone2,email,wechat,company,city,segment,tags,owner,status" ]
	[ "${lines[1]}" = "1,C001,王芳,13812345678,010-88886666,wang.fang@example.com,wangfang88,上海华联商贸有限公司,上海,vip,vip;老客户,li.na,active" ]
	[ "${lines[2]}" = "2,C002,李强,13900001111,,li.qiang@example.com,,北京中关村科技有限公司,北京,normal,,wang.wei,active" ]
	[ "${lines[3]}" = "3,C003,张伟,0755-88886666,,zhang.wei@example.com,zhangwei_sz,,深圳,vip,vip,,active" ]
	[ "${lines[4]}" = "4,C004,陈静,021-55551234,13700001234,chen.jing@example.cn,,,上海,potential,春节;潜在,li.na,active" ]
	[ "$(field C001 birthday)" = 1985-03-12 ]
	run cs-customer show C001 -f csv
	[[ "$output" == *"attr,points,1200"* ]]
	[[ "$output" == *"attr,purchase_date,2026-11-01"* ]]
	# the customer without a purchase date has no such attribute
	run cs-customer show C003 -f csv
	[[ "$output" != *"attr,"* ]]
}

@test "re-importing updates by code, never doubles, and logs what changed" {
	agents
	cs-customer import "$DATA/customers/customers.csv" 2>/dev/null
	run cs-customer import "$DATA/customers/customers.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 0, updated 0, unchanged 6, rejected 0"* ]]
	sed 's/,北京中关村科技有限公司,北京,/,北京中关村科技有限公司,天津,/' \
	    "$DATA/customers/customers.csv" > "$T/moved.csv"
	printf 'C007,孙丽,15900001111,,,,,南京,,,,,,,,\n' >> "$T/moved.csv"
	run cs-customer import "$T/moved.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 1, updated 1, unchanged 5, rejected 0"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer')" = 7 ]
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM customer WHERE code = 'C002'")" = 1 ]
	[ "$(field C002 city)" = 天津 ]
	run sqlite3 "$CS_DB" "SELECT actor || '|' || field || '|' || old_value || '|' || new_value FROM v_changes WHERE entity = 'customer'"
	[ "$output" = "tester|city|北京|天津" ]
}

@test "a re-import that changes a different set of fields in each row stores every one, and the lookups follow" {
	# 64 rows, row i changes the fields of the bits of i: 64 different
	# sets of columns to update, more than are kept as statements.
	awk 'BEGIN {
		print "code,name,phone,email,wechat,city,notes,attr.lv"
		for (i = 0; i < 64; i++)
			printf "K%02d,客户%d,139%08d,k%d@example.com,wx%d,上海,备注%d,%d\n",
			    i, i, i, i, i, i, i
	}' > "$T/a.csv"
	awk 'BEGIN {
		print "code,name,phone,email,wechat,city,notes,attr.lv"
		for (i = 0; i < 64; i++) {
			n = "客户" i; p = sprintf("139%08d", i)
			e = "k" i "@example.com"; w = "wx" i
			c = "上海"; o = "备注" i; l = i
			if (i % 2 >= 1) n = n "乙"
			if (i % 4 >= 2) p = sprintf("137%08d", i)
			if (i % 8 >= 4) e = "K" i "@new.example.com"
			if (i % 16 >= 8) w = w "b"
			if (i % 32 >= 16) { c = "北京"; o = o "改" }
			if (i >= 32) l = i + 100
			printf "K%02d,%s,%s,%s,%s,%s,%s,%s\n", i, n, p, e, w, c, o, l
		}
	}' > "$T/b.csv"
	cs-customer import "$T/a.csv" 2>/dev/null
	run cs-customer import "$T/b.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 0, updated 63, unchanged 1, rejected 0"* ]]
	cs-customer export -f csv --no-header | cut -d, -f1,2,3,5,6,8,14,15 \
	    > "$T/got"
	tail -n +2 "$T/b.csv" | diff - "$T/got"
	# the indexes follow the new values and forget the old ones
	[ "$(cs-customer show 13700000002 -f csv | grep '^profile,code,')" = "profile,code,K02" ]
	run cs-customer show 13900000002
	[ "$status" -eq 1 ]
	[ "$(cs-customer list --where email=k4@new.example.com -f csv --no-header | cut -d, -f2)" = K04 ]
	[ "$(cs-customer list --where wechat=wx8b -f csv --no-header | cut -d, -f2)" = K08 ]
	[ "$(cs-customer list --where attr.lv=163 -f csv --no-header | cut -d, -f2)" = K63 ]
	[ "$(sqlite3 "$CS_DB" 'PRAGMA integrity_check')" = ok ]
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM v_changes WHERE entity = 'customer'")" = \
	    "$((7 * 32))" ]
}

@test "empty cells leave fields as they were unless --overwrite-empty" {
	agents
	cs-customer import "$DATA/customers/customers.csv" 2>/dev/null
	printf 'code,name,phone,email,attr.points\nC001,王芳,,,\n' > "$T/part.csv"
	run cs-customer import "$T/part.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 0, updated 0, unchanged 1, rejected 0"* ]]
	[ "$(field C001 phone)" = 13812345678 ]
	run cs-customer import --overwrite-empty "$T/part.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 0, updated 1, unchanged 0, rejected 0"* ]]
	run cs-customer show C001 -f csv
	[[ "$output" != *"profile,phone,"* ]]
	[[ "$output" != *"profile,email,"* ]]
	[[ "$output" != *"attr,points,"* ]]
	# columns that are not in the file are not touched
	[[ "$output" == *"profile,phone2,010-88886666"* ]]
	[[ "$output" == *"profile,city,上海"* ]]
	[[ "$output" == *"attr,purchase_date,2026-11-01"* ]]
}

@test "GBK input needs --encoding gbk (or gb18030) and lands as UTF-8" {
	agents
	iconv -f UTF-8 -t GBK "$DATA/customers/customers.csv" > "$T/gbk.csv"
	before=$(dbsum)
	run cs-customer import "$T/gbk.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/gbk.csv:2: "*"invalid UTF-8"* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-customer import --encoding gbk "$T/gbk.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 6, updated 0, unchanged 0, rejected 0"* ]]
	[ "$(field C001 name)" = 王芳 ]
	[ "$(field C001 company)" = 上海华联商贸有限公司 ]
	[ "$(sqlite3 "$CS_DB" "SELECT notes FROM customer WHERE code = 'C003'")" = "$(printf '第一行\n第二行')" ]
	run cs-customer import --encoding gb18030 "$T/gbk.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 0, updated 0, unchanged 6, rejected 0"* ]]
}

@test "a UTF-8 BOM and CRLF line ends are taken; stdin is read with -" {
	printf '\xef\xbb\xbfcode,name,phone\r\nB1,王芳,138 1234 5678\r\n' > "$T/bom.csv"
	run cs-customer import "$T/bom.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 1, updated 0, unchanged 0, rejected 0"* ]]
	run cs-customer list -f csv --no-header
	[ "$output" = "1,B1,王芳,13812345678,,,,,,,,,active" ]
	printf 'code,name\nB2,李强\n' | cs-customer import - 2> "$T/err"
	grep -q 'import stdin: added 1, updated 0, unchanged 0, rejected 0' "$T/err"
}

@test "ten spellings of one mobile land as one number, and dedupe groups them" {
	run cs-customer import "$DATA/customers/phones.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 10, updated 0, unchanged 0, rejected 0"* ]]
	run sqlite3 "$CS_DB" 'SELECT DISTINCT phone FROM customer'
	[ "$output" = 13812345678 ]
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM customer WHERE phone = '13812345678'")" = 10 ]
	run cs-customer dedupe -f csv --no-header
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 10 ]
	for i in 0 1 2 3 4 5 6 7 8 9; do
		[[ "${lines[$i]}" == "1,"*",P$(printf %02d $((i + 1))),"* ]]
		[[ "${lines[$i]}" == *phone* ]]
	done
}

@test "landlines, service numbers, extensions and E.164 get their normal form" {
	cat > "$T/land.csv" <<'CSV'
code,name,phone
L1,甲,(010)12345678
L2,乙,0755 8888 6666
L3,丙,+86 755 8888 6666
L4,丁,+86 0755-8888-6666
L5,戊,400 123 4567
L6,己,010-12345678转8001
L7,庚,010-12345678 ext 8001
L8,辛,+852 9123 4567
CSV
	run cs-customer import "$T/land.csv"
	[ "$status" -eq 0 ]
	run sqlite3 "$CS_DB" "SELECT code || ' ' || phone FROM customer ORDER BY id"
	[ "$output" = "L1 010-12345678
L2 0755-88886666
L3 0755-88886666
L4 0755-88886666
L5 400-123-4567
L6 010-12345678-8001
L7 010-12345678-8001
L8 +85291234567" ]
}

@test "a bad phone on line 58 of 100 rows aborts the import and writes nothing" {
	{
		echo code,name,phone,city
		for i in $(seq 1 100); do
			printf 'G%03d,客户%d,139%08d,上海\n' "$i" "$i" "$i"
		done
	} > "$T/big.csv"
	cp "$T/big.csv" "$T/good.csv"
	sed -i '58s/,13900000057,/,139-0000-005,/' "$T/big.csv"
	[ "$(sed -n 58p "$T/big.csv")" = "G057,客户57,139-0000-005,上海" ]
	cs-customer add --code KEEP --name 老客户 >/dev/null
	before=$(dbsum)
	run cs-customer import "$T/big.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/big.csv:58: phone: "*" (139-0000-005)"* ]]
	[[ "$output" == *"nothing was imported"* ]]
	[ "$(dbsum)" = "$before" ]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer')" = 1 ]
	# the good file lands whole, and again without doubling
	run cs-customer import "$T/good.csv"
	[[ "$output" == *"added 100, updated 0, unchanged 0, rejected 0"* ]]
	run cs-customer import "$T/good.csv"
	[[ "$output" == *"added 0, updated 0, unchanged 100, rejected 0"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer')" = 101 ]
}

@test "into an empty table the indexes are made at the end, and kept on a failed import" {
	cs-db init 2>/dev/null
	idx="SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master WHERE tbl_name = 'customer' AND type = 'index' ORDER BY name)"
	schema=$(sqlite3 "$CS_DB" "$idx")
	[[ "$schema" == *"customer_phone ON customer (phone)"* ]]
	# a bad last row: nothing lands, the indexes are all there
	printf 'code,name,phone\nI1,王芳,13812345678\nI2,李强,12345\n' > "$T/bad.csv"
	before=$(dbsum)
	run cs-customer import "$T/bad.csv"
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
	[ "$(sqlite3 "$CS_DB" "$idx")" = "$schema" ]
	# --skip-invalid whose first row is rejected: the good ones land
	printf 'code,name,phone,email\nI0,坏号,999,\nI1,王芳,13812345678,Wang@Example.com\nI2,李强,13900001111,\n' > "$T/c.csv"
	run cs-customer import --skip-invalid "$T/rej.csv" "$T/c.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 2, updated 0, unchanged 0, rejected 1"* ]]
	[ "$(sqlite3 "$CS_DB" "$idx")" = "$schema" ]
	run cs-db check
	[ "$status" -eq 0 ]
	# the rebuilt indexes hold the rows and are used
	run sqlite3 "$CS_DB" "EXPLAIN QUERY PLAN SELECT id FROM customer WHERE phone = '13900001111'"
	[[ "$output" == *"INDEX customer_phone (phone=?)"* ]]
	[ "$(sqlite3 "$CS_DB" "SELECT code FROM customer WHERE phone = '13900001111'")" = I2 ]
	[ "$(sqlite3 "$CS_DB" "SELECT code FROM customer INDEXED BY customer_email WHERE email_key = 'wang@example.com'")" = I1 ]
	run cs-customer dedupe -f csv
	[ "$status" -eq 1 ]
	# and a second import into the full table keeps them row by row
	printf 'code,name,phone\nI3,赵敏,13900001111\n' > "$T/more.csv"
	cs-customer import "$T/more.csv" 2>/dev/null
	[ "$(sqlite3 "$CS_DB" "$idx")" = "$schema" ]
	run cs-customer dedupe -f csv
	[ "$status" -eq 0 ]
	[[ "$output" == *I2* && "$output" == *I3* ]]
}

@test "line numbers count the lines of quoted notes and blank lines" {
	cs-db init 2>/dev/null
	before=$(dbsum)
	printf 'code,name,notes,phone\nM1,王芳,"第一行\n第二行",13812345678\n\nM2,李强,,12345\n' > "$T/ml.csv"
	run cs-customer import "$T/ml.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/ml.csv:5: phone: "*" (12345)"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "a code twice in one file is an error naming both lines" {
	cs-db init 2>/dev/null
	before=$(dbsum)
	printf 'code,name,phone\nD1,王芳,13812345678\nD2,李强,13900001111\nD1,王芳芳,13812345678\n' > "$T/dup.csv"
	run cs-customer import "$T/dup.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/dup.csv:4: code: "*"line 2"*"(D1)"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "an unknown owner is bad input; a known one is linked" {
	agents
	before=$(dbsum)
	printf 'code,name,owner\nO1,王芳,li.na\nO2,李强,nobody\n' > "$T/own.csv"
	run cs-customer import "$T/own.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/own.csv:3: owner: "*"(nobody)"* ]]
	[ "$(dbsum)" = "$before" ]
	sed -i 's/nobody/wang.wei/' "$T/own.csv"
	run cs-customer import "$T/own.csv"
	[ "$status" -eq 0 ]
	[ "$(field O2 owner)" = wang.wei ]
}

@test "bad values of every kind name the line, the column and the value" {
	agents
	before=$(dbsum)
	printf 'code,name,email\nE1,王芳,wang.example.com\n' > "$T/e.csv"
	run cs-customer import "$T/e.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/e.csv:2: email: "*"(wang.example.com)"* ]]
	printf 'code,name,birthday\nE1,王芳,1990-02-30\n' > "$T/b.csv"
	run cs-customer import "$T/b.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/b.csv:2: birthday: "*"(1990-02-30)"* ]]
	printf 'code,name,phone\nE1,王芳,138****5678\n' > "$T/m.csv"
	run cs-customer import "$T/m.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/m.csv:2: phone: "*"(138****5678)"* ]]
	printf 'code,company\nE1,某公司\n' > "$T/n.csv"
	run cs-customer import "$T/n.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/n.csv:2: name: "* ]]
	printf 'code,name\nE1,"王"芳\n' > "$T/q.csv"
	run cs-customer import "$T/q.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/q.csv:2"* ]]
	printf 'code,name\nE1,王芳,多\n' > "$T/r.csv"
	run cs-customer import "$T/r.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/r.csv:2"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "unknown columns are refused unless --ignore-unknown" {
	cs-db init 2>/dev/null
	before=$(dbsum)
	printf 'code,name,nickname\nN1,王芳,芳芳\n' > "$T/unk.csv"
	run cs-customer import "$T/unk.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"nickname: unknown column"* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-customer import --ignore-unknown "$T/unk.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 1"* ]]
}

@test "--skip-invalid lands the good rows and writes the bad ones with an error column" {
	agents
	cp "$DATA/customers/customers.csv" "$T/c.csv"
	printf 'C007,孙丽,12345,,,,,南京,,,,,,"要回电,急",,\n' >> "$T/c.csv"
	printf 'C008,周杰,13600001111,,,,,南京,,,,nobody,,,,\n' >> "$T/c.csv"
	run cs-customer import --skip-invalid "$T/rejects.csv" "$T/c.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 6, updated 0, unchanged 0, rejected 2"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer')" = 6 ]
	run cat "$T/rejects.csv"
	[ "${#lines[@]}" -eq 3 ]
	[ "${lines[0]}" = "code,name,phone,phone2,email,wechat,company,city,address,segment,tags,owner,birthday,notes,attr.purchase_date,attr.points,error" ]
	[[ "${lines[1]}" == 'C007,孙丽,12345,,,,,南京,,,,,,"要回电,急",,,'*"c.csv:9: phone: "*"(12345)"* ]]
	[[ "${lines[2]}" == "C008,周杰,13600001111,,,,,南京,,,,nobody,,,,,"*"c.csv:10: owner: "*"(nobody)"* ]]
	# the rejects, fixed, import back
	sed -i 's/,12345,/,13700002222,/; s/,nobody,/,li.na,/' "$T/rejects.csv"
	run cs-customer import --ignore-unknown "$T/rejects.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 2, updated 0, unchanged 0, rejected 0"* ]]
	[ "$(sqlite3 "$CS_DB" "SELECT notes FROM customer WHERE code = 'C007'")" = "要回电,急" ]
}

@test "--skip-invalid with --excel writes the rejects for a spreadsheet, and they read back" {
	agents
	printf 'code,name,phone,notes\nX1,孙丽,13600001111,好\nX2,周杰,136000011112,=1+2\nX3,吴磊,13600002222,"a;b"\n' > "$T/x.csv"
	run cs-customer import --excel --skip-invalid "$T/rej.csv" "$T/x.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 2, updated 0, unchanged 0, rejected 1"* ]]
	[ "$(head -c 3 "$T/rej.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]
	[ "$(grep -c $'\r$' "$T/rej.csv")" -eq 2 ]
	grep -q "^X2,周杰,\"=\"\"136000011112\"\"\",'=1+2," "$T/rej.csv"
	# fixed in the spreadsheet, it imports back with its values
	sed -i 's/=""136000011112""/=""13600003333""/' "$T/rej.csv"
	run cs-customer import --ignore-unknown "$T/rej.csv"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT phone || ' ' || notes FROM customer WHERE code = 'X2'")" = "13600003333 =1+2" ]
}

@test "--dry-run counts what would happen and writes nothing" {
	run cs-customer import --dry-run "$DATA/customers/phones.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"would add 10, would update 0, unchanged 0, rejected 0"* ]]
	# not even the database file
	[ ! -e "$CS_DB" ]
	agents
	cs-customer import "$DATA/customers/customers.csv" 2>/dev/null
	before=$(dbsum)
	sed 's/,北京中关村科技有限公司,北京,/,北京中关村科技有限公司,天津,/' \
	    "$DATA/customers/customers.csv" > "$T/moved.csv"
	printf 'C007,孙丽,15900001111,,,,,南京,,,,,,,,\nC008,周杰,123,,,,,南京,,,,,,,,\n' >> "$T/moved.csv"
	run cs-customer import -n "$T/moved.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"moved.csv:10: phone: "*"(123)"* ]]
	[[ "$output" == *"would add 1, would update 1, unchanged 5, rejected 1"* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-customer import --dry-run --skip-invalid "$T/rej.csv" "$T/moved.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"would add 1, would update 1, unchanged 5, rejected 1"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "JSON arrays and JSON lines carry the same columns, attr.* included" {
	agents
	cat > "$T/c.json" <<'JSON'
[
{"code":"J1","name":"王芳","phone":"138 1234 5678","tags":"vip;春节","owner":"li.na","attr.purchase_date":"2026-11-01"},
{"code":"J2","name":"李强","phone":13900001111,"notes":"他说:\"发票\",\n明天","attr.points":300}
]
JSON
	run cs-customer import "$T/c.json"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 2, updated 0, unchanged 0, rejected 0"* ]]
	run cs-customer list -f csv --no-header
	[ "${lines[0]}" = "1,J1,王芳,13812345678,,,,,,,vip;春节,li.na,active" ]
	[ "${lines[1]}" = "2,J2,李强,13900001111,,,,,,,,,active" ]
	[ "$(sqlite3 "$CS_DB" "SELECT notes FROM customer WHERE code = 'J2'")" = "$(printf '他说:"发票",\n明天')" ]
	run cs-customer show J2 -f csv
	[[ "$output" == *"attr,points,300"* ]]
	printf '{"code":"J1","city":"上海"}\n\n{"code":"J3","name":"张伟","attr.level":"金卡"}\n' > "$T/c.jsonl"
	run cs-customer import "$T/c.jsonl"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 1, updated 1, unchanged 0, rejected 0"* ]]
	[ "$(field J1 city)" = 上海 ]
	run cs-customer show J3 -f csv
	[[ "$output" == *"attr,level,金卡"* ]]
}

@test "bad JSON records name their line and nothing is written" {
	cs-db init 2>/dev/null
	before=$(dbsum)
	printf '[\n{"code":"J1","name":"王芳"},\n{"code":"J2","name":"李强","phone":"12345"}\n]\n' > "$T/bad.json"
	run cs-customer import "$T/bad.json"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/bad.json:3: phone: "*"(12345)"* ]]
	printf '{"code":"L1","name":"王芳"}\n{"code":"L2","name":"李强","phone":12345678901234567890123}\n' > "$T/big.jsonl"
	run cs-customer import "$T/big.jsonl"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/big.jsonl:2: phone: "*"12345678901234567890123"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "attributes are kept per customer, one attr.NAME column each" {
	printf 'code,name,attr.purchase_date,attr.card_expiry,attr.等级\nA1,王芳,2026-11-01,2027-03,金卡\nA2,李强,,2026-12,\n' > "$T/a.csv"
	run cs-customer import "$T/a.csv"
	[ "$status" -eq 0 ]
	run cs-customer show A1 -f csv
	[[ "$output" == *"attr,card_expiry,2027-03"* ]]
	[[ "$output" == *"attr,purchase_date,2026-11-01"* ]]
	[[ "$output" == *"attr,等级,金卡"* ]]
	run cs-customer show A2 -f csv
	[[ "$output" == *"attr,card_expiry,2026-12"* ]]
	[[ "$output" != *"purchase_date"* ]]
	run sqlite3 "$CS_DB" "SELECT customer_id || ' ' || name || ' ' || value FROM v_customer_attrs ORDER BY 1"
	[ "${#lines[@]}" -eq 4 ]
	printf 'code,name,attr.bad.name\nA3,张伟,x\n' > "$T/bad.csv"
	before=$(dbsum)
	run cs-customer import "$T/bad.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/bad.csv:2: attr.bad.name: "* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "new customers' attributes are stored as an update stores them" {
	# written straight for a new customer, through jansson for an update:
	# both must give the same text, or a re-import would change nothing
	# yet count every row as updated
	printf 'code,name,attr.z,attr.备注,attr.a,attr.d\nK1,王芳,"x""y\\z","多行\n\t文本\001",,2026/11/3\nK2,李强,plain,,b,\n' > "$T/a.csv"
	cs-customer import "$T/a.csv" 2>/dev/null
	run sqlite3 "$CS_DB" "SELECT attrs FROM customer ORDER BY code"
	[ "${lines[0]}" = '{"d":"2026-11-03","z":"x\"y\\z","备注":"多行\n\t文本\u0001"}' ]
	[ "${lines[1]}" = '{"a":"b","z":"plain"}' ]
	run cs-customer import "$T/a.csv"
	[[ "$output" == *"added 0, updated 0, unchanged 2, rejected 0"* ]]
	# an update that changes one attribute rewrites the object the same way
	printf 'code,attr.a\nK2,c\n' > "$T/b.csv"
	cs-customer import "$T/b.csv" 2>/dev/null
	[ "$(sqlite3 "$CS_DB" "SELECT attrs FROM customer WHERE code = 'K2'")" = '{"a":"c","z":"plain"}' ]
}

@test "--skip-invalid also sets aside the records the reader refuses" {
	# a row with a field too many or too few: the rest land
	printf 'code,name,city\nC1,王芳,北京\nC2,李强,上海,多余\nC3,张伟,广州\nC4,刘洋\n' > "$T/b.csv"
	run cs-customer import "$T/b.csv" --skip-invalid "$T/rej.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 2, updated 0, unchanged 0, rejected 2"* ]]
	[ "$(cat "$T/rej.csv")" = "code,name,city,error
C2,李强,上海,\"$T/b.csv:3: expected 3 fields, found 4, the last ones (多余)\"
C4,刘洋,,\"$T/b.csv:5: expected 3 fields, found 2\"" ]
	[ "$(sqlite3 "$CS_DB" 'SELECT group_concat(code) FROM customer')" = C1,C3 ]
	# without it the first such row still stops everything
	before=$(dbsum)
	run cs-customer import "$T/b.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/b.csv:3: expected 3 fields, found 4, the last ones (多余)"* ]]
	[ "$(dbsum)" = "$before" ]
	# a dry run counts them
	run cs-customer import "$T/b.csv" --dry-run
	[[ "$output" == *"rejected 2 (dry run: nothing written)"* ]]
	# JSON lines: a line that is no JSON, no object, a nested value or a
	# number that would be rounded; the rejects have the columns of all
	# the records set aside, the number as it was written
	cat > "$T/b.jsonl" <<-'JSON'
	{"code":"J1","name":"王芳"}
	{"code":"J2","name":{"姓":"李"}}
	not json
	{"code":"J3","name":"张伟"}
	[1]
	{"code":"J4","notes":12345678901234567.0}
	JSON
	run cs-customer import "$T/b.jsonl" --skip-invalid "$T/rej2.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 2, updated 0, unchanged 0, rejected 4"* ]]
	[ "$(cat "$T/rej2.csv")" = "code,notes,error
J2,,$T/b.jsonl:2: name: nested values are not supported (use a string)
,,$T/b.jsonl:3: record is not an object
,,$T/b.jsonl:5: record is not an object
J4,12345678901234567.0,\"$T/b.jsonl:6: notes: more digits than a number keeps, quote it to keep it as text (12345678901234567.0)\"" ]
	# a JSON array: an element that is no object, one with a nested value
	printf '[{"code":"A1","name":"a"},\n"x",\n{"code":"A2","name":[1]},\n{"code":"A3","name":"b"}]\n' > "$T/b.json"
	run cs-customer import "$T/b.json" --skip-invalid "$T/rej3.csv"
	[[ "$output" == *"added 2, updated 0, unchanged 0, rejected 2"* ]]
	[ "$(sed -n 1p "$T/rej3.csv")" = "code,error" ]
	[ "$(sed -n 3p "$T/rej3.csv")" = "A2,$T/b.json:3: name: nested values are not supported (use a string)" ]
	# a misspelt key is no bad record but a bad file, as in a CSV header
	printf '{"code":"K1","name":"a","phnoe":"13800138000"}\n' > "$T/k.jsonl"
	before=$(dbsum)
	run cs-customer import "$T/k.jsonl" --skip-invalid "$T/rej5.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"$T/k.jsonl:1: phnoe: unknown column"* ]]
	[ "$(dbsum)" = "$before" ]
	# a number that would be rounded in a key left out is no fault
	printf '{"code":"K2","name":"b","extra":0.12345678901234567891}\n' > "$T/k2.jsonl"
	run cs-customer import "$T/k2.jsonl" --ignore-unknown
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 1,"* ]]
	# a broken array cannot be read on: the whole import stops
	printf '[{"code":"B1","name":"a"},\n{"code":"B2"\n' > "$T/c.json"
	before=$(dbsum)
	run cs-customer import "$T/c.json" --skip-invalid "$T/rej4.csv"
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
	[ ! -e "$T/rej4.csv" ]
}

@test "list output imports back unchanged" {
	agents
	cs-customer import "$DATA/customers/customers.csv" 2>/dev/null
	cs-customer list -f csv > "$T/list.csv"
	run cs-customer import "$T/list.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 0, updated 0, unchanged 6, rejected 0"* ]]
}

@test "import usage errors are 2, a missing file is 66 and creates no database" {
	run cs-customer import
	[ "$status" -eq 2 ]
	run cs-customer import "$T/a.csv" "$T/b.csv"
	[ "$status" -eq 2 ]
	run cs-customer import --bogus "$T/a.csv"
	[ "$status" -eq 2 ]
	run cs-customer import "$T/nope.csv"
	[ "$status" -eq 66 ]
	[[ "$output" == *"nope.csv"* ]]
	[ ! -e "$CS_DB" ]
}

@test "CR-only line ends (old Excel for Mac): a bad record is named by the line it starts on, as with CR LF and LF" {
	agents
	printf 'code,name,phone\rK7,张七,13811112222\rK8,张八,12345\r' > "$T/cr.csv"
	before=$(dbsum)
	run cs-customer import "$T/cr.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == "cs-customer: $T/cr.csv:3: phone: "*"(12345)"* ]]
	[ "$(dbsum)" = "$before" ]
	# a line break inside quotes and blank lines count; the three line
	# ends give the same numbers
	for eol in '\r' '\r\n' '\n'; do
		printf "code,name,notes,phone${eol}${eol}K1,张一,\"第一行${eol}第二行\",13811110000${eol}${eol}K2,张二,,12345${eol}" > "$T/m.csv"
		run cs-customer import "$T/m.csv"
		[ "$status" -eq 65 ]
		[[ "$output" == "cs-customer: $T/m.csv:6: phone: "*"(12345)"* ]]
		[ "$(dbsum)" = "$before" ]
	done
	run cs-customer import "$T/m.csv" --skip-invalid "$T/rej.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 1, updated 0, unchanged 0, rejected 1"* ]]
	grep -q "m.csv:6: phone: " "$T/rej.csv"
	# the reader is shared: cs-agent import counts the same way
	printf 'login,name,weight\rl.a,甲,1\r\rl.b,乙,abc\r' > "$T/a.csv"
	run cs-agent import "$T/a.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == "cs-agent: $T/a.csv:4: weight: "*"(abc)"* ]]
}

@test "a UTF-8 BOM wins over --encoding gbk: the file is read as UTF-8, not stored as mojibake" {
	agents
	printf '\xef\xbb\xbfcode,name\r\nK1,张三\r\n' > "$T/bom.csv"
	run cs-customer import --encoding gbk "$T/bom.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 1, updated 0, unchanged 0, rejected 0"* ]]
	[ "$(sqlite3 "$CS_DB" "SELECT name FROM customer WHERE code = 'K1'")" = 张三 ]
	printf '\xef\xbb\xbf{"code":"K2","name":"李四"}\n' > "$T/bom.jsonl"
	run cs-customer import --encoding gb18030 "$T/bom.jsonl"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT name FROM customer WHERE code = 'K2'")" = 李四 ]
	# GBK text behind a UTF-8 BOM is no UTF-8: refused, saying why
	{ printf '\xef\xbb\xbfcode,name\r\n'; printf 'K3,王五\r\n' | iconv -f UTF-8 -t GBK; } > "$T/mixed.csv"
	before=$(dbsum)
	run cs-customer import --encoding gbk "$T/mixed.csv"
	[ "$status" -eq 65 ]
	[ "$output" = "cs-customer: $T/mixed.csv:2: invalid UTF-8 (the file starts with a UTF-8 byte order mark, which overrides --encoding)" ]
	[ "$(dbsum)" = "$before" ]
}
