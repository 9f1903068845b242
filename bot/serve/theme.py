"""The page's look: a calm blue/grey theme for a government intranet, Chinese throughout.

Gradio's stock theme is orange, and its own words (toasts, buttons, "Loading…") follow the browser's language;
an office's browsers are not all set to Chinese, so the page declares itself zh-CN before Gradio reads the
browser's language (`HEAD`): its words come out Chinese, and `<html lang>` says what the page is in. Colours
are chosen for WCAG AA contrast (checked by axe-core in tests/test_browser_embed.py).
"""

from __future__ import annotations

import gradio as gr

# Fonts a Chinese desktop has (Windows, macOS, Linux/Debian's wqy), before the generic family: nothing is fetched.
FONTS = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "system-ui", "sans-serif")


def government_theme() -> gr.themes.Base:
    """Blue for actions and links, slate greys for surfaces and text; darker shades where text sits on colour."""
    theme = gr.themes.Default(primary_hue="blue", secondary_hue="slate", neutral_hue="slate", font=FONTS)
    return theme.set(
        button_primary_background_fill="*primary_700",
        button_primary_background_fill_hover="*primary_800",
        button_primary_text_color="white",
        button_primary_border_color="*primary_700",
        color_accent="*primary_700",
        color_accent_soft="*primary_50",
        body_text_color_subdued="*neutral_600",
        block_title_text_color="*neutral_700",
        block_label_text_color="*neutral_700",
        input_placeholder_color="*neutral_500",
        link_text_color="*primary_700",
    )


# Runs in <head>, before Gradio's scripts read the browser's language.
HEAD = """<script>
(() => {
  const chinese = { language: "zh-CN", languages: ["zh-CN", "zh"] };
  for (const [name, value] of Object.entries(chinese)) {
    Object.defineProperty(Navigator.prototype, name, { get: () => value, configurable: true });
  }
  document.documentElement.lang = "zh-CN";
})();
</script>"""

CSS = """
.embed-title { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; padding: 4px 2px 8px; }
.embed-title { border-bottom: 2px solid var(--color-accent); margin-bottom: 4px; }
.embed-title h1 { font-size: 1.15rem; margin: 0; color: var(--body-text-color); }
.embed-scope { font-weight: 600; color: var(--primary-700); }
.embed-lock { font-size: 0.85em; color: var(--body-text-color-subdued); }
#chat .message-wrap .prose.chatbot.md { opacity: 1; }  /* Gradio dims chat text to 0.8: too faint to read */
.answer-sources { margin-top: 8px; }
.answer-sources > summary { cursor: pointer; font-weight: 600; color: var(--primary-700); }
.source-meta { opacity: 1; color: var(--body-text-color-subdued); }
.note { opacity: 1; color: var(--body-text-color-subdued); }
.note.warn, .note.error, .flag-warning { color: #8a3200; }
.scope-notice { opacity: 1; color: var(--body-text-color); }
.sources-empty { opacity: 1; color: var(--body-text-color-subdued); }
"""
