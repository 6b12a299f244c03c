/* synonym.c - the phrases of data/synonyms.tsv found in a query, and the
 * codes they name. */
#include "synonym.h"
#include "ascii.h"

#include <string.h>

struct gen_synonym {
	/* Read through the table cppcheck does not see (build/synonyms.inc). */
	/* cppcheck-suppress unusedStructMember */
	unsigned int phrase;
	unsigned short first, count;
};

struct gen_synonym_code {
	short basic, subject, detail;
};

#include "synonyms.inc"

enum { NSYNONYMS = sizeof gen_synonyms / sizeof gen_synonyms[0] };

/* What a phrase of n words gives the code at position k of its list. */
enum { BOOST_PER_WORD = 200, BOOST_FIRST = 60, BOOST_STEP = 10 };

int smtpcode__same_word(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la == lb)
		return memcmp(a, b, la) == 0;
	if (la == lb + 1 && a[lb] == 's')
		return memcmp(a, b, lb) == 0;
	if (lb == la + 1 && b[la] == 's')
		return memcmp(a, b, la) == 0;
	return 0;
}

/* The next word of phrase from *p that is not a stop word, into w; 0 at
 * the end. */
static int next_phrase_word(const char **p, char *w, size_t size)
{
	for (;;) {
		size_t len = strcspn(*p, " ");
		if (len == 0 || len >= size)
			return 0;
		memcpy(w, *p, len);
		w[len] = '\0';
		*p += len + ((*p)[len] == ' ');
		if (!smtpcode__stop_word(w))
			return 1;
	}
}

/* The number of words of phrase if they stand in q in order from word at,
 * stop words left out of both; else 0. */
static size_t phrase_at(const char *phrase, const struct query *q, size_t at)
{
	char w[QUERY_WORD_LEN];
	size_t n = 0;

	while (next_phrase_word(&phrase, w, sizeof w)) {
		while (at < q->n && q->stop[at])
			at++;
		if (at >= q->n || !smtpcode__same_word(w, q->word[at]))
			return 0;
		n++;
		at++;
	}
	return n;
}

/* The number of words of phrase if they stand in q in order; else 0. */
static size_t phrase_in(const char *phrase, const struct query *q)
{
	size_t at;

	for (at = 0; at < q->n; at++) {
		size_t n;
		if (!q->stop[at] && (n = phrase_at(phrase, q, at)) != 0)
			return n;
	}
	return 0;
}

/* Notes in q the rows whose phrases it holds (stop words aside). */
static void find_phrases(struct query *q)
{
	size_t i;

	q->nmatch = 0;
	for (i = 0; i < NSYNONYMS && q->nmatch < QUERY_MATCH_MAX; i++) {
		size_t words;
		if (gen_synonyms[i].count == 0 ||
		    (words = phrase_in(gen_synonym_blob + gen_synonyms[i].phrase, q)) == 0)
			continue;
		q->match[q->nmatch] = i;
		q->match_words[q->nmatch++] = words;
	}
}

void smtpcode__query_split(const char *const *words, size_t nwords, struct query *q)
{
	size_t i;

	q->n = 0;
	for (i = 0; i < nwords && words[i]; i++) {
		const char *p = words[i];
		while (*p && q->n < QUERY_WORDS_MAX) {
			size_t len = 0;
			while (*p == ' ' || *p == '\t')
				p++;
			if (!*p)
				break;
			for (; *p && *p != ' ' && *p != '\t'; p++)
				if (len < QUERY_WORD_LEN - 1)
					q->word[q->n][len++] = (char)scx_lower((unsigned char)*p);
			q->word[q->n++][len] = '\0';
		}
	}
	q->content = 0;
	for (i = 0; i < q->n; i++) {
		q->stop[i] = (unsigned char)smtpcode__stop_word(q->word[i]);
		q->content += !q->stop[i];
	}
	find_phrases(q);
}

int smtpcode__stop_word(const char *word)
{
	size_t i;

	for (i = 0; i < NSYNONYMS; i++)
		if (gen_synonyms[i].count == 0 &&
		    smtpcode__same_word(gen_synonym_blob + gen_synonyms[i].phrase, word))
			return 1;
	return 0;
}

int smtpcode__synonym_boost(const struct query *q, int basic, int subject, int detail)
{
	size_t i, k;
	int boost = 0;

	for (i = 0; i < q->nmatch; i++) {
		const struct gen_synonym *s = &gen_synonyms[q->match[i]];
		size_t words = q->match_words[i];
		for (k = 0; k < s->count; k++) {
			const struct gen_synonym_code *c = &gen_synonym_codes[s->first + k];
			if (basic ? c->basic == basic
			          : c->basic == 0 && c->subject == subject && c->detail == detail) {
				boost += BOOST_PER_WORD * (int)words + BOOST_FIRST -
				         BOOST_STEP * (int)(k < 6 ? k : 6);
				break;
			}
		}
	}
	return boost;
}
