import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Sets `attributes` so a spawned child starts with no signal blocked and every signal
/// at its default action: test threads block most signals, and a child inherits the
/// spawning thread's mask. `flags` are further `POSIX_SPAWN_…` flags to set.
func startWithDefaultSignals(_ attributes: inout posix_spawnattr_t, flags: Int32 = 0) {
  posix_spawnattr_setflags(&attributes, Int16(flags | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
  var noSignals = sigset_t()
  sigemptyset(&noSignals)
  posix_spawnattr_setsigmask(&attributes, &noSignals)
  var allSignals = sigset_t()
  sigfillset(&allSignals)
  posix_spawnattr_setsigdefault(&attributes, &allSignals)
}
