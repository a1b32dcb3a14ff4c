#!/usr/bin/env python3
"""Error cases of `cvpress render`: `errors.py CASE CVPRESS WORKDIR`.

Each case checks the exit code, that the message names the file, line and column,
and that no output (not even a temporary) is left behind."""
import os
import re
import subprocess
import sys


def render(cvpress, src, out):
    p = subprocess.run([cvpress, "render", src, "-o", out], capture_output=True, text=True)
    return p.returncode, p.stderr


def no_output(work, out):
    assert not os.path.exists(out), f"{out} was written"
    left = [f for f in os.listdir(work) if ".tmp-" in f]
    assert not left, f"temporary files left behind: {left}"


def write(work, name, text):
    path = os.path.join(work, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def case_missing_input(cvpress, work):
    out = os.path.join(work, "nope.pdf")
    code, err = render(cvpress, os.path.join(work, "nope.md"), out)
    assert code == 1, (code, err)
    assert "nope.md" in err and "error" in err, err
    no_output(work, out)


def case_bad_front_matter(cvpress, work):
    src = write(work, "bad-front-matter.md", "---\nlang: en\ntitle: [unclosed\n---\n\n# Name\n")
    out = os.path.join(work, "bad-front-matter.pdf")
    code, err = render(cvpress, src, out)
    assert code == 1, (code, err)
    assert "bad-front-matter.md:" in err and ": error: " in err, err
    line_col = err.split("bad-front-matter.md:")[1].split(":")[:2]
    assert all(part.isdigit() for part in line_col), err
    no_output(work, out)


def case_uncovered_character(cvpress, work):
    # U+10FFFD: a private-use character of plane 16 that no installed font covers.
    src = write(work, "uncovered.md", "# Name\n\nA line with \U0010FFFD in it.\n")
    out = os.path.join(work, "uncovered.pdf")
    code, err = render(cvpress, src, out)
    assert code == 1, (code, err)
    assert "uncovered.md:3:13: error: no font covers" in err, err
    assert "U+10FFFD" in err, err
    assert "PRIVATE USE" in err.upper(), err
    no_output(work, out)


def case_unknown_layout(cvpress, work):
    src = write(work, "unknown-layout.md", "---\nlayout: clasic\n---\n\n# Name\n")
    out = os.path.join(work, "unknown-layout.pdf")
    code, err = render(cvpress, src, out)
    assert code == 1, (code, err)
    assert "clasic" in err, err
    no_output(work, out)


def case_usage(cvpress, work):
    p = subprocess.run([cvpress, "render"], capture_output=True, text=True)
    assert p.returncode == 2, (p.returncode, p.stderr)
    p = subprocess.run([cvpress, "frobnicate"], capture_output=True, text=True)
    assert p.returncode == 2, (p.returncode, p.stderr)


def case_keeps_old_output(cvpress, work):
    """A failed render leaves an existing output file exactly as it was."""
    out = os.path.join(work, "kept.pdf")
    with open(out, "wb") as f:
        f.write(b"previous")
    src = write(work, "kept.md", "# Name\n\n\U0010FFFD\n")
    code, _ = render(cvpress, src, out)
    assert code == 1
    assert open(out, "rb").read() == b"previous"


def case_image_outside_folder(cvpress, work):
    sub = os.path.join(work, "doc")
    os.makedirs(sub, exist_ok=True)
    with open(os.path.join(work, "secret.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
    src = write(sub, "escape.md", "# Name\n\n![me](../secret.png)\n")
    out = os.path.join(sub, "escape.pdf")
    code, err = render(cvpress, src, out)
    assert code == 1, (code, err)
    assert re.search(r"escape\.md:3:\d+: error: image \"\.\./secret\.png\" is outside the document's folder", err), err
    assert not os.path.exists(out)


def case_bad_layout_override(cvpress, work):
    src = write(work, "override.md", "---\nsection.colour: \"#0b5394\"\nsection.color: nope\n---\n# Name\n")
    out = os.path.join(work, "override.pdf")
    code, err = render(cvpress, src, out)
    assert code == 1, (code, err)
    assert "override.md:2:1: error: unknown key \"section.colour\"" in err and "did you mean \"section.color\"" in err, err
    assert "override.md:3:16:" in err, err
    no_output(work, out)


CASES = {name[5:]: fn for name, fn in globals().items() if name.startswith("case_")}

if __name__ == "__main__":
    case, cvpress, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    CASES[case](cvpress, work)
    print(f"{case}: ok")
