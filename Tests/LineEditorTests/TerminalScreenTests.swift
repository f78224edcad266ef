import PseudoTerminal
import Testing

/// The pty tests assert on `TerminalScreen`, so its rendering is pinned here.
@Suite("TerminalScreen")
struct TerminalScreenTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("one\r\ntwo", "one\ntwo"),
        ("abcdefghij", "abcdefgh\nij"),              // auto-wrap at 8 columns
        ("abcdefgh\r\nx", "abcdefgh\nx"),             // a full line does not wrap twice
        ("hello\rj", "jello"),
        ("abc\u{08}\u{08}X", "aXc"),
        ("abcdef\r\u{1B}[3Gxy", "abxyef"),            // CSI G: column
        ("abcdef\u{1B}[3D\u{1B}[K", "abc"),           // CSI D then erase to end of line
        ("abcdef\r\u{1B}[2C\u{1B}[1K", "   def"),     // erase to start of line
        ("\u{1B}[1;32mgreen\u{1B}[0m", "green"),      // colours ignored
        ("a\u{07}b", "ab"),                            // bell
        ("top\r\nnext\u{1B}[A\rT", "Top\nnext"),      // CSI A: up
        ("abcdef\r\u{1B}[2P", "cdef"),                // delete characters
        ("abc\r\u{1B}[2@", "  abc"),                  // insert blanks
        ("Café\r\n日本", "Café\n日本"),
    ])
    func renders(output: String, text: String) {
        let screen = TerminalScreen(columns: 8, rows: 4, output: Array(output.utf8))
        #expect(screen.text == text)
    }

    @Test func scrollsOffTheTopIntoScrollback() {
        let screen = TerminalScreen(columns: 8, rows: 2, output: Array("1\r\n2\r\n3\r\n4".utf8))
        #expect(screen.lines == ["3", "4"])
        #expect(screen.scrollback == ["1", "2"])
        #expect(screen.text == "1\n2\n3\n4")
    }

    @Test func cursorLineShowsSpacesUpToTheCursor() {
        let screen = TerminalScreen(columns: 20, rows: 2, output: Array("probe> ".utf8))
        #expect(screen.cursorLine == "probe> ")
        #expect(screen.cursorColumn == 7)
        let moved = TerminalScreen(columns: 20, rows: 2, output: Array("probe> find \r\u{1B}[8G".utf8))
        #expect(moved.cursorLine == "probe> find")
    }
}
