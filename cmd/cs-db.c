/* cs-db - the database file: init, migrate, check, backup, restore, stats */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cs.h"

static const struct cs_opt no_opts[] = { CS_OPT_END };

static int
no_args(const struct cs_cmd *cmd, int argc, char **argv, int want)
{
	struct cs_getopt g;

	cs_getopt_init(&g, cmd, argc, argv);
	while (cs_getopt(&g) != -1)
		;
	if (argc - g.ind != want)
		return -cs_usage(cmd, want ? "give one FILE" :
		    "unexpected argument '%s'", argv[g.ind]);
	return g.ind;
}

static int
user_version(void)
{
	sqlite3_stmt *st = cs_sql("SELECT user_version FROM "
	    "pragma_user_version");
	int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;

	sqlite3_reset(st);
	return v;
}

static int
cmd_init(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct stat sb;
	char *path;
	int rc, existed;

	if ((rc = no_args(cmd, argc, argv, 0)) < 0)
		return -rc;
	path = cs_db_path();
	existed = stat(path, &sb) == 0;
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) == 0)
		cs_warn("%s %s (schema version %d)", existed ?
		    "database ready at" : "created", path, user_version());
	free(path);
	return rc;
}

static int
cmd_migrate(const struct cs_cmd *cmd, int argc, char **argv)
{
	int rc, from;

	if ((rc = no_args(cmd, argc, argv, 0)) < 0)
		return -rc;
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)))
		return rc;
	if ((from = cs_db_migrated_from()) >= 0)
		cs_warn("migrated schema version %d to %d", from,
		    cs_db_schema_version());
	else
		cs_warn("schema version %d: up to date",
		    cs_db_schema_version());
	return 0;
}

struct check_out {
	struct cs_out *o;
};

static void
check_row(const char *check, int ok, const char *detail, void *arg)
{
	struct check_out *c = arg;
	const char *v[3] = { check, ok ? "ok" : "FAILED", detail };

	cs_out_row(c->o, v);
}

static int
cmd_check(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "check", "检查", CS_COL_TEXT },
		{ "result", "结果", CS_COL_TEXT },
		{ "detail", "详情", CS_COL_TEXT },
	};
	struct check_out c;
	int rc, busy, bad;

	if ((rc = no_args(cmd, argc, argv, 0)) < 0)
		return -rc;
	if ((rc = cs_db_open(CS_DB_READ, NULL)))
		return rc;
	c.o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 3);
	busy = cs_db_check(check_row, &c, &bad);
	if ((rc = cs_out_end(c.o)))
		return rc;
	/* Problems found before a lock stopped the checks are still told;
	 * the status is the lock's, as the checks are not complete. */
	if (bad)
		rc = cs_err(CS_EX_FAIL, "check: %d problem%s found%s", bad,
		    bad == 1 ? "" : "s", busy ? " before the database was "
		    "busy" : "");
	return busy ? busy : rc;
}

/*
 * The private copy of "backup -" and "restore -" (a whole customer
 * database, unencrypted) must not outlive the command: an interrupt, a
 * closed pipe or a kill of the terminal removes it before the process
 * dies of the signal.
 */
static char *priv_dir, *priv_file;
static const int priv_sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE,
    SIGQUIT };

static void
priv_remove(void)
{
	if (priv_file)
		unlink(priv_file);
	if (priv_dir)
		rmdir(priv_dir);
}

static void
priv_signal(int sig)
{
	priv_remove();		/* unlink and rmdir are async-signal-safe */
	signal(sig, SIG_DFL);
	raise(sig);
}

/* A private folder in $TMPDIR with path "cs.db" in it, removed on a
 * signal; 0 or 74 with the message told (what: "backup" or "restore"). */
static int
priv_make(const char *what)
{
	const char *tmpdir = getenv("TMPDIR");
	char *dir;
	size_t i;
	int rc;

	dir = cs_xasprintf("%s/cs-%s-XXXXXX", tmpdir && *tmpdir ? tmpdir :
	    "/tmp", what);
	if (!mkdtemp(dir)) {
		rc = cs_err(CS_EX_IOERR, "%s: cannot make a folder in %s: %s: "
		    "set TMPDIR", what, tmpdir && *tmpdir ? tmpdir : "/tmp",
		    cs_strerror(errno));
		free(dir);
		return rc;
	}
	priv_file = cs_xasprintf("%s/cs.db", dir);
	priv_dir = dir;
	for (i = 0; i < sizeof(priv_sigs) / sizeof(priv_sigs[0]); i++)
		signal(priv_sigs[i], priv_signal);
	return 0;
}

static void
priv_done(void)
{
	size_t i;

	priv_remove();
	for (i = 0; i < sizeof(priv_sigs) / sizeof(priv_sigs[0]); i++)
		signal(priv_sigs[i], SIG_DFL);
	free(priv_file);
	free(priv_dir);
	priv_file = priv_dir = NULL;
}

/* Copies the file at path to fp, the file and its folder removed as soon
 * as it is open; 0 or 74 with the message told. */
static int
copy_out(const char *path, FILE *fp)
{
	char buf[65536];
	size_t n;
	FILE *in;
	int rc = 0;

	if (!(in = fopen(path, "rb")))
		return cs_err(CS_EX_IOERR, "backup: cannot read %s: %s", path,
		    cs_strerror(errno));
	priv_remove();
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, fp) != n)
			break;
	if (ferror(in))
		rc = cs_err(CS_EX_IOERR, "backup: cannot read %s: %s", path,
		    cs_strerror(errno));
	else if (fflush(fp) != 0 || ferror(fp))
		rc = cs_err(CS_EX_IOERR, "backup: write error on standard "
		    "output: %s", cs_strerror(errno));
	fclose(in);
	return rc;
}

/*
 * "backup -" writes the copy to standard output, so that it can go
 * through gzip or ssh; the copy is made in a private folder first, as
 * SQLite's backup writes a file. A terminal gets no binary.
 */
static int
backup_stdout(const struct cs_cmd *cmd)
{
	int rc;

	if (isatty(STDOUT_FILENO))
		return cs_usage(cmd, "standard output is a terminal: redirect "
		    "it to a file or a pipe, or give a FILE");
	if ((rc = priv_make("backup")))
		return rc;
	if ((rc = cs_db_backup(priv_file)) == 0)
		rc = copy_out(priv_file, stdout);
	priv_done();
	return rc;
}

static int
cmd_backup(const struct cs_cmd *cmd, int argc, char **argv)
{
	int rc;

	if ((rc = no_args(cmd, argc, argv, 1)) < 0)
		return -rc;
	if (strcmp(argv[rc], "-") == 0)
		return backup_stdout(cmd);
	/* renamed over the live file, the copy would cut off every process
	 * that has it open, and what they write next */
	if (cs_db_own_file(argv[rc]))
		return cs_err(CS_EX_USAGE, "backup %s: that is the database "
		    "itself: give another file", argv[rc]);
	if ((rc = cs_db_backup(argv[rc])) == 0)
		cs_warn("backup written to %s", argv[argc - 1]);
	return rc;
}

/* "restore -": standard input into a private file, then restored from
 * it as from any backup. */
static int
restore_stdin(void)
{
	char buf[65536], *file;
	size_t n;
	FILE *out;
	int rc;

	if ((rc = priv_make("restore")))
		return rc;
	file = priv_file;
	if (!(out = fopen(file, "wb")))
		rc = cs_err(CS_EX_IOERR, "restore: cannot write %s: %s", file,
		    cs_strerror(errno));
	while (!rc && (n = fread(buf, 1, sizeof(buf), stdin)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			rc = cs_err(CS_EX_IOERR, "restore: cannot write %s: %s",
			    file, cs_strerror(errno));
	if (!rc && ferror(stdin))
		rc = cs_err(CS_EX_IOERR, "restore: cannot read standard "
		    "input: %s", cs_strerror(errno));
	if (out && fclose(out) != 0 && !rc)
		rc = cs_err(CS_EX_IOERR, "restore: cannot write %s: %s", file,
		    cs_strerror(errno));
	if (!rc)
		rc = cs_db_restore(file, "standard input");
	priv_done();
	return rc;
}

static int
cmd_restore(const struct cs_cmd *cmd, int argc, char **argv)
{
	char *path;
	int rc;

	if ((rc = no_args(cmd, argc, argv, 1)) < 0)
		return -rc;
	/* the live file onto itself would make nothing but a .bak that is
	 * no older, over the one a restore kept */
	if (strcmp(argv[rc], "-") != 0 && cs_db_own_file(argv[rc]))
		return cs_err(CS_EX_USAGE, "restore %s: that is the database "
		    "itself: give a backup of it", argv[rc]);
	if ((rc = strcmp(argv[rc], "-") == 0 ? restore_stdin() :
	    cs_db_restore(argv[rc], NULL)) == 0) {
		path = cs_db_path();
		cs_warn("restored %s from %s (the old one is %s.bak)", path,
		    strcmp(argv[argc - 1], "-") == 0 ? "standard input" :
		    argv[argc - 1], path);
		free(path);
	}
	return rc;
}

static int
cmd_stats(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "item", "项目", CS_COL_TEXT },
		{ "value", "值", CS_COL_NUM },
	};
	sqlite3_stmt *st, *cnt;
	struct cs_out *o;
	struct stat sb;
	char *path, *wal, num[32], item[160];
	const char *v[2];
	enum cs_fmt fmt;
	sqlite3 *db;
	int rc, zh;

	if ((rc = no_args(cmd, argc, argv, 0)) < 0)
		return -rc;
	if ((rc = cs_db_open(CS_DB_READ, &db)))
		return rc;
	path = cs_db_path();
	wal = cs_xasprintf("%s-wal", path);
	fmt = cs_fmt_default(stdout);
	/* the items are names, but a table for a Chinese reader says them */
	zh = fmt == CS_FMT_TABLE && cs_conf.lang_zh;
	o = cs_out_new(stdout, fmt, cols, 2);
	v[0] = zh ? "数据库文件" : "path";
	v[1] = path;
	cs_out_row(o, v);
	v[0] = zh ? "架构版本" : "schema_version";
	snprintf(num, sizeof(num), "%d", user_version());
	v[1] = num;
	cs_out_row(o, v);
	v[0] = zh ? "文件字节数" : "file_bytes";
	snprintf(num, sizeof(num), "%lld", stat(path, &sb) == 0 ?
	    (long long)sb.st_size : 0LL);
	cs_out_row(o, v);
	v[0] = zh ? "WAL 字节数" : "wal_bytes";
	snprintf(num, sizeof(num), "%lld", stat(wal, &sb) == 0 ?
	    (long long)sb.st_size : 0LL);
	cs_out_row(o, v);
	st = cs_sql("SELECT name FROM sqlite_master WHERE type = 'table' AND "
	    "name NOT LIKE 'sqlite_%' ORDER BY name");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(item, sizeof(item), zh ? "%s 行数" : "rows.%s",
		    sqlite3_column_text(st, 0));
		/* A table name from sqlite_master cannot be bound; it is
		 * quoted as an identifier, never taken from the user. */
		char *sql = sqlite3_mprintf("SELECT count(*) FROM \"%w\"",
		    sqlite3_column_text(st, 0));
		if (sqlite3_prepare_v2(db, sql, -1, &cnt, NULL) == SQLITE_OK &&
		    sqlite3_step(cnt) == SQLITE_ROW)
			snprintf(num, sizeof(num), "%lld",
			    (long long)sqlite3_column_int64(cnt, 0));
		else
			snprintf(num, sizeof(num), "?");
		sqlite3_finalize(cnt);
		sqlite3_free(sql);
		v[0] = item;
		v[1] = num;
		cs_out_row(o, v);
	}
	sqlite3_reset(st);
	free(path);
	free(wal);
	return cs_out_end(o);
}

static int
cmd_views(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "view", "视图", CS_COL_TEXT },
		{ "columns", "列", CS_COL_TEXT },
		{ "description", "说明", CS_COL_TEXT },
	};
	const struct cs_view *vw;
	struct cs_buf b = { 0 };
	sqlite3_stmt *st;
	struct cs_out *o;
	const char *v[3];
	int rc;

	if ((rc = no_args(cmd, argc, argv, 0)) < 0)
		return -rc;
	if ((rc = cs_db_open(CS_DB_READ, NULL)))
		return rc;
	o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 3);
	for (vw = cs_views; vw->name; vw++) {
		cs_buf_reset(&b);
		st = cs_sql("SELECT name FROM pragma_table_info(?)");
		cs_bind_text(st, 1, vw->name, 0);
		while (sqlite3_step(st) == SQLITE_ROW) {
			if (b.len)
				cs_buf_addc(&b, ',');
			cs_buf_adds(&b, (const char *)sqlite3_column_text(st,
			    0));
		}
		sqlite3_reset(st);
		v[0] = vw->name;
		v[1] = cs_buf_str(&b);
		v[2] = vw->about;
		cs_out_row(o, v);
	}
	cs_buf_free(&b);
	return cs_out_end(o);
}

static const struct cs_cmd cmds[] = {
	{ "init", cmd_init, "", "create the database (or bring it up to "
	    "date)", no_opts },
	{ "migrate", cmd_migrate, "", "apply schema migrations", no_opts },
	{ "check", cmd_check, "", "check integrity, foreign keys and schema; "
	    "exit 1 on a problem", no_opts },
	{ "backup", cmd_backup, "FILE | -", "write a consistent copy, even while "
	    "others write", no_opts },
	{ "restore", cmd_restore, "FILE | -", "replace the database with a "
	    "checked backup, keeping the old as .bak", no_opts },
	{ "stats", cmd_stats, "", "rows per table, file size, schema version",
	    no_opts },
	{ "views", cmd_views, "", "list the documented SQL views", no_opts },
	{ NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return cs_main(argc, argv, "The cs database file: create, migrate, "
	    "check, back up, restore.", cmds, NULL);
}
