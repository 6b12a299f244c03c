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
