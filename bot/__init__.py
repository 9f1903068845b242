"""法治问答: retrieval-augmented answers over reports on building rule-of-law government."""

from bot.index.library import IndexBusy, Library
from bot.models import Chunk, Document, Filters, Passage
from bot.settings import Settings

__all__ = ["Chunk", "Document", "Filters", "IndexBusy", "Library", "Passage", "Settings"]
