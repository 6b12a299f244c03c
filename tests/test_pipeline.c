/* test_pipeline.c - handing items to a second thread: every item once, in
 * order, aligned, whole; a short input without a thread; a stop. */
#include "testutil.h"
#include "pipeline.h"

#include <stdint.h>

static struct pipeline pipe_;
static _Thread_local int main_thread; /* set in the test's own thread only */

struct seen {
	unsigned long items;   /* items consumed */
	unsigned long next;    /* the number the next item must carry */
	unsigned long bytes;   /* their lengths, summed */
	unsigned long misaligned;
	unsigned long wrong;   /* items whose bytes were not as put */
	unsigned long stop_at; /* fn returns nonzero at this item (0: never) */
	unsigned long in_main; /* items consumed in the test's own thread */
};

/* An item of length len carrying number n: n, then bytes (n + i) & 0xff. */
static size_t make_item(unsigned char *buf, unsigned long n, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		buf[i] = (unsigned char)((n + i) & 0xff);
	if (len >= sizeof n)
		memcpy(buf, &n, sizeof n);
	return len;
}

static int check_item(const void *item, size_t len, void *arg)
{
	struct seen *s = arg;
	unsigned char want[PIPELINE_SLOT_SIZE];

	if ((uintptr_t)item % PIPELINE_ALIGN)
		s->misaligned++;
	make_item(want, s->next, len);
	if (memcmp(item, want, len) != 0)
		s->wrong++;
	s->next++;
	s->bytes += len;
	s->in_main += main_thread;
	return ++s->items == s->stop_at;
}

/* Puts n items of lengths len_of(i), in one thread when alone is set;
 * returns what pipeline_end returns. */
static int feed_in(struct seen *s, unsigned long n, size_t (*len_of)(unsigned long), int alone)
{
	unsigned long i;
	int stopped = 0;

	main_thread = 1;
	pipeline_start(&pipe_, check_item, s, alone);
	for (i = 0; i < n && !stopped; i++) {
		size_t room, len = len_of(i);
		unsigned char *at = pipeline_reserve(&pipe_, &room);
		assert_true(room >= PIPELINE_SLOT_SIZE / 4);
		assert_true(room >= len);
		stopped = pipeline_commit(&pipe_, make_item(at, i, len));
	}
	return pipeline_end(&pipe_) | stopped;
}

static int feed(struct seen *s, unsigned long n, size_t (*len_of)(unsigned long))
{
	return feed_in(s, n, len_of, 0);
}

static size_t len_line(unsigned long i) { return 60 + i % 200; }
static size_t len_mixed(unsigned long i) { return i % 7 == 0 ? 4096 : i % 3 ? i % 17 : 0; }
static size_t len_largest(unsigned long i) { return PIPELINE_SLOT_SIZE / 4 - (i % 2) * 40; }

static void pipeline__short_input__consumed_at_end(void **state)
{
	struct seen s = { 0 };

	(void)state;
	assert_int_equal(feed(&s, 10, len_line), 0);
	assert_int_equal(s.items, 10);
	assert_int_equal(s.wrong, 0);
	assert_int_equal(s.misaligned, 0);
	assert_int_equal(s.in_main, 10); /* one slot: no thread was needed */
}

static void pipeline__many_slots__every_item_in_order(void **state)
{
	struct seen s = { 0 };
	unsigned long i, bytes = 0;

	(void)state;
	for (i = 0; i < 200000; i++)
		bytes += len_line(i);
	assert_int_equal(feed(&s, 200000, len_line), 0);
	assert_int_equal(s.items, 200000);
	assert_int_equal(s.bytes, bytes);
	assert_int_equal(s.wrong, 0);
	assert_int_equal(s.misaligned, 0);
#if PIPELINE_THREADS
	assert_int_equal(s.in_main, 0); /* all in the second thread */
#endif
}

static void pipeline__empty_long_and_full_size_items(void **state)
{
	struct seen s = { 0 }, t = { 0 };

	(void)state;
	assert_int_equal(feed(&s, 5000, len_mixed), 0);
	assert_int_equal(s.items, 5000);
	assert_int_equal(s.wrong, 0);
	assert_int_equal(s.misaligned, 0);
	/* items of the largest size reserve promises room for */
	assert_int_equal(feed(&t, 99, len_largest), 0);
	assert_int_equal(t.items, 99);
	assert_int_equal(t.wrong, 0);
}

static void pipeline__nothing_put__nothing_consumed(void **state)
{
	struct seen s = { 0 };

	(void)state;
	assert_int_equal(feed(&s, 0, len_line), 0);
	assert_int_equal(s.items, 0);
}

static void pipeline__fn_stops__no_item_after_and_put_says_so(void **state)
{
	struct seen s = { 0 };

	(void)state;
	s.stop_at = 1234;
	assert_int_equal(feed(&s, 100000, len_line), 1);
	assert_int_equal(s.items, 1234);
	assert_int_equal(s.wrong, 0);
	/* a stop in the last slot, consumed by pipeline_end */
	memset(&s, 0, sizeof s);
	s.stop_at = 3;
	assert_int_equal(feed(&s, 5, len_line), 1);
	assert_int_equal(s.items, 3);
}

static void pipeline__reused_after_end(void **state)
{
	struct seen s = { 0 }, t = { 0 };

	(void)state;
	assert_int_equal(feed(&s, 30000, len_line), 0);
	assert_int_equal(feed(&t, 30000, len_mixed), 0);
	assert_int_equal(t.items, 30000);
	assert_int_equal(t.wrong, 0);
}

static void pipeline__alone__same_items_without_a_thread(void **state)
{
	struct seen s = { 0 }, t = { 0 };

	(void)state;
	assert_int_equal(feed_in(&s, 100000, len_mixed, 1), 0);
	assert_int_equal(s.items, 100000);
	assert_int_equal(s.wrong, 0);
	assert_int_equal(s.misaligned, 0);
	assert_int_equal(s.in_main, 100000);
	t.stop_at = 777;
	assert_int_equal(feed_in(&t, 100000, len_line, 1), 1);
	assert_int_equal(t.items, 777);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pipeline__short_input__consumed_at_end),
		cmocka_unit_test(pipeline__many_slots__every_item_in_order),
		cmocka_unit_test(pipeline__empty_long_and_full_size_items),
		cmocka_unit_test(pipeline__nothing_put__nothing_consumed),
		cmocka_unit_test(pipeline__fn_stops__no_item_after_and_put_says_so),
		cmocka_unit_test(pipeline__reused_after_end),
		cmocka_unit_test(pipeline__alone__same_items_without_a_thread),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
