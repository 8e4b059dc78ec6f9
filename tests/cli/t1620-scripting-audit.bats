#!/usr/bin/env bats
# Scripting and cron audit: what a team's shell scripts and cron jobs lean
# on, across every subcommand of every binary (SPEC "Conventions every
# binary follows", cs(7)): help, usage errors and exit statuses, output
# formats, the pipes from one command's list into the next, the database
# path and the actor from the environment, locks, full disks and closed
# pipes.  A test that passes documents behaviour a script may rely on; a
# test that fails is a finding of the audit.
load helper
bats_require_minimum_version 1.5.0

BINS="customer agent ticket revisit report kb db"
MAN="$BATS_TEST_DIRNAME/../../share/man"

# A holder left in the background by a failed test must not hang bats; a
# folder made for another user goes.
teardown() {
	touch "$T/release"
	[ -z "${OTHER:-}" ] || { chmod -R u+rwX "$OTHER"; rm -rf "$OTHER"; }
}

q() { sqlite3 "$CS_DB" "$1"; }

# The subcommands that cs-NAME --help lists.
subs() {
	cs-$1 --help | awk '/^commands:/ { f = 1; next } f && /^  [a-z]/ { print $1 }'
}

# The roster (li.na, wang.wei, zhang.min inactive) and a reviewer rev.a;
# customers C001-C006 (ids 1-6); ticket 1 (C001 complaint) resolved by
# li.na and rated (which plans revisit task 1, 投诉回访), ticket 2 (C002)
# resolved by wang.wei, ticket 3 (C003) new; article 1 published; a qa
# form; the vip customers (1, 3, 6) planned and assigned for 春节关怀
# (tasks 2-4).
world() {
	staff_and_customers
	cs-agent add rev.a --role reviewer > /dev/null
	cs-ticket new C001 -t complaint -s 投诉 -a li.na > /dev/null
	cs-ticket new C002 -t consult -s 咨询 -a wang.wei > /dev/null
	cs-ticket new C003 -t tech -s 技术 -p urgent > /dev/null
	cs-ticket start 1 > /dev/null 2>&1
	cs-ticket resolve 1 --resolution 已退款 --actor li.na > /dev/null 2>&1
	cs-ticket rate 1 4 > /dev/null 2>&1
	cs-ticket reply 2 您好 --actor wang.wei > /dev/null 2>&1
	cs-ticket resolve 2 --actor wang.wei > /dev/null 2>&1
	cs-kb add --title 退货流程 --body '退货 请先联系客服' --category 售后 > /dev/null
	cs-kb submit 1 > /dev/null 2>&1
	cs-kb approve 1 --actor rev.a > /dev/null 2>&1
	cs-ticket qa-form set 标准 礼貌=40 解决=60 > /dev/null 2>&1
	cs-customer list --tag vip | cs-revisit plan -r 春节关怀 --due today - 2> /dev/null
	cs-revisit assign > /dev/null 2>&1
	[ "$(q "SELECT status FROM v_articles WHERE id = 1")" = published ]
	[ "$(q "SELECT count(*) FROM v_revisits WHERE reason = '春节关怀'")" -eq 3 ]
}

# Every command that prints a list or a record, one a line (the world's
# ids).
readers() {
	cat <<'EOF'
cs-customer list
cs-customer export
cs-customer show 1
cs-customer dedupe
cs-agent list
cs-agent show li.na
cs-agent leave
cs-agent target list
cs-ticket list
cs-ticket show 1
cs-ticket sla list
cs-ticket calendar list
cs-ticket type list
cs-ticket overdue
cs-ticket sample 2026-W48 --per-agent 2
cs-ticket qa-form list
cs-revisit list
cs-revisit summary 2026-W48
cs-report show 2026-W48
cs-report scorecard 2026-W48
cs-kb list
cs-kb search 退货
cs-kb history 1
cs-kb gaps 2026-W48
cs-kb show 1
cs-db check
cs-db stats
cs-db views
EOF
}

# Commands that write, one a line, for the lock test.
writers() {
	cat <<'EOF'
cs-customer add --name 新客户
cs-customer tag 1 --add 锁
cs-agent add new.one
cs-agent target set csat_mean>=4
cs-ticket new C001 -t consult -s 锁
cs-ticket comment 3 备注
cs-ticket assign 3 li.na
cs-revisit plan -r 锁 --every 30d --segment vip
cs-revisit log 1 --result busy
cs-kb vote 1 -y
cs-kb add --title 新文章 --body 正文
EOF
}

# A folder another user can reach, and a command run as that user: as
# root, permissions do not bind, so the command runs as nobody.
other_dir() {
	OTHER=$(mktemp -d "${TMPDIR:-/tmp}/cs-t1620.XXXXXX")
	chmod 755 "$OTHER"
	mkdir "$OTHER/d"
	cp "$CS_DB" "$OTHER/d/cs.db"
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

# ---------------------------------------------------------------- help

@test "--help, -h and 'help COMMAND' of every binary and subcommand: usage on stdout, exit 0, nothing on stderr" {
	local b s a bad=
	for b in $BINS; do
		for a in --help -h; do
			run --separate-stderr cs-$b $a
			[ "$status" -eq 0 ] && [[ "$output" == "usage: cs-$b "* ]] &&
			    [ -z "$stderr" ] || bad+=" [cs-$b $a]"
		done
		run --separate-stderr cs-$b --version
		[ "$status" -eq 0 ] && [[ "$output" == "cs-$b "* ]] || bad+=" [cs-$b --version]"
		for s in $(subs $b); do
			for a in "$s --help" "$s -h" "help $s"; do
				run --separate-stderr cs-$b $a
				[ "$status" -eq 0 ] && [[ "$output" == "usage: cs-$b $s"* ]] &&
				    [ -z "$stderr" ] || bad+=" [cs-$b $a: $status]"
			done
		done
	done
	[ -z "$bad" ] || { echo "bad:$bad"; false; }
}

@test "the help of every subcommand lists every option its man page SYNOPSIS gives it" {
	run python3 - "$MAN" "$CS_BIN" <<'PY'
import re, subprocess, sys
man, bindir = sys.argv[1], sys.argv[2]
bad = []
for b in "customer agent ticket revisit report kb db".split():
    src = open(f"{man}/cs-{b}.1").read()
    syn = src.split(".Sh SYNOPSIS")[1].split(".Sh DESCRIPTION")[0]
    opts = {}
    for block in syn.split(".Nm")[1:]:
        cmds, flags = None, set()
        for line in block.strip().split("\n"):
            m = re.match(r"\.Cm (.*)", line)
            if m and cmds is None:
                cmds = [p.split()[0] for p in m.group(1).split("|") if p.split() and re.fullmatch(r"[a-z][a-z-]*", p.split()[0])]
                continue
            for f in re.findall(r"Fl (-?[A-Za-z0-9][A-Za-z0-9-]*)", line):
                flags.add("-" + f)
        for c in cmds or []:
            opts.setdefault(c, set()).update(flags)
    for c, flags in opts.items():
        if c in ("help",):
            continue
        h = subprocess.run([f"{bindir}/cs-{b}", c, "--help"], capture_output=True, text=True)
        if h.returncode != 0:
            bad.append(f"cs-{b} {c}: --help exit {h.returncode}")
            continue
        have = set(re.findall(r"(?<![\w-])(--?[A-Za-z0-9][A-Za-z0-9-]*)", h.stdout))
        for f in sorted(flags - have):
            bad.append(f"cs-{b} {c}: man has {f}, --help lacks it")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
	echo "$output"
	[ "$status" -eq 0 ]
}

# ---------------------------------------------------------- usage errors

@test "every subcommand: an unknown option, a bad -f and a -f without value are usage errors (2), stdout empty, 'cs-X: ' on stderr" {
	world
	sum=$(dbsum)
	local b s a bad=
	for b in $BINS; do
		for s in $(subs $b); do
			for a in --bogus "-f xml" "-f"; do
				run --separate-stderr cs-$b $s $a < /dev/null
				[ "$status" -eq 2 ] && [ -z "$output" ] && [[ "$stderr" == "cs-$b: "* ]] ||
				    bad+=" [cs-$b $s $a: $status]"
			done
		done
	done
	[ -z "$bad" ] || { echo "bad:$bad"; false; }
	[ "$(dbsum)" = "$sum" ]
}

@test "an extra operand is a usage error (2) with nothing on stdout, for every command that takes none or one" {
	world
	local c bad=
	while read -r c; do
		run --separate-stderr $c < /dev/null
		[ "$status" -eq 2 ] && [ -z "$output" ] || bad+=" [$c: $status]"
	done <<'EOF'
cs-customer list extra
cs-customer export extra
cs-customer dedupe extra
cs-customer show 1 2
cs-customer erase 1 2
cs-agent list extra
cs-agent show li.na wang.wei
cs-agent target list extra
cs-ticket list extra
cs-ticket overdue extra
cs-ticket show 1 2
cs-ticket rate 1 4 5
cs-ticket sla list extra
cs-ticket type list extra
cs-ticket calendar list extra
cs-ticket sample 2026-W48 2026-W47 --per-agent 1
cs-revisit assign extra
cs-revisit list extra
cs-revisit summary 2026-W48 extra
cs-report show 2026-W48 2026-W47
cs-report scorecard 2026-W48 extra
cs-kb list extra
cs-kb show 1 2
cs-kb history 1 2
cs-kb gaps 2026-W48 extra
cs-db check extra
cs-db stats extra
cs-db views extra
EOF
	[ -z "$bad" ] || { echo "bad:$bad"; false; }
}

# --------------------------------------------------------------- formats

@test "every list-like command writes CSV to a pipe by default, the same as -f csv" {
	world
	local c bad=
	while read -r c; do
		[ "$c" = "cs-kb show 1" ] && continue	# counts a view each time
		[ "$($c 2>/dev/null)" = "$($c -f csv 2>/dev/null)" ] || bad+=" [$c]"
	done < <(readers)
	[ -z "$bad" ] || { echo "differ:$bad"; false; }
}

@test "every list-like command: -f json is one array of objects (kb show: one object), -f jsonl one object a line, headers snake_case" {
	world
	local c i=0 bad=
	mkdir "$T/out"
	while read -r c; do
		i=$((i + 1))
		echo "$c" > "$T/out/$i.cmd"
		$c -f json > "$T/out/$i.json" 2>/dev/null || true
		$c -f jsonl > "$T/out/$i.jsonl" 2>/dev/null || true
		$c -f csv 2>/dev/null | head -n 1 | tr ',' '\n' |
		    grep -qvE '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)?$' && bad+=" [$c header]"
	done < <(readers)
	python3 - "$T/out" <<'PY' || bad+=" json"
import glob, json, sys
bad = []
for f in sorted(glob.glob(sys.argv[1] + "/*.cmd")):
    c = open(f).read().strip()
    base = f[:-4]
    try:
        d = json.load(open(base + ".json"))
        ok = isinstance(d, list) and all(isinstance(o, dict) for o in d)
        ok = ok or (c == "cs-kb show 1" and isinstance(d, dict))
        for l in open(base + ".jsonl"):
            ok = ok and isinstance(json.loads(l), dict)
    except ValueError as e:
        ok = False
    if not ok:
        bad.append(c)
print("bad:", bad)
sys.exit(1 if bad else 0)
PY
	[ -z "$bad" ] || { echo "bad:$bad"; false; }
}

@test "every list-like command: --no-header drops exactly the header line of csv and tsv" {
	world
	local c f a b bad=
	while read -r c; do
		[ "$c" = "cs-kb show 1" ] && continue	# counts a view each time
		for f in csv tsv; do
			a=$($c -f $f 2>/dev/null | sed 1d | md5sum)
			b=$($c -f $f --no-header 2>/dev/null | md5sum)
			[ "$a" = "$b" ] || bad+=" [$c -f $f]"
		done
	done < <(readers)
	[ -z "$bad" ] || { echo "bad:$bad"; false; }
}

@test "an empty result: json is [], jsonl is nothing, csv is the header alone" {
	staff_and_customers
	local c bad=
	while read -r c; do
		[ "$($c -f json 2>/dev/null | tr -d ' \n')" = "[]" ] || bad+=" [$c json]"
		[ -z "$($c -f jsonl 2>/dev/null)" ] || bad+=" [$c jsonl]"
		[ "$($c -f csv 2>/dev/null | wc -l)" -eq 1 ] || bad+=" [$c csv]"
	done <<'EOF'
cs-customer list --city 拉萨
cs-customer export --city 拉萨
cs-customer dedupe
cs-agent list --team 客服部
cs-agent leave
cs-agent target list
cs-ticket list
cs-ticket sla list
cs-ticket overdue
cs-ticket sample 2026-W48 --per-agent 2
cs-ticket qa-form list
cs-revisit list
cs-revisit assign --dry-run
cs-kb list
cs-kb search 退货
cs-kb gaps 2026-W48
EOF
	[ -z "$bad" ] || { echo "bad:$bad"; false; }
}

@test "JSON: ids, counts, weights and scores are numbers in every list, never strings" {
	world
	cs-revisit log 2 --result reached --score 5 > /dev/null 2>&1
	local c i=0
	mkdir "$T/out"
	while read -r c; do
		i=$((i + 1))
		echo "$c" > "$T/out/$i.cmd"
		$c -f json > "$T/out/$i.json" 2>/dev/null || true
	done < <(readers; echo "cs-revisit list --status all")
	run python3 - "$T/out" <<'PY'
import glob, json, re, sys
num = re.compile(r"^(id|\w+_id|attempts|version|versions|views|helpful|unhelpful|max|weight|capacity|csat|last_score|revisit_days|group|tickets|first_response_h|resolution_h|overdue_h)$")
bad = []
for f in sorted(glob.glob(sys.argv[1] + "/*.cmd")):
    d = json.load(open(f[:-4] + ".json"))
    d = d if isinstance(d, list) else [d]
    keys = {k for o in d for k, v in o.items() if num.match(k) and v is not None and not isinstance(v, (int, float))}
    if keys:
        bad.append(open(f).read().strip() + ": " + ",".join(sorted(keys)))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "tsv writes a tab, a line break, a CR and a backslash in a field as \\t \\n \\r \\\\ (cs(7))" {
	cs-customer add --code T1 --name 'a\b' --notes "$(printf 'x\ty\nz\rw')" > /dev/null
	run cs-customer export -f tsv
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[1]}" == *$'\t''a\\b'$'\t'* ]]
	[[ "${lines[1]}" == *$'\t''x\ty\nz\rw'* ]]
}

@test "a command that makes one thing prints its id alone, or with -f json the object in the columns of its list" {
	staff_and_customers
	id=$(cs-ticket new C001 -t consult -s 一)
	[ "$id" = 1 ]
	run --separate-stderr cs-ticket new C001 -t consult -s 二 -f json
	[ "$(printf '%s' "$output" | jq -c 'keys_unsorted')" = \
	    "$(cs-ticket list -f json | jq -c '.[0] | keys_unsorted')" ]
	[ "$(printf '%s' "$output" | jq .id)" = 2 ]
	id=$(cs-customer add --name 新人)
	[ "$id" = 7 ]
	run --separate-stderr cs-customer add --name 又一人 -f json
	[ "$(printf '%s' "$output" | jq -c 'keys_unsorted')" = \
	    "$(cs-customer list -f json | jq -c '.[0] | keys_unsorted')" ]
	[ "$(cs-agent add a.b)" = a.b ]
	run --separate-stderr cs-agent add a.c -f json
	[ "$(printf '%s' "$output" | jq -r .login)" = a.c ]
	[ "$(cs-kb add --title 标题 --body 正文)" = 1 ]
	run --separate-stderr cs-kb add --title 标题二 --body 正文 -f json
	[ "$(printf '%s' "$output" | jq -r '.id, .status')" = $'2\ndraft' ]
}

# ----------------------------------------------------------------- pipes

@test "cs-customer list as csv, json and jsonl | cs-revisit plan - plans exactly the listed customers" {
	staff_and_customers
	for f in csv json jsonl; do
		cs-customer list --tag vip -f $f | cs-revisit plan -r "关怀$f" - 2>/dev/null
		[ "$(q "SELECT group_concat(customer_id) FROM (SELECT customer_id FROM v_revisits WHERE reason = '关怀$f' ORDER BY customer_id)")" = 1,3,6 ]
	done
}

@test "cs-ticket list and cs-revisit list | cs-revisit plan - plan the customer_id, not the row's own id" {
	staff_and_customers
	cs-ticket new C006 -t consult -s 一 > /dev/null
	cs-ticket new C005 -t consult -s 二 > /dev/null
	cs-ticket list -f jsonl | cs-revisit plan -r 工单关怀 - 2>/dev/null
	[ "$(q "SELECT group_concat(customer_id) FROM (SELECT customer_id FROM v_revisits WHERE reason = '工单关怀' ORDER BY customer_id)")" = 5,6 ]
	cs-revisit list | cs-revisit plan -r 再访 - 2>/dev/null
	[ "$(q "SELECT group_concat(customer_id) FROM (SELECT customer_id FROM v_revisits WHERE reason = '再访' ORDER BY customer_id)")" = 5,6 ]
}

@test "cs-ticket overdue as csv, json and jsonl | cs-ticket assign - assigns each overdue ticket once" {
	staff_and_customers
	cs-ticket sla set consult normal --first-response 1h --resolution 8h > /dev/null 2>&1
	cs-ticket new C001 -t consult -s 一 > /dev/null
	cs-ticket new C002 -t consult -s 二 > /dev/null
	export CS_NOW=2026-11-27T10:00:00
	[ "$(cs-ticket overdue | wc -l)" -eq 5 ]	# two rows a ticket
	for f in csv json jsonl; do
		n=$(q "SELECT count(*) FROM v_ticket_events WHERE field = 'assignee'")
		cs-ticket overdue -f $f | cs-ticket assign - wang.wei
		[ "$(q "SELECT group_concat(assignee) FROM v_tickets")" = wang.wei,wang.wei ]
		[ "$(q "SELECT count(*) FROM v_ticket_events WHERE field = 'assignee'")" -eq $((n + 2)) ]
		cs-ticket assign 1 2 li.na
	done
}

@test "cs-customer dedupe | cs-revisit plan - plans the duplicates' customers" {
	staff_and_customers
	cs-customer add --name 王芳 --phone 13812345678 > /dev/null
	run cs-customer dedupe
	[ "$status" -eq 0 ]
	cs-customer dedupe -f jsonl | cs-revisit plan -r 核对 - 2>/dev/null
	[ "$(q "SELECT group_concat(customer_id) FROM (SELECT customer_id FROM v_revisits WHERE reason = '核对' ORDER BY customer_id)")" = 1,7 ]
}

@test "export | import and agent list | import in json and jsonl: a fresh database gets the same records" {
	staff_and_customers
	for f in json jsonl; do
		new="$T/$f.db"
		cs-agent list -f $f | cs-agent --db "$new" import - 2>/dev/null
		[ "$(cs-agent --db "$new" list)" = "$(cs-agent list)" ]
		cs-customer export -f $f | cs-customer --db "$new" import - 2>/dev/null
		[ "$(cs-customer --db "$new" export)" = "$(cs-customer export)" ]
	done
}

@test "cs-ticket list | cs-customer tag - tags the tickets' customers (customer_id), not the customers whose ids are the ticket ids" {
	staff_and_customers
	cs-ticket new C006 -t complaint -s 一 > /dev/null	# ticket 1, customer 6
	cs-ticket new C005 -t complaint -s 二 > /dev/null	# ticket 2, customer 5
	cs-ticket list --type complaint | cs-customer tag - --add 投诉客户
	run cs-customer list --tag 投诉客户 -f csv --no-header
	echo "tagged: $(echo "$output" | cut -d, -f1-3 | tr '\n' ' ')"
	[ "$(echo "$output" | cut -d, -f1 | tr '\n' ' ')" = "5 6 " ]
}

@test "cs-revisit list | cs-customer invalidate - marks the sheet's customers, not the customers whose ids are the task ids" {
	staff_and_customers
	cs-customer list --tag vip | cs-revisit plan -r 春节关怀 - 2>/dev/null	# tasks 1-3: customers 1, 3, 6
	cs-revisit list --reason 春节关怀 | cs-customer invalidate - --reason refused 2>/dev/null
	run cs-customer list --status invalid -f csv --no-header
	echo "invalid: $(echo "$output" | cut -d, -f1-3 | tr '\n' ' ')"
	[ "$(echo "$output" | cut -d, -f1 | tr '\n' ' ')" = "1 3 6 " ]
}

# -------------------------------------------------------- exit statuses

@test "a typo in cs-customer list --owner is refused (65), as cs-ticket list --assignee and cs-revisit list --agent refuse it" {
	staff_and_customers
	run --separate-stderr cs-ticket list --assignee li.nna
	[ "$status" -eq 65 ]
	run --separate-stderr cs-revisit list --agent li.nna
	[ "$status" -eq 65 ]
	run --separate-stderr cs-customer list --owner li.nna
	echo "cs-customer list --owner li.nna: status $status, stdout: $output"
	[ "$status" -eq 65 ]
	[ -z "$output" ]
}

# ----------------------------------------------------------- environment

@test "--actor, then CS_USER, then USER, then 'unknown' is recorded in the change log" {
	USER=u1 CS_USER=c1 cs-agent add x1 --actor a1 > /dev/null
	USER=u1 CS_USER=c1 cs-agent add x2 > /dev/null
	unset CS_USER
	USER=u1 cs-agent add x3 > /dev/null
	env -u USER cs-agent add x4 > /dev/null
	USER=u1 CS_USER= cs-agent add x5 > /dev/null
	[ "$(q "SELECT group_concat(actor) FROM (SELECT actor FROM v_changes WHERE field IS NULL ORDER BY id)")" = a1,c1,u1,unknown,u1 ]
}

@test "the database: --db before CS_DB before an absolute XDG_DATA_HOME before HOME; a relative XDG_DATA_HOME is ignored" {
	export HOME="$T/home"
	mkdir -p "$HOME"
	CS_DB="$T/env.db" cs-agent --db "$T/opt.db" add a1 > /dev/null
	CS_DB="$T/env.db" cs-agent add a2 --db "$T/opt.db" > /dev/null
	[ "$(sqlite3 "$T/opt.db" 'SELECT group_concat(login) FROM v_agents')" = a1,a2 ]
	[ ! -e "$T/env.db" ]
	unset CS_DB
	XDG_DATA_HOME="$T/xdg" cs-agent add a3 > /dev/null
	[ "$(sqlite3 "$T/xdg/cs/cs.db" 'SELECT login FROM v_agents')" = a3 ]
	(cd "$T" && XDG_DATA_HOME=rel cs-agent add a4 > /dev/null)
	[ ! -e "$T/rel" ]
	[ "$(sqlite3 "$HOME/.local/share/cs/cs.db" 'SELECT login FROM v_agents')" = a4 ]
	[ "$(stat -c %a "$HOME/.local/share/cs/cs.db")" = 600 ]
}

@test "HOME unset and no CS_DB: the default database is not looked for under the current folder" {
	mkdir -p "$T/cwd"
	cd "$T/cwd"
	run --separate-stderr env -u HOME -u XDG_DATA_HOME -u CS_DB cs-agent list
	echo "status $status: $stderr"
	[[ "$stderr" != *"at ./"* ]]
	[[ "$stderr" != *"at .local"* ]]
}

@test "a missing database folder: every reader says 'no database at PATH', exits 66 and creates nothing" {
	export CS_DB="$T/nowhere/x/cs.db"
	local c bad=
	while read -r c; do
		run --separate-stderr $c
		[ "$status" -eq 66 ] && [ -z "$output" ] && [[ "$stderr" == *"no database at $CS_DB"* ]] ||
		    bad+=" [$c: $status]"
		[ ! -e "$T/nowhere" ] || { bad+=" [$c created it]"; rm -rf "$T/nowhere"; }
	done < <(readers; echo "cs-customer dedupe --merge --dry-run"; echo "cs-revisit plan -r x --every 30d --segment vip --dry-run")
	[ -z "$bad" ] || { echo "bad:$bad"; false; }
}

@test "a text file or random bytes as the database: a clear message, exit 65, stdout empty, the file untouched" {
	echo 'hello world' > "$T/text.db"
	head -c 4096 /dev/urandom > "$T/rnd.db"
	for f in text rnd; do
		sum=$(md5sum < "$T/$f.db")
		for c in "cs-agent list" "cs-agent add z" "cs-db check" "cs-report show 2026-W48"; do
			CS_DB="$T/$f.db" run --separate-stderr $c
			[ "$status" -eq 65 ]
			[ -z "$output" ]
			[[ "$stderr" == *"is not a cs database"* ]]
		done
		[ "$(md5sum < "$T/$f.db")" = "$sum" ]
	done
}

@test "on a terminal the table header is bold, and plain with NO_COLOR" {
	staff_and_customers
	script -qec "cs-agent list" /dev/null > "$T/tty" < /dev/null
	grep -q $'\e\[1m' "$T/tty"
	NO_COLOR=1 script -qec "cs-agent list" /dev/null > "$T/tty" < /dev/null
	grep -q 'login' "$T/tty"
	! grep -q $'\e\[' "$T/tty"
}

@test "a read-only database: every reader works for another user, writers exit 74 and change nothing" {
	world
	other_dir
	export CS_DB="$OTHER/d/cs.db"
	chmod 400 "$CS_DB"
	sum=$(dbsum)
	local c bad=
	while read -r c; do
		[ "$c" = "cs-db check" ] && continue	# its own test below
		rc=0
		as_other $c > /dev/null 2>&1 || rc=$?
		[ $rc -le 1 ] || bad+=" [$c: $rc]"
	done < <(readers)
	for c in "cs-customer add --name x" "cs-ticket comment 1 备注" "cs-kb vote 1 -y"; do
		run as_other $c
		[ "$status" -eq 74 ] || bad+=" [$c: $status]"
	done
	[ -z "$bad" ] || { echo "bad:$bad"; false; }
	[ "$(dbsum)" = "$sum" ]
}

# ---------------------------------------------------- full disk, pipes

@test "every list-like command writing to a full disk: exit 74 and one message, in csv, json and table" {
	world
	local c f bad=
	while read -r c; do
		for f in csv json table; do
			rc=0
			$c -f $f > /dev/full 2> "$T/err" || rc=$?
			[ $rc -eq 74 ] && [ "$(wc -l < "$T/err")" -eq 1 ] &&
			    grep -q '^cs-[a-z]*: write error' "$T/err" || bad+=" [$c -f $f: $rc]"
		done
	done < <(readers)
	[ -z "$bad" ] || { echo "bad:$bad"; false; }
}

@test "a pipe closed by its reader: no message; under pipefail the status is SIGPIPE's (141)" {
	roster
	cs-agent import "$T/agents.csv" 2>/dev/null
	{
		echo code,name,phone
		for ((i = 0; i < 20000; i++)); do printf 'K%05d,客户%d,139%08d\n' $i $i $i; done
	} > "$T/many.csv"
	cs-customer import "$T/many.csv" 2>/dev/null
	for c in "cs-customer export" "cs-customer list -f json" "cs-customer list -f table"; do
		run --separate-stderr bash -c "set -o pipefail; $c | head -n 1 > /dev/null"
		[ -z "$stderr" ]
		[ "$status" -eq 141 ]
	done
}

# ------------------------------------------------------- locks and cron

@test "a write lock held past CS_BUSY_TIMEOUT: every writer exits 75 saying so, stdout empty; every reader goes on" {
	world
	sum=$(dbsum)
	hold_lock
	local c bad=
	while read -r c; do
		CS_BUSY_TIMEOUT=200 run --separate-stderr $c < /dev/null
		[ "$status" -eq 75 ] && [ -z "$output" ] && [[ "$stderr" == *"stayed busy"* ]] ||
		    bad+=" [$c: $status]"
	done < <(writers)
	while read -r c; do
		[ "$c" = "cs-db check" ] && continue	# checks the index with a write
		CS_BUSY_TIMEOUT=200 run --separate-stderr $c < /dev/null
		[ "$status" -le 1 ] || bad+=" [$c: $status]"
	done < <(readers)
	touch "$T/release"
	wait
	[ -z "$bad" ] || { echo "bad:$bad"; false; }
	[ "$(dbsum)" = "$sum" ]
}

@test "one filled-in sheet imported four times at once: each attempt recorded once" {
	world
	cs-revisit list --reason 春节关怀 > "$T/sheet.csv"
	python3 - "$T/sheet.csv" "$T/filled.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
w = csv.DictWriter(open(sys.argv[2], "w", newline=""), fieldnames=rows[0].keys())
w.writeheader()
for i, r in enumerate(rows):
    r["result"] = ["reached", "no-answer", "busy"][i % 3]
    r["score"] = "5" if i % 3 == 0 else ""
    w.writerow(r)
PY
	for i in 1 2 3 4; do cs-revisit import "$T/filled.csv" 2>/dev/null & done
	wait
	[ "$(q 'SELECT count(*), count(DISTINCT revisit_id) FROM v_revisit_attempts')" = "3|3" ]
}
