/// The report page's style sheet, inline (the page loads nothing): system fonts, colours
/// as variables with a dark set for screens that prefer it (paper is always light, the
/// bars in their light colours), each decision status and each offer its own colour.
enum ReportStyle {
  static let css = """
    :root {
      color-scheme: light dark;
      --bg: #ffffff; --fg: #1c2330; --muted: #5d6676; --card: #f5f7fa; --line: #d9dee6; --grid: #e6e9ef;
      --accent: #2c6bd6;
      --status-send: #1f8f5f; --status-holdout: #7a5cc7; --status-capped: #d9911f;
      --status-unreachable: #c8483d; --status-already_sent: #5f7f9c; --status-unrendered: #8a5a3c;
      --offer-1: #2c6bd6; --offer-2: #1f8f5f; --offer-3: #d9911f; --offer-4: #7a5cc7;
      --offer-5: #c8483d; --offer-6: #2a9bb0; --offer-7: #8a9a2c; --offer-8: #b04f8c;
      --this: #2c6bd6; --other: #9aa5b5; --stage: #2c6bd6;
    }
    @media screen and (prefers-color-scheme: dark) {
      :root {
        --bg: #12161c; --fg: #e4e8ee; --muted: #9aa3b2; --card: #1b2129; --line: #2e3642; --grid: #262d37;
        --accent: #6ea2ff;
        --status-send: #3cb882; --status-holdout: #a58cf0; --status-capped: #f0b04a;
        --status-unreachable: #ef7066; --status-already_sent: #8ba9c6; --status-unrendered: #c48b67;
        --offer-1: #6ea2ff; --offer-2: #3cb882; --offer-3: #f0b04a; --offer-4: #a58cf0;
        --offer-5: #ef7066; --offer-6: #4cc3d9; --offer-7: #b8c94a; --offer-8: #e07fbd;
        --this: #6ea2ff; --other: #6b7686; --stage: #6ea2ff;
      }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body {
      margin: 0; background: var(--bg); color: var(--fg);
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      font-variant-numeric: tabular-nums;
    }
    main { max-width: 1100px; margin: 0 auto; padding: 28px 20px 40px; }
    header.report { border-bottom: 1px solid var(--line); padding-bottom: 18px; margin-bottom: 8px; }
    .eyebrow { color: var(--muted); font-size: 12px; letter-spacing: .08em; text-transform: uppercase; margin: 0; }
    h1 { font-size: 30px; line-height: 1.2; margin: 4px 0 6px; overflow-wrap: anywhere; }
    h2 { font-size: 20px; margin: 34px 0 4px; }
    h3 { font-size: 15px; margin: 0 0 2px; overflow-wrap: anywhere; }
    p { margin: 6px 0; }
    .lede, .meta, .note, .hint { color: var(--muted); }
    .meta { font-size: 13px; margin: 0; overflow-wrap: anywhere; }
    .hint { font-size: 13px; margin: 2px 0 12px; max-width: 75ch; }
    code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
    .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 18px 0 0; }
    .kpi { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 10px 14px; }
    .kpi .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .05em; }
    .kpi .number { font-size: 26px; font-weight: 650; line-height: 1.2; }
    .kpi .detail { color: var(--muted); font-size: 12px; }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 14px; }
    .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px 8px;
      min-width: 0; break-inside: avoid; }
    .stack { display: grid; gap: 14px; }
    .split { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 28px; align-items: start; }
    .card > .meta { margin-bottom: 8px; }
    .chart { margin: 8px 0 12px; }
    .bar-row { margin: 0 0 4px; }
    .bar-label { font-size: 13px; overflow-wrap: anywhere; }
    .bar-label .note { font-size: 12px; }
    svg { display: block; overflow: visible; }
    svg text { font-size: 12px; fill: var(--fg); }
    svg text.in { fill: #fff; text-anchor: middle; font-weight: 600; }
    svg text.tick, svg text.axis-title { fill: var(--muted); }
    svg text.axis-title { font-size: 12px; font-style: italic; }
    svg .grid { stroke: var(--grid); stroke-width: 1; }
    svg .axis-line { stroke: var(--muted); stroke-width: 1; }
    svg.bar, svg.axis, svg.columns { width: 100%; }
    .legend { list-style: none; padding: 0; margin: 2px 0 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 13px; }
    .legend .key { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px;
      vertical-align: -1px; }
    .status-send { fill: var(--status-send); background: var(--status-send); }
    .status-holdout { fill: var(--status-holdout); background: var(--status-holdout); }
    .status-capped { fill: var(--status-capped); background: var(--status-capped); }
    .status-unreachable { fill: var(--status-unreachable); background: var(--status-unreachable); }
    .status-already_sent { fill: var(--status-already_sent); background: var(--status-already_sent); }
    .status-unrendered { fill: var(--status-unrendered); background: var(--status-unrendered); }
    .offer-1 { fill: var(--offer-1); background: var(--offer-1); } .offer-2 { fill: var(--offer-2); background: var(--offer-2); }
    .offer-3 { fill: var(--offer-3); background: var(--offer-3); } .offer-4 { fill: var(--offer-4); background: var(--offer-4); }
    .offer-5 { fill: var(--offer-5); background: var(--offer-5); } .offer-6 { fill: var(--offer-6); background: var(--offer-6); }
    .offer-7 { fill: var(--offer-7); background: var(--offer-7); } .offer-8 { fill: var(--offer-8); background: var(--offer-8); }
    .this { fill: var(--this); background: var(--this); } .other { fill: var(--other); background: var(--other); }
    .stage { fill: var(--stage); background: var(--stage); }
    .table-wrap { overflow-x: auto; margin: 6px 0 14px; }
    table { border-collapse: collapse; font-size: 13px; min-width: 50%; }
    th, td { padding: 5px 12px 5px 0; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
    th { color: var(--muted); font-weight: 600; font-size: 12px; }
    td.num, th.num { text-align: right; padding-left: 12px; }
    .up { color: var(--status-send); } .down { color: var(--status-unreachable); }
    ul.reasons { margin: 4px 0 12px; padding-left: 20px; font-size: 13px; }
    ul.reasons li { overflow-wrap: anywhere; }
    .playbook { border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
    .statement { display: grid; grid-template-columns: minmax(0, 1fr) 230px; border-top: 1px solid var(--line); }
    .statement:first-child { border-top: 0; }
    .statement.text { grid-template-columns: minmax(0, 1fr); }
    .statement pre { margin: 0; padding: 8px 12px; overflow-x: auto; min-width: 0; }
    .statement.rule { background: var(--card); }
    .statement aside { padding: 8px 12px; font-size: 12px; border-left: 1px solid var(--line); }
    .statement aside b { font-size: 13px; }
    footer { margin-top: 36px; padding-top: 12px; border-top: 1px solid var(--line); }
    @media (max-width: 640px) {
      main { padding: 18px 12px 28px; }
      h1 { font-size: 24px; }
      .cards { grid-template-columns: minmax(0, 1fr); }
      .statement, .split { grid-template-columns: minmax(0, 1fr); }
      .statement aside { border-left: 0; border-top: 1px dashed var(--line); }
      .kpi .number { font-size: 22px; }
      .card { padding: 12px 12px 6px; }
      table { font-size: 12px; }
      th, td { padding-right: 6px; }
      td.num, th.num { padding-left: 6px; }
      .statement pre { white-space: pre-wrap; overflow-wrap: anywhere; }
    }
    @media print {
      :root {
        color-scheme: light;
        --bg: #fff; --fg: #000; --muted: #444; --card: #fff; --line: #bbb; --grid: #ddd;
      }
      body { font-size: 11pt; }
      main { max-width: none; padding: 0; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      section, .card, .chart, .statement, tr { break-inside: avoid; }
      h2 { break-after: avoid; }
      .table-wrap, .statement pre { overflow: visible; }
      .statement pre { white-space: pre-wrap; }
    }
    """
}
