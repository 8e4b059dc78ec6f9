#!/bin/sh
# weekly-report.sh - the Monday weekly report (周报) for the other
# departments: last week's report as one HTML page with charts, and the
# tidy long table as a CSV for Excel pivot tables, dropped in DIR as
# 周报-2026-W47.html and 周报-2026-W47.csv; prints the two paths.
#
# Usage: weekly-report.sh DIR
#
# crontab (Monday 08:00):
#   CS_DB=/srv/cs/cs.db
#   PATH=/usr/local/bin:/usr/bin:/bin
#   0 8 * * 1  /usr/local/share/cs/examples/weekly-report.sh /srv/share/客服周报 | mail -s 'cs: weekly report' ops@example.com
set -eu

if [ $# -ne 1 ] || [ -z "$1" ]; then
	echo "usage: weekly-report.sh DIR" >&2
	exit 2
fi
dir=$1
mkdir -p "$dir"
# the name of last week as cs-report names it (2026-W47): its title ends
# with it
week=$(cs-report last-week -s tickets -f html |
    sed -n 's/^<h1>.* \([^ ]*\)<\/h1>$/\1/p')
cs-report last-week --lang zh -o "$dir/周报-$week.html"
cs-report last-week --excel -o "$dir/周报-$week.csv"
echo "$dir/周报-$week.html"
echo "$dir/周报-$week.csv"
