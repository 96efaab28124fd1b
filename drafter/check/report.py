"""Reporters: readable text (a summary by family, then the findings of each file) or one JSON document."""

from __future__ import annotations

import json

import click

from .findings import Finding
from .glossary import month_label
from .rules import family

JSON_VERSION = 2
_PLACE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["paragraph", "offset", "length", "field"],
    "properties": {
        "paragraph": {"type": "integer", "minimum": 1},
        "offset": {"type": "integer", "minimum": 0},
        "length": {"type": "integer", "minimum": 0},
        "field": {"type": ["string", "null"]},
    },
}
JSON_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "findings"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": JSON_VERSION},
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["file", "paragraph", "offset", "length", "match", "rule", "severity",
                             "message", "suggestion", "basis", "field", "count", "places"],
                "properties": {
                    "file": {"type": "string"},
                    "paragraph": {"type": "integer", "minimum": 1},
                    "offset": {"type": "integer", "minimum": 0},
                    "length": {"type": "integer", "minimum": 0},
                    "match": {"type": "string"},
                    "rule": {"type": "string", "pattern": "^[a-z]+(\\.[a-z_]+)?$",
                             "description": "a rule id of the README's table; its family is the part before the dot"},
                    "severity": {"enum": ["error", "warning", "info"]},
                    "message": {"type": "string", "minLength": 1},
                    "suggestion": {"type": ["string", "null"]},
                    "basis": {"type": "string", "minLength": 1},
                    "field": {"type": ["string", "null"]},
                    "count": {"type": "integer", "minimum": 1,
                              "description": "how many places the same slip stands in"},
                    "places": {"type": "array", "minItems": 1, "items": _PLACE,
                               "description": "every place, the first being paragraph/offset/length"},
                    "against": {"type": "object", "additionalProperties": False, "required": ["file", "places"],
                                "properties": {"file": {"type": "string"},
                                               "places": {"type": "array", "items": _PLACE}},
                                "description": "check --against: the old document and the places there"},
                },
            },
        },
    },
}
COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
FAMILIES = {"glossary": "规范提法", "typo": "错别字", "placeholder": "占位符", "numbering": "序号", "punctuation": "标点",
            "usage": "用法", "numbers": "数字用法", "format": "格式", "noise": "网页残留", "repeat": "重复",
            "grammar": "语法", "xml": "非法字符", "against": "对照旧稿", "people": "人事"}
SHOWN_PLACES = 8


def _where(f: Finding) -> str:
    return f"{f.field} 第{f.offset + 1}字" if f.field else f"第{f.paragraph}段 第{f.offset + 1}字"


def summary(findings: list[Finding]) -> list[str]:
    """A table of places by rule family and severity, most first."""
    table: dict[str, list[int]] = {}
    for f in findings:
        row = table.setdefault(family(f.rule), [0, 0, 0])
        row[("error", "warning", "info").index(f.severity)] += f.count
    lines = ["按类别汇总（处）：", "  类别          错误  警告  提示"]
    for name, row in sorted(table.items(), key=lambda kv: (-sum(kv[1]), kv[0])):
        label = FAMILIES.get(name, name)
        lines.append(f"  {label}{'　' * max(0, 6 - len(label))}  {row[0]:>4}  {row[1]:>4}  {row[2]:>4}")
    return lines


def text(findings: list[Finding], files: list[str], colour: bool) -> str:
    lines = summary(findings) if findings else []
    for file in files:
        mine = [f for f in findings if f.file == file]
        if not mine:
            continue
        lines.append(click.style(file, bold=True) if colour else file)
        for f in mine:
            sev = LABELS[f.severity]
            if colour:
                sev = click.style(sev, fg=COLOURS[f.severity])
            tip = f"（建议：{f.suggestion}）" if f.suggestion else ("（建议：删除）" if f.suggestion == "" else "")
            lines.append(f"  {_where(f)}  {sev}  {f.rule}  “{f.match}” {f.message}{tip}  依据：{f.basis}")
            if f.count > 1:
                shown = "、".join(_where(p) for p in list(f.each())[1:SHOWN_PLACES + 1])
                more = f"等，共 {f.count} 处" if f.count > SHOWN_PLACES + 1 else f"，共 {f.count} 处"
                lines.append(f"      同样的问题还在：{shown}{more}")
    errors = sum(f.count for f in findings if f.severity == "error")
    warnings = sum(f.count for f in findings if f.severity == "warning")
    infos = sum(f.count for f in findings) - errors - warnings
    lines.append(f"共检查 {len(files)} 个文件：{errors} 处错误，{warnings} 处警告，{infos} 处提示。")
    return "\n".join(lines)


def as_json(findings: list[Finding]) -> str:
    """One JSON object, one finding a line (compact lines keep json's fast C encoder)."""
    body = ",\n".join(json.dumps(f.as_dict(), ensure_ascii=False) for f in findings)
    return f'{{"version": {JSON_VERSION}, "findings": [\n{body}\n]}}' if body else \
        f'{{"version": {JSON_VERSION}, "findings": []}}'


def describe_entry(entry) -> str:
    d = entry.data
    if "wrong" in d:  # a confusion pair
        lines = [f"{d['wrong']} → {d['right']}（易错字词{'，提醒' if d['severity'] == 'warning' else ''}）"]
        if d.get("except"):
            lines.append(f"  不报的词语：{'、'.join(d['except'])}")
        if d.get("note"):
            lines.append(f"  说明：{d['note']}")
        lines.append(f"  依据：{d['basis'] or '《现代汉语词典》的规范词形'}")
        lines.append(f"  来源文件：{entry.source}")
        return "\n".join(lines)
    lines = [f"{entry.term}（{d.get('category') or '未分类'}）"]
    if d["items"]:
        lines.append(f"  内容：{'、'.join(d['items'])}")
    if d["verbs"]:
        lines.append(f"  搭配：{'、'.join(d['verbs'])}")
    if d["wrong_verbs"]:
        lines.append(f"  不宜搭配：{'、'.join(d['wrong_verbs'])}")
    for old in d["outdated"]:
        since = f"（自{month_label(old['since'])}起）" if old.get("since") else ""
        lines.append(f"  旧提法：{old['form']}{since}{'：' + old['note'] if old.get('note') else ''}")
    if d["variants"]:
        lines.append(f"  错误写法：{'、'.join(d['variants'])}")
    if d.get("valid"):
        lo, hi = d["valid"].get("from"), d["valid"].get("to")
        lines.append(f"  时限：{month_label(lo) if lo else ''}—{month_label(hi) if hi else ''}")
    if d.get("successor"):
        lines.append(f"  之后的提法：{d['successor']}")
    if d.get("region"):
        lines.append(f"  适用地区：{d['region']}")
    if d.get("note"):
        lines.append(f"  说明：{d['note']}")
    lines.append(f"  依据：{d['basis']}")
    lines.append(f"  来源文件：{entry.source}")
    return "\n".join(lines)
