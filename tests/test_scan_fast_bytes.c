/* test_scan_fast_bytes.c - what the fast path reads a Postfix record's
 * fields with (src/lib/scan_fast_bytes.h) gives what plain loops give:
 * the comparison of a name with memcmp, on every length and every place
 * the bytes first differ; the syslog time stamp's clock, read as one word
 * (scan_fast.c), with every byte in every place. */
#include "testutil.h"
#include "scan_fast_bytes.h"
#include "scan_fast.h"

static unsigned long seed = 7;

static unsigned pick(unsigned n)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((seed >> 33) % n);
}

/* scan_fast_same(p, lit, n) for a constant n, as FIELD calls it. */
#define SAME(p, lit, n) scan_fast_same((p), (lit), (n))
static int same_at(const char *p, const char *lit, size_t n)
{
	switch (n) {
	case 1: return SAME(p, lit, 1);
	case 2: return SAME(p, lit, 2);
	case 3: return SAME(p, lit, 3);
	case 4: return SAME(p, lit, 4);
	case 5: return SAME(p, lit, 5);
	case 6: return SAME(p, lit, 6);
	case 7: return SAME(p, lit, 7);
	case 8: return SAME(p, lit, 8);
	case 9: return SAME(p, lit, 9);
	case 10: return SAME(p, lit, 10);
	case 11: return SAME(p, lit, 11);
	case 12: return SAME(p, lit, 12);
	case 13: return SAME(p, lit, 13);
	case 14: return SAME(p, lit, 14);
	case 15: return SAME(p, lit, 15);
	case 16: return SAME(p, lit, 16);
	case 17: return SAME(p, lit, 17);
	default: return SAME(p, lit, 20);
	}
}

/* Every length from 1 to 17 and 20, the bytes the same or one of them
 * changed (each place, each bit), as memcmp says. */
static void test_same__every_length_and_place__as_memcmp(void **state)
{
	static const size_t lengths[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 20 };
	char lit[24], p[24];
	size_t i, at, bit, k;
	(void)state;

	for (i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
		size_t n = lengths[i];
		for (k = 0; k < 20; k++) {
			for (at = 0; at < sizeof lit; at++)
				lit[at] = (char)(' ' + pick(95));
			memcpy(p, lit, sizeof p);
			assert_true(same_at(p, lit, n));
			for (at = 0; at < n; at++)
				for (bit = 0; bit < 8; bit++) {
					p[at] = (char)(lit[at] ^ (1 << bit));
					assert_int_equal(same_at(p, lit, n), memcmp(p, lit, n) == 0);
					assert_false(same_at(p, lit, n));
					p[at] = lit[at];
				}
			/* the bytes after n are not compared */
			p[n] = (char)(lit[n] ^ 1);
			assert_true(same_at(p, lit, n));
		}
	}
}

/* The stamp as a loop of byte tests reads it: "Nov 22 10:00:00 " (the
 * RFC 3339 form is read the same way as before). */
static const char *stamp_by_bytes(const char *p)
{
	static const char shape[] = "Aaa ?d dd:dd:dd ";
	size_t i;

	for (i = 0; shape[i]; i++) {
		char c = p[i], k = shape[i];
		int ok = k == 'A'   ? c >= 'A' && c <= 'Z'
		         : k == 'a' ? c >= 'a' && c <= 'z'
		         : k == 'd' ? c >= '0' && c <= '9'
		         : k == '?' ? c == ' ' || (c >= '0' && c <= '9')
		                    : c == k;
		if (!ok)
			return NULL;
	}
	return p + i;
}

/* Every byte in every place of a syslog stamp, the bytes after it of any
 * value: the same end as the loop's, or none. */
static void test_stamp_end__every_byte_in_every_place__as_a_loop(void **state)
{
	static const char *const stamps[] = { "Nov 22 10:00:01 mx", "Jan  2 23:59:59 x", "Dec 31 00:00:00 " };
	static char line[SMTPCODE_SCAN_LINE_MAX + 1]; /* a scanner's line buffer */
	size_t i, at;
	int c;
	(void)state;

	for (i = 0; i < sizeof stamps / sizeof stamps[0]; i++)
		for (at = 0; at < 16; at++)
			for (c = 0; c < 256; c++) {
				memset(line, pick(2) ? 0 : 'x', 64);
				strcpy(line, stamps[i]);
				line[at] = (char)c;
				assert_ptr_equal(smtpcode__stamp_end(line), stamp_by_bytes(line));
			}
	strcpy(line, "Nov 22 10:00:01 mx");
	assert_ptr_equal(smtpcode__stamp_end(line), line + 16);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same__every_length_and_place__as_memcmp),
		cmocka_unit_test(test_stamp_end__every_byte_in_every_place__as_a_loop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
