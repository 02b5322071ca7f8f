#!/usr/bin/env node
'use strict';
// The compiled CLI lives in lib/ (built by `npm ci` through the prepare script).
let main;
try {
  ({ main } = require('../lib/cli/main.js'));
} catch (err) {
  process.stderr.write('xeploai: chưa biên dịch — chạy "npm ci" (or "npm run build:cli") trước.\n');
  process.exit(2);
}
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
