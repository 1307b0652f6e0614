/// Matches `{{#if}}`, `{{else}}` and `{{/if}}` tokens into a tree, reporting every mismatch.
struct TemplateParser {
    /// The deepest `{{#if}}` nesting accepted.
    static let maximumDepth = 32

    /// The file name used in errors.
    let file: String
    /// Problems found so far.
    private(set) var errors: [TemplateError] = []

    init(file: String) {
        self.file = file
    }

    /// An open `{{#if}}` waiting for its `{{/if}}`.
    private struct Frame {
        var name: TemplateName
        var line: Int
        var column: Int
        var then: [TemplateNode] = []
        var otherwise: [TemplateNode] = []
        var inElse = false

        mutating func append(_ node: TemplateNode) {
            if inElse { otherwise.append(node) } else { then.append(node) }
        }
    }

    /// Builds the node tree from `tokens`, after dropping the lines that hold only a block or comment tag.
    mutating func parse(_ tokens: [TemplateToken]) -> [TemplateNode] {
        let tokens = Self.removingStandaloneLines(tokens)
        var root: [TemplateNode] = []
        var stack: [Frame] = []

        func append(_ node: TemplateNode) {
            if stack.isEmpty {
                root.append(node)
            } else {
                stack[stack.count - 1].append(node)
            }
        }

        for token in tokens {
            switch token {
            case .text(let text):
                append(.text(text))
            case .value(let name, let fallback, let line, let column):
                append(.value(name, fallback: fallback, line: line, column: column))
            case .comment, .invalid:
                break
            case .ifOpen(let name, let line, let column):
                if stack.count == Self.maximumDepth {
                    report(line, column, "`{{#if}}` blocks are nested deeper than \(Self.maximumDepth) levels")
                }
                stack.append(Frame(name: name, line: line, column: column))
            case .elseTag(let line, let column):
                guard let top = stack.last else {
                    report(line, column, "`{{else}}` outside any `{{#if}}` block")
                    continue
                }
                if top.inElse {
                    report(line, column, "second `{{else}}` in the `{{#if \(top.name.name)}}` opened at \(top.line):\(top.column)")
                } else {
                    stack[stack.count - 1].inElse = true
                }
            case .ifClose(let line, let column):
                guard let top = stack.popLast() else {
                    report(line, column, "`{{/if}}` without a matching `{{#if}}`")
                    continue
                }
                append(.conditional(top.name, then: top.then, otherwise: top.otherwise))
            }
        }
        for frame in stack {
            report(frame.line, frame.column, "`{{#if \(frame.name.name)}}` is never closed: add `{{/if}}`")
        }
        return root
    }

    /// Drops the surrounding blanks and the line break of every line that holds exactly one block or comment tag
    /// and nothing else, so such tags do not leave empty lines behind.
    static func removingStandaloneLines(_ tokens: [TemplateToken]) -> [TemplateToken] {
        var result: [TemplateToken] = []
        result.reserveCapacity(tokens.count)
        var lineTokens: [TemplateToken] = []

        func flushLine() {
            var tagCount = 0
            var standalone = true
            for token in lineTokens {
                switch token {
                case .text(let text):
                    if !text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) { standalone = false }
                default:
                    if token.isStandaloneCandidate { tagCount += 1 } else { standalone = false }
                }
            }
            if standalone && tagCount == 1 {
                result.append(contentsOf: lineTokens.filter { token in
                    if case .text = token { return false }
                    return true
                })
            } else {
                result.append(contentsOf: lineTokens)
            }
            lineTokens.removeAll(keepingCapacity: true)
        }

        for token in tokens {
            lineTokens.append(token)
            if case .text(let text) = token, text.hasSuffix("\n") {
                flushLine()
            }
        }
        flushLine()
        return result
    }

    /// Records one problem.
    private mutating func report(_ line: Int, _ column: Int, _ message: String) {
        errors.append(TemplateError(file: file, line: line, column: column, message: message))
    }
}
