"""The article: its view, the highlighter that paints spans, UTF-16 <-> code point offsets, find."""
