/* verdict_match.c - finds the longest of many keys in a text at once.
 *
 * The keys are bucketed by a hash of their first two bytes, lower-cased (a
 * counting sort, done per call so the library keeps no state: about two
 * thousand simple steps), then each position of the text is tried only
 * against the keys of its two bytes' bucket, most often none or one. A
 * reply of 100 bytes costs about 100 bucket look-ups and a handful of
 * compares, instead of one strstr per key. A one-byte key hashes with a
 * NUL second byte and is looked up at every position only when one exists. */
#include "verdict.h"
#include "ascii.h"

#include <string.h>

#define NBUCKETS 256

struct buckets {
	unsigned short start[NBUCKETS + 1];
	unsigned short order[VD_KEYS_MAX];
	int short_keys; /* some key is one byte long */
};

/* The bucket of two bytes (the second may be NUL), lower-cased. */
static unsigned hash2(const char *s)
{
	unsigned a = (unsigned)scx_lower((unsigned char)s[0]);
	unsigned b = a ? (unsigned)scx_lower((unsigned char)s[1]) : 0;

	return (a * 31u + b * 7u) % NBUCKETS;
}

static void bucket(struct buckets *b, const char *const *keys, size_t n)
{
	unsigned short fill[NBUCKETS], h[VD_KEYS_MAX];
	size_t i;

	memset(b->start, 0, sizeof b->start);
	b->short_keys = 0;
	for (i = 0; i < n; i++) {
		h[i] = (unsigned short)hash2(keys[i]);
		b->start[h[i] + 1]++;
		b->short_keys |= keys[i][0] && !keys[i][1];
	}
	for (i = 1; i <= NBUCKETS; i++)
		b->start[i] = (unsigned short)(b->start[i] + b->start[i - 1]);
	memcpy(fill, b->start, sizeof fill);
	for (i = 0; i < n; i++)
		b->order[fill[h[i]]++] = (unsigned short)i;
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

/* A text and the best matches so far, below and from split. */
struct scan {
	const char *const *keys;
	size_t split;
	const char *text;
	size_t len;
	struct vd_match *m;
};

/* Tries the keys of bucket h at position at; keeps the longest. */
static void try_bucket(const struct buckets *b, unsigned h, const struct scan *sc, size_t at)
{
	size_t j;

	for (j = b->start[h]; j < b->start[h + 1]; j++) {
		size_t row = b->order[j], k = match_at(sc->keys[row], sc->text, sc->len, at);
		struct vd_match *m = &sc->m[row >= sc->split];
		if (k > m->length)
			m->row = row, m->offset = at, m->length = k;
	}
}

void vd_longest(const char *const *keys, size_t n, size_t split, const char *text, size_t len,
                struct vd_match m[2])
{
	struct buckets b;
	struct scan sc;
	size_t at;

	if (n > VD_KEYS_MAX)
		n = VD_KEYS_MAX;
	bucket(&b, keys, n);
	m[0].length = m[1].length = 0;
	sc.keys = keys, sc.split = split, sc.text = text, sc.len = len, sc.m = m;
	for (at = 0; at < len; at++) {
		char pair[2];
		pair[0] = text[at], pair[1] = at + 1 < len ? text[at + 1] : '\0';
		if (pair[0])
			try_bucket(&b, hash2(pair), &sc, at);
		if (b.short_keys && pair[1]) {
			pair[1] = '\0';
			try_bucket(&b, hash2(pair), &sc, at);
		}
	}
}
