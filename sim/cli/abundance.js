#!/usr/bin/env node
// The `abundance` command (package.json "bin"): registers tsx so the TypeScript sources run without a
// build, then hands over to sim/cli/main.ts.
import { register } from 'tsx/esm/api';

register();
const { cli } = await import('./main.ts');
await cli();
