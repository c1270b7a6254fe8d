import Foundation
import PlayloopTestSupport
import Testing

@testable import PlaybookEngine

@Suite struct WorkspacePathTests {
  /// `folder/..` goes when `folder` is a real directory, stays after a symbolic link
  /// (whose `..` is its target's parent) or a missing folder, and paths above the start
  /// keep their `..`.
  @Test func joinedPathsAreTidiedOnlyWhereThatNamesTheSameFile() throws {
    let folder = try ScratchFolder("paths")
    defer { folder.remove() }
    let root = folder.path
    let files = FileManager.default
    try files.createDirectory(atPath: root + "/Playbooks", withIntermediateDirectories: true)
    try files.createDirectory(atPath: root + "/elsewhere/deep", withIntermediateDirectories: true)
    try files.createSymbolicLink(atPath: root + "/linked", withDestinationPath: root + "/elsewhere/deep")

    #expect(Workspace.resolve("../Examples/data/x.csv", against: root + "/Playbooks") == root + "/Examples/data/x.csv")
    #expect(Workspace.resolve("./a/./b.csv", against: root + "/Playbooks") == root + "/Playbooks/a/b.csv")
    #expect(Workspace.resolve("../x.csv", against: root + "/linked") == root + "/linked/../x.csv")
    #expect(Workspace.resolve("../x.csv", against: root + "/missing") == root + "/missing/../x.csv")
    #expect(Workspace.resolve("../../x.csv", against: ".") == "../../x.csv")
    #expect(Workspace.resolve("/abs/../x.csv", against: root) == "/abs/../x.csv")
    #expect(Workspace.resolve("data.csv", against: ".") == "data.csv")
  }
}
