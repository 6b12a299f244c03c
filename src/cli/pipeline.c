/* pipeline.c - hand items from the reading thread to a second thread (see
 * pipeline.h). A slot holds items one after the other, each a 16-byte
 * header (its length) and its bytes, rounded up to 16. */
#include "pipeline.h"

#include <string.h>

#define HEADER PIPELINE_ALIGN

static size_t rounded(size_t n)
{
	return (n + PIPELINE_ALIGN - 1) / PIPELINE_ALIGN * PIPELINE_ALIGN;
}

/* Calls fn on each item of slot s unless stopped; sets p->stopped when fn
 * asks to stop (the caller holds the lock, or there is no thread). Returns
 * the new value of stopped. */
static int consume(struct pipeline *p, struct pipeline_slot *s, int stopped)
{
	size_t at = 0;

	while (!stopped && at < s->used) {
		size_t len;
		memcpy(&len, s->data + at, sizeof len);
		stopped = p->fn(s->data + at + HEADER, len, p->arg) != 0;
		at += HEADER + rounded(len);
	}
	s->used = 0;
	return stopped;
}

void pipeline_start(struct pipeline *p, pipeline_fn *fn, void *arg, int alone)
{
	size_t i;

	p->fn = fn;
	p->arg = arg;
	p->filling = p->next = p->full = 0;
	p->threaded = p->ending = p->stopped = 0;
	p->alone = alone;
	for (i = 0; i < PIPELINE_SLOTS; i++)
		p->slots[i].used = 0;
}

#if defined(PIPELINE_POSIX)
#define mtx_lock pthread_mutex_lock
#define mtx_unlock pthread_mutex_unlock
#define mtx_destroy pthread_mutex_destroy
#define cnd_wait pthread_cond_wait
#define cnd_signal pthread_cond_signal
#define cnd_destroy pthread_cond_destroy
#define thrd_success 0
#define mtx_init(m, type) pthread_mutex_init(m, NULL)
#define cnd_init(c) pthread_cond_init(c, NULL)
#define thrd_join(t, res) pthread_join(t, NULL)
#define CONSUMER_RESULT void *
#define CONSUMER_DONE NULL
#define thrd_create(t, fn, arg) pthread_create(t, NULL, fn, arg)
#else
#define CONSUMER_RESULT int
#define CONSUMER_DONE 0
#endif

#if PIPELINE_THREADS
/* The consumer thread: takes the slots in order until ending is set and
 * none is left. Once it has taken every full slot, it sleeps until
 * PIPELINE_WAKE_AT are full (or ending is set): each wake-up costs two
 * system calls, which one per slot made a sixth of scan's time. */
static CONSUMER_RESULT consumer(void *arg)
{
	struct pipeline *p = arg;
	int stopped = 0;

	mtx_lock(&p->lock);
	for (;;) {
		struct pipeline_slot *s;
		if (p->full == 0) {
			p->consumer_waits = 1;
			while (p->full < PIPELINE_WAKE_AT && !p->ending)
				cnd_wait(&p->changed, &p->lock);
			p->consumer_waits = 0;
			if (p->full == 0)
				break;
		}
		s = &p->slots[p->next];
		mtx_unlock(&p->lock);
		stopped = consume(p, s, stopped);
		mtx_lock(&p->lock);
		p->stopped = stopped;
		p->next = (p->next + 1) % PIPELINE_SLOTS;
		p->full--;
		if (p->producer_waits)
			cnd_signal(&p->changed);
	}
	mtx_unlock(&p->lock);
	return CONSUMER_DONE;
}

/* Starts the consumer thread; nonzero if it runs. */
static int start_thread(struct pipeline *p)
{
	p->consumer_waits = p->producer_waits = 0;
	if (mtx_init(&p->lock, mtx_plain) != thrd_success)
		return 0;
	if (cnd_init(&p->changed) != thrd_success) {
		mtx_destroy(&p->lock);
		return 0;
	}
	if (thrd_create(&p->thread, consumer, p) != thrd_success) {
		cnd_destroy(&p->changed);
		mtx_destroy(&p->lock);
		return 0;
	}
	return 1;
}

/* Hands the filled slot to the consumer (waking it when PIPELINE_WAKE_AT
 * are full) and waits for a free one. */
static void hand_over(struct pipeline *p)
{
	mtx_lock(&p->lock);
	p->full++;
	p->filling = (p->filling + 1) % PIPELINE_SLOTS;
	if (p->consumer_waits && p->full >= PIPELINE_WAKE_AT)
		cnd_signal(&p->changed);
	p->producer_waits = 1;
	while (p->full == PIPELINE_SLOTS)
		cnd_wait(&p->changed, &p->lock);
	p->producer_waits = 0;
	mtx_unlock(&p->lock);
}

/* Waits for the consumer to take every slot and end. */
static void finish(struct pipeline *p)
{
	mtx_lock(&p->lock);
	p->ending = 1;
	cnd_signal(&p->changed);
	mtx_unlock(&p->lock);
	thrd_join(p->thread, NULL);
	cnd_destroy(&p->changed);
	mtx_destroy(&p->lock);
}

/* Reads p->stopped, which the consumer sets. */
static int has_stopped(struct pipeline *p)
{
	int r;

	if (!p->threaded)
		return p->stopped;
	mtx_lock(&p->lock);
	r = p->stopped;
	mtx_unlock(&p->lock);
	return r;
}
#else
static int start_thread(struct pipeline *p) { (void)p; return 0; }
static void hand_over(struct pipeline *p) { (void)p; }
static void finish(struct pipeline *p) { (void)p; }
static int has_stopped(struct pipeline *p) { return p->stopped; }
#endif

/* The filling slot is full: hands it over, or consumes it in place. */
static void slot_full(struct pipeline *p)
{
	if (!p->threaded && !p->alone) {
		p->threaded = start_thread(p);
		p->alone = !p->threaded;
	}
	if (p->threaded)
		hand_over(p);
	else
		p->stopped = consume(p, &p->slots[p->filling], p->stopped);
}

void *pipeline_reserve(struct pipeline *p, size_t *room)
{
	struct pipeline_slot *s = &p->slots[p->filling];

	if (sizeof s->data - s->used < HEADER + sizeof s->data / 4) {
		slot_full(p);
		s = &p->slots[p->filling];
	}
	*room = sizeof s->data - s->used - HEADER;
	return s->data + s->used + HEADER;
}

int pipeline_commit(struct pipeline *p, size_t len)
{
	struct pipeline_slot *s = &p->slots[p->filling];

	memcpy(s->data + s->used, &len, sizeof len);
	s->used += HEADER + rounded(len);
	return has_stopped(p);
}

int pipeline_end(struct pipeline *p)
{
	if (!p->threaded) {
		p->stopped = consume(p, &p->slots[p->filling], p->stopped);
		return p->stopped;
	}
	if (p->slots[p->filling].used > 0)
		hand_over(p);
	finish(p);
	p->threaded = 0;
	return p->stopped;
}
