/* verdict_match.c - finds the longest of many keys in a text at once.
 *
 * The keys are bucketed by their first byte (a counting sort, done per call
 * so the library keeps no state: a few hundred steps), then each position
 * of the text is tried only against the keys that start with its byte. A
 * reply of 100 bytes costs about 100 bucket look-ups and a few dozen
 * compares, instead of one strstr per key. */
#include "verdict.h"
#include "ascii.h"

#include <string.h>

struct buckets {
	unsigned short start[257];
	unsigned short order[VD_KEYS_MAX];
};

static void bucket(struct buckets *b, const char *const *keys, size_t n)
{
	unsigned short fill[256];
	size_t i;

	memset(b->start, 0, sizeof b->start);
	for (i = 0; i < n; i++)
		b->start[(unsigned char)scx_lower((unsigned char)keys[i][0]) + 1]++;
	for (i = 1; i < 257; i++)
		b->start[i] = (unsigned short)(b->start[i] + b->start[i - 1]);
	memcpy(fill, b->start, sizeof fill);
	for (i = 0; i < n; i++)
		b->order[fill[(unsigned char)scx_lower((unsigned char)keys[i][0])]++] =
			(unsigned short)i;
}

static int is_word(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The length of key if it matches text at position at, else 0. */
static size_t match_at(const char *key, const char *text, size_t len, size_t at)
{
	size_t k;

	for (k = 0; key[k]; k++)
		if (at + k >= len || scx_lower((unsigned char)text[at + k]) !=
		                     scx_lower((unsigned char)key[k]))
			return 0;
	if (k <= VD_WORD_MAX) {
		if (at > 0 && is_word((unsigned char)text[at - 1]))
			return 0;
		if (at + k < len && is_word((unsigned char)text[at + k]))
			return 0;
	}
	return k;
}

int vd_longest(const char *const *keys, size_t n, const char *text, size_t len,
               struct vd_match *m)
{
	struct buckets b;
	size_t at, j;

	if (n > VD_KEYS_MAX)
		n = VD_KEYS_MAX;
	bucket(&b, keys, n);
	m->length = 0;
	for (at = 0; at < len; at++) {
		unsigned c = (unsigned char)scx_lower((unsigned char)text[at]);
		for (j = b.start[c]; j < b.start[c + 1]; j++) {
			size_t row = b.order[j], k = match_at(keys[row], text, len, at);
			if (k > m->length)
				m->row = row, m->offset = at, m->length = k;
		}
	}
	return m->length ? 0 : -1;
}
