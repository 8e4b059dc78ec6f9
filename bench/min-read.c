/* min-read - the floor for reading CSV: libcsv with empty callbacks.
 * Usage: min-read FILE [strict]; "strict" sets the options that cs must
 * use (strict quoting, spaces are data), the fair floor of its reader. */
#include <stdio.h>
#include <stdlib.h>

#include <csv.h>

static long fields, records;

static void
cb1(void *s, size_t n, void *p)
{
	(void)s, (void)n, (void)p;
	fields++;
}

static void
cb2(int c, void *p)
{
	(void)c, (void)p;
	records++;
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

int
main(int argc, char **argv)
{
	struct csv_parser p;
	static char buf[1 << 16];
	FILE *fp = argc > 1 ? fopen(argv[1], "rb") : stdin;
	size_t n;

	if (!fp || csv_init(&p, argc > 2 ? CSV_STRICT | CSV_STRICT_FINI : 0)
	    != 0)
		return 1;
	if (argc > 2)
		csv_set_space_func(&p, no_space);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		if (csv_parse(&p, buf, n, cb1, cb2, NULL) != n)
			return 1;
	csv_fini(&p, cb1, cb2, NULL);
	csv_free(&p);
	fprintf(stderr, "%ld records, %ld fields\n", records, fields);
	return 0;
}
