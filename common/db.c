/* db.c - open, pragmas, migrations, transactions, statement cache */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cs.h"

/* "cs" and a format number, so that cs-db refuses somebody else's file. */
#define CS_APPLICATION_ID 0x63730001

extern const char *const cs_migrations[];	/* build/schema.c */

static sqlite3 *db;
static int db_mode = -1;
static int in_tx;
static int migrated_from = -1;

struct cached {
	const char *sql;
	sqlite3_stmt *st;
};
static struct cached cache[128];
static size_t ncache;

int
cs_db_migrated_from(void)
{
	return migrated_from;
}

int
cs_db_schema_version(void)
{
	int n = 0;

	while (cs_migrations[n])
		n++;
	return n;
}

char *
cs_db_path(void)
{
	const struct passwd *pw;
	const char *s;

	if (cs_conf.db && *cs_conf.db)
		return cs_xstrdup(cs_conf.db);
	if ((s = getenv("CS_DB")) && *s)
		return cs_xstrdup(s);
	if ((s = getenv("XDG_DATA_HOME")) && *s == '/')
		return cs_xasprintf("%s/cs/cs.db", s);
	/* without HOME (an odd cron or service), the home of the user in
	 * the password file: never the current folder, which would be
	 * another database for each folder a script starts in */
	if ((!(s = getenv("HOME")) || !*s) && (!(pw = getpwuid(getuid())) ||
	    !(s = pw->pw_dir) || !*s))
		s = "";
	return cs_xasprintf("%s/.local/share/cs/cs.db", s);
}

/* mkdir -p of the folder holding path; mode 0700 for what it creates. */
static int
make_parent(const char *path)
{
	char *dir = cs_xstrdup(path), *p;
	int rc = 0;

	for (p = dir + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
			rc = cs_err(CS_EX_IOERR, "cannot create folder %s: %s",
			    dir, cs_strerror(errno));
			break;
		}
		*p = '/';
	}
	free(dir);
	return rc;
}

/* $CS_BUSY_TIMEOUT, read once; a value that is not one is told, as a bad
 * $CS_NOW is, rather than silently taken for the default ("5s" would
 * otherwise wait 10 s, "60000 " not a minute). */
static int
busy_timeout(void)
{
	static int ms = -1;
	const char *s;
	char *end;
	long v;

	if (ms >= 0)
		return ms;
	ms = 10000;
	if ((s = getenv("CS_BUSY_TIMEOUT")) && *s) {
		errno = 0;
		v = strtol(s, &end, 10);
		if (!*end && errno == 0 && v >= 0 && v <= 3600000 &&
		    isdigit((unsigned char)*s))
			ms = (int)v;
		else
			cs_warn("CS_BUSY_TIMEOUT: not a number of milliseconds "
			    "from 0 to 3600000: %s: waiting 10000", s);
	}
	return ms;
}

static int
exec(const char *sql, const char *what)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return cs_db_fail(what);
	return 0;
}

static int
pragma_int(const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Is this our file, and can this binary read it? Writes nothing. */
static int
identify(const char *path, int *version)
{
	sqlite3_stmt *st;
	int app = 0, tables = 0, want = cs_db_schema_version(), rc;

	/*
	 * One statement, so one snapshot: read one by one, a file that
	 * another process was creating could show its tables but not yet
	 * its id, and be taken for somebody else's.
	 */
	rc = sqlite3_prepare_v2(db, "SELECT user_version, application_id, "
	    "(SELECT count(*) FROM sqlite_master) "
	    "FROM pragma_user_version, pragma_application_id", -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*version = sqlite3_column_int(st, 0);
		app = sqlite3_column_int(st, 1);
		tables = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		if ((sqlite3_errcode(db) & 0xff) == SQLITE_NOTADB)
			return cs_err(CS_EX_DATAERR, "%s is not a cs database "
			    "(not even SQLite)", path);
		return cs_db_fail(path);
	}
	if (app != CS_APPLICATION_ID && (*version != 0 || tables != 0))
		return cs_err(CS_EX_DATAERR, "%s is an SQLite file but not a "
		    "cs database: leaving it alone", path);
	if (*version > want)
		return cs_err(CS_EX_UNAVAILABLE, "%s has schema version %d, "
		    "newer than this cs knows (%d): upgrade cs; the file was "
		    "not touched", path, *version, want);
	return 0;
}

static int
migrate(const char *path, int mode, int have)
{
	int want = cs_db_schema_version(), cookie, rc;
	char sql[64];

	if (have == want)
		return 0;
	if (mode == CS_DB_READ && access(path, W_OK) != 0)
		return cs_err(CS_EX_IOERR, "%s needs an upgrade of its schema "
		    "(%d to %d) but is read-only", path, have, want);
	if ((rc = cs_begin()))
		return rc;
	/* Another process may have migrated while we waited for the lock. */
	if (pragma_int("PRAGMA user_version", &have) < 0) {
		cs_rollback();
		return cs_db_fail(path);
	}
	if (have >= want)	/* it did */
		return cs_commit();
	migrated_from = have;
	for (; have < want; have++)
		if (sqlite3_exec(db, cs_migrations[have], NULL, NULL, NULL)
		    != SQLITE_OK) {
			rc = cs_db_fail("schema migration");
			cs_rollback();
			return rc;
		}
	/* A migration may edit a table's text in sqlite_schema (009): a new
	 * schema_version tells every other connection to read it again. */
	if (pragma_int("PRAGMA schema_version", &cookie) < 0) {
		rc = cs_db_fail("schema migration");
		cs_rollback();
		return rc;
	}
	snprintf(sql, sizeof(sql), "PRAGMA schema_version = %d", cookie + 1);
	if ((rc = exec(sql, "schema migration"))) {
		cs_rollback();
		return rc;
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", want);
	if ((rc = exec(sql, "schema version")) ||
	    (rc = exec("PRAGMA application_id = 1668481025", "schema id"))) {
		cs_rollback();
		return rc;
	}
	return cs_commit();
}

/*
 * Turning a new file to WAL takes its lock without the busy handler:
 * when several commands make the database at once, the ones that meet
 * another's read get "database is locked" at once. They try again,
 * within the busy timeout; once the file is WAL this costs nothing.
 */
static int
set_wal(const char *path)
{
	struct timespec pause = { 0, 10 * 1000 * 1000 };
	int waited, rc;

	for (waited = 0;; waited += 10) {
		rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL,
		    NULL);
		if ((rc & 0xff) != SQLITE_BUSY || waited >= busy_timeout())
			break;
		nanosleep(&pause, NULL);
	}
	return rc == SQLITE_OK ? 0 : cs_db_fail(path);
}

static int
readable(sqlite3 *h)
{
	return sqlite3_exec(h, "SELECT count(*) FROM sqlite_master", NULL, NULL,
	    NULL) == SQLITE_OK;
}

/*
 * A WAL database that we may not write, in a folder we may not write
 * either (a report on a read-only copy): SQLite cannot make its -shm
 * file, so it is read as immutable. Nobody can be writing it then.
 */
static void
reopen_immutable(const char *path)
{
	struct cs_buf uri = { 0 };
	sqlite3 *h = NULL;
	const char *p;

	cs_buf_adds(&uri, "file:");
	for (p = path; *p; p++)
		if (*p == '%' || *p == '?' || *p == '#')
			cs_buf_addf(&uri, "%%%02X", (unsigned char)*p);
		else
			cs_buf_addc(&uri, *p);
	cs_buf_adds(&uri, "?immutable=1");
	if (sqlite3_open_v2(uri.s, &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
	    NULL) == SQLITE_OK && readable(h)) {
		sqlite3_close(db);
		db = h;
	} else
		sqlite3_close(h);
	cs_buf_free(&uri);
}

static int
folder_writable(const char *path)
{
	char *dir = cs_xstrdup(path), *slash = strrchr(dir, '/');
	int ok;

	if (slash)
		slash[slash == dir] = '\0';
	ok = access(slash ? dir : ".", W_OK) == 0;
	free(dir);
	return ok;
}

/* cs_fold(TEXT): NFKC and case folded, for searches that must find
 * "Ａｌｉｃｅ" by "alice"; NULL stays NULL. */
static void
fold_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	char *f;

	(void)argc;
	if (s == NULL)
		return;
	if ((f = cs_text_fold(s)) == NULL)
		sqlite3_result_value(ctx, argv[0]);	/* not UTF-8 */
	else
		sqlite3_result_text(ctx, f, -1, free);
}

/*
 * cs_day(X): the local day YYYY-MM-DD of a stored date or time, so that
 * a date attribute that holds a time (2026-11-17T01:00:00+08:00) counts
 * on its day here, where SQLite's date() would take the day in UTC. A
 * date is one cs_parse_ymd reads (2026-11-17, 2026/11/17); a time one
 * cs_parse_time reads, local without an offset. Anything else is NULL:
 * a number, which date() would read as a Julian day, or a relative word
 * such as "today", which is no stored date.
 */
static void
day_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s;
	char ymd[16];
	int64_t t;

	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_TEXT ||
	    (s = (const char *)sqlite3_value_text(argv[0])) == NULL)
		return;
	if (cs_parse_ymd(s, ymd) != 0) {
		if (cs_parse_time(s, &t) != 0)
			return;
		cs_fmt_date(t, ymd);
	}
	sqlite3_result_text(ctx, ymd, -1, SQLITE_TRANSIENT);
}

int
cs_db_open(int mode, sqlite3 **out)
{
	char *path;
	struct stat sb;
	int fd, rc, flags, version = 0;

	if (db && db_mode >= mode) {
		if (out)
			*out = db;
		return 0;
	}
	cs_db_close();
	/* One thread: no mutex around every page and allocation (a tenth
	 * of a bulk import), no memory statistics. Only effective before
	 * SQLite's first use; later calls are refused, harmlessly. */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	path = cs_db_path();
	if (stat(path, &sb) == -1 && mode == CS_DB_SCRATCH) {
		/* A dry run against no database: check against an empty
		 * one in memory, and create no file. */
		free(path);
		path = cs_xstrdup(":memory:");
		mode = CS_DB_WRITE;
	} else if (mode == CS_DB_SCRATCH)
		mode = CS_DB_WRITE;
	if (strcmp(path, ":memory:") == 0)
		;
	else if (stat(path, &sb) == -1) {
		if (mode == CS_DB_READ) {
			rc = cs_err(CS_EX_NOINPUT, "no database at %s: import "
			    "something or run 'cs-db init' first", path);
			free(path);
			return rc;
		}
		if ((rc = make_parent(path))) {
			free(path);
			return rc;
		}
		/* Created here, not by SQLite, so that the mode is 0600 from
		 * the first byte; the -wal and -shm files copy it. */
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
		if (fd == -1 && errno != EEXIST) {
			rc = cs_err(CS_EX_IOERR, "cannot create %s: %s", path,
			    cs_strerror(errno));
			free(path);
			return rc;
		}
		if (fd != -1)
			close(fd);
	} else if (S_ISDIR(sb.st_mode)) {
		rc = cs_err(CS_EX_IOERR, "%s is a folder, not a database",
		    path);
		free(path);
		return rc;
	}
	flags = SQLITE_OPEN_READWRITE;
	if (strcmp(path, ":memory:") == 0)
		flags |= SQLITE_OPEN_MEMORY;
	else if (mode == CS_DB_READ && (access(path, W_OK) != 0 ||
	    !folder_writable(path)))
		/* In a folder we may not write, no -wal or -shm can be made:
		 * reading is all we can do there anyway. */
		flags = SQLITE_OPEN_READONLY;
	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		rc = cs_err(CS_EX_IOERR, "cannot open %s: %s", path,
		    db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		db = NULL;
		free(path);
		return rc;
	}
	if (flags == SQLITE_OPEN_READONLY && !readable(db))
		reopen_immutable(path);
	db_mode = mode;
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_timeout(db, busy_timeout());
	rc = exec("PRAGMA foreign_keys = ON", path);
	/* The knowledge base's index (006-kb.sql) names the tokenizer of
	 * kbtok.c: it must be known before a migration or a trigger can
	 * touch the index, on every connection. cs_day depends on TZ,
	 * which may differ from one run to the next: not deterministic, so
	 * that no index or constraint can keep a day of another zone. */
	if (!rc && (cs_kbtok_register(db) != 0 ||
	    sqlite3_create_function(db, "cs_fold", 1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, fold_sql, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_create_function(db, "cs_day", 1, SQLITE_UTF8 |
	    SQLITE_INNOCUOUS, NULL, day_sql, NULL, NULL) != SQLITE_OK))
		rc = cs_err(CS_EX_SOFTWARE, "%s: cannot register the SQL "
		    "functions: %s", path, sqlite3_errmsg(db));
	if (!rc)
		rc = identify(path, &version);
	if (!rc && flags == SQLITE_OPEN_READWRITE && strcmp(path, ":memory:")) {
		/* WAL lets readers go on while one writer writes; FULL sync
		 * so that a commit that returned survives a power cut. */
		rc = set_wal(path);
		if (!rc)
			rc = exec("PRAGMA synchronous = FULL", path);
	}
	if (!rc)
		rc = exec("PRAGMA secure_delete = ON", path);
	if (!rc)
		rc = migrate(path, mode, version);
	free(path);
	if (rc) {
		cs_db_close();
		return rc;
	}
	if (out)
		*out = db;
	return 0;
}

void
cs_db_close(void)
{
	size_t i;

	for (i = 0; i < ncache; i++)
		sqlite3_finalize(cache[i].st);
	ncache = 0;
	if (db) {
		if (in_tx)
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(db);
	}
	in_tx = 0;
	db = NULL;
	db_mode = -1;
}

sqlite3_stmt *
cs_sql(const char *sql)
{
	sqlite3_stmt *st;
	size_t i;

	if (!db)
		cs_die(CS_EX_SOFTWARE, "internal error: no database open");
	for (i = 0; i < ncache; i++)
		if (cache[i].sql == sql) {
			sqlite3_reset(cache[i].st);
			sqlite3_clear_bindings(cache[i].st);
			return cache[i].st;
		}
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		cs_die(CS_EX_SOFTWARE, "internal error: %s: %.60s",
		    sqlite3_errmsg(db), sql);
	if (ncache == sizeof(cache) / sizeof(cache[0])) {
		/* Full: drop the oldest; callers never keep a statement
		 * across another cs_sql call of a different text. */
		sqlite3_finalize(cache[0].st);
		memmove(cache, cache + 1, (ncache - 1) * sizeof(cache[0]));
		ncache--;
	}
	cache[ncache].sql = sql;
	cache[ncache].st = st;
	ncache++;
	return st;
}

/* The one message of a lock held past the busy timeout. */
static int
busy(const char *what)
{
	return cs_err(CS_EX_TEMPFAIL, "%s: the database stayed busy (another "
	    "cs command is writing): try again", what);
}

int
cs_db_fail(const char *what)
{
	int sys, code = db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM;
	const char *msg = db ? sqlite3_errmsg(db) : "out of memory";

	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return busy(what);
	case SQLITE_FULL:
		return cs_err(CS_EX_IOERR, "%s: disk or file-size limit full: "
		    "%s", what, msg);
	case SQLITE_IOERR:
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		/* "disk I/O error" alone does not say that the file grew past
		 * a size limit or the disk is full: SQLite often loses the
		 * errno of a failed write, which is then still in errno. */
		sys = db ? sqlite3_system_errno(db) : 0;
		if (sys == 0 && (errno == EFBIG || errno == ENOSPC ||
		    errno == EDQUOT))
			sys = errno;
		if (sys != 0)
			return cs_err(CS_EX_IOERR, "%s: %s (%s)", what, msg,
			    cs_strerror(sys));
		if ((code & 0xff) == SQLITE_READONLY)
			return cs_err(CS_EX_IOERR, "%s: %s: the file or its "
			    "folder is read-only", what, msg);
		return cs_err(CS_EX_IOERR, "%s: %s", what, msg);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return cs_err(CS_EX_DATAERR, "%s: %s: run 'cs-db check'", what,
		    msg);
	case SQLITE_CONSTRAINT:
		return cs_err(CS_EX_DATAERR, "%s: %s", what, msg);
	default:
		return cs_err(CS_EX_SOFTWARE, "%s: %s", what, msg);
	}
}

int
cs_begin(void)
{
	int rc;

	if (!db)
		return cs_err(CS_EX_SOFTWARE, "internal error: no database");
	if ((rc = exec("BEGIN IMMEDIATE", "cannot start a write")))
		return rc;
	in_tx = 1;
	return 0;
}

int
cs_commit(void)
{
	int rc = exec("COMMIT", "cannot commit");

	if (rc)
		cs_rollback();
	in_tx = 0;
	return rc;
}

void
cs_rollback(void)
{
	if (db && in_tx && !sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	in_tx = 0;
}

int
cs_indexes_drop(const char *table, char ***saved)
{
	/* made by CREATE INDEX and not unique: a unique one must hold row by
	 * row, as an import may count on it */
	sqlite3_stmt *st = cs_sql("SELECT m.name, m.sql FROM "
	    "pragma_index_list(?1) l JOIN sqlite_master m ON m.name = l.name "
	    "WHERE l.origin = 'c' AND NOT l.\"unique\" AND m.sql IS NOT NULL "
	    "ORDER BY m.name");
	char **v = *saved, **names = NULL, *drop;
	size_t n = 0, k, i;
	int rc;

	while (v && v[n])
		n++;
	k = n;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = cs_xrealloc(v, (n + 2) * sizeof(*v));
		names = cs_xrealloc(names, (n - k + 1) * sizeof(*names));
		names[n - k] = cs_xstrdup((const char *)
		    sqlite3_column_text(st, 0));
		v[n++] = cs_xstrdup((const char *)sqlite3_column_text(st, 1));
		v[n] = NULL;
	}
	sqlite3_reset(st);
	rc = rc == SQLITE_DONE ? 0 : cs_db_fail("indexes");
	for (i = 0; i < n - k; i++) {
		if (!rc) {
			drop = sqlite3_mprintf("DROP INDEX \"%w\"", names[i]);
			rc = exec(drop, "indexes");
			sqlite3_free(drop);
		}
		free(names[i]);
	}
	free(names);
	if (rc) {
		cs_indexes_free(v);
		v = NULL;
	}
	*saved = v;
	return rc;
}

int
cs_indexes_restore(char **saved)
{
	int rc = 0;
	size_t i;

	for (i = 0; saved && saved[i] && !rc; i++)
		rc = exec(saved[i], "indexes");
	cs_indexes_free(saved);
	return rc;
}

void
cs_indexes_free(char **saved)
{
	size_t i;

	for (i = 0; saved && saved[i]; i++)
		free(saved[i]);
	free(saved);
}

int
cs_step_done(sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		sqlite3_reset(st);
		return 0;
	}
	rc = cs_db_fail(what);
	sqlite3_reset(st);
	return rc;
}

const char *
cs_col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

const char *
cs_col_time(sqlite3_stmt *st, int i, char *buf)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return NULL;
	return cs_fmt_time(sqlite3_column_int64(st, i), buf);
}

void
cs_bind_text(sqlite3_stmt *st, int i, const char *s, int empty_null)
{
	if (!s || (empty_null && !*s))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

void
cs_bind_static(sqlite3_stmt *st, int i, const char *s)
{
	if (!s || !*s)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

int
cs_log_change(const char *entity, int64_t entity_id, const char *field,
    const char *from, const char *to, const char *note)
{
	sqlite3_stmt *st = cs_sql("INSERT INTO change_log (at, actor, "
	    "entity, entity_id, field, old_value, new_value, note) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");

	sqlite3_bind_int64(st, 1, cs_now());
	cs_bind_text(st, 2, cs_actor(), 0);
	cs_bind_text(st, 3, entity, 0);
	sqlite3_bind_int64(st, 4, entity_id);
	cs_bind_text(st, 5, field, 0);
	cs_bind_text(st, 6, from, 0);
	cs_bind_text(st, 7, to, 0);
	cs_bind_text(st, 8, note, 1);
	return cs_step_done(st, "change log");
}

const struct cs_view cs_views[] = {
	{ "v_agents", "the roster: one row per agent with skills joined "
	    "by ';'" },
	{ "v_agent_leave", "leave of agents, first and last day included" },
	{ "v_agent_targets", "the standards of the scorecards: metric, "
	    "target, and whom it is for" },
	{ "v_customers", "customers with their owner's login and attributes "
	    "as a JSON object" },
	{ "v_customer_attrs", "one row per customer and custom attribute" },
	{ "v_tickets", "tickets with customer, assignee and due times" },
	{ "v_ticket_events", "the timeline of every ticket" },
	{ "v_reviews", "quality reviews (质检) of tickets with their items as "
	    "a JSON object" },
	{ "v_revisits", "revisit tasks with customer and agent" },
	{ "v_revisit_attempts", "every attempt of every revisit task" },
	{ "v_changes", "every change: when, who, what, from and to" },
	{ "v_articles", "knowledge-base articles with their counts" },
	{ "v_article_versions", "every version of every article" },
	{ NULL, NULL }
};

/* Copies main of src into main of dst with the online backup API. */
static int
copy_db(sqlite3 *dst, sqlite3 *src, const char *what)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	struct timespec t0, t1;
	int rc, sys;

	if (!b)
		return cs_err(CS_EX_IOERR, "%s: %s", what,
		    sqlite3_errmsg(dst));
	/* All pages in one step: one read transaction on the source, so the
	 * copy is consistent however busy the writers are. Tried again
	 * while busy, but only up to the busy timeout, as every other wait
	 * for a lock: a restore into a database somebody keeps writing
	 * would otherwise wait for ever. */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY ||
	    rc == SQLITE_LOCKED) {
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if ((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) /
		    1000000 >= busy_timeout())
			break;
		sqlite3_sleep(50);
	}
	sys = errno;	/* of a failed write, which SQLite does not keep */
	sqlite3_backup_finish(b);
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return busy(what);
	if (rc != SQLITE_DONE && (sys == EFBIG || sys == ENOSPC))
		return cs_err(CS_EX_IOERR, "%s: %s (%s)", what,
		    sqlite3_errstr(rc), cs_strerror(sys));
	if (rc != SQLITE_DONE)
		return cs_err(rc == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR ?
		    CS_EX_IOERR : CS_EX_SOFTWARE, "%s: %s", what,
		    sqlite3_errstr(rc));
	return 0;
}

static int
fsync_path(const char *path, int dir)
{
	char *d = cs_xstrdup(path), *slash;
	int fd, rc;

	if (dir) {
		slash = strrchr(d, '/');
		if (slash == d)
			slash[1] = '\0';
		else if (slash)
			*slash = '\0';
		else
			strcpy(d, ".");
	}
	fd = open(d, O_RDONLY);
	free(d);
	if (fd == -1)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* Writes a copy of src_db to path through a temporary file. */
static int
write_copy(sqlite3 *src_db, const char *path)
{
	static const char *const sfx[] = { "-journal", "-wal", "-shm" };
	char *tmp = cs_xasprintf("%s.tmp-XXXXXX", path), *side[3];
	sqlite3 *dst = NULL;
	int fd, rc;
	size_t i;

	if ((fd = cs_tmp_mkstemp(tmp)) == -1) {
		rc = cs_err(CS_EX_IOERR, "cannot write %s: %s", path,
		    cs_strerror(errno));
		free(tmp);
		return rc;
	}
	close(fd);
	/* the copy is made in a transaction of its own, and takes the WAL
	 * mode of the source until it is turned back: a signal leaves its
	 * journal, or its -wal and -shm, as well as the half copy */
	for (i = 0; i < 3; i++)
		cs_tmp_guard(side[i] = cs_xasprintf("%s%s", tmp, sfx[i]));
	rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK)
		rc = cs_err(CS_EX_IOERR, "cannot write %s: %s", path,
		    dst ? sqlite3_errmsg(dst) : "out of memory");
	else
		rc = copy_db(dst, src_db, path);
	/* The copy is one plain file, whatever the journal of the source. */
	if (!rc && sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL,
	    NULL, NULL) != SQLITE_OK)
		rc = cs_err(CS_EX_IOERR, "%s: %s", path, sqlite3_errmsg(dst));
	if (sqlite3_close(dst) != SQLITE_OK && !rc)
		rc = cs_err(CS_EX_IOERR, "cannot close %s", path);
	if (!rc && fsync_path(tmp, 0) != 0)
		rc = cs_err(CS_EX_IOERR, "cannot write %s: %s", path,
		    cs_strerror(errno));
	if (!rc && rename(tmp, path) == -1)
		rc = cs_err(CS_EX_IOERR, "cannot write %s: %s", path,
		    cs_strerror(errno));
	if (rc)
		unlink(tmp);
	else
		fsync_path(path, 1);
	cs_tmp_forget(tmp);
	free(tmp);
	for (i = 0; i < 3; i++) {
		cs_tmp_forget(side[i]);
		free(side[i]);
	}
	return rc;
}

/* path with its folder resolved (symbolic links, "..", "//"), so that
 * two spellings of one file compare equal; caller frees. */
static char *
canonical(const char *path)
{
	char *dir = cs_xstrdup(path), *slash = strrchr(dir, '/'), *real, *s;

	if (slash)
		slash[slash == dir] = '\0';
	real = realpath(slash ? dir : ".", NULL);
	if (real)
		s = cs_xasprintf("%s/%s", real, slash ? strrchr(path, '/') +
		    1 : path);
	else
		s = cs_xstrdup(path);
	free(real);
	free(dir);
	return s;
}

int
cs_db_own_file(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal",
		NULL };
	struct stat a, b;
	char *base = cs_db_path(), *name, *x, *y;
	int i, same = 0, have = stat(path, &a) == 0;

	for (i = 0; suffix[i] && !same; i++) {
		name = cs_xasprintf("%s%s", base, suffix[i]);
		if (have && stat(name, &b) == 0)
			same = a.st_dev == b.st_dev && a.st_ino == b.st_ino;
		else {
			/* not there yet, as a -wal may not be: by its name */
			x = canonical(path);
			y = canonical(name);
			same = strcmp(x, y) == 0;
			free(x);
			free(y);
		}
		free(name);
	}
	free(base);
	return same;
}

int
cs_db_backup(const char *path)
{
	sqlite3 *src;
	int rc;

	if ((rc = cs_db_open(CS_DB_READ, &src)))
		return rc;
	return write_copy(src, path);
}

int
cs_db_restore(const char *src_path, const char *name)
{
	sqlite3 *src = NULL, *live;
	char *path, *bak;
	int rc, ver = -1, app = 0, ok = 0;
	sqlite3_stmt *st;
	struct stat sb;

	if (!name)
		name = src_path;
	if (stat(src_path, &sb) == -1)
		return cs_err(CS_EX_NOINPUT, "%s: %s", src_path,
		    cs_strerror(errno));
	/* SQLite says "disk I/O error" of a folder */
	if (S_ISDIR(sb.st_mode))
		return cs_err(CS_EX_DATAERR, "%s is a folder, not a backup: "
		    "give the file that cs-db backup wrote; nothing restored",
		    name);
	if (sqlite3_open_v2(src_path, &src, SQLITE_OPEN_READONLY, NULL)
	    != SQLITE_OK) {
		rc = cs_err(CS_EX_DATAERR, "%s: cannot open: %s", name,
		    src ? sqlite3_errmsg(src) : "out of memory");
		sqlite3_close(src);
		return rc;
	}
	/* An integrity check of a newer SQLite reads the search index too. */
	cs_kbtok_register(src);
	if (sqlite3_prepare_v2(src, "PRAGMA integrity_check", -1, &st, NULL)
	    == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			ok = strcmp((const char *)sqlite3_column_text(st, 0),
			    "ok") == 0;
		sqlite3_finalize(st);
	}
	if (sqlite3_prepare_v2(src, "SELECT * FROM pragma_user_version, "
	    "pragma_application_id", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW) {
			ver = sqlite3_column_int(st, 0);
			app = sqlite3_column_int(st, 1);
		}
		sqlite3_finalize(st);
	}
	if (!ok || app != CS_APPLICATION_ID || ver < 1) {
		sqlite3_close(src);
		return cs_err(CS_EX_DATAERR, "%s is not a sound cs database: "
		    "nothing restored", name);
	}
	if (ver > cs_db_schema_version()) {
		sqlite3_close(src);
		return cs_err(CS_EX_UNAVAILABLE, "%s has schema version %d, "
		    "newer than this cs knows (%d): nothing restored",
		    name, ver, cs_db_schema_version());
	}
	path = cs_db_path();
	bak = cs_xasprintf("%s.bak", path);
	rc = 0;
	if (stat(path, &sb) == 0) {
		if ((rc = cs_db_open(CS_DB_WRITE, &live)) == 0)
			rc = write_copy(live, bak);
	} else
		rc = cs_db_open(CS_DB_WRITE, &live);
	/* The backup API writes the whole file in one transaction of the
	 * live database: other processes see the old or the new, never a
	 * mix, and WAL readers are handled by SQLite. */
	if (!rc)
		rc = copy_db(live, src, path);
	sqlite3_close(src);
	if (!rc) {
		cs_db_close();
		rc = cs_db_open(CS_DB_WRITE, &live);	/* migrate forward */
	}
	free(path);
	free(bak);
	return rc;
}

/*
 * The rows of table whose foreign key fkid points at no row, by their
 * primary key, "agent_skill row (agent_id=3, skill='投诉') -> agent",
 * into b while *shown < 5: foreign_key_check names a row by its rowid, and a
 * table WITHOUT ROWID has none. The names of the tables and columns come
 * from the schema and are quoted as identifiers: they cannot be bound,
 * and no value of a user's is spliced in.
 */
static void
fk_keys(struct cs_buf *b, const char *table, int fkid, int *shown)
{
	struct cs_buf sql = { 0 }, key = { 0 }, on = { 0 };
	char *parent = NULL;
	sqlite3_stmt *st;
	char *q;
	int n = 0;

	/* the primary key: "'agent_id=' || quote(c."agent_id") || ..." */
	if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?) "
	    "WHERE pk > 0 ORDER BY pk", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		q = sqlite3_mprintf("%s'%q=' || quote(c.\"%w\")", key.len ?
		    " || ', ' || " : "", sqlite3_column_text(st, 0),
		    sqlite3_column_text(st, 0));
		cs_buf_adds(&key, q);
		sqlite3_free(q);
	}
	sqlite3_finalize(st);
	/* the key's columns: the row points at none when all are set and no
	 * parent row has them */
	if (sqlite3_prepare_v2(db, "SELECT \"table\", \"from\", \"to\" FROM "
	    "pragma_foreign_key_list(?) WHERE id = ? ORDER BY seq", -1, &st,
	    NULL) != SQLITE_OK) {
		cs_buf_free(&key);
		return;
	}
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, fkid);
	while (sqlite3_step(st) == SQLITE_ROW) {
		q = sqlite3_mprintf("%sc.\"%w\" IS NOT NULL", on.len ? " AND " :
		    "", sqlite3_column_text(st, 1));
		cs_buf_adds(&on, q);
		sqlite3_free(q);
		q = sqlite3_mprintf(" AND p.\"%w\" = c.\"%w\"",
		    sqlite3_column_text(st, 2) ? (const char *)
		    sqlite3_column_text(st, 2) : "rowid",
		    sqlite3_column_text(st, 1));
		cs_buf_adds(&sql, q);
		sqlite3_free(q);
		if (!parent)
			parent = cs_xstrdup((const char *)
			    sqlite3_column_text(st, 0));
		n++;
	}
	sqlite3_finalize(st);
	if (n == 0 || key.len == 0) {
		cs_buf_free(&sql);
		cs_buf_free(&key);
		cs_buf_free(&on);
		free(parent);
		return;
	}
	q = sqlite3_mprintf("SELECT %s FROM \"%w\" AS c WHERE %s AND NOT "
	    "EXISTS (SELECT 1 FROM \"%w\" AS p WHERE 1%s)", key.s, table, on.s,
	    parent, sql.s);
	if (sqlite3_prepare_v2(db, q, -1, &st, NULL) == SQLITE_OK) {
		while (*shown < 5 && sqlite3_step(st) == SQLITE_ROW) {
			cs_buf_addf(b, "%s%s row (%s) -> %s", b->len ? "; " :
			    "", table, sqlite3_column_text(st, 0), parent);
			++*shown;
		}
		sqlite3_finalize(st);
	}
	sqlite3_free(q);
	cs_buf_free(&sql);
	cs_buf_free(&key);
	cs_buf_free(&on);
	free(parent);
}

int
cs_db_check(void (*report)(const char *, int, const char *, void *),
    void *arg, int *problems)
{
	sqlite3_stmt *st;
	struct cs_buf b = { 0 }, key = { 0 };
	struct cs_map *seen = cs_map_new();
	int bad = 0, n = 0, shown = 0, rc;

	*problems = 0;

	st = cs_sql("PRAGMA integrity_check");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		if (strcmp(t, "ok") != 0) {
			if (b.len)
				cs_buf_adds(&b, "; ");
			cs_buf_adds(&b, t);
		}
	}
	if (rc != SQLITE_DONE && !b.len)
		cs_buf_adds(&b, sqlite3_errmsg(db));
	sqlite3_reset(st);
	report("integrity", b.len == 0, b.len ? b.s : "ok", arg);
	bad += b.len != 0;
	cs_buf_reset(&b);
	st = cs_sql("PRAGMA foreign_key_check");
	while (sqlite3_step(st) == SQLITE_ROW) {
		n++;
		if (shown < 5 && sqlite3_column_type(st, 1) != SQLITE_NULL) {
			cs_buf_addf(&b, "%s%s row %lld -> %s",
			    b.len ? "; " : "", sqlite3_column_text(st, 0),
			    (long long)sqlite3_column_int64(st, 1),
			    sqlite3_column_text(st, 2));
			shown++;
		} else if (shown < 5) {
			/* WITHOUT ROWID: each such key once, by its rows */
			cs_buf_reset(&key);
			cs_buf_addf(&key, "%s\x1f%d", sqlite3_column_text(st,
			    0), sqlite3_column_int(st, 3));
			if (cs_map_put(seen, key.s, 0, NULL))
				fk_keys(&b, (const char *)
				    sqlite3_column_text(st, 0),
				    sqlite3_column_int(st, 3), &shown);
		}
	}
	sqlite3_reset(st);
	if (n > shown)
		cs_buf_addf(&b, "; %d more", n - shown);
	cs_buf_free(&key);
	cs_map_free(seen);
	report("foreign_keys", n == 0, n ? b.s : "ok", arg);
	bad += n != 0;
	cs_buf_reset(&b);
	st = cs_sql("SELECT user_version FROM pragma_user_version");
	n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_reset(st);
	cs_buf_addf(&b, "version %d of %d", n, cs_db_schema_version());
	report("schema", n == cs_db_schema_version(), b.s, arg);
	bad += n != cs_db_schema_version();
	/* The search index against the articles it indexes (FTS5 reads
	 * both; the INSERT writes nothing, but needs the write lock: held
	 * by another past the timeout, that is no fault of the file). */
	cs_buf_reset(&b);
	if (sqlite3_exec(db, "INSERT INTO article_fts (article_fts, rank) "
	    "VALUES ('integrity-check', 1)", NULL, NULL, NULL) != SQLITE_OK) {
		if ((sqlite3_errcode(db) & 0xff) == SQLITE_BUSY ||
		    (sqlite3_errcode(db) & 0xff) == SQLITE_LOCKED) {
			cs_buf_free(&b);
			*problems = bad;
			return cs_db_fail("check search_index");
		}
		cs_buf_adds(&b, sqlite3_errmsg(db));
	}
	report("search_index", b.len == 0, b.len ? b.s : "ok", arg);
	bad += b.len != 0;
	cs_buf_free(&b);
	*problems = bad;
	return 0;
}
