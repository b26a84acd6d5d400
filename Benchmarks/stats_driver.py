#!/usr/bin/env python3
"""Time the labeler's `:stats` dashboard in a pseudo-terminal, for
Benchmarks/stats.sh.

Starts `gloss label PROJECT --as NAME --no-model --db DB` on a new pty
(100x40, TERM=xterm-256color) with the pty helpers of label_driver.py, waits
for the first frame and for the screen to go quiet, types `:stats`, and times from writing the Enter key to
the last byte of the frame that shows the report (the word "Progress:" with
escapes removed, then --settle-ms without output). Then it closes the
dashboard (Esc), quits (q), and reports the child's peak RSS from wait4().
Prints one JSON object: {"ok", "error", "stats_ms", "first_frame_ms",
"maxrss_kb", "exit"}; exits 0 when it worked, 1 when something broke.

Python 3 standard library only. Usage:

  python3 stats_driver.py --gloss .build/release/gloss --db store.db \\
      --project bench --annotator bench
"""

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from label_driver import ANSI, ChildGone, Pty, log, wait_first_frame, wait_frame  # noqa: E402


def wait_for(child, marker, sent, timeout, settle):
    """Waits until `marker` is in the output (escapes removed) that came after
    `sent`, then until the output has been quiet for `settle` s. Returns the
    seconds from `sent` to the last byte."""
    seen = bytearray()
    found_at = last = None
    while True:
        now = time.monotonic()
        if found_at is None and now - sent > timeout:
            raise TimeoutError(f"no '{marker.decode()}' within {timeout:.0f} s")
        if found_at is not None and now - last >= settle:
            return last - sent
        data = child.read_available(0.005 if found_at is None else max(0.0, settle - (now - last)))
        if data:
            last = time.monotonic()
            if found_at is None:
                seen += data
                if marker in ANSI.sub(b"", bytes(seen)):
                    found_at = last
        elif child.eof:
            raise ChildGone("the labeler exited before showing the statistics")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gloss", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--annotator", default="bench")
    parser.add_argument("--settle-ms", type=float, default=20)
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args(argv)
    result = {"ok": False, "error": None, "stats_ms": None, "first_frame_ms": None, "maxrss_kb": None, "exit": None}
    env = {k: v for k, v in os.environ.items() if k not in ("LINES", "COLUMNS", "NO_COLOR", "GLOSS_DB")}
    env["TERM"] = "xterm-256color"
    argv = [os.path.abspath(args.gloss), "label", args.project, "--as", args.annotator, "--no-model",
            "--db", os.path.abspath(args.db)]
    child = None
    settle = args.settle_ms / 1000
    try:
        child = Pty(argv, env, os.getcwd(), 100, 40)
        how, after = wait_first_frame(child, args.project.encode(), args.timeout, settle, 1.0)
        result["first_frame_ms"] = round(after * 1000, 2)
        # The first item comes after the first frame: let the screen go quiet for half a second.
        quiet_since = time.monotonic()
        while time.monotonic() - quiet_since < 0.5:
            if child.read_available(0.05):
                quiet_since = time.monotonic()
        for key in b":stats":
            sent = time.monotonic()
            child.write(bytes([key]))
            if wait_frame(child, sent, 5.0, settle) is None:
                raise RuntimeError(f"no frame after typing {chr(key)!r}")
        sent = time.monotonic()
        child.write(b"\r")
        result["stats_ms"] = round(wait_for(child, b"Progress:", sent, args.timeout, settle) * 1000, 2)
        child.write(b"\x1b")
        wait_frame(child, time.monotonic(), 5.0, settle)
        child.write(b"q")
        if not child.wait(30):
            raise TimeoutError("the labeler did not exit within 30 s of 'q'")
        if not (os.WIFEXITED(child.status) and os.WEXITSTATUS(child.status) == 0):
            raise RuntimeError(f"the labeler ended with {child.exit_description()}")
        result["ok"] = True
    except (TimeoutError, ChildGone, RuntimeError, OSError) as e:
        result["error"] = str(e)
    finally:
        if child is not None:
            if not child.poll():
                child.kill()
            result["exit"] = child.exit_description()
            if child.rusage is not None:
                result["maxrss_kb"] = child.rusage.ru_maxrss
            if result["error"]:
                log(f"error: {result['error']}; last screen text: {child.plain_tail()[-600:].strip()}")
            child.close()
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
