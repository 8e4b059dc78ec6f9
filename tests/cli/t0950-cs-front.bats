#!/usr/bin/env bats
load helper

@test "cs NAME runs cs-NAME with its arguments" {
	run cs agent --version
	[ "$status" -eq 0 ]
	[[ "$output" == "cs-agent "* ]]
	cs agent add li.na --name 李娜 >/dev/null
	run cs agent list -f csv --no-header
	[[ "$output" == li.na,李娜,* ]]
	run cs db check -f csv --no-header
	[ "$status" -eq 0 ]
}

@test "cs NAME prefers cs-NAME beside cs to one on PATH" {
	mkdir -p "$T/bin"
	printf '#!/bin/sh\necho impostor\n' > "$T/bin/cs-agent"
	chmod +x "$T/bin/cs-agent"
	PATH="$T/bin:$PATH" run "$CS_BIN/cs" agent --version
	[[ "$output" == "cs-agent "* ]]
}

@test "cs lists the commands, cs --version, unknown names are usage errors" {
	run cs
	[ "$status" -eq 0 ]
	[[ "$output" == *"customer"* ]]
	[[ "$output" == *"ticket"* ]]
	run cs --version
	[[ "$output" == "cs "* ]]
	run cs frobnicate
	[ "$status" -eq 2 ]
	[[ "$output" == *"'frobnicate' is not a cs command"* ]]
	run cs --bogus
	[ "$status" -eq 2 ]
}

@test "cs help NAME opens the manual of the tree or prefix cs runs from" {
	mkdir -p "$T/bin"
	printf '#!/bin/sh\necho "man $*"\n' > "$T/bin/man"
	chmod +x "$T/bin/man"
	PATH="$T/bin:$PATH" run cs help kb
	[ "$status" -eq 0 ]
	[[ "$output" == "man -l "*/share/man/cs-kb.1 ]]
	[ -f "${output#man -l }" ]
	PATH="$T/bin:$PATH" run cs help cs
	[[ "$output" == "man -l "*/share/man/cs.7 ]]
	# installed under a prefix: PREFIX/share/man/man1
	mkdir -p "$T/p/bin" "$T/p/share/man/man1"
	cp "$CS_BIN/cs" "$T/p/bin/"
	: > "$T/p/share/man/man1/cs-ticket.1"
	PATH="$T/bin:$PATH" run "$T/p/bin/cs" help ticket
	[ "$output" = "man -l $T/p/bin/../share/man/man1/cs-ticket.1" ]
	# nothing beside it: man looks on MANPATH
	PATH="$T/bin:$PATH" run "$T/p/bin/cs" help agent
	[ "$output" = "man cs-agent" ]
	run cs help frobnicate
	[ "$status" -eq 2 ]
	[[ "$output" == *"'frobnicate' is not a cs command"* ]]
}

@test "cs __complete names the commands that would run, for the completions" {
	run cs __complete
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' agent customer ticket revisit report kb db help)" ]
	# alone in a folder, nothing on PATH: only help
	mkdir -p "$T/p/bin"
	cp "$CS_BIN/cs" "$T/p/bin/"
	cp "$CS_BIN/cs-kb" "$T/p/bin/"
	PATH=/usr/bin:/bin run "$T/p/bin/cs" __complete
	[ "$output" = "$(printf '%s\n' kb help)" ]
	run cs __complete x
	[ "$status" -eq 0 ]
	[ -z "$output" ]
}
