#!/bin/sh
# make demo: a newcomer's first minutes. A realistic three weeks of a
# Chinese customer-service team, loaded into a temporary database; last
# week's revisit calls and quality spot check; the revisits of Monday
# morning planned and shared out; the weekly report of last week printed
# and written as HTML and as CSV for Excel.
# Usage: demo.sh BUILD_DIR
set -eu
B=${1:-build}
PATH="$(pwd)/$B:$PATH"
dir=$(mktemp -d "${TMPDIR:-/tmp}/cs-demo.XXXXXX")
export CS_DB="$dir/cs.db" CS_USER=demo
# The sample ends on Monday 2026-11-24 at 9:00, Beijing time.
export TZ=Asia/Shanghai CS_NOW=2026-11-24T09:00:00
S=share/sample
say() { printf '\n== %s\n' "$*"; }

say "cs-db init                    # the database: $CS_DB"
cs-db init
say "cs-agent import $S/agents.csv  # 9 specialists, ability weights 0.6 to 1.5"
cs-agent import "$S/agents.csv"
cs-agent leave zhou.xue --from 2026-11-24 --to 2026-11-25 --note 年假 >/dev/null
say "cs-customer import $S/customers.csv  # phones in many spellings"
cs-customer import "$S/customers.csv"
say "cs-ticket sla set ...          # targets per type and priority, working hours"
for t in consult complaint grumble tech aftersales; do
	cs-ticket sla set "$t" urgent --first-response 30m --resolution 4h
	cs-ticket sla set "$t" high --first-response 1h --resolution 8h
	cs-ticket sla set "$t" normal --first-response 2h --resolution 24h
	cs-ticket sla set "$t" low --first-response 4h --resolution 48h
done
cs-ticket sla list -f table | head -6
say "cs-ticket import $S/tickets.csv  # three weeks of history"
cs-ticket import "$S/tickets.csv"
say "cs-ticket overdue --soon 2h | head  # what cron would mail every hour"
cs-ticket overdue --soon 2h -f table | head -8 || true
# Last week's work, replayed as of its own days (CS_NOW), so that the
# weekly report of 2026-W47 below counts it: the articles published on
# Monday 11-16, the calls and the spot check of Friday 11-20.
say "cs-kb import $S/kb           # last Monday: the team's articles, as drafts"
export CS_NOW=2026-11-16T10:00:00
cs-kb import "$S/kb"
cs-kb list --status draft -f csv --no-header | cut -d, -f1 | xargs cs-kb submit
# the knowledge-base owner reviews and publishes them
cs-kb list --status review -f csv --no-header | cut -d, -f1 |
    CS_USER=huang.lei xargs cs-kb approve
say "cs-revisit plan ...; assign     # last Friday: the follow-up calls due"
export CS_NOW=2026-11-20T09:00:00
cs-revisit plan --reason 投诉回访 --after-resolved 3d --type complaint \
    --window 21d
cs-revisit plan --reason N+7回访 --date-field purchase_date --offset 7d \
    --window 7d
cs-revisit assign -f csv >/dev/null
say "cs-revisit log ...             # Friday: li.na's first calls"
export CS_NOW=2026-11-20T10:30:00
n=0
for id in $(cs-revisit list --agent li.na -f csv --no-header | cut -d, -f1 |
    head -6); do
	n=$((n + 1))
	case $n in
	1|2|3) cs-revisit log "$id" --result reached --score 5 --note 很满意 ;;
	4) cs-revisit log "$id" --result no-answer ;;
	5) cs-revisit log "$id" --result refused --note 不需要回访 ;;
	6) echo "low score: complaint ticket $(cs-revisit log "$id" \
	    --result reached --score 2 --note 维修后仍有异响)" ;;
	esac
done
cs-revisit list --agent li.na --status all -f table | head -8
# the articles that answered tickets of last week, linked by the agents
art() { cs-kb list -f csv --no-header | awk -F, -v t="$1" '$2 == t { print $1 }'; }
for c in 物流:物流查询 发票:发票开具 退换货:退货流程 联网:设备无法联网; do
	a=$(art "${c#*:}")
	for t in $(cs-ticket list --category "${c%%:*}" --resolved 2026-W47 \
	    -f csv --no-header | cut -d, -f1 | head -4); do
		cs-ticket link "$t" "$a"
	done
done
say "cs-ticket sample 2026-11-16..2026-11-20 -n 2  # Friday's spot check (质检抽查)"
export CS_NOW=2026-11-20T16:00:00
week=2026-11-16..2026-11-20	# Monday to Thursday
cs-ticket qa-form set 标准 greeting=10 accuracy=40 solution=30 attitude=20
cs-ticket sample "$week" -n 2 -f csv | cut -d, -f1,4,5,11,12 | head -7
# chen.jing, the supervisor, scores six of them (not her own) on the form
n=0
for id in $(cs-ticket sample "$week" -n 2 -f csv --no-header |
    awk -F, '$11 != "chen.jing" { print $1 }' | head -6); do
	n=$((n + 1))
	echo "ticket $id: $(CS_USER=chen.jing cs-ticket review "$id" --form 标准 \
	    --item greeting=10 --item accuracy=$((40 - n * 3)) \
	    --item solution=$((30 - n % 3 * 5)) \
	    --item attitude=$((20 - n % 2 * 4)) --note 抽查) points"
done

# This Monday morning.
export CS_NOW=2026-11-24T09:00:00
say "cs-revisit plan ...            # Monday's follow-up calls"
cs-revisit plan --reason 投诉回访 --after-resolved 3d --type complaint \
    --window 21d
cs-revisit plan --reason N+7回访 --date-field purchase_date --offset 7d \
    --window 7d
cs-revisit plan --reason 重点客户关怀 --segment vip --every 30d
say "cs-revisit assign              # owner first, then by load and weight"
cs-revisit assign -f csv | cut -d, -f3 | sed 1d | sort | uniq -c | sort -rn
say "cs-kb search 退货              # two characters find; the best first"
cs-kb search 退货 -f table
say "cs-kb suggest ...              # articles for a ticket"
t=$(cs-ticket list --category 退换货 --resolved last-week -f csv --no-header |
    head -1 | cut -d, -f1)
cs-kb suggest "$t" -n 3 -f table
say "cs-kb gaps last-week           # categories that no article answered"
cs-kb gaps last-week -f table
say "cs-report scorecard last-week   # each specialist against the standards (绩效)"
cs-agent target set 'csat_mean>=4.5'
cs-agent target set 'resolution_median_h<=24'
cs-agent target set 'qa_score_mean>=85' --team 客服一组
cs-report scorecard last-week --lang zh -f table | head -24
say "cs-report weekly --lang zh     # last week, 2026-W47, with 环比"
cs-report weekly --lang zh -f table
cs-report weekly --lang zh -o "$dir/weekly.html"
cs-report weekly --excel -o "$dir/weekly.csv"
cs-revisit summary last-week --excel > "$dir/revisits.csv"
say "files"
echo "HTML report:        $dir/weekly.html"
echo "Excel CSV report:   $dir/weekly.csv"
echo "revisit summary:    $dir/revisits.csv"
echo "the database:       $CS_DB"
echo "Remove them all with: rm -r $dir"
