-- Neovim 0.7 as a plain LSP client of `marginalia lsp --stdio`: no plugin, no VS Code picker.
-- Run from a folder holding seeds/, with MARGINALIA_CLI naming bin/marginalia.js.
local marginalia = vim.lsp.start_client({ name = 'marginalia', cmd = { 'node', os.getenv('MARGINALIA_CLI'), 'lsp', '--stdio' }, root_dir = vim.fn.getcwd() })
vim.cmd('edit seeds/000_d6449e741489756f.txt')
vim.lsp.buf_attach_client(0, marginalia)
local client
vim.wait(10000, function() client = vim.lsp.get_client_by_id(marginalia); return client ~= nil and client.initialized end)
local line = vim.fn.search('Zelensky') - 1
local col = vim.fn.col('.') - 1
local params = { textDocument = vim.lsp.util.make_text_document_params(), range = { start = { line = line, character = col }, ['end'] = { line = line, character = col + 3 } }, context = { diagnostics = {} } }
local result = client.request_sync('textDocument/codeAction', params, 10000, 0)
local first = result.result[1]
print('first action: ' .. first.title)
local done = client.request_sync('workspace/executeCommand', { command = first.command.command, arguments = first.command.arguments }, 10000, 0)
print('executed: ' .. done.result.message)
local tokens = client.request_sync('textDocument/semanticTokens/full', { textDocument = vim.lsp.util.make_text_document_params() }, 10000, 0)
print('semantic token ints: ' .. #tokens.result.data)
vim.cmd('qa!')
