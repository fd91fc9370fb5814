// Stops `npm install`, `npm start`, `npm run build`, `npm run dev` and `npm test` early, with a
// clear message, on a Node.js older than the one package.json's "engines" names (npm itself only
// warns). It must run on old Node versions, so it uses nothing newer than Node 12 understands.
//
// ROUND_TRIP_NODE_VERSION=20.20.2 node scripts/check-node.mjs   (pretend to be another version)
import { readFileSync } from 'fs';

var packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
var range = (packageJson.engines && packageJson.engines.node) || '';
var wanted = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
if (!wanted) {
  process.stderr.write(
    'check-node: package.json "engines.node" should read ">=x.y.z", not "' + range + '"\n',
  );
  process.exit(2);
}

var current = (process.env.ROUND_TRIP_NODE_VERSION || process.versions.node).replace(/^v/, '');
var have = /^(\d+)\.(\d+)\.(\d+)/.exec(current);

function isOlder(a, b) {
  for (var i = 1; i <= 3; i++) {
    if (Number(a[i]) !== Number(b[i])) return Number(a[i]) < Number(b[i]);
  }
  return false;
}

if (!have || isOlder(have, wanted)) {
  var needed = wanted[1] + '.' + wanted[2] + '.' + wanted[3];
  process.stderr.write(
    [
      '',
      'Round Trip needs Node.js ' +
        needed +
        ' or newer; this is Node.js ' +
        current +
        ' (' +
        process.execPath +
        ').',
      '',
      'Install Node.js ' + wanted[1] + ' and run the command again:',
      '  with nvm:   nvm install ' + wanted[1] + ' && nvm use ' + wanted[1],
      '  or get it from https://nodejs.org/en/download',
      '',
    ].join('\n') + '\n',
  );
  process.exit(1);
}
