/*
 * driver.c - replays a fuzz harness without libFuzzer, for make check.
 *
 * Linked with one tests/fuzz/fuzz_NAME.c (built as build/san/test_fuzz_NAME,
 * so that tests/run runs it with the unit tests), it feeds every file of
 * tests/fuzz/corpus/NAME/ and tests/fuzz/crashes/NAME/, and the shared
 * test files that tests/fuzz/NAME.seeds lists (globs under $SHARED, by
 * default ../shared/testdata), to LLVMFuzzerTestOneInput: one TAP line per
 * directory or seed list. Operands, when given, are files or directories
 * to feed instead. A harness reports a bug by crashing (abort, sanitizer).
 */
#include <dirent.h>
#include <fcntl.h>
#include <glob.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));
void __sanitizer_set_report_fd(void *fd) __attribute__((weak));
void __sanitizer_set_death_callback(void (*cb)(void)) __attribute__((weak));

static int quiet_fd = -1, err_fd = -1, ntest, verbose;
static const char *current;	/* the input being fed */

/* A crash names the input that caused it. */
static void
died(void)
{
	if (current)
		dprintf(err_fd, "# crashed on %s\n", current);
	printf("not ok %d - crashed on %s\n", ++ntest, current ? current :
	    "?");
	fflush(stdout);
}

/* A failed check of a harness (abort) too. */
static void
aborted(int sig)
{
	died();
	signal(sig, SIG_DFL);
	raise(sig);
}

static long
feed_file(const char *path)
{
	struct stat sb;
	uint8_t *buf;
	ssize_t n;
	size_t got = 0;
	int fd;

	if ((fd = open(path, O_RDONLY)) == -1 || fstat(fd, &sb) == -1) {
		dprintf(err_fd, "# %s: cannot read\n", path);
		if (fd != -1)
			close(fd);
		return -1;
	}
	buf = malloc((size_t)sb.st_size + 1);
	while (buf && got < (size_t)sb.st_size &&
	    (n = read(fd, buf + got, (size_t)sb.st_size - got)) > 0)
		got += (size_t)n;
	close(fd);
	if (!buf)
		return -1;
	/* The harness's messages about bad input are expected: hidden,
	 * unless inputs were named on the command line. */
	fflush(stderr);
	if (!verbose)
		dup2(quiet_fd, 2);
	current = path;
	LLVMFuzzerTestOneInput(buf, got);
	current = NULL;
	fflush(stderr);
	dup2(err_fd, 2);
	free(buf);
	return 1;
}

/* Feeds every regular file of dir (sorted); the count, or -1. */
static long
feed_dir(const char *dir)
{
	struct dirent **ent;
	char path[4096];
	long n = 0, k;
	int i, m;

	if ((m = scandir(dir, &ent, NULL, alphasort)) < 0)
		return 0;	/* no such folder: nothing to replay */
	for (i = 0; i < m; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, ent[i]->d_name);
		if (ent[i]->d_name[0] != '.' && (k = feed_file(path)) != 0)
			n = k < 0 || n < 0 ? -1 : n + k;
		free(ent[i]);
	}
	free(ent);
	return n;
}

static void tap(const char *what, long n);

/* Feeds the shared files listed in a seeds file, one glob a line, each
 * line one test. */
static void
feed_seeds(const char *list, const char *shared)
{
	char line[1024], pat[4096];
	glob_t g;
	size_t i;
	long n;
	FILE *fp;

	if (!(fp = fopen(list, "r")))
		return;
	while (fgets(line, sizeof line, fp)) {
		line[strcspn(line, "\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		snprintf(pat, sizeof pat, "%s/%s", shared, line);
		n = 0;
		if (glob(pat, 0, NULL, &g) == 0) {
			for (i = 0; i < g.gl_pathc; i++)
				if (feed_file(g.gl_pathv[i]) > 0)
					n++;
			globfree(&g);
		}
		/* A seed list that matches nothing has gone stale. */
		tap(pat, n > 0 ? n : -1);
	}
	fclose(fp);
}

static void
tap(const char *what, long n)
{
	/* Reaching here means no input crashed the harness. */
	if (n < 0)
		printf("not ok %d - %s: unreadable or no input\n", ++ntest,
		    what);
	else
		printf("ok %d - %s: %ld input%s replayed\n", ++ntest, what, n,
		    n == 1 ? "" : "s");
	fflush(stdout);
}

int
main(int argc, char **argv)
{
	const char *shared = getenv("SHARED"), *opts = getenv("ASAN_OPTIONS");
	char path[4096];
	struct stat sb;
	int i;

	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	err_fd = dup(2);
	quiet_fd = open("/dev/null", O_WRONLY);
	/* Sanitizer reports still reach the real stderr, unless they go to
	 * a log file (tests/run). */
	if (__sanitizer_set_report_fd && !(opts && strstr(opts, "log_path")))
		__sanitizer_set_report_fd((void *)(intptr_t)err_fd);
	if (__sanitizer_set_death_callback)
		__sanitizer_set_death_callback(died);
	signal(SIGABRT, aborted);
	if (!shared || !*shared)
		shared = "../shared/testdata";
	printf("# fuzz replay of %s\n", FUZZ_NAME);
	fflush(stdout);
	if (argc > 1) {
		verbose = 1;
		for (i = 1; i < argc; i++)
			tap(argv[i], stat(argv[i], &sb) == 0 &&
			    S_ISDIR(sb.st_mode) ? feed_dir(argv[i]) :
			    feed_file(argv[i]));
		printf("1..%d\n", ntest);
		return 0;
	}
	snprintf(path, sizeof path, "tests/fuzz/corpus/%s", FUZZ_NAME);
	tap(path, feed_dir(path));
	snprintf(path, sizeof path, "tests/fuzz/crashes/%s", FUZZ_NAME);
	tap(path, feed_dir(path));
	snprintf(path, sizeof path, "tests/fuzz/%s.seeds", FUZZ_NAME);
	if (access(path, R_OK) == 0) {
		if (access(shared, R_OK) == 0)
			feed_seeds(path, shared);
		else
			printf("ok %d - %s # SKIP no %s\n", ++ntest, path,
			    shared);
	}
	printf("1..%d\n", ntest);
	return 0;
}
