import Foundation

/// A receipt as a self-contained HTML page (no script, no outside resource), printable as is.
enum ReceiptHTML {
    static func render(_ receipt: Receipt) -> String {
        func row(_ line: Receipt.Line) -> String {
            "<tr><td>\(escape(line.label))</td><td class=\"amount\">\(escape(receipt.format(line.amount)))</td></tr>"
        }
        let refunds =
            receipt.refunds.isEmpty
            ? "" : "<h2>Refunds</h2><table>\(receipt.refunds.map(row).joined())</table>"
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Receipt \(escape(receipt.number))</title>
            <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;color:#111}\
            table{width:100%;border-collapse:collapse}td{padding:.4rem 0;border-bottom:1px solid #ddd}\
            .amount{text-align:right}.total td{font-weight:bold;border-bottom:none}</style></head>
            <body><h1>P2P Delivery receipt</h1>
            <p>Receipt \(escape(receipt.number)) · \(escape(receipt.dateText)) · \(escape(receipt.status))</p>
            <p>Paid with \(escape(receipt.paymentMethod))\(receipt.deliveryId.map { " · delivery \(escape($0.uuidString.lowercased()))" } ?? "")</p>
            <table>\(receipt.lines.map(row).joined())\
            <tr class="total"><td>Total charged</td><td class="amount">\(escape(receipt.format(receipt.total)))</td></tr>\
            </table>\(refunds)
            </body></html>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
