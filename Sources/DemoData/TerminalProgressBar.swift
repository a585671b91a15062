import Foundation

/// A one-line progress bar on standard output (`[#####-----]  50% trips`), redrawn in place on a terminal and
/// printed once per step when the output is a file or a pipe, so logs stay readable.
public struct TerminalProgressBar: Sendable {
    public let width: Int
    private let interactive: Bool

    public init(width: Int = 30) {
        self.width = width
        interactive = isatty(STDOUT_FILENO) != 0
    }

    /// Draws `done` of `total` for `label`; the bar ends its line when `done == total`.
    public func show(_ done: Int, of total: Int, _ label: String) {
        let fraction = total == 0 ? 1 : min(1, Double(done) / Double(total))
        guard interactive || done == total else { return }
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let percent = String(format: "%3d%%", Int((fraction * 100).rounded(.down)))
        let line = "[\(bar)] \(percent) \(label)"
        if interactive {
            FileHandle.standardOutput.write(Data(("\r" + line + (done == total ? "\n" : "")).utf8))
        } else {
            print(line)
        }
    }
}
