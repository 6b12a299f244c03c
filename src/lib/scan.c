/* scan.c - the reply scanner's driver and public functions. Each line is
 * read into the scanner, goes through the normalising passes, then to the
 * DSN groups, then to reply detection. No I/O and no allocation: the caller
 * feeds lines, and all state lives in the caller's struct smtpcode_scanner. */
#include "scan.h"
#include "scan_fast.h"
#include "scan_pairs.h"

#include <string.h>

_Static_assert(sizeof(struct scan) <= sizeof(struct smtpcode_scanner),
               "struct scan fits in SMTPCODE_SCANNER_SIZE bytes");
_Static_assert(_Alignof(struct scan) <= _Alignof(struct smtpcode_scanner),
               "struct smtpcode_scanner is aligned for struct scan");

/* The normalising passes, in order, after the MIME pass (scan_mime.c),
 * which may turn one line into several. A new pass is one more
 * scan_pass_fn here and in scan_line.c (or a file of its own), with its
 * tests in tests/test_scan_line.c. */
static scan_pass_fn *const passes[] = {
	smtpcode__pass_unquote,
	smtpcode__pass_log_prefix,
	smtpcode__pass_prefix,
	smtpcode__pass_indent,
};

static struct scan *state(struct smtpcode_scanner *s)
{
	return (struct scan *)(void *)s;
}

static const struct scan *const_state(const struct smtpcode_scanner *s)
{
	return (const struct scan *)(const void *)s;
}

void smtpcode_scanner_init(struct smtpcode_scanner *s)
{
	struct scan *sc = state(s);

	memset(sc, 0, sizeof *sc);
	smtpcode__formats_index(&sc->formats);
}

/* A line after the MIME pass: the other passes, then DSN groups, then
 * replies. */
static void detect(struct scan *sc, struct scan_line *l)
{
	struct scan_pairs pairs;
	size_t i;

	/* The line's pairs, marked once, spare the lookups most searches: the
	 * passes' too, until one rewrites the line (it sets pairs to NULL). An
	 * empty line has none, and its lookups search nothing. */
	sc->formats.pairs = NULL;
	if (l->text[0]) {
		smtpcode__pairs_mark(&pairs, l->text, strlen(l->text));
		sc->formats.pairs = &pairs;
	}
	/* First, a quoted local part's text hidden (scan_address.c): only a
	 * line with both pairs of "<\"...\"@" may hold one. */
	if (sc->formats.pairs && scan_may_hold(sc->formats.pairs, "<\"", 2) &&
	    scan_may_hold(sc->formats.pairs, "\"@", 2))
		smtpcode__pass_quoted(sc, l);
	for (i = 0; i < sizeof passes / sizeof passes[0]; i++)
		if (!passes[i](sc, l)) {
			sc->formats.pairs = NULL;
			return;
		}
	/* From here on the line holds still (the stages below read it as
	 * const). */
	if (!sc->formats.pairs && l->text[0]) {
		smtpcode__pairs_mark(&pairs, l->text, strlen(l->text));
		sc->formats.pairs = &pairs;
	}
	if (smtpcode__dsn_takes(sc, l)) {
		smtpcode__flush_pending(sc);
		smtpcode__dsn_line(sc, l);
	} else {
		smtpcode__dsn_flush(sc);
		smtpcode__reply_line(sc, l);
	}
	sc->formats.pairs = NULL;
}

void smtpcode_scanner_line(struct smtpcode_scanner *s, const char *line, size_t len,
                           smtpcode_reply_fn *emit, void *arg)
{
	struct scan *sc = state(s);

	sc->line++;
	sc->emit = emit;
	sc->arg = arg;
	smtpcode__twin_tick(sc);
	if (len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
		line += 3, len -= 3; /* a UTF-8 byte-order mark (a file's first line, a paste) */
	smtpcode__line_read(&sc->in, line, len);
	if (!sc->general_only && smtpcode__fast_line(sc, &sc->in))
		return;
	smtpcode__fast_command(sc);
	smtpcode__mime_line(sc, &sc->in, detect);
}

void smtpcode_scanner_end(struct smtpcode_scanner *s, smtpcode_reply_fn *emit, void *arg)
{
	struct scan *sc = state(s);

	sc->emit = emit;
	sc->arg = arg;
	smtpcode__fast_command(sc);
	smtpcode__mime_end(sc, detect);
	smtpcode__flush_pending(sc);
	smtpcode__dsn_flush(sc);
	smtpcode__twin_end(sc);
}

void smtpcode_scanner_set_codes_only(struct smtpcode_scanner *s, int on)
{
	state(s)->codes_only = on != 0;
}

unsigned long smtpcode_scanner_lines(const struct smtpcode_scanner *s)
{
	return const_state(s)->line;
}

unsigned long smtpcode_scanner_outcome_lines(const struct smtpcode_scanner *s,
                                             enum smtpcode_outcome o)
{
	return (unsigned)o < SMTPCODE_OUTCOME_COUNT ? const_state(s)->outcomes[o] : 0;
}
