// Counts allocations for the benchmark by defining malloc, calloc and realloc in the
// benchmark's executable: the dynamic linker binds every library's calls to these,
// and they forward to glibc's own entry points. Only linked into playloop-bench.
#include "MallocCounter.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <stdatomic.h>
#include <stddef.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);

static _Atomic uint64_t calls;
static _Atomic uint64_t bytes;

static inline void count(size_t size) {
  atomic_fetch_add_explicit(&calls, 1, memory_order_relaxed);
  atomic_fetch_add_explicit(&bytes, size, memory_order_relaxed);
}

void *malloc(size_t size) {
  count(size);
  return __libc_malloc(size);
}

void *calloc(size_t count_, size_t size) {
  count(count_ * size);
  return __libc_calloc(count_, size);
}

void *realloc(void *pointer, size_t size) {
  count(size);
  return __libc_realloc(pointer, size);
}

uint64_t malloc_counter_calls(void) { return atomic_load_explicit(&calls, memory_order_relaxed); }
uint64_t malloc_counter_bytes(void) { return atomic_load_explicit(&bytes, memory_order_relaxed); }
uint64_t malloc_counter_in_use(void) {
  struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}
#else
uint64_t malloc_counter_calls(void) { return 0; }
uint64_t malloc_counter_bytes(void) { return 0; }
uint64_t malloc_counter_in_use(void) { return 0; }
#endif
