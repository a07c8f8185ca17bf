import FuzzSupport

/// libFuzzer entry point: the bytes as a file read by the TEI XML reader (FuzzCheck.run, Fuzz/Sources/FuzzSupport/FuzzCheck.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzCheck.run(.tei, FuzzCheck.bytes(data, size))
    return 0
}
