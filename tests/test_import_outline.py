"""drafter import states the right outline for web copies: titles, points, sub-points, closings.

The round trip (tests/test_import.py) shows that no text is lost; these tests show where the
text goes. Each small draft is written the way document sites deliver speeches: no line
breaks, a space or nothing between a heading and its text, residue at both ends.
"""

import re
import time

import pytest
import yaml

from drafter import importer

from .conftest import CORPUS, write
from .test_import import round_trip

T = "在全区人大工作会议上的讲话"
S = "同志们："
O = "今天召开全区人大工作会议。下面，我讲两点意见。"
C = "同志们，让我们共同努力，把人大工作做得更好！"

# name: (draft, title, salutation, [(point title, sub-points)], closing starts, sign-off)
CASES = {
    "space": (f"{T} {S}{O}一、加强学习，提高能力 代表们要认真学习。一是学法律。二是学业务。二、强化监督 监督是职责。{C}谢谢大家！",
              T, S, [("加强学习，提高能力", 2), ("强化监督", 0)], ["同志们，"], "谢谢大家！"),
    "full-width space": (f"{T}　{S}　{O}一、加强学习　学习是前提。（一）读原著　要认真研读。（二）谈体会　要交流心得。二、强化监督　监督是职责。{C}",
                         T, S, [("加强学习", 2), ("强化监督", 0)], ["同志们，"], None),
    "heading then 一是": (f"{T} {S}{O}一、加强学习一是学法律。二是学业务。三是学经验。二、强化监督一是抓重点。二是求实效。{C}谢谢大家！",
                         T, S, [("加强学习", 3), ("强化监督", 2)], ["同志们，"], "谢谢大家！"),
    "heading then （一）": (f"{T} {S}{O}一、加强学习（一）学法律。要系统学习。（二）学业务。要熟悉业务。二、强化监督（一）抓重点。{C}",
                          T, S, [("加强学习", 2), ("强化监督", 1)], ["同志们，"], None),
    "no title, no salutation": (f"近年来，常委会依法履职，各项工作取得新进展。一、坚持党的领导 常委会坚持请示报告。二、坚持人民至上 常委会密切联系群众。发言完毕。",
                                "（标题待填）", "", [("坚持党的领导", 0), ("坚持人民至上", 0)], [], "发言完毕。"),
    "title before text": (f"学习贯彻全国两会精神研讨发言 按照安排，我谈两点认识。一、把握核心要义一是把握大势。二是把握任务。二、找准结合点一是找准立法结合点。二是找准监督结合点。以上发言，不当之处，敬请批评指正。",
                          "学习贯彻全国两会精神研讨发言", "", [("把握核心要义", 2), ("找准结合点", 2)], [],
                          "以上发言，不当之处，敬请批评指正。"),
    "首先 and 总之": (f"{T} {S}{O}一、关于学习 首先，要学理论。其次，要学法律。最后，要学业务。二、关于监督 要抓重点。总之，要把工作做实。最后，祝大家工作顺利！",
                   T, S, [("关于学习", 3), ("关于监督", 0)], ["总之，"], "最后，祝大家工作顺利！"),
    "closing 最后": (f"{T} {S}{O}一、关于学习 要学理论。二、关于监督 要抓重点。最后，我再强调一点，要注重实效。谢谢大家！",
                   T, S, [("关于学习", 0), ("关于监督", 0)], ["最后，"], "谢谢大家！"),
    "false markers": (f"{T} {S}今年一、二季度，全区增长6.5%，收入1.2亿元。思想统一是前提。一、正视问题 我们还有差距：一是跟踪不够。二是保障不足。二、抓好重点 一是做好调研。二是办好会议。{C}",
                      T, S, [("正视问题", 2), ("抓好重点", 2)], ["同志们，"], None),
    "compound salutation": (f"{T} 各位副主任、秘书长，各位委员：{O}一、关于交办 要及时交办。二、关于整改 要跟踪督办。各位委员，让我们共同努力！",
                            T, "各位副主任、秘书长，各位委员：", [("关于交办", 0), ("关于整改", 0)], ["各位委员，"], None),
    "run-on heading": (f"{T} {S}{O}一、坚持政治引领，筑牢思想根基我们要把思想政治建设摆在首位，引导代表坚定信念。一是抓学习。二是抓教育。二、坚持服务保障，激发履职动力常委会要切实增强服务意识，为代表履职创造条件。{C}",
                       T, S, [("坚持政治引领，筑牢思想根基", 2), ("坚持服务保障，激发履职动力", 0)], ["同志们，"], None),
    "parallel run-on heading": (f"{T} {S}{O}一、深化理论武装，提升政治能力要把学习作为首要任务，做到学用贯通。一是集中学。二是个人学。"
                                f"二、强化实践锻炼，提升履职本领机关干部要在服务常委会依法履职的实践中增长才干。{C}",
                                T, S, [("深化理论武装，提升政治能力", 2), ("强化实践锻炼，提升履职本领", 0)], ["同志们，"], None),
    "a space early in the opening": ("今天 我们召开全区人大工作会议。一、加强学习 要学习。二、强化监督 要监督。",
                                     "（标题待填）", "", [("加强学习", 0), ("强化监督", 0)], [], None),
    "a space inside a heading line": (f"{T}\n{S}\n{O}\n一、加强学习　提高能力\n要认真学习。\n二、强化监督　务求实效\n要依法监督。\n",
                                      T, S, [("加强学习　提高能力", 0), ("强化监督　务求实效", 0)], [], None),
    "residue at both ends": (f"当前位置：首页 > 讲话 > 人大\n人大公文网 www.rdgw.cn\n|\n{T}\n{S}{O}一、加强学习 一是学法律。二是学业务。二、强化监督 监督是职责。{C}\n谢谢大家！\n|\n相关文档\n- 11-14人大工作总结汇编(6篇)\n请点击👉 abc 👈联系老师\n",
                             T, S, [("加强学习", 2), ("强化监督", 0)], ["同志们，"], "谢谢大家！"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_outline_of_a_web_copy(cli, tmp_path, name):
    text, title, salutation, points, closing, signoff = CASES[name]
    outline, _ = round_trip(cli, write(tmp_path, "web.txt", text + "\n"), tmp_path)
    assert outline["title"] == title
    assert outline["salutation"] == salutation
    assert [(p["title"], len(p.get("subpoints") or [])) for p in outline["points"]] == points
    assert [c[:len(s)] for c, s in zip(outline["closing"], closing)] == closing
    assert len(outline["closing"]) == len(closing)
    assert outline.get("signoff") == signoff
    for point in outline["points"]:  # a heading never holds the first sentence of its body
        assert not re.search("[。！？]", point["title"]), point["title"]


def _items(outline, index):
    return outline["points"][index]


def test_a_gap_that_skips_a_number_keeps_the_groups_apart_and_says_so(cli, tmp_path):
    text = (f"{T} {S}{O}一、肯定成绩 一是联络站建设提速。全市新建四十二个。二是建议办理质量提高。满意率达九成。"
            "---此处隐藏1846字,下载后查看---四是履职管理规范。普遍建立履职档案。五是培训全覆盖。全年举办十八期。"
            f"二、推动提质增效 一是丰富活动。二是完善保障。{C}谢谢大家！")
    src = write(tmp_path, "gap.txt", text)
    outline, printed = round_trip(cli, src, tmp_path)
    first = _items(outline, 0)
    assert [s["title"] for s in first["subpoints"]] == ["联络站建设提速", "建议办理质量提高"]  # not 三是, 四是
    kept = first["subpoints"][1]["paragraphs"]
    assert kept[-2:] == ["四是履职管理规范。普遍建立履职档案。", "五是培训全覆盖。全年举办十八期。"]  # numbers as written
    written = (tmp_path / "gap-imported.yaml").read_text(encoding="utf-8")
    comment = "原文此处有隐藏文字，其后的序号“四是”与前面的“二是”不连续"
    lines = written.splitlines()
    at = next(i for i, line in enumerate(lines) if comment in line)
    assert lines[at].lstrip().startswith("#") and "四是履职管理规范" in lines[at + 1]  # at that place
    assert f"points[0].subpoints[1].paragraphs[1]：{comment}" in printed  # and on the terminal
    assert len(_items(outline, 1)["subpoints"]) == 2


def test_a_gap_that_continues_the_sequence_is_one_group(cli, tmp_path):
    text = (f"{T} {S}{O}一、认清形势 一是从严治党的要求。二是做好工作的保障。---此处隐藏1530字,下载后查看---"
            f"三是回应期盼的需要。四是锤炼队伍的途径。二、突出重点 要抓落实。{C}")
    outline, printed = round_trip(cli, write(tmp_path, "gap.txt", text), tmp_path)
    assert len(_items(outline, 0)["subpoints"]) == 4
    assert "不连续" not in printed


def test_a_group_restarting_from_one_is_not_merged(cli, tmp_path):
    text = (f"{T} {S}{O}一、在学习上下功夫 一是学理论。二是学法律。三是学业务。还要注重方法。一是集中学习与自学相结合。"
            f"二是学习与调研相结合。二、在审议上下功夫 要有准备。{C}")
    outline, printed = round_trip(cli, write(tmp_path, "restart.txt", text), tmp_path)
    first = _items(outline, 0)
    assert len(first["subpoints"]) == 3
    assert first["subpoints"][2]["paragraphs"][-2:] == ["一是集中学习与自学相结合。", "二是学习与调研相结合。"]
    assert "原文此处序号重新从“一是”开始（两组序号），未与前一组合并" in printed


def test_a_group_starting_in_the_middle_after_hidden_text_keeps_its_numbers(cli, tmp_path):
    text = (f"{T} {S}{O}一、围绕中心 （一）聚焦项目。推动解决难题。（二）聚焦环境。督促整改问题。"
            "二、回应期盼---此处隐藏2210字,下载后查看---（三）办好实事。十件实事全部完成。（四）解决难题。办结率九成。"
            f"三、加强建设（一）思想建设。（二）制度建设。{C}")
    outline, printed = round_trip(cli, write(tmp_path, "mid.txt", text), tmp_path)
    assert [len(p.get("subpoints") or []) for p in outline["points"]] == [2, 0, 2]
    assert _items(outline, 1)["paragraphs"][0].startswith("（三）办好实事")
    assert "其后这一组序号从“（三）”开始，前面没有第一项" in printed


def test_corpus_headings_are_free_of_body_text(cli, tmp_path):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the project")
    expected = {
        "000_2dca68fa2f7521ad.txt": [
            "认真学习领会总书记关于新质生产力的重要论述,深刻领会、全面理解、全面落实,把发展新质生产力作为恒阳现代化建设的核心动力",
            "实干笃行,在学思践悟中依法履职尽责,以更大格局、更强担当推动围绕中心服务大局"],
        "001_612cbac041346541.txt": ["深刻领悟全国两会精神,及时准确推动贯彻落实", "聚焦主责主业,全面提升人大工作水平",
                                     "加强自身建设,打造忠诚干净担当的人大队伍"],
        "003_dbaf6a5ddfd464ee.txt": ["聚焦中心,服务大局,与党委政府的同向发力中推动高质量发展",
                                     "吸纳民意,汇集民智,与湖城百姓的同频共振中推动高质量发展"],
    }
    for name, titles in expected.items():
        outline, _ = round_trip(cli, CORPUS / name, tmp_path)
        assert [p["title"] for p in outline["points"]] == titles
        body = "".join(p for point in outline["points"] for p in point.get("paragraphs") or [])
        assert body.startswith(("总书记关于发展新质生产力", "学习宣传、贯彻落实", "2023年x月xx日")), body[:20]


def test_sections_never_overwrite_a_shipped_or_existing_section(cli, tmp_path):
    text = f"{T}\n{S}\n{O}\n一、加强自身建设\n要改进作风。\n二、强化监督\n监督是职责。\n"
    src = write(tmp_path, "s.txt", text)
    folder = tmp_path / "sections"
    folder.mkdir()
    mine = write(folder, "强化监督.md.j2", "mine")
    code, out, err = cli("import", src, "-o", tmp_path / "s.yaml", "--sections", folder)
    assert code == 0, err
    assert mine.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in folder.iterdir()) == ["加强自身建设-2.md.j2", "强化监督-2.md.j2", "强化监督.md.j2"]
    assert "内置同名片段“加强自身建设”，未覆盖，改名为“加强自身建设-2”" in out
    assert "目录中已有同名片段“强化监督”，未覆盖，改名为“强化监督-2”" in out


def test_no_section_is_written_before_the_outline(cli, tmp_path):
    src = write(tmp_path, "s.txt", f"{T}\n{S}\n一、加强学习\n要学习。\n")
    folder = tmp_path / "sections"
    folder.mkdir()
    code, _, err = cli("import", src, "-o", tmp_path / "no-such-folder" / "s.yaml", "--sections", folder)
    assert code == 2 and "no-such-folder" in err
    assert list(folder.iterdir()) == []


def test_draft_text_never_reaches_a_yaml_loader(monkeypatch, tmp_path):
    tricky = (f"{T}\n{S}\n- key: value &anchor *alias !!python/object:os.system\n一、加强学习: 要学习 # 不是注释\n"
              "{a: 1}\n二、yes\n3.5\n")
    src = write(tmp_path, "t.txt", tricky)
    calls = []
    for name in ("load", "safe_load", "full_load", "unsafe_load", "compose", "parse", "scan", "load_all", "safe_load_all"):
        monkeypatch.setattr(yaml, name, lambda *a, _n=name, **k: calls.append(_n))
    text = importer.to_yaml(importer.import_file(str(src)), "t.txt")
    monkeypatch.undo()
    assert calls == []
    loaded = yaml.safe_load(text)
    assert loaded["opening"][0] == "- key: value &anchor *alias !!python/object:os.system"
    assert loaded["points"][0]["title"] == "加强学习: 要学习 # 不是注释"


def test_import_stays_linear_in_the_size_of_the_draft():
    def seconds(n):
        line = f"{T} {S}{O}" + "一、加强学习，提高能力 代表们要认真学习。一是学法律。二是学业务。" * n
        start = time.perf_counter()
        importer.parse(importer.clean([line + "一二三四五六七八九十" * n + "。一是" * n])[0])
        return time.perf_counter() - start

    seconds(50)  # warm up
    small, large = seconds(500), seconds(4000)
    assert large < 20 * max(small, 0.01), (small, large)  # 8 times the text: far from 64 times the time


def test_clean_removes_residue_told_by_a_sites_words_from_the_shipped_word_lists():
    lines = ["在全区人大工作会议上的讲话", "以上讲话稿由小编整理，欢迎分享", "同志们：",
             "扫码关注“清河人大”公众号 点击阅读 分享转发"]
    kept, removed = importer.clean(lines)
    assert kept == [lines[0], lines[2], lines[3]] and len(removed) == 1
