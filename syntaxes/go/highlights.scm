; shed's additions to tree-sitter-go 0.23.4's highlights.
; Upstream lists its function patterns before (identifier) @variable, the order for a highlighter
; where the first matching pattern wins. tree-sitter's own highlighter lets the last one win
; (since 0.21), so there every function name came out as a variable: they are repeated here.

(call_expression
  function: (identifier) @function)

((call_expression
  function: (identifier) @function.builtin)
 (#any-of? @function.builtin
   "append" "cap" "clear" "close" "complex" "copy" "delete" "imag" "len" "make" "max" "min"
   "new" "panic" "print" "println" "real" "recover"))

(call_expression
  function: (selector_expression
    field: (field_identifier) @function.method))

(function_declaration
  name: (identifier) @function)

(method_declaration
  name: (field_identifier) @function.method)
