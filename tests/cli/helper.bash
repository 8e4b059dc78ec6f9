# Shared set-up of the command-line tests: a fresh database per test, a
# fixed clock, zone and actor; binaries from $CS_BIN (set by tests/run).
setup() {
	export CS_DB="$BATS_TEST_TMPDIR/db/cs.db"
	export TZ=Asia/Shanghai CS_NOW=2026-11-24T09:00:00 CS_USER=tester
	unset XDG_DATA_HOME CS_BUSY_TIMEOUT LANG
	DATA="$BATS_TEST_DIRNAME/../data"
	SHARED="$BATS_TEST_DIRNAME/../../../shared/testdata"
	T="$BATS_TEST_TMPDIR"
}

# A fingerprint of the whole database, to show that a failure wrote nothing.
dbsum() {
	if [ -e "$CS_DB" ]; then sqlite3 "$CS_DB" .dump | md5sum
	else echo absent; fi
}

# The roster below imported, and the six customers of
# tests/data/customers/customers.csv (owners li.na, wang.wei, zhang.min).
staff_and_customers() {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	cs-customer import "$DATA/customers/customers.csv" 2>/dev/null
}

# Writes a roster of three agents to $T/agents.csv.
roster() {
	cat > "$T/agents.csv" <<'CSV'
login,name,team,role,skills,weight,capacity,active
li.na,李娜,售后组,agent,售后;投诉,1,20,yes
wang.wei,王伟,售后组,supervisor,投诉,2,,yes
zhang.min,张敏,技术组,agent,技术支持,1.5,10,no
CSV
}

# The database a file's setup_file built in $BATS_FILE_TMPDIR/fixture as
# this test's database.
fixture_db() {
	mkdir -p "${CS_DB%/*}"
	cp "$BATS_FILE_TMPDIR/fixture/cs.db" "$CS_DB"
	if [ -e "$BATS_FILE_TMPDIR/fixture/cs.db-wal" ]; then
		cp "$BATS_FILE_TMPDIR/fixture/cs.db-wal" "$CS_DB-wal"
	fi
}

# same_rows EXPECTED ACTUAL: the same header line and the same rows, in
# any order (the order of the rows is presentation; the set is the
# contract).  diff shows "<" for a row expected and ">" for a row got.
same_rows() {
	local h
	h=$(head -n 1 "$2")
	[ "$h" = "$(head -n 1 "$1")" ] || { echo "header: $h"; return 1; }
	diff <(tail -n +2 "$1" | LC_ALL=C sort) <(tail -n +2 "$2" | LC_ALL=C sort)
}

# lacks GREP-ARGS...: grep finds nothing (a "!" inside a test would not
# fail it).
lacks() {
	! grep "$@"
}

# has_row LINE FILE: FILE has LINE as a whole line; else shows the rows of
# the same section, metric and key.
has_row() {
	grep -qxF -- "$1" "$2" || {
		echo "missing: $1"
		grep -F -- "$(echo "$1" | cut -d, -f1-3)," "$2" | head -n 5
		return 1
	}
}

# Holds the write lock of $CS_DB with the sqlite3 shell until $T/release
# appears (a minute at most); a file that uses it touches $T/release in
# its teardown, so that a failed test leaves no holder behind.
hold_lock() {
	rm -f "$T/release" "$T/held"
	{
		echo 'BEGIN IMMEDIATE;'
		echo "INSERT INTO change_log (at, actor, entity, entity_id, field) VALUES (0, 'lock', 'x', 0, 'x');"
		echo '.print held'
		for ((n = 0; n < 1200; n++)); do [ -e "$T/release" ] && break; sleep 0.05; done
		echo 'ROLLBACK;'
	} | sqlite3 "$CS_DB" > "$T/held" &
	for ((n = 0; n < 1200; n++)); do [ -s "$T/held" ] && break; sleep 0.05; done
	[ -s "$T/held" ]
}
