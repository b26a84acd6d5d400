#!/usr/bin/env python3
"""Time a labeler's launch and its `/` search in a pseudo-terminal, for
Benchmarks/scale.sh.

Starts `gloss label PROJECT --as NAME --no-model --db DB` on a new pty
(100x40, TERM=xterm-256color) with the pty helpers of label_driver.py and
times from the launch to the last byte of the frame that shows the first
item (`--first` is the start of its text). Then, for each `--search QUERY
--expect MARKER` pair, it types `/`, the query and Enter, and times from
writing Enter to the last byte of the frame whose text (escapes removed)
holds MARKER (the start of the item found, or "no item contains" when
nothing is). After a search that found an item the screen goes back to the
first item (`:goto`; a search starts after the item shown, so every search
walks the same range).
Then `q`. Prints one JSON object: {"ok", "error", "launch_ms",
"search_ms": [...], "maxrss_kb", "exit"}; exits 0 when it worked, 1 when
something broke.

Python 3 standard library only. Usage:

  python3 scale_driver.py --gloss gloss --db store.db --project look \\
      --first "Able dog" --first-id item-0000001 --search "zyzzyva" --expect "no item contains"
"""

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from label_driver import ChildGone, Pty, log, wait_frame  # noqa: E402
from stats_driver import wait_for  # noqa: E402


NOT_FOUND = "no item contains"


def type_keys(child, keys, settle):
    for key in keys:
        sent = time.monotonic()
        child.write(bytes([key]))
        if wait_frame(child, sent, 5.0, settle) is None:
            raise RuntimeError(f"no frame after typing {chr(key)!r}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gloss", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--annotator", default="bench")
    parser.add_argument("--first", required=True, help="the start of the first item's text")
    parser.add_argument("--first-id", required=True, help="the first item's id (for :goto)")
    parser.add_argument("--search", action="append", default=[])
    parser.add_argument("--expect", action="append", default=[])
    parser.add_argument("--settle-ms", type=float, default=20)
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args(argv)
    if len(args.search) != len(args.expect):
        parser.error("each --search needs its --expect")
    result = {"ok": False, "error": None, "launch_ms": None, "search_ms": [], "maxrss_kb": None, "exit": None}
    env = {k: v for k, v in os.environ.items() if k not in ("LINES", "COLUMNS", "NO_COLOR", "GLOSS_DB")}
    env["TERM"] = "xterm-256color"
    argv = [os.path.abspath(args.gloss), "label", args.project, "--as", args.annotator, "--no-model",
            "--db", os.path.abspath(args.db)]
    child = None
    settle = args.settle_ms / 1000
    try:
        child = Pty(argv, env, os.getcwd(), 100, 40)
        launched = child.launched
        result["launch_ms"] = round(wait_for(child, args.first.encode(), launched, args.timeout, settle) * 1000, 2)
        for query, marker in zip(args.search, args.expect):
            type_keys(child, b"/" + query.encode(), settle)
            sent = time.monotonic()
            child.write(b"\r")
            result["search_ms"].append(round(wait_for(child, marker.encode(), sent, args.timeout, settle) * 1000, 2))
            if marker.startswith(NOT_FOUND):
                continue
            # Back to the first item, so that the next search walks the same range.
            type_keys(child, b":goto " + args.first_id.encode(), settle)
            child.write(b"\r")
            wait_for(child, args.first.encode(), time.monotonic(), args.timeout, settle)
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
