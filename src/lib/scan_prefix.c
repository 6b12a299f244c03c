/* scan_prefix.c - the lookups of transcripts' rows (scan_formats.c has
 * the rows): the prefix of a server or client line, a marker after a log
 * prefix, a client's one-word line, a raw session's command, an echo of
 * the open reply. */
#include "scan.h"

#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The transcript prefix line starts with: SCAN_SERVER, SCAN_CLIENT or
 * SCAN_SESSION, its length in *len; SCAN_ROLE_COUNT for none. */
enum scan_role smtpcode__prefix(const struct scan_index *ix, const char *line, size_t *len)
{
	static const enum scan_role roles[] = { SCAN_SERVER, SCAN_CLIENT, SCAN_SESSION };
	size_t i;

	for (i = 0; i < COUNT(roles); i++)
		EACH(ix, roles[i], m)
			if (line[0] == (*m)->marker[0] && strncmp(line, (*m)->marker, (*m)->len) == 0) {
				*len = (*m)->len;
				return roles[i];
			}
	return SCAN_ROLE_COUNT;
}

/* Nonzero if line holds one of the pairs that every SCAN_SERVER_AFTER and
 * SCAN_CLIENT_AFTER marker holds ("<<", ">>", "|>", "< ", "> ", "] "): one
 * pass that spares most log lines the search for each marker (a new
 * marker holds one of them too: tests/test_scan_formats.c checks). */
static int may_hold_after_marker(const char *line)
{
	const char *p;

	for (p = line; (p = strpbrk(p, "<>|]")) != NULL; p++)
		if (p[1] == ' ' || p[1] == '<' || p[1] == '>')
			return 1;
	return 0;
}

/* A transcript's marker after a log prefix: SCAN_SERVER_AFTER or
 * SCAN_CLIENT_AFTER, the line after it in *start; SCAN_ROLE_COUNT for
 * none. The marker must start the line, follow a blank, or start with a
 * blank, ':' or ']'; with `then`, the line goes on after it. */
enum scan_role smtpcode__prefix_after(const struct scan_index *ix, const char *line,
                                      const char **start)
{
	static const enum scan_role roles[] = { SCAN_SERVER_AFTER, SCAN_CLIENT_AFTER };
	size_t i;

	if (!may_hold_after_marker(line))
		return SCAN_ROLE_COUNT;
	for (i = 0; i < COUNT(roles); i++)
		EACH(ix, roles[i], m) {
			const char *p = strstr(line, (*m)->marker);
			if (!p || (p > line && (*m)->marker[0] != ' ' && (*m)->marker[0] != ']' &&
			           (*m)->marker[0] != ':' && p[-1] != ' '))
				continue;
			p += (*m)->len;
			if ((*m)->then && (p = strstr(p, (*m)->then)) != NULL)
				p += strlen((*m)->then);
			if (p) {
				*start = p;
				return roles[i];
			}
		}
	return SCAN_ROLE_COUNT;
}

/* The command a client line of one word sends ("." ends the data), or
 * NULL. */
const char *smtpcode__client_word(const struct scan_index *ix, const char *word)
{
	EACH(ix, SCAN_CLIENT_WORD, m)
		if (strcmp(word, (*m)->marker) == 0)
			return (*m)->command;
	return NULL;
}

/* The command an unprefixed client line sends in a raw session ("mail
 * from:<a>", "data", "."), or NULL. */
const char *smtpcode__raw_client(const struct scan_index *ix, const char *line)
{
	size_t n = strlen(line);

	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	EACH(ix, SCAN_RAW_CLIENT, m) {
		char last = (*m)->marker[(*m)->len - 1];
		if (!scan_starts_with(line, (*m)->marker))
			continue;
		if (last == ' ' || last == ':' ? n > (*m)->len : n == (*m)->len)
			return (*m)->command;
	}
	return NULL;
}

/* Nonzero if line repeats the open reply ("reply: retcode (550); Msg:"). */
int smtpcode__echo(const struct scan_index *ix, const char *line)
{
	EACH(ix, SCAN_ECHO, m)
		if (strncmp(line, (*m)->marker, (*m)->len) == 0)
			return 1;
	return 0;
}
