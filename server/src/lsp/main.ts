// Entry of dist/server.js, which the VS Code extension starts over IPC.
import { isAnnotationWorker, serveAnnotationWorker } from '../node/annotateWorker';
import { isCorpusIndexWorker, serveCorpusIndexWorker } from '../node/corpusIndexWorker';
import { startServer } from './server';

// The bundle is also the pre-annotation worker ("Pre-annotate Folder"): started as a worker thread, it serves that instead.
if (isAnnotationWorker()) serveAnnotationWorker();
else if (isCorpusIndexWorker()) serveCorpusIndexWorker();
else startServer();
