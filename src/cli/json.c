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

void json_write_string(FILE *out, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	putc('"', out);
	while (i < n) {
		unsigned char c = s[i];
		size_t len;
		switch (c) {
		case '"': fputs("\\\"", out); i++; continue;
		case '\\': fputs("\\\\", out); i++; continue;
		case '\b': fputs("\\b", out); i++; continue;
		case '\f': fputs("\\f", out); i++; continue;
		case '\n': fputs("\\n", out); i++; continue;
		case '\r': fputs("\\r", out); i++; continue;
		case '\t': fputs("\\t", out); i++; continue;
		default: break;
		}
		if (c < 0x20 || c == 0x7F) {
			fprintf(out, "\\u%04x", c);
			i++;
			continue;
		}
		len = scx_utf8_len(str + i, n - i);
		if (len == 0) {
			fputs("\\ufffd", out);
			i++;
			continue;
		}
		fwrite(s + i, 1, len, out);
		i += len;
	}
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
	before_value(j);
	fprintf(j->out, "%ld", v);
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
