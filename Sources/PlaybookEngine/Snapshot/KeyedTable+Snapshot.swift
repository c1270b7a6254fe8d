import PlaybookLanguage

/// A table as a snapshot holds it: a description (names, types, reasons, rows set aside,
/// warnings) and the arrays, in the order the description names them.
extension KeyedTable {
  /// The description and the arrays to write, for the table `spec` loads; `rowsRead` is
  /// how many rows reading the file told progress of.
  func snapshotParts(_ spec: TableSpec, rowsRead: Int) -> (description: [UInt8], arrays: [SnapshotArray]) {
    var out = SnapshotBytesWriter()
    var arrays: [SnapshotArray] = []
    func text(_ column: TextColumn) {
      arrays.append(SnapshotArray(column.bytes))
      arrays.append(SnapshotArray(column.ends))
      switch column.codes {
      case nil: arrays.append(SnapshotArray(ColumnArray<UInt32>()))
      case .bytes(let codes): arrays.append(SnapshotArray(codes))
      case .halves(let codes): arrays.append(SnapshotArray(codes))
      case .words(let codes): arrays.append(SnapshotArray(codes))
      }
    }
    out.text(table.name)
    out.text(table.file)
    out.int(table.rowCount)
    out.int(fileBytes)
    out.int(rowsRead)
    out.int(table.columns.count)
    for column in table.columns {
      out.text(column.name)
      out.text(column.type.rawValue)
      Self.write(column.textReason, &out)
      arrays.append(SnapshotArray(column.nulls.words))
      switch column.values {
      case .integer(let values):
        out.u8(0)
        arrays.append(SnapshotArray(values))
      case .decimal(let values):
        out.u8(1)
        arrays.append(SnapshotArray(values))
      case .boolean(let values):
        out.u8(2)
        arrays.append(SnapshotArray(values))
      case .timestamp(let values):
        out.u8(3)
        arrays.append(SnapshotArray(values))
      case .text(let values):
        out.u8(4)
        text(values)
      }
    }
    arrays.append(SnapshotArray(table.lines.stored))
    // Key and link columns typed text are the table's own column; others are kept beside it.
    for (column, name) in [(keys, spec.keyColumn), (link, spec.linkColumn)] {
      guard let column else {
        out.u8(0)
        continue
      }
      if let name, let c = table.columnIndex(name), table.columns[c].type == .text {
        out.u8(2)
        out.int(c)
      } else {
        out.u8(1)
        text(column)
      }
    }
    out.int(setAside.count)
    for row in setAside { out.row(row) }
    out.int(warnings.count)
    for warning in warnings {
      out.u8(UInt8(Self.errorKinds.firstIndex(of: warning.kind)!))
      out.text(warning.message)
      out.text(warning.file)
      out.int(warning.line)
      out.text(warning.hint)
      out.text(warning.table)
    }
    return (out.bytes, arrays)
  }

  /// The table `snapshot` holds; throws when anything in it does not add up.
  static func read(_ snapshot: MappedSnapshot) throws(SnapshotDamage) -> (keyed: KeyedTable, rowsRead: Int) {
    var reader = SnapshotBytesReader(try snapshot.section(0))
    // Sections are checked after the description is read, on all cores.
    var next = 1
    func take(_ count: Int) -> Int {
      defer { next += count }
      return next
    }
    let name = try reader.text()
    let file = try reader.text()
    let rowCount = try reader.int()
    guard rowCount >= 0 else { throw SnapshotDamage() }
    let fileBytes = try reader.int()
    let rowsRead = try reader.int()
    struct Plan {
      var name: String
      var type: ColumnType
      var reason: TextReason?
      var kind: UInt8
      var section: Int
    }
    var plans: [Plan] = []
    for _ in 0..<(try reader.count()) {
      let name = try reader.text()
      guard let type = ColumnType(rawValue: try reader.text()) else { throw SnapshotDamage() }
      let reason = try Self.readReason(&reader)
      let kind = try reader.u8()
      guard kind <= 4 else { throw SnapshotDamage() }
      plans.append(Plan(name: name, type: type, reason: reason, kind: kind, section: take(kind == 4 ? 4 : 2)))
    }
    let linesSection = take(1)
    // Keys, then links: none, a text column of their own (its first section), or a column's.
    enum TextSource {
      case none
      case own(Int)
      case column(Int)
    }
    var sources: [TextSource] = []
    for _ in 0..<2 {
      switch try reader.u8() {
      case 0: sources.append(.none)
      case 1: sources.append(.own(take(3)))
      case 2:
        let c = try reader.int()
        guard plans.indices.contains(c), plans[c].kind == 4 else { throw SnapshotDamage() }
        sources.append(.column(c))
      default: throw SnapshotDamage()
      }
    }
    var setAside: [SetAsideRow] = []
    for _ in 0..<(try reader.count()) { setAside.append(try reader.row()) }
    var warnings: [LoadError] = []
    for _ in 0..<(try reader.count()) {
      let kind = Int(try reader.u8())
      guard kind < errorKinds.count else { throw SnapshotDamage() }
      var warning = LoadError(
        errorKinds[kind], try reader.text(), file: try reader.text(), line: try reader.optionalInt(),
        hint: try reader.optionalText())
      warning.table = try reader.optionalText()
      warnings.append(warning)
    }

    // The arrays, checked in place: one piece of work per column (and the lines, keys and
    // links), on all cores.
    enum Piece: Sendable {
      case column(Column)
      case lines(ColumnArray<Int32>)
      case text(TextColumn)
    }
    enum Work {
      case column(Plan)
      case lines(section: Int)
      case text(section: Int)
    }
    func read(_ work: Work) throws(SnapshotDamage) -> Piece {
      switch work {
      case .lines(let section): return .lines(try snapshot.array(section, of: Int32.self))
      case .text(let section): return .text(try Self.text(snapshot, section, rows: rowCount))
      case .column(let plan):
        guard let nulls = NullMask(words: try snapshot.array(plan.section, of: UInt64.self), count: rowCount)
        else { throw SnapshotDamage() }
        let values: ColumnValues
        switch plan.kind {
        case 0: values = .integer(try snapshot.array(plan.section + 1, of: Int64.self))
        case 1: values = .decimal(try snapshot.array(plan.section + 1, of: Double.self))
        case 2: values = .boolean(try snapshot.array(plan.section + 1, of: Bool.self))
        case 3: values = .timestamp(try snapshot.array(plan.section + 1, of: Int64.self))
        default: values = .text(try Self.text(snapshot, plan.section + 1, rows: rowCount))
        }
        var column = Column(name: plan.name, type: plan.type, values: values, nulls: nulls)
        column.textReason = plan.reason
        return .column(column)
      }
    }
    let works =
      plans.map(Work.column) + [.lines(section: linesSection)]
      + sources.compactMap { source -> Work? in
        guard case .own(let section) = source else { return nil }
        return .text(section: section)
      }
    let pieces = Parallel.map(works.count) { k -> Piece? in try? read(works[k]) }
    var columns: [Column] = []
    var lines = ColumnArray<Int32>()
    var texts: [TextColumn] = []
    for piece in pieces {
      guard let piece else { throw SnapshotDamage() }
      switch piece {
      case .column(let column):
        guard column.values.count == rowCount else { throw SnapshotDamage() }
        columns.append(column)
      case .lines(let found): lines = found
      case .text(let text): texts.append(text)
      }
    }
    guard let rowLines = RowLines(stored: lines, count: rowCount) else { throw SnapshotDamage() }
    var own = texts.makeIterator()
    let found = sources.map { source -> TextColumn? in
      switch source {
      case .none: return nil
      case .own: return own.next()
      case .column(let c):
        guard case .text(let text) = columns[c].values else { return nil }
        return text
      }
    }
    guard let keys = found[0] else { throw SnapshotDamage() }
    let link = found[1]
    let keyed = KeyedTable(
      table: Table(name: name, file: file, rowCount: rowCount, columns: columns, lines: rowLines), setAside: setAside,
      keys: keys, link: link, fileBytes: fileBytes, warnings: warnings)
    return (keyed, rowsRead)
  }

  /// A text column from its three sections (bytes, ends, then each row's value number,
  /// 1, 2 or 4 bytes wide (`TextCodes`), empty for a value per row), checked to cut the
  /// bytes into values in order and to give `rows` rows.
  private static func text(_ snapshot: MappedSnapshot, _ section: Int, rows: Int) throws(SnapshotDamage)
    -> TextColumn
  {
    let bytes = try snapshot.array(section, of: UInt8.self)
    let ends = try snapshot.array(section + 1, of: UInt32.self)
    let codeBytes = try snapshot.array(section + 2, of: UInt8.self).count
    let codes: TextCodes?
    switch (codeBytes, rows == 0 ? 0 : codeBytes / rows) {
    case (0, _): codes = nil
    case (rows, 1): codes = .bytes(try snapshot.array(section + 2, of: UInt8.self))
    case (rows * 2, 2): codes = .halves(try snapshot.array(section + 2, of: UInt16.self))
    case (rows * 4, 4): codes = .words(try snapshot.array(section + 2, of: UInt32.self))
    default: throw SnapshotDamage()
    }
    guard (codes?.count ?? ends.count) == rows, ends.last.map({ Int($0) == bytes.count }) ?? bytes.isEmpty,
      codes.map({ codes in (0..<codes.count).allSatisfy { codes[$0] < ends.count } }) ?? true
    else {
      throw SnapshotDamage()
    }
    return TextColumn(bytes: bytes, ends: ends, codes: codes)
  }

  /// Every kind of load error, in the order a snapshot numbers them: only append.
  private static let errorKinds: [LoadError.Kind] = [
    .unreadableFile, .badFormat, .unknownColumn, .badKey, .badRow, .allSetAside, .renamedColumns, .unknownZone,
    .interrupted, .badDatabase,
  ]

  private static func write(_ reason: TextReason?, _ out: inout SnapshotBytesWriter) {
    func value(_ value: DataValue) {
      out.text(value.text)
      out.text(value.file)
      out.int(value.line)
    }
    switch reason {
    case nil: out.u8(0)
    case .misfit(let wouldBe, let first, let count):
      out.u8(1)
      out.text(wouldBe.rawValue)
      value(first)
      out.int(count)
    case .ambiguousDayMonth(let first, let formats):
      out.u8(2)
      value(first)
      out.int(formats.count)
      for format in formats { out.text(format) }
    }
  }

  private static func readReason(_ reader: inout SnapshotBytesReader) throws(SnapshotDamage) -> TextReason? {
    func value() throws(SnapshotDamage) -> DataValue {
      DataValue(try reader.text(), file: try reader.text(), line: try reader.int())
    }
    switch try reader.u8() {
    case 0: return nil
    case 1:
      guard let wouldBe = ColumnType(rawValue: try reader.text()) else { throw SnapshotDamage() }
      return .misfit(wouldBe: wouldBe, first: try value(), count: try reader.int())
    case 2:
      let first = try value()
      var formats: [String] = []
      for _ in 0..<(try reader.count()) { formats.append(try reader.text()) }
      return .ambiguousDayMonth(first: first, formats: formats)
    default: throw SnapshotDamage()
    }
  }
}

extension ColumnValues {
  /// The number of rows.
  var count: Int {
    switch self {
    case .integer(let values): values.count
    case .decimal(let values): values.count
    case .boolean(let values): values.count
    case .timestamp(let values): values.count
    case .text(let values): values.count
    }
  }
}
