#!/usr/bin/env python3
"""End-to-end checks of a rendered résumé: `e2e.py CHECK CVPRESS SAMPLE.md WORKDIR`.

Each check renders the sample with the real binary and inspects the PDF with the
tools a reviewer would use (qpdf, pdffonts, pdftotext). Never compares PDF bytes with
a committed file: only two renders of the same input with each other.
"""
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from difflib import SequenceMatcher


def run(cmd, env=None, check=True):
    p = subprocess.run(cmd, capture_output=True, env=env)
    if check and p.returncode != 0:
        raise SystemExit(f"FAILED: {' '.join(cmd)} (exit {p.returncode})\n{p.stderr.decode(errors='replace')}")
    return p


def render(cvpress, sample, out, env=None):
    layout = os.environ.get("E2E_LAYOUT")
    run([cvpress, "render", sample, "-o", out] + (["--layout", layout] if layout else []), env=env)
    return out


def visible_text(md):
    """The text a reader sees in the Markdown (the same rules as shared/tools/text-recall)."""
    md = re.sub(r"\A---\n.*?\n---\n", "", md, flags=re.S)
    md = re.sub(r"^\s*(```|~~~).*$", "", md, flags=re.M)             # code fences and info strings
    md = re.sub(r"^\s{0,3}>\s?", "", md, flags=re.M)                # block quote marks
    md = re.sub(r"<!--.*?-->", "", md, flags=re.S)
    md = re.sub(r"<((?:https?|mailto):[^>\s]+)>", r"\1", md)
    md = re.sub(r"</?[A-Za-z][^>]*>", "", md)
    md = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~])", r"\1", md)
    md = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", md)
    md = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", md)
    md = re.sub(r"^\s{0,3}#{1,6}\s*", "", md, flags=re.M)
    md = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", md, flags=re.M)
    md = re.sub(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", "", md, flags=re.M)
    md = md.replace("|", " ")
    md = re.sub(r"[*_`]", "", md)
    md = re.sub(r"~~", "", md)
    return md


def squash(s):
    s = unicodedata.normalize("NFC", s)
    return re.sub(r"\s+", "", s)


def pdftotext(pdf):
    return run(["pdftotext", "-enc", "UTF-8", pdf, "-"]).stdout.decode("utf-8")


def qdf(pdf, work):
    out = os.path.join(work, os.path.basename(pdf) + ".qdf")
    run(["qpdf", "--qdf", "--object-streams=disable", pdf, out])
    return open(out, "rb").read().decode("latin-1")


def check_structure(cvpress, sample, work):
    pdf = render(cvpress, sample, os.path.join(work, "structure.pdf"))
    out = run(["qpdf", "--check", pdf]).stdout.decode()
    assert "No syntax or stream encoding errors found" in out, out
    info = run(["pdfinfo", pdf]).stdout.decode()
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages >= 1, info
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    w, h = float(size.group(1)), float(size.group(2))
    # A4 (595.28 x 841.89) unless the sample asks for Letter (612 x 792).
    assert (abs(w - 595.28) < 0.01 and abs(h - 841.89) < 0.01) or (w == 612 and h == 792), info
    print(f"structure ok, {pages} pages, {w} x {h} pt")


def check_fonts(cvpress, sample, work):
    pdf = render(cvpress, sample, os.path.join(work, "fonts.pdf"))
    lines = run(["pdffonts", pdf]).stdout.decode().splitlines()[2:]
    assert lines, "no fonts in the PDF"
    for line in lines:
        cols = line.split()
        emb, sub, uni = cols[-5], cols[-4], cols[-3]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), f"font not embedded+subset+ToUnicode: {line}"
        assert "Type 3" not in line, f"Type 3 font: {line}"
        assert re.match(r"^[A-Z]{6}\+", cols[0]), f"subset font name without a tag: {line}"
    print(f"fonts ok: {len(lines)} fonts, all embedded, subset, with ToUnicode")


RTL_LANGUAGES = {"ar", "he", "iw", "fa", "ur", "yi", "ps", "ckb", "dv", "sd", "ug"}


def is_rtl(md):
    """A right-to-left sample: front matter `dir: rtl`, or a `lang` written right to left."""
    front = re.match(r"---\n(.*?)\n---", md, re.S)
    if not front:
        return False
    fields = dict(re.findall(r"^(lang|dir):\s*(\S+)", front.group(1), re.M))
    if "dir" in fields:
        return fields["dir"].lower() == "rtl"
    return re.split(r"[-_]", fields.get("lang", ""))[0].lower() in RTL_LANGUAGES


def check_text(cvpress, sample, work):
    pdf = render(cvpress, sample, os.path.join(work, "text.pdf"))
    md = open(sample, encoding="utf-8").read()
    want = squash(visible_text(md))
    got = squash(pdftotext(pdf))
    cw, cg = Counter(want), Counter(got)
    recall = sum(min(n, cg[c]) for c, n in cw.items()) / max(1, len(want))
    order = sum(b.size for b in SequenceMatcher(None, want, got, autojunk=False).get_matching_blocks()) / max(1, len(want))
    missing = "".join(sorted(c for c, n in cw.items() if cg[c] < n))
    print(f"recall={recall:.4f} order={order:.4f} missing={missing!r}")
    # Issue 5: extractors put right-to-left text in an order of their own (pdftotext
    # reorders lines mixing Arabic and Latin as it pleases), so for a right-to-left
    # sample only recall is checked here; the order is checked by looking at the page.
    if is_rtl(md):
        assert recall >= 0.995, "text does not come back from the PDF"
        return
    assert recall >= 0.995 and order >= 0.98, "text does not come back from the PDF"


def check_words(cvpress, sample, work):
    """Spaces between words come back as in the source: every source line's words, in order."""
    pdf = render(cvpress, sample, os.path.join(work, "words.pdf"))
    text = re.sub(r"[ \t]+", " ", pdftotext(pdf).replace("\n", " "))
    phrases = [p for p in os.environ.get("E2E_PHRASES", "").split("|") if p]
    for phrase in phrases:
        assert phrase in text, f"{phrase!r} not in the extracted text"
    print(f"{len(phrases)} phrases found verbatim")


def check_links(cvpress, sample, work):
    pdf = render(cvpress, sample, os.path.join(work, "links.pdf"))
    md = open(sample, encoding="utf-8").read()
    md = re.sub(r"`[^`]*`", "", md)
    want = Counter(re.findall(r"(?<!!)\[[^\]]*\]\(([^)\s]+)", md))
    want.update(re.findall(r"<((?:https?|mailto):[^>\s]+)>", md))
    doc = qdf(pdf, work)
    got = Counter(m.encode("latin-1").decode("utf-8") for m in re.findall(r"/URI \((.*?)\)", doc))
    for uri, n in want.items():
        assert got[uri] >= n, f"link {uri}: {got[uri]} annotations, want >= {n}"
    assert sum(got.values()) >= sum(want.values())
    headings = len(re.findall(r"^#{1,4} ", re.sub(r"```.*?```", "", md, flags=re.S), re.M))
    titles = len(re.findall(r"/Dest (?:\[|\d+ 0 R)", doc))  # outline items (annotations use /A)
    assert titles >= headings, f"{titles} bookmarks for {headings} headings"
    print(f"links ok: {sum(got.values())} URI annotations for {sum(want.values())} links; {titles} bookmarks")


def locale_with_comma():
    out = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    for name in ("de_DE.utf8", "fr_FR.utf8", "ru_RU.utf8"):
        if name in out:
            return name
    return None


def check_deterministic(cvpress, sample, work):
    a = render(cvpress, sample, os.path.join(work, "a.pdf"))
    b = render(cvpress, sample, os.path.join(work, "b.pdf"))
    assert open(a, "rb").read() == open(b, "rb").read(), "two renders differ"
    loc = locale_with_comma()
    assert loc, "no locale with a decimal comma is installed (scripts/setup.sh generates de_DE.UTF-8)"
    env = dict(os.environ, LC_ALL=loc, LANG=loc)
    c = render(cvpress, sample, os.path.join(work, "c.pdf"), env=env)
    assert open(a, "rb").read() == open(c, "rb").read(), f"render under LC_ALL={loc} differs"
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    d = render(cvpress, sample, os.path.join(work, "d.pdf"), env=env)
    info = run(["pdfinfo", "-isodates", d]).stdout.decode()
    if not re.search(r"^date:", open(sample, encoding="utf-8").read(), re.M):
        assert re.search(r"^CreationDate:\s+2023-11-14T22:13:20", info, re.M), info
    print(f"deterministic: identical bytes twice and under LC_ALL={loc}; SOURCE_DATE_EPOCH honoured")


def check_layout(cvpress, sample, work):
    """One layout (E2E_LAYOUT) on one sample: structure, fonts and the text round trip."""
    check_structure(cvpress, sample, work)
    check_fonts(cvpress, sample, work)
    check_text(cvpress, sample, work)


def check_icons(cvpress, sample, work):
    """Contact icons are drawn, but never extracted as text (Fork Awesome is private use)."""
    pdf = render(cvpress, sample, os.path.join(work, "icons.pdf"))
    text = pdftotext(pdf)
    assert not any(0xE000 <= ord(c) <= 0xF8FF for c in text), "private-use (icon) characters in the text"
    stream = run(["qpdf", "--qdf", "--object-streams=disable", pdf, "-"]).stdout
    assert b"/Artifact BMC" in stream, "no icon drawn"
    assert b"/Subtype /Image" in stream, "no picture drawn"
    print("icons drawn as artifacts and absent from the text; portrait embedded")


CHECKS = {
    "layout": check_layout,
    "icons": check_icons,
    "structure": check_structure,
    "fonts": check_fonts,
    "text": check_text,
    "words": check_words,
    "links": check_links,
    "deterministic": check_deterministic,
}

if __name__ == "__main__":
    check, cvpress, sample, work = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    CHECKS[check](cvpress, sample, work)
