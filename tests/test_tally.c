/* test_tally.c - counting replies for `scan`: totals and their order. */
#include "testutil.h"
#include "tally.h"

static struct tally t;

static void reply(int basic, int cls, int subject, int detail)
{
	struct smtpcode_reply r;

	memset(&r, 0, sizeof r);
	r.basic = basic;
	if (cls) {
		r.enhanced_count = 1;
		r.enhanced[0].reply_class = cls;
		r.enhanced[0].subject = subject;
		r.enhanced[0].detail = detail;
	}
	tally_reply(&t, &r);
}

static void counts__sorted_most_first(void **state)
{
	static struct tally_row rows[TALLY_ENHANCED_SLOTS];
	size_t n;

	(void)state;
	tally_init(&t);
	reply(550, 5, 1, 1);
	reply(250, 2, 0, 0);
	reply(550, 5, 1, 1);
	reply(421, 0, 0, 0);
	reply(0, 4, 4, 1);
	assert_int_equal(t.replies, 5);
	assert_int_equal(t.classes[5], 2);
	assert_int_equal(t.classes[2], 1);
	n = tally_basic_rows(&t, rows);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].basic, 550);
	assert_int_equal(rows[0].count, 2);
	assert_int_equal(rows[1].basic, 250); /* ties: lower code first */
	assert_int_equal(rows[2].basic, 421);
	n = tally_enhanced_rows(&t, rows);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].code.detail, 1);
	assert_int_equal(rows[0].count, 2);
	assert_int_equal(rows[1].code.reply_class, 2);
	assert_int_equal(rows[2].code.reply_class, 4);
}

static void enhanced__table_full__counted_as_other(void **state)
{
	int s, d;

	(void)state;
	tally_init(&t);
	for (s = 0; s < 10; s++)
		for (d = 0; d < 300; d++)
			reply(0, 5, s, d);
	assert_int_equal(t.enhanced_other, 10 * 300 - TALLY_ENHANCED_SLOTS);
	reply(0, 5, 0, 0);
	assert_int_equal(t.enhanced_other, 10 * 300 - TALLY_ENHANCED_SLOTS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts__sorted_most_first),
		cmocka_unit_test(enhanced__table_full__counted_as_other),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
