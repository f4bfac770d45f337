" ALE linter: jdlint's language server for html buffers (see autoload/jdlint/ale.vim).
call jdlint#ale#Define('html', 'html')
