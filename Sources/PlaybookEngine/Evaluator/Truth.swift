/// A condition's value: true, false, or unknown because a value it read was null.
/// `and`/`or`/`not` follow SQL's three-valued logic; a condition that ends unknown does
/// not hold ("nulls compare false").
public enum Truth: UInt8, Sendable {
  case no = 0
  case yes = 1
  case unknown = 2

  @inlinable public init(_ b: Bool) { self = b ? .yes : .no }

  @inlinable public var holds: Bool { self == .yes }

  @inlinable public static prefix func ! (t: Truth) -> Truth {
    switch t {
    case .yes: return .no
    case .no: return .yes
    case .unknown: return .unknown
    }
  }
}
