@testable import FollowUp
import Testing

@Suite("Maps on every core")
struct BackgroundMapTests {
    @Test("outputs come in the order of submission, whatever thread did each part")
    func order() {
        let map = BackgroundMap { (number: Int) in number * 2 }
        for start in stride(from: 0, to: 1_000, by: 70) { map.submit(Array(start..<min(start + 70, 1_000))) }
        map.submit([])
        #expect(map.results() == (0..<1_000).map { $0 * 2 })
        #expect(ConcurrentMap.map(Array(0..<1_000)) { $0 + 1 } == Array(1...1_000))
    }

    @Test("results does the queued work itself when no thread ever starts it, instead of waiting for it", .timeLimit(.minutes(1)))
    func neverStarted() {
        // A pool whose every thread is busy waiting (as a test runner's can be under libfaketime)
        // never starts the parts: waiting for them would hang, and the time limit would fail.
        let map = BackgroundMap({ (number: Int) in number * 3 }, startingWith: { _ in })
        map.submit(Array(0..<10))
        map.submit(Array(10..<20))
        #expect(map.results() == (0..<20).map { $0 * 3 })
    }

    @Test("32 maps finished at once from the pool's own threads each give every output", .timeLimit(.minutes(1)))
    func noStarvation() async {
        // More maps than the pool has threads, each finished from a pool thread while its queued
        // parts wait for a free one: waiting for them would hang (and the time limit would fail).
        let sums = await withTaskGroup(of: Int.self, returning: [Int].self) { group in
            for map in 0..<32 {
                group.addTask {
                    let background = BackgroundMap { (number: Int) in number + map }
                    background.submit(Array(0..<500))
                    background.submit(Array(500..<1_000))
                    return background.results().reduce(0, +)
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(sums.sorted() == (0..<32).map { 499_500 + 1_000 * $0 })
    }
}
