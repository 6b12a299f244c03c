/* merge.c - `scan --merge`: sums scan --json summaries into one. */
#include "merge.h"
#include "format.h"
#include "logstat.h"
#include "merge_read.h"
#include "safe_text.h"
#include "tally.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static int class_item(struct merge *m, size_t i, enum json_tok first, void *arg)
{
	struct merge_row r;

	(void)i, (void)arg;
	if (merge_row(m, first, &r) < 0)
		return -1;
	if (!r.has_digit || r.digit < 1 || r.digit > 5 || !r.has_count)
		return merge_bad(m, "classes", ": a row needs a digit from 1 to 5 and a count");
	m->t->classes[r.digit] += r.count;
	return 0;
}

static int basic_item(struct merge *m, size_t i, enum json_tok first, void *arg)
{
	struct merge_row r;
	const char *c = r.code;

	(void)i, (void)arg;
	if (merge_row(m, first, &r) < 0)
		return -1;
	if (!r.has_count || strlen(c) != 3 || c[0] < '1' || c[0] > '5' || c[1] < '0' ||
	    c[1] > '9' || c[2] < '0' || c[2] > '9')
		return merge_bad(m, "basic", ": a row needs a code from 100 to 599 and a count");
	m->t->basic[(c[0] - '0') * 100 + (c[1] - '0') * 10 + (c[2] - '0')] += r.count;
	return 0;
}

/* "5.1.10", "X.7.1": class, subject and detail of up to three digits. */
static int parse_enhanced(const char *s, struct smtpcode_enhanced_code *c)
{
	int part[2] = { 0, 0 }, k, digits;

	if (!s[0] || !strchr("245X", s[0]) || s[1] != '.')
		return -1;
	c->reply_class = s[0] == 'X' ? 0 : s[0] - '0';
	s += 2;
	for (k = 0; k < 2; k++, s++) {
		for (digits = 0; *s >= '0' && *s <= '9' && digits < 3; digits++, s++)
			part[k] = part[k] * 10 + (*s - '0');
		if (digits == 0 || *s != (k == 0 ? '.' : '\0'))
			return -1;
	}
	c->subject = part[0];
	c->detail = part[1];
	return 0;
}

static int enhanced_item(struct merge *m, size_t i, enum json_tok first, void *arg)
{
	struct merge_row r;
	struct smtpcode_enhanced_code c;

	(void)i, (void)arg;
	if (merge_row(m, first, &r) < 0)
		return -1;
	if (!r.has_count || parse_enhanced(r.code, &c) < 0)
		return merge_bad(m, "enhanced", ": a row needs a code such as 5.1.1 and a count");
	tally_add_enhanced(m->t, &c, r.count);
	return 0;
}

static int outcomes(struct merge *m, enum json_tok first)
{
	static const char *const names[] = { "delivered",     "deferred",    "bounced",
		                             "expired",       "undeliverable", "deliverable",
		                             "softbounce",    "warning" };

	_Static_assert(sizeof names / sizeof names[0] == SMTPCODE_OUTCOME_COUNT - 1,
	               "a name for each outcome");
	return merge_counts(m, first, names, sizeof names / sizeof names[0], m->t->outcomes + 1);
}

/* The members that the reply counts (struct tally) hold; 1 if key is none
 * of them. */
static int tally_member(struct merge *m, const char *key, enum json_tok first)
{
	if (strcmp(key, "lines") == 0)
		return merge_number(m, first, &m->t->lines);
	if (strcmp(key, "replies") == 0)
		return merge_number(m, first, &m->t->replies);
	if (strcmp(key, "enhanced_other") == 0)
		return merge_number(m, first, &m->t->enhanced_other);
	if (strcmp(key, "outcomes") == 0)
		return outcomes(m, first);
	if (strcmp(key, "classes") == 0)
		return merge_array(m, first, class_item, NULL);
	if (strcmp(key, "basic") == 0)
		return merge_array(m, first, basic_item, NULL);
	if (strcmp(key, "enhanced") == 0)
		return merge_array(m, first, enhanced_item, NULL);
	return 1;
}

static int summary_member(struct merge *m, const char *key, enum json_tok first, void *arg)
{
	int r;

	if (strcmp(key, "kind") == 0) {
		char kind[JSON_IN_STRING];
		*(int *)arg = 1;
		if (merge_string(m, first, kind) < 0)
			return -1;
		return strcmp(kind, "scan") == 0 ? 0 : merge_bad(m, "kind", ": not \"scan\"");
	}
	if ((r = tally_member(m, key, first)) <= 0)
		return r;
	if ((r = merge_logstat_member(m, key, first)) <= 0)
		return r;
	return merge_bad(m, key, ": unknown key");
}

long merge_stream(struct merge *m, FILE *in, const char *path)
{
	char shown[SAFE_ECHO_SIZE];
	enum json_tok t;
	long n = 0;
	int kind;

	json_in_init(&m->in, in);
	while ((t = json_in_next(&m->in)) != JT_END) {
		kind = 0;
		if (merge_object(m, t, summary_member, &kind) < 0 ||
		    (!kind && merge_bad(m, "kind", ": missing (not a scan summary)") < 0)) {
			fprintf(stderr, "smtpcode: %s: line %lu: %s\n",
			        safe_echo(shown, sizeof shown, path, 0), m->in.line, m->what);
			return -1;
		}
		n++;
	}
	return n;
}

/* Reads one operand ("-": standard input); returns how many summaries, or -1. */
static long merge_path(struct merge *m, const char *path)
{
	FILE *in = stdin;
	long n;

	if (strcmp(path, "-") != 0 && (in = fopen(path, "rb")) == NULL) {
		char shown[SAFE_ECHO_SIZE];
		fprintf(stderr, "smtpcode: %s: %s\n", safe_echo(shown, sizeof shown, path, 0),
		        strerror(errno));
		return -1;
	}
	n = merge_stream(m, in, path);
	if (in != stdin)
		fclose(in);
	return n;
}

int run_merge(const struct options *o, const struct style *st)
{
	static struct merge m;
	static struct tally tally;
	static struct logstat stats;
	long n = 0;
	int i;

	logstat_start(&stats); /* static, used once: all zero already (see run_scan) */
	stats.top = o->top_given ? o->top : 10;
	tally.stats = &stats;
	m.t = &tally;
	m.ls = &stats;
	for (i = 0; i == 0 || i < o->ncodes; i++) {
		long k = merge_path(&m, o->ncodes ? o->codes[i] : "-");
		if (k < 0)
			return EXIT_USAGE;
		n += k;
	}
	if (n == 0) {
		fputs("smtpcode: --merge: no scan summary in the input\n", stderr);
		return EXIT_USAGE;
	}
	if (o->json)
		json_scan(stdout, &tally);
	else
		text_scan(stdout, &tally, st);
	return tally.replies ? EXIT_FOUND : EXIT_UNDEFINED;
}
