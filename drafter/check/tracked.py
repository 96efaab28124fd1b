"""Word tracked changes: a fix written as a deletion and an insertion by "drafter", which the
writer accepts or rejects one by one in Word, WPS or LibreOffice (``check --fix --track``).

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

    def delete_mark(self, p) -> None:
        """Mark a paragraph's mark deleted, so that accepting the change joins it to the next."""
        from lxml import etree  # python-docx's XML library, loaded with it

        ppr = p.find(_w("pPr"))
        if ppr is None:
            ppr = etree.Element(_w("pPr"))
            p.insert(0, ppr)
        rpr = ppr.find(_w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(ppr, _w("rPr"))  # rPr comes last in pPr, but for sectPr and pPrChange
            later = next((el for el in ppr if el.tag in (_w("sectPr"), _w("pPrChange"))), None)
            if later is not None:
                later.addprevious(rpr)
        rpr.append(self._mark("del"))
