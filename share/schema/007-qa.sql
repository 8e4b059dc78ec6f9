-- 007: quality reviews of tickets (质检) and the standards of the agents'
-- scorecards (绩效).  Points and scores are whole numbers.

-- A scoring form: items with their maxima, which sum to 100 (checked by
-- cs-ticket qa-form set).  pos keeps the order the items were given in.
CREATE TABLE qa_form (
	name TEXT PRIMARY KEY,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE qa_form_item (
	form TEXT NOT NULL REFERENCES qa_form (name) ON DELETE CASCADE,
	item TEXT NOT NULL,
	max INTEGER NOT NULL CHECK (max BETWEEN 1 AND 100),
	pos INTEGER NOT NULL,
	PRIMARY KEY (form, item)
) WITHOUT ROWID;

-- One review per ticket (a re-review with --replace takes its place; the
-- timeline keeps both).  form is NULL for a total given without a form.
-- Each item keeps the maximum it had, so that a form changed later does
-- not change what a review meant.
CREATE TABLE qa_review (
	id INTEGER PRIMARY KEY,
	ticket_id INTEGER NOT NULL UNIQUE REFERENCES ticket (id),
	form TEXT,
	score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
	reviewer TEXT NOT NULL,
	note TEXT,
	at INTEGER NOT NULL
);
CREATE INDEX qa_review_at ON qa_review (at);

CREATE TABLE qa_review_item (
	review_id INTEGER NOT NULL REFERENCES qa_review (id) ON DELETE CASCADE,
	item TEXT NOT NULL,
	points INTEGER NOT NULL CHECK (points >= 0),
	max INTEGER NOT NULL CHECK (points <= max),
	pos INTEGER NOT NULL,
	PRIMARY KEY (review_id, item)
) WITHOUT ROWID;

-- Standards for scorecard metrics: for everyone (scope 'all', who ''), a
-- team (who = the team) or one agent (who = the login).  The most
-- specific one applies.
CREATE TABLE agent_target (
	metric TEXT NOT NULL,
	scope TEXT NOT NULL CHECK (scope IN ('all', 'team', 'agent')),
	who TEXT NOT NULL DEFAULT '',
	op TEXT NOT NULL CHECK (op IN ('>=', '<=')),
	value NUMERIC NOT NULL,
	set_at INTEGER NOT NULL,
	PRIMARY KEY (metric, scope, who)
) WITHOUT ROWID;

CREATE VIEW v_reviews AS
SELECT r.id, r.ticket_id, a.login AS agent, r.reviewer, r.form, r.score,
	(SELECT json_group_object(item, points) FROM (SELECT item, points
	    FROM qa_review_item i WHERE i.review_id = r.id ORDER BY pos))
	    AS items,
	r.note,
	strftime('%Y-%m-%dT%H:%M:%S', r.at, 'unixepoch', 'localtime') AS at
FROM qa_review r JOIN ticket t ON t.id = r.ticket_id
LEFT JOIN agent a ON a.id = t.resolved_by;

CREATE VIEW v_agent_targets AS
SELECT metric, op, value,
	CASE scope WHEN 'team' THEN who END AS team,
	CASE scope WHEN 'agent' THEN who END AS agent,
	strftime('%Y-%m-%dT%H:%M:%S', set_at, 'unixepoch', 'localtime')
	    AS set_at
FROM agent_target;
