/* format_logstat.h - scan's totals (logstat.h), as text and as JSON. */
#ifndef SMTPCODE_FORMAT_LOGSTAT_H
#define SMTPCODE_FORMAT_LOGSTAT_H

#include <stdio.h>

#include "format.h"
#include "logstat.h"

struct json;

/* The "Messages" and "Refusals" sections (nothing if no MTA line was seen). */
void text_logstat(FILE *out, const struct logstat *ls, const struct style *st);

/* The keys "messages", "refusals" and "mta_lines" of the scan object. */
void json_logstat(struct json *j, const struct logstat *ls);

/* The tables by recipient domain and by relay host (format_topk.c): the
 * first ls->top rows, then "other"; JSON keys "domains" and "relays". */
void text_topk(FILE *out, const struct logstat *ls, const struct style *st);
void json_topk(struct json *j, const struct logstat *ls);

/* The time range and the counts per hour (format_hours.c): text with a bar
 * chart of each hour's events; JSON key "time". */
void text_hours(FILE *out, const struct logstat *ls, const struct style *st);
void json_hours(struct json *j, const struct logstat *ls);

/* The failures by reason and by code (format_detail.c): for rejected,
 * deferrals and bounced, the first ls->top rows of each table, then
 * "other"; JSON key "detail" with every row. */
void text_detail(FILE *out, const struct logstat *ls, const struct style *st);
void json_detail(struct json *j, const struct logstat *ls);

/* The phrase for key with {1}... {count} filled in (format_scan.c; a
 * static buffer, valid until the next call). */
const char *text_template(const struct style *st, const char *key, const char **args,
                          size_t count);

/* Text from the input (s[0..n)) as safe_text shows it, cut to width
 * columns and padded to them (format_detail.c). */
void text_cell(FILE *out, const char *s, size_t n, int width);

/* A column heading: " " then the phrase of key, right-aligned to width
 * columns (format_detail.c). */
void text_column(FILE *out, const struct style *st, const char *key, int width);

/* The direction of a JSON "direction" value ("by_us"), or -1. */
int ls_direction_parse(const char *s);

#endif
