import GlossCore

/// The editing state of the span task for one item: token cursor, selection, labeled spans.
///
/// The cursor stands on a token (see ``SpanTokenizer``); the selection is a scalar range
/// that starts as the cursor's token and can be grown a token at a time (Shift+arrows) or
/// have either boundary nudged a scalar at a time, so that a Korean particle can be left
/// out of a name (`삼성전자가` → `삼성전자`). Labeling the selection adds a span; a new span
/// replaces every span it overlaps, so `spans` stays sorted by start and never overlapping.
///
/// Moving the cursor is O(1) per step; growing the selection and labeling search the
/// sorted tokens and spans in O(log n).
public struct SpanEditor: Sendable, Equatable {
    private let scalars: [Unicode.Scalar]
    /// The tokens of the text, in order.
    public private(set) var tokens: [TextToken]
    /// Labeled spans, sorted by start, never overlapping, never empty.
    public private(set) var spans: [LabeledRange]
    /// The selected scalar offsets; the first token initially, empty only when the text
    /// has no tokens (empty or all white space) and nothing was nudged.
    public private(set) var selection: Range<Int>
    /// Index in `tokens` of the token the cursor is on (0 when there are no tokens).
    public private(set) var cursor: Int

    /// Starts on the first token of `text`. Given spans are clamped to the text, empty ones
    /// are dropped, and, like labeling, a later span replaces earlier ones it overlaps.
    public init(text: String, spans: [LabeledRange] = []) {
        scalars = Array(text.unicodeScalars)
        tokens = SpanTokenizer.tokens(text)
        self.spans = []
        cursor = 0
        selection = tokens.first?.range ?? 0..<0
        for span in spans {
            let start = clamp(span.start), end = clamp(span.end)
            if start < end { insert(LabeledRange(start: start, end: end, label: span.label)) }
        }
    }

    /// Length of the text in Unicode scalars.
    public var textLength: Int { scalars.count }

    // MARK: Cursor

    /// Moves the cursor to the previous token (staying on the first one) and collapses the
    /// selection to the cursor's token.
    public mutating func moveLeft() {
        guard !tokens.isEmpty else { return }
        cursor = max(cursor - 1, 0)
        selection = tokens[cursor].range
    }

    /// Moves the cursor to the next token (staying on the last one) and collapses the
    /// selection to the cursor's token.
    public mutating func moveRight() {
        guard !tokens.isEmpty else { return }
        cursor = min(cursor + 1, tokens.count - 1)
        selection = tokens[cursor].range
    }

    // MARK: Selection

    /// Grows the selection to the start of the nearest token that begins before it: the
    /// previous token, or the rest of the token its start was nudged into. The cursor moves
    /// to that token. Does nothing when no token starts before the selection.
    public mutating func extendLeft() {
        let index = firstIndex(tokens.count) { tokens[$0].start >= selection.lowerBound } - 1
        guard index >= 0 else { return }
        selection = tokens[index].start..<selection.upperBound
        cursor = index
    }

    /// Grows the selection to the end of the nearest token that ends after it: the next
    /// token, or the rest of the token its end was nudged into. The cursor moves to that
    /// token. Does nothing when no token ends after the selection.
    public mutating func extendRight() {
        let index = firstIndex(tokens.count) { tokens[$0].end > selection.upperBound }
        guard index < tokens.count else { return }
        selection = selection.lowerBound..<tokens[index].end
        cursor = index
    }

    /// Moves the selection's start by `by` scalars, never below 0 and never so far right
    /// that the selection would be empty (at most `end - 1`).
    public mutating func nudgeStart(by delta: Int) {
        let start = selection.lowerBound, end = selection.upperBound
        let moved = delta >= 0 ? min(start + delta, max(start, end - 1)) : max(start + delta, 0)
        selection = min(moved, end)..<end
    }

    /// Moves the selection's end by `by` scalars, never past the text's length and never so
    /// far left that the selection would be empty (at least `start + 1`).
    public mutating func nudgeEnd(by delta: Int) {
        let start = selection.lowerBound, end = selection.upperBound
        let moved = delta >= 0 ? min(end + delta, max(end, scalars.count)) : max(end + delta, min(end, start + 1))
        selection = start..<max(moved, start)
    }

    /// The selected text.
    public var selectedText: String { text(of: selection) }

    // MARK: Spans

    /// Labels the selection `name`. Separators (white space, controls, format characters) at
    /// the selection's edges are trimmed first, and the selection becomes the trimmed range.
    /// The new span replaces every span it overlaps (relabeling included). Returns false,
    /// changing nothing, when the trimmed selection is empty or `name` is empty.
    @discardableResult
    public mutating func label(_ name: String) -> Bool {
        var start = selection.lowerBound, end = selection.upperBound
        while start < end && SpanTokenizer.isSeparator(scalars[start]) { start += 1 }
        while end > start && SpanTokenizer.isSeparator(scalars[end - 1]) { end -= 1 }
        guard start < end, !name.isEmpty else { return false }
        selection = start..<end
        insert(LabeledRange(start: start, end: end, label: name))
        return true
    }

    /// Removes and returns the span containing the selection's start or, when there is
    /// none, the first span overlapping the cursor's token; nil when neither exists.
    @discardableResult
    public mutating func removeSpanAtCursor() -> LabeledRange? {
        spanIndexAtCursor.map { spans.remove(at: $0) }
    }

    /// The index in `spans` of the span under the cursor: the one holding the selection's
    /// start, else the first overlapping the cursor's token; nil when there is none. This
    /// is the span Delete removes, the screen marks and the guide pane opens on.
    public var spanIndexAtCursor: Int? {
        let point = selection.lowerBound
        let index = firstIndex(spans.count) { spans[$0].end > point }
        if index < spans.count, spans[index].start <= point { return index }
        guard cursor < tokens.count else { return nil }
        let token = tokens[cursor]
        let overlapping = firstIndex(spans.count) { spans[$0].end > token.start }
        return overlapping < spans.count && spans[overlapping].start < token.end ? overlapping : nil
    }

    /// Shrinks the selection back to the cursor's token (after Shift-arrows or nudges).
    public mutating func collapseSelection() {
        guard cursor < tokens.count else { return }
        selection = tokens[cursor].range
    }

    /// The text a span covers (its offsets clamped to the text).
    public func text(of range: LabeledRange) -> String {
        text(of: range.start..<range.end)
    }

    /// The text of scalar offsets `range` (clamped to the text).
    public func text(of range: Range<Int>) -> String {
        let start = clamp(range.lowerBound), end = clamp(range.upperBound)
        var result = ""
        if start < end { result.unicodeScalars.append(contentsOf: scalars[start..<end]) }
        return result
    }

    // MARK: Helpers

    /// Inserts `span` in order, replacing the spans it overlaps.
    private mutating func insert(_ span: LabeledRange) {
        let low = firstIndex(spans.count) { spans[$0].end > span.start }
        var high = low
        while high < spans.count && spans[high].start < span.end { high += 1 }
        spans.replaceSubrange(low..<high, with: [span])
    }

    private func clamp(_ offset: Int) -> Int { min(max(offset, 0), scalars.count) }

    /// The first index in `0..<count` where `predicate` holds, for a predicate that is false
    /// and then true over the indices (binary search); `count` when it never holds.
    private func firstIndex(_ count: Int, where predicate: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if predicate(mid) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
