#!/usr/bin/env bats
# cs-customer add, update, show, list, export and tag.
load helper

# The roster of helper.bash and the six customers of customers.csv:
#   C001 王芳 vip 上海 li.na     tags vip;老客户  points 1200 bought 2026-11-01
#   C002 李强 normal 北京 wang.wei               points 90   bought 2026-10-15
#   C003 张伟 vip 深圳            tags vip        (no points, no purchase)
#   C004 陈静 potential 上海 li.na tags 春节;潜在 points 300  bought 2026-12-20
#   C005 刘洋 normal 深圳 zhang.min tags 老客户   points 5000 bought 2026-09-05
#   C006 赵敏 vip 广州 wang.wei   tags vip;春节   points 80   bought 2026-11-30
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

@test "add prints the new id alone; -f json prints the customer as one object" {
	run cs-customer add --name 王芳 --phone '138 1234 5678'
	[ "$status" -eq 0 ]
	[ "$output" = 1 ]
	run cs-customer add --code C100 --name 李强 --phone '+86 139-0000-1111' \
	    --email li.qiang@example.com --city 北京 --segment vip --tags vip -f json
	[ "$status" -eq 0 ]
	[ "$output" = '{"id":2,"code":"C100","name":"李强","phone":"13900001111","phone2":null,"email":"li.qiang@example.com","wechat":null,"company":null,"city":"北京","segment":"vip","tags":"vip","owner":null,"status":"active"}' ]
	run cs-customer add --name 张伟 --wechat zhangwei_sz --attr purchase_date=2026-11-01 \
	    -a 等级=金卡 --birthday 1990-05-17 --notes '喜欢电话联系,不要短信'
	[ "$output" = 3 ]
	run cs-customer show 3 -f csv
	has "attr,purchase_date,2026-11-01"
	has "attr,等级,金卡"
	has "profile,birthday,1990-05-17"
	has 'profile,notes,"喜欢电话联系,不要短信"'
}

@test "add refuses bad values with 65 and usage mistakes with 2, writing nothing" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	cs-customer add --code C100 --name 王芳 >/dev/null
	before=$(dbsum)
	run cs-customer add --name 李强 --phone 12345
	[ "$status" -eq 65 ]
	[[ "$output" == *"--phone: "*"(12345)"* ]]
	run cs-customer add --name 李强 --email li.qiang.example.com
	[ "$status" -eq 65 ]
	[[ "$output" == *"--email: "*"(li.qiang.example.com)"* ]]
	run cs-customer add --name 李强 --birthday 1990-02-30
	[ "$status" -eq 65 ]
	[[ "$output" == *"--birthday: "*"(1990-02-30)"* ]]
	run cs-customer add --code C100 --name 李强
	[ "$status" -eq 65 ]
	[[ "$output" == *"--code: "*"exists"*"(C100)"* ]]
	run cs-customer add --name 李强 --owner nobody
	[ "$status" -eq 65 ]
	[[ "$output" == *"--owner: "*"(nobody)"* ]]
	run cs-customer add --company 某公司
	[ "$status" -eq 65 ]
	[[ "$output" == *"name"* ]]
	run cs-customer add --name 李强 --wechat 'li qiang'
	[ "$status" -eq 65 ]
	[[ "$output" == *"--wechat: "*"(li qiang)"* ]]
	run cs-customer add --name 李强 --tags 'a,b'
	[ "$status" -eq 65 ]
	run cs-customer add --name 李强 --attr 'a.b=1'
	[ "$status" -eq 65 ]
	run cs-customer add --name 李强 --attr nothing
	[ "$status" -eq 2 ]
	run cs-customer add --name 李强 extra
	[ "$status" -eq 2 ]
	run cs-customer add --name 李强 --bogus
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}

@test "update changes only the given fields, clears empty ones and logs who did it" {
	customers
	run cs-customer update C002 --city 天津 --company '' -a points=95 --actor boss
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	run cs-customer list -f csv --no-header --search 李强
	[ "$output" = "2,C002,李强,13900001111,,li.qiang@example.com,,,天津,normal,,wang.wei,active" ]
	run sqlite3 "$CS_DB" "SELECT actor || '|' || field || '|' || coalesce(old_value, '') || '|' || coalesce(new_value, '') FROM v_changes WHERE entity = 'customer' ORDER BY id"
	has "boss|city|北京|天津"
	has "boss|company|北京中关村科技有限公司|"
	has "boss|attr.points|90|95"
	[ "${#lines[@]}" -eq 3 ]
	# by id and by phone too
	run cs-customer update 2 --segment vip
	[ "$status" -eq 0 ]
	run cs-customer update '139 0000 1111' --wechat liqiang
	[ "$status" -eq 0 ]
	run cs-customer show C002 -f csv
	has "profile,segment,vip"
	has "profile,wechat,liqiang"
}

@test "update refuses bad values (65), a missing customer (1) and no customer (2)" {
	customers
	before=$(dbsum)
	run cs-customer update C001 --phone 12345
	[ "$status" -eq 65 ]
	[[ "$output" == *"--phone: "*"(12345)"* ]]
	run cs-customer update C001 --owner nobody
	[ "$status" -eq 65 ]
	[[ "$output" == *"--owner: "*"(nobody)"* ]]
	run cs-customer update C001 --code C002
	[ "$status" -eq 65 ]
	[[ "$output" == *"--code: "*"(C002)"* ]]
	run cs-customer update nobody --city 上海
	[ "$status" -eq 1 ]
	[[ "$output" == *"nobody"*"no such customer"* ]]
	run cs-customer update
	[ "$status" -eq 2 ]
	run cs-customer update C001 C002 --city 上海
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}

@test "show prints the profile, the attributes and a timeline of changes with their actor" {
	customers
	CS_NOW=2026-11-24T10:30:00 cs-customer update C001 --city 北京 --actor boss
	run cs-customer show C001 -f csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "section,field,value" ]
	has "profile,id,1"
	has "profile,code,C001"
	has "profile,name,王芳"
	has "profile,phone,13812345678"
	has "profile,phone2,010-88886666"
	has "profile,email,wang.fang@example.com"
	has "profile,wechat,wangfang88"
	has "profile,company,上海华联商贸有限公司"
	has "profile,city,北京"
	has "profile,address,上海市浦东新区世纪大道100号"
	has "profile,segment,vip"
	has "profile,tags,vip;老客户"
	has "profile,owner,li.na"
	has "profile,birthday,1985-03-12"
	has 'profile,notes,"喜欢电话联系,不要短信"'
	has "profile,status,active"
	has "attr,points,1200"
	has "attr,purchase_date,2026-11-01"
	[[ "$output" == *$'\ntimeline,2026-11-24T10:30'*"boss"*"city"*"上海"*"北京"* ]]
	# the same customer by id, by any spelling of a phone, by prefix
	run cs-customer show 1 -f csv
	has "profile,code,C001"
	run cs-customer show '+86 138-1234-5678' -f csv
	has "profile,code,C001"
	run cs-customer show '(010) 8888-6666' -f csv
	has "profile,code,C001"
	run cs-customer show code:C004 -f csv
	has "profile,name,陈静"
	run cs-customer show id:4 -f csv
	has "profile,name,陈静"
}

@test "show says no such customer with 1, and 2 without exactly one customer" {
	customers
	run cs-customer show nobody
	[ "$status" -eq 1 ]
	[[ "$output" == *"nobody"*"no such customer"* ]]
	run cs-customer show 99
	[ "$status" -eq 1 ]
	run cs-customer show 13000000000
	[ "$status" -eq 1 ]
	# a phone that two customers share is ambiguous
	cs-customer add --name 王芳芳 --phone 13812345678 >/dev/null
	run cs-customer show 13812345678
	[ "$status" -eq 1 ]
	[[ "$output" == *"several"* ]]
	run cs-customer show
	[ "$status" -eq 2 ]
	run cs-customer show C001 C002
	[ "$status" -eq 2 ]
}

@test "show --mask masks phones and e-mails everywhere, the timeline too" {
	customers
	cs-customer update C001 --phone 13900002222 --email zhang@example.com
	run cs-customer show C001 -f csv --mask
	[ "$status" -eq 0 ]
	has "profile,phone,139****2222"
	has "profile,phone2,010-****6666"
	has "profile,email,z***@example.com"
	[[ "$output" == *"timeline,"*"phone"* ]]
	[[ "$output" != *13812345678* ]]
	[[ "$output" != *13900002222* ]]
	[[ "$output" != *88886666* ]]
	[[ "$output" != *wang.fang@* ]]
	[[ "$output" != *zhang@* ]]
}

@test "list filters by segment, tag (all must match), owner, city and status" {
	customers
	run codes
	[ "$output" = "C001 C002 C003 C004 C005 C006" ]
	run codes --segment vip
	[ "$output" = "C001 C003 C006" ]
	run codes --tag vip
	[ "$output" = "C001 C003 C006" ]
	run codes --tag vip --tag 春节
	[ "$output" = "C006" ]
	run codes --tag 老客户
	[ "$output" = "C001 C005" ]
	run codes --tag 老
	[ "$output" = "" ]
	run codes --owner li.na
	[ "$output" = "C001 C004" ]
	run codes --city 上海
	[ "$output" = "C001 C004" ]
	run codes --city 深圳 --segment normal
	[ "$output" = "C005" ]
	cs-customer invalidate C002 --reason suspended
	run codes --status invalid
	[ "$status" -eq 0 ]
	[ "$output" = "C002" ]
	run codes --status active
	[ "$output" = "C001 C003 C004 C005 C006" ]
	run codes --status merged
	[ "$output" = "" ]
}

@test "list --search finds name, company and phone digits however written" {
	customers
	run codes --search 王
	[ "$output" = "C001" ]
	run codes --search 科技
	[ "$output" = "C002 C005" ]
	run codes --search 上海
	[ "$output" = "C001" ]
	run codes --search 1234
	[ "$output" = "C001 C004 C005" ]
	run codes --search 138-1234-5678
	[ "$output" = "C001" ]
	run codes --search '5555 1234'
	[ "$output" = "C004" ]
	run codes --search '0755-8888'
	[ "$output" = "C003" ]
	run codes --search 没有这个人
	[ "$output" = "" ]
}

@test "list --search folds width and case on both sides: alice finds Ａｌｉｃｅ" {
	customers
	cs-customer add --code F1 --name 'Ａｌｉｃｅ Ｗａｎｇ' --company 'ACME 上海' \
	    --phone 13900000001 > /dev/null
	cs-customer add --code F2 --name 'Ünal Çelik' --wechat 'ＷＸ＿Ｏｎｅ' \
	    --phone 13900000002 > /dev/null
	run codes --search alice
	[ "$output" = "F1" ]
	run codes --search ＡＬＩＣＥ
	[ "$output" = "F1" ]
	run codes --search acme
	[ "$output" = "F1" ]
	run codes --search ÜNAL
	[ "$output" = "F2" ]
	run codes --search wx_one
	[ "$output" = "F2" ]
	run codes --search f2
	[ "$output" = "F2" ]
	# full-width digits find the phone
	run codes --search １３９０００００００２
	[ "$output" = "F2" ]
	# a _ in the search is the character, not any character
	run codes --search wxxone
	[ "$output" = "" ]
}

@test "list --where compares fields and attributes with = != < <= > >= ~" {
	customers
	run codes --where 'city=上海'
	[ "$output" = "C001 C004" ]
	run codes --where 'segment!=vip'
	[ "$output" = "C002 C004 C005" ]
	run codes --where 'owner=li.na'
	[ "$output" = "C001 C004" ]
	run codes --where 'company~科技'
	[ "$output" = "C002 C005" ]
	run codes --where 'notes~发票'
	[ "$output" = "C002" ]
	run codes --where 'attr.points~00'
	[ "$output" = "C001 C004 C005" ]
	# numbers compare as numbers: 90 < 100 < 1200
	run codes --where 'attr.points>100'
	[ "$output" = "C001 C004 C005" ]
	run codes --where 'attr.points>=300'
	[ "$output" = "C001 C004 C005" ]
	run codes --where 'attr.points<300'
	[ "$output" = "C002 C006" ]
	run codes --where 'attr.points<=90'
	[ "$output" = "C002 C006" ]
	run codes --where 'attr.purchase_date=2026-12-20'
	[ "$output" = "C004" ]
	run codes --where 'attr.purchase_date>=2026-11-01'
	[ "$output" = "C001 C004 C006" ]
	run codes --where 'attr.purchase_date>2026-11-01'
	[ "$output" = "C004 C006" ]
	# repeated: all must hold
	run codes --where 'segment=vip' --where 'attr.points<1000'
	[ "$output" = "C006" ]
	run codes --where 'attr.purchase_date>=2026-11-01' --tag 春节
	[ "$output" = "C004 C006" ]
}

@test "list --where: a customer without the value does not match < or <=" {
	customers
	# C003 has no purchase date and only C001, C003 have a birthday
	run codes --where 'attr.purchase_date<2026-11-01'
	[ "$output" = "C002 C005" ]
	run codes --where 'attr.purchase_date<=2026-11-01'
	[ "$output" = "C001 C002 C005" ]
	run codes --where 'birthday<=1989-12-31'
	[ "$output" = "C001" ]
	run codes --where 'birthday>1989-12-31'
	[ "$output" = "C003" ]
}

@test "list --where compares dates as dates, however they were written" {
	printf 'code,name,attr.purchase_date\nT1,王芳,2026/9/5\nT2,李强,2026年11月1日\nT3,张伟,2026-11-15\nT4,陈静,2026-10-31\n' > "$T/d.csv"
	cs-customer import "$T/d.csv" 2>/dev/null
	run codes --where 'attr.purchase_date>=2026-11-01'
	[ "$output" = "T2 T3" ]
	run codes --where 'attr.purchase_date<2026-11-1'
	[ "$output" = "T1 T4" ]
	run codes --where 'attr.purchase_date>2026/10/31'
	[ "$output" = "T2 T3" ]
	run codes --where 'attr.purchase_date=2026-09-05'
	[ "$output" = "T1" ]
	CS_NOW=2026-11-01T10:00:00 cs-customer add --code T5 --name 早客户 >/dev/null
	run codes --where 'created_at<2026-11-24'
	[ "$output" = "T5" ]
	run codes --where 'created_at>=2026-11-24'
	[ "$output" = "T1 T2 T3 T4" ]
	run codes --where 'created_at>=yesterday'
	[ "$output" = "T1 T2 T3 T4" ]
}

@test "list --where reads a stored time as its local day, as cs-revisit plan does; a number is no date" {
	printf 'code,name,attr.purchase_date\nW1,王芳,2026-11-17T01:00:00+08:00\nW2,李强,2461000\nW3,张伟,2026-11-17\nW4,陈静,2026-11-17 23:30\n' > "$T/d.csv"
	cs-customer import "$T/d.csv" 2>/dev/null
	# 01:00 in Shanghai is 11-17 there (SQLite's date() says 11-16, in UTC)
	run codes --where 'attr.purchase_date=2026-11-17'
	[ "$output" = "W1 W3 W4" ]
	run codes --where 'attr.purchase_date<2026-11-17'
	[ "$output" = "" ]
	# and 11-16 in New York; a date and a local time stay on their day
	TZ=America/New_York run codes --where 'attr.purchase_date=2026-11-17'
	[ "$output" = "W3 W4" ]
	TZ=America/New_York run codes --where 'attr.purchase_date=2026-11-16'
	[ "$output" = "W1" ]
	# 2461000 would be the Julian day 2025-11-20: it is no date at all
	run codes --where 'attr.purchase_date<2030-01-01'
	[ "$output" = "W1 W3 W4" ]
	run codes --where 'attr.purchase_date!=2026-11-17'
	[ "$output" = "W2" ]
}

@test "list --sort and --limit" {
	customers
	run codes --sort segment,-code
	[ "$output" = "C005 C002 C004 C006 C003 C001" ]
	run codes --sort -code --limit 2
	[ "$output" = "C006 C005" ]
	run codes --sort -attr.purchase_date
	[ "$output" = "C004 C006 C001 C002 C005 C003" ]
	run codes --limit 1 --tag vip
	[ "$output" = "C001" ]
}

@test "list refuses bad filters and arguments, writing nothing" {
	customers
	before=$(dbsum)
	run cs-customer list --where 'nickname=芳芳'
	[ "$status" -eq 65 ]
	[[ "$output" == *"nickname"* ]]
	run cs-customer list --where 'city'
	[ "$status" -eq 65 ]
	run cs-customer list --where 'created_at~2026'
	[ "$status" -eq 65 ]
	run cs-customer list --sort nickname
	[ "$status" -eq 65 ]
	run cs-customer list --limit 0
	[ "$status" -eq 2 ]
	run cs-customer list --limit many
	[ "$status" -eq 2 ]
	run cs-customer list --status gone
	[ "$status" -eq 2 ]
	run cs-customer list C001
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}

@test "list writes csv, json, jsonl and a table aligned for Chinese" {
	customers
	run cs-customer list -f jsonl --tag 春节 --tag vip
	[ "$output" = '{"id":6,"code":"C006","name":"赵敏","phone":"15800001111","phone2":null,"email":null,"wechat":null,"company":null,"city":"广州","segment":"vip","tags":"vip;春节","owner":"wang.wei","status":"active"}' ]
	run cs-customer list -f json --city 深圳 --segment vip
	[ "${lines[0]}" = "[" ]
	[[ "${lines[1]}" == '{"id":3,"code":"C003",'* ]]
	[ "${lines[2]}" = "]" ]
	run cs-customer list -f tsv --no-header --limit 1
	[ "$output" = "$(printf '1\tC001\t王芳\t13812345678\t010-88886666\twang.fang@example.com\twangfang88\t上海华联商贸有限公司\t上海\tvip\tvip;老客户\tli.na\tactive')" ]
	run cs-customer list -f table
	[ "$status" -eq 0 ]
	for i in 1 2 3 4 5 6; do
		pre=${lines[$i]%%active*}
		w=$(printf '%s' "$pre" | wc -L)
		[ -z "$w0" ] && w0=$w
		[ "$w" = "$w0" ]
	done
}

@test "--mask masks phones and e-mails in list and export" {
	customers
	run cs-customer list -f csv --no-header --mask --city 上海
	[ "${lines[0]}" = "1,C001,王芳,138****5678,010-****6666,w***@example.com,wangfang88,上海华联商贸有限公司,上海,vip,vip;老客户,li.na,active" ]
	[ "${lines[1]}" = "4,C004,陈静,021-****1234,137****1234,c***@example.cn,,,上海,potential,春节;潜在,li.na,active" ]
	run cs-customer list -f csv --no-header --mask --city 深圳
	[ "${lines[0]}" = "3,C003,张伟,0755-****6666,,z***@example.com,zhangwei_sz,,深圳,vip,vip,,active" ]
	run cs-customer export --mask
	[ "$status" -eq 0 ]
	[[ "${lines[1]}" == "C001,王芳,138****5678,010-****6666,w***@example.com,"* ]]
	[[ "$output" != *13812345678* ]]
	[[ "$output" != *88886666* ]]
	[[ "$output" != *wang.fang* ]]
}

@test "list output pipes into tag: list --tag vip | tag - --add 春节" {
	customers
	run bash -c 'cs-customer list --tag vip | cs-customer tag - --add 春节'
	[ "$status" -eq 0 ]
	run codes --tag 春节
	[ "$output" = "C001 C003 C004 C006" ]
	run codes --tag vip
	[ "$output" = "C001 C003 C006" ]
	run bash -c 'cs-customer list --city 深圳 -f json | cs-customer tag - --add 回访'
	[ "$status" -eq 0 ]
	run codes --tag 回访
	[ "$output" = "C003 C005" ]
	run bash -c 'cs-customer list --city 深圳 -f jsonl | cs-customer tag - --rm 回访'
	[ "$status" -eq 0 ]
	run codes --tag 回访
	[ "$output" = "" ]
}

@test "tag adds and removes tags on several customers, once each, logged" {
	customers
	run cs-customer tag C001 C005 --add 回访 --add 重点 --rm 老客户 --actor boss
	[ "$status" -eq 0 ]
	run codes --tag 回访 --tag 重点
	[ "$output" = "C001 C005" ]
	run codes --tag 老客户
	[ "$output" = "" ]
	run cs-customer tag C006 --rm vip --rm 春节
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT tags FROM customer WHERE code = 'C006'")" = "" ]
	# adding a tag it has already changes nothing
	run cs-customer tag C003 --add vip
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT tags FROM customer WHERE code = 'C003'")" = vip ]
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM change_log WHERE entity = 'customer' AND entity_id = 3")" = 0 ]
	run cs-customer show C005 -f csv
	[[ "$output" == *"timeline,"*"boss"*"tags"*"老客户"* ]]
}

@test "tag is all or nothing: a missing customer is 1, a bad tag 65, usage 2" {
	customers
	before=$(dbsum)
	run cs-customer tag C001 nobody --add 回访
	[ "$status" -eq 1 ]
	[[ "$output" == *"nobody"* ]]
	run cs-customer tag C001 --add 'a,b'
	[ "$status" -eq 65 ]
	[[ "$output" == *"a,b"* ]]
	run bash -c 'printf "name\n王芳\n" | cs-customer tag - --add 回访'
	[ "$status" -eq 65 ]
	run cs-customer tag C001
	[ "$status" -eq 2 ]
	run cs-customer tag --add 回访
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}

@test "export writes every field and attribute in the form import reads" {
	customers
	run cs-customer export
	[ "$status" -eq 0 ]
	[ "$output" = 'code,name,phone,phone2,email,wechat,company,city,address,segment,tags,owner,birthday,notes,attr.points,attr.purchase_date
C001,王芳,13812345678,010-88886666,wang.fang@example.com,wangfang88,上海华联商贸有限公司,上海,上海市浦东新区世纪大道100号,vip,vip;老客户,li.na,1985-03-12,"喜欢电话联系,不要短信",1200,2026-11-01
C002,李强,13900001111,,li.qiang@example.com,,北京中关村科技有限公司,北京,"北京市海淀区中关村大街1号, 3层",normal,,wang.wei,,"他说:""发票要开专票""",90,2026-10-15
C003,张伟,0755-88886666,,zhang.wei@example.com,zhangwei_sz,,深圳,,vip,vip,,1990-05-17,"第一行
第二行",,
C004,陈静,021-55551234,13700001234,chen.jing@example.cn,,,上海,,potential,春节;潜在,li.na,,,300,2026-12-20
C005,刘洋,13512345678,,liu.yang@example.com,,深圳腾飞科技有限公司,深圳,,normal,老客户,zhang.min,,,5000,2026-09-05
C006,赵敏,15800001111,,,,,广州,,vip,vip;春节,wang.wei,,,80,2026-11-30' ]
	run cs-customer export --tag 春节 --no-header
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[0]}" == C004,* ]]
	[[ "${lines[1]}" == C006,* ]]
}

@test "export, import into a fresh database, export again: byte-identical" {
	customers
	cs-customer add --code C007 --name 孙丽 --phone '010-12345678转8001' \
	    --notes '=SUM(A1) 开头' --tags '-测试' -a 等级=金卡 >/dev/null
	cs-customer export > "$T/first.csv"
	cs-customer export -f json > "$T/first.json"
	export CS_DB="$T/fresh/cs.db"
	cs-agent import "$T/agents.csv" 2>/dev/null
	run cs-customer import "$T/first.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 7, updated 0, unchanged 0, rejected 0"* ]]
	cs-customer export > "$T/second.csv"
	cmp "$T/first.csv" "$T/second.csv"
	run cs-customer import "$T/second.csv"
	[[ "$output" == *"added 0, updated 0, unchanged 7, rejected 0"* ]]
	# the JSON export reads back the same way
	export CS_DB="$T/json/cs.db"
	cs-agent import "$T/agents.csv" 2>/dev/null
	run cs-customer import "$T/first.json"
	[ "$status" -eq 0 ]
	cs-customer export > "$T/third.csv"
	cmp "$T/first.csv" "$T/third.csv"
	# and so does the export for spreadsheets: BOM, CRLF, ="0755..." and
	# the quote before =SUM and -测试
	cs-customer export --excel > "$T/excel.csv"
	grep -q '"=""13812345678"""' "$T/excel.csv"
	grep -q "'=SUM(A1)" "$T/excel.csv"
	run cs-customer import "$T/excel.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 0, updated 0, unchanged 7, rejected 0"* ]]
	export CS_DB="$T/excel/cs.db"
	cs-agent import "$T/agents.csv" 2>/dev/null
	cs-customer import "$T/excel.csv" 2>/dev/null
	cs-customer export > "$T/fourth.csv"
	cmp "$T/first.csv" "$T/fourth.csv"
}

@test "subcommands of cs-customer: usage errors are 2" {
	run cs-customer frobnicate
	[ "$status" -eq 2 ]
	run cs-customer export extra
	[ "$status" -eq 2 ]
	run cs-customer list --bogus
	[ "$status" -eq 2 ]
	run cs-customer show --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"--mask"* ]]
}
