-- 004: the attempts of revisit tasks (the record sheet, 回访记录表).
-- seq numbers the attempts of a task, so that a sheet imported twice
-- records each attempt once.
CREATE TABLE revisit_attempt (
	id INTEGER PRIMARY KEY,
	revisit_id INTEGER NOT NULL REFERENCES revisit (id),
	seq INTEGER NOT NULL,
	at INTEGER NOT NULL,
	actor TEXT NOT NULL,
	agent_id INTEGER REFERENCES agent (id),
	result TEXT NOT NULL CHECK (result IN ('reached', 'no-answer', 'busy',
	    'refused', 'invalid-number', 'suspended')),
	score INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 5),
	note TEXT,
	ticket_id INTEGER REFERENCES ticket (id),
	UNIQUE (revisit_id, seq)
);
CREATE INDEX revisit_attempt_at ON revisit_attempt (at);
CREATE INDEX revisit_finished ON revisit (finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX revisit_created ON revisit (created_at);

CREATE VIEW v_revisit_attempts AS
SELECT a.id, a.revisit_id, v.customer_id, v.reason, a.seq,
	strftime('%Y-%m-%dT%H:%M:%S', a.at, 'unixepoch', 'localtime') AS at,
	a.actor, g.login AS agent, a.result, a.score, a.note, a.ticket_id
FROM revisit_attempt a JOIN revisit v ON v.id = a.revisit_id
LEFT JOIN agent g ON g.id = a.agent_id;
