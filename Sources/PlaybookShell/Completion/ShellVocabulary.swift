/// The names a session knows, for completion: what the playbook defines and what the
/// loaded data holds. The session builds it; the shell never looks inside the engine.
public struct ShellVocabulary: Sendable {
  /// Rule names, in the playbook's order.
  public var rules: [String]
  /// Segment names, in the playbook's order.
  public var segments: [String]
  /// Offer codes, in the playbook's order.
  public var offers: [String]
  /// Channel names, in the playbook's order.
  public var channels: [String]
  /// Names from `define` (e.g. `complaint`).
  public var definitions: [String]
  /// Row names (`customer`, `ticket`, and defined names like `complaint`) to their fields.
  public var rowFields: [String: [String]]
  /// Customer keys, for `:explain`, `:customer` and `expect customer`.
  public var customerIDs: [String]
  /// Table names, in the order of the playbook's `load` statements, for `:describe`.
  public var tables: [String]

  /// A vocabulary of these names; empty by default (a session with nothing loaded).
  public init(
    rules: [String] = [], segments: [String] = [], offers: [String] = [],
    channels: [String] = [], definitions: [String] = [], rowFields: [String: [String]] = [:],
    customerIDs: [String] = [], tables: [String] = []
  ) {
    self.rules = rules
    self.segments = segments
    self.offers = offers
    self.channels = channels
    self.definitions = definitions
    self.rowFields = rowFields
    self.customerIDs = customerIDs
    self.tables = tables
  }

  /// The names of the given kinds, in a fixed order.
  func names(_ kinds: CommandSpec.NameKinds) -> [String] {
    var result: [String] = []
    if kinds.contains(.rules) { result += rules }
    if kinds.contains(.segments) { result += segments }
    if kinds.contains(.offers) { result += offers }
    if kinds.contains(.channels) { result += channels }
    if kinds.contains(.definitions) { result += definitions }
    if kinds.contains(.tables) { result += tables }
    return result
  }
}
