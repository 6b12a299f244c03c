/* read_codes.c - read and check data/codes.tsv, the meanings of the
 * three-digit reply codes; print them as gen_meanings[]. */
#include "gen.h"
#include "smtpcode.h"

#include <stdlib.h>
#include <string.h>

static const char *const commands[] = {
#define COMMAND(name) name,
#include "commands.def"
#undef COMMAND
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };
_Static_assert(NCOMMANDS <= 32, "a code's claimed commands are bits of an unsigned long");

/* The status named s, spelled as the runtime spells it (smtpcode_status_name:
 * the statuses run from 0 to the first value that has no name of its own),
 * or -1. */
static int find_status(const char *s)
{
	const char *none = smtpcode_status_name((enum smtpcode_status)-1);
	int i;

	for (i = 0; i < 256; i++) {
		const char *name = smtpcode_status_name((enum smtpcode_status)i);
		if (!name || (none && strcmp(name, none) == 0))
			break;
		if (strcmp(s, name) == 0)
			return i;
	}
	return -1;
}

static int find_command(const char *s, size_t len)
{
	int i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strlen(commands[i]) == len && strncmp(s, commands[i], len) == 0)
			return i;
	return -1;
}

/*
 * Per code, which commands its rows have claimed so far: one bit per
 * command, plus the "*" and "-" rows.
 */
struct claims {
	int code;
	unsigned long bits;
	int any, none;
};

/* A "*" (any command) or "-" (none: status pseudo only) row. */
static int claim_any_or_none(struct tsv *t, const char *s, const char *status,
                             struct claims *c)
{
	int *seen = s[0] == '*' ? &c->any : &c->none;

	if (s[0] == '-' && strcmp(status, "pseudo") != 0) {
		tsv_error(t, "commands '-' is only for status pseudo");
		return -1;
	}
	if (*seen) {
		tsv_error(t, "duplicate row: code %d already has a '%s' row", c->code, s);
		return -1;
	}
	*seen = 1;
	return 0;
}

/* Checks the commands column and claims its commands for the code. */
static int check_commands(struct tsv *t, const char *s, const char *status, struct claims *c)
{
	unsigned long bits = 0;
	const char *p = s;

	if (strcmp(s, "*") == 0 || strcmp(s, "-") == 0)
		return claim_any_or_none(t, s, status, c);
	for (;;) {
		size_t len = strcspn(p, ",");
		int i = find_command(p, len);
		if (i < 0) {
			tsv_error(t, "unknown command '%.*s' in commands", (int)len, p);
			return -1;
		}
		if ((bits | c->bits) & (1UL << i)) {
			tsv_error(t, "duplicate row: command %s appears twice for code %d",
			          commands[i], c->code);
			return -1;
		}
		bits |= 1UL << i;
		if (p[len] == '\0')
			break;
		p += len + 1;
	}
	c->bits |= bits;
	return 0;
}

static void on_codes_comment(struct tsv *t, const char *line, void *arg)
{
	static const char key[] = "# sources-date: ";
	struct table *tab = arg;
	const char *d = line + sizeof key - 1;
	int i;

	if (strncmp(line, key, sizeof key - 1) != 0 || d[0] < '0' || d[0] > '9')
		return;
	for (i = 0; i < 10; i++) {
		int dash = i == 4 || i == 7;
		if (dash ? d[i] != '-' : (d[i] < '0' || d[i] > '9'))
			break;
	}
	if (i != 10 || d[10] != '\0') {
		tsv_error(t, "sources-date must be YYYY-MM-DD");
		return;
	}
	memcpy(tab->sources_date, d, 11);
}

static void read_code_row(struct tsv *t, struct table *tab, struct claims *c)
{
	static const char *const columns[] = {
		"code", "commands", "name", "status", "source", "description", "when_seen", "fix"
	};
	struct code_row row;
	char **f = t->field;
	int i, bad = 0;

	if (tsv_check_fields(t, columns, 8) < 0)
		return;
	row.code = tsv_code(t, "code", f[0]);
	if (row.code < 0)
		return;
	row.status = find_status(f[3]);
	if (row.status < 0) {
		tsv_error(t, "unknown status '%s'", f[3]);
		return;
	}
	if (tab->ncodes > 0 && row.code < tab->codes[tab->ncodes - 1].code) {
		tsv_error(t, "rows out of order: %d comes after %d", row.code,
		          tab->codes[tab->ncodes - 1].code);
		return;
	}
	if (row.code != c->code) {
		memset(c, 0, sizeof *c);
		c->code = row.code;
	}
	bad |= tsv_check_text(t, "commands", f[1], SOURCE_MAX_LEN);
	bad |= bad ? 0 : check_commands(t, f[1], f[3], c);
	bad |= tsv_check_text(t, "name", f[2], NAME_MAX_LEN);
	bad |= check_entry_texts(t, f + 4);
	if (bad)
		return;
	row.off[C_COMMANDS] = blob_add(&tab->blob, f[1]);
	row.off[C_NAME] = blob_add(&tab->blob, f[2]);
	for (i = C_SOURCE; i < C_TEXTS; i++)
		row.off[i] = blob_add(&tab->blob, f[i + 2]);
	tab->codes = grow(tab->codes, &tab->capcodes, tab->ncodes, sizeof row);
	tab->codes[tab->ncodes++] = row;
}

int read_codes(const char *path, struct table *tab)
{
	struct tsv t;
	struct claims c = { 0, 0, 0, 0 };

	if (tsv_open(&t, path) < 0)
		return -1;
	while (tsv_next(&t, on_codes_comment, tab))
		read_code_row(&t, tab, &c);
	if (tab->sources_date[0] == '\0')
		tsv_error(&t, "no '# sources-date: YYYY-MM-DD' line");
	else if (tab->ncodes == 0 && t.errors == 0)
		tsv_error(&t, "no rows");
	return tsv_finish(&t);
}

void print_codes(const struct table *tab, FILE *out)
{
	size_t i;

	fputs("\n/* code, status (enum smtpcode_status), offsets of: commands, name, source,\n"
	      " * description, when_seen, fix */\n", out);
	fprintf(out, "static const struct gen_meaning gen_meanings[%zu] = {\n", tab->ncodes);
	for (i = 0; i < tab->ncodes; i++) {
		const struct code_row *r = &tab->codes[i];
		fprintf(out, "\t{ %d, %d /* %s */, { %lu, %lu, %lu, %lu, %lu, %lu } },\n",
		        r->code, r->status, smtpcode_status_name((enum smtpcode_status)r->status),
		        r->off[0], r->off[1], r->off[2], r->off[3], r->off[4], r->off[5]);
	}
	fputs("};\n", out);
}
