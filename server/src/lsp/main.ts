// Entry of dist/server.js, which the VS Code extension starts over IPC.
import { isMarginaliaWorker, serveMarginaliaWorker } from '../node/workerEntry';
import { startServer } from './server';

// The bundle is also the worker of pre-annotation ("Pre-annotate Folder"), export and the corpus index: started as a worker thread, it serves that instead.
if (isMarginaliaWorker()) serveMarginaliaWorker();
else startServer();
