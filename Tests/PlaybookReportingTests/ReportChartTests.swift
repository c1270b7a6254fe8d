import Testing

@testable import PlaybookReporting

/// The report's charts: round axes, numbers written on the bars, text escaped.
@Suite struct ReportChartTests {
  @Test func axesEndAtARoundNumberWithAtMostFiveSteps() {
    #expect(ChartScale(largest: 37).ticks == [0, 10, 20, 30, 40])
    #expect(ChartScale(largest: 4).ticks == [0, 1, 2, 3, 4])
    #expect(ChartScale(largest: 1_234).ticks == [0, 500, 1_000, 1_500])
    #expect(ChartScale(largest: 0).ticks == [0, 1])
    #expect(ChartScale(largest: 100).top == 100)
  }

  @Test func svgNumbersHaveAtMostTwoDecimals() {
    #expect(svgNumber(41.666) == "41.67")
    #expect(svgNumber(5) == "5")
    #expect(svgNumber(0.5) == "0.5")
    #expect(svgNumber(0.05) == "0.05")
    #expect(svgNumber(-2.25) == "-2.25")
  }

  @Test func textIsEscapedForHTMLAndAttributes() {
    #expect(
      "<a href=\"x\">Tom & Jerry's</a>".markupEscaped == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    #expect("café ✓\tend\n".markupEscaped == "café ✓\tend\n")
    // Control characters XML and HTML cannot hold are dropped.
    #expect("a\u{1B}[31mb\u{0}".markupEscaped == "a[31mb")
  }

  @Test func barsCarryTheirNumbersAndEscapedLabels() {
    let chart = BarChart(
      title: "By <offer>",
      series: [.init("send", cssClass: "status-send"), .init("capped", cssClass: "status-capped")],
      bars: [.init("A&B", values: [30, 10]), .init("C", values: [0, 2])], axis: "decisions")
    let html = chart.html
    #expect(html.contains("aria-label=\"By &lt;offer&gt;\""))
    #expect(html.contains(">A&amp;B</div>"))
    // The total after each bar, and a wide segment's own number inside it.
    #expect(html.contains(">40</text>") && html.contains(">30</text>") && html.contains(">2</text>"))
    #expect(html.contains("<ul class=\"legend\">"))
    // 40 is the axis's end: the full bar is the plot's width.
    #expect(html.contains("x=\"\(svgNumber(BarChart.plotShare))%\" dx=\"6\""))
  }

  @Test func columnsLabelAtMostSevenDates() {
    let columns = (1...20).map { ColumnChart.Column("d\($0)", values: [$0]) }
    let html = ColumnChart(
      title: "t", series: [.init("A", cssClass: "offer-1")], columns: columns, valueAxis: "sends", labelAxis: "date"
    ).html
    let labels = columns.filter { html.contains(">\($0.label)</text>") }
    #expect(labels.count <= ColumnChart.labelsShown && labels.count >= 5)
  }
}
