/// A JSON object written member by member, laid out as `JSONValue.prettyText` lays it
/// out, for a document too long to hold at once: `playloop ledger --format json` over a
/// million sends writes each send as it reads it.
public struct JSONObjectWriter {
  private let sink: ([UInt8]) -> Void
  private var isFirst = true

  /// Starts the object (`{`); `sink` receives the bytes in order.
  public init(_ sink: @escaping ([UInt8]) -> Void) {
    self.sink = sink
    sink([123])
  }

  /// `"key": value`.
  public mutating func member(_ key: String, _ value: JSONValue) {
    var out = memberStart(key)
    value.write(to: &out, indent: 2)
    sink(out)
  }

  /// `"key": [...]` with the elements `produce` gives, one at a time.
  public mutating func array<Failure: Error>(
    _ key: String, _ produce: ((JSONValue) -> Void) throws(Failure) -> Void
  ) throws(Failure) {
    var out = memberStart(key)
    out.append(91)
    sink(out)
    var isEmpty = true
    try produce { element in
      var out: [UInt8] = isEmpty ? [] : [44]
      isEmpty = false
      JSONValue.newline(to: &out, indent: 4)
      element.write(to: &out, indent: 4)
      sink(out)
    }
    var end: [UInt8] = []
    if !isEmpty { JSONValue.newline(to: &end, indent: 2) }
    end.append(93)
    sink(end)
  }

  /// Ends the object (`}` and a newline).
  public func end() {
    var out: [UInt8] = []
    if !isFirst { JSONValue.newline(to: &out, indent: 0) }
    out += [125, 10]
    sink(out)
  }

  private mutating func memberStart(_ key: String) -> [UInt8] {
    var out: [UInt8] = isFirst ? [] : [44]
    isFirst = false
    JSONValue.newline(to: &out, indent: 2)
    JSONString.append(key, to: &out)
    out += [58, 32]
    return out
  }
}
