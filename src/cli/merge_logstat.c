/* merge_logstat.c - `scan --merge`: the totals by MTA rules (logstat.h). */
#include "logstat.h"
#include "merge_read.h"
#include "format_logstat.h"

#include <string.h>

/* A hash of a deferred message's id: 16 hex digits. */
static int deferred_id(struct merge *m, size_t i, enum json_tok first, void *arg)
{
	char hex[JSON_IN_STRING];
	uint64_t h = 0;
	size_t k;

	(void)i, (void)arg;
	if (merge_string(m, first, hex) < 0)
		return -1;
	for (k = 0; k < 16; k++) {
		char c = hex[k];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			break;
		h = h * 16 + (uint64_t)(c <= '9' ? c - '0' : c - 'a' + 10);
	}
	if (k < 16 || hex[16] || h == 0)
		return merge_bad(m, hex, ": not a deferred id (16 hex digits)");
	if (idset_add_hash(&m->ls->deferred, h))
		m->ls->count[LS_DEFERRED]++;
	return 0;
}

/* The totals; deferred is counted again from deferred_ids, as the ids of
 * all shards together give it. */
static int message_member(struct merge *m, const char *key, enum json_tok first, void *arg)
{
	unsigned long ignored = 0;
	int c;

	(void)arg;
	if (strcmp(key, "deferred_ids") == 0)
		return merge_array(m, first, deferred_id, NULL);
	if (strcmp(key, "deferred") == 0 || strcmp(key, "rejected_percent") == 0 ||
	    strcmp(key, "discarded_percent") == 0)
		return merge_number(m, first, &ignored);
	for (c = 0; c < LS_NCOUNTS; c++)
		if (strcmp(key, logstat_key((enum ls_count)c)) == 0)
			return merge_number(m, first, &m->ls->count[c]);
	return merge_bad(m, key, ": unknown key");
}

static int refusal_member(struct merge *m, const char *key, enum json_tok first, void *arg)
{
	static const char *const names[] = { "lines", "4xx", "5xx" };

	(void)arg;
	if (strcmp(key, "by_us") == 0)
		return merge_counts(m, first, names, 3, m->ls->dir[LS_DIR_OURS]);
	if (strcmp(key, "by_remote") == 0)
		return merge_counts(m, first, names, 3, m->ls->dir[LS_DIR_REMOTE]);
	return merge_bad(m, key, ": unknown key");
}

static int mta_lines(struct merge *m, enum json_tok first)
{
	static const char *names[LS_NMTA - 1];
	int k;

	for (k = 1; k < LS_NMTA; k++)
		names[k - 1] = logstat_mta_name((enum ls_mta)k);
	return merge_counts(m, first, names, LS_NMTA - 1, m->ls->mta_lines + 1);
}

static int table_row(struct merge *m, size_t i, enum json_tok first, void *arg)
{
	struct topk *t = arg;
	struct merge_row r;

	(void)i;
	if (merge_row(m, first, &r) < 0)
		return -1;
	if (!r.has_name || !r.name[0] || strlen(r.name) >= TOPK_KEY)
		return merge_bad(m, "rows", ": a row needs a name of 1 to 63 bytes");
	topk_add_counts(t, r.name, strlen(r.name), r.kinds, r.error);
	return 0;
}

static int table_member(struct merge *m, const char *key, enum json_tok first, void *arg)
{
	static const char *const kinds[TOPK_KINDS] = { "delivered", "deferred", "bounced" };
	struct topk *t = arg;
	unsigned long error = 0;

	if (strcmp(key, "rows") == 0)
		return merge_array(m, first, table_row, t);
	if (strcmp(key, "other") == 0)
		return merge_counts(m, first, kinds, TOPK_KINDS, t->total);
	if (strcmp(key, "max_error") == 0) {
		if (merge_number(m, first, &error) < 0)
			return -1;
		if (error > t->max_error)
			t->max_error = error;
		return 0;
	}
	return merge_bad(m, key, ": unknown key");
}

/* "first" or "last": a time stamp as scan writes it, or null. */
static int time_bound(struct merge *m, enum json_tok first, char *bound, int is_last)
{
	char text[JSON_IN_STRING];

	if (first == JT_NULL)
		return 0;
	if (merge_string(m, first, text) < 0)
		return -1;
	if (!logtime_valid(text))
		return merge_bad(m, text, ": not a time stamp such as 2026-11-29T10:00:01");
	if (!bound[0] || (logtime_cmp(text, bound) > 0) == is_last)
		memcpy(bound, text, LOGTIME_TEXT);
	return 0;
}


static int hour_item(struct merge *m, size_t i, enum json_tok first, void *arg)
{
	if (i >= 24)
		return merge_bad(m, "per_hour", ": more than 24 hours");
	return merge_number(m, first, (unsigned long *)arg + i);
}

static int per_hour_member(struct merge *m, const char *key, enum json_tok first, void *arg)
{
	int k;

	(void)arg;
	for (k = 0; k < LS_NHOURLY; k++)
		if (strcmp(key, logstat_hourly_key((enum ls_hourly)k)) == 0)
			return merge_array(m, first, hour_item, m->ls->hours[k]);
	return merge_bad(m, key, ": unknown key");
}

/* A row of "per_day": its day and counts, added to the day's row. */
struct day_row {
	char day[JSON_IN_STRING];
	int has_day;
	unsigned long n[LS_NHOURLY];
};

static int day_member(struct merge *m, const char *key, enum json_tok first, void *arg)
{
	struct day_row *r = arg;
	int k;

	if (strcmp(key, "day") == 0) {
		r->has_day = 1;
		return merge_string(m, first, r->day);
	}
	for (k = 0; k < LS_NHOURLY; k++)
		if (strcmp(key, logstat_hourly_key((enum ls_hourly)k)) == 0)
			return merge_number(m, first, &r->n[k]);
	return merge_bad(m, key, ": unknown key");
}

static int day_item(struct merge *m, size_t i, enum json_tok first, void *arg)
{
	static struct day_row r;
	uint64_t key;
	int k;

	(void)i;
	(void)arg;
	memset(&r, 0, sizeof r);
	if (merge_object(m, first, day_member, &r) < 0)
		return -1;
	if (!r.has_day)
		return merge_bad(m, "per_day", ": a row needs a day");
	if (strcmp(r.day, "other") == 0) {
		for (k = 0; k < LS_NHOURLY; k++)
			m->ls->days_other[k] += r.n[k];
		return 0;
	}
	if ((key = logstat_day_key(r.day)) == 0)
		return merge_bad(m, r.day, ": not a day such as 2026-11-29 or --11-29");
	for (k = 0; k < LS_NHOURLY; k++)
		if (r.n[k])
			logstat_day_add(m->ls, key, r.day, k, r.n[k]);
	return 0;
}

static int time_member(struct merge *m, const char *key, enum json_tok first, void *arg)
{
	(void)arg;
	if (strcmp(key, "first") == 0)
		return time_bound(m, first, m->ls->first, 0);
	if (strcmp(key, "last") == 0)
		return time_bound(m, first, m->ls->last, 1);
	if (strcmp(key, "per_hour") == 0)
		return merge_object(m, first, per_hour_member, NULL);
	if (strcmp(key, "per_day") == 0)
		return merge_array(m, first, day_item, NULL);
	return merge_bad(m, key, ": unknown key");
}

/* A row of "reasons" or "codes" in a section of "detail": its counts add
 * up; its sample is kept when the row is new (so the first input's). */
static int detail_row(struct merge *m, size_t i, enum json_tok first, void *arg)
{
	const int *where = arg; /* section, and 0 for reasons or 1 for codes */
	struct merge_row r;
	struct ls_code_row c;
	size_t reason;
	int dir;

	(void)i;
	if (merge_row(m, first, &r) < 0)
		return -1;
	dir = r.has_direction ? ls_direction_parse(r.direction) : -1;
	if (!r.has_count || !r.has_sample || dir < 0)
		return merge_bad(m, "detail", ": a row needs a direction, a count and a sample");
	if (where[1] == 0) {
		if (!r.has_reason || smtpcode_reason_find(r.reason, &reason) < 0)
			return merge_bad(m, r.reason, ": not a reason");
		ls_detail_add_reason(&m->ls->detail, where[0], dir, reason, r.count, r.sample,
		                     strlen(r.sample));
		return 0;
	}
	memset(&c, 0, sizeof c);
	if (!r.has_code || ls_code_parse(r.code, &c) < 0)
		return merge_bad(m, r.code, ": not a code such as \"550 5.1.1\", \"550\", \"5.1.1\" or \"\"");
	c.section = (unsigned char)where[0];
	c.dir = (unsigned char)dir;
	ls_detail_add_code(&m->ls->detail, &c, r.count, r.sample, strlen(r.sample));
	return 0;
}

static int section_member(struct merge *m, const char *key, enum json_tok first, void *arg)
{
	int where[2];

	where[0] = *(const int *)arg;
	where[1] = strcmp(key, "codes") == 0;
	if (strcmp(key, "reasons") == 0 || where[1])
		return merge_array(m, first, detail_row, where);
	if (strcmp(key, "codes_other") == 0)
		return merge_number(m, first, &m->ls->detail.code_other[where[0]]);
	return merge_bad(m, key, ": unknown key");
}

static int detail_member(struct merge *m, const char *key, enum json_tok first, void *arg)
{
	unsigned long ignored = 0;
	int s;

	(void)arg;
	if (strcmp(key, "sample_bytes") == 0)
		return merge_number(m, first, &ignored);
	for (s = 0; s < LS_NSECTIONS; s++)
		if (strcmp(key, ls_section_key((enum ls_section)s)) == 0)
			return merge_object(m, first, section_member, &s);
	return merge_bad(m, key, ": unknown key");
}

int merge_logstat_member(struct merge *m, const char *key, enum json_tok first)
{
	if (strcmp(key, "messages") == 0)
		return merge_object(m, first, message_member, NULL);
	if (strcmp(key, "refusals") == 0)
		return merge_object(m, first, refusal_member, NULL);
	if (strcmp(key, "mta_lines") == 0)
		return mta_lines(m, first);
	if (strcmp(key, "domains") == 0)
		return merge_object(m, first, table_member, &m->ls->domains);
	if (strcmp(key, "relays") == 0)
		return merge_object(m, first, table_member, &m->ls->relays);
	if (strcmp(key, "time") == 0)
		return merge_object(m, first, time_member, NULL);
	if (strcmp(key, "detail") == 0)
		return merge_object(m, first, detail_member, NULL);
	return 1;
}
