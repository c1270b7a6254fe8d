import Foundation
import PlaybookLanguage
import Testing

@testable import PlaybookEngine

/// The sending tools' formats (`ImportTool`): each tool's header and time format, the
/// decisions log beside them, and splitting an audience at a file limit.
@Suite struct ImportExportTests {
  /// Three sends of SORRY25 (C-1, C-2 and C-5, in export order), an unreachable one,
  /// a held-out STAY15 and no REFER20 at all.
  static let decisions =
    ExportFixtures.decisions + [ExportFixtures.decision("C-5", "slow_fix_apology", "SORRY25", trigger: "T-5")]

  /// The files an export of `decisions` in `format` writes, by name.
  func export(_ format: ExportFormat, limit: ImportFileLimit? = nil) throws -> [String: String] {
    var files: [String: String] = [:]
    try ExportFixtures.withScratchFolder { folder in
      let out = folder + "/out"
      try CampaignExporter.stage(
        Self.decisions, summary: ExportFixtures.summary(Self.decisions),
        to: ExportTarget(directory: out, format: format, fileLimit: limit)
      ).commit()
      files = try ExportFixtures.snapshot(out)
    }
    return files
  }

  @Test func brazeRowsAreKeyedByExternalIDWithISOTimes() throws {
    let files = try export(.braze)
    #expect(
      files["SORRY25.csv"]
        == "external_id,email,channel,address,offer,send_at,offer_expires_at\r\n"
        + "C-1,c-1@example.com,email,c-1@example.com,SORRY25,2026-11-01T02:00:00Z,2026-11-15T02:00:00Z\r\n"
        // Not an email address: the email column stays empty, the address is where it goes.
        + "C-2,,email,\"'=HYPERLINK(\"\"x\"\")\",SORRY25,2026-11-01T02:00:00Z,2026-11-15T02:00:00Z\r\n"
        + "C-5,c-5@example.com,email,c-5@example.com,SORRY25,2026-11-01T02:00:00Z,2026-11-15T02:00:00Z\r\n")
    // An offer with no sends still gets its file, with the header alone.
    #expect(files["REFER20.csv"] == "external_id,email,channel,address,offer,send_at,offer_expires_at\r\n")
  }

  @Test(arguments: [
    (
      ExportFormat.customerio, "id,email,channel,address,offer,send_at,offer_expires_at",
      "C-1,c-1@example.com,email,c-1@example.com,SORRY25,1793498400,1794708000"
    ),
    (
      .hubspot, "Email,Customer ID,Offer,Send At,Offer Expires",
      "c-1@example.com,C-1,SORRY25,2026-11-01,2026-11-15"
    ),
    (
      .mailchimp, "Email Address,Customer ID,Offer,Send Date,Offer Expires",
      "c-1@example.com,C-1,SORRY25,2026-11-01,2026-11-15"
    ),
    (
      .iterable, "email,userId,channel,address,offer,sendAt,offerExpiresAt",
      "c-1@example.com,C-1,email,c-1@example.com,SORRY25,2026-11-01 02:00:00 +00:00,2026-11-15 02:00:00 +00:00"
    ),
  ])
  func eachToolHasItsHeaderAndTimes(format: ExportFormat, header: String, firstRow: String) throws {
    let lines = try #require(try export(format)["SORRY25.csv"]).components(separatedBy: "\r\n")
    #expect(lines.prefix(2) == [header, firstRow])
    // HubSpot and Mailchimp take only rows with an email address (C-2's is none).
    #expect(lines.count == (format == .hubspot || format == .mailchimp ? 4 : 5))
  }

  @Test(arguments: [
    ("ana@example.com", true), ("n/a", false), ("ana maria@example.com", false), ("@example.com", false),
    ("ana@localhost", false), ("ana@b@example.com", false), ("ana@.com", false), ("ana@example.", false),
  ])
  func emailAddressesHaveTheShapeToolsAccept(address: String, accepted: Bool) {
    #expect(ImportAddress.isEmail(address) == accepted)
  }

  @Test(arguments: ImportTool.allCases)
  func theDecisionsLogIsPlayloopsOwnCSV(tool: ImportTool) throws {
    let files = try export(ExportFormat(rawValue: tool.rawValue)!)
    #expect(files["decisions.csv"] == (try export(.csv))["decisions.csv"])
    #expect(files.keys.sorted() == ["REFER20.csv", "SORRY25.csv", "STAY15.csv", "decisions.csv", "summary.json"])
    #expect(files["summary.json"]?.contains("\"format\": \"\(tool.rawValue)\"") == true)
  }

  @Test func aRowLimitSplitsAnAudienceIntoNumberedFiles() throws {
    let whole = try export(.braze)
    let split = try export(.braze, limit: ImportFileLimit(rows: 2))
    let header = "external_id,email,channel,address,offer,send_at,offer_expires_at\r\n"
    let rows = String(decoding: try #require(whole["SORRY25.csv"]).utf8.dropFirst(header.utf8.count), as: UTF8.self)
    let first = try #require(split["SORRY25-part1.csv"])
    let second = try #require(split["SORRY25-part2.csv"])
    #expect(split["SORRY25.csv"] == nil)
    #expect(first.hasPrefix(header) && second.hasPrefix(header))
    #expect(first.components(separatedBy: "\r\n").count == 4)  // header, two rows, the end
    #expect(
      String(decoding: first.utf8.dropFirst(header.utf8.count), as: UTF8.self)
        + String(decoding: second.utf8.dropFirst(header.utf8.count), as: UTF8.self) == String(rows))
    // Offers that fit keep their plain name; the summary lists every file written.
    #expect(split["STAY15.csv"] != nil)
    let summary = try JSONSerialization.jsonObject(with: Data(try #require(split["summary.json"]).utf8))
    let export = try #require((summary as? [String: Any])?["export"] as? [String: Any])
    #expect(
      export["audience_files"] as? [String] == ["SORRY25-part1.csv", "SORRY25-part2.csv", "REFER20.csv", "STAY15.csv"])
  }

  @Test func aByteLimitKeepsEveryFileWithinIt() throws {
    let whole = try #require(try export(.customerio)["SORRY25.csv"])
    // "\r\n" is one Character: lines are split and measured as UTF-8.
    let lines = whole.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    let header = lines[0]
    // Room for the header and the longest row, never two rows.
    let limit = header.utf8.count + 2 + lines.dropFirst().map { $0.utf8.count + 2 }.max()!
    let split = try export(.customerio, limit: ImportFileLimit(bytes: limit))
    let parts = (1...3).compactMap { split["SORRY25-part\($0).csv"] }
    #expect(parts.count == 3)
    #expect(split["SORRY25-part4.csv"] == nil)
    for part in parts {
      #expect(part.utf8.count <= limit)
      #expect(part.components(separatedBy: "\r\n").first == header)
    }
    let rows = parts.flatMap { $0.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty } }
    #expect(rows == Array(lines.dropFirst()))
  }

  @Test func theDocumentedLimitsAreTheToolsOwn() {
    #expect(ImportTool.braze.documentedLimit == ImportFileLimit(bytes: 500_000_000))
    #expect(ImportTool.customerio.documentedLimit == ImportFileLimit(bytes: 100_000_000))
    #expect(ImportTool.hubspot.documentedLimit == ImportFileLimit(rows: 1_048_576, bytes: 20_000_000))
    #expect(ImportTool.mailchimp.documentedLimit == ImportFileLimit())
  }
}
