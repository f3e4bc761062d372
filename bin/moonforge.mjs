#!/usr/bin/env node
// The `moonforge` command: a thin launcher for the bundled CLI (built by `npm install` through `prepare`).
import { main } from '../dist/cli.mjs';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`moonforge: internal error: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 70; },
);
