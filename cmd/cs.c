/* cs - the front command: "cs NAME ..." runs cs-NAME, like git */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cs.h"

static const char *const known[] = { "agent", "customer", "ticket",
	"revisit", "report", "kb", "db", NULL };

/* The folder of this executable, so that cs-NAME beside cs wins over one
 * elsewhere on PATH (a build tree, a DESTDIR install). */
static char *
self_dir(void)
{
	char buf[PATH_MAX], *slash;
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	if (!(slash = strrchr(buf, '/')))
		return NULL;
	*slash = '\0';
	return cs_xstrdup(buf);
}

/* Full path of cs-NAME beside cs, else the bare name for execvp. */
static char *
find(const char *name)
{
	char *dir = self_dir(), *path;

	if (dir) {
		path = cs_xasprintf("%s/cs-%s", dir, name);
		free(dir);
		if (access(path, X_OK) == 0)
			return path;
		free(path);
	}
	return cs_xasprintf("cs-%s", name);
}

/* The manual of NAME: the page of the tree or installation cs runs from
 * (PREFIX/share/man/man1/cs-NAME.1, or share/man/cs-NAME.1 of the source
 * tree), so that it matches the binary; else the name for man to find on
 * MANPATH. */
static char *
manual(const char *name)
{
	const char *sect = strcmp(name, "cs") == 0 ? "7" : "1";
	char *dir = self_dir(), *page, *path[3], *found;
	size_t i;

	page = *sect == '7' ? cs_xstrdup("cs") : cs_xasprintf("cs-%s", name);
	if (!dir)
		return page;
	/* installed under a prefix; built in the tree (build/, build/san/) */
	path[0] = cs_xasprintf("%s/../share/man/man%s/%s.%s", dir, sect, page,
	    sect);
	path[1] = cs_xasprintf("%s/../share/man/%s.%s", dir, page, sect);
	path[2] = cs_xasprintf("%s/../../share/man/%s.%s", dir, page, sect);
	free(dir);
	for (i = 0, found = NULL; i < 3; i++)
		if (!found && access(path[i], R_OK) == 0)
			found = path[i];
		else
			free(path[i]);
	if (found) {
		free(page);
		return found;
	}
	return page;
}

static int
available(const char *name)
{
	char *p = find(name), *path, *dir, *save = NULL, *full;
	const char *env;
	int ok = 0;

	if (strchr(p, '/')) {
		free(p);
		return 1;
	}
	env = getenv("PATH");
	path = cs_xstrdup(env ? env : "/usr/bin:/bin");
	for (dir = strtok_r(path, ":", &save); dir && !ok;
	    dir = strtok_r(NULL, ":", &save)) {
		full = cs_xasprintf("%s/%s", *dir ? dir : ".", p);
		ok = access(full, X_OK) == 0;
		free(full);
	}
	free(path);
	free(p);
	return ok;
}

static int
usage(FILE *fp)
{
	int i;

	fprintf(fp, "usage: cs [--db PATH] NAME [ARGS...]  runs cs-NAME\n"
	    "       cs help [NAME]                  this list, or NAME's "
	    "manual\n"
	    "       cs --version\n\ncommands:\n");
	for (i = 0; known[i]; i++)
		if (available(known[i]))
			fprintf(fp, "  %s\n", known[i]);
		else
			fprintf(fp, "  %-10s (not installed)\n", known[i]);
	fprintf(fp, "\n'cs NAME --help' shows a command's options; "
	    "'man cs' is the overview.\n");
	return 0;
}

int
main(int argc, char **argv)
{
	char *path, *page;
	int i;

	cs_init(argc, argv);
	/* "cs --db PATH NAME ..." as "cs-NAME --db PATH ...": the path goes
	 * on in CS_DB, which every binary reads after its own --db. */
	while (argc >= 2 && strncmp(argv[1], "--db", 4) == 0 &&
	    (argv[1][4] == '\0' || argv[1][4] == '=')) {
		if (argv[1][4] == '=')
			path = argv[1] + 5;
		else if (argc >= 3)
			path = argv[2];
		else {
			cs_warn("option --db needs a value: see 'cs --help'");
			return CS_EX_USAGE;
		}
		if (!*path) {
			cs_warn("option --db needs a value: see 'cs --help'");
			return CS_EX_USAGE;
		}
		if (setenv("CS_DB", path, 1) == -1) {
			cs_warn("cannot set CS_DB: %s", strerror(errno));
			return CS_EX_SOFTWARE;
		}
		i = argv[1][4] == '=' ? 1 : 2;
		argv[i] = argv[0];
		argv += i;
		argc -= i;
	}
	if (argc < 2)
		return cs_exit(usage(stdout));
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("cs %s\n", CS_VERSION);
		return cs_exit(0);
	}
	/* The names for the shell completions: those that would run. */
	if (strcmp(argv[1], "__complete") == 0) {
		for (i = 0; argc == 2 && known[i]; i++)
			if (available(known[i]))
				printf("%s\n", known[i]);
		if (argc == 2)
			printf("help\n");
		return cs_exit(0);
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    (strcmp(argv[1], "help") == 0 && (argc == 2 ||
	    strcmp(argv[2], "-h") == 0 || strcmp(argv[2], "--help") == 0)))
		return cs_exit(usage(stdout));
	if (strcmp(argv[1], "help") == 0) {
		if (strcmp(argv[2], "cs") && !available(argv[2])) {
			cs_warn("'%s' is not a cs command: see 'cs --help'",
			    argv[2]);
			return CS_EX_USAGE;
		}
		page = manual(argv[2]);
		fflush(stdout);
		if (strchr(page, '/'))
			execlp("man", "man", "-l", page, (char *)NULL);
		else
			execlp("man", "man", page, (char *)NULL);
		cs_warn("cannot run man: %s: try 'cs %s --help'",
		    strerror(errno), argv[2]);
		free(page);
		return CS_EX_UNAVAILABLE;
	}
	if (argv[1][0] == '-' || strchr(argv[1], '/')) {
		cs_warn("unknown option or name '%s': see 'cs --help'",
		    argv[1]);
		return CS_EX_USAGE;
	}
	path = find(argv[1]);
	argv[1] = path;
	fflush(stdout);
	execvp(path, argv + 1);
	if (errno == ENOENT)
		cs_warn("'%s' is not a cs command: see 'cs --help'",
		    argv[1] + (strncmp(argv[1], "cs-", 3) == 0 ? 3 : 0));
	else
		cs_warn("cannot run %s: %s", path, strerror(errno));
	free(path);
	return errno == ENOENT ? CS_EX_USAGE : CS_EX_SOFTWARE;
}
