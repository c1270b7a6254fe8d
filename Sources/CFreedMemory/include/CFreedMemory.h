#ifndef PLAYLOOP_CFREEDMEMORY_H
#define PLAYLOOP_CFREEDMEMORY_H

/* glibc's allocator settings, from <malloc.h>, which Swift's Glibc module does not bring
   in. Each does nothing (and returns 0) where the allocator is not glibc's. */

/* Makes threads that have not allocated yet share the arena of those that have, rather
   than each getting an arena of its own (mallopt M_ARENA_MAX 1). Returns 1 when set. */
int playloop_heap_one_arena(void);

/* Returns the arenas' free pages to the system (malloc_trim(0)). Returns 1 when some were. */
int playloop_heap_trim(void);

#endif
