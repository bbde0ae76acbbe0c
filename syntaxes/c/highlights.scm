; shed's additions to tree-sitter-c 0.23.6's highlights (cpp inherits them too).
; Upstream names "." and ";" @delimiter, a name no other grammar uses; themes style
; punctuation.delimiter.

[
  "."
  ";"
] @punctuation.delimiter
