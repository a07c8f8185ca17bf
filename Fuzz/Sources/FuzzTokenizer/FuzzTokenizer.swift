import FuzzSupport

/// libFuzzer entry point: the tokenizer on raw bytes (valid UTF-8 or not), then the whole text pipeline on the text (FuzzCheck.run, Fuzz/Sources/FuzzSupport/FuzzCheck.swift).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzCheck.run(.tokenizer, FuzzCheck.bytes(data, size))
    return 0
}
