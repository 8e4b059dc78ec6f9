#!/usr/bin/env bats
# cs-kb: the spec's words and searches. "search ... finds ... English words
# case-insensitively and by prefix"; the statuses draft -> review ->
# published -> archived are reached with the commands the spec names
# ("review/publish/archive").
load helper

kb() {
	printf 'login,name,team,role\nowner1,主人,知识库,owner\nrev1,审核,知识库,reviewer\n' |
	    cs-agent import - 2>/dev/null
	export CS_USER=owner1
	cs-kb add -t 'Password reset' -c 账户 \
	    -b 'To reset your PASSWORD, open Settings. 密码重置请联系客服。' >/dev/null
	cs-kb add -t '发票开具说明' -c 财务 \
	    -b '电子发票在订单完成后开具。Invoice can be downloaded.' >/dev/null
	cs-kb add -t '故障代码' -c 技术 -b '屏幕显示 E30 时重启设备。' >/dev/null
}

@test "an English word of a query is a prefix, whatever its case" {
	kb
	sqlite3 "$CS_DB" "UPDATE article SET status = 'published'"
	for q in pass PASS Passw password 'reset pass' 'pass*'; do
		run cs-kb search -f csv --no-header "$q"
		echo "# $q: $output"
		[ "$status" -eq 0 ]
		[ "$(cut -d, -f1 <<<"$output")" = 1 ]
	done
	run cs-kb search -f csv --no-header pass
	[[ "$output" == *'[PASSWORD]'* ]]
	run cs-kb search -f csv --no-header inv
	[ "$status" -eq 0 ]
	[ "${output%%,*}" = 2 ]
	[[ "$output" == *'[Invoice]'* ]]
	# a code that ends in a digit is matched whole, unless asked with *
	run cs-kb search E3
	[ "$status" -eq 1 ]
	run cs-kb search -f csv --no-header 'E3*'
	[ "${output%%,*}" = 3 ]
	# drafts still are not searched
	sqlite3 "$CS_DB" "UPDATE article SET status = 'draft' WHERE id = 1"
	run cs-kb search pass
	[ "$status" -eq 1 ]
}

@test "review and publish move articles as submit and approve do" {
	kb
	run cs-kb review 1 2
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT group_concat(status) FROM article WHERE id IN (1, 2)")" = review,review ]
	# only a reviewer or owner publishes; a stranger is refused
	CS_USER=nobody run cs-kb publish 1
	[ "$status" -eq 65 ]
	[[ "$output" == *"may not approve"* ]]
	CS_USER=rev1 run cs-kb publish 1 2
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" "SELECT group_concat(status || ':' || reviewer) FROM article WHERE id IN (1, 2)")" = published:rev1,published:rev1 ]
	run cs-kb search -f csv --no-header 发票
	[ "${output%%,*}" = 2 ]
	# a draft cannot be published without review
	CS_USER=rev1 run cs-kb publish 3
	[ "$status" -eq 65 ]
	[[ "$output" == *"article 3 is draft"* ]]
	run cs-kb archive 1
	[ "$status" -eq 0 ]
	run cs-kb history -f csv --no-header 1
	[[ "$output" == *",status,review,published,"* ]]
	[[ "$output" == *",status,published,archived,"* ]]
}
