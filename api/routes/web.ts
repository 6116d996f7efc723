// The web app (pages for every role) served by the API itself: static files, no build
// step, talking to the JSON API. `/` opens it unless the embedded stack mounts its landing page.
import path from 'node:path';
import express, { Router } from 'express';
import { publicTaskKinds } from '../../domain/taskKinds';

export function webRoutes(): Router {
  const router = Router();
  // The task-kind registry as the pages read it: names and form fields of every kind.
  const taskKindsScript = `window.TASK_KINDS = ${JSON.stringify(publicTaskKinds())};\n`;
  router.get('/app/task-kinds.js', (_req, res) => {
    res.type('text/javascript').send(taskKindsScript);
  });
  router.use('/app', express.static(path.join(__dirname, '..', 'web'), { index: 'index.html', maxAge: 0 }));
  return router;
}
