/* format_logstat.c - scan's totals (logstat.h), as text and as JSON. */
#include "format_logstat.h"
#include "json.h"

#include <stdio.h>

/* What a row counts (its i18n key scan.u.UNIT, or "" for none) and its
 * colour class (2, 4, 5, 0); its label is scan.n.KEY. */
static const struct {
	const char *unit;
	int cls;
} rows[LS_NCOUNTS] = {
	{ "scan.u.messages", 0 },
	{ "scan.u.recipients", 2 },
	{ "scan.u.recipients", 2 },
	{ "scan.u.messages", 4 },
	{ "scan.u.lines", 4 },
	{ "scan.u.recipients", 5 },
	{ "scan.u.messages", 5 },
	{ "", 5 },
	{ "scan.u.lines", 4 },
	{ "scan.u.messages", 0 },
	{ "scan.u.messages", 5 },
	{ "scan.u.recipients", 0 },
	{ "scan.u.recipients", 4 },
	{ "scan.u.lines", 4 },
};

static unsigned long mta_total(const struct logstat *ls)
{
	unsigned long n = 0;
	int m;

	for (m = LS_MTA_POSTFIX; m < LS_NMTA; m++)
		n += ls->mta_lines[m];
	return n;
}

/* The first MTA with lines. */
static int first_mta(const struct logstat *ls)
{
	int m = LS_MTA_POSTFIX;

	while (m < LS_NMTA - 1 && !ls->mta_lines[m])
		m++;
	return m;
}

static void label(FILE *out, const struct style *st, const char *text, int cls)
{
	const char *on = cls == 2 ? "\033[32m" : cls == 4 ? "\033[33m" : cls == 5 ? "\033[31m" : "";

	fprintf(out, "  %s", st->color ? on : "");
	text_pad(out, text, 15);
	fputs(st->color && *on ? "\033[0m" : "", out);
}

static void text_direction(FILE *out, const struct logstat *ls, const struct style *st)
{
	static const char *const names[3] = { NULL, "scan.by_us", "scan.by_remote" };
	int d;

	if (!ls->dir[LS_DIR_OURS][0] && !ls->dir[LS_DIR_REMOTE][0])
		return;
	fprintf(out, "\n%s\n", style_phrase(st, "scan.refusals"));
	for (d = LS_DIR_OURS; d <= LS_DIR_REMOTE; d++) {
		label(out, st, style_phrase(st, names[d]), 5);
		fprintf(out, " %9lu  %s (4xx %lu, 5xx %lu)\n", ls->dir[d][0],
		        style_phrase(st, d == LS_DIR_OURS ? "scan.ours" : "scan.theirs"),
		        ls->dir[d][1], ls->dir[d][2]);
	}
}

void text_logstat(FILE *out, const struct logstat *ls, const struct style *st)
{
	char key[32], n[24];
	const char *arg = n;
	int c, m;

	if (!mta_total(ls))
		return;
	fprintf(out, "\n%s (%s: ", style_phrase(st, "scan.messages"), style_phrase(st, "scan.u.lines"));
	for (m = LS_MTA_POSTFIX; m < LS_NMTA; m++)
		if (ls->mta_lines[m])
			fprintf(out, "%s%s %lu", m == first_mta(ls) ? "" : ", ",
			        logstat_mta_name((enum ls_mta)m), ls->mta_lines[m]);
	fprintf(out, ")\n");
	for (c = 0; c < LS_NCOUNTS; c++) {
		if (c == LS_DEFERRALS || (c >= LS_PROBES && !ls->count[c])) /* most logs have none */
			continue;
		snprintf(key, sizeof key, "scan.n.%s", logstat_key((enum ls_count)c));
		label(out, st, style_phrase(st, key), rows[c].cls);
		fprintf(out, " %9lu  ", ls->count[c]);
		snprintf(n, sizeof n, "%lu", ls->count[LS_DEFERRALS]);
		if (c == LS_DEFERRED)
			fprintf(out, "%s\n", text_template(st, "scan.deferrals_of", &arg, 1));
		else if (c == LS_REJECTED || c == LS_DISCARDED)
			fprintf(out, "%s%s(%u%%)\n", c == LS_DISCARDED ? style_phrase(st, rows[c].unit) : "",
			        c == LS_DISCARDED ? " " : "", logstat_percent(ls, (enum ls_count)c));
		else
			fprintf(out, "%s\n", style_phrase(st, rows[c].unit));
	}
	text_direction(out, ls, st);
	text_detail(out, ls, st);
	text_topk(out, ls, st);
	text_hours(out, ls, st);
}

/* The deferred messages' ids as 16 hex digits of their hashes, so that
 * --merge counts a message deferred in two shards once. */
static void json_deferred_ids(struct json *j, const struct idset *ids)
{
	static uint64_t hashes[2 * IDSET_GEN];
	size_t n = idset_sorted(ids, hashes), i;
	char hex[17];

	json_key(j, "deferred_ids");
	json_array_begin(j);
	for (i = 0; i < n; i++) {
		snprintf(hex, sizeof hex, "%08lx%08lx", (unsigned long)(hashes[i] >> 32),
		         (unsigned long)(hashes[i] & 0xffffffffu));
		json_string(j, hex);
	}
	json_array_end(j);
}

static void json_direction(struct json *j, const char *key, const unsigned long *d)
{
	json_key(j, key);
	json_object_begin(j);
	json_key_int(j, "lines", (long)d[0]);
	json_key_int(j, "4xx", (long)d[1]);
	json_key_int(j, "5xx", (long)d[2]);
	json_object_end(j);
}

void json_logstat(struct json *j, const struct logstat *ls)
{
	int c;

	json_key(j, "messages");
	json_object_begin(j);
	for (c = 0; c < LS_NCOUNTS; c++)
		json_key_int(j, logstat_key((enum ls_count)c), (long)ls->count[c]);
	json_key_int(j, "rejected_percent", (long)logstat_percent(ls, LS_REJECTED));
	json_key_int(j, "discarded_percent", (long)logstat_percent(ls, LS_DISCARDED));
	json_deferred_ids(j, &ls->deferred);
	json_object_end(j);
	json_key(j, "refusals");
	json_object_begin(j);
	json_direction(j, "by_us", ls->dir[LS_DIR_OURS]);
	json_direction(j, "by_remote", ls->dir[LS_DIR_REMOTE]);
	json_object_end(j);
	json_key(j, "mta_lines");
	json_object_begin(j);
	for (c = LS_MTA_POSTFIX; c < LS_NMTA; c++)
		json_key_int(j, logstat_mta_name((enum ls_mta)c), (long)ls->mta_lines[c]);
	json_object_end(j);
	json_topk(j, ls);
	json_hours(j, ls);
	json_detail(j, ls);
}
