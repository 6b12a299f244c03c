/* test_lines.c - reading lines: every line end, NUL bytes, overlong lines. */
#include "testutil.h"
#include "lines.h"
#include "smtpcode.h"

static char got[64][64];
static size_t got_len[64];
static size_t ngot;

static int collect(const char *line, size_t len, void *arg)
{
	(void)arg;
	assert_true(ngot < 64);
	got_len[ngot] = len;
	memcpy(got[ngot], line, len < 64 ? len : 64);
	ngot++;
	return 0;
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
	/* one byte over, inside one read, between two short lines */
	memset(big, 'x', SMTPCODE_SCAN_LINE_MAX + 5);
	big[0] = big[2] = big[SMTPCODE_SCAN_LINE_MAX + 4] = '\n';
	read_bytes(big, SMTPCODE_SCAN_LINE_MAX + 6);
	assert_int_equal(ngot, 4);
	assert_int_equal(got_len[0], 0);
	assert_int_equal(got_len[1], 1);
	assert_int_equal(got_len[2], SMTPCODE_SCAN_LINE_MAX);
	assert_int_equal(got_len[3], 1);
}

/* A digest of the lines read: their number, bytes and an order-sensitive hash. */
static unsigned long sum_lines, sum_bytes, sum_hash;

static int digest(const char *line, size_t len, void *arg)
{
	size_t i;

	(void)arg;
	sum_lines++;
	sum_bytes += len;
	for (i = 0; i < len; i++)
		sum_hash = sum_hash * 31 + (unsigned char)line[i];
	sum_hash = sum_hash * 31 + 0xff;
	return 0;
}

/* 300,000 lines of 0 to 12 bytes (about 2 MiB, many 64 KiB reads) with one
 * line end throughout: the lengths vary so that a line end falls at every
 * place of a read, a CRLF split across two reads included. */
static void digest_of(const char *eol, unsigned long out[3])
{
	FILE *f = capture_open();
	unsigned long i;

	for (i = 0; i < 300000; i++) {
		fwrite("550 5.1.1 ab", 1, i % 13, f);
		/* "mixed": mostly LF, a CRLF now and then, and a CR now and then
		 * (never before an empty line, whose LF would join it as CRLF) */
		if (strcmp(eol, "mixed") == 0)
			fputs(i % 1009 == 0 && (i + 1) % 13 ? "\r" : i % 997 == 0 ? "\r\n" : "\n", f);
		else
			fputs(eol, f);
	}
	rewind(f);
	sum_lines = sum_bytes = sum_hash = 0;
	assert_int_equal(lines_read(f, digest, NULL), 0);
	fclose(f);
	out[0] = sum_lines, out[1] = sum_bytes, out[2] = sum_hash;
}

static void read__cr_only_and_crlf__same_lines_as_lf(void **state)
{
	unsigned long lf[3], cr[3], crlf[3], mixed[3];

	(void)state;
	digest_of("\n", lf);
	digest_of("\r", cr);
	digest_of("\r\n", crlf);
	digest_of("mixed", mixed);
	assert_memory_equal(mixed, lf, sizeof lf);
	assert_int_equal(lf[0], 300000);
	assert_int_equal(cr[0], lf[0]);
	assert_int_equal(crlf[0], lf[0]);
	assert_int_equal(cr[1], lf[1]);
	assert_int_equal(crlf[1], lf[1]);
	assert_int_equal(cr[2], lf[2]);
	assert_int_equal(crlf[2], lf[2]);
}

static int stop_after_two(const char *line, size_t len, void *arg)
{
	(void)line, (void)len;
	return ++*(int *)arg == 2;
}

static void read__fn_nonzero__stops(void **state)
{
	FILE *f = capture_open();
	int calls = 0;

	(void)state;
	fputs("a\nb\rc\r\nd", f);
	rewind(f);
	assert_int_equal(lines_read(f, stop_after_two, &calls), 1);
	assert_int_equal(calls, 2);
	fclose(f);
	calls = 0;
	assert_int_equal(lines_of_string("a\nb\nc", stop_after_two, &calls), 1);
	assert_int_equal(calls, 2);
	calls = 0;
	assert_int_equal(lines_of_string("a", stop_after_two, &calls), 0);
	assert_int_equal(calls, 1);
}

/* A hash of each line passed, in order, for comparing two readings. */
struct trace {
	unsigned long n, hash;
};

static int trace_line(const char *line, size_t len, void *arg)
{
	struct trace *t = arg;
	size_t i;

	t->hash = t->hash * 1000003u + len;
	for (i = 0; i < len; i++)
		t->hash = t->hash * 31u + (unsigned char)line[i];
	t->n++;
	return 0;
}

/* The same text cut into blocks at every place (and into blocks of 1 to 7
 * bytes): lines_take gives the lines lines_read gives, with CR, CRLF and
 * LF ends, a CRLF cut between its bytes, an overlong line and no last
 * line end. */
static void take__any_block_cuts__the_lines_of_lines_read(void **state)
{
	static char text[SMTPCODE_SCAN_LINE_MAX + 200];
	static struct lines_reader r;
	struct trace whole = { 0, 0 }, cut;
	size_t n = 0, at, step;
	FILE *f = capture_open();

	(void)state;
	n += (size_t)sprintf(text + n, "550 a\r\n\r\r\n451 b\rc\n\n");
	memset(text + n, 'x', SMTPCODE_SCAN_LINE_MAX + 20);
	n += SMTPCODE_SCAN_LINE_MAX + 20;
	n += (size_t)sprintf(text + n, "\r\nd\re");
	assert_int_equal(fwrite(text, 1, n, f), n);
	rewind(f);
	assert_int_equal(lines_read(f, trace_line, &whole), 0);
	fclose(f);
	assert_int_equal(whole.n, 9);
	for (at = 0; at <= n; at++) {
		cut.n = cut.hash = 0;
		lines_begin(&r, trace_line, &cut);
		assert_int_equal(lines_take(&r, text, at), 0);
		assert_int_equal(lines_take(&r, text + at, n - at), 0);
		assert_int_equal(lines_end(&r), 0);
		assert_int_equal(cut.n, whole.n);
		assert_true(cut.hash == whole.hash);
	}
	for (step = 1; step < 8; step++) {
		cut.n = cut.hash = 0;
		lines_begin(&r, trace_line, &cut);
		for (at = 0; at < n; at += step)
			assert_int_equal(lines_take(&r, text + at, at + step < n ? step : n - at), 0);
		assert_int_equal(lines_end(&r), 0);
		assert_true(cut.n == whole.n && cut.hash == whole.hash);
	}
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
		cmocka_unit_test(read__cr_only_and_crlf__same_lines_as_lf),
		cmocka_unit_test(read__fn_nonzero__stops),
		cmocka_unit_test(take__any_block_cuts__the_lines_of_lines_read),
		cmocka_unit_test(string__lines_of_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
