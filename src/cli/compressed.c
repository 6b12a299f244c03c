/* compressed.c - tell a compressed file by its magic number. */
#include "compressed.h"

#include <string.h>

static const struct {
	unsigned char magic[6];
	size_t len;
	struct compressed_kind kind;
} kinds[] = {
	{ { 0x1f, 0x8b }, 2, { "gzip", "zcat" } },
	{ { 'B', 'Z', 'h' }, 3, { "bzip2", "bzcat" } },
	{ { 0xfd, '7', 'z', 'X', 'Z', 0x00 }, 6, { "xz", "xzcat" } },
	{ { 0x28, 0xb5, 0x2f, 0xfd }, 4, { "zstd", "zstdcat" } },
};

const struct compressed_kind *compressed_magic(const unsigned char *b, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (n >= kinds[i].len && memcmp(b, kinds[i].magic, kinds[i].len) == 0)
			return &kinds[i].kind;
	return NULL;
}
