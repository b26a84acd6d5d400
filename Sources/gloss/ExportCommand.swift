import ArgumentParser
import Foundation
import GlossApp
import GlossCore
import GlossStore

extension ExportFormat: ExpressibleByArgument {}
extension ConsensusPolicy: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a project's labels for training: jsonl, csv, fasttext, hf, spacy, conll, label-studio, dpo or kto.",
        discussion: """
            An export is a directory (--out DIR, created; - writes a one-file export to standard \
            output) with the format's files and manifest.json: the project, dataset import batches, \
            guide versions, policy, split, model, counts and the sha256 of every file. Each export \
            is recorded in the store (gloss exports PROJECT); gloss export --verify DIR rechecks \
            the files. The same store and options give the same bytes.

            Files: jsonl data.jsonl · csv data.csv · label-studio tasks.json · fasttext, spacy, \
            conll one file per split (train, validation, test) · hf train/validation/test.jsonl, \
            label_names.json and a dataset card README.md for datasets.load_dataset(DIR) · dpo \
            (pairwise projects) train/validation/test.jsonl of TRL preference rows (id, prompt, \
            chosen, rejected; ties and neither left out) · kto (pairwise projects) \
            train/validation/test.jsonl of TRL unpaired rows (id, prompt, completion, label): \
            winners true and losers false, or with --kto-threshold N each rated response, true \
            when rated N or more on every criterion.

            Consensus (--policy): an adjudication is the final value under every policy; the \
            policy decides the other items. majority (default): classify the most frequent label, \
            ties left out; multilabel/spans each label (span) chosen by more than half, an exact \
            half is a tie and left out. unanimous: only items whose label decisions all agree. \
            adjudicated: only adjudicated items. any: multilabel/spans the union; classify the \
            most frequent label, ties broken by the earliest decision. all: multilabel/spans what \
            every annotator chose; classify as unanimous. Skip and flag decisions never vote; items \
            someone skipped or flagged are left out unless --include-skipped/--include-flagged.

            Splits (--split, default 80/10/10): an item's split comes from a hash of its id and \
            --seed (MurmurHash3), so labeling more never moves an item. --stratify balances each \
            label across the splits and remembers every assignment in the store, so those never \
            move either.

            Examples:
              gloss export reviews --format jsonl --out exports/reviews-v1
              gloss export reviews --format hf --out hf/reviews --split 80/10/10 --seed 7 --stratify
              gloss export reviews --format csv --out - --split none > reviews.csv
              gloss export entities --format conll --out conll/entities --policy unanimous
              gloss export reviews --format jsonl --out with-model --include-predictions
              gloss export --verify exports/reviews-v1
            """
    )

    @Argument(help: "The project (not with --verify).", completion: .projects) var project: String?
    @Option(help: "The format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).") var format: ExportFormat?
    @Option(help: ArgumentHelp("The directory to create, or - for standard output.", valueName: "dir")) var out: String?
    @Option(help: "How decisions become a value: adjudicated, majority, unanimous, any or all.") var policy: ConsensusPolicy = .majority
    @Option(help: ArgumentHelp("Leave out items whose annotators agree less than this (0-1); adjudicated items stay.", valueName: "x")) var minAgreement: Double?
    @Flag(help: "Keep items someone skipped (their label decisions still count).") var includeSkipped = false
    @Flag(help: "Keep items someone flagged.") var includeFlagged = false
    @Flag(help: "Add the newest model's value for items with no label, marked as predictions.") var includePredictions = false
    @Option(help: ArgumentHelp("Train/validation/test shares, or none.", valueName: "a/b/c")) var split = "80/10/10"
    @Option(help: "The seed of the split hash.") var seed: UInt32 = 0
    @Flag(help: "Balance each label across the splits (assignments are remembered in the store).") var stratify = false
    @Flag(help: "Replace an earlier export in --out.") var force = false
    @Option(help: ArgumentHelp("kto: label each rated response true when rated this or more on every criterion (else winners and losers).", valueName: "n")) var ktoThreshold: Int?
    @Option(help: ArgumentHelp("Recheck an export directory's files against its manifest.json.", valueName: "dir")) var verify: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if verify != nil {
            if project != nil || format != nil || out != nil {
                throw ValidationError("--verify DIR takes no project, --format or --out.")
            }
            return
        }
        guard project != nil else { throw ValidationError("Name the project to export, e.g. gloss export reviews --format jsonl --out DIR.") }
        guard format != nil else { throw ValidationError("Give --format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).") }
        guard let out, !out.isEmpty else { throw ValidationError("Give --out DIR (a directory to create) or --out - for standard output.") }
        if let minAgreement, !(0...1).contains(minAgreement) {
            throw ValidationError("--min-agreement must be between 0 and 1, not \(minAgreement).")
        }
        if let ktoThreshold {
            guard format == .kto else { throw ValidationError("--kto-threshold is for --format kto.") }
            guard (1...9).contains(ktoThreshold) else { throw ValidationError("--kto-threshold is a point of a rating scale, 1 to 9, not \(ktoThreshold).") }
        }
        if stratify, split.lowercased() == "none" { throw ValidationError("--stratify needs a split; drop --split none.") }
    }

    func run() throws {
        if let verify { return try ExportVerification.run(directory: verify, store: store) }
        guard let project, let format, let out else { return }
        let plan: SplitPlan?
        do { plan = try SplitPlan.parse(split, seed: seed, stratify: stratify) } catch { throw ValidationError(error.description) }
        let request = ExportRun.Request(
            project: project, format: format, destination: out == "-" ? nil : out, replace: force,
            query: ExportQuery(policy: policy, filter: ExportFilter(
                includeSkipped: includeSkipped, includeFlagged: includeFlagged,
                minAgreement: minAgreement, includePredictions: includePredictions), split: plan),
            ktoThreshold: ktoThreshold)
        let outcome = try ExportRun.run(request, database: store.openWritingIfAllowed())
        ExportSummary.print(outcome, request: request)
    }
}
