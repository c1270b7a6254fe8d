/// What deciding reads of each candidate's rule and send, flat. The plan's rules and
/// sends are classes: read for every candidate, each was retained and released, on both
/// cores at once, so their reference counts' cache lines moved between the cores at
/// nearly every candidate (40% of deciding's samples were `swift_retain` and
/// `swift_release`).
struct SendTable: Sendable {
  /// Each rule's first send in the lists below.
  private let firstSend: [Int]
  /// Each send's offer, an index into the plan's offers.
  private let offers: [Int]
  /// Each send's channels, in order of preference: `channels[channelRanges[send]]`.
  private let channelRanges: [Range<Int>]
  private let channels: [Int]
  /// Each send's offer's validity, in seconds.
  private let valids: [Int64]
  /// Each rule's priority and position in the file.
  let priorities: [Int]
  let orders: [Int]

  init(_ plan: Plan) {
    var firstSend: [Int] = []
    var offers: [Int] = []
    var channelRanges: [Range<Int>] = []
    var channels: [Int] = []
    var valids: [Int64] = []
    for rule in plan.rules {
      firstSend.append(offers.count)
      for send in rule.sends {
        offers.append(send.offerIndex)
        valids.append(send.valid)
        channelRanges.append(channels.count..<channels.count + send.channels.count)
        channels += send.channels
      }
    }
    self.firstSend = firstSend
    self.offers = offers
    self.channelRanges = channelRanges
    self.channels = channels
    self.valids = valids
    priorities = plan.rules.map(\.priority)
    orders = plan.rules.map(\.order)
  }

  /// `c`'s send's place in these lists (sends in rule order).
  @inline(__always) func send(_ c: Candidate) -> Int { firstSend[Int(c.rule)] + Int(c.send) }

  /// How long `c`'s offer is valid, in seconds.
  @inline(__always) func valid(_ c: Candidate) -> Int64 { valids[send(c)] }

  /// The offer `c` sends.
  @inline(__always) func offer(_ c: Candidate) -> Int { offers[send(c)] }

  /// How many channels `c`'s send may use.
  @inline(__always) func channelCount(_ c: Candidate) -> Int { channelRanges[send(c)].count }

  /// The channel at `position` in `c`'s send's order of preference.
  @inline(__always) func channel(_ c: Candidate, _ position: Int) -> Int {
    channels[channelRanges[send(c)].lowerBound + position]
  }
}
