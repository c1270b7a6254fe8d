import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

/// A text column of few distinct values keeps each once (`TextDictionary`,
/// `TextColumn.codes`); every reader must see the same rows as in a column of a value
/// per row, through loading in chunks, joining, rows set aside, filters and snapshots.
@Suite struct TextDictionaryTests {
  static func values(_ column: TextColumn) -> [String] { (0..<column.count).map(column.string) }

  /// A chunk's text read from `fields`, as the loader reads a column.
  static func piece(_ fields: [String]) -> TextColumn {
    var bytes: [UInt8] = []
    var spans: [FieldSpan] = []
    for field in fields {
      spans.append(FieldSpan(start: bytes.count, length: field.utf8.count, kind: .bare, escaped: false))
      bytes += Array(field.utf8)
    }
    return bytes.withUnsafeBufferPointer { ColumnBuilder.textPiece(spans, bytes: $0).text }
  }

  static let kinds = (0..<5000).map { ["complaint", "question", "request", "", "Ünïcode"][$0 * 7 % 5] }
  static let ids = (0..<5000).map { "T-\($0)" }

  @Test func fewDistinctValuesAreKeptOnceAndManyAreNot() {
    let kinds = Self.piece(Self.kinds)
    #expect(kinds.codes != nil)
    #expect(kinds.ends.count == 5)
    #expect(kinds.bytes.count == "complaintquestionrequestÜnïcode".utf8.count)
    #expect(Self.values(kinds) == Self.kinds)
    #expect(Self.values(kinds.expanded) == Self.kinds)
    #expect(kinds.expanded.codes == nil)
    let ids = Self.piece(Self.ids)
    #expect(ids.codes == nil)
    #expect(Self.values(ids) == Self.ids)
    // Too few rows to tell.
    #expect(Self.piece(Array(Self.kinds.prefix(100))).codes == nil)
  }

  /// One byte per row for up to 256 values, two for up to 65,536, four beyond; the
  /// joined column is as narrow as its own values allow, and reads the same.
  @Test func codesAreAsNarrowAsTheNumberOfValuesAllows() throws {
    #expect(TextCodes.width(values: 256) == 1)
    #expect(TextCodes.width(values: 257) == 2)
    #expect(TextCodes.width(values: 65_536) == 2)
    #expect(TextCodes.width(values: 65_537) == 4)
    let few = Self.piece(Self.kinds)
    guard case .bytes = few.codes else {
      Issue.record("five values: one byte each, not \(String(describing: few.codes))")
      return
    }
    // 200 values in each piece, 300 in both: the pieces are bytes, the join two bytes.
    let first = (0..<4000).map { "a template subject, number \($0 % 200)" }
    let second = (0..<4000).map { "a template subject, number \(100 + $0 % 200)" }
    let pieces = [Self.piece(first), Self.piece(second)]
    for piece in pieces {
      guard case .bytes = piece.codes else {
        Issue.record("200 values: one byte each")
        return
      }
    }
    let joined = try ColumnBuilder.joined(pieces, column: "subject", file: "t.csv")
    guard case .halves = joined.codes else {
      Issue.record("300 values: two bytes each, not \(String(describing: joined.codes))")
      return
    }
    #expect(joined.ends.count == 300)
    #expect(Self.values(joined) == first + second)
    #expect(Self.values(joined.removing([0, 7999])) == Array((first + second).dropFirst().dropLast()))
    let narrowed = TextCodes(narrowing: [0, 70_000, 65_536, 3], values: 70_001)
    guard case .words = narrowed else {
      Issue.record("70,001 values: four bytes each")
      return
    }
    #expect((0..<narrowed.count).map { narrowed[$0] } == [0, 70_000, 65_536, 3])
  }

  @Test func longTextsRepeatedAreKeptOnceThoughAThirdAreDistinct() {
    // Each text three times in a row: a third of the rows distinct from the first on.
    let texts = (0..<6000).map { "Customer called about order #\($0 / 3). Agent explained the refund policy." }
    let column = Self.piece(texts)
    #expect(column.codes != nil)
    #expect(column.ends.count == 2000)
    #expect(Self.values(column) == texts)
  }

  /// Values of every length up to 24 that differ from each other in one byte, at each
  /// place, are all kept apart, in one piece and when pieces join.
  @Test func valuesDifferingInOneByteAnywhereAreKeptApart() throws {
    let distinct = Self.oneByteApart
    let rows = (0..<4000).map { distinct[$0 * 7 % distinct.count] }
    let column = Self.piece(rows)
    #expect(column.codes != nil)
    #expect(column.ends.count == distinct.count)
    #expect(Self.values(column) == rows)
    let joined = try ColumnBuilder.joined(
      [Self.piece(rows), Self.piece(rows.reversed())], column: "code", file: "t.csv")
    #expect(joined.ends.count == distinct.count)
    #expect(Self.values(joined) == rows + rows.reversed())
  }

  /// Every value of `oneByteApart` is the same as itself and no other, compared word by
  /// word (values that the hash already tells apart never reach the comparison, so it is
  /// tested alone).
  @Test func theComparisonTellsApartValuesOneByteApart() {
    let values = Self.oneByteApart.map { Array($0.utf8) }
    for a in values {
      for b in values where a.count == b.count {
        a.withUnsafeBufferPointer { x in
          b.withUnsafeBufferPointer { y in
            let (p, q) = (
              x.baseAddress ?? UnsafePointer(bitPattern: 1)!, y.baseAddress ?? UnsafePointer(bitPattern: 1)!
            )
            #expect(
              TextDictionary.same(p, q, a.count) == (a == b),
              "\(String(decoding: a, as: UTF8.self)) and \(String(decoding: b, as: UTF8.self))")
          }
        }
      }
    }
  }

  /// Values of every length up to 24 bytes: all `a`s, and each with a `b` at one place.
  static let oneByteApart: [String] = (0...24).flatMap { length in
    [String(repeating: "a", count: length)]
      + (0..<length).map { String(repeating: "a", count: $0) + "b" + String(repeating: "a", count: length - $0 - 1) }
  }

  /// A quoted value with doubled quotes is compared with its quotes undone.
  @Test func valuesWithEscapesAreComparedAsTheirText() throws {
    var csv = "id,said\n"
    for n in 0..<3000 { csv += "T-\(n),\(["\"a\"\"b\"", "\"a\"\"c\"", "ab", "\"ab\""][n % 4])\n" }
    let table = try readTable(csv, chunks: 2).table
    guard case .text(let said) = table.columns[1].values else {
      Issue.record("text column expected")
      return
    }
    #expect(said.codes != nil)
    #expect(Self.values(said.dictionary) == ["a\"b", "a\"c", "ab"])
    #expect(Self.values(said) == (0..<3000).map { ["a\"b", "a\"c", "ab", "ab"][$0 % 4] })
  }

  @Test func piecesKeepingValuesOnceJoinIntoOneDictionaryInFirstMetOrder() throws {
    let first = Array(Self.kinds.prefix(2500))
    let second = ["other"] + Array(Self.kinds.suffix(2499))
    let joined = try ColumnBuilder.joined([Self.piece(first), Self.piece(second)], column: "kind", file: "t.csv")
    #expect(joined.codes != nil)
    #expect(joined.ends.count == 6)
    #expect(joined.string(2500) == "other")
    #expect(Self.values(joined) == first + second)
    #expect(Self.values(joined.dictionary) == Array(firstMet(first + second)))
  }

  /// Many pieces, their values shared in every order, some empty, of every length up to
  /// 40 bytes: merged in parts on all cores, the join numbers the values in the order
  /// first met and reads row by row as the pieces did.
  @Test func manyPiecesJoinInFirstMetOrderWhateverThePartsTheyFallIn() throws {
    let pool = (0..<3000).map { n in n % 97 == 0 ? "" : String(repeating: "v", count: n % 31) + "\(n)" }
    var state: UInt64 = 42
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    // Each piece draws from its own part of the pool, overlapping the pieces before it.
    let rows = (0..<13).map { k in (0..<1500).map { _ in pool[(k * 200 + next() % 600) % pool.count] } }
    let pieces = rows.map(Self.piece)
    #expect(pieces.allSatisfy { $0.codes != nil })
    let joined = try ColumnBuilder.joined(pieces, column: "subject", file: "t.csv")
    let all = rows.flatMap { $0 }
    #expect(joined.codes != nil)
    #expect(Self.values(joined.dictionary) == firstMet(all))
    #expect(Self.values(joined) == all)
  }

  /// Pieces with no text at all (a column empty in every row), or no rows, join too.
  @Test func piecesWithNoTextOrNoRowsJoin() throws {
    let empty = try ColumnBuilder.joined(
      [Self.piece(["", "", ""]), Self.piece(["", ""])], column: "blank", file: "t.csv")
    #expect(Self.values(empty) == ["", "", "", "", ""])
    let none = try ColumnBuilder.joined([Self.piece([]), Self.piece([])], column: "blank", file: "t.csv")
    #expect(none.count == 0)
    let some = try ColumnBuilder.joined([Self.piece([]), Self.piece(["a", ""])], column: "blank", file: "t.csv")
    #expect(Self.values(some) == ["a", ""])
  }

  @Test func aPieceOfAValuePerRowMakesTheJoinedColumnOneToo() throws {
    let joined = try ColumnBuilder.joined(
      [Self.piece(Self.kinds), Self.piece(Self.ids), Self.piece(Self.kinds)], column: "mixed", file: "t.csv")
    #expect(joined.codes == nil)
    #expect(Self.values(joined) == Self.kinds + Self.ids + Self.kinds)
  }

  @Test func keptValuesPastTheLimitAreRefusedWithTheColumnsName() {
    let pieces = [Self.piece(Self.kinds), Self.piece(Self.kinds.map { $0 + "!" })]
    let error = #expect(throws: LoadError.self) {
      try ColumnBuilder.joined(pieces, column: "kind", file: "t.csv", limit: 40)
    }
    #expect(error?.message.contains("\"kind\" holds more than 4 GB of text") == true)
    #expect(throws: Never.self) { try ColumnBuilder.joined(pieces, column: "kind", file: "t.csv", limit: 71) }
  }

  @Test func rowsSetAsideLeaveTheOthersNumbers() {
    let column = Self.piece(Self.kinds)
    let removed = column.removing([0, 1, 4999])
    #expect(removed.codes != nil)
    #expect(Self.values(removed) == Array(Self.kinds.dropFirst(2).dropLast()))
    #expect(Self.values(column.removing(Array(0..<5000))) == [])
  }

  /// A file read in chunks: its column of few values is kept once and reads as read in
  /// one chunk; a `define`'s equality filter over it gives the row-by-row answer.
  @Test func aLoadedColumnAndAFilterOverItMeanWhatTheyDidRowByRow() throws {
    var csv = "id,kind,note\n"
    for (n, kind) in Self.kinds.enumerated() { csv += "T-\(n),\(kind),\"n, \(n % 3)\"\n" }
    let one = try readTable(csv, chunks: 1)
    let four = try readTable(csv, chunks: 4)
    guard case .text(let kind) = four.table.columns[1].values, case .text(let note) = four.table.columns[2].values
    else {
      Issue.record("text columns expected")
      return
    }
    #expect(kind.codes != nil)
    #expect(note.codes != nil)
    #expect(four.table.cells == one.table.cells)
    #expect(Self.values(kind) == Self.kinds)
    #expect(Self.values(note) == (0..<5000).map { "n, \($0 % 3)" })
  }
}

extension TextDictionaryTests {
  /// A linked table's customer ids are numbers into the customers' keys (the link index
  /// found each byte for byte), the keys held once; a row naming no customer keeps its
  /// own text, and every row reads as in the file.
  @Test(arguments: [false, true])
  func aLinkColumnIsTheCustomersKeysByNumber(unknownCustomer: Bool) throws {
    let folder = try ScratchFolder(
      "shared-link",
      files: [
        "customers.csv": "id,tier\nC-1,gold\nC-2,silver\nC-3,gold\n",
        "tickets.csv": "id,customer_id,kind\nT-1,C-2,a\nT-2,\(unknownCustomer ? "C-9" : "C-1"),b\nT-3,C-2,a\n",
      ])
    defer { folder.remove() }
    let tickets = TableSpec(name: "tickets", path: folder.path("tickets.csv"), linkColumn: "customer_id")
    let data = try DatasetLoader.load(
      customers: TableSpec(name: "customers", path: folder.path("customers.csv")), events: [tickets], strict: false)
    let table = data.events["tickets"]!
    guard case .text(let link) = table.columns[table.columnIndex("customer_id")!].values else {
      Issue.record("customer_id is text")
      return
    }
    #expect(Self.values(link) == ["C-2", unknownCustomer ? "C-9" : "C-1", "C-2"])
    #expect(
      link.codes.map { codes in (0..<codes.count).map { codes[$0] } } == (unknownCustomer ? [1, 3, 1] : [1, 0, 1]))
    #expect(Self.values(link.dictionary) == ["C-1", "C-2", "C-3"] + (unknownCustomer ? ["C-9"] : []))
    #expect(data.setAside.count == (unknownCustomer ? 1 : 0))
  }
}

/// The distinct values of `values`, in the order first met.
private func firstMet(_ values: [String]) -> [String] {
  var seen = Set<String>()
  return values.filter { seen.insert($0).inserted }
}
