import Foundation
import GlossCore
import GlossTasks
import GlossTerminal
import Testing
@testable import GlossTUI

/// The `:` command, `/` search, `!` note and `;` comment prompts.
@Suite struct LabelerUpdatePromptTests {
    static let item = sampleItem()

    static let cases: [UpdateCase] = [
        UpdateCase(name: ":goto ID jumps", item: item, steps: typed(":goto r42") + keys(.enter),
                   effects: [.effect(.goto("r42"))], status: "going to \"r42\""),
        UpdateCase(name: ":g ID jumps, white space trimmed", item: item, steps: typed(":  g   r42  ") + keys(.enter),
                   effects: [.effect(.goto("r42"))]),
        UpdateCase(name: "command words are case-insensitive, ids are not", item: item,
                   steps: typed(":GoTo Item-7") + keys(.enter), effects: [.effect(.goto("Item-7"))]),
        UpdateCase(name: ":goto without an id shows the usage", item: item, steps: typed(":goto ") + keys(.enter),
                   effects: [], status: "usage: goto ID (the item's id in the dataset)", statusIsError: true),
        UpdateCase(name: "an unknown command says so", item: item, steps: typed(":xyz 1") + keys(.enter),
                   effects: [], status: "unknown command: xyz (:help lists them)", statusIsError: true),
        UpdateCase(name: "a command word needs its space", item: item, steps: typed(":gotor42") + keys(.enter),
                   effects: [], status: "unknown command: gotor42 (:help lists them)", statusIsError: true),
        UpdateCase(name: "an empty command does nothing", item: item, steps: typed(":  ") + keys(.enter),
                   effects: [], status: ""),
        UpdateCase(name: ":help opens the help", item: item, steps: typed(":help") + keys(.enter),
                   effects: [], mode: .help(scroll: 0)),
        UpdateCase(name: ":h opens the help", item: item, steps: typed(":h") + keys(.enter),
                   effects: [], mode: .help(scroll: 0)),
        UpdateCase(name: ":q quits", item: item, steps: typed(":q") + keys(.enter), effects: [.effect(.quit)]),
        UpdateCase(name: ":quit quits", item: item, steps: typed(":quit") + keys(.enter), effects: [.effect(.quit)]),
        UpdateCase(name: ":next goes to the queue", item: item, steps: typed(":next") + keys(.enter),
                   effects: [.effect(.next)]),
        UpdateCase(name: ":label with an unknown name lists the labels", item: item,
                   steps: typed(":label nope") + keys(.enter), effects: [],
                   status: "no label named \"nope\"; labels: positive, negative, neutral, mixed", statusIsError: true),
        UpdateCase(name: ":label without a name shows the usage", item: item, steps: typed(":label") + keys(.enter),
                   effects: [], status: "usage: label NAME", statusIsError: true),
        UpdateCase(name: "/ searches after the item on screen", item: item, steps: typed("/삼성") + keys(.enter),
                   effects: [.effect(.search("삼성", after: 7))], status: "searching for \"삼성\""),
        UpdateCase(name: "a search is trimmed", item: item, steps: typed("/ warm film ") + keys(.enter),
                   effects: [.effect(.search("warm film", after: 7))]),
        UpdateCase(name: "an empty search cancels", item: item, steps: typed("/ ") + keys(.enter),
                   effects: [], status: ""),
        UpdateCase(name: "label and reserved keys are text in a prompt", item: item,
                   steps: typed("/p-[q!") + keys(.enter), effects: [.effect(.search("p-[q!", after: 7))]),
        UpdateCase(name: "Backspace deletes the last character", item: item,
                   steps: typed("/abc") + keys(.backspace), effects: [], mode: .prompt(Prompt(.search, text: "ab"))),
        UpdateCase(name: "Backspace deletes a whole Hangul syllable", item: item,
                   steps: typed("/삼성") + keys(.backspace), effects: [], mode: .prompt(Prompt(.search, text: "삼"))),
        UpdateCase(name: "Backspace on an empty prompt cancels it", item: item,
                   steps: typed(":a") + keys(.backspace, .backspace), effects: [], status: ""),
        UpdateCase(name: "Esc cancels a prompt", item: item, steps: typed(":goto r4") + keys(.escape),
                   effects: [], status: ""),
        UpdateCase(name: "Ctrl-U clears the prompt", item: item, steps: typed(":abc") + keys(.control("u")),
                   effects: [], mode: .prompt(Prompt(.command))),
        UpdateCase(name: "jamo are not mapped in a prompt", item: item, steps: typed(":ㅎㅏ"),
                   effects: [], mode: .prompt(Prompt(.command, text: "ㅎㅏ"))),
        UpdateCase(name: "named keys are ignored in a prompt", item: item,
                   steps: typed(":a") + keys(.tab, .up, .pageDown, .function(2), .control("x")),
                   effects: [], mode: .prompt(Prompt(.command, text: "a"))),
        UpdateCase(name: "the line editor's keys edit a prompt", item: item,
                   steps: typed(":gotx abc") + keys(.left, .backspace, .home, .alt(.character("f")), .backspace) + typed("o")
                       + keys(.end, .control("w"), .control("z")),
                   effects: [], mode: .prompt(Prompt(.command, text: "goto ac"))),
        UpdateCase(name: "Ctrl-C quits from a prompt", item: item, steps: typed(":a") + keys(.control("c")),
                   effects: [.effect(.quit)], mode: .prompt(Prompt(.command, text: "a"))),
        UpdateCase(name: "q in a prompt is text", item: item, steps: typed(":q"),
                   effects: [], mode: .prompt(Prompt(.command, text: "q"))),
    ]

    @Test(arguments: cases)
    func promptsGiveTheirEffects(_ row: UpdateCase) throws {
        try row.check("sentiment.md")
    }

    @Test func eachPromptKeyOpensItsPrompt() throws {
        let expected: [(Character, Prompt.Kind)] = [(":", .command), ("/", .search), ("!", .flagNote), (";", .comment)]
        for (character, kind) in expected {
            var harness = try Harness("sentiment.md", item: Self.item)
            #expect(harness.press(.character(character)) == [])
            #expect(harness.state.mode == .prompt(Prompt(kind)), "\(character)")
        }
    }

    @Test func aPromptHoldsAtMost500Characters() throws {
        var harness = try Harness("sentiment.md", item: Self.item)
        harness.press(.character("/"))
        harness.type(String(repeating: "가", count: 499))
        #expect(!harness.state.status.isError)
        harness.type("ab")
        #expect(harness.state.mode == .prompt(Prompt(.search, text: String(repeating: "가", count: 499) + "a")))
        #expect(harness.status == "the prompt is full (500 characters)")
        #expect(harness.state.status.isError)
        harness.press(.backspace)
        harness.type("c")
        guard case .prompt(let prompt) = harness.state.mode else {
            Issue.record("the prompt closed")
            return
        }
        #expect(prompt.text.count == 500)
        #expect(prompt.text.hasSuffix("가c"))
    }

    @Test func searchingWithTheQueueDoneStartsFromTheTop() throws {
        var harness = try Harness("sentiment.md", item: nil)
        harness.type("/film")
        #expect(harness.press(.enter) == [.search("film", after: nil)])
    }

    @Test func aLoadClosesAPromptButNotTheHelp() throws {
        var harness = try Harness("sentiment.md", item: Self.item)
        harness.type("/abc")
        harness.send(.loaded(Navigation(item: sampleItem(row: 8), context: .queue, decided: 4, at: loadTime)))
        #expect(harness.state.mode == .labeling)
        harness.press(.character("?"))
        harness.press(.down)
        harness.send(.loaded(Navigation(item: sampleItem(row: 9), context: .queue, decided: 4, at: loadTime)))
        #expect(harness.state.mode == .help(scroll: 1))
    }

    @Test func keysTypedInAPromptCountForTheItem() throws {
        var harness = try Harness("sentiment.md", item: Self.item)
        harness.type(":goto r1")
        harness.press(.escape)
        #expect(harness.state.keystrokes == 9)
        #expect(harness.state.activeMilliseconds == 9000)
    }
}
