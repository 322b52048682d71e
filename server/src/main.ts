// Entry of dist/server.js, which the VS Code extension starts over IPC.
import { startServer } from './server';

startServer();
