/* test_json.c - the JSON string escaper, byte class by byte class, and the writer. */
#include "testutil.h"
#include "json.h"

#include <limits.h>

/* Escapes n bytes of s and checks the result (with its quotes). */
static void escapes(const char *s, size_t n, const char *want)
{
	FILE *f = capture_open();
	char *got;

	json_write_string(f, s, n);
	got = capture_close(f);
	assert_string_equal(got, want);
	free(got);
}

#define ESCAPES(lit, want) escapes(lit, sizeof lit - 1, want)

static void escape__quote_and_backslash(void **state)
{
	(void)state;
	ESCAPES("\"", "\"\\\"\"");
	ESCAPES("\\", "\"\\\\\"");
	ESCAPES("a\"b\\c", "\"a\\\"b\\\\c\"");
	ESCAPES("/", "\"/\"");
	ESCAPES("'", "\"'\"");
}

static void escape__short_control_escapes(void **state)
{
	(void)state;
	ESCAPES("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"");
}

static void escape__other_control_bytes__u00xx(void **state)
{
	(void)state;
	ESCAPES("\x01", "\"\\u0001\"");
	ESCAPES("\x0b", "\"\\u000b\"");
	ESCAPES("\x1f", "\"\\u001f\"");
	ESCAPES("\x1b[0m", "\"\\u001b[0m\"");
	escapes("a\0b", 3, "\"a\\u0000b\"");
}

static void escape__delete__u007f(void **state)
{
	(void)state;
	ESCAPES("\x7f", "\"\\u007f\"");
}

static void escape__printable_ascii__unchanged(void **state)
{
	char all[95 + 1], want[95 + 3 + 2];
	int i, k = 0;

	(void)state;
	for (i = 0x20; i < 0x7F; i++)
		if (i != '"' && i != '\\')
			all[k++] = (char)i;
	all[k] = '\0';
	snprintf(want, sizeof want, "\"%s\"", all);
	escapes(all, (size_t)k, want);
}

static void escape__valid_utf8__copied(void **state)
{
	(void)state;
	ESCAPES("\xC2\xA7", "\"\xC2\xA7\"");             /* § */
	ESCAPES("\xE2\x80\x94", "\"\xE2\x80\x94\"");     /* em dash */
	ESCAPES("\xF0\x9F\x93\xA7", "\"\xF0\x9F\x93\xA7\""); /* U+1F4E7 */
	ESCAPES("\xEF\xBF\xBF", "\"\xEF\xBF\xBF\"");     /* U+FFFF */
	ESCAPES("\xF4\x8F\xBF\xBF", "\"\xF4\x8F\xBF\xBF\""); /* U+10FFFF */
}

static void escape__invalid_utf8__replacement_per_byte(void **state)
{
	(void)state;
	ESCAPES("\x80", "\"\\ufffd\"");                  /* lone continuation */
	ESCAPES("\xC0\x80", "\"\\ufffd\\ufffd\"");       /* overlong NUL */
	ESCAPES("\xC1\xBF", "\"\\ufffd\\ufffd\"");       /* overlong */
	ESCAPES("\xE0\x80\xAF", "\"\\ufffd\\ufffd\\ufffd\""); /* overlong '/' */
	ESCAPES("\xED\xA0\x80", "\"\\ufffd\\ufffd\\ufffd\""); /* surrogate */
	ESCAPES("\xF4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\""); /* > U+10FFFF */
	ESCAPES("\xF5", "\"\\ufffd\"");
	ESCAPES("\xFF", "\"\\ufffd\"");
	ESCAPES("a\xE2\x82", "\"a\\ufffd\\ufffd\"");     /* cut short at the end */
	ESCAPES("\xE2\x82z", "\"\\ufffd\\ufffdz\"");     /* cut short by ASCII */
}

static void writer__nesting__commas_in_place(void **state)
{
	FILE *f = capture_open();
	struct json j;
	char *got;

	(void)state;
	json_init(&j, f);
	json_object_begin(&j);
	json_key_string(&j, "s", "x");
	json_key_int(&j, "n", -5);
	json_key_bool(&j, "t", 1);
	json_key_bool(&j, "f", 0);
	json_key_string(&j, "z", NULL);
	json_key(&j, "a");
	json_array_begin(&j);
	json_array_end(&j);
	json_key(&j, "b");
	json_array_begin(&j);
	json_int(&j, 1);
	json_object_begin(&j);
	json_object_end(&j);
	json_string_n(&j, "abc", 2);
	json_null(&j);
	json_array_end(&j);
	json_object_end(&j);
	got = capture_close(f);
	assert_string_equal(got, "{\"s\":\"x\",\"n\":-5,\"t\":true,\"f\":false,\"z\":null,"
	                         "\"a\":[],\"b\":[1,{},\"ab\",null]}");
	free(got);
}

static void writer__int__every_range(void **state)
{
	FILE *f = capture_open();
	struct json j;
	char *got;

	(void)state;
	json_init(&j, f);
	json_array_begin(&j);
	json_int(&j, 0);
	json_int(&j, 7);
	json_int(&j, -1);
	json_int(&j, 1234567890L);
	json_int(&j, LONG_MAX);
	json_int(&j, LONG_MIN);
	json_array_end(&j);
	got = capture_close(f);
	{
		char want[128];
		snprintf(want, sizeof want, "[0,7,-1,1234567890,%ld,%ld]", LONG_MAX, LONG_MIN);
		assert_string_equal(got, want);
	}
	free(got);
}

static void escape__runs_between_escapes(void **state)
{
	FILE *f = capture_open();
	char *got;

	(void)state;
	json_write_string(f, "ab\"cd\x01\xc3\xa9\xffz", 10);
	got = capture_close(f);
	assert_string_equal(got, "\"ab\\\"cd\\u0001\xc3\xa9\\ufffdz\"");
	free(got);
}

/* Each byte class at each place of strings of 1 to 24 bytes, inside
 * plain text: the tests of four and eight bytes at once, and the last word
 * that overlaps the one before it, must see it wherever it falls. */
static void escape__each_class_in_each_lane(void **state)
{
	static const struct {
		const char *in, *out;
	} cls[] = {
		{ "\"", "\\\"" }, { "\\", "\\\\" },     { "\n", "\\n" },        { "\x01", "\\u0001" },
		{ "\x1f", "\\u001f" }, { "\x7f", "\\u007f" }, { "\x80", "\\ufffd" }, { "\xff", "\\ufffd" },
		{ "\xc3\xa9", "\xc3\xa9" }, { " ", " " }, { "~", "~" }, { "!", "!" }, { "#", "#" },
		{ "[", "[" },     { "]", "]" },
	};
	static const char fill[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";
	char in[64], want[96];
	size_t c, at, len;

	(void)state;
	for (c = 0; c < sizeof cls / sizeof cls[0]; c++)
		for (len = 1; len <= 24; len++)
			for (at = 0; at < len; at++) {
				int after = (int)(len - at - 1);
				snprintf(in, sizeof in, "%.*s%s%.*s", (int)at, fill, cls[c].in, after,
				         fill + at);
				snprintf(want, sizeof want, "\"%.*s%s%.*s\"", (int)at, fill, cls[c].out,
				         after, fill + at);
				escapes(in, strlen(in), want);
			}
}

/* A string several buffers long, with escapes and UTF-8 sequences that
 * fall across the places where the writer hands its buffer on. */
static void escape__longer_than_the_buffer(void **state)
{
	static const char piece[] = "ab\"c\xc3\xa9" "d\x01\xe2\x80\x94xyz\\\xf0\x9f\x93\xa7\xff";
	static const char escaped[] = "ab\\\"c\xc3\xa9" "d\\u0001\xe2\x80\x94xyz\\\\\xf0\x9f\x93\xa7"
	                              "\\ufffd";
	enum { N = 3 * JSON_BUFFER / (sizeof piece - 1) + 7 };
	size_t i, inlen = sizeof piece - 1, outlen = sizeof escaped - 1;
	char *in = malloc(N * inlen), *want = malloc(N * outlen + 3);

	(void)state;
	assert_non_null(in);
	assert_non_null(want);
	want[0] = '"';
	for (i = 0; i < N; i++) {
		memcpy(in + i * inlen, piece, inlen);
		memcpy(want + 1 + i * outlen, escaped, outlen);
	}
	memcpy(want + 1 + N * outlen, "\"", 2);
	escapes(in, N * inlen, want);
	/* the same shifted by one byte at a time: other cuts */
	for (i = 1; i < inlen; i++) {
		size_t k;
		char *w = malloc(N * outlen + 3), *p = w;
		assert_non_null(w);
		*p++ = '"';
		/* piece i.. then whole pieces: escaped per byte class above */
		{
			FILE *f = capture_open();
			char *part;
			json_write_string(f, piece + i, inlen - i);
			part = capture_close(f);
			memcpy(p, part + 1, strlen(part) - 2);
			p += strlen(part) - 2;
			free(part);
		}
		for (k = 1; k < N; k++) {
			memcpy(p, escaped, outlen);
			p += outlen;
		}
		memcpy(p, "\"", 2);
		escapes(in + i, N * inlen - i, w);
		free(w);
	}
	free(in);
	free(want);
}

/* A value at the top level reaches the FILE when complete, in one piece:
 * nothing of an object before it closes, all of it after; json_flush
 * hands on what waits in the middle of one. */
static void writer__top_level_value__written_when_complete(void **state)
{
	FILE *f = capture_open();
	struct json j;
	char *got;

	(void)state;
	json_init(&j, f);
	json_object_begin(&j);
	json_key_string(&j, "a", "b");
	assert_int_equal(fflush(f), 0);
	assert_int_equal(ftell(f), 0);
	json_flush(&j);
	assert_int_equal(fflush(f), 0);
	assert_int_equal(ftell(f), 8);
	json_key_int(&j, "n", 1);
	json_object_end(&j);
	assert_int_equal(fflush(f), 0);
	assert_int_equal(ftell(f), 15);
	putc('\n', f);
	json_string(&j, "s");
	assert_int_equal(fflush(f), 0);
	assert_int_equal(ftell(f), 19);
	json_int(&j, 42);
	json_null(&j);
	json_bool(&j, 1);
	got = capture_close(f);
	assert_string_equal(got, "{\"a\":\"b\",\"n\":1}\n\"s\"42nulltrue");
	free(got);
}

/* An object larger than the buffer: handed on as the buffer fills, whole
 * and in order. */
static void writer__object_larger_than_the_buffer(void **state)
{
	FILE *f = capture_open();
	struct json j;
	char key[16], *got, *want = malloc(16 * JSON_BUFFER), *p = want;
	int i;

	(void)state;
	assert_non_null(want);
	json_init(&j, f);
	json_object_begin(&j);
	*p++ = '{';
	for (i = 0; i < JSON_BUFFER; i++) {
		snprintf(key, sizeof key, "k%d", i);
		json_key_int(&j, key, i);
		p += sprintf(p, "%s\"k%d\":%d", i ? "," : "", i, i);
	}
	json_object_end(&j);
	memcpy(p, "}", 2);
	got = capture_close(f);
	assert_string_equal(got, want);
	free(got);
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escape__quote_and_backslash),
		cmocka_unit_test(escape__short_control_escapes),
		cmocka_unit_test(escape__other_control_bytes__u00xx),
		cmocka_unit_test(escape__delete__u007f),
		cmocka_unit_test(escape__printable_ascii__unchanged),
		cmocka_unit_test(escape__valid_utf8__copied),
		cmocka_unit_test(escape__invalid_utf8__replacement_per_byte),
		cmocka_unit_test(writer__nesting__commas_in_place),
		cmocka_unit_test(writer__int__every_range),
		cmocka_unit_test(escape__runs_between_escapes),
		cmocka_unit_test(escape__each_class_in_each_lane),
		cmocka_unit_test(escape__longer_than_the_buffer),
		cmocka_unit_test(writer__top_level_value__written_when_complete),
		cmocka_unit_test(writer__object_larger_than_the_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
