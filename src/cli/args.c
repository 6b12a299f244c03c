/* args.c - the command line, parsed into options (never exits or prints).
 * Long and short options may come anywhere; "--" ends them; short options
 * bundle ("-ja RCPT"). */
#include "args.h"
#include "ascii.h"
#include "safe_text.h"
#include "smtpcode.h"
#include "strbuf.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* Appends arg as an echoed value (safe_text.h): in quotes, control bytes and
 * invalid UTF-8 as \xNN, cut after SAFE_ECHO_COLUMNS columns. */
static void quote(struct strbuf *sb, const char *arg)
{
	char shown[SAFE_ECHO_SIZE];

	scx_sb_printf(sb, "%s", safe_echo(shown, sizeof shown, arg, 1));
}

static int fail(char *err, size_t errsz, const char *what, const char *arg,
                const char *reason)
{
	struct strbuf sb;

	scx_sb_init(&sb, err, errsz);
	scx_sb_printf(&sb, "%s", what);
	if (arg) {
		scx_sb_printf(&sb, " ");
		quote(&sb, arg);
	}
	scx_sb_printf(&sb, "%s", reason);
	return -1;
}

int args_check_code(const char *arg, char *err, size_t errsz)
{
	enum smtpcode_parse_error e;
	struct smtpcode_query q;
	struct strbuf sb;
	size_t bad = 0;

	if (smtpcode_is_pattern(arg)) {
		struct smtpcode_pattern pat;
		e = smtpcode_parse_pattern(arg, &pat);
	} else {
		e = smtpcode_parse(arg, &q, &bad);
	}
	if (e == SMTPCODE_PARSE_OK)
		return 0;
	scx_sb_init(&sb, err, errsz);
	scx_sb_printf(&sb, "invalid code ");
	quote(&sb, arg);
	scx_sb_printf(&sb, ": %s", smtpcode_parse_error_reason(e));
	if (e == SMTPCODE_PARSE_NOT_DIGIT) {
		/* The whole character at that byte, when it is valid UTF-8. */
		char c[5] = "";
		size_t len;
		safe_char(arg + bad, strlen(arg + bad), &len);
		memcpy(c, arg + bad, len);
		scx_sb_printf(&sb, " (");
		quote(&sb, c);
		scx_sb_printf(&sb, " at position %zu)", bad + 1);
	}
	return -1;
}

static int set_after(struct options *o, const char *value, char *err, size_t errsz)
{
	o->after = smtpcode_command_canonical(value);
	if (!o->after)
		return fail(err, errsz, "--after:", value,
		            " is not an SMTP command smtpcode knows (see smtpcode --help)");
	return 0;
}

static int set_color(struct options *o, const char *value, char *err, size_t errsz)
{
	if (strcmp(value, "auto") == 0)
		o->color = COLOR_AUTO;
	else if (strcmp(value, "always") == 0)
		o->color = COLOR_ALWAYS;
	else if (strcmp(value, "never") == 0)
		o->color = COLOR_NEVER;
	else
		return fail(err, errsz, "--color:", value, " is not auto, always or never");
	return 0;
}

static int set_lang(struct options *o, const char *value, char *err, size_t errsz)
{
	(void)err, (void)errsz;
	o->lang = value;
	return 0;
}

/* --top N: 0 to 1024 rows by domain and by relay (scan). */
static int set_top(struct options *o, const char *value, char *err, size_t errsz)
{
	char *end = NULL;
	long n = -1;

	if (*value >= '0' && *value <= '9')
		n = strtol(value, &end, 10);
	if (n < 0 || n > 1024 || !end || *end != '\0')
		return fail(err, errsz, "--top:", value, " is not a number from 0 to 1024");
	o->top = (int)n;
	o->top_given = 1;
	return 0;
}

static int set_help(struct options *o, const char *value, char *err, size_t errsz)
{
	(void)value, (void)err, (void)errsz;
	o->mode = MODE_HELP;
	return 0;
}

static int set_version(struct options *o, const char *value, char *err, size_t errsz)
{
	(void)value, (void)err, (void)errsz;
	o->mode = MODE_VERSION;
	return 0;
}

/* The options (as jq's isoption() and curl's getparam): the short letter
 * ('\0': none), the long name, what a missing value is reported as (NULL:
 * the option takes no value), and what the option sets: the int field at
 * flag set to 1 when set is NULL, else what set does with the value. */
static const struct option_def {
	char letter;
	char name[12]; /* not a pointer: the table needs fewer relocations */
	const char *needs;
	size_t flag;
	int (*set)(struct options *o, const char *value, char *err, size_t errsz);
} option_defs[] = {
	{ 'j', "json", NULL, offsetof(struct options, json), NULL },
	{ 'a', "after", " needs an SMTP command name", 0, set_after },
	{ '\0', "brief", NULL, offsetof(struct options, brief), NULL },
	{ '\0', "codes-only", NULL, offsetof(struct options, codes_only), NULL },
	{ '\0', "full", NULL, offsetof(struct options, full), NULL },
	{ '\0', "basic", NULL, offsetof(struct options, list_basic), NULL },
	{ '\0', "enhanced", NULL, offsetof(struct options, list_enhanced), NULL },
	{ '\0', "color", " needs a value", 0, set_color },
	{ '\0', "colour", " needs a value", 0, set_color },
	{ '\0', "lang", " needs a value", 0, set_lang },
	{ '\0', "top", " needs a number", 0, set_top },
	{ '\0', "merge", NULL, offsetof(struct options, merge), NULL },
	{ 'h', "help", NULL, 0, set_help },
	{ 'V', "version", NULL, 0, set_version },
};
enum { NOPTIONS = sizeof option_defs / sizeof option_defs[0] };

/* The option named s[0..len) (long) or, when len is 0, lettered *s. */
static const struct option_def *find_option(const char *s, size_t len)
{
	size_t k;

	for (k = 0; k < NOPTIONS; k++) {
		const struct option_def *d = &option_defs[k];
		if (len ? strlen(d->name) == len && strncmp(s, d->name, len) == 0
		        : d->letter != '\0' && d->letter == *s)
			return d;
	}
	return NULL;
}

static int apply(const struct option_def *d, struct options *o, const char *value, char *err,
                 size_t errsz)
{
	if (!d->set) {
		*(int *)((char *)o + d->flag) = 1;
		return 0;
	}
	return d->set(o, value, err, errsz);
}

/* Applies d with the next argument as its value; shown names the option. */
static int apply_next(const struct option_def *d, int argc, char **argv, int *i,
                      const char *shown, struct options *o, char *err, size_t errsz)
{
	if (*i + 1 >= argc)
		return fail(err, errsz, "option", shown, d->needs);
	return apply(d, o, argv[++*i], err, errsz);
}

/* "--name", "--name=value" or "--name value" in argv[*i]. */
static int long_option(int argc, char **argv, int *i, struct options *o, char *err,
                       size_t errsz)
{
	const char *a = argv[*i], *name = a + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	const struct option_def *d = len ? find_option(name, len) : NULL;

	if (!d || (eq && !d->needs))
		return fail(err, errsz, "unknown option", a, " (see smtpcode --help)");
	if (!d->needs)
		return apply(d, o, NULL, err, errsz);
	if (eq)
		return apply(d, o, eq + 1, err, errsz);
	return apply_next(d, argc, argv, i, a, o, err, errsz);
}

/* An unknown letter at a[k]: the whole argument when it is the first. */
static int unknown_letter(const char *a, size_t k, char *err, size_t errsz)
{
	char shown[6] = "-";
	size_t len = scx_utf8_len(a + k, strlen(a + k));
	struct strbuf sb;

	if (k == 1)
		return fail(err, errsz, "unknown option", a, " (see smtpcode --help)");
	memcpy(shown + 1, a + k, len ? len : 1);
	scx_sb_init(&sb, err, errsz);
	scx_sb_printf(&sb, "unknown option ");
	quote(&sb, shown);
	scx_sb_printf(&sb, " in ");
	quote(&sb, a);
	scx_sb_printf(&sb, " (see smtpcode --help)");
	return -1;
}

/* Short options bundled in argv[*i]: "-j", "-ja RCPT", "-jaRCPT". */
static int short_options(int argc, char **argv, int *i, struct options *o, char *err,
                         size_t errsz)
{
	const char *a = argv[*i];
	size_t k;

	for (k = 1; a[k]; k++) {
		const struct option_def *d = find_option(a + k, 0);
		char shown[3] = { '-', a[k], '\0' };
		if (!d)
			return unknown_letter(a, k, err, errsz);
		if (!d->needs) {
			if (apply(d, o, NULL, err, errsz) < 0)
				return -1;
		} else if (a[k + 1]) {
			return apply(d, o, a + k + 1, err, errsz);
		} else {
			return apply_next(d, argc, argv, i, shown, o, err, errsz);
		}
	}
	return 0;
}

/* The mode a subcommand name selects, or -1. */
static int subcommand(const char *a)
{
	static const char *const names[] = {
#define SUBCOMMAND(mode, name, run, usage) name,
#include "subcommands.def"
#undef SUBCOMMAND
	};
	int m;

	_Static_assert(sizeof names / sizeof names[0] == MODE_COUNT, "a name for each mode");
	if (a[0] >= '0' && a[0] <= '9') /* a code: no name starts with a digit */
		return -1;
	for (m = 0; m < MODE_COUNT; m++)
		if (names[m] && strcmp(a, names[m]) == 0)
			return m;
	return -1;
}

/* Nonzero if every operand is a word: letters and hyphens, at least two,
 * some letter not an x ("relay", "spf", "mx"): those are searched for. An
 * operand of x's alone ("xxx") is a pattern, one with a digit a code. */
static int all_words(char **args, int n)
{
	int i;
	size_t k;

	for (i = 0; i < n; i++) {
		int other = 0;
		if (strlen(args[i]) < 2)
			return 0;
		for (k = 0; args[i][k]; k++) {
			char c = args[i][k];
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c == '-' && k > 0)))
				return 0;
			other |= c != '-' && c != 'x' && c != 'X';
		}
		if (!other)
			return 0;
	}
	return 1;
}

/* Reads the options (into o), the subcommand (into *mode) and moves the
 * operands to argv[1..]; returns how many there are, or -1. */
static int read_args(int argc, char **argv, struct options *o, enum mode *mode, char *err,
                     size_t errsz)
{
	int i, n = 0, only_operands = 0, first_operand = 1;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		int m;
		if (!only_operands && a[0] == '-' && a[1] == '-' && !a[2]) { /* "--" */
			only_operands = 1;
			continue;
		}
		if (!only_operands && a[0] == '-' && a[1] != '\0') {
			if ((a[1] == '-' ? long_option : short_options)(argc, argv, &i, o, err, errsz) < 0)
				return -1;
			continue;
		}
		m = first_operand && !only_operands ? subcommand(a) : -1;
		if (m >= 0)
			*mode = (enum mode)m;
		else
			argv[1 + n++] = argv[i];
		first_operand = 0;
	}
	return n;
}

/* Checks that the operands suit o->mode; a lookup of words becomes a search. */
static int check_operands(struct options *o, char *err, size_t errsz)
{
	enum mode mode = o->mode;
	int i, n = o->ncodes;

	if ((o->list_basic || o->list_enhanced) && mode != MODE_LIST)
		return fail(err, errsz, o->list_basic ? "--basic" : "--enhanced", NULL,
		            " applies to list only");
	if ((o->top_given || o->merge) && mode != MODE_SCAN)
		return fail(err, errsz, o->merge ? "--merge" : "--top", NULL, " applies to scan only");
	if ((o->brief || o->codes_only || o->full) && (mode == MODE_COMPARE || mode == MODE_SCAN))
		return fail(err, errsz, o->brief ? "--brief" : o->codes_only ? "--codes-only" : "--full",
		            NULL, " applies to lookups, patterns, list, search and explain");
	if (mode == MODE_LIST)
		return n ? fail(err, errsz, "list takes no code", NULL, " (see smtpcode --help)") : 0;
	if (mode == MODE_SEARCH)
		return n ? 0 : fail(err, errsz, "search needs words", NULL, " (see smtpcode --help)");
	if (mode == MODE_EXPLAIN || mode == MODE_SCAN) {
		if (o->after)
			return fail(err, errsz, "--after does not apply to", NULL,
			            mode == MODE_SCAN ? " scan (it reads the command from the text)"
			                              : " explain (it reads the command from the text)");
		return 0;
	}
	if (mode == MODE_COMPARE && n != 2)
		return fail(err, errsz, n < 2 ? "compare needs two codes" :
		            "compare takes only two codes", NULL, " (see smtpcode --help)");
	for (i = 0; mode == MODE_COMPARE && i < n; i++)
		if (smtpcode_is_pattern(o->codes[i]))
			return fail(err, errsz, "compare takes two codes, not a pattern like",
			            o->codes[i], " (list them with: smtpcode PATTERN)");
	if (n == 0)
		return fail(err, errsz, "no code given", NULL, " (see smtpcode --help)");
	if (mode == MODE_LOOKUP && all_words(o->codes, n)) {
		o->mode = MODE_SEARCH;
		o->word_fallback = 1;
		return 0;
	}
	for (i = 0; i < n; i++)
		if (!(o->codes[i][0] == '-' && !o->codes[i][1]) && /* "-": standard input */
		    args_check_code(o->codes[i], err, errsz) < 0)
			return -1;
	return 0;
}

int args_parse(int argc, char **argv, struct options *o, char *err, size_t errsz)
{
	enum mode mode = MODE_LOOKUP;
	int n;

	memset(o, 0, sizeof *o);
	n = read_args(argc, argv, o, &mode, err, errsz);
	if (n < 0)
		return -1;
	o->codes = argv + 1;
	o->ncodes = n;
	if (o->mode != MODE_HELP && o->mode != MODE_VERSION)
		o->mode = mode; /* --help and --version win over a subcommand */
	if (o->mode == MODE_HELP || o->mode == MODE_VERSION)
		return 0;
	return check_operands(o, err, errsz);
}
