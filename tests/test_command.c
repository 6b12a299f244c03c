/* test_command.c - SMTP command names and which meanings answer them. */
#include "testutil.h"
#include "smtpcode.h"

static void canonical__spellings__map_to_names(void **state)
{
	(void)state;
	assert_string_equal(smtpcode_command_canonical("RCPT"), "RCPT");
	assert_string_equal(smtpcode_command_canonical("rcpt"), "RCPT");
	assert_string_equal(smtpcode_command_canonical("Rcpt To"), "RCPT");
	assert_string_equal(smtpcode_command_canonical("RCPT TO:"), "RCPT");
	assert_string_equal(smtpcode_command_canonical("mail from"), "MAIL");
	assert_string_equal(smtpcode_command_canonical("starttls"), "STARTTLS");
	assert_string_equal(smtpcode_command_canonical("etrn"), "ETRN");
	assert_string_equal(smtpcode_command_canonical("CONNECT"), "CONNECT");
	assert_string_equal(smtpcode_command_canonical("greeting"), "CONNECT");
	assert_string_equal(smtpcode_command_canonical("end of data"), "DATA");
}

static void canonical__unknown__null(void **state)
{
	(void)state;
	assert_null(smtpcode_command_canonical(""));
	assert_null(smtpcode_command_canonical("FOO"));
	assert_null(smtpcode_command_canonical("RCPTX"));
	assert_null(smtpcode_command_canonical("RCP"));
	assert_null(smtpcode_command_canonical("RCPT TO::"));
	assert_null(smtpcode_command_canonical(":"));
	assert_null(smtpcode_command_canonical("*"));
}

static void answers__lists__match_whole_names(void **state)
{
	struct smtpcode_meaning m;

	(void)state;
	memset(&m, 0, sizeof m);
	m.commands = "RCPT,VRFY";
	assert_true(smtpcode_meaning_answers(&m, "RCPT"));
	assert_true(smtpcode_meaning_answers(&m, "VRFY"));
	assert_false(smtpcode_meaning_answers(&m, "EXPN"));
	assert_false(smtpcode_meaning_answers(&m, "RCP"));
	m.commands = "*";
	assert_true(smtpcode_meaning_answers(&m, "ETRN"));
	m.commands = "-";
	assert_false(smtpcode_meaning_answers(&m, "RCPT"));
	m.commands = "STARTTLS";
	assert_true(smtpcode_meaning_answers(&m, "STARTTLS"));
	assert_false(smtpcode_meaning_answers(&m, "START"));
}

static void commands_text__each_form(void **state)
{
	char buf[64], small[8];

	(void)state;
	assert_string_equal(smtpcode_commands_text("*", buf, sizeof buf), "any command");
	assert_string_equal(smtpcode_commands_text("-", buf, sizeof buf),
	                    "no command (not a reply code)");
	assert_string_equal(smtpcode_commands_text("RCPT", buf, sizeof buf), "RCPT");
	assert_string_equal(smtpcode_commands_text("RCPT,VRFY,EXPN", buf, sizeof buf),
	                    "RCPT, VRFY, EXPN");
	assert_string_equal(smtpcode_commands_text("CONNECT,HELO", buf, sizeof buf),
	                    "the connection opening (greeting), HELO");
	assert_string_equal(smtpcode_commands_text("RCPT,VRFY", small, sizeof small), "RCPT, V");
}

static void table__every_command__is_canonical(void **state)
{
	struct smtpcode_meaning m;
	char buf[256];
	size_t i;

	(void)state;
	for (i = 0; smtpcode_meaning_at(i, &m) == 0; i++) {
		char *p, *save;
		if (strcmp(m.commands, "*") == 0 || strcmp(m.commands, "-") == 0)
			continue;
		assert_true(strlen(m.commands) < sizeof buf);
		strcpy(buf, m.commands);
		for (p = buf; p; p = save) {
			save = strchr(p, ',');
			if (save)
				*save++ = '\0';
			assert_non_null(smtpcode_command_canonical(p));
			assert_string_equal(smtpcode_command_canonical(p), p);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(canonical__spellings__map_to_names),
		cmocka_unit_test(canonical__unknown__null),
		cmocka_unit_test(answers__lists__match_whole_names),
		cmocka_unit_test(commands_text__each_form),
		cmocka_unit_test(table__every_command__is_canonical),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
