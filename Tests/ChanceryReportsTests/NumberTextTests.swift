import Foundation
import Testing

@testable import ChanceryReports

/// Scientific notation for p-values (issue 16): one notation down a column, every digit and no digit more in CSV.
@Suite struct NumberTextTests {
    @Test func shortestScientificReadsBackExactly() {
        #expect(NumberText.scientific(0.05) == "5e-02")
        #expect(NumberText.scientific(1) == "1e+00")
        #expect(NumberText.scientific(7.4653173997500882e-04) == "7.465317399750088e-04")
        #expect(NumberText.scientific(1.104121137118384e-169) == "1.104121137118384e-169")
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<2_000 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            let value = Double(bitPattern: 0x3000_0000_0000_0000 | (state >> 4))
            let text = NumberText.scientific(value)
            #expect(Double(text) == value, "\(value) → \(text)")
            #expect(text.contains("e"))
        }
        #expect(NumberText.scientific(.nan) == "NaN" && NumberText.scientific(.infinity) == "Inf")
        #expect(NumberText.scientific(0.000_002_851_2, places: 2) == "2.85e-06")
    }
}
