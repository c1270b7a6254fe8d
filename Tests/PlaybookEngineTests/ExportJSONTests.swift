import PlaybookLanguage
import Testing

@testable import PlaybookEngine

@Suite struct ExportJSONTests {
  private func literal(_ text: String) -> String {
    var out: [UInt8] = []
    JSONString.append(text, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  @Test func escapesQuotesBackslashesAndControlCharacters() {
    #expect(literal("plain") == "\"plain\"")
    #expect(literal("say \"hi\" \\ bye") == #""say \"hi\" \\ bye""#)
    #expect(literal("a\nb\rc\td\u{8}e\u{C}f") == #""a\nb\rc\td\be\ff""#)
    #expect(literal("\u{0}\u{1F}\u{7F}") == #""\u0000\u001f"# + "\u{7F}\"")
    #expect(literal("café ✓ 🎉 \u{2028}") == "\"café ✓ 🎉 \u{2028}\"")
    #expect(literal("") == "\"\"")
  }

  @Test func encodesCompactAndPrettyWithKeysInOrder() {
    let value = JSONValue.object([
      JSONMember("z", .integer(-3)),
      JSONMember("a", .array([.bool(true), .null, .string("x")])),
      JSONMember("empty", .object([])),
      JSONMember("none", .array([])),
    ])
    #expect(
      String(decoding: value.compactBytes, as: UTF8.self) == #"{"z":-3,"a":[true,null,"x"],"empty":{},"none":[]}"#)
    #expect(
      value.prettyText == """
        {
          "z": -3,
          "a": [
            true,
            null,
            "x"
          ],
          "empty": {},
          "none": []
        }

        """)
  }

  @Test func writesDecisionLinesWithNullsNumbersAndTimes() {
    var encoder = DecisionRowEncoder(columns: ExportColumn.decisions, format: .jsonl)
    encoder.writeHeader()
    var decision = ExportFixtures.decision(
      "C-\"7\"", "evangelist", "REFER20", status: .unreachable, channel: nil, reason: "no channel\nat all")
    decision.address = nil
    decision.priority = -2
    decision.merged = 1
    withUnsafePointer(to: decision) { encoder.write($0) }
    withUnsafePointer(to: ExportFixtures.decision("C-8", "r", "O", trigger: "T-1")) { encoder.write($0) }
    let lines = encoder.withBytes { String(decoding: $0, as: UTF8.self) }.split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 3 && lines[2].isEmpty)
    #expect(
      lines[0] == #"{"customer_id":"C-\"7\"","rule":"evangelist","offer":"REFER20","trigger_id":null,"#
        + #""trigger_time":"2026-10-31T23:00:00Z","send_at":"2026-11-01T02:00:00Z","#
        + #""expires_at":"2026-11-15T02:00:00Z","channel":null,"address":null,"status":"unreachable","#
        + #""reason":"no channel\nat all","merged":1,"priority":-2}"#)
    #expect(lines[1].hasPrefix(#"{"customer_id":"C-8","rule":"r","offer":"O","trigger_id":"T-1","#))
  }

  @Test(arguments: [Int64(0), 1, 86_399, 86_400, 951_782_400, 1_793_491_199, -1, -86_401, 253_402_300_799])
  func timestampWriterMatchesTimestampFormat(seconds: Int64) {
    var writer = TimestampWriter()
    var out: [UInt8] = []
    writer.write(seconds, to: &out)
    writer.write(seconds + 1024 * 86_400, to: &out)  // same cache slot, another day
    writer.write(seconds, to: &out)
    #expect(
      String(decoding: out, as: UTF8.self)
        == Timestamp.format(seconds) + Timestamp.format(seconds + 1024 * 86_400) + Timestamp.format(seconds))
  }
}
