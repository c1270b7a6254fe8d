/// A condition's value: true, false, or unknown because a value it read was null.
/// `and`/`or`/`not` follow SQL's three-valued logic; a condition that ends unknown does
/// not hold ("nulls compare false").
public enum Truth: UInt8, Sendable {
  case no = 0
  case yes = 1
  case unknown = 2

  /// `.yes` for true, `.no` for false: a known value is never unknown.
  @inlinable public init(_ b: Bool) { self = b ? .yes : .no }

  /// Whether the condition holds: only `.yes` does; `.unknown` counts as not holding.
  @inlinable public var holds: Bool { self == .yes }

  /// The truth a per-customer value stored (a segment's membership is kept as raw values).
  @inline(__always) init(stored raw: UInt8) {
    self = Truth(rawValue: raw) ?? Self.notStored(raw)
  }

  /// Out of line and returning, so the hot callers keep no trapping branch.
  @inline(never) private static func notStored(_ raw: UInt8) -> Truth {
    preconditionFailure("stored truth \(raw) is no Truth's raw value")
  }

  /// Conjunction in three-valued logic: false when either is, else unknown when either is.
  @inline(__always) static func and(_ a: Truth, _ b: Truth) -> Truth {
    if a == .no || b == .no { return .no }
    return a == .yes && b == .yes ? .yes : .unknown
  }

  /// Disjunction in three-valued logic: true when either is, else unknown when either is.
  @inline(__always) static func or(_ a: Truth, _ b: Truth) -> Truth {
    if a == .yes || b == .yes { return .yes }
    return a == .no && b == .no ? .no : .unknown
  }

  /// Negation in three-valued logic: yes and no swap, unknown stays unknown.
  @inlinable public static prefix func ! (t: Truth) -> Truth {
    switch t {
    case .yes: return .no
    case .no: return .yes
    case .unknown: return .unknown
    }
  }
}
