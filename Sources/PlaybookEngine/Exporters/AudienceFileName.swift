/// The name of an offer's audience file: `OFFER.csv`, or `OFFER-part1.csv`,
/// `OFFER-part2.csv`, … when a sending tool's limit split it into several.
enum AudienceFileName {
  /// File `part` (from 1) of `parts` for `offer`, with the extension `ext`.
  static func of(_ offer: String, part: Int, of parts: Int, extension ext: String) -> String {
    parts > 1 ? "\(offer)-part\(part).\(ext)" : "\(offer).\(ext)"
  }
}
