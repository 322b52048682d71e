-- Neovim 0.7 as a plain LSP client making a relation: its own code-action path (textDocument/codeAction,
-- then workspace/executeCommand with the action's command), no picker. Run from a folder holding
-- seeds/ whose article 000 has "Ukraine" (GPE) and "Flamingo" (PRODUCT) tagged.
local marginalia = vim.lsp.start_client({ name = 'marginalia', cmd = { 'node', os.getenv('MARGINALIA_CLI'), 'lsp', '--stdio' }, root_dir = vim.fn.getcwd() })
vim.cmd('edit seeds/000_d6449e741489756f.txt')
vim.lsp.buf_attach_client(0, marginalia)
local client
vim.wait(10000, function() client = vim.lsp.get_client_by_id(marginalia); return client ~= nil and client.initialized end)
local line = vim.fn.search('Ukraine plans to produce') - 1
local col = vim.fn.col('.') - 1
local params = { textDocument = vim.lsp.util.make_text_document_params(), range = { start = { line = line, character = col }, ['end'] = { line = line, character = col } }, context = { diagnostics = {} } }
local wanted = 'Link "Ukraine" → "Flamingo" as PRODUCES'
local chosen
-- The server reads the sidecar as the article opens: ask until its tags are in the list.
vim.wait(10000, function()
  local result = client.request_sync('textDocument/codeAction', params, 10000, 0)
  for _, action in ipairs(result and result.result or {}) do
    if action.title == wanted then chosen = action end
  end
  return chosen ~= nil
end, 200)
print('chosen action: ' .. (chosen and chosen.title or 'none'))
if not chosen then
  local result = client.request_sync('textDocument/codeAction', params, 10000, 0)
  for _, action in ipairs(result and result.result or {}) do print('offered: ' .. action.title) end
  vim.cmd('qa!')
end
local done = client.request_sync('workspace/executeCommand', { command = chosen.command.command, arguments = chosen.command.arguments }, 10000, 0)
print('executed: ' .. done.result.message)
local hints = client.request_sync('textDocument/inlayHint', { textDocument = vim.lsp.util.make_text_document_params(), range = { start = { line = line, character = 0 }, ['end'] = { line = line + 1, character = 0 } } }, 10000, 0)
for _, hint in ipairs(hints.result or {}) do print('inlay hint: ' .. hint.label) end
vim.cmd('qa!')
