#!/usr/bin/env bats
# Hardening: an import killed at any moment (SIGKILL, a crash, a power cut
# of the process) leaves the database as it was before or as it is after
# the whole import, never in between, and always sound.
# CS_STRESS=N (make stress) multiplies the rows and the kills.
load helper

S=${CS_STRESS:-1}

# Generated customers: gen ROWS > FILE (bench/gen.c, deterministic).
gen() {
	[ -x "$T/gen" ] || cc -O2 -o "$T/gen" "$BATS_TEST_DIRNAME/../../bench/gen.c"
	"$T/gen" "$@"
}

# Tickets TK<i> of customers C<i % n> (the codes gen writes), with their
# whole history.
tickets() {
	awk -v n="$1" -v from="$2" -v to="$3" 'BEGIN {
		print "external_id,customer,type,channel,priority,status," \
		    "subject,body,created_at,first_response_at,resolved_at,csat"
		split("consult complaint tech aftersales grumble", ty, " ")
		for (i = from; i < to; i++)
			printf "TK%07d,C%08d,%s,phone,normal,resolved,物流太慢," \
			    "\"第一行\n第二行, \"\"引号\"\"\",2026-%02d-%02dT09:00," \
			    "2026-%02d-%02dT09:30,2026-%02d-%02dT17:00,%d\n", i,
			    i % n, ty[1 + i % 5], 1 + i % 10, 1 + i % 28,
			    1 + i % 10, 1 + i % 28, 1 + i % 10, 1 + i % 28,
			    1 + i % 5
	}'
}

# Milliseconds since the epoch.
ms() { date +%s%3N; }

# kill_runs KILLS CMD...: restores $T/before.db, starts CMD, kills it with
# SIGKILL after a delay, the delays spread over the time a whole run takes
# ($T/ms), and checks after each that the database is sound and either
# the one before ($T/before.sum) or the one after ($T/after.sum). Counts
# the runs that were really cut short in $T/killed.
kill_runs() {
	local k=$1 i d rc sum
	shift
	: > "$T/killed"
	for ((i = 0; i < k; i++)); do
		rm -f "$CS_DB" "$CS_DB-wal" "$CS_DB-shm"
		cp "$T/before.db" "$CS_DB"
		d=$(( $(cat "$T/ms") * (i + 1) / k ))
		"$@" 2>/dev/null &
		sleep "$(awk -v d="$d" 'BEGIN { printf "%.3f", d / 1000 }')"
		kill -9 $! 2>/dev/null || true
		rc=0
		wait $! || rc=$?
		[ "$rc" -eq 137 ] && echo "$d" >> "$T/killed"
		run cs-db check
		if [ "$status" -ne 0 ]; then
			echo "kill after ${d}ms: cs-db check: $output"
			return 1
		fi
		sum=$(dbsum)
		if [ "$sum" != "$(cat "$T/before.sum")" ] &&
		    [ "$sum" != "$(cat "$T/after.sum")" ]; then
			echo "kill after ${d}ms (status $rc): the database is" \
			    "neither the one before nor the one after:" \
			    "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer'),"\
			    "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM ticket')"
			return 1
		fi
	done
}

# Takes the database as it is as $T/before.db, runs CMD once to the end
# for the database after and its time, and restores the one before.
before_after() {
	local t0 t1
	sqlite3 "$CS_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
	cp "$CS_DB" "$T/before.db"
	dbsum > "$T/before.sum"
	t0=$(ms)
	"$@" 2>/dev/null
	t1=$(ms)
	echo $((t1 - t0)) > "$T/ms"
	dbsum > "$T/after.sum"
	[ "$(cat "$T/before.sum")" != "$(cat "$T/after.sum")" ]
}

# sized FUNCTION: calls FUNCTION N, which sets up a database and runs
# before_after on it, with N = 2000 * S and then twice as many, until a
# whole run takes a second (a run of a few milliseconds, as a fast build
# makes of 2000 rows, ends before most kills); N is left in $n.
sized() {
	n=$((2000 * S))
	while :; do
		rm -f "$CS_DB" "$CS_DB-wal" "$CS_DB-shm"
		"$1" "$n"
		[ "$(cat "$T/ms")" -lt 1000 ] && [ "$n" -lt $((128000 * S)) ] ||
		    break
		n=$((n * 2))
	done
}

# A first half imported, then the whole file: adds the second half and
# changes nothing in the first.
customers_half() {
	gen "$1" 2 > "$T/all.csv"
	# (gen's rows are the same whatever their number; a note may take
	# two lines, so head -n could cut one in two)
	gen $(($1 / 2)) 2 > "$T/half.csv"
	cs-customer import "$T/half.csv" 2>/dev/null
	before_after cs-customer import "$T/all.csv"
}

@test "cs-customer import killed at 15 moments: the database before or after, never between" {
	sized customers_half
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer')" -eq "$n" ]
	kill_runs $((15 * S)) cs-customer import "$T/all.csv"
	# most kills fell inside the run, not after its end
	[ "$(wc -l < "$T/killed")" -ge $((5 * S)) ]
}

# Every customer moves to another city.
customers_moved() {
	gen "$1" > "$T/all.csv"
	cs-customer import "$T/all.csv" 2>/dev/null
	sed '2,$ s/,\(北京\|上海\|广州\|深圳\|杭州\|成都\|武汉\|西安\|南京\|重庆\),/,拉萨,/' \
	    "$T/all.csv" > "$T/moved.csv"
	before_after cs-customer import "$T/moved.csv"
}

@test "cs-customer import killed while it updates every row: all old or all new" {
	sized customers_moved
	[ "$(sqlite3 "$CS_DB" "SELECT count(*) FROM customer WHERE city = '拉萨'")" -eq "$n" ]
	kill_runs $((12 * S)) cs-customer import "$T/moved.csv"
	[ "$(wc -l < "$T/killed")" -ge $((4 * S)) ]
}

# N / 6 customers, half of their tickets imported, then all N.
tickets_half() {
	local c=$(($1 / 6))
	gen "$c" > "$T/cust.csv"
	cs-customer import "$T/cust.csv" 2>/dev/null
	tickets "$c" 0 $((c / 2)) > "$T/t1.csv"
	tickets "$c" 0 $((c * 6)) > "$T/t2.csv"
	cs-ticket import "$T/t1.csv" 2>/dev/null
	before_after cs-ticket import "$T/t2.csv"
}

@test "cs-ticket import killed at 15 moments: the database before or after, never between" {
	sized tickets_half
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM ticket')" -eq $((n / 6 * 6)) ]
	kill_runs $((15 * S)) cs-ticket import "$T/t2.csv"
	[ "$(wc -l < "$T/killed")" -ge $((5 * S)) ]
}

# The whole file into an empty database.
customers_empty() {
	gen "$1" > "$T/all.csv"
	cs-db init 2>/dev/null
	before_after cs-customer import "$T/all.csv"
}

@test "an import ended by SIGTERM or SIGHUP leaves the database as it was" {
	# (a background job of a script ignores SIGINT, so Ctrl-C is SIGKILL's
	# case above: no handler runs, the transaction is simply never
	# committed)
	sized customers_empty
	cp "$T/before.db" "$CS_DB"
	sum=$(dbsum)
	cut=0
	i=0
	for sig in TERM HUP TERM HUP; do
		rm -f "$CS_DB" "$CS_DB-wal" "$CS_DB-shm"
		cp "$T/before.db" "$CS_DB"
		cs-customer import "$T/all.csv" 2>/dev/null &
		i=$((i + 1))
		sleep "$(awk -v d="$(cat "$T/ms")" -v i=$i \
		    'BEGIN { printf "%.3f", d * i / 6000 }')"
		kill -s "$sig" $! 2>/dev/null || true
		rc=0
		wait $! || rc=$?
		if [ "$rc" -ne 0 ]; then
			# killed by the signal before the end: nothing written
			[ "$rc" -gt 128 ]
			[ "$(dbsum)" = "$sum" ]
			run cs-db check
			[ "$status" -eq 0 ]
			cut=$((cut + 1))
		else
			[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer')" -eq "$n" ]
		fi
	done
	[ "$cut" -ge 1 ]
}
