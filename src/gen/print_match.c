/* print_match.c - the phrase and tag matcher's index, built once here
 * instead of on every call: every key the matcher looks for (the phrases
 * of data/reasons.tsv, then the provider tags whose reason is not
 * undefined), sorted by the bucket of its first three bytes (vd_bucket), and
 * where each bucket starts. The library then reads, at each position of a
 * text, only the keys of that position's bucket. */
#include "gen.h"
#include "verdict_key.h"

#include <stdlib.h>
#include <string.h>

struct key {
	unsigned long off;  /* in the blob */
	unsigned row;       /* phrase row, or tag row */
	int tag;            /* 0 phrase, 1 tag, 2 weak phrase */
	unsigned bucket;
};

/* The first VD_PREFIX bytes of s, ASCII case folded, packed first byte
 * lowest (missing bytes 0): the matcher's cheap test before a full compare
 * (eight bytes: "mailbox " is the start of many phrases). */
static unsigned long long prefix_of(const char *s)
{
	unsigned long long w = 0;
	int i;

	for (i = 0; i < VD_PREFIX && s[i]; i++)
		w |= (unsigned long long)scx_lower((unsigned char)s[i]) << (8 * i);
	return w;
}

static unsigned key_bucket(const char *s)
{
	return vd_bucket(prefix_of(s));
}

/* Bucket order; within a bucket, phrases, tags, then weak phrases, then row
 * order (the matcher keeps the first of two equally long matches). */
static int by_bucket(const void *a, const void *b)
{
	const struct key *x = a, *y = b;

	if (x->bucket != y->bucket)
		return x->bucket < y->bucket ? -1 : 1;
	if (x->tag != y->tag)
		return x->tag - y->tag;
	return x->row < y->row ? -1 : x->row > y->row;
}

static long undefined_reason(const struct table *tab)
{
	size_t i;

	for (i = 0; i < tab->nreasons; i++)
		if (strcmp(tab->blob.bytes + tab->reasons[i].name, "undefined") == 0)
			return (long)i;
	return -1;
}

static size_t collect(const struct table *tab, struct key *keys)
{
	long undefined = undefined_reason(tab);
	size_t i, n = 0;

	for (i = 0; i < tab->nphrases_r; i++)
		keys[n++] = (struct key){ tab->rphrases[i].key, (unsigned)i,
		                          tab->rphrases[i].weak ? 2 : 0, 0 };
	for (i = 0; i < tab->ntags; i++)
		if (tab->tags[i].reason != undefined)
			keys[n++] = (struct key){ tab->tags[i].key, (unsigned)i, 1, 0 };
	for (i = 0; i < n; i++)
		keys[i].bucket = key_bucket(tab->blob.bytes + keys[i].off);
	qsort(keys, n, sizeof *keys, by_bucket);
	return n;
}

int print_match(const struct table *tab, FILE *out)
{
	struct key *keys = malloc((tab->nphrases_r + tab->ntags + 1) * sizeof *keys);
	size_t i, n, b;
	int short_keys = 0;

	if (!keys)
		return -1;
	n = collect(tab, keys);
	fputs("\n/* the matcher's keys by bucket: offset, row, kind (0 phrase, 1 tag,\n"
	      " * 2 weak phrase),\n"
	      " * first eight bytes folded, how many of them the key has */\n", out);
	fprintf(out, "static const struct gen_match_key gen_match_keys[%zu] = {\n", n ? n : 1);
	for (i = 0; i < n; i++) {
		const char *s = tab->blob.bytes + keys[i].off;
		size_t len = strlen(s);
		if (len == 1 || len == 2)
			short_keys |= (int)len;
		fprintf(out, "\t{ %lu, %u, %d, 0x%016llxull, %zu },\n", keys[i].off, keys[i].row,
		        keys[i].tag, prefix_of(s), len < VD_PREFIX ? len : VD_PREFIX);
	}
	if (n == 0)
		fputs("\t{ 0, 0, 0, 0, 0 },\n", out);
	fprintf(out, "};\n\n/* where bucket b's keys start; [%u] is the end */\n",
	        (unsigned)VD_BUCKETS);
	fprintf(out, "static const unsigned short gen_match_start[%u] = {", (unsigned)VD_BUCKETS + 1);
	for (b = 0, i = 0; b <= VD_BUCKETS; b++) {
		while (i < n && keys[i].bucket < b)
			i++;
		fprintf(out, "%s%zu,", b % 16 ? " " : "\n\t", i);
	}
	fprintf(out, "\n};\n\n/* keys shorter than a bucket's three bytes: 1 some of one byte,\n"
	             " * 2 some of two */\nenum { GEN_MATCH_SHORT = %d };\n", short_keys);
	free(keys);
	return 0;
}
