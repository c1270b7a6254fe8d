extension BarChart {
  /// The bars' share of the row: the rest is room for the number after the longest.
  static let plotShare = 82.0
  /// Below this share of the row a stacked segment is too narrow to carry its number.
  static let numberedSegment = 11.0

  /// The chart as HTML: per row its label (HTML, so it wraps on a phone) over an inline
  /// SVG bar whose geometry is in percentages of the row's width, so text keeps its size
  /// at any width; then the value axis, and the legend when there is more than one series.
  public var html: String {
    let scale = ChartScale(largest: largest)
    var out = "<figure class=\"chart\" role=\"group\" aria-label=\"\(title.markupEscaped)\">\n"
    for bar in bars {
      out += "<div class=\"bar-row\"><div class=\"bar-label\">\(bar.label.markupEscaped)"
      if let note = bar.note { out += " <span class=\"note\">\(note.markupEscaped)</span>" }
      out += "</div>\n"
      out += grouped ? groupedBars(bar, scale) : stackedBar(bar, scale)
      out += "</div>\n"
    }
    out += axisHTML(scale)
    if series.count > 1 { out += Self.legend(series) }
    return out + "</figure>\n"
  }

  /// What a bar says to a screen reader: `THANKS10: send 1,234, holdout 56`.
  private func spoken(_ bar: Bar) -> String {
    let parts = zip(series, bar.values).filter { $0.1 > 0 }.map { "\($0.0.name) \($0.1.grouped)" }
    return "\(bar.label): " + (parts.isEmpty ? "none" : parts.joined(separator: ", "))
  }

  private func gridlines(_ scale: ChartScale, height: Int) -> String {
    scale.ticks.dropFirst().map {
      let x = svgNumber(scale.fraction($0) * Self.plotShare)
      return "<line class=\"grid\" x1=\"\(x)%\" x2=\"\(x)%\" y1=\"0\" y2=\"\(height)\"/>"
    }.joined()
  }

  /// One bar, its series stacked, each wide segment numbered and the total after it.
  private func stackedBar(_ bar: Bar, _ scale: ChartScale) -> String {
    let height = 26
    var out =
      "<svg class=\"bar\" width=\"100%\" height=\"\(height)\" role=\"img\" aria-label=\"\(spoken(bar).markupEscaped)\">"
    out += gridlines(scale, height: height)
    var start = 0.0
    for (series, value) in zip(series, bar.values) where value > 0 {
      let width = scale.fraction(value) * Self.plotShare
      out += "<rect class=\"\(series.cssClass)\" x=\"\(svgNumber(start))%\" y=\"3\" width=\"\(svgNumber(width))%\" "
      out += "height=\"20\"><title>\(series.name.markupEscaped): \(value.grouped)</title></rect>"
      // A bar of one segment already says its number after it.
      if width >= Self.numberedSegment, value != bar.total {
        out += "<text class=\"in\" x=\"\(svgNumber(start + width / 2))%\" y=\"17\">\(value.grouped)</text>"
      }
      start += width
    }
    out += "<text class=\"value\" x=\"\(svgNumber(start))%\" dx=\"6\" y=\"17\">\(bar.total.grouped)</text>"
    return out + "</svg>\n"
  }

  /// One row's series side by side, each a thinner bar with its own number.
  private func groupedBars(_ bar: Bar, _ scale: ChartScale) -> String {
    let thickness = 14
    let height = series.count * (thickness + 3) + 3
    var out =
      "<svg class=\"bar\" width=\"100%\" height=\"\(height)\" role=\"img\" aria-label=\"\(spoken(bar).markupEscaped)\">"
    out += gridlines(scale, height: height)
    for (i, (series, value)) in zip(series, bar.values).enumerated() {
      let y = 3 + i * (thickness + 3)
      let width = scale.fraction(value) * Self.plotShare
      out +=
        "<rect class=\"\(series.cssClass)\" x=\"0\" y=\"\(y)\" width=\"\(svgNumber(width))%\" height=\"\(thickness)\">"
      out += "<title>\(series.name.markupEscaped): \(value.grouped)</title></rect>"
      out += "<text class=\"value\" x=\"\(svgNumber(width))%\" dx=\"6\" y=\"\(y + 11)\">\(value.grouped)</text>"
    }
    return out + "</svg>\n"
  }

  /// The value axis under the bars: ticks at round numbers, and what they count.
  private func axisHTML(_ scale: ChartScale) -> String {
    var out = "<svg class=\"axis\" width=\"100%\" height=\"40\" aria-hidden=\"true\">"
    out += "<line class=\"axis-line\" x1=\"0\" x2=\"\(svgNumber(Self.plotShare))%\" y1=\"1\" y2=\"1\"/>"
    for tick in scale.ticks {
      let x = svgNumber(scale.fraction(tick) * Self.plotShare)
      let anchor = tick == 0 ? "start" : "middle"
      out += "<line class=\"axis-line\" x1=\"\(x)%\" x2=\"\(x)%\" y1=\"1\" y2=\"6\"/>"
      out += "<text class=\"tick\" x=\"\(x)%\" y=\"19\" text-anchor=\"\(anchor)\">\(tick.grouped)</text>"
    }
    out += "<text class=\"axis-title\" x=\"\(svgNumber(Self.plotShare / 2))%\" y=\"36\" text-anchor=\"middle\">"
    return out + "\(axis.markupEscaped)</text></svg>\n"
  }

  /// The series' names by their colours.
  static func legend(_ series: [Series]) -> String {
    "<ul class=\"legend\">"
      + series.map { "<li><span class=\"key \($0.cssClass)\"></span>\($0.name.markupEscaped)</li>" }.joined()
      + "</ul>\n"
  }
}
