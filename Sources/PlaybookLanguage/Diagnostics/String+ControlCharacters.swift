extension String {
  /// The text with every control character but line break and tab written out as
  /// `\u{1B}`, so text from data (an id, a name, a header) can never drive a terminal:
  /// an escape sequence in a customer's name shows as `\u{1B}[31m`, not red.
  /// C0 controls, DEL and the C1 controls (U+0080–U+009F) are escaped.
  public var escapingControlCharacters: String {
    guard unicodeScalars.contains(where: \.isTerminalControl) else { return self }
    var out = String.UnicodeScalarView()
    for scalar in unicodeScalars {
      if scalar.isTerminalControl {
        out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }
}

extension Unicode.Scalar {
  /// A control character a terminal may act on; line break and tab are text.
  var isTerminalControl: Bool {
    (value < 0x20 && self != "\n" && self != "\t") || (0x7F...0x9F).contains(value)
  }
}
