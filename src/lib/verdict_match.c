/* verdict_match.c - finds the longest phrase and the longest provider tag
 * in a text, in one pass.
 *
 * The generator sorted every key by the bucket of its first three bytes
 * (verdict_key.h; build/verdict.inc: gen_match_keys, gen_match_start), so
 * each position of the text is tried only against the keys of its own
 * bucket: most positions fall in an empty one and cost a hash and two
 * loads. The text's next VD_PREFIX bytes, case folded, slide along in one
 * word, against which each key of the bucket tests its own prefix before
 * the rest of it is compared. A key of one or two bytes (none today) is
 * looked up with NULs for its missing bytes. The index is const data: the
 * library keeps no state. */
#include "verdict.h"
#include "verdict_key.h"

static int is_word(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The length of key if it matches text at position at, else 0; its first
 * from bytes are known to match. */
static size_t match_at(const char *key, size_t from, const char *text, size_t len, size_t at)
{
	size_t k;

	for (k = from; key[k]; k++)
		if (at + k >= len || scx_lower((unsigned char)text[at + k]) !=
		                     scx_lower((unsigned char)key[k]))
			return 0;
	if (k <= VD_WORD_MAX) {
		if (at > 0 && is_word((unsigned char)text[at - 1]))
			return 0;
		if (at + k < len && is_word((unsigned char)text[at + k]))
			return 0;
	}
	return k;
}

/* Tries the keys of bucket h at position at, whose next bytes are w
 * (folded, packed as the keys' prefixes are, 0 past the end); keeps the
 * longest of each kind in m[0] (phrases), m[1] (tags) and m[2] (weak
 * phrases). */
static void try_bucket(const struct vd_index *ix, unsigned h, unsigned long long w,
                       const char *text, size_t len, size_t at, struct vd_match m[3])
{
	static const unsigned long long mask[VD_PREFIX + 1] = {
		0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffffull, 0xffffffffffffull,
		0xffffffffffffffull, 0xffffffffffffffffull
	};
	unsigned j;

	for (j = ix->start[h]; j < ix->start[h + 1]; j++) {
		const struct gen_match_key *key = &ix->keys[j];
		struct vd_match *best;
		size_t k;
		if ((w & mask[key->prefix_len]) != key->prefix)
			continue;
		k = match_at(ix->blob + key->off, key->prefix_len, text, len, at);
		best = &m[key->tag];
		if (k > best->length)
			best->row = key->row, best->offset = at, best->length = k;
	}
}

void vd_longest(const struct vd_index *ix, const char *text, size_t len, struct vd_match m[3])
{
	const unsigned char *t = (const unsigned char *)text;
	unsigned long long w = 0;
	size_t at;

	m[0].length = m[1].length = m[2].length = 0;
	m[0].row = m[1].row = m[2].row = m[0].offset = m[1].offset = m[2].offset = 0;
	for (at = 0; at < VD_PREFIX && at < len; at++)
		w |= (unsigned long long)scx_lower(t[at]) << (8 * at);
	for (at = 0; at < len; at++) {
		unsigned h = vd_bucket(w);
		if (ix->start[h] != ix->start[h + 1] && (w & 0xff))
			try_bucket(ix, h, w, text, len, at, m);
		if ((ix->short_keys & 2) && (w >> 16 & 0xff)) /* two-byte keys here */
			try_bucket(ix, vd_bucket(w & 0xffff), w, text, len, at, m);
		if ((ix->short_keys & 1) && (w >> 8 & 0xff)) /* one-byte keys here */
			try_bucket(ix, vd_bucket(w & 0xff), w, text, len, at, m);
		/* slide: the byte VD_PREFIX ahead comes in at the top */
		w >>= 8;
		if (at + VD_PREFIX < len)
			w |= (unsigned long long)scx_lower(t[at + VD_PREFIX]) << (8 * (VD_PREFIX - 1));
	}
}
