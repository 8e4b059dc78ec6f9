#!/usr/bin/env bats
# Hardening: privacy. After cs-customer erase, the erased person's name,
# phone numbers (as given and normalised), e-mail, WeChat, address,
# birthday, notes and attributes are nowhere in the database file nor in
# its -wal: not in the tables, the change log, the indexes, nor in freed
# space. The file, its -wal and -shm, and backups are mode 0600.
load helper

# A holder left in the background by a failed test must not hang bats.
teardown() { touch "$T/release"; }

q() { sqlite3 "$CS_DB" "$1"; }

# What identifies the person: everything that must be gone.
SECRETS=(欧阳秘密 欧阳机密 13987654321 '139-8765-4321' 13911112222
    '139 1111 2222' 010-88887777 88887777 Secret.Person secret.person
    secretwx88 秘密路1号 秘密备注 秘密属性 1980-01-02)

# Keeps a connection to the database open (outside any transaction), as a
# long-running reader would, so that the -wal file is not removed when
# the commands end: what is in it stays there to be looked at.
hold_open() {
	rm -f "$T/release" "$T/opened"
	{
		echo 'SELECT count(*) FROM sqlite_master;'
		echo '.print opened'
		for ((n = 0; n < 1200; n++)); do [ -e "$T/release" ] && break; sleep 0.05; done
	} | sqlite3 "$CS_DB" > "$T/opened" &
	for ((n = 0; n < 1200; n++)); do grep -q opened "$T/opened" 2>/dev/null && break; sleep 0.05; done
	grep -q opened "$T/opened"
}

# A customer with every personal field, changed once (so the change log
# holds old values), with a duplicate merged into it, tickets found by
# phone, a revisit task and an attempt; and a bystander K1.
person() {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	cat > "$T/c.csv" <<'CSV'
code,name,phone,phone2,email,wechat,address,birthday,notes,attr.secret
S1,欧阳秘密,+86 139-8765-4321,(010)8888 7777,Secret.Person@Example.com,secretwx88,秘密路1号,1980-01-02,秘密备注,秘密属性
S2,欧阳秘密,13987654321,,,,,,,
K1,普通人,13800000001,,,,,,,
CSV
	cs-customer import "$T/c.csv" 2>/dev/null
	printf 'code,name,phone\nS1,欧阳机密,139 1111 2222\n' | cs-customer import - 2>/dev/null
	printf 'external_id,customer,type,channel,created_at,subject\nE1,13911112222,consult,phone,2026-11-20T10:00,咨询\n' |
	    cs-ticket import - 2>/dev/null
	cs-ticket new S1 --type complaint --subject 投诉 > /dev/null
	cs-customer merge S1 S2 2>/dev/null
	printf 'code\nS1\nK1\n' | cs-revisit plan --reason 关怀 - 2>/dev/null
	cs-revisit log 1 --result reached --note 已联系 --score 5 2>/dev/null
	[ "$(q "SELECT count(*) FROM change_log WHERE old_value = '欧阳秘密'")" -ge 1 ]
}

# Prints each secret found in the given files; fails when one is.
nowhere() {
	local f s bad=0
	for f in "$@"; do
		[ -e "$f" ] || continue
		for s in "${SECRETS[@]}"; do
			if grep -qaF -- "$s" "$f"; then
				echo "${f##*/} still holds $s"
				bad=1
			fi
		done
	done
	return $bad
}

@test "erase leaves no trace of the person in the file nor its -wal, while another connection is open" {
	cs-db init 2>/dev/null
	hold_open
	person
	# before: the person is there, in the file or the -wal
	run nowhere "$CS_DB" "$CS_DB-wal"
	[ "$status" -eq 1 ]
	run cs-customer erase S1
	[ "$status" -eq 0 ]
	[ "$output" = "cs-customer: erased customer 1" ]
	q 'PRAGMA wal_checkpoint' > /dev/null
	[ -e "$CS_DB-wal" ]
	nowhere "$CS_DB" "$CS_DB-wal"
	# not in any table, view or log either
	sqlite3 "$CS_DB" .dump > "$T/dump.sql"
	nowhere "$T/dump.sql"
	touch "$T/release"
	wait
	nowhere "$CS_DB" "$CS_DB-wal"
	# the counts stay: the tickets and the task are still there, and the
	# bystander is untouched
	[ "$(q 'SELECT count(*) FROM ticket')" -eq 2 ]
	[ "$(q "SELECT status FROM customer WHERE code = 'S1'")" = erased ]
	[ "$(q "SELECT status FROM customer WHERE code = 'S2'")" = merged ]
	[ "$(q "SELECT name || ' ' || phone FROM customer WHERE code = 'K1'")" = "普通人 13800000001" ]
	run cs-db check
	[ "$status" -eq 0 ]
}

@test "erase while another command is in the middle of a read: it says the -wal keeps old copies, which go when that command ends" {
	cs-db init 2>/dev/null
	person
	rm -f "$T/release" "$T/opened"
	{
		echo 'BEGIN;'
		echo 'SELECT count(*) FROM customer;'
		echo '.print opened'
		for ((n = 0; n < 1200; n++)); do [ -e "$T/release" ] && break; sleep 0.05; done
		echo 'COMMIT;'
	} | sqlite3 "$CS_DB" > "$T/opened" &
	for ((n = 0; n < 1200; n++)); do grep -q opened "$T/opened" 2>/dev/null && break; sleep 0.05; done
	grep -q opened "$T/opened"
	CS_BUSY_TIMEOUT=300 run cs-customer erase S1
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "cs-customer: erased customer 1" ]
	[[ "${lines[1]}" == "cs-customer: erase: the database's -wal file keeps old copies until every command using the database now has ended"* ]]
	touch "$T/release"
	wait
	cs-customer list > /dev/null
	nowhere "$CS_DB" "$CS_DB-wal"
}

@test "the database, its -wal and -shm, and backups are 0600 whatever the umask" {
	umask 000
	person
	hold_open
	cs-ticket new K1 --type consult > /dev/null
	[ "$(stat -c %a "$CS_DB")" = 600 ]
	[ "$(stat -c %a "$CS_DB-wal")" = 600 ]
	[ "$(stat -c %a "$CS_DB-shm")" = 600 ]
	[ "$(stat -c %a "$(dirname "$CS_DB")")" = 700 ]
	cs-db backup "$T/b.db" 2>/dev/null
	[ "$(stat -c %a "$T/b.db")" = 600 ]
	# a backup replaces an older, readable file of that name: 0600 too
	rm "$T/b.db"
	echo old > "$T/b.db"
	chmod 644 "$T/b.db"
	cs-db backup "$T/b.db" 2>/dev/null
	[ "$(stat -c %a "$T/b.db")" = 600 ]
	[ "$(sqlite3 "$T/b.db" 'PRAGMA integrity_check')" = ok ]
	# restore keeps the one it replaces as .bak, 0600 as well
	cs-db restore "$T/b.db" 2>/dev/null
	[ "$(stat -c %a "$CS_DB.bak")" = 600 ]
	[ "$(stat -c %a "$CS_DB")" = 600 ]
	# the rejects of an import hold customer data: 0600
	printf 'code,name,phone\nR1,甲,12\n' > "$T/bad.csv"
	cs-customer import --skip-invalid "$T/rejects.csv" "$T/bad.csv" 2>/dev/null
	[ "$(stat -c %a "$T/rejects.csv")" = 600 ]
	touch "$T/release"
	wait
}

@test "a backup made after erase holds no trace of the person" {
	person
	cs-customer erase S1 2>/dev/null
	cs-db backup "$T/after.db" 2>/dev/null
	nowhere "$T/after.db"
	[ "$(sqlite3 "$T/after.db" 'SELECT count(*) FROM customer')" -eq 3 ]
}
