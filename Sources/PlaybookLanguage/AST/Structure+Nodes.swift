// Each node's `unplaced`: its ranges blanked, its parts unplaced in turn. Spellings stay:
// `4` and `4.0` are written differently, as the formatter prints them differently.

extension Optional where Wrapped: SourcePlaced {
  var unplaced: Self { map(\.unplaced) }
}

extension Array where Element: SourcePlaced {
  var unplaced: Self { map(\.unplaced) }
}

extension Playbook: SourcePlaced {
  /// The statements unplaced; comments say nothing a run reads, so they are dropped.
  public var unplaced: Playbook { Playbook(statements: statements.unplaced, comments: []) }
}

extension Statement: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: Statement {
    let kind: Kind
    switch self.kind {
    case .playbook(let name): kind = .playbook(name.unplaced)
    case .asOf(let clock): kind = .asOf(clock.unplaced)
    case .window(let duration): kind = .window(duration.unplaced)
    case .load(let load): kind = .load(load.unplaced)
    case .define(let define): kind = .define(define.unplaced)
    case .segment(let segment): kind = .segment(segment.unplaced)
    case .channel(let channel): kind = .channel(channel.unplaced)
    case .offer(let offer): kind = .offer(offer.unplaced)
    case .rule(let rule): kind = .rule(rule.unplaced)
    case .limit(let limit): kind = .limit(limit.unplaced)
    case .holdout(let group): kind = .holdout(group.unplaced)
    case .export(let export): kind = .export(export.unplaced)
    case .ledger(let path): kind = .ledger(path.unplaced)
    case .timezone(let zone): kind = .timezone(zone.unplaced)
    case .test(let test): kind = .test(test.unplaced)
    }
    return Statement(kind, range: .nowhere)
  }
}

extension Load: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: Load {
    Load(
      table: table.unplaced, rowName: rowName.unplaced, path: path.unplaced, key: key.unplaced,
      link: link.unplaced, fieldMap: fieldMap.unplaced, columnTypes: columnTypes.unplaced,
      nullTokens: nullTokens.unplaced, timezone: timezone.unplaced, delimiter: delimiter.unplaced,
      encoding: encoding.unplaced, database: database.unplaced)
  }
}

extension DatabaseSource: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: DatabaseSource {
    DatabaseSource(kind: kind.unplaced, table: table.unplaced, query: query.unplaced)
  }
}

extension FieldMapping: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: FieldMapping { FieldMapping(field: field.unplaced, column: column.unplaced) }
}

extension ColumnTypeDeclaration: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: ColumnTypeDeclaration {
    ColumnTypeDeclaration(column: column.unplaced, type: type.unplaced, format: format.unplaced)
  }
}

extension Define: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: Define {
    Define(name: name.unplaced, source: source.unplaced, condition: condition.unplaced)
  }
}

extension Segment: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: Segment { Segment(name: name.unplaced, condition: condition.unplaced) }
}

extension Channel: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: Channel {
    Channel(
      name: name.unplaced, address: address.unplaced, requires: requires.unplaced, quiet: quiet.unplaced,
      days: days.unplaced)
  }
}

extension CustomerTimeZone: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: CustomerTimeZone {
    CustomerTimeZone(field: field.unplaced, defaultZone: defaultZone.unplaced)
  }
}

extension QuietHours: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: QuietHours {
    var quiet = self
    quiet.start.range = .nowhere
    quiet.end.range = .nowhere
    return quiet
  }
}

extension SendDays: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: SendDays { SendDays(items: items, range: .nowhere) }
}

extension Offer: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: Offer {
    Offer(code: code.unplaced, description: description.unplaced, valid: valid.unplaced, messages: messages.unplaced)
  }
}

extension OfferMessage: SourcePlaced {
  /// This node with its source ranges blanked; the template is read again from nowhere,
  /// so its places are blank too (it read once, so it reads again).
  public var unplaced: OfferMessage {
    var reader = TemplateReader(spelling: spelling, start: SourceRange.nowhere.start)
    return OfferMessage(
      part: part, channel: channel.unplaced, spelling: spelling, range: .nowhere,
      template: (try? reader.read()) ?? template)
  }
}

extension Limit: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: Limit { Limit(count: count.unplaced, period: period.unplaced, channel: channel.unplaced) }
}

extension ControlGroup: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: ControlGroup { ControlGroup(percent: percent.unplaced, seed: seed.unplaced) }
}

extension Export: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: Export { Export(path: path.unplaced, format: format.unplaced) }
}

extension Rule: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: Rule {
    Rule(
      name: name.unplaced, priority: priority.unplaced, conditions: conditions.unplaced,
      exceptions: exceptions.unplaced, sends: sends.unplaced)
  }
}

extension Send: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: Send {
    Send(variants: variants.unplaced, channels: channels.unplaced, after: after.unplaced, range: .nowhere)
  }
}

extension Variant: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: Variant { Variant(offer: offer.unplaced, weight: weight.unplaced) }
}

extension PlaybookTest: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: PlaybookTest {
    PlaybookTest(
      name: name.unplaced, clock: clock.unplaced, fixtures: fixtures.unplaced,
      expectations: expectations.unplaced)
  }
}

extension Expectation: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: Expectation {
    let kind: Kind
    switch self.kind {
    case .gets(let customer, let offer, let channel):
      kind = .gets(customer: customer.unplaced, offer: offer.unplaced, channel: channel.unplaced)
    case .getsNo(let customer, let offer):
      kind = .getsNo(customer: customer.unplaced, offer: offer.unplaced)
    case .getsNothing(let customer):
      kind = .getsNothing(customer: customer.unplaced)
    case .audience(let offer, let comparison, let count):
      kind = .audience(offer: offer.unplaced, comparison: comparison, count: count.unplaced)
    }
    return Expectation(kind, range: .nowhere)
  }
}

extension CustomerID: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: CustomerID { CustomerID(text: text, quoted: quoted, range: .nowhere) }
}

extension Expr: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: Expr {
    let kind: Kind
    switch self.kind {
    case .number(let n): kind = .number(n.unplaced)
    case .string(let s): kind = .string(s.unplaced)
    case .bool, .null, .now: kind = self.kind
    case .duration(let d): kind = .duration(d.unplaced)
    case .timestamp(let t): kind = .timestamp(t.unplaced)
    case .percent(let p): kind = .percent(p.unplaced)
    case .list(let items): kind = .list(items.unplaced)
    case .path(let row, let field): kind = .path(row: row.unplaced, field: field.unplaced)
    case .unary(let op, let operand): kind = .unary(op, operand.unplaced)
    case .binary(let op, let lhs, let rhs): kind = .binary(op, lhs.unplaced, rhs.unplaced)
    case .inSegment(let subject, let segment, let negated):
      kind = .inSegment(subject.unplaced, segment: segment.unplaced, negated: negated)
    case .inList(let subject, let items, let negated):
      kind = .inList(subject.unplaced, items.unplaced, negated: negated)
    case .contains(let subject, let needle): kind = .contains(subject.unplaced, needle.unplaced)
    case .containsAny(let subject, let needles):
      kind = .containsAny(subject.unplaced, needles.unplaced)
    case .isNull(let subject, let negated): kind = .isNull(subject.unplaced, negated: negated)
    case .between(let subject, let low, let high, let negated):
      kind = .between(subject.unplaced, low: low.unplaced, high: high.unplaced, negated: negated)
    case .textMatch(let subject, let test, let pattern): kind = .textMatch(subject.unplaced, test, pattern.unplaced)
    case .call(let name, let arguments): kind = .call(name.unplaced, arguments.unplaced)
    case .phrase(let row, let phrase): kind = .phrase(row: row.unplaced, phrase.unplaced)
    case .aggregate(let aggregate): kind = .aggregate(aggregate.unplaced)
    case .sent(let sent): kind = .sent(sent.unplaced)
    }
    return Expr(kind, range: .nowhere)
  }
}

extension Phrase: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: Phrase {
    switch self {
    case .resolved: .resolved
    case .resolvedWithin(let d): .resolvedWithin(d.unplaced)
    case .resolvedAfter(let d): .resolvedAfter(d.unplaced)
    case .respondedWithin(let d): .respondedWithin(d.unplaced)
    case .respondedAfter(let d): .respondedAfter(d.unplaced)
    case .openFor(let d): .openFor(d.unplaced)
    case .inLast(let d): .inLast(d.unplaced)
    }
  }
}

extension Aggregate: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: Aggregate {
    Aggregate(
      function: function, row: row.unplaced, field: field.unplaced, filter: filter.unplaced,
      inLast: inLast.unplaced)
  }
}

extension SentCondition: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: SentCondition {
    SentCondition(offer: offer.unplaced, channel: channel.unplaced, inLast: inLast.unplaced)
  }
}

extension Name: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: Name { Name(text, range: .nowhere) }
}

extension StringLiteral: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: StringLiteral { StringLiteral(value: value, range: .nowhere) }
}

extension NumberLiteral: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: NumberLiteral {
    NumberLiteral(value: value, isInteger: isInteger, spelling: spelling, range: .nowhere)
  }
}

extension DurationLiteral: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: DurationLiteral {
    DurationLiteral(seconds: seconds, spelling: spelling, range: .nowhere)
  }
}

extension TimestampLiteral: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: TimestampLiteral {
    TimestampLiteral(secondsSinceEpoch: secondsSinceEpoch, spelling: spelling, range: .nowhere)
  }
}

extension PercentLiteral: SourcePlaced {
  /// This node with its source ranges blanked.
  public var unplaced: PercentLiteral {
    PercentLiteral(value: value, spelling: spelling, range: .nowhere)
  }
}
