#!/usr/bin/env bats
load helper

# make install into a temporary DESTDIR, run an installed binary from
# there, and make uninstall leaves nothing of ours behind.
@test "make install puts binaries, man pages and completions in place; uninstall removes them" {
	top="$BATS_TEST_DIRNAME/../.."
	dest="$T/dest"
	run make -s -C "$top" install B="${CS_BIN#$(cd "$top" && pwd)/}" \
	    DESTDIR="$dest" PREFIX=/usr/local
	[ "$status" -eq 0 ]
	for b in cs cs-agent cs-customer cs-db cs-kb cs-report cs-revisit cs-ticket; do
		[ -x "$dest/usr/local/bin/$b" ]
	done
	share="$dest/usr/local/share"
	for b in cs-agent cs-customer cs-db cs-kb cs-report cs-revisit cs-ticket; do
		[ -f "$share/man/man1/$b.1" ]
	done
	[ -f "$share/man/man7/cs.7" ]
	# one completion file per shell; bash-completion and fish look for
	# one named after the command, zsh reads the #compdef line of _cs
	for b in cs cs-agent cs-customer cs-db cs-kb cs-report cs-revisit cs-ticket; do
		cmp "$share/bash-completion/completions/$b" "$top/completions/bash/cs"
		cmp "$share/fish/vendor_completions.d/$b.fish" \
		    "$top/completions/fish/cs.fish"
	done
	cmp "$share/zsh/site-functions/_cs" "$top/completions/zsh/_cs"
	[ "$(ls "$share/zsh/site-functions")" = _cs ]
	# bash-completion sources the file named after the command
	run env PATH="$dest/usr/local/bin:$PATH" bash -c '
		source "$1/bash-completion/completions/cs-kb" &&
		    fn=$(complete -p cs-kb | sed -n "s/.* -F \([^ ]*\) .*/\1/p") &&
		    [ -n "$fn" ] || exit 1
		COMP_WORDS=(cs-kb sea) COMP_CWORD=1
		"$fn" cs-kb sea cs-kb
		printf "%s\n" "${COMPREPLY[@]}"
	' bash "$share"
	[ "$status" -eq 0 ]
	[ "$output" = search ]
	# the installed binaries carry their schema and find each other
	run "$dest/usr/local/bin/cs" db init
	[ "$status" -eq 0 ]
	run "$dest/usr/local/bin/cs-agent" add li.na --name 李娜
	[ "$output" = li.na ]
	run make -s -C "$top" uninstall DESTDIR="$dest" PREFIX=/usr/local
	[ "$status" -eq 0 ]
	[ -z "$(find "$dest" ! -type d)" ]
}

# The example scripts go to PREFIX/share/cs/examples, where their crontab
# lines call them; they run there with the installed binaries on PATH.
# demo.sh stays in the source tree: it needs share/sample and a build.
@test "make install puts the example scripts where their crontab lines call them; uninstall removes them" {
	top="$BATS_TEST_DIRNAME/../.."
	dest="$T/dest"
	ex="$dest/usr/local/share/cs/examples"
	run make -s -C "$top" install B="${CS_BIN#$(cd "$top" && pwd)/}" \
	    DESTDIR="$dest" PREFIX=/usr/local
	[ "$status" -eq 0 ]
	n=0
	for f in "$top"/share/examples/*.sh; do
		b=${f##*/}
		if [ "$b" = demo.sh ]; then
			[ ! -e "$ex/$b" ]
			continue
		fi
		n=$((n + 1))
		cmp "$f" "$ex/$b"
		[ "$(stat -c %a "$ex/$b")" = 755 ]
		# the crontab line in its comment calls it where it is installed
		sed -n '2,/^set -eu$/p' "$ex/$b" | grep -E '^#  +[0-9*]' |
		    grep -qF " /usr/local/share/cs/examples/$b "
	done
	[ "$n" -ge 5 ]
	[ "$(ls "$ex" | wc -l)" -eq "$n" ]
	# runnable as cron runs them: by path, the installed binaries on PATH
	export PATH="$dest/usr/local/bin:/usr/bin:/bin"
	"$dest/usr/local/bin/cs-db" init 2>/dev/null
	"$dest/usr/local/bin/cs-agent" add li.na --name 李娜 >/dev/null
	run "$ex/daily-revisits.sh" "$T/回访"
	[ "$status" -eq 0 ]
	[[ "$output" == *"assigned 0 tasks, 0 left unassigned"* ]]
	[ -f "$T/回访/分配.csv" ]
	run "$ex/hourly-overdue.sh" "$T/超时.csv"
	[ "$status" -eq 1 ]
	run "$ex/monthly-backup.sh" "$T/backup"
	[ "$status" -eq 0 ]
	[ -f "${lines[${#lines[@]}-1]}" ]
	run make -s -C "$top" uninstall DESTDIR="$dest" PREFIX=/usr/local
	[ "$status" -eq 0 ]
	[ ! -e "$ex" ]
	[ -z "$(find "$dest" ! -type d)" ]
}

# zsh finds _cs on its fpath and registers it for every command from the
# #compdef line; fish loads vendor_completions.d/COMMAND.fish on first use.
@test "installed zsh and fish completions load the way the shells load them" {
	command -v zsh >/dev/null || skip "zsh is not installed"
	command -v fish >/dev/null || skip "fish is not installed"
	top="$BATS_TEST_DIRNAME/../.."
	dest="$T/dest"
	share="$dest/usr/local/share"
	run make -s -C "$top" install B="${CS_BIN#$(cd "$top" && pwd)/}" \
	    DESTDIR="$dest" PREFIX=/usr/local
	[ "$status" -eq 0 ]
	run zsh -f -c '
		fpath=("$1" $fpath)
		autoload -Uz compinit && compinit -u -D
		print -r -- $_comps[cs] $_comps[cs-kb] $_comps[cs-ticket]
	' zsh "$share/zsh/site-functions"
	[ "$output" = "_cs _cs _cs" ]
	run env PATH="$dest/usr/local/bin:$PATH" fish -c '
		set -p fish_complete_path $argv[1]
		complete -C"cs-kb sea"
		complete -C"cs tic"
	' "$share/fish/vendor_completions.d"
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' search ticket)" ]
	run make -s -C "$top" uninstall DESTDIR="$dest" PREFIX=/usr/local
	[ -z "$(find "$dest" ! -type d)" ]
}
