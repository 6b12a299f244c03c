/* test_scan_mime.c - the MIME pass by itself (src/lib/scan_mime.c): the
 * lines it hands on, with the line number each carries, and the objects
 * it gives for feedback reports and auto-replies; then, through the
 * public scanner, the replies found in decoded parts. */
#include "testutil.h"
#include "smtpcode.h"

#include "scan.h"
#include "scan_feed.h"

static struct scan sc;
static char out[40000];  /* "N:text\n" per line handed on */
static size_t outlen;

#define MAX_OBJECTS 8
static struct smtpcode_reply objects[MAX_OBJECTS]; /* the pass's own */
static size_t nobjects;

static void record(struct scan *s, struct scan_line *l)
{
	int n = snprintf(out + outlen, sizeof out - outlen, "%lu:%s\n", s->line, l->text);

	assert_true(n > 0 && (size_t)n < sizeof out - outlen);
	outlen += (size_t)n;
}

static void object(const struct smtpcode_reply *r, void *arg)
{
	(void)arg;
	assert_true(nobjects < MAX_OBJECTS);
	objects[nobjects++] = *r;
}

static int setup(void **state)
{
	(void)state;
	memset(&sc, 0, sizeof sc);
	smtpcode__formats_index(&sc.formats);
	sc.emit = object;
	outlen = 0;
	out[0] = '\0';
	nobjects = 0;
	return 0;
}

/* Feeds text (lines ended by '\n') through the pass alone, and ends it. */
static const char *pass(const char *text)
{
	const char *p = text;

	while (*p) {
		size_t n = strcspn(p, "\n");
		sc.line++;
		smtpcode__line_read(&sc.in, p, n);
		smtpcode__mime_line(&sc, &sc.in, record);
		p += n + (p[n] == '\n');
	}
	smtpcode__mime_end(&sc, record);
	return out;
}

#define QP_HEADER                                      \
	"Content-Type: text/plain; charset=us-ascii\n" \
	"Content-Transfer-Encoding: quoted-printable\n" \
	"\n"

/* A code cut by a soft line break reads as one; the decoded line takes
 * the number of its first encoded line. */
static void qp__soft_break_joins_code(void **state)
{
	(void)state;
	assert_string_equal(pass(QP_HEADER "Diagnostic-Code: smtp; 550=\n"
	                                   " 5.1.1 <u@example.org>... User unknown\n"
	                                   "Status: 5.=\n"
	                                   "1.1\n"),
	                    "1:Content-Type: text/plain; charset=us-ascii\n"
	                    "2:Content-Transfer-Encoding: quoted-printable\n"
	                    "3:\n"
	                    "4:Diagnostic-Code: smtp; 550 5.1.1 <u@example.org>... User unknown\n"
	                    "6:Status: 5.1.1\n");
}

/* "=XX" in either case is a byte; any other "=" stays; blanks after a
 * soft break go; a CRLF encoded as =0D=0A ends the line once. */
static void qp__codes_and_stray_equals(void **state)
{
	(void)state;
	assert_string_equal(pass(QP_HEADER "a=3Db =3d =ZZ x=4\n"
	                                   "caf=C3=A9 =  \n"
	                                   "end=0D=0A=\n"
	                                   "next\n"),
	                    "1:Content-Type: text/plain; charset=us-ascii\n"
	                    "2:Content-Transfer-Encoding: quoted-printable\n"
	                    "3:\n"
	                    "4:a=b = =ZZ x=4\n"
	                    "5:caf\xc3\xa9 end\n"
	                    "7:next\n");
}

/* Decoded bytes split into lines at CRLF, LF or CR; a decoded line
 * numbered where its first byte was encoded. */
static void base64__decoded_lines(void **state)
{
	(void)state;
	assert_string_equal(
		pass("Content-Type: text/plain\n"
		     "Content-Transfer-Encoding: base64\n"
		     "\n"
		     "RGVsaXZlcnkgZmFpbGVkLg0KDQpSZW1vdGUgc2VydmVyIHNhaWQ6IDU1MCA1LjEuMSA8dUBleGFt\n"
		     "cGxlLm9yZz46IFJlY2lwaWVudA0KYWRkcmVzcyByZWplY3RlZA0K\n"
		     "\n"
		     "b25lCnR3bw==\n"),
		"1:Content-Type: text/plain\n"
		"2:Content-Transfer-Encoding: base64\n"
		"3:\n"
		"4:Delivery failed.\n"
		"4:\n"
		"4:Remote server said: 550 5.1.1 <u@example.org>: Recipient\n"
		"5:address rejected\n"
		"7:one\n"
		"7:two\n");
}

/* A decoded line longer than the scanner's line is cut, as any line. */
static void base64__long_line_cut(void **state)
{
	static char text[64 + 4 * 8192];
	size_t i, n;
	const char *p;

	(void)state;
	n = (size_t)snprintf(text, sizeof text, "Content-Transfer-Encoding: base64\n\n");
	for (i = 0; i < 6000; i++) { /* "eHh4" is "xxx": 18000 bytes, 76 a line */
		memcpy(text + n, "eHh4", 4);
		n += 4;
		if (i % 19 == 18)
			text[n++] = '\n';
	}
	text[n] = '\0';
	pass(text);
	p = strchr(out, '\n');
	p = strchr(p + 1, '\n') + 1;
	assert_int_equal(strlen(p), strlen("3:") + SMTPCODE_SCAN_LINE_MAX + 1);
}

/* Runs of plain bytes and decoded ones meet: "=00" reads as a space, a CR
 * written raw in the middle of a line ends it, and a line joined by soft
 * breaks past the scanner's line is cut there, the next line whole. */
#define LINE100 \
	"0123456789abcdefghijklmnopqrstuvwxyz=3D0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ=3D" \
	"01234567890123456789=\n"
static void qp__runs_nul_cr_and_cut(void **state)
{
	static char text[64 + 3 * SMTPCODE_SCAN_LINE_MAX];
	size_t i, n;
	const char *p;

	(void)state;
	assert_string_equal(pass(QP_HEADER "a=00b=3Dc\rd=0De\n"),
	                    "1:Content-Type: text/plain; charset=us-ascii\n"
	                    "2:Content-Transfer-Encoding: quoted-printable\n"
	                    "3:\n"
	                    "4:a b=c\n"
	                    "4:d\n"
	                    "4:e\n");
	setup(state);
	n = (size_t)snprintf(text, sizeof text, QP_HEADER);
	for (i = 0; i < 2 * SMTPCODE_SCAN_LINE_MAX / 94; i++) { /* 100 bytes, 94 decoded */
		memcpy(text + n, LINE100, 100);
		n += 100;
	}
	memcpy(text + n, "\nnext\n", 7);
	pass(text);
	p = strstr(out, "4:0123456789abc");
	assert_non_null(p);
	assert_int_equal(strcspn(p, "\n"), strlen("4:") + SMTPCODE_SCAN_LINE_MAX);
	assert_memory_equal(p + 2,
	                    "0123456789abcdefghijklmnopqrstuvwxyz=0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ="
	                    "012345678901234567890123456789abc",
	                    107);
	p += strcspn(p, "\n") + 1;
	assert_string_equal(p + strcspn(p, ":"), ":next\n");
}

/* A base64 line that decodes to more bytes than the decoder gathers at
 * once (192), with a CRLF split across two of its handfuls. */
static void base64__long_line_crlf_across(void **state)
{
	char want[512], *w = want;

	(void)state;
	w += sprintf(w, "1:Content-Transfer-Encoding: base64\n2:\n3:");
	memset(w, 'x', 191);
	w += 191;
	w += sprintf(w, "\n3:");
	memset(w, 'y', 200);
	w += 200;
	sprintf(w, " z\n3:w\n");
	assert_string_equal(pass("Content-Transfer-Encoding: base64\n\n"
	                         "eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHgNCnl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5eXl5AHoNdw==\n"),
	                    want);
}

/* Parts of nested multiparts, each decoded as its own header says; the
 * boundaries and headers go on as written. */
static void multipart__nested(void **state)
{
	(void)state;
	assert_string_equal(pass("Content-Type: multipart/mixed; boundary=\"outer\"\n"
	                         "\n"
	                         "preamble =41\n"
	                         "--outer\n"
	                         "Content-Type: multipart/alternative;\n"
	                         "\tboundary=inner\n"
	                         "\n"
	                         "--inner\n"
	                         "Content-Type: text/plain\n"
	                         "Content-Transfer-Encoding: quoted-printable\n"
	                         "\n"
	                         "550 =\n"
	                         "5.7.1 no\n"
	                         "--inner--\n"
	                         "epilogue=\n"
	                         "--outer\n"
	                         "Content-Type: text/plain\n"
	                         "\n"
	                         "plain =41=\n"
	                         "--outer--\n"),
	                    "1:Content-Type: multipart/mixed; boundary=\"outer\"\n"
	                    "2:\n"
	                    "3:preamble =41\n"
	                    "4:--outer\n"
	                    "5:Content-Type: multipart/alternative;\n"
	                    "6:\tboundary=inner\n"
	                    "7:\n"
	                    "8:--inner\n"
	                    "9:Content-Type: text/plain\n"
	                    "10:Content-Transfer-Encoding: quoted-printable\n"
	                    "11:\n"
	                    "12:550 5.7.1 no\n"
	                    "14:--inner--\n"
	                    "15:epilogue=\n"
	                    "16:--outer\n"
	                    "17:Content-Type: text/plain\n"
	                    "18:\n"
	                    "19:plain =41=\n"
	                    "20:--outer--\n");
}

/* "--ab" is no boundary line of "--abc", nor "--abc-1" of "abc"; an outer
 * boundary closes the parts inside it. */
static void multipart__boundaries_alike(void **state)
{
	(void)state;
	assert_string_equal(pass("Content-Type: multipart/mixed; boundary=abc\n"
	                         "\n"
	                         "--abc\n"
	                         "Content-Type: multipart/related; boundary=abc-1\n"
	                         "\n"
	                         "--abc-1\n"
	                         "Content-Transfer-Encoding: quoted-printable\n"
	                         "\n"
	                         "--ab=\n"
	                         "--abc-1x\n"
	                         "--abc\n"
	                         "Content-Type: text/plain\n"
	                         "\n"
	                         "x=3D\n"),
	                    "1:Content-Type: multipart/mixed; boundary=abc\n"
	                    "2:\n"
	                    "3:--abc\n"
	                    "4:Content-Type: multipart/related; boundary=abc-1\n"
	                    "5:\n"
	                    "6:--abc-1\n"
	                    "7:Content-Transfer-Encoding: quoted-printable\n"
	                    "8:\n"
	                    "9:--ab--abc-1x\n"
	                    "11:--abc\n"
	                    "12:Content-Type: text/plain\n"
	                    "13:\n"
	                    "14:x=3D\n");
}

/* A base64 part never closed: a line that is no base64 ends the decoding
 * (what waits goes first), and goes on as written. */
static void multipart__never_closed(void **state)
{
	(void)state;
	assert_string_equal(pass("Content-Type: multipart/mixed; boundary=b\n"
	                         "\n"
	                         "--b\n"
	                         "Content-Transfer-Encoding: base64\n"
	                         "\n"
	                         "b25lCnR3bw==\n"
	                         "Thanks for any help = me\n"
	                         "bye=\n"),
	                    "1:Content-Type: multipart/mixed; boundary=b\n"
	                    "2:\n"
	                    "3:--b\n"
	                    "4:Content-Transfer-Encoding: base64\n"
	                    "5:\n"
	                    "6:one\n"
	                    "6:two\n"
	                    "7:Thanks for any help = me\n"
	                    "8:bye=\n");
}

/* A paste that starts inside a multipart: "--x" before a part's header. */
static void multipart__paste_from_a_boundary(void **state)
{
	(void)state;
	assert_string_equal(pass("my bounce:\n"
	                         "--=_b1\n"
	                         "Content-Type: text/plain\n"
	                         "Content-Transfer-Encoding: quoted-printable\n"
	                         "\n"
	                         "550 5.1.1 =3D=\n"
	                         "x\n"
	                         "--=_b1\n"
	                         "\n"
	                         "a=\n"),
	                    "1:my bounce:\n"
	                    "2:--=_b1\n"
	                    "3:Content-Type: text/plain\n"
	                    "4:Content-Transfer-Encoding: quoted-printable\n"
	                    "5:\n"
	                    "6:550 5.1.1 =x\n"
	                    "8:--=_b1\n"
	                    "9:\n"
	                    "10:a=\n");
}

/* Deeper than MIME_DEPTH_MAX multiparts: the deepest parts go on as
 * written. */
static void multipart__depth_bound(void **state)
{
	char text[4096], want[4096];
	size_t n = 0, w = 0;
	unsigned i;

	(void)state;
	for (i = 0; i <= MIME_DEPTH_MAX; i++)
		n += (size_t)snprintf(text + n, sizeof text - n,
		                      "Content-Type: multipart/mixed; boundary=b%u\n\n--b%u\n", i, i);
	n += (size_t)snprintf(text + n, sizeof text - n,
	                      "Content-Transfer-Encoding: quoted-printable\n\na=3D\n");
	pass(text);
	for (i = 0; i <= MIME_DEPTH_MAX; i++)
		w += (size_t)snprintf(want + w, sizeof want - w,
		                      "%u:Content-Type: multipart/mixed; boundary=b%u\n%u:\n%u:--b%u\n",
		                      3 * i + 1, i, 3 * i + 2, 3 * i + 3, i);
	w += (size_t)snprintf(want + w, sizeof want - w,
	                      "%u:Content-Transfer-Encoding: quoted-printable\n%u:\n%u:a=3D\n",
	                      3 * i + 1, 3 * i + 2, 3 * i + 3);
	assert_int_equal(MIME_DEPTH_MAX, 8);
	/* The ninth multipart's boundary "b8" is not followed: "--b8" is a
	 * line of the eighth's part, which has no header of its own. */
	assert_string_equal(out, want);
}

/* What is no mail message goes on unchanged: a log line ending in "=", a
 * header without a blank line after it, 7bit/8bit/binary parts, an
 * image's base64 part, and encoded words in a header. */
static void plain__unchanged(void **state)
{
	static const char *const texts[] = {
		"Nov 29 10:00:01 mx postfix/smtp[1]: A1: to=<u@example.org>, status=x=\n"
		"550 5.1.1 =3D\n",
		"Content-Transfer-Encoding: quoted-printable\n"
		"550 5.1.1 =3D=\n"
		"x\n",
		"Content-Type: multipart/mixed; boundary=b\n\n--b\n"
		"Content-Transfer-Encoding: 7bit\n\n550 =3D=\n"
		"--b\nContent-Transfer-Encoding: 8bit\n\n550 =3D=\n"
		"--b\nContent-Transfer-Encoding: binary\n\n550 =3D=\n--b--\n",
		"Content-Type: multipart/mixed; boundary=b\n\n--b\n"
		"Content-Type: image/png; name=\"a.png\"\n"
		"Content-Transfer-Encoding: base64\n\n"
		"iVBORw0KGgo1NTAgNS4xLjEgeAo=\n--b--\n",
		"Subject: =?utf-8?Q?Unzustellbar=3A_550?=\n"
		"From: =?iso-8859-1?B?TWFpbGVyLURhZW1vbg==?= <a@example.org>\n"
		"Content-Transfer-Encoding: 8bit\n"
		"\n"
		"body=\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char want[1024];
		const char *p = texts[i];
		size_t w = 0;
		unsigned long line = 1;

		setup(NULL);
		while (*p) {
			size_t n = strcspn(p, "\n");
			w += (size_t)snprintf(want + w, sizeof want - w, "%lu:%.*s\n", line++, (int)n,
			                      p);
			p += n + (p[n] == '\n');
		}
		assert_string_equal(pass(texts[i]), want);
		assert_int_equal(nobjects, 0);
	}
}

/* An ARF report: one object, FEEDBACK, its type as text, at the line of
 * Feedback-Type, the complainant from Original-Rcpt-To. */
static void feedback__one_object(void **state)
{
	(void)state;
	pass("From: fbl@example.net\n"
	     "Content-Type: multipart/report; report-type=feedback-report;\n"
	     "    boundary=\"part1\"\n"
	     "\n"
	     "--part1\n"
	     "Content-Type: text/plain\n"
	     "\n"
	     "This is an abuse report.\n"
	     "--part1\n"
	     "Content-Type: message/feedback-report\n"
	     "\n"
	     "Feedback-Type: abuse\n"
	     "User-Agent: ExampleFBL/1.0\n"
	     "Version: 1\n"
	     "Original-Rcpt-To: <u@example.org>\n"
	     "\n"
	     "--part1--\n");
	assert_int_equal(nobjects, 1);
	assert_int_equal(objects[0].report, SMTPCODE_REPORT_FEEDBACK);
	assert_int_equal(objects[0].first_line, 12);
	assert_int_equal(objects[0].last_line, 12);
	assert_int_equal(objects[0].basic, 0);
	assert_int_equal(objects[0].enhanced_count, 0);
	assert_string_equal(objects[0].text, "abuse");
	assert_string_equal(objects[0].recipient, "u@example.org");
	/* the part pasted alone, ended by the end of the input */
	setup(NULL);
	pass("Feedback-Type: auth-failure\nAuth-Failure: dkim");
	assert_int_equal(nobjects, 1);
	assert_string_equal(objects[0].text, "auth-failure");
	assert_int_equal(objects[0].first_line, 1);
}

/* An auto-reply: the first mark of the message's own header. */
static void autoreply__marks(void **state)
{
	static const struct {
		const char *header, *text;
	} cases[] = {
		{ "Auto-Submitted: auto-replied (vacation)", "Auto-Submitted: auto-replied (vacation)" },
		{ "X-Autoreply: yes", "X-Autoreply: yes" },
		{ "X-Autorespond: Out of office", "X-Autorespond: Out of office" },
		{ "Precedence: auto_reply", "Precedence: auto_reply" },
		{ "X-MS-Exchange-Inbox-Rules-Loop: u@example.org",
		  "X-MS-Exchange-Inbox-Rules-Loop: u@example.org" },
		{ "Subject: Automatic reply: Invoice", "Subject: Automatic reply: Invoice" },
		{ "subject: out of office until Monday", "Subject: out of office until Monday" },
		{ "Subject: Abwesenheitsnotiz: Termin", "Subject: Abwesenheitsnotiz: Termin" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char text[512];

		setup(NULL);
		snprintf(text, sizeof text,
		         "Thanks, here it is:\n"
		         "From: Ann Example <ann@example.org>\n"
		         "%s\n"
		         "\n"
		         "I am away.\n",
		         cases[i].header);
		pass(text);
		assert_int_equal(nobjects, 1);
		assert_int_equal(objects[0].report, SMTPCODE_REPORT_AUTOREPLY);
		assert_int_equal(objects[0].first_line, 3);
		assert_string_equal(objects[0].text, cases[i].text);
		assert_string_equal(objects[0].recipient, "ann@example.org");
	}
}

/* No auto-reply: a bounce (a report, X-Failed-Recipients, from the
 * mailer-daemon or postmaster, a bounce's subject) that says
 * Auto-Submitted or another mark, a mailing list's
 * Precedence, Exchange's X-Auto-Response-Suppress, auto-generated, and a
 * mark in a message's second header (the original one in a bounce). */
static void autoreply__not(void **state)
{
	static const char *const texts[] = {
		"From: MAILER-DAEMON@example.org (Mail Delivery System)\n"
		"Auto-Submitted: auto-replied\n\nx\n",
		"From: Mail Delivery System <Mailer-Daemon@example.org>\n"
		"X-Failed-Recipients: u@example.org\nAuto-Submitted: auto-replied\n\nx\n",
		"From: postmaster@example.org\nAuto-Submitted: auto-replied\n\nx\n",
		"From: a@example.org\nAuto-Submitted: auto-replied\n"
		"Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\nx\n",
		"From: list@example.org\nPrecedence: bulk\nX-Auto-Response-Suppress: OOF\n\nx\n",
		"From: a@example.org\nAuto-Submitted: auto-generated\n\nx\n",
		"From: a@example.org\nSubject: Re: lunch\n\n\nFrom: b@example.org\n"
		"Auto-Submitted: auto-replied\n\nx\n",
		"Subject Automatic reply: no colon after the name\n\nx\n",
		"From: bounces@example.org\nSubject: Undeliverable: Automatic reply: x\n"
		"Auto-Submitted: auto-replied\n\nx\n",
		"From: gw@example.org\nSubject: failure notice\nX-Autoreply: yes\n\nx\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		setup(NULL);
		pass(texts[i]);
		assert_int_equal(nobjects, 0);
	}
}

/* Headers pasted without the body: the end of the input ends them. */
static void autoreply__header_only(void **state)
{
	(void)state;
	pass("From: ann@example.org\nAuto-Submitted: auto-replied");
	assert_int_equal(nobjects, 1);
	assert_int_equal(objects[0].first_line, 2);
}

/* Through the public scanner (scan_feed.h): the reply in a QP DSN and in
 * a base64 part, numbered where their encoded text starts. */
static void scanner__replies_in_decoded_parts(void **state)
{
	(void)state;
	scan("Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n"
	          "\n"
	          "--B\n"
	          "Content-Type: text/plain\n"
	          "Content-Transfer-Encoding: base64\n"
	          "\n"
	          "RGVsaXZlcnkgZmFpbGVkLg0KDQpSZW1vdGUgc2VydmVyIHNhaWQ6IDU1MCA1LjEuMSA8dUBleGFt\n"
	          "cGxlLm9yZz46IFJlY2lwaWVudA0KYWRkcmVzcyByZWplY3RlZA0K\n"
	          "--B\n"
	          "Content-Type: message/delivery-status\n"
	          "Content-Transfer-Encoding: quoted-printable\n"
	          "\n"
	          "Final-Recipient: rfc822; u@example.org\n"
	          "Action: failed\n"
	          "Status: 5.=\n"
	          "1.1\n"
	          "Diagnostic-Code: smtp; 550=\n"
	          " 5.1.1 <u@example.org>... User unknown\n"
	          "--B--\n");
	/* one reply: the DSN group (lines 15 to 18) is the text's twin */
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 550);
	assert_int_equal(found[0].first_line, 7);
	assert_int_equal(found[0].enhanced_count, 1);
	assert_int_equal(found[0].enhanced[0].detail, 1);
	assert_int_equal(found[0].report, SMTPCODE_REPORT_NONE);
	assert_string_equal(found[0].recipient, "u@example.org");
	assert_int_equal(found[0].dsn_first_line, 15);
	assert_int_equal(found[0].dsn_last_line, 18);
}

/* A reply ends on the last encoded line of its last decoded line; one
 * that the next decoded line completes keeps its own end, though both
 * start on the same encoded line. */
static void scanner__spans_of_decoded_replies(void **state)
{
	(void)state;
	/* "550 5.1.1 no such user\r\nok 1\r\n" then "x" * 60: the 550 line and
	 * "ok 1" start on line 3; "ok 1..." goes on to line 4. */
	scan("Content-Transfer-Encoding: base64\n"
	     "\n"
	     "NTUwIDUuMS4xIG5vIHN1Y2ggdXNlcg0Kb2sgMXh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\n"
	     "eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eA0K\n");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].first_line, 3);
	assert_int_equal(found[0].last_line, 3);
	/* a reply whose decoded line spans lines 3 to 5 */
	scan("Content-Transfer-Encoding: quoted-printable\n"
	     "\n"
	     "550 5.7.1 <u@example.org>: Recipient address rej=\n"
	     "ected: Access denied by policy, see https://example.org/=\n"
	     "why\n"
	     "thanks\n");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].first_line, 3);
	assert_int_equal(found[0].last_line, 5);
}

/* The input's line count is the lines fed, whatever was decoded. */
static void scanner__lines_counted_as_fed(void **state)
{
	static struct smtpcode_scanner s;
	static const char *const lines[] = { "Content-Transfer-Encoding: base64", "",
		                             "b25lCnR3bw==" };
	size_t i;

	(void)state;
	nfound = 0;
	smtpcode_scanner_init(&s);
	for (i = 0; i < 3; i++)
		smtpcode_scanner_line(&s, lines[i], strlen(lines[i]), collect, NULL);
	assert_int_equal(smtpcode_scanner_lines(&s), 3);
	smtpcode_scanner_end(&s, collect, NULL);
	assert_int_equal(smtpcode_scanner_lines(&s), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(qp__soft_break_joins_code, setup),
		cmocka_unit_test_setup(qp__codes_and_stray_equals, setup),
		cmocka_unit_test_setup(base64__decoded_lines, setup),
		cmocka_unit_test_setup(base64__long_line_cut, setup),
		cmocka_unit_test_setup(qp__runs_nul_cr_and_cut, setup),
		cmocka_unit_test_setup(base64__long_line_crlf_across, setup),
		cmocka_unit_test_setup(multipart__nested, setup),
		cmocka_unit_test_setup(multipart__boundaries_alike, setup),
		cmocka_unit_test_setup(multipart__never_closed, setup),
		cmocka_unit_test_setup(multipart__paste_from_a_boundary, setup),
		cmocka_unit_test_setup(multipart__depth_bound, setup),
		cmocka_unit_test_setup(plain__unchanged, setup),
		cmocka_unit_test_setup(feedback__one_object, setup),
		cmocka_unit_test_setup(autoreply__marks, setup),
		cmocka_unit_test_setup(autoreply__not, setup),
		cmocka_unit_test_setup(autoreply__header_only, setup),
		cmocka_unit_test(scanner__replies_in_decoded_parts),
		cmocka_unit_test(scanner__spans_of_decoded_replies),
		cmocka_unit_test(scanner__lines_counted_as_fed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
