#!/usr/bin/env python3
"""Drive `gloss label` in a pseudo-terminal, and run the sqlite3 peer, for
Benchmarks/label.sh.

Two subcommands, each printing one JSON object on stdout (or to --out) and
exiting 0 when it worked, 1 when something broke (the JSON then says why in
"error"); progress and diagnostics go to stderr.

  drive   Starts `gloss label PROJECT --as NAME --db DB` on a new pty (80x24,
          TERM=xterm-256color) with GLOSS_LAUNCHED_AT set to time.time_ns()
          right before exec, waits for the first frame, then sends DECISIONS
          label keys (cycling p n u m), each one only after the previous key's
          frame has arrived and the output has been quiet for --settle-ms, then
          `q`, and waits for the process to exit. Reports the exit status, the
          child's peak RSS from wait4() (an outside view of what the session
          row records from /proc/self/status VmHWM), and the latencies the driver saw from
          writing a key to the first and to the last byte of its frame (these
          include the pty and the driver's scheduling; the app's own
          key-read-to-flush times are in the session row).

  peer    The same per-decision database work done with Python's sqlite3
          module on a copy of the store (WAL, synchronous=NORMAL): for each
          decision BEGIN IMMEDIATE; INSERT one row into annotations (the columns
          gloss writes); UPDATE the session's counters; SELECT the next
          undecided item in id order (NOT EXISTS on annotations); SELECT its
          text; COMMIT. Each decision is timed from BEGIN to the end of COMMIT.

Python 3 standard library only. Usage:

  python3 label_driver.py drive --gloss .build/release/gloss --db run.db \\
      --project bench --annotator bench --decisions 2000
  python3 label_driver.py peer --db peer.db --project bench --decisions 2000
"""

import argparse
import datetime
import errno
import fcntl
import json
import math
import os
import re
import select
import signal
import sqlite3
import struct
import sys
import termios
import time

LABEL_KEYS = "pnum"  # guides/sentiment.md: positive, negative, neutral, mixed
KEY_LABELS = {"p": "positive", "n": "negative", "u": "neutral", "m": "mixed"}
TAIL_BYTES = 8192  # pty output kept for diagnostics

# CSI, OSC, charset selection and other two-byte escapes: enough to find plain
# words in ncurses output.
ANSI = re.compile(rb"\x1b\[[0-9;?<=>!]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()*+][0-9A-Za-z]|\x1b[=>78cDEHMNOZ]")


def log(msg):
    print(f"label_driver: {msg}", file=sys.stderr, flush=True)


def percentiles(values):
    """Nearest-rank p50/p99/max (rank = ceil(f * n)), as gloss's KeyTimings."""
    if not values:
        return {"n": 0, "p50": None, "p99": None, "max": None}
    v = sorted(values)

    def rank(f):
        return v[max(1, math.ceil(f * len(v))) - 1]

    return {"n": len(v), "p50": round(rank(0.50), 4), "p99": round(rank(0.99), 4), "max": round(v[-1], 4)}


def emit(result, out):
    text = json.dumps(result, indent=2, sort_keys=True)
    if out:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    else:
        print(text, flush=True)


# --- drive -------------------------------------------------------------------


class ChildGone(Exception):
    pass


class Pty:
    """A child process on a new pty whose output is read (and counted) only
    through this object, so the child never blocks on a full pty buffer while
    the driver waits."""

    def __init__(self, argv, env, cwd, cols, rows):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        pid = os.fork()
        if pid == 0:  # child: new session, the pty as controlling terminal and stdio
            try:
                os.close(master)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                os.chdir(cwd)
                env["GLOSS_LAUNCHED_AT"] = str(time.time_ns())
                os.execve(argv[0], argv, env)
            except BaseException as e:  # noqa: BLE001 - nothing else may run in the child
                try:
                    os.write(2, f"exec {argv[0]} failed: {e}\n".encode())
                finally:
                    os._exit(127)
        self.launched = time.monotonic()
        os.close(slave)
        os.set_blocking(master, False)
        self.pid = pid
        self.fd = master
        self.eof = False
        self.total = 0
        self.tail = bytearray()
        self.status = None  # raw wait status once reaped
        self.rusage = None

    def read_available(self, timeout):
        """Waits up to `timeout` seconds for output and reads all there is.
        Returns the bytes read (b"" on timeout); sets self.eof when the child
        side closed."""
        if self.eof:
            if timeout > 0:
                time.sleep(min(timeout, 0.01))
            return b""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return b""
        chunks = []
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                break
            except OSError as e:
                if e.errno == errno.EIO:  # Linux: every slave fd closed
                    self.eof = True
                    break
                raise
            if not data:
                self.eof = True
                break
            chunks.append(data)
        data = b"".join(chunks)
        if data:
            self.total += len(data)
            self.tail += data
            if len(self.tail) > TAIL_BYTES:
                del self.tail[: len(self.tail) - TAIL_BYTES]
        return data

    def write(self, data, timeout=5.0):
        deadline = time.monotonic() + timeout
        view = memoryview(data)
        while view:
            if self.poll():
                raise ChildGone("the labeler exited while keys were being sent")
            try:
                n = os.write(self.fd, view)
                view = view[n:]
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError("the pty did not accept input for %.1f s" % timeout)
                self.read_available(0.005)  # keep draining so the child can progress

    def poll(self):
        """True once the child has exited (and is reaped)."""
        if self.status is not None:
            return True
        pid, status, rusage = os.wait4(self.pid, os.WNOHANG)
        if pid == 0:
            return False
        self.status, self.rusage = status, rusage
        return True

    def wait(self, timeout):
        """Reads output until the child exits or `timeout` passes; True if it exited."""
        deadline = time.monotonic() + timeout
        while not self.poll():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            self.read_available(min(0.05, left))
        self.read_available(0)  # whatever it printed last
        return True

    def kill(self):
        """SIGTERM (the labeler closes its session on it), then SIGKILL."""
        if self.poll():
            return
        for sig, grace in ((signal.SIGTERM, 3.0), (signal.SIGKILL, 5.0)):
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass
            if self.wait(grace):
                return
        log(f"could not reap pid {self.pid}")

    def close(self):
        try:
            os.close(self.fd)
        except OSError:
            pass

    def exit_description(self):
        if self.status is None:
            return "still running"
        if os.WIFEXITED(self.status):
            return f"exit status {os.WEXITSTATUS(self.status)}"
        if os.WIFSIGNALED(self.status):
            return f"killed by signal {os.WTERMSIG(self.status)}"
        return f"wait status {self.status}"

    def plain_tail(self, limit=2000):
        text = ANSI.sub(b"", bytes(self.tail)).decode("utf-8", "replace")
        text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)
        return text[-limit:]


def wait_first_frame(child, marker, timeout, settle, quiet_fallback):
    """Waits for the first frame: `marker` (the project name) in the output
    with escapes removed, then `settle` s without output. Falls back to any
    output followed by `quiet_fallback` s of silence. Returns (how, seconds
    after launch) or raises."""
    deadline = child.launched + timeout
    seen = bytearray()
    found = False
    last = None
    while True:
        now = time.monotonic()
        if now > deadline:
            raise TimeoutError(f"no first frame within {timeout:.0f} s of launch "
                               f"({child.total} bytes of output)")
        data = child.read_available(min(0.01, max(0.0, deadline - now)))
        now = time.monotonic()
        if data:
            last = now
            if not found:
                seen += data
                if marker in ANSI.sub(b"", bytes(seen)):
                    found = True
        elif child.eof or child.poll():
            raise ChildGone("the labeler exited before drawing its first frame")
        if last is not None:
            quiet = now - last
            if found and quiet >= settle:
                return "marker", last - child.launched
            if not found and quiet >= quiet_fallback:
                return "quiet", last - child.launched


def wait_frame(child, sent, first_timeout, settle):
    """After a key was written at `sent`: waits for output (at most
    `first_timeout` s), then until the output has been quiet for `settle` s.
    Returns (first byte, last byte) as seconds after `sent`, or None when
    nothing came."""
    deadline = sent + first_timeout
    first = last = None
    while True:
        now = time.monotonic()
        if first is None:
            if now > deadline:
                return None
            wait = min(0.05, deadline - now)
        else:
            wait = settle - (now - last)
            if wait <= 0:
                return first - sent, last - sent
        data = child.read_available(max(0.0, wait))
        if data:
            last = time.monotonic()
            if first is None:
                first = last
        elif child.eof:
            raise ChildGone("the labeler exited while keys were being sent")


def drive(args):
    result = {
        "ok": False, "error": None, "decisions": args.decisions, "keys_sent": 0,
        "keys_without_frame": 0, "exit": None, "exit_status": None, "maxrss_kb": None,
        "ready_by": None, "ready_after_ms": None, "output_bytes": 0,
        "driver_first_byte_ms": None, "driver_frame_ms": None, "wall_s": None,
    }
    env = {k: v for k, v in os.environ.items() if k not in ("LINES", "COLUMNS", "NO_COLOR", "GLOSS_DB")}
    env["TERM"] = args.term
    argv = [os.path.abspath(args.gloss), "label", args.project, "--as", args.annotator, "--db", os.path.abspath(args.db)]
    started = time.monotonic()
    child = None
    first_bytes, frames, slowest = [], [], []
    times_file = open(args.times, "w", encoding="utf-8") if args.times else None
    if times_file:
        times_file.write("key,first_byte_ms,frame_ms\n")
    try:
        child = Pty(argv, env, args.cwd or os.getcwd(), args.cols, args.rows)
        how, after = wait_first_frame(child, args.project.encode(), args.start_timeout,
                                      args.settle_ms / 1000, args.quiet_ms / 1000)
        result["ready_by"], result["ready_after_ms"] = how, round(after * 1000, 2)
        if how != "marker":
            log(f"the project name '{args.project}' never appeared; started after the output went quiet")
        silent_run = 0
        shown = time.monotonic()
        groups = args.keys.split(",")
        keys = [(key, k == 0) for i in range(args.decisions) for k, key in enumerate(groups[i % len(groups)])]
        for i, (key, first_of_item) in enumerate(keys):
            # The labeler ignores a decision on an item shown for less than its minimum
            # look (150 ms): an item's first key waits until it has been on screen that
            # long; the next keys of the same item (a rating after the judgment) follow
            # the previous frame by --step-ms.
            wait = (args.look_ms if first_of_item else args.step_ms) / 1000 - (time.monotonic() - shown)
            if wait > 0:
                time.sleep(wait)
            sent = time.monotonic()
            child.write(key.encode())
            result["keys_sent"] += 1
            got = wait_frame(child, sent, args.frame_timeout, args.settle_ms / 1000)
            if got is None:
                result["keys_without_frame"] += 1
                silent_run += 1
                if silent_run >= args.max_silent:
                    raise RuntimeError(
                        f"no frame after {silent_run} keys in a row (key {i + 1} of {len(keys)}): "
                        "the labeler does not answer label keys")
                continue
            silent_run = 0
            shown = time.monotonic()
            first_bytes.append(got[0] * 1000)
            frames.append(got[1] * 1000)
            slowest.append((got[1] * 1000, i + 1))
            if times_file:
                times_file.write(f"{i + 1},{got[0] * 1000:.4f},{got[1] * 1000:.4f}\n")
            if len(slowest) > 40:
                slowest.sort(reverse=True)
                del slowest[5:]
            if args.progress and (i + 1) % args.progress == 0:
                log(f"{i + 1}/{len(keys)} keys")
        if args.pause_ms:
            time.sleep(args.pause_ms / 1000)
        child.write(b"q")
        if not child.wait(args.exit_timeout):
            raise TimeoutError(f"the labeler did not exit within {args.exit_timeout:.0f} s of 'q'")
        if not (os.WIFEXITED(child.status) and os.WEXITSTATUS(child.status) == 0):
            raise RuntimeError(f"the labeler ended with {child.exit_description()}")
        result["ok"] = True
    except (TimeoutError, ChildGone, RuntimeError, OSError) as e:
        result["error"] = str(e)
    except KeyboardInterrupt:
        result["error"] = "interrupted"
    finally:
        if child is not None:
            if not child.poll():
                log(f"stopping the labeler (pid {child.pid})")
                child.kill()
            child.read_available(0)
            result["exit"] = child.exit_description()
            if child.status is not None and os.WIFEXITED(child.status):
                result["exit_status"] = os.WEXITSTATUS(child.status)
            if child.rusage is not None:
                result["maxrss_kb"] = child.rusage.ru_maxrss  # KiB on Linux
            result["output_bytes"] = child.total
            result["screen_tail"] = child.plain_tail()
            child.close()
        if times_file:
            times_file.close()
    result["wall_s"] = round(time.monotonic() - started, 3)
    result["driver_first_byte_ms"] = percentiles(first_bytes)
    result["driver_frame_ms"] = percentiles(frames)
    # The five slowest keys as [key number (1 = first), ms to the last byte of its frame].
    result["driver_slowest_keys"] = [[i, round(ms, 3)] for ms, i in sorted(slowest, reverse=True)[:5]]
    if result["error"]:
        log(f"error: {result['error']} ({result['exit']})")
        log("last screen text: " + result.get("screen_tail", "")[-600:].strip())
    emit(result, args.out)
    return 0 if result["ok"] else 1


# --- peer --------------------------------------------------------------------


def utc_now():
    # The text form GRDB stores a Date in: "YYYY-MM-DD HH:MM:SS.SSS" (UTC).
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]


def peer(args):
    result = {"ok": False, "error": None, "decisions": args.decisions}
    times = []
    conn = None
    try:
        conn = sqlite3.connect(args.db, isolation_level=None, timeout=30)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise RuntimeError(f"journal_mode is {mode}, not wal")
        conn.execute("PRAGMA synchronous = NORMAL")
        row = conn.execute("SELECT id, dataset_id FROM projects WHERE name = ?", (args.project,)).fetchone()
        if row is None:
            raise RuntimeError(f"no project {args.project!r} in {args.db}")
        project_id, dataset_id = row
        guide_version = conn.execute(
            "SELECT MAX(version) FROM guide_versions WHERE project_id = ?", (project_id,)).fetchone()[0] or 1
        now = utc_now()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT OR IGNORE INTO annotators (name, created_at) VALUES (?, ?)", (args.annotator, now))
        annotator_id = conn.execute("SELECT id FROM annotators WHERE name = ?", (args.annotator,)).fetchone()[0]
        conn.execute("""
            INSERT INTO sessions (project_id, annotator_id, started_at, host, terminal_width, terminal_height,
                item_order, gloss_version) VALUES (?, ?, ?, ?, 80, 24, 'sequential', 'peer')
            """, (project_id, annotator_id, now, os.uname().nodename))
        session_id = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
        conn.execute("COMMIT")

        next_sql = """
            SELECT i.id FROM items i
            WHERE i.id > ? AND i.dataset_id = ? AND NOT EXISTS (
                SELECT 1 FROM annotations a
                WHERE a.project_id = ? AND a.annotator_id = ? AND a.item_id = i.id
                  AND a.superseded_by IS NULL AND a.undone_at IS NULL)
            ORDER BY i.id LIMIT 1
            """
        insert_sql = """
            INSERT INTO annotations (project_id, item_id, annotator_id, kind, value, guide_version, shown_at,
                decided_at, active_ms, keystrokes, suggestion, suggestion_accepted, note, session_id, comment)
            VALUES (?, ?, ?, 'label', ?, ?, ?, ?, ?, 1, NULL, NULL, NULL, ?, NULL)
            """
        counters_sql = """
            UPDATE sessions SET labels = ?, skips = 0, flags = 0, changes = 0, undos = 0, keystrokes = ?,
                key_p50_ms = ?, key_p99_ms = ?, key_max_ms = ? WHERE id = ?
            """
        text_sql = "SELECT text FROM items WHERE id = ?"
        # The first item is on screen before the first decision, as in gloss.
        item = conn.execute(next_sql, (0, dataset_id, project_id, annotator_id)).fetchone()
        if item is None:
            raise RuntimeError("the project has no items")
        item_id = item[0]
        _ = conn.execute(text_sql, (item_id,)).fetchone()[0]
        shown = utc_now()
        perf = time.perf_counter_ns
        for i in range(args.decisions):
            if item_id is None:
                raise RuntimeError(f"ran out of items after {i} decisions")
            value = '{"label":"%s"}' % KEY_LABELS[LABEL_KEYS[i % len(LABEL_KEYS)]]
            t0 = perf()
            conn.execute("BEGIN IMMEDIATE")
            decided = utc_now()
            conn.execute(insert_sql, (project_id, item_id, annotator_id, value, guide_version, shown, decided,
                                      1000, session_id))
            conn.execute(counters_sql, (i + 1, i + 1, 1.0, 2.0, 3.0, session_id))
            row = conn.execute(next_sql, (item_id, dataset_id, project_id, annotator_id)).fetchone()
            next_id = row[0] if row else None
            if next_id is not None:
                _ = conn.execute(text_sql, (next_id,)).fetchone()[0]
            conn.execute("COMMIT")
            times.append((perf() - t0) / 1e6)
            item_id, shown = next_id, decided
        stored = conn.execute("SELECT COUNT(*) FROM annotations WHERE session_id = ?", (session_id,)).fetchone()[0]
        if stored != args.decisions:
            raise RuntimeError(f"{stored} annotations stored for the peer session, expected {args.decisions}")
        result["ok"] = True
    except (sqlite3.Error, RuntimeError, OSError) as e:
        result["error"] = f"{type(e).__name__}: {e}"
        log(f"peer error: {result['error']}")
    finally:
        if conn is not None:
            conn.close()
    result["sqlite_version"] = sqlite3.sqlite_version
    result["decision_ms"] = percentiles(times)
    emit(result, args.out)
    return 0 if result["ok"] else 1


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)

    d = sub.add_parser("drive", help="run gloss label in a pty and send label keys")
    d.add_argument("--gloss", required=True, help="the gloss binary")
    d.add_argument("--db", required=True, help="the store (a scratch copy: it gets the decisions)")
    d.add_argument("--project", required=True)
    d.add_argument("--annotator", default="bench")
    d.add_argument("--decisions", type=int, default=2000)
    d.add_argument("--keys", default=",".join(LABEL_KEYS),
                   help="the keys of each decision, comma-separated, used in turn (default: p,n,u,m; "
                        "a pairwise judgment with two ratings: f43,j35,...)")
    d.add_argument("--step-ms", type=float, default=60.0,
                   help="between two keys of one decision, wait this long after the previous frame")
    d.add_argument("--cols", type=int, default=80)
    d.add_argument("--rows", type=int, default=24)
    d.add_argument("--term", default="xterm-256color")
    d.add_argument("--cwd", help="working directory of the labeler (default: this one)")
    d.add_argument("--settle-ms", type=float, default=3.0,
                   help="a frame is complete after this long without output (default 3)")
    d.add_argument("--quiet-ms", type=float, default=1000.0,
                   help="if the project name never shows, start after this long without output (default 1000)")
    d.add_argument("--start-timeout", type=float, default=60.0, help="seconds to wait for the first frame")
    d.add_argument("--frame-timeout", type=float, default=5.0, help="seconds to wait for a key's frame")
    d.add_argument("--max-silent", type=int, default=5,
                   help="fail after this many keys in a row draw nothing (default 5)")
    d.add_argument("--exit-timeout", type=float, default=30.0, help="seconds to wait for the exit after q")
    d.add_argument("--pause-ms", type=float, default=0.0, help="wait this long before q")
    d.add_argument("--look-ms", type=float, default=0.0,
                   help="send a key only once the item has been on screen this long (default 0)")
    d.add_argument("--progress", type=int, default=500, help="log every this many keys (0: never)")
    d.add_argument("--times", help="write each key's driver-side times here (CSV)")
    d.add_argument("--out", help="write the JSON result here instead of stdout")

    q = sub.add_parser("peer", help="the sqlite3 module doing each decision's database work")
    q.add_argument("--db", required=True, help="a scratch copy of the store")
    q.add_argument("--project", required=True)
    q.add_argument("--annotator", default="peer")
    q.add_argument("--decisions", type=int, default=2000)
    q.add_argument("--out", help="write the JSON result here instead of stdout")

    args = p.parse_args(argv)
    if args.decisions < 1:
        p.error("--decisions must be at least 1")
    return drive(args) if args.command == "drive" else peer(args)


if __name__ == "__main__":
    sys.exit(main())
