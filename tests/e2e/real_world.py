#!/usr/bin/env python3
"""Résumés as people write them, rendered as a new user would: `real_world.py CVPRESS FILE.md WORKDIR`.

The folder of FILE.md is copied to WORKDIR and the file is rendered there by its bare name
(`cd folder && cvpress render name.md`), in every layout. Each render must exit 0 and give back
every word of the document (source_text.py) through pdftotext, or, for a file that says
`<!-- expect: error -->`, exit 1 with every error located (`file:line:col: error:`) and no PDF.
A file may say `<!-- expect: warning TEXT -->` for each warning it must produce.
"""
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from source_text import missing_words  # noqa: E402

# None: the layout the document itself asks for (or the default), as a first render does.
LAYOUTS = [None, "classic", "modern", "compact", "academic"]


def main():
    cvpress, source, work = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
    layouts = LAYOUTS
    folder = os.path.join(work, "doc")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(os.path.dirname(os.path.abspath(source)), folder)
    name = os.path.basename(source)
    markdown = open(source, encoding="utf-8", errors="replace").read()
    expect_error = "<!-- expect: error -->" in markdown
    expected_warnings = re.findall(r"<!-- expect: warning (.*?) -->", markdown)
    pdf = os.path.join(folder, name[:-3] + ".pdf")
    env = dict(os.environ, LC_ALL="C.UTF-8")
    for layout in layouts:
        if os.path.exists(pdf):
            os.remove(pdf)
        p = subprocess.run([cvpress, "render", name] + (["--layout", layout] if layout else []), cwd=folder,
                           capture_output=True, env=env, stdin=subprocess.DEVNULL)
        stderr = p.stderr.decode("utf-8", errors="replace")
        where = f"{name} in {layout or 'its own layout'}"
        if expect_error:
            assert p.returncode == 1, f"{where}: exit {p.returncode}, expected 1\n{stderr}"
            errors = [line for line in stderr.splitlines() if ": error: " in line]
            assert errors, f"{where}: no error reported\n{stderr}"
            for line in errors:
                assert re.match(r"^[^:\s]+:\d+:\d+: error: ", line), f"{where}: unlocated error: {line}"
            assert not os.path.exists(pdf), f"{where}: a PDF was written despite the errors"
            continue
        assert p.returncode == 0, f"{where}: exit {p.returncode}\n{stderr}"
        assert "internal error" not in stderr, stderr
        for w in expected_warnings if layout is None else []:
            assert w in stderr, f"{where}: expected a warning containing {w!r}\n{stderr}"
        for line in stderr.splitlines():
            if ": warning: " in line:
                assert re.match(r"^[^:\s]+:\d+:\d+: warning: ", line), f"{where}: unlocated warning: {line}"
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                              check=True).stdout.decode("utf-8")
        lost = missing_words(markdown, text)
        assert not lost, f"{where}: words lost: {lost}\n{stderr}"
        check = subprocess.run(["qpdf", "--check", pdf], capture_output=True)
        assert check.returncode == 0, f"{where}: qpdf --check\n{check.stdout.decode()}"
    warnings = len([line for line in stderr.splitlines() if ": warning: " in line])
    print(f"{name}: {len(layouts)} layouts, {'refused as expected' if expect_error else '0 words lost'}, "
          f"{warnings} warnings")


if __name__ == "__main__":
    main()
