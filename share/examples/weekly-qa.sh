#!/bin/sh
# weekly-qa.sh - the Monday quality spot check (每周质检抽查): draws a
# share of each specialist's tickets resolved last week that nobody has
# reviewed yet, and drops the list in DIR as an Excel sheet
# 抽查-2026-W47.csv, with the columns of cs-ticket list and three empty
# ones for the reviewers (score, reviewer, note); prints its path and the
# number drawn.  The draw's seed is the week's name, so a second run the
# same week writes the same sheet.  The reviewers fill in a score (0 to
# 100), their login (else the one who runs the loop counts as reviewer)
# and a note; rows without a score are left out.  The sheet goes back
# with sqlite3(1), which reads CSV as Excel writes it (quotes, CRLF, BOM):
#   sqlite3 -list :memory: '.import --csv 抽查-2026-W47.csv s' \
#       "SELECT id, score, reviewer, replace(note, char(10), ' ') FROM s
#        WHERE score <> ''" |
#   while IFS='|' read -r id score reviewer note; do
#       cs-ticket review "$id" --score "$score" --note "$note" \
#           ${reviewer:+--reviewer "$reviewer"} < /dev/null
#   done
# A sheet that Chinese Excel saved as "CSV (逗号分隔)" is GBK: first
#   iconv -f gbk -t utf-8 抽查-2026-W47.csv > x && mv x 抽查-2026-W47.csv
#
# Usage: weekly-qa.sh DIR [SHARE]     (SHARE default 5%)
#
# crontab (Monday 08:00; % is written \% in a crontab):
#   CS_DB=/srv/cs/cs.db
#   PATH=/usr/local/bin:/usr/bin:/bin
#   0 8 * * 1  /usr/local/share/cs/examples/weekly-qa.sh /srv/share/质检 10\% | mail -s 'cs: 本周抽查' qa@example.com
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ -z "$1" ]; then
	echo "usage: weekly-qa.sh DIR [SHARE]" >&2
	exit 2
fi
dir=$1
share=${2:-5%}
mkdir -p "$dir"
# the name of last week as cs-report names it (2026-W47)
week=$(cs-report last-week -s qa -f html |
    sed -n 's/^<h1>.* \([^ ]*\)<\/h1>$/\1/p')
out="$dir/抽查-$week.csv"
tmp="$out.tmp"
# the list, with the reviewers' columns added at the end of each row
cs-ticket sample last-week --share "$share" --excel > "$tmp.list"
awk 'BEGIN { RS = "\r\n"; ORS = "\r\n" }
    NR == 1 { print $0 ",score,reviewer,note"; next }
    { print $0 ",,," }' "$tmp.list" > "$tmp"
rm -f "$tmp.list"
mv "$tmp" "$out"
echo "$out"
echo "$(($(wc -l < "$out") - 1)) tickets drawn"
