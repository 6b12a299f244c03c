/* scan_line.c - the scanner's normalising passes: reading a line into the
 * scanner's copy, then the passes that run on every line before replies
 * are looked for (scan.c lists them in order). A pass marks what later
 * stages read (kind, start, indented), or rewrites the copy in place. */
#include "scan.h"

#include <string.h>

void smtpcode__line_read(struct scan_line *l, const char *raw, size_t len)
{
	char *z, *end;

	if (!raw)
		len = 0;
	if (len > SMTPCODE_SCAN_LINE_MAX)
		len = SMTPCODE_SCAN_LINE_MAX;
	if (len > 0 && raw[len - 1] == '\r')
		len--;
	if (len > 0)
		memcpy(l->text, raw, len);
	end = l->text + len;
	for (z = memchr(l->text, '\0', len); z; z = memchr(z + 1, '\0', (size_t)(end - z - 1)))
		*z = ' ';
	*end = '\0';
	l->len = len;
	l->kind = SCAN_LINE_TEXT;
	l->start = l->text;
	l->indented = 0;
}

/* A transcript's prefix: "S: " and "<-  " mark server lines, "C: " and
 * " -> " client lines (start is after the prefix), "=== " a new session. */
int smtpcode__pass_prefix(struct scan *s, struct scan_line *l)
{
	size_t len = 0;

	switch (smtpcode__prefix(&s->formats, l->text, &len)) {
	case SCAN_SERVER:
		l->kind = SCAN_LINE_SERVER;
		break;
	case SCAN_CLIENT:
		l->kind = SCAN_LINE_CLIENT;
		break;
	case SCAN_SESSION:
		l->kind = SCAN_LINE_SESSION;
		break;
	default:
		return 1;
	}
	l->start = l->text + len;
	return 1;
}

/* Indentation: an indented line may continue a DSN field or the text of a
 * reply (Postfix wraps quoted replies over lines that start with spaces). */
int smtpcode__pass_indent(struct scan *s, struct scan_line *l)
{
	(void)s;
	l->indented = (l->text[0] == ' ' || l->text[0] == '\t') && scan_skip_spaces(l->text)[0];
	return 1;
}
