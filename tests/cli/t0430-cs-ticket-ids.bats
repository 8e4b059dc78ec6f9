#!/usr/bin/env bats
# cs-ticket: naming tickets by operands or "-": plain ids, the output of
# list in every format, repeats, nothing to do, bad ids by line.
load helper

# The roster of helper.bash and the customers C001..C006, and tickets
# 1..4 (new, unassigned).
world() {
	staff_and_customers
	for s in 快递丢件 发票 退货 闪退; do
		cs-ticket new C001 --type consult --subject "$s" >/dev/null
	done
}

q() {
	sqlite3 "$CS_DB" "$1"
}

# The assignee of each ticket, "id:login" in id order.
who() {
	q "SELECT group_concat(x, ' ') FROM (SELECT t.id || ':' || coalesce(a.login, '-') AS x FROM ticket t LEFT JOIN agent a ON a.id = t.assignee_id ORDER BY t.id)"
}

# The tickets in the order their assign events were written.
assigned_order() {
	q "SELECT group_concat(ticket_id, ' ') FROM (SELECT ticket_id FROM ticket_event WHERE kind = 'assign' ORDER BY id)"
}

@test "one plain id on standard input is a ticket, not a CSV header" {
	world
	run sh -c 'echo 3 | cs-ticket assign - wang.wei'
	echo "# $status $output"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	[ "$(who)" = "1:- 2:- 3:wang.wei 4:-" ]
}

@test "plain ids, one a line or separated by white space, blank lines skipped" {
	world
	run sh -c "printf '4\n2\n' | cs-ticket assign - li.na"
	[ "$status" -eq 0 ]
	[ "$(who)" = "1:- 2:li.na 3:- 4:li.na" ]
	run sh -c "printf '\n1 3\n\n\t2\r\n' | cs-ticket assign - wang.wei"
	echo "# $status $output"
	[ "$status" -eq 0 ]
	[ "$(who)" = "1:wang.wei 2:wang.wei 3:wang.wei 4:li.na" ]
}

@test "repeats count once, in the place where they first appear" {
	world
	# start refuses a ticket that is open already: a repeat would fail
	run sh -c "printf '3\n1\n3\n2 1\n' | cs-ticket start -"
	echo "# $status $output"
	[ "$status" -eq 0 ]
	[ "$(q "SELECT group_concat(status, ' ') FROM (SELECT status FROM ticket ORDER BY id)")" = "open open open new" ]
	run sh -c "printf '4\n2\n4\n1\n' | cs-ticket assign - li.na"
	[ "$status" -eq 0 ]
	[ "$(assigned_order)" = "4 2 1" ]
	# operands and standard input together, the same rule
	run sh -c "echo 3 | cs-ticket assign 2 - 2 3 wang.wei"
	[ "$status" -eq 0 ]
	[ "$(assigned_order)" = "4 2 1 2 3" ]
}

@test "the output of list, as CSV, JSON and JSON lines, names the tickets" {
	world
	cs-ticket assign 2 li.na
	run sh -c 'cs-ticket list --assignee li.na -f csv | cs-ticket start -'
	[ "$status" -eq 0 ]
	[ "$(q "SELECT group_concat(status, ' ') FROM (SELECT status FROM ticket ORDER BY id)")" = "new open new new" ]
	run sh -c 'cs-ticket list --status new -f jsonl | cs-ticket assign - wang.wei'
	[ "$status" -eq 0 ]
	[ "$(who)" = "1:wang.wei 2:li.na 3:wang.wei 4:wang.wei" ]
	run sh -c 'cs-ticket list --status new -f json | cs-ticket start -'
	[ "$status" -eq 0 ]
	[ "$(q "SELECT group_concat(status, ' ') FROM (SELECT status FROM ticket ORDER BY id)")" = "open open open open" ]
	# a csv with the id column anywhere
	run sh -c "printf 'subject,id\n退货,3\n' | cs-ticket assign - li.na"
	[ "$status" -eq 0 ]
	[ "$(who)" = "1:wang.wei 2:li.na 3:li.na 4:wang.wei" ]
	# TSV, whose values may hold commas, is refused rather than misread
	before=$(dbsum)
	run sh -c 'cs-ticket list -f tsv | cs-ticket assign - wang.wei'
	[ "$status" -eq 65 ]
	[[ $output == *"TSV is not read"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "a list that found nothing, or no input at all, is nothing to do" {
	world
	before=$(dbsum)
	for fmt in csv json jsonl; do
		run sh -c "cs-ticket list --status closed -f $fmt | cs-ticket assign - li.na"
		echo "# $fmt: $status $output"
		[ "$status" -eq 0 ]
		[ "$output" = "cs-ticket: assign: no tickets on standard input: nothing to do" ]
	done
	run sh -c "printf 'id,subject\n' | cs-ticket start -"
	[ "$status" -eq 0 ]
	[[ $output == *"nothing to do"* ]]
	run sh -c 'cs-ticket close - < /dev/null'
	[ "$status" -eq 0 ]
	[[ $output == *"nothing to do"* ]]
	run sh -c "printf '\n\n' | cs-ticket close -"
	[ "$status" -eq 0 ]
	[[ $output == *"nothing to do"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "a bad id on standard input names stdin:LINE and the value; nothing is done" {
	world
	before=$(dbsum)
	run sh -c "printf '1\n2\nabc\n' | cs-ticket assign - li.na"
	echo "# $status $output"
	[ "$status" -eq 65 ]
	[ "$output" = "cs-ticket: stdin:3: not a ticket id (abc)" ]
	# blank lines count
	run sh -c "printf '1\n\n2 0\n' | cs-ticket start -"
	[ "$status" -eq 65 ]
	[ "$output" = "cs-ticket: stdin:3: not a ticket id (0)" ]
	run sh -c "printf 'id\n1\n-2\n' | cs-ticket assign - li.na"
	[ "$status" -eq 65 ]
	[ "$output" = "cs-ticket: stdin:3: id: not a ticket id (-2)" ]
	run sh -c "printf '{\"id\":1}\n{\"id\":2}\n{\"subject\":\"退货\"}\n' | cs-ticket start -"
	[ "$status" -eq 65 ]
	[ "$output" = "cs-ticket: stdin:3: id: a ticket id is needed" ]
	run sh -c "printf '1\n2\n99999999999999999999\n' | cs-ticket start -"
	[ "$status" -eq 65 ]
	[[ $output == *"stdin:3: not a ticket id (99999999999999999999)"* ]]
	# a record set without an id column
	run sh -c "printf 'name,subject\n王芳,退货\n' | cs-ticket start -"
	[ "$status" -eq 65 ]
	[[ $output == *"no id column"* ]]
	# an unknown ticket among good ones: nothing found, nothing done
	run sh -c "printf '1\n2\n99\n' | cs-ticket start -"
	[ "$status" -eq 1 ]
	[[ $output == *"no ticket 99"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "operands: a bad one or none is a usage error" {
	world
	before=$(dbsum)
	for bad in abc 0 3.5 1x; do
		run cs-ticket start 1 "$bad"
		echo "# $bad: $status $output"
		[ "$status" -eq 2 ]
		[[ $output == *"not a ticket id '$bad'"* ]]
	done
	run cs-ticket start
	[ "$status" -eq 2 ]
	[ "$(dbsum)" = "$before" ]
}
