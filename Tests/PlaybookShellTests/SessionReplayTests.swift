import Foundation
import PlayloopTestSupport
import Testing

/// Replays `Examples/sessions/*.txt` through a pipe into the real binary and compares
/// stdout, stderr and the exit status with the recorded `.out` and `.err`.
@Suite(.serialized) struct SessionReplayTests {
  static let folder = Repository.sessions

  static let sessions: [String] = {
    (try? Repository.files(in: "Examples/sessions", ending: ".txt")) ?? []
  }()

  @Test func thereAreSessionsToReplay() {
    #expect(Self.sessions.contains("tour"))
    #expect(Self.sessions.contains("typo"))
  }

  @Test(arguments: sessions) func replay(_ name: String) throws {
    let script = try String(contentsOfFile: "\(Self.folder)/\(name).txt", encoding: .utf8)
    let result = try ChildProcess.playloopScript(script)
    let outPath = "\(Self.folder)/\(name).out"
    let errPath = "\(Self.folder)/\(name).err"
    if ProcessInfo.processInfo.environment["RECORD_SESSIONS"] != nil {
      try result.stdout.write(toFile: outPath, atomically: true, encoding: .utf8)
      if result.status != 0 {
        try result.stderr.write(toFile: errPath, atomically: true, encoding: .utf8)
      }
      return
    }
    let expectedOut = try String(contentsOfFile: outPath, encoding: .utf8)
    let expectedErr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    #expect(Self.normalized(result.stdout) == Self.normalized(expectedOut))
    #expect(result.stderr == expectedErr)
    #expect(result.status == (expectedErr.isEmpty ? 0 : 1))
  }

  /// Timings vary from run to run: `12 ms` reads `N ms`.
  static func normalized(_ text: String) -> String {
    text.replacingOccurrences(of: #"\b\d+ ms\b"#, with: "N ms", options: .regularExpression)
  }
}
