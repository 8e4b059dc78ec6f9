#!/usr/bin/env bats
# Hardening: several people and cron jobs on one file at once. Nothing is
# lost or doubled, every revisit task goes to one agent, nobody sees
# "database is locked" within the busy timeout, and past it the answer is
# a clear exit 75 with nothing written. CS_STRESS=N (make stress) makes
# each worker do N times more.
load helper

# A holder left in the background by a failed test must not hang bats.
teardown() { touch "$T/release"; }

S=${CS_STRESS:-1}

q() { sqlite3 "$CS_DB" "$1"; }

# The roster (li.na capacity 20, wang.wei, zhang.min inactive) and
# customers K001..K<n>.
world() {
	local i
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	{
		echo code,name,phone
		for ((i = 1; i <= $1; i++)); do
			printf 'K%03d,客户%d,139%08d\n' "$i" "$i" "$i"
		done
	} > "$T/cust.csv"
	cs-customer import "$T/cust.csv" 2>/dev/null
}

# Runs "$@" in the background as worker $w: stdout to $T/w$w.out, stderr
# to $T/w$w.err, the status of the first failure to $T/w$w.rc.
worker() {
	local w=$1
	shift
	( rc=0; "$@" > "$T/w$w.out" 2> "$T/w$w.err" || rc=$?; echo $rc > "$T/w$w.rc" ) &
}

# Every worker ended well and nobody was told the database was locked.
all_ok() {
	local f
	for f in "$T"/w*.rc; do
		if [ "$(cat "$f")" != 0 ]; then
			echo "${f##*/}: status $(cat "$f"): $(cat "${f%.rc}.err")"
			return 1
		fi
	done
	if grep -il 'locked\|busy' "$T"/w*.err; then
		grep -i 'locked\|busy' "$T"/w*.err
		return 1
	fi
}

make_tickets() {
	local i
	for ((i = 1; i <= $2; i++)); do
		cs-ticket new "K$(printf %03d $((i % 30 + 1)))" --type consult \
		    --subject "w$1-$i" || return
	done
}

move_tickets() {
	local id
	for id in "$@"; do
		cs-ticket start "$id" && cs-ticket resolve "$id" || return
	done
}

plan_and_assign() {
	local r
	for ((r = 1; r <= $1; r++)); do
		cut -d, -f1 "$T/cust.csv" | cs-revisit plan --reason "关怀$r" - || return
		cs-revisit assign -f csv || return
	done
}

assign_loop() {
	local r
	for ((r = 1; r <= $1; r++)); do
		cs-revisit assign -f csv || return
	done
}

report_loop() {
	local r
	for ((r = 1; r <= $1; r++)); do
		cs-report show 2026-W48 -f csv > /dev/null || return
		cs-ticket list --open -f csv > /dev/null || return
	done
}

backup_loop() {
	local r
	for ((r = 1; r <= $1; r++)); do
		cs-db backup "$T/backup$r.db" || return
	done
}

@test "tickets made, moved, planned, assigned, reported and backed up at once: nothing lost or doubled" {
	n=$((12 * S))
	world 40
	for ((i = 1; i <= 10; i++)); do cs-ticket new K001 --type consult > /dev/null; done
	worker 1 make_tickets 1 "$n"
	worker 2 make_tickets 2 "$n"
	worker 3 make_tickets 3 "$n"
	worker 4 move_tickets $(seq 1 10)
	worker 5 plan_and_assign $((3 * S))
	worker 6 assign_loop $((4 * S))
	worker 7 report_loop $((3 * S))
	worker 8 backup_loop $((2 * S))
	wait
	all_ok
	# every ticket once: the 10 of before and n per writer, each subject
	# once, and the ids printed are the ids stored
	[ "$(q 'SELECT count(*) FROM ticket')" -eq $((10 + 3 * n)) ]
	[ "$(q "SELECT count(DISTINCT subject) FROM ticket WHERE subject LIKE 'w%'")" -eq $((3 * n)) ]
	cat "$T"/w[123].out | sort -n > "$T/ids"
	[ "$(sort -u "$T/ids" | wc -l)" -eq $((3 * n)) ]
	[ "$(q "SELECT group_concat(id, ' ') FROM (SELECT id FROM ticket WHERE subject LIKE 'w%' ORDER BY id)")" = "$(paste -sd' ' "$T/ids")" ]
	# each status change once
	[ "$(q "SELECT count(*) FROM ticket WHERE id <= 10 AND status = 'resolved'")" -eq 10 ]
	[ "$(q "SELECT count(*) FROM ticket_event WHERE new_value = 'resolved'")" -eq 10 ]
	# one task per customer and reason, every one given to one agent once
	cs-revisit assign -f csv > "$T/w9.out" 2>/dev/null
	tasks=$(q 'SELECT count(*) FROM revisit')
	[ "$tasks" -eq $((40 * 3 * S)) ]
	[ "$(q 'SELECT count(*) FROM (SELECT DISTINCT customer_id, reason FROM revisit)')" -eq "$tasks" ]
	[ "$(q 'SELECT count(*) FROM revisit WHERE agent_id IS NULL')" -eq 0 ]
	# the assign outputs: each task given out once, to the agent it has
	cat "$T"/w[569].out | grep -v '^id,' | awk -F, '$3 != ""' | sort -t, -k1,1n > "$T/given"
	[ "$(wc -l < "$T/given")" -eq "$tasks" ]
	[ "$(cut -d, -f1 "$T/given" | sort -u | wc -l)" -eq "$tasks" ]
	q "SELECT v.id || ',' || a.login FROM revisit v JOIN agent a ON a.id = v.agent_id ORDER BY v.id" > "$T/stored"
	[ "$(cut -d, -f1,3 "$T/given")" = "$(cat "$T/stored")" ]
	# li.na's capacity of 20 a day held under the race
	[ "$(q "SELECT count(*) FROM revisit v JOIN agent a ON a.id = v.agent_id WHERE a.login = 'li.na'")" -le 20 ]
	# the backups made meanwhile are sound and private
	for b in "$T"/backup*.db; do
		[ "$(sqlite3 "$b" 'PRAGMA integrity_check')" = ok ]
		[ "$(stat -c %a "$b")" = 600 ]
	done
	run cs-db check
	[ "$status" -eq 0 ]
}

@test "two imports of the same tickets at once: each ticket once, updated not doubled" {
	world 30
	{
		echo external_id,customer,type,channel,priority,subject,created_at
		for ((i = 1; i <= 100 * S; i++)); do
			printf 'X%04d,K%03d,consult,phone,normal,问题%d,2026-11-%02dT10:00\n' \
			    "$i" $((i % 30 + 1)) "$i" $((i % 20 + 1))
		done
	} > "$T/tk.csv"
	worker 1 cs-ticket import "$T/tk.csv"
	worker 2 cs-ticket import "$T/tk.csv"
	worker 3 cs-customer import "$T/cust.csv"
	worker 4 cs-ticket import "$T/tk.csv"
	wait
	all_ok
	[ "$(q 'SELECT count(*) FROM ticket')" -eq $((100 * S)) ]
	[ "$(q 'SELECT count(DISTINCT external_id) FROM ticket')" -eq $((100 * S)) ]
	[ "$(q 'SELECT count(*) FROM customer')" -eq 30 ]
	# one import added them all, the others found them unchanged
	[ "$(grep -l "added $((100 * S)), updated 0, unchanged 0" "$T"/w[124].err | wc -l)" -eq 1 ]
	[ "$(grep -l "added 0, updated 0, unchanged $((100 * S))" "$T"/w[124].err | wc -l)" -eq 2 ]
}

@test "a write lock held past CS_BUSY_TIMEOUT: exit 75, a clear message, nothing written; readers go on" {
	world 3
	sum=$(dbsum)
	hold_lock
	CS_BUSY_TIMEOUT=200 run cs-ticket new K001 --type consult
	[ "$status" -eq 75 ]
	[[ "$output" == *"stayed busy"*"try again"* ]]
	[[ "$output" != *"database is locked"* ]]
	CS_BUSY_TIMEOUT=200 run cs-customer import "$T/cust.csv"
	[ "$status" -eq 75 ]
	[[ "$output" == *"stayed busy"* ]]
	[[ "$output" != *"locked"* ]]
	CS_BUSY_TIMEOUT=200 run cs-revisit assign
	[ "$status" -eq 75 ]
	# readers are not held up by the writer (WAL)
	CS_BUSY_TIMEOUT=200 run cs-customer list -f csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 4 ]
	run cs-db backup "$T/during.db"
	[ "$status" -eq 0 ]
	touch "$T/release"
	wait
	[ "$(dbsum)" = "$sum" ]
}

@test "a write lock released within the busy timeout: the command waits and succeeds" {
	world 3
	hold_lock
	( sleep 1; touch "$T/release" ) &
	CS_BUSY_TIMEOUT=10000 run cs-ticket new K001 --type consult
	[ "$status" -eq 0 ]
	[ "$output" = 1 ]
	wait
	[ "$(q 'SELECT count(*) FROM ticket')" -eq 1 ]
	[ "$(q "SELECT count(*) FROM change_log WHERE actor = 'lock'")" -eq 0 ]
}

@test "six commands at once on a database that does not exist yet: one file, made once, every write in it" {
	for ((i = 1; i <= 6; i++)); do
		worker "$i" cs-agent add "a$i" --name "专员$i"
	done
	wait
	all_ok
	[ "$(q 'SELECT count(*) FROM agent')" -eq 6 ]
	# the migrations all ran, each once: one table of each name, the
	# change log holding the six agents only
	[ "$(q 'PRAGMA user_version')" -eq "$(ls "$BATS_TEST_DIRNAME"/../../share/schema/[0-9]*.sql | wc -l)" ]
	[ "$(q "SELECT count(*) FROM sqlite_master WHERE name = 'agent'")" -eq 1 ]
	[ "$(q 'SELECT count(*) FROM change_log')" -eq 6 ]
	[ "$(q "SELECT count(DISTINCT entity_id) FROM change_log WHERE entity = 'agent' AND new_value = 'created'")" -eq 6 ]
	[ "$(q 'PRAGMA journal_mode')" = wal ]
	[ "$(stat -c %a "$CS_DB")" = 600 ]
	run cs-db check
	[ "$status" -eq 0 ]
}
