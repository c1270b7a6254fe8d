/// The part of a playbook a statement belongs to, in the order playbooks are written:
/// the header, the data, definitions, channels, offers, rules, policies, then tests. The
/// formatter separates sections when it has no source; the shell puts a new statement
/// after the last one of its section (a new rule after the last rule, before the tests).
public enum StatementSection: Int, Comparable, Sendable {
  /// `playbook`, `as of`, `window`, `ledger`.
  case header
  /// `load`.
  case data
  /// `define`, `segment`.
  case definitions
  /// `timezone`, `channel`.
  case channels
  /// `offer`.
  case offers
  /// `rule`.
  case rules
  /// `limit`, `holdout`, `export`.
  case policies
  /// `test`.
  case tests

  /// Sections compare in the order playbooks are written.
  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

extension Statement.Kind {
  /// The section the statement belongs to.
  public var section: StatementSection {
    switch self {
    case .playbook, .asOf, .window, .ledger: .header
    case .load: .data
    case .define, .segment: .definitions
    case .timezone, .channel: .channels
    case .offer: .offers
    case .rule: .rules
    case .limit, .holdout, .export: .policies
    case .test: .tests
    }
  }
}

extension Playbook {
  /// Where a new statement of `section` goes: after the last statement of its section or
  /// of an earlier one (so a new rule follows the last rule and comes before the tests),
  /// else first.
  public func insertionIndex(for section: StatementSection) -> Int {
    (statements.lastIndex { $0.kind.section <= section } ?? -1) + 1
  }
}
