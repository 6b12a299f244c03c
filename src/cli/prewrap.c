/* prewrap.c - sections pre-wrapped by the generator (prewrap.h). */
#include "prewrap.h"

#include <string.h>

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
	size_t len, from = 0, need;
	char *dst;

	_Static_assert(PREWRAP_INDENT < sizeof lead - 1, "room for the indent");
	if (id < 0 || id >= (long)(sizeof prewrap_len / sizeof prewrap_len[0]))
		return -1;
	len = prewrap_len[id];
	at = prewrap_at + prewrap_first[id];
	end = prewrap_at + prewrap_first[id + 1];
	/* That text is the table's text of id is the caller's word (the
	 * command links the library it was generated with); a check of its
	 * length would cost a tenth of what is left of a lookup. */
	if (len == PREWRAP_GEN_NONE)
		return -1;
	need = PREWRAP_INDENT + len + (size_t)(end - at) * PREWRAP_INDENT + 1;
	if (need > sizeof s->buf - s->len) {
		sink_flush(s);
		if (need > sizeof s->buf)
			return -1;
	}
	/* Straight into the sink's buffer: each line, then a newline and the
	 * indent in place of the space it broke at. */
	dst = s->buf + s->len;
	memcpy(dst, lead + 1, PREWRAP_INDENT);
	dst += PREWRAP_INDENT;
	for (; at < end; at++) {
		memcpy(dst, text + from, *at - from);
		dst += *at - from;
		memcpy(dst, lead, 1 + PREWRAP_INDENT);
		dst += 1 + PREWRAP_INDENT;
		from = *at + 1u;
	}
	memcpy(dst, text + from, len - from);
	dst += len - from;
	*dst++ = '\n';
	s->len = (size_t)(dst - s->buf);
	return 0;
}
