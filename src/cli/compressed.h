/* compressed.h - tell a compressed file by its magic number. */
#ifndef SMTPCODE_COMPRESSED_H
#define SMTPCODE_COMPRESSED_H

#include <stddef.h>

struct compressed_kind {
	const char *name;   /* "gzip" */
	const char *tool;   /* the command that prints it: "zcat" */
};

/* The kind of data that starts with a gzip, bzip2, xz or zstd magic number
 * (b[0..n): the first line of a file, which holds the whole magic number
 * since none has a line end in it), or NULL. */
const struct compressed_kind *compressed_magic(const unsigned char *b, size_t n);

#endif
