#!/usr/bin/env bats
# cs-kb: articles, the review lifecycle and who may approve, versions and
# diff, votes and views, list filters, import and export.
load helper
bats_require_minimum_version 1.5.0

SAMPLE="$BATS_TEST_DIRNAME/../../share/sample/kb"

# The roster of helper.bash plus a reviewer and an owner of the base.
world() {
	roster
	cat >> "$T/agents.csv" <<'CSV'
zhao.li,赵丽,质检组,reviewer,,1,,yes
huang.lei,黄磊,运营组,owner,,1,,yes
old.rev,老审核,质检组,reviewer,,1,,no
CSV
	cs-agent import "$T/agents.csv" 2>/dev/null
}

# One field of an article, from v_articles.
afield() {
	sqlite3 "$CS_DB" "SELECT $2 FROM v_articles WHERE id = $1"
}

# A new article brought to status $1; prints its id.
article_in() {
	local id n
	n=$(cat "$T/n" 2>/dev/null) || n=0
	echo $((n + 1)) > "$T/n"
	id=$(cs-kb add --title "文章$n" --body 正文) || return
	case $1 in
	draft) ;;
	review) cs-kb submit "$id" ;;
	published) cs-kb submit "$id" && CS_USER=zhao.li cs-kb approve "$id" ;;
	archived) cs-kb archive "$id" ;;
	esac || return
	echo "$id"
}

@test "add prints the id alone and keeps every field; the actor owns it" {
	world
	run cs-kb add --title 退货流程 --category 退换货 --tags '退货；退款' \
	    --body $'\n\n七天无理由退货。\n\n步骤：\n1. 申请\n\n'
	[ "$status" -eq 0 ]
	[ "$output" = 1 ]
	[ "$(afield 1 title)" = 退货流程 ]
	[ "$(afield 1 category)" = 退换货 ]
	[ "$(afield 1 tags)" = '退款;退货' ]
	[ "$(afield 1 status)" = draft ]
	[ "$(afield 1 owner)" = tester ]
	[ "$(afield 1 version)" = 1 ]
	[ "$(afield 1 created_at)" = 2026-11-24T09:00:00 ]
	# blank lines before and white space after the body go
	[ "$(afield 1 body)" = $'七天无理由退货。\n\n步骤：\n1. 申请' ]
	printf '发票正文\n' > "$T/body.md"
	[ "$(cs-kb add --title 发票开具 --body-file "$T/body.md" --owner li.na)" = 2 ]
	[ "$(afield 2 body)" = 发票正文 ]
	[ "$(afield 2 owner)" = li.na ]
	[ "$(echo 从标准输入 | cs-kb add --title 物流 --body-file -)" = 3 ]
	[ "$(afield 3 body)" = 从标准输入 ]
	# the object with -f json
	run cs-kb add --title 第四篇 -f json
	[ "$status" -eq 0 ]
	[[ $output == '{"id":4,"title":"第四篇",'*'"status":"draft"'*'"views":0,'* ]]
}

@test "add and edit refuse bad input with nothing written" {
	world
	cs-kb add --title 已有 >/dev/null
	before=$(dbsum)
	run cs-kb add
	[ "$status" -eq 2 ]
	run cs-kb add --title '   '
	[ "$status" -eq 65 ]
	[[ $output == *"title"* ]]
	run cs-kb add --title $'两\n行'
	[ "$status" -eq 65 ]
	run cs-kb add --title 标签 --tags 'a,b'
	[ "$status" -eq 65 ]
	[[ $output == *"--tags"* ]]
	run cs-kb add --title 文件 --body-file "$T/nope.md"
	[ "$status" -eq 66 ]
	[[ $output == *"nope.md"* ]]
	run cs-kb add --title x --body a --body-file "$T/nope.md"
	[ "$status" -eq 2 ]
	run cs-kb edit 42 --title 新标题
	[ "$status" -eq 1 ]
	[[ $output == "cs-kb: edit 42: no such article"* ]]
	run cs-kb edit abc --title 新标题
	[ "$status" -eq 2 ]
	run cs-kb edit 1
	[ "$status" -eq 2 ]
	[[ $output == *"--editor"* ]]
	[ "$(dbsum)" = "$before" ]
}

# Tries each action on a fresh article in status $1. $2 lists the legal
# ones as "action=new-status": they must succeed; every other one must
# fail with 65, name the legal actions and write nothing.
matrix() {
	local from=$1 legal=" $2 " action a id before to
	world
	for action in submit approve reject archive; do
		id=$(article_in "$from")
		[ "$(afield "$id" status)" = "$from" ]
		before=$(dbsum)
		CS_USER=zhao.li run cs-kb "$action" "$id" --reason 不完整 2>/dev/null ||
		    true
		if [ "$action" != reject ]; then
			CS_USER=zhao.li run cs-kb "$action" "$id"
		fi
		if [[ $legal == *" $action="* ]]; then
			to=${legal#* "$action"=}
			to=${to%% *}
			echo "# $from: $action is legal: $status $output"
			[ "$status" -eq 0 ]
			[ "$(afield "$id" status)" = "$to" ]
		else
			echo "# $from: $action is illegal: $status $output"
			[ "$status" -eq 65 ]
			[[ $output == *"is $from: it cannot $action"* ]]
			[[ $output == *"allowed"* ]]
			for a in $legal; do
				[[ ${output#*allowed} == *"${a%%=*}"* ]]
			done
			[ "$(dbsum)" = "$before" ]
		fi
	done
}

@test "lifecycle from draft: submit and archive" {
	matrix draft "submit=review archive=archived"
}

@test "lifecycle from review: approve, reject and archive" {
	matrix review "approve=published reject=draft archive=archived"
}

@test "lifecycle from published: archive only" {
	matrix published "archive=archived"
}

@test "lifecycle from archived: submit brings it back" {
	matrix archived "submit=review"
}

@test "only an active reviewer or owner approves or rejects; the approver is recorded" {
	world
	id=$(article_in review)
	before=$(dbsum)
	for who in li.na wang.wei old.rev nobody; do
		CS_USER=$who run cs-kb approve "$id"
		echo "# $who: $status $output"
		[ "$status" -eq 65 ]
		[[ $output == *"$who may not approve"* ]]
		[[ $output == *"reviewer or owner"* ]]
		[[ $output == *"huang.lei, zhao.li"* ]]
		CS_USER=$who run cs-kb reject "$id" --reason 不行
		[ "$status" -eq 65 ]
	done
	[ "$(dbsum)" = "$before" ]
	# reject needs a reason
	CS_USER=zhao.li run cs-kb reject "$id"
	[ "$status" -eq 65 ]
	[[ $output == *"--reason"* ]]
	[ "$(dbsum)" = "$before" ]
	CS_NOW=2026-11-24T10:00 CS_USER=zhao.li run cs-kb reject "$id" \
	    --reason 步骤不全
	[ "$status" -eq 0 ]
	[ "$(afield "$id" status)" = draft ]
	[ "$(afield "$id" reviewer)" = zhao.li ]
	[ "$(afield "$id" reviewed_at)" = 2026-11-24T10:00:00 ]
	cs-kb submit "$id"
	CS_NOW=2026-11-24T11:00 run cs-kb approve "$id" --actor huang.lei
	[ "$status" -eq 0 ]
	[ "$(afield "$id" status)" = published ]
	[ "$(afield "$id" reviewer)" = huang.lei ]
	[ "$(afield "$id" published_at)" = 2026-11-24T11:00:00 ]
	run cs-kb history "$id" -f csv
	[ "$status" -eq 0 ]
	[[ $output == *"2026-11-24T10:00:00+08:00,zhao.li,status,review,draft,步骤不全"* ]]
	[[ $output == *"2026-11-24T11:00:00+08:00,huang.lei,status,review,published,"* ]]
}

@test "titles are unique: add, edit and import refuse a second one" {
	world
	cs-kb add --title 退货流程 >/dev/null
	cs-kb add --title 换货流程 >/dev/null
	before=$(dbsum)
	run cs-kb add --title ' 退货流程 '
	[ "$status" -eq 65 ]
	[[ $output == *"--title: article 1 has this title already"* ]]
	run cs-kb edit 2 --title 退货流程
	[ "$status" -eq 65 ]
	[[ $output == *"edit 2: --title: article 1 has this title already"* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-kb edit 1 --title 退货流程 --body 新
	[ "$status" -eq 0 ]
}

@test "show on a read-only copy shows without counting; a missing database is 66" {
	world
	cs-kb add --title 保修政策 --body 一年 >/dev/null
	cs-db backup "$T/copy.db" 2>/dev/null
	if [ "$(id -u)" != 0 ]; then
		chmod 0444 "$T/copy.db"
		run cs-kb --db "$T/copy.db" show 1 -f csv
	else
		# root writes anything: read it as an ordinary user
		command -v setpriv >/dev/null || skip "root without setpriv"
		ro=$(mktemp -d)
		chmod 755 "$ro"
		cp "$T/copy.db" "$ro/c.db"
		chmod 444 "$ro/c.db"
		chmod 555 "$ro"
		run setpriv --reuid=65534 --regid=65534 --clear-groups env \
		    HOME=/nonexistent "$(command -v cs-kb)" --db "$ro/c.db" \
		    show 1 -f csv
		chmod 755 "$ro"
		rm -rf "$ro"
	fi
	echo "# $status $output"
	[ "$status" -eq 0 ]
	[[ ${lines[1]} == 1,保修政策,*,1,1,0,0,0,* ]]
	run cs-kb --db "$T/nope.db" show 1
	[ "$status" -eq 66 ]
	[ ! -e "$T/nope.db" ]
	for c in list 'search 退货' 'history 1' 'diff 1 1 1' 'gaps 2026-11' 'suggest 1'; do
		run cs-kb --db "$T/nope.db" $c
		[ "$status" -eq 66 ]
	done
	[ ! -e "$T/nope.db" ]
}

@test "several ids in one command: all or nothing" {
	world
	a=$(article_in draft)
	b=$(article_in published)
	before=$(dbsum)
	run cs-kb submit "$a" "$b"
	[ "$status" -eq 65 ]
	[[ $output == *"article $b is published"* ]]
	[ "$(dbsum)" = "$before" ]
	c=$(article_in draft)
	run cs-kb submit "$a" "$c"
	[ "$status" -eq 0 ]
	[ "$(afield "$a" status)" = review ]
	[ "$(afield "$c" status)" = review ]
}

@test "edit makes versions; show --version and diff show them; history lists them" {
	world
	printf '第一步\n第二步\n第三步\n第四步\n第五步\n第六步\n第七步\n第八步\n' > "$T/v1"
	CS_NOW=2026-11-20T09:00 cs-kb add --title 退货流程 --category 退换货 \
	    --body-file "$T/v1" >/dev/null
	sed 's/第二步/第二步：填写原因/; $a 第九步' "$T/v1" > "$T/v2"
	CS_NOW=2026-11-21T09:00 CS_USER=li.na run cs-kb edit 1 \
	    --body-file "$T/v2" --note 补充原因
	[ "$status" -eq 0 ]
	CS_NOW=2026-11-22T09:00 run cs-kb edit 1 --title 退货流程说明 --tags 退货
	[ "$status" -eq 0 ]
	[ "$(afield 1 version)" = 3 ]
	[ "$(afield 1 title)" = 退货流程说明 ]
	[ "$(afield 1 updated_at)" = 2026-11-22T09:00:00 ]
	# the same text again is no version
	before=$(dbsum)
	run cs-kb edit 1 --title 退货流程说明
	[ "$status" -eq 0 ]
	[[ $output == *"nothing changed"* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-kb show 1 --version 1 -f json
	[ "$status" -eq 0 ]
	[[ $output == *'"title":"退货流程"'* ]]
	[[ $output == *'"version":1,"versions":3'* ]]
	[[ $output == *'"body":"第一步\n第二步\n'* ]]
	run cs-kb show 1 --version 4
	[ "$status" -eq 1 ]
	[[ $output == *"no version 4"* ]]
	run cs-kb diff 1 1 3
	[ "$status" -eq 0 ]
	cat > "$T/want" <<'DIFF'
--- article 1 version 1
+++ article 1 version 3
@@ -1,13 +1,15 @@
 ---
-title: 退货流程
+title: 退货流程说明
 category: 退换货
+tags: 退货
 ---
 
 第一步
-第二步
+第二步：填写原因
 第三步
 第四步
 第五步
 第六步
 第七步
 第八步
+第九步
DIFF
	diff -u "$T/want" <(printf '%s\n' "$output")
	run cs-kb diff 1 2 2
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	run cs-kb diff 1 1 9
	[ "$status" -eq 1 ]
	run cs-kb diff 9 1 2
	[ "$status" -eq 1 ]
	[[ $output == *"diff 9: no such article"* ]]
	run cs-kb history 1 -f csv
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = at,actor,what,from,to,note ]
	[ "${lines[1]}" = 2026-11-20T09:00:00+08:00,tester,version,,1, ]
	[ "${lines[2]}" = 2026-11-20T09:00:00+08:00,tester,status,,draft,created ]
	[ "${lines[3]}" = 2026-11-21T09:00:00+08:00,li.na,version,1,2,补充原因 ]
	[ "${lines[4]}" = 2026-11-22T09:00:00+08:00,tester,version,2,3, ]
	# each version is in the change log too; a file written before it
	# was (no such rows) shows the same history from the versions
	[ "$(sqlite3 "$CS_DB" "SELECT group_concat(new_value) FROM v_changes WHERE entity = 'article' AND field = 'version'")" = 1,2,3 ]
	want=$output
	sqlite3 "$CS_DB" "DELETE FROM change_log WHERE field = 'version'"
	run -0 cs-kb history 1 -f csv
	[ "$output" = "$want" ]
}

@test "edit in \$EDITOR: the Markdown form; a bad edit keeps the text and changes nothing" {
	world
	cs-kb add --title 发票开具 --category 发票 --body 电子发票 >/dev/null
	cat > "$T/ed" <<'SH'
#!/bin/sh
sed -i 's/电子发票/电子发票，三个工作日内开具/; s/^category: 发票/category: 财务/' "$1"
SH
	chmod +x "$T/ed"
	EDITOR="$T/ed" run cs-kb edit 1 --editor --note 时效
	[ "$status" -eq 0 ]
	[ "$(afield 1 body)" = 电子发票，三个工作日内开具 ]
	[ "$(afield 1 category)" = 财务 ]
	[ "$(afield 1 version)" = 2 ]
	# VISUAL first; shell words in the variable work
	before=$(dbsum)
	VISUAL="sed -i 's/^title:.*/titel: x/'" EDITOR=false TMPDIR="$T" \
	    run cs-kb edit 1 -e
	[ "$status" -eq 65 ]
	[[ $output == *"unknown header 'titel'"* ]]
	[[ $output == *"kept in $T/cs-kb-1-"* ]]
	[ "$(dbsum)" = "$before" ]
	EDITOR="sed -i 's/^status: draft/status: published/'" run cs-kb edit 1 -e
	[ "$status" -eq 65 ]
	[[ $output == *"status: change it with submit"* ]]
	EDITOR=false run cs-kb edit 1 -e
	[ "$status" -eq 1 ]
	EDITOR=true run cs-kb edit 1 -e
	[ "$status" -eq 0 ]
	[[ $output == *"nothing changed"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "an archived article is not edited; votes only on published ones, one per person" {
	world
	a=$(article_in archived)
	before=$(dbsum)
	run cs-kb edit "$a" --title 新
	[ "$status" -eq 65 ]
	[[ $output == *"archived: it cannot be edited"* ]]
	run cs-kb vote "$a" --helpful
	[ "$status" -eq 65 ]
	[[ $output == *"only a published article takes votes"* ]]
	[ "$(dbsum)" = "$before" ]
	p=$(article_in published)
	CS_USER=li.na cs-kb vote "$p" --helpful
	CS_USER=wang.wei cs-kb vote "$p" --helpful
	CS_USER=zhang.min cs-kb vote "$p" --unhelpful
	[ "$(afield "$p" helpful)" = 2 ]
	[ "$(afield "$p" unhelpful)" = 1 ]
	# a second vote replaces the first; the same vote again is nothing
	CS_USER=wang.wei cs-kb vote "$p" --unhelpful
	[ "$(afield "$p" helpful)" = 1 ]
	[ "$(afield "$p" unhelpful)" = 2 ]
	before=$(dbsum)
	CS_USER=wang.wei run cs-kb vote "$p" -N
	[ "$status" -eq 0 ]
	[ "$(dbsum)" = "$before" ]
	run cs-kb vote "$p"
	[ "$status" -eq 2 ]
	run cs-kb vote "$p" --helpful --unhelpful
	[ "$status" -eq 2 ]
	run cs-kb vote 99 --helpful
	[ "$status" -eq 1 ]
	[[ $output == *"vote 99: no such article"* ]]
}

@test "show prints the article for a person, one record otherwise, and counts a view" {
	world
	cs-kb add --title 保修政策 --category 维修 --tags '保修;维修' \
	    --body $'整机保修一年。\n主要部件三年。' >/dev/null
	run cs-kb show 1 -f table
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "# 保修政策" ]
	[[ ${lines[1]} == "id 1 · 维修 · 保修;维修 · draft · version 1 of 1" ]]
	[[ ${lines[2]} == "owner tester · views 1 · helpful 0 · unhelpful 0 · updated 2026-11-24T09:00:00+08:00" ]]
	[ "${lines[3]}" = 整机保修一年。 ]
	run cs-kb show 1 -f csv
	[ "${lines[0]}" = id,title,category,tags,status,owner,reviewer,version,versions,views,helpful,unhelpful,updated_at,body ]
	[[ ${lines[1]} == '1,保修政策,维修,保修;维修,draft,tester,,1,1,2,0,0,2026-11-24T09:00:00+08:00,"整机保修一年。' ]]
	[ "$(afield 1 views)" = 2 ]
	run cs-kb show 7
	[ "$status" -eq 1 ]
	[[ $output == "cs-kb: show 7: no such article" ]]
	[ "$(afield 1 views)" = 2 ]
	# the labels of the text in Chinese, as a table's are
	run -0 cs-kb show 1 -f table --lang zh
	[ "${lines[1]}" = "编号 1 · 维修 · 保修;维修 · draft · 第 1 版，共 1 版" ]
	[ "${lines[2]}" = "负责人 tester · 浏览 3 · 有用 0 · 没用 0 · 更新 2026-11-24T09:00:00+08:00" ]
}

@test "list filters by status, category, tag, owner and age" {
	world
	CS_NOW=2026-01-10T09:00 cs-kb add --title 旧文 --category 物流 --tags 快递 >/dev/null
	CS_NOW=2026-05-10T09:00 cs-kb add --title 半旧 --category 发票 --owner li.na >/dev/null
	cs-kb add --title 新文 --category 物流 --tags '快递;赔偿' >/dev/null
	cs-kb submit 3
	ids() { cs-kb list -f csv --no-header "$@" | cut -d, -f1 | paste -sd' ' -; }
	[ "$(ids)" = "1 2 3" ]
	[ "$(ids --status draft)" = "1 2" ]
	[ "$(ids --status review)" = 3 ]
	[ "$(ids --category 物流)" = "1 3" ]
	[ "$(ids --tag 快递)" = "1 3" ]
	[ "$(ids --tag 快)" = "" ]
	[ "$(ids --tag 赔偿 --category 物流)" = 3 ]
	[ "$(ids --owner li.na)" = 2 ]
	[ "$(ids --stale 180d)" = "1 2" ]
	[ "$(ids --stale 30w)" = 1 ]
	# an age in months and years as in dates: m is a month, not a minute
	[ "$(ids --stale 6m)" = "1 2" ]
	[ "$(ids --stale 10m)" = 1 ]
	[ "$(ids --stale 1y)" = "" ]
	[ "$(ids --stale ６ｍ)" = "1 2" ]
	for a in 6h 30s 1y6m 0d m 6; do
		run -2 cs-kb list --stale "$a"
	done
	[ "$(ids -n 1)" = 1 ]
	run cs-kb list --status open
	[ "$status" -eq 2 ]
	run cs-kb list --stale soon
	[ "$status" -eq 2 ]
	run cs-kb list -f csv
	[ "${lines[0]}" = id,title,category,tags,status,owner,version,views,helpful,unhelpful,updated_at ]
	[ "${lines[1]}" = 1,旧文,物流,快递,draft,tester,1,0,0,0,2026-01-10T09:00:00+08:00 ]
}

@test "import a folder of Markdown files and export it again: unchanged" {
	world
	run cs-kb import "$SAMPLE"
	[ "$status" -eq 0 ]
	[[ $output == *"added 13, updated 0, unchanged 0, rejected 0"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM article')" = 13 ]
	run cs-kb export "$T/out"
	[ "$status" -eq 0 ]
	[[ $output == *"13 articles written to $T/out"* ]]
	diff -r "$SAMPLE" "$T/out"
	# importing it again changes nothing
	before=$(dbsum)
	run cs-kb import "$T/out"
	[ "$status" -eq 0 ]
	[[ $output == *"added 0, updated 0, unchanged 13"* ]]
	[ "$(dbsum)" = "$before" ]
	# an edited file updates its article (by title): a new version
	sed -i 's/^status: draft/status: published/; s/一年/两年/' "$T/out/保修政策.md"
	run cs-kb import "$T/out"
	[[ $output == *"added 0, updated 1, unchanged 12"* ]]
	id=$(sqlite3 "$CS_DB" "SELECT id FROM article WHERE title = '保修政策'")
	[ "$(afield "$id" status)" = published ]
	[ "$(afield "$id" version)" = 2 ]
	[[ $(afield "$id" body) == *两年* ]]
	# filters choose what is exported
	cs-kb export "$T/pub" --status published 2>/dev/null
	[ "$(ls "$T/pub")" = 保修政策.md ]
	# into folders that are not there yet
	run -0 cs-kb export "$T/a/b/c" --status published
	[ -f "$T/a/b/c/保修政策.md" ]
	# an empty status: line keeps the status, as one left out does
	sed -i 's/^status: published$/status:/' "$T/a/b/c/保修政策.md"
	grep -qx 'status:' "$T/a/b/c/保修政策.md"
	run -0 cs-kb import "$T/a/b/c"
	[[ $output == *"unchanged 1"* ]]
	[ "$(afield "$id" status)" = published ]
}

@test "export names titles that make one file name NAME.md, NAME-2.md, ... and import reads them in that order" {
	for t in z a/b a_b-2 a_b 'a:b'; do
		cs-kb add -t "$t" -b "$t" >/dev/null
	done
	cs-kb archive 1 >/dev/null
	run -0 cs-kb export "$T/e1" --status draft
	[ "$(cd "$T/e1" && ls | LC_ALL=C sort | paste -sd' ' -)" = "a_b-2.md a_b-3.md a_b-4.md a_b.md" ]
	[ "$(sed -n 2p "$T/e1/a_b.md")" = "title: a/b" ]
	[ "$(sed -n 2p "$T/e1/a_b-2.md")" = "title: a_b-2" ]
	[ "$(sed -n 2p "$T/e1/a_b-3.md")" = "title: a_b" ]
	[ "$(sed -n 2p "$T/e1/a_b-4.md")" = "title: a:b" ]
	# the ids differ in the new database (no z), the files do not
	CS_DB="$T/2.db" run -0 cs-kb import "$T/e1"
	[ "$(sqlite3 "$T/2.db" 'SELECT group_concat(title, " ") FROM (SELECT title FROM article ORDER BY id)')" = "a/b a_b-2 a_b a:b" ]
	CS_DB="$T/2.db" run -0 cs-kb export "$T/e2"
	diff -r "$T/e1" "$T/e2"
}

@test "export as CSV and JSON imports again: round trip unchanged" {
	world
	cs-kb import "$SAMPLE" 2>/dev/null
	cs-kb export -f csv > "$T/kb.csv"
	cs-kb export -f json > "$T/kb.json"
	head -1 "$T/kb.csv" | grep -qx 'id,title,category,tags,status,owner,version,updated_at,body'
	before=$(dbsum)
	run cs-kb import "$T/kb.csv"
	[ "$status" -eq 0 ]
	[[ $output == *"added 0, updated 0, unchanged 13"* ]]
	run cs-kb import - < "$T/kb.json"
	[[ $output == *"added 0, updated 0, unchanged 13"* ]]
	[ "$(dbsum)" = "$before" ]
	# into an empty database: the same articles, exported the same
	CS_DB="$T/other.db" cs-kb import "$T/kb.csv" 2>/dev/null
	cs-kb export "$T/a" 2>/dev/null
	CS_DB="$T/other.db" cs-kb export "$T/b" 2>/dev/null
	diff -r "$T/a" "$T/b"
	# list output is import input too
	cs-kb list -f csv | CS_DB="$T/third.db" cs-kb import - 2>/dev/null
	[ "$(sqlite3 "$T/third.db" 'SELECT count(*) FROM article')" = 13 ]
}

@test "import --encoding gbk reads Markdown files written on Chinese Windows; a file that is no GBK is named with its line" {
	mkdir "$T/kb"
	printf -- '---\ntitle: 退货流程\ncategory: 售后\ntags: 退货;七天\n---\n七天无理由退货，请保留包装。\n' | iconv -t GBK > "$T/kb/退货.md"
	printf -- '---\ntitle: 发票\n---\n电子发票在订单页下载。\n' | iconv -t GBK > "$T/kb/发票.md"
	# without --encoding: not UTF-8, refused, nothing written
	run cs-kb import "$T/kb"
	[ "$status" -eq 65 ]
	[[ $output == *"not valid UTF-8"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM article')" = 0 ]
	run cs-kb import --encoding gbk "$T/kb"
	[ "$status" -eq 0 ]
	[[ $output == *"added 2, "* ]]
	[ "$(sqlite3 "$CS_DB" "SELECT category || ' ' || tags || ' ' || body FROM article WHERE title = '退货流程'")" = "售后 七天;退货 七天无理由退货，请保留包装。" ]
	[ "$(sqlite3 "$CS_DB" "SELECT body FROM article WHERE title = '发票'")" = 电子发票在订单页下载。 ]
	# one file alone, again: unchanged
	run cs-kb import --encoding gb18030 "$T/kb/发票.md"
	[ "$status" -eq 0 ]
	[[ $output == *"unchanged 1"* ]]
	# bytes that are no GBK: the file and the line, nothing written
	printf -- '---\ntitle: 坏\n---\n第一行\n' | iconv -t GBK > "$T/bad.md"
	printf '\x81\x20\n' >> "$T/bad.md"
	before=$(dbsum)
	run cs-kb import --encoding gbk "$T/bad.md"
	[ "$status" -eq 65 ]
	[[ $output == *"bad.md:5: invalid GBK text"* ]]
	[ "$(dbsum)" = "$before" ]
	# an unknown encoding is a usage error, before any database is made
	rm -rf "${CS_DB%/*}"
	run cs-kb import --encoding latin9 "$T/kb"
	[ "$status" -eq 2 ]
	[[ $output == *"unknown encoding 'latin9'"* ]]
	[ ! -e "$CS_DB" ]
}

@test "import errors name the file and line; nothing is written unless --skip-invalid" {
	world
	mkdir "$T/kb"
	printf -- '---\ntitle: 好的\ncategory: 物流\n---\n\n正文\n' > "$T/kb/a.md"
	printf -- '---\ntitle: 坏状态\nstatus: live\n---\n正文\n' > "$T/kb/b.md"
	printf -- '---\ntitle: 未知\nauthor: x\n---\n' > "$T/kb/c.md"
	printf -- '没有头\n' > "$T/kb/d.md"
	printf -- '---\ntitle: 没有结束\n' > "$T/kb/e.md"
	printf 'not markdown' > "$T/kb/notes.txt"
	cs-kb add --title 已有 >/dev/null
	before=$(dbsum)
	run cs-kb import "$T/kb"
	[ "$status" -eq 65 ]
	[[ $output == *"$T/kb/b.md:3: status: not a status"*"(live)"* ]]
	[[ $output == *"nothing was imported"* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-kb import "$T/kb" --dry-run
	[ "$status" -eq 65 ]
	[[ $output == *"b.md:3: status"* ]]
	[[ $output == *"c.md:3: unknown header 'author'"* ]]
	[[ $output == *"d.md:1: no header"* ]]
	[[ $output == *"e.md:1: the header is not closed"* ]]
	[[ $output == *"would add 1"*"rejected 4"* ]]
	[ "$(dbsum)" = "$before" ]
	run cs-kb import "$T/kb" --skip-invalid "$T/rejects.csv"
	[ "$status" -eq 0 ]
	[[ $output == *"added 1, updated 0, unchanged 0, rejected 4"* ]]
	[ "$(grep -c 'md:' "$T/rejects.csv")" = 4 ]
	[ "$(sqlite3 "$CS_DB" "SELECT category FROM article WHERE title = '好的'")" = 物流 ]
	# CSV: the line, the column, the value; unknown columns refused
	printf 'title,status\n好,draft\n坏,live\n' > "$T/kb.csv"
	run cs-kb import "$T/kb.csv"
	[ "$status" -eq 65 ]
	[[ $output == *"kb.csv:3: status: not a status"* ]]
	printf 'title,author\nx,y\n' > "$T/kb2.csv"
	run cs-kb import "$T/kb2.csv"
	[ "$status" -eq 65 ]
	[[ $output == *author* ]]
	run cs-kb import "$T/missing"
	[ "$status" -eq 66 ]
	# one Markdown file alone
	printf -- '---\ntitle: 单篇\n---\n\n正文\n' > "$T/one.md"
	run cs-kb import "$T/one.md"
	[ "$status" -eq 0 ]
	[[ $output == *"added 1"* ]]
	cd "$T/kb" && run cs-kb import b.md && cd - >/dev/null
	[ "$status" -eq 65 ]
	[[ $output == *"cs-kb: b.md:3: status"* ]]
	mkdir "$T/empty"
	run cs-kb import "$T/empty"
	[ "$status" -eq 0 ]
	[[ $output == *"added 0, updated 0, unchanged 0, rejected 0"* ]]
}

@test "bash completion: commands, options, categories and tags, article ids by status" {
	comp() {
		bash -c '
			source "$1" || exit 1
			shift
			COMP_WORDS=("$@")
			COMP_CWORD=$(($# - 1))
			fn=$(complete -p "$1" | sed -n "s/.* -F \([^ ]*\) .*/\1/p")
			"$fn" "$1" "${COMP_WORDS[COMP_CWORD]}" \
			    "${COMP_WORDS[COMP_CWORD-1]}"
			printf "%s\n" "${COMPREPLY[@]}"
		' bash "$BATS_TEST_DIRNAME/../../completions/bash/cs" "$@"
	}
	world
	cs-kb add --title 退货流程 --category 退换货 --tags '退货;退款' >/dev/null
	cs-kb add --title 发票开具 --category 发票 >/dev/null
	cs-kb submit 2
	[ "$(comp cs-kb ap)" = approve ]
	[ "$(comp cs-kb search --cat)" = --category ]
	[ "$(comp cs-kb search --category '' | paste -sd' ' -)" = "发票 退换货" ]
	[ "$(comp cs-kb list --tag 退 | paste -sd' ' -)" = "退款 退货" ]
	[ "$(comp cs-kb list --status p)" = published ]
	[ "$(comp cs-kb approve '')" = 2 ]
	[ "$(comp cs-kb submit '')" = 1 ]
	# the spec's words for the same moves
	[ "$(comp cs-kb publish '')" = 2 ]
	[ "$(comp cs-kb review '')" = 1 ]
	[ "$(comp cs-kb show '' | paste -sd' ' -)" = "1 2" ]
}
