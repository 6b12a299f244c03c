/* test_code.c - parsing three-digit codes and naming their digits. */
#include "testutil.h"
#include "smtpcode.h"

static void parse(const char *text, enum smtpcode_parse_error want, int want_code)
{
	int code = -1;
	size_t bad = 99;

	assert_int_equal(smtpcode_parse_basic(text, &code, &bad), want);
	assert_int_equal(code, want == SMTPCODE_PARSE_OK ? want_code : -1);
}

static void parse_basic__valid__sets_code(void **state)
{
	(void)state;
	parse("100", SMTPCODE_PARSE_OK, 100);
	parse("250", SMTPCODE_PARSE_OK, 250);
	parse("599", SMTPCODE_PARSE_OK, 599);
}

static void parse_basic__malformed__names_reason(void **state)
{
	(void)state;
	parse("", SMTPCODE_PARSE_EMPTY, 0);
	parse("abc", SMTPCODE_PARSE_NOT_DIGIT, 0);
	parse("25", SMTPCODE_PARSE_TOO_SHORT, 0);
	parse("2520", SMTPCODE_PARSE_TOO_LONG, 0);
	parse("099", SMTPCODE_PARSE_RANGE, 0);
	parse("600", SMTPCODE_PARSE_RANGE, 0);
	parse("999", SMTPCODE_PARSE_RANGE, 0);
	parse(" 250", SMTPCODE_PARSE_NOT_DIGIT, 0);
	parse("250 ", SMTPCODE_PARSE_NOT_DIGIT, 0);
	parse("25O", SMTPCODE_PARSE_NOT_DIGIT, 0);
	parse("5.1.1", SMTPCODE_PARSE_NOT_DIGIT, 0);
	parse("-250", SMTPCODE_PARSE_NOT_DIGIT, 0);
	parse("+250", SMTPCODE_PARSE_NOT_DIGIT, 0);
}

static void parse_basic__not_digit__reports_offset(void **state)
{
	size_t bad = 99;
	int code;

	(void)state;
	assert_int_equal(smtpcode_parse_basic("25O", &code, &bad), SMTPCODE_PARSE_NOT_DIGIT);
	assert_int_equal(bad, 2);
	assert_int_equal(smtpcode_parse_basic(" 250", &code, &bad), SMTPCODE_PARSE_NOT_DIGIT);
	assert_int_equal(bad, 0);
	/* NULL for bad is allowed. */
	assert_int_equal(smtpcode_parse_basic("x", &code, NULL), SMTPCODE_PARSE_NOT_DIGIT);
}

static void parse_error_reason__each__is_distinct(void **state)
{
	int i, j;

	(void)state;
	/* Every error, enhanced ones too, has a reason of its own. */
	for (i = SMTPCODE_PARSE_OK; i <= SMTPCODE_PARSE_ENH_TOO_LONG; i++) {
		assert_string_not_equal(smtpcode_parse_error_reason(i), "is not a reply code");
		for (j = i + 1; j <= SMTPCODE_PARSE_ENH_TOO_LONG; j++)
			assert_string_not_equal(smtpcode_parse_error_reason(i),
			                        smtpcode_parse_error_reason(j));
	}
	assert_string_equal(smtpcode_parse_error_reason(SMTPCODE_PARSE_ENH_TOO_LONG + 1),
	                    "is not a reply code");
	assert_string_equal(smtpcode_parse_error_reason(-1), "is not a reply code");
	assert_string_equal(smtpcode_parse_error_reason(SMTPCODE_PARSE_TOO_LONG),
	                    "has more than three digits");
}

static void class_name__rfc5321__names(void **state)
{
	(void)state;
	assert_null(smtpcode_class_name(0));
	assert_string_equal(smtpcode_class_name(1), "Positive Preliminary");
	assert_string_equal(smtpcode_class_name(2), "Positive Completion");
	assert_string_equal(smtpcode_class_name(3), "Positive Intermediate");
	assert_string_equal(smtpcode_class_name(4), "Transient Negative Completion");
	assert_string_equal(smtpcode_class_name(5), "Permanent Negative Completion");
	assert_null(smtpcode_class_name(6));
}

static void category_name__rfc5321__names(void **state)
{
	(void)state;
	assert_string_equal(smtpcode_category_name(0), "Syntax");
	assert_string_equal(smtpcode_category_name(1), "Information");
	assert_string_equal(smtpcode_category_name(2), "Connections");
	assert_string_equal(smtpcode_category_name(3), "Unspecified");
	assert_string_equal(smtpcode_category_name(4), "Unspecified");
	assert_string_equal(smtpcode_category_name(5), "Mail System");
	assert_string_equal(smtpcode_category_name(6), "Not assigned");
	assert_string_equal(smtpcode_category_name(9), "Not assigned");
	assert_null(smtpcode_category_name(-1));
	assert_null(smtpcode_category_name(10));
}

static void class_advice__each_class__one_sentence(void **state)
{
	int d;

	(void)state;
	assert_null(smtpcode_class_advice(0));
	assert_null(smtpcode_class_advice(6));
	for (d = 1; d <= 5; d++) {
		const char *s = smtpcode_class_advice(d);
		assert_non_null(s);
		assert_true(s[0] >= 'A' && s[0] <= 'Z');
		assert_true(s[strlen(s) - 1] == '.' || s[strlen(s) - 1] == ')');
	}
	assert_non_null(strstr(smtpcode_class_advice(4), "again"));
	assert_non_null(strstr(smtpcode_class_advice(5), "must not repeat"));
}

static void status_name__each__matches_data_spelling(void **state)
{
	(void)state;
	assert_string_equal(smtpcode_status_name(SMTPCODE_STATUS_STANDARD), "standard");
	assert_string_equal(smtpcode_status_name(SMTPCODE_STATUS_EXTENSION), "extension");
	assert_string_equal(smtpcode_status_name(SMTPCODE_STATUS_EXPERIMENTAL), "experimental");
	assert_string_equal(smtpcode_status_name(SMTPCODE_STATUS_REGISTRY_SAMPLE), "registry-sample");
	assert_string_equal(smtpcode_status_name(SMTPCODE_STATUS_DE_FACTO), "de-facto");
	assert_string_equal(smtpcode_status_name(SMTPCODE_STATUS_PSEUDO), "pseudo");
	assert_string_equal(smtpcode_status_name(SMTPCODE_STATUS_PSEUDO + 1), "unknown");
	assert_string_equal(smtpcode_status_name(-1), "unknown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_basic__valid__sets_code),
		cmocka_unit_test(parse_basic__malformed__names_reason),
		cmocka_unit_test(parse_basic__not_digit__reports_offset),
		cmocka_unit_test(parse_error_reason__each__is_distinct),
		cmocka_unit_test(class_name__rfc5321__names),
		cmocka_unit_test(category_name__rfc5321__names),
		cmocka_unit_test(class_advice__each_class__one_sentence),
		cmocka_unit_test(status_name__each__matches_data_spelling),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
