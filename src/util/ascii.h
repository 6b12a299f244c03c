/* ascii.h - small character helpers both sides use (no locale, no allocation). */
#ifndef SCX_ASCII_H
#define SCX_ASCII_H

#include <stddef.h>

/* c in lower case when it is an ASCII letter A-Z, else c unchanged (as
 * tolower() in the C locale, whatever the locale is). Inline: the scanner
 * calls it for every byte it compares. */
static inline int scx_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* The well-formed UTF-8 sequence at s[0..n), n >= 1, as the Unicode
 * standard defines it (its Table 3-7: the shortest form only, no
 * surrogates, nothing above U+10FFFF): returns its length in bytes (1 to
 * 4) and stores its code point in *cp when cp is not NULL; returns 0 when
 * s[0] does not start one. Any ASCII byte, NUL and controls too, is a
 * sequence of length 1. */
size_t scx_utf8_decode(const char *s, size_t n, unsigned long *cp);

/* scx_utf8_decode without the code point. */
size_t scx_utf8_len(const char *s, size_t n);

#endif
