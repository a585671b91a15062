import Foundation
import TestSupport
import Testing

@testable import Users

@Suite("Users: uploads must be whole files")
struct FileStructureTests {
    @Test("whole samples of each type pass")
    func wholeFilesPass() {
        #expect(FileStructure.isWhole(SampleFile.png, as: .png))
        #expect(FileStructure.isWhole(SampleFile.jpeg, as: .jpeg))
        #expect(FileStructure.isWhole(SampleFile.webp, as: .webp))
        #expect(FileStructure.isWhole(SampleFile.pdf, as: .pdf))
    }

    @Test("a signature alone, a tail after the end, a broken checksum or a cut file fail")
    func partialFilesFail() {
        #expect(!FileStructure.isWhole(SampleFile.signatureOnly, as: .png))
        #expect(!FileStructure.isWhole(SampleFile.pngWithScript, as: .png))
        var corrupted = [UInt8](SampleFile.png)
        corrupted[20] ^= 0xFF  // inside IHDR: its CRC no longer matches
        #expect(!FileStructure.isWhole(Data(corrupted), as: .png))
        #expect(!FileStructure.isWhole(SampleFile.png.dropLast(4), as: .png))
        #expect(!FileStructure.isWhole(SampleFile.jpeg.dropLast(2), as: .jpeg))
        #expect(!FileStructure.isWhole(SampleFile.jpeg + Data("<script>".utf8), as: .jpeg))
        #expect(!FileStructure.isWhole(SampleFile.webp + Data([0]), as: .webp))
        #expect(!FileStructure.isWhole(Data("%PDF-1.7\n".utf8), as: .pdf))
    }
}
