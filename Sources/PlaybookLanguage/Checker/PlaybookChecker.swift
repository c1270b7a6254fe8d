/// The checker: resolves a playbook's names and checks it against the loaded columns.
///
/// Two steps, because the data to load is named by the playbook itself:
/// `declarations` needs no data and tells the engine what to load; `check` then checks
/// every statement against the loaded tables' columns and, when nothing is wrong, gives
/// the `CheckedPlaybook` the engine compiles.
public enum PlaybookChecker {
  /// Collects declarations, reporting what can be known without data (duplicates,
  /// percents, limits).
  public static func declarations(of playbook: Playbook, file: String) -> (
    PlaybookModel, [Diagnostic]
  ) {
    var collector = DeclarationCollector(playbook: playbook, file: file)
    collector.collect()
    collector.model.hasDeclarationErrors = collector.diagnostics.contains { $0.severity == .error }
    return (collector.model, collector.diagnostics)
  }

  /// Both steps: declarations, then every check against `schema`. The checked playbook
  /// is nil when any diagnostic is an error. Diagnostics are sorted by position.
  public static func check(_ playbook: Playbook, file: String, schema: DataSchema) -> (
    CheckedPlaybook?, [Diagnostic]
  ) {
    let (model, declared) = declarations(of: playbook, file: file)
    let (checked, diagnostics) = check(model, schema: schema)
    return (checked, sorted(declared + diagnostics))
  }

  /// The checks that need the loaded columns, on a model from `declarations`. The
  /// checked playbook is nil when these checks or the declarations found an error.
  public static func check(_ model: PlaybookModel, schema: DataSchema) -> (
    CheckedPlaybook?, [Diagnostic]
  ) {
    var statements = StatementChecker(model: model, schema: schema)
    statements.checkAll()
    let failed =
      model.hasDeclarationErrors || statements.diagnostics.contains { $0.severity == .error }
    return (failed ? nil : statements.checked(), statements.diagnostics)
  }

  /// Errors first by file position; a stable order for output and tests.
  public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { a, b in
      let (ra, rb) = (a.element.range?.start.offset ?? -1, b.element.range?.start.offset ?? -1)
      return ra != rb ? ra < rb : a.offset < b.offset
    }.map(\.element)
  }
}

/// The statement-level checks of `PlaybookChecker.check`.
struct StatementChecker {
  let model: PlaybookModel
  let schema: DataSchema
  var diagnostics: [Diagnostic] = []
  /// What the checks typed and resolved, gathered into the checked playbook.
  private var rules: [CheckedRule] = []
  private var segments: [String: TypedExpr] = [:]
  private var channels: [String: CheckedChannel] = [:]
  private var defineConditions: [String: TypedExpr] = [:]
  /// Every `sent(…)` condition checked, in the order met.
  private var sentConditions: [SentCondition] = []
  /// Offers and channels by name, so each send resolves in constant time (10,000 rules
  /// over 10,000 offers checked in quadratic time when each send searched the list).
  private let offerIndex: [String: Int]
  private let channelIndex: [String: Int]

  init(model: PlaybookModel, schema: DataSchema) {
    self.model = model
    self.schema = schema
    offerIndex = Dictionary(model.offers.enumerated().map { ($1.code.text, $0) }, uniquingKeysWith: { a, _ in a })
    channelIndex = Dictionary(model.channels.enumerated().map { ($1.name.text, $0) }, uniquingKeysWith: { a, _ in a })
  }

  mutating func checkAll() {
    for table in model.tables { checkColumns(of: table.load, table: table) }
    for statement in model.playbook.statements {
      switch statement.kind {
      case .define(let define): checkDefine(define)
      case .segment(let segment):
        segments[segment.name.text] = checkCustomerCondition(segment.condition, context: "a segment")
      case .channel(let channel):
        var checker = customerOnly("a channel")
        let typedAddress = checker.typed(channel.address)
        let address = typedAddress.type
        if address != .text, address != .error {
          checker.report(
            .typeError(
              "a channel's address must be text, but this is \(address)", hint: "e.g. `address customer.email`"),
            at: channel.address.range)
        }
        let requires = channel.requires.map { checker.typedCondition($0) }
        channels[channel.name.text] = CheckedChannel(
          channel: channel, address: typedAddress, requires: requires)
        absorb(checker)
      case .test(let test): checkTest(test)
      case .limit(let limit): checkLimit(limit)
      case .offer(let offer): checkMessages(of: offer)
      case .timezone(let zone): checkTimezone(zone)
      default: break
      }
    }
    for index in model.rules.indices { checkRule(at: index) }
  }

  /// What was checked, typed and resolved; only meaningful when nothing was an error.
  func checked() -> CheckedPlaybook {
    var rowFilters: [String: [RowFilter]] = [:]
    for (name, binding) in model.rows where !binding.filters.isEmpty {
      // Filter i is the condition of the define made from row filterRows[i]: the next
      // define in the chain, and the row itself last.
      let defines = binding.filterRows.dropFirst() + [name]
      rowFilters[name] = zip(binding.filterRows, defines).map { row, define in
        guard let condition = defineConditions[define] else {
          preconditionFailure("define '\(define)' of row '\(name)' was never checked")
        }
        return RowFilter(row: row, condition: condition)
      }
    }
    return CheckedPlaybook(
      model: model, schema: schema, rules: rules, segments: segments,
      channels: model.channels.map { channel in
        guard let checked = channels[channel.name.text] else {
          preconditionFailure("channel '\(channel.name.text)' was never checked")
        }
        return checked
      },
      rowFilters: rowFilters, sentConditions: sentConditions)
  }

  /// The key, link and mapped columns a `load` names must exist in its file.
  private mutating func checkColumns(of load: Load, table: TableBinding) {
    guard let columns = schema.tables[table.name]?.map(\.name) else { return }
    func require(_ name: Name?, _ column: String, role: String) {
      guard !columns.contains(column) else { return }
      let range = name?.range ?? load.table.range
      report(
        .unknownColumn(
          path: table.path, column: column, role: role,
          hint: NearNames.didYouMean(column, in: columns) ?? "its columns: \(columns.joined(separator: ", "))"),
        at: range)
    }
    require(load.key, table.keyColumn, role: "key")
    if let link = table.linkColumn { require(load.link, link, role: "link to \(table.linkTable ?? "customers")") }
    for mapping in load.fieldMap {
      require(mapping.column, mapping.column.text, role: "field '\(mapping.field.text)'")
    }
    for declaration in load.columnTypes {
      require(declaration.column, declaration.column.text, role: "stated type")
    }
  }

  private mutating func checkDefine(_ define: Define) {
    guard model.rows[define.name.text] != nil else { return }
    var checker = ExpressionChecker(model: model, schema: schema)
    checker.allowedRows = ["customer", define.source.text]
    checker.disallowedHint = "a define's condition may use \(define.source.text) and customer"
    defineConditions[define.name.text] = checker.typedCondition(define.condition)
    absorb(checker)
  }

  private mutating func checkCustomerCondition(_ expr: Expr, context: String) -> TypedExpr {
    var checker = customerOnly(context)
    let typed = checker.typedCondition(expr)
    absorb(checker)
    return typed
  }

  /// A checker for customer-level expressions: event rows only inside aggregates.
  private func customerOnly(_ context: String) -> ExpressionChecker {
    var checker = ExpressionChecker(model: model, schema: schema)
    checker.allowedRows = ["customer"]
    checker.disallowedHint = "\(context) describes a customer; use count(…) or sum(…) for their rows"
    return checker
  }

  private mutating func checkRule(at index: Int) {
    let rule = model.rules[index].rule
    var checker = ExpressionChecker(model: model, schema: schema)
    let conditions = rule.conditions.map { checker.typedCondition($0) }
    let triggerBound = checker.bound
    let exceptions = rule.exceptions.map { checker.typedCondition($0) }
    // The trigger: the one event row named outside aggregates (in when or unless).
    var trigger: Name?
    for row in checker.bound {
      guard let first = trigger else {
        trigger = row
        continue
      }
      if row.text != first.text {
        checker.report(.twoTriggers(rule: rule.name.text, first: first.text, second: row.text), at: row.range)
        break
      }
    }
    if trigger == nil, !triggerBound.isEmpty { trigger = triggerBound.first }
    if let every = rule.every {
      if let trigger {
        checker.report(
          .everyWithTrigger(rule: rule.name.text, trigger: trigger.text, every: every.spelling), at: every.range)
      } else if model.ledger == nil {
        checker.report(
          .ledgerRequired("every \(every.spelling)", consequence: "rule '\(rule.name.text)' sends again on every run"),
          at: every.range)
      }
    }
    if rule.sends.isEmpty {
      checker.report(.missingSend(rule: rule.name.text), at: rule.name.range)
    }
    for send in rule.sends {
      for variant in send.variants { checkOffer(variant.offer, in: &checker) }
      Self.checkSplit(send, in: &checker)
      for channel in send.channels { checkChannel(channel, in: &checker) }
      warnIfSentWithoutMessage(send, in: &checker)
    }
    absorb(checker)
    rules.append(
      CheckedRule(
        binding: model.rules[index], trigger: trigger?.text, conditions: conditions,
        exceptions: exceptions,
        sends: rule.sends.map { resolved($0, trigger: trigger?.text, rule: rule.name.text) }))
  }

  /// A send with its offer and channels as declaration indices; -1 for an unknown one
  /// (reported, so the playbook never checks).
  private mutating func resolved(_ send: Send, trigger: String?, rule: String) -> CheckedSend {
    let offers = send.variants.map { offerIndex[$0.offer.text] ?? -1 }
    var checked = CheckedSend(send: send, offers: offers, channels: send.channels.map { channelIndex[$0.text] ?? -1 })
    checked.messages = offers.map { offer in
      offer >= 0 && !model.offers[offer].messages.isEmpty
        ? checkMessages(of: model.offers[offer], trigger: trigger, rule: rule) : []
    }
    return checked
  }

  private func checkOffer(_ offer: Name, in checker: inout ExpressionChecker) {
    guard offerIndex[offer.text] == nil else { return }
    checker.reportUnknownOffer(offer)
  }

  /// `limit … via CHANNEL`: the channel is declared.
  private mutating func checkLimit(_ limit: Limit) {
    guard let channel = limit.channel else { return }
    var checker = ExpressionChecker(model: model, schema: schema)
    checkChannel(channel, in: &checker)
    absorb(checker)
  }

  private func checkChannel(_ channel: Name, in checker: inout ExpressionChecker) {
    guard channelIndex[channel.text] == nil else { return }
    checker.reportUnknownChannel(channel)
  }

  private mutating func checkTest(_ test: PlaybookTest) {
    var checker = ExpressionChecker(model: model, schema: schema)
    for fixture in test.fixtures where !model.tables.contains(where: { $0.name == fixture.table.text }) {
      checker.report(
        .unknownTable(
          fixture.table.text,
          hint: NearNames.didYouMean(fixture.table.text, in: model.tables.map(\.name))
            ?? "a test replaces a table the playbook loads"),
        at: fixture.table.range)
    }
    for expectation in test.expectations {
      switch expectation.kind {
      case .gets(_, let offer, let channel):
        checkOffer(offer, in: &checker)
        if let channel { checkChannel(channel, in: &checker) }
      case .getsNo(_, let offer), .audience(let offer, _, _):
        checkOffer(offer, in: &checker)
      case .getsNothing:
        break
      }
    }
    absorb(checker)
  }

  private mutating func absorb(_ checker: ExpressionChecker) {
    diagnostics += checker.diagnostics
    sentConditions += checker.sentConditions
  }

  mutating func report(_ message: DiagnosticMessage, at range: SourceRange) {
    diagnostics.append(Diagnostic(message, file: model.file, range: range))
  }
}
