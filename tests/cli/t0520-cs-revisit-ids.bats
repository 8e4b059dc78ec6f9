#!/usr/bin/env bats
# cs-revisit: naming tasks by operands or "-" for cancel and reassign, by
# the same rule as cs-ticket; list --unassigned.
load helper

# The roster of helper.bash (li.na, wang.wei active; zhang.min inactive),
# the customers C001..C006, and tasks 1..4 for C001, C002, C003, C006,
# planned and not assigned.
world() {
	staff_and_customers
	printf 'code\nC001\nC002\nC003\nC006\n' |
	    cs-revisit plan --reason 春节关怀 - 2>/dev/null
	[ "$(q 'SELECT count(*) FROM revisit')" = 4 ]
}

q() {
	sqlite3 "$CS_DB" "$1"
}

# id:status:agent of every task, in id order.
tasks() {
	q "SELECT group_concat(x, ' ') FROM (SELECT v.id || ':' || v.status || ':' || coalesce(a.login, '-') AS x FROM revisit v LEFT JOIN agent a ON a.id = v.agent_id ORDER BY v.id)"
}

@test "plain task ids on standard input, one or several a line" {
	world
	run sh -c 'echo 2 | cs-revisit reassign - li.na'
	echo "# $status $output"
	[ "$status" -eq 0 ]
	[ "$(tasks)" = "1:open:- 2:open:li.na 3:open:- 4:open:-" ]
	run sh -c "printf '\n4 1\n\n' | cs-revisit reassign - wang.wei"
	[ "$status" -eq 0 ]
	[ "$(tasks)" = "1:open:wang.wei 2:open:li.na 3:open:- 4:open:wang.wei" ]
	run sh -c "printf '3\n' | cs-revisit cancel - --reason 客户已出国"
	[ "$status" -eq 0 ]
	[ "$(tasks)" = "1:open:wang.wei 2:open:li.na 3:cancelled:- 4:open:wang.wei" ]
}

@test "repeats count once: cancel, which refuses a task not open, takes them" {
	world
	run sh -c "printf '2\n4\n2\n4 2\n' | cs-revisit cancel -"
	echo "# $status $output"
	[ "$status" -eq 0 ]
	[ "$(tasks)" = "1:open:- 2:cancelled:- 3:open:- 4:cancelled:-" ]
	run sh -c "echo 1 | cs-revisit cancel 3 - 1 3"
	[ "$status" -eq 0 ]
	[ "$(q "SELECT group_concat(status, ' ') FROM (SELECT status FROM revisit ORDER BY id)")" = "cancelled cancelled cancelled cancelled" ]
}

@test "the output of list, as CSV and JSON lines, names the tasks" {
	world
	cs-revisit reassign 1 3 li.na
	run sh -c 'cs-revisit list --agent li.na -f csv | cs-revisit reassign - wang.wei'
	[ "$status" -eq 0 ]
	[ "$(tasks)" = "1:open:wang.wei 2:open:- 3:open:wang.wei 4:open:-" ]
	run sh -c 'cs-revisit list --agent wang.wei -f jsonl | cs-revisit cancel -'
	[ "$status" -eq 0 ]
	[ "$(tasks)" = "1:cancelled:wang.wei 2:open:- 3:cancelled:wang.wei 4:open:-" ]
	run sh -c 'cs-revisit list -f json | cs-revisit reassign - li.na'
	[ "$status" -eq 0 ]
	[ "$(tasks)" = "1:cancelled:wang.wei 2:open:li.na 3:cancelled:wang.wei 4:open:li.na" ]
}

@test "a list that found nothing, or no input, is nothing to do for cancel and reassign" {
	world
	before=$(dbsum)
	for fmt in csv json jsonl; do
		run sh -c "cs-revisit list --status done -f $fmt | cs-revisit cancel -"
		echo "# $fmt: $status $output"
		[ "$status" -eq 0 ]
		[ "$output" = "cs-revisit: cancel: no tasks on standard input: nothing to do" ]
		run sh -c "cs-revisit list --status done -f $fmt | cs-revisit reassign - li.na"
		[ "$status" -eq 0 ]
		[ "$output" = "cs-revisit: reassign: no tasks on standard input: nothing to do" ]
	done
	run sh -c 'cs-revisit cancel - < /dev/null'
	[ "$status" -eq 0 ]
	[[ $output == *"nothing to do"* ]]
	run sh -c "printf 'id,customer\n' | cs-revisit reassign - wang.wei"
	[ "$status" -eq 0 ]
	[[ $output == *"nothing to do"* ]]
	[ "$(dbsum)" = "$before" ]
}

@test "a bad task id on standard input names stdin:LINE and the value; nothing is done" {
	world
	before=$(dbsum)
	run sh -c "printf '1\n2\nx3\n' | cs-revisit cancel -"
	echo "# $status $output"
	[ "$status" -eq 65 ]
	[ "$output" = "cs-revisit: stdin:3: not a task id (x3)" ]
	run sh -c "printf '1\n\n2.5\n' | cs-revisit reassign - li.na"
	[ "$status" -eq 65 ]
	[ "$output" = "cs-revisit: stdin:3: not a task id (2.5)" ]
	run sh -c "printf 'id,agent\n1,li.na\n,li.na\n' | cs-revisit cancel -"
	[ "$status" -eq 65 ]
	[ "$output" = "cs-revisit: stdin:3: id: a task id is needed" ]
	run sh -c "printf '{\"id\":1}\n{\"id\":2}\n{\"id\":\"abc\"}\n' | cs-revisit reassign - li.na"
	[ "$status" -eq 65 ]
	[ "$output" = "cs-revisit: stdin:3: id: not a task id (abc)" ]
	# an unknown task among good ones: nothing found, nothing done
	run sh -c "printf '1\n2\n99\n' | cs-revisit cancel -"
	[ "$status" -eq 1 ]
	[ "$output" = "cs-revisit: cancel 99: no such revisit task" ]
	[ "$(dbsum)" = "$before" ]
	[ "$(tasks)" = "1:open:- 2:open:- 3:open:- 4:open:-" ]
}

@test "cancel honours --input-format: JSON lines read as CSV are refused" {
	world
	before=$(dbsum)
	run sh -c "printf '{\"id\":1}\n' | cs-revisit cancel --input-format csv -"
	echo "# $status $output"
	[ "$status" -eq 65 ]
	[ "$(dbsum)" = "$before" ]
	run sh -c "printf '{\"id\":1}\n' | cs-revisit cancel --input-format jsonl -"
	[ "$status" -eq 0 ]
	[ "$(tasks)" = "1:cancelled:- 2:open:- 3:open:- 4:open:-" ]
}

@test "list --unassigned: the tasks no agent has, with the other filters" {
	world
	cs-revisit reassign 2 li.na
	printf 'code\nC004\n' | cs-revisit plan --reason 续费提醒 --due 2026-11-26 - 2>/dev/null
	run cs-revisit list --unassigned -f csv
	[ "$status" -eq 0 ]
	[ "$(printf '%s\n' "$output" | tail -n +2 | cut -d, -f1 | paste -sd' ' -)" = "1 3 4 5" ]
	run cs-revisit list --unassigned --reason 续费提醒 -f csv --no-header
	[ "$(printf '%s\n' "$output" | cut -d, -f1)" = 5 ]
	run cs-revisit list --unassigned --due today -f csv --no-header
	[ "$(printf '%s\n' "$output" | cut -d, -f1 | paste -sd' ' -)" = "1 3 4" ]
	cs-revisit cancel 3
	run cs-revisit list --unassigned --status cancelled -f csv --no-header
	[ "$(printf '%s\n' "$output" | cut -d, -f1)" = 3 ]
	run cs-revisit list --unassigned --agent li.na
	[ "$status" -eq 2 ]
	run cs-revisit __complete list
	printf '%s\n' "$output" | grep -qx -- --unassigned
}

@test "list --customer: one customer's tasks, by id, code or phone; --limit" {
	world
	printf 'code\nC001\n' | cs-revisit plan --reason 续费提醒 - 2>/dev/null
	cid=$(q "SELECT id FROM customer WHERE code = 'C001'")
	want=$(sqlite3 "$CS_DB" "SELECT group_concat(id, ' ') FROM (SELECT id FROM revisit WHERE customer_id = $cid ORDER BY id)")
	run cs-revisit list --status all --customer "$cid" -f csv --no-header
	[ "$status" -eq 0 ]
	[ "$(cut -d, -f1 <<<"$output" | sort -n | paste -sd' ' -)" = "$want" ]
	[ "${#lines[@]}" -eq 2 ]
	code=$(sqlite3 "$CS_DB" "SELECT code FROM customer WHERE id = $cid")
	phone=$(sqlite3 "$CS_DB" "SELECT phone FROM customer WHERE id = $cid")
	[ "$(cs-revisit list --status all --customer "$code" -f csv)" = "$(cs-revisit list --status all --customer "$cid" -f csv)" ]
	[ "$(cs-revisit list --status all --customer "$phone" -f csv)" = "$(cs-revisit list --status all --customer "$cid" -f csv)" ]
	run cs-revisit list --customer 不存在
	[ "$status" -eq 1 ]
	[[ "$output" == "cs-revisit: list: 不存在: no such customer" ]]
	run cs-revisit list --status all --limit 1 -f csv --no-header
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 1 ]
	run cs-revisit list --limit 0
	[ "$status" -eq 2 ]
	run cs-revisit list --limit x
	[ "$status" -eq 2 ]
}
