import PlaybookLanguage

/// An event table's lifecycle columns (`opened`, `responded`, `resolved`) seen from the
/// clock: a time after the clock has not happened yet, so it reads as null. A class, so
/// the trigger loop and the batch forms holding it share one copy rather than copying
/// (and retaining) its three columns for every call.
final class Lifecycle: Sendable {
  /// A time column read through plain pointers. Every read copies the column out of its
  /// optional, and copying `ColumnArray`s changes their owners' reference counts: with
  /// both cores reading one table, those atomic changes stalled each other at every row.
  /// The lifecycle keeps the columns themselves (`kept`), so the pointers stay valid;
  /// they are nil only for a table of no rows, where no row is read.
  struct TimeColumn: @unchecked Sendable {
    let values: UnsafePointer<Int64>?
    /// The null mask's words (`NullMask`: row `r` is bit `r % 64` of word `r / 64`).
    let nulls: UnsafePointer<UInt64>?

    init(_ column: Column, _ values: ColumnArray<Int64>) {
      self.values = values.buffer.baseAddress
      nulls = column.nulls.words.buffer.baseAddress
    }

    @inline(__always) func isNull(_ row: Int) -> Bool {
      NullMask.isNull(row, in: nulls.unsafelyUnwrapped)
    }

    @inline(__always) subscript(row: Int) -> Int64 { values.unsafelyUnwrapped[row] }
  }

  let opened: TimeColumn?
  let responded: TimeColumn?
  let resolved: TimeColumn?
  let clock: Int64
  /// The columns `opened`, `responded` and `resolved` point into.
  private let kept: [Column]

  init(table: Table, binding: TableBinding, clock: Int64) {
    var kept: [Column] = []
    func column(_ field: String) -> TimeColumn? {
      guard !binding.isCustomers, let index = table.columnIndex(binding.column(forField: field)),
        case .timestamp(let values) = table.columns[index].values
      else { return nil }
      kept.append(table.columns[index])
      return TimeColumn(table.columns[index], values)
    }
    opened = column("opened")
    responded = column("responded")
    resolved = column("resolved")
    self.kept = kept
    self.clock = clock
  }

  /// Whether a lifecycle field reads this column (so the clock view applies to it).
  static func isLifecycleField(_ field: String) -> Bool {
    TableBinding.lifecycleDefaults[field] != nil
  }

  @inline(__always) func read(_ column: TimeColumn?, _ row: Int) -> Int64? {
    guard let column, !column.isNull(row) else { return nil }
    let v = column[row]
    return v > clock ? nil : v
  }

  @inline(__always) func opened(_ row: Int) -> Int64? { read(opened, row) }

  /// Whether the row exists at the clock: a row opened after the clock does not yet.
  /// A table without an `opened` column has every row.
  @inline(__always) func exists(_ row: Int) -> Bool {
    guard let opened, !opened.isNull(row) else { return true }
    return opened[row] <= clock
  }

  /// A lifecycle `Phrase` with its duration in seconds alone: copied for every row
  /// tested, a `Phrase` retained and released its duration's spelling each time.
  enum Test: Sendable {
    case resolved
    case resolvedWithin(Int64)
    case resolvedAfter(Int64)
    case respondedWithin(Int64)
    case respondedAfter(Int64)
    case openFor(Int64)
    case inLast(Int64)

    init(_ phrase: Phrase) {
      switch phrase {
      case .resolved: self = .resolved
      case .resolvedWithin(let d): self = .resolvedWithin(d.seconds)
      case .resolvedAfter(let d): self = .resolvedAfter(d.seconds)
      case .respondedWithin(let d): self = .respondedWithin(d.seconds)
      case .respondedAfter(let d): self = .respondedAfter(d.seconds)
      case .openFor(let d): self = .openFor(d.seconds)
      case .inLast(let d): self = .inLast(d.seconds)
      }
    }
  }

  /// Whether `phrase` holds for `row`, and the trigger time it gives when it does.
  func evaluate(_ phrase: Test, row: Int) -> (Truth, Int64?) {
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
      let holds = read(resolved, row) == nil && clock - opened >= d
      return (Truth(holds), holds ? opened + d : nil)
    case .inLast(let d):
      guard let opened else { return (.unknown, nil) }
      let holds = opened >= clock - d && opened <= clock
      return (Truth(holds), holds ? opened : nil)
    }
  }

  /// Whether `end` came within `d` seconds of the opening (`within`), or later; the
  /// trigger time is `end` when `atEnd`, else the opening.
  @inline(__always)
  private func elapsed(
    _ opened: Int64?, until end: TimeColumn?, _ d: Int64, within: Bool, row: Int, atEnd: Bool
  ) -> (Truth, Int64?) {
    guard let opened else { return (.unknown, nil) }
    guard let ended = read(end, row) else { return (.no, nil) }
    let holds = (ended - opened <= d) == within
    return (Truth(holds), holds ? (atEnd ? ended : opened) : nil)
  }
}
