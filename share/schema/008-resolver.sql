-- 008: who resolved. Each resolution on the timeline names the agent it
-- counts for (the assignee then, else the agent who did it), so that a
-- ticket reopened and resolved again by somebody else still counts for the
-- first agent in the first period. Resolutions recorded before this
-- migration take the ticket's last resolver, as the reports took them.
ALTER TABLE ticket_event ADD COLUMN agent_id INTEGER REFERENCES agent (id);
UPDATE ticket_event SET agent_id = (SELECT t.resolved_by FROM ticket t
    WHERE t.id = ticket_event.ticket_id)
WHERE kind = 'status' AND new_value = 'resolved';
