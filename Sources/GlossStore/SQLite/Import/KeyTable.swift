/// The content keys an import added since its last sorted run was cut: key → item, in one
/// open-addressing table of fixed size (linear probing; the keys are uniform hashes, so
/// their low bits are the slot). An item id of 0 marks an empty slot (item ids start at 1).
/// It starts small and doubles while more than half full, up to `maximumSlots`, the power
/// of two that keeps `capacity` entries at most about 53% full.
struct KeyTable {
    private var keys: [Int64]
    private var items: [Int64]
    private var mask: Int
    private(set) var count = 0
    /// At most this many entries.
    let capacity: Int
    private let maximumSlots: Int

    init(capacity: Int) {
        self.capacity = capacity
        var slots = 2
        while slots * 10 < capacity * 19 { slots <<= 1 }
        maximumSlots = slots
        let initial = min(1024, maximumSlots)
        keys = [Int64](repeating: 0, count: initial)
        items = [Int64](repeating: 0, count: initial)
        mask = initial - 1
    }

    func item(of key: Int64) -> Int64? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while items[slot] != 0 {
            if keys[slot] == key { return items[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds a key that is not in the table.
    mutating func insert(_ key: Int64, item: Int64) {
        precondition(item != 0 && count < capacity)
        if 2 * (count + 1) > mask + 1, mask + 1 < maximumSlots { grow() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while items[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        items[slot] = item
        count += 1
    }

    private mutating func grow() {
        let (oldKeys, oldItems) = (keys, items)
        let slots = 2 * (mask + 1)
        keys = [Int64](repeating: 0, count: slots)
        items = [Int64](repeating: 0, count: slots)
        mask = slots - 1
        for index in oldItems.indices where oldItems[index] != 0 {
            var slot = Int(truncatingIfNeeded: oldKeys[index]) & mask
            while items[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            items[slot] = oldItems[index]
        }
    }

    /// Every entry, sorted by key, into `run` (emptied first); the table is left empty.
    mutating func drainSorted(into run: inout [(key: Int64, item: Int64)]) {
        run.removeAll(keepingCapacity: true)
        for slot in 0...mask where items[slot] != 0 {
            run.append((keys[slot], items[slot]))
            items[slot] = 0
        }
        count = 0
        run.sort { $0.key < $1.key }
    }
}
