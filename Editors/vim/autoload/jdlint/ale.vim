" jdlint for ALE: the language-server linter (`jdlint lsp`) and the `jdlint` fixer (`jdlint --fix` on the buffer).
" Options (global g:ale_jdlint_… or buffer-local b:ale_jdlint_…):
"   ale_jdlint_executable  the jdlint program (default 'jdlint')
"   ale_jdlint_settings    the `jdlint` settings section sent to the server, e.g. {'profile': 'google-jobs'}
"   ale_jdlint_fix_options extra arguments of the fixer, e.g. '--unsafe-fixes'

call ale#Set('jdlint_executable', 'jdlint')
call ale#Set('jdlint_settings', {})
call ale#Set('jdlint_fix_options', '')

" The project root: the nearest directory holding .jdlint.json or .git, else the file's directory.
function! jdlint#ale#ProjectRoot(buffer) abort
    let l:config = ale#path#FindNearestFile(a:buffer, '.jdlint.json')
    if !empty(l:config)
        return fnamemodify(l:config, ':h')
    endif
    let l:git = ale#path#FindNearestDirectory(a:buffer, '.git')
    if !empty(l:git)
        return fnamemodify(l:git, ':h:h')
    endif
    let l:name = expand('#' . a:buffer . ':p')
    return empty(l:name) ? getcwd() : fnamemodify(l:name, ':h')
endfunction

function! jdlint#ale#Settings(buffer) abort
    return {'jdlint': ale#Var(a:buffer, 'jdlint_settings')}
endfunction

" Registers the linter for one filetype (called from ale_linters/FILETYPE/jdlint.vim).
function! jdlint#ale#Define(filetype, language) abort
    call ale#linter#Define(a:filetype, {
    \   'name': 'jdlint',
    \   'lsp': 'stdio',
    \   'executable': {b -> ale#Var(b, 'jdlint_executable')},
    \   'command': '%e lsp',
    \   'project_root': function('jdlint#ale#ProjectRoot'),
    \   'language': a:language,
    \   'initialization_options': function('jdlint#ale#Settings'),
    \   'lsp_config': function('jdlint#ale#Settings'),
    \})
endfunction

" The fixer: the buffer through `jdlint --fix` (every safe fix; the same engine as the server).
function! jdlint#ale#Fix(buffer) abort
    let l:options = ale#Var(a:buffer, 'jdlint_fix_options')
    return {
    \   'command': ale#Escape(ale#Var(a:buffer, 'jdlint_executable'))
    \       . ' --fix' . (empty(l:options) ? '' : ' ' . l:options)
    \       . ' --stdin-filename %s -',
    \}
endfunction
