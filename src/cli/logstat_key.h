/* logstat_key.h - the key under which scan remembers the verdict on a
 * failure text (logstat_detail.c). */
#ifndef SMTPCODE_LOGSTAT_KEY_H
#define SMTPCODE_LOGSTAT_KEY_H

#include <stddef.h>
#include <stdint.h>

/* A hash of what a verdict reads of s[0..n): every byte but the inside of
 * "<...>" (the '>' stays) and the words over 10 bytes with a digit in them,
 * each kept byte with its place. Two texts whose kept bytes are the same,
 * in the same places, have one key; texts that differ in a kept byte have
 * two (up to a 64-bit collision). Words end at a space or a '<'. Read 8
 * bytes at a time where the text has no digit: most of it. */
uint64_t ls_verdict_key(const char *s, size_t n);

#endif
