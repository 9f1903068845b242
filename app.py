"""Start 法治问答: index the bundled seeds and uploads (incrementally), then serve the web UI at /,
the iframe chat at /embed and the API at /api/v1 (docs at /api/v1/docs) with uvicorn.
"""

from __future__ import annotations

import argparse
import sys

import uvicorn

from bot import Library, Settings
from bot.serve.security import bind_host
from bot.serve.server import create_server, uvicorn_options
from bot.serve.service import Service


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", help="bind address (default: $BOT_HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default: $BOT_PORT or 7860)")
    args = parser.parse_args()
    overrides = {key: value for key, value in (("host", args.host), ("port", args.port)) if value is not None}
    settings = Settings(**overrides)
    host, notice = bind_host(settings)
    if notice:
        print(f"note: {notice}", file=sys.stderr)

    library = Library(settings)
    service = Service(library)
    report = service.index_bundled()
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    print(f"{len(library.documents())} report(s) indexed in {settings.data_dir}", file=sys.stderr)

    app = create_server(service)
    base = f"http://{host}:{settings.port}"
    print(f"web UI: {base}/  embed: {base}/embed  API: {base}/api/v1 (docs: {base}/api/v1/docs)", file=sys.stderr)
    try:
        uvicorn.run(app, host=host, port=settings.port, **uvicorn_options(settings))
    finally:
        service.close()
        library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
