/* args.c - the command line, parsed into options (never exits or prints).
 * Long and short options may come anywhere; "--" ends them. */
#include "args.h"
#include "smtpcode.h"
#include "strbuf.h"

#include <string.h>

enum { SHOWN_MAX = 40 };

/* Appends arg in quotes, control bytes as \xNN, cut after SHOWN_MAX bytes. */
static void quote(struct strbuf *sb, const char *arg)
{
	size_t i;

	strbuf_printf(sb, "'");
	for (i = 0; arg[i] && i < SHOWN_MAX; i++) {
		unsigned char c = (unsigned char)arg[i];
		if (c < 0x20 || c == 0x7F)
			strbuf_printf(sb, "\\x%02X", c);
		else
			strbuf_putn(sb, arg + i, 1);
	}
	strbuf_printf(sb, arg[i] ? "'..." : "'");
}

static int fail(char *err, size_t errsz, const char *what, const char *arg,
                const char *reason)
{
	struct strbuf sb;

	strbuf_init(&sb, err, errsz);
	strbuf_printf(&sb, "%s", what);
	if (arg) {
		strbuf_printf(&sb, " ");
		quote(&sb, arg);
	}
	strbuf_printf(&sb, "%s", reason);
	return -1;
}

static int check_code(const char *arg, char *err, size_t errsz)
{
	enum smtpcode_parse_error e;
	struct smtpcode_query q;
	struct strbuf sb;
	size_t bad = 0;

	e = smtpcode_parse(arg, &q, &bad);
	if (e == SMTPCODE_PARSE_OK)
		return 0;
	strbuf_init(&sb, err, errsz);
	strbuf_printf(&sb, "invalid code ");
	quote(&sb, arg);
	strbuf_printf(&sb, ": %s", smtpcode_parse_error_reason(e));
	if (e == SMTPCODE_PARSE_NOT_DIGIT) {
		char c[2] = { arg[bad], '\0' };
		strbuf_printf(&sb, " (");
		quote(&sb, c);
		strbuf_printf(&sb, " at position %zu)", bad + 1);
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

/* Handles argv[*i], an option; may take the next argument as its value. */
static int option(int argc, char **argv, int *i, struct options *o, char *err,
                  size_t errsz)
{
	const char *a = argv[*i];

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
	for (i = 0; i < n; i++)
		if (check_code(o->codes[i], err, errsz) < 0)
			return -1;
	return 0;
}
