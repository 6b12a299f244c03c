/* test_lines.c - reading lines: every line end, NUL bytes, overlong lines. */
#include "testutil.h"
#include "lines.h"
#include "smtpcode.h"

static char got[64][64];
static size_t got_len[64];
static size_t ngot;

static void collect(const char *line, size_t len, void *arg)
{
	(void)arg;
	assert_true(ngot < 64);
	got_len[ngot] = len;
	memcpy(got[ngot], line, len < 64 ? len : 64);
	ngot++;
}

static void read_bytes(const char *bytes, size_t n)
{
	FILE *f = capture_open();

	assert_int_equal(fwrite(bytes, 1, n, f), n);
	rewind(f);
	ngot = 0;
	assert_int_equal(lines_read(f, collect, NULL), 0);
	fclose(f);
}

static void read__lf_crlf_cr_and_last_line(void **state)
{
	(void)state;
	read_bytes("a\nb\r\nc\rd", 8);
	assert_int_equal(ngot, 4);
	assert_memory_equal(got[0], "a", 1);
	assert_memory_equal(got[1], "b", 1);
	assert_memory_equal(got[2], "c", 1);
	assert_memory_equal(got[3], "d", 1);
	assert_int_equal(got_len[3], 1);
	read_bytes("a\n\nb\n", 5);
	assert_int_equal(ngot, 3);
	assert_int_equal(got_len[1], 0);
	read_bytes("", 0);
	assert_int_equal(ngot, 0);
	read_bytes("\r\n\r\n", 4);
	assert_int_equal(ngot, 2);
}

static void read__nul_bytes_kept(void **state)
{
	(void)state;
	read_bytes("a\0b\nc", 5);
	assert_int_equal(ngot, 2);
	assert_int_equal(got_len[0], 3);
	assert_memory_equal(got[0], "a\0b", 3);
}

static void read__long_line_cut_rest_skipped(void **state)
{
	static char big[SMTPCODE_SCAN_LINE_MAX * 3 + 3];

	(void)state;
	memset(big, 'x', sizeof big);
	big[sizeof big - 2] = '\n';
	big[sizeof big - 1] = 'y';
	read_bytes(big, sizeof big);
	assert_int_equal(ngot, 2);
	assert_int_equal(got_len[0], SMTPCODE_SCAN_LINE_MAX);
	assert_int_equal(got_len[1], 1);
	assert_memory_equal(got[1], "y", 1);
}

static void string__lines_of_text(void **state)
{
	(void)state;
	ngot = 0;
	lines_of_string("550-a\r\n550 b\nc", collect, NULL);
	assert_int_equal(ngot, 3);
	assert_memory_equal(got[1], "550 b", 5);
	ngot = 0;
	lines_of_string("", collect, NULL);
	assert_int_equal(ngot, 0);
	lines_of_string("x\n", collect, NULL);
	assert_int_equal(ngot, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(read__lf_crlf_cr_and_last_line),
		cmocka_unit_test(read__nul_bytes_kept),
		cmocka_unit_test(read__long_line_cut_rest_skipped),
		cmocka_unit_test(string__lines_of_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
