; shed's additions to tree-sitter-typescript 0.23.2's highlights for tsx.
; Upstream styles the angle brackets of type arguments (Array<string>) but not of type
; parameters (class Box<T>), which came out as comparison operators.

(type_parameters
  [
    "<"
    ">"
  ] @punctuation.bracket)
