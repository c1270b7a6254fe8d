import CFreedMemory
import Synchronization

/// Memory the program frees, kept for what it allocates next or handed back.
///
/// Loading frees a column's chunk pieces once the column is joined, and the next column's
/// and the next table's pieces are about as large. With glibc's default, an arena per
/// thread, the pieces sit in the worker threads' arenas, out of reach of other threads'
/// allocations, so they are handed back after every column (`releaseWhileLoading`) to
/// keep the peak down, and every piece after is faulted in anew. A process that shares
/// one arena among its threads (`shareOneArena`) keeps them instead: there the freed pages
/// serve the next pieces without a page fault each. At 1M customers a headless run went
/// from 320k page faults to 220k so, for a peak 20 – 30 MB higher.
///
/// One arena makes threads that allocate often at once wait on each other: deciding with
/// every decision spelled out (the shell's `:run`, 180k allocations at 1M) took 10 – 50%
/// longer. So only `playloop run` asks for it, whose decisions stay numbers until the
/// export.
public enum FreedMemory {
  private static let oneArena = Atomic(false)

  /// Has every thread that has not allocated yet allocate from one arena
  /// (`M_ARENA_MAX`), and loading keep what it frees. Call it before the first load.
  public static func shareOneArena() {
    if playloop_heap_one_arena() == 1 { oneArena.store(true, ordering: .relaxed) }
  }

  /// Hands back what loading freed so far, unless the process shares one arena (whose
  /// freed pages serve the next pieces).
  static func releaseWhileLoading() {
    if !oneArena.load(ordering: .relaxed) { release() }
  }

  /// Returns the freed pages to the system. After deciding, the working columns of
  /// evaluating and deciding, and what loading left free, are then not part of the peak
  /// beside the export; a shell calls it before it waits for input, so that what a
  /// command freed is not held while it sits idle. The call costs a walk over the
  /// arenas' free lists (a few milliseconds).
  public static func release() { _ = playloop_heap_trim() }
}
