// A worker thread's first module: registers tsx so the thread can load the TypeScript module that
// `workerData.entry` names, whether the parent runs under the tsx CLI, the CLI's `register()` or
// vitest (a thread inherits none of their loaders). Plain JavaScript: nothing loads it for us.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register({ tsconfig: false });
await import(workerData.entry);
