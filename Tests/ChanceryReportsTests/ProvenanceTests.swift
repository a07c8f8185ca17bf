import ChanceryTestSupport
import Foundation
import Testing

@testable import ChanceryPipeline
@testable import ChanceryReports

@Suite struct ProvenanceTests {
    /// FIPS 180-4 examples; the million-"a" digest from Python's hashlib.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ])
    func sha256MatchesKnownDigests(_ text: String, _ digest: String) {
        // FIPS 180-4 examples; the million-"a" digest from Python's hashlib.
        #expect(SHA256.hex(Array(text.utf8)) == digest)
    }

    /// `count` bytes of a fixed pattern, as the digests below were made: `bytes((i * 31 + 7) & 0xFF for i in range(count))`.
    static func pattern(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) } }

    /// Every length around a block (the padding fits in the last block up to 55 bytes and takes a second from 56),
    /// and around the megabyte `hexOfFile` reads at a time, gives Python hashlib's digest: the digests of the
    /// lengths below, joined, digest to hashlib's. (They were the hand-written SHA-256's and libcrypto's digests
    /// too, which made the manifests before swift-crypto did.)
    @Test func sha256MatchesHashlibAtEveryLengthAroundABlock() {
        #expect(SHA256.hex(Self.pattern(55)) == "8aa994584139d128848eeebc4e815639ba5ab6e6e39574195a63ac4f14f7c43b")
        #expect(SHA256.hex(Self.pattern(56)) == "ad574708f75c044c9b85de64cb568ee7711ff4f36448c6242f053ba8f6cc2b63")
        #expect(SHA256.hex(Self.pattern(63)) == "280ed3e8ff1df845b2e7dfe6ac6cee817bef20e783cc65abc41b818b4d2fe076")
        #expect(SHA256.hex(Self.pattern(64)) == "c6ab9724ade5b6a7a1edfffb12f3aa9181351355af8fd08c919952ad211339dd")
        #expect(SHA256.hex(Self.pattern(65)) == "788367c73c7ddf4c53f65e68cc0d943e6227ab55b0e78ba63ace822b1c6301c0")
        let lengths = Array(0...130) + [4095, 4096, 4097, (1 << 20) - 1, 1 << 20, (1 << 20) + 1]
        let joined = lengths.map { SHA256.hex(Self.pattern($0)) }.joined()
        #expect(SHA256.hex(Array(joined.utf8)) == "ef078d53ef81e95b0c512aec9203ba29b26dcd466719de8eee44d244a95f4c86")
    }

    /// A file read in megabytes (two reads here) digests as its bytes do; a file that cannot be read, as no bytes.
    @Test func sha256OfAFile() throws {
        let folder = try TestData.temporaryFolder("chancery-sha256")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bytes").path
        try Data(Self.pattern((1 << 20) + 1)).write(to: URL(fileURLWithPath: path))
        #expect(SHA256.hexOfFile(path) == "0d09f3eabb5c78e5d435c41e3b3755f1c4d038657f739d0be0083c24e71235df")
        #expect(SHA256.hexOfFile(path + "-missing") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// Pieces of any size, and a collection without contiguous storage, digest as the whole does.
    @Test func sha256InPiecesEqualsAtOnce() {
        let bytes = Self.pattern(1000)
        for size in [1, 37, 63, 64, 65, 999] {
            var hasher = SHA256()
            for chunk in stride(from: 0, to: bytes.count, by: size) { hasher.update(bytes[chunk..<min(bytes.count, chunk + size)]) }
            #expect(hasher.finalize() == SHA256.hex(bytes), "pieces of \(size)")
        }
        #expect(SHA256.hex((0..<1000).lazy.map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }) == SHA256.hex(bytes))
    }

    /// A copy of a digest in progress goes its own way.
    @Test func sha256CopiesAreIndependent() {
        var first = SHA256()
        first.update(Array("ab".utf8))
        var second = first
        second.update(Array("c".utf8))
        first.update(Array("x".utf8))
        #expect(second.finalize() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Python's hashlib.sha256(b"abx").
        #expect(first.finalize() == "b2bdab4230154046ad0b7dfa830a9260caa5bd6ae230e582a2244ab4bf0b4ca5")
        // Finishing one copy leaves the other whole.
        var third = SHA256()
        third.update(Array("abc".utf8))
        var fourth = third
        #expect(third.finalize() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(fourth.finalize() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test(arguments: [
        ("frus1961-63v22/d1", "frus1961-63v22-d1"),
        ("../../etc/passwd", "etc-passwd"),
        ("/absolute/path", "absolute-path"),
        ("..", "document"),
        ("", "document"),
        ("Cable \u{202E}txt.exe", "cable-txt-exe"),
        ("000_194599ba3e5187bf", "000_194599ba3e5187bf"),
        ("Ri Ju-yeon's cable", "ri-ju-yeon-s-cable"),
    ])
    func slugsAreSafeFileNames(_ id: String, _ slug: String) {
        let made = Slug.make(id)
        #expect(made == slug)
        #expect(!made.contains("/") && !made.contains("..") && !made.isEmpty)
    }

    @Test func slugsAreBoundedAndUnique() {
        let long = String(repeating: "x", count: 500)
        #expect(Slug.make(long).count == Slug.maximumLength)
        #expect(Slug.unique(["a/b", "a.b", "A B", long, long]) == ["a-b", "a-b-2", "a-b-3", String(repeating: "x", count: 80), String(repeating: "x", count: 74) + "-2"])
    }
}
