/* merge_read.h - walking the JSON of a scan summary for --merge: objects,
 * arrays, numbers and rows, over the token reader of json_in.h. */
#ifndef SMTPCODE_MERGE_READ_H
#define SMTPCODE_MERGE_READ_H

#include "json_in.h"

struct merge {
	struct json_in in;
	struct tally *t;
	struct logstat *ls;
	char what[96];        /* what was wrong, when a function returns -1 */
};

/* Each function gets the first token of its value (already read) and
 * returns 0, or -1 with m->what set. */

/* Reads an object: calls member for each key with the first token of its
 * value; member must read the whole value. */
typedef int merge_member_fn(struct merge *m, const char *key, enum json_tok first, void *arg);
int merge_object(struct merge *m, enum json_tok first, merge_member_fn *member, void *arg);

/* Reads an array: calls item for each element with its first token. */
typedef int merge_item_fn(struct merge *m, size_t index, enum json_tok first, void *arg);
int merge_array(struct merge *m, enum json_tok first, merge_item_fn *item, void *arg);

/* A number, added to *sum. */
int merge_number(struct merge *m, enum json_tok first, unsigned long *sum);

/* A string into buf (room for JSON_IN_STRING). */
int merge_string(struct merge *m, enum json_tok first, char *buf);

/* Sets m->what to "key K: reason" and returns -1. */
int merge_bad(struct merge *m, const char *key, const char *reason);

/* An object of number members named by names (count of them): each adds to
 * sums[its index]; any other key is an error. */
int merge_counts(struct merge *m, enum json_tok first, const char *const *names, size_t count,
                 unsigned long *sums);

/* One row of an array of the summary: its strings and numbers. */
struct merge_row {
	char name[JSON_IN_STRING];  /* "name" */
	char code[JSON_IN_STRING];  /* "code" */
	char reason[JSON_IN_STRING], direction[JSON_IN_STRING], sample[JSON_IN_STRING];
	unsigned long digit, count, error, kinds[3]; /* delivered, deferred, bounced */
	int has_code, has_count, has_digit, has_name, has_reason, has_direction, has_sample;
};

int merge_row(struct merge *m, enum json_tok first, struct merge_row *row);

/* Reads every summary of in into m->t and m->ls; returns how many, or -1
 * after one line on stderr ("smtpcode: PATH: line N: what"). */
long merge_stream(struct merge *m, FILE *in, const char *path);

/* merge_logstat.c: the members of the totals by MTA rules (messages,
 * refusals, mta_lines, domains, relays, time); 1 if key is none of them. */
int merge_logstat_member(struct merge *m, const char *key, enum json_tok first);

#endif
