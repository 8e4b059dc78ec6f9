#!/bin/sh
# monthly-backup.sh - a consistent copy of the database on the first of
# the month, checked, keeping the last KEEP copies (default 12) in DIR as
# cs-YYYY-MM.db; older ones are removed.  Backups keep the database's
# mode 0600.
#
# Usage: monthly-backup.sh DIR [KEEP]
#
# crontab (the 1st at 02:30):
#   CS_DB=/srv/cs/cs.db
#   PATH=/usr/local/bin:/usr/bin:/bin
#   30 2 1 * *  /usr/local/share/cs/examples/monthly-backup.sh /srv/backup/cs 12
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ -z "$1" ]; then
	echo "usage: monthly-backup.sh DIR [KEEP]" >&2
	exit 2
fi
dir=$1
keep=${2:-12}
case $keep in
''|*[!0-9]*|0) echo "monthly-backup.sh: KEEP is a number above 0" >&2
	exit 2 ;;
esac
mkdir -p "$dir"
month=${CS_MONTH:-$(date +%Y-%m)}
copy="$dir/cs-$month.db"
cs-db backup "$copy"
# a backup that does not check is no backup
cs-db --db "$copy" check -f csv --no-header >/dev/null
# the names sort by month: keep the newest $keep
ls "$dir"/cs-????-??.db | sort -r | tail -n +"$((keep + 1))" |
while read -r old; do
	rm -f -- "$old"
done
echo "$copy"
