/* test_format_json.c - the JSON objects: exact shape for fixed inputs. */
#include "testutil.h"
#include "format.h"

static char *lookup_json(int code, const char *after)
{
	struct smtpcode_lookup lk;
	FILE *f = capture_open();

	assert_int_equal(smtpcode_lookup(code, after, &lk), 0);
	json_lookup(f, &lk);
	return capture_close(f);
}

static void lookup__undefined__exact_object(void **state)
{
	char *got = lookup_json(299, NULL);

	(void)state;
	assert_string_equal(got,
		"{\"code\":\"299\",\"kind\":\"basic\",\"known\":false,"
		"\"class\":{\"digit\":2,\"name\":\"Positive Completion\"},"
		"\"category\":{\"digit\":9,\"name\":\"Not assigned\"},"
		"\"after\":null,\"meanings\":[],"
		"\"notes\":[\"299 is not defined by any RFC or by the IANA registry. "
		"RFC 5321 §4.2.1 has a client act on the first digit of a code it does not "
		"know: The command succeeded; the client goes on with the next step.\"],"
		"\"enhanced_codes\":[]}\n");
	free(got);
}

static void lookup__known__meaning_fields_in_order(void **state)
{
	struct smtpcode_meaning m;
	char *got = lookup_json(251, "ETRN"), want[256];
	size_t first;

	(void)state;
	assert_memory_equal(got, "{\"code\":\"251\",\"kind\":\"basic\",\"known\":true,", 41);
	assert_non_null(strstr(got, ",\"after\":\"ETRN\",\"meanings\":[{\"commands\":[\"ETRN\"],"
	                            "\"name\":\""));
	smtpcode_find(251, &first, NULL);
	while (smtpcode_meaning_at(first, &m) == 0 && !smtpcode_meaning_answers(&m, "ETRN"))
		first++;
	snprintf(want, sizeof want, "\"name\":\"%s\",\"status\":\"%s\",\"source\":\"",
	         m.name, smtpcode_status_name(m.status));
	assert_non_null(strstr(got, want));
	assert_non_null(strstr(got, "\",\"description\":\""));
	assert_non_null(strstr(got, "\",\"when_seen\":\""));
	assert_non_null(strstr(got, "\",\"fix\":\""));
	assert_non_null(strstr(got, "\"}],\"notes\":[],\"enhanced_codes\":[\"2."));
	assert_string_equal(got + strlen(got) - 4, "\"]}\n");
	free(got);
}

static void lookup__any_and_none_commands__arrays(void **state)
{
	struct smtpcode_meaning m;
	size_t i;

	(void)state;
	for (i = 0; smtpcode_meaning_at(i, &m) == 0; i++) {
		char *got;
		if (strcmp(m.commands, "*") != 0 && strcmp(m.commands, "-") != 0)
			continue;
		got = lookup_json(m.basic, NULL);
		assert_non_null(strstr(got, m.commands[0] == '*' ? "\"commands\":[\"*\"]"
		                                                  : "\"commands\":[]"));
		free(got);
	}
}

static char *item_json(const char *code)
{
	struct smtpcode_item item;
	struct smtpcode_query q;
	FILE *f = capture_open();

	assert_int_equal(smtpcode_parse(code, &q, NULL), SMTPCODE_PARSE_OK);
	assert_int_equal(smtpcode_lookup_item(&q, NULL, &item), 0);
	json_item(f, &item);
	return capture_close(f);
}

static void enhanced__registered__keys_in_order(void **state)
{
	const char *keys[] = { "{\"code\":\"5.1.1\",\"kind\":\"enhanced\",\"known\":true,"
	                       "\"class\":{\"digit\":5,\"name\":\"Permanent Failure\"},"
	                       "\"subject\":{\"number\":1,\"name\":\"",
	                       "\"},\"detail\":{\"number\":1,\"name\":\"Bad destination mailbox "
	                       "address\"},\"status\":\"current\",\"source\":\"",
	                       "\",\"description\":\"", "\",\"when_seen\":\"", "\",\"fix\":\"",
	                       "\",\"basic_codes\":[\"451\",\"550\"],\"notes\":[],"
	                       "\"provider_notes\":[]}\n" };
	char *got = item_json("5.1.1");
	const char *p = got;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		p = strstr(p, keys[i]);
		assert_non_null(p);
	}
	assert_memory_equal(got, keys[0], strlen(keys[0]));
	free(got);
}

static void enhanced__x_class_and_unregistered__nulls(void **state)
{
	char *got = item_json("X.1.1");
	const char *x = "{\"code\":\"X.1.1\",\"kind\":\"enhanced\",\"known\":true,"
	                "\"class\":null,\"subject\":";
	const char *u = "{\"code\":\"5.7.606\",\"kind\":\"enhanced\",\"known\":false,";

	(void)state;
	assert_memory_equal(got, x, strlen(x));
	free(got);
	got = item_json("5.7.606");
	assert_memory_equal(got, u, strlen(u));
	assert_non_null(strstr(got, "\"detail\":{\"number\":606,\"name\":null},\"status\":null,"
	                            "\"source\":\""));
	assert_non_null(strstr(got, "\"basic_codes\":[],\"notes\":[\"5.7.606 is not in the "
	                            "IANA registry."));
	free(got);
}

static void compare__keys__in_order(void **state)
{
	static struct smtpcode_compare c;
	FILE *f = capture_open();
	char *got;
	const char *keys[] = { "{\"kind\":\"compare\",\"a\":{\"code\":\"500\"",
	                       ",\"b\":{\"code\":\"502\"", ",\"same_class\":true",
	                       ",\"curated\":true", ",\"rule_source\":\"",
	                       ",\"summary\":\"", ",\"differences\":[\"Class: ",
	                       ",\"when_to_use\":\"" };
	const char *p;
	size_t i;

	(void)state;
	struct smtpcode_query qa = { SMTPCODE_KIND_BASIC, 500, { 0, 0, 0 } };
	struct smtpcode_query qb = { SMTPCODE_KIND_BASIC, 502, { 0, 0, 0 } };

	assert_int_equal(smtpcode_compare(&qa, &qb, NULL, &c), 0);
	json_compare(f, &c);
	got = capture_close(f);
	for (p = got, i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		p = strstr(p, keys[i]);
		assert_non_null(p);
	}
	assert_memory_equal(got + strlen(got) - 3, "\"}\n", 3);
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lookup__undefined__exact_object),
		cmocka_unit_test(lookup__known__meaning_fields_in_order),
		cmocka_unit_test(lookup__any_and_none_commands__arrays),
		cmocka_unit_test(enhanced__registered__keys_in_order),
		cmocka_unit_test(enhanced__x_class_and_unregistered__nulls),
		cmocka_unit_test(compare__keys__in_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
