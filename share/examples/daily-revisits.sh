#!/bin/sh
# daily-revisits.sh - the daily revisit run (每日回访): plan who is due for a
# follow-up call, share the calls out, and write each specialist's record
# sheet (回访记录表) as a CSV for Excel, to be filled in and brought back
# with "cs-revisit import".
#
# Usage: daily-revisits.sh DIR
#
# Writes into DIR (created if need be):
#   分配.csv                  who calls whom today: every open task due
#                             up to today with its agent, phone numbers
#                             masked; an empty agent is a task that no
#                             one could take (on leave, skill, capacity)
#   回访记录表-LOGIN.csv      each active agent's open tasks due up to
#                             today, whole phone numbers; none when empty
# What was planned and assigned is said on stderr, which cron mails.
#
# Every step is idempotent: run twice on one day, it plans and assigns
# nothing new and writes the same sheets.  The windows catch up on days
# when cron did not run (weekends, holidays, a machine that was down).
#
# crontab (% must be written \% in a crontab; cron's PATH is short):
#   CS_DB=/srv/cs/cs.db
#   CS_USER=cron
#   PATH=/usr/local/bin:/usr/bin:/bin
#   30 7 * * 1-6  /usr/local/share/cs/examples/daily-revisits.sh /srv/cs/回访/$(date +\%F)
set -eu

if [ $# -ne 1 ] || [ -z "$1" ]; then
	echo "usage: daily-revisits.sh DIR" >&2
	exit 2
fi
dir=$1
mkdir -p "$dir"

# 1. After a ticket is resolved, three days later.  Types that plan their
#    own revisit when resolved (complaints by default: 投诉回访, see
#    "cs-ticket type list") are left out, or their customers would get a
#    second call under this reason.
#    (Type names are lower-case ASCII letters, '-' and '_'.)
types=$(cs-ticket type list -f csv --no-header)
for type in $(printf '%s\n' "$types" | awk -F, '$2 == "" { print $1 }'); do
	cs-revisit plan --reason 工单回访 --after-resolved 3d --type "$type"
done

# 2. N+7: seven days after the purchase date (attribute purchase_date),
#    catching up on the last seven days.
cs-revisit plan --reason N+7回访 --date-field purchase_date --offset 7d \
	--window 7d

# 3. Share out what is due today: the owner first, else by load and weight.
#    The sheet of the day is the list of what is open and due, not what
#    assign prints: a second run gives out nothing and would print nothing.
cs-revisit assign -f csv > /dev/null
cs-revisit list --due today --excel > "$dir/分配.csv"

# 4. Each active agent's sheet.  Tasks retried after no answer are due
#    again tomorrow, so only what is due up to today is on the sheet.
for agent in $(cs-agent list -f csv --no-header --active | cut -d, -f1); do
	sheet="$dir/回访记录表-$agent.csv"
	cs-revisit list --agent "$agent" --due today --no-mask --excel \
		> "$sheet"
	if [ "$(wc -l < "$sheet")" -le 1 ]; then
		rm -f "$sheet"	# the header only: nothing to call
		continue
	fi
	# Mailing is left to the site, e.g. with GNU mailutils (-A attaches;
	# s-nail and bsd-mailx use -a):
	# mail -s "今日回访 $agent" -A "$sheet" "$agent@example.com" </dev/null
done
