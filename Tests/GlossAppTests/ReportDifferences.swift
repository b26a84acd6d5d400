import GlossCore

/// Where two values (reports) differ, walking their stored properties: every number but a
/// `Double` must be equal, and doubles within `tolerance` of each other (nil and NaN only
/// alike). Returns the paths that differ, with both values; empty when alike.
enum ReportDifferences {
    static func between(_ a: Any, _ b: Any, tolerance: Double = 1e-12, path: String = "report") -> [String] {
        if let x = a as? Double, let y = b as? Double {
            let same = x == y || (x.isNaN && y.isNaN) || abs(x - y) <= tolerance
            return same ? [] : ["\(path): \(x) vs \(y)"]
        }
        let (left, right) = (Mirror(reflecting: a), Mirror(reflecting: b))
        if left.displayStyle == .optional || right.displayStyle == .optional {
            switch (left.children.first, right.children.first) {
            case (nil, nil): return []
            case let (x?, y?): return between(x.value, y.value, tolerance: tolerance, path: path)
            default: return ["\(path): \(a) vs \(b)"]
            }
        }
        if left.children.isEmpty || right.children.isEmpty {
            return "\(a)" == "\(b)" && type(of: a) == type(of: b) ? [] : ["\(path): \(a) vs \(b)"]
        }
        let (x, y) = (Array(left.children), Array(right.children))
        guard x.count == y.count else { return ["\(path): \(x.count) vs \(y.count) parts"] }
        return zip(x.indices, zip(x, y)).flatMap { index, pair in
            between(pair.0.value, pair.1.value, tolerance: tolerance, path: "\(path).\(pair.0.label ?? "\(index)")")
        }
    }
}
