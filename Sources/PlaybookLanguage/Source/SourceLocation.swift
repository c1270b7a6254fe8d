/// A point in a source text. `line` and `column` are 1-based; `column` counts
/// characters (grapheme clusters), not bytes, so a caret lines up under what a
/// person sees. `offset` is the UTF-8 byte offset, for slicing.
public struct SourceLocation: Hashable, Sendable, Comparable {
  /// The UTF-8 byte offset from the start of the text, 0-based.
  public var offset: Int
  /// The line, 1-based.
  public var line: Int
  /// The column, 1-based, in characters (grapheme clusters) from the line's start.
  public var column: Int

  /// A location at byte `offset` (0-based), `line` and `column` (both 1-based).
  public init(offset: Int, line: Int, column: Int) {
    self.offset = offset
    self.line = line
    self.column = column
  }

  /// Orders locations by byte offset: earlier in the text is smaller.
  public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.offset < b.offset }
}

/// A half-open range `[start, end)` in one source text.
public struct SourceRange: Hashable, Sendable {
  /// The first character in the range.
  public var start: SourceLocation
  /// Just past the last character in the range; equal to `start` for an empty range.
  public var end: SourceLocation

  /// The range from `start` up to, not including, `end`.
  public init(start: SourceLocation, end: SourceLocation) {
    self.start = start
    self.end = end
  }

  /// The smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(start: min(start, other.start), end: max(end, other.end))
  }
}
