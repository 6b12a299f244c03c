/* scan_who.c - who a reply is about: its recipient, the remote host and
 * who answered (our server, or a remote one). The markers are rows of the
 * format tables (roles SCAN_RECIPIENT, SCAN_HOST, SCAN_HOST_LINE and
 * SCAN_DIRECTION in scan_formats.c); this file reads what follows them,
 * remembers what the lines before a reply said (a bounce's address line,
 * Exim's "host ..." line, a transcript's RCPT TO), and gives it to the
 * reply that follows within a few lines. */
#include "scan.h"
#include "scan_fast.h"
#include "scan_pairs.h"

#include <string.h>

/* How many lines after it a context line still names a reply's recipient
 * or host: an address line ("<u@a>:", "  u@a") and a host line reach the
 * reply two or three lines below (Exim's bounce: address, host, "SMTP
 * error ... after RCPT TO:<u@a>:", reply); a marker line ("Your message to
 * u@a couldn't be delivered") a reply further down the same notice. */
enum {
	WHO_ADDRESS_LINES = 8,
	WHO_MARKER_LINES = 40,
	WHO_HOST_LINES = 8,
	WHO_DIRECTION_LINES = 3
};

static void copy_field(char *dst, const char *src, size_t n)
{
	if (n >= SCAN_ADDRESS)
		n = SCAN_ADDRESS - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static int ascii_equal_nocase(const char *a, const char *b)
{
	while (*a && scx_lower((unsigned char)*a) == scx_lower((unsigned char)*b))
		a++, b++;
	return *a == *b;
}

/* Nonzero if c ends a host's name: the end, a blank, or one of ",;()\"'<>". */
static int host_end(char c)
{
	switch (c) {
	case '\0': case ' ': case '\t': case ',': case ';': case '(': case ')': case '"': case '\'':
	case '<': case '>':
		return 1;
	default:
		return 0;
	}
}

/* The remote host at p, as written: "mx.example.net[192.0.2.1]", Exim's
 * and Sendmail's "mx.example.net [192.0.2.9]" (name, blank, bracketed
 * address), "[192.0.2.1]" after Exim's "(helo)", without a port after
 * "]" ("relay=mx[192.0.2.1]:25") or a final ':' (or '.' at the line's
 * end). Nonzero if one was copied to out (SCAN_ADDRESS bytes): it holds a
 * dot, a '[' or a ':' ("relay=none" and "relay=local" are no host). */
int smtpcode__host_at(const char *p, char *out)
{
	const char *s = scan_skip_spaces(p), *e, *b;
	size_t n;

	if (*s == '"') /* OpenSMTPD's relay="mx.example.org (192.0.2.71)" */
		s++;
	if (*s == '(') { /* Exim's "H=(helo) [192.0.2.1]" */
		const char *close = strchr(s, ')');
		if (!close || close[1] != ' ' || close[2] != '[')
			return 0;
		s = close + 2;
	}
	for (e = s; !host_end(*e); e++)
		if (*e == ']') {
			e++;
			break;
		}
	n = (size_t)(e - s);
	if (n > 0 && s[n - 1] != ']' && e[0] == ' ' && e[1] == '[' &&
	    (b = strchr(e + 1, ']')) != NULL && !memchr(e + 1, ' ', (size_t)(b - e))) {
		e = b + 1;
		n = (size_t)(e - s);
	}
	while (n > 0 && (s[n - 1] == ':' || (s[n - 1] == '.' && (!s[n] || s[n] == ':'))))
		n--;
	if (n == 0 || (!memchr(s, '.', n) && !memchr(s, '[', n) && !memchr(s, ':', n)) ||
	    !(scan_is_digit(s[0]) || s[0] == '[' || (scx_lower((unsigned char)s[0]) >= 'a' &&
	                                             scx_lower((unsigned char)s[0]) <= 'z')))
		return 0;
	copy_field(out, s, n);
	return 1;
}

/* Nonzero if line is an address line of a bounce: after blanks, an address
 * (bracketed or bare) that ends the line or is followed by ':', "...",
 * " (" or " on " (qmail's "<u@a>:", Sendmail's "<u@a>", Exim's "  u@a",
 * Exchange's "u@a (u@a)" and "u@a on 4/14/2026"); copied to out. */
static int address_line(const char *line, char *out)
{
	const char *p = scan_skip_spaces(line);
	size_t n = smtpcode__address_at(p, out, SCAN_ADDRESS);

	if (n == 0)
		return 0;
	p += n;
	if (*p == ':')
		p++;
	p = scan_skip_spaces(p);
	return *p == '\0' || *p == '(' || strncmp(p, "...", 3) == 0 || strncmp(p, "on ", 3) == 0;
}

/* ---- The lookups of the rows ------------------------------------------ */

/* Nonzero if a marker found at p in line stands at a word's start: a
 * marker starting with a letter must not follow a letter, digit, '_', '-'
 * or '.' ("orig_to=" is not "to="). */
static int word_start(const char *line, const char *p, const struct scan_marker *m)
{
	unsigned char c;

	if (p == line || scx_lower((unsigned char)m->marker[0]) < 'a' ||
	    scx_lower((unsigned char)m->marker[0]) > 'z')
		return 1;
	c = (unsigned char)scx_lower((unsigned char)p[-1]);
	return !(c >= 'a' && c <= 'z') && !scan_is_digit(c) && c != '_' && c != '-' && c != '.';
}

typedef int value_reader(const char *p, char *out);

/* Reads, with read, the value after the first marker of role in line
 * (in the formats' order) that has one, to out (SCAN_ADDRESS bytes).
 * Nonzero if one was read. */
static int value_after(const struct scan_index *ix, enum scan_role role, const char *line,
                       value_reader *read, char *out)
{
	const struct scan_pairs *pp = scan_covering(ix, line);

	EACH_HELD(ix, pp, role, m) {
		const char *p = scan_find_held(pp, line, *m);
		while (p && !word_start(line, p, *m))
			p = strstr(p + 1, (*m)->marker);
		if (p && read(p + (*m)->len, out))
			return 1;
	}
	return 0;
}

static value_reader address_after;

/* The recipient of a JSON event whose reply's code is at code: the value of
 * the last recipient member ("email": ...) before it in line, to out, as an
 * event names its recipient before its reply (SendGrid's, SES's events in
 * one array: [{"email":"a",..."reason":"550 ..."},{"email":"b","event":
 * "open"},{"email":"c",..."reason":"552 ..."}] gives c, not b). Nonzero if
 * one was read. */
static int json_recipient_before(const struct scan_index *ix, const char *line, const char *code,
                                 char *out)
{
	const char *best = NULL, *best_end = NULL;
	const struct scan_pairs *pp;

	if (code <= line || !memchr(line, '"', (size_t)(code - line)))
		return 0; /* no member before the code: most lines */
	pp = scan_covering(ix, line);
	EACH_HELD(ix, pp, SCAN_RECIPIENT, m) {
		const char *p = line;
		if ((*m)->marker[0] != '"')
			continue;
		while ((p = strstr(p, (*m)->marker)) != NULL && p < code) {
			if (!best || p > best)
				best = p, best_end = p + (*m)->len;
			p++;
		}
	}
	return best && best_end < code && address_after(best_end, out);
}

/* The recipient's address after a SCAN_RECIPIENT marker, to out. */
int smtpcode__recipient_in(const struct scan_index *ix, const char *line, char *out)
{
	return value_after(ix, SCAN_RECIPIENT, line, address_after, out);
}

/* The remote host after a SCAN_HOST marker, to out. */
int smtpcode__host_in(const struct scan_index *ix, const char *line, char *out)
{
	return value_after(ix, SCAN_HOST, line, smtpcode__host_at, out);
}

/* Where the host starts on a line that starts (after blanks) with a
 * SCAN_HOST_LINE marker. */
const char *smtpcode__host_line(const struct scan_index *ix, const char *line)
{
	line = scan_skip_spaces(line);
	EACH(ix, SCAN_HOST_LINE, m)
		if (line[0] == (*m)->marker[0] && strncmp(line, (*m)->marker, (*m)->len) == 0)
			return line + (*m)->len;
	return NULL;
}

/* The direction the SCAN_DIRECTION markers in line give: local when one
 * of a refusal's is there (it may quote a remote reply's words), else the
 * first found. */
enum smtpcode_direction smtpcode__direction_in(const struct scan_index *ix, const char *line)
{
	const struct scan_pairs *pp = scan_covering(ix, line);
	enum smtpcode_direction d = SMTPCODE_DIRECTION_UNKNOWN;

	EACH_HELD(ix, pp, SCAN_DIRECTION, m)
		if ((d == SMTPCODE_DIRECTION_UNKNOWN || (*m)->direction == SMTPCODE_DIRECTION_LOCAL) &&
		    scan_find_held(pp, line, *m)) {
			d = (*m)->direction;
			if (d == SMTPCODE_DIRECTION_LOCAL)
				break;
		}
	return d;
}

/* ---- Context ---------------------------------------------------------------- */

/* A line of text that opened no reply: what it says of the replies that
 * follow (an address line, a marker that names the recipient, a host
 * line). Lines without '@' name no recipient: most lines are read no
 * further. */
static int leading_address(const char *line, char *out);

void smtpcode__who_context(struct scan *s, const char *line)
{
	struct scan_who *w = &s->who;
	enum smtpcode_direction d;
	const char *p;

	if (strchr(line, '@')) {
		/* "<u@a>: host mx[ip] said:" with the reply on the next line */
		char lead[SCAN_ADDRESS];
		if (address_line(line, w->address))
			w->address_until = s->line + WHO_ADDRESS_LINES;
		else if (leading_address(line, lead)) {
			memcpy(w->address, lead, sizeof lead);
			w->address_until = s->line + WHO_ADDRESS_LINES;
		}
		else if (smtpcode__recipient_in(&s->formats, line, w->address))
			w->address_until = s->line + WHO_MARKER_LINES;
	}
	if (((p = smtpcode__host_line(&s->formats, line)) != NULL && smtpcode__host_at(p, w->host)) ||
	    smtpcode__host_in(&s->formats, line, w->host))
		w->host_until = s->line + WHO_HOST_LINES;
	if ((d = smtpcode__direction_in(&s->formats, line)) != SMTPCODE_DIRECTION_UNKNOWN) {
		w->direction = d;
		w->direction_until = s->line + WHO_DIRECTION_LINES;
	}
}

/* A line whose lead-in ends it (Exim's "SMTP error from remote mail server
 * after RCPT TO:<u@a>:"): its direction holds for the reply below. */
void smtpcode__who_lead_in(struct scan *s, const char *line)
{
	enum smtpcode_direction d = smtpcode__direction_in(&s->formats, line);

	if (d != SMTPCODE_DIRECTION_UNKNOWN) {
		s->who.direction = d;
		s->who.direction_until = s->line + WHO_DIRECTION_LINES;
	}
}

/* A transcript's new session: "=== Connected to mx.example.net." names the
 * server of the replies that follow. */
void smtpcode__who_session(struct scan *s, const char *line)
{
	const char *p = smtpcode__host_line(&s->formats, line);

	if (p)
		smtpcode__host_at(p, s->who.session_host);
	s->who.txn_accepted = 0;
	s->who.address_until = 0; /* an address line before it is about no reply in it */
}

/* A transcript's client line sent command (just added to s->sent): RCPT's
 * address goes beside it; MAIL and RSET start a new transaction. */
void smtpcode__who_sent(struct scan *s, const char *line, const char *command)
{
	struct scan_who *w = &s->who;
	char *slot;
	const char *colon;

	if (strcmp(command, "MAIL") == 0 || strcmp(command, "RSET") == 0)
		w->txn_accepted = 0;
	if (s->sent_count == 0 || s->sent[s->sent_count - 1] != command)
		return;
	slot = w->sent_rcpt[s->sent_count - 1];
	slot[0] = '\0';
	if (strcmp(command, "RCPT") == 0 && (colon = strchr(line, ':')) != NULL)
		smtpcode__address_at(scan_skip_spaces(colon + 1), slot, SCAN_ADDRESS);
}

/* A transcript's reply r answers s->sent[0], about to be taken from the
 * list: RCPT's reply is about its address, and the replies to DATA are
 * about the transaction's recipient when one RCPT was accepted. */
void smtpcode__who_answer(struct scan *s, struct smtpcode_reply *r)
{
	struct scan_who *w = &s->who;

	if (s->sent_count == 0)
		return;
	if (strcmp(s->sent[0], "RCPT") == 0) {
		copy_field(r->recipient, w->sent_rcpt[0], strlen(w->sent_rcpt[0]));
		if (r->basic / 100 == 2 && r->recipient[0]) {
			if (w->txn_accepted++ == 0)
				copy_field(w->txn_rcpt, r->recipient, strlen(r->recipient));
		}
	} else if (strcmp(s->sent[0], "DATA") == 0 && w->txn_accepted == 1) {
		copy_field(r->recipient, w->txn_rcpt, strlen(w->txn_rcpt));
	}
	memmove(w->sent_rcpt, w->sent_rcpt + 1, (s->sent_count - 1) * sizeof w->sent_rcpt[0]);
}

/* Nonzero if line starts (after blanks) with the address a bounce gives
 * before its reply: Postfix's "<u@a>: host ... said: 550", "<u@a>: 550
 * ...", OpenSMTPD's "u@a: 550 ...", Sendmail's "<u@a>... Deferred: 452
 * ...";
 * copied to out. */
static int leading_address(const char *line, char *out)
{
	const char *p = scan_skip_spaces(line);
	size_t n = smtpcode__address_at(p, out, SCAN_ADDRESS);

	if (n && (p[n] == ':' || strncmp(p + n, "...", 3) == 0))
		return 1;
	out[0] = '\0';
	return 0;
}

/* The address after a SCAN_RECIPIENT marker at p, to out: the word there
 * or, when that is a local part alone, the "<u@a>" after it (Exim's "=>
 * dave <dave@example.org>"); after a marker ending in ':', the string
 * value of a JSON member. */
static int address_after(const char *p, char *out)
{
	const char *q;

	if (p[-1] == ':') { /* a JSON member: "email": "u@a" */
		p = scan_skip_spaces(p);
		p += *p == '"';
	}
	q = p;

	if (smtpcode__address_at(p, out, SCAN_ADDRESS))
		return 1;
	while (*q && *q != ' ')
		q++;
	return q[0] == ' ' && q[1] == '<' && smtpcode__address_at(q + 1, out, SCAN_ADDRESS);
}

/* Nonzero if a SCAN_RETOLD marker ends right before the code at code:
 * a transcript further down tells the reply again. */
static int retold_after(const struct scan_index *ix, const char *line, const char *code)
{
	const struct scan_pairs *pp = scan_covering(ix, line);

	EACH_HELD(ix, pp, SCAN_RETOLD, m) {
		const char *p = scan_find_held(pp, line, *m);
		if (p && p + (*m)->len == code)
			return 1;
	}
	return 0;
}

/* A reply opens on line (the line as the passes left it; its code at
 * code, or NULL): what the line and the lines just before it say of it (a
 * line that starts with the reply has nothing to say: its rows are not
 * searched). A transcript's server line is a
 * remote server's answer (the transcript is a client's), its host the
 * session's. */
void smtpcode__who_open(struct scan *s, struct smtpcode_reply *r, const char *line,
                        const char *code, int transcript)
{
	struct scan_who *w = &s->who;

	s->retold = !transcript && code && code > line && retold_after(&s->formats, line, code);
	if (transcript) {
		r->direction = SMTPCODE_DIRECTION_REMOTE;
		copy_field(r->remote_host, w->session_host, strlen(w->session_host));
		return;
	}
	w->context_ok = s->line <= w->address_until;
	if (code && code == scan_skip_spaces(line)) { /* nothing stands before it */
		if (s->line <= w->direction_until)
			r->direction = w->direction;
		if (s->line <= w->host_until)
			copy_field(r->remote_host, w->host, strlen(w->host));
		return;
	}
	r->direction = smtpcode__direction_in(&s->formats, line);
	if (r->direction == SMTPCODE_DIRECTION_UNKNOWN && s->line <= w->direction_until)
		r->direction = w->direction;
	if (!r->recipient[0] && strchr(line, '@') && !leading_address(line, r->recipient) &&
	    !(code && json_recipient_before(&s->formats, line, code, r->recipient)))
		smtpcode__recipient_in(&s->formats, line, r->recipient);
	if (!smtpcode__host_in(&s->formats, line, r->remote_host) && s->line <= w->host_until)
		copy_field(r->remote_host, w->host, strlen(w->host));
}

/* The fast path's record (scan_fast.c): as smtpcode__who_open reads its
 * line, the recipient and host from its fields, and the direction remote
 * (its lead-in says so) unless the reply's text holds a refusal's marker. */
void smtpcode__who_record(struct scan *s, struct smtpcode_reply *r, const struct scan_record *rec)
{
	const struct scan_pairs *pp = scan_covering(&s->formats, rec->text);

	s->who.context_ok = s->line <= s->who.address_until;
	r->direction = SMTPCODE_DIRECTION_REMOTE;
	EACH(&s->formats, SCAN_DIRECTION, m) /* as smtpcode__direction_in: a refusal's wins */
		if ((*m)->direction == SMTPCODE_DIRECTION_LOCAL && !scan_lacks_first(pp, *m) &&
		    scan_find_row(pp, rec->text, *m)) {
			r->direction = SMTPCODE_DIRECTION_LOCAL;
			break;
		}
	memcpy(r->recipient, rec->recipient, sizeof r->recipient);
	memcpy(r->remote_host, rec->host, sizeof r->remote_host);
}

/* A DSN group's field: the recipient (Final-Recipient, else
 * Original-Recipient, else X-Actual-Recipient: "rfc822; u@a") and the
 * remote host (Remote-MTA: "dns; mx.example.net"). */
void smtpcode__who_dsn_field(struct scan *s, enum dsn_field f, const char *value)
{
	struct smtpcode_reply *r = &s->dsn.reply;
	const char *semi = strchr(value, ';');
	const char *v = semi ? scan_skip_spaces(semi + 1) : value;
	int rank = f == DSN_FINAL_RECIPIENT ? 3 : f == DSN_ORIGINAL_RECIPIENT ? 2 : 1;

	if (f == DSN_REMOTE_MTA) {
		smtpcode__host_at(v, r->remote_host);
		return;
	}
	if (f != DSN_FINAL_RECIPIENT && f != DSN_ORIGINAL_RECIPIENT && f != DSN_X_ACTUAL_RECIPIENT)
		return;
	if (r->recipient[0] && s->who.dsn_rank >= rank)
		return;
	if (smtpcode__address_at(v, r->recipient, sizeof r->recipient))
		s->who.dsn_rank = rank;
}

/* Nonzero if the words at p, up to the end of their clause (at most 48
 * bytes), name the sender: "<s@a>: Sender address rejected", "<s@a>...
 * Domain of sender address s@a does not exist". */
static int sender_follows(const char *p)
{
	size_t i;

	for (i = 0; i < 48 && p[i] && p[i] != ';' && p[i] != '('; i++)
		if (scx_lower((unsigned char)p[i]) == 's' && scan_starts_with(p + i, "sender"))
			return 1;
	return 0;
}

/* Nonzero if the word just before p names an id: "Message-ID: <...>",
 * "id=<...>", "msgid <...>". */
static int id_before(const char *text, const char *p)
{
	size_t n = (size_t)(p - text);

	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == ':' || text[n - 1] == '='))
		n--;
	return n >= 2 && scx_lower((unsigned char)text[n - 2]) == 'i' &&
	       scx_lower((unsigned char)text[n - 1]) == 'd';
}

/* Nonzero if the words just before p (its clause, at most 48 bytes) are
 * about a mailbox: "user", "account", "mailbox" or "recipient". */
static int mailbox_before(const char *text, const char *p)
{
	static const char *const words[] = { "user", "account", "mailbox", "recipient" };
	const char *from = p - text > 48 ? p - 48 : text, *q;
	size_t i;

	for (q = p; q > from && q[-1] != '.' && q[-1] != ';' && q[-1] != ':'; q--)
		;
	for (; q < p; q++)
		for (i = 0; i < sizeof words / sizeof words[0]; i++)
			if (scx_lower((unsigned char)*q) == words[i][0] && scan_starts_with(q, words[i]))
				return 1;
	return 0;
}

/* The address at p (n bytes long, copied to out) is a sender's when " to "
 * and another address follow it ("451 4.7.1 <s@a> to <r@a> greylisted",
 * greylistd's "... deliver mail from <s@a> to <r@a>"): the other one, the
 * recipient, goes to out. Returns the length of what was read at p (n
 * when no second address follows). */
static size_t to_address(const char *p, size_t n, char *out, size_t size)
{
	size_t m;

	if (!scan_starts_with(p + n, " to ") ||
	    (m = smtpcode__address_at(p + n + 4, out, size)) == 0)
		return n; /* out still holds the first one */
	return n + 4 + m;
}

/* The address inside a reply's text, when the reply answered no command
 * about the sender or the session: "<u@a>: Recipient address rejected",
 * "<u@a>... User unknown", a bare address as the text's first word, or
 * one alone in parentheses ("... account (u@a) [0]").
 * Not the sender's ("<s@a>: Sender address rejected"), not a Message-ID. */
static void text_address(struct smtpcode_reply *r)
{
	static const char *const not_about[] = { "MAIL", "HELO", "EHLO", "CONNECT",
		                                 "AUTH", "STARTTLS", "QUIT" };
	const char *p;
	size_t i, n;

	for (i = 0; r->command && i < sizeof not_about / sizeof not_about[0]; i++)
		if (strcmp(r->command, not_about[i]) == 0)
			return;
	n = smtpcode__address_at(r->text, r->recipient, sizeof r->recipient);
	n = n ? to_address(r->text, n, r->recipient, sizeof r->recipient) : 0;
	if (n && !sender_follows(r->text + n))
		return;
	r->recipient[0] = '\0';
	for (p = r->text; (p = strchr(p, '<')) != NULL; p++) {
		n = smtpcode__address_at(p, r->recipient, sizeof r->recipient);
		n = n ? to_address(p, n, r->recipient, sizeof r->recipient) : 0;
		if (n && !id_before(r->text, p) && !sender_follows(p + n))
			return;
	}
	/* an address alone in parentheses after words about the mailbox:
	 * Yahoo's "This user doesn't have a yahoo.com account (u@a) [0]" (a
	 * contact's, "write to (postmaster@a)", is no recipient) */
	for (p = r->text; (p = strchr(p, '(')) != NULL; p++) {
		n = smtpcode__address_at(p + 1, r->recipient, sizeof r->recipient);
		if (n && p[1 + n] == ')' && mailbox_before(r->text, p))
			return;
	}
	r->recipient[0] = '\0';
}

/* A reply is complete: the address in its text when its line named no
 * recipient, else an address line's just before it; a DSN group's direction (a Diagnostic-Code of type smtp is a
 * remote server's reply) and its span. */
void smtpcode__who_finish(struct scan *s, struct smtpcode_reply *r, int dsn)
{
	if (dsn) {
		if (scan_starts_with(s->dsn.diagnostic, "smtp;"))
			r->direction = SMTPCODE_DIRECTION_REMOTE;
		r->dsn_first_line = r->first_line;
		r->dsn_last_line = r->last_line;
		s->who.dsn_rank = 0;
	}
	if (!r->recipient[0])
		text_address(r);
	if (!dsn && !r->recipient[0] && s->who.context_ok)
		copy_field(r->recipient, s->who.address, strlen(s->who.address));
	if (s->who.quoted_line[0] || s->who.quoted_line[1]) /* a line hid one */
		smtpcode__quoted_restore(s, r);
	if (!dsn)
		s->who.context_ok = 0;
}

/* The recipient's address, compared without case (scan_twin.c). */
int smtpcode__same_address(const char *a, const char *b)
{
	return ascii_equal_nocase(a, b);
}
