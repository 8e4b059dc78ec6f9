/* cs-write - writes N rows with libcs's CSV writer, as list/export do. */
#include <stdio.h>
#include <stdlib.h>

#include "cs.h"

int
main(int argc, char **argv)
{
	static const struct cs_col cols[] = {
		{ "code", NULL, CS_COL_TEXT }, { "name", NULL, CS_COL_TEXT },
		{ "phone", NULL, CS_COL_TEXT }, { "email", NULL, CS_COL_TEXT },
		{ "city", NULL, CS_COL_TEXT }, { "segment", NULL, CS_COL_TEXT },
		{ "tags", NULL, CS_COL_TEXT }, { "notes", NULL, CS_COL_TEXT },
	};
	const char *v[8] = { NULL, "王芳", "13812345678",
		"wang.fang@example.com", "杭州", "vip", "vip;老客户",
		"老客户，偏好电话联系" };
	long n = argc > 1 ? atol(argv[1]) : 1000000, i;
	struct cs_out *o;
	char code[16];

	cs_init(argc, argv);
	o = cs_out_new(stdout, CS_FMT_CSV, cols, 8);
	v[0] = code;
	for (i = 0; i < n; i++) {
		snprintf(code, sizeof(code), "C%08ld", i);
		cs_out_row(o, v);
	}
	return cs_exit(cs_out_end(o));
}
