#!/usr/bin/env bats
load helper

@test "cs-db init creates the folder and a 0600 file, and says where" {
	run cs-db init
	[ "$status" -eq 0 ]
	[[ "$output" == *"created $CS_DB"* ]]
	[ "$(stat -c %a "$CS_DB")" = 600 ]
	run cs-db init
	[ "$status" -eq 0 ]
	[[ "$output" == *"database ready at"* ]]
}

@test "the default path is XDG_DATA_HOME/cs/cs.db, then HOME" {
	unset CS_DB
	export XDG_DATA_HOME="$T/xdg"
	run cs-db init
	[ "$status" -eq 0 ]
	[ -f "$T/xdg/cs/cs.db" ]
	unset XDG_DATA_HOME
	HOME="$T/home" run cs-db init
	[ -f "$T/home/.local/share/cs/cs.db" ]
	run cs-db --db "$T/other.db" init
	[ -f "$T/other.db" ]
}

@test "a read-only command on a missing database says so and creates nothing" {
	run cs-agent list
	[ "$status" -eq 66 ]
	[[ "$output" == *"no database at $CS_DB"* ]]
	[ ! -e "$T/db" ]
	run cs-db check
	[ "$status" -eq 66 ]
	[ ! -e "$T/db" ]
}

@test "an unwritable database path is an I/O error (74)" {
	run cs-db --db /proc/cs-nope/cs.db init
	[ "$status" -eq 74 ]
	[[ "$output" == *"cannot create"* ]]
	mkdir -p "$T/ro"
	chmod 555 "$T/ro"
	if [ "$(id -u)" != 0 ]; then
		run cs-db --db "$T/ro/cs.db" init
		[ "$status" -eq 74 ]
	fi
}

@test "a database with a newer schema is refused untouched (69)" {
	cs-db init 2>/dev/null
	sqlite3 "$CS_DB" 'PRAGMA user_version = 99'
	before=$(md5sum < "$CS_DB")
	run cs-agent list
	[ "$status" -eq 69 ]
	[[ "$output" == *"schema version 99, newer than this cs knows"* ]]
	run cs-agent add li.na
	[ "$status" -eq 69 ]
	[ "$(md5sum < "$CS_DB")" = "$before" ]
}

@test "a file that is not a cs database is left alone" {
	mkdir -p "$T/db"
	sqlite3 "$CS_DB" 'CREATE TABLE other (x); INSERT INTO other VALUES (1)'
	before=$(md5sum < "$CS_DB")
	run cs-agent add li.na
	[ "$status" -eq 65 ]
	[[ "$output" == *"not a cs database"* ]]
	[ "$(md5sum < "$CS_DB")" = "$before" ]
	echo 'just text' > "$T/text.db"
	run cs-db --db "$T/text.db" check
	[ "$status" -eq 65 ]
}

@test "cs-db check passes on a sound database and fails (1) on a broken one" {
	cs-db init 2>/dev/null
	run cs-db check -f csv
	[ "$status" -eq 0 ]
	[[ "$output" == *"integrity,ok,ok"* ]]
	[[ "$output" == *"foreign_keys,ok,ok"* ]]
	n=$(ls "$BATS_TEST_DIRNAME"/../../share/schema/*.sql | wc -l)
	[[ "$output" == *"schema,ok,version $n of $n"* ]]
	sqlite3 "$CS_DB" 'INSERT INTO agent_skill VALUES (42, "x")'
	run cs-db check -f csv
	[ "$status" -eq 1 ]
	# agent_skill is WITHOUT ROWID: its row is named by its key
	[[ "$output" == *"foreign_keys,FAILED,\"agent_skill row (agent_id=42, skill='x') -> agent\""* ]]
	[[ "$output" == *"1 problem found"* ]]
}

@test "cs-db migrate reports the schema version" {
	cs-db init 2>/dev/null
	run cs-db migrate
	[ "$status" -eq 0 ]
	[[ "$output" == *"up to date"* ]]
	: > "$T/empty.db"
	run cs-db --db "$T/empty.db" migrate
	[ "$status" -eq 0 ]
	n=$(ls "$BATS_TEST_DIRNAME"/../../share/schema/*.sql | wc -l)
	[[ "$output" == *"migrated schema version 0 to $n"* ]]
	[ "$(sqlite3 "$T/empty.db" 'PRAGMA user_version')" = "$n" ]
}

@test "cs-db backup writes a consistent 0600 copy; restore brings it back" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	run cs-db backup "$T/backup.db"
	[ "$status" -eq 0 ]
	[ "$(stat -c %a "$T/backup.db")" = 600 ]
	[ "$(sqlite3 "$T/backup.db" 'PRAGMA integrity_check')" = ok ]
	[ "$(sqlite3 "$T/backup.db" 'SELECT count(*) FROM agent')" = 3 ]
	ls "$T" | grep -v tmp- >/dev/null
	cs-agent add new.one >/dev/null
	run cs-db restore "$T/backup.db"
	[ "$status" -eq 0 ]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM agent')" = 3 ]
	[ "$(sqlite3 "$CS_DB.bak" 'SELECT count(*) FROM agent')" = 4 ]
	run cs-db check
	[ "$status" -eq 0 ]
}

@test "cs-db backup to an unwritable place fails with 74 and leaves no file" {
	cs-db init 2>/dev/null
	run cs-db backup /proc/cs-nope/backup.db
	[ "$status" -eq 74 ]
	run cs-db backup
	[ "$status" -eq 2 ]
}

@test "cs-db restore refuses a missing, foreign or damaged file untouched" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	before=$(dbsum)
	run cs-db restore "$T/nope.db"
	[ "$status" -eq 66 ]
	echo garbage > "$T/garbage.db"
	run cs-db restore "$T/garbage.db"
	[ "$status" -eq 65 ]
	[[ "$output" == *"not a sound cs database"* ]]
	sqlite3 "$T/other.db" 'CREATE TABLE t (x)'
	run cs-db restore "$T/other.db"
	[ "$status" -eq 65 ]
	cs-db backup "$T/new.db" 2>/dev/null
	sqlite3 "$T/new.db" 'PRAGMA user_version = 99'
	run cs-db restore "$T/new.db"
	[ "$status" -eq 69 ]
	# a folder is no backup: said so, not "disk I/O error"
	mkdir "$T/dir"
	run -65 cs-db restore "$T/dir"
	[ "$output" = "cs-db: $T/dir is a folder, not a backup: give the file that cs-db backup wrote; nothing restored" ]
	# the database itself, by any of its names, is no backup of it
	run -2 cs-db restore "$CS_DB"
	[[ "$output" == *"that is the database itself"* ]]
	run -2 cs-db restore "${CS_DB%/*}/../db/cs.db-wal"
	[ "$(dbsum)" = "$before" ]
	[ ! -e "$CS_DB.bak" ]
}

@test "cs-db stats counts rows per table and views lists the views" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	run cs-db stats -f csv
	[ "$status" -eq 0 ]
	[[ "$output" == *"rows.agent,3"* ]]
	n=$(ls "$BATS_TEST_DIRNAME"/../../share/schema/*.sql | wc -l)
	[[ "$output" == *"schema_version,$n"* ]]
	[[ "$output" == *"path,$CS_DB"* ]]
	# a table in Chinese says the items in Chinese; csv keeps the names
	run cs-db stats -f table --lang zh
	[[ "$output" == *"架构版本"*"$n"* ]]
	[[ "$output" == *"agent 行数"*3* ]]
	[[ "$output" != *"rows.agent"* ]]
	run cs-db stats -f csv --lang zh
	[[ "$output" == *"rows.agent,3"* ]]
	run cs-db views -f csv
	[ "$status" -eq 0 ]
	[[ "$output" == *"v_agents,"*"login"* ]]
	[[ "$output" == *"v_changes,"* ]]
}

@test "help, version and usage errors" {
	run cs-db --version
	[ "$status" -eq 0 ]
	[[ "$output" == "cs-db "* ]]
	run cs-db --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"backup"* ]]
	run cs-db backup --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"usage: cs-db backup FILE"* ]]
	run cs-db help restore
	[ "$status" -eq 0 ]
	run cs-db frobnicate
	[ "$status" -eq 2 ]
	[[ "$output" == *"unknown command 'frobnicate'"* ]]
	run cs-db check --frob
	[ "$status" -eq 2 ]
	[[ "$output" == *"unknown option --frob"* ]]
	run cs-db -f nope check
	[ "$status" -eq 2 ]
}

@test "a full disk or closed pipe on output is not success" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	run sh -c 'cs-agent list -f csv > /dev/full'
	[ "$status" -eq 74 ]
	[[ "$output" == *"write error"* ]]
}

@test "an older database is migrated forward on open, data kept" {
	cs-agent add li.na --name 李娜 >/dev/null
	# take the file back to schema 1: the roster only
	sqlite3 "$CS_DB" "SELECT 'DROP VIEW ' || name || ';' FROM sqlite_master
	    WHERE type = 'view' AND name NOT IN ('v_agents', 'v_agent_leave',
	    'v_changes')" > "$T/drop.sql"
	# the shell cannot drop the search index (it does not know cs-kb's
	# tokenizer): its schema row goes, its tables below
	cat >> "$T/drop.sql" <<'SQL'
PRAGMA writable_schema = ON;
DELETE FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%';
PRAGMA writable_schema = OFF;
SQL
	sqlite3 "$CS_DB" "SELECT 'DROP TABLE ' || name || ';' FROM sqlite_master
	    WHERE type = 'table' AND name NOT IN ('agent', 'agent_skill',
	    'agent_leave', 'change_log') AND sql NOT LIKE 'CREATE VIRTUAL%'
	    ORDER BY rowid DESC" >> "$T/drop.sql"
	echo 'PRAGMA user_version = 1;' >> "$T/drop.sql"
	sqlite3 "$CS_DB" < "$T/drop.sql"
	run cs-db migrate
	[ "$status" -eq 0 ]
	[[ "$output" == *"migrated schema version 1 to"* ]]
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer')" = 0 ]
	[ "$(sqlite3 "$CS_DB" 'SELECT name FROM agent')" = 李娜 ]
	run cs-db check
	[ "$status" -eq 0 ]
}

# The CHECKs that list three or more values (009) are ORs: SQLite would
# fill a temporary b-tree with an IN list for every row written.
lists() {
	sqlite3 "$1" "SELECT name || ': ' || replace(replace(sql, char(10), ' '),
	    char(9), ' ') FROM sqlite_master WHERE type = 'table'" |
	    grep -P 'IN\s*\([^()]*,[^()]*,' || true
}

@test "no table checks a list of three or more values with IN" {
	cs-db init >/dev/null 2>&1
	[ -z "$(lists "$CS_DB")" ]
	# the checks still hold
	run sqlite3 "$CS_DB" "INSERT INTO customer (name, status, created_at,
	    created_by, updated_at) VALUES ('王芳', 'gone', 0, 't', 0)"
	[ "$status" -ne 0 ]
	[[ "$output" == *"CHECK constraint failed"* ]]
	run sqlite3 "$CS_DB" "INSERT INTO customer (name, contact_reason,
	    created_at, created_by, updated_at) VALUES ('王芳', 'moved', 0,
	    't', 0)"
	[[ "$output" == *"CHECK constraint failed"* ]]
	sqlite3 "$CS_DB" "INSERT INTO customer (name, status, contact_reason,
	    created_at, created_by, updated_at) VALUES ('王芳', 'invalid',
	    NULL, 0, 't', 0)"
	[ "$(sqlite3 "$CS_DB" 'SELECT count(*) FROM customer')" = 1 ]
}

@test "migration 9 rewrites the checks of a version 8 file, rows kept" {
	cs-customer add --name 王芳 --phone 13800138000 >/dev/null
	# back to the text that version 8 wrote
	sqlite3 "$CS_DB" "PRAGMA writable_schema = ON;
	    UPDATE sqlite_master SET sql = replace(sql,
	        'status = ''active'' OR status = ''invalid'' OR
	    status = ''merged'' OR status = ''erased''',
	        'status IN (''active'', ''invalid'', ''merged'', ''erased'')')
	    WHERE name = 'customer';
	    PRAGMA writable_schema = OFF; PRAGMA user_version = 8;"
	[[ "$(lists "$CS_DB")" == "customer: "* ]]
	v=$(sqlite3 "$CS_DB" 'PRAGMA schema_version')
	run cs-db migrate
	[ "$status" -eq 0 ]
	[[ "$output" == *"migrated schema version 8 to"* ]]
	[ -z "$(lists "$CS_DB")" ]
	[ "$(sqlite3 "$CS_DB" 'PRAGMA schema_version')" -gt "$v" ]
	[ "$(sqlite3 "$CS_DB" 'SELECT name FROM customer')" = 王芳 ]
	[ "$(sqlite3 "$CS_DB" 'PRAGMA integrity_check')" = ok ]
	run sqlite3 "$CS_DB" "UPDATE customer SET status = 'gone'"
	[[ "$output" == *"CHECK constraint failed"* ]]
	run cs-db check
	[ "$status" -eq 0 ]
}
