/* test_args.c - the command line: options, operands and every usage error. */
#include "testutil.h"
#include "args.h"

static struct options o;
static char err[256];

/* Parses a NULL-terminated list of arguments (after the program name). */
static int parse(const char *first, ...)
{
	static char *argv[64];
	va_list ap;
	int argc = 0;
	const char *a;

	argv[argc++] = "smtpcode";
	va_start(ap, first);
	for (a = first; a; a = va_arg(ap, const char *))
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	err[0] = '\0';
	return args_parse(argc, argv, &o, err, sizeof err);
}

static void lookup__options_anywhere(void **state)
{
	(void)state;
	assert_int_equal(parse("250", "--json", "551", NULL), 0);
	assert_int_equal(o.mode, MODE_LOOKUP);
	assert_true(o.json);
	assert_int_equal(o.ncodes, 2);
	assert_string_equal(o.codes[0], "250");
	assert_string_equal(o.codes[1], "551");
	assert_null(o.after);

	assert_int_equal(parse("-j", "--after", "rcpt to", "250", NULL), 0);
	assert_true(o.json);
	assert_string_equal(o.after, "RCPT");
	assert_int_equal(parse("--after=etrn", "251", NULL), 0);
	assert_string_equal(o.after, "ETRN");
	assert_int_equal(parse("251", "-a", "VRFY", NULL), 0);
	assert_string_equal(o.after, "VRFY");
}

static void compare__first_operand__two_codes(void **state)
{
	(void)state;
	assert_int_equal(parse("compare", "251", "551", NULL), 0);
	assert_int_equal(o.mode, MODE_COMPARE);
	assert_int_equal(o.ncodes, 2);
	assert_int_equal(parse("--json", "compare", "--after", "AUTH", "454", "530", NULL), 0);
	assert_int_equal(o.mode, MODE_COMPARE);
	assert_string_equal(o.after, "AUTH");
	assert_string_equal(o.codes[1], "530");
}

static void compare__wrong_count__usage_error(void **state)
{
	(void)state;
	assert_int_equal(parse("compare", "251", NULL), -1);
	assert_string_equal(err, "compare needs two codes (see smtpcode --help)");
	assert_int_equal(parse("compare", NULL), -1);
	assert_string_equal(err, "compare needs two codes (see smtpcode --help)");
	assert_int_equal(parse("compare", "251", "551", "552", NULL), -1);
	assert_string_equal(err, "compare takes only two codes (see smtpcode --help)");
	/* "compare" later than first is just a bad code. */
	assert_int_equal(parse("250", "compare", NULL), -1);
	assert_string_equal(err, "invalid code 'compare': has a character that is not a "
	                         "digit ('c' at position 1)");
}

static void help_and_version__win(void **state)
{
	(void)state;
	assert_int_equal(parse("--help", NULL), 0);
	assert_int_equal(o.mode, MODE_HELP);
	assert_int_equal(parse("abc", "-h", NULL), 0);
	assert_int_equal(o.mode, MODE_HELP);
	assert_int_equal(parse("--version", NULL), 0);
	assert_int_equal(o.mode, MODE_VERSION);
	assert_int_equal(parse("-V", NULL), 0);
	assert_int_equal(o.mode, MODE_VERSION);
}

static void double_dash__ends_options(void **state)
{
	(void)state;
	assert_int_equal(parse("--", "250", NULL), 0);
	assert_int_equal(o.ncodes, 1);
	assert_int_equal(parse("--", "--json", NULL), -1);
	assert_string_equal(err, "invalid code '--json': has a character that is not a "
	                         "digit ('-' at position 1)");
	assert_int_equal(parse("--", "compare", "250", "251", NULL), -1);
}

static void bad_options__usage_errors(void **state)
{
	(void)state;
	assert_int_equal(parse("--jsn", "250", NULL), -1);
	assert_string_equal(err, "unknown option '--jsn' (see smtpcode --help)");
	assert_int_equal(parse("-x", NULL), -1);
	assert_string_equal(err, "unknown option '-x' (see smtpcode --help)");
	assert_int_equal(parse("250", "--after", NULL), -1);
	assert_string_equal(err, "option '--after' needs an SMTP command name");
	assert_int_equal(parse("250", "-a", NULL), -1);
	assert_string_equal(err, "option '-a' needs an SMTP command name");
	assert_int_equal(parse("--after", "FOO", "250", NULL), -1);
	assert_string_equal(err, "--after: 'FOO' is not an SMTP command smtpcode knows "
	                         "(see smtpcode --help)");
	assert_int_equal(parse("--after=", "250", NULL), -1);
	assert_string_equal(err, "--after: '' is not an SMTP command smtpcode knows "
	                         "(see smtpcode --help)");
}

static void no_code__usage_error(void **state)
{
	(void)state;
	assert_int_equal(parse(NULL, NULL), -1);
	assert_string_equal(err, "no code given (see smtpcode --help)");
	assert_int_equal(parse("--json", NULL), -1);
	assert_string_equal(err, "no code given (see smtpcode --help)");
}

static void malformed_codes__name_argument_and_reason(void **state)
{
	(void)state;
	assert_int_equal(parse("a5c", NULL), -1);
	assert_string_equal(err, "invalid code 'a5c': has a character that is not a digit "
	                         "('a' at position 1)");
	assert_int_equal(parse("x", NULL), -1);
	assert_string_equal(err, "invalid code 'x': has a character that is not a digit "
	                         "('x' at position 1)");
	assert_int_equal(parse("25", NULL), -1);
	assert_string_equal(err, "invalid code '25': has fewer than three digits");
	assert_int_equal(parse("2520", NULL), -1);
	assert_string_equal(err, "invalid code '2520': has more than three digits");
	assert_int_equal(parse("099", NULL), -1);
	assert_string_equal(err, "invalid code '099': is out of range (reply codes run "
	                         "from 100 to 599)");
	assert_int_equal(parse("600", NULL), -1);
	assert_string_equal(err, "invalid code '600': is out of range (reply codes run "
	                         "from 100 to 599)");
	assert_int_equal(parse("", NULL), -1);
	assert_string_equal(err, "invalid code '': is empty");
	assert_int_equal(parse(" 250", NULL), -1);
	assert_string_equal(err, "invalid code ' 250': has a character that is not a digit "
	                         "(' ' at position 1)");
	assert_int_equal(parse("25O", NULL), -1);
	assert_string_equal(err, "invalid code '25O': has a character that is not a digit "
	                         "('O' at position 3)");
	/* A good code first does not hide a bad one later. */
	assert_int_equal(parse("250", "25O", NULL), -1);
	/* "-" alone is an operand, not an option: codes from standard input. */
	assert_int_equal(parse("-", NULL), 0);
	assert_int_equal(o.ncodes, 1);
}

static void quoting__control_bytes_and_long_args(void **state)
{
	char longarg[200];

	(void)state;
	assert_int_equal(parse("2\t0", NULL), -1);
	assert_string_equal(err, "invalid code '2\\x090': has a character that is not a "
	                         "digit ('\\x09' at position 2)");
	memset(longarg, '7', sizeof longarg - 1);
	longarg[sizeof longarg - 1] = '\0';
	assert_int_equal(parse(longarg, NULL), -1);
	assert_string_equal(err, "invalid code '77777777777777777777777777777777"
	                         "77777777777777777777777777777777'...: has more than three digits");
}

static void short_options__bundle(void **state)
{
	(void)state;
	assert_int_equal(parse("-ja", "RCPT", "250", NULL), 0);
	assert_true(o.json);
	assert_string_equal(o.after, "RCPT");
	assert_int_equal(o.ncodes, 1);
	assert_string_equal(o.codes[0], "250");
	/* The value may follow the letter in the same argument. */
	assert_int_equal(parse("-jaRCPT", "250", NULL), 0);
	assert_true(o.json);
	assert_string_equal(o.after, "RCPT");
	assert_int_equal(o.ncodes, 1);
	assert_int_equal(parse("-aetrn", "251", NULL), 0);
	assert_string_equal(o.after, "ETRN");
	assert_false(o.json);
	/* Letters after a value-taking one are its value. */
	assert_int_equal(parse("-aj", "250", NULL), -1);
	assert_string_equal(err, "--after: 'j' is not an SMTP command smtpcode knows "
	                         "(see smtpcode --help)");
	assert_int_equal(parse("-jh", NULL), 0);
	assert_int_equal(o.mode, MODE_HELP);
	assert_true(o.json);
	assert_int_equal(parse("-jV", "250", NULL), 0);
	assert_int_equal(o.mode, MODE_VERSION);
}

static void short_options__bundle_errors(void **state)
{
	(void)state;
	assert_int_equal(parse("-jx", "250", NULL), -1);
	assert_string_equal(err, "unknown option '-x' in '-jx' (see smtpcode --help)");
	assert_int_equal(parse("-j\xC3\xA9", "250", NULL), -1);
	assert_string_equal(err, "unknown option '-\xC3\xA9' in '-j\xC3\xA9' (see smtpcode --help)");
	assert_int_equal(parse("-j\x1B", "250", NULL), -1);
	assert_string_equal(err, "unknown option '-\\x1B' in '-j\\x1B' (see smtpcode --help)");
	/* An unknown first letter names the whole argument, as before bundling. */
	assert_int_equal(parse("-550", NULL), -1);
	assert_string_equal(err, "unknown option '-550' (see smtpcode --help)");
	assert_int_equal(parse("250", "-ja", NULL), -1);
	assert_string_equal(err, "option '-a' needs an SMTP command name");
}

static void long_options__values_and_flags(void **state)
{
	(void)state;
	assert_int_equal(parse("list", "--brief", "--codes-only", "--full", "--basic",
	                       "--enhanced", "--color", "never", "--lang=de", NULL), 0);
	assert_int_equal(o.mode, MODE_LIST);
	assert_true(o.brief && o.codes_only && o.full && o.list_basic && o.list_enhanced);
	assert_int_equal(o.color, COLOR_NEVER);
	assert_string_equal(o.lang, "de");
	assert_int_equal(parse("--colour=always", "--lang", "ja", "250", NULL), 0);
	assert_int_equal(o.color, COLOR_ALWAYS);
	assert_string_equal(o.lang, "ja");
	assert_int_equal(parse("--color=", "250", NULL), -1);
	assert_string_equal(err, "--color: '' is not auto, always or never");
	assert_int_equal(parse("250", "--lang", NULL), -1);
	assert_string_equal(err, "option '--lang' needs a value");
	/* A flag takes no value, and a long option no short spelling. */
	assert_int_equal(parse("--json=1", "250", NULL), -1);
	assert_string_equal(err, "unknown option '--json=1' (see smtpcode --help)");
	assert_int_equal(parse("--=x", "250", NULL), -1);
	assert_string_equal(err, "unknown option '--=x' (see smtpcode --help)");
	assert_int_equal(parse("-b", "250", NULL), -1);
	assert_string_equal(err, "unknown option '-b' (see smtpcode --help)");
}

static void subcommands__each_name(void **state)
{
	(void)state;
	assert_int_equal(parse("explain", "550 5.1.1 no", NULL), 0);
	assert_int_equal(o.mode, MODE_EXPLAIN);
	assert_int_equal(parse("scan", NULL), 0);
	assert_int_equal(o.mode, MODE_SCAN);
	assert_int_equal(parse("list", NULL), 0);
	assert_int_equal(o.mode, MODE_LIST);
	assert_int_equal(parse("search", "relay", NULL), 0);
	assert_int_equal(o.mode, MODE_SEARCH);
	assert_int_equal(o.ncodes, 1);
	/* Words alone are searched for, short ones too; x's alone are a pattern. */
	assert_int_equal(parse("relay", "denied", NULL), 0);
	assert_int_equal(o.mode, MODE_SEARCH);
	assert_true(o.word_fallback);
	assert_int_equal(parse("spf", NULL), 0);
	assert_int_equal(o.mode, MODE_SEARCH);
	assert_int_equal(parse("tls", "failed", NULL), 0);
	assert_int_equal(o.mode, MODE_SEARCH);
	assert_int_equal(parse("MX", NULL), 0);
	assert_int_equal(o.mode, MODE_SEARCH);
	assert_int_equal(parse("xxx", NULL), 0);
	assert_int_equal(o.mode, MODE_LOOKUP);
	assert_int_equal(parse("-x", NULL), -1);
	assert_int_equal(parse("compare", "5xx", "550", NULL), -1);
	assert_string_equal(err, "compare takes two codes, not a pattern like '5xx' "
	                         "(list them with: smtpcode PATTERN)");
	assert_int_equal(parse("compare", "550", "4.7.x", NULL), -1);
	assert_int_equal(parse("compare", "550", "5.1.1", NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lookup__options_anywhere),
		cmocka_unit_test(compare__first_operand__two_codes),
		cmocka_unit_test(compare__wrong_count__usage_error),
		cmocka_unit_test(help_and_version__win),
		cmocka_unit_test(double_dash__ends_options),
		cmocka_unit_test(bad_options__usage_errors),
		cmocka_unit_test(no_code__usage_error),
		cmocka_unit_test(malformed_codes__name_argument_and_reason),
		cmocka_unit_test(quoting__control_bytes_and_long_args),
		cmocka_unit_test(short_options__bundle),
		cmocka_unit_test(short_options__bundle_errors),
		cmocka_unit_test(long_options__values_and_flags),
		cmocka_unit_test(subcommands__each_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
