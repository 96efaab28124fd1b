"""Apply findings back to a draft: safe fixes (--fix) and Word comments (--annotate).

Only mechanical fixes are applied: the suggestions of rules that declare themselves
``FIXABLE`` (outdated formulations, punctuation marks). The input is never changed; the
result goes to a new file, written atomically.
"""

from __future__ import annotations

import copy
import io
import os
from dataclasses import dataclass

from ..documents import MAX_DOCX_BYTES, MAX_TEXT_BYTES, docx_paragraphs, read_draft
from ..errors import DrafterError
from ..fsutil import atomic_write, decode, read_bounded
from .findings import Finding
from .rules import FIXABLE



@dataclass
class Change:
    paragraph: int
    offset: int
    old: str
    new: str


def fixable(findings: list[Finding]) -> list[Finding]:
    chosen, last = [], None
    for f in sorted(findings, key=lambda f: (f.paragraph, f.offset)):
        if f.rule not in FIXABLE or f.suggestion is None or f.suggestion == f.match:
            continue
        if last and last.paragraph == f.paragraph and f.offset < last.offset + last.length:
            continue  # overlaps the previous fix
        chosen.append(f)
        last = f
    return chosen


def _apply(text: str, fixes: list[Finding]) -> str:
    for f in sorted(fixes, key=lambda f: f.offset, reverse=True):
        text = text[:f.offset] + f.suggestion + text[f.offset + f.length:]
    return text


def fix_file(path: str, findings: list[Finding], out: str) -> tuple[list[Change], list[Finding]]:
    """Write the fixed draft to ``out``; return the changes made and the fixes that could not be."""
    if os.path.abspath(out) == os.path.abspath(path):
        raise DrafterError("输出文件不能与原稿相同，原稿不会被修改", file=out)
    ext = os.path.splitext(path)[1].lower()
    fixes = fixable(findings)
    by_para: dict[int, list[Finding]] = {}
    for f in fixes:
        by_para.setdefault(f.paragraph, []).append(f)
    if ext == ".docx":
        return _fix_docx(path, by_para, out)
    if ext in (".yaml", ".yml"):
        raise DrafterError("大纲文件不自动修改，请按检查结果直接编辑大纲", file=path)
    lines = decode(read_bounded(path, MAX_TEXT_BYTES), path).splitlines()
    shifts = {p.number: p.shift for p in read_draft(path).paragraphs}
    for number, items in by_para.items():
        line, shift = lines[number - 1], shifts[number]
        lines[number - 1] = line[:shift] + _apply(line[shift:], items)
    atomic_write(out, ("\n".join(lines) + "\n").encode("utf-8"))
    return [Change(f.paragraph, f.offset, f.match, f.suggestion) for f in fixes], []


def _run_spans(paragraph):
    pos = 0
    for run in paragraph.runs:
        yield run, pos, pos + len(run.text)
        pos += len(run.text)


def _fix_docx(path, by_para, out):
    import docx  # python-docx loads only when a .docx is edited

    doc = docx.Document(io.BytesIO(read_bounded(path, MAX_DOCX_BYTES)))
    paragraphs = docx_paragraphs(doc)
    done, skipped = [], []
    for number, items in by_para.items():
        para = paragraphs[number - 1]
        for f in sorted(items, key=lambda f: f.offset, reverse=True):
            span = next(((r, a) for r, a, b in _run_spans(para) if a <= f.offset and f.offset + f.length <= b), None)
            if span is None:  # the text runs across formatting changes: leave it to the writer
                skipped.append(f)
                continue
            run, start = span
            local = f.offset - start
            run.text = run.text[:local] + f.suggestion + run.text[local + f.length:]
            done.append(Change(f.paragraph, f.offset, f.match, f.suggestion))
    buf = io.BytesIO()
    doc.save(buf)
    atomic_write(out, buf.getvalue())
    return sorted(done, key=lambda c: (c.paragraph, c.offset)), skipped


def _isolate(paragraph, start: int, end: int) -> list:
    """Split runs so that characters [start, end) are covered by whole runs; return those runs."""
    from docx.text.run import Run  # loaded with python-docx

    for run, a, b in list(_run_spans(paragraph)):
        for cut in (start, end):
            if a < cut < b and len(run._r.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")) == 1 \
                    and len(run.text) == b - a:
                text = run.text
                twin = copy.deepcopy(run._r)
                run._r.addnext(twin)
                run.text = text[:cut - a]
                Run(twin, paragraph).text = text[cut - a:]
                return _isolate(paragraph, start, end)
    return [run for run, a, b in _run_spans(paragraph) if a < end and b > start]


def annotate(path: str, findings: list[Finding], out: str) -> int:
    """Write a .docx of the draft with a Word comment at each finding; return how many."""
    import docx  # python-docx loads only when comments are written

    if os.path.abspath(out) == os.path.abspath(path):
        raise DrafterError("输出文件不能与原稿相同，原稿不会被修改", file=out)
    ext = os.path.splitext(path)[1].lower()
    if ext == ".docx":
        doc = docx.Document(io.BytesIO(read_bounded(path, MAX_DOCX_BYTES)))
        paragraphs = docx_paragraphs(doc)
    else:
        draft = read_draft(path)
        doc = docx.Document()
        by_number = {p.number: p for p in draft.paragraphs}
        last = max(by_number, default=0)
        paragraphs = []
        for number in range(1, last + 1):
            para = by_number.get(number)
            label = f"[{para.field}] " if para is not None and para.field else ""
            paragraphs.append(doc.add_paragraph(para.text if para else ""))
            if label:
                paragraphs[-1].insert_paragraph_before(label)
    count = 0
    for f in findings:
        if f.paragraph - 1 >= len(paragraphs):
            continue
        para = paragraphs[f.paragraph - 1]
        runs = _isolate(para, f.offset, f.offset + max(1, f.length)) or para.runs
        if not runs:
            continue
        tip = f"建议：{f.suggestion}。" if f.suggestion else ("建议：删除。" if f.suggestion == "" else "")
        doc.add_comment(runs, text=f"{f.message}。{tip}依据：{f.basis}［{f.rule}］", author="drafter",
                        initials="DR")
        count += 1
    buf = io.BytesIO()
    doc.save(buf)
    atomic_write(out, buf.getvalue())
    return count
