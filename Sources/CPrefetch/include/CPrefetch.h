#ifndef PLAYLOOP_CPREFETCH_H
#define PLAYLOOP_CPREFETCH_H

/* Asks the processor to bring the cache line holding `address` in, without waiting for
   it (a prefetch instruction; nothing where the compiler has none). Swift has no way to
   say this; the function is inline, so a call costs the one instruction. */
static inline void playloop_prefetch(const void *address) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(address);
#else
  (void)address;
#endif
}

#endif
