/* logstat_key.c - the key of a verdict (see logstat_key.h). */
#include "logstat_key.h"
#include "logstat_text.h"

#include <string.h>

#define ONES UINT64_C(0x0101010101010101)
#define HIGH (ONES * 0x80)

static int is_digit(char c)
{
	return (unsigned char)(c - '0') <= 9;
}

static uint64_t load8(const char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

/* Nonzero if a byte of w is a digit (each byte tested alone: no carry
 * crosses from one to the next). */
static uint64_t digit_bytes(uint64_t w)
{
	uint64_t low7 = w & ~HIGH;

	return (low7 + ONES * (0x80 - '0')) & ~(low7 + ONES * (0x80 - '9' - 1)) & ~w & HIGH;
}

static uint64_t mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * UINT64_C(0x9E3779B97F4A7C15);
	return h ^ h >> 32;
}

/* Hashes the kept bytes s[a..b) with their place. The last 1 to 7 are
 * read as the 8 bytes that end at b, those before a shifted out, unless
 * b is in the text's first 8 bytes. */
static uint64_t hash_kept(uint64_t h, const char *s, size_t a, size_t b)
{
	uint64_t w = 0;

	h = mix(h, (uint64_t)a << 32 ^ (b - a));
	for (; b - a >= 8; a += 8)
		h = mix(h, load8(s + a));
	if (a == b)
		return h;
	if (b >= 8)
		return mix(h, ls_load8(s + b - 8) >> 8 * (8 - (b - a)));
	for (; a < b; a++)
		w = w << 8 | (unsigned char)s[a];
	return mix(h, w);
}

/* Hashes s[a..b), a text without '<': all but its long words with digits,
 * found from their digits. */
static uint64_t hash_words(uint64_t h, const char *s, size_t a, size_t b)
{
	size_t kept = a, at = a;

	while (at < b) {
		size_t start, end;
		if (b - at >= 8) {
			if (!digit_bytes(load8(s + at))) {
				at += 8;
				continue;
			}
			while (!is_digit(s[at])) /* one of the 8 is */
				at++;
		} else if (!is_digit(s[at])) {
			at++;
			continue;
		}
		for (start = at; start > a && s[start - 1] != ' '; start--)
			;
		for (end = at; end < b && s[end] != ' '; end++)
			;
		if (end - start > 10) {
			h = hash_kept(h, s, kept, start);
			kept = end;
		}
		at = end;
	}
	return hash_kept(h, s, kept, b);
}

uint64_t ls_verdict_key(const char *s, size_t n)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	size_t at = 0;

	for (;;) {
		const char *lt = at < n ? memchr(s + at, '<', n - at) : NULL, *gt;
		size_t b = lt ? (size_t)(lt - s) : n;
		h = hash_words(h, s, at, b);
		if (!lt)
			return h;
		gt = memchr(lt, '>', n - b);
		at = gt ? (size_t)(gt - s) : b; /* the '>' kept, or the '<' when none */
		h = hash_kept(h, s, at, at + 1);
		at++;
	}
}
