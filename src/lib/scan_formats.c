/* scan_formats.c - what the scanner knows of each log, bounce and
 * transcript format: one table of markers per format (the roles are in
 * scan.h), and the lookups that read them by role. A new format is new
 * rows here and a sample in tests/explain (README: "Adding a log format"). */
#include "scan.h"

#include <string.h>

#define ROW(marker, role, then, command, outcome) \
	{ marker, sizeof(marker) - 1, role, then, command, outcome, SMTPCODE_DIRECTION_UNKNOWN }
#define WHO(marker, role) MARK(marker, role) /* an address or host follows */
#define DIR(marker, d)                                                                \
	{ marker, sizeof(marker) - 1, SCAN_DIRECTION, NULL, NULL, SMTPCODE_OUTCOME_NONE, \
	  SMTPCODE_DIRECTION_##d }
#define LEAD(marker) ROW(marker, SCAN_LEAD_IN, NULL, NULL, SMTPCODE_OUTCOME_NONE)
#define NAMES(marker, then, command) ROW(marker, SCAN_COMMAND, then, command, SMTPCODE_OUTCOME_NONE)
#define GIVES(marker, role, then, outcome) ROW(marker, role, then, NULL, SMTPCODE_OUTCOME_##outcome)
#define MARK(marker, role) ROW(marker, role, NULL, NULL, SMTPCODE_OUTCOME_NONE)

/* Postfix: smtp(8) "to=<...>, ..., dsn=5.1.1, status=bounced (host ... said:
 * 550 ... (in reply to RCPT TO command))", bounces that quote it, smtpd
 * "NOQUEUE: reject: RCPT from ...: 554 ...". */
static const struct scan_marker postfix[] = {
	LEAD("said:"),
	LEAD("refused to talk to me:"),
	LEAD("status=sent ("), /* "(250 Accepted as 7f3a2b)": no enhanced code */
	LEAD(">:"),            /* a bounce's "<u@example.org>: 550 mailbox not found" */
	NAMES("in reply to ", " command", NULL),
	NAMES("reject: ", "RCPT from", "RCPT"),
	NAMES("reject: ", "MAIL from", "MAIL"),
	NAMES("reject: ", "DATA from", "DATA"),
	NAMES("reject: ", "END-OF-MESSAGE from", "DATA"),
	NAMES("reject: ", "CONNECT from", "CONNECT"),
	NAMES("reject: ", "EHLO from", "EHLO"),
	NAMES("reject: ", "HELO from", "HELO"),
	NAMES("reject: ", "VRFY from", "VRFY"),
	NAMES("refused to talk to me", NULL, "CONNECT"),
	MARK("(in reply to ", SCAN_TEXT_END),
	GIVES("status=", SCAN_OUTCOME, "sent", DELIVERED),
	GIVES("status=", SCAN_OUTCOME, "deferred", DEFERRED),
	GIVES("status=", SCAN_OUTCOME, "bounced", BOUNCED),
	GIVES("status=", SCAN_OUTCOME, "expired", EXPIRED),
	ROW("status=", SCAN_RECORD_TEXT, "(", NULL, SMTPCODE_OUTCOME_NONE),
	MARK("dsn=", SCAN_ENHANCED), /* Sendmail writes it too */
	/* who: "to=<u@a>, orig_to=<...>, relay=mx[192.0.2.1]:25", the bounce's
	 * "host mx[192.0.2.1] said:", smtpd's refusals (postconf(5), smtpd(8):
	 * "NOQUEUE: reject:", "milter-reject:", cleanup's "reject: header") */
	WHO("to=<", SCAN_RECIPIENT),
	WHO("relay=", SCAN_HOST),
	WHO("(host ", SCAN_HOST),
	WHO(": host ", SCAN_HOST), /* also Exim's old "...: host mx [ip]: 550" */
	WHO("connect to ", SCAN_HOST),
	DIR(" reject: ", LOCAL),
	DIR("milter-reject: ", LOCAL),
	DIR("reject_warning: ", LOCAL),
	DIR("said:", REMOTE),
	DIR("refused to talk to me:", REMOTE),
	DIR("status=sent (", REMOTE),
};

/* Sendmail: "to=<...>, ..., dsn=5.1.1, stat=User unknown", "ruleset=check_rcpt,
 * ..., reject=550 5.7.1 ...", "... Deferred: 451 4.3.5 ...". */
static const struct scan_marker sendmail[] = {
	LEAD("reply:"),
	LEAD("reply="),
	LEAD("reject="),
	LEAD("Deferred:"),
	NAMES("ruleset=check_", "rcpt", "RCPT"),
	NAMES("ruleset=check_", "mail", "MAIL"),
	NAMES("ruleset=check_", "relay", "CONNECT"),
	GIVES("stat=", SCAN_OUTCOME, "sent", DELIVERED),
	GIVES("stat=", SCAN_OUTCOME, "deferred", DEFERRED),
	GIVES("stat=", SCAN_OUTCOME, "bounced", BOUNCED),
	GIVES("stat=", SCAN_OUTCOME, "expired", EXPIRED),
	GIVES("stat=", SCAN_OUTCOME_OTHER, "dsn=5.", BOUNCED), /* stat=User unknown */
	MARK("stat=", SCAN_RECORD_TEXT),
	/* who: "to=u@a," (or "to=<u@a>,<v@a>"), "relay=mx.example.net.
	 * [192.0.2.1]"; the milter and check_* rulesets refuse for us; its
	 * bounce's "(reason: 550 ...)" quotes the remote server (savemail.c) */
	WHO("to=", SCAN_RECIPIENT),
	DIR("ruleset=check_", LOCAL),
	DIR("Milter: ", LOCAL),
	DIR("stat=Deferred: ", REMOTE),
	DIR("(reason: ", REMOTE),
	DIR("reply=", REMOTE),
	DIR("mailer=esmtp,", REMOTE), /* a remote server's answer, as logstat */
	DIR("mailer=smtp,", REMOTE),
};

/* Exim mainlog: "1abc-000 ** bob@example.org ...: SMTP error from remote
 * mail server after RCPT TO:<bob@example.org>: 550 ...", "=> ... C=\"250 ...\"". */
static const struct scan_marker exim[] = {
	LEAD("C=\""),
	MARK("mail server after ", SCAN_LEAD_IN_COLON),
	NAMES("mail server after ", "initial connection", "CONNECT"),
	NAMES("mail server after ", "end of data", "DATA"),
	NAMES("mail server after ", "pipelined end of data", "DATA"),
	NAMES("mail server after ", "RCPT TO", "RCPT"),
	NAMES("mail server after ", "pipelined RCPT TO", "RCPT"),
	NAMES("mail server after ", "MAIL FROM", "MAIL"),
	NAMES("mail server after ", "pipelined MAIL FROM", "MAIL"),
	NAMES("mail server after ", NULL, NULL), /* "after EHLO:" */
	GIVES(" => ", SCAN_OUTCOME_TOKEN, NULL, DELIVERED),
	GIVES(" -> ", SCAN_OUTCOME_TOKEN, NULL, DELIVERED),
	GIVES(" == ", SCAN_OUTCOME_TOKEN, NULL, DEFERRED),
	GIVES(" ** ", SCAN_OUTCOME_TOKEN, NULL, BOUNCED),
	MARK("\\n", SCAN_JOIN),
	/* who: the address after the flag ("** u@a <v@a> R=..."), "after RCPT
	 * TO:<u@a>:", " H=mx.example.net [192.0.2.9]", the bounce body's "host
	 * mx.example.net [192.0.2.9]:" line; its ACLs' refusals (the Exim spec,
	 * "Log line flags" and chapter "Access control lists") */
	WHO(" ** ", SCAN_RECIPIENT),
	WHO(" == ", SCAN_RECIPIENT),
	WHO(" => ", SCAN_RECIPIENT),
	WHO(" -> ", SCAN_RECIPIENT),
	WHO("RCPT TO:<", SCAN_RECIPIENT),
	WHO(" H=", SCAN_HOST),
	MARK("host ", SCAN_HOST_LINE),
	DIR(" rejected RCPT", LOCAL),
	DIR(" rejected MAIL", LOCAL),
	DIR(" rejected after DATA", LOCAL),
	DIR(" rejected connection", LOCAL),
	DIR(" rejected EHLO", LOCAL),
	DIR(" rejected HELO", LOCAL),
	DIR(" rejected VRFY", LOCAL),
	DIR(" rejected AUTH", LOCAL),
	DIR("SMTP error from remote mail server", REMOTE),
	DIR("C=\"", REMOTE),
};

/* OpenSMTPD: "smtp failed-command command=\"RCPT TO:<u@a>\" result=\"550 ...\""
 * is its own refusal; "mta delivery evt=... rcpt=<u@a> ... result=\"TempFail\"
 * stat=421 ..." a remote one (smtpd/smtp_session.c, mta_session.c). */
static const struct scan_marker opensmtpd[] = {
	WHO("rcpt=<", SCAN_RECIPIENT),
	DIR("smtp failed-command", LOCAL),
	DIR("mta delivery", REMOTE),
};

/* Exchange and Microsoft 365 NDRs: "Remote Server returned '550 5.1.10 ...'",
 * "... responded with: \"421 4.4.2 ...\"" (and "#550 5.1.1 ... ##", which
 * the readers of codes take). */
static const struct scan_marker exchange[] = {
	LEAD("returned '"),
	LEAD("returned \""),
	LEAD("responded with: \""),
	/* who: Microsoft 365's "Your message to u@a couldn't be delivered",
	 * the diagnostics' "Remote Server returned '550 ...'" */
	WHO("Your message to ", SCAN_RECIPIENT),
	WHO("Recipient Address: ", SCAN_RECIPIENT),
	WHO("Remote Server at ", SCAN_HOST),
	MARK("Receiving server: ", SCAN_HOST_LINE),
	DIR("Server returned", REMOTE),
	DIR("Remote Server at ", REMOTE),
	DIR("responded with", REMOTE),
};

/* Bounce templates of other MTAs, appliances and providers: the words just
 * before the remote server's reply (Google's "The error that the other
 * server returned was:" and "The response from the remote server was:",
 * hMailServer's "Remote server replied:", Kerio's "rejected:", control
 * panels' "failed with:" and "responded with failure:", System.Net.Mail's
 * "The server response was:", Mailman's "server said:"). */
static const struct scan_marker vendors[] = {
	LEAD("returned was:"),
	LEAD("remote server was:"),
	LEAD("response was:"),
	LEAD("failed with:"),
	LEAD("responded with failure:"),
	LEAD("responded with:"),
	LEAD("server replied:"),
	LEAD("host replied:"),
	LEAD("] rejected:"),
	LEAD("error was:"),
	/* who: Gmail's "Your message wasn't delivered to u@a because" */
	WHO("delivered to ", SCAN_RECIPIENT),
	DIR("returned was:", REMOTE),
	DIR("remote server was:", REMOTE),
	DIR("server replied:", REMOTE),
	DIR("host replied:", REMOTE),
	DIR("failed with:", REMOTE),
};

/* qmail's bounces: the line before "Remote host said: 550 ..." names the
 * command; "(#5.1.2)" and "[#4.4.1]" give qmail's own status. */
static const struct scan_marker qmail[] = {
	ROW("does not like recipient", SCAN_COMMAND_BEFORE, NULL, "RCPT", SMTPCODE_OUTCOME_NONE),
	ROW("does not like sender", SCAN_COMMAND_BEFORE, NULL, "MAIL", SMTPCODE_OUTCOME_NONE),
	ROW("but sender was rejected", SCAN_COMMAND_BEFORE, NULL, "MAIL", SMTPCODE_OUTCOME_NONE),
	ROW("failed after I sent the message", SCAN_COMMAND_BEFORE, NULL, "DATA",
	    SMTPCODE_OUTCOME_NONE),
	ROW("but greeting failed", SCAN_COMMAND_BEFORE, NULL, "CONNECT", SMTPCODE_OUTCOME_NONE),
	ROW("but my name was rejected", SCAN_COMMAND_BEFORE, NULL, "HELO", SMTPCODE_OUTCOME_NONE),
	MARK("Reason:", SCAN_ENHANCED_LEAD), /* webmail bounces' "Reason:    5.1.1 ..." */
	MARK("-- ", SCAN_ENHANCED_LEAD),     /* a relay's summary "-- 5.4.1 ..." */
	ROW("(#", SCAN_STATUS_TAG, ")", NULL, SMTPCODE_OUTCOME_NONE),
	ROW("[#", SCAN_STATUS_TAG, "]", NULL, SMTPCODE_OUTCOME_NONE),
	/* who: "Connected to 192.0.2.1 but sender was rejected." (qmail-remote) */
	MARK("Connected to ", SCAN_HOST_LINE),
};

/* Client libraries' errors: the exception or error names the command
 * (Python smtplib, aiosmtplib). */
static const struct scan_marker libraries[] = {
	NAMES("SMTPRecipientsRefused", NULL, "RCPT"),
	NAMES("SMTPRecipientRefused", NULL, "RCPT"),
	NAMES("SMTPSenderRefused", NULL, "MAIL"),
	NAMES("SMTPDataError", NULL, "DATA"),
	NAMES("SMTPAuthenticationError", NULL, "AUTH"),
	NAMES("SMTPConnectError", NULL, "CONNECT"),
	NAMES("SMTPHeloError", NULL, "HELO"),
};

/* RFC 3464 delivery status: "Diagnostic-Code: smtp; 550 ...", the values
 * of "Action:" (scan_dsn.c reads the fields). */
static const struct scan_marker dsn[] = {
	LEAD("smtp;"),
	GIVES("failed", SCAN_DSN_ACTION, NULL, BOUNCED),
	GIVES("delayed", SCAN_DSN_ACTION, NULL, DEFERRED),
	GIVES("delivered", SCAN_DSN_ACTION, NULL, DELIVERED),
	GIVES("relayed", SCAN_DSN_ACTION, NULL, DELIVERED),
	GIVES("expanded", SCAN_DSN_ACTION, NULL, DELIVERED),
};

/* SMTP transcripts: RFC 5321 "S: "/"C: ", swaks "<-  "/" -> " (and "<~ ",
 * "<** ", " ~> " around TLS and errors, "=== " for a connection), Sendmail
 * "<<< "/">>> ". A longer prefix stands before its shorter form. */
static const struct scan_marker transcript[] = {
	MARK("S: ", SCAN_SERVER),
	MARK("S:", SCAN_SERVER),
	MARK("<-  ", SCAN_SERVER),
	MARK("<~  ", SCAN_SERVER),
	MARK("<** ", SCAN_SERVER),
	MARK("<~* ", SCAN_SERVER),
	MARK("<- ", SCAN_SERVER),
	MARK("<~ ", SCAN_SERVER),
	MARK("<<< ", SCAN_SERVER),
	MARK("C: ", SCAN_CLIENT),
	MARK(" -> ", SCAN_CLIENT),
	MARK(" ~> ", SCAN_CLIENT),
	MARK("-> ", SCAN_CLIENT),
	MARK("~> ", SCAN_CLIENT),
	MARK(">>> ", SCAN_CLIENT),
	MARK("<-- ", SCAN_SERVER), /* msmtp --debug */
	MARK("< ", SCAN_SERVER),   /* curl -v ("> " is read as a quote, then as a raw
	                            * session's client line) */
	MARK("--> ", SCAN_CLIENT),
	MARK("=== ", SCAN_SESSION),
	MARK("Connecting to ", SCAN_HOST_LINE), /* Sendmail -v, and swaks' "===
	                                         * Connected to" (qmail's row) */
	/* Python smtplib's set_debuglevel(1): "send: 'rcpt TO:<a>\r\n'", "reply:
	 * b'550 5.1.1 ...\r\n'" (Python 2 without the b), then the reply again */
	MARK("send: b'", SCAN_CLIENT),
	MARK("send: '", SCAN_CLIENT),
	MARK("reply: b'", SCAN_SERVER),
	MARK("reply: '", SCAN_SERVER),
	MARK("reply: retcode (", SCAN_ECHO),
	MARK("\\r\\n", SCAN_TEXT_END), /* a literal \r\n in a quoted string */
	/* after a log prefix: Exim -d (SMTP|> is a pipelined command), Sendmail
	 * -v with its process id, PHPMailer, nodemailer, Postfix debug_peer */
	MARK("SMTP<< ", SCAN_SERVER_AFTER),
	MARK("SMTP>> ", SCAN_CLIENT_AFTER),
	MARK("SMTP|> ", SCAN_CLIENT_AFTER),
	MARK(" <<< ", SCAN_SERVER_AFTER),
	MARK(" >>> ", SCAN_CLIENT_AFTER),
	MARK("SERVER -> CLIENT: ", SCAN_SERVER_AFTER),
	MARK("CLIENT -> SERVER: ", SCAN_CLIENT_AFTER),
	MARK("] S: ", SCAN_SERVER_AFTER),
	MARK("] C: ", SCAN_CLIENT_AFTER),
	ROW(": < ", SCAN_SERVER_AFTER, ": ", NULL, SMTPCODE_OUTCOME_NONE),
	ROW(": > ", SCAN_CLIENT_AFTER, ": ", NULL, SMTPCODE_OUTCOME_NONE),
	ROW(".", SCAN_CLIENT_WORD, NULL, "DATA", SMTPCODE_OUTCOME_NONE), /* the end of the data */
};

/* Raw sessions without prefixes (telnet, nc, openssl s_client, JavaMail's
 * debug output): the client's lines as typed, any case. */
#define RAW(marker, command) ROW(marker, SCAN_RAW_CLIENT, NULL, command, SMTPCODE_OUTCOME_NONE)
static const struct scan_marker raw[] = {
	RAW("mail from:", "MAIL"), RAW("rcpt to:", "RCPT"), RAW("ehlo ", "EHLO"),
	RAW("helo ", "HELO"),      RAW("auth ", "AUTH"),    RAW("vrfy ", "VRFY"),
	RAW("expn ", "EXPN"),      RAW("data", "DATA"),     RAW("quit", "QUIT"),
	RAW("rset", "RSET"),       RAW("noop", "NOOP"),     RAW("starttls", "STARTTLS"),
	RAW(".", "DATA"),
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The formats in the order their rows are tried (where the order matters:
 * Postfix's "status=" text before Sendmail's "stat="). */
static const struct {
	const struct scan_marker *rows;
	size_t count;
} formats[] = {
	{ postfix, COUNT(postfix) },   { sendmail, COUNT(sendmail) }, { exim, COUNT(exim) }, { opensmtpd, COUNT(opensmtpd) },
	{ exchange, COUNT(exchange) }, { vendors, COUNT(vendors) }, { qmail, COUNT(qmail) }, { libraries, COUNT(libraries) }, { dsn, COUNT(dsn) },           { transcript, COUNT(transcript) },
	{ raw, COUNT(raw) },
};

_Static_assert(COUNT(postfix) + COUNT(sendmail) + COUNT(exim) + COUNT(opensmtpd) + COUNT(exchange) + COUNT(vendors) + COUNT(qmail) + COUNT(libraries) + COUNT(dsn) +
                   COUNT(transcript) + COUNT(raw) <= SCAN_ROWS_MAX,
               "SCAN_ROWS_MAX holds every row");

/* Sorts the rows by role, keeping the formats' order within a role. */
void smtpcode__formats_index(struct scan_index *ix)
{
	unsigned short at[SCAN_ROLE_COUNT + 1] = { 0 };
	size_t f, i;
	int r;

	for (f = 0; f < COUNT(formats); f++)
		for (i = 0; i < formats[f].count; i++)
			at[formats[f].rows[i].role + 1]++;
	for (r = 0; r < SCAN_ROLE_COUNT; r++)
		at[r + 1] = (unsigned short)(at[r + 1] + at[r]);
	memcpy(ix->first, at, sizeof at);
	for (f = 0; f < COUNT(formats); f++)
		for (i = 0; i < formats[f].count; i++)
			ix->rows[at[formats[f].rows[i].role]++] = &formats[f].rows[i];
}

/* strstr for a row, reusing the search of the row before when it has the
 * same marker (the rows of one marker stand together, and a compiler makes
 * one string of equal literals: were it not to, the search runs again). */
struct found {
	const char *marker, *at;
};

/* Nonzero if two rows have the same marker (the same string, most often). */
static int same_marker(const char *a, const char *b)
{
	return a == b || strcmp(a, b) == 0;
}

static const char *find_cached(struct found *f, const char *line, const struct scan_marker *m)
{
	if (f->marker != m->marker) {
		f->marker = m->marker;
		f->at = strstr(line, m->marker);
	}
	return f->at;
}

/* The words at p up to `until` (any case) or, without it, one word up to a
 * space or a colon, as a canonical command (or NULL). */
static const char *command_word(const char *p, const char *until)
{
	char word[32];
	size_t n = 0;

	if (until) {
		while (n < sizeof word - 1 && p[n] && !scan_starts_with(p + n, until))
			word[n] = p[n] == '\n' ? ' ' : p[n], n++;
	} else {
		while (p[n] && p[n] != ' ' && p[n] != ':' && n < sizeof word - 1)
			word[n] = p[n], n++;
	}
	word[n] = '\0';
	return smtpcode_command_canonical(word);
}

/* The command a line says a reply answered: Postfix "(in reply to RCPT TO
 * command)", Exim "after RCPT TO:<...>:", Sendmail "ruleset=check_rcpt". */
const char *smtpcode__command_in(const struct scan_index *ix, const char *line)
{
	struct found f = { NULL, NULL };

	EACH(ix, SCAN_COMMAND, m) {
		const char *p = find_cached(&f, line, *m);
		if (!p)
			continue;
		p += (*m)->len;
		if (!(*m)->command)
			return command_word(p, (*m)->then);
		if (!(*m)->then || scan_starts_with(p, (*m)->then))
			return (*m)->command;
	}
	return NULL;
}

/* The value of the first outcome field in line ("status=", "stat="), and
 * its marker in *field; NULL if there is none. */
static const char *outcome_field(const struct scan_index *ix, const char *line,
                                 const char **field)
{
	struct found f = { NULL, NULL };
	const char *first = NULL;
	size_t len = 0;

	EACH(ix, SCAN_OUTCOME, m) {
		const char *p = find_cached(&f, line, *m);
		if (p && (!first || p < first)) {
			first = p;
			len = (*m)->len;
			*field = (*m)->marker;
		}
	}
	return first ? first + len : NULL;
}

/* The first outcome token (Exim's " => ", " ** ") in line. */
static enum smtpcode_outcome outcome_token(const struct scan_index *ix, const char *line)
{
	enum smtpcode_outcome o = SMTPCODE_OUTCOME_NONE;
	const char *first = NULL;

	EACH(ix, SCAN_OUTCOME_TOKEN, m) {
		const char *p = strstr(line, (*m)->marker);
		if (p && (!first || p < first)) {
			first = p;
			o = (*m)->outcome;
		}
	}
	return o;
}

/* What a log line says became of the message. */
enum smtpcode_outcome smtpcode__outcome_in(const struct scan_index *ix, const char *line)
{
	const char *field = NULL, *v = outcome_field(ix, line, &field);

	if (v) {
		EACH(ix, SCAN_OUTCOME, m)
			if (same_marker((*m)->marker, field) && scan_starts_with(v, (*m)->then))
				return (*m)->outcome;
		EACH(ix, SCAN_OUTCOME_OTHER, m)
			if (same_marker((*m)->marker, field) && strstr(line, (*m)->then))
				return (*m)->outcome;
	}
	return outcome_token(ix, line);
}

/* Nonzero if the text before p ends with a marker after which a reply
 * follows ("said: ", "smtp; ", "returned '"), or p follows a colon after
 * colon_after (see smtpcode__colon_lead_in). Reads nothing before line. */
int smtpcode__after_lead_in(const struct scan_index *ix, const char *line, const char *p,
                            const char *colon_after)
{
	const char *q = p;

	while (q > line && (q[-1] == ' ' || q[-1] == '#' || q[-1] == '\''))
		q--;
	EACH(ix, SCAN_LEAD_IN, m) {
		const char *mk = (*m)->marker, *end = q;
		size_t n = (*m)->len;
		if (mk[n - 1] == '\'' || mk[n - 1] == '"') /* the quote is part of the marker */
			end = p > line && p[-1] == mk[n - 1] ? p : q;
		if ((size_t)(end - line) >= n && scan_starts_with(end - n, mk))
			return 1;
	}
	return colon_after && p > colon_after && q > line && q[-1] == ':';
}

/* Where a SCAN_LEAD_IN_COLON marker stands in line, or NULL. */
const char *smtpcode__colon_lead_in(const struct scan_index *ix, const char *line)
{
	EACH(ix, SCAN_LEAD_IN_COLON, m) {
		const char *p = strstr(line, (*m)->marker);
		if (p)
			return p;
	}
	return NULL;
}

/* The enhanced code of a field such as "dsn=5.1.1", or NULL. */
const char *smtpcode__enhanced_field(const struct scan_index *ix, const char *line)
{
	EACH(ix, SCAN_ENHANCED, m) {
		const char *p = strstr(line, (*m)->marker);
		if (p && scan_is_digit(p[(*m)->len]))
			return p + (*m)->len;
	}
	return NULL;
}

/* The text of a record without a reply ("status=deferred (connect to ...)",
 * "stat=User unknown"), its length in *n; NULL if the first field found
 * gives none. */
const char *smtpcode__record_text(const struct scan_index *ix, const char *line, size_t *n)
{
	EACH(ix, SCAN_RECORD_TEXT, m) {
		const char *p = strstr(line, (*m)->marker);
		if (!p)
			continue;
		if ((*m)->then) { /* in parentheses */
			p = strchr(p, '(');
			if (!p)
				return NULL;
			*n = strlen(++p);
			if (*n > 0 && p[*n - 1] == ')')
				--*n;
			return p;
		}
		p += (*m)->len;
		*n = strlen(p);
		return p;
	}
	return NULL;
}

/* Where a reply's text ends ("(in reply to"), or NULL; with after_space,
 * only a marker that a space comes before. */
const char *smtpcode__text_end(const struct scan_index *ix, const char *text, int after_space)
{
	EACH(ix, SCAN_TEXT_END, m) {
		const char *p = strstr(text, (*m)->marker);
		while (p && after_space && (p == text || p[-1] != ' '))
			p = strstr(p + 1, (*m)->marker);
		if (p)
			return p;
	}
	return NULL;
}

/* The first join of a flattened multi-line reply in text, its marker's
 * length in *len; NULL if there is none. */
const char *smtpcode__join_in(const struct scan_index *ix, const char *text, size_t *len)
{
	EACH(ix, SCAN_JOIN, m) {
		const char *p = strstr(text, (*m)->marker);
		if (p) {
			*len = (*m)->len;
			return p;
		}
	}
	return NULL;
}

/* The command a line names for the reply on the next line, or NULL. */
const char *smtpcode__command_before(const struct scan_index *ix, const char *line)
{
	EACH(ix, SCAN_COMMAND_BEFORE, m)
		if (strstr(line, (*m)->marker))
			return (*m)->command;
	return NULL;
}

/* Where the text after a SCAN_ENHANCED_LEAD marker that starts line (after
 * blanks) begins, or NULL. */
const char *smtpcode__enhanced_lead(const struct scan_index *ix, const char *line)
{
	line = scan_skip_spaces(line);
	EACH(ix, SCAN_ENHANCED_LEAD, m)
		if (scan_starts_with(line, (*m)->marker))
			return scan_skip_spaces(line + (*m)->len);
	return NULL;
}

/* Nonzero if line holds the sending MTA's own status ("(#5.1.2)"), a valid
 * enhanced code whose subject is 0 to 7 ("[#4.16.1]" is none), in *code. */
int smtpcode__status_tag(const struct scan_index *ix, const char *line,
                         struct smtpcode_enhanced_code *code)
{
	EACH(ix, SCAN_STATUS_TAG, m) {
		const char *p = strstr(line, (*m)->marker);
		size_t len;
		if (p && smtpcode__enhanced_at(p + (*m)->len, code, &len) == SCAN_TOKEN_ENHANCED &&
		    p[(*m)->len + len] == (*m)->then[0] && code->subject <= 7)
			return 1;
	}
	return 0;
}

/* The outcome a DSN Action value gives. */
enum smtpcode_outcome smtpcode__dsn_action(const struct scan_index *ix, const char *value)
{
	EACH(ix, SCAN_DSN_ACTION, m)
		if (scan_starts_with(value, (*m)->marker))
			return (*m)->outcome;
	return SMTPCODE_OUTCOME_NONE;
}
