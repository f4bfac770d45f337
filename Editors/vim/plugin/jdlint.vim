" Registers the `jdlint` fixer with ALE (:ALEFix jdlint, or g:ale_fixers). The linter is found by ALE itself
" under ale_linters/{text,markdown,html}/jdlint.vim.
if exists('g:loaded_jdlint_ale')
    finish
endif
let g:loaded_jdlint_ale = 1

function! s:Register() abort
    if exists('g:loaded_ale')
        call ale#fix#registry#Add('jdlint', 'jdlint#ale#Fix', ['text', 'markdown', 'html'],
        \   'Apply every safe jdlint fix (jdlint --fix).')
    endif
endfunction

if exists('g:loaded_ale')
    call s:Register()
else
    " ALE loads after this plugin (a later 'runtimepath' entry or :packadd): register once Vim has started.
    augroup jdlint_ale
        autocmd!
        autocmd VimEnter * call s:Register()
    augroup END
endif
