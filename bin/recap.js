#!/usr/bin/env node
// The installed `recap` command. The CLI is TypeScript compiled to dist/; this stub only finds it.
'use strict';
const path = require('node:path');

const cli = path.join(__dirname, '..', 'dist', 'electron', 'cli', 'index.js');
let entry;
try {
  entry = require(cli);
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes(cli)) {
    process.stderr.write(`recap: the CLI is not built yet (${path.relative(process.cwd(), cli) || cli} is missing). Run npm run build first.\n`);
    process.exit(2);
  }
  throw err;
}
entry.run();
