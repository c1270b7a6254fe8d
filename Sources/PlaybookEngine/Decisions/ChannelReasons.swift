/// The reasons one `send` line's channel list can give, made once per run and shared by
/// every decision that gives them: `sent via sms because email has no consent`,
/// `no reachable channel: email has no consent, sms has no address`.
///
/// A reason depends only on which channel was chosen (or none) and why each channel
/// before it could not be used, so for a list of n channels there are 2^(n+1) − 1 of them.
/// Lists of up to `tabulatedChannels` channels (every real playbook's) get them all in a
/// table; longer lists compose their reasons when asked.
struct ChannelReasons: Sendable {
  static let tabulatedChannels = 8

  private let names: [String]
  /// Indexed by `slot(chosen:obstacles:)`; empty when the list is too long to tabulate.
  private let table: [Reason]

  /// - Parameters:
  ///   - names: the names of the send's channels, in order of preference.
  ///   - adding: numbers each tabulated text among the run's (`DecisionReasons`).
  init(names: [String], adding: (String) -> Reason) {
    self.names = names
    var table: [Reason] = []
    if names.count <= Self.tabulatedChannels {
      // Slot (2^k − 1) + bits: the first k channels failed, bit i set when channel i had
      // no address (else no consent); k = n when none could be used.
      for chosen in 0...names.count {
        for bits in 0..<(1 << chosen) {
          let obstacles = (0..<chosen).map { bits & (1 << $0) != 0 ? ChannelObstacle.noAddress : .noConsent }
          table.append(adding(Self.compose(names, chosen: chosen, obstacles: obstacles[...])))
        }
      }
    }
    self.table = table
  }

  /// The reason when the channel at position `chosen` was used (`names.count`: none
  /// could be), after each channel before it failed for `obstacles[i]`; a list too long
  /// to tabulate adds its text to `texts`.
  @inline(__always)
  func reason(chosen: Int, obstacles: ArraySlice<ChannelObstacle>, texts: ReasonTexts) -> Reason {
    guard !table.isEmpty else { return texts.add(Self.compose(names, chosen: chosen, obstacles: obstacles)) }
    var slot = (1 << chosen) - 1
    for (i, obstacle) in obstacles.enumerated() where obstacle == .noAddress { slot += 1 << i }
    return table[slot]
  }

  private static func compose(
    _ names: [String], chosen: Int, obstacles: ArraySlice<ChannelObstacle>
  ) -> String {
    let why = zip(names, obstacles).map { $1.text(channel: $0) }.joined(separator: ", ")
    guard chosen < names.count else { return "no reachable channel: " + why }
    return why.isEmpty ? "sent via \(names[chosen])" : "sent via \(names[chosen]) because \(why)"
  }
}
