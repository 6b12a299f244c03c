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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
