// The web app (React + antd, built by Vite into api/web/dist) served under /app/, and the
// earlier plain pages under /classic/ while the new app takes over their journeys.
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { publicTaskKinds } from '../../domain/taskKinds';

const built = path.join(__dirname, '..', 'web', 'dist');

export function webRoutes(): Router {
  const router = Router();
  // Hashed assets never change under their name; index.html is asked for fresh each time.
  router.use('/app/assets', express.static(path.join(built, 'assets'), { immutable: true, maxAge: '365d' }));
  router.use('/app', express.static(built, { index: 'index.html', maxAge: 0 }));
  router.get('/app', (_req, res) => {
    if (!fs.existsSync(path.join(built, 'index.html')))
      res
        .status(503)
        .type('text/plain')
        .send('The web app is not built: run `npm run build:web` (npm install does it).');
  });
  const taskKindsScript = `window.TASK_KINDS = ${JSON.stringify(publicTaskKinds())};\n`;
  router.get('/classic/task-kinds.js', (_req, res) => {
    res.type('text/javascript').send(taskKindsScript);
  });
  router.use('/classic', express.static(path.join(__dirname, '..', 'classic'), { index: 'index.html', maxAge: 0 }));
  return router;
}
