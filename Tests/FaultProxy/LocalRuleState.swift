/// Per-connection occurrence counters, owned by one relay thread.
struct LocalRuleState {
    var counts: [Int: Int] = [:]
    var fired: Set<Int> = []
}
