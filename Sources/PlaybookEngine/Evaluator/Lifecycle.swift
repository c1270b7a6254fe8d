import PlaybookLanguage

/// An event table's lifecycle columns (`opened`, `responded`, `resolved`) seen from the
/// clock: a time after the clock has not happened yet, so it reads as null. A class, so
/// the trigger loop and the batch forms holding it share one copy rather than copying
/// (and retaining) its three columns for every call.
final class Lifecycle: Sendable {
  struct TimeColumn {
    let values: ColumnArray<Int64>
    let nulls: NullMask
  }

  let opened: TimeColumn?
  let responded: TimeColumn?
  let resolved: TimeColumn?
  let clock: Int64

  init(table: Table, binding: TableBinding, clock: Int64) {
    func column(_ field: String) -> TimeColumn? {
      guard let index = table.columnIndex(binding.column(forField: field)),
        case .timestamp(let values) = table.columns[index].values
      else { return nil }
      return TimeColumn(values: values, nulls: table.columns[index].nulls)
    }
    opened = binding.isCustomers ? nil : column("opened")
    responded = binding.isCustomers ? nil : column("responded")
    resolved = binding.isCustomers ? nil : column("resolved")
    self.clock = clock
  }

  /// Whether a lifecycle field reads this column (so the clock view applies to it).
  static func isLifecycleField(_ field: String) -> Bool {
    TableBinding.lifecycleDefaults[field] != nil
  }

  @inline(__always) func read(_ column: TimeColumn?, _ row: Int) -> Int64? {
    guard let column, !column.nulls.isNull(row) else { return nil }
    let v = column.values[row]
    return v > clock ? nil : v
  }

  @inline(__always) func opened(_ row: Int) -> Int64? { read(opened, row) }

  /// Whether the row exists at the clock: a row opened after the clock does not yet.
  /// A table without an `opened` column has every row.
  @inline(__always) func exists(_ row: Int) -> Bool {
    guard let opened, !opened.nulls.isNull(row) else { return true }
    return opened.values[row] <= clock
  }

  /// Whether `phrase` holds for `row`, and the trigger time it gives when it does.
  func evaluate(_ phrase: Phrase, row: Int) -> (Truth, Int64?) {
    let opened = self.opened(row)
    switch phrase {
    case .resolved:
      guard let resolved = read(resolved, row) else { return (.no, nil) }
      return (.yes, resolved)
    // A resolution triggers when it happens; a response triggers at the opening.
    case .resolvedWithin(let d): return elapsed(opened, until: resolved, d, within: true, row: row, atEnd: true)
    case .resolvedAfter(let d): return elapsed(opened, until: resolved, d, within: false, row: row, atEnd: true)
    case .respondedWithin(let d): return elapsed(opened, until: responded, d, within: true, row: row, atEnd: false)
    case .respondedAfter(let d): return elapsed(opened, until: responded, d, within: false, row: row, atEnd: false)
    case .openFor(let d):
      guard let opened else { return (.unknown, nil) }
      let holds = read(resolved, row) == nil && clock - opened >= d.seconds
      return (Truth(holds), holds ? opened + d.seconds : nil)
    case .inLast(let d):
      guard let opened else { return (.unknown, nil) }
      let holds = opened >= clock - d.seconds && opened <= clock
      return (Truth(holds), holds ? opened : nil)
    }
  }

  /// Whether `end` came within `d` of the opening (`within`), or later; the trigger
  /// time is `end` when `atEnd`, else the opening.
  @inline(__always)
  private func elapsed(
    _ opened: Int64?, until end: TimeColumn?, _ d: DurationLiteral, within: Bool, row: Int, atEnd: Bool
  ) -> (Truth, Int64?) {
    guard let opened else { return (.unknown, nil) }
    guard let ended = read(end, row) else { return (.no, nil) }
    let holds = (ended - opened <= d.seconds) == within
    return (Truth(holds), holds ? (atEnd ? ended : opened) : nil)
  }
}
