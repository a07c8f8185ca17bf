#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// SHA-256 (FIPS 180-4), for the provenance manifest: a digest of every input, every output, the lexicon and the stopword list.
///
/// The algorithm is written here, so digests need no package and no library.
/// When the system has OpenSSL's libcrypto (loaded at run time, never
/// required), its SHA-256 does the work instead: it uses the processor's SHA
/// instructions, and a report digests every byte it reads and writes (a
/// 214 MB workbook: 0.26 s through libcrypto in Python's hashlib, 1.24 s
/// here). Both give the same digests; the tests check each against the FIPS
/// 180-4 examples and Python's hashlib.
public struct SHA256: Sendable {
    private var state: [UInt32] = [
        0x6A09_E667, 0xBB67_AE85, 0x3C6E_F372, 0xA54F_F53A, 0x510E_527F, 0x9B05_688C, 0x1F83_D9AB, 0x5BE0_CD19,
    ]
    private var pending: [UInt8] = []
    private var length: UInt64 = 0
    /// libcrypto's state, when the system library is used.
    private var system: SystemSHA256?

    public init() {
        self.init(systemLibrary: true)
    }

    /// With `systemLibrary` false, the digest is always computed here (for tests of this code).
    init(systemLibrary: Bool) {
        system = systemLibrary ? SystemSHA256() : nil
    }

    public mutating func update(_ bytes: some Collection<UInt8>) {
        if system != nil {
            if !isKnownUniquelyReferenced(&system!) { system = system!.copy() }
            let system = system!
            if bytes.withContiguousStorageIfAvailable({ system.update(UnsafeRawBufferPointer($0)) }) == nil {
                Array(bytes).withUnsafeBytes { system.update($0) }
            }
            return
        }
        length &+= UInt64(bytes.count)
        let contiguous = Array(bytes)
        contiguous.withUnsafeBufferPointer { input in
            var offset = 0
            // Top up a partial block first, then compress whole blocks straight from the input.
            if !pending.isEmpty {
                let take = min(64 - pending.count, input.count)
                pending.append(contentsOf: input[0..<take])
                offset = take
                if pending.count == 64 {
                    pending.withUnsafeBufferPointer { compress($0) }
                    pending.removeAll(keepingCapacity: true)
                }
            }
            while input.count - offset >= 64 {
                compress(UnsafeBufferPointer(rebasing: input[offset..<(offset + 64)]))
                offset += 64
            }
            pending.append(contentsOf: input[offset...])
        }
    }

    /// The digest as lower-case hex. This ends the digest: a hasher is not updated or finalized again.
    public mutating func finalize() -> String {
        if system != nil {
            // A copy made before may share libcrypto's context and finish it later: finish a copy of our own.
            if !isKnownUniquelyReferenced(&system!) { system = system!.copy() }
            defer { system = nil }
            return system!.finish()
        }
        let bits = length &* 8
        var tail: [UInt8] = [0x80]
        while (pending.count + tail.count) % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        pending.append(contentsOf: tail)
        pending.withUnsafeBufferPointer { blocks in
            var offset = 0
            while offset < blocks.count {
                compress(UnsafeBufferPointer(rebasing: blocks[offset..<(offset + 64)]))
                offset += 64
            }
        }
        pending = []
        return state.map { word in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
    }

    /// The hex digest of some bytes.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The hex digest of a file, read a megabyte at a time; the digest of no bytes when it cannot be read.
    public static func hexOfFile(_ path: String) -> String {
        var hasher = SHA256()
        if let handle = FileHandle(forReadingAtPath: path) {
            defer { try? handle.close() }
            while let block = try? handle.read(upToCount: 1 << 20), !block.isEmpty {
                hasher.update(block)
            }
        }
        return hasher.finalize()
    }

    private static let k: [UInt32] = [
        0x428A_2F98, 0x7137_4491, 0xB5C0_FBCF, 0xE9B5_DBA5, 0x3956_C25B, 0x59F1_11F1, 0x923F_82A4, 0xAB1C_5ED5,
        0xD807_AA98, 0x1283_5B01, 0x2431_85BE, 0x550C_7DC3, 0x72BE_5D74, 0x80DE_B1FE, 0x9BDC_06A7, 0xC19B_F174,
        0xE49B_69C1, 0xEFBE_4786, 0x0FC1_9DC6, 0x240C_A1CC, 0x2DE9_2C6F, 0x4A74_84AA, 0x5CB0_A9DC, 0x76F9_88DA,
        0x983E_5152, 0xA831_C66D, 0xB003_27C8, 0xBF59_7FC7, 0xC6E0_0BF3, 0xD5A7_9147, 0x06CA_6351, 0x1429_2967,
        0x27B7_0A85, 0x2E1B_2138, 0x4D2C_6DFC, 0x5338_0D13, 0x650A_7354, 0x766A_0ABB, 0x81C2_C92E, 0x9272_2C85,
        0xA2BF_E8A1, 0xA81A_664B, 0xC24B_8B70, 0xC76C_51A3, 0xD192_E819, 0xD699_0624, 0xF40E_3585, 0x106A_A070,
        0x19A4_C116, 0x1E37_6C08, 0x2748_774C, 0x34B0_BCB5, 0x391C_0CB3, 0x4ED8_AA4A, 0x5B9C_CA4F, 0x682E_6FF3,
        0x748F_82EE, 0x78A5_636F, 0x84C8_7814, 0x8CC7_0208, 0x90BE_FFFA, 0xA450_6CEB, 0xBEF9_A3F7, 0xC671_78F2,
    ]

    private mutating func compress(_ block: UnsafeBufferPointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for t in 0..<16 {
                w[t] = UInt32(block[4 * t]) << 24 | UInt32(block[4 * t + 1]) << 16 | UInt32(block[4 * t + 2]) << 8 | UInt32(block[4 * t + 3])
            }
            @inline(__always) func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
            for t in 16..<64 {
                let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
            Self.k.withUnsafeBufferPointer { k in
                for t in 0..<64 {
                    let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let choice = (e & f) ^ (~e & g)
                    let temp1 = h &+ s1 &+ choice &+ k[t] &+ w[t]
                    let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let majority = (a & b) ^ (a & c) ^ (b & c)
                    let temp2 = s0 &+ majority
                    (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ temp2)
                }
            }
            state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
            state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
        }
    }
}

/// OpenSSL's SHA-256 through libcrypto, loaded at run time: nil when the system has no libcrypto.
///
/// The context is a plain C struct (`SHA256_CTX`, 112 bytes), so copying its
/// bytes copies the digest in progress; `SHA256` copies it before changing a
/// shared one, and so keeps value semantics.
final class SystemSHA256: @unchecked Sendable {
    private typealias Initialize = @convention(c) (UnsafeMutableRawPointer?) -> Int32
    private typealias Update = @convention(c) (UnsafeMutableRawPointer?, UnsafeRawPointer?, Int) -> Int32
    private typealias Finish = @convention(c) (UnsafeMutablePointer<UInt8>?, UnsafeMutableRawPointer?) -> Int32

    private struct Functions {
        let initialize: Initialize
        let update: Update
        let finish: Finish
    }

    /// Loaded once; `SHA256_Init`, `SHA256_Update` and `SHA256_Final` are exported by OpenSSL 1.1 and 3.
    private static let functions: Functions? = {
        for name in ["libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so"] {
            guard let library = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            if let initialize = dlsym(library, "SHA256_Init"), let update = dlsym(library, "SHA256_Update"),
               let finish = dlsym(library, "SHA256_Final") {
                return Functions(initialize: unsafeBitCast(initialize, to: Initialize.self), update: unsafeBitCast(update, to: Update.self),
                                 finish: unsafeBitCast(finish, to: Finish.self))
            }
            dlclose(library)
        }
        return nil
    }()

    /// Room for `SHA256_CTX` (112 bytes in OpenSSL 1.1 and 3) and more.
    private static let contextBytes = 256

    private let functions: Functions
    private let context: UnsafeMutableRawPointer

    /// A new digest, or nil when there is no libcrypto.
    init?() {
        guard let functions = Self.functions else { return nil }
        self.functions = functions
        context = UnsafeMutableRawPointer.allocate(byteCount: Self.contextBytes, alignment: 16)
        context.initializeMemory(as: UInt8.self, repeating: 0, count: Self.contextBytes)
        // Every property is set, so `deinit` frees the context if this fails.
        guard functions.initialize(context) == 1 else { return nil }
    }

    private init(copying other: SystemSHA256) {
        functions = other.functions
        context = UnsafeMutableRawPointer.allocate(byteCount: Self.contextBytes, alignment: 16)
        context.copyMemory(from: other.context, byteCount: Self.contextBytes)
    }

    deinit { context.deallocate() }

    func copy() -> SystemSHA256 { SystemSHA256(copying: self) }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        _ = functions.update(context, bytes.baseAddress, bytes.count)
    }

    func finish() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        _ = digest.withUnsafeMutableBufferPointer { functions.finish($0.baseAddress, context) }
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
