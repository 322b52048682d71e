import { benchBatchCommands } from './batchCommands';
void benchBatchCommands(false, process.argv[2]!.split(',').map(Number));
