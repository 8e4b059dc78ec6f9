-- 003: tickets, their events, SLA policies and the business calendar, and
-- revisit tasks (created by resolving a ticket; planned by cs-revisit).

-- Types are extendable: a row here makes a type known. revisit_days is
-- the delay of the automatic revisit after resolving (NULL: none).
CREATE TABLE ticket_type (
	name TEXT PRIMARY KEY,
	revisit_days INTEGER CHECK (revisit_days IS NULL OR revisit_days >= 0),
	revisit_reason TEXT
);
INSERT INTO ticket_type VALUES ('consult', NULL, NULL);
INSERT INTO ticket_type VALUES ('complaint', 3, '投诉回访');
INSERT INTO ticket_type VALUES ('grumble', NULL, NULL);
INSERT INTO ticket_type VALUES ('tech', NULL, NULL);
INSERT INTO ticket_type VALUES ('aftersales', NULL, NULL);

CREATE TABLE ticket (
	id INTEGER PRIMARY KEY,
	external_id TEXT UNIQUE,
	customer_id INTEGER NOT NULL REFERENCES customer (id),
	type TEXT NOT NULL REFERENCES ticket_type (name),
	subtype TEXT,
	channel TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'wechat',
	    'chat', 'sms', 'walk-in', 'web')),
	priority TEXT NOT NULL DEFAULT 'normal'
	    CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
	category TEXT,
	stage TEXT,
	root_cause TEXT,
	resolution TEXT,
	status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'open',
	    'pending', 'resolved', 'closed', 'reopened')),
	assignee_id INTEGER REFERENCES agent (id),
	resolved_by INTEGER REFERENCES agent (id),
	escalated_to TEXT,
	subject TEXT NOT NULL DEFAULT '',
	body TEXT,
	created_at INTEGER NOT NULL,
	first_response_at INTEGER,
	resolved_at INTEGER,
	closed_at INTEGER,
	pending_until INTEGER,
	reopened INTEGER NOT NULL DEFAULT 0,
	csat INTEGER CHECK (csat IS NULL OR csat BETWEEN 1 AND 5),
	csat_at INTEGER,
	csat_comment TEXT,
	first_response_due INTEGER,
	resolution_due INTEGER,
	updated_at INTEGER NOT NULL
);
CREATE INDEX ticket_created ON ticket (created_at);
CREATE INDEX ticket_resolved ON ticket (resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX ticket_open ON ticket (status, resolution_due)
    WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX ticket_customer ON ticket (customer_id);
CREATE INDEX ticket_assignee ON ticket (assignee_id, status);

-- The timeline: every change of every ticket.
CREATE TABLE ticket_event (
	id INTEGER PRIMARY KEY,
	ticket_id INTEGER NOT NULL REFERENCES ticket (id),
	at INTEGER NOT NULL,
	actor TEXT NOT NULL,
	kind TEXT NOT NULL,
	field TEXT,
	old_value TEXT,
	new_value TEXT,
	note TEXT,
	public INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ticket_event_ticket ON ticket_event (ticket_id, at);

CREATE TABLE ticket_link (
	ticket_id INTEGER NOT NULL REFERENCES ticket (id),
	article TEXT NOT NULL,
	linked_at INTEGER NOT NULL,
	actor TEXT NOT NULL,
	PRIMARY KEY (ticket_id, article)
) WITHOUT ROWID;

-- Targets in seconds, in working hours (calendar 'work') or around the
-- clock ('24x7').
CREATE TABLE sla_policy (
	type TEXT NOT NULL REFERENCES ticket_type (name),
	priority TEXT NOT NULL
	    CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
	first_response INTEGER NOT NULL CHECK (first_response > 0),
	resolution INTEGER NOT NULL CHECK (resolution > 0),
	calendar TEXT NOT NULL DEFAULT 'work' CHECK (calendar IN ('work', '24x7')),
	PRIMARY KEY (type, priority)
) WITHOUT ROWID;

-- Weekly working hours: weekday 1 (Monday) to 7, minutes of the day,
-- half-open. A make-up workday (调休) uses Monday's hours.
CREATE TABLE work_hours (
	weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
	start_min INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
	end_min INTEGER NOT NULL CHECK (end_min > start_min AND end_min <= 1440),
	PRIMARY KEY (weekday, start_min)
) WITHOUT ROWID;
INSERT INTO work_hours VALUES (1, 540, 1080), (2, 540, 1080), (3, 540, 1080),
    (4, 540, 1080), (5, 540, 1080);

-- Dated exceptions: a holiday on a working day, or a workday on a weekend.
CREATE TABLE calendar_day (
	day TEXT PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
	note TEXT
) WITHOUT ROWID;

-- Revisit tasks. One per customer, reason and period (for a ticket's
-- automatic revisit the period is 'ticket:ID'), so planning is idempotent.
CREATE TABLE revisit (
	id INTEGER PRIMARY KEY,
	customer_id INTEGER NOT NULL REFERENCES customer (id),
	ticket_id INTEGER REFERENCES ticket (id),
	reason TEXT NOT NULL,
	period TEXT NOT NULL,
	due_date TEXT NOT NULL,
	skill TEXT,
	status TEXT NOT NULL DEFAULT 'open'
	    CHECK (status IN ('open', 'done', 'failed', 'cancelled')),
	agent_id INTEGER REFERENCES agent (id),
	assigned_at INTEGER,
	attempts INTEGER NOT NULL DEFAULT 0,
	last_result TEXT,
	score INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 5),
	note TEXT,
	created_at INTEGER NOT NULL,
	finished_at INTEGER,
	UNIQUE (customer_id, reason, period)
);
CREATE INDEX revisit_due ON revisit (status, due_date);
CREATE INDEX revisit_agent ON revisit (agent_id, status);

CREATE VIEW v_tickets AS
SELECT t.id, t.external_id, t.customer_id, c.code AS customer_code,
	c.name AS customer_name, t.type, t.subtype, t.channel, t.priority,
	t.category, t.stage, t.root_cause, t.resolution, t.status,
	a.login AS assignee, r.login AS resolved_by, t.escalated_to,
	t.subject, t.body,
	strftime('%Y-%m-%dT%H:%M:%S', t.created_at, 'unixepoch', 'localtime')
	    AS created_at,
	strftime('%Y-%m-%dT%H:%M:%S', t.first_response_at, 'unixepoch',
	    'localtime') AS first_response_at,
	strftime('%Y-%m-%dT%H:%M:%S', t.resolved_at, 'unixepoch', 'localtime')
	    AS resolved_at,
	strftime('%Y-%m-%dT%H:%M:%S', t.closed_at, 'unixepoch', 'localtime')
	    AS closed_at,
	t.reopened, t.csat,
	strftime('%Y-%m-%dT%H:%M:%S', t.first_response_due, 'unixepoch',
	    'localtime') AS first_response_due,
	strftime('%Y-%m-%dT%H:%M:%S', t.resolution_due, 'unixepoch',
	    'localtime') AS resolution_due
FROM ticket t JOIN customer c ON c.id = t.customer_id
LEFT JOIN agent a ON a.id = t.assignee_id
LEFT JOIN agent r ON r.id = t.resolved_by;

CREATE VIEW v_ticket_events AS
SELECT e.id, e.ticket_id,
	strftime('%Y-%m-%dT%H:%M:%S', e.at, 'unixepoch', 'localtime') AS at,
	e.actor, e.kind, e.field, e.old_value, e.new_value, e.note, e.public
FROM ticket_event e;

CREATE VIEW v_revisits AS
SELECT v.id, v.customer_id, c.name AS customer_name, v.ticket_id, v.reason,
	v.period, v.due_date, v.skill, v.status, a.login AS agent,
	strftime('%Y-%m-%dT%H:%M:%S', v.assigned_at, 'unixepoch', 'localtime')
	    AS assigned_at,
	v.attempts, v.last_result, v.score, v.note,
	strftime('%Y-%m-%dT%H:%M:%S', v.created_at, 'unixepoch', 'localtime')
	    AS created_at,
	strftime('%Y-%m-%dT%H:%M:%S', v.finished_at, 'unixepoch', 'localtime')
	    AS finished_at
FROM revisit v JOIN customer c ON c.id = v.customer_id
LEFT JOIN agent a ON a.id = v.agent_id;
