/* min-write - the floor for writing CSV: fputs of fixed fields.
 * Usage: min-write N > FILE */
#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000000, i;
	char code[16];

	for (i = 0; i < n; i++) {
		snprintf(code, sizeof(code), "C%08ld", i);
		fputs(code, stdout);
		fputs(",王芳,13812345678,wang.fang@example.com,杭州,vip,"
		    "vip;老客户,老客户，偏好电话联系", stdout);
		fputs("\n", stdout);
	}
	return 0;
}
