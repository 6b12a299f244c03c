/* logstat_text.c - small searches in a log line that is not NUL-terminated. */
#include "logstat_text.h"
#include "smtpcode.h"

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
	return c >= '0' && c <= '9';
}

int ls_code_class(const char *s, size_t n)
{
	const char *p = ls_code_at(s, n);

	return p ? p[0] - '0' : 0;
}

const char *ls_code_at(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 3 <= n; i++) {
		char before = i ? s[i - 1] : ' ';
		char after = i + 3 < n ? s[i + 3] : ' ';
		if ((s[i] != '4' && s[i] != '5') || !is_digit(s[i + 1]) || !is_digit(s[i + 2]))
			continue;
		if (!strchr(" =\"(", before) || !strchr(" -\"", after))
			continue;
		return s + i;
	}
	return NULL;
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
	size_t len = ls_span_until(s, n, ":<(");
	const char *c = NULL;
	int k;

	if (ls_starts(s, n, "end of ") || ls_starts(s, n, "DATA"))
		return "DATA";
	if (ls_starts(s, n, "RCPT TO")) /* the most common, without the table */
		return "RCPT";
	if (ls_starts(s, n, "MAIL FROM"))
		return "MAIL";
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
