/* test_verdict_match.c - the phrase and tag matcher by itself
 * (src/lib/verdict_match.c), over indexes built here as the generator
 * builds build/verdict.inc (src/gen/print_match.c): keys of one and two
 * bytes, which the data has none of today, keys longer and shorter than
 * the eight bytes tested at once, and ties. */
#include "testutil.h"

#include "verdict.h"
#include "verdict_key.h"

#define MAX_KEYS 16

static struct gen_match_key keys[MAX_KEYS];
static unsigned short start[VD_BUCKETS + 1];
static char blob[512];
static struct vd_index ix = { keys, start, blob, 0 };

/* Builds the index of the NULL-ended list of keys (kind 0, row = place in
 * the list, tags for those starting with '['): sorted by bucket, then row. */
static void build(const char *const *list)
{
	unsigned bucket[MAX_KEYS];
	size_t n = 0, off = 0, i, j, b;

	ix.short_keys = 0;
	for (; list[n]; n++) {
		size_t len = strlen(list[n]), k;
		unsigned long long w = 0;
		assert_true(n < MAX_KEYS && off + len + 1 <= sizeof blob);
		memcpy(blob + off, list[n], len + 1);
		for (k = 0; k < len && k < VD_PREFIX; k++)
			w |= (unsigned long long)scx_lower((unsigned char)list[n][k]) << (8 * k);
		keys[n] = (struct gen_match_key){ off, (unsigned)n, list[n][0] == '[', w,
		                                  (unsigned)(len < VD_PREFIX ? len : VD_PREFIX) };
		bucket[n] = vd_bucket(w);
		if (len < 3)
			ix.short_keys |= (int)len;
		off += len + 1;
	}
	for (i = 1; i < n; i++) /* insertion sort: stable, by bucket */
		for (j = i; j > 0 && bucket[j - 1] > bucket[j]; j--) {
			struct gen_match_key k = keys[j];
			unsigned t = bucket[j];
			keys[j] = keys[j - 1], bucket[j] = bucket[j - 1];
			keys[j - 1] = k, bucket[j - 1] = t;
		}
	for (b = 0, i = 0; b <= VD_BUCKETS; b++) {
		while (i < n && bucket[i] < b)
			i++;
		start[b] = (unsigned short)i;
	}
}

/* The longest phrase in text: its row, or -1; *at where it starts. */
static int phrase_in(const char *text, size_t *at)
{
	struct vd_match m[3];

	vd_longest(&ix, text, strlen(text), m);
	*at = m[0].offset;
	return m[0].length ? (int)m[0].row : -1;
}

static void match__one_and_two_byte_keys(void **state)
{
	static const char *const list[] = { "x", "ok", "okay", NULL };
	size_t at;

	(void)state;
	build(list);
	assert_int_equal(ix.short_keys, 3);
	assert_int_equal(phrase_in("x", &at), 0);
	assert_int_equal(phrase_in("a x b", &at), 0);
	assert_int_equal(at, 2);
	assert_int_equal(phrase_in("X", &at), 0);
	assert_int_equal(phrase_in("xy", &at), -1);   /* a short key only as a whole word */
	assert_int_equal(phrase_in("OK", &at), 1);
	assert_int_equal(phrase_in("all ok.", &at), 1);
	assert_int_equal(at, 4);
	assert_int_equal(phrase_in("it is okay", &at), 2); /* the longest */
	assert_int_equal(phrase_in("oka", &at), -1);
}

static void match__long_keys_past_eight_bytes(void **state)
{
	static const char *const list[] = { "mailbox full", "mailbox unavailable", "mailbox",
		                            NULL };
	size_t at;

	(void)state;
	build(list);
	assert_int_equal(ix.short_keys, 0);
	assert_int_equal(phrase_in("550 Mailbox Unavailable", &at), 1);
	assert_int_equal(at, 4);
	assert_int_equal(phrase_in("452 MAILBOX FULL", &at), 0);
	assert_int_equal(phrase_in("mailbox fulL", &at), 0);
	assert_int_equal(phrase_in("mailbox fu", &at), 2); /* text ends in the key */
	assert_int_equal(phrase_in("mailbox unavailablE", &at), 1);
	assert_int_equal(phrase_in("mailbo", &at), -1);
	assert_int_equal(phrase_in("", &at), -1);
}

/* Of two matches as long, the first in the text. */
static void match__ties_to_the_earliest(void **state)
{
	static const char *const list[] = { "relay denied", "quota exceed", NULL };
	size_t at;

	(void)state;
	build(list);
	assert_int_equal(phrase_in("quota exceed, relay denied", &at), 1);
	assert_int_equal(at, 0);
	assert_int_equal(phrase_in("relay denied, quota exceed", &at), 0);
}

/* Tags (here, keys that start with '[') are kept apart from phrases. */
static void match__tags_apart(void **state)
{
	static const char *const list[] = { "[TS01]", "deferred", NULL };
	struct vd_match m[3];
	const char *text = "421 [TS01] Messages deferred";

	(void)state;
	build(list);
	vd_longest(&ix, text, strlen(text), m);
	assert_int_equal(m[1].length, 6);
	assert_int_equal(m[1].offset, 4);
	assert_int_equal(m[0].length, 8);
	assert_int_equal(m[0].row, 1);
	assert_int_equal(m[2].length, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(match__one_and_two_byte_keys),
		cmocka_unit_test(match__long_keys_past_eight_bytes),
		cmocka_unit_test(match__ties_to_the_earliest),
		cmocka_unit_test(match__tags_apart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
