"""Regenerate glossary/confusions/charsets.tsv from pycorrector's published character sets.

    pip download pycorrector==1.1.4 --no-deps -d /tmp/pc && (cd /tmp/pc && unzip -q -o pycorrector-*.whl)
    python tools/confusion_charsets.py /tmp/pc/pycorrector/data > glossary/confusions/charsets.tsv

Reads same_pinyin.txt (characters of the same sound: same tone, other tone), same_stroke.txt
(characters of a similar shape) and common_char_set.txt (the common characters); keeps, for each
common character, the common characters it may be mistyped for, in both directions.
"""

from __future__ import annotations

import sys
from pathlib import Path

HEADER = """\
# 形近、音近字表：每行一个字，后面是可能与它混淆的字（同音、近音、形近），由 tools/confusion_charsets.py 生成。
# 来源：pycorrector {version}（https://github.com/shibing624/pycorrector ，PyPI: pycorrector），
# 其 data/same_pinyin.txt、data/same_stroke.txt、data/common_char_set.txt；许可：Apache License 2.0。
# 只保留常用字（common_char_set.txt 中的字）之间的关系，并补全为双向。
"""


def _chars(cell: str) -> set[str]:
    return {c for c in cell.strip() if "\u4e00" <= c <= "\u9fff"}


def build(data: Path) -> dict[str, set[str]]:
    common = {line.strip() for line in (data / "common_char_set.txt").read_text(encoding="utf-8").splitlines()
              if len(line.strip()) == 1}
    pairs: dict[str, set[str]] = {}

    def link(a: str, others: set[str]) -> None:
        for b in others:
            if a != b and a in common and b in common:
                pairs.setdefault(a, set()).add(b)
                pairs.setdefault(b, set()).add(a)

    for line in (data / "same_pinyin.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cells = line.split("\t")
        for cell in cells[1:]:
            link(cells[0].strip(), _chars(cell))
    for line in (data / "same_stroke.txt").read_text(encoding="utf-8").splitlines():
        chars = [c for c in line.split("\t") if len(c.strip()) == 1]
        for c in chars:
            link(c.strip(), {d.strip() for d in chars})
    return pairs


def main(argv: list[str]) -> int:
    data = Path(argv[1])
    version = argv[2] if len(argv) > 2 else "1.1.4"
    pairs = build(data)
    out = [HEADER.format(version=version)]
    for char in sorted(pairs):
        out.append(f"{char}\t{''.join(sorted(pairs[char]))}\n")
    sys.stdout.write("".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
