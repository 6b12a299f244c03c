/* logstat.c - the totals of a mail log (see logstat.h). */
#include "logstat.h"

#include <string.h>

static const char *const keys[LS_NCOUNTS] = {
	"received", "delivered", "forwarded", "deferred", "deferrals", "bounced", "expired",
	"rejected", "reject_warnings", "held", "discarded",
};

static const char *const mta_names[LS_NMTA] = {
	"none", "postfix", "exim", "sendmail", "opensmtpd",
};

void logstat_init(struct logstat *ls)
{
	memset(ls, 0, sizeof *ls);
	idset_init(&ls->deferred);
}

void logstat_line(struct logstat *ls, const char *line, size_t len)
{
	struct ls_event e;

	if (!ls_read_line(line, len, &e))
		return;
	ls->mta_lines[e.mta]++;
	if (e.count < 0)
		return;
	ls->count[e.count] += e.n;
	if (e.count == LS_DEFERRALS && e.idlen && idset_add(&ls->deferred, e.id, e.idlen))
		ls->count[LS_DEFERRED]++;
	if (e.dir != LS_DIR_NONE) {
		ls->dir[e.dir][0]++;
		if (e.cls == 4 || e.cls == 5)
			ls->dir[e.dir][e.cls - 3]++;
	}
}

unsigned logstat_percent(const struct logstat *ls, enum ls_count c)
{
	unsigned long total = ls->count[LS_DELIVERED] + ls->count[LS_REJECTED] +
	                      ls->count[LS_DISCARDED];

	return total ? (unsigned)(ls->count[c] * 100 / total) : 0;
}

const char *logstat_key(enum ls_count c)
{
	return keys[c];
}

const char *logstat_mta_name(enum ls_mta m)
{
	return mta_names[m];
}
