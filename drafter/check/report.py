"""Reporters: readable text grouped by file, or one JSON document."""

from __future__ import annotations

import json

import click

from .findings import Finding

JSON_VERSION = 1
JSON_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "findings"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": 1},
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["file", "paragraph", "offset", "length", "match", "rule", "severity",
                             "message", "suggestion", "basis", "field"],
                "properties": {
                    "file": {"type": "string"},
                    "paragraph": {"type": "integer", "minimum": 1},
                    "offset": {"type": "integer", "minimum": 0},
                    "length": {"type": "integer", "minimum": 0},
                    "match": {"type": "string"},
                    "rule": {"type": "string", "pattern": "^(glossary\\.(deprecated|variant|collocation|expansion|dated|scope)|placeholder|numbering\\.(sequence|count)|punctuation|noise|repeat|date|control)$"},
                    "severity": {"enum": ["error", "warning", "info"]},
                    "message": {"type": "string", "minLength": 1},
                    "suggestion": {"type": ["string", "null"]},
                    "basis": {"type": "string", "minLength": 1},
                    "field": {"type": ["string", "null"]},
                },
            },
        },
    },
}
COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


def text(findings: list[Finding], files: list[str], colour: bool) -> str:
    lines = []
    for file in files:
        mine = [f for f in findings if f.file == file]
        if not mine:
            continue
        lines.append(click.style(file, bold=True) if colour else file)
        for f in mine:
            sev = LABELS[f.severity]
            if colour:
                sev = click.style(sev, fg=COLOURS[f.severity])
            where = f"{f.field} 第{f.offset + 1}字" if f.field else f"第{f.paragraph}段 第{f.offset + 1}字"
            tip = f"（建议：{f.suggestion}）" if f.suggestion else ("（建议：删除）" if f.suggestion == "" else "")
            lines.append(f"  {where}  {sev}  {f.rule}  “{f.match}” {f.message}{tip}  依据：{f.basis}")
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    lines.append(f"共检查 {len(files)} 个文件：{errors} 个错误，{warnings} 个警告，"
                 f"{len(findings) - errors - warnings} 个提示。")
    return "\n".join(lines)


def as_json(findings: list[Finding]) -> str:
    """One JSON object, one finding a line (compact lines keep json's fast C encoder)."""
    body = ",\n".join(json.dumps(f.as_dict(), ensure_ascii=False) for f in findings)
    return f'{{"version": {JSON_VERSION}, "findings": [\n{body}\n]}}' if body else \
        f'{{"version": {JSON_VERSION}, "findings": []}}'



def describe_entry(entry) -> str:
    d = entry.data
    lines = [f"{entry.term}（{d.get('category') or '未分类'}）"]
    if d["items"]:
        lines.append(f"  内容：{'、'.join(d['items'])}")
    if d["verbs"]:
        lines.append(f"  搭配：{'、'.join(d['verbs'])}")
    if d["wrong_verbs"]:
        lines.append(f"  不宜搭配：{'、'.join(d['wrong_verbs'])}")
    for old in d["outdated"]:
        since = f"（自{old['since']}起）" if old.get("since") else ""
        lines.append(f"  旧提法：{old['form']}{since}{'：' + old['note'] if old.get('note') else ''}")
    if d["variants"]:
        lines.append(f"  错误写法：{'、'.join(d['variants'])}")
    if d.get("valid"):
        lo, hi = d["valid"].get("from"), d["valid"].get("to")
        fmt = lambda ym: f"{ym[0]}年{ym[1]}月" if ym and ym[1] else (f"{ym[0]}年" if ym else "")
        lines.append(f"  时限：{fmt(lo)}—{fmt(hi)}")
    if d.get("successor"):
        lines.append(f"  之后的提法：{d['successor']}")
    if d.get("region"):
        lines.append(f"  适用地区：{d['region']}")
    if d.get("note"):
        lines.append(f"  说明：{d['note']}")
    lines.append(f"  依据：{d['basis']}")
    lines.append(f"  来源文件：{entry.source}")
    return "\n".join(lines)
