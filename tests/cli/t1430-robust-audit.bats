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
