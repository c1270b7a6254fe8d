/// What the shell knows about one command: its usage, help text, and what its
/// arguments are (for completion).
public struct CommandSpec: Sendable {
  /// What an argument position holds, so completion can offer the right things.
  public enum Argument: Sendable, Equatable {
    case commandName, file, customer, count, time, format
    /// A rule, segment, offer, … name; `kinds` narrows which.
    case name(NameKinds)
    case directoryOrFormat
  }

  /// Which kinds of names a `.name` argument accepts.
  public struct NameKinds: OptionSet, Sendable {
    /// The kinds as bits, one per kind.
    public let rawValue: Int
    /// The kinds whose bits are set in `rawValue`.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Rule names.
    public static let rules = NameKinds(rawValue: 1)
    /// Segment names.
    public static let segments = NameKinds(rawValue: 2)
    /// Offer codes.
    public static let offers = NameKinds(rawValue: 4)
    /// Channel names.
    public static let channels = NameKinds(rawValue: 8)
    /// Names from `define`.
    public static let definitions = NameKinds(rawValue: 16)
    /// Every kind of name (`:show` and `:drop` take any).
    public static let all: NameKinds = [.rules, .segments, .offers, .channels, .definitions]
  }

  /// The name without the colon, e.g. `explain`.
  public let name: String
  /// The arguments as shown in usage, e.g. `CUSTOMER [RULE]`.
  public let usageArguments: String
  /// One line for the `:help` overview.
  public let summary: String
  /// The paragraph `:help NAME` adds below the usage.
  public let details: String
  /// The argument positions, in order.
  public let arguments: [Argument]

  /// `:explain CUSTOMER [RULE]`
  public var usage: String {
    usageArguments.isEmpty ? ":\(name)" : ":\(name) \(usageArguments)"
  }
}
