/* test_topk.c - the Space-Saving sketch of scan's tables by domain and
 * relay: exact while the keys fit, within its error bound after. */
#include "testutil.h"
#include "topk.h"

static struct topk t;
static int order[TOPK_SLOTS];

static void add(const char *key, int kind, unsigned long n)
{
	topk_add(&t, key, strlen(key), kind, n);
}

static void exact__while_keys_fit(void **state)
{
	int n;

	(void)state;
	topk_init(&t);
	add("example.org", 0, 3);
	add("example.net", 1, 5);
	add("example.org", 2, 1);
	add("example.com", 0, 4);
	n = topk_sorted(&t, order);
	assert_int_equal(n, 3);
	assert_string_equal(t.slot[order[0]].key, "example.net");
	/* A tie (4 and 4): key order. */
	assert_string_equal(t.slot[order[1]].key, "example.com");
	assert_string_equal(t.slot[order[2]].key, "example.org");
	assert_int_equal(t.slot[order[2]].kind[0], 3);
	assert_int_equal(t.slot[order[2]].kind[2], 1);
	assert_int_equal(t.total[0], 7);
	assert_int_equal(t.max_error, 0);
}

static void long_keys__cut(void **state)
{
	char key[200];

	(void)state;
	topk_init(&t);
	memset(key, 'a', sizeof key);
	topk_add(&t, key, sizeof key, 0, 1);
	topk_add(&t, key, TOPK_KEY - 1, 0, 1);
	assert_int_equal(t.used, 1);
	assert_int_equal(t.slot[0].keylen, TOPK_KEY - 1);
	assert_int_equal(t.slot[0].kind[0], 2);
}

/* Heavy keys among many more light ones than the table holds: every heavy
 * key is kept, and every kept key's count is within its error of the truth,
 * the error within total / TOPK_SLOTS. */
static void bound__heavy_keys_kept(void **state)
{
	char key[32];
	unsigned long i, total = 0;
	int n, j, found = 0;

	(void)state;
	topk_init(&t);
	for (i = 0; i < 20000; i++) {
		snprintf(key, sizeof key, "light%lu.example", i);
		add(key, 1, 1);
		total++;
		if (i % 10 == 0) {
			snprintf(key, sizeof key, "heavy%lu.example", i % 50);
			add(key, 0, 1);
			total++;
		}
	}
	n = topk_sorted(&t, order);
	assert_int_equal(n, TOPK_SLOTS);
	assert_true(t.max_error <= total / TOPK_SLOTS);
	for (j = 0; j < 5; j++) {
		const struct topk_slot *s = &t.slot[order[j]];
		assert_memory_equal(s->key, "heavy", 5);
		/* True count 400; kept counts are short by at most the error. */
		assert_true(s->kind[0] <= 400 && s->kind[0] + s->error >= 400);
		found++;
	}
	assert_int_equal(found, 5);
	assert_int_equal(t.total[0] + t.total[1], total);
}

static void merge__counts_and_errors_add(void **state)
{
	unsigned long c[TOPK_KINDS] = { 2, 1, 0 };

	(void)state;
	topk_init(&t);
	add("example.org", 0, 1);
	topk_add_counts(&t, "example.org", 11, c, 3);
	assert_int_equal(t.slot[0].kind[0], 3);
	assert_int_equal(t.slot[0].kind[1], 1);
	assert_int_equal(t.slot[0].error, 3);
	assert_int_equal(t.slot[0].weight, 7);
	assert_int_equal(t.max_error, 3);
}

/* Keys of every length, from the end of a buffer (so that a read past it
 * shows under the sanitizers): cut, in lower case when asked, zero after. */
static void key_make__every_length_and_byte(void **state)
{
	static const char mixed[] = "MX.Example.ORG@[Z]`{\x80\xC3\x89\xFF\x01AZaz09-_MAIL.EXAMPLE.NET.LONGER"
	                             "THAN.SIXTY.FOUR.BYTES.EXAMPLE.COM";
	size_t n, i;

	(void)state;
	for (n = 0; n < sizeof mixed; n++) {
		char *copy = malloc(n ? n : 1);
		struct topk_key lower, kept, again;
		size_t len = n < TOPK_KEY - 1 ? n : TOPK_KEY - 1;
		assert_non_null(copy);
		memcpy(copy, mixed, n);
		topk_key_make(&lower, copy, n, 1);
		topk_key_make(&kept, copy, n, 0);
		assert_int_equal(lower.len, len);
		for (i = 0; i < len; i++) {
			char c = mixed[i];
			assert_int_equal(kept.text[i], c);
			assert_int_equal(lower.text[i], c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
		}
		for (i = len; i < (len / 8 + 1) * 8; i++)
			assert_int_equal(lower.text[i], 0);
		/* the lower-case key made from lower case is the same key */
		memcpy(copy, lower.text, len);
		topk_key_make(&again, copy, len, 0);
		assert_true(again.hash == lower.hash);
		assert_memory_equal(again.text, lower.text, (len / 8 + 1) * 8);
		free(copy);
	}
}

/* Keys that differ in one digit (a new domain on every line, as in a
 * spam run) spread over the buckets: no chain is long. */
static void buckets__short_chains(void **state)
{
	char key[32];
	int i, b, longest = 0;

	(void)state;
	topk_init(&t);
	for (i = 0; i < 20 * TOPK_SLOTS; i++) { /* the table full, then keys taken over */
		snprintf(key, sizeof key, "d%d.example.org", i * 5);
		add(key, 0, 1);
	}
	for (b = 0; b < TOPK_BUCKETS; b++) {
		int len = 0, s;
		for (s = t.bucket[b]; s >= 0; s = t.slot[s].next)
			len++;
		longest = len > longest ? len : longest;
	}
	assert_int_equal(t.used, TOPK_SLOTS);
	assert_true(longest <= 8);
}

static struct topk plain;

/* Counts key[0..n) in t through topk_add_lower and in plain through
 * topk_key_make and topk_add_key, from a buffer of exactly its length. */
static void add_both(const char *key, size_t n, int kind, unsigned long count)
{
	struct topk_key k;
	char *copy = malloc(n ? n : 1);

	assert_non_null(copy);
	memcpy(copy, key, n);
	topk_add_lower(&t, copy, n, kind, count);
	topk_key_make(&k, copy, n, 1);
	topk_add_key(&plain, &k, kind, count);
	free(copy);
}

/* t and plain hold the same table, slot for slot. */
static void assert_same_tables(void)
{
	int s;

	assert_int_equal(t.used, plain.used);
	assert_memory_equal(t.heap, plain.heap, sizeof t.heap);
	assert_memory_equal(t.total, plain.total, sizeof t.total);
	assert_int_equal(t.max_error, plain.max_error);
	for (s = 0; s < t.used; s++) {
		assert_string_equal(t.slot[s].key, plain.slot[s].key);
		assert_int_equal(t.slot[s].weight, plain.slot[s].weight);
		assert_int_equal(t.slot[s].error, plain.slot[s].error);
		assert_memory_equal(t.slot[s].kind, plain.slot[s].kind, sizeof t.slot[s].kind);
	}
}

/* The same stream through topk_add_lower and through topk_key_make and
 * topk_add_key: the same table, while keys repeat, differ only in case,
 * are cut or empty, and once a remembered key's slot is taken over by
 * another key (the table full) and the key comes back. */
static void add_lower__as_made_and_added(void **state)
{
	static const char *const names[] = {
		"mx.example.org", "MX.Example.ORG", "mx.example.net", "example.com", "x", "",
		"a-very-long-relay-name-that-is-cut-at-sixty-three-bytes.example.org",
		"a-very-long-relay-name-that-is-cut-at-sixty-three-bytes.example.orx",
	};
	unsigned long seed = 11;
	char key[80];
	int i, n;

	(void)state;
	topk_init(&t);
	topk_init(&plain);
	for (i = 0; i < 6 * TOPK_SLOTS; i++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		if (i > TOPK_SLOTS && (seed >> 40) % 3 == 0) /* a new key: the table fills */
			n = snprintf(key, sizeof key, "d%d.Example.org", i);
		else
			n = (int)strlen(strcpy(key, names[(seed >> 33) % 8]));
		add_both(key, (size_t)n, (int)(seed >> 50) % TOPK_KINDS, (unsigned long)i % 3 + 1);
	}
	assert_same_tables();
	/* "light" remembered, its slot taken over by keys that pass by the
	 * memo (so that they leave it as it is), then "light" again */
	topk_init(&t);
	topk_init(&plain);
	add_both("light", 5, 0, 1);
	add_both("light", 5, 0, 1); /* found: remembered */
	for (i = 0; i < TOPK_SLOTS; i++) {
		struct topk_key k;
		n = snprintf(key, sizeof key, "k%d.example.org", i);
		topk_key_make(&k, key, (size_t)n, 1);
		topk_add_key(&t, &k, 1, 5);
		topk_add_key(&plain, &k, 1, 5);
	}
	assert_true(t.taken == 1);
	add_both("light", 5, 2, 1);
	assert_same_tables();
	/* the first names, counted through their memos */
	topk_init(&t);
	for (i = 0; i < 4; i++)
		topk_add_lower(&t, names[i % 2], strlen(names[i % 2]), 1, 2);
	assert_int_equal(t.used, 1);
	assert_string_equal(t.slot[0].key, "mx.example.org");
	assert_int_equal(t.slot[0].kind[1], 8);
	assert_int_equal(t.total[1], 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exact__while_keys_fit),
		cmocka_unit_test(long_keys__cut),
		cmocka_unit_test(bound__heavy_keys_kept),
		cmocka_unit_test(merge__counts_and_errors_add),
		cmocka_unit_test(key_make__every_length_and_byte),
		cmocka_unit_test(buckets__short_chains),
		cmocka_unit_test(add_lower__as_made_and_added),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
