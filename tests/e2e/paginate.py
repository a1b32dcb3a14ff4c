#!/usr/bin/env python3
"""Pagination end to end (issue 3): `paginate.py CASE CVPRESS SAMPLES_DIR WORKDIR`.

fit2      --fit-pages 2 (and front matter `fit: 2`) sets the seed résumé on exactly 2 pages,
          and --report says what it changed
fit1      --fit-pages 1 fails with a message naming 1 page and the best page count reached
footer    a multi-page résumé has "Page N of M" (and the name) in the foot of every page
table300  a 300-row table paginates with its header row repeated at the top of every page
lastpage  a last page that would hold fewer than three lines is avoided by tightening
"""
import os
import re
import subprocess
import sys
import time


def run(cmd, expect=0):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != expect:
        raise SystemExit(f"FAILED: {' '.join(cmd)} exited {p.returncode}, expected {expect}\n{p.stderr}")
    return p


def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def page_text(pdf, n):
    return subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout


def case_fit2(cvpress, samples, work):
    sample = os.path.join(samples, "resume.en.md")
    natural = os.path.join(work, "natural.pdf")
    run([cvpress, "render", sample, "-o", natural])
    assert pages(natural) > 2, "the seed résumé should need tightening to fit 2 pages"
    out = os.path.join(work, "fit2.pdf")
    p = run([cvpress, "render", sample, "--fit-pages", "2", "--report", "-o", out])
    assert pages(out) == 2, pages(out)
    m = re.search(r"resume\.en\.md: fit: (\d+) pages -> 2 \(fit 2\): (.+)", p.stdout)
    assert m, p.stdout
    assert int(m.group(1)) == pages(natural), (m.group(1), pages(natural))
    assert "space between blocks" in m.group(2), m.group(2)
    # The same through the front matter.
    src = open(sample, encoding="utf-8").read()
    front = os.path.join(work, "resume.en.md")
    with open(front, "w", encoding="utf-8") as f:
        f.write("---\nfit: 2\n---\n" + src)
    out2 = os.path.join(work, "front.pdf")
    run([cvpress, "render", front, "-o", out2])
    assert pages(out2) == 2, pages(out2)


def case_fit1(cvpress, samples, work):
    out = os.path.join(work, "fit1.pdf")
    p = run([cvpress, "render", os.path.join(samples, "resume.en.md"), "--fit-pages", "1", "-o", out], expect=1)
    assert re.search(r"resume\.en\.md: error: cannot fit the résumé on 1 page: .* takes at least \d+ pages",
                     p.stderr), p.stderr
    assert "hint:" in p.stderr and "8.5pt" in p.stderr, p.stderr
    assert not os.path.exists(out), "no PDF may be written"


def case_footer(cvpress, samples, work):
    out = os.path.join(work, "footer.pdf")
    run([cvpress, "render", os.path.join(samples, "resume.en.md"), "-o", out])
    n = pages(out)
    assert n > 1, n
    for i in range(1, n + 1):
        last = [l.strip() for l in page_text(out, i).splitlines() if l.strip()][-1]
        assert last.endswith(f"Page {i} of {n}"), (i, last)
        assert "Hui Peng Zhu" in last, last
    # A one-page document has none.
    one = os.path.join(work, "one.md")
    with open(one, "w", encoding="utf-8") as f:
        f.write("# Ada Lovelace\n\nOne page.\n")
    run([cvpress, "render", one, "-o", os.path.join(work, "one.pdf")])
    assert "Page 1" not in page_text(os.path.join(work, "one.pdf"), 1)


def case_table300(cvpress, samples, work):
    src = os.path.join(work, "table.md")
    with open(src, "w", encoding="utf-8") as f:
        f.write("# Ada Lovelace\n\n## Ledger\n\n| Row | Item | Amount |\n|---|---|---:|\n")
        for i in range(1, 301):
            f.write(f"| {i} | Entry number {i} of the ledger | {i * 7} |\n")
    out = os.path.join(work, "table.pdf")
    start = time.monotonic()
    p = run([cvpress, "render", src, "--report", "-o", out])
    seconds = time.monotonic() - start
    n = pages(out)
    assert n >= 5, n
    for i in range(1, n + 1):
        lines = [l.split() for l in page_text(out, i).splitlines() if l.strip()]
        assert ["Row", "Item", "Amount"] in lines, (i, lines[:3])
        if i > 1:  # a continuation page starts with the header row
            assert lines[0] == ["Row", "Item", "Amount"], (i, lines[0])
    rows = sum(1 for i in range(1, n + 1) for l in page_text(out, i).splitlines() if "Entry number" in l)
    assert rows == 300, rows
    print(f"300-row table: {n} pages in {seconds:.2f} s")


def case_lastpage(cvpress, samples, work):
    # More and more one-line items until the natural layout leaves one or two lines on the
    # last page: then the render tightens spacing or leading and says so.
    src = os.path.join(work, "long.md")
    for count in range(40, 200):
        with open(src, "w", encoding="utf-8") as f:
            f.write("# Ada Lovelace\n\n## Notes\n\n")
            f.write("".join(f"- Note number {i} on the engine\n" for i in range(count)))
        out = os.path.join(work, "long.pdf")
        p = run([cvpress, "render", src, "--report", "-o", out])
        m = re.search(r"fit: the last page held (\d) lines?; (\d+) pages -> (\d+): (.+)", p.stdout)
        if m:
            assert int(m.group(1)) < 3, m.group(0)
            assert int(m.group(3)) == int(m.group(2)) - 1 == pages(out), (m.group(0), pages(out))
            assert "space between blocks" in m.group(4) or "line height" in m.group(4), m.group(4)
            print(f"{count} items: {m.group(0)}")
            return
    raise SystemExit("FAILED: no item count left a short last page")


def main():
    case, cvpress, samples, work = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    globals()[f"case_{case}"](cvpress, samples, work)
    print(f"{case}: ok")


if __name__ == "__main__":
    main()
