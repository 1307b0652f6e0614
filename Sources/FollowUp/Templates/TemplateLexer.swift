/// Splits template source into tokens, reporting malformed tags with their position.
struct TemplateLexer {
    /// The file name used in errors.
    let file: String
    /// The template characters, line endings already normalised to "\n".
    let characters: [Character]
    /// The line number of the first character.
    let startLine: Int
    /// The column number of the first character.
    let startColumn: Int
    /// Problems found so far.
    private(set) var errors: [TemplateError] = []

    /// The longest tag echoed back in an error message.
    private static let snippetLimit = 40

    init(source: String, file: String, startLine: Int, startColumn: Int) {
        self.file = file
        self.characters = Array(source)
        self.startLine = startLine
        self.startColumn = startColumn
    }

    /// Reads every token; malformed tags become `.invalid` tokens plus an entry in `errors`.
    mutating func tokenize() -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        var text = ""
        var index = 0
        var line = startLine
        var column = startColumn
        let count = characters.count

        func isPair(_ at: Int, _ character: Character) -> Bool {
            at + 1 < count && characters[at] == character && characters[at + 1] == character
        }

        while index < count {
            let character = characters[index]
            if character == "{" && isPair(index, "{") {
                if !text.isEmpty {
                    tokens.append(.text(text))
                    text = ""
                }
                let tagLine = line
                let tagColumn = column
                let contentStart = index + 2
                let isComment = firstNonBlank(from: contentStart) == "!"
                var end = contentStart
                var closed = false
                while end < count {
                    if isPair(end, "}") {
                        closed = true
                        break
                    }
                    if !isComment && (characters[end] == "\n" || isPair(end, "{")) {
                        break
                    }
                    end += 1
                }
                if !closed {
                    let snippet = String(characters[index..<min(end, index + Self.snippetLimit)])
                    report(tagLine, tagColumn, isComment
                        ? "unclosed comment `\(snippet)`: end it with `}}`"
                        : "unclosed tag `\(snippet)`: add `}}` on the same line")
                    tokens.append(.invalid)
                    // Skip the `{{` and its unterminated content; resume at the newline or next `{{`.
                    column += end - index
                    index = end
                    continue
                }
                let content = String(characters[contentStart..<end])
                for consumed in characters[index..<(end + 2)] {
                    if consumed == "\n" {
                        line += 1
                        column = 1
                    } else {
                        column += 1
                    }
                }
                index = end + 2
                tokens.append(classify(content, line: tagLine, column: tagColumn))
                continue
            }
            text.append(character)
            index += 1
            if character == "\n" {
                tokens.append(.text(text))
                text = ""
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        if !text.isEmpty {
            tokens.append(.text(text))
        }
        return tokens
    }

    /// The first character at or after `start` that is not a space or tab.
    private func firstNonBlank(from start: Int) -> Character? {
        var index = start
        while index < characters.count {
            let character = characters[index]
            if character != " " && character != "\t" {
                return character
            }
            index += 1
        }
        return nil
    }

    /// Turns the text between `{{` and `}}` into a token.
    private mutating func classify(_ raw: String, line: Int, column: Int) -> TemplateToken {
        let content = raw.trimmingBlanks()
        if content.isEmpty {
            report(line, column, "empty tag `{{\(raw)}}`: write a field name such as `{{first_name}}`, or remove it")
            return .invalid
        }
        if content.hasPrefix("!") {
            return .comment
        }
        if content.hasPrefix("#") {
            let rest = content.dropFirst()
            let keyword = rest.prefix { $0 != " " && $0 != "\t" }
            guard keyword == "if" else {
                report(line, column, "unknown block `{{\(content)}}`: the only block is `{{#if field}}…{{/if}}`")
                return .invalid
            }
            let argument = String(rest.dropFirst(keyword.count)).trimmingBlanks()
            // A broken `{{#if …}}` still opens a block, so its `{{/if}}` is not reported as unmatched too.
            let placeholder = TemplateToken.ifOpen(TemplateName(name: "", isBuiltin: false), line: line, column: column)
            if argument.isEmpty {
                report(line, column, "`{{#if}}` needs a field name, e.g. `{{#if company}}`")
                return placeholder
            }
            if argument.contains("|") {
                report(line, column, "`{{#if \(argument)}}` cannot have a fallback; write `{{#if field}}`")
                return placeholder
            }
            guard let name = resolveName(argument, line: line, column: column) else { return placeholder }
            return .ifOpen(name, line: line, column: column)
        }
        if content.hasPrefix("/") {
            let rest = String(content.dropFirst()).trimmingBlanks()
            guard rest == "if" else {
                report(line, column, "unknown closing tag `{{\(content)}}`: only `{{/if}}` closes a block")
                return .invalid
            }
            return .ifClose(line: line, column: column)
        }
        if content == "else" {
            return .elseTag(line: line, column: column)
        }
        var namePart = content
        var fallback: String? = nil
        if let bar = content.firstIndex(of: "|") {
            namePart = String(content[..<bar])
            fallback = String(content[content.index(after: bar)...]).trimmingBlanks()
        }
        guard let name = resolveName(namePart, line: line, column: column) else { return .invalid }
        return .value(name, fallback: fallback, line: line, column: column)
    }

    /// Normalises a tag name and checks built-in spellings; reports and returns nil when it is not usable.
    private mutating func resolveName(_ raw: String, line: Int, column: Int) -> TemplateName? {
        let trimmed = raw.trimmingBlanks()
        if trimmed.contains(".") {
            let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
            let name = parts.map { FieldName.normalize(String($0)) }.joined(separator: ".")
            guard Builtins.names.contains(name) else {
                report(line, column, unknownBuiltinMessage(trimmed, normalized: name))
                return nil
            }
            return TemplateName(name: name, isBuiltin: true)
        }
        let name = FieldName.normalize(trimmed)
        if name.isEmpty {
            report(line, column, "`{{\(trimmed)}}` is not a field name: use letters, digits, spaces, `-` or `_`")
            return nil
        }
        return TemplateName(name: name, isBuiltin: Builtins.names.contains(name))
    }

    /// "unknown built-in `x`" with the closest known name when one is near.
    private func unknownBuiltinMessage(_ written: String, normalized: String) -> String {
        var message = "unknown built-in `\(written)`"
        if let suggestion = EditDistance.closest(to: normalized, in: Builtins.names, maximum: 3) {
            message += ": did you mean `\(suggestion)`?"
        } else {
            message += "; built-ins are " + Builtins.names.map { "`\($0)`" }.joined(separator: ", ")
        }
        return message
    }

    /// Records one problem.
    private mutating func report(_ line: Int, _ column: Int, _ message: String) {
        errors.append(TemplateError(file: file, line: line, column: column, message: message))
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
