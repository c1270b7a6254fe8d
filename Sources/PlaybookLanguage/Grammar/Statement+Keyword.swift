extension Statement.Kind {
  /// The word the statement starts with.
  public var keyword: StatementKeyword {
    switch self {
    case .playbook: .playbook
    case .asOf: .asOf
    case .window: .window
    case .load: .load
    case .define: .define
    case .segment: .segment
    case .channel: .channel
    case .offer: .offer
    case .rule: .rule
    case .limit: .limit
    case .holdout: .holdout
    case .export: .export
    case .ledger: .ledger
    case .timezone: .timezone
    case .test: .test
    }
  }
}
