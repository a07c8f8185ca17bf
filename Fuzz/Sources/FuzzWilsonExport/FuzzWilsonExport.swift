import ChanceryCorpus
import FuzzSupport

/// libFuzzer entry point: the bytes as a file read by the Wilson Center export reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzCheck.read(FuzzCheck.bytes(data, size), as: .wilsonExport)
    return 0
}
