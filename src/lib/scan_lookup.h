/* scan_lookup.h - the lookups of the format tables (internal to
 * libsmtpcode; scan.h includes it at its end): each reads the rows of its
 * role(s), in the formats' order, and answers one question about a line
 * (scan_lookup.c; scan_who.c those of recipients, hosts and directions). */
#ifndef SMTPCODE_SCAN_LOOKUP_H
#define SMTPCODE_SCAN_LOOKUP_H

#include "scan.h"

#include <stddef.h>

const char *smtpcode__command_seen(const struct scan_index *ix, const char *line, int *seen);
/* The words at p up to until (any case) or, without it, one word up to a
 * space or a colon, as a canonical command (or NULL): what a row of
 * SCAN_COMMAND without its own command names. */
const char *smtpcode__command_word(const char *p, const char *until);
static inline const char *smtpcode__command_in(const struct scan_index *ix, const char *line)
{
	int seen;

	return smtpcode__command_seen(ix, line, &seen);
}
enum smtpcode_outcome smtpcode__outcome_in(const struct scan_index *ix, const char *line);
int smtpcode__after_lead_in(const struct scan_index *ix, const char *line, const char *p,
                            const char *colon_after);
const char *smtpcode__colon_lead_in(const struct scan_index *ix, const char *line);
const char *smtpcode__enhanced_field(const struct scan_index *ix, const char *line);
const char *smtpcode__record_text(const struct scan_index *ix, const char *line, size_t *n);
const char *smtpcode__text_end(const struct scan_index *ix, const char *text, int after_space);
const char *smtpcode__join_in(const struct scan_index *ix, const char *text, size_t *len);
enum scan_role smtpcode__prefix(const struct scan_index *ix, const char *line, size_t *len);
enum scan_role smtpcode__prefix_after(const struct scan_index *ix, const char *line,
                                      const char **start);
const char *smtpcode__client_word(const struct scan_index *ix, const char *word);
const char *smtpcode__raw_client(const struct scan_index *ix, const char *line);
int smtpcode__echo(const struct scan_index *ix, const char *line);
const char *smtpcode__command_before(const struct scan_index *ix, const char *line);
const char *smtpcode__enhanced_lead(const struct scan_index *ix, const char *line);
int smtpcode__status_tag(const struct scan_index *ix, const char *line,
                         struct smtpcode_enhanced_code *code);
enum smtpcode_outcome smtpcode__dsn_action(const struct scan_index *ix, const char *value);
const char *smtpcode__connection_failure(const struct scan_index *ix, const char *line,
                                         int has_outcome);
int smtpcode__recipient_in(const struct scan_index *ix, const char *line, char *out);
int smtpcode__host_in(const struct scan_index *ix, const char *line, char *out);
const char *smtpcode__host_line(const struct scan_index *ix, const char *line);
enum smtpcode_direction smtpcode__direction_in(const struct scan_index *ix, const char *line);
const char *smtpcode__command_span(const struct scan_index *ix, const char *line);
const char *smtpcode__side_after(const struct scan_index *ix, const char *line, size_t *len);
extern const char smtpcode__side_firsts[]; /* the SCAN_SIDE_AFTER markers' first bytes */
size_t smtpcode__lead_in_at(const struct scan_index *ix, const char *text);
int smtpcode__json_object(const struct scan_index *ix, const char *line);
enum scan_role smtpcode__prefix_after_longest(const struct scan_index *ix, const char *line,
                                              const char **start);
int smtpcode__status_before(const struct scan_index *ix, const char *line, const char *p,
                            struct smtpcode_enhanced_code *code);

#endif
