/* verdict_key.h - the bucket of a phrase or tag by its first three bytes,
 * shared by the generator (src/gen/print_match.c, which sorts the keys by
 * bucket at build time) and the matcher (verdict_match.c, which looks up
 * the bucket of each position of a text). */
#ifndef SMTPCODE_VERDICT_KEY_H
#define SMTPCODE_VERDICT_KEY_H

#include "ascii.h"

#include <stdint.h>

/* Buckets of the index: a power of two, large enough that most three-byte
 * runs of a text fall in an empty one. */
#define VD_BUCKET_BITS 13
#define VD_BUCKETS (1u << VD_BUCKET_BITS)

/* Bytes of a key's prefix, which the matcher tests before comparing the
 * rest: at most 8, as they are packed in an unsigned long long. */
#define VD_PREFIX 8

/* The bucket of the bytes packed in w (ASCII case folded, first byte
 * lowest): of its first three, which for a key of one or two bytes end
 * with 0s. A multiplicative hash (Knuth's golden ratio). */
static inline unsigned vd_bucket(unsigned long long w)
{
	uint32_t x = (uint32_t)(w & 0xffffffu);

	return (unsigned)((uint32_t)(x * 0x9E3779B1u) >> (32 - VD_BUCKET_BITS));
}

#endif
