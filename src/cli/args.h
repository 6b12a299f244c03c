/* args.h - the command line, parsed into options (never exits or prints). */
#ifndef SMTPCODE_ARGS_H
#define SMTPCODE_ARGS_H

#include <stddef.h>

/* Exit statuses, documented under EXIT STATUS in man/smtpcode.1. */
enum exit_status {
	EXIT_FOUND = 0,     /* every code is defined */
	EXIT_UNDEFINED = 1, /* some code is well formed but not defined */
	EXIT_USAGE = 2,     /* bad option, bad code, wrong number of codes */
	EXIT_OUTPUT = 3,    /* writing the output failed */
	EXIT_NONE_FOUND = 4 /* explain: no SMTP reply in the text */
};

/* What the command does: MODE_LOOKUP, MODE_COMPARE, ... (subcommands.def). */
enum mode {
#define SUBCOMMAND(mode, name, run, usage) MODE_##mode,
#include "subcommands.def"
#undef SUBCOMMAND
	MODE_COUNT /* not a mode: how many there are */
};

enum color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct options {
	enum mode mode;
	int json;
	const char *after;   /* canonical SMTP command name, or NULL */
	int brief;           /* one line per code (explain: per reply) */
	int codes_only;      /* only the codes */
	int full;            /* whole entries for patterns, list, search and explain */
	int list_basic;      /* list --basic */
	int list_enhanced;   /* list --enhanced */
	int word_fallback;   /* the operands were words, not codes: search them */
	enum color color;
	const char *lang;    /* as given with --lang, or NULL */
	int top, top_given;  /* scan --top N: rows by domain and by relay */
	int merge;           /* scan --merge: sum scan --json summaries */
	char **codes;        /* the operands, in order: codes and patterns, for
	                        explain TEXTs, for scan FILEs ("-": standard
	                        input), for search WORDS */
	int ncodes;
};

/* Checks that arg is a code or a pattern: 0, or -1 with "invalid code
 * 'arg': reason" in err[errsz] (arg escaped and cut). */
int args_check_code(const char *arg, char *err, size_t errsz);

/*
 * Parses argv (and moves the operands to its front, where o->codes points).
 * Short options bundle: "-ja RCPT" is "-j -a RCPT", and a short option's
 * value may follow it in the same argument ("-aRCPT").
 * Returns 0, or -1 with a one-line reason in err (without "smtpcode: ").
 * Every code operand is checked here, so a run that starts does not fail
 * on bad input half way.
 */
int args_parse(int argc, char **argv, struct options *o, char *err, size_t errsz);

#endif
