"""drafter import: existing speeches to outlines, and the round trip back to text."""

import re

import docx
import pytest
import yaml

from drafter import importer

from .conftest import CORPUS, write

MARKERS = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[（(]\d{1,2}[）)]"
                     r"|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]+[是要](?=.)|首先[，,]|其次[，,]|再次[，,]|最后[，,]")


SALUTATION_COLON = re.compile(r"(同志们|各位代表|各位委员|各位领导)[:：]")


def normal(text: str) -> str:
    """Text up to numbering and white space, as the round trip compares it; and up to the colon
    after a salutation, which import writes full-width (同志们: -> 同志们：, README 导入旧稿)."""
    return SALUTATION_COLON.sub(r"\1：", MARKERS.sub("", re.sub(r"\s+", "", text)))


def round_trip(cli, source, tmp_path):
    outline = tmp_path / f"{source.stem}-imported.yaml"
    code, out, err = cli("import", source, "-o", outline)
    assert code == 0, err
    text_out = tmp_path / f"{source.stem}-back.txt"
    code, _, err = cli("render", outline, "--format", "txt", "-o", text_out)
    assert code == 0, err
    back = text_out.read_text(encoding="utf-8").replace("（标题待填）", "", 1)
    assert normal(back) == normal(importer.clean_text(str(source)))
    return yaml.safe_load(outline.read_text(encoding="utf-8")), out + outline.read_text(encoding="utf-8")


HEAD = "在全区人大工作会议上的讲话\n同志们：\n今天召开全区人大工作会议。下面，我讲两点意见。\n"

STYLES = {
    "一是": "一、加强学习\n学习是前提。\n一是读原著。要认真研读。\n二是谈体会。要交流心得。\n二、强化监督\n监督是职责。\n",
    "一要": "一、加强学习\n一要读原著。要认真研读。\n二要谈体会。要交流心得。\n二、强化监督\n监督是职责。\n",
    "（一）": "一、加强学习\n（一）读原著\n要认真研读原著。\n（二）谈体会\n要交流心得体会。\n二、强化监督\n监督是职责。\n",
    "1.": "一、加强学习\n1.读原著。要认真研读。\n2.谈体会。要交流心得。\n二、强化监督\n监督是职责。\n",
    "首先": "一、加强学习\n首先，读原著。要认真研读。\n其次，谈体会。要交流心得。\n最后，抓落实。要见到实效。\n二、强化监督\n监督是职责。\n",
}
TAIL = "同志们，让我们共同努力，把人大工作做得更好！\n谢谢大家！\n"


@pytest.mark.parametrize("style", list(STYLES))
def test_round_trip_in_each_sub_point_style(cli, tmp_path, style):
    src = write(tmp_path, "speech.txt", HEAD + STYLES[style] + TAIL)
    outline, _ = round_trip(cli, src, tmp_path)
    assert outline["title"] == "在全区人大工作会议上的讲话"
    assert outline["salutation"] == "同志们："
    assert [p["title"] for p in outline["points"]] == ["加强学习", "强化监督"]
    first = outline["points"][0]
    assert first["style"] == style
    assert len(first["subpoints"]) == (3 if style == "首先" else 2)
    assert outline["closing"] == ["同志们，让我们共同努力，把人大工作做得更好！"]
    assert outline["signoff"] == "谢谢大家！"


def test_a_whole_speech_on_one_line(cli, tmp_path):
    one_line = (HEAD + STYLES["一是"] + TAIL).replace("\n", "")
    src = write(tmp_path, "web.txt", one_line + "\n")
    outline, text = round_trip(cli, src, tmp_path)
    assert outline["title"] == "在全区人大工作会议上的讲话"
    assert outline["salutation"] == "同志们："
    # Nothing marks where a heading ended once the line breaks are gone: the title is cut at
    # the first full stop, and the outline says so.
    assert [p["title"] for p in outline["points"]] == ["加强学习学习是前提。", "强化监督监督是职责。"]
    assert "# 标题与正文原在同一段，已在第一个句号处分开，请核对" in text
    assert [s["title"] for s in outline["points"][0]["subpoints"]] == ["读原著", "谈体会"]
    assert outline["closing"] == ["同志们，让我们共同努力，把人大工作做得更好！"]
    assert outline["signoff"] == "谢谢大家！"


def test_residue_is_removed_and_nothing_is_invented(cli, tmp_path):
    text = (HEAD + "一、加强学习\n学习是前提。---此处隐藏1200字,下载后查看---要认真研读。\n二、强化监督\n监督是职责。\n"
            + TAIL + "预览阅读已结束,若您需要全文或代笔。\n来源：网友投稿\n")
    src = write(tmp_path, "copy.txt", text)
    outline, out = round_trip(cli, src, tmp_path)
    assert "已去掉网页残留" in out
    dumped = yaml.safe_dump(outline, allow_unicode=True)
    assert "此处隐藏" not in dumped and "预览" not in dumped and "网友投稿" not in dumped

    def strings(v):
        if isinstance(v, str):
            yield v
        elif isinstance(v, list):
            for x in v:
                yield from strings(x)
        elif isinstance(v, dict):
            for x in v.values():
                yield from strings(x)

    source = re.sub(r"\s", "", importer.clean_text(str(src)))
    for s in strings(outline):
        if s not in ("speech", "一是", "一要", "（一）", "1.", "首先"):
            assert re.sub(r"\s", "", s) in source, s  # every word of the outline is the speech's own


def test_unplaced_text_is_kept_with_a_comment(cli, tmp_path):
    src = write(tmp_path, "x.txt", "关于推进人大工作的几点思考\n这是一篇汇编的副标题\n近年来，各地人大积极探索。\n一、聚焦中心\n要服务大局。\n")
    outline_path = tmp_path / "x.yaml"
    code, _, err = cli("import", src, "-o", outline_path)
    assert code == 0, err
    text = outline_path.read_text(encoding="utf-8")
    assert "# 开头 1 行像标题，未能确定位置，原样放在开场段落之首，请核对" in text
    assert yaml.safe_load(text)["opening"][0] == "这是一篇汇编的副标题"


def test_docx_and_gb18030_sources(cli, tmp_path):
    doc = docx.Document()
    for line in (HEAD + STYLES["（一）"] + TAIL).splitlines():
        doc.add_paragraph(line)
    doc.save(tmp_path / "old.docx")
    outline, _ = round_trip(cli, tmp_path / "old.docx", tmp_path)
    assert [s["title"] for s in outline["points"][0]["subpoints"]] == ["读原著", "谈体会"]
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes((HEAD + STYLES["一要"] + TAIL).encode("gb18030"))
    outline, _ = round_trip(cli, gbk, tmp_path)
    assert outline["points"][0]["style"] == "一要"


def test_points_saved_as_sections_are_reusable(cli, tmp_path):
    src = write(tmp_path, "speech.txt", HEAD + STYLES["一是"] + TAIL)
    folder = tmp_path / "tpl" / "sections"
    folder.mkdir(parents=True)
    code, out, err = cli("import", src, "-o", tmp_path / "s.yaml", "--sections", folder)
    assert code == 0, err
    assert sorted(p.name for p in folder.iterdir()) == ["加强学习.md.j2", "强化监督.md.j2"]
    outline = write(tmp_path, "new.yaml", "kind: speech\ntitle: 新讲话\npoints:\n  - use: 强化监督\n  - use: 加强学习\n")
    out_file = tmp_path / "new.txt"
    code, _, err = cli("render", outline, "-o", out_file, "--templates", tmp_path / "tpl")
    assert code == 0, err
    text = out_file.read_text(encoding="utf-8")
    assert "一、强化监督" in text and "二、加强学习" in text and "一是读原著。要认真研读。" in text


def test_import_refuses_to_overwrite_and_reports_bad_input(cli, tmp_path):
    src = write(tmp_path, "speech.txt", HEAD + STYLES["一是"] + TAIL)
    target = write(tmp_path, "mine.yaml", "mine")
    code, _, err = cli("import", src, "-o", target)
    assert code == 2 and "文件已存在" in err and target.read_text(encoding="utf-8") == "mine"
    code, _, err = cli("import", tmp_path / "nope.txt", "-o", tmp_path / "n.yaml")
    assert code == 2 and "文件不存在" in err and not (tmp_path / "n.yaml").exists()


def test_speaking_time_is_reported_and_a_limit_warns(cli, tmp_path):
    src = write(tmp_path, "speech.txt", HEAD + STYLES["一是"] + TAIL)
    code, out, _ = cli("import", src, "-o", tmp_path / "s.yaml", "--rate", "200")
    assert re.search(r"全文 \d+ 字，按每分钟 200 字计，约需 0\.\d 分钟", out)
    long = "kind: speech\ntitle: 讲话\nlimit: 1\npoints:\n  - title: 学习\n    paragraphs: [" + "要加强学习。" * 60 + "]\n"
    code, out, _ = cli("render", write(tmp_path, "l.yaml", long), "-o", tmp_path / "l.docx")
    assert code == 0 and "限时 1 分钟，超出约" in out and "警告：" in out


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the project")
@pytest.mark.parametrize("name", ["000_2dca68fa2f7521ad.txt", "001_612cbac041346541.txt", "003_dbaf6a5ddfd464ee.txt"])
def test_corpus_imports_render_and_round_trip(cli, tmp_path, name):
    outline, _ = round_trip(cli, CORPUS / name, tmp_path)
    assert outline["points"]
    if name.startswith("001"):
        titles = [p["title"] for p in outline["points"]]
        expected = ("深刻领悟全国两会精神", "聚焦主责主业", "加强自身建设")
        assert [t[:len(p)] for t, p in zip(titles, expected, strict=True)] == list(expected)
        for point, first in zip(outline["points"], ("要提高站位", "要加强立法工作", "要加强思想政治建设"), strict=True):
            assert len(point["subpoints"]) == 3 and point["subpoints"][0]["title"].startswith(first)
        assert "signoff" not in outline  # 001 ends with an advertisement, which import drops
    if name.startswith("000"):
        assert outline["signoff"] == "发言完毕。"
        assert [s["title"] for s in outline["points"][0]["subpoints"]] == [
            "深刻理解“新”理论", "深刻理解“新”目标", "深刻理解“新”任务"]
