"""Apply findings back to a draft: safe fixes (--fix) and Word comments (--annotate).

Only mechanical fixes are applied: the suggestions of rules that declare themselves
``FIXABLE`` (outdated formulations, punctuation marks, misspellings). A fix that leaves a
paragraph empty (a line of web residue, suggestion "") deletes the paragraph. In an outline only
the string values are edited, in their own quoting, everything else kept byte for byte
(``files.yamledit``). The input is never changed; the result goes to a new file, written atomically.
"""

from __future__ import annotations

import copy
import io
import os
from dataclasses import dataclass

from ..files import outputs
from ..documents import MAX_TEXT_BYTES, docx_paragraphs, read_draft
from ..files.docxverify import keep_unedited, open_package
from ..errors import DrafterError
from ..files.fs import decode, read_bounded
from ..files.yamledit import replace_values, string_values
from ..safeyaml import XML_ILLEGAL, read_text as read_yaml_text
from .findings import Finding
from . import rules
from .tracked import Revisions


@dataclass
class Change:
    paragraph: int
    offset: int
    old: str
    new: str
    field: str | None = None  # an outline's field path


@dataclass
class Skipped:
    finding: Finding
    reason: str  # why it was left to the writer, in Chinese


CROSSES_RUNS = "跨越了不同格式的文字，请手工修改"
NOT_IN_OUTLINE = "这段文字不是大纲中直接写的（来自片段、单位设置或多行文字），请手工修改"
DELETE_OUTLINE_ITEM = "整段是网页残留，请在大纲中手工删除这一项"


def _emptied(findings: list[Finding], text: str) -> bool:
    """Whether these fixes leave the paragraph ``text`` with nothing in it."""
    return not _apply(text, findings).strip()


def fixable(findings: list[Finding]) -> list[Finding]:
    """The fixes to make, one per place (a grouped finding is fixed everywhere), none overlapping."""
    chosen, last = [], None
    for f in sorted((one for f in findings for one in f.each()), key=lambda f: (f.paragraph, f.offset)):
        if f.rule not in rules.FIXABLE or f.suggestion is None or f.suggestion == f.match:
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


def fix_file(path: str, findings: list[Finding], out: str,
             track: bool = False) -> tuple[list[Change], list[Skipped]]:
    """Write the fixed draft to ``out``; return the changes made and the fixes that could not be.
    With ``track`` (a .docx only), each fix is a Word tracked change by "drafter". An outline may
    be fixed in place (``out`` is ``path``): only its text values change, and only if any does."""
    ext = os.path.splitext(path)[1].lower()
    if ext in (".yaml", ".yml") and not track:
        return _fix_outline(path, fixable(findings), out)
    if os.path.abspath(out) == os.path.abspath(path):
        raise DrafterError("输出文件不能与原稿相同，原稿不会被修改", file=out)
    ext = os.path.splitext(path)[1].lower()
    if track and ext != ".docx":
        raise DrafterError("--track（修订模式）只用于 .docx 文稿", file=path)
    fixes = fixable(findings)
    by_para: dict[int, list[Finding]] = {}
    for f in fixes:
        by_para.setdefault(f.paragraph, []).append(f)
    if ext == ".docx":
        return _fix_docx(path, by_para, out, track)
    if ext in (".doc", ".wps", ".rtf", ".pdf"):
        raise DrafterError(f"{ext} 文件不能直接修改：请先另存为 .docx，或用 --annotate 另存一份带批注的 .docx", file=path)
    lines = decode(read_bounded(path, MAX_TEXT_BYTES), path).splitlines()
    shifts = {p.number: p.shift for p in read_draft(path).paragraphs}
    for number, items in by_para.items():
        line, shift = lines[number - 1], shifts[number]
        # a paragraph left empty goes, with its Markdown markup (- , ## )
        lines[number - 1] = None if _emptied(items, line[shift:]) else line[:shift] + _apply(line[shift:], items)
    kept = [line for line in lines if line is not None]
    outputs.write(out, ("\n".join(kept) + "\n").encode("utf-8", "replace"))
    return [Change(f.paragraph, f.offset, f.match, f.suggestion) for f in fixes], []


def _fix_outline(path: str, fixes: list[Finding], out: str) -> tuple[list[Change], list[Skipped]]:
    """Fix the string values of an outline the writer wrote, each at its field; text a section or
    the unit profile filled in, and multi-line values, are left to the writer."""
    text = read_yaml_text(path)
    values = string_values(text)
    by_field: dict[str, list[Finding]] = {}
    for f in fixes:
        by_field.setdefault(f.field or "", []).append(f)
    edits, done, skipped = {}, [], []
    for field, items in by_field.items():
        scalar = values.get(field)
        if scalar is None or not scalar.one_line or any(
                scalar.value[f.offset:f.offset + f.length] != f.match for f in items):
            skipped.extend(Skipped(f, NOT_IN_OUTLINE) for f in items)
        elif _emptied(items, scalar.value):
            skipped.extend(Skipped(f, DELETE_OUTLINE_ITEM) for f in items)
        else:
            edits[field] = _apply(scalar.value, items)
            done.extend(Change(f.paragraph, f.offset, f.match, f.suggestion, field) for f in items)
    new, _ = replace_values(text, edits, path)
    if os.path.abspath(out) == os.path.abspath(path):
        if edits:  # in place: the file the link leads to, replaced atomically; untouched when nothing changes
            outputs.write(os.path.realpath(path), new.encode("utf-8"))
    else:
        outputs.write(out, new.encode("utf-8"))
    return done, skipped


W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _run_spans(paragraph):
    """(run or None, start, end) for each piece of ``paragraph.text``, in its order.

    The paragraph's text is its runs and its hyperlinks' runs (python-docx's Paragraph.text);
    a hyperlink's text is yielded with None: it is counted but never edited.
    """
    from docx.text.run import Run  # python-docx loads only when a .docx is edited

    pos = 0
    for child in paragraph._p.iterchildren(W_NS + "r", W_NS + "hyperlink"):
        if child.tag == W_NS + "r":
            run = Run(child, paragraph)
            text = run.text
        else:
            run, text = None, child.text
        yield run, pos, pos + len(text)
        pos += len(text)


def _fix_docx(path, by_para, out, track: bool = False):
    doc, source = open_package(path)
    paragraphs = docx_paragraphs(doc)
    revisions = Revisions(doc.element) if track else None
    done, skipped = [], []
    for number, items in by_para.items():
        if number - 1 >= len(paragraphs):
            skipped.extend(Skipped(f, CROSSES_RUNS) for f in items)
            continue
        para = paragraphs[number - 1]
        text = para.text
        shift = len(text) - len(text.lstrip())  # offsets count from the first visible character
        if _emptied(items, text.strip()):
            if _delete_paragraph(para, revisions):
                done.extend(Change(f.paragraph, f.offset, f.match, f.suggestion) for f in items)
            else:
                skipped.extend(Skipped(f, CROSSES_RUNS) for f in items)
            continue
        for f in sorted(items, key=lambda f: f.offset, reverse=True):
            at = f.offset + shift
            span = next(((r, a) for r, a, b in _run_spans(para) if a <= at and at + f.length <= b), None)
            if span is None or span[0] is None or para.text[at:at + f.length] != f.match:
                skipped.append(Skipped(f, CROSSES_RUNS))  # across formatting, in a hyperlink, or moved
                continue
            run, start = span
            local = at - start
            if revisions is not None:
                revisions.replace(_isolate(para, at, at + f.length), f.suggestion)
            else:
                run.text = run.text[:local] + f.suggestion + run.text[local + f.length:]
            done.append(Change(f.paragraph, f.offset, f.match, f.suggestion))
    _save(doc, out, source, {doc.part.partname.lstrip("/")})
    return sorted(done, key=lambda c: (c.paragraph, c.offset)), skipped


def _delete_paragraph(paragraph, revisions) -> bool:
    """Remove a paragraph of web residue; with ``revisions``, mark its text and its paragraph
    mark deleted instead. The only paragraph of a table cell (a cell must keep one) is emptied.
    False when it cannot be done (a tracked deletion of text inside a hyperlink)."""
    p = paragraph._p
    if revisions is not None:
        spans = list(_run_spans(paragraph))
        if any(run is None for run, _, _ in spans):
            return False
        if spans:
            revisions.replace([run for run, _, _ in spans], "")
        revisions.paragraph_mark(p, "del")
        return True
    parent = p.getparent()
    if parent.tag == W_NS + "tc" and len(parent.findall(W_NS + "p")) == 1:
        for child in list(p):
            if child.tag != W_NS + "pPr":
                p.remove(child)
    else:
        parent.remove(p)
    return True


def _isolate(paragraph, start: int, end: int) -> list:
    """Split runs so that characters [start, end) are covered by whole runs; return those runs."""
    from docx.text.run import Run  # loaded with python-docx

    for run, a, b in list(_run_spans(paragraph)):
        for cut in (start, end):
            if run is not None and a < cut < b and len(run._r.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")) == 1 \
                    and len(run.text) == b - a:
                text = run.text
                twin = copy.deepcopy(run._r)
                run._r.addnext(twin)
                run.text = text[:cut - a]
                Run(twin, paragraph).text = text[cut - a:]
                return _isolate(paragraph, start, end)
    return [run for run, a, b in _run_spans(paragraph) if run is not None and a < end and b > start]


# Comments in one paragraph. Each splits the paragraph's runs, and each split walks them all:
# past a few dozen (a paragraph of web residue) the rest are counted in one comment instead.
MAX_COMMENTS_PER_PARAGRAPH = 50


def annotate(path: str, findings: list[Finding], out: str) -> int:
    """Write a .docx of the draft with a Word comment at each finding; return how many."""
    import docx  # python-docx loads only when comments are written

    if os.path.abspath(out) == os.path.abspath(path):
        raise DrafterError("输出文件不能与原稿相同，原稿不会被修改", file=out)
    ext = os.path.splitext(path)[1].lower()
    source = None
    if ext == ".docx":
        doc, source = open_package(path)
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
            # A character XML cannot hold is shown as U+FFFD: the offsets stay, the control rule says which.
            paragraphs.append(doc.add_paragraph(XML_ILLEGAL.sub("\ufffd", para.text) if para else ""))
            if label:
                paragraphs[-1].insert_paragraph_before(label)
    count = 0
    per_paragraph: dict[int, int] = {}
    for f in findings:
        seen: set[int] = set()
        for one in f.each():  # a slip repeated in a paragraph gets one comment there
            if one.paragraph in seen or one.paragraph - 1 >= len(paragraphs):
                continue
            seen.add(one.paragraph)
            n = per_paragraph[one.paragraph] = per_paragraph.get(one.paragraph, 0) + 1
            if n > MAX_COMMENTS_PER_PARAGRAPH:
                continue  # counted, told in one comment below
            para = paragraphs[one.paragraph - 1]
            runs = _isolate(para, one.offset, one.offset + max(1, one.length)) or para.runs
            if not runs:
                continue
            here = sum(p.paragraph == one.paragraph for p in f.places)
            also = f"本段共 {here} 处，全文共 {f.count} 处。" if f.count > 1 else ""
            tip = f"建议：{f.suggestion}。" if f.suggestion else ("建议：删除。" if f.suggestion == "" else "")
            note = XML_ILLEGAL.sub("\ufffd", f"{f.message}。{also}{tip}依据：{f.basis}［{f.rule}］")
            doc.add_comment(runs, text=note, author="drafter", initials="DR")
            count += 1
    for number, n in per_paragraph.items():
        runs = paragraphs[number - 1].runs
        if n > MAX_COMMENTS_PER_PARAGRAPH and runs:
            doc.add_comment(runs[-1:], text=f"本段共有 {n} 处问题，只对前 {MAX_COMMENTS_PER_PARAGRAPH} 处加了批注；"
                            "其余见 drafter check 的报告", author="drafter", initials="DR")
            count += 1
    if source is None:
        buf = io.BytesIO()
        doc.save(buf)
        outputs.write(out, buf.getvalue())
    else:  # the comments, and what registers them: the main part's relationships, the content types
        from docx.opc.constants import RELATIONSHIP_TYPE as RT  # python-docx is loaded only when comments are written

        main = doc.part.partname.lstrip("/")
        folder, name = main.rsplit("/", 1) if "/" in main else ("", main)
        edited = {main, f"{folder}/_rels/{name}.rels".lstrip("/"), "[Content_Types].xml"}
        edited.update(rel.target_part.partname.lstrip("/") for rel in doc.part.rels.values()
                      if not rel.is_external and rel.reltype == RT.COMMENTS)
        _save(doc, out, source, edited)
    return count


def _save(doc, out: str, source: bytes, edited: set[str]) -> None:
    """Write ``doc`` to ``out``, the parts not in ``edited`` byte for byte as in ``source``."""
    buf = io.BytesIO()
    doc.save(buf)
    outputs.write(out, keep_unedited(source, buf.getvalue(), edited), source)
