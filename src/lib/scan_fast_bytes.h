/* scan_fast_bytes.h - what the fast path (scan_fast.c) reads a Postfix
 * record's fields with: the classes of bytes each field may hold, the walk
 * over a field's bytes (span), and the comparison of a field's name.
 * Internal to libsmtpcode; tests/test_scan_fast.c holds them against
 * plain loops. */
#ifndef SMTPCODE_SCAN_FAST_BYTES_H
#define SMTPCODE_SCAN_FAST_BYTES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The classes of bytes the fields may hold, as bits of one table (a load
 * a byte): */
enum {
	HOST = 1,     /* a host's name: lower-case letters, digits, ".", "-", "_" */
	PROGRAM = 2,  /* a program's: those and "/" ("postfix/smtp") */
	IP = 4,       /* inside a host's brackets: lower-case hex digits, ".", ":" */
	NUMBER = 8,   /* a number field's: digits, ".", "/" ("0.1/0/0.5/0.6") */
	QUEUE_ID = 16, /* a Postfix queue id: hex digits (the short form), or digits
	                * and consonants (the long form leaves out vowels:
	                * postconf(5) enable_long_queue_ids), so that no word of a
	                * marker ("said:", "Milter: ") ends in one */
	ADDRESS = 32   /* an address's as the fast path takes it: lower-case
	                * letters, digits, "._+-@" */
};
/* Upper-case letters stand only in a queue id (whose consonants make no
 * marker's word): the markers made of a name's bytes alone are upper-case
 * words ("SMTPDataError"; tests/test_scan_fast.c checks that no lower-case
 * one is read anywhere on a line). */
#define LETTER (HOST | PROGRAM | QUEUE_ID | ADDRESS)
#define VOWEL (HOST | PROGRAM | ADDRESS)
#define DIGIT (HOST | PROGRAM | IP | NUMBER | QUEUE_ID | ADDRESS)
#define HEX_LETTER (HOST | PROGRAM | IP | QUEUE_ID | ADDRESS)
#define UPPER QUEUE_ID
static const unsigned char bytes[256] = {
	['0'] = DIGIT, ['1'] = DIGIT, ['2'] = DIGIT, ['3'] = DIGIT, ['4'] = DIGIT,
	['5'] = DIGIT, ['6'] = DIGIT, ['7'] = DIGIT, ['8'] = DIGIT, ['9'] = DIGIT,
	['A'] = UPPER, ['B'] = UPPER, ['C'] = UPPER, ['D'] = UPPER, ['E'] = UPPER, ['F'] = UPPER,
	['a'] = VOWEL | IP, ['b'] = HEX_LETTER, ['c'] = HEX_LETTER, ['d'] = HEX_LETTER,
	['e'] = VOWEL | IP, ['f'] = HEX_LETTER,
	['G'] = UPPER, ['H'] = UPPER, ['J'] = UPPER, ['K'] = UPPER,
	['L'] = UPPER, ['M'] = UPPER, ['N'] = UPPER, ['P'] = UPPER,
	['Q'] = UPPER, ['R'] = UPPER, ['S'] = UPPER, ['T'] = UPPER,
	['V'] = UPPER, ['W'] = UPPER, ['X'] = UPPER, ['Y'] = UPPER, ['Z'] = UPPER,
	['g'] = LETTER, ['h'] = LETTER, ['i'] = VOWEL, ['j'] = LETTER, ['k'] = LETTER,
	['l'] = LETTER, ['m'] = LETTER, ['n'] = LETTER, ['o'] = VOWEL, ['p'] = LETTER,
	['q'] = LETTER, ['r'] = LETTER, ['s'] = LETTER, ['t'] = LETTER, ['u'] = VOWEL,
	['v'] = LETTER, ['w'] = LETTER, ['x'] = LETTER, ['y'] = LETTER, ['z'] = LETTER,
	['.'] = HOST | PROGRAM | IP | NUMBER | ADDRESS, ['-'] = HOST | PROGRAM | ADDRESS,
	['_'] = HOST | PROGRAM | ADDRESS, ['/'] = PROGRAM | NUMBER, [':'] = IP,
	['+'] = ADDRESS, ['@'] = ADDRESS,
};
/* The first byte at or after p not of class c. */
static inline const char *span(const char *p, unsigned c)
{
	for (;; p += 4) { /* a byte is read only after one of class c: NUL is of none */
		if (!(bytes[(unsigned char)p[0]] & c))
			return p;
		if (!(bytes[(unsigned char)p[1]] & c))
			return p + 1;
		if (!(bytes[(unsigned char)p[2]] & c))
			return p + 2;
		if (!(bytes[(unsigned char)p[3]] & c))
			return p + 3;
	}
}

/* The w bytes at p (w is 4 or 8) as a number (the same bytes, the same
 * number, on any machine). */
static inline uint64_t scan_fast_load(const char *p, size_t w)
{
	uint32_t half;
	uint64_t x;

	if (w == 4) {
		memcpy(&half, p, 4);
		return half;
	}
	memcpy(&x, p, 8);
	return x;
}

/* Nonzero if the n bytes at p are those of lit (n of its bytes, n a
 * constant): from 4 to 16 bytes as two words that overlap, which the
 * compiler makes of lit at once, instead of a call of memcmp. Only the n
 * bytes at p are read. */
static inline int scan_fast_same(const char *p, const char *lit, size_t n)
{
	size_t w = n >= 8 ? 8 : 4;

	if (n < 4 || n > 16)
		return memcmp(p, lit, n) == 0;
	return ((scan_fast_load(p, w) ^ scan_fast_load(lit, w)) |
	        (scan_fast_load(p + (n - w), w) ^ scan_fast_load(lit + (n - w), w))) == 0;
}

#endif
