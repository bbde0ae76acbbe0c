#!/usr/bin/env python3
# bench.py — `make bench`: times shed against the editors installed beside it, in one run.
#
#   python3 tests/bench/bench.py --shed ./shed [--runs N] [--only shed,vim] [--json FILE]
#                                [--skip-term | --term-only] [--term-runs N]
#
# Programs: shed (the --shed binary) and the peers nvim, vim and micro when installed (a peer
# that is missing is skipped). Each runs on a pseudo-terminal of 120x40, TERM=xterm-256color,
# LANG=C.UTF-8, with a fresh HOME and XDG directories under one temporary directory, so no
# user configuration applies (one HOME per program, kept across its runs: the warm-up run is
# its first start). shed gets only the file name. vim and nvim get
# `-u VIMRC -i NONE -n` (no viminfo/shada, no swap file) with a vimrc of `set nocompatible`,
# `filetype plugin indent off`, `syntax on`: highlighting as in DESIGN.md's table, and no
# filetype plugins, which vim does not load under -u either and which in nvim ask
# has('python3'), a probe of the Python provider that costs nvim most of a second.
# micro gets `-config-dir` in the temporary directory. The harness answers what a terminal
# answers and an editor may wait for: device attributes (CSI c; nvim 0.7 waits up to a second
# for it), status (CSI 5n), colour queries (OSC 10/11/12: white on black); not cursor
# position (CSI 6n), which no editor here waits for. Nothing is left behind: editors are
# killed with SIGKILL (with their process group) and the temporary directory is removed.
#
# Measures, per program (all times from just before fork() of the editor):
#   first paint   a generated 3,400-line Python file: until the word "kestrel" (a function
#                 name on line 5) appears in the output once CSI/OSC/other escape sequences
#                 and control bytes are stripped. Median of --runs (default 7).
#   all colours   the same runs: the time of the last output that printed characters, once
#                 the output has paused for 0.5 s (mode switches and cursor moves alone do
#                 not count). Text paints first and colours follow (shed highlights with
#                 tree-sitter), so this is when the last colours land (DESIGN's "all
#                 colours"); a program whose output never pauses for that long within 10 s
#                 shows "busy". JSON key "settled".
#   5 MB paint    the same on a generated ~5 MB Python file (marker also on line 5);
#   5 MB colours  quiet means 1.5 s here, longer than a full parse of that file: the time until
#                 the file is fully highlighted. JSON key "big_settled".
#   key echo      the 3,400-line file painted and its output quiet for 200 ms (its colours
#                 done): 50 keystrokes of 'Q' typed at the start of line 1 (vim and nvim get
#                 'i' first), each sent once the output has been quiet for 20 ms; echo = from
#                 write() of the key to the first output byte after it (an editor writes only
#                 in response to the key). Median and 90th percentile; a burst without a 'Q'
#                 in it is counted and reported. A program whose output never goes quiet
#                 within 10 s of the paint is typed at anyway, and a note says so.
#   5 MB echo     the same on the 5 MB file, once its output has been quiet for 1.5 s (as for
#                 "5 MB colours": the whole file highlighted). JSON key "big_echo".
#   RSS           VmRSS of the editor process itself (not its children) from /proc/PID/status
#                 in the key-echo session of the 3,400-line file, once its output has been
#                 quiet for 200 ms and before any key. MB here means MiB (kB / 1024), as /proc
#                 reports kB.
# Then, in a second table, shed's terminal pane (skipped with --skip-term, alone with
# --term-only; it needs tmux), driven through tmux on a private socket, sessions of 120x40 with
# no status line and a history of 10,000 lines (shed's scrollback), HOME as above, SHELL=/bin/sh
# with no startup file and the prompt "$ ":
#   cat 50 MB     a generated 50 MB text file (lines of 20 to 110 columns): from send-keys
#                 Enter on `cat ../big.txt; echo "DONE""-MARK"` until DONE-MARK shows in
#                 capture-pane, polled every 20 ms. In shed (started in the pane, Ctrl-T, at its
#                 prompt) and in a plain shell in a tmux pane of the same size; median of
#                 --term-runs (default 3), a new session each run; the ratio shed/tmux. DESIGN.md:
#                 the pane must keep up with tmux (target ratio <= 1).
#   idle CPU      shed with its pane open at the prompt, once its output is done: utime+stime
#                 from /proc/PID/stat over 5 s, in ms (clock ticks, 10 ms each). Target 0.
# One untimed warm-up run of each file precedes the timed ones; programs are interleaved run by
# run so that drift in the machine's load falls on all of them alike. The two echo sessions
# (and RSS) run once per program, after the timed runs.
#
# Output: a table of the figures, the ratios shed/peer for each column (lower is better), and
# DESIGN.md's targets with PASS/MISS for shed (the echo columns are judged on the median).
# Each measurement times out after 10 s. A peer that times out or exits shows "timeout" or
# "exited" in that column (and "busy" in a colours column when its output never pauses).
# Exit status: 0 when shed ran through, targets met or not (benchmarks measure, they do not
# fail); 1 when shed is missing, does not start and paint within 10 s (the run stops there),
# or hangs or exits on a keystroke, or its terminal pane shows no prompt or never finishes the
# cat (120 s); 2 for a bad command line.

import argparse
import errno
import fcntl
import json
import math
import os
import platform
import random
import re
import select
import shlex
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

COLS, ROWS = 120, 40
TIMEOUT = 10.0
SMALL_LINES = 3400
BIG_BYTES = 5_000_000
MARKER = b"kestrel"
SETTLE_SMALL = 0.5
SETTLE_BIG = 1.5
IDLE_BEFORE_RSS = 0.2
KEYS = 50
KEY_GAP = 0.020
KEY = b"Q"
ECHO_KEYS = ("echo", "big_echo")  # columns of (p50, p90) keystroke echo times

# DESIGN.md, "Performance targets": column key -> shed's limit (ms, or MB for RSS).
TARGETS = {
    "paint": 15.0,
    "settled": 35.0,
    "big_paint": 40.0,
    "big_settled": 1000.0,
    "echo": 1.5,
    "big_echo": 1.5,
    "rss": 10.0,
}

COLUMNS = [  # key, heading, unit
    ("paint", "first paint", "ms"),
    ("settled", "all colours", "ms"),
    ("big_paint", "5 MB paint", "ms"),
    ("big_settled", "5 MB colours", "ms"),
    ("echo", "key echo p50/p90", "ms"),
    ("big_echo", "5 MB echo p50/p90", "ms"),
    ("rss", "RSS", "MB"),
]

VIMRC = "set nocompatible\nfiletype plugin indent off\nsyntax on\n"

# name, argv after the executable ({file}, {home}, {vimrc} filled in), keys before typing.
PEERS = [
    ("nvim", ["-u", "{vimrc}", "-i", "NONE", "-n", "{file}"], b"i"),
    ("vim", ["-u", "{vimrc}", "-i", "NONE", "-n", "{file}"], b"i"),
    ("micro", ["-config-dir", "{home}/micro", "{file}"], b""),
]


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


# ---- input files ---------------------------------------------------------------------------

NOUNS = ["order", "ledger", "account", "invoice", "item", "price", "tax", "customer",
         "vendor", "payment", "batch", "report", "record", "entry", "total", "amount",
         "region", "currency", "discount", "shipment", "warehouse", "stock", "refund",
         "receipt", "balance", "quota", "route", "parcel", "tariff", "coupon"]
VERBS = ["load", "save", "compute", "validate", "merge", "split", "render", "parse", "apply",
         "collect", "resolve", "update", "fetch", "build", "check", "format", "sum", "sort"]
TYPES = ["int", "str", "float", "bool", "list[str]", "dict[str, int]", "Decimal"]


def _camel(rng):
    return rng.choice(NOUNS).capitalize() + rng.choice(NOUNS).capitalize()


def _args(rng):
    names = rng.sample(NOUNS, rng.randint(1, 3))
    return ", ".join(f"{n}: {rng.choice(TYPES)}" for n in names), names


def _def(head, args, ret):
    """A def line, or three when it would pass 88 columns (as black would split it)."""
    one = f"{head}({args}){ret}:"
    if len(one) <= 88:
        return [one]
    pad = " " * (len(head) - len(head.lstrip()))
    return [f"{head}(", f"{pad}    {args},", f"{pad}){ret}:"]


def _body(rng, names, indent):
    pad = " " * indent
    out = []
    var = rng.choice(names)
    out.append(f'{pad}"""{rng.choice(VERBS).capitalize()} the {var} and return its '
               f'{rng.choice(NOUNS)}."""')
    for _ in range(rng.randint(3, 9)):
        kind = rng.randint(0, 7)
        a, b = rng.choice(NOUNS), rng.choice(NOUNS)
        if kind == 0:
            out.append(f"{pad}# {rng.choice(VERBS)} every {a} before the {b} is closed")
        elif kind == 1:
            out.append(f"{pad}{a}_count = len({var}) * {rng.randint(2, 999)} + "
                       f"{rng.random() * 100:.2f}")
        elif kind == 2:
            out.append(f"{pad}for {a} in sorted({var}, key=lambda x: x.{b}):")
            out.append(f"{pad}    if {a}.{b} is None or {a}.{b} < {rng.randint(0, 50)}:")
            out.append(f"{pad}        continue")
            out.append(f"{pad}    {var} = {rng.choice(VERBS)}_{b}({a}, strict=True)")
        elif kind == 3:
            out.append(f'{pad}log.info(f"{a} {{{var}!r}} has {{len({var})}} {b}s")')
        elif kind == 4:
            out.append(f"{pad}{a} = {{'{b}': {rng.randint(0, 9999)}, "
                       f"'{rng.choice(NOUNS)}': '{rng.choice(VERBS)}', 'ok': True}}")
        elif kind == 5:
            out.append(f"{pad}if not {var}:")
            out.append(f"{pad}    raise ValueError('{var}: empty {a} (check the {b})')")
        elif kind == 6:
            out.append(f"{pad}try:")
            out.append(f"{pad}    {a} = {rng.choice(VERBS)}_{b}({var})")
            out.append(f"{pad}except (KeyError, OSError) as exc:")
            out.append(f"{pad}    {a} = None  # {rng.choice(VERBS)} later")
        else:
            out.append(f"{pad}{var} = [x * {rng.randint(1, 9)} for x in {var} if x % 2]")
    out.append(f"{pad}return {var}")
    return out


def generate_python(seed, lines=None, size=None):
    """Plausible Python text of exactly `lines` lines, or of at least `size` bytes."""
    rng = random.Random(seed)
    out = ["#!/usr/bin/env python3",
           '"""Order ledger: generated input for shed\'s benchmark."""',
           "",
           "",
           "def kestrel(flock, limit=10):",
           "    return flock[:limit]",
           "",
           "import logging",
           "from decimal import Decimal",
           "",
           "log = logging.getLogger(__name__)",
           ""]
    total = sum(len(s) + 1 for s in out)
    while (lines is not None and len(out) < lines) or (size is not None and total < size):
        block = [""]
        if rng.random() < 0.3:
            block.append(f"class {_camel(rng)}({_camel(rng)}):")
            block.append(f'    """{rng.choice(NOUNS).capitalize()} rules for every '
                         f'{rng.choice(NOUNS)}."""')
            block.append(f"    LIMIT = {rng.randint(1, 500)}")
            for _ in range(rng.randint(1, 4)):
                args, names = _args(rng)
                block.append("")
                if rng.random() < 0.3:
                    block.append("    @property")
                block += _def(f"    def {rng.choice(VERBS)}_{rng.choice(NOUNS)}",
                              "self, " + args, "")
                block += _body(rng, names, 8)
        else:
            args, names = _args(rng)
            block.append("")
            block += _def(f"def {rng.choice(VERBS)}_{rng.choice(NOUNS)}", args,
                          f" -> {rng.choice(TYPES)}")
            block += _body(rng, names, 4)
        if lines is not None and len(out) + len(block) > lines:
            # Too long for the remaining lines: fill them with comments instead.
            block = [f"# {rng.choice(VERBS)} the {rng.choice(NOUNS)} once a day"
                     for _ in range(lines - len(out))]
        out += block
        total += sum(len(s) + 1 for s in block)
    text = "\n".join(out) + "\n"
    assert text.count(MARKER.decode()) == 1
    return text


# ---- terminal output ----------------------------------------------------------------------

# A complete escape sequence: CSI, an OSC/DCS/SOS/PM/APC string, or a short ESC sequence.
_SEQ = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)"
                  rb"|[ -/]*[0-~])")
# The start of one that has not ended yet (held back until more output arrives).
_OPEN = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*|[\]PX^_][^\x07\x1b]*\x1b?|[ -/]*)")
_CONTROLS = bytes(b for b in range(0x20) if b != 0x0A) + b"\x7f"
# Queries a terminal answers and an editor may wait for (nvim 0.7 waits up to a second for
# the reply to DA1): primary device attributes, status report, default colours (white on
# black). Cursor position reports (CSI 6n) would need a terminal emulator; no editor here
# waits for them, so they stay unanswered.
_QUERY = re.compile(rb"\x1b\[0?c|\x1b\[5n|\x1b\](1[012]);\?(\x07|\x1b\\)")
_COLOURS = {b"10": b"rgb:ffff/ffff/ffff", b"11": b"rgb:0000/0000/0000",
            b"12": b"rgb:ffff/ffff/ffff"}


def _reply(m):
    q = m.group(0)
    if q.endswith(b"c"):
        return b"\x1b[?62;22c"  # VT220 with ANSI colour
    if q.endswith(b"n"):
        return b"\x1b[0n"
    return b"\x1b]" + m.group(1) + b";" + _COLOURS[m.group(1)] + m.group(2)


class TextFilter:
    """Turns a terminal output stream into its printed characters, chunk by chunk, and
    collects the replies a terminal would send to the queries in it."""

    def __init__(self):
        self.held = b""

    def feed(self, data):
        buf = self.held + data
        cut = len(buf)
        low = max(0, len(buf) - 4096)
        last = buf.rfind(b"\x1b", low)
        if last >= 0:
            prev = buf.rfind(b"\x1b", low, last)
            for pos in (prev, last):
                if pos >= 0 and _OPEN.fullmatch(buf, pos):
                    cut = pos
                    break
        self.held = buf[cut:]
        done = buf[:cut]
        replies = b"".join(_reply(m) for m in _QUERY.finditer(done)) if b"\x1b" in done else b""
        return _SEQ.sub(b"", done).translate(None, _CONTROLS), replies


# ---- one editor on a pty ------------------------------------------------------------------

class Failure(Exception):
    def __init__(self, kind, detail):
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


class Session:
    """An editor started on a fresh pty; times are seconds since just before fork()."""

    def __init__(self, argv, cwd, env):
        self.argv = argv
        self.fd, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.filter = TextFilter()
        self.screen = b""  # the last 4 KB of printed text, for error messages
        self.burst = b""   # printed text since the caller last emptied it
        self.printed = None  # when output last printed characters (modes and moves don't)
        self.carry = b""
        self.poller = select.poll()
        self.poller.register(self.fd, select.POLLIN)
        self.status = None
        self.t0 = time.perf_counter()
        self.pid = os.fork()
        if self.pid == 0:
            self._child(slave, cwd, env)
        os.close(slave)

    def _child(self, slave, cwd, env):
        try:
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            for sig in (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGINT):
                signal.signal(sig, signal.SIG_DFL)
            os.chdir(cwd)
            os.execvpe(self.argv[0], self.argv, env)
        except BaseException as exc:  # reported through the pty, read by the parent
            os.write(2, f"cannot start {self.argv[0]}: {exc}\r\n".encode())
        os._exit(127)

    def now(self):
        return time.perf_counter() - self.t0

    def tail(self):
        text = re.sub(rb"[ \n]+", b" ", self.screen[-600:]).decode("utf-8", "replace").strip()
        return text[-300:] or "(no output)"

    def pump(self, timeout, marker=None):
        """Reads one chunk within `timeout` s: None if none came, else its arrival time (and
        whether `marker` has now appeared). Notes when the chunk printed characters."""
        events = self.poller.poll(max(0.0, timeout) * 1000.0)
        t = self.now()
        if not events:
            return None, False
        try:
            data = os.read(self.fd, 65536)
        except OSError as exc:
            if exc.errno != errno.EIO:
                raise
            data = b""
        if not data:
            self._reap()
            raise Failure("exited", f"{self._status_text()}; last output: {self.tail()}")
        text, replies = self.filter.feed(data)
        if replies:
            os.write(self.fd, replies)
        self.screen = (self.screen + text)[-4096:]
        self.burst += text
        if text.strip(b"\n"):
            self.printed = t
        found = False
        if marker is not None:
            hay = self.carry + text
            found = marker in hay
            self.carry = hay[-(len(marker) - 1):]
        return t, found

    def wait_marker(self, marker, deadline):
        self.carry = b""
        while True:
            left = deadline - self.now()
            if left <= 0:
                raise Failure("timeout", f"no {marker.decode()!r} on screen within "
                              f"{TIMEOUT:.0f} s; last output: {self.tail()}")
            t, found = self.pump(left, marker)
            if found:
                return t

    def wait_quiet(self, window, deadline):
        """Reads until `window` s pass without output. Raises when the deadline comes
        first."""
        while True:
            left = deadline - self.now()
            if left <= 0:
                raise Failure("busy", f"output never paused for {window * 1000:.0f} ms")
            t, _ = self.pump(min(window, left))
            if t is None and left >= window:
                return

    def send(self, data):
        os.write(self.fd, data)

    def rss_kb(self):
        try:
            with open(f"/proc/{self.pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        raise Failure("exited", f"no VmRSS in /proc/{self.pid}/status (the process is gone)")

    def _reap(self):
        if self.status is not None:
            return
        end = time.monotonic() + 1.0
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
                return
            time.sleep(0.01)

    def _status_text(self):
        if self.status is None:
            return "closed its terminal"
        if os.WIFSIGNALED(self.status):
            return f"signal {os.WTERMSIG(self.status)}"
        return f"status {os.WEXITSTATUS(self.status)}"

    def close(self):
        if self.status is None:
            for kill in (os.killpg, os.kill):
                try:
                    kill(self.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            _, self.status = os.waitpid(self.pid, 0)
        else:
            try:
                os.killpg(self.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        os.close(self.fd)


# ---- programs and measurements -----------------------------------------------------------

class Program:
    def __init__(self, name, exe, args, prekeys, root):
        self.name = name
        self.exe = exe
        self.args = args
        self.prekeys = prekeys
        self.home = os.path.join(root, "home-" + name)
        self.version = ""
        self.samples = {"paint": [], "settled": [], "big_paint": [], "big_settled": []}
        self.echoes = {k: [] for k in ECHO_KEYS}  # ms, one per keystroke
        self.echo_without_key = {k: 0 for k in ECHO_KEYS}
        self.typed_busy = []  # echo columns typed before the output went quiet
        self.rss_mb = None
        self.errors = {}  # column key -> "timeout" / "exited" / "busy"
        self.details = {}
        self.paint_failed = None  # why the program never painted, when it did not

    def setup(self, vimrc):
        for d in ("", ".config", "micro", "run", "tmp"):
            os.makedirs(os.path.join(self.home, d), mode=0o700, exist_ok=True)
        self.vimrc = vimrc

    def argv(self, path):
        fill = {"file": path, "home": self.home, "vimrc": self.vimrc}
        return [self.exe] + [a.format(**fill) for a in self.args]

    def env(self):
        env = {
            "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
            "HOME": self.home,
            "USER": os.environ.get("USER", "bench"),
            "SHELL": "/bin/sh",
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "XDG_DATA_HOME": os.path.join(self.home, ".local", "share"),
            "XDG_STATE_HOME": os.path.join(self.home, ".local", "state"),
            "XDG_CACHE_HOME": os.path.join(self.home, ".cache"),
            "XDG_RUNTIME_DIR": os.path.join(self.home, "run"),
            "TMPDIR": os.path.join(self.home, "tmp"),  # nvim's tempdir outlives SIGKILL
        }
        return env

    def start(self, path):
        return Session(self.argv(path), os.path.dirname(path), self.env())

    def fail(self, key, exc):
        self.errors[key] = exc.kind
        self.details[key] = exc.detail


def measure_open(prog, path, settle, settled_key, timed):
    """One run of opening `path`: (paint ms, settled ms). Settled is None when the run is not
    timed or the program never paused; the latter is recorded as that column's failure."""
    s = prog.start(path)
    try:
        paint = s.wait_marker(MARKER, TIMEOUT)
        if not timed or settled_key in prog.errors:
            return paint * 1000.0, None
        try:
            s.wait_quiet(settle, paint + TIMEOUT)
        except Failure as exc:
            prog.fail(settled_key, exc)
            return paint * 1000.0, None
        return paint * 1000.0, s.printed * 1000.0
    finally:
        s.close()


def measure_echo(prog, path, key, quiet, rss=False):
    """Opens `path`, waits for the paint and then for `quiet` s without output (colours done),
    reads RSS when `rss`, then times KEYS keystrokes' echo into prog.echoes[key]. A failure
    goes to the columns not yet measured; one before the paint also counts as a failed paint."""
    s = prog.start(path)
    pending = (["rss"] if rss else []) + [key]
    painted = False
    try:
        paint = s.wait_marker(MARKER, TIMEOUT)
        painted = True
        try:
            s.wait_quiet(quiet, paint + TIMEOUT)
        except Failure as exc:
            if exc.kind != "busy":
                raise
            prog.typed_busy.append(key)
        if rss:
            prog.rss_mb = s.rss_kb() / 1024.0
            pending.remove("rss")
        if prog.prekeys:
            s.send(prog.prekeys)
            s.wait_quiet(0.1, s.now() + TIMEOUT)
        for _ in range(KEYS):
            s.wait_quiet(KEY_GAP, s.now() + TIMEOUT)
            sent = s.now()
            s.send(KEY)
            s.burst = b""
            t, _ = s.pump(TIMEOUT)
            if t is None:
                raise Failure("timeout", f"no output within {TIMEOUT:.0f} s of a keystroke")
            s.wait_quiet(KEY_GAP, s.now() + TIMEOUT)
            if KEY not in s.burst:
                prog.echo_without_key[key] += 1
            prog.echoes[key].append((t - sent) * 1000.0)
    except Failure as exc:
        if not painted:
            prog.paint_failed = f"{exc.kind}: {exc.detail}"
        for k in pending:
            prog.fail(k, exc)
    finally:
        s.close()


def run_column(prog, key, fn):
    """Runs fn() unless this column already failed; records a failure instead of raising."""
    if key in prog.errors:
        return None
    try:
        return fn()
    except Failure as exc:
        prog.fail(key, exc)
        if key in ("paint", "big_paint"):
            prog.paint_failed = f"{exc.kind}: {exc.detail}"
        return None


def fatal_if_shed(prog):
    """A shed that does not start and paint is worth no table: say why, and stop."""
    if prog.name == "shed" and prog.paint_failed:
        log(f"shed ({prog.exe}) did not paint: {prog.paint_failed}")
        return True
    return False


# ---- report -------------------------------------------------------------------------------

def fmt_ms(v):
    if v < 10:
        return f"{v:.2f}"
    if v < 100:
        return f"{v:.1f}"
    return f"{v:.0f}"


def p90(values):
    s = sorted(values)
    return s[max(0, math.ceil(0.9 * len(s)) - 1)]


def summary(prog):
    """Column key -> value (echo columns: (p50, p90)) or an error word."""
    out = {}
    for key in ("paint", "settled", "big_paint", "big_settled"):
        if key in prog.errors:
            out[key] = prog.errors[key]
        elif prog.samples[key]:
            out[key] = statistics.median(prog.samples[key])
    for key in ECHO_KEYS:
        if key in prog.errors:
            out[key] = prog.errors[key]
        elif prog.echoes[key]:
            out[key] = (statistics.median(prog.echoes[key]), p90(prog.echoes[key]))
    if prog.rss_mb is not None:
        out["rss"] = prog.rss_mb
    elif "rss" in prog.errors:
        out["rss"] = prog.errors["rss"]
    return out


def cell(key, v):
    if v is None:
        return "-"
    if isinstance(v, str):
        return v
    if key in ECHO_KEYS:
        return f"{fmt_ms(v[0])}/{fmt_ms(v[1])} ms"
    if key == "rss":
        return f"{v:.1f} MB"
    return f"{fmt_ms(v)} ms"


def ratio_cell(key, a, b):
    if a is None or b is None or isinstance(a, str) or isinstance(b, str):
        return "-"
    if key in ECHO_KEYS:
        return f"{a[0] / b[0]:.2f}/{a[1] / b[1]:.2f}" if b[0] and b[1] else "-"
    return f"{a / b:.2f}" if b else "-"


def verdict(key, v):
    if v is None:
        return "-"
    if isinstance(v, str):
        return "MISS"
    value = v[0] if key in ECHO_KEYS else v
    return "PASS" if value <= TARGETS[key] else "MISS"


def print_table(progs, results, runs, sizes):
    names = {p.name: (p.name + " " + p.version).strip() for p in progs}
    rows = [["program"] + [h for _, h, _ in COLUMNS]]
    for p in progs:
        rows.append([names[p.name]] + [cell(k, results[p.name].get(k)) for k, _, _ in COLUMNS])
    shed = results.get("shed")
    extra = []
    if shed is not None:
        peers = [p for p in progs if p.name != "shed"]
        if peers:
            extra.append(["ratios (lower is better)"])
        for p in peers:
            extra.append([f"shed/{p.name}"] + [ratio_cell(k, shed.get(k), results[p.name].get(k))
                                               for k, _, _ in COLUMNS])
        extra.append(["targets (DESIGN.md)"])
        extra.append(["target"] + [("p50 " if k in ECHO_KEYS else "") + f"<= {TARGETS[k]:g} {u}"
                                   for k, _, u in COLUMNS])
        extra.append(["shed"] + [verdict(k, shed.get(k)) for k, _, _ in COLUMNS])
    widths = [max(len(r[i]) for r in rows + extra if len(r) > 1) for i in range(len(rows[0]))]

    def line(r):
        if len(r) == 1:
            return "\n" + r[0]
        return "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()

    print(f"shed benchmark: {COLS}x{ROWS} pty, TERM=xterm-256color, "
          f"median of {runs} run{'s' if runs != 1 else ''}, "
          f"{os.cpu_count()} CPUs, Linux {platform.release()}")
    print(f"files: {SMALL_LINES:,}-line Python ({sizes[0] / 1024:.0f} KB), "
          f"{sizes[1] / 1e6:.1f} MB Python ({sizes[2]:,} lines); "
          f"key echo over {KEYS} keystrokes on each")
    print()
    for r in rows + extra:
        print(line(r))
    notes = []
    for p in progs:
        seen = {}  # the same failure in several columns is told once
        for key, detail in p.details.items():
            seen.setdefault(f"{p.errors[key]}: {detail}", []).append(key)
        for why, keys in seen.items():
            notes.append(f"{p.name} {', '.join(keys)}: {why}")
        for key, heading, _ in COLUMNS:
            if key in p.typed_busy:
                notes.append(f"{p.name} {heading}: typed before the output went quiet (it "
                             f"never paused within {TIMEOUT:.0f} s of the paint)")
            if key in ECHO_KEYS and p.echo_without_key[key]:
                notes.append(f"{p.name} {heading}: {p.echo_without_key[key]} of "
                             f"{len(p.echoes[key])} keystrokes got output without a visible "
                             f"{KEY.decode()!r}")
    if notes:
        print()
        for n in notes:
            print("note: " + n)
    sys.stdout.flush()


def write_json(path, progs, results, runs, term=None):
    doc = {
        "machine": {"cpus": os.cpu_count(), "kernel": platform.release()},
        "terminal": {"cols": COLS, "rows": ROWS, "term": "xterm-256color"},
        "runs": runs,
        "targets": TARGETS,
        "programs": {},
    }
    for p in progs:
        r = results[p.name]
        entry = {"version": p.version, "argv": [os.path.basename(p.exe)] + p.args,
                 "errors": {k: {"kind": p.errors[k], "detail": p.details[k]} for k in p.errors},
                 "samples_ms": p.samples}
        for key in ECHO_KEYS:
            entry[key + "_ms"] = p.echoes[key]
            entry[key + "_without_key"] = p.echo_without_key[key]
        for key, _, _ in COLUMNS:
            v = r.get(key)
            if key in ECHO_KEYS and isinstance(v, tuple):
                entry[key + "_p50_ms"], entry[key + "_p90_ms"] = v
            elif key == "rss" and isinstance(v, float):
                entry["rss_mb"] = v
            elif isinstance(v, float):
                entry[key + "_ms"] = v
        if p.name == "shed":
            entry["verdicts"] = {k: verdict(k, r.get(k)) for k in TARGETS}
        doc["programs"][p.name] = entry
    if term is not None:
        doc["terminal"] = term.json()
    with open(path, "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")


# ---- the terminal pane ----------------------------------------------------------------------

TERM_BYTES = 50_000_000
TERM_TIMEOUT = 120.0  # one cat; far beyond any sane time
TERM_POLL = 0.020
IDLE_SECONDS = 5.0
TERM_RATIO_TARGET = 1.0  # DESIGN.md: the pane "must keep up with tmux" on a 50 MB cat
DONE = "DONE-MARK"
# Typed as two quoted halves, so the command line itself never shows the marker.
CAT_CMD = 'cat ../big.txt; echo "DONE""-MARK"'


def generate_text(size):
    """Plain text lines of 20 to 110 columns, at least `size` bytes."""
    rng = random.Random(3)
    words = NOUNS + VERBS
    chunks, total, n = [], 0, 0
    while total < size:
        lines = []
        for _ in range(2000):
            n += 1
            text = f"{n:08d} " + " ".join(rng.choice(words) for _ in range(rng.randint(2, 14)))
            lines.append(text[:110])
        chunk = "\n".join(lines) + "\n"
        chunks.append(chunk)
        total += len(chunk)
    return "".join(chunks), n


class Tmux:
    """A tmux server of our own (private socket, our config: no status line, panes that stay
    when their program exits, history as long as shed's scrollback). Sessions are COLSxROWS."""

    def __init__(self, root):
        self.sock = f"shed-bench-{os.getpid()}"
        self.conf = os.path.join(root, "tmux.conf")
        with open(self.conf, "w") as f:
            f.write("set -g status off\nset -g remain-on-exit on\nset -g exit-empty off\n"
                    "set -g history-limit 10000\n")
        self.pids = []

    def run(self, *args, check=True):
        proc = subprocess.run(["tmux", "-L", self.sock, "-f", self.conf] + list(args),
                              stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if check and proc.returncode != 0:
            raise Failure("tmux", f"tmux {args[0]}: {proc.stderr.strip() or proc.returncode}")
        return proc.stdout

    def start(self, name, argv, env, cwd):
        cmd = "cd " + shlex.quote(cwd) + " && exec env -i " + " ".join(
            shlex.quote(f"{k}={v}") for k, v in env.items()) + " " + \
            " ".join(shlex.quote(a) for a in argv)
        self.run("new-session", "-d", "-s", name, "-x", str(COLS), "-y", str(ROWS), cmd)
        pid = int(self.run("display", "-p", "-t", name, "#{pane_pid}").strip())
        self.pids.append(pid)
        return pid

    def screen(self, name):
        return self.run("capture-pane", "-p", "-t", name)

    def keys(self, name, *keys, literal=False):
        self.run("send-keys", "-t", name, *(["-l", "--"] if literal else []), *keys)

    def wait(self, name, pred, what, timeout=TIMEOUT):
        """Polls the screen every TERM_POLL s until pred(text); returns the time seen."""
        end = time.perf_counter() + timeout
        while True:
            text = self.screen(name)
            now = time.perf_counter()
            if pred(text):
                return now
            if now > end:
                tail = re.sub(r"\s+", " ", text).strip()[-300:]
                raise Failure("timeout", f"no {what} within {timeout:.0f} s; screen: {tail}")
            time.sleep(TERM_POLL)

    def kill_session(self, name):
        self.run("kill-session", "-t", name, check=False)

    def close(self):
        self.run("kill-server", check=False)
        for pid in self.pids:  # a program that outlived its terminal
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        sock = os.path.join(os.environ.get("TMUX_TMPDIR", "/tmp"), f"tmux-{os.getuid()}",
                            self.sock)
        try:
            os.unlink(sock)
        except OSError:
            pass


def _prompt_last(text):
    """The pane's last row that is not blank is the prompt "$" (in shed: right of the file
    tree's border, and not counting shed's message line)."""
    rows = [r.rstrip().rsplit("│", 1)[-1] for r in text.splitlines() if "F1 help" not in r]
    rows = [r for r in rows if r.strip()]
    return bool(rows) and rows[-1] == "$"


class TermBench:
    def __init__(self, shed_exe, root, runs):
        self.shed = shed_exe
        self.runs = runs
        self.ws = os.path.join(root, "term", "ws")
        self.home = os.path.join(root, "home-term")
        self.tmux = Tmux(root)
        self.samples = {"shed": [], "tmux": []}
        self.cpu = {"shed": [], "tmux": []}  # per run: (shed's CPU ms, tmux server's CPU ms)
        self.errors = {}
        self.idle_ms = None
        self.bytes = 0
        self.lines = 0
        self.n = 0

    def env(self):
        h = self.home
        return {
            "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
            "HOME": h,
            "USER": os.environ.get("USER", "bench"),
            "SHELL": "/bin/sh",
            "ENV": "/dev/null",  # sh reads no startup file
            "PS1": "$ ",
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": os.path.join(h, ".config"),
            "XDG_DATA_HOME": os.path.join(h, ".local", "share"),
            "XDG_STATE_HOME": os.path.join(h, ".local", "state"),
            "XDG_CACHE_HOME": os.path.join(h, ".cache"),
            "XDG_RUNTIME_DIR": os.path.join(h, "run"),
            "TMPDIR": os.path.join(h, "tmp"),
        }

    def setup(self):
        os.makedirs(self.ws)
        for d in ("", ".config", "run", "tmp"):
            os.makedirs(os.path.join(self.home, d), mode=0o700, exist_ok=True)
        text, self.lines = generate_text(TERM_BYTES)
        with open(os.path.join(os.path.dirname(self.ws), "big.txt"), "w") as f:
            f.write(text)
        self.bytes = len(text)

    def _session(self, which):
        """A new session: shed with its terminal pane focused, or a plain shell; at the
        prompt. Returns (name, pid)."""
        self.n += 1
        name = f"{which}{self.n}"
        if which == "shed":
            pid = self.tmux.start(name, [self.shed], self.env(), self.ws)
            self.tmux.wait(name, lambda t: "F1 help" in t, "first paint of shed")
            self.tmux.keys(name, "C-t")
            self.tmux.wait(name, lambda t: "Ctrl-T leaves" in t and _prompt_last(t),
                           "prompt in shed's terminal pane")
        else:
            pid = self.tmux.start(name, ["/bin/sh"], self.env(), self.ws)
            self.tmux.wait(name, _prompt_last, "prompt in the tmux pane")
        return name, pid

    def cat_once(self, which):
        """One timed cat: ms, and the CPU (ms) that shed (for the plain pane: 0) and the tmux
        server used meanwhile."""
        name, pid = self._session(which)
        try:
            self.tmux.keys(name, CAT_CMD, literal=True)
            self.tmux.wait(name, lambda t: CAT_CMD in t, "the command typed")
            server = int(self.tmux.run("display", "-p", "-t", name, "#{pid}").strip())
            cpu0 = (_cpu_ticks(pid) if which == "shed" else 0, _cpu_ticks(server))
            t0 = time.perf_counter()
            self.tmux.keys(name, "Enter")
            t1 = self.tmux.wait(name, lambda t: DONE in t, f"{DONE} after the cat",
                                TERM_TIMEOUT)
            cpu1 = (_cpu_ticks(pid) if which == "shed" else 0, _cpu_ticks(server))
            tick = os.sysconf("SC_CLK_TCK")
            self.cpu[which].append(tuple((b - a) * 1000.0 / tick for a, b in zip(cpu0, cpu1)))
            return (t1 - t0) * 1000.0
        finally:
            self.tmux.kill_session(name)

    def idle_once(self):
        name, pid = self._session("shed")
        try:
            self.tmux.keys(name, "echo idle", literal=True)
            self.tmux.keys(name, "Enter")
            self.tmux.wait(name, lambda t: "│idle\n" in t and _prompt_last(t), "echo in the pane")
            time.sleep(0.5)  # let the last frame go out
            tick = os.sysconf("SC_CLK_TCK")
            before = _cpu_ticks(pid)
            time.sleep(IDLE_SECONDS)
            after = _cpu_ticks(pid)
            return (after - before) * 1000.0 / tick
        finally:
            self.tmux.kill_session(name)

    def run(self):
        self.setup()
        for r in range(self.runs):
            log(f"terminal: cat run {r + 1}/{self.runs}")
            for which in ("shed", "tmux"):
                if which in self.errors:
                    continue
                try:
                    self.samples[which].append(self.cat_once(which))
                except Failure as exc:
                    self.errors[which] = exc
        log(f"terminal: shed idle for {IDLE_SECONDS:.0f} s")
        try:
            self.idle_ms = self.idle_once()
        except Failure as exc:
            self.errors["idle"] = exc

    def result(self, which):
        if which in self.errors:
            return self.errors[which].kind
        return statistics.median(self.samples[which]) if self.samples[which] else None

    def print(self):
        shed, tmux = self.result("shed"), self.result("tmux")
        ok = isinstance(shed, float) and isinstance(tmux, float) and tmux > 0
        ratio = shed / tmux if ok else None
        idle = self.errors["idle"].kind if "idle" in self.errors else self.idle_ms

        def ms(v, whole=False):
            if isinstance(v, str):
                return v
            if v is None:
                return "-"
            return f"{v:.0f} ms" if whole else f"{fmt_ms(v)} ms"

        rows = [["", f"cat {self.bytes / 1e6:.0f} MB", f"idle CPU over {IDLE_SECONDS:.0f} s"],
                ["shed terminal pane", ms(shed), ms(idle, whole=True)],
                ["plain tmux pane", ms(tmux), "-"],
                ["ratio shed/tmux", f"{ratio:.2f}" if ratio else "-", ""],
                ["target (DESIGN.md)", f"<= {TERM_RATIO_TARGET:.2f} (keep up)", "0 ms"],
                ["shed", "-" if ratio is None else
                 "PASS" if ratio <= TERM_RATIO_TARGET else "MISS",
                 "-" if not isinstance(idle, float) else "PASS" if idle == 0 else "MISS"]]
        widths = [max(len(r[i]) for r in rows) for i in range(3)]
        print()
        print(f"terminal pane: tmux {COLS}x{ROWS} on a private server (history 10,000 lines); "
              f"median of {self.runs} run{'s' if self.runs != 1 else ''}")
        print(f"file: {self.bytes / 1e6:.1f} MB of text ({self.lines:,} lines); timed from "
              f"Enter on `{CAT_CMD}`")
        print(f"until {DONE} shows in capture-pane (polled every {TERM_POLL * 1000:.0f} ms); "
              f"idle CPU: shed's utime+stime, its pane open at the prompt")
        print()
        for r in rows:
            print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
        for which in ("shed", "tmux"):
            if self.cpu[which]:
                prog = statistics.median(c[0] for c in self.cpu[which])
                server = statistics.median(c[1] for c in self.cpu[which])
                print(f"note: CPU during the cat in the {which} pane (median): "
                      + (f"shed {prog:.0f} ms, " if which == "shed" else "")
                      + f"tmux server {server:.0f} ms")
        for key, exc in self.errors.items():
            print(f"note: terminal {key}: {exc.kind}: {exc.detail}")
        sys.stdout.flush()

    def json(self):
        return {"bytes": self.bytes, "lines": self.lines, "cols": COLS, "rows": ROWS,
                "cat_ms": self.samples, "cat_cpu_ms": self.cpu, "idle_seconds": IDLE_SECONDS,
                "idle_cpu_ms": self.idle_ms,
                "errors": {k: {"kind": e.kind, "detail": e.detail}
                           for k, e in self.errors.items()}}

    def failed(self):
        """shed hanging in its pane (a cat that never ends, no prompt) fails the run."""
        return any(k != "tmux" and e.kind != "tmux" for k, e in self.errors.items())


def _cpu_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        raise Failure("exited", f"shed (pid {pid}) is gone") from None
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)


# ---- main ---------------------------------------------------------------------------------

def peer_version(exe):
    try:
        proc = subprocess.Popen([exe, "--version"], stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                text=True, start_new_session=True)
    except OSError:
        return ""
    try:
        out, _ = proc.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # with any child holding the pipe
        proc.communicate()
        return ""
    m = re.search(r"\d+\.\d+(?:\.\d+)?", out.splitlines()[0] if out else "")
    return m.group(0) if m else ""


def parse_args(argv):
    ap = argparse.ArgumentParser(description="Time shed against nvim, vim and micro.")
    ap.add_argument("--shed", default="./shed", help="the shed binary (default ./shed)")
    ap.add_argument("--runs", type=int, default=7, help="timed runs per file (default 7)")
    ap.add_argument("--only", help="comma-separated programs among shed,nvim,vim,micro")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    ap.add_argument("--skip-term", action="store_true",
                    help="skip the terminal pane's measurements (50 MB cat, idle CPU)")
    ap.add_argument("--term-only", action="store_true",
                    help="only the terminal pane's measurements")
    ap.add_argument("--term-runs", type=int, default=3,
                    help="timed runs of the 50 MB cat in each pane (default 3)")
    args = ap.parse_args(argv)
    known = ["shed"] + [n for n, _, _ in PEERS]
    args.names = known
    if args.only:
        args.names = [n.strip() for n in args.only.split(",") if n.strip()]
        bad = [n for n in args.names if n not in known]
        if bad or not args.names:
            ap.error(f"--only: unknown program {', '.join(bad) or '(none)'} "
                     f"(choose among {','.join(known)})")
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if args.term_runs < 1:
        ap.error("--term-runs must be at least 1")
    if args.skip_term and args.term_only:
        ap.error("--skip-term and --term-only exclude each other")
    if args.term_only:
        if "shed" not in args.names:
            ap.error("--term-only measures shed: --only must include it")
        args.names = ["shed"]
    return args


def find_programs(args, root):
    progs = []
    for name in args.names:
        if name == "shed":
            exe = os.path.abspath(args.shed)
            if not (os.path.isfile(exe) and os.access(exe, os.X_OK)):
                log(f"shed: {args.shed} is not an executable file (run make first)")
                return None
            progs.append(Program("shed", exe, ["{file}"], b"", root))
            continue
        _, pargs, keys = next(p for p in PEERS if p[0] == name)
        exe = shutil.which(name)
        if exe is None:
            log(f"{name}: not installed, skipped (scripts/deps.sh --bench installs it)")
            continue
        prog = Program(name, exe, pargs, keys, root)
        prog.version = peer_version(exe)
        progs.append(prog)
    return progs


def run(args, root):
    progs = find_programs(args, root)
    if progs is None:
        return 1
    if not progs:
        log("nothing to measure")
        return 0
    status, results = 0, None
    if not args.term_only:
        status, results = run_editors(args, root, progs)
        if results is None:
            return status  # shed did not paint: nothing more is worth measuring
    shed = next((p for p in progs if p.name == "shed"), None)
    term = None
    if shed and not args.skip_term:
        if shutil.which("tmux") is None:
            log("terminal: tmux not installed, the terminal pane's measurements are skipped")
        else:
            term = TermBench(shed.exe, root, args.term_runs)
            try:
                term.run()
            finally:
                term.tmux.close()
            term.print()
            if term.failed():
                log("shed's terminal pane: " + "; ".join(
                    f"{k}: {e.kind}" for k, e in term.errors.items()
                    if k != "tmux" and e.kind != "tmux"))
                status = 1
    if args.json:
        write_json(args.json, progs if results else [], results or {}, args.runs, term)
    return status


def run_editors(args, root, progs):
    """The editor comparison: prints its table and returns (exit status, results), results
    None when shed did not paint."""
    vimrc = os.path.join(root, "vimrc")
    with open(vimrc, "w") as f:
        f.write(VIMRC)
    for p in progs:
        p.setup(vimrc)

    small = os.path.join(root, "small", "orders.py")
    big = os.path.join(root, "big", "ledger.py")
    sizes = []
    for path, text in ((small, generate_python(1, lines=SMALL_LINES)),
                       (big, generate_python(2, size=BIG_BYTES))):
        os.makedirs(os.path.dirname(path))
        with open(path, "w") as f:
            f.write(text)
        sizes += [len(text), text.count("\n")]
    sizes = (sizes[0], sizes[2], sizes[3])  # small bytes, big bytes, big lines

    for r in range(args.runs + 1):
        timed = r > 0
        log(f"run {r}/{args.runs}" + ("" if timed else " (warm-up)"))
        for key, path, settle in (("paint", small, SETTLE_SMALL), ("big_paint", big, SETTLE_BIG)):
            settled_key = key.replace("paint", "settled")
            for p in progs:
                res = run_column(p, key,
                                 lambda: measure_open(p, path, settle, settled_key, timed))
                if fatal_if_shed(p):
                    return 1, None
                if res is None or not timed:
                    continue
                p.samples[key].append(res[0])
                if res[1] is not None:
                    p.samples[settled_key].append(res[1])
    echo_sessions = (("RSS and key echo", small, "paint", "echo", IDLE_BEFORE_RSS, True),
                     ("key echo on the 5 MB file", big, "big_paint", "big_echo", SETTLE_BIG,
                      False))
    for p in progs:
        for what, path, paint_key, key, quiet, rss in echo_sessions:
            if paint_key in p.errors:
                continue  # a peer that never painted this file: another 10 s would say nothing
            log(f"{p.name}: {what}")
            measure_echo(p, path, key, quiet, rss)
            if fatal_if_shed(p):
                return 1, None
    results = {p.name: summary(p) for p in progs}
    print_table(progs, results, args.runs, sizes)
    # shed hanging or crashing on a keystroke fails the run; being slow or busy does not.
    shed = next((p for p in progs if p.name == "shed"), None)
    if shed and any(kind in ("timeout", "exited") for kind in shed.errors.values()):
        log("shed " + "; ".join(f"{k}: {shed.errors[k]}" for k in shed.errors
                                if shed.errors[k] != "busy"))
        return 1, results
    return 0, results


def _terminate(signum, frame):
    raise SystemExit(128 + signum)  # unwinds through the finally blocks that clean up


def main(argv):
    args = parse_args(argv)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _terminate)
    root = tempfile.mkdtemp(prefix="shed-bench-")
    try:
        return run(args, root)
    except KeyboardInterrupt:
        return 130
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
