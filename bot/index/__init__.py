"""Chunks → index → passages: embeddings, the Chroma store and BM25 beside it, incremental indexing, hybrid search."""
