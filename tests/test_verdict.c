/* test_verdict.c - the bounce verdict: reason, hard or soft, and evidence,
 * on real reply texts (from the sources cited in data/reasons.tsv and
 * data/provider-tags.tsv), for every reason of the vocabulary. */
#include "testutil.h"
#include "smtpcode.h"

/* One reply and the verdict it must get. */
struct vcase {
	int basic;
	const char *enhanced; /* "5.1.1", or NULL */
	const char *command;  /* NULL if unknown */
	enum smtpcode_outcome outcome;
	const char *text;
	const char *reason, *bounce; /* bounce NULL: none */
	enum smtpcode_evidence evidence;
	const char *matched; /* the phrase or tag, or NULL */
};

#define NONE SMTPCODE_OUTCOME_NONE
#define EV(x) SMTPCODE_EVIDENCE_##x

static const struct vcase cases[] = {
	/* authfailure: Gmail 5.7.26 (the code decides), a DMARC phrase, Mail.ru's tag */
	{ 550, "5.7.26", "DATA", NONE, "Unauthenticated email from example.com is not accepted "
	  "due to domain's DMARC policy. Please contact the administrator of example.com domain.",
	  "authfailure", "soft", EV(ENHANCED), NULL },
	{ 550, "5.7.1", "DATA", NONE, "Email rejected per DMARC policy for example.com",
	  "authfailure", "soft", EV(PHRASE), "rejected per dmarc policy" },
	/* badreputation: Yahoo [TSS04], a 421 that is never hard */
	{ 421, "4.7.0", NULL, NONE, "[TSS04] Messages from 192.0.2.1 temporarily deferred due to "
	  "unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/"
	  "error-codes", "badreputation", "soft", EV(TAG), "[TSS04]" },
	/* blocked: Outlook.com S3150, a Barracuda list */
	{ 550, "5.7.1", "RCPT", NONE, "Unfortunately, messages from [192.0.2.1] weren't sent. "
	  "Please contact your Internet service provider since part of their network is on our "
	  "block list (S3150).", "blocked", "soft", EV(TAG), "(S3150)" },
	{ 554, NULL, "CONNECT", NONE, "Service unavailable; Client host [192.0.2.1] blocked using "
	  "b.barracudacentral.org", "blocked", "soft", EV(PHRASE), "b.barracudacentral.org" },
	/* greylistd under Exim (no code tells, the phrase does) */
	{ 451, NULL, "RCPT", NONE, "192.0.2.5 is not yet authorized to deliver mail from "
	  "<a@example.net> to <bob@example.org>. Please try later.", "blocked", "soft", EV(PHRASE),
	  "is not yet authorized to deliver mail from" },
	/* contenterror */
	{ 550, "5.6.0", "DATA", NONE, "Message contains bare LF and is violating 822.bis "
	  "section 2.3", "contenterror", "soft", EV(PHRASE), "bare lf" },
	/* delivered: Postfix's 250, Exchange's 2.6.0 */
	{ 250, "2.0.0", "DATA", NONE, "Ok: queued as 4BcD2x1z9Sz9s", "delivered", NULL,
	  EV(BASIC), NULL },
	{ 250, "2.6.0", "DATA", NONE, "<id@example.org> [InternalId=1234] Queued mail for "
	  "delivery", "delivered", NULL, EV(TAG), "Queued mail for delivery" },
	/* exceedlimit: the code, and "too many recipients" */
	{ 552, "5.2.3", "DATA", NONE, "Message length exceeds administrative limit",
	  "exceedlimit", "soft", EV(ENHANCED), NULL },
	{ 452, NULL, "RCPT", NONE, "Too many recipients", "exceedlimit", "soft", EV(PHRASE),
	  "too many recipients" },
	/* expired: a phrase, and the log's outcome alone */
	{ 0, NULL, NULL, NONE, "Could not send message for past 5 days", "expired", "soft",
	  EV(PHRASE), "could not send message for past" },
	{ 450, NULL, "RCPT", SMTPCODE_OUTCOME_EXPIRED, "Try later", "expired", "soft",
	  EV(OUTCOME), NULL },
	/* Postfix's later outcomes: a probe bounces nothing; a SOFTBOUNCE's dsn= is
	 * Postfix's 4.x.x, its reply's 5xx stays hard; a reject_warning refused
	 * nothing */
	{ 550, "5.1.1", "RCPT", SMTPCODE_OUTCOME_UNDELIVERABLE, "User unknown", "userunknown",
	  "hard", EV(ENHANCED), NULL },
	{ 0, "4.4.1", NULL, SMTPCODE_OUTCOME_UNDELIVERABLE, "connect to x: Connection timed out",
	  "networkerror", "soft", EV(ENHANCED), NULL },
	{ 250, "2.0.0", "RCPT", SMTPCODE_OUTCOME_DELIVERABLE, "Ok", "undefined", NULL, EV(NONE),
	  NULL },
	{ 550, "4.1.1", "RCPT", SMTPCODE_OUTCOME_SOFTBOUNCE, "User unknown", "userunknown", "hard",
	  EV(ENHANCED), NULL },
	{ 450, "4.1.1", "RCPT", SMTPCODE_OUTCOME_SOFTBOUNCE, "User unknown", "userunknown", "soft",
	  EV(ENHANCED), NULL },
	{ 554, "5.7.1", "RCPT", SMTPCODE_OUTCOME_WARNING, "Relay access denied", "norelaying",
	  NULL, EV(PHRASE), "relay access denied" },
	/* failedstarttls: Gmail 4.7.29 means no TLS (the text overrides ARC) */
	{ 421, "4.7.29", "MAIL", NONE, "Your email has been rate limited because you're not "
	  "using a TLS connection.", "failedstarttls", "soft", EV(PHRASE),
	  "because you're not using a tls connection" },
	{ 530, "5.7.10", "MAIL", NONE, "Must issue a STARTTLS command first", "failedstarttls",
	  "soft", EV(ENHANCED), NULL },
	/* feedback: an ARF report has no failure */
	{ 0, NULL, NULL, NONE, "Feedback-Type: abuse User-Agent: SomeGenerator/1.0",
	  "feedback", NULL, EV(PHRASE), "feedback-type:" },
	/* filtered */
	{ 550, "5.7.1", "RCPT", NONE, "Message rejected by recipient", "filtered", "soft",
	  EV(PHRASE), "message rejected by recipient" },
	/* hasmoved: the code, and qmail's 551 */
	{ 550, "5.1.6", "RCPT", NONE, "Mailbox has moved", "hasmoved", "hard", EV(ENHANCED), NULL },
	{ 551, NULL, "RCPT", NONE, "User not local; please try <bob@example.net>", "hasmoved",
	  "hard", EV(PHRASE), "user not local; please try" },
	/* hostunknown: Postfix, and the longer phrase that makes it networkerror */
	{ 0, NULL, NULL, NONE, "Host or domain name not found. Name service error for "
	  "name=example.invalid type=MX: Host not found", "hostunknown", "hard", EV(PHRASE),
	  "host or domain name not found" },
	{ 0, NULL, NULL, SMTPCODE_OUTCOME_DEFERRED, "Host or domain name not found, try again",
	  "networkerror", "soft", EV(PHRASE), "host or domain name not found, try again" },
	/* mailboxfull: 5.2.2 is soft; "550 Mailbox full" (the text decides); Chinese */
	{ 552, "5.2.2", "RCPT", NONE, "The email account that you tried to reach is over quota.",
	  "mailboxfull", "soft", EV(ENHANCED), NULL },
	{ 550, NULL, "RCPT", NONE, "Mailbox full", "mailboxfull", "soft", EV(PHRASE),
	  "mailbox full" },
	{ 550, NULL, "RCPT", NONE, "收件人空间不足", "mailboxfull", "soft", EV(PHRASE),
	  "收件人空间不足" },
	/* mailererror */
	{ 0, NULL, NULL, NONE, "Command died with status 1: \"/usr/bin/procmail\"",
	  "mailererror", "soft", EV(PHRASE), "command died with status" },
	/* mesgtoobig */
	{ 552, "5.3.4", "DATA", NONE, "Message size exceeds fixed maximum message size",
	  "mesgtoobig", "soft", EV(ENHANCED), NULL },
	/* networkerror */
	{ 0, NULL, NULL, SMTPCODE_OUTCOME_DEFERRED, "connect to mx.example.net[192.0.2.1]:25: "
	  "Connection timed out", "networkerror", "soft", EV(PHRASE), "connection timed out" },
	/* norelaying */
	{ 554, "5.7.1", "RCPT", NONE, "<bob@example.net>: Relay access denied", "norelaying",
	  "soft", EV(PHRASE), "relay access denied" },
	/* notaccept: a null MX, and a 556 alone */
	{ 556, "5.1.10", "RCPT", NONE, "Recipient address has null MX", "notaccept", "hard",
	  EV(ENHANCED), NULL },
	{ 556, NULL, NULL, NONE, "", "notaccept", "hard", EV(BASIC), NULL },
	/* notcompliantrfc */
	{ 550, "5.7.1", "DATA", NONE, "This message is not RFC 5322 compliant. There are "
	  "multiple From headers.", "notcompliantrfc", "soft", EV(PHRASE), "not rfc 5322 compliant" },
	/* onhold: an SES notification that SES itself could not classify */
	{ 0, NULL, NULL, NONE, "{\"bounceType\": \"Undetermined\", \"bounceSubType\": "
	  "\"Undetermined\"}", "onhold", "soft", EV(TAG), "\"bounceType\": \"Undetermined\"" },
	/* policyviolation: Apple's [CS01], an attachment */
	{ 550, "5.7.1", "DATA", NONE, "[CS01] Message rejected due to local policy. Please visit "
	  "https://support.apple.com/en-us/102322", "policyviolation", "soft", EV(TAG), "[CS01]" },
	{ 554, NULL, "DATA", NONE, "Illegal attachment type", "policyviolation", "soft",
	  EV(PHRASE), "illegal attachment" },
	/* ratelimited: 5.1.1 and 4.2.1 overridden by the text; QQ's tag */
	{ 550, "5.1.1", "RCPT", NONE, "The user you are trying to contact has sent to too many "
	  "recipients this hour", "ratelimited", "soft", EV(PHRASE), "sent to too many recipients" },
	{ 450, "4.2.1", "RCPT", NONE, "The user you are trying to contact is receiving mail at a "
	  "rate that prevents additional messages from being delivered.", "ratelimited", "soft",
	  EV(PHRASE), "at a rate that prevents additional messages" },
	{ 550, NULL, NULL, NONE, "Ip frequency limited", "ratelimited", "soft", EV(TAG),
	  "Ip frequency limited" },
	/* rejected: the longer phrase beats "domain not found" (hostunknown) */
	{ 450, "4.1.8", "RCPT", NONE, "<a@nx.example>: Sender address rejected: Domain not found",
	  "rejected", "soft", EV(ENHANCED), NULL },
	{ 450, NULL, "RCPT", NONE, "<a@nx.example>: Sender address rejected: Domain not found",
	  "rejected", "soft", EV(PHRASE), "sender address rejected: domain not found" },
	{ 553, NULL, "MAIL", NONE, "Go away", "rejected", "soft", EV(BASIC), NULL },
	/* requireptr */
	{ 550, "5.7.25", "CONNECT", NONE, "The IP address sending this message does not have a "
	  "PTR record setup", "requireptr", "soft", EV(ENHANCED), NULL },
	{ 450, "4.7.1", "CONNECT", NONE, "Client host rejected: cannot find your reverse hostname, "
	  "[192.0.2.1]", "requireptr", "soft", EV(PHRASE), "cannot find your reverse hostname" },
	/* securityerror */
	{ 535, "5.7.8", "AUTH", NONE, "Authentication credentials invalid", "securityerror",
	  "soft", EV(ENHANCED), NULL },
	/* spamdetected: NetEase's DT:SPM, Yandex */
	{ 554, NULL, "DATA", NONE, "DT:SPM 163 smtp3,G9xpCgDnZk7 1680000000, please see "
	  "http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1", "spamdetected", "soft",
	  EV(TAG), "DT:SPM" },
	{ 554, "5.7.1", "DATA", NONE, "Message rejected under suspicion of SPAM; "
	  "https://ya.cc/1IrBc 1680000000-abcdef", "spamdetected", "soft", EV(TAG),
	  "Message rejected under suspicion of SPAM" },
	/* suppressed */
	{ 0, NULL, NULL, NONE, "Amazon SES has suppressed sending to this address because it "
	  "has a recent history of bouncing as an invalid address.", "suppressed", "hard",
	  EV(PHRASE), "has suppressed sending to this address" },
	/* suspend */
	{ 550, "5.2.1", "RCPT", NONE, "The email account that you tried to reach is disabled.",
	  "suspend", "hard", EV(ENHANCED), NULL },
	/* syntaxerror: the code; 503 alone */
	{ 500, "5.5.1", NULL, NONE, "Command unrecognized", "syntaxerror", "soft", EV(ENHANCED),
	  NULL },
	{ 503, NULL, "RCPT", NONE, "", "syntaxerror", "soft", EV(BASIC), NULL },
	/* systemerror */
	{ 554, "5.4.6", "DATA", NONE, "Too many hops", "systemerror", "soft", EV(ENHANCED), NULL },
	{ 554, NULL, NULL, NONE, "Hop count exceeded - possible mail loop", "systemerror", "soft",
	  EV(PHRASE), "hop count exceeded" },
	/* systemfull */
	{ 452, "4.3.1", "MAIL", NONE, "Insufficient system storage", "systemfull", "soft",
	  EV(ENHANCED), NULL },
	/* toomanyconn */
	{ 421, "4.7.0", "CONNECT", NONE, "Too many concurrent SMTP connections from this IP "
	  "address; please try again later.", "toomanyconn", "soft", EV(PHRASE),
	  "too many concurrent smtp connections" },
	/* userunknown: Gmail, Yahoo's dd, Microsoft's 5.1.10, Chinese, 550 after RCPT; 4.1.1 soft */
	{ 550, "5.1.1", "RCPT", NONE, "The email account that you tried to reach does not exist. "
	  "Please try double-checking the recipient's email address for typos or unnecessary "
	  "spaces.", "userunknown", "hard", EV(ENHANCED), NULL },
	{ 554, NULL, "RCPT", NONE, "delivery error: dd This user doesn't have a yahoo.com account "
	  "(bob@yahoo.com) [-5] - mta1234.mail.ne1.yahoo.com", "userunknown", "hard", EV(TAG),
	  "delivery error: dd" },
	{ 550, "5.1.10", "RCPT", NONE, "RESOLVER.ADR.RecipientNotFound; Recipient not found by "
	  "SMTP address lookup", "userunknown", "hard", EV(PHRASE),
	  "resolver.adr.recipientnotfound" },
	{ 550, NULL, "RCPT", NONE, "该用户不存在", "userunknown", "hard", EV(PHRASE),
	  "该用户不存在" },
	{ 550, NULL, "RCPT", NONE, "Go away", "userunknown", "hard", EV(BASIC), NULL },
	/* securityerror: a policy status beats the mailbox a 550 after RCPT
	 * names (step 6); not the MAIL row's reading, not a telling code */
	{ 550, "5.7.1", "RCPT", NONE, "Rejected by policy", "securityerror", "soft",
	  EV(ENHANCED), NULL },
	{ 550, "5.7.0", "RCPT", NONE, "Go away", "securityerror", "soft", EV(ENHANCED), NULL },
	{ 553, "5.7.1", "MAIL", NONE, "Go away", "rejected", "soft", EV(BASIC), NULL },
	{ 550, "5.1.1", "RCPT", NONE, "Go away", "userunknown", "hard", EV(ENHANCED), NULL },
	{ 450, "4.1.1", "RCPT", NONE, "<bob@example.org>: Recipient address rejected: User "
	  "unknown in local recipient table", "userunknown", "soft", EV(ENHANCED), NULL },
	{ 550, NULL, "RCPT", SMTPCODE_OUTCOME_DEFERRED, "User unknown", "userunknown", "soft",
	  EV(PHRASE), "user unknown" },
	/* vacation: French, with an ASCII capital before a non-ASCII letter */
	{ 0, NULL, NULL, NONE, "Réponse automatique : je suis absent jusqu'au 3 mars",
	  "vacation", NULL, EV(PHRASE), "réponse automatique" },
	{ 0, NULL, NULL, NONE, "Auto-Submitted: auto-replied", "vacation", NULL, EV(PHRASE),
	  "auto-submitted: auto-replied" },
	/* virusdetected */
	{ 554, "5.7.0", "DATA", NONE, "Reject, id=12345-01 - INFECTED: Eicar-Test-Signature",
	  "virusdetected", "soft", EV(PHRASE), "infected" },
	/* undefined: nothing tells; an intermediate 354 or 334 failed nothing */
	{ 354, NULL, "DATA", NONE, "End data with <CR><LF>.<CR><LF>", "undefined", NULL,
	  EV(NONE), NULL },
	{ 334, NULL, "AUTH", NONE, "VXNlcm5hbWU6", "undefined", NULL, EV(NONE), NULL },
	{ 554, "5.7.1", "DATA", NONE, "Go away", "undefined", "soft", EV(NONE), NULL },
};

/* Provider tags (data/provider-tags.tsv), one case per provider, on the
 * replies their pages quote, with the names and addresses rewritten under
 * example.*; a longer tag beats a shorter one, and a tag beats a code. */
static const struct vcase provider_cases[] = {
	{ 554, NULL, "CONNECT", NONE, "mx.example.net comcast 192.0.2.1 Comcast block for "
	  "residential IP. ES000001", "blocked", "soft", EV(TAG), "ES000001" },
	{ 554, NULL, "CONNECT", NONE, "mx.example.net comcast 192.0.2.1 Comcast block for "
	  "residential IP. ES000010", "blocked", "soft", EV(TAG), "ES000010" },
	{ 421, NULL, "CONNECT", NONE, "mx.example.net comcast Too many sessions opened",
	  "toomanyconn", "soft", EV(TAG), "Too many sessions opened" },
	{ 550, NULL, "MAIL", NONE, "IP 192.0.2.1 is blocked by EarthLink. Go to "
	  "earthlink.net/block for details.", "blocked", "soft", EV(TAG), "earthlink.net/block" },
	/* the tag beats 5.5.4, which alone would read as a syntax error */
	{ 554, "5.5.4", "RCPT", NONE, "Your IP 192.0.2.1 address has a bad reputation. To "
	  "unblock visit http://cloud-security.net/unblock?a=1&e=192.0.2.1", "badreputation",
	  "soft", EV(TAG), "cloud-security.net/unblock" },
	{ 550, "5.0.0", "RCPT", NONE, "Not delivering to previously bounced address",
	  "suppressed", "hard", EV(TAG), "Not delivering to previously bounced address" },
	/* Mimecast: the personal block is the longer tag; a policy block; both beat
	 * Exim's bare "Administrative prohibition" */
	{ 550, NULL, "RCPT", NONE, "Envelope blocked - User Entry - https://community.example.com"
	  "/s/article/Mimecast-SMTP-Error-Codes#550 [Xb2cD4eF.us123]", "filtered", "soft",
	  EV(TAG), "Envelope blocked - User Entry" },
	{ 550, NULL, "RCPT", NONE, "Administrative prohibition - envelope blocked - "
	  "https://community.example.com/s/article/Mimecast-SMTP-Error-Codes#550", "blocked",
	  "soft", EV(TAG), "envelope blocked" },
	{ 550, NULL, "MAIL", NONE, "Policy level block list in force", "blocked", "soft",
	  EV(TAG), "Policy level block list in force" },
	{ 421, "4.3.2", "CONNECT", NONE, "Your IP(192.0.2.1) is filtered and this connection will "
	  "be closed. You must register your IP to http://realip.naver.com", "blocked", "soft",
	  EV(TAG), "realip.naver.com" },
	{ 450, NULL, "MAIL", NONE, "WM:BLU 126 smtp1,GMiowAB3 1680000000", "rejected", "soft",
	  EV(TAG), "WM:BLU" },
	{ 450, NULL, "RCPT", NONE, "MI:CCL 163 mx12,Q8CowAD 1680000000", "syntaxerror", "soft",
	  EV(TAG), "MI:CCL" },
	{ 450, NULL, "RCPT", NONE, "RP:CCL 126 mx4,QMCowAB 1680000000", "syntaxerror", "soft",
	  EV(TAG), "RP:CCL" },
	{ 451, NULL, "DATA", NONE, "RP:CEL 163 smtp7,C8CowAD 1680000000", "syntaxerror", "soft",
	  EV(TAG), "RP:CEL" },
	{ 550, "5.7.0", "MAIL", NONE, "Blocked - see https://support.proofpoint.com/dnsbl-lookup"
	  ".cgi?ip=192.0.2.1", "blocked", "soft", EV(TAG), "proofpoint.com/dnsbl-lookup" },
	/* T-Online's greeting rejects, the tag in brackets at the end */
	{ 554, NULL, "CONNECT", NONE, "IP=192.0.2.1 - None/bad reputation. Ask your postmaster for "
	  "help or to contact postmaster@rx.example.de for reset. (NOWL)", "badreputation",
	  "soft", EV(TAG), "(NOWL)" },
	{ 554, NULL, "CONNECT", NONE, "IP=192.0.2.1 - A problem occurred. (Ask your postmaster for "
	  "help or to contact tosa@rx.example.de to clarify.) (BL)", "blocked", "soft", EV(TAG),
	  "(BL)" },
	{ 554, NULL, "CONNECT", NONE, "Dialup/transient IP not allowed. Use a mailgateway or "
	  "contact toda@rx.example.de if obsolete. (DIAL)", "blocked", "soft", EV(TAG), "(DIAL)" },
	/* Yahoo's dd for a closed account is no unknown user: the longer tag wins */
	{ 554, NULL, "RCPT", NONE, "delivery error: dd Sorry your message to bob@example.com "
	  "cannot be delivered. This account has been disabled or discontinued [#102]. - "
	  "mta1.mail.example.com", "suspend", "hard", EV(TAG),
	  "This account has been disabled or discontinued" },
	{ 550, NULL, "RCPT", NONE, "permanent failure for one or more recipients "
	  "(jill@example.net:blocked)", "blocked", "soft", EV(TAG), ":blocked)" },
	/* a tag beats a code the provider uses its own way (data/enhanced-notes.tsv) */
	{ 554, "5.2.3", "DATA", NONE, "MailPolicy violation Error delivering to mailboxes",
	  "policyviolation", "soft", EV(TAG), "MailPolicy violation" },
	{ 552, "5.1.1", "RCPT", NONE, "<bob@example.com> Mailbox delivery failure policy error",
	  "policyviolation", "soft", EV(TAG), "Mailbox delivery failure policy error" },
	{ 541, "5.4.1", "RCPT", NONE, "Mail rejected by destination domain", "filtered", "soft",
	  EV(TAG), "Mail rejected by destination domain" },
	{ 550, "5.2.1", "RCPT", NONE, "<BOB@EXAMPLE.NET>... Addressee unknown, relay=[192.0.2.1]",
	  "userunknown", "hard", EV(TAG), "... Addressee unknown, relay=" },
	{ 550, "5.2.1", "DATA", NONE, "Subject is Mandatory", "contenterror", "soft", EV(TAG),
	  "Subject is Mandatory" },
	/* a note-only row never decides: pasted Postfix configuration */
	{ 0, NULL, NULL, NONE, "smtp_skip_5xx_greeting = yes", "undefined", "soft", EV(NONE),
	  NULL },
};

/* Phrases in other languages and from other MTAs (data/reasons.tsv). */
static const struct vcase language_cases[] = {
	/* German: WEB.DE puts the English after a slash; the longer German wins */
	{ 550, NULL, "RCPT", NONE, "Benutzer hat das Speichervolumen ueberschritten. / User has "
	  "exhausted allowed storage space.", "mailboxfull", "soft", EV(PHRASE),
	  "benutzer hat das speichervolumen ueberschritten" },
	{ 550, NULL, "RCPT", NONE, "Benutzer nicht bekannt/User unknown", "userunknown", "hard",
	  EV(PHRASE), "benutzer nicht bekannt" },
	{ 0, NULL, NULL, NONE, "Diese Nachricht konnte nicht gesendet werden. Sie besitzen nicht "
	  "die Berechtigung, die Nachricht im Auftrag des angegebenen Benutzers zu senden.",
	  "rejected", "soft", EV(PHRASE), "nicht die berechtigung, die nachricht im auftrag" },
	/* Korean: Naver's and Daum's size refusals */
	{ 552, NULL, "DATA", NONE, "5.3.4 Error: 보내신 메일의 크기가 커서, 받는 서버에서 수신을 "
	  "차단하였습니다.", "mesgtoobig", "soft", EV(PHRASE), "보내신 메일의 크기가 커서" },
	{ 552, NULL, "DATA", NONE, "발송하신 편지의 크기가 너무커서 받는이가 속한 메일서버에서 "
	  "수신을 거부하였습니다.", "mesgtoobig", "soft", EV(PHRASE),
	  "발송하신 편지의 크기가 너무커서" },
	/* Spanish */
	{ 550, NULL, "RCPT", NONE, "Usuario inexistente", "userunknown", "hard", EV(PHRASE),
	  "usuario inexistente" },
	{ 550, NULL, "RCPT", NONE, "Esta casilla ha expirado por falta de uso", "suspend", "hard",
	  EV(PHRASE), "esta casilla ha expirado por falta de uso" },
	{ 0, NULL, NULL, NONE, "Tiempo de entrega vencido", "expired", "soft", EV(PHRASE),
	  "tiempo de entrega vencido" },
	{ 0, NULL, NULL, NONE, "El usuario bob no se encuentra en el Directorio de Domino",
	  "userunknown", "hard", EV(PHRASE), "no se encuentra en el directorio de domino" },
	/* English from other MTAs: Domino, Coremail, GMX, Exim, Exchange */
	{ 0, "5.0.0", NULL, NONE, "User bob (bob@example.com) not listed in Domino Directory",
	  "userunknown", "hard", EV(PHRASE), "not listed in domino directory" },
	{ 550, NULL, "RCPT", NONE, "Mailbox unavailable or access denied: unavailable mail user",
	  "userunknown", "hard", EV(PHRASE), "unavailable mail user" },
	{ 550, "5.1.1", "RCPT", NONE, "<bob@example.com>... User is unknown", "userunknown", "hard",
	  EV(ENHANCED), NULL },
	{ 550, NULL, "RCPT", NONE, "User has too many messages on the server.", "mailboxfull",
	  "soft", EV(PHRASE), "has too many messages on" },
	{ 550, NULL, "RCPT", NONE, "Administrative prohibition", "policyviolation", "soft",
	  EV(PHRASE), "administrative prohibition" },
	{ 451, NULL, "RCPT", NONE, "Temporary local problem - please try later", "systemerror",
	  "soft", EV(PHRASE), "temporary local problem - please try later" },
	{ 554, "5.2.0", NULL, NONE, "STOREDRV.Submission.Exception:SendAsDeniedException."
	  "MapiExceptionSendAsDenied; Failed to process message due to a permanent exception",
	  "rejected", "soft", EV(PHRASE), "sendasdenied" },
	{ 550, "5.2.0", "DATA", NONE, "Email size exceeded the policy", "mesgtoobig", "soft",
	  EV(PHRASE), "email size exceeded the policy" },
	{ 421, NULL, "MAIL", NONE, "Max message per connection reached, closing transmission "
	  "channel", "ratelimited", "soft", EV(PHRASE), "max message per connection reached" },
	/* longer phrases beat "recipient address rejected" and "dns" */
	{ 550, NULL, "RCPT", NONE, "<bob@example.com>: Recipient address rejected: Account Closed",
	  "suspend", "hard", EV(PHRASE), "recipient address rejected: account closed" },
	{ 554, "5.7.1", "RCPT", NONE, "<bob@example.com>: Recipient address rejected: Recipient "
	  "address rejected for policy reasons", "policyviolation", "soft", EV(PHRASE),
	  "rejected for policy reasons" },
	{ 451, "4.4.0", NULL, NONE, "DNS resolving error", "networkerror", "soft", EV(PHRASE),
	  "dns resolving error" },
	/* a telling code still beats the text: 5.1.1 with Daum's "Inactive mbox" */
	{ 550, "5.1.1", "RCPT", NONE, "Inactive mbox", "userunknown", "hard", EV(ENHANCED), NULL },
	{ 550, NULL, "RCPT", NONE, "Inactive mbox", "suspend", "hard", EV(PHRASE),
	  "inactive mbox" },
};

static void verdict_of(const struct vcase *c, struct smtpcode_verdict *v, int *rc)
{
	struct smtpcode_enhanced_code e;
	size_t bad;

	if (c->enhanced)
		assert_int_equal(smtpcode_parse_enhanced(c->enhanced, &e, &bad), SMTPCODE_PARSE_OK);
	*rc = smtpcode_verdict_parts(c->basic, c->enhanced ? &e : NULL, c->enhanced ? 1 : 0,
	                             c->command, c->outcome, c->text, v);
}

/* The evidence points at the text: the phrase at its offset, any case. */
static void check_match(const struct vcase *c, const struct smtpcode_verdict *v)
{
	size_t k;

	if (!c->matched) {
		assert_null(v->matched);
		return;
	}
	assert_string_equal(v->matched, c->matched);
	assert_int_equal(v->length, strlen(c->matched));
	assert_true(v->offset + v->length <= strlen(c->text));
	for (k = 0; k < v->length; k++) {
		int a = (unsigned char)c->text[v->offset + k], b = (unsigned char)v->matched[k];
		assert_int_equal(a >= 'A' && a <= 'Z' ? a + 32 : a, b >= 'A' && b <= 'Z' ? b + 32 : b);
	}
}

static void check_case(const struct vcase *c)
{
	struct smtpcode_verdict v;
	int rc;

	verdict_of(c, &v, &rc);
	print_message("case: %d %s %s\n", c->basic, c->enhanced ? c->enhanced : "-", c->text);
	assert_string_equal(smtpcode_reason_name(v.reason), c->reason);
	if (c->bounce)
		assert_string_equal(smtpcode_bounce_name(v.bounce), c->bounce);
	else
		assert_null(smtpcode_bounce_name(v.bounce));
	assert_int_equal(v.evidence, c->evidence);
	assert_int_equal(rc, c->evidence == SMTPCODE_EVIDENCE_NONE ? -1 : 0);
	assert_int_equal(v.basic, c->basic);
	if (c->evidence == SMTPCODE_EVIDENCE_ENHANCED && c->enhanced) {
		char code[16];
		assert_string_equal(smtpcode_enhanced_text(&v.enhanced, code, sizeof code),
		                    c->enhanced);
	}
	check_match(c, &v);
}

static void check_all(const struct vcase *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		check_case(&c[i]);
}

#define CHECK_ALL(table) check_all(table, sizeof table / sizeof table[0])

static void verdict__every_case(void **state)
{
	(void)state;
	CHECK_ALL(cases);
}

static void verdict__provider_tags(void **state)
{
	(void)state;
	CHECK_ALL(provider_cases);
}

static void verdict__languages_and_mtas(void **state)
{
	(void)state;
	CHECK_ALL(language_cases);
}

/* Comcast's block codes, one tag each, in its reply's words. */
static void verdict__comcast_block_codes(void **state)
{
	static const char *const tags[] = { "BL000000", "BL000001", "BL000010", "BL000011",
		                            "BL000100", "BL000101", "BL000110" };
	struct smtpcode_verdict v;
	char text[160];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof tags / sizeof tags[0]; i++) {
		snprintf(text, sizeof text, "mx.example.net 192.0.2.1 found on one or more DNSBLs, "
		         "see http://postmaster.example.net/smtp-error-codes.php#%s", tags[i]);
		assert_int_equal(smtpcode_verdict_parts(554, NULL, 0, "CONNECT",
		                                        SMTPCODE_OUTCOME_NONE, text, &v), 0);
		assert_string_equal(smtpcode_reason_name(v.reason), "blocked");
		assert_int_equal(v.evidence, SMTPCODE_EVIDENCE_TAG);
		assert_string_equal(v.matched, tags[i]);
		assert_string_equal(v.provider, "Comcast (comcast.net)");
	}
}

/* Every reason but speeding (an alias no row uses) has a case. */
static void verdict__cases_cover_every_reason(void **state)
{
	size_t r, i;

	(void)state;
	for (r = 0; r < smtpcode_reason_count(); r++) {
		const char *name = smtpcode_reason_name(r);
		int found = strcmp(name, "speeding") == 0;
		for (i = 0; i < sizeof cases / sizeof cases[0] && !found; i++)
			found = strcmp(cases[i].reason, name) == 0;
		print_message("reason %s\n", name);
		assert_true(found);
	}
}

static void reasons__vocabulary(void **state)
{
	struct smtpcode_reason r;
	size_t i, n = smtpcode_reason_count();

	(void)state;
	assert_int_equal(n, 37);
	for (i = 0; i < n; i++) {
		size_t found = n;
		assert_int_equal(smtpcode_reason_at(i, &r), 0);
		assert_ptr_equal(r.name, smtpcode_reason_name(i));
		assert_int_equal(smtpcode_reason_find(r.name, &found), 0);
		assert_int_equal(found, i);
		assert_true(strlen(r.definition) > 20);
		if (i > 0)
			assert_true(strcmp(smtpcode_reason_name(i - 1), r.name) < 0);
	}
	assert_int_equal(smtpcode_reason_at(n, &r), -1);
	assert_null(smtpcode_reason_name(n));
	assert_int_equal(smtpcode_reason_find("UserUnknown", &i), -1);
	assert_int_equal(smtpcode_reason_find("userunknown", &i), 0);
	assert_int_equal(smtpcode_reason_at(i, &r), 0);
	assert_int_equal(r.bounce, SMTPCODE_BOUNCE_HARD);
	assert_string_equal(r.definition, "The local part of the recipient address does not "
	                    "exist at that domain.");
	assert_int_equal(smtpcode_reason_find("vacation", &i), 0);
	assert_int_equal(smtpcode_reason_at(i, &r), 0);
	assert_int_equal(r.bounce, SMTPCODE_BOUNCE_NONE);
}

static void names__bounce_and_evidence(void **state)
{
	(void)state;
	assert_string_equal(smtpcode_bounce_name(SMTPCODE_BOUNCE_HARD), "hard");
	assert_string_equal(smtpcode_bounce_name(SMTPCODE_BOUNCE_SOFT), "soft");
	assert_null(smtpcode_bounce_name(SMTPCODE_BOUNCE_NONE));
	assert_null(smtpcode_bounce_name((enum smtpcode_bounce)7));
	assert_null(smtpcode_evidence_name(SMTPCODE_EVIDENCE_NONE));
	assert_string_equal(smtpcode_evidence_name(SMTPCODE_EVIDENCE_TAG), "tag");
	assert_string_equal(smtpcode_evidence_name(SMTPCODE_EVIDENCE_ENHANCED), "enhanced");
	assert_string_equal(smtpcode_evidence_name(SMTPCODE_EVIDENCE_PHRASE), "phrase");
	assert_string_equal(smtpcode_evidence_name(SMTPCODE_EVIDENCE_OUTCOME), "outcome");
	assert_string_equal(smtpcode_evidence_name(SMTPCODE_EVIDENCE_BASIC), "basic");
	assert_string_equal(smtpcode_evidence_name(SMTPCODE_EVIDENCE_REPORT), "report");
	assert_null(smtpcode_evidence_name((enum smtpcode_evidence)9));
}

static int reason_is(const char *text, const char *name)
{
	struct smtpcode_verdict v;

	smtpcode_verdict_parts(0, NULL, 0, NULL, SMTPCODE_OUTCOME_NONE, text, &v);
	return strcmp(smtpcode_reason_name(v.reason), name) == 0;
}

/* Short phrases (spf, dkim, spam) only as whole words; the longest wins. */
static void phrases__words_and_longest(void **state)
{
	(void)state;
	assert_true(reason_is("SPF check failed", "authfailure"));
	assert_true(reason_is("spfx nodkim antispamd", "undefined"));
	assert_true(reason_is("domain not found", "hostunknown"));
	assert_true(reason_is("Sender address rejected: Domain not found", "rejected"));
	assert_true(reason_is("", "undefined"));
}

/* The matcher tests each key's first eight bytes (case folded, sliding
 * along the text) before the rest: keys longer and shorter than that, at
 * the start and the end of a text, texts shorter than eight bytes, and a
 * text that differs from a key only after its eighth byte. */
static void phrases__prefix_window(void **state)
{
	(void)state;
	assert_true(reason_is("ACCOUNT IS FULL", "mailboxfull"));
	assert_true(reason_is("Error: the account is full", "mailboxfull"));
	assert_true(reason_is("account is ful", "undefined"));
	assert_true(reason_is("account is fall", "undefined"));
	assert_true(reason_is("Re: Autoreply", "vacation"));
	assert_true(reason_is("autoreply", "vacation"));
	assert_true(reason_is("autorepl", "undefined"));
	assert_true(reason_is("SPF", "authfailure"));
	assert_true(reason_is("x SPF", "authfailure"));
	assert_true(reason_is("SP", "undefined"));
	assert_true(reason_is("8-bit data", "contenterror"));
}

/* Part of a new phrase, or a note-only tag, decides nothing. */
static void phrases__partial_text_does_not_decide(void **state)
{
	(void)state;
	assert_true(reason_is("smtp_skip_5xx_greeting = no", "undefined"));
	assert_true(reason_is("Tiempo de entrega: 2 dias", "undefined"));
	assert_true(reason_is("Die Nachricht im Anhang", "undefined"));
	assert_true(reason_is("메일의 크기", "undefined"));
	assert_true(reason_is("Administrative contact: hostmaster@example.com", "undefined"));
	assert_true(reason_is("Envelope-From: <a@example.com>", "undefined"));
	assert_true(reason_is("see RBL(BL)list", "undefined"));
	assert_true(reason_is("IP=192.0.2.1 (BL)", "blocked"));
}

/* The outer code decides before the inner, and the reply struct is read. */
static void verdict__from_a_reply(void **state)
{
	struct smtpcode_reply r;
	struct smtpcode_verdict v;

	(void)state;
	memset(&r, 0, sizeof r);
	r.basic = 550;
	r.enhanced_count = 2;
	r.enhanced[0].reply_class = 5, r.enhanced[0].subject = 0, r.enhanced[0].detail = 0;
	r.enhanced[1].reply_class = 4, r.enhanced[1].subject = 4, r.enhanced[1].detail = 7;
	r.command = "RCPT";
	strcpy(r.text, "Delivery failed");
	assert_int_equal(smtpcode_verdict(&r, &v), 0);
	assert_string_equal(smtpcode_reason_name(v.reason), "expired");
	assert_int_equal(v.evidence, SMTPCODE_EVIDENCE_ENHANCED);
	assert_int_equal(v.enhanced.detail, 7);
	assert_int_equal(v.bounce, SMTPCODE_BOUNCE_SOFT);
	assert_string_equal(v.command, "RCPT");
	/* 4.4.4 is a temporary DNS failure, 5.4.4 a domain that cannot be routed */
	r.enhanced_count = 1;
	r.enhanced[0].reply_class = 4, r.enhanced[0].subject = 4, r.enhanced[0].detail = 4;
	smtpcode_verdict(&r, &v);
	assert_string_equal(smtpcode_reason_name(v.reason), "networkerror");
	r.enhanced[0].reply_class = 5;
	smtpcode_verdict(&r, &v);
	assert_string_equal(smtpcode_reason_name(v.reason), "hostunknown");
	assert_int_equal(v.bounce, SMTPCODE_BOUNCE_HARD);
}

/* The report field comes first: whatever the codes and text say, a
 * feedback report is feedback and an auto-reply vacation, nothing failed. */
static void verdict__report_first(void **state)
{
	struct smtpcode_reply r;
	struct smtpcode_verdict v;

	(void)state;
	memset(&r, 0, sizeof r);
	r.basic = 550;
	r.enhanced_count = 1;
	r.enhanced[0].reply_class = 5, r.enhanced[0].subject = 1, r.enhanced[0].detail = 1;
	strcpy(r.text, "abuse [TSS04] mailbox full");
	r.report = SMTPCODE_REPORT_FEEDBACK;
	assert_int_equal(smtpcode_verdict(&r, &v), 0);
	assert_string_equal(smtpcode_reason_name(v.reason), "feedback");
	assert_int_equal(v.evidence, SMTPCODE_EVIDENCE_REPORT);
	assert_int_equal(v.bounce, SMTPCODE_BOUNCE_NONE);
	assert_null(v.matched);
	r.report = SMTPCODE_REPORT_AUTOREPLY;
	assert_int_equal(smtpcode_verdict(&r, &v), 0);
	assert_string_equal(smtpcode_reason_name(v.reason), "vacation");
	assert_int_equal(v.evidence, SMTPCODE_EVIDENCE_REPORT);
	assert_int_equal(v.bounce, SMTPCODE_BOUNCE_NONE);
	r.report = SMTPCODE_REPORT_NONE; /* the Yahoo tag decides */
	smtpcode_verdict(&r, &v);
	assert_string_equal(smtpcode_reason_name(v.reason), "badreputation");
}

/* A 2xx to a step before the end of the message delivered nothing; an
 * expired outcome is expired whatever the last try said. */
static void verdict__accepted_steps_and_expired(void **state)
{
	struct smtpcode_verdict v;
	size_t undefined, delivered, expired;
	struct smtpcode_enhanced_code e = { 5, 4, 4 };

	(void)state;
	assert_int_equal(smtpcode_reason_find("undefined", &undefined), 0);
	assert_int_equal(smtpcode_reason_find("delivered", &delivered), 0);
	assert_int_equal(smtpcode_reason_find("expired", &expired), 0);
	assert_int_equal(smtpcode_verdict_parts(250, NULL, 0, "RCPT", SMTPCODE_OUTCOME_NONE,
	                                        "2.1.5 Ok", &v), -1);
	assert_int_equal(v.reason, undefined);
	assert_int_equal(v.bounce, SMTPCODE_BOUNCE_NONE);
	assert_int_equal(smtpcode_verdict_parts(220, NULL, 0, "CONNECT", SMTPCODE_OUTCOME_NONE,
	                                        "mx.example.org ESMTP", &v), -1);
	assert_int_equal(smtpcode_verdict_parts(250, NULL, 0, "DATA", SMTPCODE_OUTCOME_NONE,
	                                        "2.0.0 Ok: queued as 4ABC", &v), 0);
	assert_int_equal(v.reason, delivered);
	assert_int_equal(smtpcode_verdict_parts(250, NULL, 0, "RCPT", SMTPCODE_OUTCOME_DELIVERED,
	                                        "Ok", &v), 0);
	assert_int_equal(v.reason, delivered);
	assert_int_equal(smtpcode_verdict_parts(0, &e, 1, NULL, SMTPCODE_OUTCOME_EXPIRED,
	                                        "connect to mx.example.net[192.0.2.150]:25: "
	                                        "Connection refused", &v), 0);
	assert_int_equal(v.reason, expired);
	assert_int_equal(v.evidence, SMTPCODE_EVIDENCE_OUTCOME);
}

/* A weak phrase (its note says so) decides only when no other matches. */
/* A reply of basic code b, enhanced code e ("5.1.1" or NULL), command c,
 * outcome o and direction d, for smtpcode_result. */
static struct smtpcode_reply result_reply(int b, const char *e, const char *c,
                                          enum smtpcode_outcome o, enum smtpcode_direction d)
{
	struct smtpcode_reply r;

	memset(&r, 0, sizeof r);
	r.basic = b;
	if (e) {
		assert_int_equal(smtpcode_parse_enhanced(e, &r.enhanced[0], NULL), 0);
		r.enhanced_count = 1;
	}
	r.command = c;
	r.outcome = o;
	r.direction = d;
	return r;
}

static void result__one_word(void **state)
{
	static const struct {
		int basic;
		const char *enhanced, *command;
		enum smtpcode_outcome outcome;
		enum smtpcode_direction direction;
		const char *result; /* NULL: none */
	} cases[] = {
		{ 250, "2.0.0", NULL, NONE, SMTPCODE_DIRECTION_UNKNOWN, "delivered" },
		{ 250, NULL, "DATA", NONE, SMTPCODE_DIRECTION_REMOTE, "delivered" },
		{ 250, NULL, "BDAT", NONE, SMTPCODE_DIRECTION_UNKNOWN, "delivered" },
		{ 0, "2.0.0", NULL, NONE, SMTPCODE_DIRECTION_UNKNOWN, "delivered" },
		{ 221, "2.0.0", NULL, NONE, SMTPCODE_DIRECTION_UNKNOWN, NULL }, /* closes */
		{ 250, "2.1.5", NULL, NONE, SMTPCODE_DIRECTION_UNKNOWN, NULL }, /* recipient ok */
		{ 0, "2.1.0", NULL, NONE, SMTPCODE_DIRECTION_UNKNOWN, NULL },   /* sender ok */
		{ 250, NULL, "RCPT", NONE, SMTPCODE_DIRECTION_UNKNOWN, NULL },
		{ 220, NULL, NULL, NONE, SMTPCODE_DIRECTION_UNKNOWN, NULL },
		{ 354, NULL, "DATA", NONE, SMTPCODE_DIRECTION_UNKNOWN, NULL },
		{ 550, "5.1.1", "RCPT", NONE, SMTPCODE_DIRECTION_REMOTE, "bounced" },
		{ 451, "4.7.1", NULL, NONE, SMTPCODE_DIRECTION_UNKNOWN, "deferred" },
		{ 554, "5.7.1", "RCPT", NONE, SMTPCODE_DIRECTION_LOCAL, "rejected" },
		{ 450, "4.7.1", "RCPT", NONE, SMTPCODE_DIRECTION_LOCAL, "rejected" },
		{ 0, "5.1.1", NULL, NONE, SMTPCODE_DIRECTION_UNKNOWN, "bounced" },
		{ 550, NULL, NULL, SMTPCODE_OUTCOME_DEFERRED, SMTPCODE_DIRECTION_REMOTE, "deferred" },
		{ 221, NULL, NULL, SMTPCODE_OUTCOME_DELIVERED, SMTPCODE_DIRECTION_UNKNOWN, "delivered" },
		{ 550, "5.1.1", "RCPT", SMTPCODE_OUTCOME_UNDELIVERABLE, SMTPCODE_DIRECTION_REMOTE,
		  "undeliverable" },
		{ 250, "2.1.5", NULL, SMTPCODE_OUTCOME_DELIVERABLE, SMTPCODE_DIRECTION_UNKNOWN,
		  "deliverable" },
		{ 550, "4.1.1", NULL, SMTPCODE_OUTCOME_SOFTBOUNCE, SMTPCODE_DIRECTION_REMOTE,
		  "softbounce" },
		{ 450, "4.7.1", "RCPT", SMTPCODE_OUTCOME_WARNING, SMTPCODE_DIRECTION_LOCAL, "warning" },
		{ 0, NULL, NULL, NONE, SMTPCODE_DIRECTION_UNKNOWN, NULL },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct smtpcode_reply r = result_reply(cases[i].basic, cases[i].enhanced,
		                                       cases[i].command, cases[i].outcome,
		                                       cases[i].direction);
		const char *got = smtpcode_result(&r);
		print_message("case %zu: %d %s\n", i, cases[i].basic,
		              cases[i].enhanced ? cases[i].enhanced : "-");
		if (cases[i].result)
			assert_string_equal(got, cases[i].result);
		else
			assert_null(got);
	}
}

/* A server's line of a client's own transcript: a 4xx or 5xx is the
 * refusal of that command ("rejected"), not a bounce; to a step before the
 * recipients (the greeting, HELO, EHLO, AUTH, STARTTLS, MAIL) it is no
 * bounce of either kind, to RCPT or DATA the class rule still gives one. A
 * log's or DSN's outcome still wins, and a 2xx is not a refusal. */
static void result__transcript_refusal_is_no_bounce(void **state)
{
	static const struct {
		int basic;
		const char *enhanced, *command;
		enum smtpcode_outcome outcome;
		const char *result;
		enum smtpcode_bounce bounce;
	} cases[] = {
		{ 535, "5.7.8", "AUTH", NONE, "rejected", SMTPCODE_BOUNCE_NONE },
		{ 454, "4.7.0", "AUTH", NONE, "rejected", SMTPCODE_BOUNCE_NONE },
		{ 554, "5.7.1", "CONNECT", NONE, "rejected", SMTPCODE_BOUNCE_NONE },
		{ 501, "5.5.2", "EHLO", NONE, "rejected", SMTPCODE_BOUNCE_NONE },
		{ 553, "5.1.8", "MAIL", NONE, "rejected", SMTPCODE_BOUNCE_NONE },
		{ 454, "4.7.0", "STARTTLS", NONE, "rejected", SMTPCODE_BOUNCE_NONE },
		{ 550, "5.1.1", "RCPT", NONE, "rejected", SMTPCODE_BOUNCE_HARD },
		{ 452, "4.2.2", "RCPT", NONE, "rejected", SMTPCODE_BOUNCE_SOFT },
		{ 554, "5.7.1", "DATA", NONE, "rejected", SMTPCODE_BOUNCE_SOFT },
		{ 535, "5.7.8", "AUTH", SMTPCODE_OUTCOME_DEFERRED, "deferred", SMTPCODE_BOUNCE_SOFT },
		{ 250, "2.0.0", "DATA", NONE, "delivered", SMTPCODE_BOUNCE_NONE },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct smtpcode_reply r = result_reply(cases[i].basic, cases[i].enhanced,
		                                       cases[i].command, cases[i].outcome,
		                                       SMTPCODE_DIRECTION_REMOTE);
		struct smtpcode_verdict v;
		print_message("case %zu: %d %s\n", i, cases[i].basic, cases[i].command);
		r.transcript = 1;
		assert_string_equal(smtpcode_result(&r), cases[i].result);
		smtpcode_verdict(&r, &v);
		assert_int_equal(v.bounce, cases[i].bounce);
		r.transcript = 0; /* the same reply quoted in a bounce's text */
		if (cases[i].basic / 100 == 5 && !cases[i].outcome)
			assert_string_equal(smtpcode_result(&r), "bounced");
	}
}

static void phrases__weak_only_alone(void **state)
{
	struct smtpcode_verdict v;
	size_t blocked, systemerror;

	(void)state;
	assert_int_equal(smtpcode_reason_find("blocked", &blocked), 0);
	assert_int_equal(smtpcode_reason_find("systemerror", &systemerror), 0);
	smtpcode_verdict_parts(554, NULL, 0, "RCPT", SMTPCODE_OUTCOME_NONE,
	                       "Service unavailable; Client host [192.0.2.80] blocked using "
	                       "zen.example.net", &v);
	assert_int_equal(v.reason, blocked);
	assert_string_equal(v.matched, "blocked using");
	smtpcode_verdict_parts(451, NULL, 0, "RCPT", SMTPCODE_OUTCOME_NONE,
	                       "Greylisted, please try again later", &v);
	assert_int_equal(v.reason, blocked);
	smtpcode_verdict_parts(554, NULL, 0, NULL, SMTPCODE_OUTCOME_NONE,
	                       "Service unavailable", &v);
	assert_int_equal(v.reason, systemerror);
	assert_string_equal(v.matched, "service unavailable");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(verdict__every_case),
		cmocka_unit_test(verdict__provider_tags),
		cmocka_unit_test(verdict__comcast_block_codes),
		cmocka_unit_test(verdict__languages_and_mtas),
		cmocka_unit_test(verdict__cases_cover_every_reason),
		cmocka_unit_test(reasons__vocabulary),
		cmocka_unit_test(names__bounce_and_evidence),
		cmocka_unit_test(phrases__words_and_longest),
		cmocka_unit_test(phrases__prefix_window),
		cmocka_unit_test(phrases__partial_text_does_not_decide),
		cmocka_unit_test(verdict__from_a_reply),
		cmocka_unit_test(verdict__report_first),
		cmocka_unit_test(verdict__accepted_steps_and_expired),
		cmocka_unit_test(phrases__weak_only_alone),
		cmocka_unit_test(result__one_word),
		cmocka_unit_test(result__transcript_refusal_is_no_bounce),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
