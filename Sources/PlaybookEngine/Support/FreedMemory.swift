#if os(Linux)
  // glibc's, from <malloc.h>, which the Glibc module does not bring in.
  @_silgen_name("malloc_trim") private func mallocTrim(_ pad: Int) -> Int32
#endif

/// Memory the program freed, handed back to the system.
enum FreedMemory {
  /// Returns the freed pages of every allocator arena to the system. Loading a table
  /// frees its chunks' columns once they are joined, but glibc keeps what worker threads
  /// freed in their arenas for reuse: at 1M customers that was ~250 MB of the run's peak.
  /// The call costs a walk over the arenas' free lists (a few milliseconds).
  static func release() {
    #if os(Linux)
      _ = mallocTrim(0)
    #endif
  }
}
