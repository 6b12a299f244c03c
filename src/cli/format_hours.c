/* format_hours.c - scan's time range and counts per hour (logstat.h), as
 * text (with a bar chart) and as JSON. */
#include "format_logstat.h"
#include "json.h"
#include "strbuf.h"

#include <string.h>

#define BAR_WIDTH 20 /* the text stays within 80 columns */

static unsigned long hour_total(const struct logstat *ls, int hour)
{
	unsigned long n = 0;
	int k;

	for (k = 0; k < LS_NHOURLY; k++)
		n += ls->hours[k][hour];
	return n;
}

static void bar(FILE *out, unsigned long n, unsigned long max, const struct style *st)
{
	unsigned long w = max ? (n * BAR_WIDTH + max - 1) / max : 0, i;

	if (st->color && w)
		fputs("\033[36m", out);
	for (i = 0; i < w; i++)
		putc('#', out);
	if (st->color && w)
		fputs("\033[0m", out);
}

static int days_other(const struct logstat *ls)
{
	int k;

	for (k = 0; k < LS_NHOURLY; k++)
		if (ls->days_other[k])
			return 1;
	return 0;
}

/* pflogsumm's "Per-Day Traffic Summary", for a log of more than one day. */
static void text_days(FILE *out, const struct logstat *ls, const struct style *st)
{
	static struct ls_day rows[LS_DAYS];
	size_t n = logstat_days(ls, rows), i;
	int k;

	if (n + (size_t)days_other(ls) < 2)
		return;
	fprintf(out, "\n%s\n", style_phrase(st, "scan.days"));
	fputs("  ", out);
	text_pad(out, style_phrase(st, "scan.col.day"), 10);
	for (k = 0; k < LS_NHOURLY; k++) {
		char key[32];
		snprintf(key, sizeof key, "scan.col.%s", logstat_hourly_key((enum ls_hourly)k));
		text_column(out, st, key, 9);
	}
	putc('\n', out);
	for (i = 0; i <= n; i++) {
		const unsigned long *c = i < n ? rows[i].n : ls->days_other;
		if (i == n && !days_other(ls))
			break;
		fputs("  ", out);
		text_pad(out, i < n ? rows[i].text : style_phrase(st, "scan.other"), 10);
		for (k = 0; k < LS_NHOURLY; k++)
			fprintf(out, " %9lu", c[k]);
		putc('\n', out);
	}
}

void text_hours(FILE *out, const struct logstat *ls, const struct style *st)
{
	unsigned long max = 0;
	int h, first = 24, last = -1, k;
	const char *args[2];
	char line[128], from[LOGTIME_TEXT], to[LOGTIME_TEXT];
	struct strbuf sb;

	if (!ls->first[0])
		return;
	logstat_time_range(ls, from, to);
	args[0] = from;
	args[1] = to;
	scx_sb_init(&sb, line, sizeof line);
	scx_sb_template(&sb, style_phrase(st, "scan.time"), args, 2);
	fprintf(out, "\n%s\n", line);
	text_days(out, ls, st);
	for (h = 0; h < 24; h++) {
		unsigned long n = hour_total(ls, h);
		if (n && h < first)
			first = h;
		if (n)
			last = h;
		if (n > max)
			max = n;
	}
	if (last < 0)
		return;
	fprintf(out, "\n%s\n", style_phrase(st, "scan.hours"));
	text_column(out, st, "scan.col.hour", 5);
	for (k = 0; k < LS_NHOURLY; k++) {
		char key[32];
		snprintf(key, sizeof key, "scan.col.%s", logstat_hourly_key((enum ls_hourly)k));
		text_column(out, st, key, 9);
	}
	putc('\n', out);
	for (h = first; h <= last; h++) {
		fprintf(out, "    %02d", h);
		for (k = 0; k < LS_NHOURLY; k++)
			fprintf(out, " %9lu", ls->hours[k][h]);
		fputs("  ", out);
		bar(out, hour_total(ls, h), max, st);
		putc('\n', out);
	}
}

/* "per_day": a row per day in time order, and one "other" for the days
 * past LS_DAYS. */
static void json_days(struct json *j, const struct logstat *ls)
{
	static struct ls_day rows[LS_DAYS];
	size_t n = logstat_days(ls, rows), i;
	int k;

	json_key(j, "per_day");
	json_array_begin(j);
	for (i = 0; i <= n; i++) {
		const unsigned long *c = i < n ? rows[i].n : ls->days_other;
		if (i == n && !days_other(ls))
			break;
		json_object_begin(j);
		json_key_string(j, "day", i < n ? rows[i].text : "other");
		for (k = 0; k < LS_NHOURLY; k++)
			json_key_int(j, logstat_hourly_key((enum ls_hourly)k), (long)c[k]);
		json_object_end(j);
	}
	json_array_end(j);
}

void json_hours(struct json *j, const struct logstat *ls)
{
	int k, h;
	char from[LOGTIME_TEXT], to[LOGTIME_TEXT];

	logstat_time_range(ls, from, to);
	json_key(j, "time");
	json_object_begin(j);
	json_key(j, "first");
	if (from[0])
		json_string(j, from);
	else
		json_null(j);
	json_key(j, "last");
	if (to[0])
		json_string(j, to);
	else
		json_null(j);
	json_days(j, ls);
	json_key(j, "per_hour");
	json_object_begin(j);
	for (k = 0; k < LS_NHOURLY; k++) {
		json_key(j, logstat_hourly_key((enum ls_hourly)k));
		json_array_begin(j);
		for (h = 0; h < 24; h++)
			json_int(j, (long)ls->hours[k][h]);
		json_array_end(j);
	}
	json_object_end(j);
	json_object_end(j);
}
