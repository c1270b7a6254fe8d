import Foundation
import PlayloopTestSupport
import Testing

/// Reviews linked through their orders, and type errors the data causes, with the real
/// binary on small hand-made files.
@Suite struct OtherPeoplesDataCLITests {
  static let files = [
    "customers.csv": "id,email\nC-1,a@example.com\nC-2,b@example.com\nC-3,c@example.com\n",
    "orders.csv": "id,customer_id,total\nO-1,C-1,120.5\nO-2,C-2,n/a\nO-3,C-9,40\nO-4,C-3,99\n",
    "reviews.csv": """
    id,order_id,stars,opened_at
    R-1,O-1,5,2026-11-04T10:00:00Z
    R-2,O-2,1,2026-11-04T11:00:00Z
    R-3,O-7,2,2026-11-04T12:00:00Z
    R-4,O-4,1,2026-11-04T13:00:00Z

    """,
  ]

  static let playbook = """
    playbook "reviews"
    as of 2026-11-05T00:00:00Z
    load customers from "customers.csv"
    load reviews from "reviews.csv" link order_id to orders
    load orders from "orders.csv"
    channel email address customer.email
    offer SORRY "We are sorry" valid 30d
    rule unhappy
      when review.stars <= 2
      send SORRY via email

    """

  @Test func aReviewIsItsOrdersCustomersAndAMissingOrderIsNamed() throws {
    let folder = try ScratchFolder("link", files: Self.files.merging(["p.playbook": Self.playbook]) { $1 })
    defer { folder.remove() }
    let result = try ChildProcess.playloop(
      ["run", "p.playbook", "--out", "out"], in: folder.path, environment: ["NO_COLOR": "1"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr == """
        reviews.csv:4: warning: row set aside: order "O-7" does not exist
        orders.csv:4: warning: row set aside: customer "C-9" does not exist

        """)
    let audience = try String(contentsOfFile: folder.path("out/SORRY.csv"), encoding: .utf8)
    #expect(
      audience.split(whereSeparator: \.isNewline).dropFirst().map {
        $0.split(separator: ",").prefix(2).joined(separator: ",")
      }
        == ["C-2,email", "C-3,email"])
  }

  @Test func aTypeErrorFromTheDataNamesTheValueAndTheFix() throws {
    let text =
      Self.playbook + """
        segment big = sum(order.total) > 100
        segment recent = count(review in last 90d) > 0

        """
    var files = Self.files
    files["reviews.csv"] = files["reviews.csv"]!.replacingOccurrences(of: "2026-11-04T12:00:00Z", with: "yesterday")
    let folder = try ScratchFolder("link", files: files.merging(["p.playbook": text]) { $1 })
    defer { folder.remove() }
    let result = try ChildProcess.playloop(["check", "p.playbook"], in: folder.path, environment: ["NO_COLOR": "1"])
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        """
        p.playbook:11:25: error: sum needs a number, but order.total is text because orders.csv line 3 holds 'n/a'
          11 | segment big = sum(order.total) > 100
             |                         ^~~~~ if 'n/a' means no value, add `nulls "n/a"` to the load of orders; `types total = decimal` instead sets such rows aside
        p.playbook:12:24: error: 'in last' needs a time, but reviews.opened_at is text because reviews.csv line 4 holds 'yesterday'
          12 | segment recent = count(review in last 90d) > 0
             |                        ^~~~~~ add `types opened_at = timestamp` to the load of reviews to set such rows aside

        """), "\(result.stderr)")
  }
}
