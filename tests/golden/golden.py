#!/usr/bin/env python3
"""Golden layout tests: `golden.py CVPRESS CASE.md [--update]`.

Renders CASE.md with --dump-frames (and --dump-glyphs when the case's first line says
`<!-- glyphs -->`) using tests/golden/test.yaml, and compares with CASE.frames by a unified
diff. --update rewrites CASE.frames; review the diff before committing it.
"""
import difflib
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))


def main():
    cvpress, case = sys.argv[1], sys.argv[2]
    update = "--update" in sys.argv[3:]
    cmd = [cvpress, "render", case, "--layout", os.path.join(here, "test.yaml"), "--dump-frames"]
    if open(case, encoding="utf-8").readline().startswith("<!-- glyphs -->"):
        cmd.append("--dump-glyphs")
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"render failed ({p.returncode}):\n{p.stderr}")
    expected_path = os.path.splitext(case)[0] + ".frames"
    if update or not os.path.exists(expected_path):
        with open(expected_path, "w", encoding="utf-8") as f:
            f.write(p.stdout)
        print(f"wrote {expected_path}")
        if not update:
            sys.exit("no expected dump existed; one was written: review it and run again")
        return
    expected = open(expected_path, encoding="utf-8").read()
    if expected != p.stdout:
        diff = difflib.unified_diff(expected.splitlines(True), p.stdout.splitlines(True),
                                    expected_path, "actual")
        sys.stdout.writelines(diff)
        sys.exit("layout differs from the golden dump (rerun with --update if the change is intended)")
    print(f"{os.path.basename(case)}: matches")


if __name__ == "__main__":
    main()
