/// SplitMix64: a tiny, fast, seedable generator. Only integer arithmetic is used on its
/// output, so the same seed gives the same bytes on every platform.
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A generator for one stream (a customer, a text), independent of every other stream.
  init(seed: UInt64, stream: UInt64) {
    var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
    state = mixer.next()
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in 0..<n (n > 0), by the multiply-high method.
  mutating func below(_ n: Int) -> Int {
    Int(next().multipliedFullWidth(by: UInt64(n)).high)
  }

  /// A number in lo...hi.
  mutating func between(_ lo: Int, _ hi: Int) -> Int { lo + below(hi - lo + 1) }

  /// True with the given chance in percent.
  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

  /// An index into `weights`, each chosen in proportion to its weight.
  mutating func pick(_ weights: [Int]) -> Int {
    var r = below(weights.reduce(0, +))
    for (i, w) in weights.enumerated() {
      if r < w { return i }
      r -= w
    }
    return weights.count - 1
  }
}
