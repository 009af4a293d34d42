#!/usr/bin/env node
// `npx kabinet …`: runs the TypeScript CLI through tsx, so self-hosters need no build step.
import { register } from 'tsx/esm/api';

register();
await import('./cli.ts');
