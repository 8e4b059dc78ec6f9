/* test_map.c - the string-keyed hash table of common/map.c */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cs.h"

static void
test_put_get(void **state)
{
	struct cs_map *m = cs_map_new();
	int64_t v = 0;

	(void)state;
	assert_int_equal(cs_map_get(m, "C001", &v), 0);
	assert_int_equal(cs_map_put(m, "C001", 2, NULL), 1);
	assert_int_equal(cs_map_put(m, "王芳", 3, NULL), 1);
	assert_int_equal(cs_map_put(m, "", 4, NULL), 1);
	assert_int_equal(cs_map_get(m, "C001", &v), 1);
	assert_int_equal(v, 2);
	assert_int_equal(cs_map_get(m, "王芳", &v), 1);
	assert_int_equal(v, 3);
	assert_int_equal(cs_map_get(m, "", NULL), 1);
	assert_int_equal(cs_map_get(m, "C00", NULL), 0);
	/* a key met again keeps one entry and says what it held */
	v = 0;
	assert_int_equal(cs_map_put(m, "C001", 9, &v), 0);
	assert_int_equal(v, 2);
	assert_int_equal(cs_map_get(m, "C001", &v), 1);
	assert_int_equal(v, 9);
	cs_map_free(m);
	cs_map_free(NULL);
}

/* Many keys: the table grows and the key blocks fill up, one key longer
 * than a block included; the caller's buffer is reused for every key. */
static void
test_many(void **state)
{
	struct cs_map *m = cs_map_new();
	char key[32], *big = malloc(200000);
	int64_t v;
	int i;

	(void)state;
	assert_non_null(big);
	memset(big, 'x', 199999);
	big[199999] = '\0';
	for (i = 0; i < 100000; i++) {
		snprintf(key, sizeof(key), "K%08d", i);
		assert_int_equal(cs_map_put(m, key, i, NULL), 1);
		if (i == 5000)
			assert_int_equal(cs_map_put(m, big, -1, NULL), 1);
	}
	for (i = 0; i < 100000; i++) {
		snprintf(key, sizeof(key), "K%08d", i);
		assert_int_equal(cs_map_get(m, key, &v), 1);
		assert_int_equal(v, i);
	}
	assert_int_equal(cs_map_get(m, big, &v), 1);
	assert_int_equal(v, -1);
	big[100] = '\0';
	assert_int_equal(cs_map_get(m, big, NULL), 0);
	free(big);
	cs_map_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_get),
		cmocka_unit_test(test_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
