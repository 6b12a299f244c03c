/* test_logstat_key.c - the key of a verdict: one key for texts whose kept
 * bytes are the same, in the same places; another when a kept byte differs. */
#include "testutil.h"
#include "logstat_key.h"

/* The key of a string, read from a buffer of exactly its length (so that a
 * read past the end shows under the sanitizers). */
static uint64_t key(const char *s)
{
	size_t n = strlen(s);
	char *copy = malloc(n ? n : 1);
	uint64_t k;

	assert_non_null(copy);
	memcpy(copy, s, n);
	k = ls_verdict_key(copy, n);
	free(copy);
	return k;
}

static void same__where_only_volatile_bytes_differ(void **state)
{
	(void)state;
	/* an address of the same length, inside <> */
	assert_true(key("550 5.1.1 <a@example.org>: User unknown") ==
	            key("550 5.1.1 <b@example.org>: User unknown"));
	/* words over 10 bytes with a digit: IP addresses, queue ids */
	assert_true(key("host mx[198.51.100.45] said: 451 later") ==
	            key("host mx[198.51.100.46] said: 451 later"));
	assert_true(key("queued as 4Y1AB2C3D4E") == key("queued as 4Y1AB2C3D4F"));
	/* such a word that ends at a '<' */
	assert_true(key("id=abcdefghi1<x@example.org> ok") == key("id=abcdefghi2<y@example.org> ok"));
	/* across the 8-byte blocks, at either end of the text */
	assert_true(key("0123456789a") == key("0123456789b"));
	assert_true(key("x 0123456789abcdefghij1") == key("x 0123456789abcdefghij2"));
	assert_true(key("") == key(""));
}

static void different__where_a_kept_byte_differs(void **state)
{
	(void)state;
	assert_true(key("User unknown") != key("User unknowN"));
	assert_true(key("550 5.1.1 x") != key("550 5.1.2 x"));
	/* 10 bytes with a digit stay (provider tags), 11 without one stay */
	assert_true(key("TSS04abcde later") != key("TSS04abcdf later"));
	assert_true(key("abcdefghijk") != key("abcdefghijl"));
	/* a '<' without a '>' keeps what follows; the '>' itself is kept */
	assert_true(key("a <b") != key("a <c"));
	assert_true(key("x<a>y") != key("x<a]y"));
	assert_true(key("x<a>y") != key("x<a>z"));
	/* the place of a kept byte */
	assert_true(key("a b") != key("ab "));
	assert_true(key("") != key(" "));
	assert_true(key("a") != key("a\001"));
}

/* What a verdict reads of a text (logstat_detail.c, without its cut at
 * 1023 bytes): each byte marked dropped or kept, then the kept ones with
 * their places. */
static size_t kept(const char *s, size_t n, char *out, size_t *where)
{
	char drop[64] = { 0 };
	size_t i = 0, k, len = 0;

	assert_true(n <= sizeof drop);
	while (i < n) {
		const char *close = s[i] == '<' ? memchr(s + i, '>', n - i) : NULL;
		size_t end = i, digits = 0;
		if (close) { /* "<...": dropped up to the '>' */
			memset(drop + i, 1, (size_t)(close - s) - i);
			i = (size_t)(close - s) + 1;
			continue;
		}
		for (; end < n && (end == i || (s[end] != ' ' && s[end] != '<')); end++)
			digits += s[end] >= '0' && s[end] <= '9';
		if (s[i] != ' ' && s[i] != '<' && digits > 0 && end - i > 10)
			memset(drop + i, 1, end - i);
		i = s[i] == ' ' || s[i] == '<' ? i + 1 : end;
	}
	for (k = 0; k < n; k++)
		if (!drop[k]) {
			where[len] = k;
			out[len++] = s[k];
		}
	return len;
}

/* Every text of up to 14 bytes over a small alphabet (a sample of them):
 * two texts with one key keep the same bytes in the same places. */
static void exhaustive__one_key_one_text(void **state)
{
	static const char alphabet[] = " <>1a";
	enum { TEXTS = 4000, LEN = 14 };
	static char text[TEXTS][LEN];
	static size_t len[TEXTS];
	static uint64_t keys[TEXTS];
	unsigned long seed = 12345, shared = 0;
	size_t i, j, k;

	(void)state;
	for (i = 0; i < TEXTS; i++) {
		len[i] = i % (LEN + 1);
		for (k = 0; k < len[i]; k++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			text[i][k] = alphabet[(seed >> 33) % 5];
		}
		keys[i] = ls_verdict_key(text[i], len[i]);
	}
	for (i = 0; i < TEXTS; i++)
		for (j = i + 1; j < TEXTS; j++) {
			char a[LEN], b[LEN];
			size_t wa[LEN], wb[LEN], na, nb;
			if (keys[i] != keys[j])
				continue;
			na = kept(text[i], len[i], a, wa);
			nb = kept(text[j], len[j], b, wb);
			assert_int_equal(na, nb);
			assert_memory_equal(a, b, na);
			assert_memory_equal(wa, wb, na * sizeof wa[0]);
			shared += len[i] != len[j] || memcmp(text[i], text[j], len[i]) != 0;
		}
	/* the test has texts to tell apart: ones that differ where nothing is kept */
	assert_true(shared >= 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same__where_only_volatile_bytes_differ),
		cmocka_unit_test(different__where_a_kept_byte_differs),
		cmocka_unit_test(exhaustive__one_key_one_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
