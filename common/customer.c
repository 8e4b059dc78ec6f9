/* customer.c - customer records: checks, insert or update, lookup, merge,
 * erasure, and the list query */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cs.h"

const char *const cs_customer_field[] = {
	"code", "name", "phone", "phone2", "email", "wechat", "company",
	"city", "address", "segment", "tags", "owner", "birthday", "notes",
	NULL
};
const char *const cs_contact_reasons =
    "invalid-number suspended refused do-not-contact";

/* Fields that identify a person: cleared by erase, scrubbed from the log. */
static const int personal[] = { CS_CUST_NAME, CS_CUST_PHONE, CS_CUST_PHONE2,
	CS_CUST_EMAIL, CS_CUST_WECHAT, CS_CUST_ADDRESS, CS_CUST_BIRTHDAY,
	CS_CUST_NOTES, -1 };

struct row {
	int64_t id;
	char *v[CS_CUST_NFIELDS];	/* NULL when the field is empty */
	char *attrs;			/* JSON object */
	char status[16];
};

static void
row_free(struct row *r)
{
	int i;

	for (i = 0; i < CS_CUST_NFIELDS; i++)
		free(r->v[i]);
	free(r->attrs);
	memset(r, 0, sizeof(*r));
}

static char *
col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t && *t ? cs_xstrdup((const char *)t) : NULL;
}

#define ROW_COLS "c.id, c.code, c.name, c.phone, c.phone2, c.email, " \
	"c.wechat, c.company, c.city, c.address, c.segment, c.tags, " \
	"(SELECT login FROM agent a WHERE a.id = c.owner_id), c.birthday, " \
	"c.notes, c.attrs, c.status"

static void
row_read(sqlite3_stmt *st, struct row *r)
{
	int i;

	r->id = sqlite3_column_int64(st, 0);
	for (i = 0; i < CS_CUST_NFIELDS; i++)
		r->v[i] = col_dup(st, i + 1);
	r->attrs = col_dup(st, CS_CUST_NFIELDS + 1);
	snprintf(r->status, sizeof(r->status), "%s",
	    sqlite3_column_text(st, CS_CUST_NFIELDS + 2));
}

/* 1 and *r filled, 0 when none, or -status. */
static int
load_by(sqlite3_stmt *st, struct row *r)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		row_read(st, r);
	else if (rc != SQLITE_DONE) {
		rc = cs_db_fail("customer");
		sqlite3_reset(st);
		return -rc;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW;
}

static int
load_id(int64_t id, struct row *r)
{
	sqlite3_stmt *st = cs_sql("SELECT " ROW_COLS " FROM customer c "
	    "WHERE c.id = ?");

	sqlite3_bind_int64(st, 1, id);
	return load_by(st, r);
}

static int
load_code(const char *code, struct row *r)
{
	sqlite3_stmt *st = cs_sql("SELECT " ROW_COLS " FROM customer c "
	    "WHERE c.code = ?");

	cs_bind_text(st, 1, code, 0);
	return load_by(st, r);
}

/* Agents by login, looked up once per process: the roster is small and
 * does not change under an import. */
static struct cs_map *owners;

static int64_t
owner_id(const char *login)
{
	int64_t id;

	if (!owners)
		owners = cs_map_new();
	if (cs_map_get(owners, login, &id))
		return id;
	id = cs_agent_id(login);
	cs_map_put(owners, login, id, NULL);
	return id;
}

static int
has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

/* A date as YYYY-MM-DD in ymd, from any spelling cs(7) allows for one:
 * 2026/11/1, 2026年11月1日, today, -7d (resolved now); 0 or -1. */
static int
date_value(const char *v, char ymd[11])
{
	int64_t t;

	if (cs_parse_ymd(v, ymd) == 0)
		return 0;
	if (cs_parse_date(v, cs_now(), &t) == 0) {
		cs_fmt_date(t, ymd);
		return 0;
	}
	return -1;
}

/* Checks one value; *out is its stored form (NULL: empty). Returns the
 * problem, or NULL. */
static const char *
check(int f, const char *in, char **out)
{
	enum cs_phone_kind kind;
	const char *problem = NULL;
	char *s, ymd[11];

	*out = NULL;
	if (f == CS_CUST_NOTES) {
		if (*in)
			*out = cs_xstrdup(in);
		return NULL;
	}
	s = cs_text_trim(cs_xstrdup(in));
	if (!*s) {
		free(s);
		return NULL;
	}
	switch (f) {
	case CS_CUST_CODE:
		if (strlen(s) > 64 || has_control(s) || strchr(s, ':'))
			problem = "a code is up to 64 bytes, without ':' or "
			    "control characters";
		break;
	case CS_CUST_PHONE:
	case CS_CUST_PHONE2:
		*out = cs_phone_norm(s, &kind, &problem);
		free(s);
		return problem;
	case CS_CUST_EMAIL:
		*out = cs_email_norm(s, &problem);
		free(s);
		return problem;
	case CS_CUST_WECHAT:
		if (strlen(s) > 64 || strpbrk(s, " \t\r\n"))
			problem = "a WeChat id is up to 64 bytes without spaces";
		break;
	case CS_CUST_TAGS:
		*out = cs_text_list(s);
		free(s);
		if (!*out)
			return "tags are separated by ';', each up to 64 bytes "
			    "without ','";
		if (!**out) {
			free(*out);
			*out = NULL;
		}
		return NULL;
	case CS_CUST_OWNER:
		if (!owner_id(s))
			problem = "no agent with this login (add it with "
			    "cs-agent first)";
		break;
	case CS_CUST_BIRTHDAY:
		if (date_value(s, ymd) < 0)
			problem = "not a date (use 1990-05-17)";
		else {
			free(s);
			s = cs_xstrdup(ymd);
		}
		break;
	default:
		if (has_control(s))
			problem = "control characters are not allowed here";
		break;
	}
	if (problem) {
		free(s);
		return problem;
	}
	*out = s;
	return NULL;
}

static const char *
check_attr_name(const char *n)
{
	if (!*n || strlen(n) > 64 || strpbrk(n, "\"\\.[]$") || has_control(n))
		return "an attribute name is up to 64 bytes without \" \\ . [ ] "
		    "or $";
	return NULL;
}

static int
set_attr(json_t *obj, const char *name, const char *value, int clear)
{
	char *v = cs_text_trim(cs_xstrdup(value)), ymd[11];

	if (!*v) {
		if (clear)
			json_object_del(obj, name);
		free(v);
		return 0;
	}
	/* Dates are kept as YYYY-MM-DD, so that they compare as dates. */
	if (date_value(v, ymd) == 0)
		json_object_set_new(obj, name, json_string(ymd));
	else
		json_object_set_new(obj, name, json_string(v));
	free(v);
	return 0;
}

static char *
attrs_dump(json_t *obj)
{
	char *s = json_dumps(obj, JSON_COMPACT | JSON_SORT_KEYS);
	char *r;

	if (!s)
		cs_die(CS_EX_SOFTWARE, "out of memory");
	r = cs_xstrdup(s);
	free(s);
	return r;
}

/* One attribute of a new customer, for attrs_new. */
struct attr {
	const char *name;
	char *value;
	size_t at;		/* its column: a later one of a name wins */
};

static int
attr_cmp(const void *a, const void *b)
{
	const struct attr *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* s as a JSON string, escaped the way jansson's dump escapes it. */
static void
json_text(struct cs_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const char *run;

	cs_buf_addc(b, '"');
	for (run = s;; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		cs_buf_add(b, run, (size_t)(s - run));
		if (!c)
			break;
		run = s + 1;
		cs_buf_addc(b, '\\');
		switch (c) {
		case '"':
		case '\\':
			cs_buf_addc(b, c);
			break;
		case '\b':
			cs_buf_addc(b, 'b');
			break;
		case '\f':
			cs_buf_addc(b, 'f');
			break;
		case '\n':
			cs_buf_addc(b, 'n');
			break;
		case '\r':
			cs_buf_addc(b, 'r');
			break;
		case '\t':
			cs_buf_addc(b, 't');
			break;
		default:
			cs_buf_adds(b, "u00");
			cs_buf_addc(b, hex[c >> 4]);
			cs_buf_addc(b, hex[c & 15]);
			break;
		}
	}
	cs_buf_addc(b, '"');
}

/*
 * The attributes of a new customer, written straight as the text that
 * set_attr and attrs_dump would make of an empty object (an import of a
 * million customers spent a sixth of its time building and sorting
 * jansson objects). NULL when a name or value is not UTF-8, which jansson
 * would leave out: the caller goes the jansson way then.
 */
static char *
attrs_new(const struct cs_customer_in *in)
{
	struct attr *a = cs_xcalloc(in->nattr + 1, sizeof(*a));
	struct cs_buf b = { 0 };
	char ymd[11], *v;
	size_t n = 0, i;
	int bad = 0;

	for (i = 0; i < in->nattr && !bad; i++) {
		v = cs_text_trim(cs_xstrdup(in->attr_value[i]));
		if (!*v) {
			free(v);
			continue;
		}
		/* Dates are kept as YYYY-MM-DD, as set_attr keeps them. */
		if (date_value(v, ymd) == 0) {
			free(v);
			v = cs_xstrdup(ymd);
		}
		bad = cs_utf8_invalid(v, strlen(v)) >= 0 ||
		    cs_utf8_invalid(in->attr_name[i],
		    strlen(in->attr_name[i])) >= 0;
		a[n].name = in->attr_name[i];
		a[n].value = v;
		a[n].at = i;
		n++;
	}
	qsort(a, n, sizeof(*a), attr_cmp);
	cs_buf_addc(&b, '{');
	for (i = 0; i < n && !bad; i++) {
		if (i + 1 < n && strcmp(a[i].name, a[i + 1].name) == 0)
			continue;
		if (b.len > 1)
			cs_buf_addc(&b, ',');
		json_text(&b, a[i].name);
		cs_buf_addc(&b, ':');
		json_text(&b, a[i].value);
	}
	cs_buf_addc(&b, '}');
	for (i = 0; i < n; i++)
		free(a[i].value);
	free(a);
	if (bad) {
		cs_buf_free(&b);
		return NULL;
	}
	return b.s;
}

/* Logs each attribute whose value differs between two JSON objects. */
static int
log_attrs(int64_t id, const char *old_s, const char *new_s)
{
	json_t *o = json_loads(old_s ? old_s : "{}", 0, NULL);
	json_t *n = json_loads(new_s, 0, NULL);
	const char *k;
	json_t *v, *w;
	char field[80];
	int rc = 0;

	json_object_foreach(n, k, v) {
		w = json_object_get(o, k);
		if (w && json_equal(v, w))
			continue;
		snprintf(field, sizeof(field), "attr.%s", k);
		rc = cs_log_change("customer", id, field,
		    w ? json_string_value(w) : NULL, json_string_value(v), NULL);
		if (rc)
			goto out;
	}
	json_object_foreach(o, k, w) {
		if (json_object_get(n, k))
			continue;
		snprintf(field, sizeof(field), "attr.%s", k);
		if ((rc = cs_log_change("customer", id, field,
		    json_string_value(w), NULL, NULL)))
			goto out;
	}
out:
	json_decref(o);
	json_decref(n);
	return rc;
}

static int
same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

#define ATTRS_BIT (1u << CS_CUST_NFIELDS)

/* The UPDATE that sets the columns of the fields in mask (bit f for field
 * f, ATTRS_BIT for the attributes) and updated_at, with the parameter
 * numbers of write_row. SQLite rewrites every index on a column that an
 * UPDATE sets, changed or not: setting all of them made a re-import that
 * changes one note per row rewrite six index entries per row, at random
 * places. The texts are kept (cs_sql knows a statement by its text's
 * address); past the last slot every column is set. */
static const char *
update_sql(unsigned mask)
{
	static const char *const set[] = {
		"code = ?1", "name = coalesce(?2, '')", "phone = ?3",
		"phone2 = ?4", "email = ?5, email_key = ?16", "wechat = ?6",
		"company = ?7", "city = ?8", "address = ?9", "segment = ?10",
		"tags = coalesce(?11, '')", "owner_id = ?12", "birthday = ?13",
		"notes = ?14", "attrs = ?15"
	};
	static struct {
		unsigned mask;
		char *sql;
	} kept[32];
	static size_t nkept;
	struct cs_buf b = { 0 };
	size_t i;

	for (i = 0; i < nkept; i++)
		if (kept[i].mask == mask)
			return kept[i].sql;
	if (nkept >= sizeof(kept) / sizeof(kept[0]) - 1) {
		mask = ~0u;	/* the last slot is for every column */
		for (i = 0; i < nkept; i++)
			if (kept[i].mask == mask)
				return kept[i].sql;
	}
	cs_buf_adds(&b, "UPDATE customer SET ");
	for (i = 0; i < sizeof(set) / sizeof(set[0]); i++)
		if (mask & (1u << i)) {
			cs_buf_adds(&b, set[i]);
			cs_buf_adds(&b, ", ");
		}
	cs_buf_adds(&b, "updated_at = ?17 WHERE id = ?19");
	kept[nkept].mask = mask;
	kept[nkept].sql = b.s;
	return kept[nkept++].sql;
}

/* Writes r: every column when r->id is 0 (insert), else those of the
 * fields in mask (see update_sql). */
static int
write_row(struct row *r, unsigned mask)
{
	sqlite3_stmt *st;
	char *key = NULL;
	int64_t oid = 0;
	int i, rc;

	if (r->id == 0)
		st = cs_sql("INSERT INTO customer (code, name, phone, phone2, "
		    "email, wechat, company, city, address, segment, tags, "
		    "owner_id, birthday, notes, attrs, email_key, created_at, "
		    "created_by, updated_at) VALUES (?1, coalesce(?2, ''), "
		    "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, coalesce(?11, ''), ?12, "
		    "?13, ?14, ?15, ?16, ?17, ?18, ?17)");
	else
		st = cs_sql(update_sql(mask));
	for (i = 0; i < CS_CUST_NFIELDS; i++) {
		if (i == CS_CUST_OWNER) {
			if (r->v[i])
				oid = owner_id(r->v[i]);
			if (oid)
				sqlite3_bind_int64(st, i + 1, oid);
			else
				sqlite3_bind_null(st, i + 1);
		} else
			cs_bind_static(st, i + 1, r->v[i]);
	}
	cs_bind_static(st, 15, r->attrs ? r->attrs : "{}");
	if (r->v[CS_CUST_EMAIL])
		key = cs_email_key(r->v[CS_CUST_EMAIL]);
	cs_bind_static(st, 16, key);
	sqlite3_bind_int64(st, 17, cs_now());
	if (r->id == 0)
		cs_bind_text(st, 18, cs_actor(), 0);
	else
		sqlite3_bind_int64(st, 19, r->id);
	rc = cs_step_done(st, "customer");
	sqlite3_clear_bindings(st);	/* before r's strings go */
	free(key);
	if (!rc && r->id == 0)
		r->id = sqlite3_last_insert_rowid(sqlite3_db_handle(st));
	return rc;
}

int
cs_customer_put(const struct cs_customer_in *in, int mode, int64_t *id,
    int *field, char **problem)
{
	char *val[CS_CUST_NFIELDS] = { 0 };
	int given[CS_CUST_NFIELDS] = { 0 };
	struct row old = { 0 }, now = { 0 };
	json_t *attrs = NULL;
	const char *p;
	int f, rc, found = 0;
	unsigned changed = 0;
	size_t i;

	*field = -1;
	*problem = NULL;
	for (f = 0; f < CS_CUST_NFIELDS; f++) {
		if (!in->v[f])
			continue;
		if ((p = check(f, in->v[f], &val[f]))) {
			*field = f;
			*problem = cs_xstrdup(p);
			rc = -1;
			goto out;
		}
		given[f] = val[f] || in->overwrite_empty;
	}
	for (i = 0; i < in->nattr; i++)
		if ((p = check_attr_name(in->attr_name[i]))) {
			*field = CS_CUST_NFIELDS + (int)i;
			*problem = cs_xstrdup(p);
			rc = -1;
			goto out;
		}
	if (*id > 0)
		found = load_id(*id, &old);
	else if (val[CS_CUST_CODE] && !in->code_is_new)
		found = load_code(val[CS_CUST_CODE], &old);
	if (found < 0) {
		rc = -found;
		goto out;
	}
	/* A code of a merged customer leads to the one it went into. */
	while (found && strcmp(old.status, "merged") == 0 && mode != CS_PUT_CREATE) {
		sqlite3_stmt *st = cs_sql("SELECT merged_into FROM customer "
		    "WHERE id = ?");
		int64_t into = 0;

		sqlite3_bind_int64(st, 1, old.id);
		if (sqlite3_step(st) == SQLITE_ROW)
			into = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		row_free(&old);
		if (!into || (found = load_id(into, &old)) <= 0) {
			*problem = cs_xstrdup("merged into a customer that is "
			    "gone");
			rc = found < 0 ? -found : -1;
			goto out;
		}
		given[CS_CUST_CODE] = 0;	/* the survivor keeps its code */
	}
	if (found && mode == CS_PUT_CREATE) {
		*field = CS_CUST_CODE;
		*problem = cs_xstrdup("a customer with this code exists already "
		    "(use update, or import to update it)");
		rc = -1;
		goto out;
	}
	if (!found && mode == CS_PUT_UPDATE) {
		*problem = cs_xstrdup("no such customer");
		rc = -1;
		goto out;
	}
	if (found && strcmp(old.status, "erased") == 0) {
		*field = CS_CUST_CODE;
		*problem = cs_xstrdup("this customer was erased on request and "
		    "is not filled in again");
		rc = -1;
		goto out;
	}
	/* The values move into now; what is not given stays as it was. */
	now.id = found ? old.id : 0;
	for (f = 0; f < CS_CUST_NFIELDS; f++) {
		if (!found || given[f]) {
			now.v[f] = val[f];
			val[f] = NULL;
		} else
			now.v[f] = old.v[f] ? cs_xstrdup(old.v[f]) : NULL;
	}
	if (!found && !now.v[CS_CUST_NAME] && !now.v[CS_CUST_PHONE] &&
	    !now.v[CS_CUST_EMAIL] && !now.v[CS_CUST_WECHAT]) {
		*field = CS_CUST_NAME;
		*problem = cs_xstrdup("a new customer needs a name or a way to "
		    "reach them (phone, email, wechat)");
		rc = -1;
		goto out;
	}
	if (in->nattr && !found && (now.attrs = attrs_new(in)))
		;
	else if (in->nattr) {
		attrs = json_loads(found && old.attrs ? old.attrs : "{}", 0,
		    NULL);
		if (!attrs)
			attrs = json_object();
		for (i = 0; i < in->nattr; i++)
			set_attr(attrs, in->attr_name[i], in->attr_value[i],
			    in->overwrite_empty);
		now.attrs = attrs_dump(attrs);
	} else
		now.attrs = cs_xstrdup(found && old.attrs ? old.attrs : "{}");
	if (!found) {
		if ((rc = write_row(&now, 0)))
			goto out;
		*id = now.id;
		rc = CS_ROW_ADDED;
		goto out;
	}
	for (f = 0; f < CS_CUST_NFIELDS; f++)
		if (!same(old.v[f], now.v[f])) {
			changed |= 1u << f;
			if ((rc = cs_log_change("customer", old.id,
			    cs_customer_field[f], old.v[f], now.v[f], NULL)))
				goto out;
		}
	if (!same(old.v[CS_CUST_CODE], now.v[CS_CUST_CODE]) &&
	    now.v[CS_CUST_CODE]) {
		struct row other = { 0 };

		rc = load_code(now.v[CS_CUST_CODE], &other);
		row_free(&other);
		if (rc != 0) {
			*field = CS_CUST_CODE;
			*problem = cs_xstrdup("a customer with this code exists "
			    "already");
			rc = rc < 0 ? -rc : -1;
			goto out;
		}
	}
	if (!same(old.attrs ? old.attrs : "{}", now.attrs)) {
		changed |= ATTRS_BIT;
		if ((rc = log_attrs(old.id, old.attrs, now.attrs)))
			goto out;
	}
	*id = old.id;
	if (!changed) {
		rc = CS_ROW_UNCHANGED;
		goto out;
	}
	if ((rc = write_row(&now, changed)))
		goto out;
	rc = CS_ROW_UPDATED;
out:
	for (f = 0; f < CS_CUST_NFIELDS; f++)
		free(val[f]);
	json_decref(attrs);
	row_free(&old);
	row_free(&now);
	return rc;
}

/* The customer that id was merged into, through every merge since. */
static int64_t
final(int64_t id)
{
	sqlite3_stmt *st;
	int64_t into;
	int hops = 0;

	for (;;) {
		st = cs_sql("SELECT merged_into FROM customer WHERE id = ? AND "
		    "status = 'merged'");
		sqlite3_bind_int64(st, 1, id);
		into = sqlite3_step(st) == SQLITE_ROW ?
		    sqlite3_column_int64(st, 0) : 0;
		sqlite3_reset(st);
		if (!into || ++hops > 32)
			return id;
		id = into;
	}
}

/* Tells the user that ref leads to customer to; returns to. */
static int64_t
tell_merged(const char *ref, int64_t to)
{
	cs_warn("customer %s was merged into %lld: using %lld", ref,
	    (long long)to, (long long)to);
	return to;
}

/* Follows merged_into to the surviving customer, telling the user. */
static int64_t
follow(int64_t id, const char *ref)
{
	int64_t to = final(id);

	return to != id ? tell_merged(ref, to) : id;
}

/*
 * The customer that the merged ones with phone norm went into, when no
 * live customer has it (a merge keeps the phone of the one it keeps):
 * found as an id or code of theirs is, with a notice, and the first of
 * them in *named; 0 when they went into several, or into one that was
 * erased since.
 */
static int64_t
merged_phone(const char *norm, const char *ref, int64_t *named,
    const char **problem)
{
	sqlite3_stmt *st;
	int64_t id = 0, to;
	char status[16];

	st = cs_sql("SELECT id FROM customer WHERE (phone = ?1 OR phone2 = ?1) "
	    "AND status = 'merged' ORDER BY id");
	cs_bind_text(st, 1, norm, 0);
	while (sqlite3_step(st) == SQLITE_ROW) {
		to = final(sqlite3_column_int64(st, 0));
		if (id && to != id) {
			*problem = "several customers have this phone: use the "
			    "id";
			id = 0;
			break;
		}
		if (!id)
			*named = sqlite3_column_int64(st, 0);
		id = to;
	}
	sqlite3_reset(st);
	if (!id || !cs_customer_status(id, status) ||
	    strcmp(status, "erased") == 0) {
		*named = 0;
		return 0;
	}
	return tell_merged(ref, id);
}

int64_t
cs_customer_find(const char *ref, const char **problem)
{
	return cs_customer_find_named(ref, NULL, problem);
}

int64_t
cs_customer_find_named(const char *ref, int64_t *named,
    const char **problem)
{
	enum cs_phone_kind kind;
	const char *how = NULL, *p;
	sqlite3_stmt *st;
	char *norm;
	int64_t id = 0, unused, num;
	int n = 0, isid;

	if (named == NULL)
		named = &unused;
	*named = 0;
	*problem = "no such customer";
	if (!strncmp(ref, "id:", 3) || !strncmp(ref, "code:", 5) ||
	    !strncmp(ref, "phone:", 6)) {
		how = ref;
		ref = strchr(ref, ':') + 1;
	}
	if (!how || how[0] == 'c') {
		/* The common case, a live customer by code, in one look-up. */
		st = cs_sql("SELECT id, status = 'merged' FROM customer WHERE "
		    "code = ?");
		cs_bind_text(st, 1, ref, 0);
		if (sqlite3_step(st) == SQLITE_ROW) {
			id = sqlite3_column_int64(st, 0);
			n = sqlite3_column_int(st, 1);
		}
		sqlite3_reset(st);
		*named = id;
		if (id || how)
			return id && n ? follow(id, ref) : id;
	}
	isid = cs_parse_int(ref, 1, INT64_MAX, &num) == 0;
	if (how && how[0] == 'i' && !isid)
		return 0;
	if ((!how || how[0] == 'i') && isid) {
		st = cs_sql("SELECT id FROM customer WHERE id = ?");
		sqlite3_bind_int64(st, 1, num);
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		*named = id;
		if (id || how)
			return id ? follow(id, ref) : 0;
	}
	if ((norm = cs_phone_norm(ref, &kind, &p)) == NULL) {
		if (how)	/* "phone:" asked for a phone: say what is wrong */
			*problem = p;
		return 0;
	}
	/* A phone shared by several live customers is ambiguous. */
	st = cs_sql("SELECT id FROM customer WHERE (phone = ?1 OR phone2 = ?1) "
	    "AND status IN ('active', 'invalid') ORDER BY id");
	cs_bind_text(st, 1, norm, 0);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (!n++)
			id = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (n == 0)
		id = merged_phone(norm, ref, named, problem);
	free(norm);
	if (n > 1) {
		*problem = "several customers have this phone: use the id";
		return 0;
	}
	if (n == 1)
		*named = id;
	return id;
}

const char *
cs_customer_status(int64_t id, char buf[16])
{
	sqlite3_stmt *st = cs_sql("SELECT status FROM customer WHERE id = ?");
	const char *r = NULL;

	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(buf, 16, "%s", sqlite3_column_text(st, 0));
		r = buf;
	}
	sqlite3_reset(st);
	return r;
}

int
cs_customer_invalidate(int64_t id, const char *reason, const char *note,
    const char **problem)
{
	sqlite3_stmt *st;
	char status[16];
	int rc;

	if (!cs_word_in(reason, cs_contact_reasons)) {
		*problem = "unknown reason: use invalid-number, suspended, "
		    "refused or do-not-contact";
		return -1;
	}
	if (!cs_customer_status(id, status)) {
		*problem = "no such customer";
		return -1;
	}
	if (strcmp(status, "merged") == 0 || strcmp(status, "erased") == 0) {
		*problem = "this customer is merged or erased";
		return -1;
	}
	st = cs_sql("UPDATE customer SET status = 'invalid', contact_reason = "
	    "?, contact_note = ?, updated_at = ? WHERE id = ?");
	cs_bind_text(st, 1, reason, 0);
	cs_bind_text(st, 2, note, 1);
	sqlite3_bind_int64(st, 3, cs_now());
	sqlite3_bind_int64(st, 4, id);
	if ((rc = cs_step_done(st, "customer")))
		return rc;
	return cs_log_change("customer", id, "contact", status, reason, note);
}

int
cs_customer_revalidate(int64_t id, const char **problem)
{
	sqlite3_stmt *st;
	char status[16];
	int rc;

	if (!cs_customer_status(id, status)) {
		*problem = "no such customer";
		return -1;
	}
	if (strcmp(status, "invalid") != 0) {
		*problem = "the contact is not marked invalid";
		return -1;
	}
	st = cs_sql("UPDATE customer SET status = 'active', contact_reason = "
	    "NULL, contact_note = NULL, updated_at = ? WHERE id = ?");
	sqlite3_bind_int64(st, 1, cs_now());
	sqlite3_bind_int64(st, 2, id);
	if ((rc = cs_step_done(st, "customer")))
		return rc;
	return cs_log_change("customer", id, "contact", "invalid", "active",
	    NULL);
}

int
cs_customer_tag(int64_t id, const char *const *add, size_t nadd,
    const char *const *rm, size_t nrm, const char **problem)
{
	struct cs_buf b = { 0 };
	struct cs_customer_in in = { .nattr = 0 };
	struct row r = { 0 };
	char *list, *tok, *save = NULL, *p;
	size_t i;
	int rc, f, keep;
	int64_t cid = id;

	if ((rc = load_id(id, &r)) <= 0) {
		*problem = "no such customer";
		return rc < 0 ? -rc : -1;
	}
	if (strcmp(r.status, "merged") == 0 || strcmp(r.status, "erased") == 0) {
		*problem = "this customer is merged or erased";
		row_free(&r);
		return -1;
	}
	cs_buf_adds(&b, r.v[CS_CUST_TAGS] ? r.v[CS_CUST_TAGS] : "");
	for (i = 0; i < nadd; i++) {
		cs_buf_addc(&b, ';');
		cs_buf_adds(&b, add[i]);
	}
	list = cs_text_list(cs_buf_str(&b));
	cs_buf_reset(&b);
	if (!list) {
		*problem = "a tag is up to 64 bytes without ','";
		cs_buf_free(&b);
		row_free(&r);
		return -1;
	}
	for (tok = strtok_r(list, ";", &save); tok;
	    tok = strtok_r(NULL, ";", &save)) {
		keep = 1;
		for (i = 0; i < nrm; i++) {
			p = cs_text_trim(cs_xstrdup(rm[i]));
			if (strcmp(p, tok) == 0)
				keep = 0;
			free(p);
		}
		if (keep) {
			if (b.len)
				cs_buf_addc(&b, ';');
			cs_buf_adds(&b, tok);
		}
	}
	free(list);
	in.v[CS_CUST_TAGS] = cs_buf_str(&b);
	in.overwrite_empty = 1;
	rc = cs_customer_put(&in, CS_PUT_UPDATE, &cid, &f, &list);
	if (rc < 0) {
		*problem = "tags are up to 64 bytes without ','";
		free(list);
	}
	cs_buf_free(&b);
	row_free(&r);
	return rc < 0 ? -1 : rc > CS_ROW_UNCHANGED ? rc : 0;
}

/* Cancels the open revisit tasks of customer id, which nobody may call
 * any more (merged away or erased), each with note as its reason. */
static int
cancel_revisits(int64_t id, const char *note)
{
	sqlite3_stmt *st = cs_sql("SELECT id FROM revisit WHERE customer_id = "
	    "? AND status = 'open' ORDER BY id");
	int64_t *ids = NULL;
	size_t n = 0, i;
	int rc = 0;

	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		ids = cs_xrealloc(ids, (n + 1) * sizeof(*ids));
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	for (i = 0; i < n && !rc; i++) {
		st = cs_sql("UPDATE revisit SET status = 'cancelled', note = ? "
		    "WHERE id = ?");
		cs_bind_text(st, 1, note, 0);
		sqlite3_bind_int64(st, 2, ids[i]);
		if (!(rc = cs_step_done(st, "revisit")))
			rc = cs_log_change("revisit", ids[i], "status", "open",
			    "cancelled", note);
	}
	free(ids);
	return rc;
}

/* Points every row of every table with a customer_id column at keep:
 * tickets and revisits of later migrations come along without this code
 * knowing them. Table names come from the schema, never from users. A row
 * that would double one of keep's (the same revisit planned for both) stays
 * with drop; an open task among them is cancelled. */
static int
move_rows(int64_t keep, int64_t drop)
{
	sqlite3_stmt *st = cs_sql("SELECT m.name FROM sqlite_master m, "
	    "pragma_table_info(m.name) p WHERE m.type = 'table' AND "
	    "p.name = 'customer_id' ORDER BY m.name");
	sqlite3 *db = sqlite3_db_handle(st);
	char *sql, *names[64];
	int n = 0, i, rc = 0;

	while (sqlite3_step(st) == SQLITE_ROW && n < 64)
		names[n++] = cs_xstrdup((const char *)sqlite3_column_text(st,
		    0));
	sqlite3_reset(st);
	for (i = 0; i < n; i++) {
		sql = sqlite3_mprintf("UPDATE OR IGNORE \"%w\" SET customer_id = %lld "
		    "WHERE customer_id = %lld", names[i], (long long)keep,
		    (long long)drop);
		if (!rc && sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
			rc = cs_db_fail("merge");
		sqlite3_free(sql);
		free(names[i]);
	}
	return rc;
}

int
cs_customer_merge(int64_t keep, int64_t drop, const char **problem)
{
	struct row k = { 0 }, d = { 0 };
	struct cs_customer_in in = { .nattr = 0 };
	struct cs_buf tags = { 0 };
	const char **an = NULL, **av = NULL;
	json_t *ka = NULL, *da = NULL, *v;
	const char *key;
	sqlite3_stmt *st;
	char *err = NULL, note[64];
	int rc, f, field;
	int64_t id = keep;
	size_t n = 0;

	*problem = NULL;
	if (keep == drop) {
		*problem = "a customer cannot be merged into itself";
		return -1;
	}
	if ((rc = load_id(keep, &k)) <= 0 || (rc = load_id(drop, &d)) <= 0) {
		*problem = "no such customer";
		rc = rc < 0 ? -rc : -1;
		goto out;
	}
	if (strcmp(k.status, "merged") == 0 || strcmp(k.status, "erased") == 0
	    || strcmp(d.status, "merged") == 0 ||
	    strcmp(d.status, "erased") == 0) {
		*problem = "merged or erased customers cannot be merged";
		rc = -1;
		goto out;
	}
	/* KEEP's values stay; DROP fills what KEEP lacks. */
	for (f = CS_CUST_NAME; f < CS_CUST_NFIELDS; f++)
		if (!k.v[f] && d.v[f] && f != CS_CUST_TAGS)
			in.v[f] = d.v[f];
	/* The phones: KEEP's first, then DROP's, each number once. */
	{
		const char *ph[4] = { k.v[CS_CUST_PHONE], k.v[CS_CUST_PHONE2],
			d.v[CS_CUST_PHONE], d.v[CS_CUST_PHONE2] }, *u[2] = { 0 };
		int j, m = 0;

		for (j = 0; j < 4 && m < 2; j++)
			if (ph[j] && (!m || strcmp(ph[j], u[0]) != 0))
				u[m++] = ph[j];
		in.v[CS_CUST_PHONE] = u[0];
		in.v[CS_CUST_PHONE2] = u[1];
	}
	cs_buf_adds(&tags, k.v[CS_CUST_TAGS] ? k.v[CS_CUST_TAGS] : "");
	cs_buf_addc(&tags, ';');
	cs_buf_adds(&tags, d.v[CS_CUST_TAGS] ? d.v[CS_CUST_TAGS] : "");
	in.v[CS_CUST_TAGS] = cs_buf_str(&tags);
	ka = json_loads(k.attrs ? k.attrs : "{}", 0, NULL);
	da = json_loads(d.attrs ? d.attrs : "{}", 0, NULL);
	if (ka && da) {
		an = cs_xcalloc(json_object_size(da) + 1, sizeof(*an));
		av = cs_xcalloc(json_object_size(da) + 1, sizeof(*av));
		json_object_foreach(da, key, v) {
			if (json_object_get(ka, key) || !json_is_string(v))
				continue;
			an[n] = key;
			av[n++] = json_string_value(v);
		}
	}
	in.nattr = n;
	in.attr_name = an;
	in.attr_value = av;
	rc = cs_customer_put(&in, CS_PUT_UPDATE, &id, &field, &err);
	if (rc < 0) {
		*problem = "the merged values do not fit";
		free(err);
		goto out;
	}
	snprintf(note, sizeof(note), "merged into %lld, which has this task",
	    (long long)keep);
	if (rc > CS_ROW_UNCHANGED || (rc = move_rows(keep, drop)) ||
	    (rc = cancel_revisits(drop, note)))
		goto out;
	st = cs_sql("UPDATE customer SET status = 'merged', merged_into = ?, "
	    "updated_at = ? WHERE id = ?");
	sqlite3_bind_int64(st, 1, keep);
	sqlite3_bind_int64(st, 2, cs_now());
	sqlite3_bind_int64(st, 3, drop);
	if ((rc = cs_step_done(st, "merge")))
		goto out;
	snprintf(note, sizeof(note), "merged into %lld", (long long)keep);
	if ((rc = cs_log_change("customer", drop, "status", d.status, "merged",
	    note)))
		goto out;
	snprintf(note, sizeof(note), "%lld merged in", (long long)drop);
	rc = cs_log_change("customer", keep, NULL, NULL, "merge", note);
out:
	free(an);
	free(av);
	json_decref(ka);
	json_decref(da);
	cs_buf_free(&tags);
	row_free(&k);
	row_free(&d);
	return rc;
}

/* Clears what identifies customer id, in its row and in the change log. */
static int
anonymise(int64_t id, const char *status)
{
	sqlite3_stmt *st;
	int rc, i;

	st = cs_sql("UPDATE customer SET name = '(erased)', phone = NULL, "
	    "phone2 = NULL, email = NULL, email_key = NULL, wechat = NULL, "
	    "address = NULL, birthday = NULL, notes = NULL, attrs = '{}', "
	    "contact_note = NULL, status = ?, updated_at = ? WHERE id = ?");
	cs_bind_text(st, 1, status, 0);
	sqlite3_bind_int64(st, 2, cs_now());
	sqlite3_bind_int64(st, 3, id);
	if ((rc = cs_step_done(st, "erase")) ||
	    (rc = cancel_revisits(id, "customer erased")))
		return rc;
	/* The log must not keep what was erased: its values go too. */
	for (i = 0; personal[i] >= 0; i++) {
		st = cs_sql("UPDATE change_log SET old_value = NULL, new_value = "
		    "NULL WHERE entity = 'customer' AND entity_id = ? AND "
		    "field = ?");
		sqlite3_bind_int64(st, 1, id);
		cs_bind_text(st, 2, cs_customer_field[personal[i]], 0);
		if ((rc = cs_step_done(st, "erase")))
			return rc;
	}
	st = cs_sql("UPDATE change_log SET old_value = NULL, new_value = NULL, "
	    "note = NULL WHERE entity = 'customer' AND entity_id = ? AND "
	    "(field LIKE 'attr.%' OR field = 'contact')");
	sqlite3_bind_int64(st, 1, id);
	return cs_step_done(st, "erase");
}

int
cs_customer_erase(int64_t id, const char **problem)
{
	sqlite3_stmt *st;
	char status[16];
	int64_t *merged = NULL;
	size_t n = 0, i;
	int rc;

	if (!cs_customer_status(id, status)) {
		*problem = "no such customer";
		return -1;
	}
	if (strcmp(status, "erased") == 0) {
		*problem = "this customer is erased already";
		return -1;
	}
	/* The records merged into this one hold the same person. */
	st = cs_sql("WITH RECURSIVE m(id) AS (SELECT id FROM customer WHERE "
	    "merged_into = ?1 UNION SELECT c.id FROM customer c JOIN m ON "
	    "c.merged_into = m.id) SELECT id FROM m");
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		merged = cs_xrealloc(merged, (n + 1) * sizeof(*merged));
		merged[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	rc = anonymise(id, "erased");
	for (i = 0; i < n && !rc; i++)
		rc = anonymise(merged[i], "merged");
	free(merged);
	if (rc)
		return rc;
	return cs_log_change("customer", id, "status", status, "erased",
	    "privacy request");
}

/* ---- the list query ---------------------------------------------------- */

const struct cs_col cs_customer_cols[] = {
	{ "id", "编号", CS_COL_NUM },
	{ "code", "客户号", CS_COL_TEXT },
	{ "name", "姓名", CS_COL_TEXT },
	{ "phone", "电话", CS_COL_TEXT },
	{ "phone2", "电话2", CS_COL_TEXT },
	{ "email", "邮箱", CS_COL_TEXT },
	{ "wechat", "微信", CS_COL_TEXT },
	{ "company", "公司", CS_COL_TEXT },
	{ "city", "城市", CS_COL_TEXT },
	{ "segment", "分类", CS_COL_TEXT },
	{ "tags", "标签", CS_COL_TEXT },
	{ "owner", "负责专员", CS_COL_TEXT },
	{ "status", "状态", CS_COL_TEXT },
};
const size_t cs_customer_ncols = sizeof(cs_customer_cols) /
    sizeof(cs_customer_cols[0]);

/* Fields usable in --where and --sort, and their SQL. */
static const struct {
	const char *name, *sql;
	int when;		/* compares as an instant */
} fields[] = {
	{ "id", "c.id", 0 }, { "code", "c.code", 0 }, { "name", "c.name", 0 },
	{ "phone", "c.phone", 0 }, { "phone2", "c.phone2", 0 },
	{ "email", "c.email", 0 }, { "wechat", "c.wechat", 0 },
	{ "company", "c.company", 0 }, { "city", "c.city", 0 },
	{ "address", "c.address", 0 }, { "segment", "c.segment", 0 },
	{ "tags", "c.tags", 0 },
	{ "owner", "(SELECT login FROM agent a WHERE a.id = c.owner_id)", 0 },
	{ "birthday", "c.birthday", 0 }, { "notes", "c.notes", 0 },
	{ "status", "c.status", 0 }, { "contact_reason", "c.contact_reason", 0 },
	{ "created_at", "c.created_at", 1 }, { "updated_at", "c.updated_at", 1 },
	{ NULL, NULL, 0 }
};

enum { P_TEXT, P_REAL, P_INT };
struct param {
	int type;
	char *s;
	double d;
	int64_t i;
};

struct query {
	struct cs_buf sql;
	struct param p[256];
	int n;
};

/* Parameters past the last slot are dropped; the query is then refused
 * as having too many filters. */
static void
add_text(struct query *q, const char *s)
{
	if (q->n < 256) {
		q->p[q->n].type = P_TEXT;
		q->p[q->n++].s = cs_xstrdup(s);
	}
}

static void
add_num(struct query *q, int type, double d, int64_t i)
{
	if (q->n < 256) {
		q->p[q->n].type = type;
		q->p[q->n].d = d;
		q->p[q->n++].i = i;
	}
}

/* The SQL of a field name, binding an attribute's JSON path; NULL when
 * unknown. *when is set for instants. */
static const char *
field_sql(struct query *q, const char *name, int *when)
{
	char *path;
	int i;

	*when = 0;
	if (strncmp(name, "attr.", 5) == 0) {
		if (check_attr_name(name + 5))
			return NULL;
		path = cs_xasprintf("$.\"%s\"", name + 5);
		add_text(q, path);
		free(path);
		return "json_extract(c.attrs, ?)";
	}
	for (i = 0; fields[i].name; i++)
		if (strcmp(fields[i].name, name) == 0) {
			*when = fields[i].when;
			return fields[i].sql;
		}
	return NULL;
}

static int
is_number(const char *s, double *d)
{
	char *end;

	if (!*s || isspace((unsigned char)*s))
		return 0;
	*d = strtod(s, &end);
	return *end == '\0';
}

/* Escapes % _ and \ for LIKE ... ESCAPE '\'. Caller frees. */
static char *
like_pattern(const char *s)
{
	struct cs_buf b = { 0 };

	cs_buf_addc(&b, '%');
	for (; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			cs_buf_addc(&b, '\\');
		cs_buf_addc(&b, *s);
	}
	cs_buf_addc(&b, '%');
	return b.s;
}

static int where_value(struct query *, const char *, char *, const char *,
    const char *);

static int
where(struct query *q, const char *w)
{
	static const char *const ops[] = { "!=", "<=", ">=", "=", "<", ">",
		"~", NULL };
	const char *op = NULL, *p;
	char *name, *value;
	int i, rc;

	p = w + strcspn(w, "=!<>~");
	if (!*p || p == w)
		return cs_err(CS_EX_DATAERR, "--where %s: write FIELD OP VALUE "
		    "with OP one of = != < <= > >= ~", w);
	for (i = 0; ops[i]; i++)
		if (strncmp(p, ops[i], strlen(ops[i])) == 0) {
			op = ops[i];
			break;
		}
	if (!op)
		return cs_err(CS_EX_DATAERR, "--where %s: unknown operator", w);
	name = cs_xstrndup(w, (size_t)(p - w));
	cs_text_trim(name);
	value = cs_text_trim(cs_xstrdup(p + strlen(op)));
	rc = where_value(q, w, name, op, value);
	free(value);
	return rc;
}

static int
where_value(struct query *q, const char *w, char *name, const char *op,
    const char *value)
{
	const char *expr;
	char ymd[11], *norm, *key;
	int when, n, ordered;
	int64_t t;
	double d;

	n = q->n;
	expr = field_sql(q, name, &when);
	if (!expr) {
		cs_warn("--where %s: unknown field '%s' (a column such as city "
		    "or segment, or attr.NAME)", w, name);
		free(name);
		return CS_EX_DATAERR;
	}
	free(name);
	cs_buf_adds(&q->sql, " AND ");
	if (when) {
		if (*op == '~')
			return cs_err(CS_EX_DATAERR, "--where %s: ~ does not "
			    "apply to times", w);
		if (cs_parse_when(value, cs_now(), &t) < 0) {
			q->n = n;
			return cs_err(CS_EX_DATAERR, "--where %s: not a date or "
			    "time (%s)", w, value);
		}
		cs_buf_addf(&q->sql, "%s %s ?", expr, op);
		add_num(q, P_INT, 0, t);
		return 0;
	}
	if (strcmp(expr, "c.tags") == 0 && (*op == '=' || *op == '!')) {
		cs_buf_addf(&q->sql, "instr(';' || c.tags || ';', ';' || ? || "
		    "';') %s 0", *op == '=' ? ">" : "=");
		add_text(q, value);
		return 0;
	}
	if (*op == '~') {
		cs_buf_addf(&q->sql, "instr(lower(coalesce(%s, '')), lower(?)) "
		    "> 0", expr);
		add_text(q, value);
		return 0;
	}
	if (strcmp(expr, "c.id") == 0) {
		if (!is_number(value, &d))
			return cs_err(CS_EX_DATAERR, "--where %s: an id is a "
			    "number", w);
		cs_buf_addf(&q->sql, "c.id %s ?", op);
		add_num(q, P_REAL, d, 0);
		return 0;
	}
	ordered = strcmp(op, "=") != 0 && strcmp(op, "!=") != 0;
	/* A phone or an e-mail address is looked for as it would be stored,
	 * however it is written ("phone=138 1234 5678"), and an address
	 * matches in any case, as dedupe matches it; a value that is
	 * neither compares as text below. */
	if (!ordered && (strcmp(expr, "c.phone") == 0 ||
	    strcmp(expr, "c.phone2") == 0) &&
	    (norm = cs_phone_norm(value, NULL, NULL)) != NULL) {
		cs_buf_addf(&q->sql, "coalesce(%s, '') %s ?", expr, op);
		add_text(q, norm);
		free(norm);
		return 0;
	}
	if (!ordered && strcmp(expr, "c.email") == 0 &&
	    (norm = cs_email_norm(value, NULL)) != NULL) {
		key = cs_email_key(norm);
		cs_buf_addf(&q->sql, "coalesce(c.email_key, '') %s ?", op);
		add_text(q, key);
		free(key);
		free(norm);
		return 0;
	}
	/* Dates compare as dates: both sides as YYYY-MM-DD, a time
	 * stored as its local day (cs_day, as cs-revisit plan reads a date
	 * attribute). A customer without the value, or with one that is no
	 * date (a number is none), has no date to compare: it matches only
	 * !=. */
	if (cs_parse_ymd(value, ymd) == 0 || (!is_number(value, &d) &&
	    cs_parse_date(value, cs_now(), &t) == 0 && cs_fmt_date(t, ymd))) {
		if (strcmp(op, "!=") == 0)
			cs_buf_addf(&q->sql, "coalesce(cs_day(%s), '') != ?",
			    expr);
		else
			cs_buf_addf(&q->sql, "cs_day(%s) %s ?", expr, op);
		add_text(q, ymd);
		return 0;
	}
	if (ordered && is_number(value, &d)) {
		cs_buf_addf(&q->sql, "CAST(%s AS REAL) %s ?", expr, op);
		add_num(q, P_REAL, d, 0);
		return 0;
	}
	if (ordered)
		cs_buf_addf(&q->sql, "nullif(%s, '') %s ?", expr, op);
	else
		cs_buf_addf(&q->sql, "coalesce(%s, '') %s ?", expr, op);
	add_text(q, value);
	return 0;
}

static int
order(struct query *q, const char *sort)
{
	char *copy = cs_xstrdup(sort), *tok, *save = NULL;
	const char *expr;
	int desc, when, k = 0, rc = 0;

	cs_buf_adds(&q->sql, " ORDER BY ");
	for (tok = strtok_r(copy, ",", &save); tok;
	    tok = strtok_r(NULL, ",", &save)) {
		desc = *tok == '-';
		expr = field_sql(q, tok + desc, &when);
		if (!expr) {
			rc = cs_err(CS_EX_DATAERR, "--sort: unknown field '%s'",
			    tok + desc);
			break;
		}
		/* An attribute that holds a plain decimal number (a sign,
		 * digits, one point) sorts as one (5000 after 90), before
		 * those that hold text; one without it comes first. */
		if (strncmp(tok + desc, "attr.", 5) == 0)
			cs_buf_addf(&q->sql, "%s(SELECT CASE WHEN u GLOB "
			    "'*[0-9]*' AND u NOT GLOB '*[^0-9.]*' AND u NOT "
			    "GLOB '*.*.*' THEN CAST(v AS REAL) ELSE v END FROM "
			    "(SELECT v, substr(v, 1 + (v GLOB '[+-]*')) AS u "
			    "FROM (SELECT %s AS v)))%s", k++ ? ", " : "", expr,
			    desc ? " DESC" : "");
		else
			cs_buf_addf(&q->sql, "%s%s%s", k++ ? ", " : "", expr,
			    desc ? " DESC" : "");
	}
	free(copy);
	if (!rc)
		cs_buf_addf(&q->sql, "%sc.id", k ? ", " : "");
	return rc;
}

static int
prepare(const char *sql, const struct param *p, int n, sqlite3_stmt **out)
{
	sqlite3 *db;
	int i, rc;

	if ((rc = cs_db_open(CS_DB_READ, &db)))
		return rc;
	if (sqlite3_prepare_v2(db, sql, -1, out, NULL) != SQLITE_OK)
		return cs_db_fail("customer query");
	for (i = 0; i < n; i++) {
		if (p[i].type == P_TEXT)
			sqlite3_bind_text(*out, i + 1, p[i].s, -1,
			    SQLITE_TRANSIENT);
		else if (p[i].type == P_REAL)
			sqlite3_bind_double(*out, i + 1, p[i].d);
		else
			sqlite3_bind_int64(*out, i + 1, p[i].i);
	}
	return 0;
}

int
cs_customer_query(const struct cs_customer_filter *f, sqlite3_stmt **out)
{
	struct query *q;
	char *digits, *pat, *srch;
	size_t i;
	int rc = 0, k;
	const char *s;

	/* a login that is no agent is a typo, not a list of nobody that a
	 * pipe into cs-revisit plan would take in silence */
	if (f->owner) {
		if ((rc = cs_db_open(CS_DB_READ, NULL)))
			return rc;
		if (!cs_agent_id(f->owner))
			return cs_err(CS_EX_DATAERR, "--owner %s: no agent "
			    "'%s': see cs-agent list", f->owner, f->owner);
	}
	q = cs_xcalloc(1, sizeof(*q));
	cs_buf_adds(&q->sql, "SELECT c.id, c.code, c.name, c.phone, c.phone2, "
	    "c.email, c.wechat, c.company, c.city, c.segment, "
	    "nullif(c.tags, ''), (SELECT login FROM agent a WHERE a.id = "
	    "c.owner_id), c.status FROM customer c WHERE 1");
	if (f->status) {
		cs_buf_adds(&q->sql, " AND c.status = ?");
		add_text(q, f->status);
	} else if (!f->all)
		cs_buf_adds(&q->sql, " AND c.status IN ('active', 'invalid')");
	if (f->segment) {
		cs_buf_adds(&q->sql, " AND c.segment = ?");
		add_text(q, f->segment);
	}
	if (f->city) {
		cs_buf_adds(&q->sql, " AND c.city = ?");
		add_text(q, f->city);
	}
	if (f->owner) {
		cs_buf_adds(&q->sql, " AND c.owner_id = (SELECT id FROM agent "
		    "WHERE login = ?)");
		add_text(q, f->owner);
	}
	for (i = 0; i < f->ntags; i++) {
		cs_buf_adds(&q->sql, " AND instr(';' || c.tags || ';', ';' || ? "
		    "|| ';') > 0");
		add_text(q, f->tags[i]);
	}
	if (f->search && *f->search) {
		/* Both sides NFKC and case folded: "alice" finds "Ａｌｉｃｅ"
		 * and "ＡＬＩＣＥ" finds "Alice"; full-width digits typed
		 * with a Chinese input method find the phone. */
		if ((srch = cs_text_fold(f->search)) == NULL)
			srch = cs_xstrdup(f->search);
		pat = like_pattern(srch);
		cs_buf_adds(&q->sql, " AND (cs_fold(c.name) LIKE ? ESCAPE "
		    "'\\' OR cs_fold(c.company) LIKE ? ESCAPE '\\' OR "
		    "cs_fold(c.code) LIKE ? ESCAPE '\\' OR c.email LIKE ? "
		    "ESCAPE '\\' OR cs_fold(c.wechat) LIKE ? ESCAPE '\\'");
		for (k = 0; k < 5; k++)
			add_text(q, pat);
		free(pat);
		digits = cs_xcalloc(strlen(srch) + 1, 1);
		for (s = srch, k = 0; *s; s++)
			if (isdigit((unsigned char)*s))
				digits[k++] = *s;
		if (k >= 3) {
			pat = like_pattern(digits);
			cs_buf_adds(&q->sql, " OR replace(coalesce(c.phone, ''),"
			    " '-', '') LIKE ? OR replace(coalesce(c.phone2, "
			    "''), '-', '') LIKE ?");
			add_text(q, pat);
			add_text(q, pat);
			free(pat);
		}
		free(digits);
		free(srch);
		cs_buf_adds(&q->sql, ")");
	}
	for (i = 0; i < f->nwhere && !rc; i++)
		rc = where(q, f->where[i]);
	if (!rc)
		rc = order(q, f->sort ? f->sort : "");
	if (!rc && f->limit > 0)
		cs_buf_addf(&q->sql, " LIMIT %ld", f->limit);
	if (!rc && q->n >= 256)
		rc = cs_err(CS_EX_USAGE, "too many filters");
	if (!rc)
		rc = prepare(q->sql.s, q->p, q->n, out);
	for (k = 0; k < q->n; k++)
		free(q->p[k].s);
	cs_buf_free(&q->sql);
	free(q);
	return rc;
}
