/// A column chart over dates or other ordered labels: one column per label, its series
/// stacked, its total written above it. `ColumnChart+SVG.swift` draws it.
public struct ColumnChart: Sendable {
  /// One column: its label on the axis and a value per series.
  public struct Column: Sendable {
    /// The label under the column (`Nov 2`).
    public var label: String
    /// A value per series, in the chart's series order.
    public var values: [Int]

    /// A column labelled `label` with `values` per series.
    public init(_ label: String, values: [Int]) {
      self.label = label
      self.values = values
    }

    /// The values stacked.
    public var total: Int { values.reduce(0, +) }
  }

  /// What the chart shows, for screen readers.
  public var title: String
  /// The kinds of value, stacked in this order from the bottom.
  public var series: [BarChart.Series]
  /// The columns, left to right.
  public var columns: [Column]
  /// What the value axis counts (`sends`).
  public var valueAxis: String
  /// What the labels are (`send date, UTC`).
  public var labelAxis: String

  /// A chart of `columns` over `series`.
  public init(
    title: String, series: [BarChart.Series], columns: [Column], valueAxis: String, labelAxis: String
  ) {
    self.title = title
    self.series = series
    self.columns = columns
    self.valueAxis = valueAxis
    self.labelAxis = labelAxis
  }
}
