/* terminal.h - whether standard input or output is a terminal: isatty()
 * where POSIX has it, "no" elsewhere (the command then never colours and
 * never prompts). */
#ifndef SMTPCODE_TERMINAL_H
#define SMTPCODE_TERMINAL_H

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#define STDIN_IS_TERMINAL() isatty(0)
#define STDOUT_IS_TERMINAL() isatty(1)
#else
#define STDIN_IS_TERMINAL() 0
#define STDOUT_IS_TERMINAL() 0
#endif

#endif
