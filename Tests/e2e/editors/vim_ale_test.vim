" Vim + ALE end-to-end test of Editors/vim against the real `jdlint lsp`.
" Run by Tests/e2e/editors/run:  vim -N -u NONE -i NONE -n -es -S Tests/e2e/editors/vim_ale_test.vim
" Environment: JDLINT_BIN, JDLINT_EDITORS, JDLINT_WORK, JDLINT_EXPECTED. Exits 0 when every check passes.
" Waits: until ALE's User ALELintPost event (and the expected state) or a 5 s deadline, in 10 ms steps of :sleep
" (Vim has no event wait; :sleep runs job, channel and timer callbacks).
"
" ALE 3.3 (Debian's vim-ale) uses the LSP `character` of a position as a byte column, with no UTF-16 conversion:
" on lines with non-ASCII text before a finding its columns are off, and an edit there lands in the wrong place.
" The test therefore checks exact columns and applies the quick fix on ASCII lines, records ALE's columns on the
" non-ASCII lines, and does fix-all with the `jdlint` ALE fixer (jdlint --fix on the buffer), which is exact.

let s:passed = 0
let s:failed = 0
let s:errors = []

function! s:Out(msg) abort
  " Vim in silent Ex mode has no usable stdout: the run script prints this file.
  call writefile([a:msg], $JDLINT_WORK . '/vim-ale.out', 'a')
endfunction

function! s:Check(ok, what, ...) abort
  if a:ok
    let s:passed += 1
    call s:Out('ok   ' . a:what)
  else
    let s:failed += 1
    call s:Out('FAIL ' . a:what . (a:0 ? ': ' . a:1 : ''))
  endif
  return a:ok
endfunction

let s:lint_posts = 0
augroup jdlint_test
  autocmd!
  autocmd User ALELintPost let s:lint_posts += 1
augroup END

function! s:Wait(cond) abort
  let l:deadline = reltimefloat(reltime()) + 5.0
  while !eval(a:cond) && reltimefloat(reltime()) < l:deadline
    sleep 10m
  endwhile
  return eval(a:cond)
endfunction

function! s:Diags() abort
  let l:list = filter(copy(get(get(g:ale_buffer_info, bufnr(''), {}), 'loclist', [])), 'v:val.linter_name is# "jdlint"')
  return sort(l:list, {a, b -> a.lnum != b.lnum ? a.lnum - b.lnum : a.col - b.col})
endfunction

function! s:Describe(list) abort
  return join(map(copy(a:list), 'v:val.lnum . ":" . v:val.col . "-" . get(v:val, "end_col", -1) . " " . v:val.type . " " . get(v:val, "code", "")'), ', ')
endfunction

function! s:Read(path) abort
  return join(readfile(a:path, 'b'), "\n")
endfunction

" The code-action menu: ALE asks for a number with ale#util#Input(); answer as a user would.
let s:offered = ''
let s:pick = ''
function! s:Answer(message) abort
  let s:offered = a:message
  for l:line in split(a:message, "\n")
    let l:m = matchlist(l:line, '^\(\d\+\)) \(.*\)$')
    if !empty(l:m) && stridx(l:m[2], s:pick) >= 0
      return l:m[1]
    endif
  endfor
  return ''
endfunction

function! s:Run() abort
  let l:bin = $JDLINT_BIN
  let l:work = $JDLINT_WORK
  let l:expected = s:Read($JDLINT_EXPECTED)

  " As a user's vimrc would (see Editors/vim/README.md).
  filetype plugin on
  let g:ale_jdlint_executable = l:bin
  let g:ale_linters = {'text': ['jdlint']}
  let g:ale_fixers = {'text': ['jdlint']}
  execute 'set runtimepath+=' . fnameescape($JDLINT_EDITORS . '/vim')
  if !empty($JDLINT_ALE_DIR) && !isdirectory('/usr/share/vim/vimfiles/pack/dist-bundle/opt/ale')
    execute 'set runtimepath^=' . fnameescape($JDLINT_ALE_DIR)
    runtime plugin/ale.vim
  else
    packadd ale
  endif
  runtime plugin/jdlint.vim
  doautocmd VimEnter
  runtime autoload/ale/util.vim  " load the autoload file, then replace the prompt
  execute 'function! ale#util#Input(message, value, ...) abort' . "\n" . 'return s:Answer(a:message)' . "\n" . 'endfunction'

  let l:path = l:work . '/barista.txt'
  execute 'edit ' . fnameescape(l:path)
  call s:Check(&filetype is# 'text', 'a .txt file has filetype text', &filetype)
  call s:Check(s:Wait('len(s:Diags()) == 4'), '4 diagnostics arrive within 5 s', s:Describe(s:Diags()))
  let l:d = s:Diags()
  " Exact 1-based byte columns on ASCII lines; ALE's columns on the lines with non-ASCII text before the finding
  " (line 3: "é", "ë" → ALE says 25, the byte column is 27; line 5: U+1F31F, "ë" → ALE says 15, really 18).
  let l:want = [[3, 25, 'E', 'grammar/indefinite-article'], [4, 38, 'W', 'grammar/repeated-word'],
  \             [5, 15, 'E', 'grammar/indefinite-article'], [9, 33, 'E', 'grammar/indefinite-article']]
  let l:same = len(l:d) == len(l:want)
  for l:i in range(min([len(l:d), len(l:want)]))
    let l:w = l:want[l:i]
    if l:d[l:i].lnum != l:w[0] || l:d[l:i].col != l:w[1] || l:d[l:i].type isnot# l:w[2] || get(l:d[l:i], 'code', '') isnot# l:w[3]
      let l:same = 0
    endif
  endfor
  call s:Check(l:same, 'diagnostic lines, columns, types and codes', s:Describe(l:d))
  call s:Check(len(l:d) > 1 && get(l:d[1], 'end_col', 0) == 40, 'the repeated word ends at column 40', s:Describe(l:d))

  " The article quick fix on line 9 from :ALECodeAction's menu, with the finding ("a") selected in Visual mode.
  " (Without a selection ALE 3.3 widens the cursor to the word by searching it backwards without word bounds, so
  " for the word "a" it asks about the "a" of "year" instead.)
  execute "normal! 9G33|v\<Esc>"
  let s:pick = 'to “an”'
  let l:tick = b:changedtick
  let l:posts = s:lint_posts
  '<,'>ALECodeAction
  call s:Check(s:Wait('b:changedtick != ' . l:tick), 'the article quick fix was applied', s:offered)
  call s:Check(stridx(s:offered, 'Disable grammar/indefinite-article for this line') >= 0,
  \   "the code-action menu offers 'Disable … for this line'", s:offered)
  call s:Check(getline(9) is# '- One year of experience behind an espresso bar', 'line 9 after the quick fix', getline(9))
  " Vim fires TextChanged from its main loop, which silent Ex mode never enters: fire it as Vim would.
  doautocmd <nomodeline> TextChanged
  call s:Check(s:Wait('s:lint_posts > ' . l:posts . ' && len(s:Diags()) == 3'), '3 diagnostics after the quick fix',
  \   s:Describe(s:Diags()))

  " Fix all with the jdlint fixer, then write.
  let l:posts = s:lint_posts
  let l:tick = b:changedtick
  ALEFix jdlint
  call s:Check(s:Wait('b:changedtick != ' . l:tick), 'the jdlint fixer changed the buffer')
  write
  call s:Check(s:Wait('len(s:Diags()) == 0'), 'no diagnostics after fixing', s:Describe(s:Diags()))
  let l:written = s:Read(l:path)
  call s:Check(l:written is# l:expected, 'the written file is the expected fixed text', l:written)
endfunction

try
  call s:Run()
catch
  call s:Check(0, 'the test raised an error', v:exception . ' at ' . v:throwpoint)
endtry
call s:Check(v:errmsg is# '', 'v:errmsg is empty', v:errmsg)
call s:Out(printf('%d passed, %d failed', s:passed, s:failed))
if s:failed > 0
  cquit 1
endif
qall!
