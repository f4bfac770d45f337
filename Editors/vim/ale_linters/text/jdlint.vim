" ALE linter: jdlint's language server for text buffers (see autoload/jdlint/ale.vim).
call jdlint#ale#Define('text', 'plaintext')
