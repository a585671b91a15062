/// Reed–Solomon error-correction codewords over GF(256) with the QR field polynomial x⁸+x⁴+x³+x²+1.
enum QRReedSolomon {
    /// `exponents[i]` is αⁱ; doubled in length so products can index it without a modulo.
    static let exponents: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 512)
        var value = 1
        for index in 0..<255 {
            table[index] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 {
                value ^= 0x11D
            }
        }
        for index in 255..<512 {
            table[index] = table[index - 255]
        }
        return table
    }()

    /// `logarithms[x]` is i such that αⁱ = x; entry 0 is meaningless and never read.
    static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for index in 0..<255 {
            table[Int(exponents[index])] = index
        }
        return table
    }()

    static func multiply(_ left: UInt8, _ right: UInt8) -> UInt8 {
        guard left != 0, right != 0 else { return 0 }
        return exponents[logarithms[Int(left)] + logarithms[Int(right)]]
    }

    /// Coefficients of ∏(x − αⁱ) for i in 0..<degree, highest power first, leading 1 included.
    static func generatorPolynomial(degree: Int) -> [UInt8] {
        var polynomial: [UInt8] = [1]
        for power in 0..<degree {
            let root = exponents[power]
            var next = polynomial + [0]
            for index in 0..<polynomial.count {
                next[index + 1] ^= multiply(polynomial[index], root)
            }
            polynomial = next
        }
        return polynomial
    }

    /// The `degree` error-correction codewords: the remainder of data·x^degree divided by the generator.
    static func remainder(of data: [UInt8], degree: Int) -> [UInt8] {
        let generator = generatorPolynomial(degree: degree)
        var remainder = [UInt8](repeating: 0, count: degree)
        for byte in data {
            let factor = byte ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for index in 0..<degree {
                remainder[index] ^= multiply(generator[index + 1], factor)
            }
        }
        return remainder
    }
}
