/// The names export rows repeat (each rule's, each send's offer and variant, each
/// channel's, each status's, and the run's reasons made before deciding) as UTF-8 bytes
/// of their own, each judged once for whether a CSV or JSON field of it needs any
/// treatment (`ExportValue.plain` when not). A row's names are then read through
/// pointers: no string is retained and released for each field of each row (at 1M
/// customers, a fifth of the export's samples).
///
/// Unchecked `Sendable`: the bytes are written once, in `init`, and only read after.
final class RowNames: @unchecked Sendable {
  private let storage: UnsafeMutableBufferPointer<UInt8>
  private let rules: [ExportValue]
  /// By send, in `SendTable`'s order.
  private let offers: [ExportValue]
  private let variants: [ExportValue]
  private let channels: [ExportValue]
  private let statuses: [ExportValue]
  /// By `Reason` number (`ReasonTexts.fixed`).
  private let reasons: [ExportValue]

  init(_ plan: Plan, reasons: [String]) {
    let sends = plan.rules.flatMap(\.sends)
    let groups: [[String?]] = [
      plan.rules.map(\.name), sends.map(\.offer), sends.map(\.variant), plan.channels.map(\.name),
      DecisionStatus.allCases.map(\.rawValue), reasons,
    ]
    let storage = UnsafeMutableBufferPointer<UInt8>.allocate(
      capacity: max(1, groups.joined().reduce(0) { $0 + ($1?.utf8.count ?? 0) }))
    var at = 0
    let values = groups.map { group in
      group.map { name -> ExportValue in
        guard let name else { return .text(nil) }
        let start = at
        at = storage[at...].initialize(from: name.utf8).index
        let bytes = UnsafeBufferPointer(rebasing: storage[start..<at])
        return Self.isPlain(bytes) ? .plain(bytes) : .utf8(bytes)
      }
    }
    self.storage = storage
    (rules, offers, variants, channels, statuses) = (values[0], values[1], values[2], values[3], values[4])
    self.reasons = values[5]
  }

  deinit { storage.deallocate() }

  func rule(_ rule: Int) -> ExportValue { rules[rule] }
  func offer(send: Int) -> ExportValue { offers[send] }
  func variant(send: Int) -> ExportValue { variants[send] }
  func channel(_ channel: Int) -> ExportValue { channels[channel] }
  /// A reason made before deciding, by its `Reason` number.
  func reason(_ number: Int) -> ExportValue { reasons[number] }
  func status(_ status: DecisionStatus) -> ExportValue {
    // `allCases` order, without making the array of cases for every row.
    switch status {
    case .send: statuses[0]
    case .holdout: statuses[1]
    case .capped: statuses[2]
    case .unreachable: statuses[3]
    case .alreadySent: statuses[4]
    case .unrendered: statuses[5]
    }
  }

  /// Whether `bytes` are written as they are in CSV and, between quotes, in JSON:
  /// printable ASCII with no comma, quote or backslash, and not read as a formula.
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.allSatisfy { $0 >= 32 && $0 < 127 && $0 != 44 && $0 != 34 && $0 != 92 }
      && !CSVWriter.isFormulaLike(bytes)
  }
}
