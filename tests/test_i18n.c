/* test_i18n.c - languages and the command's labels: every key in every
 * language. */
#include "testutil.h"
#include "labels.h"
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

/* The library keeps the phrases of its own prose (cmp.*, and the class
 * names): a compare's summary in each language. */
static void compare_lang__summary_in_each_language(void **state)
{
	static struct smtpcode_compare c;
	struct smtpcode_query a, b;
	char en[1024], other[1024];
	size_t l;

	(void)state;
	smtpcode_parse("450", &a, NULL);
	smtpcode_parse("550", &b, NULL);
	assert_int_equal(smtpcode_compare_lang(&a, &b, NULL, 0, &c), 0);
	smtpcode_compare_summary(&c, en, sizeof en);
	assert_non_null(strstr(en, "5xx Permanent Negative Completion"));
	for (l = 1; l < smtpcode_language_count(); l++) {
		assert_int_equal(smtpcode_compare_lang(&a, &b, NULL, (int)l, &c), 0);
		smtpcode_compare_summary(&c, other, sizeof other);
		assert_string_not_equal(other, en);
		assert_non_null(strstr(other, label_text((int)l, "c.5")));
	}
}

static void labels__as_many_languages_as_the_library(void **state)
{
	(void)state;
	assert_int_equal(label_language_count(), smtpcode_language_count());
	/* In the library's order: language 1 is Spanish. */
	assert_int_equal(smtpcode_language_find("es"), 1);
	assert_string_equal(label_text(1, "h.description"), "Descripción");
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
		if (strncmp(line, "cmp.", 4) == 0) /* the library's, below */
			continue;
		keys++;
		for (l = 0; l < 8; l++) {
			const char *p = label_text(l, line);
			assert_non_null(p);
			assert_true(p[0] != '\0');
		}
	}
	fclose(in);
	assert_true(keys > 50);
	assert_string_equal(label_text(0, "h.description"), "Description");
	assert_string_not_equal(label_text(1, "h.description"), "Description");
	assert_string_equal(label_text(99, "h.description"), "Description");
	assert_null(label_text(0, "no.such.key"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(languages__codes_and_locale_names),
		cmocka_unit_test(phrases__every_key_in_every_language),
		cmocka_unit_test(labels__as_many_languages_as_the_library),
		cmocka_unit_test(compare_lang__summary_in_each_language),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
