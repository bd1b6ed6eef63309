-- Headless Neovim smoke test of the ISMS language server (Neovim 0.7+).
--
-- Run:
--   ISMS_FIXTURE=/tmp/copy-of-examples-flawed ISMS_RESULT=/tmp/result.json \
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/editors/lsp-check.lua'
--
-- Environment:
--   ISMS_FIXTURE    folder of *.isms files (required); the workspace root
--   ISMS_RESULT     where to write the JSON result (required)
--   ISMS_SERVER     path of dist/server.js (default: <repo>/dist/server.js)
--   ISMS_FILE       file to open, relative to the fixture (default: risks.isms)
--   ISMS_REFERENCE  text of the line whose last word is hovered and followed
--                   to its definition (default: "owner it-admin")
--   ISMS_SETTINGS   JSON of the `isms` settings section
--                   (default: {"asOf":"2026-11-27"})
--   ISMS_TIMEOUT_MS bound of every wait (default: 20000)
--   ISMS_NAVIGATION 0: skip the hover and definition requests (default: 1)
--   ISMS_USE_INIT   1: do not start the server; the init file (nvim -u FILE,
--                   e.g. the Neovim 0.7 configuration of docs/editors.md) must
--                   detect the filetype and start and attach a client named
--                   "isms" (ISMS_SERVER and ISMS_SETTINGS are then unused)
--
-- It starts the server with vim.lsp.start_client (the API of 0.7; 0.8+ also
-- has vim.lsp.start), attaches it to the buffer of ISMS_FILE, waits until the
-- diagnostics of that buffer have settled, requests textDocument/hover and
-- textDocument/definition on the reference, writes the JSON result and quits.
-- The exit code is 0 when every step worked, 1 on a Lua error, 2 when a step
-- timed out or failed (the result file says which, under "errors").

local uv = vim.loop
local result = { errors = {}, nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch) }

local function env(name, default)
  local value = os.getenv(name)
  if value == nil or value == '' then return default end
  return value
end

local function script_dir()
  local source = debug.getinfo(1, 'S').source
  if source:sub(1, 1) == '@' then source = source:sub(2) end
  return vim.fn.fnamemodify(source, ':p:h')
end

local function write_result()
  local path = env('ISMS_RESULT')
  if not path then return end
  local file = assert(io.open(path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
end

local function fail(message)
  table.insert(result.errors, message)
end

local function now_ms()
  return uv.hrtime() / 1e6
end

-- The markdown of a hover result (MarkupContent, MarkedString or a list of them).
local function hover_text(contents)
  if contents == nil or contents == vim.NIL then return nil end
  if type(contents) == 'string' then return contents end
  if contents.value ~= nil then return contents.value end
  local parts = {}
  for _, part in ipairs(contents) do
    table.insert(parts, type(part) == 'string' and part or part.value)
  end
  return table.concat(parts, '\n')
end

-- Locations of a definition result (Location, Location[] or LocationLink[]).
local function locations(found)
  if found == nil or found == vim.NIL then return {} end
  if found.uri or found.targetUri then found = { found } end
  local out = {}
  for _, location in ipairs(found) do
    local uri = location.uri or location.targetUri
    local range = location.range or location.targetSelectionRange
    table.insert(out, {
      uri = uri,
      path = vim.uri_to_fname(uri),
      file = vim.fn.fnamemodify(vim.uri_to_fname(uri), ':t'),
      line = range.start.line + 1,
      range = range,
    })
  end
  return out
end

-- One request to the ISMS client, bounded; the result of that client.
local function request(bufnr, client, method, params, timeout)
  if not client.supports_method(method) then
    fail(method .. ': the server does not announce this capability')
    return nil
  end
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
  if responses == nil then
    fail(method .. ': ' .. tostring(err or 'no response') .. ' after ' .. timeout .. ' ms')
    return nil
  end
  local response = responses[client.id]
  if response == nil then
    fail(method .. ': no response from the ISMS server')
    return nil
  end
  if response.err or response.error then
    fail(method .. ': ' .. vim.inspect(response.err or response.error))
    return nil
  end
  return response.result
end

local function main()
  local fixture = env('ISMS_FIXTURE')
  if not fixture then error('ISMS_FIXTURE is not set') end
  if not env('ISMS_RESULT') then error('ISMS_RESULT is not set') end
  fixture = vim.fn.fnamemodify(fixture, ':p'):gsub('/$', '')
  local server = env('ISMS_SERVER', script_dir() .. '/../../dist/server.js')
  server = vim.fn.fnamemodify(server, ':p')
  local file = fixture .. '/' .. env('ISMS_FILE', 'risks.isms')
  local reference = env('ISMS_REFERENCE', 'owner it-admin')
  local settings = vim.fn.json_decode(env('ISMS_SETTINGS', '{"asOf":"2026-11-27"}'))
  local timeout = tonumber(env('ISMS_TIMEOUT_MS', '20000'))
  local use_init = env('ISMS_USE_INIT') == '1'
  if not use_init and vim.fn.filereadable(server) == 0 then error('no server at ' .. server .. ' (run npm run build)') end
  if vim.fn.filereadable(file) == 0 then error('no file ' .. file) end
  result.file = file
  if not use_init then result.settings = settings end

  -- Keep ~/.local/state and ~/.cache clean: only errors go to lsp.log (0.7 has no OFF).
  if not use_init then vim.lsp.set_log_level(vim.log.levels.OFF or 'ERROR') end

  -- Note every publication of diagnostics for our file, to wait until they settle.
  local uri = vim.uri_from_fname(file)
  local published, last_publish = 0, 0
  local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
    if params and params.uri == uri then
      published = published + 1
      last_publish = now_ms()
    end
    return publish(err, params, ctx, config)
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  uri = vim.uri_from_bufnr(bufnr)

  local exited, client_id
  if use_init then
    -- The init file (the Neovim 0.7 configuration of docs/editors.md) detects
    -- the filetype and starts and attaches the server itself.
    result.filetype = vim.bo[bufnr].filetype
    vim.wait(timeout, function()
      for id, candidate in pairs(vim.lsp.buf_get_clients(bufnr)) do
        if candidate.name == 'isms' then client_id = id end
      end
      return client_id ~= nil
    end, 20)
    if not client_id then
      fail('the init file attached no client named isms to ' .. file .. ' (filetype "' .. vim.bo[bufnr].filetype .. '")')
      return
    end
  else
    -- With -u NONE there is no filetype detection; the filetype is the languageId of didOpen.
    vim.bo[bufnr].filetype = 'isms'
    client_id = vim.lsp.start_client({
      name = 'isms',
      cmd = { 'node', server, '--stdio' },
      root_dir = fixture,
      settings = { isms = settings },
      -- Neovim 0.7 answers workspace/configuration from `settings` but does not
      -- announce that it can, so the server never asks: push the settings, as
      -- nvim-lspconfig does (Neovim 0.8+ does it by itself).
      on_init = function(client)
        client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
      end,
      on_exit = function(code, signal) exited = { code = code, signal = signal } end,
    })
    if not client_id then error('vim.lsp.start_client failed') end
    vim.lsp.buf_attach_client(bufnr, client_id)
  end

  local started = vim.wait(timeout, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return exited ~= nil or (client ~= nil and client.initialized == true)
  end, 20)
  if exited then error('the server exited during initialize: ' .. vim.inspect(exited)) end
  if not started then
    fail('initialize: no answer after ' .. timeout .. ' ms')
    return
  end
  local client = vim.lsp.get_client_by_id(client_id)
  result.root = client.config.root_dir

  -- Diagnostics: wait for a non-empty publication, then for 750 ms of quiet.
  local settled = vim.wait(timeout, function()
    return exited ~= nil or (published > 0 and #vim.diagnostic.get(bufnr) > 0 and now_ms() - last_publish >= 750)
  end, 50)
  if exited then error('the server exited: ' .. vim.inspect(exited)) end
  if not settled then fail('diagnostics: none settled after ' .. timeout .. ' ms (' .. published .. ' publications)') end
  result.publications = published
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(result.diagnostics, {
      code = d.code or lsp.code,
      line = d.lnum + 1,
      col = d.col + 1,
      severity = vim.diagnostic.severity[d.severity],
      source = d.source,
      message = d.message,
    })
  end
  table.sort(result.diagnostics, function(a, b)
    if a.line ~= b.line then return a.line < b.line end
    if a.col ~= b.col then return a.col < b.col end
    return tostring(a.code) < tostring(b.code)
  end)

  if env('ISMS_NAVIGATION', '1') ~= '1' then return end

  -- The reference: the last word of the first line that contains ISMS_REFERENCE.
  local word = reference:match('(%S+)%s*$')
  local position
  for index, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local at = line:find(reference, 1, true)
    if at then
      local character = at - 1 + #reference - #word + 1 -- one character into the word
      position = { line = index - 1, character = character }
      break
    end
  end
  if not position then error('no line of ' .. file .. ' contains "' .. reference .. '"') end
  result.position = { line = position.line + 1, character = position.character, word = word }
  local params = { textDocument = { uri = uri }, position = position }

  local hover = request(bufnr, client, 'textDocument/hover', params, timeout)
  if hover ~= nil and hover ~= vim.NIL then
    result.hover = { markdown = hover_text(hover.contents), range = hover.range }
  elseif hover == vim.NIL then
    fail('textDocument/hover: null result')
  end

  local definition = request(bufnr, client, 'textDocument/definition', params, timeout)
  if definition ~= nil then
    result.definition = locations(definition)
    if #result.definition == 0 then fail('textDocument/definition: no location') end
  end
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  result.fatal = tostring(err)
  table.insert(result.errors, tostring(err))
end
local wrote, write_err = pcall(write_result)
if not wrote then io.stderr:write('lsp-check: cannot write the result: ' .. tostring(write_err) .. '\n') end
for _, message in ipairs(result.errors) do io.stderr:write('lsp-check: ' .. message .. '\n') end

-- Stop the server before leaving, so that no node process outlives Neovim.
for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 20)

if not ok or not wrote then
  vim.cmd('cquit 1')
elseif #result.errors > 0 then
  vim.cmd('cquit 2')
else
  vim.cmd('qa!')
end
