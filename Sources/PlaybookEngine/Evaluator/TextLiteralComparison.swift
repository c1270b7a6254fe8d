/// A text column compared with a literal (`customer.tier == "gold"`), evaluated a batch
/// at a time (`Columnar.textComparison`): for a column keeping each distinct value once,
/// each value is compared once and a row reads its value's answer; otherwise each row's
/// bytes are compared as the row-by-row form compares them (`ByteOrder`).
struct TextLiteralComparison: Sendable {
  let column: TextColumn
  let nulls: NullMask
  let slot: Slot
  /// The answer for each sign of the column's value against the literal (-1, 0, 1).
  let answers: [Truth]
  let literal: [UInt8]
  /// The answer for each of the column's distinct values, when it keeps them once.
  private let valueAnswers: [Truth]?

  /// The comparison of `column` with `literal` (`literalFirst`: the literal is the
  /// left operand), `answers` given for each sign of left against right.
  init(column: TextColumn, nulls: NullMask, slot: Slot, literal: [UInt8], literalFirst: Bool, answers: [Truth]) {
    self.column = column
    self.nulls = nulls
    self.slot = slot
    self.literal = literal
    // Answers by the sign of the column's value against the literal.
    self.answers = literalFirst ? answers.reversed() : answers
    // Made with the plan, also for explain's one customer: only for a few distinct
    // values, and not when they outnumber the rows (a link column's are every customer's key).
    if column.codes != nil, column.ends.count <= min(column.count, Self.mostValues) {
      let values = column.dictionary
      let answers = self.answers
      valueAnswers = literal.withUnsafeBufferPointer { literal in
        (0..<values.count).map { v in values.withUTF8(v) { answers[ByteOrder.sign($0, literal).signum() + 1] } }
      }
    } else {
      valueAnswers = nil
    }
  }

  /// The most distinct values compared once each when the plan is made.
  static let mostValues = 1 << 16

  /// The comparison's truth at each of `positions`: unknown where the value is null.
  func truths(_ batch: RowBatch, _ positions: Positions, into out: inout [Truth]) {
    if let valueAnswers, let codes = column.codes {
      for p in positions {
        let r = batch.index(slot, Int(p))
        out[Int(p)] = nulls.isNull(r) ? .unknown : valueAnswers[codes[r]]
      }
      return
    }
    literal.withUnsafeBufferPointer { literal in
      for p in positions {
        let r = batch.index(slot, Int(p))
        out[Int(p)] =
          nulls.isNull(r) ? .unknown : column.withUTF8(r) { answers[ByteOrder.sign($0, literal).signum() + 1] }
      }
    }
  }
}
