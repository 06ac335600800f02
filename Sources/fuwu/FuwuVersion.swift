/// The program's version: the one place it is written. `fuwu --version` and the man page read it
/// from here, and a test checks that both say the same.
enum FuwuVersion {
    /// The version number, `MAJOR.MINOR.PATCH`.
    static let number = "1.0.0"
}
