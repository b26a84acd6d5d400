import GlossCore

extension Screen {
    /// A horizontal stretch of changed cells: what a backend rewrites.
    public struct Run: Sendable, Equatable {
        /// Column of the first cell.
        public let x: Int
        /// Row.
        public let y: Int
        /// The new cells, left to right; a 2-wide character always comes with its continuation.
        public let cells: [Cell]
    }

    /// The runs of `new` that differ from `old`, top to bottom and left to right. A nil
    /// `old`, or one of another size, yields every cell. A changed 2-wide character is
    /// always sent whole, with the cell on each side that it shares.
    public static func diff(from old: Screen?, to new: Screen) -> [Run] {
        guard let old, old.width == new.width, old.height == new.height else {
            return (0..<new.height).compactMap { y in
                new.width == 0 ? nil : Run(x: 0, y: y, cells: Array(new.cells[(y * new.width)..<((y + 1) * new.width)]))
            }
        }
        var runs: [Run] = []
        let width = new.width
        guard width > 0 else { return runs }
        var changed = [Bool](repeating: false, count: width)
        for y in 0..<new.height {
            let base = y * width
            var any = false
            for x in 0..<width {
                changed[x] = old.cells[base + x] != new.cells[base + x]
                any = any || changed[x]
            }
            guard any else { continue }
            // Widen each change to whole characters, in the old frame and in the new one.
            // (A leader marked here was already passed, but its partner is this cell.)
            for x in 0..<width where changed[x] {
                for frame in [old, new] {
                    let cell = frame.cells[base + x]
                    if cell.isContinuation, x > 0 { changed[x - 1] = true }
                    if cell.width == 2, x + 1 < width { changed[x + 1] = true }
                }
            }
            var x = 0
            while x < width {
                guard changed[x] else { x += 1; continue }
                let start = x
                while x < width && changed[x] { x += 1 }
                runs.append(Run(x: start, y: y, cells: Array(new.cells[(base + start)..<(base + x)])))
            }
        }
        return runs
    }
}

/// What the backend writes to turn the last frame into a new one, as single-cell writes
/// that ncurses can take one by one. Pure: the wide-character rules are tested here.
struct DrawPlan {
    /// One `mvwadd_wch` call.
    struct Write: Equatable {
        let x: Int
        let y: Int
        /// The scalars of the cell, sanitized again and cut to what one ncurses cell holds.
        let scalars: [Unicode.Scalar]
        let style: CellStyle
    }

    /// The most wide characters ncurses keeps in one cell (`CCHARW_MAX`).
    static let maxScalarsPerCell = 5

    /// Writes for the cells that changed from `old` to `new` and fall inside a terminal of
    /// `columns` by `rows`. Continuation cells are skipped (the 2-wide character covers
    /// them); before a 2-wide character its right column is blanked, so if the terminal
    /// thinks the character is narrower no stale text stays behind; a 2-wide character
    /// cut by the terminal's right edge is drawn as a space.
    static func writes(from old: Screen?, to new: Screen, columns: Int, rows: Int) -> [Write] {
        var writes: [Write] = []
        for run in Screen.diff(from: old, to: new) where run.y < rows {
            for (offset, cell) in run.cells.enumerated() {
                let x = run.x + offset
                guard x < columns, !cell.isContinuation else { continue }
                if cell.width == 2 {
                    guard x + 1 < columns else {
                        writes.append(Write(x: x, y: run.y, scalars: [" "], style: cell.style))
                        continue
                    }
                    writes.append(Write(x: x + 1, y: run.y, scalars: [" "], style: cell.style))
                }
                writes.append(Write(x: x, y: run.y, scalars: scalars(of: cell), style: cell.style))
            }
        }
        return writes
    }

    /// What one ncurses cell can show of the cell's text: its first character and the
    /// zero-width marks after it, up to `maxScalarsPerCell`. ncurses stops at the second
    /// spacing character, so an emoji ZWJ sequence (👨‍👩‍👧) shows its first emoji, without
    /// a dangling joiner. Control characters are dropped (cells come sanitized from
    /// `Screen.put`; this is the last line of defense). Never empty.
    static func scalars(of cell: Cell) -> [Unicode.Scalar] {
        var kept: [Unicode.Scalar] = []
        for scalar in cell.text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) { continue }
            if !kept.isEmpty && DisplayWidth.of(scalar) != 0 { break }
            kept.append(scalar)
            if kept.count == maxScalarsPerCell { break }
        }
        while kept.count > 1, kept.last?.value == 0x200D { kept.removeLast() }
        return kept.isEmpty ? [" "] : kept
    }
}
