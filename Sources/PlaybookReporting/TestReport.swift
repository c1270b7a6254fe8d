import PlaybookEngine

/// How `playloop test` reports results: a line per test, each failed expectation with
/// the explanation of why, and the closing `N passed, N failed` line.
public enum TestReport {
  /// The report for a person.
  public static func text(_ results: [TestResult]) -> String {
    var lines: [String] = []
    var file = ""
    for result in results {
      if result.file != file {
        file = result.file
        lines.append(file)
      }
      if result.passed {
        lines.append("  ✓ \(result.name) (\(plural(result.expectations, "expectation")))")
        continue
      }
      lines.append("  ✗ \(result.name)")
      if let error = result.error {
        lines += error.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }
      }
      for failure in result.failures {
        lines.append("      \(result.file):\(failure.line): \(failure.expectation)")
        lines.append("        but \(failure.actual)")
        if let explanation = failure.explanationText {
          lines += explanation.split(separator: "\n").map { "        | " + $0 }
        }
      }
    }
    lines.append(summary(results))
    return lines.joined(separator: "\n") + "\n"
  }

  /// `3 passed, 1 failed`, counting test blocks.
  public static func summary(_ results: [TestResult]) -> String {
    let failed = results.filter { !$0.passed }.count
    return "\(results.count - failed) passed, \(failed) failed"
  }

  /// The results for programs (`test --format json`): `{"passed", "failed", "tests": [{"name",
  /// "file", "line", "passed", "expectations", "nanoseconds", "error", "failures": [{"line",
  /// "expectation", "actual"}]}]}`.
  public static func json(_ results: [TestResult]) -> JSONValue {
    let failed = results.filter { !$0.passed }.count
    return .object([
      JSONMember("passed", .integer(Int64(results.count - failed))),
      JSONMember("failed", .integer(Int64(failed))),
      JSONMember(
        "tests",
        .array(
          results.map { result in
            .object([
              JSONMember("name", .string(result.name)),
              JSONMember("file", .string(result.file)),
              JSONMember("line", .integer(Int64(result.line))),
              JSONMember("passed", .bool(result.passed)),
              JSONMember("expectations", .integer(Int64(result.expectations))),
              JSONMember("nanoseconds", .integer(Int64(clamping: result.nanoseconds))),
              JSONMember("error", result.error.map(JSONValue.string) ?? .null),
              JSONMember(
                "failures",
                .array(
                  result.failures.map { failure in
                    .object([
                      JSONMember("line", .integer(Int64(failure.line))),
                      JSONMember("expectation", .string(failure.expectation)),
                      JSONMember("actual", .string(failure.actual)),
                    ])
                  })),
            ])
          })),
    ])
  }

  /// JUnit XML, one `<testsuite>` per playbook file, for CI systems.
  public static func junit(_ results: [TestResult]) -> String {
    var files: [String] = []
    for result in results where !files.contains(result.file) { files.append(result.file) }
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    let failures = results.filter { !$0.passed }.count
    out += "<testsuites name=\"playloop\" tests=\"\(results.count)\" failures=\"\(failures)\">\n"
    for file in files {
      let mine = results.filter { $0.file == file }
      let time = seconds(mine.reduce(0) { $0 + $1.nanoseconds })
      out +=
        "  <testsuite name=\"\(file.markupEscaped)\" tests=\"\(mine.count)\" failures=\"\(mine.filter { !$0.passed }.count)\" errors=\"0\" time=\"\(time)\">\n"
      for result in mine {
        out +=
          "    <testcase classname=\"\(file.markupEscaped)\" name=\"\(result.name.markupEscaped)\" time=\"\(seconds(result.nanoseconds))\""
        if result.passed {
          out += "/>\n"
          continue
        }
        out += ">\n"
        let message =
          result.error.map { "test could not run: " + ($0.split(separator: "\n").first.map(String.init) ?? "") }
          ?? "\(result.failures.count) of \(result.expectations) expectations failed"
        var body = result.error ?? ""
        for failure in result.failures {
          body += "\(file):\(failure.line): \(failure.expectation)\n  but \(failure.actual)\n"
          if let explanation = failure.explanationText { body += explanation }
        }
        out += "      <failure message=\"\(message.markupEscaped)\">\(body.markupEscaped)</failure>\n"
        out += "    </testcase>\n"
      }
      out += "  </testsuite>\n"
    }
    return out + "</testsuites>\n"
  }

  /// Seconds to the microsecond, `0.004213`: tests often take less than a millisecond.
  static func seconds(_ nanoseconds: UInt64) -> String {
    let microseconds = nanoseconds / 1000
    let fraction = String(microseconds % 1_000_000)
    return "\(microseconds / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
  }

  private static func plural(_ n: Int, _ word: String) -> String {
    "\(n) \(word)\(n == 1 ? "" : "s")"
  }
}

extension ExpectationFailure {
  /// The explanation as `playloop explain` prints it.
  var explanationText: String? { explanation?.detailText(all: explainsEveryRule) }
}
