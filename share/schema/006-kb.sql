-- 006: the knowledge base (知识库): articles, their versions and votes, and
-- the full-text index. The index uses the tokenizer "cs" of
-- common/kbtok.c (CJK as character bigrams, other text as folded words),
-- which every cs binary registers on its connection before migrating; a
-- plain sqlite3 shell can read every table and view here, but cannot
-- write articles or query article_fts.

CREATE TABLE article (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL CHECK (title != ''),
	body TEXT NOT NULL DEFAULT '',
	category TEXT,
	tags TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft',
	    'review', 'published', 'archived')),
	owner TEXT NOT NULL,
	reviewer TEXT,
	version INTEGER NOT NULL DEFAULT 1,
	views INTEGER NOT NULL DEFAULT 0,
	helpful INTEGER NOT NULL DEFAULT 0,
	unhelpful INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	reviewed_at INTEGER,
	published_at INTEGER
);
CREATE INDEX article_title ON article (title);
CREATE INDEX article_status ON article (status, updated_at);

-- Every version of every article, the first included: the current one is
-- also in article.
CREATE TABLE article_version (
	id INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
	version INTEGER NOT NULL,
	title TEXT NOT NULL,
	body TEXT NOT NULL,
	category TEXT,
	tags TEXT NOT NULL,
	at INTEGER NOT NULL,
	actor TEXT NOT NULL,
	note TEXT,
	UNIQUE (article_id, version)
);

-- One vote per person and article; a second vote replaces the first.
-- article.helpful and .unhelpful are the counts of these.
CREATE TABLE article_vote (
	article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
	actor TEXT NOT NULL,
	helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
	at INTEGER NOT NULL,
	PRIMARY KEY (article_id, actor)
) WITHOUT ROWID;

-- External content: the text lives once, in article; the triggers keep
-- the index in step with every insert, edit and delete, whoever makes it.
-- The status is not indexed: search filters on article.status.
CREATE VIRTUAL TABLE article_fts USING fts5(title, body, content='article',
    content_rowid='id', tokenize='cs');

CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
	INSERT INTO article_fts (rowid, title, body)
	    VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
	INSERT INTO article_fts (article_fts, rowid, title, body)
	    VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TRIGGER article_fts_update AFTER UPDATE OF title, body ON article
BEGIN
	INSERT INTO article_fts (article_fts, rowid, title, body)
	    VALUES ('delete', old.id, old.title, old.body);
	INSERT INTO article_fts (rowid, title, body)
	    VALUES (new.id, new.title, new.body);
END;

CREATE VIEW v_articles AS
SELECT a.id, a.title, a.category, a.tags, a.status, a.owner, a.reviewer,
	a.version, a.views, a.helpful, a.unhelpful,
	strftime('%Y-%m-%dT%H:%M:%S', a.created_at, 'unixepoch', 'localtime')
	    AS created_at,
	strftime('%Y-%m-%dT%H:%M:%S', a.updated_at, 'unixepoch', 'localtime')
	    AS updated_at,
	strftime('%Y-%m-%dT%H:%M:%S', a.reviewed_at, 'unixepoch', 'localtime')
	    AS reviewed_at,
	strftime('%Y-%m-%dT%H:%M:%S', a.published_at, 'unixepoch',
	    'localtime') AS published_at,
	a.body
FROM article a;

CREATE VIEW v_article_versions AS
SELECT v.article_id, v.version, v.title, v.category, v.tags,
	strftime('%Y-%m-%dT%H:%M:%S', v.at, 'unixepoch', 'localtime') AS at,
	v.actor, v.note, v.body
FROM article_version v;
