-- 001: the staff roster, their leave, and the change log shared by all.
-- Times are INTEGER seconds since the epoch, UTC; dates of the calendar
-- (leave) are TEXT 'YYYY-MM-DD' in local time.

CREATE TABLE agent (
	id INTEGER PRIMARY KEY,
	login TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL DEFAULT '',
	team TEXT,
	role TEXT NOT NULL DEFAULT 'agent'
	    CHECK (role IN ('agent', 'supervisor', 'reviewer', 'owner', 'admin')),
	weight REAL NOT NULL DEFAULT 1 CHECK (weight > 0),
	capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);

CREATE TABLE agent_skill (
	agent_id INTEGER NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
	skill TEXT NOT NULL,
	PRIMARY KEY (agent_id, skill)
) WITHOUT ROWID;

-- Leave from first_day to last_day, both included.
CREATE TABLE agent_leave (
	id INTEGER PRIMARY KEY,
	agent_id INTEGER NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
	first_day TEXT NOT NULL,
	last_day TEXT NOT NULL CHECK (last_day >= first_day),
	note TEXT,
	created_at INTEGER NOT NULL
);
CREATE INDEX agent_leave_agent ON agent_leave (agent_id, first_day);

-- Every change by every binary: who, when, what, from -> to.
CREATE TABLE change_log (
	id INTEGER PRIMARY KEY,
	at INTEGER NOT NULL,
	actor TEXT NOT NULL,
	entity TEXT NOT NULL,
	entity_id INTEGER NOT NULL,
	field TEXT,
	old_value TEXT,
	new_value TEXT,
	note TEXT
);
CREATE INDEX change_log_entity ON change_log (entity, entity_id, at);

CREATE VIEW v_agents AS
SELECT a.id, a.login, a.name, a.team, a.role,
	(SELECT group_concat(skill, ';') FROM
	    (SELECT skill FROM agent_skill s WHERE s.agent_id = a.id
	     ORDER BY skill)) AS skills,
	-- 2 rather than 2.0 for a whole weight
	CASE WHEN a.weight = CAST(a.weight AS INTEGER)
	    THEN CAST(a.weight AS INTEGER) ELSE a.weight END AS weight,
	a.capacity, a.active,
	strftime('%Y-%m-%dT%H:%M:%S', a.created_at, 'unixepoch', 'localtime')
	    AS created_at,
	strftime('%Y-%m-%dT%H:%M:%S', a.updated_at, 'unixepoch', 'localtime')
	    AS updated_at
FROM agent a;

CREATE VIEW v_agent_leave AS
SELECT l.id, a.login, l.first_day, l.last_day, l.note
FROM agent_leave l JOIN agent a ON a.id = l.agent_id;

CREATE VIEW v_changes AS
SELECT id,
	strftime('%Y-%m-%dT%H:%M:%S', at, 'unixepoch', 'localtime') AS at,
	actor, entity, entity_id, field, old_value, new_value, note
FROM change_log;
