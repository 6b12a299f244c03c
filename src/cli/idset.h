/* idset.h - a fixed-size set of recent queue ids (deferred messages). */
#ifndef SMTPCODE_IDSET_H
#define SMTPCODE_IDSET_H

#include <stddef.h>
#include <stdint.h>

/* Two generations of IDSET_GEN ids each, kept as 64-bit hashes. While no
 * more than IDSET_GEN distinct ids have been added, the set is exact (up to
 * a 64-bit hash collision, about n*n/2^65). When a generation fills, the
 * older one is forgotten: an id is then counted again only if IDSET_GEN or
 * more other distinct ids were added since it was last seen. */
#define IDSET_GEN 32768
#define IDSET_SLOTS 65536 /* per generation: 2 * IDSET_GEN, at most half full */

struct idset {
	uint64_t gen[2][IDSET_SLOTS]; /* 0: empty */
	size_t used[2];
	int cur;                      /* the generation that takes new ids */
};

void idset_init(struct idset *s);

/* Adds an id; returns 1 if it was not in the set, else 0. */
int idset_add(struct idset *s, const char *id, size_t len);

/* The same with the id's hash, as idset_sorted gives it (--merge). */
int idset_add_hash(struct idset *s, uint64_t h);

/* Fills out (room for 2 * IDSET_GEN) with the hashes of the ids kept, in
 * increasing order; returns how many. */
size_t idset_sorted(const struct idset *s, uint64_t *out);

#endif
