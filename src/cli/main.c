/* main.c - smtpcode: options -> engine -> formatter -> exit status. */
#include "args.h"
#include "format.h"
#include "run_codes.h"
#include "run_text.h"
#include "safe_text.h"
#include "smtpcode.h"
#include "terminal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run_help(const struct options *o, const struct style *st);
static int run_version(const struct options *o, const struct style *st);

/* One row per mode, as git.c's commands[]: its subcommand name (NULL: none),
 * the function that runs it and its usage line (subcommands.def). */
static const struct command {
	const char *name;
	int (*run)(const struct options *o, const struct style *st);
	const char *usage;
} commands[] = {
#define SUBCOMMAND(mode, name, run, usage) [MODE_##mode] = { name, run, usage },
#include "subcommands.def"
#undef SUBCOMMAND
};
_Static_assert(sizeof commands / sizeof commands[0] == MODE_COUNT, "a row for each mode");

/* After the usage lines that commands[] gives. */
static const char help[] =
	"\n"
	"  -j, --json         one JSON object per result, one per line\n"
	"  -a, --after CMD    the meaning a code has as a reply to CMD (RCPT, ETRN...)\n"
	"  --brief            one line per code (explain: per reply)\n"
	"  --codes-only       just the codes    --full   whole entries, not a summary\n"
	"  --color=WHEN       auto, always or never  --lang LANG   en es vi tr de fr pt ja\n"
	"  --top N            scan: N rows of each table of the report (10)\n"
	"  --merge            scan: sum the scan --json summaries in FILEs\n"
	"  -h, --help         this help              -V, --version\n"
	"\n"
	"Examples:\n"
	"  smtpcode 550 5.1.1                explain codes\n"
	"  smtpcode --after ETRN 251         251 as a reply to ETRN\n"
	"  smtpcode compare 251 551          two codes side by side\n"
	"  smtpcode 5xx   smtpcode 4.7.x     every code that matches\n"
	"  smtpcode search relay denied      codes whose texts say so\n"
	"  smtpcode explain '550 5.1.1 <bob@example.org>: User unknown'\n"
	"  zcat /var/log/mail.log.*.gz | smtpcode scan\n"
	"  smtpcode --json - < codes.txt     many codes, one per line\n"
	"Environment: COLUMNS, NO_COLOR, LANG; SMTPCODE_THREADS=1 (one thread)\n"
	"\n"
	"Exit status: 0 all codes defined, 1 some code not defined (scan: or no\n"
	"reply and no mail-log line), 2 usage or unreadable file, 3 output error,\n"
	"4 explain found no reply.\n";

/* "usage: smtpcode [options] CODE...", then a line for each subcommand; a
 * usage that ends in a space is followed on its line by the next one. */
static int run_help(const struct options *o, const struct style *st)
{
	const char *lead = "usage: ";
	size_t m;

	(void)o, (void)st;
	for (m = 0; m < MODE_COUNT; m++) {
		const struct command *c = &commands[m];
		size_t len = c->usage ? strlen(c->usage) : 0;
		if (!len)
			continue;
		printf("%ssmtpcode %s%s%s", lead, c->name ? c->name : "", c->name ? " " : "",
		       c->usage);
		lead = c->usage[len - 1] == ' ' ? "" : "       ";
		if (*lead)
			putchar('\n');
	}
	fputs(help, stdout);
	return EXIT_FOUND;
}

static int run_version(const struct options *o, const struct style *st)
{
	(void)o, (void)st;
	printf("smtpcode %s (sources checked %s)\n", SMTPCODE_VERSION, smtpcode_sources_date());
	return EXIT_FOUND;
}

/* The output width: COLUMNS when it holds a sensible number, else 80. */
static int text_width(void)
{
	const char *c = getenv("COLUMNS");
	char *end;
	long w;

	if (!c || !*c)
		return 80;
	w = strtol(c, &end, 10);
	if (*end || w < 1)
		return 80;
	return w < 20 ? 20 : w > 1000 ? 1000 : (int)w;
}

/* The language: --lang, else LC_ALL, LC_MESSAGES or LANG (the first set). */
static int text_language(const char *option)
{
	static const char vars[][12] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;
	int lang;

	if (option) {
		lang = smtpcode_language_find(option);
		if (lang < 0) {
			char shown[SAFE_ECHO_SIZE];
			fprintf(stderr, "smtpcode: warning: no translation for %s; using English\n",
			        safe_echo(shown, sizeof shown, option, 1));
		}
		return lang < 0 ? 0 : lang;
	}
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v) {
			lang = smtpcode_language_find(v);
			return lang < 0 ? 0 : lang;
		}
	}
	return 0;
}

static int use_color(enum color when, int json, int tty)
{
	const char *no;

	if (json || when == COLOR_NEVER)
		return 0;
	if (when == COLOR_ALWAYS)
		return 1;
	no = tty ? getenv("NO_COLOR") : NULL;
	return tty && !(no && *no);
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
	struct style st;
	char err[512]; /* room for an echoed value (SAFE_ECHO_SIZE) and its reason */
	/* Standard output's buffer: static, so that the first write allocates
	 * nothing, and large, for long reports; by lines on a terminal, as
	 * stdio does by default there. */
	static char outbuf[65536];
	int tty = STDOUT_IS_TERMINAL();

	/* where terminal.h knows no terminals, tty is always 0: */
	/* cppcheck-suppress knownConditionTrueFalse */
	setvbuf(stdout, outbuf, tty ? _IOLBF : _IOFBF, sizeof outbuf);
	if (args_parse(argc, argv, &o, err, sizeof err) < 0) {
		fprintf(stderr, "smtpcode: %s\n", err);
		return EXIT_USAGE;
	}
	st.width = text_width();
	st.color = use_color(o.color, o.json, tty);
	st.lang = text_language(o.lang);
	return finish(commands[o.mode].run(&o, &st));
}
