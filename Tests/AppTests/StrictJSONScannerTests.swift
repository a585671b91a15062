import Foundation
import Platform
import Testing

@Suite("HTTP edge: the strict JSON scanner")
struct StrictJSONScannerTests {
    private func verdict(_ text: String) -> StrictJSONVerdict {
        StrictJSONScanner.scan(Array(text.utf8))
    }

    private func isMalformed(_ text: String) -> Bool {
        if case .malformed = verdict(text) { return true }
        return false
    }

    @Test("valid JSON passes, tab, line feed and carriage return included")
    func valid() {
        for text in [
            #"{}"#, #"[]"#, #"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#, #" {"a" : -0.5e+10 } "#, #""plain""#,
            #"{"note":"line\nbreak\ttab\rreturn \u00e9 \ud83d\ude00 \/ \\ \""}"#, "{\"raw\":\"é😀\"}", "12", "-0",
            #"[{"a":1},{"a":2}]"#, #"{"a":{"x":1},"b":{"x":2}}"#,
        ] {
            #expect(verdict(text) == .valid, "\(text)")
        }
    }

    @Test("trailing commas, duplicate keys, a byte-order mark and bad syntax are malformed")
    func malformed() {
        for text in [
            #"{"a":1,}"#, #"[1,2,]"#, #"{"a":[1,],"b":2}"#, #"{"a":1,"a":2}"#, #"{"a":1,"\u0061":2}"#,
            "\u{FEFF}{\"a\":1}", "", "   ", #"{"a":1} x"#, #"{'a':1}"#, #"{a:1}"#, #"{"a":01}"#, #"{"a":1.}"#,
            #"{"a":.5}"#, #"{"a":1e}"#, #"{"a":tru}"#, #"{"a":"\x"}"#, #"{"a":"\u12"}"#, #"{"a":"\ud83d"}"#,
            #"{"a":"\ude00"}"#, "{\"a\":\"raw\u{01}control\"}", "{\"a\":\"tab\there\"}", #"{"a":"open"#, #"[1 2]"#,
            #"{"a" 1}"#, #"{"a":1 "b":2}"#, #"NaN"#, #"{"a":Infinity}"#, #"{"k\u0000":1}"#,
            String(repeating: "[", count: 200) + String(repeating: "]", count: 200),
        ] {
            #expect(isMalformed(text), "\(text)")
        }
        #expect(
            verdict(#"{"pickup":{"address":"a","address":"b"}}"#) == .malformed(#"pickup has the key "address" twice"#))
        #expect(verdict(#"{"items":[1,]}"#) == .malformed("items has a trailing comma"))
        #expect(verdict("\u{FEFF}{}") == .malformed("body starts with a byte-order mark"))
    }

    @Test("control characters in strings are found, escaped or raw DEL, and named by field")
    func controlCharacters() {
        #expect(verdict(#"{"firstName":"\u0000abc"}"#) == .controlCharacter(field: "firstName"))
        #expect(verdict(#"{"pickup":{"contactName":"a\u001fb"}}"#) == .controlCharacter(field: "pickup.contactName"))
        #expect(verdict(#"{"items":[{"name":"ok"},{"name":"\b"}]}"#) == .controlCharacter(field: "items[1].name"))
        #expect(verdict("{\"bio\":\"del\u{7F}\"}") == .controlCharacter(field: "bio"))
        #expect(verdict(#"{"bio":"\u007f"}"#) == .controlCharacter(field: "bio"))
        #expect(verdict(#"{"tags":["a","\f"]}"#) == .controlCharacter(field: "tags[1]"))
        #expect(verdict(#""\u0007""#) == .controlCharacter(field: "body"))
        #expect(verdict(#"{"bio":"\u0080 is not a C0 control"}"#) == .valid)
    }
}
