// A worker thread (pre-annotation, export) started from sources (tests under tsx); bundles start themselves instead (see defaultWorkerScript).
import { serveMarginaliaWorker } from './workerEntry';

serveMarginaliaWorker();
