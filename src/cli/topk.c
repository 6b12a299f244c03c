/* topk.c - the Space-Saving sketch (see topk.h). */
#include "topk.h"

#include <stdlib.h>
#include <string.h>

void topk_init(struct topk *t)
{
	int i;

	memset(t, 0, sizeof *t);
	for (i = 0; i < TOPK_BUCKETS; i++)
		t->bucket[i] = -1;
}

static unsigned bucket_of(const char *key, size_t len)
{
	unsigned long h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)key[i]) * 16777619u;
	return (unsigned)(h % TOPK_BUCKETS);
}

static int find(const struct topk *t, const char *key, size_t len, unsigned b)
{
	int i;

	for (i = t->bucket[b]; i >= 0; i = t->slot[i].next)
		if (t->slot[i].keylen == len && memcmp(t->slot[i].key, key, len) == 0)
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
	unsigned b = bucket_of(t->slot[s].key, t->slot[s].keylen);
	int *p = &t->bucket[b];

	while (*p != s)
		p = &t->slot[*p].next;
	*p = t->slot[s].next;
}

/* The slot for key: its own, a free one, or the lightest one taken over
 * (which keeps its weight as the new key's error). */
static int slot_for(struct topk *t, const char *key, size_t len)
{
	unsigned b = bucket_of(key, len);
	int s = find(t, key, len, b);
	struct topk_slot *sl;

	if (s >= 0)
		return s;
	if (t->used < TOPK_SLOTS) {
		s = t->used;
		t->heap[s] = s;
		t->pos[s] = s;
		t->used++;
		t->slot[s].weight = 0;
	} else {
		s = t->heap[0];
		unlink_slot(t, s);
	}
	sl = &t->slot[s];
	sl->error = sl->weight;
	memset(sl->kind, 0, sizeof sl->kind);
	memcpy(sl->key, key, len);
	sl->keylen = (unsigned char)len;
	sl->next = t->bucket[b];
	t->bucket[b] = s;
	return s;
}

void topk_add_counts(struct topk *t, const char *key, size_t len,
                     const unsigned long *kinds, unsigned long error)
{
	unsigned long sum = error;
	int s, k;

	if (len > TOPK_KEY - 1)
		len = TOPK_KEY - 1;
	s = slot_for(t, key, len);
	for (k = 0; k < TOPK_KINDS; k++) {
		t->slot[s].kind[k] += kinds[k];
		t->total[k] += kinds[k];
		sum += kinds[k];
	}
	t->slot[s].error += error;
	t->slot[s].weight += sum;
	if (t->slot[s].error > t->max_error)
		t->max_error = t->slot[s].error;
	sift_up(t, t->pos[s]);
	sift_down(t, t->pos[s]);
}

void topk_add(struct topk *t, const char *key, size_t len, int kind, unsigned long n)
{
	unsigned long kinds[TOPK_KINDS] = { 0 };

	kinds[kind] = n;
	topk_add_counts(t, key, len, kinds, 0);
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
