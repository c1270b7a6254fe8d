extension String {
  /// The text without whitespace at its end.
  public func trimmingTrailingWhitespace() -> String {
    var end = endIndex
    while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
    return String(self[..<end])
  }
}
