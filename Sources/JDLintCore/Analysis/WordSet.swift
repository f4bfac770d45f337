/// A set of word hashes (`Word.hash`) with open addressing: lookups cost a multiply and a probe or two, instead of
/// the SipHash round Swift's `Set<UInt64>` pays on every `contains` (measured: 14% of all instructions on the
/// corpus before this type existed).
public struct WordSet: Sendable, ExpressibleByArrayLiteral {
    @usableFromInline var slots: [UInt64]
    @usableFromInline var mask: Int
    @usableFromInline var hasZero = false
    public private(set) var count = 0

    public init(_ hashes: some Sequence<UInt64>) {
        let items = Array(hashes)
        var cap = 8
        // At most a quarter full: most lookups are misses, and a miss probes until an empty slot.
        while cap < items.count * 4 + 4 { cap <<= 1 }
        slots = [UInt64](repeating: 0, count: cap)
        mask = cap - 1
        for h in items { insert(h) }
    }

    public init(arrayLiteral elements: UInt64...) { self.init(elements) }

    /// A set of the hashes of these words (ASCII case-insensitive, as `Word.hash`).
    public init(words: [String]) { self.init(words.map { Word.hash($0) }) }
    public init(_ words: [String]) { self.init(words: words) }

    @inlinable public func contains(_ w: Word) -> Bool { contains(w.hash) }

    @inlinable static func slot(_ h: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: (h &* 0x9E3779B97F4A7C15) >> 32) & mask }

    public init() { self.init([UInt64]()) }

    /// Adds a hash (the table doubles when half full).
    public mutating func insert(_ h: UInt64) {
        if h == 0 { if !hasZero { hasZero = true; count += 1 }; return }
        if (count + 1) * 4 > slots.count {
            let old = slots
            slots = [UInt64](repeating: 0, count: old.count * 2)
            mask = slots.count - 1
            let zero = hasZero
            count = zero ? 1 : 0
            for k in old where k != 0 { insert(k) }
        }
        var i = WordSet.slot(h, mask)
        while slots[i] != 0 {
            if slots[i] == h { return }
            i = (i + 1) & mask
        }
        slots[i] = h
        count += 1
    }

    @inlinable public func contains(_ h: UInt64) -> Bool {
        if h == 0 { return hasZero }
        var i = WordSet.slot(h, mask)
        while true {
            let s = slots[i]
            if s == h { return true }
            if s == 0 { return false }
            i = (i + 1) & mask
        }
    }

    public var isEmpty: Bool { count == 0 }
}

/// A map from word hashes to values, with the same open addressing as `WordSet`.
public struct WordMap<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    @usableFromInline var keys: [UInt64]
    @usableFromInline var values: [Value?]
    @usableFromInline var mask: Int
    public private(set) var count = 0

    public init(_ pairs: some Sequence<(UInt64, Value)>) {
        let items = Array(pairs)
        var cap = 8
        while cap < items.count * 4 + 4 { cap <<= 1 }
        keys = [UInt64](repeating: 0, count: cap)
        values = [Value?](repeating: nil, count: cap)
        mask = cap - 1
        for (k, v) in items { self[k] = v }
    }

    public init() { self.init([(UInt64, Value)]()) }
    public init(dictionaryLiteral elements: (UInt64, Value)...) { self.init(elements) }

    @inlinable func find(_ k: UInt64) -> Int {
        var i = WordSet.slot(k, mask)
        while values[i] != nil && keys[i] != k { i = (i + 1) & mask }
        return i
    }

    public subscript(key: UInt64) -> Value? {
        get { values[find(key)] }
        set {
            guard let v = newValue else { return }  // removal is not needed by jdlint's tables
            if (count + 1) * 4 > keys.count { grow() }
            let i = find(key)
            if values[i] == nil { count += 1 }
            keys[i] = key
            values[i] = v
        }
    }

    public subscript(key: UInt64, default d: @autoclosure () -> Value) -> Value {
        get { self[key] ?? d() }
        set { self[key] = newValue }
    }

    mutating func grow() {
        let old = zip(keys, values).compactMap { k, v in v.map { (k, $0) } }
        var cap = keys.count * 2
        if cap < 8 { cap = 8 }
        keys = [UInt64](repeating: 0, count: cap)
        values = [Value?](repeating: nil, count: cap)
        mask = cap - 1
        count = 0
        for (k, v) in old { self[k] = v }
    }

    public var isEmpty: Bool { count == 0 }
}
