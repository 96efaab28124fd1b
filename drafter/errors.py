"""The one error type users see: a reason in Chinese and where it happened."""

from __future__ import annotations


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
