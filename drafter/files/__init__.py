"""Files in and out, safely: bounded reads and a self-healing cache (``fs``), the overwrite
guard for documents a writer may have edited (``guard``), outputs planned before anything is
written and replaced atomically (``outputs``), .docx opened with bounds and verified before it is
written (``docxverify``), and a standard output that cannot be written (``streams``)."""
