/* scan_feed.h - feeding text to the scanner in a test, for the suites that
 * test it end to end (test_scan.c, test_scan_raw.c): scan() splits text at
 * '\n', feeds every line and ends the input; the replies land in found[]. */
#ifndef TESTS_SCAN_FEED_H
#define TESTS_SCAN_FEED_H

#include "testutil.h"
#include "smtpcode.h"

#include <string.h>

#define MAX_FOUND 16

static struct smtpcode_reply found[MAX_FOUND];
static size_t nfound;

static void collect(const struct smtpcode_reply *r, void *arg)
{
	(void)arg;
	assert_true(nfound < MAX_FOUND);
	found[nfound++] = *r;
}

/* Feeds text (lines split at '\n') and ends the input. */
static void scan(const char *text)
{
	struct smtpcode_scanner s;
	const char *p = text;

	nfound = 0;
	smtpcode_scanner_init(&s);
	for (;;) {
		size_t n = strcspn(p, "\n");
		smtpcode_scanner_line(&s, p, n, collect, NULL);
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
	smtpcode_scanner_end(&s, collect, NULL);
}

#endif
