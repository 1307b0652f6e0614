/// Everything a template needs to render one message for one prospect.
public struct RenderContext: Sendable, Equatable {
    /// The prospect's address, used to name the prospect in render errors.
    public var prospectEmail: String
    /// The prospect's fields keyed by normalised name (see `FieldName.normalize`); keys are normalised again on use.
    public var fields: [String: String]
    /// The values of the built-in names for this message.
    public var builtins: Builtins

    /// Creates a context; `fields` keys are looked up after normalisation, so `"First Name"` works like `"first_name"`.
    public init(prospectEmail: String, fields: [String: String], builtins: Builtins) {
        self.prospectEmail = prospectEmail
        if fields.keys.allSatisfy(FieldName.isNormalizedASCII) {
            self.fields = fields  // already normalised (as the store and the CSV import keep them): no copy
        } else {
            var normalised: [String: String] = [:]
            for (key, value) in fields {
                normalised[FieldName.normalize(key)] = value
            }
            self.fields = normalised
        }
        self.builtins = builtins
    }
}
