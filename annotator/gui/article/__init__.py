"""The article: its view, the highlighter that paints spans, UTF-16 <-> code point offsets,
the find bar (what it finds and steps through: handlers.find)."""
