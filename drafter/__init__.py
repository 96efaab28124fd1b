"""drafter: outlines to GB/T 9704 Word documents for 人大 offices, and a proofreader.

Library entry points (the CLI calls these):

- ``drafter.render.render_outline(path, fmt)`` -> bytes of a .docx, .md or .txt
- ``drafter.render.render_file(path, out, fmt)`` writes it atomically
- ``drafter.check.check_file(path, load_glossary())`` -> findings
"""

__version__ = "0.1.0"
