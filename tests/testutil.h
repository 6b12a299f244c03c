/* testutil.h - shared helpers for the cmocka suites (tests/test_*.c). */
#ifndef SMTPCODE_TESTUTIL_H
#define SMTPCODE_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A temporary file to print into, then read back as one string. */
static inline FILE *capture_open(void)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	return f;
}

/* Reads all of f into a new NUL-terminated string (free it) and closes f. */
static inline char *capture_close(FILE *f)
{
	long n;
	char *s;

	assert_int_equal(fflush(f), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

#endif
