; shed's additions to the markdown grammar's highlights.
; The package's queries use nvim-treesitter's old text.* capture names; these give the same
; nodes the markup.* names that tree-sitter's other highlighters and shed's themes use (the last
; matching pattern wins).

(atx_heading
  (inline) @markup.heading)

(setext_heading
  (paragraph) @markup.heading)

[
  (indented_code_block)
  (fenced_code_block)
] @markup.raw.block

(info_string) @label

(link_destination) @markup.link.url

[
  (link_label)
  (link_title)
] @markup.link.label

[
  (list_marker_plus)
  (list_marker_minus)
  (list_marker_star)
  (list_marker_dot)
  (list_marker_parenthesis)
] @markup.list

[
  (task_list_marker_checked)
  (task_list_marker_unchecked)
] @markup.list

(block_quote) @markup.quote
