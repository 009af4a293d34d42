#!/usr/bin/env node
// `npx kabinet …`: runs the TypeScript CLI (and `kabinet start`, the server) through tsx, so
// neither a clone nor a build step is needed. `tsconfig: false`: the package's sources compile
// the same way whatever tsconfig.json the working directory (the user's project) has.
import { register } from 'tsx/esm/api';

register({ tsconfig: false });
await import('./cli.ts');
