// The web app (pages for every role) served by the API itself: static files, no build
// step, talking to the JSON API. `/` opens it unless the embedded stack mounts its landing page.
import path from 'node:path';
import express, { Router } from 'express';

export function webRoutes(): Router {
  const router = Router();
  router.use('/app', express.static(path.join(__dirname, '..', 'web'), { index: 'index.html', maxAge: 0 }));
  return router;
}
