# One image for the api, the worker and the migration job; the command picks the role.
FROM node:20-bookworm-slim
WORKDIR /app
# Chromium and the CJK fonts print the result sheets (考评表) to PDF with Chinese text embedded.
RUN apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk \
  && rm -rf /var/lib/apt/lists/*
ENV CHROMIUM_PATH=/usr/bin/chromium
ENV NODE_ENV=production
# The Temporal binaries are not needed in the image: compose runs its own Temporal server.
ENV TEMPORAL_CLI_PATH=/bin/true TEMPORAL_TEST_SERVER_PATH=/bin/true
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json ./
RUN npm ci --no-audit --no-fund
COPY domain ./domain
COPY workflows ./workflows
COPY activities ./activities
COPY api ./api
USER node
EXPOSE 3000
CMD ["npm", "run", "api"]
