import ArgumentParser

/// The `playloop` command: the shell when run bare, or one of the headless subcommands.
@main
struct Playloop: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "playloop",
    abstract: "Turn customer-service moments into marketing campaigns.",
    version: "0.1.0",
    subcommands: [FmtCommand.self])
}
