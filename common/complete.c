/* complete.c - the value lists that shell completion asks the binaries for
 * ("@NAME" in an option table), from the database, silently when there is
 * none */
#include <string.h>

#include "cs.h"

static const struct {
	const char *name, *sql;
} lists[] = {
	{ "agents", "SELECT login FROM agent WHERE active = 1 ORDER BY 1" },
	{ "teams", "SELECT DISTINCT team FROM agent WHERE team IS NOT NULL "
	    "ORDER BY 1" },
	{ "agents_teams", "SELECT name FROM (SELECT login AS name, 0 AS k "
	    "FROM agent WHERE active = 1 UNION SELECT team, 1 FROM agent "
	    "WHERE team IS NOT NULL) ORDER BY k, name" },
	{ "skills", "SELECT DISTINCT skill FROM agent_skill ORDER BY 1" },
	{ "types", "SELECT name FROM ticket_type ORDER BY 1" },
	{ "segments", "SELECT DISTINCT segment FROM customer WHERE segment IS "
	    "NOT NULL ORDER BY 1" },
	{ "cities", "SELECT DISTINCT city FROM customer WHERE city IS NOT NULL "
	    "ORDER BY 1" },
	{ "tags", "WITH RECURSIVE t(tag, rest) AS (SELECT '', tags || ';' FROM "
	    "(SELECT DISTINCT tags FROM customer WHERE tags != '') UNION ALL "
	    "SELECT substr(rest, 1, instr(rest, ';') - 1), substr(rest, "
	    "instr(rest, ';') + 1) FROM t WHERE rest != '') SELECT DISTINCT "
	    "tag FROM t WHERE tag != '' ORDER BY 1" },
	{ "attrs", "SELECT DISTINCT j.key FROM customer c, json_each(c.attrs) "
	    "j ORDER BY 1" },
	{ "reasons", "SELECT DISTINCT reason FROM revisit ORDER BY 1" },
	{ "categories", "SELECT DISTINCT category FROM ticket WHERE category "
	    "IS NOT NULL ORDER BY 1" },
	{ "stages", "SELECT DISTINCT stage FROM ticket WHERE stage IS NOT NULL "
	    "ORDER BY 1" },
	{ "root_causes", "SELECT DISTINCT root_cause FROM ticket WHERE "
	    "root_cause IS NOT NULL ORDER BY 1" },
	{ "kb_categories", "SELECT DISTINCT category FROM article WHERE "
	    "category IS NOT NULL ORDER BY 1" },
	{ "kb_tags", "WITH RECURSIVE t(tag, rest) AS (SELECT '', tags || ';' "
	    "FROM (SELECT DISTINCT tags FROM article WHERE tags != '') UNION "
	    "ALL SELECT substr(rest, 1, instr(rest, ';') - 1), substr(rest, "
	    "instr(rest, ';') + 1) FROM t WHERE rest != '') SELECT DISTINCT "
	    "tag FROM t WHERE tag != '' ORDER BY 1" },
	{ "forms", "SELECT name FROM qa_form ORDER BY 1" },
	{ NULL, NULL }
};

void
cs_complete_values(const char *name)
{
	static const char periods[] = "today\nyesterday\nthis-week\nlast-week\n"
	    "this-month\nlast-month\nthis-quarter\nlast-quarter\nthis-year\n"
	    "last-year\n";
	sqlite3_stmt *st;
	int i;

	if (strcmp(name, "periods") == 0) {
		fputs(periods, stdout);
		return;
	}
	for (i = 0; lists[i].name && strcmp(lists[i].name, name); i++)
		;
	if (!lists[i].name || cs_db_open(CS_DB_READ, NULL) != 0)
		return;
	st = cs_sql(lists[i].sql);
	while (sqlite3_step(st) == SQLITE_ROW)
		printf("%s\n", sqlite3_column_text(st, 0));
	sqlite3_reset(st);
}
