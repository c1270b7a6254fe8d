extension Parser {
  /// A `load` line and the clause lines that continue it (in a playbook or a test).
  mutating func parseLoad() -> Load? {
    let start = current
    var draft = LoadDraft()
    var ok = line { p throws(ParseFailure) in
      p.advance()
      draft.table = try p.expectName("a table name after 'load'")
      try p.parseLoadClauses(&draft)
    }
    while nextLineBelongs(to: .load) {
      advance()
      ok = line { p throws(ParseFailure) in try p.parseLoadClauses(&draft) } && ok
    }
    guard ok, let table = draft.table else { return nil }
    guard draft.path != nil || draft.database != nil else {
      diagnostics.append(
        failure(.missingLoadPath(table: table.text), at: start.range.union(table.range)).diagnostic)
      return nil
    }
    if let database = draft.database, let clause = draft.delimiter ?? draft.encoding {
      let word = draft.delimiter != nil ? LoadClause.delimiter : .encoding
      diagnostics.append(
        failure(.fileClauseOnDatabase(word.rawValue, database: database.kind.text), at: clause.range).diagnostic)
      return nil
    }
    return Load(
      table: table, rowName: draft.rowName, path: draft.path, key: draft.key, link: draft.link,
      linkTable: draft.linkTable, fieldMap: draft.fieldMap, columnTypes: draft.columnTypes,
      nullTokens: draft.nullTokens, timezone: draft.timezone, delimiter: draft.delimiter, encoding: draft.encoding,
      database: draft.database)
  }

  /// A data file's column: a plain word, or a quoted string for a header a word cannot
  /// spell (`"Customer ID"`); either way the name is the column's exact text.
  private mutating func expectColumn(_ what: String) throws(ParseFailure) -> Name {
    guard current.kind == .string else { return try expectName(what) }
    let token = advance()
    return Name(token.value, range: token.range)
  }

  /// A key, link or `with` column, remembered so that words after it (`key Customer ID`)
  /// are read as a header with spaces.
  private mutating func expectColumn(_ what: String, into draft: inout LoadDraft) throws(ParseFailure) -> Name {
    let column = try expectColumn(what)
    draft.lastColumn = column.range
    return column
  }

  /// `key Customer ID`: the words after an unquoted column are most likely the rest of
  /// its header, which needs quotes.
  private func spacedColumnHint(after column: SourceRange?) -> String? {
    guard current.kind == .word, p > 0, tokens[p - 1].kind == .word, tokens[p - 1].range == column else { return nil }
    let words = tokens[(p - 1)...].prefix { $0.kind == .word }.map(\.text)
    return "a column name with spaces goes in quotes: \"\(words.joined(separator: " "))\""
  }

  /// `delimiter ";"`: one of `,` `;` `|` or a tab in quotes, or the word `tab`; the
  /// literal holds the character either way.
  private mutating func expectDelimiter() throws(ParseFailure) -> StringLiteral {
    if current.kind == .word, current.text == FieldDelimiter.tab.word {
      let word = advance()
      return StringLiteral(value: FieldDelimiter.tab.character, range: word.range)
    }
    let text = try expectString("a delimiter in quotes after 'delimiter': \",\" \";\" \"|\" or tab")
    guard FieldDelimiter(character: text.value) != nil else {
      throw failure(.unknownDelimiter(text.value), at: text.range)
    }
    return text
  }

  /// `table "NAME"` or `query "select …"` after a database file (or a server's kind).
  private mutating func expectDatabaseRows(_ kind: Name) throws(ParseFailure) -> DatabaseSource {
    if accept("table") != nil {
      return DatabaseSource(kind: kind, table: try expectString("a table name in quotes after 'table'"))
    }
    if accept("query") != nil {
      return DatabaseSource(kind: kind, query: try expectString("an SQL query in quotes after 'query'"))
    }
    let server = DatabaseKind(rawValue: kind.text)?.readsAFile == false
    throw unexpected(
      expected: server ? "'table' or 'query' after '\(kind.text)'" : "'table' or 'query' after the database file",
      hint: "write: from \(kind.text)\(server ? "" : " \"app.db\"") table \"customers\"")
  }

  /// The clauses on one line of a load, in any order, each at most once per load.
  private mutating func parseLoadClauses(_ draft: inout LoadDraft) throws(ParseFailure) {
    while current.kind == .word, let word = LoadClause(rawValue: current.text) {
      let clause = current
      guard draft.seen.insert(clause.text).inserted else {
        throw failure(.duplicateClause(clause.text), at: clause.range)
      }
      advance()
      switch word {
      case .as: draft.rowName = try expectName("a row name after 'as'")
      case .from:
        if current.kind == .word, let database = DatabaseKind(rawValue: current.text) {
          let kind = advance()
          if database.readsAFile {
            draft.path = try expectString("a database file path in quotes after '\(kind.text)'")
          } else if current.kind == .string {
            throw failure(.pathOnServerDatabase(kind.text), at: current.range)
          }
          draft.database = try expectDatabaseRows(Name(kind.text, range: kind.range))
        } else {
          draft.path = try expectString("a file path in quotes after 'from'")
        }
      case .key: draft.key = try expectColumn("a column name after 'key'", into: &draft)
      case .link:
        draft.link = try expectColumn("a column name after 'link'", into: &draft)
        if accept("to") != nil { draft.linkTable = try expectName("a table name after 'to'") }
      case .with:
        repeat {
          let field = try expectName("a field name after 'with'")
          _ = try expectSymbol("=", hint: "write: with opened = COLUMN")
          draft.fieldMap.append(FieldMapping(field: field, column: try expectColumn("a column name", into: &draft)))
        } while acceptSymbol(",") != nil
      case .types:
        repeat {
          let column = try expectColumn("a column name")
          _ = try expectSymbol("=", hint: "write: types COLUMN = text")
          let type = try expectName("a column type")
          guard ColumnType(rawValue: type.text) != nil else {
            let types = ColumnType.allCases.map(\.rawValue)
            throw failure(
              .unknownColumnType(
                type.text,
                hint: NearNames.didYouMean(type.text, in: types) ?? "types are \(types.joined(separator: ", "))"),
              at: type.range)
          }
          draft.columnTypes.append(
            ColumnTypeDeclaration(column: column, type: type, format: try timeFormat(after: type)))
        } while acceptSymbol(",") != nil
      case .delimiter: draft.delimiter = try expectDelimiter()
      case .encoding:
        let name = try expectString("an encoding in quotes after 'encoding', e.g. \"latin1\"")
        guard TextEncoding(name: name.value) != nil else {
          throw failure(
            .unknownEncoding(
              name.value,
              hint: NearNames.didYouMean(name.value.lowercased(), in: TextEncoding.names)
                ?? "encodings are \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))"),
            at: name.range)
        }
        draft.encoding = name
      case .nulls:
        repeat {
          draft.nullTokens.append(try expectString("a null text in quotes after 'nulls', like \"NA\""))
        } while acceptSymbol(",") != nil
      case .timezone:
        draft.timezone = try expectString("a time zone in quotes after 'timezone', like \"Europe/Rome\"")
      }
    }
    guard atLineEnd else {
      if current.kind == .word, let hint = NearNames.didYouMean(current.text, in: StatementKeyword.load.clauses) {
        throw failure(.unknownLoadClause(current.text, hint: hint), at: current.range)
      }
      throw unexpected(
        expected: draft.path == nil && draft.database == nil
          ? "'from' and a file path in quotes" : "a load clause or end of line",
        hint: spacedColumnHint(after: draft.lastColumn))
    }
  }
}

extension Parser {
  /// The format after a timestamp or date type (`timestamp "%d/%m/%Y %H:%M"`), checked
  /// now so a bad directive is an error in the playbook, not a set-aside row per value.
  fileprivate mutating func timeFormat(after type: Name) throws(ParseFailure) -> StringLiteral? {
    guard current.kind == .string else { return nil }
    let format = try expectString("a timestamp format")
    guard type.text == ColumnType.timestamp.rawValue || type.text == ColumnType.date.rawValue else {
      throw failure(.formatOnUntimedType(type.text), at: format.range)
    }
    do {
      _ = try TimestampFormat(format.value)
    } catch {
      throw failure(.invalidTimeFormat(format.value, error.message), at: format.range)
    }
    return format
  }
}

/// A load's clauses as they are read, possibly over several lines.
struct LoadDraft {
  var table: Name?
  var rowName: Name?
  var path: StringLiteral?
  var key: Name?
  var link: Name?
  var linkTable: Name?
  var fieldMap: [FieldMapping] = []
  var columnTypes: [ColumnTypeDeclaration] = []
  var delimiter: StringLiteral?
  var encoding: StringLiteral?
  var nullTokens: [StringLiteral] = []
  var timezone: StringLiteral?
  var database: DatabaseSource?
  var seen: Set<String> = []
  /// Where the last key, link or `with` column was written.
  var lastColumn: SourceRange?
}
