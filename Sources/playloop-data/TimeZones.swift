/// The `tz` column: IANA zone names spread as a customer base's devices would report
/// them. Most customers are in a zone of their country; a few live abroad, a few have
/// none, and a very few carry a value that is not a zone name, so a playbook's
/// unknown-zone path has something to find.
enum TimeZones {
  /// Weighted zones per country, indexed as `Vocabulary.countries`.
  static let byCountry: [(names: [[UInt8]], weights: [Int])] = [
    // US
    zones([
      ("America/New_York", 45), ("America/Chicago", 28), ("America/Denver", 7),
      ("America/Phoenix", 3), ("America/Los_Angeles", 17),
    ]),
    zones([("Europe/London", 1)]),  // GB
    zones([("Europe/Berlin", 1)]),  // DE
    zones([("Europe/Paris", 1)]),  // FR
    zones([("Europe/Madrid", 9), ("Atlantic/Canary", 1)]),  // ES
    zones([("America/Mexico_City", 8), ("America/Tijuana", 1), ("America/Cancun", 1)]),  // MX
    // CA
    zones([
      ("America/Toronto", 55), ("America/Vancouver", 25), ("America/Edmonton", 10),
      ("America/Halifax", 10),
    ]),
    zones([("America/Sao_Paulo", 9), ("America/Manaus", 1)]),  // BR
    zones([("Europe/Amsterdam", 1)]),  // NL
    zones([("Europe/Stockholm", 1)]),  // SE
    zones([("Europe/Dublin", 1)]),  // IE
    zones([("Europe/Warsaw", 1)]),  // PL
  ]

  /// Where customers living outside their account's country are.
  static let abroad = Vocabulary.utf8([
    "Asia/Tokyo", "Australia/Sydney", "Asia/Singapore", "Asia/Kolkata", "Pacific/Auckland",
  ])

  /// Values a zone column picks up that are not IANA zone names of a place.
  static let odd = Vocabulary.utf8(["EST", "Mars/Base", "Pacific Time"])

  /// A zone for a customer of country `country`, from `rng` (the customer's own stream
  /// for the added columns): 3% empty, 0.6% odd, 3% abroad, else one of its country's.
  static func draw(country: Int, rng: inout SplitMix64) -> [UInt8] {
    let roll = rng.below(1000)
    if roll < 30 { return [] }
    if roll < 36 { return odd[rng.below(odd.count)] }
    if roll < 66 { return abroad[rng.below(abroad.count)] }
    let zones = byCountry[country]
    return zones.names[rng.pick(zones.weights)]
  }

  /// The usual zone of a country given by its code (the personas' zone).
  static func usual(countryCode: String) -> [UInt8] {
    let code = Array(countryCode.utf8)
    guard let index = Vocabulary.countries.firstIndex(where: { $0.code == code }) else { return [] }
    return byCountry[index].names[0]
  }

  private static func zones(_ list: [(String, Int)]) -> (names: [[UInt8]], weights: [Int]) {
    (list.map { Array($0.0.utf8) }, list.map(\.1))
  }
}
