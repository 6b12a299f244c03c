/* json.c - a streaming JSON writer over a FILE (no allocation).
 *
 * Escaping follows jq's jvp_dump_string, except that invalid UTF-8 is
 * replaced byte by byte with U+FFFD instead of being rejected. */
#include "json.h"
#include "ascii.h"

#include <string.h>

void json_init(struct json *j, FILE *out)
{
	memset(j, 0, sizeof *j);
	j->out = out;
}

/* Writes the escape for byte c, one that cannot be copied as it is. */
static void write_escape(FILE *out, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char u[7] = { '\\', 'u', '0', '0', 0, 0, 0 };

	switch (c) {
	case '"': fputs("\\\"", out); return;
	case '\\': fputs("\\\\", out); return;
	case '\b': fputs("\\b", out); return;
	case '\f': fputs("\\f", out); return;
	case '\n': fputs("\\n", out); return;
	case '\r': fputs("\\r", out); return;
	case '\t': fputs("\\t", out); return;
	default: break;
	}
	if (c >= 0x80) { /* a byte of invalid UTF-8 */
		fputs("\\ufffd", out);
		return;
	}
	u[4] = hex[c >> 4];
	u[5] = hex[c & 15];
	fwrite(u, 1, 6, out);
}

/* Copies runs of printable ASCII and valid UTF-8 in one fwrite each; only
 * what must be escaped is written byte by byte. */
void json_write_string(FILE *out, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, run = 0, len;

	putc('"', out);
	while (i < n) {
		unsigned char c = s[i];
		if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
			i++;
			continue;
		}
		if (c >= 0x80 && (len = scx_utf8_len(str + i, n - i)) != 0) {
			i += len;
			continue;
		}
		fwrite(s + run, 1, i - run, out);
		write_escape(out, c);
		run = ++i;
	}
	fwrite(s + run, 1, i - run, out);
	putc('"', out);
}

/* Writes the comma that separates a value from the one before it. */
static void before_value(struct json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->depth > 0 && j->depth <= JSON_MAX_DEPTH) {
		if (j->has_items[j->depth - 1])
			putc(',', j->out);
		j->has_items[j->depth - 1] = 1;
	}
}

static void container_open(struct json *j, int c)
{
	before_value(j);
	putc(c, j->out);
	if (j->depth < JSON_MAX_DEPTH)
		j->has_items[j->depth] = 0;
	j->depth++;
}

static void container_close(struct json *j, int c)
{
	j->depth--;
	putc(c, j->out);
}

void json_object_begin(struct json *j) { container_open(j, '{'); }
void json_object_end(struct json *j) { container_close(j, '}'); }
void json_array_begin(struct json *j) { container_open(j, '['); }
void json_array_end(struct json *j) { container_close(j, ']'); }

void json_key(struct json *j, const char *key)
{
	before_value(j);
	json_write_string(j->out, key, strlen(key));
	putc(':', j->out);
	j->after_key = 1;
}

void json_string(struct json *j, const char *s)
{
	before_value(j);
	json_write_string(j->out, s, strlen(s));
}

void json_string_n(struct json *j, const char *s, size_t n)
{
	before_value(j);
	json_write_string(j->out, s, n);
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
	fwrite(p, 1, (size_t)(buf + sizeof buf - p), j->out);
}

void json_bool(struct json *j, int v)
{
	before_value(j);
	fputs(v ? "true" : "false", j->out);
}

void json_null(struct json *j)
{
	before_value(j);
	fputs("null", j->out);
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
