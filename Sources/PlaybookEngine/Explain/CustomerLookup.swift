import Foundation
import PlaybookLanguage

/// Finding a customer the way a support agent asks for one: by id in any letter case, by
/// email, by phone number (digits compared, so `+1 555-010-0007` is `+15550100007`, and a
/// number without its country code matches the end of one with it), or by name (the
/// whole name, or every word of the query a word of it, ignoring case). The searched
/// columns are the customers' text columns named like a name, an email or a phone, and
/// those the channels send to. A scan of the customers, made only when the id is not
/// found as given.
struct CustomerLookup {
  let plan: Plan

  /// The customers (their numbers, in data order) the query names; empty for none.
  func matches(_ query: String) -> [Int] {
    let wanted = query.trimmingCharacters(in: .whitespaces)
    guard !wanted.isEmpty else { return [] }
    let folded = wanted.lowercased()
    let ids = plan.dataset.customerIDs
    var found = (0..<ids.count).filter { ids.string($0).lowercased() == folded }
    if !found.isEmpty { return found }
    let digits = wanted.filter(\.isNumber)
    let looksLikePhone = digits.count >= 7 && wanted.allSatisfy { $0.isNumber || "+-(). ".contains($0) }
    let words = Set(folded.split(separator: " ").map(String.init))
    let customers = plan.dataset.customers
    for (name, index) in searchedColumns() {
      guard case .text(let text) = customers.columns[index].values else { continue }
      let nulls = customers.columns[index].nulls
      let kind = name.lowercased()
      for row in 0..<customers.rowCount where !nulls.isNull(row) {
        let value = text.string(row)
        let hit: Bool
        if wanted.contains("@") {
          hit = value.lowercased() == folded
        } else if looksLikePhone {
          let valueDigits = value.filter(\.isNumber)
          hit = !valueDigits.isEmpty && (valueDigits == digits || valueDigits.hasSuffix(digits))
        } else if kind.contains("name") {
          let lowered = value.lowercased()
          hit =
            lowered == folded
            || words.isSubset(of: lowered.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init))
        } else {
          hit = false
        }
        if hit { found.append(row) }
      }
    }
    return Array(Set(found)).sorted()
  }

  /// The customer columns searched, with their names: text columns named like a name, an
  /// email or a phone, and the columns the channels' addresses read.
  private func searchedColumns() -> [(String, Int)] {
    let customers = plan.dataset.customers
    let binding = plan.model.table(ofRow: "customer")
    var names = plan.model.channels.compactMap { channel -> String? in
      guard case .path(_, let field?) = channel.address.kind else { return nil }
      return binding?.column(forField: field.text) ?? field.text
    }
    names += customers.columns.map(\.name).filter { name in
      let lowered = name.lowercased()
      return ["name", "mail", "phone", "mobile"].contains { lowered.contains($0) }
    }
    var seen = Set<String>()
    return names.compactMap { name in
      guard seen.insert(name).inserted, let index = customers.columnIndex(name) else { return nil }
      return (name, index)
    }
  }

  /// `C-0010 (Anna Smith)`: the id, with the customer's name when there is one.
  func label(_ customer: Int) -> String {
    let id = plan.dataset.customerIDs.string(customer)
    return name(of: customer).map { "\(id) (\($0))" } ?? id
  }

  /// The customer's name as a person reads it: a column called `name` (or `full name`,
  /// `customer name`; any case, spaces or underscores), else the first and last names
  /// joined, else the first other column named like a name; nil when all are empty.
  func name(of customer: Int) -> String? {
    let customers = plan.dataset.customers
    func value(_ column: Column) -> String? {
      guard case .text(let text) = column.values, !column.nulls.isNull(customer) else { return nil }
      let value = text.string(customer)
      return value.isEmpty ? nil : value
    }
    func named(_ words: Set<String>) -> Column? {
      customers.columns.first { words.contains($0.name.lowercased().filter { $0.isLetter }) }
    }
    if let whole = named(["name", "fullname", "customername"]).flatMap(value) { return whole }
    let parts = [named(["firstname", "givenname"]), named(["lastname", "surname", "familyname"])]
      .compactMap { $0.flatMap(value) }
    if !parts.isEmpty { return parts.joined(separator: " ") }
    return customers.columns.lazy.filter { $0.name.lowercased().contains("name") }.compactMap(value).first
  }
}
