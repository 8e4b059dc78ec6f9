#!/usr/bin/env bats
# Hardening: writes that fail. A full output (/dev/full) is exit 74 with
# one message; a closed pipe ends a command quietly; a database that
# cannot grow (a file-size limit) or cannot be written (a read-only file
# or folder) gives a clear message and exit 74, and stays as it was.
load helper

q() { sqlite3 "$CS_DB" "$1"; }

# Customers C00000000..: gen ROWS [ATTRS] > FILE (bench/gen.c).
gen() {
	[ -x "$T/gen" ] || cc -O2 -o "$T/gen" "$BATS_TEST_DIRNAME/../../bench/gen.c"
	"$T/gen" "$@"
}

some() {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	gen 300 > "$T/c.csv"
	cs-customer import "$T/c.csv" 2>/dev/null
	cs-ticket new C00000001 --type consult > /dev/null
}

teardown() {
	[ -z "${OTHER:-}" ] || { chmod -R u+rwX "$OTHER"; rm -rf "$OTHER"; }
}

@test "output to a full disk (/dev/full): exit 74 and one message, in every format" {
	some
	for f in csv tsv json jsonl table markdown html; do
		run cs-customer list -f "$f"
		[ "$status" -eq 0 ]
		run sh -c "cs-customer list -f $f > /dev/full"
		[ "$status" -eq 74 ]
		[ "$output" = "cs-customer: write error: No space left on device: free some space, or write elsewhere" ]
	done
	run sh -c 'cs-customer list --excel > /dev/full'
	[ "$status" -eq 74 ]
	[ "${#lines[@]}" -eq 1 ]
	run sh -c 'cs-ticket list -f json > /dev/full'
	[ "$status" -eq 74 ]
	[ "${#lines[@]}" -eq 1 ]
	run sh -c 'cs-report show 2026-W48 > /dev/full'
	[ "$status" -eq 74 ]
	[[ "$output" == *"No space left on device"* ]]
	# a command that prints an id: the write fails after the commit, and
	# says so
	run sh -c 'cs-ticket new C00000002 --type consult > /dev/full'
	[ "$status" -eq 74 ]
	[ "$output" = "cs-ticket: write error on standard output: No space left on device: free some space, or write elsewhere" ]
}

@test "a pipe closed by the reader ends a command quietly" {
	some
	for f in csv json table; do
		run bash -c "set -o pipefail; cs-customer list -f $f | head -n 2 > /dev/null"
		# killed by SIGPIPE (141) or done before: never a message
		[ "$status" -eq 141 ] || [ "$status" -eq 0 ]
		[ "$output" = "" ]
	done
	run bash -c "set -o pipefail; cs-customer export | head -c 10 > /dev/null"
	[ "$status" -eq 141 ] || [ "$status" -eq 0 ]
	[ "$output" = "" ]
}

@test "a database that hits a file-size limit: exit 74 naming the limit, nothing written" {
	some
	gen 3000 2 | sed '2,$ s/^C/D/' > "$T/more.csv"
	q 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
	sum=$(dbsum)
	size=$(stat -c %s "$CS_DB")
	run prlimit --fsize=$((size + 65536)) cs-customer import "$T/more.csv"
	[ "$status" -eq 74 ]
	[[ "$output" == *"cs-customer: "*"(File too large)"* ]]
	[ "$(dbsum)" = "$sum" ]
	run cs-db check
	[ "$status" -eq 0 ]
	# the same import without the limit goes through
	run cs-customer import "$T/more.csv"
	[ "$status" -eq 0 ]
	[ "$(q 'SELECT count(*) FROM customer')" -eq 3300 ]
}

@test "a file-size limit on the backup: exit 74, no partial backup left" {
	some
	# (more than the -shm file of 32 KB, less than the database)
	[ "$(stat -c %s "$CS_DB")" -gt 65536 ]
	run prlimit --fsize=40000 cs-db backup "$T/b.db"
	[ "$status" -eq 74 ]
	[ "$output" = "cs-db: $T/b.db: disk I/O error (File too large)" ]
	[ ! -e "$T/b.db" ]
	[ -z "$(ls "$T" | grep 'b.db.tmp')" ]
}

@test "cs-kb: a full output is exit 74 with one message; an import past a file-size limit writes nothing, the search index included" {
	cs-kb import "$BATS_TEST_DIRNAME/../../share/sample/kb" 2>/dev/null
	for c in 'list -f csv' 'list -f json' 'export -f csv' 'search 退货' 'show 1'; do
		run sh -c "cs-kb $c > /dev/full"
		[ "$status" -eq 74 ]
		[ "$output" = "cs-kb: write error: No space left on device: free some space, or write elsewhere" ]
	done
	mkdir "$T/big"
	for ((i = 1; i <= 20; i++)); do
		{
			printf -- '---\ntitle: 长文%d\n---\n\n' "$i"
			for ((j = 1; j <= 200; j++)); do
				printf '退货流程第%d步，物流查询与发票开具 step %d。\n' "$j" "$i"
			done
		} > "$T/big/$i.md"
	done
	q 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
	sum=$(dbsum)
	run prlimit --fsize=$(($(stat -c %s "$CS_DB") + 65536)) cs-kb import "$T/big"
	[ "$status" -eq 74 ]
	[[ "$output" == *"cs-kb: "*"(File too large)"* ]]
	[ "$(dbsum)" = "$sum" ]
	run cs-db check
	[ "$status" -eq 0 ]
	[[ "$output" == *"search_index,ok,ok"* ]]
	# the index has none of it; the same import without the limit does
	run cs-kb search --all 长文
	[ "$status" -eq 1 ]
	run cs-kb import "$T/big"
	[ "$status" -eq 0 ]
	run cs-kb search --all -f csv -n 0 长文
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 21 ]
}

# A folder another user can reach, and a command run as that user: as
# root, permissions do not bind, so the commands run as nobody.
other_dir() {
	OTHER=$(mktemp -d "${TMPDIR:-/tmp}/cs-other.XXXXXX")
	chmod 755 "$OTHER"
	mkdir "$OTHER/d"
	cp "$T/c.csv" "$OTHER/c.csv"
	gen 50 | sed '2,$ s/^C/E/' > "$OTHER/new.csv"
	chmod 644 "$OTHER"/*.csv
	CS_DB="$OTHER/d/cs.db" cs-customer import "$OTHER/c.csv" 2>/dev/null
	sqlite3 "$OTHER/d/cs.db" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
	[ "$(id -u)" != 0 ] || chown -R nobody "$OTHER/d"
}
as_other() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
	else
		"$@"
	fi
}

@test "a read-only database file: a clear message, exit 74, nothing changed; reading still works" {
	some
	other_dir
	export CS_DB="$OTHER/d/cs.db"
	chmod 400 "$CS_DB"
	sum=$(dbsum)
	run as_other cs-customer import "$OTHER/new.csv"
	[ "$status" -eq 74 ]
	[ "$output" = "cs-customer: customer: attempt to write a readonly database: the file or its folder is read-only" ]
	run as_other cs-ticket new C00000001 --type consult
	[ "$status" -eq 74 ]
	run as_other cs-customer list -f csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 301 ]
	[ "$(dbsum)" = "$sum" ]
	[ "$(stat -c %a "$CS_DB")" = 400 ]
}

@test "a database in a read-only folder: a clear message, a non-zero status, nothing changed" {
	some
	other_dir
	export CS_DB="$OTHER/d/cs.db"
	# the file may be written, its folder not: no -wal can be made
	[ "$(id -u)" != 0 ] || chown root "$OTHER/d"
	chmod 555 "$OTHER/d"
	sum=$(dbsum)
	run as_other cs-customer import "$OTHER/new.csv"
	[ "$status" -eq 74 ]
	[ "$output" = "cs-customer: $CS_DB: attempt to write a readonly database: the file or its folder is read-only" ]
	run as_other cs-db backup "$OTHER/d/b.db"
	[ "$status" -eq 74 ]
	[ "$output" = "cs-db: cannot write $OTHER/d/b.db: Permission denied: check the permissions of the file and its folder" ]
	# reading needs no -wal: it still works there
	run as_other cs-customer list -f csv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 301 ]
	[ "$(dbsum)" = "$sum" ]
	[ ! -e "$OTHER/d/b.db" ]
}

@test "--skip-invalid to a file that cannot be written: exit 74 before anything is imported" {
	some
	sum=$(dbsum)
	printf 'code,name,phone\nZ1,甲,13800000001\nZ2,乙,12\n' > "$T/bad.csv"
	run cs-customer import --skip-invalid /proc/cs-nope/rejects.csv "$T/bad.csv"
	[ "$status" -eq 74 ]
	[[ "$output" == *"cannot write /proc/cs-nope/rejects.csv"* ]]
	[ "$(dbsum)" = "$sum" ]
}
