"""The one error type users see: a reason in Chinese and where it happened."""

from __future__ import annotations

import errno


class DrafterError(Exception):
    """Bad input. The CLI prints ``str(err)`` on one line and exits with code 2."""

    value_path: tuple | None = None  # a template error: the context value that caused it

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        col: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.col = col
        self.field = field

    def __reduce__(self):
        # kept whole across processes (a batch's workers): file, line, column and field too
        return type(self), (self.message,), self.__dict__

    def located(self, file: str) -> "DrafterError":
        """Attach a file name if the error does not carry one yet."""
        if self.file is None:
            self.file = file
        return self

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
                if self.col is not None:
                    where += f":{self.col}"
            where += ": "
        field = f"{self.field}: " if self.field else ""
        text = f"{where}{field}{self.message}"
        # one line, whatever the value quoted in it holds: \r, U+0085, U+2028 … break lines too
        return " ".join(text.splitlines())


_OS_REASONS = {
    errno.ENOENT: "文件或目录不存在", errno.EACCES: "没有权限", errno.EPERM: "不允许这样操作",
    errno.ENOTDIR: "路径中有一项不是目录", errno.EISDIR: "这是一个目录", errno.EEXIST: "已经存在",
    errno.ENOSPC: "磁盘已满", errno.EDQUOT: "超出磁盘配额", errno.EROFS: "只读的文件系统",
    errno.EMFILE: "打开的文件过多", errno.ENAMETOOLONG: "文件名过长", errno.ELOOP: "链接层数过多（链接指向了自身）",
    errno.EADDRINUSE: "地址已被占用", errno.EADDRNOTAVAIL: "本机没有这个地址", errno.EPIPE: "输出已被关闭",
    errno.EIO: "读写出错", errno.EBUSY: "文件正被占用", errno.ETXTBSY: "文件正被占用", errno.EXDEV: "不能跨磁盘改名",
    errno.ENOEXEC: "不是可执行的程序", errno.EINVAL: "参数无效", errno.EFBIG: "文件过大",
}


def os_reason(exc: OSError) -> str:
    """An operating-system error in Chinese (its English strerror is never shown)."""
    return _OS_REASONS.get(exc.errno, f"系统错误 {exc.errno}" if exc.errno else "系统错误")
