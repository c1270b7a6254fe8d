extension SourceFile {
  /// Every word of the text as the lexer reads words (letters, digits, `_` and any
  /// non-ASCII byte), wherever it stands: in code, in strings and in comments.
  public var words: Set<String> {
    var words: Set<String> = []
    for word in text.utf8.split(whereSeparator: { !Lexer.isWordByte($0) }) {
      words.insert(String(decoding: word, as: UTF8.self))
    }
    return words
  }
}
