import Yams

/// The questions of a guide: `questions:` (any pairwise, rating or text guide), a rating
/// guide's top-level `criteria` and a text guide's top-level `correct`, `response` and
/// `multiline`. Every problem is reported at the node that has it.
extension FrontMatterReader {
    static let questionFields = ["id", "kind", "criteria", "per", "optional", "description", "correct", "response", "multiline"]
    static let textFields = ["correct", "response", "multiline"]
    static let criterionFields = ["name", "description", "scale", "anchors"]

    /// Reads the questions of a guide of `task`; `labels` are the guide's labels (a pairwise
    /// question's outcomes). Returns nil when they cannot be read (errors were reported).
    mutating func readQuestions(task: TaskType?, fields: [String: (key: Node, value: Node)],
                                labels: [GuideLabel]) -> [GuideQuestion]? {
        var questions: [GuideQuestion] = []
        if let field = fields["questions"] {
            guard task == .pairwise || task == .rating || task == .text else {
                error(field.key, "\"questions\" are for pairwise, rating and text guides; a \(task?.rawValue ?? "") guide asks one question")
                return nil
            }
            guard case .sequence(let items) = field.value, !items.isEmpty else {
                error(field.value, "\"questions\" must be a non-empty list of questions, each with id and kind")
                return nil
            }
            var ids: [String: Int] = [:]
            var failed = false
            for item in items {
                guard let question = readQuestion(item, task: task) else { failed = true; continue }
                if let first = ids[question.id] {
                    error(self.field("id", of: item) ?? item, "the question id \"\(question.id)\" is used twice (first on line \(first))")
                    failed = true
                }
                ids[question.id] = position(item).0
                questions.append(question)
            }
            if let criteria = fields["criteria"] {
                error(criteria.key, "give the criteria inside the rating questions, not beside \"questions\"")
                failed = true
            }
            for name in Self.textFields {
                guard let field = fields[name] else { continue }
                error(field.key, "give \"\(name)\" inside the text question, not beside \"questions\"")
                failed = true
            }
            if failed { return nil }
            let pairwise = questions.filter { $0.kind == .pairwise }
            if task == .pairwise && pairwise.count != 1 {
                error(field.value, pairwise.isEmpty
                    ? "a pairwise guide's questions need one question of kind pairwise (its outcomes are the guide's labels)"
                    : "a guide asks one pairwise question; this one lists \(pairwise.count)")
                return nil
            }
            let texts = questions.filter { $0.kind == .text }
            if texts.count > 1 || (task == .text && texts.isEmpty) {
                error(field.value, texts.isEmpty ? "a text guide's questions need one question of kind text"
                                                 : "a guide asks one text question; this one lists \(texts.count)")
                return nil
            }
        } else if task == .rating {
            guard let field = fields["criteria"] else {
                sink.error(closeLine, 1, "a rating guide needs \"criteria\" (each with name, scale and anchors) or \"questions\"")
                return nil
            }
            guard let criteria = readCriteria(field.value, question: "rating") else { return nil }
            questions = [GuideQuestion(id: "rating", kind: .rating, criteria: criteria)]
        } else if task == .text {
            guard let text = readTextQuestion(fields.mapValues(\.value)) else { return nil }
            questions = [GuideQuestion(id: "text", kind: .text, text: text)]
        } else if let field = fields["criteria"] {
            error(field.key, "\"criteria\" are for rating guides, or for a rating question under \"questions\"")
            return nil
        }
        if task != .text, fields["questions"] == nil {
            for name in Self.textFields {
                guard let field = fields[name] else { continue }
                error(field.key, "\"\(name)\" is for text guides, or for a text question under \"questions\"")
                return nil
            }
        }
        guard checkAcrossQuestions(questions, fields: fields, labels: labels) else { return nil }
        return questions
    }

    /// What only the whole list can tell: criterion names unique across questions (the
    /// value keeps them in one object), ratings of the item and of responses not mixed, and
    /// a combined guide's outcome keys kept off the digits of its scales.
    mutating func checkAcrossQuestions(_ questions: [GuideQuestion], fields: [String: (key: Node, value: Node)],
                                       labels: [GuideLabel]) -> Bool {
        let node = fields["questions"]?.value ?? fields["criteria"]?.value
        var ok = true
        var names: Set<String> = []
        for criterion in questions.flatMap(\.criteria) where !names.insert(criterion.name).inserted {
            if let node { error(node, "the criterion \"\(criterion.name)\" is rated in two questions; give each criterion one question") }
            ok = false
        }
        let ratings = questions.filter { $0.kind == .rating }
        if Set(ratings.map(\.perResponse)).count > 1, let node {
            error(node, "the rating questions rate the item and each response both; rate one or the other in a guide")
            ok = false
        }
        if !ratings.isEmpty, let labelsNode = fields["labels"]?.value, case .sequence(let items) = labelsNode {
            for item in items {
                guard let keyNode = keyNode(item), let key = keyNode.string, key.count == 1,
                      let digit = Int(key), (1...9).contains(digit) else { continue }
                error(keyNode, "the key '\(key)' of \"\(nameNode(item)?.string ?? "")\" is a rating's digit in this guide; "
                          + "give the outcome a letter")
                ok = false
            }
        }
        return ok
    }

    mutating func readQuestion(_ item: Node, task: TaskType?) -> GuideQuestion? {
        guard case .mapping(let mapping) = item else {
            error(item, "each question is a mapping with id, kind and (for a rating) criteria")
            return nil
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            if !Self.questionFields.contains(name) {
                warning(key, "unknown question field \"\(name)\" (the fields are \(Self.questionFields.joined(separator: ", ")))")
            }
            fields[name] = value
        }
        guard let idNode = fields["id"], let id = idNode.string?.trimmingASCIIWhitespace(), !id.isEmpty else {
            error(fields["id"] ?? item, "a question has no id (a name such as winner or quality)")
            return nil
        }
        guard let kindNode = fields["kind"] else {
            error(idNode, "the question \"\(id)\" has no kind (pairwise or rating)")
            return nil
        }
        let kindName = kindNode.string ?? ""
        guard let kind = GuideQuestion.Kind(rawValue: kindName) else {
            if kindName == "ranking" {
                error(kindNode, "a ranking is a guide of its own (task: ranking), not a question; the kinds are pairwise, rating and text")
            } else {
                error(kindNode, "unknown question kind \"\(kindName)\"; the kinds are pairwise, rating and text")
            }
            return nil
        }
        var optional = false
        if let node = fields["optional"] {
            guard let value = node.bool else {
                error(node, "\"optional\" must be true or false")
                return nil
            }
            optional = value
        }
        switch kind {
        case .pairwise:
            if task != .pairwise {
                error(kindNode, "a pairwise question needs a pairwise guide (task: pairwise), whose labels are its outcomes")
                return nil
            }
            if optional, let node = fields["optional"] {
                error(node, "the pairwise question cannot be optional: it is what the item is judged for")
                return nil
            }
            for name in ["criteria", "per"] where fields[name] != nil {
                error(fields[name]!, "a pairwise question takes no \"\(name)\"; its outcomes are the guide's labels")
                return nil
            }
            return GuideQuestion(id: id, kind: .pairwise)
        case .rating:
            var perResponse = false
            if let node = fields["per"] {
                guard node.string == "response" || node.string == "item" else {
                    error(node, "\"per\" is response (rate each response) or item (rate the item once)")
                    return nil
                }
                perResponse = node.string == "response"
                if perResponse && task != .pairwise {
                    error(node, "per: response needs the two responses on screen: ask it in a pairwise guide (task: pairwise)")
                    return nil
                }
            }
            guard let criteriaNode = fields["criteria"] else {
                error(idNode, "the rating question \"\(id)\" has no criteria (each with name, scale and anchors)")
                return nil
            }
            guard let criteria = readCriteria(criteriaNode, question: id) else { return nil }
            return GuideQuestion(id: id, kind: .rating, criteria: criteria, perResponse: perResponse, optional: optional)
        case .text:
            for name in ["criteria", "per"] where fields[name] != nil {
                error(fields[name]!, "a text question takes no \"\(name)\"; the annotator types the answer")
                return nil
            }
            guard let text = readTextQuestion(fields) else { return nil }
            return GuideQuestion(id: id, kind: .text, optional: optional, text: text)
        }
    }

    /// A text question's `correct` (answer or response), `response` (the model corrected)
    /// and `multiline` (true or false).
    mutating func readTextQuestion(_ fields: [String: Node]) -> TextQuestion? {
        var text = TextQuestion()
        if let node = fields["correct"] {
            guard node.string == "response" || node.string == "answer" else {
                error(node, "\"correct\" is response (correct a response of the item) or answer (type a free answer)")
                return nil
            }
            text.corrects = node.string == "response"
        }
        if let node = fields["response"] {
            guard let model = node.string?.trimmingASCIIWhitespace(), !model.isEmpty else {
                error(node, "\"response\" names the model whose response is corrected, such as atlas-7b")
                return nil
            }
            guard text.corrects else {
                error(node, "\"response\" names the response to correct: give \"correct: response\" with it")
                return nil
            }
            text.model = model
        }
        if let node = fields["multiline"] {
            guard let value = node.bool else {
                error(node, "\"multiline\" must be true or false")
                return nil
            }
            text.multiline = value
        }
        return text
    }

    /// A list of criteria: name, scale (2...9), anchors (`{1: "...", 5: "..."}`), description.
    mutating func readCriteria(_ node: Node, question: String) -> [RatingCriterion]? {
        guard case .sequence(let items) = node, !items.isEmpty else {
            error(node, "the criteria of \"\(question)\" must be a non-empty list, each with name, scale and anchors")
            return nil
        }
        var criteria: [RatingCriterion] = []
        var failed = false
        for item in items {
            guard let criterion = readCriterion(item) else { failed = true; continue }
            if criteria.contains(where: { $0.name == criterion.name }) {
                error(nameNode(item) ?? item, "the criterion \"\(criterion.name)\" appears twice in \"\(question)\"")
                failed = true
            }
            criteria.append(criterion)
        }
        return failed ? nil : criteria
    }

    mutating func readCriterion(_ item: Node) -> RatingCriterion? {
        guard case .mapping(let mapping) = item else {
            error(item, "each criterion is a mapping with name, scale and anchors")
            return nil
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            if !Self.criterionFields.contains(name) {
                warning(key, "unknown criterion field \"\(name)\" (the fields are \(Self.criterionFields.joined(separator: ", ")))")
            }
            fields[name] = value
        }
        guard let nameNode = fields["name"], let name = nameNode.string?.trimmingASCIIWhitespace(), !name.isEmpty else {
            error(fields["name"] ?? item, "a criterion has no name")
            return nil
        }
        guard let scaleNode = fields["scale"] else {
            error(nameNode, "the criterion \"\(name)\" has no scale (the number of points, 2 to 9)")
            return nil
        }
        guard let scale = scaleNode.int, RatingCriterion.scales.contains(scale) else {
            error(scaleNode, "the scale of \"\(name)\" is \(scaleNode.string ?? "not a number"); a scale has 2 to 9 points (one digit key each)")
            return nil
        }
        var anchors: [Int: String] = [:]
        if let anchorsNode = fields["anchors"] {
            guard case .mapping(let pairs) = anchorsNode else {
                error(anchorsNode, "the anchors of \"\(name)\" must be a mapping of points to descriptions, such as {1: \"wrong\", \(scale): \"right\"}")
                return nil
            }
            var failed = false
            for (pointNode, text) in pairs {
                guard let point = pointNode.int, (1...scale).contains(point) else {
                    error(pointNode, "the anchor \(pointNode.string ?? "") of \"\(name)\" is not a point of its scale 1-\(scale)")
                    failed = true
                    continue
                }
                guard let description = text.string?.trimmingASCIIWhitespace(), !description.isEmpty else {
                    error(text, "the anchor \(point) of \"\(name)\" needs a description")
                    failed = true
                    continue
                }
                anchors[point] = description
            }
            if failed { return nil }
        } else {
            warning(nameNode, "the criterion \"\(name)\" has no anchors; annotators see only its points")
        }
        var description: String?
        if let node = fields["description"] {
            description = node.string?.trimmingASCIIWhitespace()
            if description?.isEmpty != false { description = nil }
        }
        return RatingCriterion(name: name, description: description, scale: scale, anchors: anchors)
    }
}
