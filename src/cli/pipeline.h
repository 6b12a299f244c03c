/* pipeline.h - hand items (lines, replies) from the reading thread to a
 * second thread that consumes them in order, so that the two halves of a
 * command's work run on two processors: scan's reply scanner and its log
 * totals, explain's scanner and its formatting.
 *
 * The items are written in place into one of PIPELINE_SLOTS slots of
 * PIPELINE_SLOT_SIZE bytes (pipeline_reserve, pipeline_commit); a full
 * slot is handed over and the producer goes on in the next free one,
 * waiting only when all are handed over.
 * The second thread is started when the first slot is full: a short input
 * is consumed in the calling thread at pipeline_end, and no thread is
 * made. Without C11 threads (__STDC_NO_THREADS__), or when one cannot be
 * started, each full slot is consumed in the calling thread: the result is
 * the same, in the same order. */
#ifndef SMTPCODE_PIPELINE_H
#define SMTPCODE_PIPELINE_H

#include <stddef.h>

/* C11 threads; POSIX threads instead with PIPELINE_POSIX (make
 * SANITIZE=thread sets it: ThreadSanitizer follows POSIX threads only). */
#if defined(PIPELINE_POSIX)
#include <pthread.h>
#define PIPELINE_THREADS 1
#elif !defined(__STDC_NO_THREADS__)
#include <threads.h>
#define PIPELINE_THREADS 1
#else
#define PIPELINE_THREADS 0
#endif

/* Called in order for each item (its bytes as put, aligned for any type);
 * returns 0 to go on, nonzero to stop (no item is consumed after it). */
typedef int pipeline_fn(const void *item, size_t len, void *arg);

#define PIPELINE_SLOTS 12
#define PIPELINE_SLOT_SIZE (48 * 1024) /* an item is at most a quarter of it */
#define PIPELINE_WAKE_AT 6 /* full slots that wake a sleeping consumer */
#define PIPELINE_ALIGN 16

struct pipeline_slot {
	size_t used;
	_Alignas(PIPELINE_ALIGN) unsigned char data[PIPELINE_SLOT_SIZE];
};

struct pipeline {
	pipeline_fn *fn;
	void *arg;
	unsigned filling; /* the slot the producer fills */
	unsigned next;    /* the slot the consumer reads next */
	unsigned full;    /* slots handed over and not yet consumed */
	int threaded;     /* the consumer thread runs */
	int alone;        /* no thread is wanted, or none could be made */
	int ending;       /* no slot will come any more */
	int stopped;      /* fn asked to stop */
	int consumer_waits, producer_waits; /* each side sleeps on changed */
#if defined(PIPELINE_POSIX)
	pthread_mutex_t lock;
	pthread_cond_t changed;
	pthread_t thread;
#elif PIPELINE_THREADS
	mtx_t lock;
	cnd_t changed; /* a slot was handed over or consumed, or ending set */
	thrd_t thread;
#endif
	struct pipeline_slot slots[PIPELINE_SLOTS];
};

/* Readies p (whose slots need not be cleared: a static pipeline's pages
 * are touched only as they fill) to pass items to fn; with alone set, fn
 * is called in the calling thread (a slot at a time), and no thread is
 * made. */
void pipeline_start(struct pipeline *p, pipeline_fn *fn, void *arg, int alone);

/* An item: pipeline_reserve gives where its bytes go and in *room how
 * many fit (at least PIPELINE_SLOT_SIZE / 4, the largest item there can
 * be); the caller writes len of them there and calls pipeline_commit,
 * which returns nonzero once fn has asked to stop. */
void *pipeline_reserve(struct pipeline *p, size_t *room);
int pipeline_commit(struct pipeline *p, size_t len);

/* Consumes what is left and waits for the consumer to finish. Returns
 * nonzero if fn asked to stop. */
int pipeline_end(struct pipeline *p);

#endif
