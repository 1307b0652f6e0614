/// Remembers which keys of one table a reader asked for, shared by all copies of that reader.
final class TOMLKeyTracker {
    /// Keys asked for, whether or not they were present.
    var asked: Set<String> = []
    /// Trackers of child tables, by the child's path, so that reading a child twice shares one tracker.
    private var children: [String: TOMLKeyTracker] = [:]

    func child(_ path: String) -> TOMLKeyTracker {
        if let existing = children[path] { return existing }
        let tracker = TOMLKeyTracker()
        children[path] = tracker
        return tracker
    }
}
