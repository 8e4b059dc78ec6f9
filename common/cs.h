/*
 * cs.h - the one public header of libcs, sectioned by source file.
 *
 * Conventions: functions return 0 on success or a sysexits status (> 0) with
 * the message already printed on stderr; callers do not print it again.
 * Strings returned through "const char *" are borrowed; "char *" results are
 * owned by the caller unless a comment says otherwise.
 */
#ifndef CS_H
#define CS_H

#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <sqlite3.h>

#define CS_VERSION "0.1.0"

/* ---- err.c: diagnostics and the exit-status table ------------------- */

enum {
	CS_EX_OK = 0,
	CS_EX_FAIL = 1,		/* nothing found, a check failed */
	CS_EX_USAGE = 2,	/* bad command line */
	CS_EX_DATAERR = 65,	/* bad input data */
	CS_EX_NOINPUT = 66,	/* input file or database missing */
	CS_EX_UNAVAILABLE = 69,	/* database refused (newer schema) */
	CS_EX_SOFTWARE = 70,	/* internal error */
	CS_EX_IOERR = 74,	/* read or write failed */
	CS_EX_TEMPFAIL = 75	/* database busy past the timeout */
};

/*
 * A library call that refuses what it is asked returns -1 with a
 * *problem (bad input: exit 65), or CS_NOT_FOUND when the ticket, task,
 * article or agent it names does not exist (exit 1, as a show of it
 * would). cs_refused() gives the exit status of either.
 */
#define CS_NOT_FOUND (-2)
int cs_refused(int);

extern const char *cs_progname;

/* One row per exit status, for cs(7) and tests. Ends with a NULL name. */
struct cs_exit_code {
	int code;
	const char *name;
	const char *meaning;
};
extern const struct cs_exit_code cs_exit_codes[];

void cs_init(int argc, char **argv);	/* progname, fds, signals, locale */
int cs_exit(int status);		/* flush stdout; a write error is 74 */
/*
 * A temporary file that a signal (INT, TERM, HUP, QUIT, PIPE) must not
 * leave behind: the half-written copy of a backup or the rejects of an
 * import hold customers' data. path is borrowed until cs_tmp_forget;
 * a handler set before (cs-db's) still runs, an ignored signal stays
 * ignored. Up to eight at once; more are not guarded.
 */
void cs_tmp_guard(const char *path);
void cs_tmp_forget(const char *path);
/* mkstemp(3) of a file guarded as above from the moment it exists: the
 * signals wait while it is made. cs_tmp_fopen opens it for writing with
 * the mode fopen(3) would give (umask), not 0600; NULL with errno. */
int cs_tmp_mkstemp(char *tmpl);
FILE *cs_tmp_fopen(char *tmpl);
/* The guarded signals held back (on, the mask before into *old), or let
 * through again (the mask *old back): a signal then waits. */
void cs_tmp_hold(int on, sigset_t *old);
void cs_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "prog: message" on stderr and returns status. */
int cs_err(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
_Noreturn void cs_die(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* strerror(e) and what to do about it, for "PATH: " before it: "No such
 * file or directory: check the name". */
const char *cs_strerror(int e);

void *cs_xmalloc(size_t n);
void *cs_xcalloc(size_t n, size_t size);
void *cs_xrealloc(void *p, size_t n);
char *cs_xstrdup(const char *s);
char *cs_xstrndup(const char *s, size_t n);
char *cs_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growing string; s is always NUL-terminated once anything was added. */
struct cs_buf {
	char *s;
	size_t len, cap;
};
void cs_buf_add(struct cs_buf *b, const char *s, size_t n);
void cs_buf_adds(struct cs_buf *b, const char *s);
void cs_buf_addc(struct cs_buf *b, int c);
void cs_buf_addf(struct cs_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void cs_buf_reset(struct cs_buf *b);	/* len = 0, keeps memory */
void cs_buf_free(struct cs_buf *b);
const char *cs_buf_str(struct cs_buf *b);	/* "" when empty */
/* The whole of a file, or "-" for standard input, and its length in *len;
 * NULL with the message reported and *rc set (66 when missing, 74 when
 * unreadable). Without len the caller wants text: a NUL byte, which
 * would cut it short, is refused with its line (65). */
char *cs_slurp(const char *path, size_t *len, int *rc);

/* ---- text.c: UTF-8, display width, case folding ---------------------- */

/* Byte offset of the first invalid UTF-8 sequence, or -1 when valid. */
long cs_utf8_invalid(const char *s, size_t n);
/* Display width of UTF-8 text: CJK and full-width 2, combining marks 0,
 * independent of the locale (utf8proc's tables). */
size_t cs_text_width(const char *s);
/* Longest prefix of s (bytes) whose width is <= width. */
size_t cs_text_fit(const char *s, size_t width);
/* NFKC + case fold; caller frees. NULL for invalid UTF-8. */
char *cs_text_fold(const char *s);
/* NFKC only; caller frees. NULL for invalid UTF-8. */
char *cs_text_nfkc(const char *s);
/* s with full-width ASCII (１２：３０, ２０２６－１１－０１, as Chinese input
 * methods type them) and the ideographic space made ASCII, for parsers of
 * numbers, dates and times; NULL when s has none, so s is read as it is. */
char *cs_text_halfwidth(const char *s);
/* A whole number from min to max in s: ASCII or full-width digits, an
 * optional '-', nothing else (no space, no fraction); 0, or -1 when s
 * is not one or is out of range. */
int cs_parse_int(const char *s, int64_t min, int64_t max, int64_t *out);
/* A list such as tags or skills: items separated by ';' (or '；'),
 * trimmed, sorted, each once, joined by ';'. Caller frees; NULL when an
 * item holds a ',' or is longer than 64 bytes. */
char *cs_text_list(const char *s);
/* 1 when w is one whole word of a space-separated list ("new open"). */
int cs_word_in(const char *w, const char *list);
/* 1 when s is NULL, empty or only white space (ASCII or Unicode, such
 * as the ideographic space U+3000). */
int cs_text_blank(const char *s);
/* Trims ASCII and Unicode white space at both ends, in place. */
char *cs_text_trim(char *s);

/* ---- time.c: times, dates, durations, periods ------------------------ */

/* Instants are int64_t seconds since the epoch, UTC. Local means TZ. */

/* The clock: $CS_NOW or a value given to cs_set_now(), else time(). */
int64_t cs_now(void);
int cs_set_now(const char *s);	/* 0, or -1 when s is no time */
/* The clock held at t for what a record of the past does at its own time
 * (a call on an imported sheet), then given back as it was. */
struct cs_clock {
	int set;
	int64_t val;
};
void cs_clock_hold(int64_t t, struct cs_clock *was);
void cs_clock_give(const struct cs_clock *was);

/*
 * ISO 8601: 2026-11-24, 2026-11-24T09:30, 2026-11-24 09:30:15,
 * with optional Z or +08:00 / +0800 / +08 offset; local time when no
 * offset. Impossible dates and times (2026-02-30, 24:00, a time in the
 * skipped hour of a DST change) are errors. Returns 0 or -1.
 */
int cs_parse_time(const char *s, int64_t *out);
/* A date: YYYY-MM-DD, today, yesterday, tomorrow, +3d, -2w (d, w, m for
 * months, y); *out is local midnight of that day. 0 or -1. */
int cs_parse_date(const char *s, int64_t now, int64_t *out);
/* Local wall-clock time to an instant: 0, or -1 for a time that does not
 * exist there (a DST gap); a repeated time gives its first occurrence. */
int cs_local_to_utc(int y, int mo, int d, int h, int mi, int s,
    int64_t *out);
/* A calendar date written 2026-11-01, 2026/11/1, 2026.11.1 or
 * 2026年11月1日, checked, into out as YYYY-MM-DD. 0 or -1. */
int cs_parse_ymd(const char *s, char out[11]);
/* Either a date (midnight) or a full time. 0 or -1. */
int cs_parse_when(const char *s, int64_t now, int64_t *out);
/* Durations: 90s, 30m, 2h, 3d, 1w and sums such as 1h30m; 0 or -1. */
int cs_parse_duration(const char *s, int64_t *secs);

/* Local ISO 8601 with offset: 2026-11-24T09:30:00+08:00. buf >= 32. */
char *cs_fmt_time(int64_t t, char *buf);
/* Local date YYYY-MM-DD. buf >= 16. */
char *cs_fmt_date(int64_t t, char *buf);
/* Local midnight of the day holding t; adds days in local time (DST). */
int64_t cs_day_start(int64_t t);
int64_t cs_add_days(int64_t day_start, int days);
/* The instant on the local day of day_start at the clock time of day of
 * t (09:30 on that day for t at 09:30), across a change of summer time. */
int64_t cs_day_at(int64_t day_start, int64_t t);

enum cs_period_kind {
	CS_PERIOD_DAY,
	CS_PERIOD_WEEK,		/* ISO week, Monday first */
	CS_PERIOD_MONTH,
	CS_PERIOD_QUARTER,
	CS_PERIOD_YEAR,
	CS_PERIOD_RANGE		/* --from/--to */
};

/* A half-open span [start, end) of local time. */
struct cs_period {
	enum cs_period_kind kind;
	int64_t start, end;
	char name[48];		/* 2026-W47, 2026-11, 2026-Q4, 2026, 2026-11-24,
				   or 2026-11-01..2026-11-15 for a range */
};

/*
 * 2026-W47, 2026-11, 2026-Q4, 2026, YYYY-MM-DD (a day), today, yesterday,
 * this-week, last-week, this-month, last-month, this-quarter,
 * last-quarter, this-year, last-year. Returns 0 or -1.
 */
int cs_parse_period(const char *s, int64_t now, struct cs_period *p);
/* --from/--to, dates as cs_parse_date, half-open; 0 or -1 (to <= from). */
int cs_period_range(const char *from, const char *to, int64_t now,
    struct cs_period *p);
/* The period before (same kind; a range of the same length before it). */
void cs_period_prev(const struct cs_period *p, struct cs_period *out);
/* The same period one year earlier (2026-W47 -> 2025-W47). */
void cs_period_year_ago(const struct cs_period *p, struct cs_period *out);
/* ISO week of the local day holding t. */
void cs_iso_week(int64_t t, int *year, int *week);

/* ---- opt.c: option tables, --help, completion words ------------------ */

enum { CS_OPT_FLAG = 0, CS_OPT_ARG = 1 };

struct cs_opt {
	int id;			/* returned by cs_getopt: a char or >= 256 */
	const char *name;	/* long name, without -- */
	int shortc;		/* short letter or 0 */
	int has_arg;		/* CS_OPT_FLAG or CS_OPT_ARG */
	const char *arg;	/* metavariable in help: FILE, DATE, LOGIN */
	const char *help;
	/* Completion of the value: NULL (none), a space-separated word list,
	 * "@file", or "@NAME" for a dynamic list answered by the binary. */
	const char *values;
};

#define CS_OPT_END { 0, NULL, 0, 0, NULL, NULL, NULL }

struct cs_cmd {
	const char *name;
	int (*fn)(const struct cs_cmd *cmd, int argc, char **argv);
	const char *args;	/* "LOGIN [OPTIONS]" after the name */
	const char *summary;
	const struct cs_opt *opts;	/* terminated by CS_OPT_END */
};

/* Settings every binary shares, set by the common options. */
struct cs_conf {
	const char *db;		/* --db */
	int format;		/* --format, -1 = default */
	int no_header;		/* --no-header */
	int excel;		/* --excel / --bom */
	int lang_zh;		/* --lang zh or LANG=zh_CN.* */
	const char *actor;	/* --actor */
	const char *input_format;	/* --input-format */
	const char *encoding;	/* --encoding */
	int ignore_unknown;	/* --ignore-unknown */
	int html_fragment;	/* html: the table only, in a page of ours */
	int dry_run;		/* an importer's --dry-run */
	const char *rejects;	/* an importer's --skip-invalid FILE */
};
extern struct cs_conf cs_conf;

/* Ids at or above CS_OPT_COMMON are handled by cs_getopt itself. */
enum {
	CS_OPT_COMMON = 900,
	CS_OPT_DB, CS_OPT_FORMAT, CS_OPT_NO_HEADER, CS_OPT_EXCEL, CS_OPT_BOM,
	CS_OPT_LANG, CS_OPT_ACTOR, CS_OPT_NOW, CS_OPT_HELP,
	CS_OPT_INPUT_FORMAT, CS_OPT_ENCODING, CS_OPT_IGNORE_UNKNOWN,
	CS_OPT_IMPORT_DRY_RUN, CS_OPT_SKIP_INVALID
};

/* Options of every command that reads a record set: the format and
 * encoding, then what to do with columns it does not know. */
#define CS_OPTS_INPUT_FORMAT \
	{ CS_OPT_INPUT_FORMAT, "input-format", 0, CS_OPT_ARG, "FMT", \
	    "input is csv, json or jsonl (default: detected)", \
	    "auto csv json jsonl" }, \
	{ CS_OPT_ENCODING, "encoding", 0, CS_OPT_ARG, "ENC", \
	    "input encoding: utf-8 (default), gbk (or gb2312, cp936), gb18030", \
	    "utf-8 gbk gb18030" }
#define CS_OPTS_INPUT CS_OPTS_INPUT_FORMAT, \
	{ CS_OPT_IGNORE_UNKNOWN, "ignore-unknown", 0, CS_OPT_FLAG, NULL, \
	    "drop columns that are not known instead of refusing", NULL }

/* The input options of the readers that take any columns and pick the
 * ones they know (a list of customers, ids on standard input): there
 * --ignore-unknown is accepted, for scripts that give it everywhere, and
 * changes nothing. */
#define CS_OPTS_INPUT_ANY CS_OPTS_INPUT_FORMAT, \
	{ CS_OPT_IGNORE_UNKNOWN, "ignore-unknown", 0, CS_OPT_FLAG, NULL, \
	    "accepted; other columns are ignored anyway", NULL }

/* Options of every importer: the input options, --dry-run, --skip-invalid. */
#define CS_OPTS_IMPORT \
	{ CS_OPT_IMPORT_DRY_RUN, "dry-run", 'n', CS_OPT_FLAG, NULL, \
	    "check and count, write nothing", NULL }, \
	{ CS_OPT_SKIP_INVALID, "skip-invalid", 0, CS_OPT_ARG, "FILE", \
	    "import the good rows, write the bad ones to FILE", "@file" }, \
	CS_OPTS_INPUT

/*
 * getopt_long over a subcommand's table plus the common options (--db,
 * -f/--format, --no-header, --excel, --bom, --lang, --actor, --now,
 * -h/--help). Common options are handled here; --help prints the help of
 * cmd and exits 0; a bad option prints usage and exits 2. Returns the id
 * of the next option of cmd's table, with *arg set, or -1 at the end;
 * *optind_out is then the index of the first operand.
 */
struct cs_getopt {
	int argc;
	char **argv;
	const struct cs_cmd *cmd;
	const char *arg;	/* argument of the option just returned */
	int ind;		/* first operand, once -1 was returned */
	void *priv;		/* owned by cs_getopt */
};
void cs_getopt_init(struct cs_getopt *g, const struct cs_cmd *cmd,
    int argc, char **argv);
int cs_getopt(struct cs_getopt *g);

/*
 * The whole main of a binary: common options before the subcommand,
 * --version, --help, "help SUB", the hidden "__complete" used by the
 * shell completions, and dispatch to cmds (terminated by a NULL name).
 * complete_values answers "@NAME" value lists (may be NULL).
 */
int cs_main(int argc, char **argv, const char *summary,
    const struct cs_cmd *cmds,
    void (*complete_values)(const char *name));
/* Answers "@NAME" value lists for completion: agents, teams,
 * agents_teams (logins, then teams), skills, types, segments, cities,
 * tags, attrs, reasons, categories, stages, root_causes, periods,
 * kb_categories, kb_tags (complete.c). */
void cs_complete_values(const char *name);
/* Prints "usage: prog SUB ARGS" and returns CS_EX_USAGE. */
int cs_usage(const struct cs_cmd *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The common options, for help and completion. */
extern const struct cs_opt cs_common_opts[];

/* The period of a command: its one operand argv[ind], or the DATEs of
 * --from and --to (the end not included) and no operand. 0 or a usage
 * status, reported. */
int cs_period_arg(const struct cs_cmd *cmd, int argc, char **argv, int ind,
    const char *from, const char *to, struct cs_period *p);

/* The actor of a change: --actor, $CS_USER, $USER, or "unknown". */
const char *cs_actor(void);

/* ---- db.c: open, pragmas, migrations, transactions ------------------- */

/* CS_DB_SCRATCH: for a dry run, write access to the database, or to an
 * empty one in memory when there is no file (nothing is created). */
enum { CS_DB_READ = 0, CS_DB_WRITE = 1, CS_DB_SCRATCH = 2 };

/* The database path of the conventions; caller frees. */
char *cs_db_path(void);
/*
 * Opens the database once per process (later calls return the same
 * handle). CS_DB_READ on a missing file is 66 and creates nothing;
 * CS_DB_WRITE creates the folder and a 0600 file. Migrates forward; a
 * newer schema is refused. Returns 0 or a status; *db borrowed.
 */
int cs_db_open(int mode, sqlite3 **db);
void cs_db_close(void);
int cs_db_schema_version(void);	/* what this binary knows */
/* The version the open database had before this process migrated it, or
 * -1 when it was up to date. */
int cs_db_migrated_from(void);
/* Cached prepared statement, reset and unbound; sql must be a literal
 * (the cache is keyed by its address). Dies with 70 on a bad statement. */
sqlite3_stmt *cs_sql(const char *sql);
/* Reports the last SQLite error with context and maps it to a status:
 * busy/locked 75, full/I/O/read-only 74, constraint 65, else 70. */
int cs_db_fail(const char *what);
int cs_begin(void);	/* BEGIN IMMEDIATE */
int cs_commit(void);
void cs_rollback(void);	/* safe when no transaction is open */
/* A bulk load into an empty table, inside the write transaction: its
 * secondary indexes that are not unique are dropped, and made again from sorted data by
 * cs_indexes_restore before the commit (a crash or a rollback leaves them
 * as they were). Their CREATE statements are added to *saved (NULL at
 * first), which the caller frees with cs_indexes_restore or
 * cs_indexes_free; on an error *saved is freed and NULL. */
int cs_indexes_drop(const char *table, char ***saved);
int cs_indexes_restore(char **saved);
void cs_indexes_free(char **saved);
/* Steps a statement that returns no rows; 0 or cs_db_fail(). */
int cs_step_done(sqlite3_stmt *st, const char *what);
/* A column as text, NULL for NULL; an instant column as local ISO 8601
 * in buf (32 bytes), or NULL. */
const char *cs_col_text(sqlite3_stmt *st, int i);
const char *cs_col_time(sqlite3_stmt *st, int i, char *buf);
/* Binds text, or NULL for a NULL pointer or an empty string when
 * empty_null is set. */
void cs_bind_text(sqlite3_stmt *st, int i, const char *s, int empty_null);
/* Binds s (empty: NULL) without a copy, for the rows of a bulk load:
 * s must live until sqlite3_clear_bindings, right after the step. */
void cs_bind_static(sqlite3_stmt *st, int i, const char *s);
/* Appends one row to the change log (who, when, what, from -> to). */
int cs_log_change(const char *entity, int64_t entity_id, const char *field,
    const char *from, const char *to, const char *note);

/* The documented SQL views, for cs-db views and cs(7). */
struct cs_view {
	const char *name;
	const char *about;
};
extern const struct cs_view cs_views[];	/* ends with a NULL name */

/* Whether path names the database file of cs_db_path() or its -wal,
 * -shm or -journal, under whatever spelling: a file that a command must
 * never write over (a backup, a report, a rejects file). */
int cs_db_own_file(const char *path);
/* A consistent copy of the open database to path, made while others may
 * write: written beside path and renamed into place, mode 0600. */
int cs_db_backup(const char *path);
/* Checks that src is a sound cs database no newer than this binary, keeps
 * the current one as PATH.bak and replaces it with src in one step; name
 * is src in messages (NULL: src itself). */
int cs_db_restore(const char *src, const char *name);
/* integrity, foreign keys, schema, search index: one callback per check,
 * the number of problems found in *problems. Returns 0, or a status
 * already reported when the database stayed busy past the timeout before
 * the last check (*problems counts those done). */
int cs_db_check(void (*report)(const char *check, int ok,
    const char *detail, void *arg), void *arg, int *problems);

/* ---- in.c: record readers --------------------------------------------- */

enum cs_in_format { CS_IN_AUTO, CS_IN_CSV, CS_IN_JSON, CS_IN_JSONL };

struct cs_record {
	size_t n;		/* fields in this record */
	const char *const *names;	/* borrowed, n entries */
	const char *const *values;	/* borrowed, n entries; never NULL:
					   JSON null and absent keys are
					   simply not listed */
	long line;		/* physical line where the record starts */
	const char *file;	/* as given; "-" reads as "stdin" */
};

struct cs_reader;

/* Column rules checked by the reader itself, before a record is given:
 * known names (an entry ending in '*' is a prefix, e.g. "attr.*") and
 * required names. NULL-terminated lists; known NULL = anything goes. */
struct cs_in_spec {
	const char *const *known;
	const char *const *required;
	int ignore_unknown;
};

/*
 * path "-" is stdin. format CS_IN_AUTO detects from the first non-blank
 * byte ('[' JSON array, '{' JSON lines, else CSV). encoding NULL or
 * "utf-8", "gbk", "gb18030". A missing file is 66. Returns 0 or a
 * status, *r owned by the caller (cs_reader_close).
 */
/* The text s of len bytes in `encoding` (gbk, gb18030) as UTF-8 in *out
 * (NUL-terminated, caller frees; NULL for NULL or utf-8: s as it is).
 * 0; CS_EX_USAGE for an unknown encoding (told); or -1 with *line the
 * line of the first byte that is no such text and *problem (caller
 * frees). Whole documents, such as Markdown files; records go through
 * cs_reader_open. */
int cs_decode(const char *encoding, const char *s, size_t len, char **out,
    long *line, char **problem);
/* 0 for an --encoding that cs_decode and cs_reader_open take, else
 * CS_EX_USAGE (told): for a check before the database opens. */
int cs_encoding_check(const char *encoding);
int cs_reader_open(struct cs_reader **r, const char *path,
    enum cs_in_format format, const char *encoding,
    const struct cs_in_spec *spec);
/* Parses "csv", "json", "jsonl", "auto"; -1 when unknown. */
int cs_in_format_parse(const char *s);
/*
 * Next record: 0 and *rec set (valid until the next call), -1 at the end,
 * or a status > 0 with FILE:LINE: ... already printed (65 for bad data,
 * 74 for a read error).
 */
int cs_reader_next(struct cs_reader *r, const struct cs_record **rec);
/*
 * From now on a bad record that the reader can step over (a CSV row with
 * the wrong number of fields, a JSON record that does not parse or holds
 * a value it refuses) is given by cs_reader_next as CS_IN_BAD, with *rec
 * set to what fields it has (none for JSON that does not parse) and the
 * message, "FILE:LINE: ...", in cs_reader_bad(), not reported; the next
 * call goes on after it. For --skip-invalid.
 */
#define CS_IN_BAD (-2)
void cs_reader_skip_bad(struct cs_reader *r);
const char *cs_reader_bad(const struct cs_reader *r);
/* CSV: the header names, known after cs_reader_open; NULL for JSON. */
const char *const *cs_reader_header(struct cs_reader *r, size_t *n);
void cs_reader_close(struct cs_reader *r);

/* Value of a column, or NULL when the record has no such field. */
const char *cs_record_get(const struct cs_record *rec, const char *name);
/* "FILE:LINE: column: what (value)" into a new string; caller frees.
 * column and value may be NULL. */
char *cs_record_msg(const struct cs_record *rec, const char *column,
    const char *value, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Prints cs_record_msg() as "prog: ..." and returns CS_EX_DATAERR. */
int cs_record_err(const struct cs_record *rec, const char *column,
    const char *value, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ---- ids.c: ids from operands or standard input --------------------- */

/*
 * The ids that the operands argv[0..argc) of cmd name; what ("ticket",
 * "task") names them in messages. An operand is an id; "-" reads
 * standard input: either a plain list of ids, one a line or separated by
 * white space, told by a first line that starts with a digit; or a record
 * set (CSV with a header, a JSON array, JSON lines; --input-format and
 * --encoding as given) whose "id" column names them, such as the output
 * of a list command. Repeats are dropped, the first kept in its place.
 * Returns 0 with *out (caller frees) and *n; *n is 0 only when standard
 * input held no id (empty, or a header without records): that is
 * reported on stderr as nothing to do. No operand or a bad operand is 2;
 * a bad id on standard input is 65, naming stdin:LINE and the value.
 */
int cs_read_ids(const struct cs_cmd *cmd, const char *what, int argc,
    char **argv, int64_t **out, size_t *n);

/* ---- out.c: output writers -------------------------------------------- */

enum cs_fmt { CS_FMT_TABLE, CS_FMT_CSV, CS_FMT_TSV, CS_FMT_JSON,
	CS_FMT_JSONL, CS_FMT_MARKDOWN, CS_FMT_HTML };

enum cs_col_type {
	CS_COL_TEXT,		/* JSON string */
	CS_COL_NUM,		/* JSON number when the text is one, else string;
				   right-aligned in tables */
	CS_COL_BOOL,		/* "1"/"0" or "yes"/"no" in text, JSON bool */
	CS_COL_MARKED		/* text with hits between CS_MARK_ON and
				   CS_MARK_OFF: bold in a table on a
				   terminal (unless NO_COLOR), else [ ] */
};
#define CS_MARK_ON '\x02'
#define CS_MARK_OFF '\x03'
#define CS_MARK_ON_S "\x02"
#define CS_MARK_OFF_S "\x03"

struct cs_col {
	const char *name;	/* stable snake_case English */
	const char *zh;		/* table label with --lang zh; NULL = name */
	enum cs_col_type type;
};

/* Parses "table", "csv", ...; -1 when unknown. */
int cs_fmt_parse(const char *s);
/* The format in force: cs_conf.format or table on a terminal, else csv. */
enum cs_fmt cs_fmt_default(FILE *fp);

struct cs_out;
/*
 * A writer of ncols columns to fp in format fmt, honouring cs_conf
 * (no_header, excel, lang_zh) and NO_COLOR. cols is borrowed until
 * cs_out_end.
 */
struct cs_out *cs_out_new(FILE *fp, enum cs_fmt fmt, const struct cs_col *cols,
    size_t ncols);
/* One row of ncols values; NULL is empty text / JSON null. */
void cs_out_row(struct cs_out *o, const char *const *vals);
/* Writes what is buffered (table), closes a JSON array, frees o.
 * Returns 0 or 74 after a write error. */
int cs_out_end(struct cs_out *o);

/* One cell as --excel writes it: defused formulas, long digits as text.
 * Returns v itself when nothing changes, else a string in *tmp. */
const char *cs_excel_cell(const char *v, struct cs_buf *tmp);
/* Its inverse, in place, for the record reader: ="0123" is 0123 and the
 * quote before a formula-looking text goes. Returns the new length. */
size_t cs_excel_uncell(char *v);
/* One cell of plain CSV: v, or, when the reader would take it for what
 * --excel wrote (="0123", '=1), v behind one more quote in *tmp. */
const char *cs_csv_cell(const char *v, struct cs_buf *tmp);
/* Writes one CSV field (quoted when needed) to fp, in plain CSV or as
 * --excel writes it (a ';' quoted too, cs_excel_cell); tmp: scratch. */
void cs_csv_field(FILE *fp, const char *v, struct cs_buf *tmp, int excel);

/* Writes s to fp with & < > " escaped for HTML, newlines as <br>. */
void cs_html_str(FILE *fp, const char *s);
/* Writes one JSON string literal (with quotes) to fp. */
void cs_json_str(FILE *fp, const char *s);

/* ---- import.c: the one bulk-write loop of every importer ------------ */

enum cs_row_result { CS_ROW_ADDED, CS_ROW_UPDATED, CS_ROW_UNCHANGED };

struct cs_import {
	const char *what;	/* "agents", for the summary line */
	const char *path;	/* FILE or "-" */
	const struct cs_in_spec *spec;
	int dry_run;		/* --dry-run: check and count, write nothing */
	const char *rejects;	/* --skip-invalid FILE, or NULL */
	/*
	 * Checks and writes one record inside the import's transaction.
	 * Returns a cs_row_result; or -1 with *err set to a message made by
	 * cs_record_msg() (the driver frees it) for a bad record; or a
	 * status >= 64 already reported, which aborts the import.
	 */
	int (*row)(void *ctx, const struct cs_record *rec, char **err);
	void *ctx;
	/* Tables whose secondary indexes are made once at the end, from
	 * sorted data, when the first of them is empty (a first load; the
	 * rows must be looked up by rowid or unique key only); NULL ends. */
	const char *const *bulk;
	int empty;		/* set: the first of them was empty at the start */
	/* Records from elsewhere than a file of records (cs-kb: a folder
	 * of Markdown files), as cs_reader_next gives them; NULL: path is
	 * read with cs_reader_open and spec. */
	int (*next)(void *src, const struct cs_record **rec);
	void *src;
	long count[3];		/* by cs_row_result */
	long rejected;
};
/* Runs an import: one transaction, all or nothing unless rejects is set;
 * prints the summary on stderr. Returns 0 or a status. */
int cs_import_run(struct cs_import *im);
/* The end of every import command: one operand FILE or - from argv[ind],
 * the common import options of cs_conf, then cs_import_run. */
int cs_import_main(const struct cs_cmd *cmd, int argc, char **argv, int ind,
    struct cs_import *im);

/* ---- phone.c: phone numbers, e-mail, masking ------------------------- */

enum cs_phone_kind {
	CS_PHONE_MOBILE,	/* 13812345678 */
	CS_PHONE_LANDLINE,	/* 010-12345678, 0755-88886666-8001 */
	CS_PHONE_SERVICE,	/* 400-123-4567, 800-123-4567 */
	CS_PHONE_E164		/* +85291234567 */
};

/*
 * Normalises a phone number as the spec says: NFKC (full-width digits),
 * spaces, dashes, dots and brackets removed, +86/0086 (and a national 0
 * after it) removed; a mainland mobile is 1[3-9] and 9 digits; a landline
 * keeps its area code as 0AA(A)-NNNNNNN(N); 400/800 numbers are written
 * 400-123-4567; an extension (-8001, 转8001, ext 8001, x8001) after a
 * landline or service number is kept as a last -8001; other numbers only
 * as E.164 (+CC and 6 to 14 digits). Returns the normal form (caller
 * frees) and its kind, or NULL with *problem set to a static message.
 */
char *cs_phone_norm(const char *s, enum cs_phone_kind *kind,
    const char **problem);
/* The digits only of a normal form, for search ("010-1234" -> "0101234");
 * caller frees. */
char *cs_phone_digits(const char *norm);
/* Masks a normal form: 138****5678, 010-****5678, 400-***-4567,
 * +852****1234. Caller frees. */
char *cs_phone_mask(const char *norm);
/* Checks an e-mail address for a plausible form and returns it trimmed,
 * with the domain lower-cased (caller frees); NULL with *problem. */
char *cs_email_norm(const char *s, const char **problem);
/* Case-folded (NFKC + fold) form for matching duplicates; caller frees. */
char *cs_email_key(const char *norm);
/* z***@example.com; caller frees. */
char *cs_email_mask(const char *norm);

/* ---- map.c: a string-keyed hash table -------------------------------- */

struct cs_map;
struct cs_map *cs_map_new(void);
/* Sets key (copied) to val; returns 1 when the key was new, else 0 and
 * *old (when not NULL) holds the value it had. */
int cs_map_put(struct cs_map *m, const char *key, int64_t val, int64_t *old);
/* 1 and *val when present, else 0. */
int cs_map_get(const struct cs_map *m, const char *key, int64_t *val);
void cs_map_free(struct cs_map *m);

/* ---- agent.c: the staff roster --------------------------------------- */

enum {
	CS_AGENT_LOGIN, CS_AGENT_NAME, CS_AGENT_TEAM, CS_AGENT_ROLE,
	CS_AGENT_SKILLS, CS_AGENT_WEIGHT, CS_AGENT_CAPACITY, CS_AGENT_ACTIVE,
	CS_AGENT_NFIELDS
};
extern const char *const cs_agent_field[];	/* column names */
extern const char *const cs_agent_roles;	/* "agent supervisor ..." */

/* Values as text; NULL leaves a field as it is (or its default). */
struct cs_agent_in {
	const char *v[CS_AGENT_NFIELDS];
};

enum { CS_PUT_ANY, CS_PUT_CREATE, CS_PUT_UPDATE };
/*
 * Checks in and inserts or updates the agent of that login (mode says
 * which may happen), logging each changed field. Returns a cs_row_result;
 * -1 with *field (-1 for the record as a whole) and *problem (caller
 * frees) set for a bad value, or for a login that exists already with
 * CS_PUT_CREATE; CS_NOT_FOUND with *field CS_AGENT_LOGIN and *problem
 * for a login that no agent has with CS_PUT_UPDATE; or a status >= 64
 * already reported.
 */
int cs_agent_put(const struct cs_agent_in *in, int mode, int *field,
    char **problem);
/* Id of the agent with that login, 0 when there is none. */
int64_t cs_agent_id(const char *login);
/* 0 and the leave's id, CS_NOT_FOUND with *problem (caller frees) when
 * no agent has the login, -1 with *problem for a bad date or --to before
 * --from, or a status. Days inclusive. */
int cs_agent_leave(const char *login, const char *first, const char *last,
    const char *note, int64_t *id, char **problem);
/* 0, CS_NOT_FOUND with *problem (caller frees) when no agent has the
 * login or no leave the id, -1 with *problem when the leave is another
 * agent's, or a status. */
int cs_agent_leave_cancel(const char *login, int64_t leave_id,
    char **problem);
/* 1 when the agent is on leave on that local day (YYYY-MM-DD). */
int cs_agent_on_leave(int64_t agent_id, const char *day);

/* ---- customer.c: customer records ----------------------------------- */

enum {
	CS_CUST_CODE, CS_CUST_NAME, CS_CUST_PHONE, CS_CUST_PHONE2,
	CS_CUST_EMAIL, CS_CUST_WECHAT, CS_CUST_COMPANY, CS_CUST_CITY,
	CS_CUST_ADDRESS, CS_CUST_SEGMENT, CS_CUST_TAGS, CS_CUST_OWNER,
	CS_CUST_BIRTHDAY, CS_CUST_NOTES, CS_CUST_NFIELDS
};
extern const char *const cs_customer_field[];	/* import column names */
extern const char *const cs_contact_reasons;	/* "invalid-number ..." */

/* A customer as given: NULL leaves a field as it is. Attributes by name
 * without the "attr." prefix. */
struct cs_customer_in {
	const char *v[CS_CUST_NFIELDS];
	size_t nattr;
	const char **attr_name;
	const char **attr_value;
	int overwrite_empty;	/* an empty value clears; else it is ignored */
	int code_is_new;	/* the caller knows no customer has this code */
};

/*
 * Adds or updates a customer: with id > 0 that customer, else the one of
 * in's code (CS_PUT_ANY adds when there is none, or always when no code
 * is given). Changed fields go to the change log. Returns a cs_row_result
 * with *id set; -1 with *field (a CS_CUST_* index, CS_CUST_NFIELDS + i for
 * attribute i, -1 for the record) and *problem (caller frees); or a
 * status >= 64 already reported.
 */
int cs_customer_put(const struct cs_customer_in *in, int mode, int64_t *id,
    int *field, char **problem);
/*
 * Finds a customer by a reference: an exact code, else an id, else a
 * phone number; "id:", "code:" or "phone:" in front says which. A merged
 * customer leads to the one it was merged into, with a notice on stderr.
 * Returns the id, 0 when none (with *problem saying why, static).
 */
int64_t cs_customer_find(const char *ref, const char **problem);
/* The same, with *named (when not NULL) the customer that ref names
 * before merges are followed (for a phone that only merged customers
 * have, the first of them): it differs from the id returned when ref
 * led to the customer it was merged into. 0 when none is found. */
int64_t cs_customer_find_named(const char *ref, int64_t *named,
    const char **problem);
/* Status of a customer ("active", "invalid", ...); NULL when none. */
const char *cs_customer_status(int64_t id, char buf[16]);

/*
 * The calls below take an id that cs_customer_find gave: one that names
 * no customer is -1 with *problem "no such customer", not CS_NOT_FOUND.
 */
/* invalidate / revalidate: 0, -1 with *problem (static), or a status. */
int cs_customer_invalidate(int64_t id, const char *reason, const char *note,
    const char **problem);
int cs_customer_revalidate(int64_t id, const char **problem);
/* Adds and removes tags; 0, -1 with *problem (static), or a status. */
int cs_customer_tag(int64_t id, const char *const *add, size_t nadd,
    const char *const *rm, size_t nrm, const char **problem);
/* Moves everything of drop to keep (see cs-customer(1)); 0, -1 with
 * *problem (static), or a status. */
int cs_customer_merge(int64_t keep, int64_t drop, const char **problem);
/* Anonymises a customer for a privacy request; 0, -1 with *problem
 * (static), or a status. */
int cs_customer_erase(int64_t id, const char **problem);

/* Filters of cs-customer list; NULL or 0 for none. */
struct cs_customer_filter {
	const char *segment, *owner, *city, *status, *search;
	const char **tags;
	size_t ntags;
	const char **where;	/* "attr.purchase_date>=2026-11-01" */
	size_t nwhere;
	const char *sort;	/* "name,-created_at" */
	long limit;
	int all;		/* include merged and erased */
};
/*
 * Prepares the query of a filter; its columns are those of
 * cs_customer_cols. Returns 0 with *st (caller finalizes), or a status
 * with the problem reported (65 for a bad --where or --sort).
 */
int cs_customer_query(const struct cs_customer_filter *f, sqlite3_stmt **st);
extern const struct cs_col cs_customer_cols[];
extern const size_t cs_customer_ncols;

/* ---- sla.c: the business calendar and SLA targets ------------------- */

/* The instant when secs of working time have passed after start, in the
 * calendar of the database (weekly hours, holidays, make-up workdays). */
int64_t cs_work_add(int64_t start, int64_t secs);
/* Working seconds in [from, to). */
int64_t cs_work_between(int64_t from, int64_t to);
/* Forgets the calendar read so far (after it was changed). */
void cs_calendar_reload(void);
/* The due times of a ticket created then, by the policy of its type and
 * priority: 1 when there is a policy, else 0 and both 0. */
int cs_sla_due(const char *type, const char *priority, int64_t created,
    int64_t *fr_due, int64_t *res_due);

/* ---- ticket.c: tickets ---------------------------------------------- */

extern const char *const cs_ticket_channels;	/* "phone email ..." */
extern const char *const cs_ticket_priorities;
extern const char *const cs_ticket_statuses;

enum {
	CS_TK_EXTERNAL_ID, CS_TK_CUSTOMER, CS_TK_TYPE, CS_TK_SUBTYPE,
	CS_TK_CHANNEL, CS_TK_CATEGORY, CS_TK_STAGE, CS_TK_PRIORITY,
	CS_TK_STATUS, CS_TK_ASSIGNEE, CS_TK_SUBJECT, CS_TK_BODY,
	CS_TK_CREATED_AT, CS_TK_FIRST_RESPONSE_AT, CS_TK_RESOLVED_AT,
	CS_TK_CLOSED_AT, CS_TK_REOPENED, CS_TK_CSAT, CS_TK_ROOT_CAUSE,
	CS_TK_RESOLUTION, CS_TK_NFIELDS
};
extern const char *const cs_ticket_field[];	/* import columns */

/* A ticket as given, by column; NULL for not given. */
struct cs_ticket_in {
	const char *v[CS_TK_NFIELDS];
	int create_customers;	/* an unknown customer is added */
};

/*
 * new: creates a ticket now (status new, or open with an assignee given
 * the first response is still to come). import: creates or updates the
 * ticket of an external_id with its history. Both return a cs_row_result
 * with *id; -1 with *field (CS_TK_* or -1) and *problem (caller frees);
 * or a status >= 64.
 */
int cs_ticket_new(const struct cs_ticket_in *in, int64_t *id, int *field,
    char **problem);
int cs_ticket_import(const struct cs_ticket_in *in, int64_t *id, int *field,
    char **problem);

/* The actions on one ticket. Each returns 0; CS_NOT_FOUND with *problem
 * (caller frees) when no ticket has the id; -1 with *problem for what
 * the ticket's status or the input does not allow (assign checks the
 * agent first: an unknown or inactive one is -1 even for a missing
 * ticket); or a status >= 64. Each appends its events. */
struct cs_ticket_act {
	const char *note;	/* comment, reply, reason, resolution ... */
	const char *root_cause, *stage;
	const char *to;		/* escalate: a login or a team */
	int64_t until;		/* pend --until, 0 for none */
	int score;		/* rate */
};
int cs_ticket_move(int64_t id, const char *action,
    const struct cs_ticket_act *a, char **problem);
int cs_ticket_assign(int64_t id, const char *login, char **problem);
int cs_ticket_note(int64_t id, int public, const char *text, char **problem);
int cs_ticket_escalate(int64_t id, const char *to, const char *reason,
    char **problem);
int cs_ticket_rate(int64_t id, int score, const char *comment,
    char **problem);
int cs_ticket_link(int64_t id, const char *article, char **problem);
/* Sets the descriptive fields that are not NULL in given (subtype,
 * category, stage, priority, subject, root_cause), each change an event.
 * 0, CS_NOT_FOUND with *problem (caller frees) when no ticket has the id,
 * -1 with *problem for an unknown priority, or a status >= 64. */
int cs_ticket_update(int64_t id, const char *const given[CS_TK_NFIELDS],
    char **problem);
/* 1 when a ticket of that id exists. */
int cs_ticket_exists(int64_t id);

/* Filters of cs-ticket list; NULL or 0 for none. */
struct cs_ticket_filter {
	const char **status;
	size_t nstatus;
	int open;		/* not resolved or closed */
	int overdue;		/* past a due time now */
	int unassigned;		/* no assignee */
	const char *type, *channel, *priority, *category, *assignee, *search;
	int64_t customer, id;
	const struct cs_period *created, *resolved;
	const char *sort;
	long limit;
};
/* Prepares the list query (columns of cs_ticket_cols; the instants are
 * integers). Returns 0 with *st (caller finalizes), or a status. */
int cs_ticket_query(const struct cs_ticket_filter *f, sqlite3_stmt **st);
extern const struct cs_col cs_ticket_cols[];
extern const size_t cs_ticket_ncols;

/* ---- revisit.c: revisit tasks ----------------------------------------- */

extern const char *const cs_revisit_results;	/* "reached no-answer ..." */

/* A planning run: what every task gets, and the counts of the summary. */
struct cs_plan {
	const char *reason;
	const char *skill;	/* required skill, or NULL */
	const char *period;	/* NULL: each source's own */
	const char *due;	/* YYYY-MM-DD, NULL: each source's own */
	int dry_run;
	long planned, existing, skipped_invalid, skipped_gone, unknown;
	/* called for each task that is (or would be) created */
	void (*show)(void *arg, int64_t customer, int64_t ticket,
	    const char *period, const char *due);
	void *arg;
	struct cs_map *seen;	/* dry run: what it would have planned */
};
/* One task: the customer is checked (invalid, merged and erased are
 * skipped and counted) and an existing task is left alone. 0 or status. */
int cs_revisit_plan_one(struct cs_plan *p, int64_t customer, int64_t ticket,
    const char *period, const char *due);
/* Customers whose tickets (of type, when given) were resolved `days` ago,
 * within a window of that many days more; the period is the ticket. */
int cs_revisit_plan_resolved(struct cs_plan *p, int days, const char *type,
    int window);
/* N+7: customers whose date attribute plus `days` falls within the last
 * `window` days up to today; the period is that date. */
int cs_revisit_plan_date(struct cs_plan *p, const char *field, int days,
    int window);
/* Periodic care: one task per customer of the segment or tag per cycle of
 * `every` days. */
int cs_revisit_plan_every(struct cs_plan *p, const char *segment,
    const char *tag, int every);

/* Hands unassigned tasks due up to `due` to agents: the owner first,
 * else the least (open tasks + 1) / weight with the skill and capacity
 * left today, ties by login. emit is called for every task, with a NULL
 * agent for those no one can take; the tasks of customers not active
 * (a contact marked invalid) are only counted, in *held. 0 or a status. */
int cs_revisit_assign(const char *due, const char *reason, int dry_run,
    void (*emit)(void *arg, int64_t task, int64_t customer, const char *agent,
    const char *reason, const char *due), void *arg, long *assigned,
    long *left, long *held);

struct cs_attempt {
	int64_t task;
	const char *result;
	int score;		/* 0: none */
	const char *note;
	int complaint;		/* open a complaint ticket */
	int retry_days;		/* no-answer, busy: try again then */
	int max_attempts;	/* then failed */
	int64_t seq;		/* the attempt's number (import), 0: next */
	int64_t when;		/* when the call was made (import), 0: now */
};
/* Records an attempt. CS_ROW_ADDED, CS_ROW_UNCHANGED (that attempt was
 * recorded before), CS_NOT_FOUND with *problem (caller frees) and
 * *column "id" when there is no such task, -1 with *problem about the
 * input *column ("id" for a task not open, "result", "score",
 * "called_at" for a call time in the future or before the last, or NULL),
 * or a status. *ticket is the complaint opened, or 0. */
int cs_revisit_log(const struct cs_attempt *a, int64_t *ticket,
    const char **column, char **problem);

/* "12.35" for 100 * num / den rounded half away from zero (scale 100),
 * or num / den (scale 1); "" when den is 0. buf >= 32. */
char *cs_fmt_ratio(int64_t num, int64_t den, int scale, char *buf);

/* ---- chart.c: bar charts in inline SVG -------------------------------- */

struct cs_chart;
struct cs_chart *cs_chart_new(void);
/* Adds value to the bar of label in series (stacked when several). The
 * signature fits cs_report_chart's callback; arg is the chart. */
void cs_chart_add(void *arg, const char *series, const char *label,
    double value);
/* A <figure> with the chart as inline SVG, self-contained. */
void cs_chart_svg(FILE *fp, const char *title, const struct cs_chart *c);
void cs_chart_free(struct cs_chart *c);

/* ---- report.c: the figures of the operations reports ----------------- */

struct cs_report_filter {
	const char *section;	/* NULL: all */
	const char *type, *agent, *team, *skill;
};

/* One figure: value NULL when undefined (no data), never "0" for that. */
struct cs_report_row {
	const char *section, *metric;	/* static */
	char *key;			/* "" for a total, "type=complaint" */
	char *value;
	int count;			/* a count: 0 when there is nothing */
	int top;	/* a ranking: only the period's first top keys are
			 * listed, with their figures of the other periods */
	/* A share of the total of this metric of the section: 0 in a
	 * period whose total is not 0 but has no row of this key. */
	const char *share_of;
};

struct cs_report {
	struct cs_report_row *row;
	size_t n, cap;
};

/* Fills the temporary table res (id, ev, at, first_ev, agent) with the
 * tickets resolved in [start, end): each with its last resolution in the
 * period, from the timeline, and the agent that resolution counts for, so
 * that a ticket reopened and resolved again later still counts where and
 * for whom it was resolved. The reports, the QA sample and cs-ticket list
 * --resolved count the same tickets. Read it first: FROM res CROSS JOIN
 * ticket t. */
int cs_report_resolved(int64_t start, int64_t end);

/* The figures of one period, in a fixed order. Reads only. */
int cs_report_compute(const struct cs_report_filter *f,
    const struct cs_period *p, struct cs_report *r);
void cs_report_free(struct cs_report *r);
/* A section or metric name as a table shows it: its Chinese label with
 * --lang zh, else the name. */
const char *cs_metric_label(const char *name);
/* 1 when a rise of the metric is good news (sla_met_pct), -1 when it is
 * bad news (backlog), 0 when it is neither (created). */
int cs_metric_better(const char *name);
int cs_report_section_known(const char *name);
/* Refuses (CS_EX_DATAERR, reported as "CMD: --team X: ...") a --type,
 * --agent, --team or --skill that names nothing the database knows, so
 * that a typo is no report of zeros. Opens the database. */
int cs_report_filter_check(const struct cs_report_filter *f,
    const char *cmd);
/* Data of a chart of the HTML report: daily (series = type, label =
 * date), resolution (hour buckets), csat (scores), revisits (results),
 * agents (resolved per agent). */
int cs_report_chart(const char *name, const struct cs_report_filter *f,
    const struct cs_period *p, void (*point)(void *arg, const char *series,
    const char *label, double value), void *arg);
/* The agents' scorecards of a period: section "scorecard", key
 * "agent=LOGIN", the metrics of cs_scorecard_metrics for each active
 * specialist (role agent) and anybody else with work in the period
 * (resolved tickets, finished revisits), narrowed by f's agent and team
 * (the agent's own team). Reads only. */
int cs_report_scorecard(const struct cs_report_filter *f,
    const struct cs_period *p, struct cs_report *r);

/* ---- qa.c: quality reviews (质检) and scorecard targets (绩效) ------- */

/* The metrics of a scorecard, in order; NULL-terminated. */
extern const char *const cs_scorecard_metrics[];

/* Defines or redefines a scoring form from "ITEM=MAX" words whose maxima
 * (whole numbers) sum to 100. 0, -1 with *problem (caller frees), or a
 * status. */
int cs_qa_form_set(const char *name, char *const *items, size_t n,
    char **problem);

/* A review of a resolved or closed ticket: with a form, every item of it
 * scored once as "ITEM=POINTS" (0 to the item's maximum) and the total
 * their sum; without, a total score of 0 to 100 as given. */
struct cs_review {
	int64_t ticket;
	const char *form;
	const char *const *items;
	size_t nitems;
	const char *score;	/* --score as given, without a form */
	const char *note;
	const char *reviewer;	/* NULL: the acting user */
	int replace;		/* take the place of an earlier review */
};
/* Checks everything, then writes the review and its timeline event.
 * 0 with *total, CS_NOT_FOUND with *problem (caller frees) when there is
 * no such ticket, -1 with *problem, or a status. Self-review,
 * a second review without replace, unknown or missing items and points out
 * of range are refused. */
int cs_qa_review(const struct cs_review *rv, int *total, char **problem);
/* Ticket events written by other modules (ticket.c): kind, field, from ->
 * to, note, at the current time by the acting user. */
int cs_ticket_event(int64_t id, const char *kind, const char *field,
    const char *from, const char *to, const char *note);

/* The spot-check sample: tickets resolved in the period (as the reports
 * count them) by each agent, still resolved or closed, not reviewed yet;
 * per agent min(per_agent, available), or ceil(share / 10000 x
 * available) with share in hundredths of a percent (500 = 5%). */
struct cs_sample {
	const struct cs_period *p;
	const char *type;	/* NULL: all */
	long per_agent;		/* > 0, else share */
	int64_t share;
	const char *seed;
};
struct cs_sample_pick {
	char *agent;
	int64_t ticket;
};
/* Each agent's candidates are ordered by cs_qa_hash(seed, id), ties by id,
 * and the first ones taken; the picks come ordered by agent, then id.
 * 0 with *out (cs_qa_sample_free), or a status. */
int cs_qa_sample(const struct cs_sample *s, struct cs_sample_pick **out,
    size_t *n);
void cs_qa_sample_free(struct cs_sample_pick *p, size_t n);
/* FNV-1a 64 of the seed's bytes, plus id x 0x9e3779b97f4a7c15, through
 * the splitmix64 finaliser. */
uint64_t cs_qa_hash(const char *seed, int64_t id);

/* A decimal of at most two decimals in hundredths ("4.5" -> 450): 0, -1. */
int cs_hundredths(const char *s, int64_t *out);
/* 'METRIC>=VALUE' or 'METRIC<=VALUE' for everyone, a team or an agent
 * (team and agent NULL, or one of them). 0, -1 with *problem, or a
 * status. */
int cs_target_set(const char *expr, const char *team, const char *agent,
    char **problem);
/* Removes the target of METRIC (or of the metric of an expression) of
 * that scope: 0, 1 (CS_EX_FAIL) with *problem when there is none, -1
 * with *problem, or a status. */
int cs_target_rm(const char *expr, const char *team, const char *agent,
    char **problem);
/* The target that applies to an agent for a metric, the agent's own
 * first, then the team's, then everyone's: 1 with ">=90" in buf, or 0. */
int cs_target_for(const char *login, const char *metric, char *buf,
    size_t size);
/* "yes" when value meets target (equal meets it), "no", or NULL when the
 * value is undefined (empty) or there is no target. */
const char *cs_target_met(const char *value, const char *target);

/* ---- kbtok.c: the knowledge base's tokenizer (pure, but for the FTS5
 * registration) --------------------------------------------------------- */

enum { CS_KBTOK_DOC, CS_KBTOK_QUERY };			/* modes */
enum { CS_KBTOK_WORD, CS_KBTOK_CJK1, CS_KBTOK_CJK2 };	/* kinds */

/* Called for each token: its folded text (n bytes, valid during the call)
 * and its byte range [start, end) in the input. A non-zero return stops
 * the tokenizer and is returned by it. */
typedef int (*cs_kbtok_fn)(void *ctx, int kind, const char *tok, int n,
    int start, int end);
/*
 * Tokenizes n bytes of UTF-8 (n < 0: up to the NUL). Runs of CJK letters
 * (Han, kana, Hangul) give one token per character: the bigram it starts,
 * or the character alone at the end of its run; a query (CS_KBTOK_QUERY)
 * gives the bigrams of a run, the last character alone only for a run of
 * one or when more tokens follow. Other letters and digits make words,
 * NFKC case-folded. Everything else separates; invalid bytes too.
 */
int cs_kbtok(const char *text, int n, int mode, cs_kbtok_fn fn, void *ctx);
/* Registers the tokenizer as "cs" with FTS5 on a connection; 0 or -1. */
int cs_kbtok_register(sqlite3 *db);

#define CS_KBQ_MAXTERMS 64	/* terms of an "any" query at most */

/* A phrase of the query: its units (folded words or CJK characters). */
struct cs_kbq_seg {
	size_t n;
	char **unit;
	int *cjk;
	int prefix;		/* the last unit matches as a prefix */
};

/* A user's search made safe. */
struct cs_kbq {
	char *match;		/* the FTS5 expression, quoted terms only */
	struct cs_kbq_seg *seg;
	size_t nseg;
};
/*
 * Splits text at separators (white space, punctuation, full-width ，。
 * too) into phrases, each quoted for FTS5, all required; "word*" is a
 * prefix. With any set, a query for suggestions: any word or bigram,
 * at most CS_KBQ_MAXTERMS. Returns the number of phrases, 0 when there is
 * nothing to search for (q->match NULL). cs_kbq_free in both cases.
 */
int cs_kbq_parse(struct cs_kbq *q, const char *text, int any);
void cs_kbq_free(struct cs_kbq *q);
/* The text with the hits of q (of its first CS_KBQ_MAXTERMS different
 * phrases) between open and close; width > 0 cuts a one-line window of
 * about that many columns around the first hit, with "…" where it was
 * cut. Caller frees. */
char *cs_kbq_mark(const struct cs_kbq *q, const char *text, size_t width,
    const char *open, const char *close);

/* ---- kb.c: the knowledge base ---------------------------------------- */

extern const char *const cs_kb_statuses;	/* "draft review ..." */

/* The fields of an article as given; NULL leaves one as it is. */
enum { CS_KB_TITLE, CS_KB_CATEGORY, CS_KB_TAGS, CS_KB_STATUS, CS_KB_BODY,
	CS_KB_OWNER, CS_KB_NFIELDS };
extern const char *const cs_kb_field[];		/* "title", ... */

struct cs_kb_in {
	const char *v[CS_KB_NFIELDS];
	const char *note;	/* of the version: what changed and why */
};

/* add: a new article (draft unless a status is given), version 1, owned
 * by the actor unless an owner is given. 0 and *id, -1 with *field and
 * *problem (caller frees), or a status >= 64. */
int cs_kb_add(const struct cs_kb_in *in, int64_t *id, int *field,
    char **problem);
/* edit: a new version when title, body, category or tags change (the
 * status only by import). CS_ROW_UPDATED, CS_ROW_UNCHANGED, CS_NOT_FOUND
 * with *problem (caller frees) when no article has the id, -1 with
 * *field and *problem, or a status >= 64. */
int cs_kb_edit(int64_t id, const struct cs_kb_in *in, int *field,
    char **problem);
/* Import: the article of that title is updated, else one is added. A
 * cs_row_result, -1 with *field and *problem, or a status >= 64. */
int cs_kb_put(const struct cs_kb_in *in, int *field, char **problem);
/* submit, approve, reject (needs a reason), archive: 0, CS_NOT_FOUND
 * with *problem (caller frees) when no article has the id, -1 with
 * *problem, or a status. approve and reject need the actor to be an
 * active agent of role reviewer or owner, and record them. */
int cs_kb_move(int64_t id, const char *action, const char *reason,
    char **problem);
/* One vote per actor and article (a second one replaces the first).
 * A cs_row_result, CS_NOT_FOUND with *problem (caller frees) when no
 * article has the id, -1 with *problem (one not published), or a
 * status. */
int cs_kb_vote(int64_t id, int helpful, char **problem);
/* Counts a view. 0 or a status. */
int cs_kb_viewed(int64_t id);
/* The status of an article into buf, or NULL when there is none. */
const char *cs_kb_status(int64_t id, char buf[16]);
/* The id of an article named by its id ("12"), 0 when there is none. */
int64_t cs_kb_ref(const char *s);

/*
 * The Markdown form of an article, as export writes and import and the
 * editor read: a header of "key: value" lines between "---" lines (title,
 * category, tags, status; empty ones left out), a blank line, the body.
 */
char *cs_kb_doc_format(const char *const v[CS_KB_NFIELDS]);
/* Parses that form. 0 with v[] set (caller frees each; a field the header
 * leaves out is ""; status NULL) and line[] the line of each field; or -1
 * with *bad_line and *problem (caller frees). */
int cs_kb_doc_parse(const char *text, size_t n, char *v[CS_KB_NFIELDS],
    long line[CS_KB_NFIELDS], long *bad_line, char **problem);
/* The body as stored: CRLF as LF, leading blank lines and trailing white
 * space removed. Caller frees. */
char *cs_kb_body_norm(const char *s);

/* Search: the published articles (all with all set) that match q, best
 * first: bm25 with the title weighted above the body, then helpful votes.
 * Columns: id, title, category, status, score, body, helpful. limit < 0:
 * no limit. 0 with *st (borrowed, cs_sql), or a status. */
int cs_kb_search(const struct cs_kbq *q, int all, const char *category,
    long limit, sqlite3_stmt **st);
/* Text of a ticket for suggestions: subject and body; caller frees.
 * NULL when there is no such ticket. */
char *cs_kb_ticket_text(int64_t ticket);

/*
 * Knowledge gaps: the categories of the tickets created in [?1, ?2) that
 * no linked article answered, as rows (category, tickets). filter narrows
 * the tickets t (cs-report passes its --type, --agent and --team on ?3 to
 * ?5; cs-kb "1"). One definition for cs-kb gaps and cs-report's kb_gaps;
 * callers add their own ORDER BY.
 */
#define CS_KB_GAPS_SQL(filter) \
	"SELECT t.category AS category, count(*) AS tickets FROM ticket t " \
	"WHERE t.created_at >= ?1 AND t.created_at < ?2 AND t.category IS " \
	"NOT NULL AND " filter " AND t.category NOT IN (SELECT u.category " \
	"FROM ticket_link l JOIN ticket u ON u.id = l.ticket_id WHERE " \
	"u.category IS NOT NULL) GROUP BY t.category"

#endif
