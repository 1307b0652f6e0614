extension Template {
    /// Renders for one prospect; values (not the template's own text) are HTML-escaped when `escapeHTML` is true.
    /// Throws every empty or missing field that has no fallback, each naming file:line:column, field and prospect.
    public func render(_ context: RenderContext, escapeHTML: Bool = false) throws(TemplateErrors) -> String {
        try render(context, escapeHTML: escapeHTML, singleLine: false)
    }

    /// Renders; with `singleLine`, a value holding CR or LF is an error (subjects are header lines).
    func render(_ context: RenderContext, escapeHTML: Bool, singleLine: Bool) throws(TemplateErrors) -> String {
        var output = ""
        var errors: [TemplateError] = []
        render(nodes, context, escapeHTML: escapeHTML, singleLine: singleLine, into: &output, errors: &errors)
        guard errors.isEmpty else { throw TemplateErrors(errors) }
        return LineEndings.normalize(output)
    }

    /// Appends the rendering of `nodes` to `output`; recursion depth is bounded by `TemplateParser.maximumDepth`+1.
    private func render(
        _ nodes: [TemplateNode], _ context: RenderContext, escapeHTML: Bool, singleLine: Bool,
        into output: inout String, errors: inout [TemplateError]
    ) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .value(let name, let fallback, let line, let column):
                let value = Self.lookup(name, in: context)
                if let value, !value.isEmpty {
                    if singleLine && LineEndings.hasLineBreak(value) {
                        errors.append(TemplateError(
                            file: file, line: line, column: column,
                            message: "\(Self.describe(name)) holds a line break for \(context.prospectEmail), "
                                + "and a subject must be one line: remove the line break from the data",
                            prospect: context.prospectEmail))
                        continue
                    }
                    output += escapeHTML ? HTMLEscaper.escape(value) : value
                } else if let fallback {
                    output += fallback
                } else {
                    let state = value == nil ? "missing" : "empty"
                    errors.append(TemplateError(
                        file: file, line: line, column: column,
                        message: "\(Self.describe(name)) is \(state) for \(context.prospectEmail) and has no fallback",
                        prospect: context.prospectEmail))
                }
            case .conditional(let name, let then, let otherwise):
                let value = Self.lookup(name, in: context)
                let branch = (value.map { !$0.isEmpty } ?? false) ? then : otherwise
                render(branch, context, escapeHTML: escapeHTML, singleLine: singleLine, into: &output, errors: &errors)
            }
        }
    }

    /// "field `x`" or "built-in `x`".
    private static func describe(_ name: TemplateName) -> String {
        name.isBuiltin ? "built-in `\(name.name)`" : "field `\(name.name)`"
    }

    /// The value trimmed of surrounding whitespace, nil when the field is absent.
    private static func lookup(_ name: TemplateName, in context: RenderContext) -> String? {
        let raw: String?
        if name.isBuiltin {
            raw = context.builtins.value(of: name.name)
        } else if let exact = context.fields[name.name] {
            raw = exact
        } else {
            raw = context.fields.first { FieldName.normalize($0.key) == name.name }?.value
        }
        return raw?.trimmingWhitespace()
    }
}

extension String {
    /// The string without leading and trailing whitespace, line breaks included.
    func trimmingWhitespace() -> String {
        // Fast path: printable ASCII at both ends means there is nothing to trim.
        if let head = utf8.first, let tail = utf8.last, head > 0x20, head < 0x7F, tail > 0x20, tail < 0x7F { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
