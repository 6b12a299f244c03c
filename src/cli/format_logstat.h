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

#endif
