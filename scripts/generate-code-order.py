#!/usr/bin/env python3
"""Writes scripts/code-order.txt, the order in which the linker lays out fuwu's functions in a
release build (gold's --section-ordering-file; Tests/Performance/release-binary.sh and the
Makefile pass it, with every Swift function in a section of its own: -function-sections).

Why: the kernel maps a program's code 64 KiB at a time around each page it touches (fault-around),
so a start that runs 360 KB of code spread over the 20 MB of a static binary pays for ~150 such
windows in RSS. Laid out together, the functions a start runs fill a few windows; the browser's
first frame then costs little more code than `fuwu --help` (issue #10, docs/performance.md).

The functions are those callgrind sees run, in groups: `fuwu --help` first (every start runs most of
them), then the browser up to its first frame, then the commonest commands. Regenerate after
large changes (a function missing from the list is only laid out elsewhere, never wrong):

    BIN=$(sh Tests/Performance/release-binary.sh)
    python3 scripts/generate-code-order.py "$BIN" > scripts/code-order.txt

Needs valgrind; a catalogue is compiled into a temporary cache first.
"""
import os, pty, re, select, shutil, signal, struct, subprocess, sys, tempfile, termios, time, fcntl

COMMANDS = [
    ["domains"], ["items"], ["item", "D4-01"], ["point", "P0505"], ["standard", "S0001"], ["stats"],
    ["search", "社康", "--no-body", "--limit", "20"], ["search", "shekang", "--no-body", "--limit", "20"],
    ["search", "社康", "--limit", "20"], ["nearby", "--at", "市民中心", "--radius", "1500"], ["points"], ["standards"],
]


def functions(profile, binary):
    """Names of the functions of `binary` that ran, from a callgrind profile."""
    objects, names, current_object, current, ran = {}, {}, None, None, set()
    for line in open(profile, errors="replace"):
        m = re.match(r"(ob|cob|fn|cfn)=\((\d+)\)(?: (.*))?", line.strip())
        if m:
            kind, number, name = m.groups()
            table = objects if kind in ("ob", "cob") else names
            if name:
                table[number] = name
            if kind == "ob":
                current_object = objects[number]
            elif kind == "fn":
                current = names[number]
            continue
        if line[:1] in ("0", "+", "-", "*") and current_object and os.path.basename(current_object) == os.path.basename(binary):
            ran.add(current)
    return {name for name in ran if name and not name.startswith("0x")}


def first_frame(binary, out):
    """Runs the browser under callgrind in a pseudo-terminal and dumps the profile at the key bar."""
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.environ["LANG"] = "C.UTF-8"
        os.execvp("valgrind", ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary])
    buffer, deadline = b"", time.time() + 120
    while "退出".encode() not in buffer and time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if ready:
            try:
                buffer += os.read(fd, 65536)
            except OSError:
                break
    subprocess.run(["callgrind_control", "-d", str(pid)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        dumps = [f for f in os.listdir(os.path.dirname(out)) if f.startswith(os.path.basename(out) + ".")]
        if dumps:
            time.sleep(0.5)
            break
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return os.path.join(os.path.dirname(out), sorted(dumps)[0])


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    work = tempfile.mkdtemp()
    try:
        binary = os.path.join(work, "fuwu")
        shutil.copy(sys.argv[1], binary)
        subprocess.run(["strip", "-g", binary], check=True)   # valgrind cannot read Swift's DWARF 5
        os.environ["FUWU_CACHE_DIR"] = os.path.join(work, "cache")
        os.environ["FUWU_STATE_DIR"] = os.path.join(work, "state")
        subprocess.run([binary, "build"], check=True, stdout=subprocess.DEVNULL)

        def run(arguments, name):
            out = os.path.join(work, name)
            subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary] + arguments,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return functions(out, binary)

        groups = [run(["--help"], "help.out")]
        frame_dir = os.path.join(work, "frame")
        os.mkdir(frame_dir)
        groups.append(functions(first_frame(binary, os.path.join(frame_dir, "frame.out")), binary))
        commands = set()
        for number, arguments in enumerate(COMMANDS):
            commands |= run(arguments, f"command{number}.out")
        groups.append(commands)
        seen = set()
        for group in groups:
            for name in sorted(group - seen):
                print(f".text.{name}")
            seen |= group
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
