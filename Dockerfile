# One image for the api, the worker and the migration job; the command picks the role.
# Stage 1 builds (npm run build: compiled JavaScript, the workflows bundled, the web app);
# stage 2 holds only the runtime packages and dist/, and runs as the unprivileged `node` user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# The Temporal binaries are not needed to build: compose runs its own Temporal server.
ENV TEMPORAL_CLI_PATH=/bin/true TEMPORAL_TEST_SERVER_PATH=/bin/true
COPY . .
RUN npm ci --no-audit --no-fund && npm run build

FROM node:20-bookworm-slim
# Chromium and the CJK fonts print the result sheets (考评表) to PDF with Chinese text embedded.
RUN apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production CHROMIUM_PATH=/usr/bin/chromium
WORKDIR /app
COPY package.json package-lock.json scripts/pruneRuntime.js ./
# Runtime packages only; no install scripts (the Prisma client and the web app are in dist/).
# pruneRuntime drops what npm installs but nothing loads (the prisma CLI and typescript as
# optional peers, other platforms' binaries): about 720 MB of packages become 400 MB.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force \
  && node pruneRuntime.js node_modules && rm pruneRuntime.js
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/scripts/api.js"]
