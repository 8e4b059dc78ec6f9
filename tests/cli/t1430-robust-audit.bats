#!/usr/bin/env bats
# Hardening, second pass: what t1010-t1050 leave out. Every importer's
# errors name FILE:LINE, the column and the value; a rejects file can
# never be the database or the input, and never goes missing after the
# good rows landed; every wait for the write lock ends at
# CS_BUSY_TIMEOUT with exit 75; nothing is written over the database
# itself.
load helper

q() { sqlite3 "$CS_DB" "$1"; }

# A holder left in the background by a failed test must not hang bats.
teardown() { touch "$T/release"; }

# One agent, customers K001 and K002, revisit tasks 1 (K001) and 2 (K002).
world() {
	printf 'login,name\nli.na,李娜\n' | cs-agent import - 2>/dev/null
	printf 'code,name,phone\nK001,王芳,13800000001\nK002,李强,13800000002\n' |
	    cs-customer import - 2>/dev/null
	printf 'code\nK001\nK002\n' | cs-revisit plan --reason 关怀 - 2>/dev/null
	[ "$(q 'SELECT count(*) FROM revisit')" -eq 2 ]
}

# refuse FILE LINE COLUMN VALUE CMD...: CMD refuses FILE with status 65,
# "FILE:LINE: COLUMN: ... (VALUE)", and writes nothing.
refuse() {
	local file=$1 line=$2 col=$3 val=$4 sum
	shift 4
	sum=$(dbsum)
	run "$@" "$file"
	if [ "$status" -ne 65 ] ||
	    [[ "$output" != *"$file:$line: $col: "*"($val)"* ]] ||
	    [ "$(dbsum)" != "$sum" ]; then
		echo "$*: status $status, database" \
		    "$([ "$(dbsum)" = "$sum" ] && echo unchanged || echo CHANGED):"
		echo "$output"
		echo "expected 65 and $file:$line: $col: ...($val)"
		return 1
	fi
}

@test "cs-revisit import: an unknown or finished task is named by its id column and value" {
	world
	cs-revisit log 2 --result reached 2>/dev/null
	printf 'id,result\n1,reached\n\n77,reached\n' > "$T/unknown.csv"
	refuse "$T/unknown.csv" 4 id 77 cs-revisit import
	printf 'id,result\n1,busy\n2,reached\n' > "$T/done.csv"
	refuse "$T/done.csv" 3 id 2 cs-revisit import
	printf '[{"id":1,"result":"busy"},\n{"id":2,"result":"busy"}]\n' > "$T/done.json"
	refuse "$T/done.json" 2 id 2 cs-revisit import
	printf 'id,result\n99999999999999999999,reached\n' > "$T/huge.csv"
	refuse "$T/huge.csv" 2 id 99999999999999999999 cs-revisit import
	printf 'id,result\n1,接通\n' > "$T/result.csv"
	refuse "$T/result.csv" 2 result 接通 cs-revisit import
	# the rejects file holds the same messages
	run cs-revisit import --skip-invalid "$T/rej.csv" "$T/done.csv"
	[ "$status" -eq 0 ]
	[[ "$(cat "$T/rej.csv")" == *"done.csv:3: id: "*"(2)"* ]]
	# log names the task too
	run cs-revisit log 2 --result busy
	[ "$status" -eq 65 ]
	[[ "$output" == "cs-revisit: log 2: "*done* ]]
	run cs-revisit log 99999999999999999999 --result busy
	[ "$status" -eq 2 ]
}

@test "--skip-invalid never writes over the database or the input, and a folder is refused before anything lands" {
	world
	printf 'code,name,phone\nK010,甲,13800000010\nK011,乙,12\n' > "$T/c.csv"
	cp "$T/c.csv" "$T/c.orig"
	sum=$(dbsum)
	dir=$(dirname "$CS_DB")
	for r in "$CS_DB" "$dir/../db/cs.db" "$CS_DB-wal"; do
		run cs-customer import --skip-invalid "$r" "$T/c.csv"
		[ "$status" -eq 2 ]
		[[ "$output" == *"--skip-invalid $r: that is the database"* ]]
	done
	ln -s "$T/c.csv" "$T/link.csv"
	for r in "$T/c.csv" "$T/link.csv"; do
		run cs-customer import --skip-invalid "$r" "$T/c.csv"
		[ "$status" -eq 2 ]
		[[ "$output" == *"that is the input"* ]]
	done
	cmp "$T/c.csv" "$T/c.orig"
	mkdir "$T/rej"
	run cs-customer import --skip-invalid "$T/rej" "$T/c.csv"
	[ "$status" -eq 74 ]
	[ "$output" = "cs-customer: cannot write $T/rej: Is a directory: name a file, not a folder" ]
	# the same for every importer, with nothing written
	printf 'login,name\nx.y,甲\n' > "$T/a.csv"
	run cs-agent import --skip-invalid "$CS_DB" "$T/a.csv"
	[ "$status" -eq 2 ]
	printf 'title,body\nT,B\n' > "$T/k.csv"
	run cs-kb import --skip-invalid "$CS_DB" "$T/k.csv"
	[ "$status" -eq 2 ]
	printf 'id,result\n1,reached\n' > "$T/r.csv"
	run cs-revisit import --skip-invalid "$T/r.csv" "$T/r.csv"
	[ "$status" -eq 2 ]
	printf 'external_id,customer,type,created_at\nE1,K001,consult,2026-11-01\n' > "$T/t.csv"
	run cs-ticket import --skip-invalid "$T/rej" "$T/t.csv"
	[ "$status" -eq 74 ]
	[ "$(dbsum)" = "$sum" ]
	run cs-db check
	[ "$status" -eq 0 ]
	[ -z "$(ls "$T" | grep tmp-)" ]
}

@test "a backup or a report is never written over the live database" {
	world
	sum=$(dbsum)
	ino=$(stat -c %i "$CS_DB")
	dir=$(dirname "$CS_DB")
	for f in "$CS_DB" "$dir/./cs.db" "$CS_DB-shm"; do
		run cs-db backup "$f"
		[ "$status" -eq 2 ]
		[ "$output" = "cs-db: backup $f: that is the database itself: give another file" ]
	done
	run sh -c "cd '$dir' && cs-db backup cs.db"
	[ "$status" -eq 2 ]
	run cs-report show 2026-W48 -o "$CS_DB"
	[ "$status" -eq 2 ]
	[ "$(stat -c %i "$CS_DB")" = "$ino" ]
	[ "$(dbsum)" = "$sum" ]
	[ -z "$(ls "$dir" | grep tmp)" ]
	# another name beside it is fine
	run cs-db backup "$dir/cs-copy.db"
	[ "$status" -eq 0 ]
	# nor is the report's temporary file ever the database: a database
	# named like one (r.tmp for -o r) stays whole
	mv "$CS_DB" "$dir/r.tmp"
	[ ! -e "$CS_DB-wal" ] || mv "$CS_DB-wal" "$dir/r.tmp-wal"
	sum=$(CS_DB="$dir/r.tmp" dbsum)
	CS_DB="$dir/r.tmp" run cs-report show 2026-W48 -o "$dir/r"
	[ "$status" -eq 0 ]
	head -n 1 "$dir/r" | grep -q '^section,metric,'
	[ "$(CS_DB="$dir/r.tmp" dbsum)" = "$sum" ]
	# and the report is read as any file is, not kept to its owner
	[ "$(stat -c %a "$dir/r")" = "$(printf '%o' $((0666 & ~$(umask))))" ]
}

@test "cs-db restore and check under a write lock held past CS_BUSY_TIMEOUT: exit 75 at the timeout, nothing changed, no false alarm" {
	world
	cs-db backup "$T/bk.db" 2>/dev/null
	cs-agent add w.w --name 新人 > /dev/null
	sum=$(dbsum)
	hold_lock
	t0=$(date +%s%3N)
	CS_BUSY_TIMEOUT=300 run timeout 20 cs-db restore "$T/bk.db"
	t1=$(date +%s%3N)
	[ "$status" -eq 75 ]
	[[ "$output" == *"stayed busy"*"try again"* ]]
	# it gave up at the timeout, not when the lock went
	[ $((t1 - t0)) -lt 5000 ]
	# a busy file is not a broken one
	CS_BUSY_TIMEOUT=300 run timeout 20 cs-db check
	[ "$status" -eq 75 ]
	[[ "$output" != *FAILED* ]]
	[[ "$output" == *"stayed busy"* ]]
	touch "$T/release"
	wait
	[ "$(dbsum)" = "$sum" ]
	run cs-db check
	[ "$status" -eq 0 ]
}

@test "cs-db check that finds a problem and then meets a lock tells the problem, and exits 75" {
	cs-db init 2>/dev/null
	sqlite3 "$CS_DB" 'INSERT INTO agent_skill VALUES (42, "x")'
	hold_lock
	CS_BUSY_TIMEOUT=300 run timeout 20 cs-db check -f csv
	touch "$T/release"
	wait
	[ "$status" -eq 75 ]
	[[ "$output" == *"foreign_keys,FAILED,\"agent_skill row (agent_id=42, skill='x') -> agent\""* ]]
	[[ "$output" == *"stayed busy"* ]]
	[[ "$output" == *"check: 1 problem found before the database was busy"* ]]
	[[ "$output" != *"search_index,"* ]]
}

@test "a CS_BUSY_TIMEOUT that is not a number of milliseconds is told, not silently replaced" {
	world
	for v in 5s abc -1 99999999999999999999 '200 '; do
		CS_BUSY_TIMEOUT=$v run cs-agent list -f csv
		[ "$status" -eq 0 ]
		[[ "$output" == *"cs-agent: CS_BUSY_TIMEOUT: not a number of milliseconds from 0 to 3600000: $v: waiting 10000"* ]]
	done
	CS_BUSY_TIMEOUT=200 run cs-agent list -f csv
	[ "$status" -eq 0 ]
	[[ "$output" != *CS_BUSY_TIMEOUT* ]]
	# told once, though a restore asks for it twice
	cs-db backup "$T/b.db" 2>/dev/null
	CS_BUSY_TIMEOUT=0x10 run cs-db restore "$T/b.db"
	[ "$status" -eq 0 ]
	[ "$(grep -c CS_BUSY_TIMEOUT <<< "$output")" -eq 1 ]
}

# Customers C00000000..: gen ROWS [ATTRS] > FILE (bench/gen.c).
gen() {
	[ -x "$T/gen" ] || cc -O2 -o "$T/gen" "$BATS_TEST_DIRNAME/../../bench/gen.c"
	"$T/gen" "$@"
}

# cut SIG GLOB CMD...: starts CMD, sends SIG as soon as a file GLOB
# exists, and waits; $T/cut counts the runs that the signal ended.
cut_short() {
	local sig=$1 glob=$2 pid rc n
	shift 2
	# (no leak check in a process killed at a random moment: LeakSanitizer
	# killed in the middle of it reports that it could not finish)
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" "$@" 2>/dev/null &
	pid=$!
	for ((n = 0; n < 20000; n++)); do
		compgen -G "$glob" > /dev/null && break
		kill -0 "$pid" 2>/dev/null || break
	done
	kill -s "$sig" "$pid" 2>/dev/null || true
	rc=0
	wait "$pid" || rc=$?
	[ "$rc" -le 128 ] || echo "$rc" >> "$T/cut"
}

@test "an import or a backup ended by SIGTERM or SIGHUP leaves no temporary copy of customers behind" {
	gen 30000 2 > "$T/c.csv"
	printf 'X1,坏,12\n' | sed 's/$/,,,,,,,,/' >> "$T/c.csv"
	cs-customer import --skip-invalid "$T/first.csv" "$T/c.csv" 2>/dev/null
	[ "$(q 'SELECT count(*) FROM customer')" -eq 30000 ]
	[ "$(wc -l < "$T/first.csv")" -eq 2 ]
	sum=$(dbsum)
	: > "$T/cut"
	for sig in TERM HUP TERM HUP; do
		cut_short "$sig" "$T/rej.csv.tmp-*" cs-customer import --skip-invalid "$T/rej.csv" "$T/c.csv"
		cut_short "$sig" "$T/b.db.tmp-*" cs-db backup "$T/b.db"
		cut_short "$sig" "$T/r.html.tmp-*" cs-report show 2026-W48 -o "$T/r.html"
		left=$(ls "$T" | grep -v '^\(c\|first\|rej\)\.csv$\|^b\.db$\|^r\.html$\|^gen$\|^db$\|^cut$' || true)
		[ -z "$left" ] || { echo "SIG$sig left $left"; false; }
	done
	# most of them were cut short, not done before the signal
	[ "$(wc -l < "$T/cut")" -ge 4 ] || { echo "cut short: $(wc -l < "$T/cut")"; false; }
	[ "$(dbsum)" = "$sum" ]
	run cs-db check
	[ "$status" -eq 0 ]
}
