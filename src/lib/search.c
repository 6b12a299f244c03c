/* search.c - find codes by what the words of a query mean: the codes an
 * expert gives for its phrases (synonym.c), then the words of the codes'
 * texts, the name counting most. */
#include "ascii.h"
#include "smtpcode.h"
#include "synonym.h"

#include <stdlib.h>
#include <string.h>

/* Nonzero if hay contains needle, ignoring ASCII case. */
static int contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle), i;

	if (n == 0)
		return 1;
	for (; *hay; hay++) {
		for (i = 0; i < n && hay[i] && scx_lower((unsigned char)hay[i]) ==
		                                scx_lower((unsigned char)needle[i]); i++)
			;
		if (i == n)
			return 1;
	}
	return 0;
}

/* Nonzero if hay holds word, or word without its plural 's'. */
static int has_word(const char *hay, const char *word)
{
	char stem[QUERY_WORD_LEN];
	size_t n = strlen(word);

	if (contains(hay, word))
		return 1;
	if (n < 4 || word[n - 1] != 's' || n >= sizeof stem)
		return 0;
	memcpy(stem, word, n - 1);
	stem[n - 1] = '\0';
	return contains(hay, stem);
}

/* The score of one entry's texts for the query's words (its stop words
 * aside, unless it has nothing else): 0 if a word is missing. */
static int score_texts(const struct query *q, const char *name, const char *description,
                       const char *when_seen, const char *fix, const char *source)
{
	size_t i;
	int total = 0;

	for (i = 0; i < q->n; i++) {
		const char *w = q->word[i];
		int s;
		if (q->content && q->stop[i])
			continue;
		s = (has_word(name, w) ? 10 : 0) + (has_word(description, w) ? 4 : 0) +
		    (has_word(when_seen, w) ? 2 : 0) + (has_word(fix, w) ? 1 : 0) +
		    (has_word(source, w) ? 1 : 0);
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
	struct query q;
	struct smtpcode_meaning m;
	struct smtpcode_enhanced_entry e;
	size_t i, kept = 0, found = 0;

	if (!hits)
		max = 0;
	smtpcode__query_split(words, nwords, &q);
	for (i = 0; smtpcode_meaning_at(i, &m) == 0;) {
		/* A code's meanings are adjacent: keep the best of them. */
		struct smtpcode_hit best = { SMTPCODE_KIND_BASIC, i, 0 };
		int code = m.basic;
		for (; smtpcode_meaning_at(i, &m) == 0 && m.basic == code; i++) {
			int s = score_texts(&q, m.name, m.description, m.when_seen, m.fix, m.source);
			if (s > best.score) {
				best.score = s;
				best.index = i;
			}
		}
		best.score += smtpcode__synonym_boost(&q, code, 0, 0);
		if (best.score > 0)
			keep(hits, max, &kept, &found, best);
	}
	for (i = 0; smtpcode_enhanced_at(i, &e) == 0; i++) {
		struct smtpcode_hit hit = { SMTPCODE_KIND_ENHANCED, i, 0 };
		if (e.detail == SMTPCODE_ANY)
			continue;
		hit.score = score_texts(&q, e.title, e.description, e.when_seen, e.fix, e.source) +
		            smtpcode__synonym_boost(&q, 0, e.subject, e.detail);
		if (hit.score > 0)
			keep(hits, max, &kept, &found, hit);
	}
	if (kept > 1) /* the count-only form passes hits NULL: qsort must not see it */
		qsort(hits, kept, sizeof hits[0], by_score);
	return found;
}
