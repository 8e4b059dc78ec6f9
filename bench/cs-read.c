/* cs-read - reads FILE with libcs's record reader, as importers do. */
#include <stdio.h>

#include "cs.h"

int
main(int argc, char **argv)
{
	const struct cs_record *rec;
	struct cs_reader *r;
	long records = 0, fields = 0;
	int rc;

	cs_init(argc, argv);
	if (argc < 2 || cs_reader_open(&r, argv[1], CS_IN_AUTO, NULL, NULL))
		return 1;
	while ((rc = cs_reader_next(r, &rec)) == 0) {
		records++;
		fields += (long)rec->n;
	}
	cs_reader_close(r);
	fprintf(stderr, "%ld records, %ld fields\n", records, fields);
	return rc > 0 ? rc : 0;
}
