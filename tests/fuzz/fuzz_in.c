/*
 * fuzz_in.c - the record reader (in.c): CSV, JSON, JSON lines, with a
 * BOM, in UTF-8, GBK or GB18030, with known, prefix and required columns.
 * The input is the file, read the ways an importer may read it. Every
 * record must hold as many names as values, none NULL, on a line no
 * earlier than the one before; a refusal is 65 and stays so.
 */
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"

static const char *const known[] = { "code", "name", "phone", "notes",
	"attr.*", NULL };
static const char *const required[] = { "code", NULL };

static const struct way {
	enum cs_in_format fmt;
	const char *enc;
	int rules;		/* known and required columns */
	int ignore;		/* --ignore-unknown */
} ways[] = {
	{ CS_IN_AUTO, NULL, 0, 0 },
	{ CS_IN_AUTO, "utf-8", 1, 1 },
	{ CS_IN_CSV, NULL, 1, 0 },
	{ CS_IN_JSON, NULL, 1, 1 },
	{ CS_IN_JSONL, NULL, 0, 0 },
	{ CS_IN_AUTO, "gbk", 1, 1 },
	{ CS_IN_CSV, "gb18030", 0, 0 },
};

static void
read_all(const char *path, const struct way *w)
{
	struct cs_in_spec spec = { NULL, NULL, 0 };
	const struct cs_record *rec;
	struct cs_reader *r;
	long last = 0;
	size_t i;
	int st;

	if (w->rules) {
		spec.known = known;
		spec.required = required;
	}
	spec.ignore_unknown = w->ignore;
	if ((st = cs_reader_open(&r, path, w->fmt, w->enc, &spec)) != 0) {
		FUZZ_CHECK(st == CS_EX_DATAERR, "open status %d", st);
		return;
	}
	while ((st = cs_reader_next(r, &rec)) == 0) {
		FUZZ_CHECK(rec->line >= last && rec->line >= 1,
		    "line %ld after %ld", rec->line, last);
		last = rec->line;
		for (i = 0; i < rec->n; i++)
			FUZZ_CHECK(rec->names[i] && rec->values[i] &&
			    cs_record_get(rec, rec->names[i]), "field %zu", i);
		if (w->rules && !w->ignore)
			FUZZ_CHECK(cs_record_get(rec, "code"), "no code");
	}
	FUZZ_CHECK(st == -1 || st == CS_EX_DATAERR, "status %d", st);
	/* Once at the end or failed, it stays so. */
	FUZZ_CHECK(cs_reader_next(r, &rec) == st, "status changed");
	cs_reader_close(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	size_t i;
	int fd;

	/* The reader takes a path: the input is a file in memory, opened
	 * afresh (at its start) by each reader. */
	if ((fd = memfd_create("fuzz_in", 0)) == -1)
		abort();
	if (size > 0 && write(fd, data, size) != (ssize_t)size)
		abort();
	snprintf(path, sizeof path, "/dev/fd/%d", fd);
	for (i = 0; i < sizeof ways / sizeof ways[0]; i++)
		read_all(path, &ways[i]);
	close(fd);
	return 0;
}
