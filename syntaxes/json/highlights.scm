; shed's additions to tree-sitter-json 0.24.8's highlights.
; Upstream captures keys before (string) @string, so under tree-sitter's last-pattern-wins rule
; a key looked like any other string. Keys are properties here, as in most editors.

(pair
  key: (string) @property)
