import Yams

extension FrontMatterReader {
    /// One entry of `labels`: name, key, description, color, examples.
    mutating func readLabel(_ item: Node) -> GuideLabel? {
        guard case .mapping(let mapping) = item else {
            error(item, "each label is a mapping with name, key and description")
            return nil
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            if !["name", "key", "description", "color", "examples"].contains(name) {
                warning(key, "unknown label field \"\(name)\" (the fields are name, key, description, color, examples)")
            }
            fields[name] = value
        }
        guard let nameNode = fields["name"], let name = nameNode.string?.trimmingASCIIWhitespace(), !name.isEmpty else {
            error(fields["name"] ?? item, "a label has no name")
            return nil
        }
        if DisplayWidth.of(name) > Self.maxNameWidth {
            warning(nameNode, "the label name \"\(name)\" is longer than \(Self.maxNameWidth) columns; the label bar will cut it")
        }
        var key: Character?
        if let keyNode = fields["key"] {
            guard let valid = readKey(keyNode, label: name) else { return nil }
            key = valid
        } else {
            warning(nameNode, "the label \"\(name)\" has no key; annotators can pick it only by name (:label \(name))")
        }
        var description: String?
        if let node = fields["description"] {
            description = node.string?.trimmingASCIIWhitespace()
            if description?.isEmpty != false { description = nil }
        }
        if description == nil {
            warning(nameNode, "the label \"\(name)\" has no description; annotators see it in the guide pane")
        }
        var color: String?
        if let node = fields["color"] {
            color = node.string?.lowercased()
            if color.map({ !Self.colors.contains($0) }) ?? true {
                warning(node, "unknown color \"\(node.string ?? "")\" for \"\(name)\"; the colors are \(Self.colors.sorted().joined(separator: ", "))")
                color = nil
            }
        }
        let examples = readLabelExamples(fields["examples"], label: name)
        return GuideLabel(name: name, key: key, description: description, color: color, examples: examples)
    }

    mutating func readKey(_ node: Node, label: String) -> Character? {
        guard let text = node.string, !text.isEmpty else {
            error(node, "the key of \"\(label)\" must be one character")
            return nil
        }
        guard text.count == 1, let key = text.first else {
            error(node, "the key \"\(text)\" of \"\(label)\" must be a single character")
            return nil
        }
        if let purpose = LabelerKeys.purpose(of: key) {
            error(node, "the key '\(key)' of \"\(label)\" is reserved by the labeler (\(purpose)); use a letter or a digit")
            return nil
        }
        guard LabelerKeys.isLabelKey(key) else {
            error(node, "the key '\(key)' of \"\(label)\" must be a letter a-z or a digit 0-9 (punctuation is kept for labeler commands)")
            return nil
        }
        return key
    }

    /// A label's examples: texts, or `{text, label}` mappings whose label must be this one.
    mutating func readLabelExamples(_ node: Node?, label: String) -> [String] {
        guard let node else { return [] }
        guard case .sequence(let items) = node else {
            error(node, "the examples of \"\(label)\" must be a list of texts")
            return []
        }
        var texts: [String] = []
        for item in items {
            if let text = item.string {
                texts.append(text)
            } else if case .mapping(let mapping) = item, let text = mapping["text"]?.string {
                if let other = mapping["label"], other.string != label {
                    error(other, "an example under \"\(label)\" is labeled \"\(other.string ?? "")\"; move it to that label or fix the label")
                }
                texts.append(text)
            } else {
                error(item, "an example of \"\(label)\" must be a text")
            }
        }
        return texts
    }

    /// Top-level `examples`: `{text, label}` or `{text, labels: [...]}` whose labels must exist.
    mutating func readTopLevelExamples(_ node: Node, labels: [GuideLabel]) {
        guard case .sequence(let items) = node else {
            error(node, "\"examples\" must be a list of {text, label} entries")
            return
        }
        let names = Set(labels.map(\.name))
        for item in items {
            guard case .mapping(let mapping) = item, mapping["text"]?.string != nil else {
                error(item, "each example is a mapping with text and label (or labels)")
                continue
            }
            var referenced: [Node] = []
            if let one = mapping["label"] { referenced.append(one) }
            if let many = mapping["labels"], case .sequence(let list) = many { referenced += Array(list) }
            if referenced.isEmpty { error(item, "the example names no label") }
            for reference in referenced where !names.contains(reference.string ?? "") {
                error(reference, "the example refers to an unknown label \"\(reference.string ?? "")\"")
            }
        }
    }

    /// A pairwise guide's labels are its outcomes: `left` and `right`, and optionally `tie`
    /// and `neither`; `d` is the screen's diff key, so no outcome may take it.
    mutating func checkPairwiseLabels(_ node: Node) {
        guard case .sequence(let items) = node else { return }
        let outcomes = PairwiseJudgment.Outcome.allCases.map(\.rawValue)
        var named: Set<String> = []
        for item in items {
            guard let nameNode = nameNode(item), let name = nameNode.string?.trimmingASCIIWhitespace() else { continue }
            named.insert(name)
            if !outcomes.contains(name) {
                error(nameNode, "a pairwise guide's labels are its outcomes left, right, tie and neither; "
                          + "\"\(name)\" is none of them")
            }
            if let keyNode = keyNode(item), let key = keyNode.string, key.count == 1,
               LabelerKeys.sameKey(Character(key), LabelerKeys.pairwiseDiffKey) {
                error(keyNode, "the key '\(key)' of \"\(name)\" shows the word diff on the pairwise screen; give it another key")
            }
        }
        let missing = ["left", "right"].filter { !named.contains($0) }
        if !missing.isEmpty {
            error(node, "a pairwise guide needs the outcomes left and right; it has no \(missing.joined(separator: " and "))")
        }
    }
}
