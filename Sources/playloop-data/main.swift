// playloop-data: deterministic example and benchmark data for Playloop.
import PlaybookLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let usage = """
  usage: playloop-data --customers N --seed S --out DIR [--as-of TIMESTAMP] [--flaws]
                       [--messy-headers]

  Writes customers.csv, tickets.csv, orders.csv and calls.jsonl to DIR: about 5 tickets,
  2 orders and 1 call per customer, in the 120 days before --as-of (default
  2026-11-01T00:00:00Z). The same options always give the same bytes. The first 20
  customers are scripted personas (see Examples/README.md). --flaws adds a few bad rows
  (a ticket of a missing customer, a wrong field count, a bad number, cut-off JSON).
  --messy-headers writes the same data as a spreadsheet export would: headers such as
  "Customer ID" and "Total Charges", `;` between fields, customers.csv in Latin-1, `NA`
  for a missing csat, ticket times as 2026/07/04 00:49:17 (see Examples/messy).
  """

func parseOptions(_ arguments: [String]) throws(GeneratorError) -> DataGenerator.Options {
  var options = DataGenerator.Options(
    customers: -1, seed: 0, outputFolder: "", clock: 0, flaws: false, messyHeaders: false)
  var clock = "2026-11-01T00:00:00Z"
  var seedGiven = false
  var i = 0
  func value() throws(GeneratorError) -> String {
    i += 1
    guard i < arguments.count else { throw .usage("\(arguments[i - 1]) needs a value") }
    return arguments[i]
  }
  while i < arguments.count {
    switch arguments[i] {
    case "--customers":
      guard let n = Int(try value()), n > 0 else {
        throw .usage("--customers needs a positive number")
      }
      options.customers = n
    case "--seed":
      guard let s = UInt64(try value()) else { throw .usage("--seed needs a whole number") }
      options.seed = s
      seedGiven = true
    case "--out": options.outputFolder = try value()
    case "--as-of": clock = try value()
    case "--flaws": options.flaws = true
    case "--messy-headers": options.messyHeaders = true
    case "-h", "--help":
      print(usage)
      exit(0)
    default: throw .usage("unknown option \(arguments[i])")
    }
    i += 1
  }
  guard options.customers > 0, seedGiven, !options.outputFolder.isEmpty else {
    throw .usage("--customers, --seed and --out are required")
  }
  // A flawed row (a field too many) has no place in a rewrite column by column.
  if options.flaws, options.messyHeaders { throw .usage("--flaws and --messy-headers do not go together") }
  guard let seconds = Timestamp.parse(clock).map({ Int($0.seconds) }) else {
    throw .usage("--as-of: expected 2026-11-01 or 2026-11-01T00:00:00Z, got \(clock)")
  }
  options.clock = seconds
  return options
}

/// Creates `path` and its missing parents.
func makeFolder(_ path: String) throws(GeneratorError) {
  var prefix = path.hasPrefix("/") ? "/" : ""
  for part in path.split(separator: "/") {
    prefix += part + "/"
    if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw .cannotWrite(path) }
  }
}

/// The size of the file at `path` in bytes.
func fileSize(_ path: String) -> Int {
  var info = stat()
  return stat(path, &info) == 0 ? Int(info.st_size) : 0
}

func monotonicSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

do {
  let options = try parseOptions(Array(CommandLine.arguments.dropFirst()))
  try makeFolder(options.outputFolder)
  let start = monotonicSeconds()
  var generator = DataGenerator(options: options)
  var files = try generator.run()
  if options.messyHeaders {
    try MessyHeaders.rewrite(folder: options.outputFolder)
    files = files.map { ($0.0, $0.1, fileSize(options.outputFolder + "/" + $0.0)) }
  }
  let elapsed = monotonicSeconds() - start
  var total = 0
  for (name, rows, bytes) in files {
    total += bytes
    print("\(options.outputFolder)/\(name): \(rows) rows, \(bytes) bytes")
  }
  for note in generator.flawNotes { print("flaw: \(note)") }
  let megabytes = Double(total) / 1e6
  print("\(Int(megabytes.rounded())) MB in \(Int((elapsed * 1000).rounded())) ms")
} catch {
  let message = "playloop-data: \(error)\n\n\(usage)\n"
  _ = message.withCString { write(2, $0, strlen($0)) }
  exit(2)
}
