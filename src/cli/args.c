/* args.c - the command line, parsed into options (never exits or prints).
 * Long and short options may come anywhere; "--" ends them. */
#include "args.h"
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

static int check_code(const char *arg, char *err, size_t errsz)
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

static int set_top(struct options *o, const char *value, char *err, size_t errsz)
{
	size_t i, n = strlen(value);

	for (i = 0; i < n; i++)
		if (value[i] < '0' || value[i] > '9')
			break;
	if (n == 0 || i < n || n > 4 || (o->top = atoi(value)) > 1024)
		return fail(err, errsz, "--top:", value, " is not a number from 0 to 1024");
	o->top_given = 1;
	return 0;
}

/* Takes the value of an option written "--name=value" or "--name value". */
static int value_of(int argc, char **argv, int *i, const char *name, const char **value,
                    char *err, size_t errsz)
{
	const char *a = argv[*i];
	size_t n = strlen(name);

	if (strncmp(a, name, n) == 0 && a[n] == '=') {
		*value = a + n + 1;
		return 1;
	}
	if (strcmp(a, name) != 0)
		return 0;
	if (*i + 1 >= argc) {
		fail(err, errsz, "option", a, " needs a value");
		return -1;
	}
	*value = argv[++*i];
	return 1;
}

static const struct {
	const char *name;
	size_t offset;
} flags[] = {
	{ "--brief", offsetof(struct options, brief) },
	{ "--codes-only", offsetof(struct options, codes_only) },
	{ "--full", offsetof(struct options, full) },
	{ "--basic", offsetof(struct options, list_basic) },
	{ "--enhanced", offsetof(struct options, list_enhanced) },
	{ "--merge", offsetof(struct options, merge) },
};

/* Handles argv[*i], an option; may take the next argument as its value. */
static int option(int argc, char **argv, int *i, struct options *o, char *err,
                  size_t errsz)
{
	const char *a = argv[*i], *v;
	size_t k;
	int r;

	for (k = 0; k < sizeof flags / sizeof flags[0]; k++) {
		if (strcmp(a, flags[k].name) == 0) {
			*(int *)((char *)o + flags[k].offset) = 1;
			return 0;
		}
	}
	if ((r = value_of(argc, argv, i, "--color", &v, err, errsz)) != 0 ||
	    (r = value_of(argc, argv, i, "--colour", &v, err, errsz)) != 0)
		return r < 0 ? -1 : set_color(o, v, err, errsz);
	if ((r = value_of(argc, argv, i, "--top", &v, err, errsz)) != 0)
		return r < 0 ? -1 : set_top(o, v, err, errsz);
	if ((r = value_of(argc, argv, i, "--lang", &v, err, errsz)) != 0) {
		o->lang = v;
		return r < 0 ? -1 : 0;
	}
	if (strcmp(a, "-j") == 0 || strcmp(a, "--json") == 0)
		o->json = 1;
	else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
		o->mode = MODE_HELP;
	else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0)
		o->mode = MODE_VERSION;
	else if (strncmp(a, "--after=", 8) == 0)
		return set_after(o, a + 8, err, errsz);
	else if (strcmp(a, "-a") == 0 || strcmp(a, "--after") == 0) {
		if (*i + 1 >= argc)
			return fail(err, errsz, "option", a, " needs an SMTP command name");
		return set_after(o, argv[++*i], err, errsz);
	} else
		return fail(err, errsz, "unknown option", a, " (see smtpcode --help)");
	return 0;
}

/* Nonzero if every operand is a word of four or more letters ("relay"):
 * those are searched for. A three-character operand is taken for a code,
 * so that "abc" is reported as a bad code. */
static int all_words(char **args, int n)
{
	int i;
	size_t k;

	for (i = 0; i < n; i++) {
		char c0 = args[i][0];
		if (strlen(args[i]) < 4 || !((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z')))
			return 0;
		for (k = 0; args[i][k]; k++) {
			char c = args[i][k];
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'))
				return 0;
		}
	}
	return 1;
}

int args_parse(int argc, char **argv, struct options *o, char *err, size_t errsz)
{
	int i, n = 0, only_operands = 0, first_operand = 1;
	enum mode mode = MODE_LOOKUP;

	memset(o, 0, sizeof *o);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!only_operands && strcmp(a, "--") == 0) {
			only_operands = 1;
		} else if (!only_operands && a[0] == '-' && a[1] != '\0') {
			if (option(argc, argv, &i, o, err, errsz) < 0)
				return -1;
		} else if (first_operand && !only_operands && strcmp(a, "compare") == 0) {
			mode = MODE_COMPARE;
			first_operand = 0;
		} else if (first_operand && !only_operands && strcmp(a, "explain") == 0) {
			mode = MODE_EXPLAIN;
			first_operand = 0;
		} else if (first_operand && !only_operands && strcmp(a, "scan") == 0) {
			mode = MODE_SCAN;
			first_operand = 0;
		} else if (first_operand && !only_operands && strcmp(a, "list") == 0) {
			mode = MODE_LIST;
			first_operand = 0;
		} else if (first_operand && !only_operands && strcmp(a, "search") == 0) {
			mode = MODE_SEARCH;
			first_operand = 0;
		} else {
			argv[1 + n++] = argv[i];
			first_operand = 0;
		}
	}
	o->codes = argv + 1;
	o->ncodes = n;
	if (o->mode == MODE_HELP || o->mode == MODE_VERSION)
		return 0;
	o->mode = mode;
	if ((o->list_basic || o->list_enhanced) && mode != MODE_LIST)
		return fail(err, errsz, o->list_basic ? "--basic" : "--enhanced", NULL,
		            " applies to list only");
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
	if (mode == MODE_COMPARE && n != 2) {
		return fail(err, errsz, n < 2 ? "compare needs two codes" :
		            "compare takes only two codes", NULL, " (see smtpcode --help)");
	}
	if (n == 0)
		return fail(err, errsz, "no code given", NULL, " (see smtpcode --help)");
	if (mode == MODE_LOOKUP && all_words(o->codes, n)) {
		o->mode = MODE_SEARCH;
		o->word_fallback = 1;
		return 0;
	}
	for (i = 0; i < n; i++)
		if (strcmp(o->codes[i], "-") != 0 && check_code(o->codes[i], err, errsz) < 0)
			return -1;
	return 0;
}
