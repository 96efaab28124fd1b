"""What rules learn about a draft from its text: its kind from a 公文 title with the issuer first
(or a site's name after it), its date from a title's bracketed month; and the rules that use them."""

import datetime as dt

from drafter.check import load_glossary, run_rules
from drafter.documents import draft_from_lines

GLOSSARY = load_glossary()


def draft(text: str):
    return draft_from_lines("t.txt", text.splitlines())


def test_a_title_with_its_issuer_before_guanyu_is_a_document():
    assert draft("云溪镇人大主席团关于调整补选时间的请示\n恒阳县人大常委会：").kind == "request"
    assert draft("中共恒阳县人大常委会党组关于召开县第十八届人民代表大会第八次会议有关事项的请示\n"
                 "恒人常党〔2026〕12号\n听取和审议县人民政府工作报告。").kind == "request"
    assert draft("南屏省人大常委会办公厅关于举办培训班的通知_百度文库\n南人厅发〔2026〕8号").kind == "notice"


def test_a_speech_is_still_a_speech():
    assert draft("在全县人大代表工作会议上的讲话\n（2026年3月12日）\n同志们：").kind == "speech"


def test_a_titles_bracketed_month_dates_the_draft():
    d = draft("清河区人大常委会2025年工作总结和2026年工作打算（2026年1月）\n一、2025年工作回顾")
    assert d.date == dt.date(2026, 1, 1) and d.date_source == "标题中的年月"


def test_a_full_date_under_the_title_comes_first():
    d = draft("会议日程（2026年1月）\n（2026年1月19日）\n1月19日 报到。")
    assert d.date == dt.date(2026, 1, 19)


def test_the_weekday_takes_the_titles_year_and_says_so():
    d = draft("南屏省第十四届人民代表大会第四次会议日程（2026年1月）\n1月20日（星期二） 大会开幕。\n1月21日（星期四） 全体会议。")
    found = [f for f in run_rules(d, GLOSSARY) if f.rule == "numbers.weekday"]
    assert [f.match for f in found] == ["1月21日（星期四）"]
    assert "星期三" in found[0].message and "标题中的年月" in found[0].message


def test_a_docnumber_and_a_dotted_date_are_checked_in_such_a_document():
    d = draft("云溪镇人大主席团关于调整补选时间的请示\n云人发〔2026〕第3号\n恒阳县人大常委会：\n妥否，请批示。\n"
              "云溪镇人大主席团\n2026.5.19")
    rules = {f.rule: f for f in run_rules(d, GLOSSARY)}
    assert rules["format.docnumber"].suggestion == "3号"
    assert rules["format.date"].suggestion == "2026年5月19日"


def test_a_plans_last_year_said_in_another_year():
    d = draft("今年是“十四五”规划的收官之年，做好全年工作意义重大。")
    d.date = dt.date(2024, 3, 1)
    found = [f for f in run_rules(d, GLOSSARY) if f.rule == "glossary.dated"]
    assert found and "2025" in found[0].message
    d.date = dt.date(2025, 3, 1)
    assert not [f for f in run_rules(d, GLOSSARY) if f.rule == "glossary.dated"]


def test_a_town_has_no_two_courts_and_the_level_rule_says_so_alone():
    d = draft("依法监督镇“一府两院”的工作。")
    rules = [f.rule for f in run_rules(d, GLOSSARY)]
    assert "usage.level" in rules and "glossary.deprecated" not in rules


def test_a_title_is_read_against_the_register():
    found = {f.match: f for f in run_rules(draft("县人大常委会主席高远、镇人大主席团副主任李明、市人大常委会副秘书长王五出席。"),
                                            GLOSSARY) if f.rule == "usage.level"}
    assert set(found) == {"县人大常委会主席", "镇人大主席团副主任"}
    assert "主任、副主任" in found["县人大常委会主席"].message
