/// Why the generator stopped.
enum GeneratorError: Error, CustomStringConvertible {
  case usage(String)
  case cannotWrite(String)

  var description: String {
    switch self {
    case .usage(let message): message
    case .cannotWrite(let path): "cannot write \(path)"
    }
  }
}
