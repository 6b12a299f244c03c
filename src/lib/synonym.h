/* synonym.h - what the words of a query name: the codes an expert gives for
 * a phrase (data/synonyms.tsv, compiled to build/synonyms.inc), and the
 * words that carry no meaning in a query. Internal to the library. */
#ifndef SMTPCODE_SYNONYM_H
#define SMTPCODE_SYNONYM_H

#include "smtpcode.h"

#include <stddef.h>

enum { QUERY_WORDS_MAX = 32, QUERY_WORD_LEN = 48, QUERY_MATCH_MAX = 64 };

/* A query split into lower-case words (arguments may hold several), and
 * the phrases of data/synonyms.tsv found in it. */
struct query {
	char word[QUERY_WORDS_MAX][QUERY_WORD_LEN];
	unsigned char stop[QUERY_WORDS_MAX]; /* word i carries no meaning */
	size_t n, content;                   /* words, and those not stop words */
	size_t match[QUERY_MATCH_MAX];       /* synonym rows found */
	size_t match_words[QUERY_MATCH_MAX]; /* the words each one has */
	size_t nmatch;
};

/* Splits words[0..nwords) at spaces and tabs into q (at most
 * QUERY_WORDS_MAX words; longer words are cut) and finds its phrases. */
void smtpcode__query_split(const char *const *words, size_t nwords, struct query *q);

/* Nonzero if a and b are one word: equal, or equal but for a trailing 's'
 * on one of them ("recipients", "recipient"). */
int smtpcode__same_word(const char *a, const char *b);

/* Nonzero if word carries no meaning in a query ("code", "the"). */
int smtpcode__stop_word(const char *word);

/* What the query's phrases add to a code's score: reply code basic (0 for
 * none) or enhanced code X.subject.detail. Each phrase found in the query
 * (its words in order) gives its first code the most. */
int smtpcode__synonym_boost(const struct query *q, int basic, int subject, int detail);

#endif
