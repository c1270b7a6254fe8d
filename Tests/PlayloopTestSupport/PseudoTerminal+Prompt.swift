extension PseudoTerminal {
  /// The shell's prompt, and its continuation prompt while a statement is open.
  public static let prompt = "playloop> "
  /// The continuation prompt, as wide as `prompt`.
  public static let continuationPrompt = "     ...> "

  /// Waits for `prompt` and for the editor to be reading keys. Between prompts the
  /// terminal is in cooked mode, where the line discipline echoes keys itself and
  /// consumes Ctrl-C and Ctrl-D, so a test types only at a prompt.
  public func atPrompt(_ prompt: String = PseudoTerminal.prompt, within seconds: Double = 10) throws {
    try expect(prompt, within: seconds)
    try waitForRawMode()
  }
}
