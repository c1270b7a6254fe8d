extension StatementChecker {
  /// `timezone customer.FIELD default "ZONE"`: the field is a text column of the
  /// customers, and the default a zone this machine knows (when the schema says which).
  mutating func checkTimezone(_ zone: CustomerTimeZone) {
    var checker = ExpressionChecker(model: model, schema: schema)
    checker.allowedRows = ["customer"]
    checker.disallowedHint = "the timezone is read from a customer field, e.g. customer.tz"
    guard case .path(let row, _?) = zone.field.kind, row.text == "customer" else {
      report(.timezoneNotAField, at: zone.field.range)
      return
    }
    let type = checker.typed(zone.field).type
    if type != .text, type != .error {
      checker.report(
        .typeError(
          "a time zone field must be text, but this is \(type)", hint: "zones are names such as \"Europe/Rome\""),
        at: zone.field.range)
    }
    diagnostics += checker.diagnostics
    let name = zone.defaultZone.value
    guard !schema.zoneNames.isEmpty, !schema.zoneNames.contains(name) else { return }
    let hint =
      NearNames.didYouMean(name, in: schema.zoneNames.sorted())
      ?? "zones are named like \"Europe/Rome\" or \"America/New_York\""
    report(.unknownZone(name, hint: hint), at: zone.defaultZone.range)
  }
}
