-- jdlint for Neovim: starts `jdlint lsp` for text, Markdown, HTML and JSON buffers.
--
--   require("jdlint").setup({})                       -- defaults below
--   require("jdlint").setup({ settings = { profile = "google-jobs" }, fix_on_save = true })
--
-- Works on Neovim 0.7 and later, with no plugin: one server per project root, started with
-- vim.lsp.start_client + vim.lsp.buf_attach_client (0.7–0.9) or vim.lsp.start (0.10+, where start_client is
-- deprecated). Commands: :JdlintFixAll (apply every safe fix), :JdlintRestart.
local M = {}

M.defaults = {
  -- The server command; use an absolute path if `jdlint` is not on $PATH.
  cmd = { "jdlint", "lsp" },
  filetypes = { "text", "markdown", "html", "json" },
  -- The project root is the nearest directory holding one of these (else the file's directory).
  root_markers = { ".jdlint.json", ".git" },
  -- The `jdlint` settings section: rules, profile, unsafeFixes, debounceMs (see docs/lsp.md).
  settings = {},
  -- Apply every safe fix (source.fixAll.jdlint) before each :write.
  fix_on_save = false,
  -- Milliseconds to wait for the server when fixing on save or on :JdlintFixAll.
  timeout_ms = 2000,
  -- function(client, bufnr), called when a buffer is attached.
  on_attach = nil,
  -- Extra client capabilities (merged over vim.lsp.protocol.make_client_capabilities()).
  capabilities = nil,
}

M.config = vim.deepcopy(M.defaults)
local clients = {} -- root directory -> client id
local group = nil

local uv = vim.uv or vim.loop
local modern = vim.fn.has("nvim-0.10") == 1

local function dirname(path)
  return path:match("^(.*)/[^/]*$") or "."
end

--- The project root of a file: the nearest ancestor directory holding a root marker, else the file's directory.
function M.root_dir(path)
  local dir = dirname(path)
  if dir == "" then dir = "/" end
  local d = dir
  while d and d ~= "" do
    for _, marker in ipairs(M.config.root_markers) do
      if uv.fs_stat(d .. "/" .. marker) then return d end
    end
    if d == "/" then break end
    local parent = dirname(d)
    if parent == "" then parent = "/" end
    if parent == d then break end
    d = parent
  end
  return dir
end

-- An empty Lua table would be sent as a JSON array; the server expects an object.
local function as_object(t)
  if t == nil or next(t) == nil then return vim.empty_dict() end
  return t
end

local function live_client(id)
  local client = id and vim.lsp.get_client_by_id(id)
  -- is_stopped(client): a plain function on 0.7, a method on 0.11.
  if client and not client.is_stopped(client) then return client end
  return nil
end

--- The jdlint client attached to a buffer, or nil.
function M.client(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local list = modern and vim.lsp.get_clients({ bufnr = bufnr, name = "jdlint" }) or vim.lsp.buf_get_clients(bufnr)
  for _, client in pairs(list) do
    if client.name == "jdlint" then return client end
  end
  return nil
end

--- Every safe fix of the buffer (unsafe ones too when settings.unsafeFixes is true), applied synchronously.
--- Returns the number of text edits applied, or nil and an error message.
function M.fix_all(bufnr, timeout_ms)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = M.client(bufnr)
  if not client then return nil, "jdlint is not attached to this buffer" end
  local last = vim.api.nvim_buf_line_count(bufnr)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = 0, character = 0 }, ["end"] = { line = last, character = 0 } },
    context = { only = { "source.fixAll.jdlint" }, diagnostics = {} },
  }
  local responses, err = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params,
    timeout_ms or M.config.timeout_ms)
  if not responses then return nil, "jdlint: " .. tostring(err) end
  local response = responses[client.id]
  if not response then return nil, "jdlint: no answer" end
  if response.err then return nil, "jdlint: " .. tostring(response.err.message or response.err) end
  local count = 0
  for _, action in ipairs(response.result or {}) do
    if action.kind == "source.fixAll.jdlint" and action.edit then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")
      for _, edits in pairs(action.edit.changes or {}) do count = count + #edits end
      for _, change in ipairs(action.edit.documentChanges or {}) do count = count + #(change.edits or {}) end
    end
  end
  return count
end

local function on_attach(client, bufnr)
  if M.config.fix_on_save then
    vim.api.nvim_create_autocmd("BufWritePre", {
      group = group,
      buffer = bufnr,
      desc = "jdlint: fix all on save",
      callback = function()
        local _, err = M.fix_all(bufnr)
        if err then vim.notify(err, vim.log.levels.WARN) end
      end,
    })
  end
  if M.config.on_attach then M.config.on_attach(client, bufnr) end
end

--- Starts (or reuses) the server for the buffer's project and attaches it.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.bo[bufnr].buftype ~= "" or M.client(bufnr) then return end
  local name = vim.api.nvim_buf_get_name(bufnr)
  local root = name ~= "" and M.root_dir(name) or vim.fn.getcwd()
  local client = live_client(clients[root])
  local id = client and client.id
  if not id then
    local capabilities = vim.lsp.protocol.make_client_capabilities()
    if M.config.capabilities then
      capabilities = vim.tbl_deep_extend("force", capabilities, M.config.capabilities)
    end
    local settings = as_object(M.config.settings)
    local config = {
      name = "jdlint",
      cmd = M.config.cmd,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      capabilities = capabilities,
      init_options = { jdlint = settings },
      settings = { jdlint = settings },
      on_attach = on_attach,
    }
    if modern then
      -- Starts the client, or reuses the one with the same name and root, and attaches the buffer.
      id = vim.lsp.start(config, { bufnr = bufnr })
      if id then clients[root] = id end
      return
    end
    id = vim.lsp.start_client(config)
    if not id then
      vim.notify("jdlint: could not start " .. table.concat(M.config.cmd, " "), vim.log.levels.ERROR)
      return
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts or {})
  if opts and opts.filetypes then M.config.filetypes = opts.filetypes end
  if opts and opts.root_markers then M.config.root_markers = opts.root_markers end
  if opts and opts.cmd then M.config.cmd = opts.cmd end
  group = vim.api.nvim_create_augroup("jdlint", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    desc = "jdlint: attach the language server",
    callback = function(args) M.attach(args.buf) end,
  })
  vim.api.nvim_create_user_command("JdlintFixAll", function()
    local n, err = M.fix_all(0)
    if err then vim.notify(err, vim.log.levels.ERROR) else vim.notify(("jdlint: %d edit(s)"):format(n)) end
  end, { desc = "jdlint: apply every safe fix" })
  vim.api.nvim_create_user_command("JdlintRestart", function()
    for root, id in pairs(clients) do
      if live_client(id) then vim.lsp.stop_client(id) end
      clients[root] = nil
    end
    vim.defer_fn(function()
      for _, b in ipairs(vim.api.nvim_list_bufs()) do
        if vim.api.nvim_buf_is_loaded(b) and vim.tbl_contains(M.config.filetypes, vim.bo[b].filetype) then M.attach(b) end
      end
    end, 500)
  end, { desc = "jdlint: restart the language server" })
  -- Buffers opened before setup().
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.tbl_contains(M.config.filetypes, vim.bo[b].filetype) then M.attach(b) end
  end
end

return M
