-- 002: customers. Custom attributes live in one JSON object per customer
-- and tags in one ';'-joined, sorted text, so that an import writes one row
-- per customer; list filters on them scan, which 1M rows afford.

CREATE TABLE customer (
	id INTEGER PRIMARY KEY,
	code TEXT UNIQUE,
	name TEXT NOT NULL DEFAULT '',
	phone TEXT,
	phone2 TEXT,
	email TEXT,
	email_key TEXT,
	wechat TEXT,
	company TEXT,
	city TEXT,
	address TEXT,
	segment TEXT,
	tags TEXT NOT NULL DEFAULT '',
	owner_id INTEGER REFERENCES agent (id),
	birthday TEXT,
	notes TEXT,
	attrs TEXT NOT NULL DEFAULT '{}',
	status TEXT NOT NULL DEFAULT 'active'
	    CHECK (status IN ('active', 'invalid', 'merged', 'erased')),
	contact_reason TEXT CHECK (contact_reason IS NULL OR contact_reason IN
	    ('invalid-number', 'suspended', 'refused', 'do-not-contact')),
	contact_note TEXT,
	merged_into INTEGER REFERENCES customer (id),
	created_at INTEGER NOT NULL,
	created_by TEXT NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX customer_phone ON customer (phone) WHERE phone IS NOT NULL;
CREATE INDEX customer_phone2 ON customer (phone2) WHERE phone2 IS NOT NULL;
CREATE INDEX customer_email ON customer (email_key) WHERE email_key IS NOT NULL;
CREATE INDEX customer_wechat ON customer (wechat) WHERE wechat IS NOT NULL;
CREATE INDEX customer_owner ON customer (owner_id) WHERE owner_id IS NOT NULL;

CREATE VIEW v_customers AS
SELECT c.id, c.code, c.name, c.phone, c.phone2, c.email, c.wechat,
	c.company, c.city, c.address, c.segment, c.tags, a.login AS owner,
	c.birthday, c.notes, c.attrs, c.status, c.contact_reason,
	c.contact_note, c.merged_into,
	strftime('%Y-%m-%dT%H:%M:%S', c.created_at, 'unixepoch', 'localtime')
	    AS created_at,
	strftime('%Y-%m-%dT%H:%M:%S', c.updated_at, 'unixepoch', 'localtime')
	    AS updated_at
FROM customer c LEFT JOIN agent a ON a.id = c.owner_id;

-- One row per customer and attribute, for BI tools.
CREATE VIEW v_customer_attrs AS
SELECT c.id AS customer_id, j.key AS name, j.value AS value
FROM customer c, json_each(c.attrs) j;
