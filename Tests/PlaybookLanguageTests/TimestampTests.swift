import PlaybookLanguage
import Testing

@Suite struct TimestampTests {
  @Test(arguments: [
    ("1970-01-01", 0 as Int64), ("2026-11-01", 1_793_491_200),
    ("2026-11-01T09:30:00Z", 1_793_525_400), ("2026-11-01T09:30Z", 1_793_525_400),
    ("2026-11-01T11:30:00+02:00", 1_793_525_400), ("2026-11-01 09:30:00.123", 1_793_525_400),
    ("2024-02-29T00:00:00-0100", 1_709_168_400), ("1969-12-31T23:59:59Z", -1),
  ])
  func parsesISO8601(text: String, seconds: Int64) {
    #expect(Timestamp.parse(text)?.seconds == seconds)
  }

  @Test(arguments: [
    "2026-13-01", "2026-02-30", "2026-11-01T25:00", "2026-11-01T09:30:00Q", "20261101", "2026-11-01T", "",
  ])
  func rejectsMalformed(text: String) {
    #expect(Timestamp.parse(text) == nil)
  }

  /// `YYYY-MM-DDTHH:MM:SSZ` has a fast path; the same text with `+00:00` for `Z` takes
  /// the general one. Both must accept and reject the same values, with the same seconds.
  @Test func canonicalFormAgreesWithTheGeneralReader() {
    var accepted = 0
    // 1900 – 2199 read their months from a table, the years around it by the calendar.
    for year in ["1969", "2000", "2023", "2024", "2100", "0000", "20x6", "1899", "1900", "2199", "2200"] {
      for month in ["00", "01", "02", "04", "12", "13"] {
        for day in ["00", "01", "28", "29", "30", "31", "32"] {
          for time in ["00:00:00", "09:30:59", "23:59:60", "24:00:00", "12:60:00", "1a:00:00"] {
            let text = "\(year)-\(month)-\(day)T\(time)"
            let fast = Timestamp.parse(text + "Z")?.seconds
            #expect(fast == Timestamp.parse(text + "+00:00")?.seconds, "\(text)")
            if fast != nil { accepted += 1 }
          }
        }
      }
    }
    // Both readers rejecting everything would agree too: about 200 of the grid are times.
    #expect(accepted > 100)
  }

  /// Every byte of a canonical timestamp replaced by bytes either side of the digits and
  /// separators (the fast path checks them a word at a time).
  @Test func canonicalFormRejectsEachCorruptedByte() {
    let valid = Array("2024-02-29T23:59:58".utf8)
    let replacements = Array("/0:9;?@aZT- \u{7F}".utf8) + [0x80, 0xB0, 0xFF]
    #expect(Timestamp.parse(String(decoding: valid, as: UTF8.self) + "Z")?.seconds == 1_709_251_198)
    var accepted = 0
    for position in valid.indices {
      for byte in replacements {
        var text = valid
        text[position] = byte
        let fast = (text + Array("Z".utf8)).withUnsafeBufferPointer { Timestamp.parse($0) }
        let general = (text + Array("+00:00".utf8)).withUnsafeBufferPointer { Timestamp.parse($0) }
        #expect(fast?.seconds == general?.seconds, "\(position) \(byte)")
        if fast != nil { accepted += 1 }
      }
    }
    // Digits replacing digits still make times: the readers are compared on both sides.
    #expect(accepted > 0)
  }

  /// A reader remembers the last date it read (`CanonicalTimes.read`): read one after
  /// another by one reader, every value of the grid above (its times innermost, so dates
  /// repeat, valid or not) and each corrupted variant after the value it comes from give
  /// what a fresh reader gives.
  @Test func aReaderThatRemembersItsLastDateReadsAsAFreshOne() {
    var values: [[UInt8]] = []
    for year in ["1969", "2024", "2100", "0000", "20x6", "2199", "2200"] {
      for month in ["00", "01", "02", "12", "13"] {
        for day in ["00", "01", "29", "30", "31"] {
          for time in ["00:00:00", "09:30:59", "23:59:60", "24:00:00", "12:60:00", "1a:00:00", "00:00:01"] {
            values.append(Array("\(year)-\(month)-\(day)T\(time)Z".utf8))
          }
        }
      }
    }
    let valid = Array("2024-02-29T23:59:58Z".utf8)
    for position in valid.indices {
      for byte in Array("/0:9;?@aZT- ".utf8) + [0x80, 0xFF] {
        var text = valid
        text[position] = byte
        values += [valid, text, valid]
      }
    }
    var reader = CanonicalTimes()
    var read = 0
    for value in values {
      let kept = value.withUnsafeBufferPointer { reader.read($0) }
      var fresh = CanonicalTimes()
      let alone = value.withUnsafeBufferPointer { fresh.read($0) }
      #expect(kept == alone, "\(String(decoding: value, as: UTF8.self))")
      if kept != nil { read += 1 }
    }
    #expect(read > 500)
  }

  @Test func formatsRoundTrip() {
    for s: Int64 in [0, -1, 1_793_525_400, 951_782_400, 4_102_444_799] {
      #expect(Timestamp.parse(Timestamp.format(s))?.seconds == s)
    }
    #expect(Timestamp.format(1_793_525_400) == "2026-11-01T09:30:00Z")
  }
}

@Suite struct NearNamesTests {
  @Test func suggestsCloseNames() {
    #expect(NearNames.closest(to: "withn", in: ["within", "after"]) == "within")
    #expect(NearNames.closest(to: "lifetime_valu", in: ["tier", "lifetime_value"]) == "lifetime_value")
    #expect(NearNames.closest(to: "zzz", in: ["within", "after"]) == nil)
  }
}
