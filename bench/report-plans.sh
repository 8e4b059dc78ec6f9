#!/bin/sh
# report-plans.sh DB: the query plans SQLite chooses for the key queries
# of cs-report, copied as they are from common/report.c (the macros TF,
# RES, RESD, BACKLOG, REOPENED and CS_KB_GAPS_SQL written out; ?1 and ?2
# are the period's bounds, ?3 to ?5 the --type, --agent and --team
# filters). A period's tickets must be found through an index (SEARCH ...
# created_at>? AND created_at<?), never by a SCAN of ticket or
# ticket_event (or of an index of all their rows); the status exits 1 when
# one does.
set -eu
[ $# -eq 1 ] || { echo "usage: report-plans.sh DB" >&2; exit 2; }
DB=$1
TF="(?3 IS NULL OR t.type = ?3) AND (?4 IS NULL OR t.assignee_id = \
(SELECT id FROM agent WHERE login = ?4)) AND (?5 IS NULL OR \
t.assignee_id IN (SELECT id FROM agent WHERE team = ?5))"
RESD="FROM res CROSS JOIN ticket t ON t.id = res.id"
scans=0 n=0

plan() {
	echo "== $1"
	n=$((n + 1))
	out=$(sqlite3 -readonly "$DB" "CREATE TEMP TABLE res (id INTEGER \
PRIMARY KEY, ev INTEGER NOT NULL, at INTEGER NOT NULL, first_ev INTEGER); \
EXPLAIN QUERY PLAN $2")
	echo "$out" | sed 1d
	# a whole table, or a whole index of it; the partial indexes of the
	# reopened and of the open tickets hold only those
	if echo "$out" | grep -E 'SCAN (t|e|f|r|u|ticket|ticket_event)( |$)' |
	    grep -Evq 'INDEX (ticket_reopened|ticket_open)$'
	then
		scans=$((scans + 1))
		echo "   ^ reads a whole table"
	fi
}

plan "the period's resolutions into temp.res (cs_report_resolved)" \
"INSERT INTO temp.res SELECT e.ticket_id, e.id, e.at, (SELECT f.id FROM \
ticket_event f INDEXED BY ticket_event_ticket WHERE f.ticket_id = \
e.ticket_id AND f.kind = 'status' AND f.new_value = 'resolved' AND \
f.at >= ?1 ORDER BY f.at, f.id LIMIT 1) FROM ticket_event e WHERE \
e.kind = 'status' AND e.new_value = 'resolved' AND e.at >= ?1 AND \
e.at < ?2 AND NOT EXISTS (SELECT 1 FROM ticket_event f INDEXED BY \
ticket_event_ticket WHERE f.ticket_id = e.ticket_id AND f.kind = 'status' \
AND f.new_value = 'resolved' AND f.at < ?2 AND (f.at > e.at OR (f.at = \
e.at AND f.id > e.id)))"

plan "created by type" \
"SELECT 'type=' || t.type, count(*) FROM ticket t WHERE t.created_at >= ?1 \
AND t.created_at < ?2 AND $TF GROUP BY t.type ORDER BY t.type"

plan "resolved by type" \
"SELECT 'type=' || t.type, count(*) $RESD WHERE $TF GROUP BY t.type \
ORDER BY t.type"

plan "backlog at the end (no filter)" \
"SELECT '', (SELECT count(*) FROM ticket t WHERE t.created_at < ?2 AND \
?3 IS ?3) - (SELECT count(*) FROM ticket t WHERE t.resolved_at < ?2 AND \
?3 IS ?3) + (SELECT coalesce(sum(coalesce(t.resolved_at < ?2, 0) - \
(t.created_at < ?2) + CASE WHEN t.created_at < ?2 THEN coalesce((SELECT \
e.new_value FROM ticket_event e INDEXED BY ticket_event_ticket WHERE \
e.ticket_id = t.id AND e.kind IN ('status', 'created') AND e.at < ?2 \
ORDER BY e.at DESC, e.id DESC LIMIT 1), 'new') NOT IN ('resolved', \
'closed') ELSE 0 END), 0) FROM ticket t WHERE t.id IN (SELECT id FROM \
ticket WHERE reopened > 0 UNION SELECT id FROM ticket WHERE status NOT IN \
('resolved', 'closed') AND status = 'reopened') AND ?3 IS ?3)"

plan "first response (median, p90)" \
"SELECT '', t.first_response_at - t.created_at AS s FROM ticket t WHERE \
t.created_at >= ?1 AND t.created_at < ?2 AND t.first_response_at IS NOT \
NULL AND $TF ORDER BY s"

plan "resolution by type (median, p90)" \
"SELECT 'type=' || t.type AS k, res.at - t.created_at AS s $RESD WHERE \
$TF ORDER BY k, s"

plan "reopen rate" \
"SELECT '', sum((EXISTS (SELECT 1 FROM ticket_event r INDEXED BY \
ticket_event_ticket, ticket_event f WHERE f.id = res.first_ev AND \
r.ticket_id = t.id AND r.kind = 'status' AND r.new_value = 'reopened' AND \
(r.at > f.at OR (r.at = f.at AND r.id > f.id))) OR (t.reopened > 0 AND NOT \
EXISTS (SELECT 1 FROM ticket_event r INDEXED BY ticket_event_ticket WHERE \
r.ticket_id = t.id AND r.kind = 'status' AND r.new_value = \
'reopened')))), count(*) $RESD WHERE $TF"

plan "csat" \
"SELECT '', sum(CAST(r.new_value AS INTEGER)), count(*) FROM ticket_event r \
JOIN ticket t ON t.id = r.ticket_id WHERE r.kind = 'rate' AND r.at >= ?1 AND \
r.at < ?2 AND $TF"

plan "revisits finished" \
"SELECT 'reason=' || v.reason, count(*) FROM revisit v WHERE v.status IN \
('done', 'failed') AND v.finished_at >= ?1 AND v.finished_at < ?2 GROUP BY \
v.reason ORDER BY v.reason"

plan "kb links" \
"SELECT 'article=' || l.article, count(*) FROM ticket_link l JOIN ticket t \
ON t.id = l.ticket_id WHERE l.linked_at >= ?1 AND l.linked_at < ?2 AND $TF \
GROUP BY l.article ORDER BY count(*) DESC, l.article LIMIT 10"

plan "kb gaps" \
"SELECT 'category=' || category, tickets FROM (SELECT t.category AS \
category, count(*) AS tickets FROM ticket t WHERE t.created_at >= ?1 AND \
t.created_at < ?2 AND t.category IS NOT NULL AND $TF AND t.category NOT \
IN (SELECT u.category FROM ticket_link l JOIN ticket u ON u.id = \
l.ticket_id WHERE u.category IS NOT NULL) GROUP BY t.category) ORDER BY \
tickets DESC, category"

echo "== $scans of $n queries read a whole table"
[ "$scans" -eq 0 ]
