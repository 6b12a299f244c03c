/* json_check.h - a strict JSON checker for the fuzz harnesses: RFC 8259
 * values, strings without raw control bytes and with valid UTF-8. */
#ifndef SMTPCODE_JSON_CHECK_H
#define SMTPCODE_JSON_CHECK_H

#include <stddef.h>
#include <string.h>

struct jc {
	const unsigned char *p, *end;
	int depth;
};

static int jc_value(struct jc *c);

static void jc_ws(struct jc *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\n' || *c->p == '\t' || *c->p == '\r'))
		c->p++;
}

static int jc_utf8(struct jc *c)
{
	unsigned char b = *c->p;
	size_t n, i;
	unsigned long cp;

	if (b >= 0xC2 && b <= 0xDF)
		n = 2, cp = b & 0x1Fu;
	else if (b >= 0xE0 && b <= 0xEF)
		n = 3, cp = b & 0x0Fu;
	else if (b >= 0xF0 && b <= 0xF4)
		n = 4, cp = b & 0x07u;
	else
		return 0;
	if ((size_t)(c->end - c->p) < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((c->p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (c->p[i] & 0x3Fu);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	c->p += n;
	return 1;
}

static int jc_string(struct jc *c)
{
	if (c->p >= c->end || *c->p != '"')
		return 0;
	c->p++;
	while (c->p < c->end && *c->p != '"') {
		if (*c->p < 0x20)
			return 0;
		if (*c->p == '\\') {
			c->p++;
			if (c->p >= c->end)
				return 0;
			if (*c->p == 'u') {
				int i;
				for (i = 1; i <= 4; i++)
					if (c->p + i >= c->end || !strchr("0123456789abcdefABCDEF", c->p[i]) ||
					    !c->p[i])
						return 0;
				c->p += 5;
			} else if (strchr("\"\\/bfnrt", *c->p) && *c->p) {
				c->p++;
			} else {
				return 0;
			}
		} else if (*c->p >= 0x80) {
			if (!jc_utf8(c))
				return 0;
		} else {
			c->p++;
		}
	}
	if (c->p >= c->end)
		return 0;
	c->p++;
	return 1;
}

static int jc_number(struct jc *c)
{
	const unsigned char *start = c->p;

	if (c->p < c->end && *c->p == '-')
		c->p++;
	while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
		c->p++;
	return c->p > start && c->p[-1] != '-';
}

static int jc_literal(struct jc *c, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(c->end - c->p) < n || memcmp(c->p, word, n) != 0)
		return 0;
	c->p += n;
	return 1;
}

static int jc_container(struct jc *c, unsigned char close, int object)
{
	c->p++;
	if (++c->depth > 64)
		return 0;
	jc_ws(c);
	if (c->p < c->end && *c->p == close) {
		c->p++;
		c->depth--;
		return 1;
	}
	for (;;) {
		jc_ws(c);
		if (object) {
			if (!jc_string(c))
				return 0;
			jc_ws(c);
			if (c->p >= c->end || *c->p != ':')
				return 0;
			c->p++;
		}
		if (!jc_value(c))
			return 0;
		jc_ws(c);
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			continue;
		}
		if (c->p < c->end && *c->p == close) {
			c->p++;
			c->depth--;
			return 1;
		}
		return 0;
	}
}

static int jc_value(struct jc *c)
{
	jc_ws(c);
	if (c->p >= c->end)
		return 0;
	switch (*c->p) {
	case '{': return jc_container(c, '}', 1);
	case '[': return jc_container(c, ']', 0);
	case '"': return jc_string(c);
	case 't': return jc_literal(c, "true");
	case 'f': return jc_literal(c, "false");
	case 'n': return jc_literal(c, "null");
	default: return jc_number(c);
	}
}

/* Nonzero if buf[0..n) is exactly one JSON value and a newline. */
static int json_check_line(const char *buf, size_t n)
{
	struct jc c = { (const unsigned char *)buf, (const unsigned char *)buf + n, 0 };

	if (n == 0 || buf[n - 1] != '\n')
		return 0;
	c.end--;
	if (!jc_value(&c))
		return 0;
	jc_ws(&c);
	return c.p == c.end;
}

#endif
