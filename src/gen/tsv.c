/* tsv.c - read and check the rows of a data TSV file (build-time only),
 * and the helpers every reader of the generator shares (gen.h). */
#include "tsv.h"
#include "ascii.h"
#include "gen.h"
#include "smtpcode.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int tsv_open(struct tsv *t, const char *path)
{
	memset(t, 0, sizeof *t);
	t->path = path;
	t->in = fopen(path, "rb");
	if (!t->in) {
		fprintf(stderr, "%s: cannot open\n", path);
		return -1;
	}
	return 0;
}

void tsv_close(struct tsv *t)
{
	if (t->in)
		fclose(t->in);
	free(t->buf);
	t->in = NULL;
	t->buf = NULL;
}

int tsv_finish(struct tsv *t)
{
	int errors = t->errors;

	tsv_close(t);
	return errors ? -1 : 0;
}

void tsv_error(struct tsv *t, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%lu: ", t->path, t->line);
	va_start(ap, fmt);
	/* clang-tidy 14 loses track of va_start here (a false "uninitialized
	 * va_list"); ap is started on the line above. */
	vfprintf(stderr, fmt, ap); /* NOLINT */
	va_end(ap);
	fputc('\n', stderr);
	t->errors++;
}

/* Reads one line without its '\n' into t->buf; returns 0 at end of file. */
static int read_line(struct tsv *t)
{
	size_t len = 0;
	int c;

	while ((c = fgetc(t->in)) != EOF && c != '\n') {
		if (len + 2 > t->cap) {
			size_t cap = t->cap ? t->cap * 2 : 1024;
			char *p = realloc(t->buf, cap);
			if (!p) {
				fprintf(stderr, "%s: out of memory\n", t->path);
				exit(1);
			}
			t->buf = p;
			t->cap = cap;
		}
		t->buf[len++] = (char)c;
	}
	if (c == EOF && len == 0)
		return 0;
	if (!t->buf) {
		t->buf = malloc(1024);
		if (!t->buf) {
			fprintf(stderr, "%s: out of memory\n", t->path);
			exit(1);
		}
		t->cap = 1024;
	}
	t->buf[len] = '\0';
	t->line++;
	if (len > 0 && t->buf[len - 1] == '\r') {
		tsv_error(t, "line ends with CR: use LF line ends");
		t->buf[--len] = '\0';
	}
	/* A NUL byte inside the line would cut it short unseen. */
	if (strlen(t->buf) != len)
		tsv_error(t, "NUL byte in line");
	return 1;
}

static void split(struct tsv *t)
{
	char *p = t->buf;

	t->nfields = 0;
	for (;;) {
		char *tab = strchr(p, '\t');
		if (t->nfields < TSV_MAX_FIELDS)
			t->field[t->nfields] = p;
		t->nfields++;
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
}

int tsv_next(struct tsv *t, void (*on_comment)(struct tsv *, const char *, void *),
             void *arg)
{
	while (read_line(t)) {
		if (t->buf[0] == '#') {
			if (on_comment)
				on_comment(t, t->buf, arg);
			continue;
		}
		if (t->buf[0] == '\0')
			continue;
		split(t);
		return 1;
	}
	if (ferror(t->in)) {
		fprintf(stderr, "%s: read error\n", t->path);
		t->errors++;
	}
	return 0;
}

int tsv_check_fields(struct tsv *t, const char *const *columns, int n)
{
	int i;

	if (t->nfields != n) {
		tsv_error(t, "expected %d fields, found %d", n, t->nfields);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (t->field[i][0] == '\0') {
			tsv_error(t, "empty %s", columns[i]);
			return -1;
		}
	}
	return 0;
}

int tsv_check_text(struct tsv *t, const char *column, const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + strlen(s);

	if (*p == '\0') {
		tsv_error(t, "empty %s", column);
		return -1;
	}
	while (*p) {
		size_t n;
		if (*p < 0x20 || *p == 0x7F) {
			tsv_error(t, "control character 0x%02X in %s", *p, column);
			return -1;
		}
		n = scx_utf8_len((const char *)p, (size_t)(end - p));
		if (n == 0) {
			tsv_error(t, "invalid UTF-8 in %s", column);
			return -1;
		}
		p += n;
	}
	if ((size_t)(p - (const unsigned char *)s) > max) {
		tsv_error(t, "%s is longer than %zu bytes", column, max);
		return -1;
	}
	if (s[0] == ' ' || p[-1] == ' ') {
		tsv_error(t, "%s starts or ends with a space", column);
		return -1;
	}
	return 0;
}

int tsv_check_sentences(struct tsv *t, const char *column, const char *s, size_t max)
{
	size_t len;
	char first, last;

	if (tsv_check_text(t, column, s, max) < 0)
		return -1;
	len = strlen(s);
	first = s[0];
	last = s[len - 1];
	if (!((first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9'))) {
		tsv_error(t, "%s must start with a capital letter or a digit", column);
		return -1;
	}
	if (last != '.' && last != '!' && last != '?' && last != ')') {
		tsv_error(t, "%s must end with '.', '!', '?' or ')'", column);
		return -1;
	}
	return 0;
}

int tsv_code(struct tsv *t, const char *column, const char *s)
{
	int code;
	enum smtpcode_parse_error e = smtpcode_parse_basic(s, &code, NULL);

	if (e == SMTPCODE_PARSE_RANGE) {
		tsv_error(t, "%s %s is outside 100-599", column, s);
		return -1;
	}
	if (e != SMTPCODE_PARSE_OK) {
		tsv_error(t, "%s '%s' is not three digits", column, s);
		return -1;
	}
	return code;
}

int read_rows(const char *path, struct table *tab, void (*row)(struct tsv *t, struct table *tab),
              const size_t *kept)
{
	struct tsv t;

	if (tsv_open(&t, path) < 0)
		return -1;
	while (tsv_next(&t, NULL, NULL))
		row(&t, tab);
	if (*kept == 0 && t.errors == 0)
		tsv_error(&t, "no rows");
	return tsv_finish(&t);
}

int check_entry_texts(struct tsv *t, char **f)
{
	int bad = 0;

	bad |= tsv_check_text(t, "source", f[0], SOURCE_MAX_LEN);
	bad |= tsv_check_sentences(t, "description", f[1], TEXT_MAX_LEN);
	bad |= tsv_check_sentences(t, "when_seen", f[2], TEXT_MAX_LEN);
	bad |= tsv_check_sentences(t, "fix", f[3], TEXT_MAX_LEN);
	return bad;
}

void *grow(void *p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 64;
	p = realloc(p, *cap * size);
	if (!p) {
		fputs("gentable: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

int compare_ints(const int *a, const int *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

int gen_flush(const char *prog)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: write error\n", prog);
		return -1;
	}
	return 0;
}

void table_free(struct table *tab)
{
	blob_free(&tab->blob);
	blob_free(&tab->synblob);
	free(tab->codes);
	free(tab->pairs);
	free(tab->enhanced);
	free(tab->notes);
	free(tab->phrases);
	free(tab->reasons);
	free(tab->rphrases);
	free(tab->rcodes);
	free(tab->tags);
	free(tab->synonyms);
	free(tab->syncodes);
}
