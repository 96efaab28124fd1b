"""click's own messages in Chinese, for users who read Chinese.

click words its usage errors and help headings through ``gettext``; this module points each
click module's ``_`` and ``ngettext`` at a table. A message a later click adds and the table
lacks is shown in English.
"""

from __future__ import annotations

import sys

_ZH = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "Missing argument {param_hint}.": "缺少参数 {param_hint}。",
    "Missing option {param_hint}.": "缺少选项 {param_hint}。",
    "No such option {name!r}.": "没有这个选项 {name!r}。",
    "Did you mean {possibility}?": "是不是 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是不是以下之一：{possibilities}？）",
    "No such command {name!r}.": "没有这个命令：{name!r}。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不在可选值 {choices} 之中。",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "Path": "路径",
    "File": "文件",
    "Directory": "目录",
    "Aborted!": "已中止！",
}


def _translate(message: str) -> str:
    return _ZH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _ZH.get(singular if n == 1 else plural, singular if n == 1 else plural)


def install() -> None:
    """Point click's modules at the table; idempotent."""
    for name in ("core", "exceptions", "formatting", "decorators", "types", "parser"):
        module = sys.modules.get(f"click.{name}") or __import__(f"click.{name}", fromlist=["_"])
        if hasattr(module, "_"):
            module._ = _translate
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext
