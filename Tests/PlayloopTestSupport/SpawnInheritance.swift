import Foundation

#if canImport(Glibc)
  import Glibc

  // glibc 2.34's, from <spawn.h>, which the Glibc module does not bring in.
  @_silgen_name("posix_spawn_file_actions_addclosefrom_np")
  private func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32
#endif

/// Adds to `actions` the closing of every descriptor from 3 on in the spawned child, so
/// it inherits only its stdin, stdout and stderr. Swift's pipes are not close-on-exec,
/// and tests run side by side: a child spawned while another test's child had its stdin
/// pipe open kept a copy of that pipe's write end, and a child that lives on (the
/// PostgreSQL server `pg_ctl` starts) kept it for the rest of the run, so the other child
/// never read the end of its input and was killed at its deadline (seen once in CI:
/// `ShellStartupTests`, status 137 after 300 s). Foundation's `Process` closes them itself.
func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
  #if canImport(Glibc)
    _ = addCloseFrom(&actions, 3)
  #endif
}
