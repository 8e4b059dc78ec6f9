#!/usr/bin/env bats
# cs-customer invalidate, revalidate, dedupe, merge and erase.
load helper

# The roster of helper.bash and the six customers of customers.csv.
customers() {
	staff_and_customers
}

# The codes of the customers that list prints, in its order, on one line.
codes() {
	cs-customer list -f csv --no-header "$@" > "$T/codes.out" || return
	cut -d, -f2 "$T/codes.out" | paste -sd' ' -
}

# Whether $output has this exact line.
has() {
	printf '%s\n' "$output" | grep -Fxq -- "$1"
}

# Fails when the file holds the text (in any bytes); a missing file holds
# nothing.
absent() {
	! grep -qaF -- "$1" "$2" 2>/dev/null
}

# Columns of a CSV without quoted cells on stdin, chosen by header name:
# cols group,code,reason
cols() {
	awk -F, -v want="$1" '
	NR == 1 { n = split(want, w, ","); for (i = 1; i <= NF; i++) ix[$i] = i; next }
	{ s = ""; for (k = 1; k <= n; k++) s = s (k > 1 ? "," : "") $(ix[w[k]]); print s }'
}

# ---- invalidate, revalidate ---------------------------------------------

@test "invalidate marks the contact with each reason and a note; revalidate undoes it" {
	customers
	run cs-customer invalidate C001 --reason invalid-number --note 空号
	[ "$status" -eq 0 ]
	run cs-customer invalidate C002 --reason suspended --note 停机
	[ "$status" -eq 0 ]
	run cs-customer invalidate C003 -r refused --note 拒访
	[ "$status" -eq 0 ]
	run cs-customer invalidate C004 --reason do-not-contact
	[ "$status" -eq 0 ]
	run cs-customer show C002 -f csv
	has "profile,status,invalid"
	has "profile,contact_reason,suspended"
	has "profile,contact_note,停机"
	[[ "$output" == *"timeline,"*"tester"*"suspended"*"停机"* ]]
	run cs-customer show C004 -f csv
	has "profile,contact_reason,do-not-contact"
	run sqlite3 "$CS_DB" "SELECT code || ' ' || status || ' ' || contact_reason FROM customer WHERE status = 'invalid' ORDER BY id"
	[ "$output" = "C001 invalid invalid-number
C002 invalid suspended
C003 invalid refused
C004 invalid do-not-contact" ]
	run codes --status invalid
	[ "$output" = "C001 C002 C003 C004" ]
	run cs-customer revalidate C002 --actor boss
	[ "$status" -eq 0 ]
	run cs-customer show C002 -f csv
	has "profile,status,active"
	[[ "$output" != *"contact_reason"* ]]
	[[ "$output" == *"timeline,"*"boss"*"active"* ]]
	run codes --status invalid
	[ "$output" = "C001 C003 C004" ]
}

@test "invalidate and revalidate take several customers and list output on stdin" {
	customers
	run bash -c 'cs-customer list --city 上海 | cs-customer invalidate - --reason refused'
	[ "$status" -eq 0 ]
	run codes --status invalid
	[ "$output" = "C001 C004" ]
	run cs-customer revalidate C001 C004
	[ "$status" -eq 0 ]
	run codes --status invalid
	[ "$output" = "" ]
}

@test "invalidate refuses a bad reason (65), a missing customer (1), no reason (2)" {
	customers
	before=$(dbsum)
	run cs-customer invalidate C001 --reason wrong
	[ "$status" -eq 65 ]
	[[ "$output" == *"invalid-number"*"suspended"*"refused"*"do-not-contact"* ]]
	[[ "$output" == *"wrong"* ]]
	run cs-customer invalidate C001 nobody --reason refused
	[ "$status" -eq 1 ]
	[[ "$output" == *"nobody"* ]]
	run cs-customer invalidate C001
	[ "$status" -eq 2 ]
	run cs-customer invalidate --reason refused
	[ "$status" -eq 2 ]
	# revalidating a contact that is not invalid is refused
	run cs-customer revalidate C001
	[ "$status" -eq 65 ]
	run cs-customer revalidate nobody
	[ "$status" -eq 1 ]
	run cs-customer revalidate
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}

# ---- dedupe -------------------------------------------------------------

@test "dedupe groups by phone in any field, case-folded e-mail and WeChat id" {
	cs-customer import "$DATA/customers/dupes.csv" 2>/dev/null
	before=$(dbsum)
	run cs-customer dedupe -f csv
	[ "$status" -eq 0 ]
	cs-customer dedupe -f csv > "$T/d.csv"
	run cols group,code < "$T/d.csv"
	[ "$output" = "1,D01
1,D03
2,D04
2,D05
3,D06
3,D07
4,D10
4,D11" ]
	run cols reason < "$T/d.csv"
	[[ "${lines[0]}" == *phone* ]]
	[[ "${lines[1]}" == *phone* ]]
	[[ "${lines[2]}" == *mail* ]]
	[[ "${lines[3]}" == *mail* ]]
	[[ "${lines[4]}" == *wechat* ]]
	[[ "${lines[5]}" == *wechat* ]]
	[[ "${lines[6]}" == *phone* ]]
	[[ "${lines[7]}" == *phone* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "dedupe --name-city adds customers of the same name in the same city" {
	cs-customer import "$DATA/customers/dupes.csv" 2>/dev/null
	cs-customer dedupe --name-city -f csv > "$T/d.csv"
	run cols group,code < "$T/d.csv"
	[ "$output" = "1,D01
1,D03
2,D04
2,D05
3,D06
3,D07
4,D08
4,D09
5,D10
5,D11" ]
	run cols reason < "$T/d.csv"
	[[ "${lines[6]}" == *name* ]]
	[[ "${lines[7]}" == *name* ]]
}

@test "dedupe exits 1 when there are no duplicates" {
	cs-customer add --name 王芳 --phone 13812345678 --email wang@example.com >/dev/null
	cs-customer add --name 王芳 --phone 13900001111 --email fang@example.com >/dev/null
	run cs-customer dedupe -f csv --no-header
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	# not even a customer whose two phones are the same number
	cs-customer add --name 李强 --phone 13700001234 --phone2 137-0000-1234 >/dev/null
	run cs-customer dedupe -f csv --no-header
	[ "$status" -eq 1 ]
	[ -z "$output" ]
}

@test "dedupe --merge --dry-run shows the plan and writes nothing" {
	cs-customer import "$DATA/customers/dupes.csv" 2>/dev/null
	before=$(dbsum)
	run cs-customer dedupe --merge --dry-run -f csv
	[ "$status" -eq 0 ]
	[[ "$output" == *D03* ]]
	[ "$(dbsum)" = "$before" ]
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM customer WHERE status = 'merged'")" = 0 ]
}

@test "dedupe --merge merges each group into its oldest customer" {
	cs-customer import "$DATA/customers/dupes.csv" 2>/dev/null
	run cs-customer dedupe --merge -f csv
	[ "$status" -eq 0 ]
	run codes --status merged
	[ "$output" = "D03 D05 D07 D11" ]
	run sqlite3 "$CS_DB" "SELECT d.code || '>' || k.code FROM customer d JOIN customer k ON k.id = d.merged_into ORDER BY d.id"
	[ "$output" = "D03>D01
D05>D04
D07>D06
D11>D10" ]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer')" = 11 ]
	# nothing left to merge
	run cs-customer dedupe -f csv --no-header
	[ "$status" -eq 1 ]
	[ -z "$output" ]
}

@test "the oldest customer is kept even when it has the higher id" {
	cs-customer add --code A1 --name 新客户 --phone 13812345678 >/dev/null
	CS_NOW=2026-11-01T09:00:00 cs-customer add --code A2 --name 老客户 \
	    --phone '138-1234-5678' >/dev/null
	run cs-customer dedupe --merge -f csv
	[ "$status" -eq 0 ]
	run sqlite3 "$CS_DB" "SELECT code || ' ' || status || ' ' || coalesce(merged_into, '') FROM customer ORDER BY id"
	[ "$output" = "A1 merged 2
A2 active " ]
}

# ---- merge --------------------------------------------------------------

@test "merge KEEP DROP moves tags and fills what KEEP lacks; DROP leads to KEEP" {
	cat > "$T/k.csv" <<'CSV'
code,name,phone,phone2,email,wechat,company,city,tags,attr.points,attr.purchase_date
K1,王芳,13812345678,,,,,上海,vip,100,
K2,王芳,138 1234 5678,010-88886666,wang.fang@example.com,wf88,上海华联商贸有限公司,北京,春节,5,2026-11-01
K3,王小芳,,,,,,,老客户,,
CSV
	cs-customer import "$T/k.csv" 2>/dev/null
	run cs-customer merge K1 K2 K3 --actor boss
	[ "$status" -eq 0 ]
	run cs-customer show K1 -f csv
	[ "$status" -eq 0 ]
	has "profile,name,王芳"
	has "profile,phone,13812345678"
	has "profile,phone2,010-88886666"
	has "profile,email,wang.fang@example.com"
	has "profile,wechat,wf88"
	has "profile,company,上海华联商贸有限公司"
	has "profile,city,上海"
	has "profile,status,active"
	has "attr,points,100"
	has "attr,purchase_date,2026-11-01"
	[[ "$output" == *"timeline,"*"boss"*"merge"* ]]
	run codes --tag vip --tag 春节 --tag 老客户
	[ "$output" = K1 ]
	run sqlite3 "$CS_DB" "SELECT code || ' ' || status || ' ' || coalesce(merged_into, '') FROM customer ORDER BY id"
	[ "$output" = "K1 active 
K2 merged 1
K3 merged 1" ]
	run codes --status merged
	[ "$output" = "K2 K3" ]
	run codes
	[ "$output" = K1 ]
	# looking DROP up by code or id finds KEEP, with a notice
	cs-customer show K2 -f csv > "$T/out" 2> "$T/err"
	grep -Fxq "profile,code,K1" "$T/out"
	grep -q "merged into 1" "$T/err"
	cs-customer show 2 -f csv > "$T/out" 2> "$T/err"
	grep -Fxq "profile,code,K1" "$T/out"
	grep -q "merged into 1" "$T/err"
	# the phone they shared is K1's alone now
	run cs-customer show 13812345678 -f csv
	[ "$status" -eq 0 ]
	has "profile,code,K1"
	# re-importing DROP's code updates KEEP and adds nobody
	printf 'code,segment\nK2,vip\n' > "$T/again.csv"
	run cs-customer import "$T/again.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 0, updated 1, unchanged 0, rejected 0"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer')" = 3 ]
	[ "$(sqlite3 "$CS_DB" "SELECT segment FROM customer WHERE code = 'K1'")" = vip ]
}

@test "merge is one transaction: a missing DROP merges none" {
	printf 'code,name,tags\nK1,王芳,vip\nK2,王芳,春节\n' > "$T/k.csv"
	cs-customer import "$T/k.csv" 2>/dev/null
	before=$(dbsum)
	run cs-customer merge K1 K2 nobody
	[ "$status" -eq 1 ]
	[[ "$output" == *"nobody"* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-customer merge nobody K2
	[ "$status" -eq 1 ]
	run cs-customer merge K1 K1
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
	run cs-customer merge K1
	[ "$status" -eq 2 ]
	run cs-customer merge
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
	# a DROP merged already leads to KEEP: merging it again is refused
	cs-customer merge K1 K2 2>/dev/null
	before=$(dbsum)
	run cs-customer merge K1 K2
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
}

# ---- erase --------------------------------------------------------------

@test "erase removes personal data from the customer and from the whole file" {
	customers
	cs-customer update C001 --phone 13900002222 --notes 改过的备注 -a vipcard=VIP-8899
	cs-customer invalidate C001 --reason suspended --note '13900002222 已停机'
	run cs-customer erase C001 --actor dpo
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer')" = 6 ]
	run cs-customer show C001 -f csv
	[ "$status" -eq 0 ]
	has "profile,status,erased"
	[[ "$output" != *"profile,phone"* ]]
	[[ "$output" != *"profile,email"* ]]
	[[ "$output" != *"profile,wechat"* ]]
	[[ "$output" != *"profile,address"* ]]
	[[ "$output" != *"profile,birthday"* ]]
	[[ "$output" != *"profile,notes"* ]]
	[[ "$output" != *"attr,"* ]]
	[[ "$output" != *王芳* ]]
	[[ "$output" == *"timeline,"*"dpo"*"erased"* ]]
	# nowhere in the database, the change log included
	sqlite3 "$CS_DB" .dump > "$T/dump.sql"
	for s in 13812345678 13900002222 010-88886666 wang.fang@example.com \
	    wangfang88 王芳 世纪大道 喜欢电话联系 1985-03-12 改过的备注 VIP-8899 \
	    已停机; do
		absent "$s" "$T/dump.sql"
	done
	# nor in the file's free pages or journal
	absent 13812345678 "$CS_DB"
	absent 13812345678 "$CS_DB-wal"
	# the rest of the customer and the other customers are kept
	run codes --status erased
	[ "$output" = C001 ]
	run codes
	[ "$output" = "C002 C003 C004 C005 C006" ]
	run sqlite3 "$CS_DB" "SELECT actor FROM v_changes WHERE entity = 'customer' AND entity_id = 1 AND new_value = 'erased'"
	[ "$output" = dpo ]
}

@test "an erased customer is not filled in again: re-import, update, invalidate refused" {
	customers
	cs-customer erase C001 2>/dev/null
	before=$(dbsum)
	run cs-customer import "$DATA/customers/customers.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"customers.csv:2: code: "*"erased"*"(C001)"* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-customer update C001 --name 王芳
	[ "$status" -eq 65 ]
	run cs-customer invalidate C001 --reason refused
	[ "$status" -eq 65 ]
	run cs-customer erase C001
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
	# the phone no longer leads to anyone
	run cs-customer show 13812345678
	[ "$status" -eq 1 ]
	# the other rows still import with --skip-invalid
	run cs-customer import --skip-invalid "$T/rej.csv" "$DATA/customers/customers.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 0, updated 0, unchanged 5, rejected 1"* ]]
}

@test "erasing a customer erases what was merged into it" {
	cat > "$T/k.csv" <<'CSV'
code,name,phone,phone2,email,wechat
K1,王芳,13812345678,,,
K2,王芳,13812345678,010-88886666,wang.fang@example.com,wf88
CSV
	cs-customer import "$T/k.csv" 2>/dev/null
	cs-customer merge K1 K2 2>/dev/null
	run cs-customer erase K1
	[ "$status" -eq 0 ]
	sqlite3 "$CS_DB" .dump > "$T/dump.sql"
	for s in 13812345678 88886666 wang.fang@example.com wf88 王芳; do
		absent "$s" "$T/dump.sql"
	done
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer')" = 2 ]
}

@test "erase: a missing customer is 1, usage 2" {
	customers
	before=$(dbsum)
	run cs-customer erase nobody
	[ "$status" -eq 1 ]
	[[ "$output" == *"nobody"* ]]
	run cs-customer erase
	[ "$status" -eq 2 ]
	run cs-customer erase C001 C002
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}
