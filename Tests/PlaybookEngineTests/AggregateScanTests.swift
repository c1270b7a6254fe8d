import Foundation
import PlaybookEngine
import Testing

/// A run prepares every customer's aggregate in one pass over the table in file order
/// (`ExpressionCompiler.scanned`); these tables are large enough to be split between
/// cores (a count by rows, the rest by customers). Each
/// function's values must be those of adding each customer's rows in file order, as
/// computed here independently, nulls and rows outside `in last` (or with no date, or
/// dated after the clock) skipped.
@Suite struct AggregateScanTests {
  /// Customers C-00001… and their orders: customers interleaved, totals with cents
  /// (so the order of float additions shows), some empty, some outside the last 30 days.
  struct Data {
    var customers = "id,email\n"
    var orders = "id,customer_id,ordered_at,total\n"
    /// Per customer, the totals in file order that `in last 30d` counts (nil: empty).
    var counted: [String: [Double?]] = [:]
    var ids: [String] = []

    init(customers count: Int, orders: Int) {
      var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
      func next(_ bound: Int) -> Int {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((seed >> 33) % UInt64(bound))
      }
      for c in 1...count {
        let id = String(format: "C-%05d", c)
        ids.append(id)
        customers += "\(id),\(id.lowercased())@example.com\n"
      }
      // The first and last customers' totals, 0.1, 0.2 and 0.3, are added in the file's
      // order only to 0.6000000000000001; the other way round they make 0.6.
      let inOrder = ["0.10", "0.20", "0.30"]
      for o in 1...orders {
        if o % (orders / 3) == 0, o / (orders / 3) <= 3 {
          let total = inOrder[o / (orders / 3) - 1]
          for id in [ids[0], ids[count - 1]] {
            self.orders += "S-\(o)-\(id),\(id),2026-10-20T08:00:00Z,\(total)\n"
            counted[id, default: []].append(Double(total))
          }
        }
        // Customers without orders remain: their count is 0, their avg, min and max null.
        let id = ids[1 + next(count - count / 10)]
        let recent = next(5) != 0
        let day = recent ? 2 + next(27) : 40 + next(20)
        let empty = next(13) == 0
        let cents = next(100_000)
        let total = empty ? "" : "\(cents / 100).\(String(format: "%02d", cents % 100))"
        let date = day > 31 ? String(format: "2026-09-%02d", day - 30) : String(format: "2026-10-%02d", day)
        // Orders without a date, or placed after the clock, are in no `in last` span.
        switch next(20) {
        case 0: self.orders += "O-\(o),\(id),,\(total)\n"
        case 1: self.orders += "O-\(o),\(id),2026-11-02T08:00:00Z,\(total)\n"
        default:
          self.orders += "O-\(o),\(id),\(date)T08:00:00Z,\(total)\n"
          if recent { counted[id, default: []].append(empty ? nil : Double(cents) / 100) }
        }
      }
    }

    /// The value each customer's `function` takes over the counted totals.
    func expected(_ function: String) -> [String: Double?] {
      Dictionary(
        uniqueKeysWithValues: ids.map { id in
          let rows = counted[id] ?? []
          let values = rows.compactMap { $0 }
          let value: Double? =
            switch function {
            case "count": Double(rows.count)
            case "sum": values.reduce(0, +)
            case "avg": values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
            case "min": values.min()
            default: values.max()
            }
          return (id, value)
        })
    }
  }

  /// The customers a run sends to when `condition` holds, sorted.
  func sent(_ data: Data, when condition: String) throws -> [String] {
    let playbook = """
      playbook "Aggregates"
      as of 2026-11-01T00:00:00Z
      window all
      load customers from "customers.csv"
      load orders from "orders.csv"
        with opened = ordered_at
      channel email address customer.email
      offer A "a"
      rule r
        when \(condition)
        send A via email

      """
    let f = try EngineFixture(
      playbook: playbook, files: ["customers.csv": data.customers, "orders.csv": data.orders])
    return f.run().decisions.map(\.customerID).sorted()
  }

  @Test(arguments: ["count", "sum", "avg", "min", "max"])
  func eachFunctionIsTheFileOrderValueOfEveryCustomer(_ function: String) throws {
    // A count is split between cores by rows, from 100,000 rows on.
    let data = Data(customers: 6_000, orders: function == "count" ? 120_000 : 30_000)
    let field = function == "count" ? "order" : "order.total"
    let aggregate = "\(function)(\(field) in last 30d)"
    let expected = data.expected(function)
    // A threshold in the middle of the values, and one exactly equal to a value: a float
    // added in another order would fall on the wrong side of it.
    let values = expected.values.compactMap { $0 }.sorted()
    try #require(values.count > 1000)
    let inOrder = [data.ids[0], data.ids[data.ids.count - 1]].compactMap { expected[$0] ?? nil }
    for threshold in [values[values.count / 2], values[values.count / 3]] + inOrder {
      let want = expected.filter { ($0.value ?? -1) >= threshold }.keys.sorted()
      #expect(try sent(data, when: "\(aggregate) >= \(threshold)") == want, "\(aggregate) >= \(threshold)")
    }
    let none = expected.filter { $0.value == nil }.keys.sorted()
    #expect(try sent(data, when: "\(aggregate) is null") == none)
    if function != "count" && function != "sum" { #expect(!none.isEmpty) }
  }
}
