#include "CFreedMemory.h"

#ifdef __linux__
#include <malloc.h>
#endif

#ifdef __GLIBC__
int playloop_heap_one_arena(void) { return mallopt(M_ARENA_MAX, 1); }

int playloop_heap_trim(void) { return malloc_trim(0); }
#else
int playloop_heap_one_arena(void) { return 0; }

int playloop_heap_trim(void) { return 0; }
#endif
