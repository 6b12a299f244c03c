/* linebreak.c - where a line may break in text without spaces (Japanese).
 * Rules from JIS X 4051, cut down to the characters our texts hold. */
#include "linebreak.h"
#include "ascii.h"
#include "safe_text.h"

enum wide_kind { WIDE_OTHER, WIDE_HAN, WIDE_KATAKANA };

static enum wide_kind wide_kind_of(unsigned long cp)
{
	if ((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3005)
		return WIDE_HAN;
	if (cp >= 0x30A0 && cp <= 0x30FF)
		return WIDE_KATAKANA;
	return WIDE_OTHER;
}

/* Nonzero if no line may start with cp (JIS X 4051's closing and small
 * characters, the ones in our texts). */
static int no_break_before(unsigned long cp)
{
	static const unsigned short marks[] = {
		0x3001, 0x3002, 0x3005, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015,
		0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087,
		0x308E, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5,
		0x30E7, 0x30EE, 0x30F5, 0x30F6, 0x30FB, 0x30FC, 0xFF01, 0xFF09, 0xFF0C,
		0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D
	};
	size_t i;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (cp == marks[i])
			return 1;
	return 0;
}

size_t linebreak_wide_word(const char *p, size_t n, int *w)
{
	unsigned long cp;
	size_t i = scx_utf8_decode(p, n, &cp), clen;
	enum wide_kind kind = wide_kind_of(cp);

	*w = 2;
	while (i < n) {
		size_t next = scx_utf8_decode(p + i, n - i, &cp);
		int cols;
		if (next == 0 || (cols = safe_char(p + i, n - i, &clen)) < 1)
			break;
		if (no_break_before(cp)) {
			if (wide_kind_of(cp) != kind) /* ー and small kana stay in the run */
				kind = WIDE_OTHER; /* a break may come after the mark */
		} else if (kind == WIDE_OTHER || wide_kind_of(cp) != kind)
			break;
		*w += cols;
		i += clen;
	}
	return i;
}

