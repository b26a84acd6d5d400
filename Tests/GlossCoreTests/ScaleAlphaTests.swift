import GlossCore
import Testing

/// Krippendorff's α on rating scales against the `krippendorff` package (Tests/Fixtures/judging).
@Suite("Krippendorff's α ordinal, interval and ratio")
struct ScaleAlphaTests {
    @Test func fixturesArePresentAndDescribed() throws {
        #expect(JudgingFixture.names("alpha-").count == 8)
        for name in JudgingFixture.names("alpha-") {
            let fixture = try JudgingFixture.load(name, as: JudgingFixture.Alpha.self)
            #expect(fixture.source.contains("krippendorff 0.9.0"), "\(name)")
            #expect(fixture.expected.count == 8, "\(name)")
        }
    }

    @Test(arguments: JudgingFixture.names("alpha-"))
    func equalsThePackage(_ name: String) throws {
        let fixture = try JudgingFixture.load(name, as: JudgingFixture.Alpha.self)
        for level in MeasurementLevel.allCases {
            let alpha = Agreement.krippendorffAlpha(fixture.units, points: 1...fixture.points, level: level)
            // With the scale's points as value_domain, and with the observed values only.
            expectClose(alpha, try #require(fixture.expected[level.rawValue]), "\(name) \(level)")
            expectClose(alpha, try #require(fixture.expected[level.rawValue + "Observed"]), "\(name) \(level) observed")
        }
    }

    @Test(arguments: JudgingFixture.names("alpha-"))
    func unitOrderDoesNotChangeABit(_ name: String) throws {
        let fixture = try JudgingFixture.load(name, as: JudgingFixture.Alpha.self)
        var forward = ScaleUnitsTally(points: 1...fixture.points)
        var backward = ScaleUnitsTally(points: 1...fixture.points)
        for unit in fixture.units { forward.add(unit) }
        for unit in fixture.units.reversed() { backward.add(unit.reversed()) }
        for level in MeasurementLevel.allCases {
            #expect(forward.alpha(level)?.bitPattern == backward.alpha(level)?.bitPattern, "\(name) \(level)")
        }
    }

    @Test func nominalEqualsTheNominalTally() throws {
        for name in JudgingFixture.names("alpha-") {
            let fixture = try JudgingFixture.load(name, as: JudgingFixture.Alpha.self)
            let strings = fixture.units.map { $0.map(String.init) }
            expectClose(Agreement.krippendorffAlpha(fixture.units, points: 1...fixture.points, level: .nominal),
                        Agreement.krippendorffAlpha(strings), "\(name)", tolerance: 1e-12)
        }
    }

    /// Krippendorff (2011), section E, prints ordinal 0.815, interval 0.849, ratio 0.797.
    @Test func publishedValues() throws {
        let fixture = try JudgingFixture.load("alpha-krippendorff-2011.json", as: JudgingFixture.Alpha.self)
        let alpha = { (level: MeasurementLevel) in Agreement.krippendorffAlpha(fixture.units, points: 1...5, level: level) }
        expectClose(alpha(.ordinal), 0.815, "ordinal", tolerance: 5e-4)
        expectClose(alpha(.interval), 0.849, "interval", tolerance: 5e-4)
        expectClose(alpha(.ratio), 0.797, "ratio", tolerance: 5e-4)
        expectClose(alpha(.nominal), 0.743, "nominal", tolerance: 5e-4)
    }

    @Test func undefinedAndOutOfScale() {
        var tally = ScaleUnitsTally(points: 1...5)
        #expect(tally.alpha(.interval) == nil)
        tally.add([4])
        tally.add([])
        #expect(tally.units == 0 && tally.alpha(.ordinal) == nil)
        // A 7 on a 5-point scale leaves the unit with one value: not pairable.
        tally.add([2, 7])
        tally.add([0, 3, 3])
        #expect(tally.outOfScale == 2)
        #expect(tally.units == 1)
        #expect(tally.alpha(.ordinal) == nil, "every pairable value is 3")
        tally.add([1, 5])
        // Units [3, 3] and [1, 5]: D_o = 32 / 1, D_e = (1·1·16 + 2·(3-1)² ·… ) checked by hand below.
        // Interval: o_15 = o_51 = 1, o_33 = 2; n = (1: 1, 3: 2, 5: 1), n = 4.
        // Σ o δ² = 2 · 16 = 32; Σ n_c n_k δ² = 2·(1·2·4 + 1·1·16 + 2·1·4) = 64; α = 1 − 3 · 32 / 64 = −0.5.
        expectClose(tally.alpha(.interval), -0.5, "interval by hand", tolerance: 1e-15)
    }
}
