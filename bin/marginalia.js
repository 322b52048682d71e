#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(`marginalia: ${cli} is missing; build it with 'npm run build' in ${path.dirname(__dirname)}\n`);
  process.exit(1);
}
require(cli);
