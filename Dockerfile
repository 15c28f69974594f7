# Multi-stage build on Node 20 slim. NOT exercised here: these machines have no Docker engine (see README "Docker").
# builder: full install, Prisma client generated, `npm run build` compiles TypeScript to dist/ and bundles the entries.
# runner: production dependencies and dist/ only, non-root, HEALTHCHECK on /healthz.
FROM node:20-slim AS builder
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts tsconfig*.json ./
# `npm install`, not `npm ci`: the lock file is written on Linux and cannot list Biome's binaries for other
# platforms, which `npm ci` refuses as "out of sync" (see .ci/run). The locked versions are installed as written.
RUN npm install --no-audit --no-fund
COPY src ./src
COPY locales ./locales
COPY content ./content
# The bundler's script (dist/main.js and dist/worker.js are one file each).
COPY tools/bundle.ts ./tools/
RUN npm run build

FROM node:20-slim AS runner
ENV NODE_ENV=production
# /healthz, /readyz and /metrics (and the webhook in BOT_MODE=webhook) listen here.
ENV PORT=8080
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
# postinstall runs `prisma generate`; no dev dependencies.
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=builder /app/dist ./dist
COPY --from=builder /app/locales ./locales
COPY --from=builder /app/content ./content
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains (README "Production"); give it SHUTDOWN_TIMEOUT_SECONDS (25 s) plus a margin: stop_grace_period.
STOPSIGNAL SIGTERM
# The bot, with the heap sizes of `npm start` (README, Performance: a heap of ~60-70 MB under load; V8 lets it grow
# to four times that unless its limit is modest); the worker runs the same flags with dist/worker.js. Migrations
# are applied at start-up.
CMD ["node", "--max-old-space-size=512", "--max-semi-space-size=8", "dist/main.js"]
