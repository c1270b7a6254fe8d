#ifndef PLAYLOOP_CFILEWRITEBACK_H
#define PLAYLOOP_CFILEWRITEBACK_H

/* Asks the kernel to start writing `length` bytes of `fd` from `offset` to disk, without
   waiting (Linux's sync_file_range with SYNC_FILE_RANGE_WRITE). Swift cannot call it
   directly: glibc declares it only under _GNU_SOURCE. Returns 0, or -1 with errno set;
   does nothing and returns 0 where the call does not exist. */
int playloop_start_writeback(int fd, long long offset, long long length);

#endif
