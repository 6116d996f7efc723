// Builds the web app (api/web, React + antd) into api/web/dist with Vite; run by
// `npm install` (postinstall) and `npm run build:web`. Where the build tools were left out
// (npm ci --omit=dev for a runtime image built elsewhere) it says so and leaves the
// existing build alone.
const path = require('node:path');

async function main() {
  let vite;
  try {
    vite = await import('vite');
  } catch {
    console.log('web app: vite is not installed here (npm install without --omit=dev builds it); skipped');
    return;
  }
  const started = Date.now();
  await vite.build({ configFile: path.join(__dirname, '..', 'api', 'web', 'vite.config.mts'), logLevel: 'warn' });
  console.log(`web app: built into api/web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
