import PlaybookLanguage
import Testing

@testable import PlaybookEngine

@Suite struct ExportCSVTests {
  private func encoded(_ fields: [String?]) -> String {
    var writer = CSVWriter()
    writer.writeRow(fields)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  @Test func quotesFieldsWithCommasQuotesAndLineBreaks() {
    #expect(
      encoded(["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", nil, ""])
        == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,\r\n")
  }

  @Test func keepsNonASCIIAsUTF8() {
    #expect(encoded(["café", "Zoë, Ltd"]) == "café,\"Zoë, Ltd\"\r\n")
  }

  @Test(arguments: [
    ("=SUM(A1)", "'=SUM(A1)"),
    ("+1 555 0100", "'+1 555 0100"),
    ("@user", "'@user"),
    ("-foo", "'-foo"),
    ("\tindented", "'\tindented"),
    ("\rreturn", "\"'\rreturn\""),
    ("-1,5", "\"'-1,5\""),
    ("=\"quoted\"", "\"'=\"\"quoted\"\"\""),
    ("+", "'+"),
    ("-", "'-"),
    ("-12.5.", "'-12.5."),
    ("+3e5", "'+3e5"),
    ("-12.5", "-12.5"),
    ("+3", "+3"),
    ("12", "12"),
    ("+15551234567", "+15551234567"),
    ("0.5", "0.5"),
    ("a=b", "a=b"),
    ("C-1042", "C-1042"),
  ])
  func neutralisesFormulasButNotNumbers(field: String, written: String) {
    #expect(encoded([field]) == written + "\r\n")
    #expect(CSVWriter.isFormulaLike(field) == written.contains("'"))
  }

  @Test func writesAudienceRowsWithHeaderAndISOTimes() {
    var encoder = DecisionRowEncoder(columns: ExportColumn.audience, format: .csv)
    encoder.writeHeader()
    withUnsafePointer(to: ExportFixtures.decision("C-1", "slow_fix_apology", "SORRY25", trigger: "T-3")) {
      encoder.write($0)
    }
    withUnsafePointer(
      to: ExportFixtures.decision("C-2", "evangelist", "REFER20", channel: "sms", address: "+15551234567")
    ) { encoder.write($0) }
    #expect(
      encoder.withBytes { String(decoding: $0, as: UTF8.self) } == """
        customer_id,channel,address,offer,send_at,expires_at,rule,trigger_id\r
        C-1,email,c-1@example.com,SORRY25,2026-11-01T02:00:00Z,2026-11-15T02:00:00Z,slow_fix_apology,T-3\r
        C-2,sms,+15551234567,REFER20,2026-11-01T02:00:00Z,2026-11-15T02:00:00Z,evangelist,\r

        """)
  }
}
