/// A parsed template: text with `{{field}}`, `{{field|fallback}}`, `{{#if}}` blocks, comments and built-ins.
public struct Template: Sendable, Equatable {
    /// The file name used in every error this template reports.
    public let file: String
    /// The parsed content.
    let nodes: [TemplateNode]
    /// Where the template's first character sits in `file`.
    let startLine: Int
    /// The column of the template's first character.
    let startColumn: Int

    /// Parses `source` (any line endings) as a whole template, reporting every malformed tag with file:line:column.
    public static func parse(_ source: String, file: String) throws(TemplateErrors) -> Template {
        try parse(source, file: file, startLine: 1, startColumn: 1)
    }

    /// Parses `source` whose first character sits at `startLine`:`startColumn` of `file`.
    static func parse(_ source: String, file: String, startLine: Int, startColumn: Int) throws(TemplateErrors) -> Template {
        var lexer = TemplateLexer(
            source: LineEndings.normalize(source), file: file, startLine: startLine, startColumn: startColumn)
        let tokens = lexer.tokenize()
        var parser = TemplateParser(file: file)
        let nodes = parser.parse(tokens)
        let errors = (lexer.errors + parser.errors).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        guard errors.isEmpty else { throw TemplateErrors(errors) }
        return Template(file: file, nodes: nodes, startLine: startLine, startColumn: startColumn)
    }

    /// The prospect field names (normalised, built-ins excluded) this template refers to anywhere, sorted.
    public var fieldNames: [String] {
        var names = Set<String>()
        func collect(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text:
                    break
                case .value(let name, _, _, _):
                    if !name.isBuiltin { names.insert(name.name) }
                case .conditional(let name, let then, let otherwise):
                    if !name.isBuiltin { names.insert(name.name) }
                    collect(then)
                    collect(otherwise)
                }
            }
        }
        collect(nodes)
        return names.sorted()
    }
}
