#!/usr/bin/env bats
# What a newcomer trips on: every command that takes a PERIOD also takes
# --from DATE --to DATE (cs(7)); the example pipelines of the man pages
# and the README name - for the records they pipe in; the completions
# offer what the options take.
load helper

TOP="$BATS_TEST_DIRNAME/../.."

# Two agents of two teams, a customer, and three tickets resolved in
# 2026-W47, one by a1 and two by b1.
fixture() {
	cat > "$T/agents.csv" <<'CSV'
login,name,team,role
a1,甲一,售后组,agent
b1,乙一,投诉组,agent
CSV
	cs-agent import "$T/agents.csv" 2>/dev/null
	printf 'code,name,phone\nC1,王芳,13812345678\n' | cs-customer import - 2>/dev/null
	cat > "$T/t.csv" <<'CSV'
external_id,customer,type,priority,assignee,subject,created_at,first_response_at,resolved_at,csat,resolution,stage
K1,C1,consult,normal,a1,发票,2026-11-16T09:00,2026-11-16T09:30,2026-11-16T13:00,5,ok,客服
K2,C1,consult,normal,b1,物流,2026-11-17T10:00,2026-11-17T11:00,2026-11-18T10:00,3,ok,配送
K3,C1,complaint,high,b1,态度,2026-11-18T10:00,2026-11-18T10:10,2026-11-19T10:00,2,ok,配送
CSV
	cs-ticket import "$T/t.csv" 2>/dev/null
}

# The binaries and their commands whose usage names a PERIOD operand.
period_commands() {
	for f in "$TOP"/cmd/cs-*.c; do
		bin=${f##*/}
		bin=${bin%.c}
		for sub in $("$bin" __complete); do
			[ "$sub" = help ] && continue
			"$bin" "$sub" --help | head -n 1 | grep -qw PERIOD &&
			    echo "$bin $sub"
		done
	done
	return 0
}

@test "every command that takes a PERIOD takes --from and --to as well" {
	run period_commands
	[ "$status" -eq 0 ]
	# cs-report show and scorecard, cs-revisit summary, cs-ticket
	# sample, cs-kb gaps at least
	[ "${#lines[@]}" -ge 5 ]
	printf '%s\n' "${lines[@]}" | grep -qx 'cs-revisit summary'
	printf '%s\n' "${lines[@]}" | grep -qx 'cs-ticket sample'
	for l in "${lines[@]}"; do
		set -- $l
		"$1" "$2" --help | grep -Eq '^  --from DATE ' ||
		    { echo "$l: no --from"; false; }
		"$1" "$2" --help | grep -Eq '^  --to DATE ' ||
		    { echo "$l: no --to"; false; }
		# and the man page says so at the command
		grep -Eq "^\.It Cm $2 .*Fl -from Ar date Fl -to Ar date" \
		    "$TOP/share/man/$1.1" || [ "$1 $2" = "cs-report show" ] ||
		    { echo "$1.1: $2 has no --from/--to item"; false; }
	done
}

@test "--from A --to B gives what the period A..B gives" {
	fixture
	for c in "cs-report show" "cs-report scorecard" "cs-revisit summary" \
	    "cs-kb gaps" "cs-ticket sample -n 1"; do
		a=$($c 2026-11-16..2026-11-21 -f csv)
		b=$($c --from 2026-11-16 --to 2026-11-21 -f csv)
		[ -n "$a" ]
		[ "$a" = "$b" ] || { echo "$c: '$a' not '$b'"; false; }
	done
	# the default seed is the range's name either way: one of a1's
	# and one of b1's
	run cs-ticket sample --from 2026-11-16 --to 2026-11-23 -n 1 -f csv \
	    --no-header
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 2 ]
	[[ "${lines[0]}" == 1,K1,* ]]
	run cs-revisit summary --from 2026-11-16 --to 2026-11-23 -f csv \
	    --no-header
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "revisits,revisits_planned,,0,0," ]
}

@test "a half range, a range and a PERIOD, or an empty range are usage errors" {
	fixture
	before=$(dbsum)
	for c in "cs-revisit summary" "cs-kb gaps" "cs-ticket sample -n 1"; do
		run $c --from 2026-11-16
		[ "$status" -eq 2 ]
		[[ "$output" == *"give PERIOD, or both --from and --to"* ]]
		run $c 2026-W47 --to 2026-11-23
		[ "$status" -eq 2 ]
		run $c --from 2026-11-16 --to 2026-11-16
		[ "$status" -eq 2 ]
		[[ "$output" == *"--from 2026-11-16 --to 2026-11-16 is no range"* ]]
		run $c
		[ "$status" -eq 2 ]
		[[ "$output" == *"give one PERIOD"*"or --from and --to"* ]]
		run $c 2026-W99
		[ "$status" -eq 2 ]
		[[ "$output" == *"not a period '2026-W99'"* ]]
	done
	[ "$(dbsum)" = "$before" ]
}

# pipelines < TEXT: the command lines of literal examples, one a line,
# without comments, with continued lines ('\' at the end, or a '|' at the
# end) joined and '||' taken out, so that a '|' is a pipe.
pipelines() {
	sed 's/[[:space:]]#[[:space:]].*$//' |
	    sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta' |
	    sed -e ':b' -e '/|[[:space:]]*$/N; s/|[[:space:]]*\n/| /; tb' |
	    sed 's/||/;/g'
}

# piped_without_dash < PIPELINES: the cs commands that come after a pipe
# but have no - operand, so they do not read it.
piped_without_dash() {
	awk -F'|' '{
		for (i = 2; i <= NF; i++) {
			n = split($i, w, " ")
			if (w[1] !~ /^cs(-[a-z]+)?$/)
				continue
			dash = 0
			for (j = 2; j <= n; j++)
				if (w[j] == "-")
					dash = 1
			if (!dash)
				print
		}
	}'
}

@test "the example pipelines of the man pages and README name - for stdin" {
	n=0
	for f in "$TOP"/share/man/*.[1-9]; do
		text=$(mandoc -Tutf8 "$f" | sed 's/.\x08//g' |
		    sed -n '/^EXAMPLES/,/^SEE ALSO/p' | pipelines)
		[ -n "$text" ]
		bad=$(printf '%s\n' "$text" | piped_without_dash)
		[ -z "$bad" ] || { echo "${f##*/}: $bad"; false; }
		n=$((n + $(printf '%s\n' "$text" | grep -c '| *cs' || :)))
	done
	# the check sees the pipelines: there are some
	[ "$n" -ge 5 ]
	text=$(sed -n 's/^    //p' "$TOP/README.md" | pipelines)
	printf '%s\n' "$text" | grep -q '| *cs-revisit plan'
	bad=$(printf '%s\n' "$text" | piped_without_dash)
	[ -z "$bad" ] || { echo "README.md: $bad"; false; }
	# and it can fail
	bad=$(printf 'cs-customer list |\n    cs-revisit plan --reason x\n' |
	    pipelines | piped_without_dash)
	[ -n "$bad" ]
}

@test "cs-ticket completes --stage of new, and teams for escalate --to" {
	fixture
	run cs-ticket __complete new --stage
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '%s\n' 客服 配送)" ]
	run cs-ticket __complete escalate --to
	[ "$output" = "$(printf '%s\n' a1 b1 售后组 投诉组)" ]
	# what is offered is taken
	run cs-ticket escalate 2 --to 投诉组 --reason 超时
	[ "$status" -eq 0 ]
}
