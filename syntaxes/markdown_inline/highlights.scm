; shed's additions to the markdown_inline grammar's highlights.
; The package's queries use nvim-treesitter's old text.* capture names; these give the same
; nodes the markup.* names that tree-sitter's other highlighters and shed's themes use (the last
; matching pattern wins).

(emphasis) @markup.italic

(strong_emphasis) @markup.strong

(strikethrough) @markup.strikethrough

(code_span) @markup.raw

[
  (link_destination)
  (uri_autolink)
  (email_autolink)
] @markup.link.url

[
  (link_label)
  (link_text)
  (link_title)
  (image_description)
] @markup.link.label

[
  (entity_reference)
  (numeric_character_reference)
] @string.escape
