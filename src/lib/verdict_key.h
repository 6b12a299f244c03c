/* verdict_key.h - the bucket of a phrase or tag by its first two bytes,
 * shared by the generator (src/gen/print_match.c, which sorts the keys by
 * bucket at build time) and the matcher (verdict_match.c, which looks up
 * the bucket of each position of a text). */
#ifndef SMTPCODE_VERDICT_KEY_H
#define SMTPCODE_VERDICT_KEY_H

#include "ascii.h"

/* Buckets of the index: a power of two, large enough that most two-byte
 * pairs of a text fall in an empty one. */
#define VD_BUCKETS 4096u

/* Bytes of a key's prefix, which the matcher tests before comparing the
 * rest: at most 8, as they are packed in an unsigned long long. */
#define VD_PREFIX 8

/* The bucket of the bytes x, y already ASCII case folded. */
static inline unsigned vd_bucket_folded(unsigned x, unsigned y)
{
	return (x * 131u + y * 17u) & (VD_BUCKETS - 1u);
}

/* The bucket of a key (or a text position) starting with the bytes a, b
 * (b is 0 for a one-byte key), ASCII case folded. */
static inline unsigned vd_bucket(unsigned char a, unsigned char b)
{
	return vd_bucket_folded((unsigned)scx_lower(a), (unsigned)scx_lower(b));
}

#endif
