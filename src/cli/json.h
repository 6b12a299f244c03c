/* json.h - a streaming JSON writer over a FILE (no allocation). */
#ifndef SMTPCODE_JSON_H
#define SMTPCODE_JSON_H

#include <stdio.h>

#define JSON_MAX_DEPTH 16

struct json {
	FILE *out;
	int depth;
	int after_key;                    /* a key was written, its value comes next */
	unsigned char has_items[JSON_MAX_DEPTH];
};

void json_init(struct json *j, FILE *out);

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
