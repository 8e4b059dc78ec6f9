/*
 * fuzz_phone.c - phone numbers and e-mail addresses (phone.c), the input
 * as a whole and each line and tab-separated field of it. A normal form
 * must be its own normal form (of the same kind), and masks and digits
 * must be made of it without fault.
 */
#include "fuzz.h"

static void
one(const char *s)
{
	enum cs_phone_kind kind, kind2;
	const char *problem;
	char *norm, *again, *x;

	if ((norm = cs_phone_norm(s, &kind, &problem)) != NULL) {
		FUZZ_CHECK(problem == NULL, "%s", s);
		again = cs_phone_norm(norm, &kind2, &problem);
		FUZZ_CHECK(again && strcmp(again, norm) == 0 && kind2 == kind,
		    "%s -> %s -> %s (%s)", s, norm, again ? again : "NULL",
		    again ? "" : problem);
		free(again);
		x = cs_phone_digits(norm);
		FUZZ_CHECK(strlen(x) >= 7 && strlen(x) <= 24, "%s: %s", norm,
		    x);
		free(x);
		x = cs_phone_mask(norm);
		FUZZ_CHECK(x && strcmp(x, norm) != 0, "%s: mask %s", norm, x);
		free(x);
		free(norm);
	} else
		FUZZ_CHECK(problem && *problem, "%s: no problem given", s);
	if ((norm = cs_email_norm(s, &problem)) != NULL) {
		again = cs_email_norm(norm, &problem);
		FUZZ_CHECK(again && strcmp(again, norm) == 0, "%s -> %s -> %s",
		    s, norm, again ? again : "NULL");
		free(again);
		free(cs_email_key(norm));
		x = cs_email_mask(norm);
		FUZZ_CHECK(x && strcmp(x, norm) != 0, "%s: mask %s", norm, x);
		free(x);
		free(norm);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *f, *save = NULL;

	s = fuzz_str(data, size);
	one(s);
	if (strpbrk(s, "\t\n"))
		for (f = strtok_r(s, "\t\n", &save); f;
		    f = strtok_r(NULL, "\t\n", &save))
			one(f);
	free(s);
	return 0;
}
