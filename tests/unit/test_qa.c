/* test_qa.c - the pure parts of common/qa.c: the hash of the spot-check
 * draw, numbers in hundredths, and whether a value meets its target */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cs.h"

/* The values were computed by an independent implementation (Python) of
 * the algorithm cs-ticket(1) documents. */
static void
test_hash(void **state)
{
	(void)state;
	assert_true(cs_qa_hash("", 0) == 0xf52a15e9a9b5e89bULL);
	assert_true(cs_qa_hash("2026-W47", 1) == 0x5eefb25c5e62ad39ULL);
	assert_true(cs_qa_hash("2026-W47", 2) == 0xdd50cbd81cd6a8e5ULL);
	assert_true(cs_qa_hash("质检", 42) == 0xe3f7f7da05d1b504ULL);
}

static void
test_hundredths(void **state)
{
	int64_t h;

	(void)state;
	assert_int_equal(cs_hundredths("90", &h), 0);
	assert_true(h == 9000);
	assert_int_equal(cs_hundredths("4.5", &h), 0);
	assert_true(h == 450);
	assert_int_equal(cs_hundredths("73.33", &h), 0);
	assert_true(h == 7333);
	assert_int_equal(cs_hundredths("0.08", &h), 0);
	assert_true(h == 8);
	assert_int_equal(cs_hundredths("-8.34", &h), 0);
	assert_true(h == -834);
	assert_int_equal(cs_hundredths("1.234", &h), -1);
	assert_int_equal(cs_hundredths("4.", &h), -1);
	assert_int_equal(cs_hundredths(".5", &h), -1);
	assert_int_equal(cs_hundredths("", &h), -1);
	assert_int_equal(cs_hundredths("1e3", &h), -1);
	assert_int_equal(cs_hundredths("1.2.3", &h), -1);
}

static void
test_met(void **state)
{
	(void)state;
	assert_string_equal(cs_target_met("90.00", ">=90"), "yes");
	assert_string_equal(cs_target_met("89.99", ">=90"), "no");
	assert_string_equal(cs_target_met("0.25", "<=0.25"), "yes");
	assert_string_equal(cs_target_met("0.26", "<=0.25"), "no");
	assert_string_equal(cs_target_met("73.33", ">=73.33"), "yes");
	assert_null(cs_target_met(NULL, ">=90"));
	assert_null(cs_target_met("", ">=90"));
	assert_null(cs_target_met("90.00", NULL));
	assert_null(cs_target_met("90.00", ""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_hundredths),
		cmocka_unit_test(test_met),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
