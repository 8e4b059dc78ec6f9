/* map.c - a string-keyed hash table (open addressing, FNV-1a); the keys
 * are copied into large blocks, as nothing is ever taken out. */
#include <stdlib.h>
#include <string.h>

#include "cs.h"

struct slot {
	char *key;
	int64_t val;
	uint64_t hash;
};

struct block {
	struct block *next;
	size_t used, cap;
	char text[];
};

struct cs_map {
	struct slot *slot;
	size_t cap, len;	/* cap is a power of two */
	struct block *keys;	/* the newest block first */
};

#define BLOCK (64 * 1024 - sizeof(struct block))

/* A copy of key, in the map's key blocks. */
static char *
keep(struct cs_map *m, const char *key)
{
	size_t n = strlen(key) + 1;
	struct block *b = m->keys;
	char *p;

	if (!b || b->cap - b->used < n) {
		size_t cap = n > BLOCK ? n : BLOCK;

		b = cs_xmalloc(sizeof(*b) + cap);
		b->next = m->keys;
		b->used = 0;
		b->cap = cap;
		m->keys = b;
	}
	p = b->text + b->used;
	memcpy(p, key, n);
	b->used += n;
	return p;
}

static uint64_t
hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

struct cs_map *
cs_map_new(void)
{
	struct cs_map *m = cs_xcalloc(1, sizeof(*m));

	m->cap = 64;
	m->slot = cs_xcalloc(m->cap, sizeof(*m->slot));
	return m;
}

static struct slot *
find(const struct cs_map *m, const char *key, uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);

	while (m->slot[i].key && (m->slot[i].hash != h ||
	    strcmp(m->slot[i].key, key) != 0))
		i = (i + 1) & (m->cap - 1);
	return &m->slot[i];
}

static void
grow(struct cs_map *m)
{
	struct slot *old = m->slot, *s;
	size_t n = m->cap, i;

	m->cap *= 2;
	m->slot = cs_xcalloc(m->cap, sizeof(*m->slot));
	for (i = 0; i < n; i++)
		if (old[i].key) {
			s = find(m, old[i].key, old[i].hash);
			*s = old[i];
		}
	free(old);
}

int
cs_map_put(struct cs_map *m, const char *key, int64_t val, int64_t *old)
{
	uint64_t h = hash(key);
	struct slot *s;

	if ((m->len + 1) * 4 > m->cap * 3)
		grow(m);
	s = find(m, key, h);
	if (s->key) {
		if (old)
			*old = s->val;
		s->val = val;
		return 0;
	}
	s->key = keep(m, key);
	s->hash = h;
	s->val = val;
	m->len++;
	return 1;
}

int
cs_map_get(const struct cs_map *m, const char *key, int64_t *val)
{
	const struct slot *s = find(m, key, hash(key));

	if (!s->key)
		return 0;
	if (val)
		*val = s->val;
	return 1;
}

void
cs_map_free(struct cs_map *m)
{
	struct block *b;

	if (!m)
		return;
	while ((b = m->keys)) {
		m->keys = b->next;
		free(b);
	}
	free(m->slot);
	free(m);
}
