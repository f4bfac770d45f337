enum EmbeddedRules { static let files: [String: String] = [:] }
