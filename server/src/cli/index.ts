import { isMarginaliaWorker, serveMarginaliaWorker } from '../node/workerEntry';
import { main } from './main';

// The bundle is also the pre-annotation, export and corpus index worker: started as a worker thread, it serves that instead.
if (isMarginaliaWorker()) {
  serveMarginaliaWorker();
} else {
  // A closed pipe (`marginalia detect … | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });

  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`marginalia: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
