/*
 * gentable - turn data/codes.tsv, data/pairs.tsv, data/enhanced.tsv,
 * data/enhanced-notes.tsv and data/i18n.tsv into the C table that
 * src/lib/table.c includes. Every
 * row is checked; any broken rule is reported as "file:line: reason" and the
 * program exits 1 without printing the table.
 *
 * usage: gentable CODES.tsv PAIRS.tsv ENHANCED.tsv NOTES.tsv I18N.tsv > table.inc
 */
#include "gen.h"

#include <stdlib.h>
#include <string.h>

static const char *const statuses[] = {
	"standard", "extension", "experimental", "registry-sample", "de-facto", "pseudo"
};
static const char *const status_enums[] = {
	"SMTPCODE_STATUS_STANDARD", "SMTPCODE_STATUS_EXTENSION", "SMTPCODE_STATUS_EXPERIMENTAL",
	"SMTPCODE_STATUS_REGISTRY_SAMPLE", "SMTPCODE_STATUS_DE_FACTO", "SMTPCODE_STATUS_PSEUDO"
};
enum { STATUS_PSEUDO = 5, NSTATUS = 6 };

static const char *const commands[] = {
#define COMMAND(name) name,
#include "../lib/commands.def"
#undef COMMAND
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };
_Static_assert(NCOMMANDS <= 32, "a code's claimed commands are bits of an unsigned long");

void *grow(void *p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 64;
	p = realloc(p, *cap * size);
	if (!p) {
		fputs("gentable: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

int check_entry_texts(struct tsv *t, char **f)
{
	int bad = 0;

	bad |= tsv_check_text(t, "source", f[0], SOURCE_MAX_LEN);
	bad |= tsv_check_sentences(t, "description", f[1], TEXT_MAX_LEN);
	bad |= tsv_check_sentences(t, "when_seen", f[2], TEXT_MAX_LEN);
	bad |= tsv_check_sentences(t, "fix", f[3], TEXT_MAX_LEN);
	return bad;
}

static int find_status(const char *s)
{
	int i;

	for (i = 0; i < NSTATUS; i++)
		if (strcmp(s, statuses[i]) == 0)
			return i;
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

/* Checks the commands column and claims its commands for the code. */
static int check_commands(struct tsv *t, const char *s, int status, struct claims *c)
{
	unsigned long bits = 0;
	const char *p = s;

	if (strcmp(s, "*") == 0 || strcmp(s, "-") == 0) {
		int *seen = s[0] == '*' ? &c->any : &c->none;
		if (s[0] == '-' && status != STATUS_PSEUDO) {
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
	bad |= bad ? 0 : check_commands(t, f[1], row.status, c);
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

static int read_codes(const char *path, struct table *tab)
{
	struct tsv t;
	struct claims c = { 0, 0, 0, 0 };
	int errors;

	if (tsv_open(&t, path) < 0)
		return -1;
	while (tsv_next(&t, on_codes_comment, tab))
		read_code_row(&t, tab, &c);
	if (tab->sources_date[0] == '\0')
		tsv_error(&t, "no '# sources-date: YYYY-MM-DD' line");
	else if (tab->ncodes == 0 && t.errors == 0)
		tsv_error(&t, "no rows");
	errors = t.errors;
	tsv_close(&t);
	return errors ? -1 : 0;
}

static int has_code(const struct table *tab, int code)
{
	size_t i;

	for (i = 0; i < tab->ncodes; i++)
		if (tab->codes[i].code == code)
			return 1;
	return 0;
}

static void read_pair_row(struct tsv *t, struct table *tab)
{
	static const char *const columns[] = { "a", "b", "source", "difference", "when_to_use" };
	struct pair_row row;
	char **f = t->field;
	int i, bad = 0;

	if (tsv_check_fields(t, columns, 5) < 0)
		return;
	row.a = tsv_code(t, "a", f[0]);
	row.b = tsv_code(t, "b", f[1]);
	if (row.a < 0 || row.b < 0)
		return;
	if (row.a >= row.b) {
		tsv_error(t, "a (%d) must be lower than b (%d)", row.a, row.b);
		return;
	}
	for (i = 0; i < 2; i++) {
		int code = i ? row.b : row.a;
		if (!has_code(tab, code)) {
			tsv_error(t, "code %d is not in the codes table", code);
			return;
		}
	}
	if (tab->npairs > 0) {
		const struct pair_row *p = &tab->pairs[tab->npairs - 1];
		if (p->a == row.a && p->b == row.b) {
			tsv_error(t, "duplicate pair %d %d", row.a, row.b);
			return;
		}
		if (row.a < p->a || (row.a == p->a && row.b < p->b)) {
			tsv_error(t, "rows out of order: %d %d comes after %d %d",
			          row.a, row.b, p->a, p->b);
			return;
		}
	}
	bad |= tsv_check_text(t, "source", f[2], SOURCE_MAX_LEN);
	bad |= tsv_check_sentences(t, "difference", f[3], TEXT_MAX_LEN);
	bad |= tsv_check_sentences(t, "when_to_use", f[4], TEXT_MAX_LEN);
	if (bad)
		return;
	for (i = 0; i < 3; i++)
		row.off[i] = blob_add(&tab->blob, f[i + 2]);
	tab->pairs = grow(tab->pairs, &tab->cappairs, tab->npairs, sizeof row);
	tab->pairs[tab->npairs++] = row;
}

static int read_pairs(const char *path, struct table *tab)
{
	struct tsv t;
	int errors;

	if (tsv_open(&t, path) < 0)
		return -1;
	while (tsv_next(&t, NULL, NULL))
		read_pair_row(&t, tab);
	if (tab->npairs == 0 && t.errors == 0)
		tsv_error(&t, "no rows");
	errors = t.errors;
	tsv_close(&t);
	return errors ? -1 : 0;
}

static void print_table(struct table *tab, char **paths, FILE *out)
{
	size_t i;

	fprintf(out, "/* Generated by gentable from %s, %s, %s, %s and %s. Do not edit. */\n\n",
	        paths[1], paths[2], paths[3], paths[4], paths[5]);
	fprintf(out, "#define GEN_SOURCES_DATE \"%s\"\n\n", tab->sources_date);
	blob_print(&tab->blob, "gen_blob", out);
	fputs("\n/* code, status, offsets of: commands, name, source, description, "
	      "when_seen, fix */\n", out);
	fprintf(out, "static const struct gen_meaning gen_meanings[%zu] = {\n", tab->ncodes);
	for (i = 0; i < tab->ncodes; i++) {
		const struct code_row *r = &tab->codes[i];
		fprintf(out, "\t{ %d, %s, { %lu, %lu, %lu, %lu, %lu, %lu } },\n", r->code,
		        status_enums[r->status], r->off[0], r->off[1], r->off[2], r->off[3],
		        r->off[4], r->off[5]);
	}
	fputs("};\n\n/* a, b, offsets of: source, difference, when_to_use */\n", out);
	fprintf(out, "static const struct gen_pair gen_pairs[%zu] = {\n", tab->npairs);
	for (i = 0; i < tab->npairs; i++) {
		const struct pair_row *r = &tab->pairs[i];
		fprintf(out, "\t{ %d, %d, { %lu, %lu, %lu } },\n", r->a, r->b, r->off[0],
		        r->off[1], r->off[2]);
	}
	fputs("};\n", out);
	print_enhanced(tab, out);
	print_i18n(tab, out);
}

int main(int argc, char **argv)
{
	struct table tab;
	int failed;

	if (argc == 3 && strcmp(argv[1], "--labels") == 0)
		return labels_main(argv[2]);
	if (argc != 6) {
		fputs("usage: gentable CODES.tsv PAIRS.tsv ENHANCED.tsv NOTES.tsv I18N.tsv "
		      "> table.inc\n", stderr);
		return 2;
	}
	memset(&tab, 0, sizeof tab);
	failed = read_codes(argv[1], &tab) < 0;
	/* Pairs are checked against the codes, so only when those are sound. */
	if (!failed)
		failed = read_pairs(argv[2], &tab) < 0;
	failed |= read_enhanced(argv[3], &tab) < 0;
	failed |= read_notes(argv[4], &tab) < 0;
	failed |= read_i18n(argv[5], &tab) < 0;
	if (!failed) {
		print_table(&tab, argv, stdout);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			fputs("gentable: write error\n", stderr);
			failed = 1;
		}
	}
	blob_free(&tab.blob);
	free(tab.codes);
	free(tab.pairs);
	free(tab.enhanced);
	free(tab.notes);
	free(tab.phrases);
	return failed ? 1 : 0;
}
