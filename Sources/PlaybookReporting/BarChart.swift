/// A horizontal bar chart: one row per bar, each bar its series' values stacked (or,
/// `grouped`, side by side as thinner bars), with the numbers written on the bars.
/// What it draws is decided here; `BarChart+SVG.swift` draws it.
public struct BarChart: Sendable {
  /// One kind of value, with the CSS class that colours it (`status-send`).
  public struct Series: Sendable {
    /// Its name in the legend.
    public var name: String
    /// The class of its bars, for the page's colours.
    public var cssClass: String

    /// A series named `name` coloured by `cssClass`.
    public init(_ name: String, cssClass: String) {
      self.name = name
      self.cssClass = cssClass
    }
  }

  /// One row: a label, and a value per series.
  public struct Bar: Sendable {
    /// What the bar counts (`THANKS10`).
    public var label: String
    /// A note after the label (`82% of candidates`); nil for none.
    public var note: String?
    /// A value per series, in the chart's series order.
    public var values: [Int]

    /// A bar labelled `label` with `values` per series.
    public init(_ label: String, note: String? = nil, values: [Int]) {
      self.label = label
      self.note = note
      self.values = values
    }

    /// The values stacked.
    public var total: Int { values.reduce(0, +) }
  }

  /// What the chart shows, for screen readers (`Decisions by offer and status`).
  public var title: String
  /// The kinds of value.
  public var series: [Series]
  /// The rows, top to bottom.
  public var bars: [Bar]
  /// What the axis counts (`decisions`).
  public var axis: String
  /// Series side by side rather than stacked (comparing two playbooks).
  public var grouped = false

  /// A chart of `bars` over `series`, its axis counting `axis`.
  public init(title: String, series: [Series], bars: [Bar], axis: String, grouped: Bool = false) {
    self.title = title
    self.series = series
    self.bars = bars
    self.axis = axis
    self.grouped = grouped
  }

  /// The longest bar's value: stacked, the largest total; grouped, the largest value.
  var largest: Int {
    bars.map { grouped ? ($0.values.max() ?? 0) : $0.total }.max() ?? 0
  }
}
