/// A parsed piece of a template: literal text, a value to insert, or a conditional block.
indirect enum TemplateNode: Sendable, Equatable {
    /// Literal text copied as written.
    case text(String)
    /// `{{name}}` or `{{name|fallback}}` found at `line`:`column`.
    case value(TemplateName, fallback: String?, line: Int, column: Int)
    /// `{{#if name}}…{{else}}…{{/if}}`.
    case conditional(TemplateName, then: [TemplateNode], otherwise: [TemplateNode])
}

/// A normalised name used in a tag, and whether it refers to a built-in or a prospect field.
struct TemplateName: Sendable, Equatable, Hashable {
    /// The normalised name, e.g. `first_name` or `sender.name`.
    var name: String
    /// True for `sender.*`, `step`, `steps_total`, `attempts`, `days_since_first`, `unsubscribe_line`.
    var isBuiltin: Bool
}
