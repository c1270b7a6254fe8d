/// libFuzzer's entry point: the input is a JSON Lines file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  readTable(data, size, format: .jsonLines)
  return 0
}
