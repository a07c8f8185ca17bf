import FuzzSupport

/// libFuzzer entry point: the bytes as a file read by the plain-text reader (FuzzCheck.run, Fuzz/Sources/FuzzSupport/FuzzCheck.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzCheck.run(.plain, FuzzCheck.bytes(data, size))
    return 0
}
