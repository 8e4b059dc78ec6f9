#!/bin/sh
# hourly-overdue.sh - the hourly SLA alert (超时预警): open tickets past
# their first-response or resolution target, or within two hours of it,
# written as a CSV for Excel into FILE; prints the count and exits 0 when
# there are some, exits 1 and writes nothing when there are none, so cron
# can mail only when it matters.
#
# Usage: hourly-overdue.sh FILE [SOON]      SOON defaults to 2h
#
# crontab (working hours, Monday to Saturday):
#   CS_DB=/srv/cs/cs.db
#   PATH=/usr/local/bin:/usr/bin:/bin
#   5 9-18 * * 1-6  f=/tmp/超时工单.csv; /usr/local/share/cs/examples/hourly-overdue.sh $f && mail -s 'cs: overdue tickets' -A $f supervisor@example.com < /dev/null
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ -z "$1" ]; then
	echo "usage: hourly-overdue.sh FILE [SOON]" >&2
	exit 2
fi
out=$1
soon=${2:-2h}
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT INT TERM
# cs-ticket overdue exits 1 when there is nothing: pass that on.
if cs-ticket overdue --soon "$soon" --excel -f csv > "$tmp"; then
	mv "$tmp" "$out"
	n=$(($(wc -l < "$out") - 1))
	echo "$n overdue or nearly overdue targets in $out"
else
	rc=$?
	exit "$rc"
fi
