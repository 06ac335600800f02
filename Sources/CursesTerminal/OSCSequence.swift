import BrowserUI

/// Operating-system commands written beside ncurses: OSC 52 (clipboard) and OSC 8 (hyperlinks).
enum OSCSequence {
    /// `ESC ] 52 ; c ; <base64> BEL`: put text on the system clipboard.
    static func clipboard(_ text: String) -> String {
        "\u{1B}]52;c;\(base64(Array(text.utf8)))\u{07}"
    }

    /// Redraws each link span inside OSC 8 open/close, with the cursor and attributes saved
    /// (DECSC) and restored (DECRC) around it, so ncurses' idea of the screen stays right.
    static func hyperlinks(_ links: [Screen.Hyperlink], in screen: Screen) -> String {
        var out = "\u{1B}7"
        for link in links where link.row < screen.height && link.column < screen.width {
            let url = String(String.UnicodeScalarView(link.url.unicodeScalars.filter { $0.value >= 0x21 && $0.value < 0x7F }))
            var text = ""
            for column in link.column..<min(screen.width, link.column + link.columns) {
                if let character = screen[link.row, column].character, character.isASCII, let scalar = character.unicodeScalars.first,
                   scalar.value >= 0x20, scalar.value < 0x7F {
                    text.append(character)
                } else {
                    text.append(" ")
                }
            }
            out += "\u{1B}[\(link.row + 1);\(link.column + 1)H\u{1B}]8;;\(url)\u{1B}\\\(text)\u{1B}]8;;\u{1B}\\"
        }
        return out + "\u{1B}8"
    }

    /// RFC 4648 base64.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var out = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let b0 = chunk[chunk.startIndex]
            let b1 = chunk.count > 1 ? chunk[chunk.startIndex + 1] : 0
            let b2 = chunk.count > 2 ? chunk[chunk.startIndex + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(chunk.count > 1 ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : "=")
            out.append(chunk.count > 2 ? alphabet[Int(b2 & 0x3F)] : "=")
            index += 3
        }
        return out
    }
}
