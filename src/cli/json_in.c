/* json_in.c - a strict pull reader of JSON tokens (see json_in.h). */
#include "json_in.h"

#include <limits.h>
#include <string.h>

#define NONE (EOF - 1)

void json_in_init(struct json_in *j, FILE *in)
{
	memset(j, 0, sizeof *j);
	j->in = in;
	j->line = 1;
	j->peeked = NONE;
}

static int get(struct json_in *j)
{
	int c = j->peeked;

	if (c != NONE) {
		j->peeked = NONE;
		return c;
	}
	c = getc(j->in);
	if (c == '\n')
		j->line++;
	return c;
}

static enum json_tok fail(struct json_in *j, const char *why)
{
	j->err = why;
	return JT_ERROR;
}

static int hex4(struct json_in *j, unsigned long *v)
{
	int i;

	*v = 0;
	for (i = 0; i < 4; i++) {
		int c = get(j);
		if (c >= '0' && c <= '9')
			*v = *v * 16 + (unsigned long)(c - '0');
		else if ((c | 32) >= 'a' && (c | 32) <= 'f')
			*v = *v * 16 + (unsigned long)((c | 32) - 'a' + 10);
		else
			return -1;
	}
	return 0;
}

/* Appends code point u as UTF-8 at *n; returns -1 if there is no room. */
static int put_utf8(struct json_in *j, size_t *n, unsigned long u)
{
	unsigned char b[4];
	size_t k = u < 0x80 ? 1 : u < 0x800 ? 2 : u < 0x10000 ? 3 : 4;

	if (k == 1) {
		b[0] = (unsigned char)u;
	} else {
		size_t i;
		for (i = k - 1; i > 0; i--, u >>= 6)
			b[i] = (unsigned char)(0x80 | (u & 0x3f));
		b[0] = (unsigned char)((k == 2 ? 0xc0 : k == 3 ? 0xe0 : 0xf0) | u);
	}
	if (*n + k >= sizeof j->str)
		return -1;
	memcpy(j->str + *n, b, k);
	*n += k;
	return 0;
}

/* After a backslash: the escaped code point, or -1. */
static long escape(struct json_in *j)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	unsigned long u, low;
	int c = get(j);
	const char *p = c > 0 ? strchr(from, c) : NULL;

	if (p)
		return to[p - from];
	if (c != 'u' || hex4(j, &u) < 0 || u == 0 || (u >= 0xdc00 && u <= 0xdfff))
		return -1;
	if (u < 0xd800 || u > 0xdbff)
		return (long)u;
	if (get(j) != '\\' || get(j) != 'u' || hex4(j, &low) < 0 || low < 0xdc00 || low > 0xdfff)
		return -1;
	return (long)(0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00));
}

static enum json_tok string(struct json_in *j)
{
	size_t n = 0;
	int c;

	while ((c = get(j)) != '"') {
		long u;
		if (c == EOF || c < 0x20)
			return fail(j, c == EOF ? "unterminated string" : "control character in a string");
		if (c != '\\') {
			if (n + 1 >= sizeof j->str)
				return fail(j, "string too long");
			j->str[n++] = (char)c;
		} else if ((u = escape(j)) < 0) {
			return fail(j, "bad escape in a string");
		} else if (put_utf8(j, &n, (unsigned long)u) < 0) {
			return fail(j, "string too long");
		}
	}
	j->str[n] = '\0';
	return JT_STRING;
}

static enum json_tok number(struct json_in *j, int c)
{
	long v = 0;

	if (c == '0') {
		c = get(j);
		if (c >= '0' && c <= '9')
			return fail(j, "number with a leading zero");
	} else {
		for (; c >= '0' && c <= '9'; c = get(j)) {
			if (v > (LONG_MAX - (c - '0')) / 10)
				return fail(j, "number too large");
			v = v * 10 + (c - '0');
		}
	}
	if (c == '.' || c == 'e' || c == 'E')
		return fail(j, "not a whole number");
	j->peeked = c;
	j->num = v;
	return JT_NUMBER;
}

static enum json_tok word(struct json_in *j)
{
	if (get(j) != 'u' || get(j) != 'l' || get(j) != 'l')
		return fail(j, "unexpected word");
	return JT_NULL;
}

enum json_tok json_in_next(struct json_in *j)
{
	static const char marks[] = "{}[]:,";
	const char *m;
	int c;

	do
		c = get(j);
	while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
	if (c == EOF)
		return ferror(j->in) ? fail(j, "read error") : JT_END;
	if (c > 0 && (m = strchr(marks, c)) != NULL)
		return (enum json_tok)(JT_BEGIN_OBJECT + (m - marks));
	if (c == '"')
		return string(j);
	if (c >= '0' && c <= '9')
		return number(j, c);
	if (c == 'n')
		return word(j);
	if (c == '-')
		return fail(j, "negative number");
	if (c > 0x20 && c < 0x7f)
		snprintf(j->errbuf, sizeof j->errbuf, "unexpected character '%c'", c);
	else
		snprintf(j->errbuf, sizeof j->errbuf, "unexpected byte \\x%02X", c);
	return fail(j, j->errbuf);
}
