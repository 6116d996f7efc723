// The web app (React + antd, built by Vite into api/web/dist by npm install) served under /app/.
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

const built = path.join(__dirname, '..', 'web', 'dist');

export function webRoutes(): Router {
  const router = Router();
  router.get(['/app', '/app/'], (_req, res, next) => {
    if (fs.existsSync(path.join(built, 'index.html'))) return next();
    res.status(503).type('text/plain').send('The web app is not built: run `npm run build:web` (npm install does it).');
  });
  // Hashed assets never change under their name; index.html is asked for fresh each time.
  router.use('/app/assets', express.static(path.join(built, 'assets'), { immutable: true, maxAge: '365d' }));
  router.use('/app', express.static(built, { index: 'index.html', maxAge: 0 }));
  return router;
}
