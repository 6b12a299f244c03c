/* blob.c - gather strings into one NUL-separated blob and print it as C.
 *
 * The table then holds offsets instead of pointers, so it needs no
 * relocation when the program starts (as musl's strerror table does). */
#include "blob.h"

#include <stdlib.h>
#include <string.h>

static size_t find(const struct blob *b, const char *s, size_t n)
{
	size_t off = 0;

	while (off < b->len) {
		size_t len = strlen(b->bytes + off);
		if (len == n && memcmp(b->bytes + off, s, n) == 0)
			return off;
		off += len + 1;
	}
	return (size_t)-1;
}

unsigned long blob_add(struct blob *b, const char *s)
{
	size_t n = strlen(s), off = find(b, s, n);

	if (off != (size_t)-1)
		return (unsigned long)off;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *p;
		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->bytes, cap);
		if (!p) {
			fputs("gentable: out of memory\n", stderr);
			exit(1);
		}
		b->bytes = p;
		b->cap = cap;
	}
	off = b->len;
	memcpy(b->bytes + off, s, n + 1);
	b->len += n + 1;
	return (unsigned long)off;
}

/* Prints one byte as a char literal: plain for printable ASCII, octal
 * otherwise (a char literal, unlike an int, fits a plain char unwarned). */
static void print_byte(unsigned char c, FILE *out)
{
	if (c >= 0x20 && c < 0x7F && c != '\'' && c != '\\')
		fprintf(out, "'%c',", c);
	else
		fprintf(out, "'\\%03o',", c);
}

void blob_print(const struct blob *b, const char *name, FILE *out)
{
	size_t i;

	fprintf(out, "static const char %s[%zu] = {", name, b->len ? b->len : 1);
	for (i = 0; i < b->len; i++) {
		if (i % 16 == 0)
			fputs("\n\t", out);
		print_byte((unsigned char)b->bytes[i], out);
	}
	if (b->len == 0)
		fputs("0", out);
	fputs("\n};\n", out);
}

void blob_free(struct blob *b)
{
	free(b->bytes);
	b->bytes = NULL;
	b->len = b->cap = 0;
}
