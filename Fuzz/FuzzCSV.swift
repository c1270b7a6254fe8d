/// libFuzzer's entry point: the input is a CSV file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  readTable(data, size, format: .csv)
  return 0
}
