/* test_i18n.c - languages and phrases: every key in every language. */
#include "testutil.h"
#include "smtpcode.h"

static void languages__codes_and_locale_names(void **state)
{
	static const char *const want[] = { "en", "es", "vi", "tr", "de", "fr", "pt", "ja" };
	size_t i;

	(void)state;
	assert_int_equal(smtpcode_language_count(), 8);
	for (i = 0; i < 8; i++) {
		assert_string_equal(smtpcode_language_code(i), want[i]);
		assert_int_equal(smtpcode_language_find(want[i]), (int)i);
	}
	assert_null(smtpcode_language_code(8));
	assert_int_equal(smtpcode_language_find("es_ES.UTF-8"), 1);
	assert_int_equal(smtpcode_language_find("pt-BR"), 6);
	assert_int_equal(smtpcode_language_find("DE"), 4);
	assert_int_equal(smtpcode_language_find("ja_JP.eucJP"), 7);
	assert_int_equal(smtpcode_language_find("C"), 0);
	assert_int_equal(smtpcode_language_find("C.UTF-8"), 0);
	assert_int_equal(smtpcode_language_find("POSIX"), 0);
	assert_int_equal(smtpcode_language_find(""), 0);
	assert_int_equal(smtpcode_language_find("xx_YY"), -1);
	assert_int_equal(smtpcode_language_find("esperanto"), -1);
}

static void phrases__every_key_in_every_language(void **state)
{
	char line[4096];
	FILE *in = fopen("data/i18n.tsv", "r");
	size_t keys = 0;
	int l;

	(void)state;
	assert_non_null(in);
	while (fgets(line, sizeof line, in)) {
		char *tab = strchr(line, '\t');
		if (line[0] == '#' || !tab || strncmp(line, "key\t", 4) == 0)
			continue;
		*tab = '\0';
		keys++;
		for (l = 0; l < 8; l++) {
			const char *p = smtpcode_phrase(l, line);
			assert_non_null(p);
			assert_true(p[0] != '\0');
		}
	}
	fclose(in);
	assert_true(keys > 50);
	assert_string_equal(smtpcode_phrase(0, "h.description"), "Description");
	assert_string_not_equal(smtpcode_phrase(1, "h.description"), "Description");
	assert_string_equal(smtpcode_phrase(99, "h.description"), "Description");
	assert_null(smtpcode_phrase(0, "no.such.key"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(languages__codes_and_locale_names),
		cmocka_unit_test(phrases__every_key_in_every_language),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
