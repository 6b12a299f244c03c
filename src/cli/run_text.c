/* run_text.c - the `explain` and `scan` commands: read text, report replies. */
#include "run_text.h"
#include "compressed.h"
#include "format.h"
#include "lines.h"
#include "logstat.h"
#include "merge.h"
#include "pipeline.h"
#include "safe_text.h"
#include "tally.h"
#include "terminal.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

_Static_assert(sizeof((struct tally *)0)->outcomes / sizeof((struct tally *)0)->outcomes[0] ==
                   SMTPCODE_OUTCOME_COUNT,
               "the tally counts every outcome");

struct run {
	struct smtpcode_scanner scanner;
	const struct options *o;
	const struct style *st;
	unsigned long replies;
	int undefined;          /* some code in a reply is not defined */
	struct tally *tally;    /* scan only */
	struct logstat *stats;  /* scan only */
	unsigned long file_lines;                 /* lines of this file so far */
	const struct compressed_kind *compressed; /* the file is compressed */
	/* The second thread's work, when there is one: scan's log totals,
	 * explain's formatting of each reply. */
	struct pipeline *pipe;
	int stop;        /* the pipeline's consumer asked to stop */
	int write_errno; /* its errno when the output failed */
};

/* Nonzero if a reply holds a code that no RFC or registry defines. */
static int has_undefined(const struct smtpcode_reply *r)
{
	size_t i;

	for (i = 0; i < r->warning_count; i++)
		if (r->warnings[i] == SMTPCODE_WARN_UNDEFINED_CODE)
			return 1;
	for (i = 0; i < r->enhanced_count; i++)
		if (smtpcode_enhanced_find(SMTPCODE_ANY, r->enhanced[i].subject, r->enhanced[i].detail,
		                           NULL) < 0)
			return 1;
	return 0;
}

/* Nonzero if t counted a code that no RFC or registry defines (scan exits
 * 1 for it, as explain does; its replies carry no warnings, as it scans
 * for codes only). */
static int counted_undefined(const struct tally *t)
{
	size_t first, n, i;
	int code;

	for (code = 100; code < 600; code++)
		if (t->basic[code] && (smtpcode_find(code, &first, &n) < 0 || n == 0))
			return 1;
	for (i = 0; i < t->enhanced_used; i++)
		if (smtpcode_enhanced_find(SMTPCODE_ANY, t->enhanced[i].code.subject,
		                           t->enhanced[i].code.detail, NULL) < 0)
			return 1;
	return 0;
}

/* Formats one reply (in the pipeline's thread when there is one). */
static void explained(const struct smtpcode_reply *r, struct run *run)
{
	run->replies++;
	run->undefined |= has_undefined(r);
	if (run->o->json) {
		json_reply(stdout, r, run->o->full);
	} else if (!run->o->full && run->o->codes_only) {
		codes_answer(stdout, r);
	} else if (!run->o->full && run->o->brief) {
		brief_answer(stdout, r);
	} else {
		if (run->replies > 1)
			putchar('\n');
		text_reply(stdout, r, run->replies, run->o->full, run->st);
	}
}

/* A reply goes to the pipeline's thread without the unused end of its
 * text: its members before the text, the text and its NUL, the members
 * after it (about 800 bytes instead of 2,760). */
#define REPLY_HEAD offsetof(struct smtpcode_reply, text)
#define REPLY_TAIL (sizeof(struct smtpcode_reply) - offsetof(struct smtpcode_reply, malformed))

static int explained_item(const void *item, size_t len, void *arg)
{
	static struct smtpcode_reply r; /* this thread's only */
	const char *p = item;
	size_t text = len - REPLY_HEAD - REPLY_TAIL;
	struct run *run = arg;

	memcpy(&r, p, REPLY_HEAD);
	memcpy(r.text, p + REPLY_HEAD, text);
	memcpy(r.malformed, p + REPLY_HEAD + text, REPLY_TAIL);
	explained(&r, run);
	if (!ferror(stdout))
		return 0;
	run->write_errno = errno; /* errno is the thread's own: main reports it */
	return 1;
}

static void on_explained(const struct smtpcode_reply *r, void *arg)
{
	struct run *run = arg;
	size_t room, text;
	const char *nul;
	char *at;

	if (!run->pipe) {
		explained(r, run);
		return;
	}
	nul = memchr(r->text, '\0', sizeof r->text);
	text = nul ? (size_t)(nul - r->text) + 1 : sizeof r->text;
	at = pipeline_reserve(run->pipe, &room); /* room for any reply */
	memcpy(at, r, REPLY_HEAD);
	memcpy(at + REPLY_HEAD, r->text, text);
	memcpy(at + REPLY_HEAD + text, r->malformed, REPLY_TAIL);
	run->stop |= pipeline_commit(run->pipe, REPLY_HEAD + text + REPLY_TAIL);
}

_Static_assert(sizeof(struct smtpcode_reply) + 16 <= PIPELINE_SLOT_SIZE / 4,
               "a whole reply fits in the room pipeline_reserve promises");

/* scan's log totals, in the pipeline's thread: each block of the input
 * (see read_blocks) is split into the lines the scanner was given, by a
 * reader of its own; an empty block ends a file. */
static struct lines_reader totals_lines;

static int logstat_of_line(const char *line, size_t len, void *stats)
{
	logstat_line(stats, line, len);
	return 0;
}

static int logstat_block(const void *block, size_t len, void *arg)
{
	(void)arg;
	if (len == 0)
		return lines_end(&totals_lines);
	return lines_take(&totals_lines, block, len);
}

static void on_scanned(const struct smtpcode_reply *r, void *arg)
{
	struct run *run = arg;

	run->replies++;
	tally_reply(run->tally, r);
}

static smtpcode_reply_fn *emit_of(const struct run *run)
{
	return run->o->mode == MODE_SCAN ? on_scanned : on_explained;
}

/* Stops the reading once standard output has failed (a full disk, a closed
 * pipe with SIGPIPE ignored): nothing more can be shown, and main reports
 * the error. */
static int on_line(const char *line, size_t len, void *arg)
{
	struct run *run = arg;

	if (run->file_lines++ == 0 &&
	    (run->compressed = compressed_magic((const unsigned char *)line, len)) != NULL)
		return 1;
	smtpcode_scanner_line(&run->scanner, line, len, emit_of(run), run);
	if (run->stats)
		return 0; /* scan writes at the end */
	return run->pipe ? run->stop : ferror(stdout) != 0;
}

/* scan: reads in a block at a time into the pipeline's slot, gives the
 * scanner its lines from there (on_line), then hands the block to the log
 * totals' thread (logstat_block). A block whose first line is a
 * compressed format's magic number stops before it is handed over. */
static int read_blocks(struct run *run, FILE *in)
{
	static struct lines_reader lines;
	size_t room;
	int failed = 0;

	lines_begin(&lines, on_line, run);
	for (;;) {
		char *block = pipeline_reserve(run->pipe, &room);
		size_t n = lines_fill(in, block, room, &failed);
		if (n == 0)
			break;
		if (lines_take(&lines, block, n))
			return 1;
		pipeline_commit(run->pipe, n);
	}
	if (lines_end(&lines))
		return 1;
	pipeline_reserve(run->pipe, &room);
	pipeline_commit(run->pipe, 0); /* the file's end */
	return failed ? -1 : 0;
}

/* A file that starts with a compressed format's magic number: says so,
 * with the pipe to use into the command (scan or explain). */
static void refuse_compressed(const struct run *run, const char *path)
{
	const struct compressed_kind *k = run->compressed;
	char shown[SAFE_ECHO_SIZE];
	int stdin_ = !path || strcmp(path, "-") == 0;

	safe_echo(shown, sizeof shown, stdin_ ? "-" : path, 0);
	fprintf(stderr, "smtpcode: %s: %s-compressed; read it with: %s %s | smtpcode %s\n",
	        shown, k->name, k->tool, stdin_ ? "FILE" : shown,
	        run->stats ? "scan" : "explain -");
}

/* Reads a file ("-" or NULL: standard input); returns 0, 1 if the output
 * failed (see on_line), or reports a read error and returns -1. */
static int read_file(struct run *run, const char *path)
{
	FILE *in = stdin;
	char shown[SAFE_ECHO_SIZE];
	int r;

	if (path && strcmp(path, "-") != 0) {
		in = fopen(path, "rb");
		if (!in) {
			fprintf(stderr, "smtpcode: %s: %s\n", safe_echo(shown, sizeof shown, path, 0),
			        strerror(errno));
			return -1;
		}
	}
	if (in == stdin && STDIN_IS_TERMINAL())
		fputs("smtpcode: reading standard input (end with Ctrl-D)\n", stderr);
	run->file_lines = 0;
	if ((r = run->stats ? read_blocks(run, in) : lines_read(in, on_line, run)) < 0)
		fprintf(stderr, "smtpcode: %s: %s\n",
		        safe_echo(shown, sizeof shown, path ? path : "-", 0), strerror(errno));
	if (r > 0 && run->compressed) {
		refuse_compressed(run, path);
		r = -1;
	}
	if (in != stdin)
		fclose(in);
	return r;
}

/* Says that explain found no reply; when its one operand names a file that
 * can be read (explain reads text, not files), how to explain the file. */
static void no_reply_found(const struct options *o)
{
	char shown[256];
	const char *arg = o->ncodes == 1 ? o->codes[0] : NULL;
	FILE *f = arg && strcmp(arg, "-") != 0 && !strpbrk(arg, " \t\n") ? fopen(arg, "r") : NULL;

	if (!f) {
		fputs("smtpcode: no SMTP reply found\n", stderr);
		return;
	}
	fclose(f);
	safe_echo(shown, sizeof shown, arg, 0);
	fprintf(stderr, "smtpcode: no SMTP reply found in the text \"%s\"; to explain the file: "
	                "smtpcode explain - < %s\n", shown, shown);
}

/* The second thread's slots (static: their pages count only once used). */
static struct pipeline second;

/* How many threads SMTPCODE_THREADS allows (smtpcode(1) ENVIRONMENT): 1
 * (0 or 1) or 2 (unset, empty, or 2 and more), or -1 after saying on
 * stderr that it is no number. */
static int threads_allowed(void)
{
	const char *t = getenv("SMTPCODE_THREADS"), *p;
	char *end = NULL;
	unsigned long n = 0;

	if (!t || !*t)
		return 2;
	for (p = t; *p == ' ' || *p == '\t'; p++)
		;
	if (*p >= '0' && *p <= '9')
		n = strtoul(p, &end, 10); /* past ULONG_MAX: ULONG_MAX, still two */
	while (end && (*end == ' ' || *end == '\t'))
		end++;
	if (!end || *end) {
		char shown[SAFE_ECHO_SIZE];
		fprintf(stderr, "smtpcode: SMTPCODE_THREADS: not a number: \"%s\"\n",
		        safe_echo(shown, sizeof shown, t, 0));
		return -1;
	}
	return n < 2 ? 1 : 2;
}

/* Nonzero if explain's output costs enough to be worth a second thread:
 * the text and JSON answers, not the one-line --brief and --codes-only. */
static int formatting_heavy(const struct options *o)
{
	return o->json || o->full || !(o->brief || o->codes_only);
}

int run_explain(const struct options *o, const struct style *st)
{
	static struct run run;
	int i, r = 0, threads;

	memset(&run, 0, sizeof run);
	run.o = o;
	run.st = st;
	if ((threads = threads_allowed()) < 0)
		return EXIT_USAGE;
	smtpcode_scanner_init(&run.scanner);
	/* Replies are formatted in a second thread, except on a terminal,
	 * where each shows as soon as it is known. */
	if (threads > 1 && formatting_heavy(o) && !STDOUT_IS_TERMINAL()) {
		run.pipe = &second;
		pipeline_start(&second, explained_item, &run, 0);
	}
	if (o->ncodes == 0)
		r = read_file(&run, NULL);
	for (i = 0; r == 0 && i < o->ncodes; i++) {
		run.file_lines = 1; /* a TEXT is no file: no magic number looked for */
		r = strcmp(o->codes[i], "-") == 0 ? read_file(&run, NULL)
		                                  : lines_of_string(o->codes[i], on_line, &run);
	}
	if (r == 0)
		smtpcode_scanner_end(&run.scanner, emit_of(&run), &run);
	if (run.pipe && pipeline_end(run.pipe)) {
		errno = run.write_errno;
		r = r == 0 ? 1 : r;
	}
	if (r < 0)
		return EXIT_USAGE;
	if (r > 0)
		return EXIT_OUTPUT;
	if (run.replies == 0) {
		no_reply_found(o);
		return EXIT_NONE_FOUND;
	}
	return run.undefined ? EXIT_UNDEFINED : EXIT_FOUND;
}

int run_scan(const struct options *o, const struct style *st)
{
	static struct run run;
	static struct tally tally;
	static struct logstat stats;
	enum smtpcode_outcome k;
	int i, r, threads;

	if (o->merge)
		return run_merge(o, st);
	if ((threads = threads_allowed()) < 0)
		return EXIT_USAGE;
	memset(&run, 0, sizeof run);
	run.o = o;
	smtpcode_scanner_init(&run.scanner);
	smtpcode_scanner_set_codes_only(&run.scanner, 1); /* the tally counts codes */
	/* tally and stats are static, used once: all zero already (a memset
	 * of their 1.9 MB would make every page of them count in peak memory) */
	run.tally = &tally;
	logstat_start(&stats);
	stats.top = o->top_given ? o->top : 10;
	run.stats = &stats;
	tally.stats = &stats;
	/* The log totals are counted in a second thread, beside the scanner
	 * (or in this one, by the pipeline, with SMTPCODE_THREADS=1). */
	run.pipe = &second;
	lines_begin(&totals_lines, logstat_of_line, &stats);
	pipeline_start(&second, logstat_block, NULL, threads < 2);
	r = o->ncodes == 0 ? read_file(&run, NULL) : 0;
	for (i = 0; r >= 0 && i < o->ncodes; i++) {
		/* The scanner's state goes on across files: a log rotated in the
		 * middle of a reply is rare, and a reply never spans two files. */
		smtpcode_scanner_end(&run.scanner, on_scanned, &run);
		r = read_file(&run, o->codes[i]);
	}
	pipeline_end(&second);
	if (r < 0)
		return EXIT_USAGE;
	smtpcode_scanner_end(&run.scanner, on_scanned, &run);
	tally.lines = smtpcode_scanner_lines(&run.scanner);
	for (k = SMTPCODE_OUTCOME_NONE; k < SMTPCODE_OUTCOME_COUNT; k++)
		tally.outcomes[k] = smtpcode_scanner_outcome_lines(&run.scanner, k);
	if (o->json)
		json_scan(stdout, &tally);
	else
		text_scan(stdout, &tally, st);
	/* A log that held mail-log lines but no reply (Postfix milter rejects
	 * carry only an enhanced code) still gave a report. */
	if (!run.replies && !logstat_lines(&stats))
		return EXIT_UNDEFINED;
	return counted_undefined(&tally) ? EXIT_UNDEFINED : EXIT_FOUND;
}
