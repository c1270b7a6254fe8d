extension PlaybookModel {
  /// `tickets` → `ticket`, `replies` → `reply`, `addresses` → `address`.
  public static func singular(_ table: String) -> String {
    if table.hasSuffix("ies"), table.count > 3 { return String(table.dropLast(3)) + "y" }
    for suffix in ["sses", "xes", "ches", "shes"] where table.hasSuffix(suffix) {
      return String(table.dropLast(2))
    }
    if table.hasSuffix("s"), !table.hasSuffix("ss"), table.count > 1 {
      return String(table.dropLast())
    }
    return table
  }
}
