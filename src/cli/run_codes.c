/* run_codes.c - the commands about codes: lookup (codes and patterns),
 * compare, list and search. */
#include "run_codes.h"
#include "lines.h"
#include "safe_text.h"
#include "strbuf.h"

#include <stdio.h>
#include <string.h>

/* How a run prints each code it finds. */
struct printer {
	const struct options *o;
	const struct style *st;
	unsigned long printed;
	int heading;         /* the last class or subject heading printed, or -1 */
	int column;          /* where a line's name starts (0: text_line's) */
};

/* Prints one code of a list (a pattern, list or search): a line, the code
 * alone, the whole entry, or its JSON object. */
static void print_item(struct printer *p, const struct smtpcode_item *item, int with_status)
{
	const struct smtpcode_enhanced_lookup *e = &item->enhanced;
	struct smtpcode_enhanced_entry row;
	const char *name = NULL, *status = NULL;
	char code[16];
	int cls;

	if (p->o->json) {
		json_item(stdout, item);
		p->printed++;
		return;
	}
	if (p->o->full) {
		if (p->printed++)
			putchar('\n');
		text_item(stdout, item, p->st);
		return;
	}
	if (item->kind == SMTPCODE_KIND_ENHANCED) {
		snprintf(code, sizeof code, "%s", e->text);
		cls = e->enhanced.reply_class;
		if (e->known && smtpcode_enhanced_at(e->detail_row, &row) == 0) {
			name = row.title;
			status = row.deprecated ? "deprecated" : "current";
		}
	} else {
		struct smtpcode_meaning m; /* the one --after selects, else the first */
		snprintf(code, sizeof code, "%d", item->basic.basic);
		cls = item->basic.basic / 100;
		if (item->basic.known && smtpcode_meaning_at(item->basic.first, &m) == 0) {
			name = m.name;
			status = smtpcode_status_name(m.status);
		}
	}
	p->printed++;
	if (p->o->codes_only) {
		printf("%s\n", code);
		return;
	}
	if (!name) /* without the parentheses of undefined_label() */
		name = style_phrase(p->st, item->kind == SMTPCODE_KIND_ENHANCED ? "p.not_registered"
		                                                               : "p.not_defined");
	text_line_at(stdout, p->st, code, cls, name, with_status ? status : NULL,
	             p->column ? p->column : 8);
}

/* A class heading ("5xx Permanent Negative Completion") or a subject heading
 * ("X.7.X Security or Policy Status") before the first code under it. */
static void heading(struct printer *p, int kind, int number)
{
	struct smtpcode_enhanced_entry e;
	size_t row;
	int id = kind * 1000 + number;

	if (p->o->json || p->o->full || p->o->codes_only || p->heading == id)
		return;
	if (p->heading != -1)
		putchar('\n');
	p->heading = id;
	if (kind == SMTPCODE_KIND_BASIC) {
		char key[16];
		snprintf(key, sizeof key, "c.%d", number);
		printf("%dxx %s\n", number, style_phrase(p->st, key));
	} else if (smtpcode_enhanced_find(SMTPCODE_ANY, number, SMTPCODE_ANY, &row) == 0 &&
	           smtpcode_enhanced_at(row, &e) == 0) {
		printf("X.%d.X %s\n", number, e.title);
	}
}

/* Prints every code that matches a pattern; returns how many. */
static unsigned long print_pattern(struct printer *p, const struct smtpcode_pattern *pat)
{
	static struct smtpcode_item item;
	struct smtpcode_query q = { SMTPCODE_KIND_BASIC, 0, { SMTPCODE_ANY, 0, 0 } };
	struct smtpcode_enhanced_entry e;
	unsigned long before = p->printed;
	size_t i;

	if (pat->kind == SMTPCODE_KIND_BASIC) {
		int code;
		for (code = 100; code <= 599; code++) {
			if (!smtpcode_pattern_matches_basic(pat, code) || smtpcode_find(code, NULL, NULL) < 0)
				continue;
			q.kind = SMTPCODE_KIND_BASIC;
			q.basic = code;
			smtpcode_lookup_item(&q, p->o->after, &item);
			heading(p, SMTPCODE_KIND_BASIC, code / 100);
			print_item(p, &item, 1);
		}
		return p->printed - before;
	}
	for (i = 0; smtpcode_enhanced_at(i, &e) == 0; i++) {
		if (!smtpcode_pattern_matches_enhanced(pat, &e))
			continue;
		q.kind = SMTPCODE_KIND_ENHANCED;
		q.enhanced.reply_class = pat->reply_class;
		q.enhanced.subject = e.subject;
		q.enhanced.detail = e.detail;
		smtpcode_lookup_item(&q, NULL, &item);
		heading(p, SMTPCODE_KIND_ENHANCED, e.subject);
		print_item(p, &item, 1);
	}
	return p->printed - before;
}

/* Batch lookups: each line of standard input is a code (or a pattern). */
struct batch {
	const struct options *o;
	struct printer *p;
	unsigned long line;
	int status;
};

static int lookup_one(const struct options *o, struct printer *p, const char *code);

/* Looks the first word of a line up; returns nonzero (stop reading) once
 * standard output has failed. */
static int batch_line(const char *line, size_t len, void *arg)
{
	struct batch *b = arg;
	char code[64], err[256];
	const char *nul;
	struct options one;
	char *argv[3];
	size_t i = 0, n;
	int r;

	b->line++;
	/* A NUL would cut the code short ("550\0zz" read as 550): the line is
	 * rejected, wherever the NUL is. */
	nul = memchr(line, '\0', len);
	if (nul) {
		fprintf(stderr, "smtpcode: -:%lu: invalid code: has a NUL byte (at position %lu)\n",
		        b->line, (unsigned long)(nul - line) + 1);
		b->status = EXIT_USAGE;
		return 0;
	}
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	for (n = 0; i < len && line[i] != ' ' && line[i] != '\t' && n < sizeof code - 1; i++)
		code[n++] = line[i];
	code[n] = '\0';
	if (n == 0)
		return 0;
	/* The same checks as for an argument, with the line number. */
	argv[0] = "smtpcode";
	argv[1] = code;
	argv[2] = NULL;
	if (code[0] == '-' || args_parse(2, argv, &one, err, sizeof err) < 0 ||
	    one.mode != MODE_LOOKUP) {
		if (code[0] != '-' && one.mode == MODE_SEARCH) { /* a word: say why */
			args_check_code(code, err, sizeof err);
		} else if (code[0] == '-' || one.mode != MODE_LOOKUP) {
			char shown[SAFE_ECHO_SIZE];
			snprintf(err, sizeof err, "invalid code %s",
			         safe_echo(shown, sizeof shown, code, 1));
		}
		fprintf(stderr, "smtpcode: -:%lu: %s\n", b->line, err);
		b->status = EXIT_USAGE;
		return 0;
	}
	r = lookup_one(b->o, b->p, code);
	if (r > b->status)
		b->status = r;
	return ferror(stdout) != 0;
}

/* Looks one code or pattern up and prints it; returns its exit status. */
static int lookup_one(const struct options *o, struct printer *p, const char *code)
{
	static struct smtpcode_item item;
	struct smtpcode_query q = { SMTPCODE_KIND_BASIC, 0, { 0, 0, 0 } };

	if (smtpcode_is_pattern(code)) {
		struct smtpcode_pattern pat;
		smtpcode_parse_pattern(code, &pat);
		if (print_pattern(p, &pat) == 0) {
			fprintf(stderr, "smtpcode: no code matches %s\n", code);
			return EXIT_UNDEFINED;
		}
		return EXIT_FOUND;
	}
	smtpcode_parse(code, &q, NULL);
	smtpcode_lookup_item(&q, o->after, &item);
	if (o->json) {
		json_item(stdout, &item);
	} else if (o->brief || o->codes_only) {
		print_item(p, &item, 0);
	} else {
		if (p->printed++ || p->heading != -1)
			putchar('\n');
		text_item(stdout, &item, p->st);
	}
	return smtpcode_item_known(&item) ? EXIT_FOUND : EXIT_UNDEFINED;
}

int run_lookup(const struct options *o, const struct style *st)
{
	struct printer p = { o, st, 0, -1, 0 };
	int i, status = EXIT_FOUND;

	/* main reports a failed output; nothing more is read or looked up. */
	for (i = 0; i < o->ncodes && !ferror(stdout); i++) {
		int r;
		if (o->codes[i][0] == '-' && !o->codes[i][1]) { /* "-": codes on standard input */
			struct batch b = { o, &p, 0, EXIT_FOUND };
			if (lines_read(stdin, batch_line, &b) < 0) {
				fprintf(stderr, "smtpcode: -: read error\n");
				return EXIT_USAGE;
			}
			r = b.status;
		} else {
			r = lookup_one(o, &p, o->codes[i]);
		}
		if (r > status)
			status = r;
	}
	return status;
}

int run_compare(const struct options *o, const struct style *st)
{
	static struct smtpcode_compare c;
	struct smtpcode_query a, b;

	smtpcode_parse(o->codes[0], &a, NULL);
	smtpcode_parse(o->codes[1], &b, NULL);
	smtpcode_compare_lang(&a, &b, o->after, o->json ? 0 : st->lang, &c);
	if (o->json)
		json_compare(stdout, &c);
	else
		text_compare(stdout, &c, st);
	return smtpcode_item_known(&c.a) && smtpcode_item_known(&c.b) ? EXIT_FOUND
	                                                               : EXIT_UNDEFINED;
}

int run_list(const struct options *o, const struct style *st)
{
	struct printer p = { o, st, 0, -1, 0 };
	struct smtpcode_pattern pat;
	int both = !o->list_basic && !o->list_enhanced;

	if (both || o->list_basic) {
		smtpcode_parse_pattern("xxx", &pat);
		print_pattern(&p, &pat);
	}
	if (both || o->list_enhanced) {
		smtpcode_parse_pattern("x.x.x", &pat);
		print_pattern(&p, &pat);
	}
	return EXIT_FOUND;
}

/* Where the names start when a search shows pairs ("550 / 5.1.1" is 11
 * columns). */
enum { PAIR_COLUMN = 14 };

/* The query of hit h. */
static struct smtpcode_query hit_query(const struct smtpcode_hit *h)
{
	struct smtpcode_query q = { SMTPCODE_KIND_BASIC, 0, { 0, 0, 0 } };

	if (h->kind == SMTPCODE_KIND_BASIC) {
		struct smtpcode_meaning m;
		smtpcode_meaning_at(h->index, &m);
		q.basic = m.basic;
	} else {
		struct smtpcode_enhanced_entry e;
		smtpcode_enhanced_at(h->index, &e);
		q.kind = SMTPCODE_KIND_ENHANCED;
		q.enhanced.reply_class = SMTPCODE_ANY;
		q.enhanced.subject = e.subject;
		q.enhanced.detail = e.detail;
	}
	return q;
}

/* Nonzero if hits a and b are a reply code and an enhanced code that the
 * registry lists with it (550 and X.1.1), in either order. */
static int hits_pair(const struct smtpcode_hit *a, const struct smtpcode_hit *b)
{
	struct smtpcode_enhanced_entry e;
	struct smtpcode_query q;

	if (a->kind == b->kind)
		return 0;
	if (a->kind == SMTPCODE_KIND_ENHANCED)
		return hits_pair(b, a);
	q = hit_query(a);
	return smtpcode_enhanced_at(b->index, &e) == 0 &&
	       smtpcode_enhanced_lists_basic(&e, q.basic) == 1;
}

/* One line for a reply code and its enhanced code found together: "550 /
 * 5.1.1  Mailbox Unavailable / Bad destination mailbox address". */
static void print_pair(const struct printer *p, const struct smtpcode_hit *basic,
                       const struct smtpcode_hit *enhanced)
{
	struct smtpcode_query b = hit_query(basic), e = hit_query(enhanced);
	const char *bname = basic_name(b.basic);
	const char *ename = enhanced_title(e.enhanced.subject, e.enhanced.detail);
	char code[32], name[512];

	snprintf(code, sizeof code, "%d / %d.%d.%d", b.basic, b.basic / 100, e.enhanced.subject,
	         e.enhanced.detail);
	snprintf(name, sizeof name, "%s / %s", bname ? bname : "?", ename ? ename : "?");
	text_line_at(stdout, p->st, code, b.basic / 100, name, NULL, PAIR_COLUMN);
}

/* For one-line text: pairs each reply code with an enhanced code of the
 * next two hits that the registry lists with it; partner[i] is the hit
 * shown with hit i, or n when none, and a partner shown already is marked
 * taken. Returns nonzero if any pair was made. */
static int pair_hits(const struct smtpcode_hit *hits, size_t n, size_t *partner,
                     unsigned char *taken)
{
	size_t i, j;
	int any = 0;

	for (i = 0; i < n; i++)
		partner[i] = n, taken[i] = 0;
	for (i = 0; i < n; i++) {
		if (taken[i])
			continue;
		for (j = i + 1; j < n && j <= i + 2; j++)
			if (!taken[j] && partner[j] == n && hits_pair(&hits[i], &hits[j])) {
				partner[i] = j;
				taken[j] = 1;
				any = 1;
				break;
			}
	}
	return any;
}

int run_search(const struct options *o, const struct style *st)
{
	static struct smtpcode_hit hits[512];
	static struct smtpcode_item item;
	static size_t partner[512];
	static unsigned char taken[512];
	struct printer p = { o, st, 0, -1, 0 };
	size_t n, i;
	int pairs;

	if (o->word_fallback) {
		char note[256], quoted[128];
		const char *args[1] = { quoted };
		struct strbuf sb;
		/* The words, all letters (args.c checked), as one quoted phrase. */
		scx_sb_init(&sb, quoted, sizeof quoted);
		for (i = 0; i < (size_t)o->ncodes; i++)
			scx_sb_printf(&sb, "%s%s", i ? " " : "'", o->codes[i]);
		scx_sb_printf(&sb, "'");
		scx_sb_init(&sb, note, sizeof note);
		scx_sb_template(&sb, style_phrase(st, "search.fallback"), args, 1);
		fprintf(stderr, "smtpcode: %s\n", note);
	}
	n = smtpcode_search((const char *const *)o->codes, (size_t)o->ncodes, hits,
	                    sizeof hits / sizeof hits[0]);
	if (n > sizeof hits / sizeof hits[0])
		n = sizeof hits / sizeof hits[0];
	pairs = !o->json && !o->full && !o->codes_only && pair_hits(hits, n, partner, taken);
	if (pairs)
		p.column = PAIR_COLUMN;
	for (i = 0; i < n; i++) {
		struct smtpcode_query q = hit_query(&hits[i]);
		if (pairs && taken[i])
			continue;
		if (pairs && partner[i] < n) {
			int basic_first = hits[i].kind == SMTPCODE_KIND_BASIC;
			print_pair(&p, basic_first ? &hits[i] : &hits[partner[i]],
			           basic_first ? &hits[partner[i]] : &hits[i]);
			continue;
		}
		smtpcode_lookup_item(&q, NULL, &item);
		print_item(&p, &item, 1);
	}
	if (n == 0) {
		fprintf(stderr, "smtpcode: %s\n", style_phrase(st, "list.none"));
		return EXIT_UNDEFINED;
	}
	return EXIT_FOUND;
}
