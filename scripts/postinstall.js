// `npm install` / `npm ci`: the Temporal binaries (scripts/installTemporal.js), the Prisma
// client, the web app. A runtime install without dev packages (npm ci --omit=dev, after
// `npm run build` elsewhere) has no prisma CLI and no vite: those steps say so and step aside.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const run = (script, args = []) => execFileSync(process.execPath, [script, ...args], { stdio: 'inherit' });

run(path.join(__dirname, 'installTemporal.js'));
let prismaCli;
try {
  prismaCli = require.resolve('prisma/build/index.js');
} catch {
  console.log('prisma client: the prisma CLI is not installed here (a runtime install); using the built client');
}
if (prismaCli) run(prismaCli, ['generate']);
run(path.join(__dirname, 'buildWeb.js'));
