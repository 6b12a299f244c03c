/* format_detail.c - scan's failures by reason and by code (logstat_detail.h),
 * as text and as JSON. */
#include "format_logstat.h"
#include "json.h"
#include "safe_text.h"

#include <string.h>

/* The text columns: name or code, direction, count, then the sample. */
#define NAME_COLUMNS 15
#define DIR_COLUMNS 12
#define SAMPLE_COLUMNS 38

static const char *const dir_keys[3] = { "scan.dir_unknown", "scan.by_us", "scan.by_remote" };
static const char *const dir_json[3] = { "unknown", "by_us", "by_remote" };

void text_cell(FILE *out, const char *text, size_t n, int width)
{
	size_t at = 0, len;
	int cols = 0;

	while (at < n) {
		int w = safe_char(text + at, n - at, &len);
		if (w == 0)
			w = SAFE_ESCAPE_COLUMNS;
		if (cols + w > width)
			break;
		cols += w;
		at += len;
	}
	safe_write(out, text, at);
	fprintf(out, "%*s", width - cols, "");
}

/* A sample as safe_text shows it, cut to SAMPLE_COLUMNS with "..." when it
 * does not fit (or was cut when kept: LS_SAMPLE - 1 bytes). */
static void sample_cell(FILE *out, const char *s)
{
	size_t n = strlen(s), at = 0, fit = 0, len;
	int cols = 0;

	while (at < n) {
		int w = safe_char(s + at, n - at, &len);
		cols += w ? w : SAFE_ESCAPE_COLUMNS;
		if (cols > SAMPLE_COLUMNS)
			break;
		at += len;
		if (cols <= SAMPLE_COLUMNS - 3)
			fit = at;
	}
	if (at < n || n >= LS_SAMPLE - 4) {
		safe_write(out, s, fit);
		fputs("...", out);
	} else {
		safe_write(out, s, n);
	}
	putc('\n', out);
}

static void row(FILE *out, const struct style *st, const char *name, int dir,
                unsigned long count, const char *sample)
{
	fputs("  ", out);
	text_cell(out, name, strlen(name), NAME_COLUMNS);
	putc(' ', out);
	text_cell(out, style_phrase(st, dir_keys[dir]), strlen(style_phrase(st, dir_keys[dir])),
	          DIR_COLUMNS);
	fprintf(out, " %7lu  ", count);
	sample_cell(out, sample);
}

/* The heading of a table: scan.SECTION_reasons or scan.SECTION_codes. */
static void heading(FILE *out, const struct style *st, int section, const char *what)
{
	char key[40];

	snprintf(key, sizeof key, "scan.%s_%s", ls_section_key((enum ls_section)section), what);
	fprintf(out, "\n%s\n", style_phrase(st, key));
}

static void other_row(FILE *out, const struct style *st, unsigned long count)
{
	if (!count)
		return;
	fputs("  ", out);
	text_cell(out, style_phrase(st, "scan.other"), strlen(style_phrase(st, "scan.other")),
	          NAME_COLUMNS + 1 + DIR_COLUMNS);
	fprintf(out, " %7lu\n", count);
}

static void text_section(FILE *out, const struct logstat *ls, const struct style *st, int s)
{
	static struct ls_reason_ref refs[3 * LS_REASONS];
	static const struct ls_code_row *codes[LS_CODE_SLOTS];
	size_t n = ls_detail_reasons(&ls->detail, s, refs), i;
	unsigned long rest = 0;
	char code[32];

	if (n == 0)
		return;
	heading(out, st, s, "reasons");
	for (i = 0; i < n; i++)
		if (i < (size_t)ls->top)
			row(out, st, smtpcode_reason_name(refs[i].reason), refs[i].dir,
			    refs[i].row->count, refs[i].row->sample);
		else
			rest += refs[i].row->count;
	other_row(out, st, rest);
	n = ls_detail_codes(&ls->detail, s, codes);
	heading(out, st, s, "codes");
	for (i = 0, rest = ls->detail.code_other[s]; i < n; i++)
		if (i < (size_t)ls->top)
			row(out, st, ls_code_text(codes[i], code, sizeof code)[0] ? code : "-",
			    codes[i]->dir, codes[i]->count, codes[i]->sample);
		else
			rest += codes[i]->count;
	other_row(out, st, rest);
}

void text_detail(FILE *out, const struct logstat *ls, const struct style *st)
{
	int s;

	if (ls->top == 0)
		return;
	for (s = 0; s < LS_NSECTIONS; s++)
		text_section(out, ls, st, s);
}

static void json_section(struct json *j, const struct logstat *ls, int s)
{
	static struct ls_reason_ref refs[3 * LS_REASONS];
	static const struct ls_code_row *codes[LS_CODE_SLOTS];
	size_t n = ls_detail_reasons(&ls->detail, s, refs), i;
	char code[32];

	json_key(j, ls_section_key((enum ls_section)s));
	json_object_begin(j);
	json_key(j, "reasons");
	json_array_begin(j);
	for (i = 0; i < n; i++) {
		json_object_begin(j);
		json_key_string(j, "reason", smtpcode_reason_name(refs[i].reason));
		json_key_string(j, "direction", dir_json[refs[i].dir]);
		json_key_int(j, "count", (long)refs[i].row->count);
		json_key_string(j, "sample", refs[i].row->sample);
		json_object_end(j);
	}
	json_array_end(j);
	json_key(j, "codes");
	json_array_begin(j);
	n = ls_detail_codes(&ls->detail, s, codes);
	for (i = 0; i < n; i++) {
		json_object_begin(j);
		json_key_string(j, "code", ls_code_text(codes[i], code, sizeof code));
		json_key_string(j, "direction", dir_json[codes[i]->dir]);
		json_key_int(j, "count", (long)codes[i]->count);
		json_key_string(j, "sample", codes[i]->sample);
		json_object_end(j);
	}
	json_array_end(j);
	json_key_int(j, "codes_other", (long)ls->detail.code_other[s]);
	json_object_end(j);
}

void json_detail(struct json *j, const struct logstat *ls)
{
	int s;

	json_key(j, "detail");
	json_object_begin(j);
	json_key_int(j, "sample_bytes", LS_SAMPLE - 1);
	for (s = 0; s < LS_NSECTIONS; s++)
		json_section(j, ls, s);
	json_object_end(j);
}

void text_column(FILE *out, const struct style *st, const char *key, int width)
{
	const char *text = style_phrase(st, key);
	int cols = safe_columns(text, strlen(text));

	fprintf(out, " %*s%s", cols < width ? width - cols : 0, "", text);
}

int ls_direction_parse(const char *s)
{
	int d;

	for (d = 0; d < 3; d++)
		if (strcmp(s, dir_json[d]) == 0)
			return d;
	return -1;
}
