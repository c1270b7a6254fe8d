import PlaybookEngine
import Testing

@Suite struct LinkIndexTests {
  @Test func groupsRowsByCustomerInFileOrder() {
    let index = LinkIndex(customerOfRow: [1, 0, 1, -1, 2, 1], customerCount: 4)
    #expect(Array(index.rows(ofCustomer: 0)) == [1])
    #expect(Array(index.rows(ofCustomer: 1)) == [0, 2, 5])
    #expect(Array(index.rows(ofCustomer: 2)) == [4])
    #expect(index.rows(ofCustomer: 3).isEmpty)
  }
}

extension LinkIndexTests {
  /// A table large enough that each core places its own customers' rows: the same groups,
  /// each in file order, as placing every row in one pass.
  @Test func aLargeTableIsGroupedAsInOnePass() {
    let customers = 50_000
    var seed: UInt64 = 7
    let customerOfRow = (0..<600_000).map { row -> Int32 in
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return row % 17 == 0 ? -1 : Int32((seed >> 33) % UInt64(customers - 1))
    }
    var expected = [[Int32]](repeating: [], count: customers)
    for (row, c) in customerOfRow.enumerated() where c >= 0 { expected[Int(c)].append(Int32(row)) }
    let index = LinkIndex(customerOfRow: ColumnArray(customerOfRow), customerCount: customers)
    #expect((0..<customers).allSatisfy { Array(index.rows(ofCustomer: $0)) == expected[$0] })
    #expect(index.rows(ofCustomer: customers - 1).isEmpty)
    #expect(index.offsets.count == customers + 1)
  }
}
