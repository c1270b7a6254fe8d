extension ColumnChart {
  /// The plot's left edge (room for the value axis's numbers) and right edge, in percent.
  static let plotLeft = 11.0
  static let plotRight = 99.0
  /// The plot's top and bottom, in pixels.
  static let plotTop = 26
  static let plotBottom = 206
  /// At most this many labels under the columns: more would collide on a phone.
  static let labelsShown = 7
  /// Above this many columns only every other total is written, starting with the largest.
  static let totalsShown = 16

  /// The chart as HTML: an inline SVG whose horizontal geometry is in percentages of
  /// its width (text keeps its size at any width), and a legend for several series.
  public var html: String {
    let scale = ChartScale(largest: columns.map(\.total).max() ?? 0)
    let height = Self.plotBottom + 46
    var out = "<figure class=\"chart\" role=\"group\" aria-label=\"\(title.markupEscaped)\">\n"
    out +=
      "<svg class=\"columns\" width=\"100%\" height=\"\(height)\" role=\"img\" aria-label=\"\(spoken.markupEscaped)\">"
    out += "<text class=\"axis-title\" x=\"0\" y=\"12\">\(valueAxis.markupEscaped)</text>"
    for tick in scale.ticks {
      let y = svgNumber(level(scale.fraction(tick)))
      out += "<line class=\"\(tick == 0 ? "axis-line" : "grid")\" x1=\"\(svgNumber(Self.plotLeft))%\" "
      out += "x2=\"\(svgNumber(Self.plotRight))%\" y1=\"\(y)\" y2=\"\(y)\"/>"
      out += "<text class=\"tick\" x=\"\(svgNumber(Self.plotLeft - 1))%\" y=\"\(y)\" dy=\"4\" text-anchor=\"end\">"
      out += "\(tick.grouped)</text>"
    }
    let slot = (Self.plotRight - Self.plotLeft) / Double(max(columns.count, 1))
    let every = (columns.count + Self.labelsShown - 1) / Self.labelsShown
    // Columns no wider than a tenth of the plot, however few the days.
    let width = min(slot * 0.7, (Self.plotRight - Self.plotLeft) / 10)
    let largest = columns.indices.max { columns[$0].total < columns[$1].total } ?? 0
    for (i, column) in columns.enumerated() {
      let x = Self.plotLeft + slot * (Double(i) + 0.5) - width / 2
      let middle = svgNumber(Self.plotLeft + slot * (Double(i) + 0.5))
      var stacked = 0
      for (series, value) in zip(series, column.values) where value > 0 {
        let top = level(scale.fraction(stacked + value))
        out += "<rect class=\"\(series.cssClass)\" x=\"\(svgNumber(x))%\" y=\"\(svgNumber(top))\" "
        out += "width=\"\(svgNumber(width))%\" height=\"\(svgNumber(level(scale.fraction(stacked)) - top))\">"
        out += "<title>\(column.label.markupEscaped), \(series.name.markupEscaped): \(value.grouped)</title></rect>"
        stacked += value
      }
      if column.total > 0, columns.count <= Self.totalsShown || (i - largest) % 2 == 0 {
        out += "<text class=\"value\" x=\"\(middle)%\" y=\"\(svgNumber(level(scale.fraction(stacked)) - 5))\" "
        out += "text-anchor=\"middle\">\(column.total.grouped)</text>"
      }
      if i % every == 0 {
        out += "<text class=\"tick\" x=\"\(middle)%\" y=\"\(Self.plotBottom + 18)\" text-anchor=\"middle\">"
        out += "\(column.label.markupEscaped)</text>"
      }
    }
    let centre = svgNumber((Self.plotLeft + Self.plotRight) / 2)
    out += "<text class=\"axis-title\" x=\"\(centre)%\" y=\"\(height - 4)\" text-anchor=\"middle\">"
    out += "\(labelAxis.markupEscaped)</text></svg>\n"
    if series.count > 1 { out += BarChart.legend(series) }
    return out + "</figure>\n"
  }

  /// The pixel height of a point `fraction` of the way up the value axis.
  private func level(_ fraction: Double) -> Double {
    Double(Self.plotBottom) - fraction * Double(Self.plotBottom - Self.plotTop)
  }

  /// The columns for a screen reader: `Nov 2: 1,234; Nov 3: 56`.
  private var spoken: String {
    title + ". " + columns.map { "\($0.label): \($0.total.grouped)" }.joined(separator: "; ")
  }
}
