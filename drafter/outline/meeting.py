"""A meeting file -> the outlines of every document of the meeting (kinds/meeting/README.md).

One file says the facts a meeting's documents share — the body, 届次 and 次, the days and
half-days, the place, the agenda with who reports on each item and which are voted on, the
attendance — and ``documents`` turns them into one outline for each document: the 会议通知,
议程, 日程, 主持词, a 决议 or 决定 draft for each item voted on and an 审议意见 skeleton for each
report heard. Each outline is of a shipped kind, so it is validated, rendered and proofread
as any other; the meeting file itself renders as the 材料清单 (its template lists them).
``drafter.check.meeting`` reads the documents back and tells what no longer agrees.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .. import numbering
from ..schema import SchemaError

SET = "meeting"  # the value of x-drafter.set that marks a kind whose outline is a meeting file
LISTING = "00-材料清单"  # the meeting file's own rendering: the list of the set's documents


@dataclass(frozen=True)
class Document:
    """One document of the set: the file stem it is written under (``NN-名称``), its kind's id,
    its role in the set, its outline data, and the agenda item it belongs to (1-based), if any."""

    stem: str
    kind: str
    role: str  # notice, agenda, schedule, script, adopted, opinion
    label: str  # what the 材料清单 calls it
    data: dict
    item: int | None = None

    @property
    def title(self) -> str:
        return self.data["title"]


def called(data: dict) -> str:
    """The meeting's name as its documents say it in running text: the full name."""
    return _text(data["title"])


def weekday(day: dt.date) -> str:
    return "星期" + "一二三四五六日"[day.weekday()]


def host_name(host: str) -> str:
    """The name in a host line such as “县人大常委会主任 李明” (the last word after a space)."""
    return host.split()[-1] if host.split() else host


def _text(title) -> str:
    return "".join(title.split("\n")) if isinstance(title, str) else "".join(title)


def _unsafe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "", name)[:60]


def _heard_on(data: dict, number: int) -> dict | None:
    return next((s for s in data["sittings"] if number in s["items"]), None)


def _voted_on(data: dict, number: int) -> dict | None:
    return next((s for s in data["sittings"] if number in s["votes"]), None)


def check_references(data: dict) -> None:
    """Every sitting names agenda items that exist and days of the meeting; an item voted on
    names its result and is voted in some sitting. SchemaError at the offending field."""
    count, days = len(data["agenda"]), set(data["dates"])
    for i, sitting in enumerate(data["sittings"]):
        if sitting["date"] not in days:
            raise SchemaError("日期不在会期（dates）之中", ("sittings", i, "date"))
        for key in ("items", "votes"):
            for j, number in enumerate(sitting[key]):
                if number > count:
                    raise SchemaError(f"议程只有 {count} 项，没有第 {number} 项", ("sittings", i, key, j))
        if not sitting["items"] and not sitting["votes"] and not sitting.get("content"):
            raise SchemaError("请写这次进行的议程（items）、表决（votes）或内容（content）", ("sittings", i))
    for i, item in enumerate(data["agenda"]):
        number = i + 1
        if item.get("vote") and not item.get("result"):
            raise SchemaError(f"表决形成{item['vote']}的议程要写 result（{item['vote']}的标题）", ("agenda", i, "vote"))
        if item.get("vote") and not _voted_on(data, number):
            raise SchemaError(f"第 {number} 项议程要表决，但没有哪次会议的 votes 包含 {number}", ("agenda", i, "vote"))
        if item.get("report") and not _heard_on(data, number):
            raise SchemaError(f"第 {number} 项议程听取报告，但没有哪次会议的 items 包含 {number}", ("agenda", i, "report"))


def documents(data: dict) -> list[Document]:
    """The documents of the meeting in ``data`` (a validated meeting outline), in the order of
    the 材料清单."""
    check_references(data)
    docs = [_notice(data), _agenda(data), _schedule(data), _script(data)]
    for i, item in enumerate(data["agenda"]):
        if item.get("vote"):
            docs.append(_adopted(data, i + 1, item))
    for i, item in enumerate(data["agenda"]):
        if item.get("report"):
            docs.append(_opinion(data, i + 1, item))
    return [Document(f"{n:02d}-{_unsafe(doc.label)}", doc.kind, doc.role, doc.label, doc.data, doc.item)
            for n, doc in enumerate(docs, 1)]


def _doc(kind: str, role: str, label: str, data: dict, item: int | None = None) -> Document:
    return Document("", kind, role, label, {"kind": kind, **data}, item)


def _notice(m: dict) -> Document:
    n = m["notice"]
    data = {"title": f"关于召开{called(m)}的通知", "organ": m["office"], "addressees": n["addressees"],
            "meeting": called(m), "dates": m["dates"], "place": m["place"],
            "agenda": [item["title"] for item in m["agenda"]], "attendees": [f"{m['short']}组成人员"],
            "observers": m["observers"], "other": n["other"], "date": n["date"]}
    for key in ("decided", "time", "number", "note"):
        if n.get(key):
            data[key] = n[key]
    if n["cc"]:
        data["cc"] = n["cc"]
    if n["receipt"]:
        data["attachments"] = [{"title": "参会回执", "columns": ["姓名", "单位及职务", "是否参会", "联系电话"], "rows": 6}]
    return _doc("meeting-notice", "notice", "会议通知", data)


def _agenda(m: dict) -> Document:
    return _doc("agenda", "agenda", "会议议程", {"title": f"{called(m)}议程",
                                                 "items": [item["title"] for item in m["agenda"]]})


def _schedule(m: dict) -> Document:
    rows = []
    for s in m["sittings"]:
        parts = [m["agenda"][n - 1]["title"] for n in s["items"]]
        parts += [f"表决{m['agenda'][n - 1]['result']}（草案）" for n in s["votes"]]
        content = s.get("content") or f"{s['name']}：" + "；".join(parts)
        row = {"date": s["date"], "half": s["half"], "content": content,
               "host": s.get("host") or host_name(m["host"]), "place": s.get("place") or m["place"]}
        if s.get("time"):
            row["time"] = s["time"]
        rows.append(row)
    return _doc("schedule", "schedule", "会议日程", {"title": f"{called(m)}日程", "rows": rows})


def _script(m: dict) -> Document:
    sittings = []
    for s in m["sittings"]:
        numbers = list(dict.fromkeys([*s["items"], *s["votes"]]))
        if not numbers:
            continue
        items = []
        for n in numbers:
            agenda_item = m["agenda"][n - 1]
            item = {"number": n, "title": agenda_item["title"]}
            if n in s["items"] and agenda_item.get("reporter"):
                item.update(reporter=agenda_item["reporter"], says=agenda_item["says"])
            if n in s["votes"]:
                item["vote"] = f"{agenda_item['result']}（草案）"
            items.append(item)
        sittings.append({"name": s["name"], "date": s["date"], "half": s["half"], "items": items})
    data = {"title": f"{called(m)}主持词", "meeting": called(m), "host": m["host"], "members": m["members"],
            "present": m["present"], "leave": m["leave"], "observers": m["observers"], "sittings": sittings}
    return _doc("host-script", "script", "主持词", data)


def _adopted(m: dict, number: int, item: dict) -> Document:
    sitting = _voted_on(m, number)
    topic = re.sub(r"^(听取和)?审议", "", item["title"])
    opening = f"{called(m)}审议了{topic}"
    if item.get("reporter"):
        opening += f"，听取了{item['reporter']}所{item['says']}"
    kind = "resolution" if item["vote"] == "决议" else "decision"
    data = {"title": item["result"], "meeting": called(m), "adopted": sitting["date"], "draft": True,
            "paragraphs": [opening + "。"]}
    return _doc(kind, "adopted", f"{item['vote']}草案（第{numbering.cn(number)}项）", data, number)


def _opinion(m: dict, number: int, item: dict) -> Document:
    report = item["report"]
    handler = item.get("handler") or report.split("关于", 1)[0] or m["short"]
    sitting = _heard_on(m, number)
    subject = re.sub(r"关于(.+)的报告$", r"\1报告", report)  # X关于Y的报告 -> X Y报告, no 关于 twice
    data = {"title": f"{m['short']}关于{subject}的审议意见", "organ": m["body"], "addressees": handler,
            "report": report, "meeting": called(m), "heard": sitting["date"], "points": [],
            "date": m["opinions"].get("date") or m["dates"][-1]}
    if m["opinions"].get("deadline"):
        data["deadline"] = m["opinions"]["deadline"]
    return _doc("review-opinion", "opinion", f"审议意见（第{numbering.cn(number)}项）", data, number)


def outline_text(doc: Document, source: str) -> str:
    """The YAML outline of ``doc``, with a header saying where it came from."""
    import yaml  # PyYAML is loaded by every outline read; imported here to keep the module's top light

    head = (f"# {doc.label}：由 drafter 从会议文件 {source} 生成。\n"
            "# 届次、次、日期、议程、人数等会议的共同事实请改会议文件后重新生成（drafter render），\n"
            "# 只属于本文件的内容可以在这里或在生成的 .docx 中修改；drafter check 会议材料目录/ 核对各材料是否一致。\n")
    class Dumper(yaml.SafeDumper):
        def increase_indent(self, flow=False, indentless=False):  # lists indented under their key, as writers write them
            return super().increase_indent(flow, False)

    body = yaml.dump(doc.data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
    return head + body
