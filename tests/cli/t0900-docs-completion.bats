#!/usr/bin/env bats
# The man pages are clean mdoc and name every command and option that the
# binaries know; the shell completions offer what the binaries say.
load helper

TOP="$BATS_TEST_DIRNAME/../.."
MAN="$TOP/share/man"
COMP="$TOP/completions"

# The page as text, without the overstrike of bold and underline.
page() {
	mandoc -Tutf8 "$MAN/$1" | sed 's/.\x08//g'
}

# comp FILE WORD...: what the bash completion in FILE offers for the last
# WORD, one a line, found through "complete -p" as bash itself would.
comp() {
	local file=$1
	shift
	bash -c '
		source "$1" || exit 1
		shift
		fn=$(complete -p "$1" | sed -n "s/.* -F \([^ ]*\) .*/\1/p")
		[ -n "$fn" ] || exit 1
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		"$fn" "$1" "${COMP_WORDS[COMP_CWORD]}" \
		    "${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}"
	' bash "$file" "$@"
}

# has WORD: the output of the last run has WORD as a line of its own.
has() {
	printf '%s\n' "$output" | grep -qxF -- "$1"
}

# The binaries that exist: one cmd/cs-NAME.c each.
bins() {
	for f in "$TOP"/cmd/cs-*.c; do
		f=${f##*/}
		printf '%s\n' "${f%.c}"
	done
}

@test "every man page passes mandoc -Tlint -W warning" {
	n=0
	for f in "$MAN"/*.[1-9]; do
		run mandoc -Tlint -W warning "$f"
		[ "$status" -eq 0 ] || { echo "$f: status $status"; false; }
		[ -z "$output" ] || { echo "$output"; false; }
		n=$((n + 1))
	done
	[ "$n" -ge 3 ]
	[ -f "$MAN/cs.7" ]
	[ "$(bins | wc -l)" -ge 4 ]
	for bin in $(bins); do
		[ -f "$MAN/$bin.1" ] || { echo "$bin.1 missing"; false; }
	done
}

@test "the man pages name every command and every long option" {
	for bin in $(bins); do
		text=$(page "$bin.1")
		subs=$("$bin" __complete)
		[ -n "$subs" ]
		for sub in $subs; do
			grep -Eq "^\.It Cm $sub( |\$)" "$MAN/$bin.1" ||
			    { echo "$bin.1: command $sub not an item"; false; }
			[ "$sub" = help ] && continue
			opts=$("$bin" __complete "$sub")
			[ -n "$opts" ]
			for o in $opts; do
				printf '%s\n' "$text" | grep -qw -- "$o" ||
				    { echo "$bin.1: $sub $o missing"; false; }
			done
		done
	done
}

@test "cs(7) has the exit statuses of common/err.c, the views and the binaries" {
	src=$(sed -n '/cs_exit_codes\[\] = {/,/^};/p' "$TOP/common/err.c")
	codes=$(printf '%s\n' "$src" | sed -n 's/.*{ CS_EX_\([A-Z]*\),.*/\1/p')
	[ "$(printf '%s\n' "$codes" | wc -l)" -eq 9 ]
	for name in $codes; do
		num=$(sed -n "s/.*CS_EX_$name = \([0-9]*\).*/\1/p" \
		    "$TOP/common/cs.h")
		[ -n "$num" ]
		grep -qx "\.It $num" "$MAN/cs.7" ||
		    { echo "exit status $num ($name) missing"; false; }
	done
	text=$(page cs.7)
	cs-agent add li.na >/dev/null
	run cs-db views -f csv --no-header
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -ge 3 ]
	for v in $(printf '%s\n' "${lines[@]}" | cut -d, -f1); do
		printf '%s\n' "$text" | grep -qw -- "$v" ||
		    { echo "view $v missing"; false; }
		for c in $(sqlite3 "$CS_DB" "SELECT name FROM pragma_table_info('$v')"); do
			printf '%s\n' "$text" | sed -n "/^     $v\$/,/^\$/p" |
			    grep -qw -- "$c" || { echo "$v.$c missing"; false; }
		done
	done
	for b in cs-customer cs-agent cs-ticket cs-revisit cs-report cs-kb cs-db; do
		printf '%s\n' "$text" | grep -qw -- "$b" ||
		    { echo "$b missing"; false; }
	done
	# the binaries that exist: in the list of commands, in the sentence
	# that says which exist, and in SEE ALSO
	for b in $(bins); do
		grep -qx "\.It Xr $b 1" "$MAN/cs.7" ||
		    { echo "cs.7: $b not in the list"; false; }
		sed -n '/^In this version/,/^exist\.$/p' "$MAN/cs.7" |
		    grep -q "^\.Xr $b 1" ||
		    { echo "cs.7: $b not said to exist"; false; }
		sed -n '/^\.Sh SEE ALSO/,/^\.Sh /p' "$MAN/cs.7" |
		    grep -q "^\.Xr $b 1" ||
		    { echo "cs.7: $b not in SEE ALSO"; false; }
	done
}

@test "every binary has a bash, a zsh and a fish completion" {
	for bin in $(bins); do
		[ -f "$COMP/bash/$bin" ] || { echo "bash/$bin missing"; false; }
		[ -f "$COMP/zsh/_$bin" ] || { echo "zsh/_$bin missing"; false; }
		[ -f "$COMP/fish/$bin.fish" ] ||
		    { echo "fish/$bin.fish missing"; false; }
		run bash -c "source '$COMP/bash/$bin' && complete -p $bin"
		[ "$status" -eq 0 ]
		[[ "$output" == *"-F "*" $bin" ]]
		# the commands, from the binary
		run comp "$COMP/bash/$bin" "$bin" ''
		[ "$status" -eq 0 ]
		for sub in $("$bin" __complete); do
			has "$sub" || { echo "bash: $bin $sub missing"; false; }
		done
	done
}

@test "bash: cs-agent completes commands, options, values, teams and logins" {
	run bash -c "source '$COMP/bash/cs-agent' && complete -p cs-agent"
	[ "$status" -eq 0 ]
	[[ "$output" == *"-F "*" cs-agent" ]]
	run comp "$COMP/bash/cs-agent" cs-agent li
	[ "$status" -eq 0 ]
	[ "$output" = list ]
	run comp "$COMP/bash/cs-agent" cs-agent ''
	has import && has deactivate
	run comp "$COMP/bash/cs-agent" cs-agent list --sk
	[ "$output" = --skill ]
	run comp "$COMP/bash/cs-agent" cs-agent list --format ''
	has json && has jsonl && has csv
	run comp "$COMP/bash/cs-agent" cs-agent list -f js
	has json && ! has csv
	run comp "$COMP/bash/cs-agent" cs-agent add x --role s
	[ "$output" = supervisor ]
	cs-agent add li.na --team 售后组 --skills '投诉;退货' >/dev/null
	cs-agent add wang.wei --team 技术组 >/dev/null
	run comp "$COMP/bash/cs-agent" cs-agent list --team ''
	has 售后组 && has 技术组
	run comp "$COMP/bash/cs-agent" cs-agent list -t 售
	[ "$output" = 售后组 ]
	run comp "$COMP/bash/cs-agent" cs-agent list --skill ''
	has 投诉 && has 退货
	run comp "$COMP/bash/cs-agent" cs-agent show ''
	has li.na && has wang.wei
	run comp "$COMP/bash/cs-agent" cs-agent deactivate li.na w
	[ "$output" = wang.wei ]
	run comp "$COMP/bash/cs-agent" cs-agent --db "$CS_DB" leave l
	[ "$output" = li.na ]
}

@test "bash: an option value without a list, and import, complete file names" {
	touch "$T/花名册.csv" "$T/rejects.csv"
	cd "$T"
	run comp "$COMP/bash/cs-agent" cs-agent import 花
	[ "$output" = 花名册.csv ]
	run comp "$COMP/bash/cs-agent" cs-agent import --skip-invalid rej
	[ "$output" = rejects.csv ]
	run comp "$COMP/bash/cs-agent" cs-agent --db rej
	[ "$output" = rejects.csv ]
	# a flag takes no value: what follows is an operand
	run comp "$COMP/bash/cs-agent" cs-agent list --active --
	has --team
}

@test "bash: free text and a missing database offer nothing, silently" {
	cd "$T"
	touch "$T/notes.txt"
	out=$(comp "$COMP/bash/cs-agent" cs-agent show '' 2>&1)
	[ -z "$out" ]
	out=$(comp "$COMP/bash/cs-agent" cs-agent list --skill '' 2>&1)
	[ -z "$out" ]
	out=$(comp "$COMP/bash/cs-agent" cs-agent leave li.na --note '' 2>&1)
	[ -z "$out" ]
	out=$(comp "$COMP/bash/cs-agent" cs-agent li 2>&1)
	[ "$out" = list ]
	[ ! -e "$CS_DB" ]
	[ ! -e "$T/db" ]
}

@test "bash: cs-db completes its commands, options and backup files" {
	run bash -c "source '$COMP/bash/cs-db' && complete -p cs-db"
	[ "$status" -eq 0 ]
	[[ "$output" == *"-F "*" cs-db" ]]
	run comp "$COMP/bash/cs-db" cs-db ''
	for c in init migrate check backup restore stats views; do
		has "$c"
	done
	run comp "$COMP/bash/cs-db" cs-db res
	[ "$output" = restore ]
	run comp "$COMP/bash/cs-db" cs-db check --f
	[ "$output" = --format ]
	run comp "$COMP/bash/cs-db" cs-db stats --format ''
	has table && has json
	touch "$T/cs-2026-11.db"
	cd "$T"
	run comp "$COMP/bash/cs-db" cs-db restore cs-2026
	[ "$output" = cs-2026-11.db ]
}

@test "bash: cs-customer completes commands, options and values" {
	run comp "$COMP/bash/cs-customer" cs-customer inv
	[ "$output" = invalidate ]
	run comp "$COMP/bash/cs-customer" cs-customer list --seg
	[ "$output" = --segment ]
	run comp "$COMP/bash/cs-customer" cs-customer invalidate x --reason ''
	has invalid-number && has do-not-contact
	cs-customer add --name 王芳 --phone 13812345678 --city 北京 \
	    --segment vip >/dev/null
	run comp "$COMP/bash/cs-customer" cs-customer list --city ''
	[ "$output" = 北京 ]
	touch "$T/客户档案.csv"
	cd "$T"
	run comp "$COMP/bash/cs-customer" cs-customer import 客
	[ "$output" = 客户档案.csv ]
}

@test "bash: cs-ticket completes commands, options, values and operands" {
	run comp "$COMP/bash/cs-ticket" cs-ticket lis
	[ "$output" = list ]
	run comp "$COMP/bash/cs-ticket" cs-ticket li
	has list && has link
	run comp "$COMP/bash/cs-ticket" cs-ticket list --st
	[ "$output" = --status ]
	run comp "$COMP/bash/cs-ticket" cs-ticket list --status p
	[ "$output" = pending ]
	run comp "$COMP/bash/cs-ticket" cs-ticket new x -p ''
	has urgent && has low
	# types come from the database: nothing without one
	out=$(comp "$COMP/bash/cs-ticket" cs-ticket new x --type '' 2>&1)
	[ -z "$out" ]
	[ ! -e "$CS_DB" ]
	cs-agent add li.na >/dev/null
	run comp "$COMP/bash/cs-ticket" cs-ticket new x --type ''
	has complaint && has aftersales
	run comp "$COMP/bash/cs-ticket" cs-ticket new x -a ''
	[ "$output" = li.na ]
	run comp "$COMP/bash/cs-ticket" cs-ticket sla ''
	has list && has set && has rm
	run comp "$COMP/bash/cs-ticket" cs-ticket sla set co
	has complaint && has consult
	run comp "$COMP/bash/cs-ticket" cs-ticket sla set complaint h
	[ "$output" = high ]
	run comp "$COMP/bash/cs-ticket" cs-ticket sla set --calendar w
	[ "$output" = work ]
	run comp "$COMP/bash/cs-ticket" cs-ticket calendar ''
	has holiday && has workday && has hours && has import
	run comp "$COMP/bash/cs-ticket" cs-ticket assign 12 ''
	[ "$output" = li.na ]
	out=$(comp "$COMP/bash/cs-ticket" cs-ticket assign '' 2>&1)
	[ -z "$out" ]
	out=$(comp "$COMP/bash/cs-ticket" cs-ticket resolve 1 --stage '' 2>&1)
	[ -z "$out" ]
	touch "$T/2025工单.csv" "$T/cn-2025.csv"
	cd "$T"
	run comp "$COMP/bash/cs-ticket" cs-ticket import 2025
	[ "$output" = 2025工单.csv ]
	run comp "$COMP/bash/cs-ticket" cs-ticket calendar import cn
	[ "$output" = cn-2025.csv ]
}

@test "zsh: the completion files parse and offer the binaries' words" {
	command -v zsh >/dev/null || skip "zsh is not installed"
	for bin in $(bins); do
		zsh -n "$COMP/zsh/_$bin" || { echo "zsh -n _$bin"; false; }
		head -n 1 "$COMP/zsh/_$bin" | grep -qx "#compdef $bin" ||
		    { echo "_$bin: no #compdef line"; false; }
	done
	cs-agent add li.na --team 售后组 >/dev/null
	# compadd and _files stand in for compsys: they print what is offered.
	run zsh -f -c '
		compadd() { local a; for a in "$@"; do case $a in
		    (--) ;; (-a) print -rl -- "${(@P)2}"; return ;;
		    (*) print -r -- "$a" ;; esac; done }
		_files() { print -r -- "<files>" }
		fpath=("$1" $fpath)
		autoload -Uz _cs-agent _cs-db _cs-customer _cs-ticket
		words=(cs-agent list --team ""); CURRENT=4; PREFIX=; _cs-agent
		words=(cs-agent show ""); CURRENT=3; PREFIX=; _cs-agent
		words=(cs-agent import ""); CURRENT=3; PREFIX=; _cs-agent
		words=(cs-db ""); CURRENT=2; PREFIX=; _cs-db
		words=(cs-customer ""); CURRENT=2; PREFIX=; _cs-customer
		words=(cs-ticket new x --type ""); CURRENT=5; PREFIX=; _cs-ticket
		words=(cs-ticket sla set complaint ""); CURRENT=5; PREFIX=
		_cs-ticket
	' zsh "$COMP/zsh"
	[ "$status" -eq 0 ]
	has 售后组 && has li.na && has '<files>' && has restore
	has dedupe && has complaint && has urgent
	# a FILE value whose option lists no words: file names
	run zsh -f -c '
		compadd() { local a; for a in "$@"; do case $a in
		    (--) ;; (-a) print -rl -- "${(@P)2}"; return ;;
		    (*) print -r -- "$a" ;; esac; done }
		_files() { print -r -- "<files>" }
		fpath=("$1" $fpath)
		autoload -Uz _cs-agent _cs-db _cs-customer _cs-ticket
		words=(cs-agent import --skip-invalid ""); CURRENT=4; PREFIX=
		_cs-agent
		words=(cs-db --db ""); CURRENT=3; PREFIX=; _cs-db
		words=(cs-customer import --skip-invalid ""); CURRENT=4; PREFIX=
		_cs-customer
		words=(cs-ticket new x --body-file ""); CURRENT=5; PREFIX=
		_cs-ticket
	' zsh "$COMP/zsh"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 4 ]
	[ "$(printf '%s\n' "${lines[@]}" | sort -u)" = '<files>' ]
}

@test "fish: the completion files parse and offer the binaries' words" {
	command -v fish >/dev/null || skip "fish is not installed"
	for bin in $(bins); do
		fish -n "$COMP/fish/$bin.fish" || { echo "fish -n $bin"; false; }
	done
	cs-agent add li.na --team 售后组 >/dev/null
	run fish -c "source '$COMP/fish/cs-agent.fish'; source '$COMP/fish/cs-db.fish'
		source '$COMP/fish/cs-customer.fish'
		source '$COMP/fish/cs-ticket.fish'
		complete -C'cs-agent li'
		complete -C'cs-agent list --team '
		complete -C'cs-agent show '
		complete -C'cs-db res'
		complete -C'cs-customer ded'
		complete -C'cs-ticket new x --type '
		complete -C'cs-ticket sla set complaint '
		complete -C'cs-ticket assign 7 '"
	[ "$status" -eq 0 ]
	has list && has 售后组 && has li.na && has restore
	has dedupe && has complaint && has urgent
}
