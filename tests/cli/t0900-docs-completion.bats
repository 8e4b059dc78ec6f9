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

# zcomp WORD...: what the zsh completion offers for the last WORD, one a
# line; compadd and _files stand in for compsys.
zcomp() {
	zsh -f -c '
		compadd() { local a; for a in "$@"; do case $a in
		    (--) ;; (-a) print -rl -- "${(@P)2}"; return ;;
		    (*) print -r -- "$a" ;; esac; done }
		_files() { print -r -- "<files>" }
		fpath=("$1" $fpath)
		autoload -Uz _cs
		shift
		words=("$@"); CURRENT=$#; PREFIX=$words[-1]
		_cs
	' zsh "$COMP/zsh" "$@"
}

# fcomp WORD...: what the fish completion offers for the last WORD.
fcomp() {
	local IFS=' '
	fish -c 'source $argv[1]; complete -C$argv[2]' "$COMP/fish/cs.fish" "$*"
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

# The reverse: an option that a page names (.Fl) is one that some command
# takes, so that the pages name no option the code refuses (a renamed or
# dropped one). A page may name another binary's option, so the options
# of all of them count.
@test "the man pages name no option that no command takes" {
	known=$(for bin in $(bins); do
		for sub in $("$bin" __complete); do
			[ "$sub" = help ] && continue
			"$bin" "$sub" --help |
			    sed -n 's/^  \(-\(.\), \)\{0,1\}\(--[a-z0-9-]*\).*/\3 -\2/p'
		done
	done | tr ' ' '\n' | grep -vx -- - | sort -u)
	[ "$(printf '%s\n' "$known" | wc -l)" -ge 50 ]
	printf '%s\n' "$known" | grep -qx -- --skip-invalid
	printf '%s\n' "$known" | grep -qx -- -f
	for f in "$MAN"/*.[1-9]; do
		for o in $(grep -o '\bFl [-A-Za-z0-9]*' "$f" | sed 's/^Fl /-/' |
		    grep -E -- '^-(-[a-z0-9-]+|[A-Za-z0-9])$' | sort -u); do
			case $o in --version) continue ;; esac
			printf '%s\n' "$known" | grep -qx -- "$o" ||
			    { echo "${f##*/}: $o is taken by no command"; false; }
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

@test "one completion file per shell serves cs and every binary" {
	[ "$(ls "$COMP/bash")" = cs ]
	[ "$(ls "$COMP/zsh")" = _cs ]
	[ "$(ls "$COMP/fish")" = cs.fish ]
	compdef=$(head -n 1 "$COMP/zsh/_cs")
	for bin in cs $(bins); do
		run bash -c "source '$COMP/bash/cs' && complete -p $bin"
		[ "$status" -eq 0 ]
		[[ "$output" == *"-F "*" $bin" ]]
		[[ " $compdef " == *" $bin "* ]] ||
		    { echo "zsh: no $bin in $compdef"; false; }
		grep -q "^for c in cs .*$bin" "$COMP/fish/cs.fish" ||
		    { echo "fish: $bin not registered"; false; }
		[ "$bin" = cs ] && continue
		# the commands, from the binary
		run comp "$COMP/bash/cs" "$bin" ''
		[ "$status" -eq 0 ]
		for sub in $("$bin" __complete); do
			has "$sub" || { echo "bash: $bin $sub missing"; false; }
		done
	done
}

# Before the command, the completions step over the values of the common
# options (cs_common_opts): the same options as every command's help lists.
@test "the completions skip the values of the common options" {
	want=$(cs-agent add --help | sed -n '/^common options:/,$p' |
	    sed -En 's/^  (-(.), )?(--[a-z-]+) [A-Z].*/-\2 \3/p' |
	    tr ' ' '\n' | grep -vx -e - -e --db | sort)
	[ "$(printf '%s\n' "$want" | wc -l)" -ge 4 ]
	for f in bash/cs zsh/_cs fish/cs.fish; do
		got=$(grep -E -- '--format[| ]--lang' "$COMP/$f" |
		    sed -E 's/^[[:space:]]*(case |\()?//; s/\).*//' |
		    tr '| ' '\n\n' | sed '/^$/d' | sort)
		[ "$got" = "$want" ] || { echo "$f: $got"; false; }
	done
}

@test "bash: cs-agent completes commands, options, values, teams and logins" {
	run bash -c "source '$COMP/bash/cs' && complete -p cs-agent"
	[ "$status" -eq 0 ]
	[[ "$output" == *"-F "*" cs-agent" ]]
	run comp "$COMP/bash/cs" cs-agent li
	[ "$status" -eq 0 ]
	[ "$output" = list ]
	run comp "$COMP/bash/cs" cs-agent ''
	has import && has deactivate
	run comp "$COMP/bash/cs" cs-agent list --sk
	[ "$output" = --skill ]
	run comp "$COMP/bash/cs" cs-agent list --format ''
	has json && has jsonl && has csv
	run comp "$COMP/bash/cs" cs-agent list -f js
	has json && ! has csv
	run comp "$COMP/bash/cs" cs-agent add x --role s
	[ "$output" = supervisor ]
	cs-agent add li.na --team 售后组 --skills '投诉;退货' >/dev/null
	cs-agent add wang.wei --team 技术组 >/dev/null
	run comp "$COMP/bash/cs" cs-agent list --team ''
	has 售后组 && has 技术组
	run comp "$COMP/bash/cs" cs-agent list -t 售
	[ "$output" = 售后组 ]
	run comp "$COMP/bash/cs" cs-agent list --skill ''
	has 投诉 && has 退货
	run comp "$COMP/bash/cs" cs-agent show ''
	has li.na && has wang.wei
	run comp "$COMP/bash/cs" cs-agent deactivate li.na w
	[ "$output" = wang.wei ]
	run comp "$COMP/bash/cs" cs-agent --db "$CS_DB" leave l
	[ "$output" = li.na ]
	# target: its command word, after options too, then a metric
	run comp "$COMP/bash/cs" cs-agent target ''
	[ "$output" = "$(printf '%s\n' list set rm)" ]
	run comp "$COMP/bash/cs" cs-agent target --team 售后组 s
	[ "$output" = set ]
	run comp "$COMP/bash/cs" cs-agent target set csat
	[ "$output" = csat_mean ]
	out=$(comp "$COMP/bash/cs" cs-agent target set csat_mean '')
	[ -z "$out" ]
}

@test "bash: an option value without a list, and import, complete file names" {
	touch "$T/花名册.csv" "$T/rejects.csv"
	cd "$T"
	run comp "$COMP/bash/cs" cs-agent import 花
	[ "$output" = 花名册.csv ]
	run comp "$COMP/bash/cs" cs-agent import --skip-invalid rej
	[ "$output" = rejects.csv ]
	run comp "$COMP/bash/cs" cs-agent --db rej
	[ "$output" = rejects.csv ]
	# a flag takes no value: what follows is an operand
	run comp "$COMP/bash/cs" cs-agent list --active --
	has --team
}

@test "bash: free text and a missing database offer nothing, silently" {
	cd "$T"
	touch "$T/notes.txt"
	out=$(comp "$COMP/bash/cs" cs-agent show '' 2>&1)
	[ -z "$out" ]
	out=$(comp "$COMP/bash/cs" cs-agent list --skill '' 2>&1)
	[ -z "$out" ]
	out=$(comp "$COMP/bash/cs" cs-agent leave li.na --note '' 2>&1)
	[ -z "$out" ]
	out=$(comp "$COMP/bash/cs" cs-agent li 2>&1)
	[ "$out" = list ]
	[ ! -e "$CS_DB" ]
	[ ! -e "$T/db" ]
}

@test "bash: cs-db completes its commands, options and backup files" {
	run bash -c "source '$COMP/bash/cs' && complete -p cs-db"
	[ "$status" -eq 0 ]
	[[ "$output" == *"-F "*" cs-db" ]]
	run comp "$COMP/bash/cs" cs-db ''
	for c in init migrate check backup restore stats views; do
		has "$c"
	done
	run comp "$COMP/bash/cs" cs-db res
	[ "$output" = restore ]
	run comp "$COMP/bash/cs" cs-db check --f
	[ "$output" = --format ]
	run comp "$COMP/bash/cs" cs-db stats --format ''
	has table && has json
	touch "$T/cs-2026-11.db"
	cd "$T"
	run comp "$COMP/bash/cs" cs-db restore cs-2026
	[ "$output" = cs-2026-11.db ]
}

@test "bash: cs-customer completes commands, options and values" {
	run comp "$COMP/bash/cs" cs-customer inv
	[ "$output" = invalidate ]
	run comp "$COMP/bash/cs" cs-customer list --seg
	[ "$output" = --segment ]
	run comp "$COMP/bash/cs" cs-customer invalidate x --reason ''
	has invalid-number && has do-not-contact
	cs-customer add --name 王芳 --phone 13812345678 --city 北京 \
	    --segment vip >/dev/null
	run comp "$COMP/bash/cs" cs-customer list --city ''
	[ "$output" = 北京 ]
	touch "$T/客户档案.csv"
	cd "$T"
	run comp "$COMP/bash/cs" cs-customer import 客
	[ "$output" = 客户档案.csv ]
}

@test "bash: cs-ticket completes commands, options, values and operands" {
	run comp "$COMP/bash/cs" cs-ticket lis
	[ "$output" = list ]
	run comp "$COMP/bash/cs" cs-ticket li
	has list && has link
	run comp "$COMP/bash/cs" cs-ticket list --st
	[ "$output" = --status ]
	run comp "$COMP/bash/cs" cs-ticket list --status p
	[ "$output" = pending ]
	run comp "$COMP/bash/cs" cs-ticket new x -p ''
	has urgent && has low
	# types come from the database: nothing without one
	out=$(comp "$COMP/bash/cs" cs-ticket new x --type '' 2>&1)
	[ -z "$out" ]
	[ ! -e "$CS_DB" ]
	cs-agent add li.na >/dev/null
	run comp "$COMP/bash/cs" cs-ticket new x --type ''
	has complaint && has aftersales
	run comp "$COMP/bash/cs" cs-ticket new x -a ''
	[ "$output" = li.na ]
	run comp "$COMP/bash/cs" cs-ticket sla ''
	has list && has set && has rm
	run comp "$COMP/bash/cs" cs-ticket sla set co
	has complaint && has consult
	run comp "$COMP/bash/cs" cs-ticket sla set complaint h
	[ "$output" = high ]
	run comp "$COMP/bash/cs" cs-ticket sla set --calendar w
	[ "$output" = work ]
	run comp "$COMP/bash/cs" cs-ticket calendar ''
	has holiday && has workday && has hours && has import
	run comp "$COMP/bash/cs" cs-ticket assign 12 ''
	[ "$output" = li.na ]
	out=$(comp "$COMP/bash/cs" cs-ticket assign '' 2>&1)
	[ -z "$out" ]
	out=$(comp "$COMP/bash/cs" cs-ticket resolve 1 --stage '' 2>&1)
	[ -z "$out" ]
	touch "$T/2025工单.csv" "$T/cn-2025.csv"
	cd "$T"
	run comp "$COMP/bash/cs" cs-ticket import 2025
	[ "$output" = 2025工单.csv ]
	run comp "$COMP/bash/cs" cs-ticket calendar import cn
	[ "$output" = cn-2025.csv ]
}

@test "zsh: the completion file parses, serves every binary, offers their words" {
	command -v zsh >/dev/null || skip "zsh is not installed"
	zsh -n "$COMP/zsh/_cs"
	# compinit reads the #compdef line: _cs completes cs and every binary
	run zsh -f -c '
		fpath=("$1" $fpath)
		autoload -Uz compinit && compinit -u -D
		shift
		for b; do print -r -- "$b $_comps[$b]"; done
	' zsh "$COMP/zsh" cs $(bins)
	[ "$status" -eq 0 ]
	for bin in cs $(bins); do
		has "$bin _cs" || { echo "zsh: $bin not _cs"; false; }
	done
	cs-agent add li.na --team 售后组 >/dev/null
	# compadd and _files stand in for compsys: they print what is offered.
	run zsh -f -c '
		compadd() { local a; for a in "$@"; do case $a in
		    (--) ;; (-a) print -rl -- "${(@P)2}"; return ;;
		    (*) print -r -- "$a" ;; esac; done }
		_files() { print -r -- "<files>" }
		fpath=("$1" $fpath)
		autoload -Uz _cs
		words=(cs-agent list --team ""); CURRENT=4; PREFIX=; _cs
		words=(cs-agent show ""); CURRENT=3; PREFIX=; _cs
		words=(cs-agent import ""); CURRENT=3; PREFIX=; _cs
		words=(cs-db ""); CURRENT=2; PREFIX=; _cs
		words=(cs-customer ""); CURRENT=2; PREFIX=; _cs
		words=(cs-ticket new x --type ""); CURRENT=5; PREFIX=; _cs
		words=(cs-ticket sla set complaint ""); CURRENT=5; PREFIX=
		_cs
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
		autoload -Uz _cs
		words=(cs-agent import --skip-invalid ""); CURRENT=4; PREFIX=
		_cs
		words=(cs-db --db ""); CURRENT=3; PREFIX=; _cs
		words=(cs-customer import --skip-invalid ""); CURRENT=4; PREFIX=
		_cs
		words=(cs-ticket new x --body-file ""); CURRENT=5; PREFIX=
		_cs
	' zsh "$COMP/zsh"
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 4 ]
	[ "$(printf '%s\n' "${lines[@]}" | sort -u)" = '<files>' ]
}

@test "fish: the completion file parses, serves every binary, offers their words" {
	command -v fish >/dev/null || skip "fish is not installed"
	fish -n "$COMP/fish/cs.fish"
	for bin in cs $(bins); do
		run fish -c "source '$COMP/fish/cs.fish'; complete -c $bin"
		[[ "$output" == *"__cs_complete"* ]] ||
		    { echo "fish: $bin not registered"; false; }
		# loaded again under another name, it registers once
		run fish -c "source '$COMP/fish/cs.fish'
			source '$COMP/fish/cs.fish'; complete -c $bin"
		[ "${#lines[@]}" -eq 1 ]
	done
	cs-agent add li.na --team 售后组 >/dev/null
	run fish -c "source '$COMP/fish/cs.fish'
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

# cs NAME ... runs cs-NAME: its completion is that of cs-NAME, asked through
# cs, so from the cs-NAME that cs runs.
@test "bash: cs completes the commands, and cs NAME ... as cs-NAME ..." {
	run comp "$COMP/bash/cs" cs ''
	[ "$status" -eq 0 ]
	[ "$output" = "$(cs __complete)" ]
	for n in agent customer db kb report revisit ticket help; do
		has "$n" || { echo "cs: $n missing"; false; }
	done
	run comp "$COMP/bash/cs" cs ti
	[ "$output" = ticket ]
	run comp "$COMP/bash/cs" cs help ''
	[ "$output" = "$(cs __complete)" ]
	run comp "$COMP/bash/cs" cs help k
	[ "$output" = kb ]
	run comp "$COMP/bash/cs" cs -
	[ "$output" = "$(printf '%s\n' --help --version)" ]
	out=$(comp "$COMP/bash/cs" cs help kb '' 2>&1)
	[ -z "$out" ]
	cs-agent add li.na --team 售后组 >/dev/null
	touch "$T/cs-2026-11.db"
	cd "$T"
	same() {
		a=$(comp "$COMP/bash/cs" cs "$@")
		b=$(comp "$COMP/bash/cs" "cs-$@")
		[ "$a" = "$b" ] || { echo "cs $*: '$a' not '$b'"; false; }
	}
	for bin in $(bins); do
		same "${bin#cs-}" ''
		same "${bin#cs-}" -
		same "${bin#cs-}" help ''
	done
	same agent show ''
	same agent list --team ''
	same agent --db "$CS_DB" list -t 售
	same ticket new x --type ''
	same ticket sla set complaint ''
	same ticket assign 1 ''
	same report ''
	same report --section ''
	same report weekly -
	same db restore cs-
	run comp "$COMP/bash/cs" cs ticket new x --type ''
	has complaint && has aftersales
	run comp "$COMP/bash/cs" cs agent show ''
	[ "$output" = li.na ]
	run comp "$COMP/bash/cs" cs db restore cs-
	[ "$output" = cs-2026-11.db ]
	# the cs-agent beside cs, not the first one on PATH
	mkdir -p "$T/bin"
	printf '#!/bin/sh\necho impostor\n' > "$T/bin/cs-agent"
	chmod +x "$T/bin/cs-agent"
	PATH="$T/bin:$PATH" run comp "$COMP/bash/cs" cs agent ''
	has list && ! has impostor
}

@test "zsh: cs completes the commands, and cs NAME ... as cs-NAME ..." {
	command -v zsh >/dev/null || skip "zsh is not installed"
	run zcomp cs ''
	[ "$status" -eq 0 ]
	[ "$output" = "$(cs __complete)" ]
	run zcomp cs help ''
	[ "$output" = "$(cs __complete)" ]
	cs-agent add li.na --team 售后组 >/dev/null
	same() {
		a=$(zcomp cs "$@")
		b=$(zcomp "cs-$@")
		[ "$a" = "$b" ] || { echo "cs $*: '$a' not '$b'"; false; }
	}
	for bin in $(bins); do
		same "${bin#cs-}" ''
		same "${bin#cs-}" help ''
	done
	same agent show ''
	same ticket new x --type ''
	same ticket sla set complaint ''
	same ticket import ''
	same report --section ''
	run zcomp cs ticket new x --type ''
	has complaint && has aftersales
	run zcomp cs agent list --team ''
	[ "$output" = 售后组 ]
	run zcomp cs agent import ''
	[ "$output" = '<files>' ]
}

@test "fish: cs completes the commands, and cs NAME ... as cs-NAME ..." {
	command -v fish >/dev/null || skip "fish is not installed"
	run fcomp cs ''
	[ "$status" -eq 0 ]
	[ "$output" = "$(cs __complete | sort)" ]
	run fcomp cs help ''
	[ "$output" = "$(cs __complete | sort)" ]
	cs-agent add li.na --team 售后组 >/dev/null
	same() {
		a=$(fcomp cs "$@")
		b=$(fcomp "cs-$@")
		[ "$a" = "$b" ] || { echo "cs $*: '$a' not '$b'"; false; }
	}
	for bin in $(bins); do
		same "${bin#cs-}" ''
		same "${bin#cs-}" help ''
	done
	same agent show ''
	same ticket new x --type ''
	same ticket sla set complaint ''
	same report --section ''
	run fcomp cs ticket new x --type ''
	has complaint && has aftersales
	run fcomp cs agent show ''
	[ "$output" = li.na ]
}
