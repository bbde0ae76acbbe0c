; shed's additions to tree-sitter-javascript 0.23.1's highlights (typescript and tsx inherit
; them too).
; The slashes around a regex literal matched the division operator's pattern; they belong to
; the literal.

(regex
  "/" @string.special)
