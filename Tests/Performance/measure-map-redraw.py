#!/usr/bin/env python3
"""Shows that panning and zooming the map sends only what changed, through a real pseudo-terminal.

Opens the browser at COLUMNSxROWS (default 120x40) on nearby 市民中心, switches to the map, and
counts the bytes the terminal receives for: the first map frame (every cell drawn), each pan
(l h k j) and each zoom (+ -), and a full repaint of the same map (after a resize away and back, ncurses repaints
every cell). A pan or zoom changes canvas cells only: the
title, status and key bar are not resent, and no clear-screen sequence is sent.

Usage: Tests/Performance/measure-map-redraw.py BINARY [COLUMNSxROWS]
Not a test: it prints the figures (see docs/performance.md).
"""
import importlib.util, os, sys, termios, fcntl, struct, signal, time

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("measure_tui", os.path.join(here, "measure-tui.py"))
tui = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tui)
# A shared, loaded machine can take longer than measure-tui's 50 ms between bytes of one frame.
tui.QUIET = 0.6


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(64)
    binary = sys.argv[1]
    columns, rows = (int(v) for v in (sys.argv[2] if len(sys.argv) > 2 else "120x40").split("x"))
    pid, fd, _ = tui.spawn(binary, [], columns=columns, rows=rows)
    tui.read_until(fd, lambda b: tui.KEY_BAR in b, timeout=60)
    tui.read_until_quiet(fd)
    os.write(fd, b"w")
    tui.read_until_quiet(fd)
    os.write(fd, "市民中心".encode())
    tui.read_until_quiet(fd)
    os.write(fd, b"\r")
    tui.read_until_quiet(fd)
    os.write(fd, b"m")
    first, _ = tui.read_until_quiet(fd)
    print(f"terminal {columns}x{rows}; first map frame: {len(first)} bytes")
    for label, key in [("pan east (l)", b"l"), ("pan west (h)", b"h"), ("pan north (k)", b"k"),
                       ("pan south (j)", b"j"), ("zoom in (+)", b"+"), ("zoom out (-)", b"-")]:
        os.write(fd, key)
        out, _ = tui.read_until_quiet(fd)
        cleared = b"\x1b[2J" in out or b"\x1b[H\x1b[J" in out
        title = "附近".encode() in out
        keybar = tui.KEY_BAR in out
        print(f"{label:15} {len(out):6} bytes ({100 * len(out) / max(1, len(first)):5.1f}% of the first frame); "
              f"clear screen: {'yes' if cleared else 'no'}; title resent: {'yes' if title else 'no'}; "
              f"key bar resent: {'yes' if keybar else 'no'}")
    # A full repaint for comparison: a resize makes ncurses repaint the whole screen.
    for size in (rows - 1, rows):
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size, columns, 0, 0))
        os.kill(pid, signal.SIGWINCH)
        full, _ = tui.read_until_quiet(fd)
    print(f"full repaint of the map after a resize: {len(full)} bytes")
    tui.stop(pid, fd)


if __name__ == "__main__":
    main()
