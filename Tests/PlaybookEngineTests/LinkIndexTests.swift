import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

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

/// The grouping is made when first asked for: once, whoever asks, and not by a run whose
/// rules read their tables in file order.
extension LinkIndexTests {
  @Test func manyAskingAtOnceGetTheOneGrouping() {
    // Every eleventh row is set aside (-1); the others go round the customers.
    let customerOfRow: [Int32] = (0..<700_000).map { row in row % 11 == 0 ? -1 : Int32(row &* 7_919 % 1_000) }
    let index = LinkIndex(customerOfRow: ColumnArray(customerOfRow), customerCount: 1_000)
    // Read into locals: a failed expectation on the index would print all its rows.
    let groupedBefore = index.isGrouped
    #expect(!groupedBefore)
    let linked = index.linkedRowCount
    #expect(linked == customerOfRow.filter { $0 >= 0 }.count)
    let firsts = Parallel.map(8) { k in Array(index.rows(ofCustomer: k * 100)) }
    let groupedAfter = index.isGrouped
    #expect(groupedAfter)
    for (k, rows) in firsts.enumerated() {
      let customer = Int32(k * 100)
      let expected: [Int32] = customerOfRow.indices.filter { customerOfRow[$0] == customer }.map { Int32($0) }
      #expect(rows == expected)
    }
    let grouped = index.rows.count
    #expect(grouped == linked)
  }

  @Test func aRunOfTheFlagshipDoesNotGroupRows() throws {
    let workspace = try Workspace.open(path: Repository.serviceRecovery)
    _ = CampaignRun(workspace: workspace, clock: workspace.clock(override: nil, now: 0))
    let grouped = workspace.dataset.links.filter { $0.value.isGrouped }.keys.sorted()
    #expect(grouped == [])
    // Explaining a customer asks for their rows.
    let tickets = try #require(workspace.dataset.links["tickets"])
    _ = tickets.rows(ofCustomer: 0)
    let groupedNow = tickets.isGrouped
    #expect(groupedNow)
  }
}

extension LinkIndexTests {
  /// A links file keeps each row's customer only: a load from it groups the rows, when
  /// asked, as the load that wrote it did.
  @Test func linksReadFromTheirFileGroupAsTheyWereGrouped() throws {
    let folder = try ScratchFolder("links", files: [:])
    defer { folder.remove() }
    let cache = SnapshotCache(folder: folder.path("cache"), programVersion: "test")
    let cold = try Workspace.open(path: Repository.serviceRecovery, cache: cache)
    SnapshotCache.finishWriting()
    let warm = try Workspace.open(path: Repository.serviceRecovery, cache: cache)
    #expect(warm.dataset.loads.allSatisfy { $0.snapshot == .read })
    for (name, link) in warm.dataset.links.sorted(by: { $0.key < $1.key }) {
      let written = try #require(cold.dataset.links[name])
      let groupedBefore = link.isGrouped
      #expect(!groupedBefore, "\(name)")
      let (offsets, rows) = (Array(link.offsets), Array(link.rows))
      #expect(offsets == Array(written.offsets), "\(name)")
      #expect(rows == Array(written.rows), "\(name)")
    }
  }
}
