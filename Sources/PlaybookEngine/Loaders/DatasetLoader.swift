import Dispatch
import PlaybookLanguage

/// Loads a playbook's tables and links each event row to its customer.
public enum DatasetLoader {
  /// Reads the customers and every event table, keys the customers, and builds each
  /// event table's link index. Event rows whose link names no customer are set aside.
  /// Key, link and trigger-key columns are text unless `declaredTypes` says otherwise;
  /// they are matched by their text either way.
  ///
  /// An event row whose key repeats an earlier row's is set aside (`setAsideRepeatedKeys`).
  ///
  /// Throws for a missing or unreadable file, an unknown key or link column, an empty
  /// or repeated customer key, a table whose every row was set aside, and — when
  /// `strict` — for the first row set aside. A table with more than `maxSetAside` (a
  /// share, 0 to 1) of its rows set aside is listed in `Dataset.overSetAsideLimit`.
  /// `progress` is told of each table and the rows read, and may stop the load.
  /// An error of a database load names its table (`LoadError.table`): several loads
  /// may read one database file, where a data file's path says which load it is.
  /// Database loads of one kind read through one session (`DatabaseReader.openSession`),
  /// closed when the loads end.
  /// With a `cache`, each data file's table comes from its snapshot when the file is
  /// unchanged, and a snapshot is written after reading one (`TableLoad.snapshot`): so
  /// then every spec keeps every column (`TableSpec.keptColumns`).
  public static func load(
    customers: TableSpec, events: [TableSpec], strict: Bool, maxSetAside: Double = SetAsideLimit.standard,
    progress: (any ProgressSink)? = nil, cache: SnapshotCache? = nil
  ) throws(LoadError) -> Dataset {
    precondition(
      cache == nil || ([customers] + events).allSatisfy(\.keptColumns.keepsAll), "a snapshot holds every column")
    var loading = customers
    let sessions = DatabaseSessions()
    defer { sessions.close() }
    do {
      return try load(
        customers: customers, events: events, strict: strict, maxSetAside: maxSetAside, progress: progress,
        sessions: sessions, cache: cache, loading: &loading)
    } catch {
      guard loading.database != nil else { throw error }
      var named = error
      named.table = loading.name
      throw named
    }
  }

  /// `load`, keeping `loading` the table being read.
  private static func load(
    customers: TableSpec, events: [TableSpec], strict: Bool, maxSetAside: Double, progress: (any ProgressSink)?,
    sessions: DatabaseSessions, cache: SnapshotCache?, loading: inout TableSpec
  ) throws(LoadError) -> Dataset {
    let started = DispatchTime.now()
    let order = linkOrder(events)
    // The next data file's table is read while the one before is finished (`TableReadAhead`).
    func readAhead(_ k: Int) -> TableReadAhead? {
      guard k < order.count, order[k].database == nil else { return nil }
      let spec = order[k]
      return TableReadAhead(progress: progress) { progress throws(LoadError) in
        try readEvent(spec, sessions: DatabaseSessions(), progress: progress, cache: cache)
      }
    }
    var ahead = readAhead(0)
    // A load that fails stops the table being read ahead before it says so.
    defer { ahead?.cancel() }
    let (people, peopleSnapshot, peopleID) = try KeyedTable.read(
      customers, sessions: sessions, progress: progress, cache: cache
    ) { _ in }
    FreedMemory.releaseWhileLoading()
    let customerCount = people.table.rowCount
    // The key index comes from its `.keys` file when the customers came from the snapshot it was made for.
    let index: KeyIndex
    if let cache, let peopleID,
      let stored = KeySnapshot.read(customers, table: peopleID, keys: people.keys, cache: cache)
    {
      try people.refuseEmptyKeys(customers, rowName: "customer")
      index = stored
    } else {
      index = try people.uniqueKeyIndex(customers)
      if let cache, let peopleID { KeySnapshot.store(customers, table: peopleID, index: index, cache: cache) }
    }
    var setAside = people.setAside
    var warnings = people.warnings
    var overLimit: [SetAsideShare] = []
    try check(setAside, of: customerCount, customers, strict: strict, maxSetAside: maxSetAside, overLimit: &overLimit)
    var loads = [people.load(customers, since: started, snapshot: peopleSnapshot)]

    var tables: [String: Table] = [:]
    var links: [String: LinkIndex] = [:]
    var setAsideOf: [String: [SetAsideRow]] = [:]
    var warningsOf: [String: [LoadError]] = [:]
    var loadOf: [String: TableLoad] = [:]
    var linkTargets: [String: LinkTarget] = [:]
    // Each linked table's `LinkSnapshot.linked`, for the tables linking to it.
    var linkedIDs: [String: UInt64] = [:]
    let linkedTo = Set(events.compactMap(\.linkTable))
    // The table after the next is started too before the next is waited for: the next
    // one's last stretches on one core (its joins and checks) then share the machine
    // with the one after's reading. And once the next one's file is read, with the one
    // after's file read too, the table after that starts (`later`): building the next
    // one's table (at 1M customers, 0.2 s of the tickets' joins, checks and links) left a
    // core idle for a third of the time.
    var after: TableReadAhead?
    var later: TableReadAhead?
    defer {
      after?.cancel()
      later?.cancel()
    }
    for (k, spec) in order.enumerated() {
      loading = spec
      if ahead != nil {
        after = later ?? readAhead(k + 1)
        later = nil
      }
      let read: TableReadAhead.Read
      let readStarted: DispatchTime
      if let table = ahead {
        ahead = nil
        readStarted = table.started
        table.waitUntilFileRead()
        if let next = after, next.isFileRead { later = readAhead(k + 2) }
        read = try table.value()
      } else {
        readStarted = DispatchTime.now()
        read = try readEvent(spec, sessions: sessions, progress: progress, cache: cache)
      }
      ahead = after ?? readAhead(k + 1)
      after = nil
      let event = try loadEvent(
        spec, read: read, started: readStarted, customers: index, customerCount: customerCount,
        linkTargets: linkTargets, linkedBy: spec.linkTable.map { linkedIDs[$0] } ?? peopleID, cache: cache,
        strict: strict, maxSetAside: maxSetAside, overLimit: &overLimit)
      linkedIDs[spec.name] = event.linkedID
      if linkedTo.contains(spec.name) {
        linkTargets[spec.name] = try LinkTarget(
          spec: spec, keyed: event.keyed, customerOfRow: event.linkIndex.customerOfRow)
      }
      setAsideOf[spec.name] = event.setAside
      warningsOf[spec.name] = event.keyed.warnings
      links[spec.name] = event.linkIndex
      tables[spec.name] = event.keyed.table
      loadOf[spec.name] = event.load
    }
    // Tables load in link order; what is reported keeps the playbook's order.
    for spec in events {
      setAside += setAsideOf[spec.name] ?? []
      warnings += warningsOf[spec.name] ?? []
      if let load = loadOf[spec.name] { loads.append(load) }
    }

    var dataset = Dataset(
      customers: people.table, customerIndex: index, events: tables, links: links, setAside: setAside,
      loads: loads, warnings: warnings)
    dataset.overSetAsideLimit = overLimit
    return dataset
  }

  /// An event table read, checked and linked (`loadEvent`).
  private struct LoadedEvent {
    var keyed: KeyedTable
    var linkIndex: LinkIndex
    /// The rows set aside, those naming no customer among them, in line order.
    var setAside: [SetAsideRow]
    /// The snapshot identity of the table as linked (`LinkSnapshot.linked`), when it has one.
    var linkedID: UInt64?
    var load: TableLoad
  }

  /// Reads the event table `spec` (`KeyedTable.read`), setting aside the rows an event
  /// table sets aside on its own: those out of lifecycle order, and those with repeated keys.
  private static func readEvent(
    _ spec: TableSpec, sessions: DatabaseSessions, progress: (any ProgressSink)?, cache: SnapshotCache?
  ) throws(LoadError) -> TableReadAhead.Read {
    try KeyedTable.read(spec, sessions: sessions, progress: progress, cache: cache) {
      $0.setAsideBackwardsLifecycles(spec)
      $0.setAsideRepeatedKeys(spec)
    }
  }

  /// Links each row of the event table `spec`, as `read` (`KeyedTable.read`, from
  /// `started`), to its customer in `customers` (or through the table it links to, in
  /// `linkTargets`). `linkedBy` is the snapshot identity of what it links to, for its
  /// links file.
  private static func loadEvent(
    _ spec: TableSpec, read: TableReadAhead.Read, started: DispatchTime, customers index: KeyIndex,
    customerCount: Int, linkTargets: [String: LinkTarget], linkedBy by: UInt64?,
    cache: SnapshotCache?, strict: Bool, maxSetAside: Double, overLimit: inout [SetAsideShare]
  ) throws(LoadError) -> LoadedEvent {
    var (event, snapshot, eventID) = read
    FreedMemory.releaseWhileLoading()
    // Links come from the links file when the table and what it links to are the snapshots they were made from.
    let linkedID = eventID.flatMap { table in by.map { LinkSnapshot.linked(table: table, by: $0) } }
    var rows: [SetAsideRow]
    let linkIndex: LinkIndex
    if let cache, let linkedID,
      let stored = LinkSnapshot.read(
        spec, linked: linkedID, rowCount: event.table.rowCount, customerCount: customerCount, cache: cache)
    {
      (linkIndex, rows) = stored
    } else {
      let customerOfRow: [Int32]
      (customerOfRow, rows) = link(event, spec, index, linkTargets)
      linkIndex = LinkIndex(customerOfRow: ColumnArray(customerOfRow), customerCount: customerCount)
      if let cache, let linkedID {
        LinkSnapshot.store(spec, linked: linkedID, index: linkIndex, setAside: rows, cache: cache)
      }
    }
    event.shareLinkText(customerIDs: index.keys, customerOfRow: linkIndex.customerOfRow, spec)
    try check(rows, of: linkIndex.linkedRowCount, spec, strict: strict, maxSetAside: maxSetAside, overLimit: &overLimit)
    return LoadedEvent(
      keyed: event, linkIndex: linkIndex, setAside: rows, linkedID: linkedID,
      load: event.load(spec, since: started, snapshot: snapshot))
  }

  /// `dataset` with its event table `spec.name` read again from `spec`'s database
  /// selection, keyed, checked and linked as `load` reads it, its rows set aside in
  /// their table's place. `playloop run --engine postgres` reads a table it left in the
  /// database this way: whole, or only the rows its candidates name (`rowsInPlace`, the
  /// count of every row there, then stands in the summary for the rows read). Not for a
  /// table that links to another event table or that one links to.
  public static func reread(
    _ spec: TableSpec, in dataset: Dataset, rowsInPlace: Int?, strict: Bool, maxSetAside: Double
  ) throws(LoadError) -> Dataset {
    precondition(spec.database != nil && spec.linkTable == nil, "a database table linked to the customers")
    let sessions = DatabaseSessions()
    defer { sessions.close() }
    var overLimit = dataset.overSetAsideLimit.filter { $0.table != spec.name }
    let event: LoadedEvent
    do {
      let started = DispatchTime.now()
      let read = try readEvent(spec, sessions: sessions, progress: nil, cache: nil)
      event = try loadEvent(
        spec, read: read, started: started, customers: dataset.customerIndex, customerCount: dataset.customers.rowCount,
        linkTargets: [:], linkedBy: nil, cache: nil, strict: strict, maxSetAside: maxSetAside,
        overLimit: &overLimit)
    } catch {
      var named = error
      named.table = spec.name
      throw named
    }
    var result = dataset
    result.events[spec.name] = event.keyed.table
    result.links[spec.name] = event.linkIndex
    var load = event.load
    load.rows = rowsInPlace ?? load.rows
    result.loads = dataset.loads.map { $0.table == spec.name ? load : $0 }
    result.rowsInPlace[spec.name] = rowsInPlace
    // What is reported keeps the load order.
    let order = dataset.loads.map(\.table)
    func position(_ table: String) -> Int { order.firstIndex(of: table) ?? order.count }
    result.setAside = (dataset.setAside.filter { $0.table != spec.name } + event.setAside).enumerated()
      .sorted { (position($0.element.table), $0.offset) < (position($1.element.table), $1.offset) }.map(\.element)
    result.overSetAsideLimit = overLimit.sorted { position($0.table) < position($1.table) }
    return result
  }

  /// Each row of `event` as its customer's (-1 for none), and the table's rows set aside
  /// with those that name no customer (or no row of the table linked to), in line order.
  private static func link(
    _ event: KeyedTable, _ spec: TableSpec, _ index: KeyIndex, _ linkTargets: [String: LinkTarget]
  ) -> (customerOfRow: [Int32], setAside: [SetAsideRow]) {
    let link = event.link ?? TextColumn()
    var rows = event.setAside
    let customerOfRow: [Int32]
    if let name = spec.linkTable {
      guard let target = linkTargets[name] else { preconditionFailure("'\(name)' is loaded before its links") }
      (customerOfRow, rows) = target.follow(link, of: spec, table: event.table, setAside: rows)
    } else {
      let unlinked: [Int]
      (customerOfRow, unlinked) = resolve(link, in: index)
      for row in unlinked {
        let reason =
          link.start(row) == link.end(row)
          ? "no customer: \(spec.linkColumn ?? "") is empty"
          : "customer \"\(link.string(row))\" does not exist"
        rows.append(
          SetAsideRow(table: spec.name, file: spec.path, line: Int(event.table.lines[row]), reason: reason))
      }
    }
    rows.sort { $0.line < $1.line }
    return (customerOfRow, rows)
  }

  /// `events` with each table after the one it links to, otherwise in the given order.
  /// The checker refuses links to tables not loaded and links in a circle.
  private static func linkOrder(_ events: [TableSpec]) -> [TableSpec] {
    var ordered: [TableSpec] = []
    var loaded: Set<String> = []
    var waiting = events
    while let next = waiting.firstIndex(where: { $0.linkTable.map(loaded.contains) ?? true }) {
      let spec = waiting.remove(at: next)
      ordered.append(spec)
      loaded.insert(spec.name)
    }
    precondition(waiting.isEmpty, "links to tables not loaded, or in a circle: \(waiting.map(\.name))")
    return ordered
  }

  /// Each row's customer number (-1 when the link names no customer), found in
  /// parallel over slices of rows straight into their place, and the rows that found none.
  static func resolve(_ link: TextColumn, in index: KeyIndex) -> (customerOfRow: [Int32], unlinked: [Int]) {
    let count = link.count
    guard count > 0 else { return ([], []) }
    let pieces = max(1, min(Parallel.coreCount * 4, count / 100_000))
    var missing: [[Int]] = []
    let customerOfRow = [Int32](unsafeUninitializedCapacity: count) { out, initialized in
      let all = SharedBuffer(out.baseAddress!)
      missing = Parallel.map(pieces) { k in
        let rows = (count * k / pieces)..<(count * (k + 1) / pieces)
        let numbers = UnsafeMutableBufferPointer(start: all.base + rows.lowerBound, count: rows.count)
        index.numbers(of: link, rows: rows, into: numbers)
        return rows.filter { numbers[$0 - rows.lowerBound] < 0 }
      }
      initialized = count
    }
    return (customerOfRow, missing.flatMap { $0 })
  }

  /// Throws when every row of the table was set aside (`kept` is how many were not), or
  /// for the first row set aside when `strict`; notes a table over `maxSetAside`.
  private static func check(
    _ rows: [SetAsideRow], of kept: Int, _ spec: TableSpec, strict: Bool, maxSetAside: Double,
    overLimit: inout [SetAsideShare]
  ) throws(LoadError) {
    guard let first = rows.first else { return }
    if kept == 0 {
      let reasons = rows.prefix(3).map { "line \($0.line): \($0.reason)" }.joined(separator: "; ")
      let more = rows.count > 3 ? "; and \(rows.count - 3) more" : ""
      throw LoadError(
        .allSetAside, "every row was set aside (\(rows.count) row\(rows.count == 1 ? "" : "s")): \(reasons)\(more)",
        file: first.file, line: first.line, hint: first.hint)
    }
    if strict {
      let more = rows.count > 1 ? " (and \(rows.count - 1) more rows set aside)" : ""
      throw LoadError(.badRow, "\(first.reason)\(more)", file: first.file, line: first.line, hint: first.hint)
    }
    let share = SetAsideShare(
      table: spec.name, file: spec.path, setAside: rows.count, rows: kept + rows.count, limit: maxSetAside)
    if Double(share.setAside) > maxSetAside * Double(share.rows) { overLimit.append(share) }
  }
}

/// A table read for a dataset, with its key and link columns as text.
struct KeyedTable {
  var table: Table
  var setAside: [SetAsideRow]
  var keys: TextColumn
  var link: TextColumn?
  /// The file's size.
  var fileBytes: Int
  /// What reading the file warned of (columns named by position).
  var warnings: [LoadError]

  /// The index of the customers' keys, which must be unique and not empty: a customer
  /// is one row. Throws at the first repeated key, else the first empty one.
  func uniqueKeyIndex(_ spec: TableSpec) throws(LoadError) -> KeyIndex {
    let (index, duplicates) = KeyIndex.build(keys)
    if let duplicate = duplicates.first {
      let first = table.lines[duplicate.earlierRow]
      throw LoadError(
        .badKey, "customer \(spec.keyColumn) \"\(keys.string(duplicate.row))\" repeats the one on line \(first)",
        file: spec.path, line: Int(table.lines[duplicate.row]))
    }
    try refuseEmptyKeys(spec, rowName: "customer")
    return index
  }

  /// Throws at the first empty key: a customer, or a row other rows link to, must be
  /// one that can be named.
  func refuseEmptyKeys(_ spec: TableSpec, rowName: String) throws(LoadError) {
    for row in 0..<keys.count where keys.start(row) == keys.end(row) {
      throw LoadError(
        .badKey, "\(rowName) has an empty \(spec.keyColumn)", file: spec.path, line: Int(table.lines[row]))
    }
  }

  /// Takes `rows` (ascending) out of the table, its keys and links, and sets them aside
  /// for the reasons `found`.
  mutating func setAside(_ rows: [Int], _ found: [SetAsideRow]) {
    table = table.removing(rows)
    keys = keys.removing(rows)
    link = link?.removing(rows)
    setAside += found
    setAside.sort { $0.line < $1.line }
  }

  func load(_ spec: TableSpec, since started: DispatchTime, snapshot: SnapshotUse) -> TableLoad {
    let nanoseconds = DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds
    var load = TableLoad(
      table: spec.name, file: spec.path, bytes: fileBytes, rows: table.rowCount,
      milliseconds: Double(nanoseconds) / 1e6)
    load.snapshot = snapshot
    return load
  }

  static func read(
    _ spec: TableSpec, sessions: DatabaseSessions, progress: (any ProgressSink)? = nil
  ) throws(LoadError) -> KeyedTable {
    var declared = spec.declaredTypes
    for column in [spec.keyColumn, spec.linkColumn].compactMap({ $0 }) where declared[column] == nil {
      declared[column] = .text
    }
    let rules = try ValueRules(spec)
    let raw: RawTable
    let size: Int
    var databaseSetAside: [SetAsideRow] = []
    var unmappedTypes: [String: String] = [:]
    if let selection = spec.database {
      let read = try DatabaseTable.read(spec, selection, sessions: sessions, rules: rules, progress: progress)
      (raw, size, databaseSetAside, declared) = (read.raw, read.fileBytes, read.setAside, read.types)
      unmappedTypes = read.unmappedTypes
    } else {
      let bytes = try FileBytes.read(spec.path)
      size = bytes.count
      progress?.begin(.loading(table: spec.name, file: spec.path, bytes: size))
      // Read with only the playbook's declarations, so a missing key or link column is
      // reported by its role below rather than as an unknown declared column.
      raw = try TableReader.readRaw(
        bytes, format: spec.format, file: spec.path, declaredTypes: spec.declaredTypes,
        textColumns: [spec.keyColumn, spec.linkColumn].compactMap { $0 }, delimiter: spec.delimiter,
        encoding: spec.encoding, rules: rules, kept: spec.keptColumns, progress: progress)
    }
    let keyIndex = try column(spec.keyColumn, role: "key", in: raw, spec: spec)
    let linkIndex = try spec.linkColumn.map { (name) throws(LoadError) in
      try column(name, role: "link", in: raw, spec: spec)
    }
    let typing = TableTyping(
      raw, name: spec.name, file: spec.path, declaredTypes: declared, link: linkIndex ?? keyIndex)
    // Key and link columns declared another type than text still link by their text.
    func text(_ c: Int) throws(LoadError) -> TextColumn? {
      declared[raw.names[c]] == .text
        ? nil : try ColumnBuilder.text(raw, column: c, dropping: typing.dropped, file: spec.path)
    }
    let keyText = try text(keyIndex)
    let linkText = try linkIndex.flatMap(text)
    let warnings = raw.warnings
    // Handed over, not copied: the build frees each column's chunks as it joins them,
    // which a copy kept alive here would undo (at 1M customers, 300 MB more at the peak).
    let kept = spec.database == nil ? spec.keptColumns : .all
    let (keyName, linkName) = (raw.names[keyIndex], linkIndex.map { raw.names[$0] })
    var (table, rows) = try TableReader.build(consume raw, typing, name: spec.name, file: spec.path, kept: kept)
    for c in table.columns.indices where table.columns[c].type == .text {
      table.columns[c].databaseType = unmappedTypes[table.columns[c].name]
    }
    if !databaseSetAside.isEmpty {
      rows += databaseSetAside
      rows.sort { $0.line < $1.line }
    }
    // By name: the table's columns are the raw ones less those not kept (never these two).
    func textColumn(_ name: String, _ separate: TextColumn?) -> TextColumn {
      if let separate { return separate }
      guard let c = table.columnIndex(name), case .text(let values) = table.columns[c].values else {
        preconditionFailure("declared text")
      }
      return values
    }
    return KeyedTable(
      table: table, setAside: rows, keys: textColumn(keyName, keyText),
      link: linkName.map { textColumn($0, linkText) }, fileBytes: size, warnings: warnings)
  }

  private static func column(_ name: String, role: String, in raw: RawTable, spec: TableSpec) throws(LoadError) -> Int {
    if let c = raw.names.firstIndex(of: name) { return c }
    let holder = spec.database == nil ? "the header has" : "the rows have"
    throw LoadError(
      .unknownColumn, "\(holder) no column '\(name)' (the \(role) column)", file: spec.path,
      hint: HeaderName.hint(forMissing: name, in: raw.names))
  }
}
