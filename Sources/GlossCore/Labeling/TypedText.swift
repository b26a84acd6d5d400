import Foundation

/// A text an annotator typed: a free answer (a summary, an answer to the prompt, a note), or
/// a correction of a response, stored with the edit script from the original. As members of
/// a `QuestionAnswers` value, in this order: `"text":"…"`, then for a correction
/// `"corrects":MODEL` (absent when the item's own text was corrected) and
/// `"diff":[{"at":N,"del":"…","ins":"…"},…]` (`TextEdit`). A text guide's value is thus
/// `{"text":"…"}` or `{"text":"…","corrects":"atlas-7b","diff":[…]}`.
public struct TypedText: Sendable, Hashable {
    public var text: String
    public var correction: Correction?

    /// What a correction corrects, and how.
    public struct Correction: Sendable, Hashable {
        /// The model whose response was corrected; nil: the item's text.
        public var model: String?
        /// The edits that turn the original into `text`, in order.
        public var diff: [TextEdit]
        public init(model: String?, diff: [TextEdit]) {
            self.model = model
            self.diff = diff
        }
    }

    public init(_ text: String, correction: Correction? = nil) {
        self.text = text
        self.correction = correction
    }

    /// A correction of `original` (the response of `model`) into `text`, its diff computed.
    public static func correcting(_ original: String, model: String?, into text: String) -> TypedText {
        TypedText(text, correction: Correction(model: model, diff: TextEdit.script(from: original, to: text)))
    }

    /// `"answer words…"` for a free text, `corrected atlas-7b: 3 edits` for a correction.
    public var summary: String {
        guard let correction else {
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return "\u{201C}" + (flat.count > 40 ? String(flat.prefix(39)) + "…" : flat) + "\u{201D}"
        }
        let edits = correction.diff.count == 1 ? "1 edit" : "\(correction.diff.count) edits"
        return "corrected" + (correction.model.map { " \($0)" } ?? "") + ": " + edits
    }

    func appendMembers(to out: inout [UInt8]) {
        out.appendASCII("\"text\":")
        out.appendJSONString(text)
        guard let correction else { return }
        if let model = correction.model {
            out.appendASCII(",\"corrects\":")
            out.appendJSONString(model)
        }
        out.appendASCII(",\"diff\":[")
        for (index, edit) in correction.diff.enumerated() {
            if index > 0 { out.appendASCII(",") }
            edit.appendJSON(to: &out)
        }
        out.appendASCII("]")
    }

    /// Reads `text`, `corrects` and `diff` from a JSON object's members.
    static func read(_ object: [String: Any]) throws(PairwiseValueError) -> TypedText {
        guard let text = object["text"] as? String else { throw PairwiseValueError("\"text\" must be a string") }
        let model = object["corrects"]
        if model != nil, !(model is String) { throw PairwiseValueError("\"corrects\" must be the name of the model corrected") }
        guard let rawDiff = object["diff"] else {
            if model != nil { throw PairwiseValueError("a correction (\"corrects\") needs its \"diff\" from the original") }
            return TypedText(text)
        }
        guard let list = rawDiff as? [Any] else { throw PairwiseValueError("\"diff\" must be a list of edits {\"at\", \"del\", \"ins\"}") }
        var diff: [TextEdit] = []
        var end = 0
        for (index, raw) in list.enumerated() {
            guard let edit = raw as? [String: Any], let at = edit["at"] as? NSNumber, String(cString: at.objCType) != "c",
                  at.doubleValue == at.doubleValue.rounded(), at.intValue >= end else {
                throw PairwiseValueError("edit \(index + 1) of \"diff\" needs \"at\", an offset past the edit before it")
            }
            let removed = edit["del"] ?? "", inserted = edit["ins"] ?? ""
            guard let removed = removed as? String, let inserted = inserted as? String, !(removed.isEmpty && inserted.isEmpty) else {
                throw PairwiseValueError("edit \(index + 1) of \"diff\" must delete (\"del\") or insert (\"ins\") some text")
            }
            diff.append(TextEdit(at: at.intValue, removed: removed, inserted: inserted))
            end = at.intValue + removed.unicodeScalars.count
        }
        return TypedText(text, correction: Correction(model: model as? String, diff: diff))
    }
}

/// One edit of a correction: at `at` (counted in Unicode scalars of the original, as
/// Python's `str` indexes and as span offsets are), `removed` is replaced by `inserted`.
/// Written `{"at":N,"del":"…","ins":"…"}`, an empty `del` or `ins` left out.
public struct TextEdit: Sendable, Hashable {
    public var at: Int
    public var removed: String
    public var inserted: String

    public init(at: Int, removed: String = "", inserted: String = "") {
        self.at = at
        self.removed = removed
        self.inserted = inserted
    }

    func appendJSON(to out: inout [UInt8]) {
        out.appendASCII("{\"at\":")
        out += Array(String(at).utf8)
        if !removed.isEmpty {
            out.appendASCII(",\"del\":")
            out.appendJSONString(removed)
        }
        if !inserted.isEmpty {
            out.appendASCII(",\"ins\":")
            out.appendJSONString(inserted)
        }
        out.appendASCII("}")
    }

    /// The word-level edit script from `original` to `corrected`: both cut into words and the
    /// white space between them (`WordDiff.pieces`), the pieces outside a longest common
    /// subsequence (Myers) grouped into edits, edits only white space apart joined into one.
    /// Applying it to `original` gives `corrected` exactly.
    public static func script(from original: String, to corrected: String) -> [TextEdit] {
        let a = WordDiff.pieces(original).map(\.text), b = WordDiff.pieces(corrected).map(\.text)
        var ids: [String: Int] = [:]
        func id(_ piece: String) -> Int {
            if let known = ids[piece] { return known }
            ids[piece] = ids.count
            return ids.count - 1
        }
        let (removed, added) = TextDiff.changes(a.map(id), b.map(id))
        var edits: [TextEdit] = []
        var i = 0, j = 0, offset = 0
        // The pieces both texts keep since the last edit: only white space joins two edits
        // into one ("100 °C, no" → "about 70 °C up" rather than four edits a word each).
        var kept = "", keptIsSpace = true
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, !removed[i], !added[j] {
                kept += a[i]
                keptIsSpace = keptIsSpace && a[i].allSatisfy(\.isWhitespace)
                offset += a[i].unicodeScalars.count
                i += 1
                j += 1
                continue
            }
            var edit = TextEdit(at: offset)
            while i < a.count, removed[i] {
                edit.removed += a[i]
                offset += a[i].unicodeScalars.count
                i += 1
            }
            while j < b.count, added[j] {
                edit.inserted += b[j]
                j += 1
            }
            if let last = edits.last, keptIsSpace {
                edits[edits.count - 1] = TextEdit(at: last.at, removed: last.removed + kept + edit.removed,
                                                  inserted: last.inserted + kept + edit.inserted)
            } else {
                edits.append(edit)
            }
            kept = ""
            keptIsSpace = true
        }
        return edits
    }

    /// The text `edits` were made from: `corrected` with them undone (each edit sits in it
    /// shifted by what the edits before it inserted and deleted); nil when they do not fit it.
    public static func original(of corrected: String, undoing edits: [TextEdit]) -> String? {
        var inverse: [TextEdit] = []
        var shift = 0
        for edit in edits {
            inverse.append(TextEdit(at: edit.at + shift, removed: edit.inserted, inserted: edit.removed))
            shift += edit.inserted.unicodeScalars.count - edit.removed.unicodeScalars.count
        }
        return apply(inverse, to: corrected)
    }

    /// `original` with `edits` applied; nil when they do not fit it (an edit past its end,
    /// or deleting text it does not have there).
    public static func apply(_ edits: [TextEdit], to original: String) -> String? {
        let scalars = Array(original.unicodeScalars)
        var out = String.UnicodeScalarView()
        var position = 0
        for edit in edits {
            let removed = Array(edit.removed.unicodeScalars)
            guard edit.at >= position, edit.at + removed.count <= scalars.count,
                  Array(scalars[edit.at..<(edit.at + removed.count)]) == removed else { return nil }
            out.append(contentsOf: scalars[position..<edit.at])
            out.append(contentsOf: edit.inserted.unicodeScalars)
            position = edit.at + removed.count
        }
        out.append(contentsOf: scalars[position...])
        return String(out)
    }
}
