"""Start 法治问答: index the bundled seeds (incrementally), then serve the web UI at / and the API at /api/v1."""

from __future__ import annotations

import argparse
import sys

import gradio as gr
import uvicorn

from bot import Library, Settings
from bot.api import create_app
from bot.ui import create_ui


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", help="bind address (default: $BOT_HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default: $BOT_PORT or 7860)")
    args = parser.parse_args()
    overrides = {key: value for key, value in (("host", args.host), ("port", args.port)) if value is not None}
    settings = Settings(**overrides)

    library = Library(settings)
    report = library.index([settings.seeds_dir])
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    print(f"{len(library.documents())} report(s) indexed in {settings.data_dir}", file=sys.stderr)

    app = gr.mount_gradio_app(create_app(library), create_ui(library), path="/")
    print(f"web UI: http://{settings.host}:{settings.port}/  API: http://{settings.host}:{settings.port}/api/v1/docs")
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
