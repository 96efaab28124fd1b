import importlib.util
import random
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "synthetic", Path(__file__).resolve().parents[1] / "eval" / "synthetic.py")
synthetic = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synthetic)

SENTENCES = [
    "二〇二六年，全市财政收入约120亿元，比上年增长（按可比口径）5%。",
    "常委会听取和审议了“十四五”规划实施情况的报告。",
]


def test_each_injector_changes_text_and_span_holds_change():
    rng = random.Random(21)
    for name, inject in synthetic.INJECTORS.items():
        done = False
        for s in SENTENCES:
            out = inject(s, rng)
            if out is None:
                continue
            new, (a, b) = out
            assert new != s, name
            assert 0 <= a < b <= len(new), name
            # text outside the span is unchanged on both ends
            tail = len(new) - b
            assert new[:a] == s[:a], name
            assert new[len(new) - tail:] == s[len(s) - tail:], name
            done = True
        assert done, name
