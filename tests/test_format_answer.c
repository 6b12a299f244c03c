/* test_format_answer.c - explain's answer first (format_answer.c): the exact
 * block, --brief and --codes-only lines for replies built here (with and
 * without recipient, remote host and direction), the provider notes that
 * apply, the advice of every reason, and the labels of every language. */
#include "testutil.h"
#include "format.h"
#include "labels.h"
#include "safe_text.h"

/* A reply as the scanner would give it: basic code, up to two enhanced
 * codes ("" for none), text, recipient and remote host ("" unknown). */
static struct smtpcode_reply make_reply(int basic, const char *e1, const char *e2,
                                        const char *text, const char *rcpt, const char *host,
                                        enum smtpcode_direction dir)
{
	struct smtpcode_reply r;
	const char *e[2];
	size_t i;

	e[0] = e1, e[1] = e2;
	memset(&r, 0, sizeof r);
	r.first_line = r.last_line = 3;
	r.basic = basic;
	for (i = 0; i < 2; i++)
		if (e[i] && *e[i])
			assert_int_equal(smtpcode_parse_enhanced(e[i], &r.enhanced[r.enhanced_count++],
			                                         NULL),
			                 SMTPCODE_PARSE_OK);
	r.direct = r.enhanced_count > 0;
	snprintf(r.text, sizeof r.text, "%s", text);
	snprintf(r.recipient, sizeof r.recipient, "%s", rcpt);
	snprintf(r.remote_host, sizeof r.remote_host, "%s", host);
	r.direction = dir;
	return r;
}

/* A reply with one enhanced code at most, and no recipient, host or direction. */
static struct smtpcode_reply plain_reply(int basic, const char *e1, const char *text)
{
	return make_reply(basic, e1, "", text, "", "", SMTPCODE_DIRECTION_UNKNOWN);
}

static char *reply_text(const struct smtpcode_reply *r, int full, int lang, int width)
{
	struct style st = { width, 0, lang };
	FILE *f = capture_open();

	text_reply(f, r, 1, full, &st);
	return capture_close(f);
}

/* Nonzero if the block of r (width 80, English) holds s. */
static int shows(const struct smtpcode_reply *r, const char *s)
{
	char *got = reply_text(r, 0, 0, 80);
	int found = strstr(got, s) != NULL;

	free(got);
	return found;
}

static char *brief_text(const struct smtpcode_reply *r)
{
	FILE *f = capture_open();

	brief_answer(f, r);
	return capture_close(f);
}

static char *codes_text(const struct smtpcode_reply *r)
{
	FILE *f = capture_open();

	codes_answer(f, r);
	return capture_close(f);
}

static void answer__known_recipient_and_host__exact_block(void **state)
{
	struct smtpcode_reply r =
		make_reply(550, "5.1.1", "", "<bob@example.org>: Recipient address rejected",
		           "bob@example.org", "mx.example.net[192.0.2.1]",
		           SMTPCODE_DIRECTION_REMOTE);
	char *got = reply_text(&r, 0, 0, 80);

	(void)state;
	assert_string_equal(got,
		"== Reply 1, line 3: 550 5.1.1\n"
		"Recipient: bob@example.org\n"
		"Outcome:   bounced (hard bounce)\n"
		"Reason:    userunknown: The local part of the recipient address does not exist\n"
		"           at that domain.\n"
		"Codes:     550 Mailbox Unavailable; 5.1.1 Bad destination mailbox address\n"
		"Evidence:  enhanced code 5.1.1\n"
		"Server:    mx.example.net[192.0.2.1] (the remote server's reply)\n"
		"Advice:    Check the address for a typo; if it is right, remove it from your\n"
		"           list: the mailbox does not exist.\n");
	free(got);
}

/* Empty fields (what the scanner gives today) leave their lines out; a
 * direction without a host still says who answered. */
static void answer__unknown_fields__lines_left_out(void **state)
{
	struct smtpcode_reply r = plain_reply(550, "5.1.1", "User unknown");
	char *got = reply_text(&r, 0, 0, 80);

	(void)state;
	assert_null(strstr(got, "Recipient:"));
	assert_null(strstr(got, "Server:"));
	assert_null(strstr(got, "Text:"));
	free(got);
	r.direction = SMTPCODE_DIRECTION_LOCAL;
	got = reply_text(&r, 0, 0, 80);
	assert_non_null(strstr(got, "\nServer:    this server's reply to a client\n"));
	free(got);
}

/* Our own server's 5xx to a client is rejected, not bounced; a reply found
 * inside another one's text says so in its heading. */
static void answer__local_and_quoted__said_so(void **state)
{
	static const char want[] = "== Reply 1, line 3: 550 5.1.1 (quoted in another reply)\n"
	                           "Recipient: bob@example.org\n"
	                           "Outcome:   rejected (hard bounce)\n";
	struct smtpcode_reply r = make_reply(550, "5.1.1", "", "User unknown", "bob@example.org",
	                                     "", SMTPCODE_DIRECTION_LOCAL);
	char *got, *brief;

	(void)state;
	r.quoted = 1;
	got = reply_text(&r, 0, 0, 80);
	brief = brief_text(&r);
	assert_true(strncmp(got, want, strlen(want)) == 0);
	assert_string_equal(brief, "bob@example.org  rejected  550 5.1.1  userunknown  hard\n");
	free(got);
	free(brief);
	r.outcome = SMTPCODE_OUTCOME_BOUNCED; /* the log's word wins */
	brief = brief_text(&r);
	assert_string_equal(brief, "bob@example.org  bounced  550 5.1.1  userunknown  hard\n");
	free(brief);
}

/* basic 0 and no enhanced code: a failure before any reply, so not "Reply 1". */
static void answer__connection_failure__named_so(void **state)
{
	struct smtpcode_reply r =
		make_reply(0, "", "", "connect to mx.example.net[192.0.2.1]:25: Connection timed out",
		           "bob@example.org", "", SMTPCODE_DIRECTION_UNKNOWN);
	char *got, *brief, *codes;

	(void)state;
	r.outcome = SMTPCODE_OUTCOME_DEFERRED;
	got = reply_text(&r, 0, 0, 80);
	assert_true(strncmp(got, "== Connection failure, line 3\nRecipient: bob@example.org\n",
	                    57) == 0);
	assert_null(strstr(got, "Reply 1"));
	assert_null(strstr(got, "Codes:"));
	assert_non_null(strstr(got, "\nOutcome:   deferred (soft bounce)\n"));
	brief = brief_text(&r);
	codes = codes_text(&r);
	assert_string_equal(brief, "bob@example.org  deferred  -  networkerror  soft\n");
	assert_string_equal(codes, "-\n");
	free(got);
	free(brief);
	free(codes);
}

static void brief__fields__exact_lines(void **state)
{
	static const struct {
		int basic;
		const char *e1, *e2, *text, *rcpt;
		enum smtpcode_outcome outcome;
		const char *want;
	} cases[] = {
		{ 550, "5.1.1", "", "User unknown", "u@example.org", SMTPCODE_OUTCOME_NONE,
		  "u@example.org  bounced  550 5.1.1  userunknown  hard\n" },
		{ 550, "5.1.1", "", "User unknown", "", SMTPCODE_OUTCOME_NONE,
		  "-  bounced  550 5.1.1  userunknown  hard\n" },
		{ 450, "4.2.0", "", "Greylisted", "", SMTPCODE_OUTCOME_NONE,
		  "-  deferred  450 4.2.0  blocked  soft\n" },
		{ 250, "2.0.0", "", "Ok: queued as 4ABC", "u@example.org", SMTPCODE_OUTCOME_NONE,
		  "u@example.org  delivered  250 2.0.0  delivered  -\n" },
		{ 354, "", "", "End data with <CR><LF>.<CR><LF>", "", SMTPCODE_OUTCOME_NONE,
		  "-  -  354  undefined  -\n" },
		{ 550, "5.4.0", "4.4.1", "host not found", "", SMTPCODE_OUTCOME_EXPIRED,
		  "-  expired  550 5.4.0 4.4.1  expired  soft\n" },
		{ 0, "5.2.2", "", "", "u@example.org", SMTPCODE_OUTCOME_BOUNCED,
		  "u@example.org  bounced  5.2.2  mailboxfull  soft\n" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct smtpcode_reply r = make_reply(cases[i].basic, cases[i].e1, cases[i].e2,
		                                     cases[i].text, cases[i].rcpt, "",
		                                     SMTPCODE_DIRECTION_UNKNOWN);
		char *got;
		r.outcome = cases[i].outcome;
		got = brief_text(&r);
		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

/* A recipient from the input is shown escaped: no control byte, and no
 * space that could pass for the two that separate fields. */
static void brief__hostile_recipient__escaped(void **state)
{
	struct smtpcode_reply r = make_reply(550, "5.1.1", "", "x", "\"a  b\"\x1b[31m@example.org\x07",
	                                     "", SMTPCODE_DIRECTION_UNKNOWN);
	char *got = brief_text(&r);

	(void)state;
	assert_string_equal(got, "\"a\\x20\\x20b\"\\x1B[31m@example.org\\x07  bounced  550 5.1.1  "
	                         "userunknown  hard\n");
	free(got);
}

static void text__hostile_recipient_and_host__escaped(void **state)
{
	struct smtpcode_reply r = make_reply(550, "5.1.1", "", "x", "bob\x1b]0;pwn\x07@example.org",
	                                     "mx\x9b" "1m.example.net", SMTPCODE_DIRECTION_REMOTE);
	char *got = reply_text(&r, 0, 0, 80);
	const unsigned char *p;

	(void)state;
	for (p = (const unsigned char *)got; *p; p++)
		assert_false((*p < 0x20 && *p != '\n') || *p == 0x7F || *p == 0x9B);
	assert_non_null(strstr(got, "Recipient: bob\\x1B]0;pwn\\x07@example.org\n"));
	assert_non_null(strstr(got, "Server:    mx\\x9B1m.example.net (the remote"));
	free(got);
}

/* Microsoft 365's 5.1.10 is said first; a Gmail note shows only when the
 * reply names Gmail; an unregistered code's only provider applies alone. */
static void answer__provider_notes__only_when_they_apply(void **state)
{
	static const char first[] = "== Reply 1, line 3: 550 5.1.10\n"
		"Note:      Microsoft 365 uses 5.1.10 in its own way, not with the registry's\n"
		"           meaning (Recipient address has null MX).\nOutcome:";
	struct smtpcode_reply ms = make_reply(550, "5.1.10", "",
		"RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", "", "",
		SMTPCODE_DIRECTION_UNKNOWN);
	struct smtpcode_reply plain = plain_reply(550, "5.7.26", "DMARC policy");
	struct smtpcode_reply gmail = plain_reply(550, "5.7.26", "DMARC policy");
	struct smtpcode_reply by_host = make_reply(550, "5.7.26", "", "DMARC policy", "",
	                                           "gmail-smtp-in.l.google.com[192.0.2.7]",
	                                           SMTPCODE_DIRECTION_REMOTE);
	struct smtpcode_reply range = plain_reply(550, "5.7.606", "Access denied");
	char *got;

	(void)state;
	snprintf(gmail.text, sizeof gmail.text, "%s", "DMARC policy. 4si123 - gsmtp");
	got = reply_text(&ms, 0, 0, 80);
	assert_true(strncmp(got, first, strlen(first)) == 0);
	assert_non_null(strstr(got, "\nProvider:  Microsoft 365 (5.1.10): "));
	free(got);
	assert_false(shows(&plain, "Provider:") || shows(&plain, "Note:"));
	assert_true(shows(&gmail, "\nProvider:  Gmail (5.7.26): "));
	assert_true(shows(&by_host, "\nProvider:  Gmail (5.7.26): "));
	assert_false(shows(&range, "Note:"));
	assert_true(shows(&range, "\nProvider:  Microsoft 365 (5.7.606): "));
}

/* A provider is named by the first word of its name, not by a common
 * later one: Zoho Mail's 5.4.6 note needs "zoho", not "mail". */
static void answer__provider_by_name__first_word_only(void **state)
{
	struct smtpcode_reply loop = plain_reply(554, "5.4.6", "Routing loop detected: mail for "
	                                         "u@example.org loops back to myself");
	struct smtpcode_reply zoho = plain_reply(550, "5.4.6", "Unusual sending activity "
	                                         "detected. Please contact ZOHO support");

	(void)state;
	assert_false(shows(&loop, "Provider:"));
	assert_true(shows(&zoho, "\nProvider:  Zoho Mail (5.4.6): "));
}

/* A hard reason in a temporary reply: retry first. */
static void answer__hard_reason_in_4xx__retry_first(void **state)
{
	struct smtpcode_reply r = plain_reply(450, "4.1.1", "User unknown");
	char *got = reply_text(&r, 0, 0, 200);

	(void)state;
	assert_non_null(strstr(got, "\nAdvice:    The reply is temporary: let the queue retry "
	                            "before you act. Check the address"));
	free(got);
}

/* The reason and advice fields are made once and then copied: the copy
 * follows the width, the language and "retry first", whatever came before. */
static void answer__kept_fields__follow_width_language_and_retry(void **state)
{
	struct smtpcode_reply hard = plain_reply(550, "5.1.1", "User unknown");
	struct smtpcode_reply soft = plain_reply(450, "4.1.1", "User unknown");
	char *first = reply_text(&hard, 0, 0, 80), *got;
	int round;

	(void)state;
	for (round = 0; round < 2; round++) {
		got = reply_text(&hard, 0, 0, 40);
		assert_non_null(strstr(got, "Reason:    userunknown: The local part\n"));
		assert_null(strstr(got, "retry"));
		free(got);
		got = reply_text(&soft, 0, 0, 80);
		assert_non_null(strstr(got, "\nAdvice:    The reply is temporary: let the queue"));
		free(got);
		got = reply_text(&hard, 0, 4, 80); /* German labels */
		assert_null(strstr(got, "Reason:"));
		assert_null(strstr(got, "Advice:"));
		free(got);
		got = reply_text(&hard, 0, 0, 80);
		assert_string_equal(got, first);
		assert_non_null(strstr(got, "\nAdvice:    Check the address for a typo"));
		free(got);
		got = reply_text(&soft, 0, 0, 80);
		assert_non_null(strstr(got, "\nAdvice:    The reply is temporary: let the queue"));
		free(got);
	}
	free(first);
}

/* --full keeps today's detail after the answer: the text and the entries. */
static void full__adds_text_and_entries(void **state)
{
	struct smtpcode_reply r = plain_reply(550, "5.1.1", "User unknown");
	char *shortened = reply_text(&r, 0, 0, 80), *full = reply_text(&r, 1, 0, 80);

	(void)state;
	assert_true(strncmp(full, shortened, strlen(shortened)) == 0);
	assert_non_null(strstr(full + strlen(shortened), "Text:      User unknown\n\n"
	                                                 "SMTP 550 Mailbox Unavailable\n"));
	assert_non_null(strstr(full, "\nSMTP 5.1.1 Bad destination mailbox address\n"));
	assert_null(strstr(shortened, "\nSMTP "));
	free(shortened);
	free(full);
}

/* Every reason has advice, found by its index, and the block shows it. */
static void advice__every_reason__has_advice(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < smtpcode_reason_count(); i++) {
		const char *a = reason_advice_text(i);
		assert_non_null(a);
		assert_true(strlen(a) > 10 && strlen(a) <= 240);
	}
	assert_null(reason_advice_text(smtpcode_reason_count()));
}

/* Every field label of the block fits the label column of its language,
 * so the values line up with the lookups' fields. */
static void labels__every_language__fit_the_column(void **state)
{
	static const char *const keys[] = { "v.recipient", "l.outcome", "v.reason", "l.codes",
	                                    "v.evidence", "v.provider", "v.server", "v.advice",
	                                    "l.note", "l.warning" };
	size_t l, k;

	(void)state;
	for (l = 0; l < label_language_count(); l++)
		for (k = 0; k < sizeof keys / sizeof keys[0]; k++) {
			const char *s = label_text((int)l, keys[k]);
			assert_non_null(s);
			assert_true(safe_columns(s, strlen(s)) + 2 <= label_column_of((int)l));
		}
}

/* Translated labels and verdict words in another language; reason names stay. */
static void answer__german__labels_translated(void **state)
{
	struct smtpcode_reply r = make_reply(550, "5.1.1", "", "x", "bob@example.org", "",
	                                     SMTPCODE_DIRECTION_UNKNOWN);
	int de = smtpcode_language_find("de");
	char *got;

	(void)state;
	assert_true(de > 0);
	got = reply_text(&r, 0, de, 80);
	assert_true(strncmp(got, "== Antwort 1, Zeile 3: 550 5.1.1\nEmpfänger:", 44) == 0);
	assert_non_null(strstr(got, "\nErgebnis:         unzustellbar (Hard Bounce)\n"));
	assert_non_null(strstr(got, "\nGrund:            userunknown: "));
	assert_non_null(strstr(got, "\nBeleg:            erweiterter Code 5.1.1\n"));
	free(got);
}

/* The labels of the block are made once per language: blocks in one
 * language, another, then the first again each show their own. */
static void answer__languages_in_turn__each_its_labels(void **state)
{
	struct smtpcode_reply r = make_reply(550, "5.1.1", "", "x", "bob@example.org", "",
	                                     SMTPCODE_DIRECTION_UNKNOWN);
	int de = smtpcode_language_find("de");
	char *en1, *de1, *en2;

	(void)state;
	assert_true(de > 0);
	en1 = reply_text(&r, 0, 0, 80);
	de1 = reply_text(&r, 0, de, 80);
	en2 = reply_text(&r, 0, 0, 80);
	assert_non_null(strstr(en1, "\nOutcome:   bounced (hard bounce)\n"));
	assert_non_null(strstr(de1, "\nErgebnis:         unzustellbar (Hard Bounce)\n"));
	assert_null(strstr(de1, "Outcome:"));
	assert_string_equal(en1, en2);
	free(en1);
	free(de1);
	free(en2);
}

static char *json_text(const struct smtpcode_reply *r)
{
	FILE *f = capture_open();

	json_reply(f, r, 0);
	return capture_close(f);
}

/* The four keys of issue 14 after "outcome": strings or null, and a boolean;
 * then the report (null for a reply). A code is named briefly without
 * --full, and whole with it. */
static void json__who_and_where__keys(void **state)
{
	struct smtpcode_reply r = make_reply(550, "5.1.1", "", "x", "bob@example.org",
	                                     "mx.example.net[192.0.2.1]", SMTPCODE_DIRECTION_REMOTE);
	char *got;

	(void)state;
	r.quoted = 1;
	got = json_text(&r);
	assert_non_null(strstr(got, "\"outcome\":null,\"result\":\"bounced\",\"recipient\":\"bob@example.org\","
	                            "\"remote_host\":\"mx.example.net[192.0.2.1]\","
	                            "\"direction\":\"remote\",\"quoted\":true,\"report\":null,"
	                            "\"reason\":"));
	assert_non_null(strstr(got, "\"codes\":[{\"code\":\"550\",\"kind\":\"basic\","
	                            "\"known\":true,\"class\":{\"digit\":5,\"name\":"
	                            "\"Permanent Negative Completion\"},\"name\":\"Mailbox "
	                            "Unavailable\"},{\"code\":\"5.1.1\",\"kind\":\"enhanced\","));
	assert_null(strstr(got, "\"meanings\""));
	free(got);
	{
		FILE *f = capture_open();
		json_reply(f, &r, 1);
		got = capture_close(f);
	}
	assert_non_null(strstr(got, "\"meanings\":[{"));
	free(got);
	r = plain_reply(550, "5.1.1", "x");
	got = json_text(&r);
	assert_non_null(strstr(got, "\"recipient\":null,\"remote_host\":null,"
	                            "\"direction\":null,\"quoted\":false,"));
	free(got);
	r = make_reply(550, "5.1.1", "", "x", "\"a\\b\"\x01@example.org", "", SMTPCODE_DIRECTION_LOCAL);
	got = json_text(&r);
	assert_non_null(strstr(got, "\"recipient\":\"\\\"a\\\\b\\\"\\u0001@example.org\","
	                            "\"remote_host\":null,\"direction\":\"local\""));
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(answer__known_recipient_and_host__exact_block),
		cmocka_unit_test(answer__unknown_fields__lines_left_out),
		cmocka_unit_test(answer__connection_failure__named_so),
		cmocka_unit_test(answer__local_and_quoted__said_so),
		cmocka_unit_test(brief__fields__exact_lines),
		cmocka_unit_test(brief__hostile_recipient__escaped),
		cmocka_unit_test(text__hostile_recipient_and_host__escaped),
		cmocka_unit_test(answer__provider_notes__only_when_they_apply),
		cmocka_unit_test(answer__provider_by_name__first_word_only),
		cmocka_unit_test(answer__hard_reason_in_4xx__retry_first),
		cmocka_unit_test(answer__kept_fields__follow_width_language_and_retry),
		cmocka_unit_test(full__adds_text_and_entries),
		cmocka_unit_test(advice__every_reason__has_advice),
		cmocka_unit_test(labels__every_language__fit_the_column),
		cmocka_unit_test(answer__languages_in_turn__each_its_labels),
		cmocka_unit_test(answer__german__labels_translated),
		cmocka_unit_test(json__who_and_where__keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
