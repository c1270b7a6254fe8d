import Foundation

/// The machine the figures were taken on: it is shared, so its load is part of the result.
struct MachineInfo: Sendable {
  var cores: Int
  var memoryBytes: Int?
  var cpu: String?
  var loadAverage: String?

  static func current() -> MachineInfo {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
      .flatMap { $0.split(separator: ":", maxSplits: 1).last }
      .map { $0.trimmingCharacters(in: .whitespaces) }
    return MachineInfo(
      cores: ProcessInfo.processInfo.activeProcessorCount,
      memoryBytes: Int(exactly: ProcessInfo.processInfo.physicalMemory), cpu: model,
      loadAverage: loadAverage())
  }

  static func loadAverage() -> String? {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
      .split(separator: " ").prefix(3).joined(separator: " ")
  }
}

/// Prints results as a table for people or JSON for programs.
enum Report {
  static func text(_ result: SizeResult) -> String {
    var lines = [
      "\(grouped(result.customers)) customers, \(String(format: "%.0f", Double(result.dataBytes) / 1e6)) MB of data; "
        + "\(grouped(result.candidates)) candidates, \(grouped(result.decisions)) decisions; load average \(MachineInfo.loadAverage() ?? "?")",
      pad("phase", 32) + lpad("ms", 10) + lpad("throughput", 24) + lpad("peak MB", 10) + lpad("heap MB", 10)
        + lpad("allocs", 12) + lpad("alloc MB", 10),
    ]
    for f in result.figures {
      let throughput = f.throughput.map { "\(grouped(Int($0.rounded()))) \(f.unit ?? "")" } ?? ""
      let heap = f.cost.heapBytes.map { megabytes($0) } ?? ""
      lines.append(
        pad(f.phase, 32) + lpad(String(format: "%.1f", f.cost.milliseconds), 10) + lpad(throughput, 24)
          + lpad(megabytes(f.cost.peakBytes), 10) + lpad(heap, 10)
          + lpad(f.cost.allocations.map(grouped) ?? "", 12) + lpad(f.cost.allocatedBytes.map(megabytes) ?? "", 10))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func json(_ results: [SizeResult], machine: MachineInfo) -> String {
    var root: [String: Any] = ["cores": machine.cores]
    root["memory_bytes"] = machine.memoryBytes
    root["cpu"] = machine.cpu
    root["load_average"] = machine.loadAverage
    root["sizes"] = results.map { r -> [String: Any] in
      [
        "customers": r.customers, "data_bytes": r.dataBytes, "candidates": r.candidates,
        "decisions": r.decisions,
        "phases": r.figures.map { f -> [String: Any] in
          var phase: [String: Any] = [
            "phase": f.phase, "ms": (f.cost.milliseconds * 10).rounded() / 10, "peak_bytes": f.cost.peakBytes,
          ]
          phase["heap_bytes"] = f.cost.heapBytes
          phase["allocations"] = f.cost.allocations
          phase["allocated_bytes"] = f.cost.allocatedBytes
          if let t = f.throughput, let unit = f.unit {
            phase["throughput"] = t.rounded()
            phase["unit"] = unit
          }
          return phase
        },
      ]
    }
    let data = (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  private static func megabytes(_ bytes: Int) -> String { String(format: "%.0f", Double(bytes) / 1e6) }
  private static func pad(_ s: String, _ n: Int) -> String {
    s.padding(toLength: max(n, s.count), withPad: " ", startingAt: 0)
  }
  private static func lpad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }

  static func grouped(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (i, c) in digits.reversed().enumerated() {
      if i > 0, i % 3 == 0, c != "-" { out.append(",") }
      out.append(c)
    }
    return String(out.reversed())
  }
}
