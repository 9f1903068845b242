"""One exception tree for every failure a person must be told about; anything else is a bug.

Each front end maps the tree to its own outcome in one place — the HTTP API to a status and the
`{"error": {"code", "message"}}` body (bot/serve/errors.py), the command line to an exit status
(bot/cli.py), the web page to a Chinese sentence (bot/serve/ui.py) — so a new error needs no new handler.
An exception outside the tree is a programming error: logged with its trace, shown as an internal error.

`public` is what may be shown outside the server: by default the message, which the code writes to be read;
backends whose messages may carry addresses or paths say only which part failed.
"""

from __future__ import annotations


class FazhiError(Exception):
    """A failure to tell a user, a caller or an operator about, in plain words (`code` for programs)."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None, retry_after: int | None = None):
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after  # seconds, when trying again later will work
        if code:
            self.code = code

    @property
    def public(self) -> str:
        return self.message


class BadInput(FazhiError):
    """The request or the file is not usable as given; the message names what to change."""

    code = "invalid_request"


class BadRequest(BadInput):
    code = "bad_request"


class BadFile(BadInput):
    """An upload's name or type, or a report file that cannot be read."""

    code = "bad_file"


class TooLarge(BadInput):
    code = "too_large"


class TooSlow(BadInput):
    """A request body that did not arrive in time."""

    code = "timeout"


class NotFound(FazhiError):
    code = "not_found"


class NotAllowed(NotFound):
    """A known path asked with a method it does not take."""

    code = "method_not_allowed"


class Forbidden(FazhiError):
    code = "forbidden"


class Unauthorized(Forbidden):
    """No key, or a key nobody configured."""

    code = "unauthorized"


class Busy(FazhiError):
    """Try again shortly: every answer slot taken, another process changing the index."""

    code = "busy"


class RateLimited(Busy):
    code = "rate_limited"


class BadConfig(FazhiError):
    """A setting names something that does not exist (an embedder, an answer backend, a local model)."""

    code = "bad_config"


class BackendUnavailable(FazhiError):
    """A part the answer needs failed: the vector store, the embedder, the model."""

    code = "backend_unavailable"
    part = "a server resource"

    @property
    def public(self) -> str:
        return f"{self.part} is unavailable; try again shortly"
