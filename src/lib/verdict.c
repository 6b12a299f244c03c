/* verdict.c - why a reply failed, and whether it is final (issue 14).
 *
 * The rules, first match wins (see smtpcode.h and man/smtpcode.3):
 *   0. an object that stands for a whole message (its report field): an
 *      ARF feedback report is feedback, an auto-reply vacation;
 *   1. a provider tag in the text (data/provider-tags.tsv);
 *   2. a 2xx reply or a 2.x.x code: delivered;
 *   3. the first enhanced code with a telling detail (data/reason-codes.tsv),
 *      unless the text says what the code's row lets it override (below);
 *   4. the longest phrase of data/reasons.tsv in the text;
 *   5. an expired outcome;
 *   6. the basic code with the command it answered; but where that names
 *      the mailbox (550 after RCPT: userunknown) and an enhanced code is a
 *      security or policy status (X.7.x, RFC 3463 3.8), securityerror, as
 *      Sisimai reads a 5.7.* Status ("550 5.7.1 Rejected by policy").
 * Then the bounce: the reason's default, never hard for a 4xx reply, a
 * 4.x.x code or a deferred outcome, and none for a 1xx or 3xx reply. */
#include "verdict.h"

#include <string.h>

/* Where the text beats a telling code: the readings the notes of
 * data/reason-codes.tsv give (5.1.1 with "too many recipients this hour"
 * is a rate limit, Microsoft's 5.1.10 an unknown user, ...). */
static const struct {
	int subject, detail;
	const char *reason;
} overrides[] = {
	{ 1, 1, "ratelimited" },      { 1, 10, "userunknown" },
	{ 2, 1, "ratelimited" },      { 3, 2, "ratelimited" },
	{ 4, 1, "userunknown" },      { 4, 6, "ratelimited" },      { 7, 2, "blocked" },
	{ 7, 5, "failedstarttls" },   { 7, 9, "authfailure" },
	{ 7, 9, "policyviolation" },  { 7, 13, "policyviolation" },
	{ 7, 23, "requireptr" },      { 7, 28, "badreputation" },
	{ 7, 28, "spamdetected" },    { 7, 29, "failedstarttls" },
	{ 7, 30, "authfailure" }
};

/* The basic code after a command, when nothing else told (step 6). A
 * NULL command matches any. */
static const struct {
	int lo, hi;
	const char *command, *reason;
} basics[] = {
	{ 500, 504, NULL, "syntaxerror" },     { 555, 555, NULL, "syntaxerror" },
	{ 521, 521, NULL, "notaccept" },       { 556, 556, NULL, "notaccept" },
	{ 530, 530, NULL, "securityerror" },   { 534, 535, NULL, "securityerror" },
	{ 538, 538, NULL, "failedstarttls" },  { 550, 550, "RCPT", "userunknown" },
	{ 553, 553, "RCPT", "userunknown" },   { 551, 551, "RCPT", "hasmoved" },
	{ 552, 552, "RCPT", "mailboxfull" },   { 552, 552, "DATA", "mesgtoobig" },
	{ 500, 599, "MAIL", "rejected" },      { 500, 599, "CONNECT", "blocked" },
	{ 500, 599, "EHLO", "blocked" },       { 500, 599, "HELO", "blocked" }
};

const char *smtpcode_evidence_name(enum smtpcode_evidence e)
{
	static const char *const names[] = { NULL, "tag", "enhanced", "phrase", "outcome",
		                             "basic", "report" };

	return (unsigned)e < sizeof names / sizeof names[0] ? names[e] : NULL;
}

static size_t reason_index(const char *name)
{
	size_t i = 0;

	smtpcode_reason_find(name, &i);
	return i;
}

/* Whether the text's reading phrase beats code c's reason. */
static int text_overrides(const struct smtpcode_enhanced_code *c, int phrase)
{
	size_t i;

	if (phrase < 0)
		return 0;
	for (i = 0; i < sizeof overrides / sizeof overrides[0]; i++)
		if (overrides[i].subject == c->subject && overrides[i].detail == c->detail &&
		    strcmp(overrides[i].reason, smtpcode_reason_name((size_t)phrase)) == 0)
			return 1;
	return 0;
}

static int basic_reason(int basic, const char *command)
{
	size_t i;

	for (i = 0; i < sizeof basics / sizeof basics[0]; i++)
		if (basic >= basics[i].lo && basic <= basics[i].hi &&
		    (!basics[i].command || (command && strcmp(command, basics[i].command) == 0)))
			return (int)reason_index(basics[i].reason);
	return -1;
}

/* Takes what the text said (a tag or phrase) as the evidence. */
static int from_text(const struct vd_hit *hit, enum smtpcode_evidence e,
                     struct smtpcode_verdict *out)
{
	out->evidence = e;
	out->matched = hit->matched;
	out->provider = hit->provider;
	out->offset = hit->m.offset, out->length = hit->m.length;
	return hit->reason;
}

/* Step 3 to 4: the telling code, or the phrase where the text wins. */
static int code_or_phrase(const struct smtpcode_enhanced_code *enhanced, size_t count,
                          const struct vd_hit *phrase, struct smtpcode_verdict *out)
{
	size_t which = 0;
	int code = vd_code_reason(enhanced, count, &which);

	if (code >= 0 && !text_overrides(&enhanced[which], phrase->reason)) {
		out->evidence = SMTPCODE_EVIDENCE_ENHANCED;
		out->enhanced = enhanced[which];
		/* X.4.4 with class 4 is a temporary DNS failure (the row's note). */
		if (enhanced[which].reply_class == 4 && enhanced[which].subject == 4 &&
		    enhanced[which].detail == 4)
			return (int)reason_index("networkerror");
		return code;
	}
	if (phrase->reason < 0)
		return -1;
	return from_text(phrase, SMTPCODE_EVIDENCE_PHRASE, out);
}

/* Nonzero if a 2xx reply (or a 2.x.x code alone) delivered the message:
 * it answered the end of the data (DATA, BDAT), or, with no command known,
 * it is a 250 (or has no basic code) whose enhanced code is no address
 * status: 221 only closes (RFC 5321 4.2.2), 2.1.x says a sender or
 * recipient is valid (RFC 3463 3.2), and neither delivers anything. */
static int delivers(int basic, const struct smtpcode_enhanced_code *enhanced, size_t count,
                    const char *command)
{
	if (command)
		return strcmp(command, "DATA") == 0 || strcmp(command, "BDAT") == 0;
	if (basic && basic != 250)
		return 0;
	return !(count && enhanced[0].subject == 1);
}

/* Nonzero for a 2xx or 3xx reply to a step of the session before the end
 * of the message (the greeting, EHLO, MAIL, RCPT, QUIT, ...), or a 2xx
 * that delivers nothing (above): accepted, but nothing was delivered by it. */
static int accepted_step(int basic, const struct smtpcode_enhanced_code *enhanced,
                         size_t count, const char *command)
{
	if (basic / 100 == 2 || (!basic && count && enhanced[0].reply_class == 2))
		return !delivers(basic, enhanced, count, command);
	return basic / 100 == 3 && command && strcmp(command, "DATA") != 0 &&
	       strcmp(command, "BDAT") != 0;
}

const char *smtpcode_result(const struct smtpcode_reply *r)
{
	const char *o = smtpcode_outcome_name(r->outcome);
	int cls = r->basic ? r->basic / 100 : r->enhanced_count ? r->enhanced[0].reply_class : 0;

	if (o)
		return o;
	if ((cls == 4 || cls == 5) && (r->direction == SMTPCODE_DIRECTION_LOCAL || r->transcript))
		return "rejected"; /* our own server refused a client, or a server
		                    * refused the command of a transcript's client */
	if (cls == 2)
		return delivers(r->basic, r->enhanced, r->enhanced_count, r->command) ? "delivered"
		                                                                      : NULL;
	return cls == 5 ? "bounced" : cls == 4 ? "deferred" : NULL;
}

/* Nonzero if command comes before the message's recipients: a refusal of
 * it is about the client or its sender, never a recipient's bounce. */
static int session_step(const char *command)
{
	static const char *const steps[] = { "CONNECT", "HELO", "EHLO", "AUTH", "STARTTLS",
		                             "MAIL" };
	size_t i;

	for (i = 0; command && i < sizeof steps / sizeof steps[0]; i++)
		if (strcmp(command, steps[i]) == 0)
			return 1;
	return 0;
}

/* Nonzero if reason (an index, or -1) is one step 6 reads from a basic
 * code after RCPT: about the recipient's mailbox. */
static int mailbox_reason(int reason)
{
	static const char *const names[] = { "userunknown", "hasmoved", "mailboxfull" };
	size_t i;

	for (i = 0; reason >= 0 && i < sizeof names / sizeof names[0]; i++)
		if (reason == (int)reason_index(names[i]))
			return 1;
	return 0;
}

/* Step 6's exception: a security or policy status (subject 7) that no row
 * of data/reason-codes.tsv reads (5.7.0, 5.7.1: servers send them for
 * almost any refusal) says the refusal is no mailbox's ("550 5.7.1
 * Rejected by policy" after RCPT is no unknown user): securityerror, with
 * the code as evidence. Else reason, the basic code's. */
static int security_status(const struct smtpcode_enhanced_code *enhanced, size_t count,
                           int reason, struct smtpcode_verdict *out)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (enhanced[i].subject == 7 && enhanced[i].reply_class != 2) {
			out->evidence = SMTPCODE_EVIDENCE_ENHANCED;
			out->enhanced = enhanced[i];
			return (int)reason_index("securityerror");
		}
	return reason;
}

static int decide(int basic, const struct smtpcode_enhanced_code *enhanced, size_t count,
                  enum smtpcode_outcome outcome, const char *text,
                  struct smtpcode_verdict *out)
{
	struct vd_hit phrase, tag;
	int reason;

	vd_text(text, strlen(text), &phrase, &tag);
	if (tag.reason >= 0)
		return from_text(&tag, SMTPCODE_EVIDENCE_TAG, out);
	if (outcome == SMTPCODE_OUTCOME_DELIVERABLE)
		return -1; /* a probe found the address good: nothing failed, nothing sent */
	if (outcome != SMTPCODE_OUTCOME_DELIVERED && accepted_step(basic, enhanced, count, out->command))
		return -1; /* a 2xx to EHLO, MAIL, RCPT...: nothing delivered yet */
	if (basic / 100 == 2 || (count && enhanced[0].reply_class == 2) ||
	    outcome == SMTPCODE_OUTCOME_DELIVERED) {
		out->evidence = basic / 100 == 2 || !count ? SMTPCODE_EVIDENCE_BASIC
		                                           : SMTPCODE_EVIDENCE_ENHANCED;
		out->enhanced = count ? enhanced[0] : out->enhanced;
		return (int)reason_index("delivered");
	}
	if (outcome == SMTPCODE_OUTCOME_EXPIRED) { /* given up, whatever the last try said */
		out->evidence = SMTPCODE_EVIDENCE_OUTCOME;
		return (int)reason_index("expired");
	}
	if ((reason = code_or_phrase(enhanced, count, &phrase, out)) >= 0)
		return reason;
	out->evidence = SMTPCODE_EVIDENCE_BASIC;
	reason = basic_reason(basic, out->command);
	return mailbox_reason(reason) ? security_status(enhanced, count, reason, out) : reason;
}

/* The class rule: a temporary failure is never hard. A SOFTBOUNCE's first
 * enhanced code is Postfix's own 4.x.x (bounce.c turns a bounce's 5 into
 * 4 when soft_bounce=yes), so only its basic code counts. Nothing failed
 * where a probe found the address deliverable or a refusal was only
 * logged (warn_if_reject). */
static enum smtpcode_bounce bounce_of(size_t reason, int basic,
                                      const struct smtpcode_enhanced_code *enhanced,
                                      size_t count, enum smtpcode_outcome outcome)
{
	enum smtpcode_bounce b = vd_bounce(reason);
	int soft_class = outcome != SMTPCODE_OUTCOME_SOFTBOUNCE && count &&
	                 enhanced[0].reply_class == 4;

	if (basic / 100 == 1 || basic / 100 == 2 || basic / 100 == 3 ||
	    outcome == SMTPCODE_OUTCOME_DELIVERABLE || outcome == SMTPCODE_OUTCOME_WARNING)
		return SMTPCODE_BOUNCE_NONE; /* a success or an intermediate reply */
	if (b == SMTPCODE_BOUNCE_HARD &&
	    (basic / 100 == 4 || soft_class || outcome == SMTPCODE_OUTCOME_DEFERRED))
		b = SMTPCODE_BOUNCE_SOFT;
	return b;
}

int smtpcode_verdict_parts(int basic, const struct smtpcode_enhanced_code *enhanced,
                           size_t count, const char *command, enum smtpcode_outcome outcome,
                           const char *text, struct smtpcode_verdict *out)
{
	int reason;

	memset(out, 0, sizeof *out);
	out->basic = basic;
	out->command = command;
	reason = decide(basic, enhanced, count, outcome, text ? text : "", out);
	if (reason < 0) {
		out->evidence = SMTPCODE_EVIDENCE_NONE;
		out->reason = reason_index("undefined");
	} else {
		out->reason = (size_t)reason;
	}
	out->bounce = bounce_of(out->reason, basic, enhanced, count, outcome);
	return reason < 0 ? -1 : 0;
}

int smtpcode_verdict(const struct smtpcode_reply *r, struct smtpcode_verdict *out)
{
	if (r->report == SMTPCODE_REPORT_FEEDBACK || r->report == SMTPCODE_REPORT_AUTOREPLY) {
		memset(out, 0, sizeof *out);
		out->evidence = SMTPCODE_EVIDENCE_REPORT;
		out->reason = reason_index(r->report == SMTPCODE_REPORT_FEEDBACK ? "feedback"
		                                                                 : "vacation");
		out->bounce = SMTPCODE_BOUNCE_NONE;
		return 0;
	}
	int rc = smtpcode_verdict_parts(r->basic, r->enhanced, r->enhanced_count, r->command,
	                                r->outcome, r->text, out);

	if (r->transcript && r->outcome == SMTPCODE_OUTCOME_NONE && session_step(r->command))
		out->bounce = SMTPCODE_BOUNCE_NONE; /* refused before any recipient */
	return rc;
}
