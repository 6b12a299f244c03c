/* safe_text.c - text from the input, made safe to show on a terminal (the
 * rules are in safe_text.h). */
#include "safe_text.h"
#include "ascii.h"

#include <string.h>

/* Columns of a printable code point: 2 for the East Asian wide ranges. */
static int width_of(unsigned long cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) ? 2 : 1;
}

/* Well-formed UTF-8 (scx_utf8_decode), printable: not C0, DEL or C1. */
int safe_char(const char *s, size_t n, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;
	size_t need;

	*len = 1;
	if (p[0] < 0x80)
		return p[0] >= 0x20 && p[0] < 0x7F;
	need = scx_utf8_decode(s, n, &cp);
	if (need == 0 || cp < 0xA0)
		return 0; /* invalid, or C1: U+0080..U+009F */
	*len = need;
	return width_of(cp);
}

int safe_columns(const char *s, size_t n)
{
	size_t i = 0, len;
	int cols = 0, w;

	while (i < n) {
		if ((unsigned char)s[i] - 0x20u < 0x5Fu) { /* printable ASCII */
			i++;
			cols++;
			continue;
		}
		w = safe_char(s + i, n - i, &len);
		cols += w ? w : SAFE_ESCAPE_COLUMNS;
		i += len;
	}
	return cols;
}

size_t safe_span(const char *s, size_t n)
{
	size_t i = 0, len;

	while (i < n) {
		if ((unsigned char)s[i] - 0x20u < 0x5Fu) { /* printable ASCII */
			i++;
			continue;
		}
		if ((unsigned char)s[i] < 0x80 || !safe_char(s + i, n - i, &len))
			break;
		i += len;
	}
	return i;
}

/* "\x1B" for byte c into e[4]. */
static void escape(char *e, unsigned char c)
{
	static const char hex[] = "0123456789ABCDEF";

	e[0] = '\\';
	e[1] = 'x';
	e[2] = hex[c >> 4];
	e[3] = hex[c & 0xF];
}

void safe_write(FILE *out, const char *s, size_t n)
{
	char e[SAFE_ESCAPE_COLUMNS];

	for (;;) {
		size_t k = safe_span(s, n);
		if (k)
			fwrite(s, 1, k, out);
		if (k == n)
			return;
		escape(e, (unsigned char)s[k]);
		fwrite(e, 1, sizeof e, out);
		s += k + 1;
		n -= k + 1;
	}
}

/* Appends n bytes to buf[*len] while they fit in size with room for the
 * tail ("'...", NUL); returns 0 if they did not fit. */
static int put(char *buf, size_t size, size_t *len, const char *s, size_t n)
{
	if (*len + n + 5 > size)
		return 0;
	memcpy(buf + *len, s, n);
	*len += n;
	return 1;
}

char *safe_echo(char *buf, size_t size, const char *s, int quoted)
{
	size_t n = strlen(s), i = 0, len = 0, clen;
	int cols = 0;
	char e[SAFE_ESCAPE_COLUMNS];

	if (size < 6) {
		if (size)
			buf[0] = '\0';
		return buf;
	}
	if (quoted)
		buf[len++] = '\'';
	while (i < n) {
		int w = safe_char(s + i, n - i, &clen);
		if (!w)
			escape(e, (unsigned char)s[i]);
		cols += w ? w : SAFE_ESCAPE_COLUMNS;
		if (cols > SAFE_ECHO_COLUMNS || !put(buf, size, &len, w ? s + i : e, w ? clen : sizeof e))
			break;
		i += clen;
	}
	if (quoted)
		buf[len++] = '\'';
	if (i < n) {
		memcpy(buf + len, "...", 3);
		len += 3;
	}
	buf[len] = '\0';
	return buf;
}
