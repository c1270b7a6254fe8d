extension Statement {
  /// What the statement defines, so a statement typed again replaces it: `rule
  /// quick_fix_thanks`, `load tickets`, or just `window` for statements a playbook has
  /// once.
  public var slot: String {
    switch kind {
    case .playbook: "playbook"
    case .asOf: "as of"
    case .window: "window"
    case .load(let load): "load \(load.table.text)"
    case .define(let define): "define \(define.name.text)"
    case .segment(let segment): "segment \(segment.name.text)"
    case .channel(let channel): "channel \(channel.name.text)"
    case .offer(let offer): "offer \(offer.code.text)"
    case .rule(let rule): "rule \(rule.name.text)"
    case .limit(let limit): limit.channel.map { "limit via \($0.text)" } ?? "limit"
    case .holdout: "holdout"
    case .export: "export"
    case .ledger: "ledger"
    case .timezone: "timezone"
    case .test(let test): "test \"\(test.name.value)\""
    }
  }

  /// Whether the statement defines something by name (a rule, a table, a test, …)
  /// rather than setting something a playbook has once (`window`, `limit`, …).
  public var isNamed: Bool {
    switch kind {
    case .load, .define, .segment, .channel, .offer, .rule, .test: true
    default: false
    }
  }

  /// The name `:show` and `:drop` know the statement by; nil for statements without one.
  public var name: String? {
    switch kind {
    case .define(let define): define.name.text
    case .segment(let segment): segment.name.text
    case .channel(let channel): channel.name.text
    case .offer(let offer): offer.code.text
    case .rule(let rule): rule.name.text
    default: nil
    }
  }
}
