import Testing

@testable import PlaybookLanguage

@Suite struct LexerTests {
  private func kinds(_ text: String) -> [String] {
    tokens(text).map { token in
      switch token.kind {
      case .word: "w:\(token.text)"
      case .number: "n:\(token.text)"
      case .duration: "d:\(token.seconds)"
      case .timestamp: "t:\(token.seconds)"
      case .percent: "p:\(token.number)"
      case .clockTime: "c:\(token.seconds / 60)"
      case .string: "s:\(token.value)"
      case .symbol: token.text
      case .newline: "NL"
      case .end: "END"
      case .invalid: "bad:\(token.problem?.text ?? "")"
      }
    }
  }

  @Test func tokensOfALine() {
    #expect(
      kinds("when x.y >= 4.5 and z != \"a b\" # note\n")
        == ["w:when", "w:x", ".", "w:y", ">=", "n:4.5", "w:and", "w:z", "!=", "s:a b", "NL", "END"])
  }

  @Test func timesOfDayAreMinutesSinceMidnight() {
    #expect(kinds("quiet 21:00-8:05") == ["w:quiet", "c:1260", "-", "c:485", "NL", "END"])
    #expect(kinds("23:59 0:00") == ["c:1439", "c:0", "NL", "END"])
    for bad in ["24:00", "21:60", "21:5", "21:000", "21:00:00", "021:00", "21:00x"] {
      #expect(kinds(bad) == ["bad:'\(bad)' is not a time of day", "NL", "END"], "\(bad)")
    }
  }

  @Test func durationsPercentsAndTimestamps() {
    #expect(
      kinds("30m 4h 2d 1w 45s 1d12h 5% 12.5% 2026-11-01 2026-11-01T00:00:01Z")
        == [
          "d:1800", "d:14400", "d:172800", "d:604800", "d:45", "d:129600", "p:5.0", "p:12.5", "t:1793491200",
          "t:1793491201", "NL", "END",
        ])
  }

  @Test func malformedLiteralsBecomeInvalidTokens() {
    #expect(
      kinds("4x 1.5h 1d12 2026-02-30 99999999999999999999d")
        == [
          "bad:bad duration '4x'", "bad:bad duration '1.5h'", "bad:bad duration '1d12'",
          "bad:bad timestamp '2026-02-30'", "bad:duration 99999999999999999999d is too long", "NL", "END",
        ])
  }

  /// Literals past what 64 bits compute with are refused where they are written, not
  /// left to overflow (and crash) in the checker or the engine.
  @Test func literalsTooLargeToComputeWithAreInvalidTokens() {
    #expect(
      kinds("9007199254740992 9007199254740993 99999999999999999999% 522857w 522858w 15250000000000w")
        == [
          "n:9007199254740992", "bad:number 9007199254740993 is too large",
          "bad:number 99999999999999999999% is too large", "d:316223913600",
          "bad:duration 522858w is too long", "bad:duration 15250000000000w is too long", "NL", "END",
        ])
  }

  @Test func newlinesOnlyAfterLinesWithTokens() {
    let lexed = tokens("a\n\n# c\n  b\n")
    #expect(lexed.map(\.kind) == [.word, .newline, .word, .newline, .end])
    #expect(lexed[2].blankLineBefore && lexed[2].isIndented)
    #expect(!lexed[0].blankLineBefore)
  }

  @Test func invalidUTF8AndControlCharactersAreTokensNotCrashes() {
    let text = String(decoding: [0x61, 0xFF, 0xFE, 0x01, 0x62, 0x00, 0x0A], as: UTF8.self)
    let lexed = tokens(text)
    #expect(lexed.last?.kind == .end)
    #expect(lexed.contains { $0.problem?.text == "unexpected character 'U+0001'" })
  }
}
