/* topk.c - the Space-Saving sketch (see topk.h). A key is made once, 8
 * bytes at a time (lower case, hash), and compared 8 bytes at a time. */
#include "topk.h"

#include <stdlib.h>
#include <string.h>

#define ONES UINT64_C(0x0101010101010101)
#define HASH_MUL UINT64_C(0x9E3779B97F4A7C15)

_Static_assert(TOPK_KEY % 8 == 0, "a key is whole words");
_Static_assert((TOPK_BUCKETS & (TOPK_BUCKETS - 1)) == 0, "the buckets are a power of two");

void topk_init(struct topk *t)
{
	memset(t, 0, sizeof *t);
	topk_start(t);
}

void topk_start(struct topk *t)
{
	int i;

	for (i = 0; i < TOPK_BUCKETS; i++)
		t->bucket[i] = -1;
}

/* Nonzero if the first byte in memory of a word is its lowest (a constant
 * to the compiler). */
static int little_endian(void)
{
	const uint16_t one = 1;
	unsigned char first;

	memcpy(&first, &one, 1);
	return first;
}

/* The 8 bytes of x with the ASCII capital letters in lower case: a byte
 * below 0x80 whose low 7 bits are 'A' to 'Z' gains 0x20. */
static uint64_t lower8(uint64_t x)
{
	uint64_t low7 = x & ~(ONES * 0x80);
	uint64_t from_a = low7 + ONES * (0x80 - 'A'), past_z = low7 + ONES * (0x80 - 'Z' - 1);

	return x | (from_a & ~past_z & ~x & ONES * 0x80) >> 2;
}

void topk_key_make(struct topk_key *k, const char *s, size_t n, int lower)
{
	uint64_t h, w;
	size_t at = 0, i;

	if (n > TOPK_KEY - 1)
		n = TOPK_KEY - 1;
	k->len = n;
	h = n;
	for (;;) { /* the last word holds the end and at least one zero byte */
		w = 0;
		if (n - at >= 8) {
			memcpy(&w, s + at, 8);
		} else if (n < 8) { /* a short key: the same bytes as memcpy, in memory order */
			for (i = 0; i < n; i++)
				((unsigned char *)&w)[i] = (unsigned char)s[i];
		} else if (n > at) { /* the last 8 bytes, shifted to the front */
			memcpy(&w, s + n - 8, 8);
			w = little_endian() ? w >> 8 * (8 - (n - at)) : w << 8 * (8 - (n - at));
		}
		if (lower)
			w = lower8(w);
		memcpy(k->text + at, &w, 8);
		h = (h ^ w) * HASH_MUL;
		if (n - at < 8)
			break;
		at += 8;
	}
	/* every bit of the key into the low ones, which pick the bucket
	 * (MurmurHash3's finalizer): keys that differ in one byte, such as
	 * d1.example.org and d2.example.org, must not share a bucket */
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	k->hash = h ^ h >> 33;
}

/* Nonzero if a slot holds key k: the words up to and with its last. */
static int same_key(const struct topk_slot *sl, const struct topk_key *k)
{
	size_t at;

	if (sl->hash != (uint32_t)k->hash || sl->keylen != k->len)
		return 0;
	for (at = 0; at <= k->len; at += 8) {
		uint64_t a, b;
		memcpy(&a, sl->key + at, 8);
		memcpy(&b, k->text + at, 8);
		if (a != b)
			return 0;
	}
	return 1;
}

static unsigned bucket_of(uint32_t hash)
{
	return hash & (TOPK_BUCKETS - 1);
}

static int find(const struct topk *t, const struct topk_key *k, unsigned b)
{
	int i;

	for (i = t->bucket[b]; i >= 0; i = t->slot[i].next)
		if (same_key(&t->slot[i], k))
			return i;
	return -1;
}

static void swap(struct topk *t, int a, int b)
{
	int x = t->heap[a];

	t->heap[a] = t->heap[b];
	t->heap[b] = x;
	t->pos[t->heap[a]] = a;
	t->pos[t->heap[b]] = b;
}

/* Restores the heap below position at, after that slot's weight grew. */
static void sift_down(struct topk *t, int at)
{
	for (;;) {
		int l = 2 * at + 1, r = l + 1, least = at;
		if (l < t->used && t->slot[t->heap[l]].weight < t->slot[t->heap[least]].weight)
			least = l;
		if (r < t->used && t->slot[t->heap[r]].weight < t->slot[t->heap[least]].weight)
			least = r;
		if (least == at)
			return;
		swap(t, at, least);
		at = least;
	}
}

static void sift_up(struct topk *t, int at)
{
	while (at > 0 && at < TOPK_SLOTS) {
		int parent = (at - 1) / 2;
		if (t->slot[t->heap[parent]].weight <= t->slot[t->heap[at]].weight)
			return;
		swap(t, at, parent);
		at = parent;
	}
}

static void unlink_slot(struct topk *t, int s)
{
	int *p = &t->bucket[bucket_of(t->slot[s].hash)];

	while (*p != s)
		p = &t->slot[*p].next;
	*p = t->slot[s].next;
}

/* A slot for a key not kept: a free one, or the lightest one taken over
 * (which keeps its weight as the new key's error); b is the key's bucket. */
static int new_slot(struct topk *t, const struct topk_key *k, unsigned b)
{
	struct topk_slot *sl;
	int s;

	if (t->used < TOPK_SLOTS) {
		s = t->used;
		t->heap[s] = s;
		t->pos[s] = s;
		t->used++;
		t->slot[s].weight = 0;
	} else {
		s = t->heap[0];
		unlink_slot(t, s);
		t->taken++; /* the memos of the old key are no longer its */
	}
	sl = &t->slot[s];
	sl->error = sl->weight;
	memset(sl->kind, 0, sizeof sl->kind);
	memcpy(sl->key, k->text, (k->len / 8 + 1) * 8);
	sl->keylen = (unsigned char)k->len;
	sl->hash = (uint32_t)k->hash;
	sl->next = t->bucket[b];
	t->bucket[b] = s;
	return s;
}

/* The slot for key: its own, else a new one. */
static int slot_for(struct topk *t, const struct topk_key *k)
{
	unsigned b = bucket_of((uint32_t)k->hash);
	int s = find(t, k, b);

	return s >= 0 ? s : new_slot(t, k, b);
}

/* Adds counts and an error to the key's slot, and restores the heap. */
static void add_to(struct topk *t, int s, const unsigned long *kinds, unsigned long error)
{
	unsigned long sum = error;
	int i;

	for (i = 0; i < TOPK_KINDS; i++) {
		t->slot[s].kind[i] += kinds[i];
		t->total[i] += kinds[i];
		sum += kinds[i];
	}
	t->slot[s].error += error;
	t->slot[s].weight += sum;
	if (t->slot[s].error > t->max_error)
		t->max_error = t->slot[s].error;
	sift_up(t, t->pos[s]);
	sift_down(t, t->pos[s]);
}

void topk_add_counts(struct topk *t, const char *key, size_t len,
                     const unsigned long *kinds, unsigned long error)
{
	struct topk_key k;

	topk_key_make(&k, key, len, 0);
	add_to(t, slot_for(t, &k), kinds, error);
}

/* Counts n events of kind for the key in slot s, which can then only
 * sink in the heap (its weight grows). */
static void add_kept(struct topk *t, int s, int kind, unsigned long n)
{
	t->slot[s].kind[kind] += n;
	t->total[kind] += n;
	t->slot[s].weight += n;
	sift_down(t, t->pos[s]);
}

/* topk_add_key; returns the key's slot if the table had it, else -1. */
static int add_key(struct topk *t, const struct topk_key *k, int kind, unsigned long n)
{
	unsigned b = bucket_of((uint32_t)k->hash);
	int s = find(t, k, b);
	unsigned long kinds[TOPK_KINDS] = { 0 };

	if (s >= 0) {
		add_kept(t, s, kind, n);
		return s;
	}
	kinds[kind] = n;
	add_to(t, new_slot(t, k, b), kinds, 0);
	return -1;
}

void topk_add_key(struct topk *t, const struct topk_key *k, int kind, unsigned long n)
{
	add_key(t, k, kind, n);
}

/* Nonzero if a[0..n) and b[0..n) are the same bytes: 8 at a time, the
 * last 8 overlapping the others (a call to memcmp costs more here). */
static int same_bytes(const char *a, const char *b, size_t n)
{
	uint64_t x, y;
	size_t at;

	if (n < 8) {
		for (at = 0; at < n; at++)
			if (a[at] != b[at])
				return 0;
		return 1;
	}
	for (at = 0; at + 8 < n; at += 8) {
		memcpy(&x, a + at, 8);
		memcpy(&y, b + at, 8);
		if (x != y)
			return 0;
	}
	memcpy(&x, a + n - 8, 8);
	memcpy(&y, b + n - 8, 8);
	return x == y;
}

void topk_add_lower(struct topk *t, const char *s, size_t n, int kind, unsigned long count)
{
	struct topk_key k;
	struct topk_memo *m;
	uint32_t pick;
	int slot;

	if (n > TOPK_KEY - 1)
		n = TOPK_KEY - 1;
	/* the memo from three bytes and the length: a guess, checked below */
	pick = n ? (uint32_t)(unsigned char)s[0] | (uint32_t)(unsigned char)s[n - 1] << 8 |
	           (uint32_t)(unsigned char)s[n / 2] << 16 | (uint32_t)n << 24 : 0;
	m = &t->memo[(pick * UINT32_C(0x9E3779B1)) >> (32 - TOPK_MEMO_BITS)];
	if (m->slot && m->len == n && m->taken == t->taken && same_bytes(m->raw, s, n)) {
		add_kept(t, m->slot - 1, kind, count);
		return;
	}
	topk_key_make(&k, s, n, 1);
	/* a key remembered once seen twice: a log of new names every line
	 * (a spam run) does not pay for memos never read */
	if ((slot = add_key(t, &k, kind, count)) < 0)
		return;
	m->slot = slot + 1;
	m->len = (unsigned char)n;
	memcpy(m->raw, s, n);
	m->taken = t->taken;
}

void topk_add(struct topk *t, const char *key, size_t len, int kind, unsigned long n)
{
	struct topk_key k;

	topk_key_make(&k, key, len, 0);
	topk_add_key(t, &k, kind, n);
}

static const struct topk *sorting;

static int heavier(const void *a, const void *b)
{
	const struct topk_slot *x = &sorting->slot[*(const int *)a];
	const struct topk_slot *y = &sorting->slot[*(const int *)b];
	size_t n = x->keylen < y->keylen ? x->keylen : y->keylen;
	int c;

	if (x->weight != y->weight)
		return x->weight < y->weight ? 1 : -1;
	c = memcmp(x->key, y->key, n);
	return c ? c : (int)x->keylen - (int)y->keylen;
}

int topk_sorted(const struct topk *t, int *order)
{
	int i;

	for (i = 0; i < t->used; i++)
		order[i] = i;
	sorting = t;
	qsort(order, (size_t)t->used, sizeof order[0], heavier);
	return t->used;
}
