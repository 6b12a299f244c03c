/* prewrap.c - sections pre-wrapped by the generator (prewrap.h). */
#include "prewrap.h"

#include "prewrap.inc"

_Static_assert(PREWRAP_GEN_WIDTH == PREWRAP_WIDTH && PREWRAP_GEN_INDENT == PREWRAP_INDENT,
               "the generator wraps at the width the command expects");
_Static_assert(PREWRAP_GEN_FIELDS == PREWRAP_FIELDS, "the same fields");

long prewrap_id(int enhanced, size_t row, enum prewrap_field f)
{
	size_t rows = enhanced ? PREWRAP_ENHANCED : PREWRAP_MEANINGS;

	if (row >= rows || (unsigned)f >= PREWRAP_FIELDS)
		return PREWRAP_NONE;
	return (long)((enhanced ? PREWRAP_MEANINGS + row : row) * PREWRAP_FIELDS + f);
}

int prewrap_put(struct sink *s, long id, const char *text)
{
	static const char lead[] = "\n                                        ";
	const unsigned short *at, *end;
	size_t len, from = 0;

	_Static_assert(PREWRAP_INDENT < sizeof lead - 1, "room for the indent");
	if (id < 0 || id >= (long)(sizeof prewrap_len / sizeof prewrap_len[0]))
		return -1;
	len = prewrap_len[id];
	at = prewrap_at + prewrap_first[id];
	end = prewrap_at + prewrap_first[id + 1];
	if (len == PREWRAP_GEN_NONE || text[len] != '\0')
		return -1;
	for (; at < end; at++)
		if (text[*at] != ' ')
			return -1;
	at = prewrap_at + prewrap_first[id];
	sink_put(s, lead + 1, PREWRAP_INDENT);
	for (; at < end; at++) {
		sink_put(s, text + from, *at - from);
		sink_put(s, lead, 1 + PREWRAP_INDENT);
		from = *at + 1u;
	}
	sink_put(s, text + from, len - from);
	sink_putc(s, '\n');
	return 0;
}
