import PlaybookLanguage

/// `between`, the text tests (`starts with`, `ends with`, `matches`) and the function
/// calls, compiled once per plan like the other operators.
extension ExpressionCompiler {
  /// `x between a and b`: `a <= x and x <= b`; unknown when any of the three is null.
  func compileBetween(_ typed: TypedExpr, _ parts: [CompiledExpr], negated: Bool) -> CompiledExpr {
    let types = typed.operands.map(\.type)
    let low = ordering(parts[0], parts[1], types: [types[0], types[1]])
    let high = ordering(parts[0], parts[2], types: [types[0], types[2]])
    return CompiledExpr(
      typed.expr,
      .truth { frame in
        guard let above = low(frame), let below = high(frame) else { return .unknown }
        return Truth((above >= 0 && below <= 0) != negated)
      }, children: parts)
  }

  /// `starts with`, `ends with`, `matches`: case-insensitive like `contains`.
  func compileTextMatch(_ expr: Expr, _ test: TextMatch, _ subject: CompiledExpr, _ needle: CompiledExpr)
    -> CompiledExpr
  {
    guard case .text(let text) = subject.evaluation, case .text(let other) = needle.evaluation else {
      preconditionFailure("'\(test.rawValue)' on a value that is not text; the checker tests only text")
    }
    let search: (Frame) -> Truth
    switch test {
    case .startsWith: search = TextAffix.test(text, other, atEnd: false)
    case .endsWith: search = TextAffix.test(text, other, atEnd: true)
    case .matches:
      guard case .literal(let bytes) = other,
        let regex = try? TextPattern.compile(String(decoding: bytes, as: UTF8.self))
      else {
        preconditionFailure("'matches' with a pattern that does not compile; the parser checks every pattern")
      }
      // Compiled once here, and run once so it is fully built before threads share it;
      // each row's text is decoded for the regex engine.
      _ = try? regex.firstMatch(in: "")
      let pattern = UncheckedRegex(regex: regex)
      search = { frame in
        TextComparison.with(text, frame) { bytes in
          (try? pattern.regex.firstMatch(in: String(decoding: bytes, as: UTF8.self))) != nil
        }.map(Truth.init) ?? .unknown
      }
    }
    return CompiledExpr(expr, .truth(search), children: [subject, needle])
  }

  /// A function call the checker typed: known, with the arguments it takes.
  func compileCall(_ typed: TypedExpr, _ name: String, _ arguments: [CompiledExpr]) -> CompiledExpr {
    guard let function = ScalarFunction(rawValue: name) else {
      preconditionFailure("unknown function '\(name)'; the checker reports every unknown function")
    }
    let evaluation: Evaluation
    switch function {
    case .lower: evaluation = .text(.computed(TextCase.mapping(text(arguments[0]), upper: false)))
    case .upper: evaluation = .text(.computed(TextCase.mapping(text(arguments[0]), upper: true)))
    case .trim: evaluation = .text(.trimmed(text(arguments[0])))
    case .length:
      let operand = text(arguments[0])
      evaluation = .number { frame in TextComparison.with(operand, frame) { Double(TextCase.length($0)) } }
    case .coalesce: evaluation = coalesce(arguments.map(\.evaluation), type: typed.type)
    case .daysBetween:
      guard case .time(let from) = arguments[0].evaluation, case .time(let to) = arguments[1].evaluation else {
        preconditionFailure("days_between of values that are not times; the checker allows only times")
      }
      evaluation = .number { frame in
        guard let a = from(frame), let b = to(frame) else { return nil }
        return Double((b - a) / CalendarPart.secondsPerDay)
      }
    case .month: evaluation = calendar(.month, arguments[0])
    case .dayOfWeek: evaluation = calendar(.dayOfWeek, arguments[0])
    case .hour: evaluation = calendar(.hour, arguments[0])
    }
    return CompiledExpr(typed.expr, evaluation, children: arguments)
  }

  private func text(_ argument: CompiledExpr) -> TextOperand {
    guard case .text(let operand) = argument.evaluation else {
      preconditionFailure("a text function on a value that is not text; the checker allows only text")
    }
    return operand
  }

  /// `month`, `day_of_week`, `hour` of a time, read on the wall clock of `localTime`.
  private func calendar(_ part: CalendarPart, _ argument: CompiledExpr) -> Evaluation {
    guard case .time(let time) = argument.evaluation else {
      preconditionFailure("\(part) of a value that is not a time; the checker allows only times")
    }
    let zone = localTime
    return .number { frame in
      time(frame).map { Double(part.value(at: $0 + zone.offset(at: $0, frame))) }
    }
  }

  /// The first argument that is not null (for text: nor empty, as `is null` reads it).
  private func coalesce(_ arguments: [Evaluation], type: ValueType) -> Evaluation {
    switch arguments.first {
    case .number:
      let fs = arguments.map { e -> (Frame) -> Double? in
        if case .number(let f) = e { return f }
        preconditionFailure("coalesce mixes \(type) with another type; the checker allows one type")
      }
      return .number { frame in
        for f in fs { if let v = f(frame) { return v } }
        return nil
      }
    case .time, .duration:
      let fs = arguments.map { e -> (Frame) -> Int64? in
        switch e {
        case .time(let f), .duration(let f): return f
        default: preconditionFailure("coalesce mixes \(type) with another type; the checker allows one type")
        }
      }
      let first: (Frame) -> Int64? = { frame in
        for f in fs { if let v = f(frame) { return v } }
        return nil
      }
      if case .time = arguments.first { return .time(first) }
      return .duration(first)
    case .truth:
      let fs = arguments.map { e -> (Frame) -> Truth in
        if case .truth(let f) = e { return f }
        preconditionFailure("coalesce mixes \(type) with another type; the checker allows one type")
      }
      return .truth { frame in
        for f in fs {
          let t = f(frame)
          if t != .unknown { return t }
        }
        return .unknown
      }
    case .text:
      return .text(.coalesced(arguments.map(text)))
    default:
      preconditionFailure("coalesce of \(type); the checker allows only values")
    }
  }

  private func text(_ evaluation: Evaluation) -> TextOperand {
    guard case .text(let operand) = evaluation else {
      preconditionFailure("coalesce mixes text with another type; the checker allows one type")
    }
    return operand
  }
}

/// A compiled regex shared by every row's closure: it is only read.
private struct UncheckedRegex: @unchecked Sendable {
  let regex: Regex<AnyRegexOutput>
}
