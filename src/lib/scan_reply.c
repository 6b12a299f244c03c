/* scan_reply.c - reply detection, after the normalising passes: replies
 * at a line's start ("550 5.1.1 ...", "550-..." continued), after a
 * transcript's server prefix, inside log and NDR lines after a lead-in
 * ("said: 550", found by scan_text.c), log records that carry only "dsn=",
 * and connection failures with no reply. Builds each reply and hands it to
 * the callback. */
#include "scan.h"
#include "scan_fast.h"

#include <string.h>

/* ---- Emitting a reply (its parts are built in scan_build.c) ------------- */

/* Codes quoted inside the text: Exchange's "#4.4.1", and replies such as
 * "responded with: \"421 4.4.2 ...\"" or a flattened "550-5.1.1". */
static void inner_codes(struct smtpcode_reply *r)
{
	struct smtpcode_enhanced_code c;
	const char *p;
	size_t len;
	char sep;

	for (p = r->text; (p = strpbrk(p, "#12345")) != NULL; p++) { /* where one may start */
		if (p > r->text && !scan_starts_code(p[-1]))
			continue;
		if ((*p == '#' && smtpcode__enhanced_at(p + 1, &c, &len) == SCAN_TOKEN_ENHANCED &&
		     c.subject <= 7) || /* qmail's "[#4.16.1]" is no status */
		    (scan_code_at(p, &sep) && sep &&
		     smtpcode__enhanced_at(p + 4, &c, &len) == SCAN_TOKEN_ENHANCED))
			smtpcode__add_enhanced(r, &c);
	}
}

/* Completes a reply and hands it on: the command its text names, the text
 * without "(in reply to ... command)", the codes quoted inside, the
 * warnings. A DSN group's text names no command. */
/* Drops the ')' that ends text without opening in it: the parenthesis a
 * log put around the reply ("status=sent (250 2.0.0 Ok: queued as X)"). */
static void drop_closing_paren(char *text)
{
	size_t n = strlen(text), i;
	int depth = 0;

	if (n == 0 || text[n - 1] != ')')
		return;
	for (i = 0; i + 1 < n; i++)
		depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
	if (depth <= 0)
		text[n - 1] = '\0';
}

/* smtpcode__emit, for a reply whose text is known (fast, SCAN_FAST_* bits:
 * the fast path's, of one line) to hold no command marker or no code: the
 * searches that would find none are skipped. */
static void emit_known(struct scan *s, struct smtpcode_reply *r, int dsn, unsigned fast)
{
	char *cut;
	size_t i;

	if (!r->command && !dsn && !(fast & SCAN_FAST_NO_COMMAND))
		r->command = smtpcode__command_in(&s->formats, r->text);
	if (!(fast & SCAN_FAST_NO_TEXT_END) &&
	    (cut = (char *)smtpcode__text_end(&s->formats, r->text, 0)) != NULL) {
		while (cut > r->text && cut[-1] == ' ')
			cut--;
		*cut = '\0';
	}
	if (!(fast & SCAN_FAST_NO_JOIN))
		smtpcode__drop_joins(&s->formats, r);
	if (!(fast & SCAN_FAST_PLAIN))
		smtpcode__drop_prefixes(r);
	if (!(fast & SCAN_FAST_PAREN_KNOWN))
		drop_closing_paren(r->text);
	else if (fast & SCAN_FAST_PAREN_DROP)
		r->text[strlen(r->text) - 1] = '\0';
	if (!(fast & SCAN_FAST_PLAIN))
		inner_codes(r);
	if (fast & SCAN_FAST_CODES) {
		s->who.context_ok = 0; /* as smtpcode__who_finish leaves it */
	} else {
		smtpcode__check_reply(r);
		smtpcode__who_finish(s, r, dsn);
	}
	if ((fast & SCAN_FAST_CODES) && r->outcome != SMTPCODE_OUTCOME_NONE && !s->twin.count) {
		/* a log record's reply (it has an outcome) is never held back,
		 * and none waits before it (scan_twin.c): given at once */
		s->emit(r, s->arg);
		s->retold = 0;
	} else {
		smtpcode__twin_emit(s, r, dsn);
	}
	for (i = 0; i < s->inner_count; i++) {
		struct smtpcode_reply *q = &s->inner[i];
		q->outcome = r->outcome;
		memcpy(q->recipient, r->recipient, sizeof q->recipient);
		memcpy(q->remote_host, r->remote_host, sizeof q->remote_host);
		q->direction = r->direction;
		smtpcode__check_reply(q);
		smtpcode__twin_emit_after(s, q);
	}
	s->inner_count = 0;
}

void smtpcode__emit(struct scan *s, struct smtpcode_reply *r, int dsn)
{
	emit_known(s, r, dsn, 0);
}

void smtpcode__flush_pending(struct scan *s)
{
	/* the fast path's bits hold while no other line joined its reply */
	unsigned fast = s->reply.last_line == s->reply.first_line ? s->fast_reply : 0;

	s->fast_reply = 0;
	s->json_member = 0;
	if (s->pending) {
		s->pending = 0;
		s->multiline = 0;
		emit_known(s, &s->reply, 0, fast);
	}
}

/* ---- Reply lines and transcripts ----------------------------------------- */

/* The number of blanks at the start of line. */
static size_t indentation(const char *line)
{
	return (size_t)(scan_skip_spaces(line) - line);
}

/* Nonzero if text ends inside a text-end marker's parentheses: "(in reply
 * to RCPT TO" or "(in reply to" with no ")" after. */
static int ends_unclosed(const struct scan_index *ix, const char *text)
{
	const char *open = strrchr(text, '(');
	char buf[48];
	size_t n;

	if (!open || strchr(open, ')'))
		return 0;
	n = strlen(open);
	if (n > sizeof buf - 2)
		n = sizeof buf - 2;
	memcpy(buf, open, n);
	buf[n] = ' ';
	buf[n + 1] = '\0';
	return smtpcode__text_end(ix, buf, 0) == buf;
}

/* A client line sent command c: the next reply not yet given answers it. */
static void sent_command(struct scan *s, const char *c)
{
	s->after_quit = 0;
	s->client_command = c;
	if (s->sent_count < sizeof s->sent / sizeof s->sent[0])
		s->sent[s->sent_count++] = c;
}

/* A client line of a transcript: remember the command it sent. */
static void client_line(struct scan *s, const char *cmd)
{
	char word[16];
	size_t n = 0;
	const char *c;

	s->after_quit = 0;
	while (cmd[n] && cmd[n] != ' ' && cmd[n] != '\\' && cmd[n] != '\'' && n < sizeof word - 1)
		word[n] = cmd[n], n++; /* smtplib: 'rset\r\n' */
	word[n] = '\0';
	c = smtpcode__client_word(&s->formats, word);
	if (!c)
		c = smtpcode_command_canonical(word);
	if (c)
		sent_command(s, c), smtpcode__who_sent(s, cmd, c);
}

/* In a transcript, a reply answers the oldest command not yet answered (or,
 * with none, the last: AUTH's exchanges); one before any command, or after
 * the reply to QUIT, is a greeting. */
static void transcript_command(struct scan *s, struct smtpcode_reply *r)
{
	r->command = s->client_command;
	if (s->sent_count > 0) {
		r->command = s->sent[0];
		smtpcode__who_answer(s, r);
		memmove(s->sent, s->sent + 1, --s->sent_count * sizeof s->sent[0]);
	}
	if (!r->command || s->after_quit ||
	    (r->basic == 220 && strcmp(r->command, "STARTTLS") != 0)) {
		/* 220 answers only the connection and STARTTLS: curl's session
		 * after msmtp's, which ended without QUIT */
		r->command = "CONNECT";
		s->client_command = NULL;
		s->sent_count = 0;
	}
	s->after_quit = strcmp(r->command, "QUIT") == 0;
	if (s->after_quit)
		s->raw_session = 0;
	s->in_data = r->basic == 354 && s->raw_session;
}

/* An unprefixed client line of a raw session (telnet, nc): "." counts only
 * once the session showed a command. Returns nonzero if line was one. */
static int raw_client_line(struct scan *s, const char *line)
{
	const char *c = smtpcode__raw_client(&s->formats, line);

	if (!c || (line[0] == '.' && !s->raw_session))
		return 0;
	smtpcode__flush_pending(s);
	s->raw_session = 1;
	sent_command(s, c);
	smtpcode__who_sent(s, line, c);
	return 1;
}

/* Nonzero if a reply at a text line's start answers a transcript's command:
 * in a raw session, and a greeting ("220 ...") outside one. */
static int raw_reply(const struct scan *s, const struct scan_line *l, const char *body, int code)
{
	return l->kind == SCAN_LINE_TEXT && (s->raw_session || code == 220) &&
	       body == scan_skip_spaces(l->start);
}

/* The width of a line (line[n]) that ends a sentence ("... No such
 * mailbox."), else 0: a wrapper that filled its lines would not have broken
 * it there when the next word fits (see continues_reply). */
size_t smtpcode__sentence_width(const char *line, size_t n)
{
	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	return n > 0 && (line[n - 1] == '.' || line[n - 1] == '!' || line[n - 1] == '?') ? n : 0;
}

/* Adds a reply's line to the open reply, or opens one: multi-line replies
 * ("550-5.7.1 ...") stay open until their last line. code_ptr points at the
 * code in line; a reply it opens gets the line's outcome (the caller's
 * when it read it, else read here). The caller closes the reply. */
static void reply_part(struct scan *s, const char *line, const char *code_ptr, int code,
                       char sep, int transcript, const enum smtpcode_outcome *outcome,
                       struct scan_record *rec)
{
	const char *from = rec ? rec->text : line; /* where the lookups read */
	struct smtpcode_reply *r = &s->reply;
	const char *text = sep == ' ' || sep == '-' || !sep ? code_ptr + (sep ? 4 : 3)
	                                                    : smtpcode__punct_text(code_ptr);
	size_t n;
	char quote;

	if (!text) { /* punctuation and no enhanced code after a lead-in: "421, , " */
		for (text = code_ptr + 3; *text && strchr(",:;) ", *text); text++)
			;
		text += smtpcode__lead_in_at(&s->formats, text); /* Zoho's label again */
	}
	if (sep == ' ' && strncmp(text, code_ptr, 4) == 0)
		text += 4; /* the code written twice: Zimbra's "571 571 Sender ..." */
	if (!s->pending) {
		smtpcode__reply_start(r, s->line);
		s->inner_count = 0;
		r->basic = code;
		r->transcript = transcript;
		if (transcript)
			transcript_command(s, r);
		r->outcome = outcome ? *outcome : smtpcode__outcome_in(&s->formats, line);
		s->pending = 1;
		s->pending_server = transcript;
		s->pending_inline = 0;
		s->reply_indent = indentation(line);
		if (s->after_lines > 0)
			r->command = s->after_command;
		s->after_lines = 0;
		if (!rec)
			smtpcode__who_open(s, r, line, code_ptr, transcript);
		else if (!rec->codes_only)
			smtpcode__who_record(s, r, rec);
	} else if (code != r->basic) {
		smtpcode__add_warning(r, SMTPCODE_WARN_CONTINUATION_MISMATCH);
		r->basic = code; /* the last line's code stands, as clients read it */
	}
	/* the command even with codes only: a reply without one takes Yahoo's
	 * "[RCPT_TO]" line after it (continues_reply) */
	if (!r->command && rec)
		r->command = smtpcode__command_seen(&s->formats, from, &rec->command_seen);
	else if (!r->command)
		r->command = smtpcode__command_in(&s->formats, from);
	if (!r->command)
		r->command = smtpcode__command_span(&s->formats, from);
	r->last_line = s->line;
	s->multiline = sep == '-' && !smtpcode__banner_end(text, code);
	s->unclosed = ends_unclosed(&s->formats, text);
	n = smtpcode__reply_text_len(&s->formats, line, code_ptr, text);
	if (s->unclosed) /* keep "(in reply to end": the next line ends it, emit cuts it */
		n = strlen(text);
	s->closed = (quote = smtpcode__opening_quote(line, code_ptr)) != 0 &&
	            smtpcode__closing_quote(text, quote) != NULL;
	smtpcode__reply_text(r, text, n);
	if (rec)
		rec->text_end = text + n;
	if (!(rec && rec->plain)) /* a plain text quotes no reply */
		smtpcode__quoted_replies(s, text, n, s->line);
	s->sentence_end = smtpcode__sentence_width(line, strlen(line));
}

/* A log record with "dsn=" and no reply in it: a reply without a code. */
static void record_without_reply(struct scan *s, const char *line)
{
	struct smtpcode_reply *r = &s->reply;
	const char *why;
	size_t n;

	smtpcode__reply_start(r, s->line);
	r->command = smtpcode__command_in(&s->formats, line);
	smtpcode__who_open(s, r, line, NULL, 0);
	s->pending = 1;
	if ((why = smtpcode__record_text(&s->formats, line, &n)) != NULL)
		smtpcode__append_text(r, why, n);
}

/* Exim's bounce body: "SMTP error from remote mail server after RCPT
 * TO:<a>:" ends a line, and the reply comes one or two lines later
 * ("host mx.example.org [192.0.2.9]:" between). */
static void after_lead_in_line(struct scan *s, const char *line)
{
	const char *before;

	if (smtpcode__colon_lead_in(&s->formats, line)) {
		s->after_command = smtpcode__command_in(&s->formats, line);
		s->after_lines = 3; /* this line, and two more */
		smtpcode__who_lead_in(s, line);
	} else if ((before = smtpcode__command_before(&s->formats, line)) != NULL) {
		s->after_command = before;
		s->after_lines = 2; /* this line, and the next */
		smtpcode__who_lead_in(s, line);
	}
}

/* Nonzero if the reply at p, found inside a line, holds its own last line
 * after a blank: its code and a blank ("said: 550-5.1.1 The email account
 * ... 550-5.1.1 double-checking ... 550 5.1.1 https://..."; Postfix's
 * smtp(8) logs a multi-line reply flattened so). No later line goes on
 * with it: the next record's "550-" is a reply of its own. */
static int holds_last_line(const char *p, int code)
{
	const char *q;
	char sep = 0;

	for (q = p + 4; (q = strchr(q, ' ')) != NULL; q++)
		if (scan_code_at(q + 1, &sep) == code && sep == ' ')
			return 1;
	return 0;
}

/* The outcome and the "dsn=" field's enhanced code of a log record's reply. */
static void record_end(struct scan *s, enum smtpcode_outcome outcome, const char *dsn)
{
	s->reply.outcome = outcome;
	if (dsn) {
		struct smtpcode_enhanced_code c;
		size_t len;
		if (smtpcode__enhanced_at(dsn, &c, &len) == SCAN_TOKEN_ENHANCED)
			smtpcode__add_enhanced(&s->reply, &c);
	}
}

/* A reply found inside a log or NDR line, its code at p. With rec (the
 * fast path's record, scan_fast.c), what stands before the reply's text is
 * known to hold no marker: the lookups read from rec->text, and who comes
 * from the record's fields. */
void smtpcode__inline_reply(struct scan *s, const char *line, const char *p, int code, char sep,
                            enum smtpcode_outcome outcome, const char *dsn,
                            struct scan_record *rec)
{
	size_t mark;

	reply_part(s, line, p, code, sep, 0, &outcome, rec);
	s->pending_inline = 1;
	if (!rec) { /* a record's fields hold no " #", no column, no "(reason: " */
		smtpcode__status_first(s, &s->reply, line, p);
		if (smtpcode__in_column(line, p) || (s->retold && line[strlen(line) - 1] == ')'))
			s->reply_indent = (size_t)-1; /* a table's cell, Sendmail's "(reason:
			                               * ...)": no line continues it */
	}
	/* Exim's "550-...\n550 ..." and Postfix's "550-5.1.1 ... 550 5.1.1
	 * ..." hold their last line already, unless a quoted string goes on
	 * ("'535-5.7.8 ...\n' +": nodemailer) */
	s->multiline = s->multiline &&
	               (!smtpcode__join_in(&s->formats, p, &mark) || smtpcode__concat_end(line)) &&
	               !holds_last_line(p, code);
	/* one JSON line, several events: a reply in a string after the
	 * closing quote of the last one ([{..."reason":"550 ..."},{...}]) */
	while (s->closed && smtpcode__opening_quote(line, p) == '"' &&
	       (p = smtpcode__closing_quote(p, '"')) != NULL && (p[1] == ',' || p[1] == '}') &&
	       (p = smtpcode__find_embedded(&s->formats, line = p + 1, 0, &code, &sep)) != NULL) {
		smtpcode__flush_pending(s);
		reply_part(s, line, p, code, sep, 0, &outcome, NULL);
		s->pending_inline = 1;
	}
	record_end(s, outcome, dsn);
}

/* A log or NDR line that may hold a reply somewhere inside. */
static void other_line(struct scan *s, const char *line)
{
	enum smtpcode_outcome outcome = smtpcode__outcome_in(&s->formats, line);
	const char *p, *dsn = smtpcode__enhanced_field(&s->formats, line);
	int code;
	char sep = ' ';

	s->outcomes[outcome]++;
	p = smtpcode__find_embedded(&s->formats, line, s->after_lines > 0, &code, &sep);
	if (!p && !dsn) {
		if (!smtpcode__enhanced_first(s, line) && !smtpcode__status_tag_line(s, line) &&
		    !smtpcode__json_code(s, line) &&
		    !smtpcode__connection_line(s, line, outcome)) {
			smtpcode__who_context(s, line);
			after_lead_in_line(s, line);
		}
		return;
	}
	if (p)
		smtpcode__inline_reply(s, line, p, code, sep, outcome, dsn, NULL);
	else
		record_without_reply(s, line), record_end(s, outcome, dsn);
}

/* Nonzero if a line at the open reply's own indentation starts a sentence
 * of its own: the reply's last line ended one, this line starts with a
 * capital, and its first word would have fitted on that line within 66
 * columns (a mail client's "550: 5.1.1 ... No such mailbox." then "Please
 * check the message recipient ..."; Postfix and mail clients wrap at 72 to
 * 79, so a wrapped line is longer). */
static int starts_own_sentence(const struct scan *s, const char *body)
{
	size_t word = strcspn(body, " \t");

	return s->sentence_end && body[0] >= 'A' && body[0] <= 'Z' &&
	       s->sentence_end + 1 + word <= 66;
}

/* Nonzero if body holds a reply of its own after a lead-in ("... reason:
 * 550 5.2.0 ..." under the line of another recipient): no continuation. */
static int own_lead_in(const struct scan *s, const char *body)
{
	int code;
	char sep;
	const char *p = smtpcode__find_embedded(&s->formats, body, 0, &code, &sep);

	return p && p > body && sep != '-' && smtpcode__after_lead_in(&s->formats, body, p, NULL);
}

/* Nonzero if line is an EHLO keyword and its parameters ("SIZE 52428800",
 * "AUTH=PLAIN LOGIN"; RFC 5321 4.1.1.1): capitals, digits, '-', then a blank, '=' or the end. */
static int ehlo_keywords(const char *line)
{
	size_t n = 0;

	while ((line[n] >= 'A' && line[n] <= 'Z') || scan_is_digit(line[n]) ||
	       (n > 0 && line[n] == '-'))
		n++;
	return n >= 3 && n <= 20 && (!line[n] || line[n] == ' ' || line[n] == '=');
}

/* A line of text that continues the reply to EHLO of a server line after
 * a log prefix with a keyword and no code or prefix (go-mail's log: "C <--
 * S: 250 mx.example.net", then "PIPELINING", "SIZE 52428800"): joined to
 * it; nonzero if line was one. Not after curl's or a raw session's server
 * line, where such a line is typed ("> STARTTLS"). */
static int ehlo_line(struct scan *s, const struct scan_line *l)
{
	const struct smtpcode_reply *r = &s->reply;

	if (!s->pending || !s->pending_server || !s->server_logged || r->basic != 250 ||
	    !r->command || strcmp(r->command, "EHLO") != 0 || l->kind != SCAN_LINE_TEXT ||
	    !ehlo_keywords(l->start) || strchr(l->start, ':'))
		return 0;
	smtpcode__append_text(&s->reply, l->start, l->len);
	s->reply.last_line = s->line;
	return 1;
}

/* Nonzero if a line of text continues the open reply: an indented line
 * (Postfix wraps a bounce's text with four blanks), and, where a paste lost
 * the indentation, a line after a reply found inside a line that ended
 * with its code ("said: 550"), or after "(in reply to" that is not closed. */
static int continues_reply(const struct scan *s, const struct scan_line *l, const char *body)
{
	const struct smtpcode_reply *r = &s->reply;
	int code;
	char sep;

	if (!s->pending || l->kind != SCAN_LINE_TEXT || !body[0] || s->closed || l->pid ||
	    smtpcode__field_line(body) || smtpcode__frame_line(body) ||
	    smtpcode__stamp_end(l->text)) /* a syslog record of its own, even after
	                                   * one cut inside "(in reply to" */
		return 0;
	if (body[0] == '[' && !r->command && smtpcode__command_in(&s->formats, body))
		return 1; /* Yahoo's "[RCPT_TO]" on the line after the reply */
	if (l->indented) /* unless it is the next recipient's: "<u@a>: 552 ...", or
	                  * the next exception's: "\tcom.x.InvalidRecipientException:
	                  * RCPT failed: ...: 571 571 ..." */
		return indentation(l->start) >= s->reply_indent &&
		       !(indentation(l->start) == s->reply_indent && starts_own_sentence(s, body)) &&
		       !(body[0] == '<' && (smtpcode__find_embedded(&s->formats, body, 0, &code, &sep) ||
		                            smtpcode__connection_failure(&s->formats, body, 0))) &&
		       !(smtpcode__find_embedded(&s->formats, body, 0, &code, &sep) &&
		         smtpcode__command_in(&s->formats, body)) &&
		       !own_lead_in(s, body);
	return (s->pending_inline && !r->text[0] && !r->enhanced_count) || s->unclosed;
}

/* Nonzero if line is a raw session's message content: after the 354
 * reply to DATA, up to the lone "." (which ends it, as a line of another
 * kind does). */
static int content_line(struct scan *s, const struct scan_line *l)
{
	if (s->in_data && l->kind == SCAN_LINE_TEXT && strcmp(l->start, ".") != 0)
		return 1;
	s->in_data = 0;
	return 0;
}

/* Adds a line of text that goes on with the open reply (a member of its
 * JSON object, a wrapped line); returns nonzero if it took the line. */
static int continued(struct scan *s, const struct scan_line *l, const char *body)
{
	if (s->pending && s->json_member && l->kind == SCAN_LINE_TEXT &&
	    smtpcode__json_member(s, body))
		return 1;
	if (!continues_reply(s, l, body))
		return 0;
	if (s->reply.text[0] || s->reply.enhanced_count)
		smtpcode__append_text(&s->reply, body, strlen(body));
	else /* "said: 421" ended the line: "4.7.0 ..." goes on */
		smtpcode__reply_text(&s->reply, body, strlen(body));
	smtpcode__quoted_replies(s, body, strlen(body), s->line);
	s->reply.last_line = s->line;
	s->unclosed = ends_unclosed(&s->formats, body);
	s->sentence_end = smtpcode__sentence_width(l->start, strlen(l->start));
	return 1;
}

/* Reply detection on a line that the passes prepared and no DSN group
 * took. */
void smtpcode__reply_line(struct scan *s, const struct scan_line *l)
{
	const char *body;
	int code;
	char sep;

	if (s->after_lines > 0)
		s->after_lines--;
	if (content_line(s, l))
		return;
	if (s->pending && l->kind == SCAN_LINE_TEXT && smtpcode__echo(&s->formats, l->start)) {
		s->reply.last_line = s->line;
		return;
	}
	if (l->kind == SCAN_LINE_SESSION || l->kind == SCAN_LINE_CLIENT) {
		smtpcode__flush_pending(s);
		if (l->kind == SCAN_LINE_SESSION)
			s->client_command = NULL, s->sent_count = 0,
			smtpcode__who_session(s, l->start);
		else /* Sendmail -v prefixes only the client's lines */
			client_line(s, l->start), s->raw_session = s->client_command != NULL;
		return;
	}
	if (ehlo_line(s, l) ||
	    (l->kind == SCAN_LINE_TEXT && raw_client_line(s, scan_skip_spaces(l->start))))
		return;
	body = scan_skip_spaces(l->start);
	if (body[0] == '#') /* Exchange: "#550 5.1.1 ... ##" */
		body++;
	if (l->kind == SCAN_LINE_SERVER) /* the server's lines are prefixed too */
		s->raw_session = 0, s->server_logged = l->logged;
	if ((code = scan_code_at(body, &sep)) == 0)
		code = smtpcode__colon_code(body, &sep); /* "554: delivery error: ..." */
	if (code && (l->kind == SCAN_LINE_SERVER || sep != '\0' || body == l->start)) {
		/* A finished reply is closed by the next one; "550-" keeps it open. */
		if (s->pending && !s->multiline)
			smtpcode__flush_pending(s);
		reply_part(s, l->start, body, code, sep,
		           l->kind == SCAN_LINE_SERVER || raw_reply(s, l, body, code), NULL, NULL);
		return;
	}
	if (continued(s, l, body))
		return;
	if (s->pending && s->multiline && s->pending_inline && l->kind == SCAN_LINE_TEXT) {
		/* msmtp's "server message: 535-5.7.8 ..." lines, one reply */
		const char *p = smtpcode__find_embedded(&s->formats, l->start, 0, &code, &sep);
		if (p && code == s->reply.basic) {
			reply_part(s, l->start, p, code, sep, 0, NULL, NULL);
			return;
		}
	}
	smtpcode__flush_pending(s);
	if (l->kind == SCAN_LINE_TEXT && l->start[0])
		other_line(s, l->start);
}
