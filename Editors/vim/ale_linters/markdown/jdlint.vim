" ALE linter: jdlint's language server for markdown buffers (see autoload/jdlint/ale.vim).
call jdlint#ale#Define('markdown', 'markdown')
