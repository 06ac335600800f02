#!/usr/bin/env python3
"""Where the browser's first-frame RSS goes, beside `fuwu --help`'s (issue #10).

Stops `fuwu --help` at its exit (an LD_PRELOADed destructor raises SIGSTOP; needs cc) and the
browser as its key bar arrives (SIGSTOP, in a pseudo-terminal), reads VmHWM and /proc/PID/smaps of
each, and prints the resident kilobytes per mapping (the binary's code, the heap, the compiled
catalogue's mapped section, each library) side by side, largest difference first. With --pages it
also writes the resident pages of every file mapping (from /proc/PID/pagemap; needs root) to
help.json and frame.json, to see which 64 KiB windows of the code a start touches.

Usage: Tests/Performance/rss-breakdown.py BINARY [--runs N] [--pages]
The compiled catalogue must be cached; FUWU_STATE_DIR as the caller sets it. Not a test.
"""
import collections, fcntl, json, os, pty, select, signal, struct, subprocess, sys, tempfile, termios, time

KEY_BAR = "退出".encode()


def stopped_at_exit(binary, library):
    pid = os.fork()
    if pid == 0:
        os.environ["LD_PRELOAD"] = library
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execv(binary, [binary, "--help"])
    os.waitpid(pid, os.WUNTRACED)
    return pid


def stopped_at_first_frame(binary):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.environ["LANG"] = "C.UTF-8"
        os.execv(binary, [binary])
    buffer = b""
    while KEY_BAR not in buffer:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            break
        buffer += os.read(fd, 65536)
    os.kill(pid, signal.SIGSTOP)
    os.waitpid(pid, os.WUNTRACED)
    return pid


def snapshot(pid, pages):
    status = {}
    for line in open(f"/proc/{pid}/status"):
        key, _, value = line.partition(":")
        status[key] = value.strip()
    maps, current = [], None
    for line in open(f"/proc/{pid}/smaps"):
        parts = line.split()
        if "-" in parts[0] and not parts[0].endswith(":"):
            low, high = (int(x, 16) for x in parts[0].split("-"))
            current = {"low": low, "high": high, "perm": parts[1], "name": parts[5] if len(parts) > 5 else ""}
            maps.append(current)
        elif parts[0] == "Rss:":
            current["rss"] = int(parts[1])
    if pages:
        with open(f"/proc/{pid}/pagemap", "rb") as pagemap:
            for m in maps:
                if m["name"].startswith("/") and m.get("rss"):
                    count = (m["high"] - m["low"]) // 4096
                    pagemap.seek(m["low"] // 4096 * 8)
                    data = pagemap.read(count * 8)
                    m["pages"] = [i for i in range(count) if struct.unpack_from("<Q", data, i * 8)[0] >> 63]
    os.kill(pid, signal.SIGKILL)
    os.kill(pid, signal.SIGCONT)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    return {"hwm": int(status["VmHWM"].split()[0]), "maps": maps}


def by_mapping(snap, binary):
    totals = collections.Counter()
    for m in snap["maps"]:
        name = m["name"]
        if os.path.basename(name) == os.path.basename(binary):
            name = f"the binary ({m['perm']})"
        elif name.endswith(".image"):
            name = "the compiled catalogue (mapped)"
        elif name.startswith("/usr/lib/locale"):
            name = "locale files"
        elif name.startswith("/"):
            name = os.path.basename(name).split(".so")[0]
        elif not name:
            name = "[anonymous]"
        totals[name] += m.get("rss", 0)
    return totals


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        sys.exit(64)
    binary = os.path.abspath(args[0])
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 3
    pages = "--pages" in args
    work = tempfile.mkdtemp()
    library = os.path.join(work, "stop-at-exit.so")
    source = os.path.join(work, "stop-at-exit.c")
    with open(source, "w") as out:
        out.write("#include <signal.h>\n__attribute__((destructor)) static void stop(void) { raise(SIGSTOP); }\n")
    subprocess.run(["cc", "-shared", "-fPIC", "-o", library, source], check=True)
    helps, frames = [], []
    for _ in range(runs):   # alternating, so load on the machine hits both alike
        helps.append(snapshot(stopped_at_exit(binary, library), pages))
        frames.append(snapshot(stopped_at_first_frame(binary), pages))
    help, frame = sorted(helps, key=lambda s: s["hwm"])[len(helps) // 2], sorted(frames, key=lambda s: s["hwm"])[len(frames) // 2]
    if pages:
        json.dump(help, open("help.json", "w"))
        json.dump(frame, open("frame.json", "w"))
    a, b = by_mapping(help, binary), by_mapping(frame, binary)
    print(f"| KB (median of {runs} runs by VmHWM) | `fuwu --help` at exit | browser at the key bar | difference |")
    print("|---|---:|---:|---:|")
    print(f"| VmHWM | {help['hwm']} | {frame['hwm']} | {frame['hwm'] - help['hwm']:+d} |")
    for name in sorted(set(a) | set(b), key=lambda n: -abs(b[n] - a[n])):
        if abs(b[name] - a[name]) >= 16:
            print(f"| {name} | {a[name]} | {b[name]} | {b[name] - a[name]:+d} |")


if __name__ == "__main__":
    main()
