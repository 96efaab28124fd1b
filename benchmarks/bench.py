"""Benchmarks for drafter, as whole processes, on workloads generated here deterministically.

    python benchmarks/bench.py [--quick]      (make bench)

Each figure is the median of RUNS runs after one warm-up, with the peak memory (max RSS)
of the measured process. Results go to benchmarks/results.md.

Workloads:
  C  drafter check on 10 MB and 20 MB of draft text with a 5,000-entry glossary (the
     shipped entries plus generated ones), against a bare one-pass Aho–Corasick scan of
     the same text with the same terms (the floor: no rules, no report).
  D  start-up: `drafter --help`, and `drafter render` of one short outline.
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
GLOSSARY_SIZE = 5000
SEED = 20241123

MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

FLOOR = """
import sys, ahocorasick, yaml
terms = [line.rstrip("\\n") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
auto = ahocorasick.Automaton()
for t in terms:
    auto.add_word(t, t)
auto.make_automaton()
count = 0
with open(sys.argv[2], encoding="utf-8") as fh:
    for line in fh:
        for _ in auto.iter(line):
            count += 1
print(count)
"""


def measure(cmd: list[str], runs: int = RUNS) -> tuple[float, float]:
    """Median seconds and peak MB of ``cmd`` as a whole process, after one warm-up."""
    times, peaks = [], []
    for i in range(runs + 1):
        out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True,
                             check=True).stdout.split()
        if i:
            times.append(float(out[0]))
            peaks.append(int(out[1]) / 1024)
    return statistics.median(times), max(peaks)


def sentences() -> list[str]:
    """Sentences written for the project: the paragraphs of the shipped outlines."""
    import yaml

    out = []

    def walk(v):
        if isinstance(v, str) and len(v) > 15:
            out.extend(s + "。" for s in v.split("。") if len(s) > 8)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)

    for path in sorted((ROOT / "outlines").glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return out


DEFECTS = ["对“一府两院”工作开展监督。", "要坚定“四个意识”。", "2023年x月xx日召开会议。",
           "不断增强人民群众的幸福感、获得感、安全感。", "会议圆满结束。。"]


SUBJECTS = ["常委会", "各专门委员会", "代表工作委员会", "法制工作委员会", "机关各部门", "各乡镇人大主席团",
            "各街道人大工委", "代表联络站", "市县两级人大", "常委会组成人员"]
ACTIONS = ["围绕中心工作", "聚焦民生关切", "紧扣发展大局", "坚持问题导向", "突出工作重点", "创新方式方法"]
WORKS = ["开展专题调研", "听取专项工作报告", "组织执法检查", "督办代表建议", "召开座谈会", "开展视察活动",
         "征求意见建议", "推动问题整改"]


def make_draft(path: Path, megabytes: int) -> None:
    """A long draft: sentences of the shipped outlines and generated sentences with figures,
    so that, as in a real archive, most sentences are distinct; every 25th paragraph has a defect."""
    rng = random.Random(SEED)
    pool = sentences()
    target = megabytes * 1024 * 1024
    size = n = 0
    with open(path, "w", encoding="utf-8") as fh:
        while size < target:
            parts = []
            for _ in range(rng.randint(3, 7)):
                if rng.random() < 0.01:  # a shipped sentence now and then; most are distinct
                    parts.append(rng.choice(pool))
                else:
                    parts.append(f"{rng.choice(SUBJECTS)}{rng.choice(ACTIONS)}，{rng.choice(WORKS)}"
                                 f"{rng.randint(2, 60)}次，办结事项{n * 7 + len(parts)}件。")
            if n % 25 == 0:
                parts.append(rng.choice(DEFECTS))
            line = "".join(parts) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            n += 1


def make_glossary(folder: Path, terms_file: Path) -> None:
    """GLOSSARY_SIZE entries: the shipped ones plus generated terms with a variant each."""
    sys.path.insert(0, str(ROOT))
    from drafter.check.glossary import load_glossary

    shipped = load_glossary()
    rng = random.Random(SEED)
    chars = "建设发展改革创新监督代表立法人民民主法治治理服务保障推进落实强化完善提升优化统筹协调"
    lines, forms = [], []
    for entry in shipped.entries.values():
        forms.append(entry.term)
        forms.extend(entry.data["variants"])
        forms.extend(o["form"] for o in entry.data["outdated"])
    for i in range(GLOSSARY_SIZE - len(shipped.entries)):
        term = "".join(rng.choice(chars) for _ in range(rng.randint(4, 8))) + f"{i}号"
        variant = term[::-1]
        forms += [term, variant]
        lines.append(f"- term: {term}\n  variants: [{variant}]\n  basis: 基准测试\n"
                     f"  examples: {{bad: {variant}, good: {term}}}\n")
    (folder / "generated.yaml").write_text("".join(lines), encoding="utf-8")
    terms_file.write_text("\n".join(forms) + "\n", encoding="utf-8")


def machine() -> str:
    import importlib.metadata as md

    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    versions = ", ".join(f"{p} {md.version(p)}" for p in ("python-docx", "jinja2", "markdown-it-py", "pyahocorasick"))
    return (f"- machine: {platform.machine()}, {os.cpu_count()} cores, {cpu}\n"
            f"- Python {platform.python_version()}; {versions}\n")


def main() -> None:
    quick = "--quick" in sys.argv
    runs = 2 if quick else RUNS
    drafter = [sys.executable, "-m", "drafter"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "glossary").mkdir()
        make_glossary(tmp / "glossary", tmp / "terms.txt")
        sizes = (1, 2) if quick else (10, 20)
        check = {}
        for mb in sizes:
            draft = tmp / f"draft{mb}.txt"
            make_draft(draft, mb)
            t, mem = measure([*drafter, "check", str(draft), "--glossary", str(tmp / "glossary"),
                              "--format", "json"], runs)
            floor, floor_mem = measure([sys.executable, "-c", FLOOR, str(tmp / "terms.txt"), str(draft)], runs)
            check[mb] = t
            rows.append((f"C: drafter check, {mb} MB, {GLOSSARY_SIZE} entries", t, mem,
                         f"bare automaton scan {floor:.2f} s ({floor_mem:.0f} MB); ratio {t / floor:.2f}×"))
        small, large = sizes
        rows.append((f"C: linearity {large} MB / {small} MB", check[large] / check[small], 0, "ideal 2.0"))
        t, mem = measure([*drafter, "--help"], runs)
        rows.append(("D: drafter --help", t, mem, ""))
        outline = tmp / "short.yaml"
        outline.write_text((ROOT / "templates" / "starters" / "speech.yaml").read_text(encoding="utf-8")
                           .replace("xx", "恒阳"), encoding="utf-8")
        t, mem = measure([*drafter, "render", str(outline), "-o", str(tmp / "short.docx")], runs)
        rows.append(("D: drafter render, one short outline", t, mem, ""))

    lines = ["# Benchmark results", "", f"Written by `make bench` on {time.strftime('%Y-%m-%d')}"
             + (" (quick run)" if quick else "") + ".", "", machine(),
             f"Each time is the median of {runs} whole-process runs after a warm-up; memory is the peak RSS.", "",
             "| workload | median | peak memory | comparison |", "| --- | --- | --- | --- |"]
    for name, t, mem, note in rows:
        value = f"{t:.2f}×" if "linearity" in name else f"{t:.3f} s"
        lines.append(f"| {name} | {value} | {f'{mem:.0f} MB' if mem else ''} | {note} |")
    text = "\n".join(lines) + "\n"
    (ROOT / "benchmarks" / "results.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
