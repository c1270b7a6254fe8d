/// A JSON document whose objects keep their keys in the order given, so encoding is
/// deterministic: `summary.json`, `--json` output.
public indirect enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case integer(Int64)
  case string(String)
  case array([JSONValue])
  case object([JSONMember])

  /// Compact encoding, one line, no spaces: `{"a":1,"b":[true,null]}`.
  public var compactBytes: [UInt8] {
    var out: [UInt8] = []
    write(to: &out, indent: nil)
    return out
  }

  /// Pretty encoding with 2-space indentation, `"key": value`, and a final newline.
  /// Empty arrays and objects are written `[]` and `{}`.
  public var prettyText: String {
    var out: [UInt8] = []
    write(to: &out, indent: 0)
    out.append(10)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the value; `indent` is the column its container's lines start at (nil: compact).
  func write(to out: inout [UInt8], indent: Int?) {
    switch self {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
    case .integer(let value): out.append(contentsOf: String(value).utf8)
    case .string(let value): JSONString.append(value, to: &out)
    case .array(let elements):
      writeContainer(elements, open: 91, close: 93, to: &out, indent: indent) { element, out, indent in
        element.write(to: &out, indent: indent)
      }
    case .object(let members):
      writeContainer(members, open: 123, close: 125, to: &out, indent: indent) { member, out, indent in
        JSONString.append(member.key, to: &out)
        out.append(58)
        if indent != nil { out.append(32) }
        member.value.write(to: &out, indent: indent)
      }
    }
  }

  private func writeContainer<Element>(
    _ elements: [Element], open: UInt8, close: UInt8, to out: inout [UInt8], indent: Int?,
    writeElement: (Element, inout [UInt8], Int?) -> Void
  ) {
    out.append(open)
    guard !elements.isEmpty else { return out.append(close) }
    let inner = indent.map { $0 + 2 }
    for (i, element) in elements.enumerated() {
      if i > 0 { out.append(44) }
      if let inner { Self.newline(to: &out, indent: inner) }
      writeElement(element, &out, inner)
    }
    if let indent { Self.newline(to: &out, indent: indent) }
    out.append(close)
  }

  static func newline(to out: inout [UInt8], indent: Int) {
    out.append(10)
    out.append(contentsOf: repeatElement(32, count: indent))
  }
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Hashable, Sendable {
  /// The member's name.
  public var key: String
  /// The member's value.
  public var value: JSONValue

  /// The member `key: value`.
  public init(_ key: String, _ value: JSONValue) {
    self.key = key
    self.value = value
  }
}
