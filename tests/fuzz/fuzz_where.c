/*
 * fuzz_where.c - the filters of cs-customer list (customer.c): --where,
 * --sort, --search and --tag, on a small database. Each line of the input
 * is one --where, except "sort=...", "search=..." and "tag=..." lines.
 * The query must prepare and run, or be refused with 65 (bad filter) or
 * 2 (too many); values reach SQLite only as bound parameters, so none of
 * them may break the statement.
 */
#include <unistd.h>

#include "fuzz.h"

static char dir[] = "/tmp/fuzz_where.XXXXXX";
static char dbpath[64];

static void
cleanup(void)
{
	char p[96];

	cs_db_close();
	snprintf(p, sizeof p, "%s-wal", dbpath);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", dbpath);
	unlink(p);
	unlink(dbpath);
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	sqlite3 *db;

	(void)argc;
	(void)argv;
	if (!mkdtemp(dir))
		abort();
	snprintf(dbpath, sizeof dbpath, "%s/cs.db", dir);
	setenv("CS_DB", dbpath, 1);
	setenv("TZ", "Asia/Shanghai", 1);
	setenv("CS_NOW", "2026-11-24T09:00:00", 1);
	atexit(cleanup);
	if (cs_db_open(CS_DB_WRITE, &db) != 0 || sqlite3_exec(db,
	    "INSERT INTO agent (login, name, created_at, updated_at) "
	    "VALUES ('li.na', '李娜', 1, 1);"
	    "INSERT INTO customer (code, name, phone, city, segment, tags, "
	    "owner_id, attrs, created_at, created_by, updated_at) VALUES "
	    "('C1', '王芳', '13812345678', '上海', 'vip', 'vip;老客户', 1, "
	    "'{\"purchase_date\":\"2026-11-01\",\"points\":\"1200\"}', "
	    "1795000000, 'fuzz', 1795000000),"
	    "('C2', 'O''Brien; DROP TABLE customer;--', NULL, '北京', "
	    "'normal', '', NULL, '{}', 1795400000, 'fuzz', 1795400000);",
	    NULL, NULL, NULL) != SQLITE_OK)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_customer_filter f = { 0 };
	const char *where[300], *tags[8];
	sqlite3_stmt *st;
	char *s, *line, *next;
	int rc, n = 0;

	if (!dbpath[0])
		LLVMFuzzerInitialize(NULL, NULL);
	s = fuzz_str(data, size);
	f.where = where;
	f.tags = tags;
	for (line = s; line; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (strncmp(line, "sort=", 5) == 0)
			f.sort = line + 5;
		else if (strncmp(line, "search=", 7) == 0)
			f.search = line + 7;
		else if (strncmp(line, "tag=", 4) == 0 && f.ntags < 8)
			tags[f.ntags++] = line + 4;
		else if (*line && f.nwhere < 300)
			where[f.nwhere++] = line;
	}
	f.all = size > 0 && data[0] == '!';
	rc = cs_customer_query(&f, &st);
	if (rc == 0) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			n++;
		FUZZ_CHECK(rc == SQLITE_DONE, "step: %s",
		    sqlite3_errstr(rc));
		FUZZ_CHECK(n <= 2, "%d rows of 2", n);
		sqlite3_finalize(st);
	} else
		FUZZ_CHECK(rc == CS_EX_DATAERR || rc == CS_EX_USAGE,
		    "status %d", rc);
	/* The table is still there, whatever the filters said. */
	st = cs_sql("SELECT count(*) FROM customer");
	FUZZ_CHECK(sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_int(st, 0) == 2, "customers changed");
	sqlite3_reset(st);
	free(s);
	return 0;
}
