import Foundation

/// `map` over independent items on every core (Dispatch's `concurrentPerform`), results in
/// the items' order. For pure work on values only: nothing shared is touched.
enum ParallelMap {
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = Slots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.store(transform(items[index]), at: index)
        }
        return slots.values
    }

    /// One slot per item, each written by exactly one iteration, read after all have ended.
    /// A buffer allocated once, not an array: concurrent writes to a Swift array's elements
    /// would be overlapping accesses to the array.
    private final class Slots<Value>: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<Value?>
        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }
        deinit {
            storage.deinitialize()
            storage.deallocate()
        }
        func store(_ value: Value, at index: Int) { storage[index] = value }
        var values: [Value] { storage.map { $0! } }
    }
}
