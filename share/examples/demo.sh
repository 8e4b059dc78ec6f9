#!/bin/sh
# make demo: a newcomer's first minutes, in a temporary database.
# Usage: demo.sh BUILD_DIR
set -eu
B=${1:-build}
PATH="$(pwd)/$B:$PATH"
dir=$(mktemp -d "${TMPDIR:-/tmp}/cs-demo.XXXXXX")
export CS_DB="$dir/cs.db"
echo "== database: $CS_DB"
cs-db init
echo
echo "== cs-agent import share/sample/agents.csv"
cs-agent import share/sample/agents.csv
echo
echo "== cs-agent leave li.na --from today --to +2d --note 年假"
cs-agent leave li.na --from today --to +2d --note 年假 >/dev/null
echo
echo "== cs-agent list -f table"
cs-agent list -f table
echo
echo "== cs-agent list --skill 技术支持 (CSV, as a pipe gets it)"
cs-agent list --skill 技术支持 | cat
echo
echo "== cs-agent list --team 客服一组 --excel > $dir/roster.csv (for Excel)"
cs-agent list --team 客服一组 --excel > "$dir/roster.csv"
echo
echo "== cs-db stats"
cs-db stats -f table
echo
echo "The demo database stays in $dir; remove it with: rm -r $dir"
