/* opt.c - option tables: getopt_long, --help, completion words, dispatch */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cs.h"

struct cs_conf cs_conf = { .format = -1 };

const struct cs_opt cs_common_opts[] = {
	{ CS_OPT_DB, "db", 0, CS_OPT_ARG, "PATH",
	    "database file (default: $CS_DB, else "
	    "$XDG_DATA_HOME/cs/cs.db)", "@file" },
	{ CS_OPT_FORMAT, "format", 'f', CS_OPT_ARG, "FMT",
	    "output: table, csv, tsv, json, jsonl, markdown or html",
	    "table csv tsv json jsonl markdown html" },
	{ CS_OPT_NO_HEADER, "no-header", 0, CS_OPT_FLAG, NULL,
	    "leave out the header row", NULL },
	{ CS_OPT_EXCEL, "excel", 0, CS_OPT_FLAG, NULL,
	    "CSV for spreadsheets: BOM, CRLF, formulas defused, long digits "
	    "kept", NULL },
	{ CS_OPT_BOM, "bom", 0, CS_OPT_FLAG, NULL, "same as --excel", NULL },
	{ CS_OPT_LANG, "lang", 0, CS_OPT_ARG, "LANG",
	    "table labels: en or zh", "en zh" },
	{ CS_OPT_ACTOR, "actor", 0, CS_OPT_ARG, "NAME",
	    "who makes the change (default: $CS_USER, $USER)", NULL },
	{ CS_OPT_NOW, "now", 0, CS_OPT_ARG, "TIME",
	    "take TIME as the current time (default: $CS_NOW, the clock)",
	    NULL },
	{ CS_OPT_HELP, "help", 'h', CS_OPT_FLAG, NULL, "show this help",
	    NULL },
	CS_OPT_END
};

#define MAXOPTS 128

/* One parse at a time per process, so the tables live in static storage
 * and an early return from a handler leaks nothing. */
struct priv {
	struct option lo[MAXOPTS + 1];
	char shorts[2 * MAXOPTS + 3];
	const struct cs_opt *tab[MAXOPTS];	/* by position in lo */
	size_t n;
};
static struct priv the_priv;

static const char *
cmdname(const struct cs_cmd *cmd)
{
	return cmd && cmd->name ? cmd->name : NULL;
}

static void
add_opts(struct priv *p, const struct cs_opt *o, size_t *k)
{
	size_t len;

	for (; o && o->name; o++) {
		p->lo[*k].name = o->name;
		p->lo[*k].has_arg = o->has_arg ? required_argument :
		    no_argument;
		p->lo[*k].flag = NULL;
		p->lo[*k].val = o->id;
		p->tab[*k] = o;
		(*k)++;
		if (o->shortc) {
			len = strlen(p->shorts);
			p->shorts[len++] = (char)o->shortc;
			if (o->has_arg)
				p->shorts[len++] = ':';
			p->shorts[len] = '\0';
		}
	}
}

static size_t
count(const struct cs_opt *o)
{
	size_t n = 0;

	for (; o && o->name; o++)
		n++;
	return n;
}

/* --now is taken before any other option, wherever it stands: options
 * such as --resolved last-week or --until +2d, and the commands' own
 * defaults, count from it. A pass of getopt over a copy of argv reads it
 * as the real pass will (abbreviations, clusters, "--"); a bad value is
 * left to the real pass to report. */
static void
now_first(struct priv *p, int argc, char **argv)
{
	char **copy;
	int c, idx;

	if (argc < 2)
		return;
	copy = cs_xcalloc((size_t)argc + 1, sizeof(*copy));
	memcpy(copy, argv, (size_t)argc * sizeof(*copy));
	optind = 0;
	while ((c = getopt_long(argc, copy, p->shorts, p->lo, &idx)) != -1)
		if (c == CS_OPT_NOW && optarg)
			cs_set_now(optarg);
	free(copy);
}

void
cs_getopt_init(struct cs_getopt *g, const struct cs_cmd *cmd, int argc,
    char **argv)
{
	struct priv *p = &the_priv;
	size_t k = 0;

	memset(p, 0, sizeof(*p));
	p->n = count(cmd ? cmd->opts : NULL) + count(cs_common_opts);
	if (p->n > MAXOPTS)
		cs_die(CS_EX_SOFTWARE, "too many options for %s",
		    cmd && cmd->name ? cmd->name : "command");
	/* '+' stops at the first operand before a subcommand, so that the
	 * subcommand's own options are left to it; ':' reports a missing
	 * argument apart from an unknown option. */
	strcpy(p->shorts, cmd && cmd->name ? ":" : "+:");
	add_opts(p, cmd ? cmd->opts : NULL, &k);
	add_opts(p, cs_common_opts, &k);
	g->argc = argc;
	g->argv = argv;
	g->cmd = cmd;
	g->arg = NULL;
	g->ind = 1;
	g->priv = p;
	opterr = 0;
	now_first(p, argc, argv);
	optind = 0;
}

static void
getopt_free(struct cs_getopt *g)
{
	g->priv = NULL;
}

static void
help(const struct cs_cmd *cmd)
{
	const struct cs_opt *o;
	int pass;
	char left[64];

	printf("usage: %s %s%s%s\n", cs_progname, cmd->name,
	    cmd->args && *cmd->args ? " " : "", cmd->args ? cmd->args : "");
	if (cmd->summary)
		printf("%s\n", cmd->summary);
	for (pass = 0; pass < 2; pass++) {
		o = pass == 0 ? cmd->opts : cs_common_opts;
		if (!o || !o->name)
			continue;
		printf("\n%s\n", pass == 0 ? "options:" : "common options:");
		for (; o->name; o++) {
			snprintf(left, sizeof(left), "%s%c%s--%s%s%s",
			    o->shortc ? "-" : "", o->shortc ? o->shortc : ' ',
			    o->shortc ? ", " : " ", o->name,
			    o->arg ? " " : "", o->arg ? o->arg : "");
			printf("  %-26s %s\n", o->shortc ? left : left + 2,
			    o->help ? o->help : "");
		}
	}
}

static int
common(struct cs_getopt *g, int id, const char *arg)
{
	switch (id) {
	case CS_OPT_DB:
		/* an empty path is a slip (--db "$UNSET"), not a wish for
		 * the default database, which would then be written */
		if (!*arg)
			exit(cs_usage(g->cmd, "--db needs a path"));
		cs_conf.db = arg;
		break;
	case CS_OPT_FORMAT:
		if ((cs_conf.format = cs_fmt_parse(arg)) < 0)
			exit(cs_usage(g->cmd, "unknown format '%s' (table, csv, "
			    "tsv, json, jsonl, markdown, html)", arg));
		break;
	case CS_OPT_NO_HEADER:
		cs_conf.no_header = 1;
		break;
	case CS_OPT_EXCEL:
	case CS_OPT_BOM:
		cs_conf.excel = 1;
		break;
	case CS_OPT_LANG:
		if (strncmp(arg, "zh", 2) == 0)
			cs_conf.lang_zh = 1;
		else if (strncmp(arg, "en", 2) == 0 || strcmp(arg, "C") == 0 ||
		    strcmp(arg, "POSIX") == 0)
			cs_conf.lang_zh = 0;
		else
			exit(cs_usage(g->cmd, "--lang: unknown language '%s' "
			    "(en or zh)", arg));
		break;
	case CS_OPT_ACTOR:
		if (!*arg)
			exit(cs_usage(g->cmd, "--actor needs a name"));
		cs_conf.actor = arg;
		break;
	case CS_OPT_NOW:
		if (cs_set_now(arg) < 0)
			exit(cs_usage(g->cmd, "--now: not a time '%s' (use "
			    "2026-11-24T09:00)", arg));
		break;
	case CS_OPT_HELP:
		if (!cmdname(g->cmd))
			return 0;
		help(g->cmd);
		getopt_free(g);
		exit(cs_exit(0));
	case CS_OPT_INPUT_FORMAT:
		if (cs_in_format_parse(arg) < 0)
			exit(cs_usage(g->cmd, "unknown input format '%s' (csv, "
			    "json, jsonl)", arg));
		cs_conf.input_format = arg;
		break;
	case CS_OPT_ENCODING:
		cs_conf.encoding = arg;
		break;
	case CS_OPT_IGNORE_UNKNOWN:
		cs_conf.ignore_unknown = 1;
		break;
	case CS_OPT_IMPORT_DRY_RUN:
		cs_conf.dry_run = 1;
		break;
	case CS_OPT_SKIP_INVALID:
		cs_conf.rejects = arg;
		break;
	default:
		return 0;
	}
	return 1;
}

int
cs_getopt(struct cs_getopt *g)
{
	struct priv *p = g->priv;
	const struct cs_opt *o;
	const char *bad;
	int c, idx;
	size_t i;

	if (!p)
		return -1;
	for (;;) {
		idx = -1;
		c = getopt_long(g->argc, g->argv, p->shorts, p->lo, &idx);
		if (c == -1) {
			g->ind = optind;
			getopt_free(g);
			return -1;
		}
		if (c == '?' || c == ':') {
			bad = g->argv[optind - 1];
			if (optopt && optopt < 256 && c == ':')
				exit(cs_usage(g->cmd, "option -%c needs a value",
				    optopt));
			if (c == ':')
				exit(cs_usage(g->cmd, "option %s needs a value",
				    bad));
			if (optopt && optopt < 256 &&
			    strncmp(bad, "--", 2) != 0)
				exit(cs_usage(g->cmd, "unknown option -%c",
				    optopt));
			exit(cs_usage(g->cmd, "unknown option %s", bad));
		}
		o = NULL;
		if (idx >= 0)
			o = p->tab[idx];
		else
			for (i = 0; i < p->n; i++)
				if (p->tab[i]->shortc == c)
					o = p->tab[i];
		if (!o)
			exit(cs_usage(g->cmd, "unknown option"));
		g->arg = optarg;
		if (o->id >= CS_OPT_COMMON && common(g, o->id, optarg))
			continue;
		return o->id;
	}
}

int
cs_usage(const struct cs_cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", cs_progname);
	if (cmdname(cmd))
		fprintf(stderr, "%s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (cmdname(cmd))
		fprintf(stderr, "\nusage: %s %s %s (see %s %s --help)\n",
		    cs_progname, cmd->name, cmd->args ? cmd->args : "",
		    cs_progname, cmd->name);
	else
		fprintf(stderr, "\n(see %s --help)\n", cs_progname);
	return CS_EX_USAGE;
}

int
cs_period_arg(const struct cs_cmd *cmd, int argc, char **argv, int ind,
    const char *from, const char *to, struct cs_period *p)
{
	const char *bad;
	int64_t t;

	if (from || to) {
		if (!from || !to || ind != argc)
			return cs_usage(cmd, "give PERIOD, or both --from and "
			    "--to");
		bad = cs_parse_date(from, cs_now(), &t) < 0 ? from :
		    cs_parse_date(to, cs_now(), &t) < 0 ? to : NULL;
		if (bad)
			return cs_usage(cmd, "--%s: not a date (%s): give e.g. "
			    "2026-11-01, today or -2w", bad == from ? "from" :
			    "to", bad);
		if (cs_period_range(from, to, cs_now(), p) < 0)
			return cs_usage(cmd, "--from %s --to %s is no range (the "
			    "end is not included, so it must be later)", from,
			    to);
		return 0;
	}
	if (ind != argc - 1)
		return cs_usage(cmd, "give one PERIOD (2026-W47, 2026-11, "
		    "2026-Q4, 2026, last-week, ...) or --from and --to");
	if (cs_parse_period(argv[ind], cs_now(), p) < 0)
		return cs_usage(cmd, "not a period '%s' (2026-W47, 2026-11, "
		    "2026-Q4, 2026, last-week, ...)", argv[ind]);
	return 0;
}

const char *
cs_actor(void)
{
	const char *s;

	if (cs_conf.actor)
		return cs_conf.actor;
	if ((s = getenv("CS_USER")) && *s)
		return s;
	if ((s = getenv("USER")) && *s)
		return s;
	return "unknown";
}

static void
main_help(const char *summary, const struct cs_cmd *cmds)
{
	const struct cs_cmd *c;

	printf("usage: %s [--db PATH] COMMAND [OPTIONS] [ARGS]\n%s\n\n"
	    "commands:\n", cs_progname, summary);
	for (c = cmds; c->name; c++)
		printf("  %-12s %s\n", c->name, c->summary ? c->summary : "");
	printf("\n'%s COMMAND --help' shows a command's options; "
	    "man %s has it all.\n", cs_progname, cs_progname);
}

static const struct cs_cmd *
find(const struct cs_cmd *cmds, const char *name)
{
	for (; cmds->name; cmds++)
		if (strcmp(cmds->name, name) == 0)
			return cmds;
	return NULL;
}

static void
print_words(const char *list)
{
	const char *p = list;
	size_t n;

	while (*p) {
		n = strcspn(p, " ");
		if (n)
			printf("%.*s\n", (int)n, p);
		p += n;
		p += strspn(p, " ");
	}
}

/*
 * __complete            subcommands
 * __complete SUB        SUB's options, then the common ones
 * __complete SUB --OPT  the values of --OPT ("@file" for files)
 * Shell completion scripts call this, so they never drift from the tables.
 */
static int
complete(int argc, char **argv, const struct cs_cmd *cmds,
    void (*values)(const char *))
{
	const struct cs_cmd *c;
	const struct cs_opt *o;
	int pass;

	if (argc < 1) {
		for (c = cmds; c->name; c++)
			printf("%s\n", c->name);
		printf("help\n");
		return 0;
	}
	c = find(cmds, argv[0]);
	if (!c)
		return 1;
	for (pass = 0; pass < 2; pass++)
		for (o = pass ? cs_common_opts : c->opts; o && o->name; o++) {
			if (argc < 2) {
				printf("--%s\n", o->name);
				continue;
			}
			if (strncmp(argv[1], "--", 2) != 0 ||
			    strcmp(argv[1] + 2, o->name) != 0 || !o->values)
				continue;
			/* "@file": nothing here, the shell completes files */
			if (strcmp(o->values, "@file") == 0)
				return 0;
			if (o->values[0] == '@') {
				if (values)
					values(o->values + 1);
			} else
				print_words(o->values);
			return 0;
		}
	return 0;
}

/*
 * Chinese labels when the locale of messages is Chinese. Any of LC_ALL,
 * LC_MESSAGES and LANG naming zh counts, not only the one that rules by
 * POSIX precedence: a Chinese user's LANG=zh_CN.UTF-8 beside an image's
 * LC_ALL=C.UTF-8 (set for the character type) still asks for Chinese.
 */
static int
env_zh(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG",
	    NULL };
	const char *const *v;
	const char *s;

	/* The first of them that names a language decides, as for
	 * gettext: LC_MESSAGES=en_US under LANG=zh_CN is English. C and
	 * POSIX name none (a test or cron image sets LC_ALL=C.UTF-8). */
	for (v = vars; *v; v++) {
		if (!(s = getenv(*v)) || !*s || strcmp(s, "POSIX") == 0 ||
		    strcmp(s, "C") == 0 || strncmp(s, "C.", 2) == 0)
			continue;
		return strncmp(s, "zh", 2) == 0;
	}
	return 0;
}

int
cs_main(int argc, char **argv, const char *summary, const struct cs_cmd *cmds,
    void (*complete_values)(const char *name))
{
	static const struct cs_opt top[] = {
		{ 'V', "version", 0, CS_OPT_FLAG, NULL, "show the version",
		    NULL },
		CS_OPT_END
	};
	const struct cs_cmd topcmd = { NULL, NULL, NULL, NULL, top };
	const struct cs_cmd *c;
	struct cs_getopt g;
	const char *name;
	int ind, id;

	cs_init(argc, argv);
	cs_conf.lang_zh = env_zh();
	cs_getopt_init(&g, &topcmd, argc, argv);
	while ((id = cs_getopt(&g)) != -1) {
		if (id == 'V')
			printf("%s %s\n", cs_progname, CS_VERSION);
		else
			main_help(summary, cmds);
		getopt_free(&g);
		return cs_exit(0);
	}
	ind = g.ind;
	if (ind >= argc) {
		main_help(summary, cmds);
		return cs_exit(0);
	}
	name = argv[ind];
	if (strcmp(name, "__complete") == 0) {
		/* Completion is silent: a missing database is no error. */
		if (!freopen("/dev/null", "w", stderr))
			return CS_EX_IOERR;
		return cs_exit(complete(argc - ind - 1, argv + ind + 1, cmds,
		    complete_values));
	}
	if (strcmp(name, "help") == 0) {
		if (ind + 1 >= argc || strcmp(argv[ind + 1], "--help") == 0 ||
		    strcmp(argv[ind + 1], "-h") == 0) {
			main_help(summary, cmds);
			return cs_exit(0);
		}
		if (!(c = find(cmds, argv[ind + 1])))
			return cs_exit(cs_usage(NULL, "unknown command '%s'",
			    argv[ind + 1]));
		help(c);
		return cs_exit(0);
	}
	if (!(c = find(cmds, name)))
		return cs_exit(cs_usage(NULL, "unknown command '%s'", name));
	return cs_exit(c->fn(c, argc - ind, argv + ind));
}
