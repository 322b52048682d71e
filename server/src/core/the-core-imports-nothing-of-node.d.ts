// The core imports nothing of Node (no fs, no threads): file access goes through the shells (server/src/node/). See the README, "Where things are".
