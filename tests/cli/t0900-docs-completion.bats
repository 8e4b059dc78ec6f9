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

@test "every man page passes mandoc -Tlint -W warning" {
	n=0
	for f in "$MAN"/*.[1-9]; do
		run mandoc -Tlint -W warning "$f"
		[ "$status" -eq 0 ] || { echo "$f: status $status"; false; }
		[ -z "$output" ] || { echo "$output"; false; }
		n=$((n + 1))
	done
	[ "$n" -ge 3 ]
	[ -f "$MAN/cs.7" ] && [ -f "$MAN/cs-db.1" ] && [ -f "$MAN/cs-agent.1" ]
}

@test "the man pages name every command and every long option" {
	for bin in cs-db cs-agent; do
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

@test "zsh: the completion files parse and offer the binaries' words" {
	command -v zsh >/dev/null || skip "zsh is not installed"
	zsh -n "$COMP/zsh/_cs-agent"
	zsh -n "$COMP/zsh/_cs-db"
	head -n 1 "$COMP/zsh/_cs-agent" | grep -qx '#compdef cs-agent'
	head -n 1 "$COMP/zsh/_cs-db" | grep -qx '#compdef cs-db'
	cs-agent add li.na --team 售后组 >/dev/null
	# compadd and _files stand in for compsys: they print what is offered.
	run zsh -f -c '
		compadd() { local a; for a in "$@"; do case $a in
		    (--) ;; (-a) print -rl -- "${(@P)2}"; return ;;
		    (*) print -r -- "$a" ;; esac; done }
		_files() { print -r -- "<files>" }
		fpath=("$1" $fpath)
		autoload -Uz _cs-agent _cs-db
		words=(cs-agent list --team ""); CURRENT=4; PREFIX=; _cs-agent
		words=(cs-agent show ""); CURRENT=3; PREFIX=; _cs-agent
		words=(cs-agent import ""); CURRENT=3; PREFIX=; _cs-agent
		words=(cs-db ""); CURRENT=2; PREFIX=; _cs-db
	' zsh "$COMP/zsh"
	[ "$status" -eq 0 ]
	has 售后组 && has li.na && has '<files>' && has restore
}

@test "fish: the completion files parse and offer the binaries' words" {
	command -v fish >/dev/null || skip "fish is not installed"
	fish -n "$COMP/fish/cs-agent.fish"
	fish -n "$COMP/fish/cs-db.fish"
	cs-agent add li.na --team 售后组 >/dev/null
	run fish -c "source '$COMP/fish/cs-agent.fish'; source '$COMP/fish/cs-db.fish'
		complete -C'cs-agent li'
		complete -C'cs-agent list --team '
		complete -C'cs-agent show '
		complete -C'cs-db res'"
	[ "$status" -eq 0 ]
	has list && has 售后组 && has li.na && has restore
}
