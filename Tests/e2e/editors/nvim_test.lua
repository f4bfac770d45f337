-- Neovim end-to-end test of Editors/neovim against the real `jdlint lsp`.
-- Run by Tests/e2e/editors/run:
--   nvim --headless -u NONE -i NONE -n -c 'luafile Tests/e2e/editors/nvim_test.lua'
-- Environment: JDLINT_BIN, JDLINT_EDITORS (the Editors directory), JDLINT_WORK (a scratch directory holding copies
-- of the fixtures), JDLINT_EXPECTED (the fully fixed text). Exits 0 when every check passes, 1 otherwise.
-- Waits are event-based (vim.wait on a condition fed by DiagnosticChanged / buffer changes) with a 5 s deadline.

local DEADLINE = 5000
local passed, failed = 0, 0
local errors = {}

local function out(msg) io.stdout:write(msg .. "\n") end

local function check(ok, what, detail)
  if ok then
    passed = passed + 1
    out("ok   " .. what)
  else
    failed = failed + 1
    out("FAIL " .. what .. (detail and (": " .. detail) or ""))
  end
  return ok
end

local function finish()
  -- Errors from LSP handlers do not stop a script: they surface as ERROR notifications or in v:errmsg.
  check(#errors == 0, "no error messages", table.concat(errors, " | "))
  check(vim.v.errmsg == "", "v:errmsg is empty", vim.v.errmsg)
  out(("%d passed, %d failed"):format(passed, failed))
  io.stdout:flush()
  if failed > 0 then vim.cmd("cquit 1") else vim.cmd("qall!") end
end

local ok_run, run_err = pcall(function()
  local bin = assert(os.getenv("JDLINT_BIN"), "JDLINT_BIN is not set")
  local editors = assert(os.getenv("JDLINT_EDITORS"), "JDLINT_EDITORS is not set")
  local work = assert(os.getenv("JDLINT_WORK"), "JDLINT_WORK is not set")
  local expected = table.concat(vim.fn.readfile(assert(os.getenv("JDLINT_EXPECTED")), "b"), "\n")

  local notify = vim.notify
  vim.notify = function(msg, level, opts)
    if level and level >= vim.log.levels.WARN then table.insert(errors, tostring(msg)) end
    return notify(msg, level, opts)
  end

  -- As a user's init.lua would: the plugin directory on 'runtimepath', then setup().
  vim.opt.runtimepath:prepend(editors .. "/neovim")
  vim.cmd("filetype on")
  local jdlint = require("jdlint")
  jdlint.setup({ cmd = { bin, "lsp" } })

  local changes = 0
  vim.api.nvim_create_autocmd("DiagnosticChanged", { callback = function() changes = changes + 1 end })

  local function jd(bufnr)
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.source == "jdlint" then table.insert(list, d) end
    end
    table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
    return list
  end

  -- Waits for a DiagnosticChanged event after `seen` and then for `n` jdlint diagnostics.
  local function wait_diagnostics(bufnr, seen, n)
    local done = vim.wait(DEADLINE, function() return changes > seen and #jd(bufnr) == n end, 10)
    return done
  end

  local function describe(list)
    local s = {}
    for _, d in ipairs(list) do
      table.insert(s, ("%d:%d-%d:%d %s"):format(d.lnum, d.col, d.end_lnum or -1, d.end_col or -1, tostring(d.code)))
    end
    return table.concat(s, ", ")
  end

  ---------------------------------------------------------------------------------------------------------------
  -- Scenario 1: diagnostics, positions, a quick fix through vim.lsp.buf.code_action(), fix-all, write.
  local path = work .. "/barista.txt"
  local seen = changes
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  check(vim.bo.filetype == "text", "a .txt file has filetype text", vim.bo.filetype)
  local attached = vim.wait(DEADLINE, function() return jdlint.client(buf) ~= nil end, 10)
  check(attached, "jdlint attached to the buffer")

  check(wait_diagnostics(buf, seen, 4), "4 diagnostics arrive within 5 s", describe(jd(buf)))
  -- Byte columns (Neovim's own unit): line 3 has "é" and "ë" (2 bytes each) before the finding; line 5 starts
  -- with U+1F31F (4 bytes, 2 UTF-16 units) and has "ë".
  local want = {
    { 2, 26, 2, 27, "grammar/indefinite-article", vim.diagnostic.severity.ERROR },
    { 3, 37, 3, 40, "grammar/repeated-word", vim.diagnostic.severity.WARN },
    { 4, 17, 4, 18, "grammar/indefinite-article", vim.diagnostic.severity.ERROR },
    { 8, 32, 8, 33, "grammar/indefinite-article", vim.diagnostic.severity.ERROR },
  }
  local got = jd(buf)
  local same = #got == #want
  for i, w in ipairs(want) do
    local d = got[i]
    if not d or d.lnum ~= w[1] or d.col ~= w[2] or d.end_lnum ~= w[3] or d.end_col ~= w[4] or d.code ~= w[5]
        or d.severity ~= w[6] then
      same = false
    end
  end
  check(same, "diagnostic positions, codes and severities", describe(got))

  -- Hover on the finding of line 5 explains the rule.
  vim.api.nvim_win_set_cursor(0, { 5, 17 })
  local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", vim.lsp.util.make_position_params(), DEADLINE)
  local hover_text = ""
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then
      hover_text = type(r.result.contents) == "table" and (r.result.contents.value or "") or tostring(r.result.contents)
    end
  end
  check(hover_text:find("indefinite%-article") ~= nil, "hover on a finding names its rule", hover_text:sub(1, 80))

  -- The quick fix, as a user picks it from the code-action menu (vim.ui.select) with the cursor on the finding.
  local offered = {}
  local select = vim.ui.select
  vim.ui.select = function(items, opts, on_choice)
    local choice
    for _, item in ipairs(items) do
      local action = item[2]
      table.insert(offered, action.title)
      if action.kind == "quickfix" and action.isPreferred and action.title:find("to “an”", 1, true) then choice = item end
    end
    on_choice(choice)
  end
  local tick = vim.api.nvim_buf_get_changedtick(buf)
  seen = changes
  vim.lsp.buf.code_action()
  local applied = vim.wait(DEADLINE, function() return vim.api.nvim_buf_get_changedtick(buf) ~= tick end, 10)
  vim.ui.select = select
  check(applied, "the article quick fix was applied", table.concat(offered, " | "))
  local has_disable = false
  for _, t in ipairs(offered) do
    if t:find("Disable grammar/indefinite-article for this line", 1, true) then has_disable = true end
  end
  check(has_disable, "the code-action menu offers 'Disable … for this line'", table.concat(offered, " | "))
  local line5 = vim.api.nvim_buf_get_lines(buf, 4, 5, false)[1]
  check(line5 == "🌟 Zoë offers an annual bonus, free meals and a flexible schedule.", "line 5 after the quick fix", line5)
  check(wait_diagnostics(buf, seen, 3), "3 diagnostics after the quick fix", describe(jd(buf)))

  -- Fix all (source.fixAll.jdlint) through the module, then :write.
  seen = changes
  local n, err = jdlint.fix_all(buf)
  check(err == nil and n and n >= 3, "fix-all returned the remaining edits", tostring(n) .. " " .. tostring(err))
  check(wait_diagnostics(buf, seen, 0), "no diagnostics after fix-all", describe(jd(buf)))
  vim.cmd("write")
  local written = table.concat(vim.fn.readfile(path, "b"), "\n")
  check(written == expected, "the written file is the expected fixed text", written)

  ---------------------------------------------------------------------------------------------------------------
  -- Scenario 2: formatting (= every safe fix) on a fresh copy, through vim.lsp.buf.formatting_sync().
  local path2 = work .. "/barista-format.txt"
  seen = changes
  vim.cmd("edit " .. vim.fn.fnameescape(path2))
  local buf2 = vim.api.nvim_get_current_buf()
  check(wait_diagnostics(buf2, seen, 4), "4 diagnostics in the second copy", describe(jd(buf2)))
  if vim.lsp.buf.format then vim.lsp.buf.format({ timeout_ms = DEADLINE }) else vim.lsp.buf.formatting_sync(nil, DEADLINE) end
  vim.cmd("write")
  local formatted = table.concat(vim.fn.readfile(path2, "b"), "\n")
  check(formatted == expected, "formatting gives the expected fixed text", formatted)

  ---------------------------------------------------------------------------------------------------------------
  -- Scenario 3: a Markdown buffer in the same project reuses the server and gets diagnostics.
  local path3 = work .. "/notes.md"
  seen = changes
  vim.cmd("edit " .. vim.fn.fnameescape(path3))
  local buf3 = vim.api.nvim_get_current_buf()
  check(vim.bo.filetype == "markdown", "a .md file has filetype markdown", vim.bo.filetype)
  check(wait_diagnostics(buf3, seen, 1), "1 diagnostic in the Markdown file", describe(jd(buf3)))
  local c1, c3 = jdlint.client(buf), jdlint.client(buf3)
  check(c1 and c3 and c1.id == c3.id, "one server for the project")

  ---------------------------------------------------------------------------------------------------------------
  -- Scenario 4: setup{ fix_on_save = true }: :write applies every safe fix first.
  jdlint.setup({ cmd = { bin, "lsp" }, fix_on_save = true })
  local path4 = work .. "/barista-save.txt"
  seen = changes
  vim.cmd("edit " .. vim.fn.fnameescape(path4))
  local buf4 = vim.api.nvim_get_current_buf()
  check(wait_diagnostics(buf4, seen, 4), "4 diagnostics in the third copy", describe(jd(buf4)))
  vim.cmd("write")
  local saved = table.concat(vim.fn.readfile(path4, "b"), "\n")
  check(saved == expected, "fix_on_save: :write writes the fixed text", saved)
end)

if not ok_run then
  failed = failed + 1
  out("FAIL the test script raised an error: " .. tostring(run_err))
end
finish()
