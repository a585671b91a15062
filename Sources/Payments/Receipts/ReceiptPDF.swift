import Foundation

/// A receipt as a one-page PDF (ISO 32000-1), written by hand: one page, the standard Helvetica font, text lines
/// and a rule; offsets in the cross-reference table are counted in bytes as written, so any reader opens it.
enum ReceiptPDF {
    static func render(_ receipt: Receipt) -> Data {
        var lines: [(String, String, Bool)] = [
            ("P2P Delivery receipt", "", true), ("Receipt \(receipt.number)", receipt.dateText, false),
            ("Status", receipt.status, false), ("Paid with", receipt.paymentMethod, false), ("", "", false),
        ]
        lines += receipt.lines.map { ($0.label, receipt.format($0.amount), false) }
        lines.append(("Total charged", receipt.format(receipt.total), true))
        if !receipt.refunds.isEmpty {
            lines.append(("", "", false))
            lines += receipt.refunds.map { ($0.label, receipt.format($0.amount), false) }
        }
        var content = "BT\n"
        var y = 780
        for (left, right, bold) in lines {
            let font = bold ? "/F2 12 Tf" : "/F1 11 Tf"
            content += "\(font) 1 0 0 1 56 \(y) Tm (\(literal(left))) Tj\n"
            if !right.isEmpty { content += "1 0 0 1 380 \(y) Tm (\(literal(right))) Tj\n" }
            y -= 20
        }
        content += "ET\n56 \(y + 8) m 540 \(y + 8) l S\n"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(pdf.utf8)
    }

    /// A PDF string literal: parentheses and backslashes escaped, anything outside printable ASCII replaced, so
    /// the content stays one byte per character and the offsets stay true.
    static func literal(_ text: String) -> String {
        String(
            text.unicodeScalars.map { scalar -> String in
                switch scalar {
                case "(", ")", "\\": return "\\" + String(scalar)
                case " "..."~": return String(scalar)
                default: return "?"
                }
            }.joined())
    }
}
