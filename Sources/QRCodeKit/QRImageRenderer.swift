import Foundation

/// Draws a `QRCode` as a PNG or SVG image, dark modules on a white background with a light quiet zone.
public enum QRImageRenderer {
    /// A 1-bit grayscale PNG file; each module is `moduleSize` pixels square and the quiet zone is `border` modules.
    public static func png(_ code: QRCode, moduleSize: Int = 8, border: Int = 4) -> [UInt8] {
        let scale = max(1, moduleSize)
        let margin = max(0, border)
        let modulesAcross = code.size + 2 * margin
        let pixelsAcross = modulesAcross * scale
        let bytesPerRow = (pixelsAcross + 7) / 8
        var rows: [[UInt8]] = []
        rows.reserveCapacity(pixelsAcross)
        for moduleY in 0..<modulesAcross {
            // Start all white (bit set) and clear the bits of dark pixels.
            var row = [UInt8](repeating: 0xFF, count: bytesPerRow)
            for moduleX in 0..<modulesAcross where code.isDark(x: moduleX - margin, y: moduleY - margin) {
                for pixelX in (moduleX * scale)..<((moduleX + 1) * scale) {
                    row[pixelX / 8] &= ~(0x80 >> UInt8(pixelX % 8))
                }
            }
            rows.append(contentsOf: repeatElement(row, count: scale))
        }
        return PNGWriter.bilevelImage(width: pixelsAcross, height: pixelsAcross, packedRows: rows)
    }

    /// An SVG document: a white background `rect` and one `path` covering the dark modules.
    ///
    /// Coordinates are in modules (the `viewBox`); `width`/`height` are `moduleSize` pixels per module.
    public static func svg(_ code: QRCode, moduleSize: Int = 8, border: Int = 4) -> String {
        let scale = max(1, moduleSize)
        let margin = max(0, border)
        let modulesAcross = code.size + 2 * margin
        let pixelsAcross = modulesAcross * scale
        // One subpath per horizontal run of dark modules keeps the path short.
        var path = ""
        for y in 0..<code.size {
            var x = 0
            while x < code.size {
                guard code.isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                var runEnd = x + 1
                while runEnd < code.size, code.isDark(x: runEnd, y: y) {
                    runEnd += 1
                }
                let length = runEnd - x
                path += "M\(x + margin) \(y + margin)h\(length)v1h-\(length)z"
                x = runEnd
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(pixelsAcross)" height="\(pixelsAcross)" \
            viewBox="0 0 \(modulesAcross) \(modulesAcross)" shape-rendering="crispEdges">
            <rect width="\(modulesAcross)" height="\(modulesAcross)" fill="#ffffff"/>
            <path d="\(path)" fill="#000000"/>
            </svg>

            """
    }

    /// The PNG as a `data:` URL, ready for an `<img src>` attribute.
    public static func pngDataURL(_ code: QRCode, moduleSize: Int = 8, border: Int = 4) -> String {
        "data:image/png;base64," + Data(png(code, moduleSize: moduleSize, border: border)).base64EncodedString()
    }
}
