import Foundation
import PlayloopTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Proves the process runner every end-to-end test uses, with small system programs.
@Suite struct ChildProcessTests {
  /// A child filling the stderr pipe before it writes stdout would block forever under
  /// a runner that read stdout to its end first.
  @Test func aChildWritingMuchToBothPipesFinishes() throws {
    let child = try ChildProcess.run(
      "/bin/sh", ["-c", "head -c 1000000 /dev/zero | tr '\\0' e >&2; head -c 300000 /dev/zero | tr '\\0' o"],
      deadline: 20)
    #expect(!child.timedOut)
    #expect(child.status == 0)
    #expect(child.stderr.utf8.count == 1_000_000)
    #expect(child.stdout.utf8.count == 300_000)
  }

  @Test func inputGoesToStdinAndTheEnvironmentIsLaidOver() throws {
    let child = try ChildProcess.run(
      "/bin/sh", ["-c", "cat; echo \" $GREETING $HOME\""], environment: ["GREETING": "hello"],
      input: "typed")
    #expect(child.stdout == "typed hello \(ProcessInfo.processInfo.environment["HOME"] ?? "")\n")
    let bare = try ChildProcess.run(
      "/bin/sh", ["-c", "echo \"${HOME:-none}\""], environment: ["PATH": "/usr/bin:/bin"],
      inheritingEnvironment: false)
    #expect(bare.stdout == "none\n")
  }

  @Test func aWedgedChildIsKilledAtTheDeadline() throws {
    let child = try ChildProcess.run("/bin/sleep", ["30"], deadline: 0.2)
    #expect(child.timedOut)
    #expect(child.status == 128 + SIGKILL)
  }

  @Test func exitStatusAndSignalsReadAsAShellSaysThem() throws {
    #expect(try ChildProcess.run("/bin/sh", ["-c", "exit 3"]).status == 3)
    // Sent at once, even before the child has started the program: a signal is held
    // until then, not lost.
    let child = try ChildProcess("/bin/sleep", ["30"])
    child.signal(SIGTERM)
    #expect(child.wait() == 128 + SIGTERM)
    #expect(!child.timedOut)
  }

  @Test func aMissingProgramSaysItIsNotBuilt() {
    #expect(throws: ChildProcess.NotBuilt.self) {
      try ChildProcess(BuiltProduct.path("no-such-product"))
    }
    #expect(FileManager.default.isExecutableFile(atPath: BuiltProduct.playloop))
    #expect(FileManager.default.isExecutableFile(atPath: BuiltProduct.playloopData))
  }
}
