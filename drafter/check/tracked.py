"""Word tracked changes: a fix written as a deletion and an insertion by "drafter", which the
writer accepts or rejects one by one in Word, WPS or LibreOffice (``check --fix --track``), and
the changes between two versions of a speech or report (``compare --redline``).

The runs to replace are first isolated (``edits._isolate``), so a change covers exactly the
characters a finding names and keeps their formatting.
"""

from __future__ import annotations

import copy
import datetime as dt

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
AUTHOR = "drafter"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


class Revisions:
    """Numbers tracked changes in a document after those it already has (w:id is unique per
    document across insertions, deletions and comments)."""

    def __init__(self, document_element, when: dt.datetime | None = None) -> None:
        ids = [int(v) for el in document_element.iter(_w("ins"), _w("del"))
               for v in [el.get(_w("id"))] if v and v.lstrip("-").isdigit()]
        self.next_id = max(ids, default=0) + 1000  # clear of comment ids too
        stamp = (when or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
        self.date = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")

    def _mark(self, tag: str):
        from lxml import etree  # python-docx's XML library, loaded with it

        el = etree.Element(_w(tag))
        el.set(_w("id"), str(self.next_id))
        el.set(_w("author"), AUTHOR)
        el.set(_w("date"), self.date)
        self.next_id += 1
        return el

    def replace(self, runs: list, new: str) -> None:
        """Mark ``runs`` (python-docx Runs, next to each other) deleted and ``new`` inserted after
        them, in the first run's formatting. An empty ``new`` is a deletion alone."""
        from lxml import etree  # python-docx's XML library, loaded with it

        first = runs[0]._r
        deletion = self._mark("del")
        first.addprevious(deletion)
        template = copy.deepcopy(first)
        for run in runs:
            r = run._r
            for t in r.findall(_w("t")):
                t.tag = _w("delText")
                t.set(XML_SPACE, "preserve")
            deletion.append(r)  # moves the run into the deletion
        if not new:
            return
        insertion = self._mark("ins")
        deletion.addnext(insertion)
        for child in list(template):
            if child.tag != _w("rPr"):
                template.remove(child)
        text = etree.SubElement(template, _w("t"))
        text.text = new
        text.set(XML_SPACE, "preserve")
        insertion.append(template)

    def wrap(self, runs: list, tag: str) -> None:
        """Mark ``runs`` (w:r elements already in the document, next to each other) as inserted
        (``tag`` "ins") or deleted ("del")."""
        wrapper = self._mark(tag)
        runs[0].addprevious(wrapper)
        for r in runs:
            if tag == "del":
                for t in r.findall(_w("t")):
                    t.tag = _w("delText")
                    t.set(XML_SPACE, "preserve")
            wrapper.append(r)  # moves the run into the wrapper

    def paragraph_mark(self, p, tag: str) -> None:
        """Mark the paragraph mark of ``p`` (a w:p element) inserted or deleted, so that a whole
        paragraph added or removed is accepted or rejected with its text."""
        from lxml import etree  # python-docx's XML library, loaded with it

        ppr = p.find(_w("pPr"))
        if ppr is None:
            ppr = etree.Element(_w("pPr"))
            p.insert(0, ppr)
        rpr = ppr.find(_w("rPr"))
        if rpr is None:
            rpr = etree.Element(_w("rPr"))
            after = [c for c in ppr if c.tag in (_w("sectPr"), _w("pPrChange"))]
            after[0].addprevious(rpr) if after else ppr.append(rpr)
        rpr.insert(0, self._mark(tag))  # w:ins and w:del come first in a paragraph mark's properties
