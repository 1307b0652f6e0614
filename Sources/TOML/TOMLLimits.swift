/// Bounds that keep hostile input from exhausting the stack.
enum TOMLLimits {
    /// Deepest allowed nesting of tables, arrays and dotted key parts, counted from the root.
    static let maxDepth = 128
}
