/// One step of a sequence: an optional subject, a plain-text body and an optional HTML twin.
public struct StepTemplate: Sendable, Equatable {
    /// The plain-text template's file name, used in errors.
    public var file: String
    /// The subject template, or nil when the step replies in the thread.
    public var subject: Template?
    /// The plain-text body template.
    public var body: Template
    /// The HTML twin's body template, if there is one.
    public var html: Template?

    /// The header keys a template file may set.
    public static let headerKeys: [String] = ["subject"]

    /// Creates a step from parsed parts.
    public init(file: String, subject: Template?, body: Template, html: Template?) {
        self.file = file
        self.subject = subject
        self.body = body
        self.html = html
    }

    /// The HTML twin's file name for `file`: `02-follow-up.txt` -> `02-follow-up.html`, otherwise `file` + `.html`.
    public static func htmlTwinName(for file: String) -> String {
        file.hasSuffix(".txt") ? String(file.dropLast(4)) + ".html" : file + ".html"
    }

    /// Loads a step file (`key: value` header lines, a `---` line, the body) and its optional HTML twin (body only),
    /// reporting every problem in both with file:line:column.
    public static func load(text: String, file: String, htmlText: String?) throws(TemplateErrors) -> StepTemplate {
        var errors: [TemplateError] = []
        let lines = LineEndings.normalize(text.droppingByteOrderMark())
            .split(separator: "\n", omittingEmptySubsequences: false)
        guard let separator = lines.firstIndex(where: { String($0).trimmingWhitespace() == "---" }) else {
            throw TemplateErrors([TemplateError(
                file: file, line: 1, column: 1,
                message: "no `---` line: a template starts with header lines such as `subject: …`, "
                    + "then a line `---`, then the body")])
        }
        var subject: Template? = nil
        var seen: [String: Int] = [:]
        for (offset, rawLine) in lines[..<separator].enumerated() {
            let lineNumber = offset + 1
            let line = String(rawLine)
            if line.trimmingWhitespace().isEmpty { continue }
            guard let colon = line.firstIndex(of: ":") else {
                errors.append(TemplateError(
                    file: file, line: lineNumber, column: 1,
                    message: "header line `\(line)` is not `key: value`; end the header with a line `---`"))
                continue
            }
            let key = String(line[..<colon]).trimmingBlanks().lowercased()
            guard headerKeys.contains(key) else {
                errors.append(TemplateError(
                    file: file, line: lineNumber, column: 1,
                    message: "unknown header `\(key)`; known headers: "
                        + headerKeys.map { "`\($0)`" }.joined(separator: ", ")))
                continue
            }
            if let first = seen[key] {
                errors.append(TemplateError(
                    file: file, line: lineNumber, column: 1,
                    message: "`\(key):` is set twice; the first one is on line \(first)"))
                continue
            }
            seen[key] = lineNumber
            let afterColon = line[line.index(after: colon)...]
            let leading = afterColon.prefix { $0 == " " || $0 == "\t" }
            let value = String(afterColon.dropFirst(leading.count)).trimmingBlanks()
            if value.isEmpty {
                errors.append(TemplateError(
                    file: file, line: lineNumber, column: 1,
                    message: "`subject:` is empty; remove the line to reply in the previous message's thread"))
                continue
            }
            let column = line.distance(from: line.startIndex, to: colon) + 2 + leading.count
            do {
                subject = try Template.parse(value, file: file, startLine: lineNumber, startColumn: column)
            } catch {
                errors += error.errors
            }
        }
        let bodySource = lines[(separator + 1)...].joined(separator: "\n")
        var body: Template? = nil
        do {
            body = try Template.parse(bodySource, file: file, startLine: separator + 2, startColumn: 1)
        } catch {
            errors += error.errors
        }
        var html: Template? = nil
        if let htmlText {
            do {
                html = try Template.parse(htmlText.droppingByteOrderMark(), file: htmlTwinName(for: file))
            } catch {
                errors += error.errors
            }
        }
        guard errors.isEmpty, let body else { throw TemplateErrors(errors) }
        return StepTemplate(file: file, subject: subject, body: body, html: html)
    }

    /// Renders subject, text and HTML for one prospect, reporting every problem in all three at once.
    public func render(_ context: RenderContext) throws(TemplateErrors) -> RenderedStep {
        var errors: [TemplateError] = []
        var renderedSubject: String? = nil
        if let subject {
            do {
                let line = try subject.render(context, escapeHTML: false, singleLine: true).trimmingWhitespace()
                if line.isEmpty {
                    errors.append(TemplateError(
                        file: file, line: subject.startLine, column: subject.startColumn,
                        message: "the subject renders empty for \(context.prospectEmail)",
                        prospect: context.prospectEmail))
                }
                renderedSubject = line
            } catch {
                errors += error.errors
            }
        }
        var text = ""
        do {
            text = try body.render(context, escapeHTML: false)
        } catch {
            errors += error.errors
        }
        var renderedHTML: String? = nil
        if let html {
            do {
                renderedHTML = try html.render(context, escapeHTML: true)
            } catch {
                errors += error.errors
            }
        }
        guard errors.isEmpty else { throw TemplateErrors(errors) }
        return RenderedStep(subject: renderedSubject, text: text, html: renderedHTML)
    }
}

extension String {
    /// The string without a leading U+FEFF byte-order mark.
    func droppingByteOrderMark() -> String {
        hasPrefix("\u{FEFF}") ? String(dropFirst()) : self
    }
}
