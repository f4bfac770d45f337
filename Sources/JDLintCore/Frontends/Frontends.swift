/// Format front ends: each turns a file into `Prose` (text blocks mapped back to exact source bytes, fields,
/// suppression comments).
public enum Frontends {
    /// Extracts the prose and structure of a document according to its format.
    public static func extract(_ document: Document) -> Prose {
        var prose = Prose()
        let input = MappedBytes(identity: document.bytes)
        switch document.format {
        case .text: TextFrontend.parse(input, into: &prose)
        case .markdown: MarkdownFrontend.parse(input, into: &prose)
        case .html: HTMLFrontend.parse(input, into: &prose)
        case .jsonld: JSONLDFrontend.parse(input, into: &prose)
        }
        return prose
    }
}
