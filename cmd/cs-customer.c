/* cs-customer - customer records, from import to erasure */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cs.h"

enum {
	O_FIELD = 256,		/* O_FIELD + CS_CUST_* for --code ... --notes */
	O_ATTR = 300, O_DRY_RUN, O_OVERWRITE_EMPTY, O_SEGMENT,
	O_TAG, O_OWNER, O_CITY, O_STATUS, O_SEARCH, O_WHERE, O_LIMIT, O_SORT,
	O_MASK, O_ALL, O_ADD, O_RM, O_REASON, O_NOTE, O_NAME_CITY, O_MERGE
};

#define FIELD_OPTS \
	{ O_FIELD + CS_CUST_CODE, "code", 0, CS_OPT_ARG, "CODE", \
	    "the customer's number in another system", NULL }, \
	{ O_FIELD + CS_CUST_NAME, "name", 0, CS_OPT_ARG, "NAME", \
	    "name, e.g. 王芳", NULL }, \
	{ O_FIELD + CS_CUST_PHONE, "phone", 0, CS_OPT_ARG, "PHONE", \
	    "phone, normalised: 13812345678, 010-12345678", NULL }, \
	{ O_FIELD + CS_CUST_PHONE2, "phone2", 0, CS_OPT_ARG, "PHONE", \
	    "a second phone", NULL }, \
	{ O_FIELD + CS_CUST_EMAIL, "email", 0, CS_OPT_ARG, "ADDR", "e-mail", \
	    NULL }, \
	{ O_FIELD + CS_CUST_WECHAT, "wechat", 0, CS_OPT_ARG, "ID", \
	    "WeChat id", NULL }, \
	{ O_FIELD + CS_CUST_COMPANY, "company", 0, CS_OPT_ARG, "NAME", \
	    "company", NULL }, \
	{ O_FIELD + CS_CUST_CITY, "city", 0, CS_OPT_ARG, "CITY", "city", \
	    "@cities" }, \
	{ O_FIELD + CS_CUST_ADDRESS, "address", 0, CS_OPT_ARG, "TEXT", \
	    "address", NULL }, \
	{ O_FIELD + CS_CUST_SEGMENT, "segment", 0, CS_OPT_ARG, "SEGMENT", \
	    "class by value or need, e.g. vip", "@segments" }, \
	{ O_FIELD + CS_CUST_TAGS, "tags", 0, CS_OPT_ARG, "LIST", \
	    "tags separated by ';' (replaces them; see tag)", NULL }, \
	{ O_FIELD + CS_CUST_OWNER, "owner", 0, CS_OPT_ARG, "LOGIN", \
	    "the specialist in charge (负责专员)", "@agents" }, \
	{ O_FIELD + CS_CUST_BIRTHDAY, "birthday", 0, CS_OPT_ARG, "DATE", \
	    "birthday, YYYY-MM-DD", NULL }, \
	{ O_FIELD + CS_CUST_NOTES, "notes", 0, CS_OPT_ARG, "TEXT", \
	    "history, preferences, special needs", NULL }, \
	{ O_ATTR, "attr", 'a', CS_OPT_ARG, "NAME=VALUE", \
	    "a custom attribute, e.g. purchase_date=2026-11-01 (repeatable)", \
	    "@attrs" }

static const struct cs_opt add_opts[] = { FIELD_OPTS, CS_OPT_END };
static const struct cs_opt update_opts[] = { FIELD_OPTS, CS_OPT_END };

static const struct cs_opt import_opts[] = {
	{ O_OVERWRITE_EMPTY, "overwrite-empty", 0, CS_OPT_FLAG, NULL,
	    "an empty cell clears the field (default: leaves it)", NULL },
	CS_OPTS_IMPORT,
	CS_OPT_END
};

#define FILTER_OPTS \
	{ O_SEGMENT, "segment", 0, CS_OPT_ARG, "SEGMENT", "only this segment", \
	    "@segments" }, \
	{ O_TAG, "tag", 0, CS_OPT_ARG, "TAG", \
	    "only customers with this tag (repeatable: all must match)", \
	    "@tags" }, \
	{ O_OWNER, "owner", 0, CS_OPT_ARG, "LOGIN", "only this owner", \
	    "@agents" }, \
	{ O_CITY, "city", 0, CS_OPT_ARG, "CITY", "only this city", \
	    "@cities" }, \
	{ O_STATUS, "status", 0, CS_OPT_ARG, "STATUS", \
	    "active, invalid, merged or erased (default: active and invalid)", \
	    "active invalid merged erased" }, \
	{ O_ALL, "all", 0, CS_OPT_FLAG, NULL, \
	    "include merged and erased customers", NULL }, \
	{ O_SEARCH, "search", 's', CS_OPT_ARG, "TEXT", \
	    "in name, company, code, e-mail, WeChat id and phone digits", \
	    NULL }, \
	{ O_WHERE, "where", 'w', CS_OPT_ARG, "FIELD OP VALUE", \
	    "e.g. 'attr.purchase_date>=2026-11-01'; OP = != < <= > >= ~ " \
	    "(repeatable)", NULL }, \
	{ O_SORT, "sort", 0, CS_OPT_ARG, "FIELDS", \
	    "e.g. city,-created_at (default: id)", NULL }, \
	{ O_LIMIT, "limit", 0, CS_OPT_ARG, "N", "at most N customers", NULL }, \
	{ O_MASK, "mask", 0, CS_OPT_FLAG, NULL, \
	    "mask phones and e-mails: 138****5678", NULL }

static const struct cs_opt list_opts[] = { FILTER_OPTS, CS_OPT_END };
static const struct cs_opt export_opts[] = { FILTER_OPTS, CS_OPT_END };

static const struct cs_opt show_opts[] = {
	{ O_MASK, "mask", 0, CS_OPT_FLAG, NULL, "mask phones and e-mails",
	    NULL },
	CS_OPT_END
};

static const struct cs_opt tag_opts[] = {
	{ O_ADD, "add", 0, CS_OPT_ARG, "TAG", "add a tag (repeatable)",
	    "@tags" },
	{ O_RM, "rm", 0, CS_OPT_ARG, "TAG", "remove a tag (repeatable)",
	    "@tags" },
	CS_OPTS_INPUT,
	CS_OPT_END
};

static const struct cs_opt invalidate_opts[] = {
	{ O_REASON, "reason", 'r', CS_OPT_ARG, "REASON",
	    "invalid-number (空号), suspended (停机), refused (拒访) or "
	    "do-not-contact", "invalid-number suspended refused do-not-contact" },
	{ O_NOTE, "note", 0, CS_OPT_ARG, "TEXT", "a note", NULL },
	CS_OPTS_INPUT,
	CS_OPT_END
};

static const struct cs_opt revalidate_opts[] = { CS_OPTS_INPUT, CS_OPT_END };

static const struct cs_opt dedupe_opts[] = {
	{ O_NAME_CITY, "name-city", 0, CS_OPT_FLAG, NULL,
	    "also the same name in the same city", NULL },
	{ O_MERGE, "merge", 0, CS_OPT_FLAG, NULL,
	    "merge each group into its oldest customer", NULL },
	{ O_DRY_RUN, "dry-run", 'n', CS_OPT_FLAG, NULL,
	    "with --merge: show the plan only", NULL },
	CS_OPT_END
};

static const struct cs_opt no_opts[] = { CS_OPT_END };

/* Customer of a reference given on the command line; 0 after a message. */
static int64_t
find_named(const struct cs_cmd *cmd, const char *ref, int64_t *named)
{
	const char *problem;
	int64_t id = cs_customer_find_named(ref, named, &problem);

	if (!id)
		cs_warn("%s: %s: %s", cmd->name, ref, problem);
	return id;
}

static int64_t
find(const struct cs_cmd *cmd, const char *ref)
{
	return find_named(cmd, ref, NULL);
}

/* The fields given with --code ... --attr, for add and update. */
struct given {
	struct cs_customer_in in;
	const char *an[64], *av[64];
	char *buf[64];
};

static int
take_field(const struct cs_cmd *cmd, struct given *g, int c, char *arg)
{
	char *eq;

	if (c >= O_FIELD && c < O_FIELD + CS_CUST_NFIELDS) {
		g->in.v[c - O_FIELD] = arg;
		return 0;
	}
	if (c != O_ATTR)
		return 0;
	if (!(eq = strchr(arg, '=')) || eq == arg)
		return cs_usage(cmd, "--attr takes NAME=VALUE (%s)", arg);
	if (g->in.nattr == 64)
		return cs_usage(cmd, "too many --attr");
	g->buf[g->in.nattr] = cs_xstrndup(arg, (size_t)(eq - arg));
	g->an[g->in.nattr] = g->buf[g->in.nattr];
	g->av[g->in.nattr] = eq + 1;
	g->in.nattr++;
	g->in.attr_name = g->an;
	g->in.attr_value = g->av;
	return 0;
}

static void
given_free(struct given *g)
{
	size_t i;

	for (i = 0; i < g->in.nattr; i++)
		free(g->buf[i]);
}

static int
refuse(const struct cs_cmd *cmd, const struct given *g, int field,
    char *problem)
{
	int rc;

	if (field >= CS_CUST_NFIELDS)
		rc = cs_err(CS_EX_DATAERR, "%s: --attr %s: %s", cmd->name,
		    g->an[field - CS_CUST_NFIELDS], problem);
	else if (field >= 0)
		rc = cs_err(CS_EX_DATAERR, "%s: --%s: %s (%s)", cmd->name,
		    cs_customer_field[field], problem,
		    g->in.v[field] ? g->in.v[field] : "");
	else
		rc = cs_err(CS_EX_DATAERR, "%s: %s", cmd->name, problem);
	free(problem);
	return rc;
}

static int print_list(const struct cs_customer_filter *f, int mask,
    int64_t only);

static int
cmd_add_update(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct given g;
	struct cs_getopt go;
	char *problem;
	int c, rc, field, add = strcmp(cmd->name, "add") == 0;
	int64_t id = 0;

	memset(&g, 0, sizeof(g));
	cs_getopt_init(&go, cmd, argc, argv);
	while ((c = cs_getopt(&go)) != -1)
		if ((rc = take_field(cmd, &g, c, (char *)go.arg))) {
			given_free(&g);
			return rc;
		}
	if (argc - go.ind != (add ? 0 : 1)) {
		given_free(&g);
		return cs_usage(cmd, add ? "unexpected argument '%s'" :
		    "give one customer (id, code or phone)", argv[go.ind]);
	}
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin())) {
		given_free(&g);
		return rc;
	}
	if (!add && !(id = find(cmd, argv[go.ind]))) {
		cs_rollback();
		given_free(&g);
		return CS_EX_FAIL;
	}
	/* On the command line an empty value means: clear the field. */
	g.in.overwrite_empty = !add;
	rc = cs_customer_put(&g.in, add ? CS_PUT_CREATE : CS_PUT_UPDATE, &id,
	    &field, &problem);
	if (rc < 0) {
		cs_rollback();
		rc = refuse(cmd, &g, field, problem);
		given_free(&g);
		return rc;
	}
	given_free(&g);
	if (rc > CS_ROW_UNCHANGED) {
		cs_rollback();
		return rc;
	}
	if ((rc = cs_commit()) || !add)
		return rc;
	if (cs_conf.format == CS_FMT_JSON || cs_conf.format == CS_FMT_JSONL) {
		struct cs_customer_filter f = { .all = 1 };

		cs_conf.format = CS_FMT_JSONL;	/* one object, not a list */
		return print_list(&f, 0, id);
	}
	printf("%lld\n", (long long)id);
	return 0;
}

/* ---- import ------------------------------------------------------------ */

static const char *const known_cols[] = {
	"code", "name", "phone", "phone2", "email", "wechat", "company", "city",
	"address", "segment", "tags", "owner", "birthday", "notes", "attr.*",
	/* what list writes, so that its output imports back */
	"id", "status", NULL
};

struct import_ctx {
	int overwrite_empty;
	struct cs_map *codes;	/* code -> line, for duplicates in the file */
	const struct cs_import *im;	/* its empty: no customer before it */
	const char **an, **av;	/* attribute names and values of a row */
	size_t acap;
};

static int
import_row(void *arg, const struct cs_record *rec, char **err)
{
	struct import_ctx *ctx = arg;
	struct cs_customer_in in = { .overwrite_empty = ctx->overwrite_empty };
	const char **an, **av;
	char *problem;
	int f, rc, field;
	int64_t id = 0, line;
	size_t i;

	/* As many attributes as the record has columns: none is dropped. */
	if (ctx->acap < rec->n) {
		ctx->acap = rec->n;
		ctx->an = cs_xrealloc(ctx->an, ctx->acap * sizeof(*ctx->an));
		ctx->av = cs_xrealloc(ctx->av, ctx->acap * sizeof(*ctx->av));
	}
	an = ctx->an;
	av = ctx->av;
	for (f = 0; f < CS_CUST_NFIELDS; f++)
		in.v[f] = cs_record_get(rec, cs_customer_field[f]);
	for (i = 0; i < rec->n; i++)
		if (strncmp(rec->names[i], "attr.", 5) == 0) {
			an[in.nattr] = rec->names[i] + 5;
			av[in.nattr++] = rec->values[i];
		}
	in.attr_name = an;
	in.attr_value = av;
	if (in.v[CS_CUST_CODE] && *in.v[CS_CUST_CODE]) {
		char *code = cs_text_trim(cs_xstrdup(in.v[CS_CUST_CODE]));

		rc = *code && !cs_map_put(ctx->codes, code, rec->line, &line);
		free(code);
		if (rc) {
			*err = cs_record_msg(rec, "code", in.v[CS_CUST_CODE],
			    "the same code as line %lld", (long long)line);
			return -1;
		}
		/* Into an empty table (inside the import's own write
		 * transaction) a code not seen before in the file is new:
		 * no look-up needed. */
		in.code_is_new = ctx->im->empty;
	}
	rc = cs_customer_put(&in, CS_PUT_ANY, &id, &field, &problem);
	if (rc < 0) {
		if (field >= CS_CUST_NFIELDS) {
			char col[80];

			snprintf(col, sizeof(col), "attr.%s",
			    an[field - CS_CUST_NFIELDS]);
			*err = cs_record_msg(rec, col, NULL, "%s", problem);
		} else
			*err = cs_record_msg(rec, field >= 0 ?
			    cs_customer_field[field] : NULL, field >= 0 ?
			    in.v[field] : NULL, "%s", problem);
		free(problem);
	}
	return rc;
}

static int
cmd_import(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_in_spec spec = { known_cols, NULL, 0 };
	static const char *const bulk[] = { "customer", NULL };
	struct import_ctx ctx = { 0, NULL, NULL, NULL, NULL, 0 };
	struct cs_import im = { 0 };
	struct cs_getopt g;
	int c, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_OVERWRITE_EMPTY)
			ctx.overwrite_empty = 1;
	ctx.codes = cs_map_new();
	im.what = "customers";
	im.spec = &spec;
	im.row = import_row;
	im.ctx = &ctx;
	ctx.im = &im;
	/* into an empty table the phone, e-mail, WeChat and owner indexes
	 * are made at the end (the import looks customers up by code) */
	im.bulk = bulk;
	rc = cs_import_main(cmd, argc, argv, g.ind, &im);
	cs_map_free(ctx.codes);
	free(ctx.an);
	free(ctx.av);
	return rc;
}

/* ---- list, export, show ------------------------------------------------ */

static int
take_filter(const struct cs_cmd *cmd, struct cs_customer_filter *f, int c,
    const char *arg, int *mask)
{
	int64_t n;

	switch (c) {
	case O_SEGMENT:
		f->segment = arg;
		break;
	case O_TAG:
		f->tags = cs_xrealloc(f->tags, (f->ntags + 1) *
		    sizeof(*f->tags));
		f->tags[f->ntags++] = arg;
		break;
	case O_OWNER:
		f->owner = arg;
		break;
	case O_CITY:
		f->city = arg;
		break;
	case O_STATUS:
		if (strcmp(arg, "active") && strcmp(arg, "invalid") &&
		    strcmp(arg, "merged") && strcmp(arg, "erased"))
			return cs_usage(cmd, "--status is active, invalid, "
			    "merged or erased");
		f->status = arg;
		break;
	case O_ALL:
		f->all = 1;
		break;
	case O_SEARCH:
		f->search = arg;
		break;
	case O_WHERE:
		f->where = cs_xrealloc(f->where, (f->nwhere + 1) *
		    sizeof(*f->where));
		f->where[f->nwhere++] = arg;
		break;
	case O_SORT:
		f->sort = arg;
		break;
	case O_LIMIT:
		if (cs_parse_int(arg, 1, LONG_MAX, &n))
			return cs_usage(cmd, "--limit takes a number above 0 "
			    "(%s)", arg);
		f->limit = (long)n;
		break;
	case O_MASK:
		*mask = 1;
		break;
	}
	return 0;
}

static void
filter_free(struct cs_customer_filter *f)
{
	free(f->tags);
	free(f->where);
}

/* Writes v masked into *tmp when mask is set and v is a phone or e-mail. */
static const char *
masked(const char *v, int is_email, int mask, char **tmp)
{
	free(*tmp);
	*tmp = NULL;
	if (!mask || !v)
		return v;
	*tmp = is_email ? cs_email_mask(v) : cs_phone_mask(v);
	return *tmp;
}

static int
print_list(const struct cs_customer_filter *f, int mask, int64_t only)
{
	char *tmp[3] = { NULL, NULL, NULL };
	const char *v[32];
	sqlite3_stmt *st;
	struct cs_out *o;
	size_t i, n = cs_customer_ncols;
	int rc;

	if ((rc = cs_customer_query(f, &st)))
		return rc;
	o = cs_out_new(stdout, cs_fmt_default(stdout), cs_customer_cols, n);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (only && sqlite3_column_int64(st, 0) != only)
			continue;
		for (i = 0; i < n; i++)
			v[i] = cs_col_text(st, (int)i);
		v[3] = masked(v[3], 0, mask, &tmp[0]);
		v[4] = masked(v[4], 0, mask, &tmp[1]);
		v[5] = masked(v[5], 1, mask, &tmp[2]);
		cs_out_row(o, v);
	}
	for (i = 0; i < 3; i++)
		free(tmp[i]);
	if (rc != SQLITE_DONE) {
		rc = cs_db_fail("list");
		sqlite3_finalize(st);
		cs_out_end(o);
		return rc;
	}
	sqlite3_finalize(st);
	return cs_out_end(o);
}

static int
cmd_list(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_customer_filter f = { 0 };
	struct cs_getopt g;
	int c, rc, mask = 0;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if ((rc = take_filter(cmd, &f, c, g.arg, &mask))) {
			filter_free(&f);
			return rc;
		}
	if (g.ind != argc) {
		filter_free(&f);
		return cs_usage(cmd, "unexpected argument '%s'", argv[g.ind]);
	}
	rc = print_list(&f, mask, 0);
	filter_free(&f);
	return rc;
}

static int
cmd_export(const struct cs_cmd *cmd, int argc, char **argv)
{
	struct cs_customer_filter f = { 0 };
	struct cs_buf names = { 0 };
	struct cs_col *cols = NULL;
	sqlite3_stmt *ids = NULL, *st, *an;
	const char **v = NULL;
	char *tmp[3] = { NULL, NULL, NULL }, **attr = NULL;
	struct cs_getopt g;
	struct cs_out *o;
	size_t nattr = 0, ncols, i;
	int c, rc, mask = 0;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if ((rc = take_filter(cmd, &f, c, g.arg, &mask))) {
			filter_free(&f);
			return rc;
		}
	if (g.ind != argc) {
		filter_free(&f);
		return cs_usage(cmd, "unexpected argument '%s'", argv[g.ind]);
	}
	if ((rc = cs_customer_query(&f, &ids)))
		goto out;
	/* One attr.NAME column for every attribute any customer has. */
	an = cs_sql("SELECT DISTINCT j.key FROM customer c, json_each(c.attrs) "
	    "j ORDER BY 1");
	while (sqlite3_step(an) == SQLITE_ROW) {
		attr = cs_xrealloc(attr, (nattr + 1) * sizeof(*attr));
		attr[nattr++] = cs_xasprintf("attr.%s", sqlite3_column_text(an,
		    0));
	}
	sqlite3_reset(an);
	ncols = CS_CUST_NFIELDS + nattr;
	cols = cs_xcalloc(ncols, sizeof(*cols));
	v = cs_xcalloc(ncols, sizeof(*v));
	for (i = 0; i < CS_CUST_NFIELDS; i++)
		cols[i].name = cs_customer_field[i];
	for (i = 0; i < nattr; i++)
		cols[CS_CUST_NFIELDS + i].name = attr[i];
	o = cs_out_new(stdout, cs_fmt_default(stdout), cols, ncols);
	while ((rc = sqlite3_step(ids)) == SQLITE_ROW) {
		st = cs_sql("SELECT c.code, c.name, c.phone, c.phone2, c.email, "
		    "c.wechat, c.company, c.city, c.address, c.segment, "
		    "nullif(c.tags, ''), "
		    "(SELECT login FROM agent a WHERE a.id = c.owner_id), "
		    "c.birthday, c.notes, c.attrs FROM customer c WHERE c.id = ?");
		sqlite3_bind_int64(st, 1, sqlite3_column_int64(ids, 0));
		if (sqlite3_step(st) != SQLITE_ROW)
			continue;
		for (i = 0; i < CS_CUST_NFIELDS; i++)
			v[i] = cs_col_text(st, (int)i);
		v[CS_CUST_PHONE] = masked(v[CS_CUST_PHONE], 0, mask, &tmp[0]);
		v[CS_CUST_PHONE2] = masked(v[CS_CUST_PHONE2], 0, mask, &tmp[1]);
		v[CS_CUST_EMAIL] = masked(v[CS_CUST_EMAIL], 1, mask, &tmp[2]);
		for (i = 0; i < nattr; i++) {
			an = cs_sql("SELECT json_extract(?, ?)");
			cs_bind_text(an, 1, cs_col_text(st, CS_CUST_NFIELDS), 0);
			cs_buf_reset(&names);
			cs_buf_addf(&names, "$.\"%s\"", attr[i] + 5);
			cs_bind_text(an, 2, names.s, 0);
			v[CS_CUST_NFIELDS + i] = NULL;
			if (sqlite3_step(an) == SQLITE_ROW && cs_col_text(an, 0))
				v[CS_CUST_NFIELDS + i] = cs_xstrdup(cs_col_text(an, 0));
			sqlite3_reset(an);
		}
		cs_out_row(o, v);
		for (i = 0; i < nattr; i++)
			free((char *)v[CS_CUST_NFIELDS + i]);
		sqlite3_reset(st);
	}
	if (rc != SQLITE_DONE)
		rc = cs_db_fail("export");
	else
		rc = 0;
	c = cs_out_end(o);
	rc = rc ? rc : c;
out:
	for (i = 0; i < 3; i++)
		free(tmp[i]);
	for (i = 0; i < nattr; i++)
		free(attr[i]);
	free(attr);
	free(cols);
	free(v);
	cs_buf_free(&names);
	sqlite3_finalize(ids);
	filter_free(&f);
	return rc;
}

/*
 * One line of the timeline of show, from a row of its query: at, source
 * (0 the record, 1 a ticket, 2 a revisit planned, 3 a call), id, actor,
 * kind, field, old, new, note, ticket or revisit id, revisit reason.
 * Each line is built whole, however long its values (notes run to
 * pages), so that no character is ever cut.
 */
static void
timeline_line(sqlite3_stmt *st, int mask, struct cs_buf *b)
{
	const char *actor = cs_col_text(st, 3), *kind = cs_col_text(st, 4),
	    *f = cs_col_text(st, 5), *from = cs_col_text(st, 6),
	    *to = cs_col_text(st, 7), *note = cs_col_text(st, 8),
	    *ref = cs_col_text(st, 9), *reason = cs_col_text(st, 10);
	char *mf = NULL, *mt = NULL;
	int email;

	switch (sqlite3_column_int(st, 1)) {
	case 0:
		email = f && strcmp(f, "email") == 0;
		if (f && (email || strncmp(f, "phone", 5) == 0)) {
			from = masked(from, email, mask, &mf);
			to = masked(to, email, mask, &mt);
		}
		cs_buf_adds(b, actor);
		if (f)
			cs_buf_addf(b, " %s: %s → %s", f, from ? from : "",
			    to ? to : "");
		if (note)
			cs_buf_addf(b, " (%s)", note);
		free(mf);
		free(mt);
		break;
	case 1:	/* as cs-ticket show writes it, after "ticket N" */
		cs_buf_addf(b, "%s ticket %s", actor, ref);
		if (!f || strcmp(kind, f) != 0)
			cs_buf_addf(b, " %s", kind);
		if (f)
			cs_buf_addf(b, " %s: %s → %s", f, from ? from : "",
			    to ? to : "");
		if (note)
			cs_buf_addf(b, "%s%s", f ? " — " : ": ", note);
		break;
	case 2:	/* planning records no actor; the due date moves with
		 * each call, so it is not history */
		cs_buf_addf(b, "revisit %s planned: %s", ref, reason);
		break;
	default:
		cs_buf_addf(b, "%s revisit %s %s: %s", actor, ref, reason, kind);
		if (to)
			cs_buf_addf(b, ", score %s", to);
		if (note)
			cs_buf_addf(b, " — %s", note);
		break;
	}
}

static int
cmd_show(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "section", "部分", CS_COL_TEXT },
		{ "field", "字段", CS_COL_TEXT },
		{ "value", "值", CS_COL_TEXT },
	};
	static const char *const names[] = { "id", "code", "name", "phone",
		"phone2", "email", "wechat", "company", "city", "address",
		"segment", "tags", "owner", "birthday", "notes", "status",
		"contact_reason", "contact_note", "merged_into", "created_at",
		"created_by", "updated_at", NULL };
	sqlite3_stmt *st;
	struct cs_out *o;
	struct cs_getopt g;
	const char *v[3];
	struct cs_buf line = { 0 };
	char *tmp = NULL, when[32];
	int c, rc, i, mask = 0;
	int64_t id;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_MASK)
			mask = 1;
	if (g.ind != argc - 1)
		return cs_usage(cmd, "give one customer (id, code or phone)");
	if ((rc = cs_db_open(CS_DB_READ, NULL)))
		return rc;
	if (!(id = find(cmd, argv[g.ind])))
		return CS_EX_FAIL;
	o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 3);
	st = cs_sql("SELECT c.id, c.code, c.name, c.phone, c.phone2, c.email, "
	    "c.wechat, c.company, c.city, c.address, c.segment, c.tags, "
	    "(SELECT login FROM agent a WHERE a.id = c.owner_id), c.birthday, "
	    "c.notes, c.status, c.contact_reason, c.contact_note, "
	    "c.merged_into, c.created_at, c.created_by, c.updated_at "
	    "FROM customer c WHERE c.id = ?");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		v[0] = "profile";
		for (i = 0; names[i]; i++) {
			v[1] = names[i];
			v[2] = cs_col_text(st, i);
			if (i == 3 || i == 4 || i == 5)
				v[2] = masked(v[2], i == 5, mask, &tmp);
			if (strcmp(names[i], "created_at") == 0 ||
			    strcmp(names[i], "updated_at") == 0)
				v[2] = cs_fmt_time(sqlite3_column_int64(st, i),
				    when);
			if (v[2] && *v[2])
				cs_out_row(o, v);
		}
	}
	sqlite3_reset(st);
	free(tmp);
	st = cs_sql("SELECT j.key, j.value FROM customer c, json_each(c.attrs) "
	    "j WHERE c.id = ? ORDER BY 1");
	sqlite3_bind_int64(st, 1, id);
	v[0] = "attr";
	while (sqlite3_step(st) == SQLITE_ROW) {
		v[1] = cs_col_text(st, 0);
		v[2] = cs_col_text(st, 1);
		cs_out_row(o, v);
	}
	sqlite3_reset(st);
	/*
	 * The timeline, oldest first: every change of the record, every
	 * event of the customer's tickets, and the revisits planned for them
	 * with each call made. Whatever was merged in is here too, since
	 * merge moves the tickets and revisits. At one instant the record
	 * comes first, then tickets, then revisits.
	 */
	st = cs_sql("SELECT at, 0, id, actor, NULL, field, old_value, "
	    "new_value, note, NULL, NULL FROM change_log WHERE entity = "
	    "'customer' AND entity_id = ?1 "
	    "UNION ALL SELECT e.at, 1, e.id, e.actor, e.kind, e.field, "
	    "e.old_value, e.new_value, e.note, e.ticket_id, NULL FROM "
	    "ticket_event e JOIN ticket t ON t.id = e.ticket_id WHERE "
	    "t.customer_id = ?1 "
	    "UNION ALL SELECT created_at, 2, id, NULL, 'planned', NULL, NULL, "
	    "NULL, NULL, id, reason FROM revisit WHERE customer_id = ?1 "
	    "UNION ALL SELECT a.at, 3, a.id, a.actor, a.result, NULL, NULL, "
	    "a.score, a.note, a.revisit_id, r.reason FROM revisit_attempt a "
	    "JOIN revisit r ON r.id = a.revisit_id WHERE r.customer_id = ?1 "
	    "ORDER BY 1, 2, 3");
	sqlite3_bind_int64(st, 1, id);
	v[0] = "timeline";
	while (sqlite3_step(st) == SQLITE_ROW) {
		cs_buf_reset(&line);
		timeline_line(st, mask, &line);
		v[1] = cs_fmt_time(sqlite3_column_int64(st, 0), when);
		v[2] = line.s;
		cs_out_row(o, v);
	}
	sqlite3_reset(st);
	cs_buf_free(&line);
	return cs_out_end(o);
}

/* ---- changes to one or more customers ---------------------------------- */

/* The customers named by the operands, or read from "-" as a record set
 * with a customer_id, id or code column (what list writes). customer_id
 * comes first: in a list of tickets or revisit tasks, id is theirs. */
static int
refs(const struct cs_cmd *cmd, int argc, char **argv, int64_t **ids,
    size_t *n)
{
	static const char *const cols[] = { "customer_id", "id", "code",
		NULL };
	const struct cs_record *rec;
	struct cs_reader *r;
	const char *ref;
	int i, k, rc;

	*ids = NULL;
	*n = 0;
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-") != 0) {
			*ids = cs_xrealloc(*ids, (*n + 1) * sizeof(**ids));
			if (!((*ids)[(*n)++] = find(cmd, argv[i])))
				return CS_EX_FAIL;
			continue;
		}
		if ((rc = cs_reader_open(&r, "-", cs_conf.input_format ?
		    cs_in_format_parse(cs_conf.input_format) : CS_IN_AUTO,
		    cs_conf.encoding, NULL)))
			return rc;
		while ((rc = cs_reader_next(r, &rec)) == 0) {
			for (k = 0, ref = NULL; cols[k] && !ref; k++)
				if ((ref = cs_record_get(rec, cols[k])) && *ref &&
				    k < 2) {
					char *p = cs_xasprintf("id:%s", ref);

					*ids = cs_xrealloc(*ids, (*n + 1) *
					    sizeof(**ids));
					(*ids)[*n] = find(cmd, p);
					free(p);
					break;
				} else if (ref && *ref) {
					char *p = cs_xasprintf("code:%s", ref);

					*ids = cs_xrealloc(*ids, (*n + 1) *
					    sizeof(**ids));
					(*ids)[*n] = find(cmd, p);
					free(p);
				} else
					ref = NULL;
			if (!ref) {
				rc = cs_record_err(rec, NULL, NULL, "no id, "
				    "customer_id or code column");
				cs_reader_close(r);
				return rc;
			}
			if (!(*ids)[(*n)++]) {
				cs_reader_close(r);
				return CS_EX_FAIL;
			}
		}
		cs_reader_close(r);
		if (rc > 0)
			return rc;
	}
	return 0;
}

static int
cmd_tag(const struct cs_cmd *cmd, int argc, char **argv)
{
	const char **add = NULL, **rm = NULL;
	size_t nadd = 0, nrm = 0, n = 0, i;
	const char *problem;
	struct cs_getopt g;
	int64_t *ids = NULL;
	int c, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1) {
		if (c == O_ADD) {
			add = cs_xrealloc(add, (nadd + 1) * sizeof(*add));
			add[nadd++] = g.arg;
		} else if (c == O_RM) {
			rm = cs_xrealloc(rm, (nrm + 1) * sizeof(*rm));
			rm[nrm++] = g.arg;
		}
	}
	if (g.ind >= argc || (!nadd && !nrm)) {
		free(add);
		free(rm);
		return cs_usage(cmd, "give customers and --add or --rm");
	}
	for (i = 0; i < nadd; i++)
		if (strchr(add[i], ',') || strlen(add[i]) > 64 || !*add[i]) {
			rc = cs_err(CS_EX_DATAERR, "tag: --add: a tag is 1 to 64 "
			    "bytes without ',' (%s)", add[i]);
			free(add);
			free(rm);
			return rc;
		}
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) ||
	    (rc = refs(cmd, argc - g.ind, argv + g.ind, &ids, &n)) ||
	    (rc = cs_begin()))
		goto out;
	for (i = 0; i < n && !rc; i++) {
		rc = cs_customer_tag(ids[i], add, nadd, rm, nrm, &problem);
		if (rc < 0)
			rc = cs_err(CS_EX_DATAERR, "tag: customer %lld: %s",
			    (long long)ids[i], problem);
	}
	if (rc)
		cs_rollback();
	else
		rc = cs_commit();
out:
	free(ids);
	free(add);
	free(rm);
	return rc;
}

static int
cmd_invalidate(const struct cs_cmd *cmd, int argc, char **argv)
{
	const char *reason = NULL, *note = NULL, *problem;
	struct cs_getopt g;
	int64_t *ids = NULL;
	size_t n, i;
	int c, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_REASON)
			reason = g.arg;
		else if (c == O_NOTE)
			note = g.arg;
	if (g.ind >= argc || !reason)
		return cs_usage(cmd, "give customers and --reason");
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) ||
	    (rc = refs(cmd, argc - g.ind, argv + g.ind, &ids, &n)) ||
	    (rc = cs_begin())) {
		free(ids);
		return rc;
	}
	for (i = 0; i < n && !rc; i++)
		if ((rc = cs_customer_invalidate(ids[i], reason, note,
		    &problem)) < 0)
			rc = cs_err(CS_EX_DATAERR, "invalidate %lld: %s (%s)",
			    (long long)ids[i], problem, reason);
	free(ids);
	if (rc) {
		cs_rollback();
		return rc;
	}
	return cs_commit();
}

static int
cmd_revalidate(const struct cs_cmd *cmd, int argc, char **argv)
{
	const char *problem;
	struct cs_getopt g;
	int64_t *ids = NULL;
	size_t n, i;
	int rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while (cs_getopt(&g) != -1)
		;
	if (g.ind >= argc)
		return cs_usage(cmd, "give customers");
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) ||
	    (rc = refs(cmd, argc - g.ind, argv + g.ind, &ids, &n)) ||
	    (rc = cs_begin())) {
		free(ids);
		return rc;
	}
	for (i = 0; i < n && !rc; i++)
		if ((rc = cs_customer_revalidate(ids[i], &problem)) < 0)
			rc = cs_err(CS_EX_DATAERR, "revalidate %lld: %s",
			    (long long)ids[i], problem);
	free(ids);
	if (rc) {
		cs_rollback();
		return rc;
	}
	return cs_commit();
}

static int
cmd_merge(const struct cs_cmd *cmd, int argc, char **argv)
{
	const char *problem;
	struct cs_getopt g;
	int64_t keep, drop, named;
	int i, rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while (cs_getopt(&g) != -1)
		;
	if (argc - g.ind < 2)
		return cs_usage(cmd, "give KEEP and one DROP or more");
	if ((rc = cs_db_open(CS_DB_WRITE, NULL)) || (rc = cs_begin()))
		return rc;
	if (!(keep = find(cmd, argv[g.ind]))) {
		cs_rollback();
		return CS_EX_FAIL;
	}
	for (i = g.ind + 1; i < argc; i++) {
		if (!(drop = find_named(cmd, argv[i], &named))) {
			cs_rollback();
			return CS_EX_FAIL;
		}
		/* A DROP merged into KEEP before leads to KEEP: a merge run
		 * twice is told so, not that a customer cannot be merged
		 * into itself. */
		if (drop == keep && named != keep) {
			cs_rollback();
			return cs_err(CS_EX_DATAERR, "merge %s: already merged "
			    "into %lld", argv[i], (long long)keep);
		}
		if ((rc = cs_customer_merge(keep, drop, &problem))) {
			cs_rollback();
			if (rc < 0)
				return cs_err(CS_EX_DATAERR, "merge %s: %s",
				    argv[i], problem);
			return rc;
		}
	}
	if ((rc = cs_commit()) == 0)
		cs_warn("merged %d customer%s into %lld", argc - g.ind - 1,
		    argc - g.ind - 1 == 1 ? "" : "s", (long long)keep);
	return rc;
}

static int
cmd_erase(const struct cs_cmd *cmd, int argc, char **argv)
{
	const char *problem;
	struct cs_getopt g;
	sqlite3 *db;
	int64_t id;
	int rc;

	cs_getopt_init(&g, cmd, argc, argv);
	while (cs_getopt(&g) != -1)
		;
	if (g.ind != argc - 1)
		return cs_usage(cmd, "give one customer");
	if ((rc = cs_db_open(CS_DB_WRITE, &db)) || (rc = cs_begin()))
		return rc;
	if (!(id = find(cmd, argv[g.ind]))) {
		cs_rollback();
		return CS_EX_FAIL;
	}
	if ((rc = cs_customer_erase(id, &problem))) {
		cs_rollback();
		return rc < 0 ? cs_err(CS_EX_DATAERR, "erase: %s", problem) : rc;
	}
	if ((rc = cs_commit()))
		return rc;
	/* Old pages in the WAL still hold the data: fold it into the file,
	 * where secure_delete has zeroed it, and empty the WAL. A reader in
	 * the middle of a read keeps the WAL as it is: say so. */
	cs_warn("erased customer %lld", (long long)id);
	if (sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_TRUNCATE,
	    NULL, NULL) != SQLITE_OK)
		cs_warn("erase: the database's -wal file keeps old copies "
		    "until every command using the database now has ended "
		    "(%s)", sqlite3_errmsg(db));
	return 0;
}

/* ---- dedupe ------------------------------------------------------------- */

struct dup {
	int64_t id, created;
	size_t parent;
	unsigned reasons;
};

static size_t
root(struct dup *d, size_t i)
{
	while (d[i].parent != i) {
		d[i].parent = d[d[i].parent].parent;
		i = d[i].parent;
	}
	return i;
}

static void
join(struct dup *d, size_t a, size_t b, unsigned reason)
{
	size_t ra = root(d, a), rb = root(d, b);

	d[a].reasons |= reason;
	d[b].reasons |= reason;
	if (ra != rb)
		d[ra > rb ? ra : rb].parent = ra < rb ? ra : rb;
}

static void
key(struct cs_map *m, struct dup *d, size_t i, const char *prefix,
    const char *v, unsigned reason)
{
	char *k;
	int64_t first;

	if (!v || !*v)
		return;
	k = cs_xasprintf("%s%s", prefix, v);
	if (!cs_map_put(m, k, (int64_t)i, &first)) {
		cs_map_put(m, k, first, NULL);
		if ((size_t)first != i)	/* phone2 = phone is no duplicate */
			join(d, (size_t)first, i, reason);
	}
	free(k);
}

static int
cmp_group(const void *a, const void *b)
{
	const size_t *x = a, *y = b;

	return x[0] != y[0] ? (x[0] < y[0] ? -1 : 1) :
	    (x[1] < y[1] ? -1 : x[1] > y[1]);
}

static int
cmd_dedupe(const struct cs_cmd *cmd, int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "group", "组", CS_COL_NUM }, { "id", "编号", CS_COL_NUM },
		{ "code", "客户号", CS_COL_TEXT }, { "name", "姓名", CS_COL_TEXT },
		{ "phone", "电话", CS_COL_TEXT }, { "email", "邮箱", CS_COL_TEXT },
		{ "wechat", "微信", CS_COL_TEXT }, { "city", "城市", CS_COL_TEXT },
		{ "reason", "原因", CS_COL_TEXT }, { "keep", "保留", CS_COL_TEXT },
	};
	static const char *const why[] = { "phone", "email", "wechat",
		"name+city" };
	struct cs_getopt g;
	struct dup *d = NULL;
	struct cs_map *m;
	struct cs_out *o;
	sqlite3_stmt *st;
	size_t n = 0, i, k, (*order)[2] = NULL, ngroups = 0, prev;
	char gbuf[24], idbuf[24], reason[64];
	const char *v[10], *problem;
	int c, rc, name_city = 0, merge = 0, dry = 0;
	int64_t keep = 0;

	cs_getopt_init(&g, cmd, argc, argv);
	while ((c = cs_getopt(&g)) != -1)
		if (c == O_NAME_CITY)
			name_city = 1;
		else if (c == O_MERGE)
			merge = 1;
		else if (c == O_DRY_RUN)
			dry = 1;
	if (g.ind != argc)
		return cs_usage(cmd, "unexpected argument '%s'", argv[g.ind]);
	if ((rc = cs_db_open(merge && !dry ? CS_DB_WRITE : CS_DB_READ, NULL)))
		return rc;
	if (merge && !dry && (rc = cs_begin()))
		return rc;
	m = cs_map_new();
	st = cs_sql("SELECT id, created_at, phone, phone2, email_key, wechat, "
	    "name, city FROM customer WHERE status IN ('active', 'invalid') "
	    "ORDER BY created_at, id");
	while (sqlite3_step(st) == SQLITE_ROW) {
		d = cs_xrealloc(d, (n + 1) * sizeof(*d));
		d[n].id = sqlite3_column_int64(st, 0);
		d[n].created = sqlite3_column_int64(st, 1);
		d[n].parent = n;
		d[n].reasons = 0;
		key(m, d, n, "p:", cs_col_text(st, 2), 1);
		key(m, d, n, "p:", cs_col_text(st, 3), 1);
		key(m, d, n, "e:", cs_col_text(st, 4), 2);
		key(m, d, n, "w:", cs_col_text(st, 5), 4);
		if (name_city && cs_col_text(st, 6) && *cs_col_text(st, 6) && cs_col_text(st, 7) &&
		    *cs_col_text(st, 7)) {
			char *nc = cs_xasprintf("%s\x1f%s", cs_col_text(st, 6),
			    cs_col_text(st, 7));

			key(m, d, n, "n:", nc, 8);
			free(nc);
		}
		n++;
	}
	sqlite3_reset(st);
	cs_map_free(m);
	/* Rows of groups of two or more, by group (its oldest first). */
	order = cs_xcalloc(n + 1, sizeof(*order));
	for (i = 0, k = 0; i < n; i++)
		if (d[i].reasons) {
			order[k][0] = root(d, i);
			order[k++][1] = i;
		}
	qsort(order, k, sizeof(*order), cmp_group);
	o = cs_out_new(stdout, cs_fmt_default(stdout), cols, 10);
	prev = (size_t)-1;
	for (i = 0; i < k && !rc; i++) {
		size_t x = order[i][1];

		if (order[i][0] != prev) {
			ngroups++;
			prev = order[i][0];
			keep = d[x].id;	/* the oldest: rows are by age */
		}
		st = cs_sql("SELECT code, name, phone, email, wechat, city FROM "
		    "customer WHERE id = ?");
		sqlite3_bind_int64(st, 1, d[x].id);
		sqlite3_step(st);
		snprintf(gbuf, sizeof(gbuf), "%zu", ngroups);
		snprintf(idbuf, sizeof(idbuf), "%lld", (long long)d[x].id);
		reason[0] = '\0';
		for (c = 0; c < 4; c++)
			if (d[x].reasons & (1u << c))
				snprintf(reason + strlen(reason),
				    sizeof(reason) - strlen(reason), "%s%s",
				    reason[0] ? ";" : "", why[c]);
		v[0] = gbuf;
		v[1] = idbuf;
		v[2] = cs_col_text(st, 0);
		v[3] = cs_col_text(st, 1);
		v[4] = cs_col_text(st, 2);
		v[5] = cs_col_text(st, 3);
		v[6] = cs_col_text(st, 4);
		v[7] = cs_col_text(st, 5);
		v[8] = reason;
		v[9] = d[x].id == keep ? "keep" : "merge";
		cs_out_row(o, v);
		sqlite3_reset(st);
		if (merge && !dry && d[x].id != keep &&
		    (rc = cs_customer_merge(keep, d[x].id, &problem)) < 0)
			rc = cs_err(CS_EX_DATAERR, "merge %lld into %lld: %s",
			    (long long)d[x].id, (long long)keep, problem);
	}
	c = cs_out_end(o);
	free(order);
	free(d);
	if (merge && !dry) {
		if (rc || c) {
			cs_rollback();
			return rc ? rc : c;
		}
		if ((rc = cs_commit()))
			return rc;
		cs_warn("merged %zu group%s", ngroups, ngroups == 1 ? "" : "s");
		return 0;
	}
	if (rc || c)
		return rc ? rc : c;
	/* Like grep: 1 when nothing was found. */
	return ngroups ? 0 : CS_EX_FAIL;
}

static const struct cs_cmd cmds[] = {
	{ "add", cmd_add_update, "[OPTIONS]",
	    "add a customer; prints the id", add_opts },
	{ "import", cmd_import, "FILE|-",
	    "add or update customers from CSV, JSON or JSON lines (GBK too)",
	    import_opts },
	{ "update", cmd_add_update, "CUSTOMER [OPTIONS]",
	    "change fields (an empty value clears one)", update_opts },
	{ "show", cmd_show, "CUSTOMER",
	    "profile, attributes and timeline of one customer", show_opts },
	{ "list", cmd_list, "[OPTIONS]", "list customers, filtered",
	    list_opts },
	{ "export", cmd_export, "[OPTIONS]",
	    "every field and attribute, in the form import reads",
	    export_opts },
	{ "tag", cmd_tag, "CUSTOMER...|- --add TAG --rm TAG",
	    "add and remove tags", tag_opts },
	{ "invalidate", cmd_invalidate, "CUSTOMER...|- --reason REASON",
	    "mark a dead contact: invalid-number, suspended, refused, "
	    "do-not-contact", invalidate_opts },
	{ "revalidate", cmd_revalidate, "CUSTOMER...|-",
	    "mark a contact good again", revalidate_opts },
	{ "dedupe", cmd_dedupe, "[--name-city] [--merge [--dry-run]]",
	    "groups of likely duplicates; exit 1 when none", dedupe_opts },
	{ "merge", cmd_merge, "KEEP DROP...",
	    "move tickets, revisits, tags and missing values to KEEP",
	    no_opts },
	{ "erase", cmd_erase, "CUSTOMER",
	    "anonymise a customer on a privacy request", no_opts },
	{ NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return cs_main(argc, argv, "Customer records: import, list, show, "
	    "tag, merge, invalidate a contact, erase, export.", cmds,
	    cs_complete_values);
}
