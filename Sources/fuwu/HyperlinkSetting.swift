import Foundation

/// Whether links are written as OSC 8 hyperlinks: terminals cannot be asked whether they
/// support them, so the user says so with `--hyperlinks` or `FUWU_HYPERLINKS=1`.
enum HyperlinkSetting {
    static func enabled(flag: Bool, environment: [String: String] = ProcessEnvironment.values) -> Bool {
        flag || environment["FUWU_HYPERLINKS"] == "1"
    }

    /// The URL as an OSC 8 hyperlink whose visible text is the URL itself.
    static func osc8(_ url: String) -> String {
        "\u{1B}]8;;\(url)\u{1B}\\\(url)\u{1B}]8;;\u{1B}\\"
    }
}
