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
