/* scan_formats.c - what the scanner knows of each log, bounce and
 * transcript format: one table of markers per format (the roles are in
 * scan.h; scan_lookup.c reads them by role). A new format is new
 * rows here and a sample in tests/explain (README: "Adding a log format").
 * Built into src/gen/genscan.c, which prints the rows sorted by role for
 * the library (build/scan_rows.inc, read by scan_rows.c). */
#include "scan.h"

#include <string.h>

/* len is the marker's length; the array type fails to compile when the
 * marker and its NUL do not fit in SCAN_MARKER_SIZE. */
#define ROW(marker, role, then, command, outcome) \
	{ marker, sizeof(marker) - 1 + 0 * sizeof(char[sizeof(marker) <= SCAN_MARKER_SIZE ? 1 : -1]), \
	  role, outcome, SMTPCODE_DIRECTION_UNKNOWN, 0, then, command }
#define WHO(marker, role) MARK(marker, role) /* an address or host follows */
#define DIR(marker, d)                                                                \
	{ marker, sizeof(marker) - 1 + 0 * sizeof(char[sizeof(marker) <= SCAN_MARKER_SIZE ? 1 : -1]), \
	  SCAN_DIRECTION, SMTPCODE_OUTCOME_NONE, SMTPCODE_DIRECTION_##d, 0, NULL, NULL }
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
	/* warn_if_reject's "reject_warning: RCPT from ...": the same commands */
	NAMES("reject_warning: ", "END-OF-MESSAGE from", "DATA"),
	NAMES("reject_warning: ", " from", NULL),
	MARK("(in reply to ", SCAN_TEXT_END),
	GIVES("status=", SCAN_OUTCOME, "sent", DELIVERED),
	GIVES("status=", SCAN_OUTCOME, "deferred", DEFERRED),
	GIVES("status=", SCAN_OUTCOME, "bounced", BOUNCED),
	GIVES("status=", SCAN_OUTCOME, "expired", EXPIRED),
	/* verify(8) probes (global/verify.c, bounce.c, defer.c, sent.c): what a
	 * delivery agent found, nothing sent; also "undeliverable-but-not-
	 * cached". soft_bounce=yes logs a bounce as "SOFTBOUNCE" (bounce.c),
	 * its dsn= turned 4.x.x, and keeps the message queued. */
	GIVES("status=", SCAN_OUTCOME, "undeliverable", UNDELIVERABLE),
	GIVES("status=", SCAN_OUTCOME, "deliverable", DELIVERABLE),
	GIVES("status=", SCAN_OUTCOME, "SOFTBOUNCE", SOFTBOUNCE),
	/* smtpd's warn_if_reject (postconf(5)): a restriction's refusal logged
	 * as "reject_warning:", not made */
	GIVES("reject_warning: ", SCAN_OUTCOME_TOKEN, NULL, WARNING),
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
	/* cleanup(8) writes the enhanced code alone: "milter-reject:
	 * END-OF-MESSAGE from host[ip]: 4.7.1 Try again later; from=<...>",
	 * header_checks' "reject: header ... helo=<h>: 5.7.1 ..." */
	ROW("milter-reject: ", SCAN_ENHANCED_AFTER, "]: ", NULL, SMTPCODE_OUTCOME_NONE),
	ROW(" reject: header ", SCAN_ENHANCED_AFTER, ">: ", NULL, SMTPCODE_OUTCOME_NONE),
	ROW(" reject: body ", SCAN_ENHANCED_AFTER, ">: ", NULL, SMTPCODE_OUTCOME_NONE),
	NAMES(" reject: header ", NULL, "DATA"),
	NAMES(" reject: body ", NULL, "DATA"),
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
	MARK("(reason: ", SCAN_RETOLD), /* its transcript tells it again */
	/* the bounce's transcript: "... while talking to mx.example.net.:" opens
	 * a session with that host (deliver.c); the address list above it names
	 * none of its replies */
	MARK("... while ", SCAN_SESSION),    /* the session's line goes on after it: */
	MARK("talking to ", SCAN_HOST_LINE), /* its host */
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
	MARK("from remote server ", SCAN_LEAD_IN_COLON), /* GMX's Exim: "SMTP error from */
	NAMES("remote server after ", NULL, NULL),       /* remote server after RCPT
	                                                  * command:", 1&1's "... for
	                                                  * RCPT TO command" */
	GIVES(" => ", SCAN_OUTCOME_TOKEN, NULL, DELIVERED),
	GIVES(" -> ", SCAN_OUTCOME_TOKEN, NULL, DELIVERED),
	GIVES(" == ", SCAN_OUTCOME_TOKEN, NULL, DEFERRED),
	GIVES(" ** ", SCAN_OUTCOME_TOKEN, NULL, BOUNCED),
	MARK("\\r\\n", SCAN_JOIN), /* before "\\n": a Go or Haraka log's "\\r\\n550-" */
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
	LEAD("result=\""),                         /* failed-command's reply */
	NAMES("failed-command command=\"", NULL, NULL), /* its command's word */
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
	/* Exchange 2000/2003's NDR: "<mail.example.com #5.1.1>" alone is its own
	 * status; "<mx #5.0.0 smtp; 554 5.7.1 ...>" puts it before the reply */
	ROW(" #", SCAN_STATUS_TAG, ">", NULL, SMTPCODE_OUTCOME_NONE),
	MARK(" #", SCAN_STATUS_BEFORE),
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
	LEAD("Reason:"),       /* any case: Sendmail's "(reason: 550 ...)", SendGrid's
	                        * "REASON:", Haraka's "Failure Reason:", SmarterMail */
	LEAD("ResponseCode"),  /* Zoho: "ResponseCode 421, , Host not reachable" */
	LEAD("ERROR_CODE :"),  /* Zoho: "ERROR_CODE :550, ERROR_CODE :5.1.1 <a>..." (the
	                        * label again before the enhanced code) */
	/* who: Gmail's "Your message wasn't delivered to u@a because"; the
	 * recipient's member of a provider's JSON event: SendGrid's and
	 * Mandrill's "email", Postmark's "Email", SES's "emailAddress",
	 * Mailgun's "recipient", SparkPost's "rcpt_to" (their webhook docs) */
	WHO("delivered to ", SCAN_RECIPIENT),
	WHO("\"email\":", SCAN_RECIPIENT),
	WHO("\"Email\":", SCAN_RECIPIENT),
	WHO("\"emailAddress\":", SCAN_RECIPIENT),
	WHO("\"recipient\":", SCAN_RECIPIENT),
	WHO("\"rcpt_to\":", SCAN_RECIPIENT),
	DIR("returned was:", REMOTE),
	DIR("remote server was:", REMOTE),
	DIR("server replied:", REMOTE),
	DIR("host replied:", REMOTE),
	DIR("failed with:", REMOTE),
	/* 1&1 IONOS: "SMTP error from remote server for RCPT TO command, host: mx
	 * (192.0.2.1) reason: 550 ..." (TEXT is its name for the data; exim[]'s
	 * "from remote server " lets "reason:" come two lines later) */
	NAMES("remote server for ", "TEXT command", "DATA"),
	NAMES("remote server for ", " command", NULL),
	/* Mailgun's events: "delivery-status": { "code": 550, "message": "5.1.1
	 * ...", "enhanced-code": "5.1.1" } (its events API documentation) */
	MARK("\"delivery-status\": {", SCAN_JSON_OBJECT),
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
	NAMES("[RCPT_TO]", NULL, "RCPT"), /* Yahoo's tags after the reply */
	NAMES("[MAIL_FROM]", NULL, "MAIL"),
	NAMES("[BODY]", NULL, "DATA"),
	ROW("(#", SCAN_STATUS_TAG, ")", NULL, SMTPCODE_OUTCOME_NONE),
	ROW("[#", SCAN_STATUS_TAG, "]", NULL, SMTPCODE_OUTCOME_NONE),
	/* qmail-send's log: "delivery 5: failure: ..." (scan_bounce.c reads it) */
	GIVES(": success: ", SCAN_OUTCOME_TOKEN, NULL, DELIVERED),
	GIVES(": failure: ", SCAN_OUTCOME_TOKEN, NULL, BOUNCED),
	GIVES(": deferral: ", SCAN_OUTCOME_TOKEN, NULL, DEFERRED),
	/* who: "Connected to 192.0.2.1 but sender was rejected." (qmail-remote) */
	MARK("Connected to ", SCAN_HOST_LINE),
};

/* Client libraries' errors: the exception or error names the command
 * (Python smtplib and aiosmtplib; JavaMail and Jakarta/Angus Mail;
 * System.Net.Mail; nodemailer's error messages, its lib/smtp-connection;
 * PHPMailer's "SMTP ERROR: <CMD> command failed:", class.smtp.php; msmtp's
 * "server message:" lines after the one that names the step; Zimbra's
 * "RCPT failed:"), or the reply follows its words: .NET's "The server
 * response was:", MailKit's SmtpCommandException, lettre's source: "...". */
static const struct scan_marker libraries[] = {
	LEAD("server message:"),      /* msmtp: "msmtp: server message: 535 ..." */
	LEAD("command failed:"),      /* PHPMailer, nodemailer */
	LEAD("Message failed:"),      /* nodemailer */
	LEAD("Invalid login:"),       /* nodemailer */
	LEAD("recipients were rejected:"),
	LEAD("data: ("),              /* smtplib's "data: (354, 'End data ...')" */
	NAMES("RCPT TO command failed", NULL, "RCPT"),
	NAMES("MAIL FROM command failed", NULL, "MAIL"),
	NAMES("Mail command failed", NULL, "MAIL"),
	NAMES("DATA END command failed", NULL, "DATA"),
	NAMES("DATA command failed", NULL, "DATA"),
	NAMES("Password command failed", NULL, "AUTH"),
	NAMES("Username command failed", NULL, "AUTH"),
	NAMES("AUTH command failed", NULL, "AUTH"),
	NAMES("EHLO command failed", NULL, "EHLO"),
	NAMES("HELO command failed", NULL, "HELO"),
	NAMES("STARTTLS command failed", NULL, "STARTTLS"),
	NAMES("Message failed:", NULL, "DATA"),
	NAMES("Invalid login:", NULL, "AUTH"),
	NAMES("all recipients were rejected", NULL, "RCPT"),
	NAMES("SMTPAddressFailedException", NULL, "RCPT"),
	NAMES("SMTPSenderFailedException", NULL, "MAIL"),
	NAMES("SmtpFailedRecipientException", NULL, "RCPT"),
	NAMES("SmtpFailedRecipientsException", NULL, "RCPT"),
	NAMES("InvalidRecipientException", NULL, "RCPT"),
	NAMES("RCPT failed:", NULL, "RCPT"),
	NAMES("data: (", NULL, "DATA"),
	ROW("hMailServer sent: ", SCAN_COMMAND_BEFORE, NULL, NULL, SMTPCODE_OUTCOME_NONE),
	ROW("authentication failed (method", SCAN_COMMAND_BEFORE, NULL, "AUTH",
	    SMTPCODE_OUTCOME_NONE), /* msmtp */
	ROW("envelope from address", SCAN_COMMAND_BEFORE, NULL, "MAIL", SMTPCODE_OUTCOME_NONE),
	ROW("msmtp: recipient address", SCAN_COMMAND_BEFORE, NULL, "RCPT", SMTPCODE_OUTCOME_NONE),
	MARK("The server response was: ", SCAN_ENHANCED_AFTER),
	/* Thunderbird (and Netscape before it, its MK_ERROR_SENDING_*_COMMAND
	 * strings) drops the basic code: "An error occurred while sending mail.
	 * The mail server responded: 5.7.1 <a>... Relaying denied."; a client's
	 * own "Error: 4.7.1 <a>: Relay access denied" at a line's start */
	MARK("mail server responded: ", SCAN_ENHANCED_AFTER),
	MARK("Error:", SCAN_ENHANCED_LEAD),
	MARK("SmtpCommandException: ", SCAN_ENHANCED_AFTER),
	MARK("source: \"", SCAN_ENHANCED_AFTER),
	NAMES("SMTPRecipientsRefused", NULL, "RCPT"),
	NAMES("SMTPRecipientRefused", NULL, "RCPT"),
	NAMES("SMTPSenderRefused", NULL, "MAIL"),
	NAMES("SMTPDataError", NULL, "DATA"),
	NAMES("SMTPAuthenticationError", NULL, "AUTH"),
	NAMES("SMTPConnectError", NULL, "CONNECT"),
	NAMES("SMTPHeloError", NULL, "HELO"),
	/* nodemailer's INFO line "Recipient <u@a> rejected: 450 ..." (its
	 * lib/smtp-connection), Haraka's outbound "recipient <u@a> rejected:
	 * 550 ..." (haraka/Haraka#848) */
	ROW("ecipient <", SCAN_COMMAND_SPAN, "> rejected", "RCPT", SMTPCODE_OUTCOME_NONE),
	ROW("ender <", SCAN_COMMAND_SPAN, "> rejected", "MAIL", SMTPCODE_OUTCOME_NONE),
	/* Zimbra's "RCPT failed: Invalid recipient u@a: 571 571 ...": the code
	 * after the address's colon */
	MARK("failed: Invalid recipient ", SCAN_LEAD_IN_COLON),
};

/* Connection-level failures: no SMTP reply, the client could not reach or
 * keep the server (issue 14, rule 4). Postfix's smtp(8) "connect to
 * host[ip]:25: Connection refused", "lost connection with host[ip] while
 * sending RCPT TO", "conversation with host[ip] timed out while ...",
 * "Host or domain name not found. Name service error for ..." (Postfix
 * src/smtp/smtp_connect.c, smtp_proto.c, smtp_addr.c); Sendmail's
 * "stat=Deferred: Connection refused by host" (sendmail/deliver.c); Exim's
 * "defer (110): Connection timed out" and "retry time not reached for any
 * host" (src/deliver.c, src/retry.c); the errno texts (strerror) any of
 * them quote. A row with `then` needs no outcome on the line. */
#define CONN(marker, then) ROW(marker, SCAN_CONNECTION, then, NULL, SMTPCODE_OUTCOME_NONE)
static const struct scan_marker connection[] = {
	CONN("connect to ", "]:"),
	CONN("lost connection with ", " while"),
	CONN("conversation with ", " timed out"),
	CONN("Host or domain name not found", ". Name service error"),
	CONN("Connection refused", NULL),
	CONN("Connection timed out", NULL),
	CONN("Connection reset", NULL),
	CONN("Operation timed out", NULL),
	CONN("No route to host", NULL),
	CONN("Network is unreachable", NULL),
	CONN("retry time not reached", NULL),
	CONN("all hosts for ", " have been failing"),
	CONN("Deferred: ", "Connection "), /* Sendmail's "<a>... Deferred: Connection
	                                    * timed out with mx" */
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
	/* PHPMailer's Debugoutput "html" (SMTP::edebug: htmlentities() of the
	 * line, then "<br>"); its default "echo" puts a TAB after the time */
	MARK("SERVER -&gt; CLIENT: ", SCAN_SERVER_AFTER),
	MARK("CLIENT -&gt; SERVER: ", SCAN_CLIENT_AFTER),
	MARK("<br>", SCAN_TEXT_END),
	MARK("] S: ", SCAN_SERVER_AFTER),
	MARK("] C: ", SCAN_CLIENT_AFTER),
	ROW(": < ", SCAN_SERVER_AFTER, ": ", NULL, SMTPCODE_OUTCOME_NONE),
	ROW(": > ", SCAN_CLIENT_AFTER, ": ", NULL, SMTPCODE_OUTCOME_NONE),
	ROW(".", SCAN_CLIENT_WORD, NULL, "DATA", SMTPCODE_OUTCOME_NONE), /* the end of the data */
	/* SmarterMail's SMTP log "00:00:01 [192.0.2.1][4711] rsp: 250 ..." and
	 * "cmd: EHLO ...", its delivery log's "[313455-1] RSP: 354 ..." */
	MARK("] rsp: ", SCAN_SERVER_AFTER),
	MARK("] RSP: ", SCAN_SERVER_AFTER),
	MARK("] cmd: ", SCAN_CLIENT_AFTER),
	MARK("] CMD: ", SCAN_CLIENT_AFTER),
	/* go-mail's debug log "2026/06/04 09:15:02 [DEBUG] C <-- S: 250 ...",
	 * "C --> S: EHLO ..." (its README; a reply's lines after the first
	 * follow without code or prefix: scan_reply.c's ehlo_keywords) */
	MARK("] C <-- S: ", SCAN_SERVER_AFTER),
	MARK("] C --> S: ", SCAN_CLIENT_AFTER),
	/* either side: Exchange's protocol logs (SmtpSend: "<" is the server's,
	 * SmtpReceive: ">" is; Microsoft's "Protocol logging" page: fields
	 * date-time,connector-id,session-id,sequence-number,local-endpoint,
	 * remote-endpoint,event,data,context), hMailServer's log ("SMTPC" ...
	 * "RECEIVED: 250 ...", "SENT: RCPT TO:<a>"; "[nl]" joins lines) */
	MARK(",<,", SCAN_SIDE_AFTER),
	MARK(",>,", SCAN_SIDE_AFTER),
	MARK("\"RECEIVED: ", SCAN_SIDE_AFTER),
	MARK("\"SENT: ", SCAN_SIDE_AFTER),
	MARK("[nl]", SCAN_JOIN),
	/* Trend Micro InterScan MSS's bounce: its arrows point the other way,
	 * "Sent <<< RCPT TO:<a>" then "Received >>> 550 5.1.1 ..." */
	MARK("Sent <<< ", SCAN_CLIENT_AFTER),
	MARK("Received >>> ", SCAN_SERVER_AFTER),
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
	{ exchange, COUNT(exchange) }, { vendors, COUNT(vendors) }, { qmail, COUNT(qmail) }, { libraries, COUNT(libraries) }, { connection, COUNT(connection) }, { dsn, COUNT(dsn) },           { transcript, COUNT(transcript) },
	{ raw, COUNT(raw) },
};

_Static_assert(COUNT(postfix) + COUNT(sendmail) + COUNT(exim) + COUNT(opensmtpd) + COUNT(exchange) + COUNT(vendors) + COUNT(qmail) + COUNT(libraries) + COUNT(connection) + COUNT(dsn) +
                   COUNT(transcript) + COUNT(raw) <= SCAN_ROWS_MAX,
               "SCAN_ROWS_MAX holds every row");

/* Sorts the rows by role, keeping the formats' order within a role, into
 * genscan's copy (this file is built into genscan only: the library reads
 * the table genscan prints, src/lib/scan_rows.c). */
void smtpcode__formats_index(struct scan_index *ix)
{
	static scan_row sorted[SCAN_ROWS_MAX];
	static unsigned short first[SCAN_ROLE_COUNT + 1];
	unsigned short at[SCAN_ROLE_COUNT + 1] = { 0 };
	size_t f, i;
	int r;

	for (f = 0; f < COUNT(formats); f++)
		for (i = 0; i < formats[f].count; i++)
			at[formats[f].rows[i].role + 1]++;
	for (r = 0; r < SCAN_ROLE_COUNT; r++)
		at[r + 1] = (unsigned short)(at[r + 1] + at[r]);
	memcpy(first, at, sizeof at);
	for (f = 0; f < COUNT(formats); f++)
		for (i = 0; i < formats[f].count; i++)
			sorted[at[formats[f].rows[i].role]++][0] = formats[f].rows[i];
	ix->rows = (const scan_row *)sorted; /* a cast: C11 gives no implicit const to an array pointed at */
	ix->first = first;
}
