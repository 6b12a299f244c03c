/* command.c - SMTP command names, as the data's commands column spells them. */
#include "smtpcode.h"
#include "list.h"
#include "strbuf.h"

#include <string.h>

static const char commands[][12] = { /* strings, not pointers: no relocation */
#define COMMAND(name) name,
#include "commands.def"
#undef COMMAND
};

/* Other spellings, as logs and people write them. */
static const struct {
	char alias[12], name[8];
} aliases[] = {
	{ "GREETING", "CONNECT" }, { "BANNER", "CONNECT" },
	{ "MAIL FROM", "MAIL" }, { "RCPT TO", "RCPT" },
	{ "END OF DATA", "DATA" }, { "DOT", "DATA" }
};

static int upper(int c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

/* Case-insensitive equality of ASCII strings; a trailing ':' in s is ignored
 * ("RCPT TO:" as in "after RCPT TO:<x@example.org>"). */
static int same_word(const char *s, const char *name)
{
	while (*s && *name && upper((unsigned char)*s) == *name)
		s++, name++;
	return *name == '\0' && (*s == '\0' || (s[0] == ':' && s[1] == '\0'));
}

const char *smtpcode_command_canonical(const char *name)
{
	int first = upper((unsigned char)name[0]);
	size_t i;

	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (commands[i][0] == first && same_word(name, commands[i]))
			return commands[i];
	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (aliases[i].alias[0] == first && same_word(name, aliases[i].alias))
			return aliases[i].name;
	return NULL;
}

int smtpcode_meaning_answers(const struct smtpcode_meaning *m, const char *cmd)
{
	const char *p = m->commands, *item;
	size_t n = strlen(cmd), len;

	if (strcmp(p, "*") == 0)
		return 1;
	while (scx_list_next(&p, &item, &len))
		if (len == n && strncmp(item, cmd, n) == 0)
			return 1;
	return 0;
}

char *smtpcode_commands_text(const char *commands, char *buf, size_t size)
{
	const char *p = commands, *item;
	struct strbuf sb;
	size_t len;

	if (size == 0) /* buf may be NULL: nothing is written */
		return buf;
	scx_sb_init(&sb, buf, size);
	/* Plain copies: printf's machinery would cost more than the rest. */
	if (p[0] == '*' && !p[1]) {
		scx_sb_putn(&sb, "any command", 11);
		return buf;
	}
	if (p[0] == '-' && !p[1]) {
		scx_sb_putn(&sb, "no command (not a reply code)", 29);
		return buf;
	}
	while (scx_list_next(&p, &item, &len)) {
		if (item != commands)
			scx_sb_putn(&sb, ", ", 2);
		if (len == 7 && memcmp(item, "CONNECT", 7) == 0)
			scx_sb_putn(&sb, "the connection opening (greeting)", 33);
		else
			scx_sb_putn(&sb, item, len);
	}
	return buf;
}
