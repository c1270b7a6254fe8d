import Testing

@testable import PlaybookEngine

/// A count of rows per customer (`ExpressionCompiler.counted`) groups the rows counted by
/// block of customers before adding them up: with more customers than one block holds,
/// every customer's count must still be its number of rows counted.
@Suite struct AggregateCountTests {
  @Test func countsOfMoreCustomersThanABlockAreEveryCustomersRows() {
    let customers = 3 * ExpressionCompiler.countBlock + 17
    var seed: UInt64 = 42
    let links = (0..<400_000).map { _ -> Int32 in
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let pick = Int((seed >> 33) % UInt64(customers + customers / 10))
      return pick < customers ? Int32(pick) : -1  // some rows link to no customer
    }
    var expected = [Double?](repeating: 0, count: customers)
    for (row, c) in links.enumerated() where c >= 0 && row % 3 != 0 { expected[Int(c)]! += 1 }
    let counted = ExpressionCompiler.counted(ColumnArray(links), customers: customers, AllButEveryThirdRow())
    let wrong = expected.indices.filter { counted[$0] != expected[$0] }
    #expect(counted.count == customers && wrong.isEmpty, "customers counted wrong: \(wrong.prefix(5))")
    #expect(expected.contains { $0! > 1 } && expected.contains { $0 == 0 })
  }
}

/// Counts every row of a customer but each third.
private struct AllButEveryThirdRow: RowCounting {
  func counts(_ row: Int, customer: Int) -> Bool { customer >= 0 && row % 3 != 0 }
}
