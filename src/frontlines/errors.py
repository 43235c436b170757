"""The exception tree. Every error has a code, a one-line message and a hint saying what to do next.

Exceptions keep their constructor arguments in ``args`` so they survive pickling across processes.
"""

from __future__ import annotations


class FrontlinesError(Exception):
    """Base of all expected errors. ``str(err)`` is one line: ``[CODE] message (hint)``."""

    code = "E000"
    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text}. {self.hint}" if self.hint else text


class ConfigError(FrontlinesError):
    """A setting, option or argument is wrong: nothing ran."""

    code = "E100"


class InputError(FrontlinesError):
    """An input file or record cannot be read. Raised per record; the batch goes on."""

    code = "E200"
    exit_code = 1

    def __init__(self, message: str, hint: str | None = None, *, reason: str = "unreadable") -> None:
        super().__init__(message, hint)
        self.args = (message, hint)
        self.reason = reason

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_input_error, (self.message, self.hint, self.reason))


def _rebuild_input_error(message: str, hint: str | None, reason: str) -> InputError:
    return InputError(message, hint, reason=reason)


class ResourceError(FrontlinesError):
    """A resource the pipeline needs (gazetteer, actor dictionary, database) is missing or broken."""

    code = "E300"


class StoreError(FrontlinesError):
    """The database cannot be opened, migrated or written."""

    code = "E400"


class PipelineError(FrontlinesError):
    """A pipeline is built wrongly (a stage requires what no earlier stage provides)."""

    code = "E500"


class StageError(FrontlinesError):
    """An unexpected bug inside a stage, wrapped with the stage and the article it happened on."""

    code = "E900"
