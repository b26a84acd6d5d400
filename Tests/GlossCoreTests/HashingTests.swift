import Testing
import GlossCore

@Suite("Hashing")
struct HashingTests {
    // MARK: SHA-256 (FIPS 180-2 / NIST example vectors)

    @Test func sha256Empty() {
        #expect(SHA256().hexDigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func sha256ABC() {
        var hasher = SHA256()
        hasher.update("abc")
        #expect(hasher.hexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: Array("abc".utf8)) == hasher.hexDigest())
    }

    @Test func sha256TwoBlockMessage() {
        var hasher = SHA256()
        hasher.update("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        #expect(hasher.hexDigest() == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func sha256OneMillionA() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(hasher.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func sha256FinalizeDoesNotMutate() {
        var hasher = SHA256()
        hasher.update("ab")
        let before = hasher.finalize()
        #expect(before.count == 32)
        #expect(hasher.finalize() == before)
        hasher.update("c")
        #expect(hasher.hexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// The SHA-NI compression (used where the CPU has it) against the Swift one, on every
    /// length up to four blocks and a long message, and both against a NIST vector.
    @Test func sha256HardwareAndPortableAgree() {
        var seed: UInt32 = 0x9e37_79b9
        let data: [UInt8] = (0..<70_000).map { _ in
            seed = seed &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: seed >> 24)
        }
        for length in Array(0...256) + [4_096, 70_000] {
            var fast = SHA256(), slow = SHA256(portable: true)
            data[0..<length].withUnsafeBytes { fast.update($0); slow.update($0) }
            #expect(fast.finalize() == slow.finalize(), "length \(length)")
        }
        var slow = SHA256(portable: true)
        slow.update(Array("abc".utf8))
        #expect(slow.hexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        print("SHA-256 compression here: \(SHA256.hardware ? "SHA-NI instructions" : "Swift only")")
    }

    @Test(arguments: [1, 3, 63, 64, 65, 1000])
    func sha256SplitUpdatesMatchOneShot(chunkSize: Int) {
        // Deterministic pseudo-random data, long enough to cross many block boundaries.
        var state: UInt32 = 0x1234_5678
        let data: [UInt8] = (0..<5000).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        var whole = SHA256()
        whole.update(data)

        var pieces = SHA256()
        var start = 0
        while start < data.count {
            let end = min(start + chunkSize, data.count)
            data[start..<end].withUnsafeBytes { pieces.update($0) }
            start = end
        }
        #expect(pieces.finalize() == whole.finalize())

        // Every prefix length around the padding boundary (55, 56, 64...) must also agree.
        for length in [55, 56, 57, 63, 64, 65, 119, 120, 128] {
            var a = SHA256()
            a.update(Array(data[0..<length]))
            var b = SHA256()
            for byte in data[0..<length] { b.update([byte]) }
            #expect(a.hexDigest() == b.hexDigest())
        }
    }

    // MARK: MurmurHash3 x64 128

    /// Expected values from Python mmh3 5.x (5.3.1), mmh3.hash_bytes(data, seed).hex().
    static let murmurVectors: [(input: String, seed0: String, seed42: String)] = [
        ("", "00000000000000000000000000000000", "23851bfa7da72af0b9cb11da106601d1"),
        ("a", "897859f6655555855a890e51483ab5e6", "b026f6fda49c2528152bf82591caeb25"),
        ("hello", "029bbd41b3a7d8cb191dae486a901e5b", "086faf60c9b3b8c47abcefb075b83423"),
        ("01234567", "4d3587739b033682204996d8879336c3", "8887d7236ce8637044fc7d0c9bd89586"),
        ("012345678", "ba38e79f51871e4cf197d599f87aa172", "be479c4d7936abedf9b53ff547d9bab5"),
        ("0123456789abcde", "5123bfc0f6d52da6f04c547c0cf5cc4f", "3d96e6e2cc8a6884e7bec6e81eca24c1"),
        ("0123456789abcdef", "a7d14acf946de04bda08a7635c5bc387", "a4b23ced6ba28e81de9f26f945d204f6"),
        ("0123456789abcdefg", "def945aa2d61328eee72c306c2f40008", "7ccb07f7054114d7dba7172f8db28149"),
        ("0123456789abcdefghijklmnopqrstu", "42056e1a0c7828b8b2e9a71391732239", "38ce3e10078bc1095dab6ca9a3d15053"),
        ("0123456789abcdefghijklmnopqrstuv", "f7f1edc0ce5c282f0ba5de7463d605c4", "4644a4f771ecb1731ca5d95f3501c120"),
        ("0123456789abcdefghijklmnopqrstuvw", "28117495bf1720e89aa9c32bb36ec5dd", "7005a5b2196930ea530d6ca0236352b7"),
        ("안녕하세요, 세계! 한국어 텍스트", "2481bac04509bd4a9c178b22ccbd2a25", "9c2aefa53e97a02f7ec6814738622ed0"),
    ]

    @Test func murmur3MatchesPythonMmh3() {
        for vector in Self.murmurVectors {
            let data = Array(vector.input.utf8)
            #expect(ContentHash.murmur3(data).hex == vector.seed0, "seed 0: \(vector.input)")
            #expect(ContentHash.murmur3(data, seed: 42).hex == vector.seed42, "seed 42: \(vector.input)")
        }
    }

    @Test func murmur3UnalignedInputMatchesAligned() {
        let data = Array("0123456789abcdefghijklmnopqrstuvw".utf8)
        let shifted = [0] + data
        let fromOffset = shifted.withUnsafeBytes { ContentHash.murmur3(UnsafeRawBufferPointer(rebasing: $0[1...])) }
        #expect(fromOffset == ContentHash.murmur3(data))
    }

    @Test func contentHashBytesRoundTrip() {
        let hash = ContentHash.murmur3(Array("hello".utf8))
        let bytes = hash.bytes
        #expect(bytes.count == 16)
        #expect(ContentHash(bytes: bytes) == hash)
        #expect(hash.hex.count == 32)

        let custom = ContentHash(h1: 0x0102_0304_0506_0708, h2: 0x1112_1314_1516_1718)
        #expect(custom.bytes == [8, 7, 6, 5, 4, 3, 2, 1, 0x18, 0x17, 0x16, 0x15, 0x14, 0x13, 0x12, 0x11])
        #expect(ContentHash(bytes: custom.bytes) == custom)
        #expect(ContentHash(bytes: []) == nil)
        #expect(ContentHash(bytes: [UInt8](repeating: 0, count: 15)) == nil)
        #expect(ContentHash(bytes: [UInt8](repeating: 0, count: 17)) == nil)
    }
}
