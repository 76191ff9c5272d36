@testable import BriefingRender
import Foundation
import Testing

/// cairo's numbers formatted by the executable must be glibc's to the byte: exact ties
/// (rounded half to even), values just beside them, signs, zeros, every precision cairo
/// uses, and a few hundred thousand random values of every size.
@Suite struct FastPrintfTests {
    /// glibc's own "%.*f" (vsnprintf is not the function the executable defines).
    static func glibc(_ value: Double, _ precision: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 400)
        _ = withVaList([Int32(precision), value]) { vsnprintf(&buffer, buffer.count, "%.*f", $0) }
        return String(cString: buffer)
    }

    @Test func tiesSignsAndZerosAreGlibcs() throws {
        let values: [Double] = [
            0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, -0.125, 0.0000005, 0.0000015, 1e-7, -1e-7, 1e-300, 5e-324, 0.1, 0.3,
            1 / 3, 2 / 3, 123.4567895, 595.2755905511812, 841.8897637795277, 999_999_999_999.9999, 1e11 + 0.5, 4_503_599_627_370_495.5 / 8192,
        ]
        for value in values {
            for precision in [0, 1, 2, 3, 6, 12, 18] {
                let fast = try #require(FastPrintf.fixed(value, precision: precision), "\(value) %.\(precision)f")
                #expect(fast == Self.glibc(value, precision), "\(value) %.\(precision)f")
            }
        }
    }

    @Test func whatItCannotDoExactlyGoesToGlibc() {
        for value in [Double.nan, .infinity, -.infinity, 1e12, -1e15, .greatestFiniteMagnitude] {
            #expect(FastPrintf.fixed(value) == nil)
        }
        #expect(FastPrintf.fixed(1, precision: 19) == nil)
    }

    @Test func randomValuesOfEverySizeAreGlibcs() throws {
        var generator = SystemRandomNumberGenerator()
        var differing: [String] = []
        for _ in 0..<200_000 {
            let magnitude = Double.random(in: -12...11.9, using: &generator)
            var value = pow(10, magnitude) * (Bool.random(using: &generator) ? -1 : 1)
            // Half the values on a grid, where ties and near-ties live.
            if Bool.random(using: &generator) { value = (value * 4096).rounded() / 4096 }
            let precision = [0, 3, 6, 6, 6, 9, 18].randomElement(using: &generator)!
            guard let fast = FastPrintf.fixed(value, precision: precision) else { continue }
            if fast != Self.glibc(value, precision), differing.count < 5 { differing.append("\(value) %.\(precision)f: \(fast)") }
        }
        #expect(differing.isEmpty, "\(differing)")
    }
}
