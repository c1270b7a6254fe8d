import PlaybookLanguage
import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

@Suite struct CSVStopsTests {
  /// Reads every record of `text` both ways, as the chunk reader does (stops kept from
  /// record to record); returns how many the stops read, after checking that each
  /// agrees with the byte-by-byte read.
  private func compare<S: SeparatorByte>(_ text: [UInt8], width: Int, _: S.Type) -> Int {
    var plain = 0
    text.withUnsafeBufferPointer { b in
      let scanner = CSVScanner(bytes: b, delimiter: S.byte == Comma.byte ? .comma : .semicolon)
      var stops = CSVStops()
      let fields = UnsafeMutableBufferPointer<FieldSpan>.allocate(capacity: width)
      let quick = UnsafeMutableBufferPointer<FieldSpan>.allocate(capacity: width)
      defer {
        fields.deallocate()
        quick.deallocate()
      }
      var i = 0
      while i < b.count {
        if b[i] == CSVScanner.lf || b[i] == CSVScanner.cr {
          i += 1
          continue
        }
        let r = scanner.record(at: i, into: fields, S.self)
        if let q = scanner.plainRecord(at: i, into: quick, stops: &stops, S.self) {
          plain += 1
          #expect(r.problem == .none, "record at \(i)")
          #expect(
            (q.next, q.count, q.lineEnds, q.nonASCII) == (r.next, r.count, r.lineEnds, r.nonASCII), "record at \(i)")
          for f in 0..<min(r.count, width) {
            #expect(
              (quick[f].start, quick[f].length, quick[f].escaped) == (
                fields[f].start, fields[f].length, fields[f].escaped
              ),
              "record at \(i), field \(f)")
          }
        }
        i = r.problem == .unterminated ? scanner.nextLine(after: i) : r.next
      }
    }
    return plain
  }

  @Test func plainRecordsAreReadAsByteByByte() {
    // Mostly plain text, with every byte that can end or upset a field mixed in.
    let alphabet: [[UInt8]] = [
      Array("a".utf8), Array("b".utf8), Array("1".utf8), Array("-".utf8), Array(" ".utf8), Array("é".utf8),
      Array(",".utf8), Array(",".utf8), Array(";".utf8), Array("\"".utf8), Array("\n".utf8), Array("\r".utf8),
      Array("\r\n".utf8), Array(",\"x,y\",".utf8), Array(",\"x\"\"y\",".utf8), Array(",\"\",".utf8),
    ]
    var random = SeededGenerator(seed: 19)
    var plain = 0
    for _ in 0..<300 {
      var text: [UInt8] = []
      for _ in 0..<Int.random(in: 50...600, using: &random) {
        text += alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
      }
      plain += compare(text, width: 4, Comma.self)
      plain += compare(text, width: 4, Semicolon.self)
    }
    // The comparison means something only if the stops read most plain records.
    #expect(plain > 3000)
  }

  @Test func quotedFieldsAreReadByStops() throws {
    let text = Array("\"a,b\",\"say \"\"hi\"\"\",\"\",x\r\n".utf8) + Array(repeating: UInt8(ascii: "z"), count: 64)
    text.withUnsafeBufferPointer { b in
      var stops = CSVStops()
      let fields = UnsafeMutableBufferPointer<FieldSpan>.allocate(capacity: 4)
      defer { fields.deallocate() }
      let r = CSVScanner(bytes: b).plainRecord(at: 0, into: fields, stops: &stops, Comma.self)
      #expect(r?.count == 4)
      #expect(r?.next == 25)
      #expect(r?.nonASCII == false)
      #expect(fields.map { [$0.start, $0.length] } == [[1, 3], [7, 10], [20, 0], [22, 1]])
      #expect(fields.map(\.escaped) == [false, true, false, false])
    }
  }

  @Test(arguments: ["a\"b,c\n", "\"a\"b,c\n", "\"a\nb\",c\n", "a,\"b"])
  func problemsAndFieldsOverTwoLinesAreLeftToTheByteReader(_ record: String) {
    let text = Array(record.utf8) + Array(repeating: UInt8(ascii: "\n"), count: 64)
    text.withUnsafeBufferPointer { b in
      var stops = CSVStops()
      let fields = UnsafeMutableBufferPointer<FieldSpan>.allocate(capacity: 2)
      defer { fields.deallocate() }
      #expect(CSVScanner(bytes: b).plainRecord(at: 0, into: fields, stops: &stops, Comma.self) == nil)
    }
  }

  @Test func bytesThatAreNotASCIIAreSeenInAnyWindow() {
    // The `é` lies in the record's second window, the other records' are ASCII.
    let text = Array((String(repeating: "a", count: 70) + ",é\nb,c\n" + String(repeating: "z", count: 70)).utf8)
    text.withUnsafeBufferPointer { b in
      var stops = CSVStops()
      let fields = UnsafeMutableBufferPointer<FieldSpan>.allocate(capacity: 2)
      defer { fields.deallocate() }
      let scanner = CSVScanner(bytes: b)
      let first = scanner.plainRecord(at: 0, into: fields, stops: &stops, Comma.self)
      #expect(first?.nonASCII == true)
      let second = first.flatMap { scanner.plainRecord(at: $0.next, into: fields, stops: &stops, Comma.self) }
      #expect(second?.nonASCII == false)
    }
  }
}
