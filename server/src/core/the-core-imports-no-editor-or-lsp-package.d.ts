// The core imports no editor or LSP package: the language server (server/src/lsp/) translates. See the README, "Where things are".
