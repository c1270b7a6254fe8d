import PlaybookLanguage

/// The session's playbook and the text it came from, kept as one virtual document: the
/// loaded file's text, then each statement typed since on lines of its own.
///
/// Every statement's range points into this document, so ranges never collide between
/// the file and what was typed, the checker and the test runner read one source, and a
/// diagnostic is mapped back to the input it came from (`<shell>:2:27`) by its line.
struct SessionDocument {
  /// One piece of input: a loaded file or a typed statement.
  struct Chunk {
    /// How diagnostics name it: a file's path, `<shell>`, `<stdin>`.
    var sourceName: String
    var text: String
    /// The document line its first line is on.
    var firstDocumentLine: Int
    var lineCount: Int
    /// Its first line's number in its own input (a script's line; 1 at the prompt).
    var firstLine: Int

    func contains(documentLine line: Int) -> Bool {
      line >= firstDocumentLine && line < firstDocumentLine + lineCount
    }
  }

  /// What a typed statement parsed to, not yet part of the document.
  struct Parsed {
    var statements: [Statement]
    /// Rules and tests left out for a syntax error, rebuilt from their sound lines.
    var recovered: [Statement]
    var comments: [Comment]
    var diagnostics: [Diagnostic]
    var chunk: Chunk
  }

  /// The name of the document as a source (`<session>`).
  static let name = "<session>"

  /// The statements in playbook order, and the comments.
  var playbook = Playbook()
  /// The document's text; it ends with a line break unless empty.
  private(set) var text = ""
  private(set) var chunks: [Chunk] = []
  private var lineCount = 0

  init() {}

  /// A document holding one parsed file.
  init(file path: String, text: String, playbook: Playbook) {
    self.playbook = playbook
    self.text = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    lineCount = self.text.utf8.count { $0 == UInt8(ascii: "\n") }
    chunks = [
      Chunk(sourceName: path, text: text, firstDocumentLine: 1, lineCount: lineCount, firstLine: 1)
    ]
  }

  /// Parses `typed` as if it followed the document. The document's text is blanked out
  /// in front of it (same bytes and lines, all spaces), so positions come out as they
  /// will be once it is appended, and nothing before it is parsed again.
  func parse(_ typed: TypedStatement, sourceName: String) -> Parsed {
    let blank = String(
      decoding: text.utf8.map { $0 == UInt8(ascii: "\n") ? $0 : UInt8(ascii: " ") }, as: UTF8.self)
    let (playbook, recovered, diagnostics) = PlaybookParser.parseRecovering(
      SourceFile(path: Self.name, text: blank + typed.text))
    let chunk = Chunk(
      sourceName: sourceName, text: typed.text, firstDocumentLine: lineCount + 1,
      lineCount: typed.text.utf8.count { $0 == UInt8(ascii: "\n") } + 1, firstLine: typed.firstLine)
    return Parsed(
      statements: playbook.statements, recovered: recovered, comments: playbook.comments,
      diagnostics: diagnostics, chunk: chunk)
  }

  /// The text once `chunk` is appended.
  func text(appending chunk: Chunk) -> String { text + chunk.text + "\n" }

  /// Makes `chunk` part of the document; the caller has put its statements in `playbook`.
  mutating func append(_ chunk: Chunk) {
    text = text(appending: chunk)
    lineCount += chunk.lineCount
    chunks.append(chunk)
  }

  /// Renders diagnostics against the input each came from, `pending` being a chunk
  /// parsed but not appended. Places in the document (the diagnostic's and its notes')
  /// become places in the typed or loaded input; other files' places stay as they are.
  func render(_ diagnostics: [Diagnostic], pending: Chunk? = nil, color: Bool, fallbackName: String)
    -> [String]
  {
    let inputs = chunks + (pending.map { [$0] } ?? [])
    var sources: [String: String] = [:]
    /// The input a document place came from, with the place moved there.
    func place(_ file: inout String?, _ range: inout SourceRange?) {
      guard file == Self.name else { return }
      guard let line = range?.start.line, let chunk = inputs.last(where: { $0.contains(documentLine: line) })
      else {
        file = fallbackName
        return
      }
      let shift = chunk.firstLine - chunk.firstDocumentLine
      file = chunk.sourceName
      range?.start.line += shift
      range?.end.line += shift
      // The diagnostic is placed before its notes, and its line is the one shown: a note
      // in another input of the same name must not replace that text.
      if sources[chunk.sourceName] == nil {
        sources[chunk.sourceName] = String(repeating: "\n", count: max(0, chunk.firstLine - 1)) + chunk.text
      }
    }
    return diagnostics.map { diagnostic in
      var diagnostic = diagnostic
      sources = [:]
      place(&diagnostic.file, &diagnostic.range)
      diagnostic.notes = diagnostic.notes.map { note in
        var note = note
        place(&note.file, &note.range)
        return note
      }
      return DiagnosticRenderer(sources: sources, color: color).render(diagnostic)
    }
  }

  /// Where a document line came from: its input's name and its line there.
  func place(ofLine line: Int) -> (sourceName: String, line: Int)? {
    chunks.last { $0.contains(documentLine: line) }.map {
      ($0.sourceName, line - $0.firstDocumentLine + $0.firstLine)
    }
  }

  /// The comments on the lines of `range`.
  func comments(within range: SourceRange) -> [Comment] {
    playbook.comments.filter {
      $0.range.start.line >= range.start.line && $0.range.start.line <= range.end.line
    }
  }

  /// Removes the statement at `index` with the comments on its lines.
  mutating func removeStatement(at index: Int) {
    let range = playbook.statements[index].range
    playbook.comments.removeAll {
      $0.range.start.line >= range.start.line && $0.range.start.line <= range.end.line
    }
    playbook.statements.remove(at: index)
  }
}
