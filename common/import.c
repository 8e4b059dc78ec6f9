/* import.c - the one bulk-write loop: one transaction, rejects, summary */
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cs.h"

/* A rejected JSON record, kept until the end: the rejects file's columns
 * are those of all of them. */
struct held {
	char **names, **values;
	size_t n;
	char *err;
};

struct rejects {
	char *tmp;		/* written here, renamed at the end */
	FILE *fp;
	struct cs_buf cell;	/* --excel: one cell as a spreadsheet needs it */
	const char *const *cols;	/* CSV header; NULL for JSON */
	size_t ncols;
	int started;		/* the header is written */
	struct held *held;	/* JSON input's rejects */
	size_t nheld, capheld;
};

/*
 * The rejects file is renamed into place after the commit: a path that
 * cannot take it must be refused before anything is imported, or the
 * good rows land and the bad ones are lost. Nor may it replace the
 * database (a whole customer file turned into a few CSV lines) or the
 * input being read.
 */
static int
rejects_check(const struct cs_import *im)
{
	struct stat a, b;

	if (cs_db_own_file(im->rejects))
		return cs_err(CS_EX_USAGE, "--skip-invalid %s: that is the "
		    "database: give another file for the rejected rows",
		    im->rejects);
	if (stat(im->rejects, &a) == -1)
		return 0;
	if (S_ISDIR(a.st_mode))
		return cs_err(CS_EX_IOERR, "cannot write %s: %s", im->rejects,
		    cs_strerror(EISDIR));
	if (strcmp(im->path, "-") != 0 && stat(im->path, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return cs_err(CS_EX_USAGE, "--skip-invalid %s: that is the "
		    "input: give another file for the rejected rows",
		    im->rejects);
	return 0;
}

static int
rejects_open(struct rejects *rj, const char *path)
{
	int fd;

	rj->tmp = cs_xasprintf("%s.tmp-XXXXXX", path);
	if ((fd = cs_tmp_mkstemp(rj->tmp)) == -1 ||
	    !(rj->fp = fdopen(fd, "w"))) {
		if (fd != -1)
			close(fd);
		cs_warn("cannot write %s: %s", path, cs_strerror(errno));
		free(rj->tmp);
		rj->tmp = NULL;
		return CS_EX_IOERR;
	}
	return 0;
}

/* One field of the rejects file, with --excel as every CSV of cs is then
 * (it reads back as given). */
static void
rejects_field(struct rejects *rj, const char *v, int last)
{
	cs_csv_field(rj->fp, v, &rj->cell, cs_conf.excel);
	fputs(!last ? "," : cs_conf.excel ? "\r\n" : "\n", rj->fp);
}

static void
rejects_header(struct rejects *rj, const char *const *cols, size_t n)
{
	size_t i;

	if (cs_conf.excel)
		fputs("\xef\xbb\xbf", rj->fp);
	for (i = 0; i < n; i++)
		rejects_field(rj, cols[i], 0);
	rejects_field(rj, "error", 1);
	rj->started = 1;
}

/* A rejected record: written at once under the CSV header, held when the
 * input is JSON, whose records may each have other fields. */
static void
rejects_add(struct rejects *rj, const struct cs_record *rec, const char *err)
{
	struct held *h;
	const char *v;
	size_t i;

	if (!rj->cols) {
		if (rj->nheld == rj->capheld) {
			rj->capheld = rj->capheld ? 2 * rj->capheld : 16;
			rj->held = cs_xrealloc(rj->held, rj->capheld *
			    sizeof(*rj->held));
		}
		h = &rj->held[rj->nheld++];
		h->n = rec->n;
		h->names = cs_xcalloc(h->n + 1, sizeof(*h->names));
		h->values = cs_xcalloc(h->n + 1, sizeof(*h->values));
		for (i = 0; i < h->n; i++) {
			h->names[i] = cs_xstrdup(rec->names[i]);
			h->values[i] = cs_xstrdup(rec->values[i]);
		}
		h->err = cs_xstrdup(err);
		return;
	}
	if (!rj->started)
		rejects_header(rj, rj->cols, rj->ncols);
	for (i = 0; i < rj->ncols; i++) {
		v = cs_record_get(rec, rj->cols[i]);
		rejects_field(rj, v ? v : "", 0);
	}
	rejects_field(rj, err, 1);
}

/* Writes what is held: the columns of every held record, in the order
 * they first came, then each record under them. A file without rejects
 * still gets its header. */
static void
rejects_finish(struct rejects *rj)
{
	const char **cols = NULL, *v;
	size_t ncols = 0, i, j, k;

	if (rj->cols) {
		if (!rj->started)
			rejects_header(rj, rj->cols, rj->ncols);
		return;
	}
	for (i = 0; i < rj->nheld; i++)
		for (j = 0; j < rj->held[i].n; j++) {
			for (k = 0; k < ncols; k++)
				if (strcmp(cols[k], rj->held[i].names[j]) == 0)
					break;
			if (k == ncols) {
				cols = cs_xrealloc(cols, (ncols + 1) *
				    sizeof(*cols));
				cols[ncols++] = rj->held[i].names[j];
			}
		}
	rejects_header(rj, cols, ncols);
	for (i = 0; i < rj->nheld; i++) {
		struct cs_record view = { rj->held[i].n,
		    (const char *const *)rj->held[i].names,
		    (const char *const *)rj->held[i].values, 0, NULL };

		for (k = 0; k < ncols; k++) {
			v = cs_record_get(&view, cols[k]);
			rejects_field(rj, v ? v : "", 0);
		}
		rejects_field(rj, rj->held[i].err, 1);
	}
	free(cols);
}

static void
rejects_free(struct rejects *rj)
{
	size_t i, j;

	if (rj->fp)
		fclose(rj->fp);
	free(rj->cell.s);
	if (rj->tmp)
		unlink(rj->tmp);
	cs_tmp_forget(rj->tmp);
	free(rj->tmp);
	for (i = 0; i < rj->nheld; i++) {
		for (j = 0; j < rj->held[i].n; j++) {
			free(rj->held[i].names[j]);
			free(rj->held[i].values[j]);
		}
		free(rj->held[i].names);
		free(rj->held[i].values);
		free(rj->held[i].err);
	}
	free(rj->held);
}

static int
exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return cs_db_fail("import");
	return 0;
}

/* Whether the first table of im->bulk is empty (im->empty), and, but on
 * a dry run, its tables' secondary indexes dropped into *saved then; 0 or
 * a status. */
static int
bulk_start(sqlite3 *db, struct cs_import *im, char ***saved)
{
	sqlite3_stmt *st;
	char *sql;
	int rc;
	size_t i;

	*saved = NULL;
	im->empty = 0;
	if (!im->bulk || !im->bulk[0])
		return 0;
	sql = sqlite3_mprintf("SELECT NOT EXISTS (SELECT 1 FROM \"%w\")",
	    im->bulk[0]);
	rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return cs_db_fail("import");
	im->empty = sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	for (i = 0, rc = 0; im->empty && !im->dry_run && im->bulk[i] && !rc;
	    i++)
		rc = cs_indexes_drop(im->bulk[i], saved);
	return rc;
}

static void
summary(const struct cs_import *im)
{
	const char *name = strcmp(im->path, "-") == 0 ? "stdin" : im->path;

	fprintf(stderr, "%s: import %s: %s%s %ld, %s %ld, unchanged %ld, "
	    "rejected %ld%s\n", cs_progname, name,
	    im->dry_run ? "would add" : "added", "", im->count[CS_ROW_ADDED],
	    im->dry_run ? "would update" : "updated",
	    im->count[CS_ROW_UPDATED], im->count[CS_ROW_UNCHANGED],
	    im->rejected, im->dry_run ? " (dry run: nothing written)" : "");
}

int
cs_import_run(struct cs_import *im)
{
	struct cs_reader *r = NULL;
	struct rejects rj = { 0 };
	const struct cs_record *rec;
	sqlite3 *db;
	char *err, **indexes = NULL, sql[32];
	sigset_t held;
	int rc, res, each;
	long ncpu;
	size_t hn;

	/* The input is opened first: a missing file or a bad header is told
	 * before the database is created or locked. */
	rc = im->next ? 0 : cs_reader_open(&r, im->path,
	    cs_conf.input_format ? cs_in_format_parse(cs_conf.input_format) :
	    CS_IN_AUTO, cs_conf.encoding, im->spec);
	if (rc)
		return rc;
	if (im->rejects && (rc = rejects_check(im)))
		goto out;
	if ((rc = cs_db_open(im->dry_run ? CS_DB_SCRATCH : CS_DB_WRITE, &db)))
		goto out;
	/* The indexes an import into an empty table builds at its end are
	 * sorted by the other CPUs too (0.5 s of 1M customers on two). */
	if ((ncpu = sysconf(_SC_NPROCESSORS_ONLN)) > 1) {
		snprintf(sql, sizeof(sql), "PRAGMA threads = %ld",
		    ncpu < 4 ? ncpu : 4);
		sqlite3_exec(db, sql, NULL, NULL, NULL);
	}
#ifdef M_TRIM_THRESHOLD
	/* SQLite frees and allocates pages all through a bulk load; glibc
	 * would give the top of the heap back and take it again each time
	 * (half the run in brk and page faults). */
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	mallopt(M_TOP_PAD, 64 << 20);
#endif
	if (im->rejects) {
		if ((rc = rejects_open(&rj, im->rejects)))
			goto out;
		rj.cols = r ? cs_reader_header(r, &hn) : NULL;
		rj.ncols = rj.cols ? hn : 0;
	}
	/* Each record in its own savepoint only when a bad one may be left
	 * out; otherwise the first bad one ends the whole transaction. */
	each = im->rejects || im->dry_run;
	/* Then a record the reader finds bad (the wrong number of fields,
	 * JSON that does not parse) is one more reject. */
	if (each && r)
		cs_reader_skip_bad(r);
	if ((rc = cs_begin()))
		goto out;
	if ((rc = bulk_start(db, im, &indexes)))
		goto fail;
	/* Updates touch table and index pages all over: a large page cache
	 * keeps them from being read back from the WAL again and again
	 * (33 s against 92 s with 8 MB, for 1M changed customers in random
	 * order). Into an empty table the rows go at its end, and a small
	 * one costs less to fill and write out (8.0 s against 10.0 s for
	 * 1M new customers). */
	sqlite3_exec(db, im->empty ? "PRAGMA cache_size = -8192" :
	    "PRAGMA cache_size = -262144", NULL, NULL, NULL);
	while ((rc = im->next ? im->next(im->src, &rec) :
	    cs_reader_next(r, &rec)) == 0 || rc == CS_IN_BAD) {
		if (rc == CS_IN_BAD) {
			err = cs_xstrdup(cs_reader_bad(r));
			goto rejected;
		}
		if (each && (rc = exec(db, "SAVEPOINT rec")))
			goto fail;
		err = NULL;
		res = im->row(im->ctx, rec, &err);
		if (res >= 0 && res <= CS_ROW_UNCHANGED) {
			im->count[res]++;
			if (each && (rc = exec(db, "RELEASE rec")))
				goto fail;
			continue;
		}
		if (res > 0) {
			rc = res;
			goto fail;
		}
		if (each && ((rc = exec(db, "ROLLBACK TO rec")) ||
		    (rc = exec(db, "RELEASE rec"))))
			goto fail;
rejected:
		im->rejected++;
		if (!each) {
			cs_warn("%s", err ? err : "bad record");
			free(err);
			cs_warn("nothing was imported: fix the line above, or "
			    "use --skip-invalid FILE to import the good rows");
			rc = CS_EX_DATAERR;
			goto fail;
		}
		if (im->rejects)
			rejects_add(&rj, rec, err ? err : "bad record");
		else
			cs_warn("%s", err ? err : "bad record");
		free(err);
	}
	if (rc > 0)
		goto fail;
	if (im->dry_run) {
		cs_rollback();
		summary(im);
		rc = im->rejected && !im->rejects ? CS_EX_DATAERR : 0;
		goto out;
	}
	if (rj.fp)
		rejects_finish(&rj);
	if (rj.fp && (fflush(rj.fp) != 0 || ferror(rj.fp) ||
	    fsync(fileno(rj.fp)) != 0)) {
		rc = cs_err(CS_EX_IOERR, "cannot write %s: %s", im->rejects,
		    cs_strerror(errno));
		goto fail;
	}
	rc = cs_indexes_restore(indexes);
	indexes = NULL;
	if (rc)
		goto fail;
	if (!rj.fp) {
		if (!(rc = cs_commit()))
			summary(im);
		goto out;
	}
	/* From the commit until the rejects have their name, a signal
	 * waits: its clean-up would remove the bad rows of an import whose
	 * good rows are in. */
	cs_tmp_hold(1, &held);
	if ((rc = cs_commit())) {
		cs_tmp_hold(0, &held);
		goto out;
	}
	fclose(rj.fp);
	rj.fp = NULL;
	summary(im);
	if (rename(rj.tmp, im->rejects) == -1)
		/* The good rows are in: the bad ones must not be lost with
		 * the file, so it stays where it is. */
		rc = cs_err(CS_EX_IOERR, "cannot write %s: %s: the rejected "
		    "rows are in %s", im->rejects, strerror(errno), rj.tmp);
	cs_tmp_forget(rj.tmp);
	free(rj.tmp);
	rj.tmp = NULL;
	cs_tmp_hold(0, &held);
	goto out;
fail:
	cs_rollback();
out:
	cs_indexes_free(indexes);
	rejects_free(&rj);
	cs_reader_close(r);
	return rc;
}

int
cs_import_main(const struct cs_cmd *cmd, int argc, char **argv, int ind,
    struct cs_import *im)
{
	struct cs_in_spec spec = { NULL, NULL, 0 };

	if (ind != argc - 1)
		return cs_usage(cmd, "give one FILE, or - for standard input");
	if (im->spec)
		spec = *im->spec;
	spec.ignore_unknown = cs_conf.ignore_unknown;
	im->spec = &spec;
	im->path = argv[ind];
	im->dry_run = cs_conf.dry_run;
	im->rejects = cs_conf.rejects;
	return cs_import_run(im);
}
