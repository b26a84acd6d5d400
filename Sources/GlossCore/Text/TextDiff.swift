/// Line diffs of two texts, used by `gloss guide diff` to show what changed between two
/// versions of an annotation guide.
///
/// Texts are split on "\n"; "\r\n" counts as "\n" (a lone "\r" is kept), and a final newline
/// does not create an empty last line. Lines are compared by their UTF-8 bytes, as `diff` does
/// (not by Unicode canonical equivalence, as `String.==` would).
///
/// Final newline: a text with and without a final newline has the same lines, so that
/// difference is ignored — `unified` never writes `\ No newline at end of file`, and two texts
/// that differ only there give "". Applying the diff with `patch` therefore always ends the
/// last line with a newline; for a reader of a guide diff that difference is only noise.
public enum TextDiff {
    public enum Line: Equatable, Sendable { case same(String), removed(String), added(String) }

    /// A minimal line diff (Myers' O(ND) algorithm in linear space) of two texts split on "\n"
    /// (a final newline does not create an empty last line; "\r\n" is treated as "\n").
    /// Within each change, removed lines come before added lines, as in `diff -u`.
    public static func lines(_ old: String, _ new: String) -> [Line] {
        let oldLines = split(old), newLines = split(new)
        var ids: [[UInt8]: Int] = [:]
        func intern(_ line: String) -> Int {
            let key = Array(line.utf8)
            if let id = ids[key] { return id }
            ids[key] = ids.count
            return ids.count - 1
        }
        var myers = Myers(oldLines.map(intern), newLines.map(intern))
        myers.compare(0, oldLines.count, 0, newLines.count)

        var result: [Line] = []
        result.reserveCapacity(max(oldLines.count, newLines.count))
        var i = 0, j = 0
        while i < oldLines.count || j < newLines.count {
            if i < oldLines.count && myers.removed[i] {
                result.append(.removed(oldLines[i])); i += 1
            } else if j < newLines.count && myers.added[j] {
                result.append(.added(newLines[j])); j += 1
            } else {
                result.append(.same(oldLines[i])); i += 1; j += 1
            }
        }
        return result
    }

    /// Which elements of `a` and of `b` a minimal edit script removes and adds: those outside
    /// a longest common subsequence (Myers' algorithm, as `lines` uses).
    public static func changes(_ a: [Int], _ b: [Int]) -> (removed: [Bool], added: [Bool]) {
        var myers = Myers(a, b)
        myers.compare(0, a.count, 0, b.count)
        return (myers.removed, myers.added)
    }

    /// A unified diff in the format of `diff -u` / `git diff`: "--- oldName", "+++ newName"
    /// headers, then hunks "@@ -l,s +l,s @@" with `context` lines of context (default 3;
    /// changes at most 2 × `context` lines apart share a hunk), lines prefixed " ", "-", "+".
    /// Empty string when the texts are equal. Ranges are always written "l,s" (also for a count
    /// of 1); an empty range gives the line before it, as in GNU diff ("-0,0" for an empty file).
    public static func unified(
        _ old: String, _ new: String, oldName: String, newName: String, context: Int = 3
    ) -> String {
        let edits = lines(old, new)
        var changes: [Int] = []
        // oldBefore[e], newBefore[e]: how many old and new lines come before edit e.
        var oldBefore = [0], newBefore = [0]
        oldBefore.reserveCapacity(edits.count + 1)
        newBefore.reserveCapacity(edits.count + 1)
        for (index, edit) in edits.enumerated() {
            var (o, n) = (oldBefore[index], newBefore[index])
            switch edit {
            case .same: o += 1; n += 1
            case .removed: o += 1; changes.append(index)
            case .added: n += 1; changes.append(index)
            }
            oldBefore.append(o)
            newBefore.append(n)
        }
        guard !changes.isEmpty else { return "" }

        func range(_ before: Int, _ count: Int) -> String {
            "\(count == 0 ? before : before + 1),\(count)"
        }
        let context = max(0, context)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        var first = 0
        while first < changes.count {
            var last = first
            while last + 1 < changes.count && changes[last + 1] - changes[last] - 1 <= 2 * context {
                last += 1
            }
            let lo = max(0, changes[first] - context)
            let hi = min(edits.count, changes[last] + context + 1)
            out += "@@ -\(range(oldBefore[lo], oldBefore[hi] - oldBefore[lo]))"
            out += " +\(range(newBefore[lo], newBefore[hi] - newBefore[lo])) @@\n"
            for edit in edits[lo..<hi] {
                switch edit {
                case .same(let line): out += " " + line + "\n"
                case .removed(let line): out += "-" + line + "\n"
                case .added(let line): out += "+" + line + "\n"
                }
            }
            first = last + 1
        }
        return out
    }

    /// The lines of `text`: split on "\n", a "\r" before it dropped, no empty line after a
    /// final "\n".
    private static func split(_ text: String) -> [String] {
        var lines: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                var end = index
                if end != start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") {
                    end = utf8.index(before: end)
                }
                lines.append(String(text[start..<end]))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { lines.append(String(text[start..<utf8.endIndex])) }
        return lines
    }
}

/// Myers' O(ND) diff with the linear-space refinement (divide and conquer on the middle
/// snake), over lines interned as integers. Marks removed old lines and added new lines.
private struct Myers {
    let a: [Int], b: [Int]
    var removed: [Bool], added: [Bool]
    /// Furthest-reaching x on each diagonal, forward and (from the ends) backward; `offset`
    /// is the index of diagonal 0.
    private var forward: [Int], backward: [Int]
    private let offset: Int

    init(_ a: [Int], _ b: [Int]) {
        self.a = a
        self.b = b
        removed = Array(repeating: false, count: a.count)
        added = Array(repeating: false, count: b.count)
        offset = a.count + b.count + 1
        forward = Array(repeating: 0, count: 2 * offset + 1)
        backward = forward
    }

    /// Diffs a[xlo..<xhi] against b[ylo..<yhi].
    mutating func compare(_ xlo: Int, _ xhi: Int, _ ylo: Int, _ yhi: Int) {
        var (xlo, xhi, ylo, yhi) = (xlo, xhi, ylo, yhi)
        while xlo < xhi && ylo < yhi && a[xlo] == b[ylo] { xlo += 1; ylo += 1 }
        while xlo < xhi && ylo < yhi && a[xhi - 1] == b[yhi - 1] { xhi -= 1; yhi -= 1 }
        if xlo == xhi {
            for j in ylo..<yhi { added[j] = true }
        } else if ylo == yhi {
            for i in xlo..<xhi { removed[i] = true }
        } else {
            let (sx, sy, ex, ey) = middleSnake(xlo, xhi, ylo, yhi)
            compare(xlo, sx, ylo, sy)
            compare(ex, xhi, ey, yhi)
        }
    }

    /// The start and end of a snake on an optimal path through the middle of the edit graph.
    /// Diagonal k = x - y forward; c = u - v backward, with u = n - x, v = m - y (so c = delta - k).
    private mutating func middleSnake(_ xlo: Int, _ xhi: Int, _ ylo: Int, _ yhi: Int) -> (Int, Int, Int, Int) {
        let n = xhi - xlo, m = yhi - ylo, delta = n - m, odd = delta & 1 != 0
        forward[offset + 1] = 0
        backward[offset + 1] = 0
        for d in 0...(n + m + 1) / 2 {
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1])
                    ? forward[offset + k + 1] : forward[offset + k - 1] + 1
                var y = x - k
                let (x0, y0) = (x, y)
                while x < n && y < m && a[xlo + x] == b[ylo + y] { x += 1; y += 1 }
                forward[offset + k] = x
                let c = delta - k
                if odd && c >= 1 - d && c <= d - 1 && x + backward[offset + c] >= n {
                    return (xlo + x0, ylo + y0, xlo + x, ylo + y)
                }
            }
            for c in stride(from: -d, through: d, by: 2) {
                var u = c == -d || (c != d && backward[offset + c - 1] < backward[offset + c + 1])
                    ? backward[offset + c + 1] : backward[offset + c - 1] + 1
                var v = u - c
                let (u0, v0) = (u, v)
                while u < n && v < m && a[xhi - 1 - u] == b[yhi - 1 - v] { u += 1; v += 1 }
                backward[offset + c] = u
                let k = delta - c
                if !odd && k >= -d && k <= d && forward[offset + k] + u >= n {
                    return (xhi - u, yhi - v, xhi - u0, yhi - v0)
                }
            }
        }
        preconditionFailure("TextDiff: no middle snake")
    }
}
