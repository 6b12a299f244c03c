/* json.c - a streaming JSON writer over a FILE (no allocation).
 *
 * Escaping follows jq's jvp_dump_string, except that invalid UTF-8 is
 * replaced byte by byte with U+FFFD instead of being rejected. Output is
 * gathered in the writer's buffer (json.h); strings are copied in runs:
 * eight bytes at a time while none of them needs a look, then byte by
 * byte through a table of the bytes that are copied as they are. */
#include "json.h"
#include "ascii.h"

#include <stdint.h>
#include <string.h>

/* The longest output of one input byte: "\u001f", "\ufffd". */
enum { ESCAPE_MAX = 6 };

void json_init(struct json *j, FILE *out)
{
	/* Not the buffer: a reply's writer is set up once per reply. */
	j->out = out;
	j->depth = 0;
	j->after_key = 0;
	j->len = 0;
	memset(j->has_items, 0, sizeof j->has_items);
}

void json_flush(struct json *j)
{
	if (j->len)
		fwrite(j->buf, 1, j->len, j->out);
	j->len = 0;
}

/* Room for n more bytes in the buffer (n <= JSON_BUFFER). */
static inline char *room(struct json *j, size_t n)
{
	if (JSON_BUFFER - j->len < n)
		json_flush(j);
	return j->buf + j->len;
}

static void put(struct json *j, const char *s, size_t n)
{
	while (n > JSON_BUFFER - j->len) {
		size_t k = JSON_BUFFER - j->len;
		memcpy(j->buf + j->len, s, k);
		j->len = JSON_BUFFER;
		json_flush(j);
		s += k;
		n -= k;
	}
	memcpy(j->buf + j->len, s, n);
	j->len += n;
}

static inline void put_char(struct json *j, char c)
{
	*room(j, 1) = c;
	j->len++;
}

/* A value at the top level is complete: hand it on. */
static inline void value_done(struct json *j)
{
	if (j->depth == 0)
		json_flush(j);
}

/* 1 for each byte a string holds as it is: printable ASCII but '"' and
 * '\\' (bytes >= 0x80 are looked at as UTF-8). */
static const unsigned char plain[256] = {
#define P8 1, 1, 1, 1, 1, 1, 1, 1
	[0x20] = 1, 1, 0, 1, 1, 1, 1, 1, P8,                  /* 0x22 '"' */
	[0x30] = P8, P8, P8, P8,
	[0x50] = P8, 1, 1, 1, 1, 0, 1, 1, 1,                  /* 0x5C '\\' */
	[0x60] = P8, P8, P8, 1, 1, 1, 1, 1, 1, 1, 0,          /* 0x7F DEL */
#undef P8
};

/* Nonzero if the eight bytes of x are all plain (the bit tricks find
 * whether some byte is below 0x20, 0x22, 0x5C, 0x7F, or has its high bit;
 * they can fire past a true hit but never miss one). */
static inline int plain8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	uint64_t q = x ^ (ones * 0x22), b = x ^ (ones * 0x5C), d = x ^ (ones * 0x7F);
	uint64_t hit = ((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((b - ones) & ~b) |
	               ((d - ones) & ~d) | x;

	return (hit & high) == 0;
}

/* Copies s[0..n) to p and returns 1 if every byte of it is plain; else
 * returns 0 (having written anything to p). Whole words, the last one
 * overlapping the one before it, so that a short string (a key) costs a
 * test or two, not a loop. */
static int copy_plain(char *p, const unsigned char *s, size_t n)
{
	size_t i;

	if (n >= 8) {
		uint64_t x;
		for (i = 0; n - i >= 8; i += 8) {
			memcpy(&x, s + i, 8);
			if (!plain8(x))
				return 0;
			memcpy(p + i, &x, 8);
		}
		if (i < n) {
			memcpy(&x, s + n - 8, 8);
			if (!plain8(x))
				return 0;
			memcpy(p + n - 8, &x, 8);
		}
		return 1;
	}
	if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		if (!plain8((uint64_t)a | (uint64_t)b << 32)) /* both in one test */
			return 0;
		memcpy(p, &a, 4);
		memcpy(p + n - 4, &b, 4);
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (!plain[s[i]])
			return 0;
		p[i] = (char)s[i];
	}
	return 1;
}

/* Writes the escape for byte c (one that cannot be copied as it is) at
 * p; returns the end. */
static char *escape(char *p, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char e = 0;

	switch (c) {
	case '"': e = '"'; break;
	case '\\': e = '\\'; break;
	case '\b': e = 'b'; break;
	case '\f': e = 'f'; break;
	case '\n': e = 'n'; break;
	case '\r': e = 'r'; break;
	case '\t': e = 't'; break;
	default: break;
	}
	*p++ = '\\';
	if (e) {
		*p++ = e;
		return p;
	}
	p[0] = 'u';
	if (c >= 0x80) { /* a byte of invalid UTF-8 */
		p[1] = p[2] = p[3] = 'f';
		p[4] = 'd';
		return p + 5;
	}
	p[1] = p[2] = '0';
	p[3] = hex[c >> 4];
	p[4] = hex[c & 15];
	return p + 5;
}

/* Copies or escapes s[0..take) (take <= n) to p; returns the end. Each
 * input byte writes at most ESCAPE_MAX bytes (a UTF-8 sequence that starts
 * before take may end past it: it is copied, 4 bytes at most). */
static char *escape_run(char *p, const unsigned char *s, size_t take, size_t n, size_t *done)
{
	size_t i = 0, len;

	while (i < take) {
		size_t stop;
		uint64_t x;
		while (take - i >= 8) {
			memcpy(&x, s + i, 8);
			if (!plain8(x))
				break;
			memcpy(p, &x, 8);
			p += 8;
			i += 8;
		}
		/* byte by byte through the word that holds something to look at */
		stop = take - i > 8 ? i + 8 : take;
		while (i < stop) {
			unsigned char c = s[i];
			if (plain[c]) {
				*p++ = (char)c;
				i++;
			} else if (c >= 0x80 &&
			           (len = scx_utf8_len((const char *)s + i, n - i)) != 0) {
				memcpy(p, s + i, len);
				p += len;
				i += len;
			} else {
				p = escape(p, c);
				i++;
			}
		}
	}
	*done = i;
	return p;
}

/* The string with its quotes: at once when it fits the buffer however it
 * is escaped, else in pieces that fit. */
static void put_string(struct json *j, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t done;
	char *p;

	if (n <= (JSON_BUFFER - j->len - 2) / ESCAPE_MAX) {
		p = j->buf + j->len;
		*p++ = '"';
		if (copy_plain(p, s, n))
			p += n;
		else
			p = escape_run(p, s, n, n, &done);
		*p++ = '"';
		j->len = (size_t)(p - j->buf);
		return;
	}
	put_char(j, '"');
	while (n > 0) {
		size_t take = (JSON_BUFFER - j->len) / ESCAPE_MAX;
		if (take < 16) {
			json_flush(j);
			continue;
		}
		if (take > n)
			take = n;
		p = escape_run(j->buf + j->len, s, take, n, &done);
		j->len = (size_t)(p - j->buf);
		s += done;
		n -= done;
	}
	put_char(j, '"');
}

void json_write_string(FILE *out, const char *s, size_t n)
{
	struct json j;

	json_init(&j, out);
	put_string(&j, s, n);
	json_flush(&j);
}

/* Writes the comma that separates a value from the one before it. */
static inline void before_value(struct json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->depth > 0 && j->depth <= JSON_MAX_DEPTH) {
		if (j->has_items[j->depth - 1])
			put_char(j, ',');
		j->has_items[j->depth - 1] = 1;
	}
}

static void container_open(struct json *j, char c)
{
	before_value(j);
	put_char(j, c);
	if (j->depth < JSON_MAX_DEPTH)
		j->has_items[j->depth] = 0;
	j->depth++;
}

static void container_close(struct json *j, char c)
{
	j->depth--;
	put_char(j, c);
	value_done(j);
}

void json_object_begin(struct json *j) { container_open(j, '{'); }
void json_object_end(struct json *j) { container_close(j, '}'); }
void json_array_begin(struct json *j) { container_open(j, '['); }
void json_array_end(struct json *j) { container_close(j, ']'); }

void json_key(struct json *j, const char *key)
{
	before_value(j);
	put_string(j, key, strlen(key));
	put_char(j, ':');
	j->after_key = 1;
}

void json_string(struct json *j, const char *s)
{
	json_string_n(j, s, strlen(s));
}

void json_string_n(struct json *j, const char *s, size_t n)
{
	before_value(j);
	put_string(j, s, n);
	value_done(j);
}

void json_int(struct json *j, long v)
{
	char buf[24], *p = buf + sizeof buf;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	before_value(j);
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	put(j, p, (size_t)(buf + sizeof buf - p));
	value_done(j);
}

void json_bool(struct json *j, int v)
{
	before_value(j);
	if (v)
		put(j, "true", 4);
	else
		put(j, "false", 5);
	value_done(j);
}

void json_null(struct json *j)
{
	before_value(j);
	put(j, "null", 4);
	value_done(j);
}

void json_key_string(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	if (s)
		json_string(j, s);
	else
		json_null(j);
}

void json_key_int(struct json *j, const char *key, long v)
{
	json_key(j, key);
	json_int(j, v);
}

void json_key_bool(struct json *j, const char *key, int v)
{
	json_key(j, key);
	json_bool(j, v);
}
