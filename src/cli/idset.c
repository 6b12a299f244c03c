/* idset.c - a fixed-size set of recent queue ids (deferred messages). */
#include "idset.h"

#include <stdlib.h>
#include <string.h>

void idset_init(struct idset *s)
{
	memset(s, 0, sizeof *s);
}

/* FNV-1a, never 0 (0 marks an empty slot). */
static uint64_t hash_of(const char *id, size_t len)
{
	uint64_t h = 14695981039346656037u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)id[i];
		h *= 1099511628211u;
	}
	return h ? h : 1;
}

/* The slot of h in table t: where it is, or the empty slot it would take. */
static size_t slot_of(const uint64_t *t, uint64_t h)
{
	size_t i = (size_t)(h ^ (h >> 29)) & (IDSET_SLOTS - 1);

	while (t[i] && t[i] != h)
		i = (i + 1) & (IDSET_SLOTS - 1);
	return i;
}

int idset_add(struct idset *s, const char *id, size_t len)
{
	return idset_add_hash(s, hash_of(id, len));
}

int idset_add_hash(struct idset *s, uint64_t h)
{
	uint64_t *cur = s->gen[s->cur], *old = s->gen[!s->cur];
	size_t i;

	if (h == 0)
		h = 1;
	i = slot_of(cur, h);
	if (cur[i] || old[slot_of(old, h)] == h)
		return 0;
	if (s->used[s->cur] == IDSET_GEN) {
		/* The current generation is full: it becomes the old one. */
		s->cur = !s->cur;
		memset(s->gen[s->cur], 0, sizeof s->gen[s->cur]);
		s->used[s->cur] = 0;
		cur = s->gen[s->cur];
		i = slot_of(cur, h);
	}
	cur[i] = h;
	s->used[s->cur]++;
	return 1;
}

static int increasing(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

size_t idset_sorted(const struct idset *s, uint64_t *out)
{
	size_t n = 0, i;
	int g;

	for (g = 0; g < 2; g++)
		for (i = 0; i < IDSET_SLOTS; i++)
			if (s->gen[g][i])
				out[n++] = s->gen[g][i];
	qsort(out, n, sizeof out[0], increasing);
	return n;
}
