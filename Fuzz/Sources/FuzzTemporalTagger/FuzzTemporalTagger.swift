import FuzzSupport

/// libFuzzer entry point: the temporal tagger and the event builder on a text, counted from a chosen document date (FuzzCheck.run, Fuzz/Sources/FuzzSupport/FuzzCheck.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzCheck.run(.temporal, FuzzCheck.bytes(data, size))
    return 0
}
