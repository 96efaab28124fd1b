"""The synthetic corruption eval's injectors and scoring (eval/synthetic.py), not the whole eval."""
import importlib.util
import random
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "synthetic", Path(__file__).resolve().parents[1] / "eval" / "synthetic.py")
synthetic = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("synthetic", synthetic)  # its dataclasses look their module up by name
_spec.loader.exec_module(synthetic)

# A small draft in which every class has a place to go.
DRAFT = "\n".join([
    "关于开展2026年代表履职培训工作的通知",
    "各乡镇人大主席团：",
    "二〇二五年，全区财政收入约12.5亿元，比上年增长6.2%，共办理代表建议120件，原因是投入加大。",
    "一、认真地落实《代表法》，把工作做得更好，群众反映的问题得到解决，防止出现新的问题。",
    "二、加强代表培训。要提高代表履职能力，一是学习法律，二是学习业务，三是开展交流。",
    "三、依法监督“一府一委两院”工作，坚持和完善人民代表大会制度，作出部署。",
    "四、培训定于2026年3月5日开始，请东城区人大常委会于3月1日前报名。",
])


def test_each_injector_changes_the_draft_and_its_span_holds_the_change():
    for name, (inject, family) in synthetic.INJECTORS.items():
        assert family in {"punctuation", "placeholder", "noise", "numbering", "repeat", "grammar", "numbers",
                          "glossary", "typo"}, name
        rng = random.Random(21)
        for _ in range(5):
            out = inject(DRAFT, rng)
            assert out is not None, name
            new, (a, b) = out
            assert new != DRAFT, name
            assert 0 <= a < b <= len(new), name
            # whatever changed lies in the span: the first and the last difference (counted from the
            # end, since an insertion or a deletion shifts what follows) are inside it
            head = next(i for i, (x, y) in enumerate(zip(new + "\0", DRAFT + "\0")) if x != y)
            tail = next(i for i, (x, y) in enumerate(zip(reversed("\0" + new), reversed("\0" + DRAFT))) if x != y)
            if new[head:a] == "\n":  # a line added at the end: the span is the line, not its line break
                head = a
            if name in ("numbering_skip", "numbering_repeat"):
                # the numbers after the slip may follow it (a section cut without renumbering the rest):
                # the slip is where the sequence first goes wrong
                assert a == head and new[a:b] != DRAFT[a:b], name
                continue
            assert a <= head and max(head, len(new) - tail) <= b, (name, new[a:b])


def test_injectors_are_seeded():
    for name, (inject, _) in synthetic.INJECTORS.items():
        assert inject(DRAFT, random.Random(7)) == inject(DRAFT, random.Random(7)), name


def test_injectors_decline_a_sentence_without_a_place():
    plain = "会议听取了报告"
    for name in ("numbering_skip", "wrong_weekday", "magnitude", "percent_mixed", "title_stop"):
        assert synthetic.INJECTORS[name][0](plain, random.Random(1)) is None, name


def test_an_injection_is_found_by_an_overlapping_counted_finding_of_any_rule():
    text = "第一行\n常委会听取了报告,审议了决定。"
    inj = [synthetic.Injection("halfwidth_punct-0001", "halfwidth_punct", "x", text, None, 10, 11),
           synthetic.Injection("halfwidth_punct-0002", "halfwidth_punct", "x", text, None, 10, 11),
           synthetic.Injection("halfwidth_punct-0003", "halfwidth_punct", "x", text, None, 10, 11)]
    findings = {
        "halfwidth_punct-0001": [{"rule": "punctuation", "severity": "error", "paragraph": 2, "offset": 6,
                                  "length": 1}],
        "halfwidth_punct-0002": [{"rule": "typo", "severity": "warning", "paragraph": 2, "offset": 5,
                                  "length": 2},
                                 {"rule": "punctuation", "severity": "info", "paragraph": 2, "offset": 6,
                                  "length": 1}],
        "halfwidth_punct-0003": [{"rule": "punctuation", "severity": "error", "paragraph": 2, "offset": 0,
                                  "length": 3}],
    }
    synthetic.score(inj, findings)
    assert (inj[0].found_by, inj[0].family_found) == ("punctuation", True)
    assert (inj[1].found_by, inj[1].family_found) == ("typo", False)  # any rule finds; info never counts
    assert inj[2].found_by is None
