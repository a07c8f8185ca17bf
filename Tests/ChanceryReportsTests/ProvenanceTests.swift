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
        #expect(SHA256.hex(Array(text.utf8)) == digest)
        // The code here as well as libcrypto's, whichever `hex` used.
        var own = SHA256(systemLibrary: false)
        own.update(Array(text.utf8))
        #expect(own.finalize() == digest)
    }

    @Test(arguments: [true, false]) func sha256InPiecesEqualsAtOnce(systemLibrary: Bool) {
        let bytes = Array((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        var hasher = SHA256(systemLibrary: systemLibrary)
        for chunk in stride(from: 0, to: bytes.count, by: 37) { hasher.update(bytes[chunk..<min(bytes.count, chunk + 37)]) }
        #expect(hasher.finalize() == SHA256.hex(bytes))
    }

    /// libcrypto's digests are the code here's, for every length around a block; runs wherever libcrypto is
    /// found, and on CI, where it must be.
    @Test(.enabled(if: SystemSHA256() != nil || TestData.isCI, "no libcrypto on this machine: the digests are all made here"))
    func systemLibraryGivesTheSameDigests() throws {
        _ = try #require(SystemSHA256(), "CI is set but libcrypto was not found")
        var generator = SystemRandomNumberGenerator()
        for count in Array(0...130) + [4095, 4096, 1 << 20] {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var own = SHA256(systemLibrary: false), system = SHA256(systemLibrary: true)
            own.update(bytes)
            system.update(bytes)
            #expect(own.finalize() == system.finalize(), "\(count) bytes")
        }
    }

    /// A copy of a digest in progress goes its own way (libcrypto's context is copied, not shared).
    @Test(arguments: [true, false]) func sha256CopiesAreIndependent(systemLibrary: Bool) {
        var first = SHA256(systemLibrary: systemLibrary)
        first.update(Array("ab".utf8))
        var second = first
        second.update(Array("c".utf8))
        first.update(Array("x".utf8))
        #expect(second.finalize() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Python's hashlib.sha256(b"abx").
        #expect(first.finalize() == "b2bdab4230154046ad0b7dfa830a9260caa5bd6ae230e582a2244ab4bf0b4ca5")
        // Finishing one copy leaves the other whole.
        var third = SHA256(systemLibrary: systemLibrary)
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
