/* min-tickets - the floor for importing tickets: libcsv and one prepared
 * INSERT in one transaction, into a table with the three indexes the
 * reports need. Usage: min-tickets FILE DB */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <sqlite3.h>

#define MAXF 16

static sqlite3_stmt *ins;
static char *field[MAXF];
static size_t len[MAXF];
static int nf, header = 1;

static void
cb1(void *s, size_t n, void *p)
{
	(void)p;
	if (nf < MAXF) {
		field[nf] = realloc(field[nf], n + 1);
		memcpy(field[nf], s, n);
		field[nf][n] = '\0';
		len[nf++] = n;
	}
}

static void
cb2(int c, void *p)
{
	int i;

	(void)c, (void)p;
	if (!header) {
		for (i = 0; i < nf; i++)
			sqlite3_bind_text(ins, i + 1, field[i], (int)len[i],
			    SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE)
			exit(1);
		sqlite3_reset(ins);
	}
	header = 0;
	nf = 0;
}

int
main(int argc, char **argv)
{
	static char buf[1 << 16];
	struct csv_parser p;
	sqlite3 *db;
	FILE *fp;
	size_t n;

	if (argc < 3 || !(fp = fopen(argv[1], "rb")) ||
	    sqlite3_open(argv[2], &db) != SQLITE_OK)
		return 1;
	sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
	    "CREATE TABLE t (id INTEGER PRIMARY KEY, external_id TEXT UNIQUE, "
	    "customer TEXT, type TEXT, channel TEXT, priority TEXT, status "
	    "TEXT, subject TEXT, created_at TEXT, first_response_at TEXT, "
	    "resolved_at TEXT, csat TEXT);"
	    "CREATE INDEX t_created ON t (created_at);"
	    "CREATE INDEX t_resolved ON t (resolved_at);"
	    "CREATE INDEX t_customer ON t (customer);"
	    "BEGIN", NULL, NULL, NULL);
	if (sqlite3_prepare_v2(db, "INSERT INTO t (external_id, customer, type, "
	    "channel, priority, status, subject, created_at, first_response_at, "
	    "resolved_at, csat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1,
	    &ins, NULL))
		return 1;
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		if (csv_parse(&p, buf, n, cb1, cb2, NULL) != n)
			return 1;
	csv_fini(&p, cb1, cb2, NULL);
	sqlite3_finalize(ins);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	return sqlite3_close(db) != SQLITE_OK;
}
