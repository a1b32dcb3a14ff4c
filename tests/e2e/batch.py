#!/usr/bin/env python3
"""`cvpress batch`: `batch.py CASE CVPRESS WORKDIR` (samples are read from the source tree).

Each case builds its inputs in WORKDIR, runs the real binary, and checks outputs, exit
codes, reports and what is left on disk."""
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLES = os.path.join(ROOT, "samples")


def batch(cvpress, *args, cwd=None):
    p = subprocess.run([cvpress, "batch", *args], capture_output=True, text=True, cwd=cwd)
    return p.returncode, p.stderr


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def report(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def tiny(work, n, folder="in"):
    """n small documents, quick to render."""
    return [write(os.path.join(work, folder, f"person{i:03}.md"),
                  f"# Person {i}\n\n## Experience\n\n### Job {i} | 2020 ~ 2024\n\nWrote {i} things.\n")
            for i in range(n)]


def copies(work, n):
    """n copies of the English and Chinese samples (the heavier documents)."""
    names = []
    for i in range(n):
        for s in ("resume.en.md", "resume.zh.md"):
            dst = os.path.join(work, "in", f"c{i:02}-{s}")
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy(os.path.join(SAMPLES, s), dst)
            names.append(dst)
    return names


def no_temporaries(folder):
    left = [f for f in glob.glob(os.path.join(folder, "**", "*"), recursive=True) if ".tmp-" in f]
    assert not left, f"temporary files left behind: {left}"


def case_identical(cvpress, work):
    copies(work, 4)
    tiny(work, 6)
    for j in ("1", "2"):
        code, err = batch(cvpress, os.path.join(work, "in"), "--out-dir", os.path.join(work, "j" + j), "-j", j)
        assert code == 0, err
    one = sorted(os.listdir(os.path.join(work, "j1")))
    two = sorted(os.listdir(os.path.join(work, "j2")))
    assert one == two and len([f for f in one if f.endswith(".pdf")]) == 14, (one, two)
    for name in one:
        if name.endswith(".pdf"):
            assert read_bytes(os.path.join(work, "j1", name)) == read_bytes(os.path.join(work, "j2", name)), name
    # The same bytes as `cvpress render` of the same file.
    single = os.path.join(work, "single.pdf")
    subprocess.run([cvpress, "render", os.path.join(work, "in", "c00-resume.zh.md"), "-o", single], check=True)
    assert read_bytes(single) == read_bytes(os.path.join(work, "j2", "c00-resume.zh.pdf"))


def case_broken(cvpress, work):
    good = tiny(work, 5)
    write(os.path.join(work, "in", "broken.md"), "---\nlang: en\ntitle: [unclosed\n---\n\n# Name\n")
    write(os.path.join(work, "in", "uncovered.md"), "# Name\n\nA line with \U0010FFFD in it.\n")
    out = os.path.join(work, "out")
    rep = os.path.join(work, "report.jsonl")
    code, err = batch(cvpress, os.path.join(work, "in", "*.md"), "--out-dir", out, "-j", "2", "--report", rep)
    assert code == 1, (code, err)
    for g in good:
        assert os.path.exists(os.path.join(out, os.path.basename(g)[:-3] + ".pdf")), g
    assert not os.path.exists(os.path.join(out, "broken.pdf"))
    assert not os.path.exists(os.path.join(out, "uncovered.pdf"))
    assert "broken.md:4:1: error: invalid front matter" in err, err
    assert "uncovered.md:3:13: error: no font covers" in err, err
    assert "5 rendered, 0 unchanged, 2 failed" in err, err
    lines = {os.path.basename(r["input"]): r for r in report(rep)}
    assert len(lines) == 7
    assert lines["broken.md"]["status"] == "failed" and lines["broken.md"]["errors"], lines["broken.md"]
    assert lines["uncovered.md"]["missing_glyphs"] and "U+10FFFD" in lines["uncovered.md"]["missing_glyphs"][0]
    assert lines["person000.md"]["status"] == "rendered" and lines["person000.md"]["pages"] == 1
    no_temporaries(work)


def case_shards(cvpress, work):
    inputs = tiny(work, 24)
    seen = []
    for k in range(3):
        rep = os.path.join(work, f"r{k}.jsonl")
        code, err = batch(cvpress, os.path.join(work, "in"), "--out-dir", os.path.join(work, "out"),
                          "--shard", f"{k}/3", "-j", "2", "--report", rep)
        assert code == 0, err
        seen += [r["input"] for r in report(rep) if r["status"] == "rendered"]
    assert sorted(seen) == sorted(inputs), (len(seen), len(inputs))
    assert len(os.listdir(os.path.join(work, "out"))) == 2 * len(inputs)  # PDFs and their hashes
    code, err = batch(cvpress, os.path.join(work, "in"), "--shard", "3/3")
    assert code == 2 and "--shard" in err, (code, err)


def case_incremental(cvpress, work):
    inputs = tiny(work, 6)
    out = os.path.join(work, "out")
    args = [os.path.join(work, "in"), "--out-dir", out, "-j", "2", "--report", os.path.join(work, "r.jsonl")]
    code, err = batch(cvpress, *args)
    assert code == 0 and "6 rendered, 0 unchanged" in err, err
    mtimes = {f: os.stat(os.path.join(out, f)).st_mtime_ns for f in os.listdir(out)}
    code, err = batch(cvpress, *args)
    assert code == 0 and "0 rendered, 6 unchanged" in err, err
    assert all(r["status"] == "unchanged" for r in report(os.path.join(work, "r.jsonl")))
    assert mtimes == {f: os.stat(os.path.join(out, f)).st_mtime_ns for f in os.listdir(out)}
    # One input edited, one output deleted: just those two again.
    with open(inputs[2], "a", encoding="utf-8") as f:
        f.write("\nOne more line.\n")
    os.remove(os.path.join(out, "person004.pdf"))
    code, err = batch(cvpress, *args)
    assert code == 0 and "2 rendered, 4 unchanged" in err, err
    # Other options are another job: a layout change renders everything.
    code, err = batch(cvpress, *args, "--layout", "compact")
    assert code == 0 and "6 rendered, 0 unchanged" in err, err
    code, err = batch(cvpress, *args, "--layout", "compact", "--force")
    assert code == 0 and "6 rendered, 0 unchanged" in err, err


def case_sigterm(cvpress, work):
    tiny(work, 400)
    out = os.path.join(work, "out")
    p = subprocess.Popen([cvpress, "batch", os.path.join(work, "in"), "--out-dir", out, "-j", "2"],
                         stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 30
    while time.time() < deadline and not (os.path.isdir(out) and len(os.listdir(out)) >= 20):
        time.sleep(0.005)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 128 + signal.SIGTERM, (p.returncode, err)
    assert "interrupted by SIGTERM" in err, err
    pdfs = [f for f in os.listdir(out) if f.endswith(".pdf")]
    assert 0 < len(pdfs) < 400, len(pdfs)
    no_temporaries(work)
    for name in pdfs:  # every PDF is whole, and recorded as such
        data = read_bytes(os.path.join(out, name))
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), name
        assert os.path.exists(os.path.join(out, name + ".cvpress-hash")), name
    # The next run finishes the job and renders only what was missing.
    code, err = batch(cvpress, os.path.join(work, "in"), "--out-dir", out, "-j", "2")
    assert code == 0 and f"{400 - len(pdfs)} rendered, {len(pdfs)} unchanged" in err, err


def pdf_size(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return [l for l in info.splitlines() if l.startswith("Page size:")][0]


def case_variants(cvpress, work):
    folder = os.path.join(work, "cv")
    write(os.path.join(folder, "resume.yaml"), "paper: letter\nauthor: Ada Lovelace\nsection.color: \"#0b5394\"\n")
    write(os.path.join(folder, "resume.en.md"), "# Ada Lovelace\n\n## Notes\n\nNote G.\n")
    write(os.path.join(folder, "resume.de.md"), "---\npaper: a4\n---\n\n# Ada Lovelace\n\n## Notizen\n\nNotiz G.\n")
    code, err = batch(cvpress, os.path.join(folder, "*.md"), "-j", "2")
    assert code == 0, err
    assert "612 x 792" in pdf_size(os.path.join(folder, "resume.en.pdf"))  # letter, from resume.yaml
    assert "595" in pdf_size(os.path.join(folder, "resume.de.pdf"))  # its own a4 wins
    info = subprocess.run(["pdfinfo", os.path.join(folder, "resume.en.pdf")], capture_output=True, text=True).stdout
    assert "Ada Lovelace" in info, info
    # The shared file is an input of both: editing it renders both again.
    write(os.path.join(folder, "resume.yaml"), "paper: a4\n")
    code, err = batch(cvpress, os.path.join(folder, "*.md"))
    assert code == 0 and "2 rendered" in err, err
    # A mistake in it is reported where it is, for each variant.
    write(os.path.join(folder, "resume.yaml"), "paper: a4\nlayuot: modern\n")
    code, err = batch(cvpress, os.path.join(folder, "*.md"))
    assert code == 1 and err.count("resume.yaml:2:1: error: unknown front matter key") == 2, err


def case_manifest(cvpress, work):
    tiny(work, 3, folder="project/people")
    write(os.path.join(work, "project", "batch.yaml"),
          "defaults:\n  paper: letter\n  out-dir: pdf\n"
          "jobs:\n"
          "  - people/person000.md\n"
          "  - input: people/person001.md\n    output: special/first.pdf\n    paper: a4\n"
          "  - input: people/person002.md\n    overrides: {page.margin: 30mm}\n")
    code, err = batch(cvpress, "--manifest", os.path.join("project", "batch.yaml"), cwd=work)
    assert code == 0, err
    assert "612 x 792" in pdf_size(os.path.join(work, "project", "pdf", "person000.pdf"))
    assert "595" in pdf_size(os.path.join(work, "project", "special", "first.pdf"))
    assert os.path.exists(os.path.join(work, "project", "pdf", "person002.pdf"))
    write(os.path.join(work, "project", "bad.yaml"),
          "jobs:\n  - input: people/person000.md\n    overrides: {page.margni: 30mm}\n")
    code, err = batch(cvpress, "--manifest", os.path.join(work, "project", "bad.yaml"))
    assert code == 1 and "bad.yaml:3:17: error:" in err, (code, err)
    write(os.path.join(work, "project", "typo.yaml"), "jobs:\n  - inptu: people/person000.md\n")
    code, err = batch(cvpress, "--manifest", os.path.join(work, "project", "typo.yaml"))
    assert code == 2 and "typo.yaml:2:5: error: unknown manifest key \"inptu\"" in err, (code, err)
    # Two inputs that would write one file are refused before anything is rendered.
    tiny(work, 1, folder="a")
    tiny(work, 1, folder="b")
    code, err = batch(cvpress, os.path.join(work, "a"), os.path.join(work, "b"), "--out-dir", os.path.join(work, "x"))
    assert code == 2 and "two jobs would write" in err, (code, err)


def case_deploy(cvpress, work):
    import yaml  # python3-yaml (scripts/setup.sh)
    deploy = os.path.join(ROOT, "deploy")
    with open(os.path.join(deploy, "kubernetes-indexed-job.yaml"), encoding="utf-8") as f:
        docs = [d for d in yaml.safe_load_all(f) if d]
    jobs = [d for d in docs if d.get("kind") == "Job"]
    assert len(jobs) == 1, docs
    spec = jobs[0]["spec"]
    assert spec["completionMode"] == "Indexed", spec
    n = spec["completions"]
    container = spec["template"]["spec"]["containers"][0]
    command = " ".join(container.get("command", []) + container.get("args", []))
    assert "JOB_COMPLETION_INDEX" in command and f"/{n}" in command and "cvpress batch" in command, command
    assert spec["template"]["spec"]["restartPolicy"] in ("Never", "OnFailure")
    # The Slurm script: valid bash, an array of N tasks, each shard K/N.
    script = os.path.join(deploy, "slurm-array.sh")
    subprocess.run(["bash", "-n", script], check=True)
    text = open(script, encoding="utf-8").read()
    array = [l for l in text.splitlines() if l.startswith("#SBATCH --array=")]
    assert array, text
    tasks = int(array[0].split("=")[1].split("-")[1].split("%")[0]) + 1
    assert "SLURM_ARRAY_TASK_ID" in text
    # Run it as Slurm would, once per task: together the tasks render every input once.
    inputs = tiny(work, 10)
    rendered = []
    for k in range(tasks):
        env = dict(os.environ, SLURM_ARRAY_TASK_ID=str(k), SLURM_ARRAY_TASK_COUNT=str(tasks), CVPRESS=cvpress,
                   INPUT_DIR=os.path.join(work, "in"), OUTPUT_DIR=os.path.join(work, "out"),
                   REPORT_DIR=os.path.join(work, "reports"))
        subprocess.run(["bash", script], env=env, check=True, capture_output=True)
        rendered += [r["input"] for r in report(os.path.join(work, "reports", f"shard-{k}.jsonl"))]
    assert sorted(rendered) == sorted(inputs), rendered


CASES = {name[5:]: fn for name, fn in globals().items() if name.startswith("case_")}

if __name__ == "__main__":
    case, cvpress, work = sys.argv[1], sys.argv[2], sys.argv[3]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    CASES[case](cvpress, work)
    print(f"batch {case}: ok")
