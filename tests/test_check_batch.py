"""drafter check over many files: shared out to worker processes, reported as one process would,
and the one-off loads (the glossary's automaton, jieba's dictionary) made once per process."""

import json
import os
import subprocess
import sys

import docx
import pytest

from drafter.check import batch_jobs, check_files, load_glossary
from drafter.errors import DrafterError

TEXTS = [
    "关于举办培训班的通知\n各单位:\n一、对“一府两院”工作的意见。\n二、要坚定“四个意识”。。\n2024年5月8日\n",
    "常委会听取和审议了县人民政府关于民生实事项目推进情况的报告，取得了积极的效果。\n",
    "针对群众反应强烈的问题开展监督，会议于2023年x月xx日召开。\n",
]


def _batch(tmp_path, count=12):
    paths = []
    for i in range(count):
        text = TEXTS[i % len(TEXTS)] + f"第{i}份文稿。\n"
        if i % 4 == 1:
            path = tmp_path / f"{i:02d}.docx"
            doc = docx.Document()
            for line in text.splitlines():
                doc.add_paragraph(line)
            doc.save(str(path))
        else:
            path = tmp_path / f"{i:02d}.{'md' if i % 4 == 2 else 'txt'}"
            path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    bad = tmp_path / "05.docx"
    bad.write_bytes(b"not a zip")  # a file that cannot be read, in the middle of the batch
    return paths


def test_workers_report_what_one_process_reports_in_the_same_order(tmp_path):
    paths = _batch(tmp_path)
    glossary = load_glossary()
    one = list(check_files(paths, glossary, 1))
    two = list(check_files(paths, glossary, 2))
    assert len(one) == len(two) == len(paths)
    for (a, notes_a), (b, notes_b), path in zip(one, two, paths):
        if path.endswith("05.docx"):
            assert isinstance(a, DrafterError) and isinstance(b, DrafterError) and a.message == b.message
        else:
            assert a == b and notes_a == notes_b
    assert sum(len(f) for f, _ in two if not isinstance(f, DrafterError)) > 10


def test_the_cli_output_of_a_folder_does_not_depend_on_the_workers(cli, tmp_path):
    _batch(tmp_path)
    results = [cli("check", "--no-cache", "--format", "json", str(tmp_path), "--jobs", jobs) for jobs in ("1", "2")]
    assert results[0] == results[1]
    code, out, err = results[0]
    assert code == 2 and "05.docx" in err  # the unreadable file is named, the others are reported
    assert {f["file"].rsplit("/", 1)[-1] for f in json.loads(out)["findings"]} >= {"00.txt", "02.md", "09.docx"}


def test_a_batch_uses_every_core_and_a_few_files_one_process():
    assert batch_jobs(3) == 1
    assert batch_jobs(1000, 1) == 1
    assert batch_jobs(1000) >= 1
    assert batch_jobs(5, 3) == 3


COUNT_LOADS = """
import sys
import sqlite3
opened = []
connect = sqlite3.connect
def counted(database, *args, **kwargs):
    opened.append(database)
    return connect(database, *args, **kwargs)
sqlite3.connect = counted
from drafter.check import check_file, load_glossary
glossary = load_glossary()
for path in sys.argv[1:]:
    check_file(path, glossary)
print(len(opened), 'jieba' in sys.modules)
"""


def test_the_word_table_is_opened_at_most_once_per_process_and_jieba_never(tmp_path):
    paths = []
    for i, text in enumerate(["针对群众反应强烈的问题开展监督。\n", "要认真做出部署，群众反应强烈。\n",
                              "依法行使经营权力，维护合法权力。\n"]):
        path = tmp_path / f"{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for run in ("built", "read"):  # the first run builds the table in the cache folder, the second reads it
        out = subprocess.run([sys.executable, "-c", COUNT_LOADS, *paths], capture_output=True, text=True,
                             check=True, env=env)
        opened, jieba = out.stdout.split()
        # three drafts with word cues: one connection (the first run also tried the missing file, then built it)
        assert (int(opened), jieba) == ((3, "False") if run == "built" else (1, "False")), (run, out.stdout)


def _killed(path):
    os._exit(9)  # as the system's out-of-memory killer would end a worker


def test_a_worker_killed_from_outside_is_said_in_a_sentence(tmp_path, monkeypatch):
    import drafter.check as check

    monkeypatch.setattr(check, "_check_one", _killed)
    with pytest.raises(DrafterError, match="--jobs 1"):
        list(check_files(_batch(tmp_path), load_glossary(), 2))
