/// What the shell knows about one command: its usage, help text, and what its
/// arguments are (for completion).
struct CommandSpec: Sendable {
  /// What an argument position holds, so completion can offer the right things.
  enum Argument: Sendable, Equatable {
    case commandName, file, customer, count, time, format
    /// A rule, segment, offer, … name; `kinds` narrows which.
    case name(NameKinds)
    case directoryOrFormat
    /// One of these words (`:mode csv`, `:x auto`).
    case words([String])
  }

  /// Which kinds of names a `.name` argument accepts.
  struct NameKinds: OptionSet, Sendable {
    /// The kinds as bits, one per kind.
    let rawValue: Int
    /// Rule names.
    static let rules = NameKinds(rawValue: 1)
    /// Segment names.
    static let segments = NameKinds(rawValue: 2)
    /// Offer codes.
    static let offers = NameKinds(rawValue: 4)
    /// Channel names.
    static let channels = NameKinds(rawValue: 8)
    /// Names from `define`.
    static let definitions = NameKinds(rawValue: 16)
    /// Table names (`:describe`).
    static let tables = NameKinds(rawValue: 32)
    /// Every kind of name `:show` and `:drop` take.
    static let all: NameKinds = [.rules, .segments, .offers, .channels, .definitions]
  }

  /// The name without the colon, e.g. `explain`.
  let name: String
  /// The arguments as shown in usage, e.g. `CUSTOMER [RULE]`.
  let usageArguments: String
  /// One line for the `:help` overview.
  let summary: String
  /// The paragraph `:help NAME` adds below the usage.
  let details: String
  /// The argument positions, in order.
  let arguments: [Argument]

  /// `:explain CUSTOMER [RULE]`
  var usage: String {
    usageArguments.isEmpty ? ":\(name)" : ":\(name) \(usageArguments)"
  }
}
