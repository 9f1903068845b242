"""法治问答: retrieval-augmented answers over reports on building rule-of-law government."""

from .library import IndexBusy, Library
from .models import Chunk, Document, Passage
from .retrieve import Filters
from .settings import Settings

__all__ = ["Chunk", "Document", "Filters", "IndexBusy", "Library", "Passage", "Settings"]
