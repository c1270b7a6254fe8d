import Foundation
import MCP
import PlaybookLanguage

/// What `playloop mcp` lets an agent read: the playbook it serves and the language reference.
enum PlaybookResource: CaseIterable {
  case playbook, language

  var uri: String {
    switch self {
    case .playbook: "playloop://playbook"
    case .language: "playloop://docs/language"
    }
  }

  /// The resources there are: the playbook only when the server was started with one.
  static func available(playbook: String?) -> [PlaybookResource] {
    allCases.filter { $0 != .playbook || playbook != nil }
  }

  var resource: Resource {
    switch self {
    case .playbook:
      Resource(
        name: "playbook", uri: uri, description: "The text of the playbook the server was started with.",
        mimeType: "text/plain")
    case .language:
      Resource(
        name: "language", uri: uri,
        description: "The playbook language's reference: every statement and construct, with examples "
          + "(docs/LANGUAGE.md).",
        mimeType: "text/markdown")
    }
  }

  func contents(playbook: String?) throws -> Resource.Content {
    switch self {
    case .playbook:
      guard let playbook else { throw MCPError.invalidParams("the server was started without a playbook") }
      return .text(try String(contentsOfFile: playbook, encoding: .utf8), uri: uri, mimeType: "text/plain")
    case .language:
      return .text(LanguageReference.markdown, uri: uri, mimeType: "text/markdown")
    }
  }
}
