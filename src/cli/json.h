/* json.h - a streaming JSON writer over a FILE (no allocation).
 *
 * The writer gathers its output in its own buffer and hands it to stdio
 * with one fwrite when the buffer is full and when a value at the top
 * level is complete (an object or array closed at depth 0, or a scalar
 * written there): a reply object is one write, not one call per byte or
 * per field. Between two top-level values the FILE is up to date, so a
 * caller may write to it directly there (the newline after an object). */
#ifndef SMTPCODE_JSON_H
#define SMTPCODE_JSON_H

#include <stdio.h>

#define JSON_MAX_DEPTH 16
#define JSON_BUFFER 4096

struct json {
	FILE *out;
	int depth;
	int after_key;                    /* a key was written, its value comes next */
	unsigned char has_items[JSON_MAX_DEPTH];
	size_t len;                       /* bytes waiting in buf */
	char buf[JSON_BUFFER];
};

void json_init(struct json *j, FILE *out);

/* Writes what waits in the buffer to the FILE (done by itself at the top
 * level; needed only to write to the FILE in the middle of a value). */
void json_flush(struct json *j);

/* Writes s[0..n) as a JSON string with quotes. The one escaper: '"' and
 * '\\', \b \f \n \r \t, other bytes below 0x20 and 0x7F as \u00XX; valid
 * UTF-8 is copied; each byte of invalid UTF-8 becomes \ufffd. */
void json_write_string(FILE *out, const char *s, size_t n);

void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);
void json_key(struct json *j, const char *key);
void json_string(struct json *j, const char *s);
void json_string_n(struct json *j, const char *s, size_t n);
void json_int(struct json *j, long v);
void json_bool(struct json *j, int v);
void json_null(struct json *j);

/* Convenience: a key and its value. */
void json_key_string(struct json *j, const char *key, const char *s);
void json_key_int(struct json *j, const char *key, long v);
void json_key_bool(struct json *j, const char *key, int v);

#endif
