import Testing

@testable import PlaybookEngine

@Suite struct SeededSampleTests {
  let keys = (1...5000).map { "C-\(String(1_000_000 + $0).dropFirst())" }

  @Test func theSameSeedPicksTheSameKeysInAscendingOrder() {
    let first = SeededSample.positions(20, of: keys, seed: 1)
    #expect(first.count == 20)
    #expect(first == first.sorted())
    #expect(Set(first).count == 20)
    #expect(SeededSample.positions(20, of: keys, seed: 1) == first)
    #expect(SeededSample.positions(20, of: keys, seed: 2) != first)
    #expect(first != Array(0..<20))
  }

  @Test func aKeyPickedFromAllIsPickedFromAnyPartHoldingIt() {
    let all = Set(SeededSample.positions(50, of: keys, seed: 3).map { keys[$0] })
    let half = Array(keys.prefix(2500))
    let fromHalf = Set(SeededSample.positions(50, of: half, seed: 3).map { half[$0] })
    #expect(all.filter { half.contains($0) }.isSubset(of: fromHalf))
  }

  @Test func moreThanThereAreGivesThemAll() {
    #expect(SeededSample.positions(10, of: ["a", "b", "c"], seed: 1) == [0, 1, 2])
    #expect(SeededSample.positions(3, of: [], seed: 1) == [])
  }

  @Test func thePicksAreSpreadOverTheKeys() {
    let picks = SeededSample.positions(1000, of: keys, seed: 1)
    // A fair sample puts about a fifth of its picks in each fifth of the keys.
    for fifth in 0..<5 {
      let inFifth = picks.filter { $0 / 1000 == fifth }.count
      #expect((150...250).contains(inFifth))
    }
  }
}
