import Yams

/// Reads the YAML nodes of a guide's front matter into a `Guide`, reporting every problem at
/// the position of the node that has it.
struct FrontMatterReader {
    var sink: DiagnosticSink
    /// The file line of the opening `---` (YAML line 1 is the line after it).
    let frontMatterLine: Int
    /// The file line of the closing `---`, where missing fields are reported.
    let closeLine: Int
    /// The labels read so far, kept even when other fields have errors.
    var labels: [GuideLabel] = []

    static let colors: Set<String> = ["red", "green", "yellow", "blue", "magenta", "cyan", "white", "gray", "grey"]
    static let maxNameWidth = 32

    func position(_ node: Node) -> (Int, Int) {
        guard let mark = node.mark else { return (frontMatterLine, 1) }
        return (mark.line + frontMatterLine, mark.column)
    }

    mutating func error(_ node: Node, _ message: String) {
        let (line, column) = position(node)
        sink.error(line, column, message)
    }

    mutating func warning(_ node: Node, _ message: String) {
        let (line, column) = position(node)
        sink.warning(line, column, message)
    }

    mutating func read(_ root: Node?, body: String, bodyLine: Int, text: String) -> Guide? {
        guard let root, case .mapping(let mapping) = root else {
            sink.error(frontMatterLine + 1, 1, "the front matter must be a YAML mapping with name, task and labels")
            return nil
        }
        var fields: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            if fields[name] != nil { error(key, "the field \"\(name)\" appears twice") }
            fields[name] = (key, value)
            if !["name", "task", "labels", "instructions", "examples", "questions", "criteria", "correct", "response",
                 "multiline"].contains(name) {
                warning(key, "unknown field \"\(name)\" (the fields are name, task, labels, instructions, examples, "
                            + "and for judging guides questions, criteria, correct, response, multiline)")
            }
        }
        let name = requiredString(fields["name"], field: "name")
        let task = readTask(fields["task"])
        if task == .rating || task == .text {
            if let field = fields["labels"] {
                error(field.key, task == .rating ? "a rating guide has criteria, not labels: a digit rates the current criterion"
                                                 : "a text guide has no labels: the annotator types the answer")
            }
        } else if task == .ranking {
            if let field = fields["labels"] {
                error(field.key, "a ranking guide has no labels: a digit places the response of that number, "
                          + "\(LabelerKeys.rankingTieKey) ties the next with the previous")
            }
        } else {
            labels = readLabels(fields["labels"])
        }
        if task == .pairwise, let field = fields["labels"], !labels.isEmpty { checkPairwiseLabels(field.value) }
        let questions = readQuestions(task: task, fields: fields, labels: labels)
        var instructions: String?
        if let field = fields["instructions"] {
            instructions = field.value.string
            if instructions == nil { error(field.value, "instructions must be text (one paragraph)") }
        }
        if let field = fields["examples"] { readTopLevelExamples(field.value, labels: labels) }
        guard let name, let task, let questions, task == .rating || task == .ranking || task == .text || !labels.isEmpty else {
            return nil
        }
        return Guide(name: name, task: task, labels: labels, questions: questions, instructions: instructions, body: body,
                     bodyLine: bodyLine, text: text)
    }

    mutating func requiredString(_ field: (key: Node, value: Node)?, field name: String) -> String? {
        guard let field else {
            sink.error(closeLine, 1, "the front matter has no \"\(name)\"")
            return nil
        }
        guard let value = field.value.string, !value.trimmingASCIIWhitespace().isEmpty else {
            error(field.value, "\"\(name)\" must be non-empty text")
            return nil
        }
        return value
    }

    mutating func readTask(_ field: (key: Node, value: Node)?) -> TaskType? {
        guard let field else {
            sink.error(closeLine, 1, "the front matter has no \"task\" (one of \(TaskType.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        guard let text = field.value.string, let task = TaskType(rawValue: text) else {
            error(field.value, "unknown task \"\(field.value.string ?? "")\"; the tasks are \(TaskType.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return task
    }

    mutating func readLabels(_ field: (key: Node, value: Node)?) -> [GuideLabel] {
        guard let field else {
            sink.error(closeLine, 1, "the front matter has no \"labels\"; a guide needs at least one label")
            return []
        }
        guard case .sequence(let items) = field.value, !items.isEmpty else {
            error(field.value, "\"labels\" must be a non-empty list of labels")
            return []
        }
        var labels: [GuideLabel] = []
        var namesSeen: [String: Int] = [:]
        var keysSeen: [String: (name: String, line: Int)] = [:]
        for item in items {
            guard let label = readLabel(item) else { continue }
            let (line, _) = position(item)
            if let first = namesSeen[label.name.lowercased()] {
                error(nameNode(item) ?? item, "the label name \"\(label.name)\" is used twice (first on line \(first))")
            } else {
                namesSeen[label.name.lowercased()] = line
            }
            if let key = label.key {
                if let first = keysSeen[key.lowercased()] {
                    error(keyNode(item) ?? item, "the key '\(key)' of \"\(label.name)\" is already the key of \"\(first.name)\" (line \(first.line)); keys are case-insensitive")
                } else {
                    keysSeen[key.lowercased()] = (label.name, line)
                }
            }
            labels.append(label)
        }
        if labels.count > LabelerKeys.availableKeyCount {
            warning(field.value, "\(labels.count) labels but only \(LabelerKeys.availableKeyCount) single keys (letters but q, and digits)")
        }
        return labels
    }

    func keyNode(_ item: Node) -> Node? { field("key", of: item) }

    func nameNode(_ item: Node) -> Node? { field("name", of: item) }

    func field(_ name: String, of item: Node) -> Node? {
        guard case .mapping(let mapping) = item else { return nil }
        return mapping.first { $0.key.string == name }?.value
    }
}
