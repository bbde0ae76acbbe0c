; shed's additions to tree-sitter-bash 0.23.3's highlights, which leave out declarations,
; numbers, tests and most punctuation.

[
  "declare"
  "typeset"
  "local"
  "readonly"
  "unsetenv"
] @keyword

((command_name
  (word) @keyword)
 (#any-of? @keyword "return" "exit" "break" "continue"))

(number) @number

(special_variable_name) @variable.builtin

(ansi_c_string) @string

(regex) @string.special

(test_operator) @operator

[
  "||"
  "|&"
  "!"
  "="
  "=="
  "!="
  "=~"
  "+="
  "<<"
  "<<-"
  "<<<"
  "&>"
  "&>>"
  ">&"
  "<&"
  ">|"
] @operator

[
  "("
  ")"
  "(("
  "))"
  "["
  "]"
  "[["
  "]]"
  "{"
  "}"
  "$("
  "${"
  "$(("
] @punctuation.bracket

[
  ";"
  ";;"
] @punctuation.delimiter
