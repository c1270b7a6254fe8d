public import PlaybookLanguage

/// One loaded column as `describe` shows it: where it comes from, its type and why,
/// how many values are null, and two examples.
public struct ColumnDescription: Hashable, Sendable {
  /// The header column, exactly as in the file (`Total Charges`).
  public var column: String
  /// The field names a `with` clause (or a lifecycle default) maps onto this column
  /// (`total`), in name order; empty when the playbook reads it by its own name.
  public var fields: [String]
  /// The column's type, declared or inferred.
  public var type: ColumnType
  /// Why it has that type.
  public var why: TypeReason
  /// How many loaded rows hold no value.
  public var nulls: Int
  /// The first two distinct non-null values, in file order, as text and cut to
  /// `ShownValue.limit` characters (not escaped: renderers escape what they print).
  public var examples: [String]

  /// A column's description.
  public init(column: String, fields: [String], type: ColumnType, why: TypeReason, nulls: Int, examples: [String]) {
    self.column = column
    self.fields = fields
    self.type = type
    self.why = why
    self.nulls = nulls
    self.examples = examples
  }
}
