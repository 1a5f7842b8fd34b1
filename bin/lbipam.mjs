#!/usr/bin/env node
// The `lbipam` command. The CLI is TypeScript like the rest of the code; tsx loads it on the fly
// (scoped to this import, so Next's own loading in `lbipam start` is untouched).
import './v8-server.mjs';
import { tsImport } from 'tsx/esm/api';

process.env.NEXT_TELEMETRY_DISABLED ??= '1';
const { main } = await tsImport('../cli/main.ts', import.meta.url);
const code = await main(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
