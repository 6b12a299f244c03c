/* main.c - smtpcode: options -> engine -> formatter -> exit status. */
#include "args.h"
#include "format.h"
#include "run_text.h"
#include "smtpcode.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

enum { TEXT_WIDTH = 80 };

static const char usage[] =
	"usage: smtpcode [--json] [--after CMD] CODE...   (550, 5.1.1, X.7.1)\n"
	"       smtpcode compare [--json] [--after CMD] CODE CODE\n"
	"       smtpcode explain [--json] [TEXT...]     replies in a bounce or log\n"
	"       smtpcode scan [--json] [FILE...]        counts for a whole mail log\n"
	"\n"
	"Explains SMTP reply codes (RFC 5321 and its extensions) and RFC 3463\n"
	"enhanced status codes (5.1.1, X.7.1): class, meaning, when you see it, how\n"
	"to fix it, and the RFC section or registry entry behind it.\n"
	"\n"
	"  -j, --json       one JSON object per result, one per line (see smtpcode(1))\n"
	"  -a, --after CMD  only the meaning a code has as a reply to CMD (e.g. RCPT,\n"
	"                   ETRN, STARTTLS, AUTH; CONNECT for the greeting)\n"
	"  -h, --help       this help\n"
	"  -V, --version    version and the date the sources were checked\n"
	"\n"
	"Examples:\n"
	"  smtpcode 550                  explain a code\n"
	"  smtpcode 421 451 550          explain several\n"
	"  smtpcode --after ETRN 251     251 as a reply to ETRN\n"
	"  smtpcode compare 251 551      two codes side by side\n"
	"  smtpcode 5.1.1 5.7.606        enhanced codes, registered or not\n"
	"  smtpcode compare 550 5.1.1    a reply code with an enhanced code\n"
	"  smtpcode explain '550 5.1.1 <bob@example.org>: User unknown'\n"
	"  zcat /var/log/mail.log.*.gz | smtpcode scan\n"
	"  smtpcode --json 252 | jq .meanings[0].fix\n"
	"\n"
	"Exit status: 0 all codes defined, 1 some code not defined or no reply\n"
	"found, 2 usage error or unreadable file, 3 output error. See man smtpcode.\n";

static int lookup(const struct options *o)
{
	static struct smtpcode_item item;
	struct smtpcode_query q;
	int i, status = EXIT_FOUND;

	for (i = 0; i < o->ncodes; i++) {
		smtpcode_parse(o->codes[i], &q, NULL);
		smtpcode_lookup_item(&q, o->after, &item);
		if (!smtpcode_item_known(&item))
			status = EXIT_UNDEFINED;
		if (o->json) {
			json_item(stdout, &item);
		} else {
			if (i > 0)
				putchar('\n');
			text_item(stdout, &item, TEXT_WIDTH);
		}
	}
	return status;
}

static int compare(const struct options *o)
{
	static struct smtpcode_compare c;
	struct smtpcode_query a, b;

	smtpcode_parse(o->codes[0], &a, NULL);
	smtpcode_parse(o->codes[1], &b, NULL);
	smtpcode_compare(&a, &b, o->after, &c);
	if (o->json)
		json_compare(stdout, &c);
	else
		text_compare(stdout, &c, TEXT_WIDTH);
	return smtpcode_item_known(&c.a) && smtpcode_item_known(&c.b) ? EXIT_FOUND
	                                                               : EXIT_UNDEFINED;
}

/* Flushes stdout; a write error (a full disk, /dev/full) becomes one line on
 * stderr and EXIT_OUTPUT. A closed pipe ends the program by SIGPIPE first. */
static int finish(int status)
{
	int bad = ferror(stdout);

	if (fclose(stdout) != 0 || bad) {
		fprintf(stderr, "smtpcode: write error: %s\n",
		        errno ? strerror(errno) : "output failed");
		return EXIT_OUTPUT;
	}
	return status;
}

int main(int argc, char **argv)
{
	struct options o;
	char err[256];

	if (args_parse(argc, argv, &o, err, sizeof err) < 0) {
		fprintf(stderr, "smtpcode: %s\n", err);
		return EXIT_USAGE;
	}
	switch (o.mode) {
	case MODE_HELP:
		fputs(usage, stdout);
		return finish(EXIT_FOUND);
	case MODE_VERSION:
		printf("smtpcode %s (sources checked %s)\n", SMTPCODE_VERSION,
		       smtpcode_sources_date());
		return finish(EXIT_FOUND);
	case MODE_COMPARE:
		return finish(compare(&o));
	case MODE_EXPLAIN:
		return finish(run_explain(&o, TEXT_WIDTH));
	case MODE_SCAN:
		return finish(run_scan(&o));
	case MODE_LOOKUP:
		break;
	}
	return finish(lookup(&o));
}
