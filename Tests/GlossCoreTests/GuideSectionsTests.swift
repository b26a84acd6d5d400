import GlossCore
import Testing

@Suite("Guide sections for the labels under review")
struct GuideSectionsTests {
    static let text = """
        ---
        name: Sentiment
        task: classify
        labels:
          - name: positive
            key: p
            description: Praise.
          - name: negative
            key: n
            description: Criticism.
        ---
        # Sentiment

        ## The labels

        ### `positive`

        The writer likes it.

        ### `negative`

        The writer dislikes it.
        ```
        ## not a heading in a fence
        ```

        ## Edge cases

        Sarcasm.
        """

    @Test func eachLabelGetsItsDescriptionAndItsOwnSectionOnly() throws {
        let guide = try #require(GuideParser.lint(Self.text).guide)
        let md = GuideSections.markdown(guide, labels: ["negative", "unknown"])
        #expect(md.contains("- `n` **negative**: Criticism."))
        #expect(md.contains("### `negative`") && md.contains("The writer dislikes it."))
        #expect(md.contains("## not a heading in a fence"), "a fenced line is not a heading")
        #expect(!md.contains("The writer likes it.") && !md.contains("Sarcasm") && !md.contains("unknown"))
        let both = GuideSections.markdown(guide, labels: ["positive", "negative"])
        #expect(both.range(of: "likes")!.lowerBound < both.range(of: "dislikes")!.lowerBound)
    }
}
