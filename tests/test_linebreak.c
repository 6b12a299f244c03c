/* test_linebreak.c - where a line may break in Japanese text. */
#include "testutil.h"
#include "linebreak.h"

#include <string.h>

/* The word at the start of s: its bytes and columns. */
static size_t word(const char *s, int *w)
{
	return linebreak_wide_word(s, strlen(s), w);
}

static void kanji_run__one_word(void **state)
{
	int w;

	(void)state;
	assert_int_equal(word("永続的否定完了", &w), strlen("永続的否定完了"));
	assert_int_equal(w, 14);
}

static void katakana_run__one_word__stops_at_kanji(void **state)
{
	int w;

	(void)state;
	assert_int_equal(word("メールシステム障害", &w), strlen("メールシステム"));
	assert_int_equal(w, 14);
}

static void hiragana__breaks_after_each(void **state)
{
	int w;

	(void)state;
	assert_int_equal(word("ある", &w), strlen("あ"));
	assert_int_equal(w, 2);
}

static void closing_marks_and_small_kana__stay_with_the_word(void **state)
{
	int w;

	(void)state;
	assert_int_equal(word("標準（RFC）。", &w), strlen("標準"));
	assert_int_equal(word("了。次", &w), strlen("了。"));
	assert_int_equal(w, 4);
	assert_int_equal(word("きゃ", &w), strlen("きゃ"));
	assert_int_equal(word("コード、", &w), strlen("コード、"));
	assert_int_equal(w, 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kanji_run__one_word),
		cmocka_unit_test(katakana_run__one_word__stops_at_kanji),
		cmocka_unit_test(hiragana__breaks_after_each),
		cmocka_unit_test(closing_marks_and_small_kana__stay_with_the_word),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
