import CFreedMemory

/// Memory the program frees: kept for what it allocates next while it loads, handed back
/// once a run has decided (and by the shell before it waits at its prompt).
///
/// Loading frees a column's chunk pieces once the column is joined, and the next column's
/// and the next table's pieces are about as large. In one arena those freed pages serve
/// them again, without a page fault each. With glibc's default, an arena per thread, the
/// pieces sat in the worker threads' arenas, out of reach of other threads' allocations:
/// they had to be handed back after every column, and every piece after was faulted in
/// anew. At 1M customers one arena and no handing back while loading took the run from
/// 320k page faults to 220k, for a peak 20 – 30 MB higher.
public enum FreedMemory {
  /// Has every thread allocate from one arena (`M_ARENA_MAX`). Loading calls it first
  /// (`DatasetLoader`); it acts once, and threads that allocated before keep their arenas.
  static func shareOneArena() { _ = oneArena }

  private static let oneArena = playloop_heap_one_arena() == 1

  /// Returns the freed pages to the system. After deciding, the working columns of
  /// evaluating and deciding, and what loading left free, are then not part of the peak
  /// beside the export; a shell calls it before it waits for input, so that what a load
  /// freed (at 1M customers, ~140 MB) is not held while it sits idle. The call costs a
  /// walk over the arena's free lists (a few milliseconds).
  public static func release() { _ = playloop_heap_trim() }
}
