import Foundation
import PlayloopTestSupport
import Testing

/// `playloop describe` as a person runs it, on the flawed example data: the text, the
/// JSON document, and the exit statuses.
@Suite final class DescribeCLITests {
  private let folder: ScratchFolder
  private let playbook: String

  init() throws {
    folder = try ScratchFolder("describe-cli")
    let data = Repository.path("Examples/flawed-data")
    playbook = try folder.write(
      """
      load customers from "\(data)/customers.csv"
      load orders from "\(data)/orders.csv"
        with opened = ordered_at
      load tickets from "\(data)/tickets.csv"

      """, to: "flawed.playbook")
  }

  deinit { folder.remove() }

  @Test func textNamesTheValueThatMadeAColumnText() throws {
    let run = try ChildProcess.playloop(["describe", playbook, "--table", "orders"])
    #expect(run.status == 0)
    #expect(run.stderr == "")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.first == "orders: \(Repository.path("Examples/flawed-data/orders.csv")), 378 rows loaded, 0 set aside")
    #expect(lines.contains { $0.hasPrefix("total ") && $0.contains("text: line 7 holds 'n/a'") })
    #expect(lines.contains { $0.hasPrefix("opened = ordered_at ") && $0.contains("timestamp") })
    #expect(!run.stdout.contains("customers:"), "--table describes one table")
  }

  @Test func jsonIsOneDocumentWithTheRowsSetAside() throws {
    let run = try ChildProcess.playloop(["describe", playbook, "--json"])
    #expect(run.status == 0)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let tables = try #require(document["tables"] as? [[String: Any]])
    #expect(tables.map { $0["table"] as? String } == ["customers", "orders", "tickets"])
    let tickets = tables[2]
    #expect(tickets["rows_set_aside"] as? Int == 2)
    let rows = try #require(tickets["set_aside"] as? [[String: Any]])
    #expect(rows.map { $0["line"] as? Int } == [9, 19])
    #expect(rows.first?["reason"] as? String == "customer \"C-0201\" does not exist")
  }

  @Test func anUnknownTableIsBadUsage() throws {
    let run = try ChildProcess.playloop(["describe", playbook, "--table", "order"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("no table named 'order'; did you mean 'orders'?"))
  }

  @Test func aPlaybookThatDoesNotParseIsAPlaybookError() throws {
    let broken = try folder.write("load customers frm \"c.csv\"\n", to: "broken.playbook")
    let run = try ChildProcess.playloop(["describe", broken])
    #expect(run.status == 1)
    #expect(run.stdout == "")
  }
}
