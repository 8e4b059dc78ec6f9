-- 005: indexes for the reports, so that a week reads a week.
CREATE INDEX ticket_event_status ON ticket_event (new_value, at)
    WHERE kind = 'status';
CREATE INDEX ticket_reopened ON ticket (id) WHERE reopened > 0;
CREATE INDEX ticket_csat ON ticket (csat_at) WHERE csat_at IS NOT NULL;
CREATE INDEX ticket_link_at ON ticket_link (linked_at);
