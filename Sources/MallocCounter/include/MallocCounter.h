#ifndef MALLOC_COUNTER_H
#define MALLOC_COUNTER_H

#include <stdint.h>

/// Calls of malloc, calloc and realloc made by this process so far (0 where the
/// counter is not installed: it interposes glibc's allocator, so Linux only).
uint64_t malloc_counter_calls(void);

/// Bytes requested by those calls.
uint64_t malloc_counter_bytes(void);

/// Bytes allocated and not yet freed (glibc's mallinfo2), or 0 where unknown.
uint64_t malloc_counter_in_use(void);

#endif
