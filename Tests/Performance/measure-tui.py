#!/usr/bin/env python3
"""Measures the terminal browser as a user meets it, through a real pseudo-terminal:

- first frame: from just before exec until the frame's last row (the key bar) has been written;
- peak RSS (VmHWM) as the key bar arrives (the first frame, before the warm-up after it), and
  once the first frame is up and the terminal has gone quiet;
- key to redrawn frame: from writing a key until the redraw's last byte (the terminal then goes
  quiet for QUIET seconds; the quiet wait is not counted).

Usage: Tests/Performance/measure-tui.py BINARY [--runs N] [--keys N] [-- fuwu arguments]
The compiled catalogue must already be cached (run the binary once, as measure-tui.sh does).
Prints one table with the targets beside the figures. Not a test: no assertion, only numbers.
"""
import os, pty, select, signal, statistics, struct, sys, termios, time, fcntl

QUIET = 0.05          # seconds without output that end a redraw
KEY_BAR = "退出".encode()  # the key bar's last label: the bottom row, drawn last


def spawn(binary, arguments, columns=80, rows=24):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        # The size is set before exec, so the program's first look at the terminal sees it.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.environ["LANG"] = "C.UTF-8"
        os.execv(binary, [binary] + arguments)
    return pid, fd, start


def read_until(fd, predicate, timeout=10.0):
    """Reads until predicate(buffer) holds; returns (buffer, time of the last read)."""
    buffer, last = b"", time.perf_counter()
    deadline = last + timeout
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        last = time.perf_counter()
        buffer += chunk
        if predicate(buffer):
            break
    return buffer, last


def read_until_quiet(fd):
    """Reads a redraw: returns (bytes, time of its last byte)."""
    buffer, last = b"", None
    while True:
        ready, _, _ = select.select([fd], [], [], QUIET)
        if not ready:
            return buffer, last
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the program ended and closed the terminal
            return buffer, last
        last = time.perf_counter()
        buffer += chunk


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def stop(pid, fd):
    os.write(fd, b"q")
    read_until_quiet(fd)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    os.close(fd)


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        sys.exit(64)
    binary, rest = args[0], args[1:]
    runs, keys, extra = 20, 100, []
    if "--" in rest:
        extra = rest[rest.index("--") + 1:]
        rest = rest[:rest.index("--")]
    if "--runs" in rest:
        runs = int(rest[rest.index("--runs") + 1])
    if "--keys" in rest:
        keys = int(rest[rest.index("--keys") + 1])

    # Baseline: the same binary's floor, exec to exit of `fuwu --help` (dynamic loading, the Swift
    # runtime, argument parsing), with no catalogue and no terminal set-up; its peak RSS is the
    # floor for memory. Baseline and first frame alternate, so load on the machine hits both alike.
    baseline, baseline_rss, first_frames, rss, bar_rss = [], [], [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        child = os.fork()
        if child == 0:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.execv(binary, [binary, "--help"])
        _, _, usage = os.wait4(child, 0)
        baseline.append((time.perf_counter() - start) * 1000)
        baseline_rss.append(usage.ru_maxrss / 1024)

        pid, fd, start = spawn(binary, extra)
        _, done = read_until(fd, lambda b: KEY_BAR in b)
        first_frames.append((done - start) * 1000)
        bar_rss.append(peak_rss_mb(pid))
        read_until_quiet(fd)
        rss.append(peak_rss_mb(pid))
        stop(pid, fd)

    # Key to frame: move down and up the domain list (j/k), open and leave a domain (Enter/h:
    # a whole new pane), leave with Esc (which ncurses holds for ESCDELAY, 25 ms, to tell a lone
    # Esc from the start of a key sequence), and type into the search field.
    pid, fd, _ = spawn(binary, extra)
    read_until(fd, lambda b: KEY_BAR in b)
    read_until_quiet(fd)
    move, open_leave, escape, search = ("j/k (move selection)", "Enter/h (open/leave a domain)",
                                        "Esc (leave a domain; includes ESCDELAY)",
                                        "search keystroke (社 / Backspace after /)")
    timings = {move: [], open_leave: [], escape: [], search: []}

    def timed(label, key):
        sent = time.perf_counter()
        os.write(fd, key)
        _, last = read_until_quiet(fd)
        if last is not None and label is not None:
            timings[label].append((last - sent) * 1000)

    for i in range(keys):
        timed(move, b"j" if i % 2 == 0 else b"k")
    for i in range(keys):
        timed(open_leave, b"\r" if i % 2 == 0 else b"h")
    for i in range(keys // 2):
        timed(None, b"\r")
        timed(escape, b"\x1b")
    os.write(fd, b"/")
    read_until_quiet(fd)
    for i in range(keys):
        timed(search, "社".encode() if i % 2 == 0 else b"\x7f")
    os.write(fd, b"\x1b")
    read_until_quiet(fd)
    stop(pid, fd)

    def p95(values):
        return sorted(values)[max(0, int(len(values) * 0.95) - 1)]

    frame_ratio = statistics.median(first_frames) / statistics.median(baseline)
    rss_above = statistics.median(rss) - statistics.median(baseline_rss)
    bar_above = statistics.median(bar_rss) - statistics.median(baseline_rss)
    print(f"| measure | runs | median | p95 | max | target |")
    print(f"|---|---:|---:|---:|---:|---|")
    print(f"| first frame from exec (ms) | {runs} | {statistics.median(first_frames):.1f} | "
          f"{p95(first_frames):.1f} | {max(first_frames):.1f} | ≤ 2× baseline: {frame_ratio:.2f}× |")
    print(f"| baseline: `fuwu --help`, exec to exit (ms) | {runs} | {statistics.median(baseline):.1f} | "
          f"{p95(baseline):.1f} | {max(baseline):.1f} | |")
    print(f"| peak RSS at the key bar (MB) | {runs} | {statistics.median(bar_rss):.1f} | {p95(bar_rss):.1f} | "
          f"{max(bar_rss):.1f} | ≤ baseline + 4: +{bar_above:.1f} |")
    print(f"| peak RSS at first frame, quiet (MB) | {runs} | {statistics.median(rss):.1f} | {p95(rss):.1f} | "
          f"{max(rss):.1f} | ≤ baseline + 4: +{rss_above:.1f} |")
    print(f"| peak RSS of `fuwu --help` (MB) | {runs} | {statistics.median(baseline_rss):.1f} | "
          f"{p95(baseline_rss):.1f} | {max(baseline_rss):.1f} | |")
    for label, values in timings.items():
        if values:
            print(f"| key to redrawn frame, {label} (ms) | {len(values)} | {statistics.median(values):.2f} | "
                  f"{p95(values):.2f} | {max(values):.2f} | {'< 50' if label == escape else '< 5'} |")


if __name__ == "__main__":
    main()
