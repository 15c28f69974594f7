# Multi-stage build on Node 20 slim.
# builder: full install, Prisma client generated, typecheck. runner: production dependencies only, non-root.
FROM node:20-slim AS builder
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json ./
# `npm install`, not `npm ci`: the lock file is written on Linux and cannot list Biome's binaries for other
# platforms, which `npm ci` refuses as "out of sync" (see .ci/run). The locked versions are installed as written.
RUN npm install --no-audit --no-fund
COPY src ./src
COPY locales ./locales
COPY content ./content
RUN npm run typecheck

FROM node:20-slim AS runner
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
# postinstall runs `prisma generate` (prisma and tsx are runtime dependencies); no dev dependencies.
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=builder /app/src ./src
COPY --from=builder /app/locales ./locales
COPY --from=builder /app/content ./content
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
VOLUME ["/app/data"]
# Migrations are applied by the app at start-up (src/db/migrations.ts, through the WASM schema engine).
CMD ["node", "--import", "tsx", "src/main.ts"]
