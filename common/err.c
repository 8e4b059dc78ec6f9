/* err.c - diagnostics, the exit-status table, memory and string helpers */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cs.h"

const char *cs_progname = "cs";

const struct cs_exit_code cs_exit_codes[] = {
	{ CS_EX_OK, "ok", "success" },
	{ CS_EX_FAIL, "fail", "nothing found (no such customer, "
	    "ticket, task, article or agent), or a check failed" },
	{ CS_EX_USAGE, "usage", "bad command line: unknown option, missing "
	    "argument" },
	{ CS_EX_DATAERR, "dataerr", "bad input data: a record, a value or a "
	    "transition was refused; nothing was written" },
	{ CS_EX_NOINPUT, "noinput", "an input file or the database is "
	    "missing" },
	{ CS_EX_UNAVAILABLE, "unavailable", "the database was made by a "
	    "newer cs and is left untouched" },
	{ CS_EX_SOFTWARE, "software", "internal error" },
	{ CS_EX_IOERR, "ioerr", "a read or write failed (disk full, closed "
	    "pipe, read-only file)" },
	{ CS_EX_TEMPFAIL, "tempfail", "the database stayed busy past the "
	    "timeout; try again" },
	{ 0, NULL, NULL }
};

void
cs_init(int argc, char **argv)
{
	const char *p;
	int fd;

	(void)argc;
	if (argv && argv[0]) {
		p = strrchr(argv[0], '/');
		cs_progname = p ? p + 1 : argv[0];
	}
	/* Make sure 0, 1 and 2 are open, so that a database opened later
	 * can never become someone's stdout. */
	for (fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) == -1 && errno == EBADF)
			if (open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
			    == -1)
				_exit(CS_EX_IOERR);
	/* A closed pipe ends us quietly, as it does other Unix tools. */
	signal(SIGPIPE, SIG_DFL);
	/* A file-size limit (ulimit -f) makes the write fail with EFBIG, so
	 * that it is reported and rolled back, rather than killing us. */
	signal(SIGXFSZ, SIG_IGN);
	setlocale(LC_CTYPE, "");
}

int
cs_exit(int status)
{
	int bad;

	bad = fflush(stdout) != 0 || ferror(stdout);
	/* A failure already reported (a writer's 74) is not told twice. */
	if (bad && (status == CS_EX_OK || status == CS_EX_FAIL)) {
		if (errno != EPIPE)
			cs_warn("write error on standard output: %s",
			    cs_strerror(errno));
		status = CS_EX_IOERR;
	}
	cs_db_close();
	return status;
}

static const int tmp_sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };
static struct sigaction tmp_old[sizeof(tmp_sigs) / sizeof(tmp_sigs[0])];
static const char *volatile tmp_paths[8];

static void
tmp_signal(int sig)
{
	size_t i;

	for (i = 0; i < sizeof(tmp_paths) / sizeof(tmp_paths[0]); i++)
		if (tmp_paths[i])
			unlink(tmp_paths[i]);	/* async-signal-safe */
	for (i = 0; i < sizeof(tmp_sigs) / sizeof(tmp_sigs[0]); i++)
		if (tmp_sigs[i] == sig && tmp_old[i].sa_handler != SIG_DFL &&
		    !(tmp_old[i].sa_flags & SA_SIGINFO)) {
			/* the handler before ours ends the process itself */
			tmp_old[i].sa_handler(sig);
			return;
		}
	signal(sig, SIG_DFL);
	raise(sig);
}

void
cs_tmp_guard(const char *path)
{
	struct sigaction sa;
	size_t i;

	for (i = 0; i < sizeof(tmp_paths) / sizeof(tmp_paths[0]); i++)
		if (!tmp_paths[i]) {
			tmp_paths[i] = path;
			break;
		}
	for (i = 0; i < sizeof(tmp_sigs) / sizeof(tmp_sigs[0]); i++) {
		if (sigaction(tmp_sigs[i], NULL, &sa) == -1 ||
		    sa.sa_handler == tmp_signal || sa.sa_handler == SIG_IGN)
			continue;
		tmp_old[i] = sa;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = tmp_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(tmp_sigs[i], &sa, NULL);
	}
}

void
cs_tmp_hold(int on, sigset_t *old)
{
	sigset_t set;
	size_t i;

	if (!on) {
		sigprocmask(SIG_SETMASK, old, NULL);
		return;
	}
	sigemptyset(&set);
	for (i = 0; i < sizeof(tmp_sigs) / sizeof(tmp_sigs[0]); i++)
		sigaddset(&set, tmp_sigs[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

int
cs_tmp_mkstemp(char *tmpl)
{
	sigset_t old;
	int fd, e;

	cs_tmp_hold(1, &old);
	if ((fd = mkstemp(tmpl)) != -1)
		cs_tmp_guard(tmpl);
	e = errno;
	cs_tmp_hold(0, &old);
	errno = e;
	return fd;
}

FILE *
cs_tmp_fopen(char *tmpl)
{
	mode_t mask;
	FILE *fp = NULL;
	int fd, e;

	if ((fd = cs_tmp_mkstemp(tmpl)) == -1)
		return NULL;
	/* the mode fopen(3) would give: the file is read as any other */
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) == -1 || !(fp = fdopen(fd, "w"))) {
		e = errno;
		close(fd);
		unlink(tmpl);
		cs_tmp_forget(tmpl);
		errno = e;
	}
	return fp;
}

void
cs_tmp_forget(const char *path)
{
	size_t i;

	for (i = 0; i < sizeof(tmp_paths) / sizeof(tmp_paths[0]); i++)
		if (tmp_paths[i] == path)
			tmp_paths[i] = NULL;
}

static void
vwarn(const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", cs_progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
cs_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

int
cs_refused(int rc)
{
	return rc == CS_NOT_FOUND ? CS_EX_FAIL : CS_EX_DATAERR;
}

int
cs_err(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	return status;
}

const char *
cs_strerror(int e)
{
	static char buf[256];
	const char *hint;

	switch (e) {
	case ENOENT: hint = "check the name"; break;
	case EACCES:
	case EPERM: hint = "check the permissions of the file and its folder";
		break;
	case EISDIR: hint = "name a file, not a folder"; break;
	case ENOTDIR: hint = "a part of the path is a file, not a folder";
		break;
	case ENOSPC:
	case EDQUOT: hint = "free some space, or write elsewhere"; break;
	case EROFS: hint = "write elsewhere"; break;
	default: return strerror(e);
	}
	snprintf(buf, sizeof(buf), "%s: %s", strerror(e), hint);
	return buf;
}

void
cs_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	cs_rollback();
	exit(status);
}

void *
cs_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		cs_die(CS_EX_SOFTWARE, "out of memory");
	return p;
}

void *
cs_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		cs_die(CS_EX_SOFTWARE, "out of memory");
	return p;
}

void *
cs_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		cs_die(CS_EX_SOFTWARE, "out of memory");
	return p;
}

char *
cs_xstrdup(const char *s)
{
	return cs_xstrndup(s, strlen(s));
}

char *
cs_xstrndup(const char *s, size_t n)
{
	char *p = cs_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
cs_xasprintf(const char *fmt, ...)
{
	struct cs_buf b = { 0 };
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	b.s = cs_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return b.s;
}

static void
grow(struct cs_buf *b, size_t n)
{
	if (b->len + n + 1 <= b->cap)
		return;
	while (b->len + n + 1 > b->cap)
		b->cap = b->cap ? b->cap * 2 : 64;
	b->s = cs_xrealloc(b->s, b->cap);
}

void
cs_buf_add(struct cs_buf *b, const char *s, size_t n)
{
	grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
cs_buf_adds(struct cs_buf *b, const char *s)
{
	cs_buf_add(b, s, strlen(s));
}

void
cs_buf_addc(struct cs_buf *b, int c)
{
	grow(b, 1);
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}

void
cs_buf_addf(struct cs_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
cs_buf_reset(struct cs_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void
cs_buf_free(struct cs_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

const char *
cs_buf_str(struct cs_buf *b)
{
	return b->s ? b->s : "";
}

char *
cs_slurp(const char *path, size_t *len, int *rc)
{
	struct cs_buf b = { 0 };
	char chunk[8192];
	const char *nul, *p;
	size_t n;
	long line = 1;
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");

	if (!fp) {
		*rc = cs_err(errno == ENOENT ? CS_EX_NOINPUT : CS_EX_IOERR,
		    "%s: %s", path, cs_strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		cs_buf_add(&b, chunk, n);
	if (ferror(fp)) {
		*rc = cs_err(CS_EX_IOERR, "%s: %s", path, cs_strerror(errno));
		if (fp != stdin)
			fclose(fp);
		cs_buf_free(&b);
		return NULL;
	}
	if (fp != stdin)
		fclose(fp);
	if (!len && b.len && (nul = memchr(b.s, '\0', b.len))) {
		for (p = b.s; (p = memchr(p, '\n', (size_t)(nul - p))); p++)
			line++;
		*rc = cs_err(CS_EX_DATAERR, "%s:%ld: a NUL byte: not a text "
		    "file", path, line);
		cs_buf_free(&b);
		return NULL;
	}
	if (len)
		*len = b.len;
	return b.s ? b.s : cs_xstrdup("");
}
