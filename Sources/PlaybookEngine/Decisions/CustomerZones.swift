import Foundation
import PlaybookLanguage

/// Each customer's time zone, from the playbook's `timezone` statement: the distinct
/// names in the customer field resolved once to a small table of zones, and one zone
/// number per customer, so reading a customer's clock is two array reads and a binary
/// search, never a lookup by name.
///
/// Without a `timezone` statement every customer's clock is UTC.
struct CustomerZones: Sendable {
  /// The zones in use; the default (or UTC) is zone 0.
  let zones: [ZoneOffsets]
  /// Each customer's index into `zones`; empty when every customer has zone 0.
  private let zoneOfCustomer: [UInt16]
  /// Customers whose field names no zone this machine knows (they have the default).
  let unknownCount: Int
  /// The first such name, as the data spells it.
  let unknownExample: String?

  /// The zones of `model`'s `timezone` statement over `dataset`'s customers; every
  /// customer at UTC when there is none (or its default is not a zone, which the checker
  /// reports).
  init(model: PlaybookModel, dataset: Dataset) {
    let utc = ZoneOffsets(identifier: "UTC")
    guard let statement = model.timezone, let fallback = ZoneOffsets(identifier: statement.defaultZone.value) ?? utc
    else {
      zones = utc.map { [$0] } ?? []
      zoneOfCustomer = []
      unknownCount = 0
      unknownExample = nil
      return
    }
    var zones = [fallback]
    var customersZone = [UInt16](repeating: 0, count: dataset.customers.rowCount)
    var unknownCount = 0
    var unknownExample: String?
    let table = dataset.customers
    if let name = model.timezoneColumn, let index = table.columnIndex(name),
      case .text(let text) = table.columns[index].values
    {
      let nulls = table.columns[index].nulls
      // Each distinct name once: its zone number, or nil when no zone has it.
      var numbers: [String: UInt16?] = [:]
      for row in 0..<table.rowCount where !nulls.isNull(row) {
        let name = text.string(row)
        let number: UInt16?
        if let known = numbers[name] {
          number = known
        } else {
          let zone = zones.count < Int(UInt16.max) ? Self.zone(named: name) : nil
          if let zone { zones.append(zone) }
          number = zone.map { _ in UInt16(zones.count - 1) }
          numbers[name] = number
        }
        if let number {
          customersZone[row] = number
        } else {
          unknownCount += 1
          if unknownExample == nil { unknownExample = name }
        }
      }
    }
    self.zones = zones
    zoneOfCustomer = customersZone
    self.unknownCount = unknownCount
    self.unknownExample = unknownExample
  }

  /// The zone a customer's field names: as written, else trimmed of white space and
  /// matched ignoring letter case (` europe/rome ` is Europe/Rome, as a person reads it);
  /// nil when no zone has the name.
  static func zone(named name: String) -> ZoneOffsets? {
    if let zone = ZoneOffsets(identifier: name) { return zone }
    let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
    guard let known = TimeZone.knownTimeZoneIdentifiers.first(where: { $0.lowercased() == trimmed }) else {
      return nil
    }
    return ZoneOffsets(identifier: known)
  }

  /// The zone of `customer`.
  @inline(__always) func zone(ofCustomer customer: Int) -> ZoneOffsets {
    zoneOfCustomer.isEmpty ? zones[0] : zones[Int(zoneOfCustomer[customer])]
  }

  /// The warning for customers whose zone is unknown; nil when there are none.
  func warning(_ model: PlaybookModel) -> Diagnostic? {
    guard unknownCount > 0, let statement = model.timezone, let example = unknownExample else { return nil }
    return Diagnostic(
      .unknownZoneValues(
        unknownCount, example: example, field: statement.field.text,
        zone: statement.defaultZone.value),
      file: model.file, range: statement.field.range)
  }
}
