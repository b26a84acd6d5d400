import Foundation
import GlossCore
import Testing

/// SplitMix64: a small deterministic generator, so the random cases are the same on every run.
private struct TextDiffTestRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Few distinct lines, so that there are many equal lines to match (and many minimal scripts).
private let vocabulary = [
    "# 주석 지침", "", "- 라벨은 하나만 고릅니다.", "alpha", "beta", "gamma", "- item", "```",
    "모호하면 건너뜁니다.",
]

private func text(_ lines: [String]) -> String { lines.map { $0 + "\n" }.joined() }
private func numbered(_ count: Int) -> [String] { (1...count).map { "l\($0)" } }

private func randomLines(_ count: Int, _ rng: inout TextDiffTestRandom, from words: [String] = vocabulary) -> [String] {
    (0..<count).map { _ in words.randomElement(using: &rng)! }
}

/// `old` with random deletions, replacements and insertions (`insert`/`delete` turn them off).
private func mutate(
    _ old: [String], _ rng: inout TextDiffTestRandom, insert: Bool = true, delete: Bool = true
) -> [String] {
    var new: [String] = []
    for line in old {
        let roll = Int.random(in: 0..<10, using: &rng)
        if insert && roll == 0 { new.append(vocabulary.randomElement(using: &rng)!) }
        if delete && roll == 1 { continue }
        if insert && delete && roll == 2 { new.append(vocabulary.randomElement(using: &rng)!); continue }
        new.append(line)
    }
    if insert && Bool.random(using: &rng) { new.append(vocabulary.randomElement(using: &rng)!) }
    return new
}

/// Counts of "-" and "+" lines in a unified diff, without the "---"/"+++" headers.
private func editCounts(_ diff: String) -> (removed: Int, added: Int) {
    let body = diff.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2)
    return (body.filter { $0.hasPrefix("-") }.count, body.filter { $0.hasPrefix("+") }.count)
}

/// GNU diff writes a count of 1 as "-3" where TextDiff writes "-3,1"; headers lose their
/// timestamps ("--- path\t2025-…").
private func normalizedGNU(_ diff: String) -> String {
    diff.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        if line.hasPrefix("--- ") || line.hasPrefix("+++ ") {
            return String(line.prefix { $0 != "\t" })
        }
        guard line.hasPrefix("@@ ") else { return String(line) }
        let parts = line.split(separator: " ")
        return (["@@"] + parts[1...2].map { $0.contains(",") ? String($0) : $0 + ",1" } + ["@@"])
            .joined(separator: " ")
    }.joined(separator: "\n")
}

private func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The number of removed plus added lines in a minimal diff, from the LCS length.
private func minimalEdits(_ a: [String], _ b: [String]) -> Int {
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
        for j in stride(from: b.count - 1, through: 0, by: -1) {
            table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
        }
    }
    return a.count + b.count - 2 * table[0][0]
}

@Suite("Text diff")
struct TextDiffTests {
    // MARK: lines

    @Test func splitsLikeLines() {
        #expect(TextDiff.lines("", "") == [])
        #expect(TextDiff.lines("\n", "") == [.removed("")])
        #expect(TextDiff.lines("a\r\nb\r\n", "a\nb") == [.same("a"), .same("b")])
        #expect(TextDiff.lines("a\rb\n", "a\nb\n") == [.removed("a\rb"), .added("a"), .added("b")])
        #expect(TextDiff.lines("a\n\nb", "a\nb") == [.same("a"), .removed(""), .same("b")])
        #expect(TextDiff.lines("제목\n본문\n끝\n", "제목\n수정된 본문\n끝\n")
            == [.same("제목"), .removed("본문"), .added("수정된 본문"), .same("끝")])
    }

    @Test func comparesBytesNotCanonicalEquivalence() {
        #expect(TextDiff.lines("\u{E9}\n", "e\u{301}\n") == [.removed("\u{E9}"), .added("e\u{301}")])
    }

    /// Against an LCS table: minimal, and the kept/removed/added lines rebuild both texts.
    @Test func isMinimalOnRandomPairs() {
        var rng = TextDiffTestRandom(state: 42)
        for round in 0..<600 {
            let words = Array(vocabulary.prefix(2 + round % 4))
            let a = randomLines(Int.random(in: 0...(round % 3 == 0 ? 6 : 25), using: &rng), &rng, from: words)
            let b = round % 2 == 0
                ? mutate(a, &rng)
                : randomLines(Int.random(in: 0...(round % 3 == 1 ? 6 : 25), using: &rng), &rng, from: words)
            let diff = TextDiff.lines(text(a), text(b))
            var old: [String] = [], new: [String] = [], edits = 0
            for line in diff {
                switch line {
                case .same(let s): old.append(s); new.append(s)
                case .removed(let s): old.append(s); edits += 1
                case .added(let s): new.append(s); edits += 1
                }
            }
            #expect(old == a && new == b, "round \(round)")
            #expect(edits == minimalEdits(a, b), "round \(round): \(a) → \(b)")
        }
    }

    @Test func handlesLargeDissimilarTexts() {
        var rng = TextDiffTestRandom(state: 7)
        let a = (0..<3000).map { "old \($0)" }, b = (0..<3000).map { "new \($0)" }
        #expect(TextDiff.lines(text(a), text(b)).count == 6000)
        let guide = randomLines(4000, &rng)
        let edited = mutate(guide, &rng)
        let edits = TextDiff.lines(text(guide), text(edited)).filter { if case .same = $0 { false } else { true } }
        #expect(edits.count == minimalEdits(guide, edited))
    }

    // MARK: unified, hand-written

    @Test func equalTextsGiveNothing() {
        #expect(TextDiff.unified("", "", oldName: "a", newName: "b") == "")
        #expect(TextDiff.unified("a\nb\n", "a\nb\n", oldName: "a", newName: "b") == "")
        // The final newline is ignored (documented choice), as is "\r\n" versus "\n".
        #expect(TextDiff.unified("a\nb", "a\r\nb\n", oldName: "a", newName: "b") == "")
    }

    @Test func oneChangeWithContextClippedAtBothEnds() {
        let diff = TextDiff.unified("a\nb\nc\nd\ne\n", "a\nb\nC\nd\ne\n", oldName: "old.md", newName: "new.md")
        #expect(diff == "--- old.md\n+++ new.md\n@@ -1,5 +1,5 @@\n a\n b\n-c\n+C\n d\n e\n")
    }

    @Test func oneChangeInTheMiddle() {
        var new = numbered(10)
        new[4] = "L5"
        let diff = TextDiff.unified(text(numbered(10)), text(new), oldName: "a", newName: "b")
        #expect(diff == "--- a\n+++ b\n@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+L5\n l6\n l7\n l8\n")
    }

    @Test func changesFarApartGiveTwoHunks() {
        var new = numbered(20)
        new[2] = "L3"
        new[16] = "L17"
        let diff = TextDiff.unified(text(numbered(20)), text(new), oldName: "a", newName: "b")
        #expect(diff == """
            --- a
            +++ b
            @@ -1,6 +1,6 @@
             l1
             l2
            -l3
            +L3
             l4
             l5
             l6
            @@ -14,7 +14,7 @@
             l14
             l15
             l16
            -l17
            +L17
             l18
             l19
             l20

            """)
    }

    @Test func changesCloseTogetherShareAHunk() {
        var new = numbered(20)
        new[4] = "L5"
        new.remove(at: 10)
        let diff = TextDiff.unified(text(numbered(20)), text(new), oldName: "a", newName: "b")
        #expect(diff == """
            --- a
            +++ b
            @@ -2,13 +2,12 @@
             l2
             l3
             l4
            -l5
            +L5
             l6
             l7
             l8
             l9
             l10
            -l11
             l12
             l13
             l14

            """)
    }

    /// Changes at most 2 × context unchanged lines apart share a hunk, as in diff and git.
    @Test(arguments: [(0, 1, 2), (0, 2, 2), (1, 2, 1), (1, 3, 2), (3, 6, 1), (3, 7, 2)])
    func hunksMergeUpToTwiceTheContext(context: Int, gap: Int, hunks: Int) {
        var new = numbered(30)
        new[9] = "X"
        new[10 + gap] = "Y"
        let diff = TextDiff.unified(text(numbered(30)), text(new), oldName: "a", newName: "b", context: context)
        #expect(diff.split(separator: "\n").filter { $0.hasPrefix("@@") }.count == hunks)
    }

    @Test func emptyRangesWithoutContext() {
        let insert = TextDiff.unified("a\nb\nc\nd\n", "a\nb\nX\nY\nc\nd\n", oldName: "a", newName: "b", context: 0)
        #expect(insert == "--- a\n+++ b\n@@ -2,0 +3,2 @@\n+X\n+Y\n")
        let delete = TextDiff.unified("a\nb\nc\nd\n", "a\nd\n", oldName: "a", newName: "b", context: 0)
        #expect(delete == "--- a\n+++ b\n@@ -2,2 +1,0 @@\n-b\n-c\n")
        let withContext = TextDiff.unified("a\nb\nc\nd\n", "a\nb\nX\nY\nc\nd\n", oldName: "a", newName: "b", context: 1)
        #expect(withContext == "--- a\n+++ b\n@@ -2,2 +2,4 @@\n b\n+X\n+Y\n c\n")
    }

    @Test func addingToAnEmptyText() {
        let diff = TextDiff.unified("", "첫 줄\nsecond\n", oldName: "a", newName: "b")
        #expect(diff == "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+첫 줄\n+second\n")
    }

    @Test func removingEverything() {
        let diff = TextDiff.unified("first\n둘째 줄\n", "", oldName: "a", newName: "b")
        #expect(diff == "--- a\n+++ b\n@@ -1,2 +0,0 @@\n-first\n-둘째 줄\n")
    }

    // MARK: unified, against patch and diff

    private static func toolCases() -> [(name: String, old: [String], new: [String])] {
        var rng = TextDiffTestRandom(state: 2025)
        var cases: [(String, [String], [String])] = []
        for round in 0..<30 {
            let old = randomLines(Int.random(in: 0...60, using: &rng), &rng)
            cases.append(("random \(round)", old, mutate(old, &rng)))
        }
        let base = randomLines(40, &rng)
        cases.append(("insert only", base, mutate(base, &rng, delete: false)))
        cases.append(("delete only", base, mutate(base, &rng, insert: false)))
        cases.append(("change at start", base, ["새 첫 줄"] + base.dropFirst()))
        cases.append(("insert at start", base, ["새 첫 줄", "another"] + base))
        cases.append(("change at end", base, base.dropLast() + ["새 마지막 줄"]))
        cases.append(("append at end", base, base + ["덧붙인 줄"]))
        cases.append(("delete at start and end", base, Array(base.dropFirst(2).dropLast(3))))
        cases.append(("Korean", ["# 지침", "", "- 사람 이름은 PER", "- 장소는 LOC", "끝"],
                      ["# 지침", "", "- 사람 이름은 PER", "- 기관은 ORG", "- 장소는 LOC"]))
        cases.append(("from empty", [], base))
        cases.append(("to empty", base, []))
        cases.append(("equal", base, base))
        cases.append(("unrelated", randomLines(30, &rng), randomLines(30, &rng)))
        return cases
    }

    @Test func appliesWithPatchAndMatchesDiff() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("TextDiffTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var identical = 0
        let cases = Self.toolCases()
        for (name, oldLines, newLines) in cases {
            let old = text(oldLines), new = text(newLines)
            let oldFile = directory.appendingPathComponent("old.md").path
            let newFile = directory.appendingPathComponent("new.md").path
            let work = directory.appendingPathComponent("work.md").path
            let patchFile = directory.appendingPathComponent("change.diff").path
            let diff = TextDiff.unified(old, new, oldName: oldFile, newName: newFile)
            try old.write(toFile: oldFile, atomically: false, encoding: .utf8)
            try new.write(toFile: newFile, atomically: false, encoding: .utf8)
            try old.write(toFile: work, atomically: false, encoding: .utf8)
            try diff.write(toFile: patchFile, atomically: false, encoding: .utf8)

            let gnu = try run("/usr/bin/diff", ["-u", oldFile, newFile])
            #expect(gnu.status == (old == new ? 0 : 1), "\(name): \(gnu.output)")
            #expect(editCounts(diff) == editCounts(gnu.output), "\(name)")
            if normalizedGNU(gnu.output) == diff { identical += 1 }
            if old == new { #expect(diff == ""); continue }

            // No fuzz allowed, and no hunk may need an offset: the headers must be exact.
            let patch = try run("/usr/bin/patch", ["-F", "0", "--no-backup-if-mismatch", work, patchFile])
            #expect(patch.status == 0, "\(name): \(patch.output)\n\(diff)")
            #expect(!patch.output.contains("offset") && !patch.output.contains("fuzz"), "\(name): \(patch.output)")
            let patched = (try? String(contentsOfFile: work, encoding: .utf8)) ?? ""
            #expect(patched == new, "\(name)\n\(diff)")
        }
        print("TextDiff: \(identical) of \(cases.count) diffs identical to diff -u (count-1 ranges and timestamps normalized)")
    }
}
