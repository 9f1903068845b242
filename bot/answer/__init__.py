"""Question → passages → answer: what a question asks, the answer backends, the checks on what they write."""
