-- 009: the CHECKs that list three or more values say the same with ORs.
-- SQLite tests "x IN ('a', 'b', 'c')" in a CHECK by filling a temporary
-- b-tree with the list for every row it writes (two values or fewer are
-- compared in place): 1.4 s of a 1,000,000-customer import went there.
-- "(x = 'a' OR x = 'b' OR x = 'c')" is the same test, NULL included, and
-- costs a few comparisons. No stored row changes, so the tables are not
-- rebuilt: the text of each table is edited in sqlite_master (so named
-- for SQLite before 3.33, which lacks the name sqlite_schema), the way
-- SQLite's ALTER TABLE page allows for changes to CHECK constraints
-- (https://sqlite.org/lang_altertable.html, "Making Other Kinds Of Table
-- Schema Changes"). migrate() then raises schema_version, so that every
-- connection reads the new text. A text that does not match, in a file
-- somebody changed by hand, is left as it was: it still holds, only slower.
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql,
    'role IN (''agent'', ''supervisor'', ''reviewer'', ''owner'', ''admin'')',
    'role = ''agent'' OR role = ''supervisor'' OR
	    role = ''reviewer'' OR role = ''owner'' OR role = ''admin''')
WHERE type = 'table' AND name = 'agent';
UPDATE sqlite_master SET sql = replace(sql,
    'status IN (''active'', ''invalid'', ''merged'', ''erased'')',
    'status = ''active'' OR status = ''invalid'' OR
	    status = ''merged'' OR status = ''erased''')
WHERE type = 'table' AND name = 'customer';
UPDATE sqlite_master SET sql = replace(sql,
    'contact_reason IN
	    (''invalid-number'', ''suspended'', ''refused'', ''do-not-contact'')',
    'contact_reason = ''invalid-number'' OR
	    contact_reason = ''suspended'' OR
	    contact_reason = ''refused'' OR
	    contact_reason = ''do-not-contact''')
WHERE type = 'table' AND name = 'customer';
UPDATE sqlite_master SET sql = replace(sql,
    'channel IN (''phone'', ''email'', ''wechat'',
	    ''chat'', ''sms'', ''walk-in'', ''web'')',
    'channel = ''phone'' OR channel = ''email'' OR
	    channel = ''wechat'' OR channel = ''chat'' OR
	    channel = ''sms'' OR channel = ''walk-in'' OR
	    channel = ''web''')
WHERE type = 'table' AND name = 'ticket';
UPDATE sqlite_master SET sql = replace(sql,
    'priority IN (''urgent'', ''high'', ''normal'', ''low'')',
    'priority = ''urgent'' OR priority = ''high'' OR
	    priority = ''normal'' OR priority = ''low''')
WHERE type = 'table' AND name = 'ticket';
UPDATE sqlite_master SET sql = replace(sql,
    'status IN (''new'', ''open'',
	    ''pending'', ''resolved'', ''closed'', ''reopened'')',
    'status = ''new'' OR status = ''open'' OR
	    status = ''pending'' OR status = ''resolved'' OR
	    status = ''closed'' OR status = ''reopened''')
WHERE type = 'table' AND name = 'ticket';
UPDATE sqlite_master SET sql = replace(sql,
    'priority IN (''urgent'', ''high'', ''normal'', ''low'')',
    'priority = ''urgent'' OR priority = ''high'' OR
	    priority = ''normal'' OR priority = ''low''')
WHERE type = 'table' AND name = 'sla_policy';
UPDATE sqlite_master SET sql = replace(sql,
    'status IN (''open'', ''done'', ''failed'', ''cancelled'')',
    'status = ''open'' OR status = ''done'' OR
	    status = ''failed'' OR status = ''cancelled''')
WHERE type = 'table' AND name = 'revisit';
UPDATE sqlite_master SET sql = replace(sql,
    'result IN (''reached'', ''no-answer'', ''busy'',
	    ''refused'', ''invalid-number'', ''suspended'')',
    'result = ''reached'' OR result = ''no-answer'' OR
	    result = ''busy'' OR result = ''refused'' OR
	    result = ''invalid-number'' OR result = ''suspended''')
WHERE type = 'table' AND name = 'revisit_attempt';
UPDATE sqlite_master SET sql = replace(sql,
    'status IN (''draft'',
	    ''review'', ''published'', ''archived'')',
    'status = ''draft'' OR status = ''review'' OR
	    status = ''published'' OR status = ''archived''')
WHERE type = 'table' AND name = 'article';
UPDATE sqlite_master SET sql = replace(sql,
    'scope IN (''all'', ''team'', ''agent'')',
    'scope = ''all'' OR scope = ''team'' OR scope = ''agent''')
WHERE type = 'table' AND name = 'agent_target';
PRAGMA writable_schema = OFF;
