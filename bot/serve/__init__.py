"""The three doors: the service the API and the web page share, the HTTP API, the Gradio page, access control."""
