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
