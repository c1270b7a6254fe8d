import Foundation
import Testing

@testable import PlaybookLanguage

/// `Structure`: the same statements typed with other spacing, comments or positions are
/// the same; any change of meaning is not.
@Suite struct StructureTests {
  static let original = """
    segment vip = customer.lifetime_value >= 1000
    rule thanks priority 5
      when complaint resolved within 4h
      and complaint.csat >= 4
      unless count(complaint in last 90d) > 1
      send THANKS10 via email, sms after 1d

    """

  /// `original` retyped: comments, blank lines, other spacing, so every position moves.
  static let retyped = """
    # Our best customers.

    segment   vip =   customer.lifetime_value>=1000   # spend

    rule thanks   priority 5
        # fast fixes only
        when complaint resolved within 4h
        and   complaint.csat >= 4
        unless count( complaint in last 90d ) > 1
        send THANKS10 via email,sms after 1d

    """

  func playbook(_ text: String) throws -> Playbook {
    let (playbook, diagnostics) = parse(text)
    try #require(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    return playbook
  }

  @Test func retypingKeepsTheStructure() throws {
    let a = try playbook(Self.original)
    let b = try playbook(Self.retyped)
    // The nodes themselves differ (positions, comments): the structure must not.
    #expect(a != b)
    #expect(a.statements[1] != b.statements[1])
    #expect(Structure(a) == Structure(b))
    #expect(Structure(a).hashValue == Structure(b).hashValue)
    for (x, y) in zip(a.statements, b.statements) {
      #expect(Structure(x) == Structure(y))
    }
    #expect(Set([Structure(a.statements[1]), Structure(b.statements[1])]).count == 1)
  }

  @Test(arguments: [
    ("complaint.csat >= 4", "complaint.csat >= 5"),
    ("within 4h", "within 5h"),
    ("priority 5", "priority 6"),
    (">= 1000", ">= 1000.5"),
    ("send THANKS10 via email, sms", "send THANKS10 via sms, email"),
    ("> 1\n", "< 1\n"),
  ])
  func aChangedMeaningChangesTheStructure(old: String, new: String) throws {
    #expect(Self.original.contains(old))
    let a = try playbook(Self.original)
    let b = try playbook(Self.original.replacingOccurrences(of: old, with: new))
    #expect(Structure(a) != Structure(b))
  }
}
