; shed's additions to tree-sitter-css 0.23.2's highlights.
; Upstream captures pseudo-classes before (class_name) @property, so under tree-sitter's
; last-pattern-wins rule ":hover" looked like a class name.

(pseudo_class_selector
  (class_name) @attribute)
