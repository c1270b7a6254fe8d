import Foundation
import PlaybookLanguage

/// A time zone's offsets from UTC over the years data holds (1900–2200), read from the
/// system's time zone database once per load: wall times without an offset are turned
/// into instants by a binary search, never a Foundation call per value.
///
/// A wall time that happens twice (when clocks go back) is the first of the two; one
/// that never happens (when clocks go forward) is read with the offset before the change,
/// so `02:30` on a spring-forward night in Rome is 01:30 UTC (03:30 summer time), as
/// PostgreSQL and Python (fold 0) read it.
struct ZoneOffsets: Sendable {
  /// The zone's identifier, `Europe/Rome`.
  let identifier: String
  /// The offset before the first change.
  private let initial: Int64
  /// Each change: the wall time from which the new offset applies (the change's instant
  /// plus the larger of the offsets around it), and the new offset, in seconds.
  private let switches: [(wall: Int64, offset: Int64)]
  /// Each change's instant, in seconds since the epoch, in step with `switches`.
  private let instants: [Int64]

  /// The zone named `identifier`; throws an unknown-zone error (with did-you-mean) for
  /// a name the system does not know.
  init(identifier: String, file: String) throws(LoadError) {
    guard let zones = ZoneOffsets(identifier: identifier) else {
      let hint =
        NearNames.didYouMean(identifier, in: TimeZone.knownTimeZoneIdentifiers.sorted())
        ?? "zones are named like \"Europe/Rome\" or \"America/New_York\""
      throw LoadError(.unknownZone, "unknown time zone '\(identifier)'", file: file, hint: hint)
    }
    self = zones
  }

  /// The zone named `identifier`; nil for a name the system does not know.
  init?(identifier: String) {
    guard !identifier.isEmpty, let zone = TimeZone(identifier: identifier) else { return nil }
    self.identifier = identifier
    let start = Date(timeIntervalSince1970: -2_208_988_800)  // 1900-01-01
    let end = Date(timeIntervalSince1970: 7_258_118_400)  // 2200-01-01
    var previous = Int64(zone.secondsFromGMT(for: start))
    initial = previous
    var switches: [(wall: Int64, offset: Int64)] = []
    var instants: [Int64] = []
    var at = start
    while let next = zone.nextDaylightSavingTimeTransition(after: at), next < end, next > at {
      let offset = Int64(zone.secondsFromGMT(for: next))
      if offset != previous {
        let instant = Int64(next.timeIntervalSince1970.rounded())
        switches.append((instant + max(previous, offset), offset))
        instants.append(instant)
        previous = offset
      }
      at = next
    }
    self.switches = switches
    self.instants = instants
  }

  /// The zone's offset from UTC at `instant`, in seconds: what to add to read it on the
  /// zone's wall clock.
  func offset(atInstant instant: Int64) -> Int64 {
    let count = Self.countAtOrBefore(instant, in: instants)
    return count == 0 ? initial : switches[count - 1].offset
  }

  /// The first instant at which the zone's wall clock reads `wall` or later: the
  /// instant of `wall`, the first of two when clocks go back, and the moment of the
  /// change when clocks go forward past it (`02:30` on a spring-forward night opens at
  /// 03:00 summer time, not 03:30).
  func firstInstant(atOrAfterWall wall: Int64) -> Int64 {
    let instant = instant(ofWall: wall)
    guard instant + offset(atInstant: instant) != wall else { return instant }
    // In a gap: the change that made it is the last one at or before `instant`.
    let count = Self.countAtOrBefore(instant, in: instants)
    return count == 0 ? instant : instants[count - 1]
  }

  /// How many of `sorted` are at or before `value`.
  private static func countAtOrBefore(_ value: Int64, in sorted: [Int64]) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] <= value { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The instant of `wall`, a wall time in this zone read as if it were UTC. Kept out of
  /// line: only tables with a `timezone` call it, and inlined it would swell every
  /// loader's value judging.
  @inline(never)
  func instant(ofWall wall: Int64) -> Int64 {
    // The last switch at or before `wall`.
    var low = 0
    var high = switches.count
    while low < high {
      let middle = (low + high) / 2
      if switches[middle].wall <= wall { low = middle + 1 } else { high = middle }
    }
    return wall - (low == 0 ? initial : switches[low - 1].offset)
  }
}
