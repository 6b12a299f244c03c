/* logstat_text.c - small searches in a log line that is not NUL-terminated. */
#include "logstat_text.h"
#include "smtpcode.h"

#include <stdint.h>
#include <string.h>

const char *ls_find_n(const char *s, size_t n, const char *needle, size_t k)
{
	size_t i;

	if (k == 0 || k > n)
		return k == 0 ? s : NULL;
	for (i = 0; i + k <= n; i++) {
		const char *p = memchr(s + i, needle[0], n - k + 1 - i);
		if (!p)
			return NULL;
		if (memcmp(p, needle, k) == 0)
			return p;
		i = (size_t)(p - s);
	}
	return NULL;
}

static int is_digit(char c)
{
	return (unsigned char)(c - '0') <= 9;
}

int ls_code_class(const char *s, size_t n)
{
	const char *p = ls_code_at(s, n);

	return p ? p[0] - '0' : 0;
}

/* The bytes a code may stand after and before (a NUL byte too: it ends the
 * string strchr was once asked about). */
static int may_precede(char c)
{
	return c == ' ' || c == '=' || c == '"' || c == '(' || c == '\0';
}

static int may_follow(char c)
{
	return c == ' ' || c == '-' || c == '"' || c == '\0';
}

const char *ls_code_at(const char *s, size_t n)
{
	size_t i = 0;

	/* When s[i + 2] is no digit, no code starts at i, i + 1 or i + 2. */
	while (i + 3 <= n) {
		if (!is_digit(s[i + 2])) {
			i += 3;
			continue;
		}
		if ((s[i] == '4' || s[i] == '5') && is_digit(s[i + 1]) &&
		    may_precede(i ? s[i - 1] : ' ') && may_follow(i + 3 < n ? s[i + 3] : ' '))
			return s + i;
		i++;
	}
	return NULL;
}

size_t ls_span2(const char *s, size_t n, char a, char b)
{
	size_t at = 0;

	for (; n - at >= 8; at += 8) {
		uint64_t w = ls_load8(s + at), hit = ls_bytes_of(w, a) | ls_bytes_of(w, b);
		if (hit)
			return at + ls_first_flag(hit);
	}
	while (at < n && s[at] != a && s[at] != b)
		at++;
	return at;
}

size_t ls_span_until(const char *s, size_t n, const char *stops)
{
	char a = stops[0], b = a ? stops[1] : '\0', c = b ? stops[2] : '\0';
	size_t i;

	if (!b) {
		const char *p = a ? memchr(s, a, n) : NULL;
		return p ? (size_t)(p - s) : n;
	}
	for (i = 0; i < n; i++)
		if (s[i] == a || s[i] == b || (c && s[i] == c))
			break;
	return i;
}

void ls_event_set(struct ls_event *e, int count, enum ls_dir dir, const char *s, size_t n)
{
	e->count = count;
	e->n = 1;
	e->dir = dir;
	e->cls = dir == LS_DIR_NONE ? 0 : ls_code_class(s, n);
	e->text = s;
	e->textlen = n;
}

const char *ls_command_of(const char *s, size_t n)
{
	char word[16];
	size_t len;
	const char *c = NULL;
	int k;

	if (ls_starts(s, n, "end of ") || ls_starts(s, n, "DATA"))
		return "DATA";
	if (ls_starts(s, n, "RCPT TO")) /* the most common, without the table */
		return "RCPT";
	if (ls_starts(s, n, "MAIL FROM"))
		return "MAIL";
	len = ls_span_until(s, n, ":<(");
	for (k = 0; k < 2 && !c; k++) { /* up to ':', '<' or '(', else the first word */
		if (k == 1)
			len = ls_span_until(s, n, " :");
		while (len > 0 && s[len - 1] == ' ')
			len--;
		if (len == 0 || len >= sizeof word)
			continue;
		memcpy(word, s, len);
		word[len] = '\0';
		c = smtpcode_command_canonical(word);
	}
	return c;
}
