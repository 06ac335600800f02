import CNcursesw

/// Puts the terminal back on every exit path. The state lives in the shim's C statics, which
/// each compiled file would duplicate, so this file is the only caller of the fuwu_*restore*
/// functions.
enum TerminalRestore {
    /// Mouse reporting off in every mode a terminal may have been asked for (xterm's numbering).
    static let mouseOff = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?1015l"

    /// Saves the shell's terminal modes and signal actions; call before ncurses starts.
    static func saveState(fileDescriptor: Int32) {
        fuwu_save_terminal_state(fileDescriptor)
    }

    /// Installs the signal handlers and exit hook with reset strings built from terminfo.
    static func arm(mouse: Bool) {
        let capabilities = { (names: [String]) -> String in
            names.compactMap { name in fuwu_capability(name).map { String(cString: $0) } }.joined()
        }
        let mouseReset = mouse ? mouseOff : ""
        // ncurses sets a scrolling region; after a resize the old one would no longer be the
        // whole screen. With no parameters an ANSI csr resets it to the whole screen.
        let scrollRegionReset = fuwu_capability("csr").map { String(cString: $0).hasPrefix("\u{1B}[") } == true
            ? "\u{1B}[r" : ""
        // While ncurses owns the screen: mouse off, plain attributes, cursor visible, keypad
        // transmit off, whole-screen scrolling, leave the alternate screen.
        let full = mouseReset + capabilities(["sgr0", "cnorm", "rmkx"]) + scrollRegionReset
            + capabilities(["rmcup"])
        // endwin already leaves the alternate screen and resets the modes; make sure of the rest.
        let afterEndwin = mouseReset + capabilities(["cnorm"])
        let fullBytes = Array(full.utf8)
        let afterBytes = Array(afterEndwin.utf8)
        fullBytes.withUnsafeBufferPointer { fullBuffer in
            afterBytes.withUnsafeBufferPointer { afterBuffer in
                fullBuffer.withMemoryRebound(to: CChar.self) { fullChars in
                    afterBuffer.withMemoryRebound(to: CChar.self) { afterChars in
                        fuwu_arm_restore(fullChars.baseAddress, fullChars.count,
                                         afterChars.baseAddress, afterChars.count)
                    }
                }
            }
        }
    }

    /// After a normal endwin: writes what endwin leaves undone, restores the saved modes and
    /// gives the signals back their earlier actions.
    static func disarm() {
        fuwu_disarm_restore()
    }
}
