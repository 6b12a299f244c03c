/* reply.c - find SMTP replies in text: bare and multi-line replies, DSN
 * fields, Postfix, Exim and Sendmail log lines, Exchange NDR text and SMTP
 * transcripts. No I/O and no allocation: the caller feeds lines. */
#include "smtpcode.h"
#include "strbuf.h"

#include <stdio.h>
#include <string.h>

/* ---- Small readers ------------------------------------------------------- */

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Nonzero if s starts with prefix, ignoring ASCII case. */
static int starts_with(const char *s, const char *prefix)
{
	while (*prefix && lower((unsigned char)*s) == lower((unsigned char)*prefix))
		s++, prefix++;
	return *prefix == '\0';
}

/* The first place where needle occurs in s, or NULL. The markers looked
 * for ("in reply to", "status=sent", "mail server after") are written by
 * software in one fixed case, so this is the C library's fast strstr. */
static const char *find(const char *s, const char *needle)
{
	return strstr(s, needle);
}

static const char *skip_spaces(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* A three-digit code from 100 to 599 at p, followed by ' ', '-' or the end
 * (stored in *sep); 0 if there is none. */
static int code_at(const char *p, char *sep)
{
	if (!is_digit(p[0]) || !is_digit(p[1]) || !is_digit(p[2]) || p[0] < '1' || p[0] > '5')
		return 0;
	if (p[3] != ' ' && p[3] != '-' && p[3] != '\0')
		return 0;
	*sep = p[3];
	return (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
}

enum token { TOKEN_NONE, TOKEN_ENHANCED, TOKEN_MALFORMED };

/*
 * Reads a token shaped like an enhanced code at p (digits and two dots,
 * ending at a space, ';', ',', ')', '>', quote or the end). A valid one goes
 * to *code; a malformed one (5.01.1, 6.1.1, 5.1.1000) is reported as such.
 * *len gets the token's length.
 */
static enum token enhanced_at(const char *p, struct smtpcode_enhanced_code *code, size_t *len)
{
	char tok[32];
	size_t n = 0, dots = 0;

	while ((is_digit(p[n]) || p[n] == '.') && n < sizeof tok - 1) {
		dots += p[n] == '.';
		n++;
	}
	if (n == 0 || dots != 2 || !is_digit(p[0]) || p[n - 1] == '.')
		return TOKEN_NONE;
	if (p[n] && !strchr(" \t;,)>'\"]", p[n]))
		return TOKEN_NONE;
	memcpy(tok, p, n);
	tok[n] = '\0';
	*len = n;
	return smtpcode_parse_enhanced(tok, code, NULL) == SMTPCODE_PARSE_OK ? TOKEN_ENHANCED
	                                                                      : TOKEN_MALFORMED;
}

/* ---- Building a reply ----------------------------------------------------- */

static int same_enhanced(const struct smtpcode_enhanced_code *a,
                         const struct smtpcode_enhanced_code *b)
{
	return a->reply_class == b->reply_class && a->subject == b->subject &&
	       a->detail == b->detail;
}

static void add_enhanced(struct smtpcode_reply *r, const struct smtpcode_enhanced_code *c)
{
	size_t i;

	for (i = 0; i < r->enhanced_count; i++)
		if (same_enhanced(&r->enhanced[i], c))
			return;
	if (r->enhanced_count < SMTPCODE_REPLY_ENHANCED_MAX)
		r->enhanced[r->enhanced_count++] = *c;
}

static void add_warning(struct smtpcode_reply *r, enum smtpcode_warning w)
{
	size_t i;

	for (i = 0; i < r->warning_count; i++)
		if (r->warnings[i] == w)
			return;
	if (r->warning_count < SMTPCODE_REPLY_WARNING_MAX)
		r->warnings[r->warning_count++] = w;
}

/* strlen(s), but at most n. */
static size_t bounded_len(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i])
		i++;
	return i;
}

static void append_text(struct smtpcode_reply *r, const char *text, size_t n)
{
	struct strbuf sb;

	n = bounded_len(text, n);
	while (n > 0 && (*text == ' ' || *text == '\t'))
		text++, n--;
	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	if (n == 0)
		return;
	sb.buf = r->text;
	sb.size = sizeof r->text;
	sb.len = sb.need = strlen(r->text);
	if (sb.len)
		scx_sb_putn(&sb, " ", 1);
	scx_sb_putn(&sb, text, n);
}

/*
 * Reads the text of a reply (after "550 " or "550-"): an enhanced code at
 * its start, inner codes written "#4.4.1" further on, and the words.
 */
static void read_reply_text(struct smtpcode_reply *r, const char *text, size_t n)
{
	struct smtpcode_enhanced_code c;
	const char *p = skip_spaces(text), *end = text + n;
	size_t len;

	switch (enhanced_at(p, &c, &len)) {
	case TOKEN_ENHANCED:
		if (r->enhanced_count == 0)
			r->direct = 1;
		add_enhanced(r, &c);
		p = skip_spaces(p + len);
		break;
	case TOKEN_MALFORMED:
		if (!r->malformed[0]) {
			memcpy(r->malformed, p, len < sizeof r->malformed ? len : sizeof r->malformed - 1);
			r->malformed[len < sizeof r->malformed ? len : sizeof r->malformed - 1] = '\0';
		}
		add_warning(r, SMTPCODE_WARN_MALFORMED_ENHANCED);
		break;
	case TOKEN_NONE:
		break;
	}
	if (p > end)
		p = end;
	append_text(r, p, (size_t)(end - p));
}

/* Adds the warnings that depend on the whole reply. */
static void check_reply(struct smtpcode_reply *r)
{
	struct smtpcode_meaning m;
	size_t first, n, i;
	int cls = r->basic / 100, pseudo = 1;

	if (r->basic == 0)
		return;
	if (cls == 3 && ((r->enhanced_count && r->direct) || r->malformed[0]))
		add_warning(r, SMTPCODE_WARN_ENHANCED_ON_3XX);
	else if (r->enhanced_count && r->direct && r->enhanced[0].reply_class != cls)
		add_warning(r, SMTPCODE_WARN_CLASS_MISMATCH);
	if (smtpcode_find(r->basic, &first, &n) < 0) {
		add_warning(r, SMTPCODE_WARN_UNDEFINED_CODE);
		return;
	}
	for (i = first; i < first + n; i++)
		if (smtpcode_meaning_at(i, &m) == 0 && m.status != SMTPCODE_STATUS_PSEUDO)
			pseudo = 0;
	if (pseudo)
		add_warning(r, SMTPCODE_WARN_PSEUDO_CODE);
}

static void start_reply(struct smtpcode_reply *r, unsigned long line)
{
	memset(r, 0, sizeof *r);
	r->first_line = r->last_line = line;
}

/* Nonzero if a code may start after character c: " ('\"#;:[<=". */
static int starts_code(char c)
{
	switch (c) {
	case ' ': case '(': case '\'': case '"': case '#': case ';': case ':': case '[':
	case '<': case '=':
		return 1;
	default:
		return 0;
	}
}

/* Codes quoted inside the text: Exchange's "#4.4.1", and replies such as
 * "responded with: \"421 4.4.2 ...\"" or a flattened "550-5.1.1". */
static void inner_codes(struct smtpcode_reply *r)
{
	struct smtpcode_enhanced_code c;
	const char *p;
	size_t len;
	char sep;

	for (p = r->text; *p; p++) {
		if ((*p != '#' && (*p < '1' || *p > '5')) || (p > r->text && !starts_code(p[-1])))
			continue;
		if ((*p == '#' && enhanced_at(p + 1, &c, &len) == TOKEN_ENHANCED) ||
		    (code_at(p, &sep) && sep && enhanced_at(p + 4, &c, &len) == TOKEN_ENHANCED))
			add_enhanced(r, &c);
	}
}

/* Removes Exim's "\n550-5.7.1 " joins of a multi-line reply from the text. */
static void drop_exim_joins(struct smtpcode_reply *r)
{
	char *p, sep;

	while ((p = strstr(r->text, "\\n")) != NULL) {
		size_t skip = 2;
		if (code_at(p + 2, &sep) && sep) {
			struct smtpcode_enhanced_code c;
			size_t len;
			skip = 6;
			if (enhanced_at(p + 6, &c, &len) != TOKEN_NONE)
				skip += len + (p[6 + len] == ' ');
		}
		p[0] = ' ';
		memmove(p + 1, p + skip, strlen(p + skip) + 1);
	}
}

static const char *command_in(const char *line);

/* Completes a reply: the command its text names, the text without
 * "(in reply to ... command)", the codes quoted inside, the warnings. */
static void emit_reply(struct smtpcode_reply *r, int dsn, smtpcode_reply_fn *emit, void *arg)
{
	char *cut;

	if (!r->command && !dsn)
		r->command = command_in(r->text);
	if ((cut = (char *)find(r->text, "(in reply to ")) != NULL) {
		while (cut > r->text && cut[-1] == ' ')
			cut--;
		*cut = '\0';
	}
	drop_exim_joins(r);
	inner_codes(r);
	check_reply(r);
	emit(r, arg);
}

/* ---- What a line says about the command and the outcome ------------------ */

/* "(in reply to RCPT TO command)" (Postfix), "after RCPT TO:<...>:" (Exim). */
/* The command a Postfix "NOQUEUE: reject: RCPT from" or Sendmail
 * "ruleset=check_rcpt" names, at p (after "reject: " or "check_"). */
static const char *command_of_rule(const char *p, int sendmail)
{
	static const struct {
		const char *word, *command;
	} postfix[] = {
		{ "RCPT from", "RCPT" }, { "MAIL from", "MAIL" }, { "DATA from", "DATA" },
		{ "END-OF-MESSAGE from", "DATA" }, { "CONNECT from", "CONNECT" },
		{ "EHLO from", "EHLO" }, { "HELO from", "HELO" }, { "VRFY from", "VRFY" }
	}, sendmail_rules[] = {
		{ "rcpt", "RCPT" }, { "mail", "MAIL" }, { "relay", "CONNECT" }
	};
	size_t i;

	if (sendmail) {
		for (i = 0; i < sizeof sendmail_rules / sizeof sendmail_rules[0]; i++)
			if (starts_with(p, sendmail_rules[i].word))
				return sendmail_rules[i].command;
		return NULL;
	}
	for (i = 0; i < sizeof postfix / sizeof postfix[0]; i++)
		if (starts_with(p, postfix[i].word))
			return postfix[i].command;
	return NULL;
}

/* The command a line says a reply answered: Postfix "(in reply to RCPT TO
 * command)", "refused to talk to me" and "reject: RCPT from", Exim "after
 * RCPT TO:<...>:", Sendmail "ruleset=check_rcpt". */
static const char *command_in(const char *line)
{
	const char *p, *c;
	char word[32];
	size_t n = 0;

	if ((p = find(line, "in reply to ")) != NULL) {
		p += 12;
		while (n < sizeof word - 1 && p[n] && !starts_with(p + n, " command"))
			word[n] = p[n] == '\n' ? ' ' : p[n], n++;
		word[n] = '\0';
		return smtpcode_command_canonical(word);
	}
	if ((p = find(line, "reject: ")) != NULL && (c = command_of_rule(p + 8, 0)) != NULL)
		return c;
	if ((p = find(line, "ruleset=check_")) != NULL && (c = command_of_rule(p + 14, 1)) != NULL)
		return c;
	if (find(line, "refused to talk to me"))
		return "CONNECT";
	p = find(line, "mail server after ");
	if (!p)
		return NULL;
	p += 18;
	if (starts_with(p, "initial connection"))
		return "CONNECT";
	if (starts_with(p, "end of data") || starts_with(p, "pipelined end of data"))
		return "DATA";
	if (starts_with(p, "RCPT TO") || starts_with(p, "pipelined RCPT TO"))
		return "RCPT";
	if (starts_with(p, "MAIL FROM") || starts_with(p, "pipelined MAIL FROM"))
		return "MAIL";
	while (p[n] && p[n] != ' ' && p[n] != ':' && n < sizeof word - 1)
		word[n] = p[n], n++;
	word[n] = '\0';
	return smtpcode_command_canonical(word);
}

/* What a log line says became of the message: Postfix "status=", Sendmail
 * "stat=", Exim's "=>", "->", "==" and "**" after the message id. */
static enum smtpcode_outcome outcome_in(const char *line)
{
	const char *p = find(line, "stat");

	if (p) {
		const char *v = NULL;
		for (; p; p = find(p + 4, "stat")) {
			if (starts_with(p, "status="))
				v = p + 7;
			else if (starts_with(p, "stat="))
				v = p + 5;
			if (v)
				break;
		}
		if (v) {
			if (starts_with(v, "sent") || starts_with(v, "Sent"))
				return SMTPCODE_OUTCOME_DELIVERED;
			if (starts_with(v, "deferred") || starts_with(v, "Deferred"))
				return SMTPCODE_OUTCOME_DEFERRED;
			if (starts_with(v, "bounced") || starts_with(v, "expired"))
				return SMTPCODE_OUTCOME_BOUNCED;
			if (v[-2] == 't' && v[-3] == 'a' && find(line, "dsn=5."))
				return SMTPCODE_OUTCOME_BOUNCED; /* Sendmail: stat=User unknown */
		}
	}
	for (p = strchr(line, ' '); p; p = strchr(p + 1, ' ')) {
		/* Each byte is read only after the one before it is not the end. */
		if (!p[1] || !p[2] || p[3] != ' ')
			continue;
		if ((p[1] == '=' && p[2] == '>') || (p[1] == '-' && p[2] == '>'))
			return SMTPCODE_OUTCOME_DELIVERED;
		if (p[1] == '=' && p[2] == '=')
			return SMTPCODE_OUTCOME_DEFERRED;
		if (p[1] == '*' && p[2] == '*')
			return SMTPCODE_OUTCOME_BOUNCED;
	}
	return SMTPCODE_OUTCOME_NONE;
}

/* ---- Replies inside other text ------------------------------------------- */

/* Nonzero if the text before p ends with a marker after which a reply
 * follows: "said: ", "smtp; ", "returned '", Exim's "...: ". */
static int after_marker(const char *line, const char *p, const char *exim_after)
{
	static const char *const markers[] = { "said:", "smtp;", "returned '", "returned \"",
	                                       "reply:", "reply=", "reject=", "C=\"",
	                                       "Deferred:", "refused to talk to me:",
	                                       "responded with: \"" };
	const char *q = p;
	size_t i;

	while (q > line && (q[-1] == ' ' || q[-1] == '#' || q[-1] == '\''))
		q--;
	for (i = 0; i < sizeof markers / sizeof markers[0]; i++) {
		size_t n = strlen(markers[i]);
		const char *m = markers[i];
		const char *end = q;
		if (m[n - 1] == '\'' || m[n - 1] == '"') /* the quote is part of the marker */
			end = p > line && p[-1] == m[n - 1] ? p : q;
		if ((size_t)(end - line) >= n && starts_with(end - n, m))
			return 1;
	}
	/* Exim: "... mail server after RCPT TO:<...>: 550": the first code after
	 * the command that follows a colon. */
	return exim_after && p > exim_after && q > line && q[-1] == ':';
}

/*
 * Finds a reply inside a line of other text. A code counts only at a word
 * start and when it is followed by an enhanced code (550 5.1.1) or follows a
 * marker ("said: 550"): dates, addresses, sizes and ports never do.
 * Returns a pointer to the code, or NULL.
 */
static const char *find_embedded(const char *line, int *code, char *sep)
{
	const char *exim_after = find(line, "mail server after ");
	const char *p;

	for (p = line; *p; p++) {
		struct smtpcode_enhanced_code c;
		size_t len;
		if (*p < '1' || *p > '5' || (p > line && !starts_code(p[-1])))
			continue;
		*code = code_at(p, sep);
		if (!*code)
			continue;
		if ((*sep == ' ' || *sep == '-') && enhanced_at(p + 4, &c, &len) != TOKEN_NONE)
			return p;
		if (after_marker(line, p, exim_after))
			return p;
	}
	return NULL;
}

/* The end of a reply's text: before " (in reply to" (Postfix), before the
 * closing quote when the code follows one (Exchange's "returned '...'"), or
 * at the end of the line. code is where the reply's code stands. */
static size_t reply_text_len(const char *line, const char *code, const char *text)
{
	const char *end = find(text, " (in reply to ");
	size_t n = end ? (size_t)(end - text) : strlen(text);

	if (code > line && (code[-1] == '\'' || code[-1] == '"')) {
		const char *q = strrchr(text, code[-1]);
		if (q && (size_t)(q - text) < n)
			n = (size_t)(q - text);
	}
	return n;
}

/* ---- DSN groups (RFC 3464) ------------------------------------------------ */

enum { DSN_NONE, DSN_DIAGNOSTIC, DSN_OTHER };

static int dsn_field(const char *line)
{
	static const char *const fields[] = {
		"Final-Recipient:", "Original-Recipient:", "Action:", "Status:", "Remote-MTA:",
		"Diagnostic-Code:", "Last-Attempt-Date:", "Will-Retry-Until:", "X-Postfix-Sender:"
	};
	size_t i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (starts_with(line, fields[i]))
			return (int)i;
	return -1;
}

static void flush_dsn(struct smtpcode_scanner *s, smtpcode_reply_fn *emit, void *arg)
{
	struct smtpcode_reply *r = &s->dsn_reply;
	const char *d = s->dsn_diagnostic, *p;
	int code;
	char sep;

	if (!s->dsn)
		return;
	s->dsn = 0;
	p = d[0] ? find_embedded(d, &code, &sep) : NULL;
	if (!p) {
		/* "smtp; 550 ..." puts the code right after the type. */
		const char *semi = strchr(d, ';');
		if (semi && (code = code_at(skip_spaces(semi + 1), &sep)) != 0)
			p = skip_spaces(semi + 1);
	}
	if (p) {
		const char *text = p + (sep ? 4 : 3);
		r->basic = code;
		read_reply_text(r, text, reply_text_len(d, p, text));
	} else if (d[0]) {
		const char *semi = strchr(d, ';');
		append_text(r, semi ? semi + 1 : d, strlen(semi ? semi + 1 : d));
	}
	if (s->dsn_has_status)
		add_enhanced(r, &s->dsn_status);
	/* The reply spans the Status line to the end of the Diagnostic-Code. */
	r->first_line = s->dsn_status_line ? s->dsn_status_line : s->dsn_diag_first;
	if (s->dsn_diag_first && s->dsn_diag_first < r->first_line)
		r->first_line = s->dsn_diag_first;
	r->last_line = s->dsn_diag_last ? s->dsn_diag_last : s->dsn_status_line;
	if ((r->basic || r->enhanced_count) && r->first_line)
		emit_reply(r, 1, emit, arg);
}

/* Nonzero if line belongs to a DSN group: a field, or the continuation of
 * one while a group is open. */
static int is_dsn_line(const struct smtpcode_scanner *s, const char *line)
{
	return dsn_field(line) >= 0 ||
	       (s->dsn && (line[0] == ' ' || line[0] == '\t') && skip_spaces(line)[0]);
}

/* Takes a DSN field line, or the continuation of one. */
static void dsn_line(struct smtpcode_scanner *s, const char *line, smtpcode_reply_fn *emit,
                     void *arg)
{
	struct smtpcode_reply *r = &s->dsn_reply;
	int f = dsn_field(line);
	const char *v;

	if (f < 0) {
		if (s->dsn_field == DSN_DIAGNOSTIC) {
			size_t n = strlen(s->dsn_diagnostic);
			snprintf(s->dsn_diagnostic + n, sizeof s->dsn_diagnostic - n, " %s",
			         skip_spaces(line));
			s->dsn_diag_last = s->line;
		}
		return;
	}
	/* A new recipient closes the group before it. */
	if (f <= 1 && s->dsn && (s->dsn_has_status || s->dsn_diagnostic[0]))
		flush_dsn(s, emit, arg);
	if (!s->dsn) {
		s->dsn = 1;
		start_reply(r, s->line);
		s->dsn_diagnostic[0] = '\0';
		s->dsn_has_status = 0;
		s->dsn_status_line = s->dsn_diag_first = s->dsn_diag_last = 0;
	}
	s->dsn_field = f == 5 ? DSN_DIAGNOSTIC : DSN_OTHER;
	v = skip_spaces(strchr(line, ':') + 1);
	if (f == 2) {
		if (starts_with(v, "failed"))
			r->outcome = SMTPCODE_OUTCOME_BOUNCED;
		else if (starts_with(v, "delayed"))
			r->outcome = SMTPCODE_OUTCOME_DEFERRED;
		else if (starts_with(v, "delivered") || starts_with(v, "relayed") ||
		         starts_with(v, "expanded"))
			r->outcome = SMTPCODE_OUTCOME_DELIVERED;
		s->outcomes[r->outcome]++;
	} else if (f == 3) {
		size_t len;
		s->dsn_has_status = enhanced_at(v, &s->dsn_status, &len) == TOKEN_ENHANCED;
		if (s->dsn_has_status)
			s->dsn_status_line = s->line;
	} else if (f == 5) {
		snprintf(s->dsn_diagnostic, sizeof s->dsn_diagnostic, "%s", v);
		s->dsn_diag_first = s->dsn_diag_last = s->line;
	}
}

/* ---- Reply lines and transcripts ----------------------------------------- */

static void flush_pending(struct smtpcode_scanner *s, smtpcode_reply_fn *emit, void *arg)
{
	if (s->pending) {
		s->pending = 0;
		s->multiline = 0;
		emit_reply(&s->reply, 0, emit, arg);
	}
}

/* Strips a transcript prefix: server lines ("S: ", swaks "<- ", "<~ ",
 * "<** ", "<~* ") give 1, client lines ("C: ", " -> ", " ~> ") give 2. */
static int transcript_prefix(const char **line)
{
	static const char *const server[] = { "S: ", "S:", "<-  ", "<~  ", "<** ", "<~* ",
	                                      "<- ", "<~ ", "<<< " };
	static const char *const client[] = { "C: ", " -> ", " ~> ", "-> ", "~> ", ">>> " };
	size_t i;

	for (i = 0; i < sizeof server / sizeof server[0]; i++)
		if (strncmp(*line, server[i], strlen(server[i])) == 0) {
			*line += strlen(server[i]);
			return 1;
		}
	for (i = 0; i < sizeof client / sizeof client[0]; i++)
		if (strncmp(*line, client[i], strlen(client[i])) == 0) {
			*line += strlen(client[i]);
			return 2;
		}
	return 0;
}

/* A client line of a transcript: remember the command it sent. */
static void client_line(struct smtpcode_scanner *s, const char *cmd)
{
	char word[16];
	size_t n = 0;

	s->after_quit = 0;
	if (starts_with(cmd, "MAIL FROM"))
		s->client_command = "MAIL";
	else if (starts_with(cmd, "RCPT TO"))
		s->client_command = "RCPT";
	else if (cmd[0] == '.' && (cmd[1] == '\0' || cmd[1] == ' '))
		s->client_command = "DATA";
	else {
		while (cmd[n] && cmd[n] != ' ' && n < sizeof word - 1)
			word[n] = cmd[n], n++;
		word[n] = '\0';
		if (smtpcode_command_canonical(word))
			s->client_command = smtpcode_command_canonical(word);
	}
}

/* Adds a reply's line to the open reply, or opens one: multi-line replies
 * ("550-5.7.1 ...") stay open until their last line. code points at the
 * code in line. The caller closes the reply. */
static void reply_part(struct smtpcode_scanner *s, const char *line, const char *code_ptr,
                       int code, char sep, int transcript)
{
	struct smtpcode_reply *r = &s->reply;
	const char *text = code_ptr + (sep ? 4 : 3);

	if (!s->pending) {
		start_reply(r, s->line);
		r->basic = code;
		/* In a transcript, a reply answers the client's last command; one
		 * before any command, or after the reply to QUIT, is a greeting. */
		if (transcript) {
			r->command = s->client_command;
			if (!r->command || s->after_quit) {
				r->command = "CONNECT";
				s->client_command = NULL;
			}
			s->after_quit = r->command && strcmp(r->command, "QUIT") == 0;
		}
		r->outcome = outcome_in(line);
		s->pending = 1;
	} else if (code != r->basic) {
		add_warning(r, SMTPCODE_WARN_CONTINUATION_MISMATCH);
		r->basic = code; /* the last line's code stands, as clients read it */
	}
	if (!r->command)
		r->command = command_in(line);
	r->last_line = s->line;
	s->multiline = sep == '-';
	read_reply_text(r, text, reply_text_len(line, code_ptr, text));
}

/* ---- The scanner ---------------------------------------------------------- */

void smtpcode_scanner_init(struct smtpcode_scanner *s)
{
	memset(s, 0, sizeof *s);
}

/* Copies line to buf (at most SMTPCODE_SCAN_LINE_MAX bytes, no CR at the
 * end, NUL bytes as spaces) and terminates it. */
static void clean_line(char *buf, const char *line, size_t len)
{
	char *z, *end;

	if (len > SMTPCODE_SCAN_LINE_MAX)
		len = SMTPCODE_SCAN_LINE_MAX;
	if (len > 0 && line[len - 1] == '\r')
		len--;
	memcpy(buf, line, len);
	end = buf + len;
	for (z = memchr(buf, '\0', len); z; z = memchr(z + 1, '\0', (size_t)(end - z - 1)))
		*z = ' ';
	*end = '\0';
}

/* A log or NDR line that may hold a reply somewhere inside. */
static void other_line(struct smtpcode_scanner *s, const char *line, smtpcode_reply_fn *emit,
                       void *arg)
{
	struct smtpcode_reply *r = &s->reply;
	enum smtpcode_outcome outcome = outcome_in(line);
	const char *p, *dsn = find(line, "dsn=");
	int code;
	char sep = ' ';

	s->outcomes[outcome]++;
	p = find_embedded(line, &code, &sep);
	if (dsn && !is_digit(dsn[4]))
		dsn = NULL;
	if (!p && !dsn)
		return;
	if (p) {
		reply_part(s, line, p, code, sep, 0);
	} else {
		const char *stat = find(line, "status=");
		const char *why = stat ? strchr(stat, '(') : find(line, "stat=");
		start_reply(r, s->line);
		r->command = command_in(line);
		s->pending = 1;
		if (why) {
			const char *t = why + (*why == '(' ? 1 : 5);
			size_t n = strlen(t);
			if (*why == '(' && n > 0 && t[n - 1] == ')')
				n--; /* status=deferred (...) */
			append_text(r, t, n);
		}
	}
	r->outcome = outcome;
	if (dsn) {
		struct smtpcode_enhanced_code c;
		size_t len;
		if (enhanced_at(dsn + 4, &c, &len) == TOKEN_ENHANCED)
			add_enhanced(r, &c);
	}
	(void)emit;
	(void)arg;
}

void smtpcode_scanner_line(struct smtpcode_scanner *s, const char *raw, size_t len,
                           smtpcode_reply_fn *emit, void *arg)
{
	char buf[SMTPCODE_SCAN_LINE_MAX + 1];
	const char *line = buf, *body;
	int kind, code;
	char sep;

	s->line++;
	clean_line(buf, raw ? raw : "", raw ? len : 0);
	if (is_dsn_line(s, line)) {
		flush_pending(s, emit, arg);
		dsn_line(s, line, emit, arg);
		return;
	}
	flush_dsn(s, emit, arg);
	if (strncmp(line, "=== ", 4) == 0) { /* swaks: a new connection */
		flush_pending(s, emit, arg);
		s->client_command = NULL;
		return;
	}
	kind = transcript_prefix(&line);
	if (kind == 2) {
		flush_pending(s, emit, arg);
		client_line(s, line);
		return;
	}
	body = skip_spaces(line);
	if (body[0] == '#')
		body++;
	code = code_at(body, &sep);
	if (code && (kind == 1 || sep != '\0' || body == line)) {
		/* A finished reply is closed by the next one; "550-" keeps it open. */
		if (s->pending && !s->multiline)
			flush_pending(s, emit, arg);
		reply_part(s, line, body, code, sep, kind == 1);
		return;
	}
	/* An indented line of text continues an open reply (wrapped text). */
	if (s->pending && kind == 0 && (line[0] == ' ' || line[0] == '\t') && body[0]) {
		append_text(&s->reply, body, strlen(body));
		s->reply.last_line = s->line;
		return;
	}
	flush_pending(s, emit, arg);
	if (kind == 0 && line[0])
		other_line(s, line, emit, arg);
}

void smtpcode_scanner_end(struct smtpcode_scanner *s, smtpcode_reply_fn *emit, void *arg)
{
	flush_pending(s, emit, arg);
	flush_dsn(s, emit, arg);
}

const char *smtpcode_warning_name(enum smtpcode_warning w)
{
	switch (w) {
	case SMTPCODE_WARN_CLASS_MISMATCH:
		return "class-mismatch";
	case SMTPCODE_WARN_ENHANCED_ON_3XX:
		return "enhanced-on-3xx";
	case SMTPCODE_WARN_MALFORMED_ENHANCED:
		return "malformed-enhanced";
	case SMTPCODE_WARN_UNDEFINED_CODE:
		return "undefined-code";
	case SMTPCODE_WARN_PSEUDO_CODE:
		return "pseudo-code";
	case SMTPCODE_WARN_CONTINUATION_MISMATCH:
		return "continuation-mismatch";
	}
	return "unknown";
}

const char *smtpcode_outcome_name(enum smtpcode_outcome o)
{
	switch (o) {
	case SMTPCODE_OUTCOME_DELIVERED:
		return "delivered";
	case SMTPCODE_OUTCOME_DEFERRED:
		return "deferred";
	case SMTPCODE_OUTCOME_BOUNCED:
		return "bounced";
	case SMTPCODE_OUTCOME_NONE:
		break;
	}
	return NULL;
}

char *smtpcode_warning_message(const struct smtpcode_reply *r, enum smtpcode_warning w,
                               char *buf, size_t size)
{
	char enh[16] = "";

	if (size == 0)
		return buf;
	buf[0] = '\0'; /* a value outside the enum gives "" */
	if (r->enhanced_count)
		smtpcode_enhanced_text(&r->enhanced[0], enh, sizeof enh);
	switch (w) {
	case SMTPCODE_WARN_CLASS_MISMATCH:
		snprintf(buf, size, "Class mismatch: %d is a %dxx reply but its enhanced code %s "
		         "has class %d; the two should agree, and a client acts on the %d.",
		         r->basic, r->basic / 100, enh, r->enhanced[0].reply_class, r->basic);
		break;
	case SMTPCODE_WARN_ENHANCED_ON_3XX:
		snprintf(buf, size, "%d is a 3xx reply, which carries no enhanced code (RFC 2034); "
		         "%s here is not part of the reply's meaning.", r->basic, enh);
		break;
	case SMTPCODE_WARN_MALFORMED_ENHANCED:
		snprintf(buf, size, "'%s' is not a valid enhanced code: RFC 3463 wants class 2, 4 "
		         "or 5, then a subject and a detail of one to three digits without "
		         "leading zeros.", r->malformed);
		break;
	case SMTPCODE_WARN_UNDEFINED_CODE:
		snprintf(buf, size, "%d is not defined by any RFC or by the IANA registry; a "
		         "client acts on its first digit.", r->basic);
		break;
	case SMTPCODE_WARN_PSEUDO_CODE:
		snprintf(buf, size, "%d is not an SMTP reply code; see its entry for what it "
		         "most likely is.", r->basic);
		break;
	case SMTPCODE_WARN_CONTINUATION_MISMATCH:
		snprintf(buf, size, "The lines of this multi-line reply carry different codes; "
		         "RFC 5321 §4.2 puts the reply's code on every line, and this reply is "
		         "read with the code of its last line, %d, as clients do.", r->basic);
		break;
	}
	return buf;
}
