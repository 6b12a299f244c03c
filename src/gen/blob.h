/* blob.h - gather strings into one NUL-separated blob and print it as C. */
#ifndef GEN_BLOB_H
#define GEN_BLOB_H

#include <stdio.h>

struct blob {
	char *bytes;
	size_t len, cap;
};

/* Adds s (once: an equal string already in the blob is reused) and
 * returns its offset. Exits on out of memory. */
unsigned long blob_add(struct blob *b, const char *s);

/* Prints "static const char NAME[] = { ... };". */
void blob_print(const struct blob *b, const char *name, FILE *out);

void blob_free(struct blob *b);

#endif
