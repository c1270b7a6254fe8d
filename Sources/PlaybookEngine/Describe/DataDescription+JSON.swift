import PlaybookLanguage

extension DataDescription {
  /// The description for programs (`describe --json`), keys in a fixed order.
  public var json: JSONValue {
    .object([
      JSONMember("playbook", .string(playbook)),
      JSONMember("tables", .array(tables.map(\.json))),
    ])
  }
}

extension TableDescription {
  /// One table for programs, keys in a fixed order.
  public var json: JSONValue {
    .object([
      JSONMember("table", .string(table)),
      JSONMember("file", .string(file)),
      JSONMember("rows_loaded", .integer(Int64(rowsLoaded))),
      JSONMember("rows_set_aside", .integer(Int64(setAsideCount))),
      JSONMember(
        "set_aside",
        .array(
          setAside.map {
            .object([JSONMember("line", .integer(Int64($0.line))), JSONMember("reason", .string($0.reason))])
          })),
      JSONMember("columns", .array(columns.map(\.json))),
    ])
  }
}

extension ColumnDescription {
  var json: JSONValue {
    .object([
      JSONMember("column", .string(column)),
      JSONMember("fields", .array(fields.map(JSONValue.string))),
      JSONMember("type", .string(type.rawValue)),
      JSONMember("why", why.json),
      JSONMember("nulls", .integer(Int64(nulls))),
      JSONMember("examples", .array(examples.map(JSONValue.string))),
    ])
  }
}

extension TypeReason {
  /// `{"source": …, <its details>, "text": …}`.
  var json: JSONValue {
    var members = [JSONMember("source", .string(source))]
    switch self {
    case .declared(let line): members.append(JSONMember("line", .integer(Int64(line))))
    case .inferred(let type): members.append(JSONMember("type", .string(type.rawValue)))
    case .misfit(let line, let value, let type, let count):
      members += [
        JSONMember("line", .integer(Int64(line))), JSONMember("value", .string(value)),
        JSONMember("not_a", .string(type.rawValue)), JSONMember("count", .integer(Int64(count))),
      ]
    case .dayMonth(let line, let value, let formats):
      members += [
        JSONMember("line", .integer(Int64(line))), JSONMember("value", .string(value)),
        JSONMember("formats", .array(formats.map(JSONValue.string))),
      ]
    case .databaseText(let type): members.append(JSONMember("database_type", .string(type)))
    case .keyColumn, .linkColumn, .database, .allNull: break
    }
    members.append(JSONMember("text", .string(text)))
    return .object(members)
  }
}
