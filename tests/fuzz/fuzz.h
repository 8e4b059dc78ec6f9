/* fuzz.h - what the fuzz harnesses of tests/fuzz share. A harness is one
 * file tests/fuzz/fuzz_NAME.c defining LLVMFuzzerTestOneInput; its seeds
 * are tests/fuzz/corpus/NAME/ and the shared files tests/fuzz/NAME.seeds
 * lists; inputs that crashed it go to tests/fuzz/crashes/NAME/. */
#ifndef FUZZ_H
#define FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A property that must hold for every input: a failure is a crash. */
#define FUZZ_CHECK(cond, ...) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, \
		    __LINE__, #cond); \
		fprintf(stderr, __VA_ARGS__); \
		fputc('\n', stderr); \
		abort(); \
	} \
} while (0)

/* The input as a C string (caller frees); NUL bytes end it early. */
static inline char *
fuzz_str(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
