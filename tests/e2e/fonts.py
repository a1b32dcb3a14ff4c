#!/usr/bin/env python3
"""`cvpress fonts`: `fonts.py CASE CVPRESS ARG WORKDIR`.

sample: ARG is a sample; every character is covered (exit 0) and the script of the
        sample's language is set by the face made for it (Devanagari by Noto Sans or Serif
        Devanagari, Han in Japanese by a Noto CJK JP face, ...).
uncovered: ARG is ignored; a document with U+10FFFD lists it with its name, line:column
        and hint, still lists the faces of the rest, and exits 1."""
import os
import re
import subprocess
import sys

# Language of the front matter (primary subtag) -> the script and the PostScript names
# of the faces that must set it.
EXPECTED = {
    "hi": ("Devanagari", r"Noto(Sans|Serif)Devanagari-"),
    "ja": ("Han", r"Noto(Sans|Serif)CJKjp-"),
    "zh": ("Han", r"Noto(Sans|Serif)CJKsc-"),
    "ko": ("Hangul", r"Noto(Sans|Serif)CJKkr-"),
    "th": ("Thai", r"Noto(Sans|Serif)Thai-"),
    "ar": ("Arabic", r"Noto(Sans|Serif|Naskh|Kufi)Arabic|NotoNastaliqUrdu"),
    "he": ("Hebrew", r"Noto(Sans|Serif|Rashi)Hebrew"),
    "ru": ("Cyrillic", r"Noto|DejaVu"),
    "el": ("Greek", r"Noto|DejaVu"),
    "de": ("Latin", r"."),
    "en": ("Latin", r"."),
}


def fonts(cvpress, src):
    p = subprocess.run([cvpress, "fonts", src], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def by_script(report):
    """{script: [PostScript names]} from the report's table: `script  count  name  file`,
    the script left blank on a script's second and later faces."""
    table, script = {}, None
    for line in report.splitlines():
        if line.startswith("all characters covered") or line.startswith("uncovered:"):
            break
        cols = re.split(r"\s{2,}", line.strip())
        if not line.startswith(" "):
            script, cols = cols[0], cols[1:]
        table.setdefault(script, []).append(cols[1])
    return table


def case_sample(cvpress, sample, work):
    code, out, err = fonts(cvpress, sample)
    assert code == 0, (code, out, err)
    assert out.rstrip().endswith("all characters covered"), out
    with open(sample, encoding="utf-8") as f:
        m = re.search(r"^lang:\s*([A-Za-z]+)", f.read(), re.M)
    lang = m.group(1).lower() if m else "en"
    script, pattern = EXPECTED[lang]
    table = by_script(out)
    assert script in table, f"no {script} in:\n{out}"
    for name in table[script]:
        assert re.match(pattern, name), f"{script} set in {name}, expected {pattern}:\n{out}"
    print(f"{os.path.basename(sample)}: {script} -> {', '.join(table[script])}")


def case_uncovered(cvpress, _arg, work):
    src = os.path.join(work, "uncovered.md")
    with open(src, "w", encoding="utf-8") as f:
        f.write("# Name\n\nA line with \U0010FFFD in it.\n\nAnd \U0010FFFD again.\n")
    code, out, err = fonts(cvpress, src)
    assert code == 1, (code, out, err)
    assert "uncovered: 1 character" in out, out
    assert re.search(r"uncovered\.md:3:13: U\+10FFFD <private use area-10FFFD>\n  hint: \S", out), out
    assert "Latin" in by_script(out), out  # the rest is still listed
    assert "no font covers" not in err, err  # listed once, in the report


def main():
    case, cvpress, arg, work = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    globals()["case_" + case](cvpress, arg, work)


if __name__ == "__main__":
    main()
