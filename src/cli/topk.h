/* topk.h - the heaviest keys of a stream in fixed memory: the Space-Saving
 * sketch (Metwally, Agrawal, El Abbadi, 2005), with three counts per key. */
#ifndef SMTPCODE_TOPK_H
#define SMTPCODE_TOPK_H

#include <stddef.h>
#include <stdint.h>

#define TOPK_SLOTS 1024      /* keys kept */
#define TOPK_KEY 64          /* longest key kept; longer ones are cut */
#define TOPK_KINDS 3         /* counts per key (delivered, deferred, bounced) */
#define TOPK_BUCKETS 2048

/* One key. weight is the Space-Saving count (the sum of its kinds plus the
 * error it inherited); error is the weight of the key it replaced, so that
 * weight - error <= the key's true total <= weight. Each kind counts the
 * events since the key last entered the table: a lower bound, short by at
 * most error. */
struct topk_slot {
	char key[TOPK_KEY];       /* NUL-terminated, and zero to its next 8 bytes */
	unsigned char keylen;
	uint32_t hash;            /* of the key (struct topk_key) */
	unsigned long weight, error;
	unsigned long kind[TOPK_KINDS];
	int next;                 /* the next slot in its hash bucket, or -1 */
};

#define TOPK_MEMO_BITS 3
#define TOPK_MEMO (1 << TOPK_MEMO_BITS) /* keys remembered as given (topk_add_lower) */

/* A key as a caller gave it (not yet in lower case) and its slot, valid
 * while the table's taken count is the one it was made with: a log names
 * the same few relays and domains line after line. */
struct topk_memo {
	char raw[TOPK_KEY];
	unsigned char len;
	int slot;                 /* index + 1; 0: none */
	unsigned long taken;
};

struct topk {
	struct topk_slot slot[TOPK_SLOTS];
	int used;
	unsigned long taken;        /* slots taken over by a new key so far */
	struct topk_memo memo[TOPK_MEMO];
	int bucket[TOPK_BUCKETS];   /* first slot of each bucket, or -1 */
	int heap[TOPK_SLOTS];       /* slots, least weight first */
	int pos[TOPK_SLOTS];        /* where each slot is in heap */
	unsigned long total[TOPK_KINDS]; /* exact totals of all keys */
	unsigned long max_error;    /* the largest error any slot took */
};

void topk_init(struct topk *t);
/* topk_init for storage that is all zero already (static): only the
 * members that start at other values are set, so that the pages of the
 * rest are not touched (they count in peak memory once written). */
void topk_start(struct topk *t);

/* A key as the table keeps it: cut at TOPK_KEY - 1 bytes, zero to the end
 * of its last 8 bytes (compared 8 bytes at a time), and its hash. */
struct topk_key {
	char text[TOPK_KEY];
	size_t len;
	uint64_t hash;
};

/* Makes k of s[0..n): with its ASCII letters in lower case if lower. */
void topk_key_make(struct topk_key *k, const char *s, size_t n, int lower);

/* Counts n events of kind for a key made by topk_key_make. */
void topk_add_key(struct topk *t, const struct topk_key *k, int kind, unsigned long n);

/* The same for s[0..n) with its ASCII letters in lower case: what
 * topk_key_make and topk_add_key do, but a key given as one of the last few
 * (the same bytes, found in the table the last time) goes to its slot
 * without being made again. */
void topk_add_lower(struct topk *t, const char *s, size_t n, int kind, unsigned long count);

/* Counts n events of kind for key (cut at TOPK_KEY - 1 bytes). */
void topk_add(struct topk *t, const char *key, size_t len, int kind, unsigned long n);

/* Adds a key with given counts and error (merging summaries: --merge). */
void topk_add_counts(struct topk *t, const char *key, size_t len,
                     const unsigned long *kinds, unsigned long error);

/* Fills order (room for TOPK_SLOTS) with the used slots, heaviest first
 * (ties: key order); returns how many. */
int topk_sorted(const struct topk *t, int *order);

#endif
