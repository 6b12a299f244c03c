/* test_scan_warn.c - the scanner's warnings and outcomes: one name and one
 * sentence for every value, and smtpcode_warning_message's snprintf
 * contract. */
#include "testutil.h"
#include "smtpcode.h"

#include "scan.h"

static struct smtpcode_reply reply(int basic, const char *enhanced)
{
	struct smtpcode_reply r;

	memset(&r, 0, sizeof r);
	r.basic = basic;
	if (enhanced) {
		assert_int_equal(smtpcode_parse_enhanced(enhanced, &r.enhanced[0], NULL),
		                 SMTPCODE_PARSE_OK);
		r.enhanced_count = 1;
		r.direct = 1;
	}
	return r;
}

/* Every warning has its own name and a sentence; outside the enum,
 * "unknown" and "". */
static void warnings__every_value_named_once(void **state)
{
	struct smtpcode_reply r = reply(550, "4.7.1");
	char buf[512];
	int w, v;

	(void)state;
	for (w = 0; w < SMTPCODE_WARN_COUNT; w++) {
		const char *name = smtpcode_warning_name((enum smtpcode_warning)w);
		assert_string_not_equal(name, "unknown");
		for (v = 0; v < w; v++)
			assert_string_not_equal(name, smtpcode_warning_name((enum smtpcode_warning)v));
		assert_true(smtpcode_warning_message(&r, (enum smtpcode_warning)w, buf, sizeof buf) > 40);
		assert_null(strchr(buf, '{')); /* every placeholder filled */
	}
	assert_string_equal(smtpcode_warning_name(SMTPCODE_WARN_COUNT), "unknown");
	assert_string_equal(smtpcode_warning_name((enum smtpcode_warning)-1), "unknown");
	memset(buf, 'Z', sizeof buf);
	assert_int_equal(smtpcode_warning_message(&r, (enum smtpcode_warning)99, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
}

static void warning_message__fills_the_reply_in(void **state)
{
	struct smtpcode_reply r = reply(500, "4.7.1");
	char buf[512];

	(void)state;
	assert_string_equal(smtpcode_warning_name(SMTPCODE_WARN_CLASS_MISMATCH), "class-mismatch");
	smtpcode_warning_message(&r, SMTPCODE_WARN_CLASS_MISMATCH, buf, sizeof buf);
	assert_string_equal(buf, "Class mismatch: 500 is a 5xx reply but its enhanced code 4.7.1 "
	                         "has class 4; the two should agree, and a client acts on the 500.");
	r = reply(354, "2.0.0");
	smtpcode_warning_message(&r, SMTPCODE_WARN_ENHANCED_ON_3XX, buf, sizeof buf);
	assert_string_equal(buf, "354 is a 3xx reply, which carries no enhanced code (RFC 2034); "
	                         "2.0.0 here is not part of the reply's meaning.");
	r = reply(550, NULL);
	strcpy(r.malformed, "5.01.1");
	smtpcode_warning_message(&r, SMTPCODE_WARN_MALFORMED_ENHANCED, buf, sizeof buf);
	assert_non_null(strstr(buf, "'5.01.1' is not a valid enhanced code"));
	r = reply(551, NULL);
	smtpcode_warning_message(&r, SMTPCODE_WARN_CONTINUATION_MISMATCH, buf, sizeof buf);
	assert_non_null(strstr(buf, "RFC 5321 §4.2"));
	assert_non_null(strstr(buf, "last line, 551, as clients do."));
}

/* As snprintf: the length it needed, cut to fit, always terminated; buf
 * NULL with size 0. */
static void warning_message__snprintf_contract(void **state)
{
	struct smtpcode_reply r = reply(599, NULL);
	char buf[512], small[8];
	size_t n;

	(void)state;
	n = smtpcode_warning_message(&r, SMTPCODE_WARN_UNDEFINED_CODE, buf, sizeof buf);
	assert_int_equal(n, strlen(buf));
	assert_int_equal(smtpcode_warning_message(&r, SMTPCODE_WARN_UNDEFINED_CODE, NULL, 0), n);
	memset(small, 'Z', sizeof small);
	assert_int_equal(smtpcode_warning_message(&r, SMTPCODE_WARN_UNDEFINED_CODE, small,
	                                          sizeof small), n);
	assert_string_equal(small, "599 is ");
	memset(small, 'Z', sizeof small);
	smtpcode_warning_message(&r, SMTPCODE_WARN_UNDEFINED_CODE, small, 0);
	assert_int_equal(small[0], 'Z');
	assert_int_equal(smtpcode_warning_message(&r, SMTPCODE_WARN_UNDEFINED_CODE, small, 1), n);
	assert_string_equal(small, "");
}

static void outcomes__named_from_one_list(void **state)
{
	(void)state;
	assert_null(smtpcode_outcome_name(SMTPCODE_OUTCOME_NONE));
	assert_string_equal(smtpcode_outcome_name(SMTPCODE_OUTCOME_DELIVERED), "delivered");
	assert_string_equal(smtpcode_outcome_name(SMTPCODE_OUTCOME_DEFERRED), "deferred");
	assert_string_equal(smtpcode_outcome_name(SMTPCODE_OUTCOME_BOUNCED), "bounced");
	assert_string_equal(smtpcode_outcome_name(SMTPCODE_OUTCOME_EXPIRED), "expired");
	assert_string_equal(smtpcode_outcome_name(SMTPCODE_OUTCOME_UNDELIVERABLE), "undeliverable");
	assert_string_equal(smtpcode_outcome_name(SMTPCODE_OUTCOME_DELIVERABLE), "deliverable");
	assert_string_equal(smtpcode_outcome_name(SMTPCODE_OUTCOME_SOFTBOUNCE), "softbounce");
	assert_string_equal(smtpcode_outcome_name(SMTPCODE_OUTCOME_WARNING), "warning");
	assert_null(smtpcode_outcome_name(SMTPCODE_OUTCOME_COUNT));
	assert_null(smtpcode_outcome_name((enum smtpcode_outcome)-1));
	assert_null(smtpcode_direction_name(SMTPCODE_DIRECTION_UNKNOWN));
	assert_string_equal(smtpcode_direction_name(SMTPCODE_DIRECTION_LOCAL), "local");
	assert_string_equal(smtpcode_direction_name(SMTPCODE_DIRECTION_REMOTE), "remote");
	assert_null(smtpcode_direction_name(SMTPCODE_DIRECTION_COUNT));
	assert_null(smtpcode_direction_name((enum smtpcode_direction)-1));
	assert_null(smtpcode_report_name(SMTPCODE_REPORT_NONE));
	assert_string_equal(smtpcode_report_name(SMTPCODE_REPORT_FEEDBACK), "feedback");
	assert_string_equal(smtpcode_report_name(SMTPCODE_REPORT_AUTOREPLY), "autoreply");
	assert_null(smtpcode_report_name(SMTPCODE_REPORT_COUNT));
	assert_null(smtpcode_report_name((enum smtpcode_report)-1));
}

/* The checks on a whole reply. */
static void check_reply__adds_each_warning_once(void **state)
{
	struct smtpcode_reply r = reply(500, "4.7.1");

	(void)state;
	smtpcode__check_reply(&r);
	smtpcode__check_reply(&r);
	assert_int_equal(r.warning_count, 1);
	assert_int_equal(r.warnings[0], SMTPCODE_WARN_CLASS_MISMATCH);
	r = reply(354, "2.0.0");
	smtpcode__check_reply(&r);
	assert_int_equal(r.warning_count, 1);
	assert_int_equal(r.warnings[0], SMTPCODE_WARN_ENHANCED_ON_3XX);
	r = reply(571, NULL);
	smtpcode__check_reply(&r);
	assert_int_equal(r.warnings[0], SMTPCODE_WARN_PSEUDO_CODE);
	r = reply(599, NULL);
	smtpcode__check_reply(&r);
	assert_int_equal(r.warnings[0], SMTPCODE_WARN_UNDEFINED_CODE);
	r = reply(0, "5.1.1"); /* a DSN without a diagnostic: nothing to check */
	smtpcode__check_reply(&r);
	assert_int_equal(r.warning_count, 0);
	r = reply(550, "5.1.1");
	smtpcode__check_reply(&r);
	assert_int_equal(r.warning_count, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(warnings__every_value_named_once),
		cmocka_unit_test(warning_message__fills_the_reply_in),
		cmocka_unit_test(warning_message__snprintf_contract),
		cmocka_unit_test(outcomes__named_from_one_list),
		cmocka_unit_test(check_reply__adds_each_warning_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
