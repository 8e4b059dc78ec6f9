/* min-tickets - the floors for importing tickets, libcsv and prepared
 * statements in one transaction.
 *
 * min-tickets FILE DB: one INSERT of the text fields into a table with the
 * three indexes the reports need.
 * min-tickets FILE DB same: the same rows as cs-ticket import into the
 * same schema (DB is a copy of a cs database holding the customers): the
 * customer looked up by code, times read as UTC, the ticket row and its
 * created, first-response and resolved events (the resolution naming its
 * agent), foreign keys on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <sqlite3.h>

#define MAXF 16

static sqlite3_stmt *ins, *cust, *ev;
static int same;
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

/* 2026-11-24T09:30:00 as UTC; 0 when empty */
static sqlite3_int64
ts(const char *s)
{
	int y, m, d, H, M, S;
	sqlite3_int64 era, yoe, doy;

	if (sscanf(s, "%d-%d-%dT%d:%d:%d", &y, &m, &d, &H, &M, &S) != 6)
		return 0;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	return ((era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy -
	    719468) * 86400) + H * 3600 + M * 60 + S;
}

static void
event(sqlite3_int64 id, sqlite3_int64 at, const char *kind, const char *to,
    int public)
{
	sqlite3_bind_int64(ev, 1, id);
	sqlite3_bind_int64(ev, 2, at);
	sqlite3_bind_text(ev, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(ev, 4, to, -1, SQLITE_STATIC);
	sqlite3_bind_int(ev, 5, public);
	if (sqlite3_step(ev) != SQLITE_DONE)
		exit(1);
	sqlite3_reset(ev);
}

/* external_id,customer,type,channel,priority,status,subject,created_at,
 * first_response_at,resolved_at,csat */
static void
put(void)
{
	sqlite3_int64 c = 0, t[3], id;
	int i;

	sqlite3_bind_text(cust, 1, field[1], (int)len[1], SQLITE_STATIC);
	if (sqlite3_step(cust) == SQLITE_ROW)
		c = sqlite3_column_int64(cust, 0);
	sqlite3_reset(cust);
	for (i = 0; i < 3; i++)
		t[i] = ts(field[7 + i]);
	sqlite3_bind_text(ins, 1, field[0], (int)len[0], SQLITE_STATIC);
	sqlite3_bind_int64(ins, 2, c);
	for (i = 2; i < 7; i++)
		sqlite3_bind_text(ins, i + 1, field[i], (int)len[i],
		    SQLITE_STATIC);
	for (i = 0; i < 3; i++)
		if (t[i])
			sqlite3_bind_int64(ins, 8 + i, t[i]);
		else
			sqlite3_bind_null(ins, 8 + i);
	if (len[10])
		sqlite3_bind_int(ins, 11, atoi(field[10]));
	else
		sqlite3_bind_null(ins, 11);
	if (sqlite3_step(ins) != SQLITE_DONE)
		exit(1);
	sqlite3_reset(ins);
	id = sqlite3_last_insert_rowid(sqlite3_db_handle(ins));
	event(id, t[0], "created", "new", 0);
	if (t[1])
		event(id, t[1], "reply", NULL, 1);
	if (t[2])
		event(id, t[2], "status", "resolved", 0);
	/* the imported score, given at the resolution */
	if (t[2] && len[10])
		event(id, t[2], "rate", field[10], 0);
}

static void
cb2(int c, void *p)
{
	int i;

	(void)c, (void)p;
	if (!header && same)
		put();
	else if (!header) {
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
	if ((same = argc > 3)) {
		sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous "
		    "= FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = "
		    "-262144; BEGIN", NULL, NULL, NULL);
		if (sqlite3_prepare_v2(db, "SELECT id FROM customer WHERE code "
		    "= ?", -1, &cust, NULL) || sqlite3_prepare_v2(db, "INSERT "
		    "INTO ticket (external_id, customer_id, type, channel, "
		    "priority, status, subject, created_at, first_response_at, "
		    "resolved_at, csat, resolved_by, csat_at, updated_at) VALUES "
		    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, NULL, "
		    "CASE WHEN ?11 IS NOT NULL THEN ?10 END, ?8)", -1, &ins,
		    NULL) || sqlite3_prepare_v2(db, "INSERT INTO ticket_event "
		    "(ticket_id, at, actor, kind, field, new_value, note, "
		    "public, agent_id) VALUES (?1, ?2, 'bench', ?3, CASE WHEN "
		    "?3 = 'rate' THEN 'csat' WHEN ?4 IS NOT NULL THEN 'status' "
		    "END, ?4, 'imported', ?5, CASE "
		    "WHEN ?4 = 'resolved' THEN (SELECT resolved_by FROM ticket "
		    "WHERE id = ?1) END)", -1, &ev,
		    NULL))
			return 1;
		goto load;
	}
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
load:
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		if (csv_parse(&p, buf, n, cb1, cb2, NULL) != n)
			return 1;
	csv_fini(&p, cb1, cb2, NULL);
	sqlite3_finalize(ins);
	sqlite3_finalize(cust);
	sqlite3_finalize(ev);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	return sqlite3_close(db) != SQLITE_OK;
}
