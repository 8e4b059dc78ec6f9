/* min-import - the floors for importing customers: libcsv and one prepared
 * INSERT in one transaction.
 *
 * min-import FILE DB: into a table of text columns with the same unique
 * code and phone, e-mail indexes as cs's.
 * min-import FILE DB same: the same rows as cs-customer import into the
 * same schema (DB is an empty cs database): the attributes as one JSON
 * object, the e-mail's matching key, the creation stamps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <sqlite3.h>

#define MAXF 32

static sqlite3_stmt *ins;
static char *field[MAXF];
static size_t len[MAXF];
static int nf, header = 1, same;
static char *names[MAXF];

/* Appends s to the JSON text at *p as a string, escaped. */
static char *
jstr(char *p, const char *s)
{
	*p++ = '"';
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			*p++ = '\\';
		*p++ = *s;
	}
	*p++ = '"';
	return p;
}

/* The row as cs writes it: code, name, phone, email, city, segment, tags,
 * notes, then the attribute columns into one object. */
static void
put(void)
{
	static char attrs[4096];
	char *p = attrs;
	int i;

	for (i = 0; i < 8 && i < nf; i++)
		if (len[i])
			sqlite3_bind_text(ins, i + 1, field[i], (int)len[i],
			    SQLITE_STATIC);
		else
			sqlite3_bind_null(ins, i + 1);
	*p++ = '{';
	for (i = 8; i < nf; i++) {
		if (i > 8)
			*p++ = ',';
		p = jstr(p, names[i] + 5);
		*p++ = ':';
		p = jstr(p, field[i]);
	}
	*p++ = '}';
	sqlite3_bind_text(ins, 9, attrs, (int)(p - attrs), SQLITE_STATIC);
	sqlite3_bind_text(ins, 10, field[3], (int)len[3], SQLITE_STATIC);
	sqlite3_bind_int64(ins, 11, 1795000000);
}

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
	if (header) {
		for (i = 0; i < nf; i++)
			names[i] = strdup(field[i]);
		header = 0;
		nf = 0;
		return;
	}
	if (same)
		put();
	else
		for (i = 0; i < nf; i++)
			sqlite3_bind_text(ins, i + 1, field[i], (int)len[i],
			    SQLITE_STATIC);
	if (sqlite3_step(ins) != SQLITE_DONE)
		exit(1);
	sqlite3_reset(ins);
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
	if ((same = argc > 3)) {
		sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous "
		    "= FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = "
		    "-262144; BEGIN", NULL, NULL, NULL);
		if (sqlite3_prepare_v2(db, "INSERT INTO customer (code, name, "
		    "phone, email, city, segment, tags, notes, attrs, "
		    "email_key, created_at, created_by, updated_at) VALUES (?1, "
		    "?2, ?3, ?4, ?5, ?6, coalesce(?7, ''), ?8, ?9, ?10, ?11, "
		    "'bench', ?11)", -1, &ins, NULL))
			return 1;
		goto load;
	}
	sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
	    "CREATE TABLE IF NOT EXISTS customer (id INTEGER PRIMARY KEY, "
	    "code TEXT UNIQUE, name TEXT, phone TEXT, email TEXT, city TEXT, "
	    "segment TEXT, tags TEXT, notes TEXT, a0 TEXT, a1 TEXT, a2 TEXT);"
	    "CREATE INDEX IF NOT EXISTS c_phone ON customer (phone);"
	    "CREATE INDEX IF NOT EXISTS c_email ON customer (email);"
	    "BEGIN", NULL, NULL, NULL);
	if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO customer (code, "
	    "name, phone, email, city, segment, tags, notes, a0, a1, a2) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &ins, NULL))
		return 1;
load:
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		if (csv_parse(&p, buf, n, cb1, cb2, NULL) != n)
			return 1;
	csv_fini(&p, cb1, cb2, NULL);
	sqlite3_finalize(ins);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	return sqlite3_close(db) != SQLITE_OK;
}
