/// 128-bit MurmurHash3 (x64) of bytes: the content hash of an item's normalized text.
/// Fast and allocation-free, so duplicate detection can hash millions of items; not cryptographic.
public struct ContentHash: Hashable, Sendable {
    /// First 64-bit half of the hash (`h1` in `MurmurHash3_x64_128`).
    public let h1: UInt64
    /// Second 64-bit half of the hash (`h2` in `MurmurHash3_x64_128`).
    public let h2: UInt64

    /// Wraps two already-computed 64-bit halves, e.g. when reading a stored hash back.
    public init(h1: UInt64, h2: UInt64) {
        self.h1 = h1
        self.h2 = h2
    }

    private static let c1: UInt64 = 0x87c3_7b91_1142_53d5
    private static let c2: UInt64 = 0x4cf5_ad43_2745_937f

    @inline(__always)
    private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 {
        (x &<< r) | (x &>> (64 &- r))
    }

    @inline(__always)
    private static func fmix(_ k: UInt64) -> UInt64 {
        var k = k
        k ^= k &>> 33
        k &*= 0xff51_afd7_ed55_8ccd
        k ^= k &>> 33
        k &*= 0xc4ce_b9fe_1a85_ec53
        k ^= k &>> 33
        return k
    }

    /// Hashes `bytes` with Austin Appleby's `MurmurHash3_x64_128`; matches Python `mmh3.hash_bytes(data, seed)`.
    public static func murmur3(_ bytes: UnsafeRawBufferPointer, seed: UInt32 = 0) -> ContentHash {
        let length = bytes.count
        var h1 = UInt64(seed)
        var h2 = UInt64(seed)
        let blockCount = length / 16
        var tailStart = 0

        if let base = bytes.baseAddress {
            for i in 0..<blockCount {
                let offset = i &* 16
                var k1 = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                var k2 = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset &+ 8, as: UInt64.self))

                k1 &*= c1; k1 = rotl(k1, 31); k1 &*= c2; h1 ^= k1
                h1 = rotl(h1, 27); h1 &+= h2; h1 = h1 &* 5 &+ 0x52dc_e729

                k2 &*= c2; k2 = rotl(k2, 33); k2 &*= c1; h2 ^= k2
                h2 = rotl(h2, 31); h2 &+= h1; h2 = h2 &* 5 &+ 0x3849_5ab5
            }
            tailStart = blockCount &* 16

            // Tail: up to 15 bytes, little-endian into k1 (bytes 0-7) and k2 (bytes 8-14).
            let tailCount = length &- tailStart
            if tailCount > 0 {
                var k1: UInt64 = 0
                var k2: UInt64 = 0
                for j in 0..<tailCount {
                    let byte = UInt64(base.load(fromByteOffset: tailStart &+ j, as: UInt8.self))
                    if j < 8 {
                        k1 |= byte &<< UInt64(j &* 8)
                    } else {
                        k2 |= byte &<< UInt64((j &- 8) &* 8)
                    }
                }
                if tailCount > 8 {
                    k2 &*= c2; k2 = rotl(k2, 33); k2 &*= c1; h2 ^= k2
                }
                k1 &*= c1; k1 = rotl(k1, 31); k1 &*= c2; h1 ^= k1
            }
        }

        h1 ^= UInt64(length)
        h2 ^= UInt64(length)
        h1 &+= h2
        h2 &+= h1
        h1 = fmix(h1)
        h2 = fmix(h2)
        h1 &+= h2
        h2 &+= h1
        return ContentHash(h1: h1, h2: h2)
    }

    /// Convenience overload hashing a byte array.
    public static func murmur3(_ bytes: [UInt8], seed: UInt32 = 0) -> ContentHash {
        bytes.withUnsafeBytes { murmur3($0, seed: seed) }
    }

    /// 16 bytes: h1 little-endian then h2 little-endian (the byte order of Python mmh3.hash_bytes).
    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(16)
        for word in [h1, h2] {
            for shift in stride(from: 0, to: 64, by: 8) {
                out.append(UInt8(truncatingIfNeeded: word &>> UInt64(shift)))
            }
        }
        return out
    }

    /// Rebuilds a hash from its 16-byte `bytes` form (for storage round trips); nil unless exactly 16 bytes.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 16 else { return nil }
        var h1: UInt64 = 0
        var h2: UInt64 = 0
        for i in 0..<8 {
            h1 |= UInt64(bytes[i]) &<< UInt64(i * 8)
            h2 |= UInt64(bytes[i + 8]) &<< UInt64(i * 8)
        }
        self.init(h1: h1, h2: h2)
    }

    /// Lowercase hex of `bytes` (32 characters).
    public var hex: String {
        SHA256.lowercaseHex(bytes)
    }
}
