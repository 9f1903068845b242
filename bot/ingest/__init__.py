"""Files → documents → chunks: read each format, clean scraped text, read metadata, split into passages."""
