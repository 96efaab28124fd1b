"""glossary.items: a numbered formulation's items listed anywhere, all in place but one that is wrong."""

from ..glossary import SEPARATORS as _SEPARATORS

ID = "glossary.items"
SEVERITY = "warning"
DOC = ("列举有误：文中列举的各项与某条规范提法的内容几乎一致、只有一项不同（如“政治意识、全局意识、核心意识、"
       "看齐意识”），无论是否紧跟提法本身；或者提法少写了一项（党的领导、人民当家作主有机统一），或文中提到某条提法、随后列举时漏了中间的一项（“四个机关”……政治机关、国家权力机关、代表机关）。")
BASIS = "规范提法词库（各条目注明出处）"
FIXABLE = False
FIXTURES = {
    "bad": ["要增强政治意识、全局意识、核心意识、看齐意识。", "坚持道路自信、理论自信、制度自信、文明自信。",
            "树立全局意识、大局意识、核心意识、看齐意识。", "营造市场化、法治化、现代化一流营商环境。",
            "我们要始终坚持党的领导、人民当家作主有机统一。", "坚持人民当家作主、依法治国的有机统一。",
            "按照“四个机关”定位要求，全面加强政治机关、国家权力机关、代表机关建设。"],
    "good": ["要增强政治意识、大局意识、核心意识、看齐意识。", "增强政治意识、大局意识，提高履职能力。",
             "坚定道路自信、理论自信、制度自信、文化自信。", "坚持党的领导、人民当家作主、依法治国有机统一。",
             "按照“四个机关”定位要求，加强政治机关、国家权力机关建设。",
             "按照“四个机关”定位要求，加强政治机关、国家权力机关、工作机关、代表机关建设。"],
}

SEPARATORS = set(_SEPARATORS)
LIST_SEPARATORS = set("、，,")
STOPS = set("。！？!?；;：:（）()“”\n")
MIN_ITEMS = 3  # a list of two is too common to judge


def _alike(found: str, expected: str) -> bool:
    """A wrong item usually keeps part of the right one (全局意识 for 政治意识, 文明自信 for 文化自信)."""
    shared = sum(min(found.count(ch), expected.count(ch)) for ch in set(expected))
    parallel = len(found) == len(expected) and found[-1] == expected[-1]  # 现代化 for 国际化
    return 0 < len(found) <= len(expected) + 3 and (shared * 2 >= len(expected) or parallel)


def _gap_item(text: str) -> tuple[int, int] | None:
    """Within the text between two listed items, the one item it holds: (start, end) or None."""
    lo, hi = 0, len(text)
    while lo < hi and text[lo] in SEPARATORS:
        lo += 1
    while hi > lo and text[hi - 1] in SEPARATORS:
        hi -= 1
    inner = text[lo:hi]
    if not inner or lo == 0 or hi == len(text) or any(ch in SEPARATORS or ch in STOPS for ch in inner):
        return None
    return lo, hi


def check(draft, ctx):
    for para in draft.paragraphs:
        by_entry: dict[str, list] = {}
        for h in sorted((h for h in ctx.hits(para) if h.kind == "item"), key=lambda h: (h.start, -h.end)):
            group = by_entry.setdefault(h.entry.term, [])
            if not group or h.start >= group[-1].end:  # drop an item inside a longer one
                group.append(h)
        for group in by_entry.values():
            yield from _near_misses(para, ctx, group)


def _near_misses(para, ctx, group):
    entry = group[0].entry
    items = entry.data["items"]
    if len(items) < MIN_ITEMS or len(group) < len(items) - 1:
        return
    text = para.text
    # Each window of consecutive hits, len(items) - 1 long, that lists items in order with one missing.
    for first in range(len(group) - len(items) + 2):
        window = group[first:first + len(items) - 1]
        indexes = [h.extra for h in window]
        missing = [i for i in range(len(items)) if i not in indexes]
        if len(missing) != 1 or indexes != sorted(indexes):
            continue
        k = missing[0]
        short = _short(text, window, entry.term, items, k)
        if short is None and _skipped(text, window, entry.term, items, k):
            short = window[-1].end
        if short is not None:
            yield ctx.finding(ID, SEVERITY, para, window[0].start, short,
                              f"“{entry.term}”少了一项“{items[k]}”：各项应为{'、'.join(items)}", entry.basis)
            return
        span = _slot(text, window, k, items[k])
        if span is None:
            continue
        start, end = span
        found = text[start:end]
        # 依法治国有机统一 holds the item itself; 务必敢于斗争 is the start of 务必敢于斗争、善于斗争
        if items[k] in found or found in items[k] or not _alike(found, items[k]):
            continue
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{entry.term}”的各项应为：{'、'.join(items)}；这里的“{found}”应为“{items[k]}”",
                          entry.basis, suggestion=items[k])
        return


def _short(text: str, window: list, term: str, items: list, k: int) -> int | None:
    """The end of a formulation written with one item left out (党的领导、人民当家作主有机统一): the
    listed items stand next to each other and the term's own words after its last item follow them."""
    at = term.rfind(items[-1])
    tail = term[at + len(items[-1]):] if at >= 0 else ""
    if len(tail) < 2 or any(set(text[a.end:b.start]) - SEPARATORS for a, b in zip(window, window[1:])):
        return None
    if k == 0 and text[:window[0].start].rstrip(_SEPARATORS).endswith(items[0]):
        return None  # the whole list: this window is its last items
    end = window[-1].end + (text.startswith("的", window[-1].end))
    return end + len(tail) if text.startswith(tail, end) else None


def _skipped(text: str, window: list, term: str, items: list, k: int) -> bool:
    """Whether the paragraph names the formulation and lists its items in order, next to each
    other, with one from the middle left out (“四个机关”……政治机关、国家权力机关、代表机关): a list
    short of its first or last item may be a part named on purpose, one short of a middle item is not."""
    return 0 < k < len(items) - 1 and term in text \
        and not any(set(text[a.end:b.start]) - SEPARATORS for a, b in zip(window, window[1:]))


def _slot(text: str, window: list, k: int, expected: str) -> tuple[int, int] | None:
    """Where the missing item ``k`` stands in the list: between two hits, before the first, or after the last."""
    before = [h for h in window if h.extra < k]
    after = [h for h in window if h.extra > k]
    hole = (before[-1], after[0]) if before and after else None
    for pair in zip(window, window[1:]):  # the listed items stand next to each other, but at the hole
        if pair != hole and set(text[pair[0].end:pair[1].start]) - SEPARATORS:
            return None
    if before and after:
        gap = _gap_item(text[before[-1].end:after[0].start])
        return (before[-1].end + gap[0], before[-1].end + gap[1]) if gap else None
    if after:  # the first item is the wrong one: the characters just before the list
        start = after[0].start
        if start == 0 or text[start - 1] not in LIST_SEPARATORS:
            return None
        end = start - 1
        begin = max(0, end - len(expected))
        while begin < end and (text[begin] in SEPARATORS or text[begin] in STOPS):
            begin += 1
        return (begin, end) if begin < end else None
    end0 = before[-1].end  # the last item is the wrong one: the characters just after the list
    if end0 >= len(text) or text[end0] not in LIST_SEPARATORS:
        return None
    begin = end0 + 1
    stop = begin
    while stop < len(text) and stop - begin < len(expected) + 3 and text[stop] not in SEPARATORS \
            and text[stop] not in STOPS:
        stop += 1
    if stop - begin > len(expected) and _alike(text[begin:begin + len(expected)], expected):
        stop = begin + len(expected)  # the list runs on into the sentence: 现代化一流营商环境
    return (begin, stop) if stop > begin else None
