; shed's additions to tree-sitter-html 0.23.2's highlights.
; Character references (&amp;) were left plain.

(entity) @string.escape
