// A pre-annotation worker thread started from sources (tests under tsx); bundles start themselves instead (see defaultWorkerScript).
import { serveAnnotationWorker } from './annotateWorker';

serveAnnotationWorker();
