-- 010: a score counts in the period it was given, every time it is given.
-- The scores are the 'rate' events of the tickets' timelines: cs-ticket
-- rate writes one each time, and an import one per imported score, at its
-- resolution (remade on each import, as its other events). A ticket rated
-- again keeps its first score in the report that counted it. The scores
-- that earlier imports left in the ticket alone get their event here.
CREATE INDEX IF NOT EXISTS ticket_event_rate ON ticket_event (at) WHERE kind = 'rate';
INSERT INTO ticket_event (ticket_id, at, actor, kind, field, new_value,
    note)
SELECT t.id, t.csat_at, coalesce((SELECT e.actor FROM ticket_event e
	WHERE e.ticket_id = t.id AND e.note = 'imported' LIMIT 1), 'import'),
    'rate', 'csat', t.csat, 'imported'
FROM ticket t
WHERE t.csat IS NOT NULL AND t.csat_at IS NOT NULL AND NOT EXISTS
    (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND
	e.kind = 'rate');
DROP INDEX IF EXISTS ticket_csat;
