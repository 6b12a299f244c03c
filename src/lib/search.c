/* search.c - find codes by the words of their texts. */
#include "smtpcode.h"

#include <stdlib.h>
#include <string.h>

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Nonzero if hay contains needle, ignoring ASCII case. */
static int contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle), i;

	if (n == 0)
		return 1;
	for (; *hay; hay++) {
		for (i = 0; i < n && hay[i] && lower((unsigned char)hay[i]) ==
		                                lower((unsigned char)needle[i]); i++)
			;
		if (i == n)
			return 1;
	}
	return 0;
}

/* The score of one entry's texts for all words: 0 if a word is missing. */
static int score_texts(const char *const *words, size_t nwords, const char *name,
                       const char *description, const char *when_seen, const char *fix,
                       const char *source)
{
	int total = 0;
	size_t i;

	for (i = 0; i < nwords; i++) {
		int s = (contains(name, words[i]) ? 10 : 0) +
		        (contains(description, words[i]) ? 4 : 0) +
		        (contains(when_seen, words[i]) ? 2 : 0) + (contains(fix, words[i]) ? 1 : 0) +
		        (contains(source, words[i]) ? 1 : 0);
		if (s == 0)
			return 0;
		total += s;
	}
	return total;
}

/* Keeps the best max hits in hits[0..*kept), unsorted; counts all in *found. */
static void keep(struct smtpcode_hit *hits, size_t max, size_t *kept, size_t *found,
                 struct smtpcode_hit hit)
{
	size_t i, worst = 0;

	(*found)++;
	if (*kept < max) {
		hits[(*kept)++] = hit;
		return;
	}
	for (i = 1; i < *kept; i++)
		if (hits[i].score < hits[worst].score)
			worst = i;
	if (*kept && hit.score > hits[worst].score)
		hits[worst] = hit;
}

static int by_score(const void *a, const void *b)
{
	const struct smtpcode_hit *x = a, *y = b;

	if (x->score != y->score)
		return y->score - x->score;
	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	return x->index < y->index ? -1 : x->index > y->index;
}

size_t smtpcode_search(const char *const *words, size_t nwords, struct smtpcode_hit *hits,
                       size_t max)
{
	struct smtpcode_meaning m;
	struct smtpcode_enhanced_entry e;
	size_t i, kept = 0, found = 0;

	if (!hits)
		max = 0;
	for (i = 0; smtpcode_meaning_at(i, &m) == 0;) {
		/* A code's meanings are adjacent: keep the best of them. */
		struct smtpcode_hit best = { SMTPCODE_KIND_BASIC, i, 0 };
		int code = m.basic;
		for (; smtpcode_meaning_at(i, &m) == 0 && m.basic == code; i++) {
			int s = score_texts(words, nwords, m.name, m.description, m.when_seen, m.fix,
			                    m.source);
			if (s > best.score) {
				best.score = s;
				best.index = i;
			}
		}
		if (best.score > 0)
			keep(hits, max, &kept, &found, best);
	}
	for (i = 0; smtpcode_enhanced_at(i, &e) == 0; i++) {
		struct smtpcode_hit hit = { SMTPCODE_KIND_ENHANCED, i, 0 };
		if (e.detail == SMTPCODE_ANY)
			continue;
		hit.score = score_texts(words, nwords, e.title, e.description, e.when_seen, e.fix,
		                        e.source);
		if (hit.score > 0)
			keep(hits, max, &kept, &found, hit);
	}
	if (kept > 1) /* the count-only form passes hits NULL: qsort must not see it */
		qsort(hits, kept, sizeof hits[0], by_score);
	return found;
}
