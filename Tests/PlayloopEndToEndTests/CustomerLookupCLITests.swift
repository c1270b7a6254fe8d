import PlayloopTestSupport
import Testing

/// A support agent finds the customer the way the customer gave themselves: by id in
/// any case, email, phone number as typed, or name; several matches are listed.
@Suite struct CustomerLookupCLITests {
  static let flagship = "Playbooks/service-recovery.playbook"

  @Test(arguments: [
    ("c-0007", "C-0007"), ("LUKASZ.NOWAK@example.com", "C-0007"), ("+48 500 000 007", "C-0007"),
    ("500000007", "C-0007"), ("+1 (555) 010-0001", "C-0001"), ("Zoë Adler", "C-0001"), ("nowak", "C-0007"),
  ])
  func explainFindsTheCustomerBy(_ query: String, _ id: String) throws {
    let result = try ChildProcess.playloop(["explain", "--detail", Self.flagship, query])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("\(id) as of 2026-11-01T00:00:00Z\n"))
  }

  @Test func severalMatchesAreListedAndNoneSuggestsIDs() throws {
    let several = try ChildProcess.playloop(["explain", "--detail", Self.flagship, "José"])
    #expect(several.status == 2)
    #expect(
      several.stderr.contains(
        "error: 'José' names 5 customers: C-0002 (José Núñez), C-0142 (José Martin), C-0144 (Rossi, José), "))
    #expect(several.stderr.contains("hint: give one of their ids"))
    let none = try ChildProcess.playloop(["explain", "--detail", Self.flagship, "C-00077"])
    #expect(none.status == 2)
    #expect(none.stderr.contains("error: no customer 'C-00077'; did you mean 'C-0007', 'C-0077', 'C-0001'?"))
  }

  @Test func theShellsCustomerCommandFindsByEmail() throws {
    let result = try ChildProcess.playloop([
      "repl", Self.flagship, "--no-rc", "-c", ":customer zoe.adler@example.com",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("C-0001"))
    #expect(result.stdout.contains("Zoë Adler"))
  }
}
