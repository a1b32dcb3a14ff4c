#!/usr/bin/env python3
"""Golden layout tests: `golden.py CVPRESS CASE.md [--update]`.

Renders CASE.md with --dump-frames (and --dump-glyphs when the case says `<!-- glyphs -->`
on a line of its own, first or after the front matter) using tests/golden/test.yaml, and compares with CASE.frames by a unified
diff. --update rewrites CASE.frames; review the diff before committing it.

A case that says `<!-- layout: NAME.yaml -->` on a line of its own (first, or after the
front matter) uses tests/golden/NAME.yaml
instead; those layouts may name the test font "CV Test" (tests/data/fonts/cvtest.ttf, every
glyph 1 em wide), which fontconfig finds through a configuration that adds that folder.
"""
import difflib
import os
import re
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))


FONT_DIR = os.path.join(here, "..", "data", "fonts")


def fontconfig_env(tmp):
    """The environment with a fontconfig configuration that also lists the test fonts."""
    conf = os.path.join(tmp, "fonts.conf")
    with open(conf, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
                '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
                f'  <dir>{os.path.abspath(FONT_DIR)}</dir>\n  <cachedir>{tmp}/cache</cachedir>\n</fontconfig>\n')
    return dict(os.environ, FONTCONFIG_FILE=conf)


def main():
    cvpress, case = sys.argv[1], sys.argv[2]
    update = "--update" in sys.argv[3:]
    source = open(case, encoding="utf-8").read()
    layout = "test.yaml"
    if m := re.search(r"^<!-- layout: ([\w.-]+\.yaml) -->$", source[:1000], re.M):
        layout = m.group(1)
    cmd = [cvpress, "render", case, "--layout", os.path.join(here, layout), "--dump-frames"]
    if re.search(r"^<!-- glyphs -->$", source[:1000], re.M):
        cmd.append("--dump-glyphs")
    with tempfile.TemporaryDirectory() as tmp:
        p = subprocess.run(cmd, capture_output=True, text=True, env=fontconfig_env(tmp))
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
