/* ascii.c - small character helpers both sides use (no locale, no allocation). */
#include "ascii.h"

size_t scx_utf8_decode(const char *s, size_t n, unsigned long *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long v;
	size_t len, i;

	if (p[0] < 0x80)
		len = 1, v = p[0];
	else if (p[0] >= 0xC2 && p[0] <= 0xDF)
		len = 2, v = p[0] & 0x1Fu;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		len = 3, v = p[0] & 0x0Fu;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		len = 4, v = p[0] & 0x07u;
	else
		return 0; /* a continuation byte, an overlong lead, or beyond U+10FFFF */
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (p[i] & 0x3Fu);
	}
	if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
	    (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	if (cp)
		*cp = v;
	return len;
}

size_t scx_utf8_len(const char *s, size_t n)
{
	return scx_utf8_decode(s, n, NULL);
}
