/* scan_address.c - addresses in text (the recipient a reply is about:
 * scan_who.c), and the pass that hides what a quoted local part says
 * from the lookups: "to=<\"x said: 550 5.1.1\"@example.org>" is an
 * address, never a reply, a status or a lead-in. */
#include "scan.h"
#include "scan_pairs.h"

#include <string.h>

/* The longest quoted local part read: RFC 5321 4.5.3.1.1 allows 64
 * octets, quotes in. */
#define SCAN_QUOTED_MAX 64

/* Nonzero if c may stand in an address as the scanner takes it: printable
 * ASCII but blanks and the punctuation that ends one in text. */
static int address_char(unsigned char c)
{
	switch (c) { /* a switch, not strchr: this runs for each byte */
	case '<': case '>': case '(': case ')': case '[': case ']': case ',': case ';': case ':':
	case '"': case '\'': case '\\':
		return 0;
	default:
		return c > ' ' && c < 0x7f;
	}
}

/* The end of a quoted local part at s ("\"john smith\"@"): the '@' after
 * its closing quote, or s when there is none (RFC 5321 4.1.2: printable
 * ASCII, a backslash quoting the next byte). */
static const char *quoted_local(const char *s)
{
	const char *e = s + 1;

	if (*s != '"')
		return s;
	for (; *e && *e != '"' && e - s < SCAN_QUOTED_MAX; e++)
		if ((unsigned char)*e < ' ' || *e == 0x7f || (*e == '\\' && !*++e))
			return s;
	return e[0] == '"' && e[1] == '@' ? e + 1 : s;
}

/* An address at p: "<u@example.org>" or a bare u@example.org (a final '.'
 * or ':' is the sentence's), its local part perhaps quoted ("\"j s\"@a").
 * Copies it (without the brackets) to out, which holds size bytes, and
 * returns its length at p (brackets in, a sentence's final '.' or ':'
 * out); 0 if there is none. An address has one '@' with a local part
 * before it and, after it, a domain with a dot or an address literal
 * ("[192.0.2.1]"). */
size_t smtpcode__address_at(const char *p, char *out, size_t size)
{
	const char *s = p + (p[0] == '<'), *at = NULL, *e = quoted_local(s);
	size_t n;

	while (address_char((unsigned char)*e) || (*e == '[' && at && e == at + 1)) {
		if (*e == '@') {
			if (at)
				return 0;
			at = e;
		}
		if (*e == '[') { /* a domain literal: up to its ']' */
			while (*e && *e != ']' && *e != '>' && *e != ' ')
				e++;
			if (*e == ']')
				e++;
			break;
		}
		e++;
	}
	if (p[0] == '<' && *e != '>')
		return 0;
	n = (size_t)(e - s);
	while (p[0] != '<' && n > 0 && (s[n - 1] == '.' || s[n - 1] == ':'))
		n--;
	if (!at || at == s || (size_t)(at - s) + 1 >= n || n >= size ||
	    (at[1] != '[' && !memchr(at + 1, '.', n - (size_t)(at + 1 - s))))
		return 0;
	memcpy(out, s, n);
	out[n] = '\0';
	return p[0] == '<' ? (size_t)(e - p) + 1 : n;
}

/* The quoted local parts of an address in line ("<\"...\"@"): their text
 * becomes 'x's, the first kept in s->who.quoted (quotes in) for the reply
 * that the line gives (smtpcode__quoted_restore). The line's pairs are
 * marked again after the passes when it changed. scan.c calls it first,
 * for a line whose pairs show it may hold one. */
int smtpcode__pass_quoted(struct scan *s, struct scan_line *l)
{
	char *p = l->text;
	int first = 1;

	while ((p = strstr(p, "<\"")) != NULL) {
		char *e = (char *)quoted_local(++p), *q;
		if (e == p)
			continue;
		if (first) {
			memcpy(s->who.quoted[s->line & 1], p, (size_t)(e - p));
			s->who.quoted[s->line & 1][e - p] = '\0';
			s->who.quoted_line[s->line & 1] = s->line;
			first = 0;
		}
		for (q = p + 1; q < e - 1; q++)
			*q = 'x';
		s->formats.pairs = NULL;
		p = e;
	}
	return 1;
}

/* Where s holds a quoted local part of n bytes hidden ("\"xxxx\"@"), or
 * NULL. */
static char *hidden_at(char *s, size_t n)
{
	size_t i;

	for (; (s = strchr(s, '"')) != NULL; s++) {
		for (i = 1; i + 1 < n && s[i] == 'x'; i++)
			;
		if (i + 1 == n && s[i] == '"' && s[i + 1] == '@')
			return s;
	}
	return NULL;
}

/* The n bytes of q over the hidden ones at p (the rest of p stays). */
static void put_back(char *p, const char *q, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = q[i];
}

/* A reply of the lines near one whose quoted local part the pass hid: its
 * recipient and text hold it again. */
void smtpcode__quoted_restore(const struct scan *s, struct smtpcode_reply *r)
{
	unsigned k;

	for (k = 0; k < 2; k++) {
		const char *q = s->who.quoted[k];
		size_t n = strlen(q);
		unsigned long at = s->who.quoted_line[k];
		char *p;
		if (!n || at > r->last_line || at + 8 < r->first_line)
			continue;
		if ((p = hidden_at(r->recipient, n)) == r->recipient)
			put_back(p, q, n);
		for (p = r->text; (p = hidden_at(p, n)) != NULL; p += n)
			put_back(p, q, n);
	}
}
