# syntax=docker/dockerfile:1
#
# One image for every Đôn Đốc app: the API, the Temporal worker, the notifier and the
# `dondoc` CLI. docker-compose.yml picks the entry point per service, e.g.
#   node dist/apps/api/src/main.js
# See deploy/README.md.

# Node 24, the version package.json's `node` devDependency pins for npm scripts.
ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------
# build: install everything, compile with swc, bundle the workflows, drop dev deps
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true \
    NPM_CONFIG_AUDIT=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false

# Manifests first so the dependency layer is reused until they change.
# Install scripts must run: the `node` devDependency installs its binary in one,
# and `npm run build` puts node_modules/.bin (thus that binary) first on PATH.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci

# Sources (.dockerignore keeps out node_modules, dist, .tools, .dondoc, .git, .env…).
COPY . .
# swc -> dist/ (CommonJS), the prebuilt workflow bundle dist/workflow-bundle.js,
# and the web application (Vite) -> dist/apps/web, which the API serves at /.
RUN npm run build \
 && test -f dist/workflow-bundle.js \
 && test -f dist/apps/web/index.html \
 && test -f dist/apps/api/src/main.js \
 && test -f dist/apps/worker/src/main.js \
 && test -f dist/apps/cli/src/main.js \
 && test -f dist/apps/notifier/src/main.js

# Production dependencies only. This also removes the `node` package: at run time
# the base image's own Node 24 (/usr/local/bin/node) runs the apps.
RUN npm prune --omit=dev

# ---------------------------------------------------------------------------
# runtime: compiled code + production node_modules, run as the unprivileged `node` user
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="dondoc" \
      org.opencontainers.image.description="Đôn Đốc: deadline tracking, reminders and report collection (API, worker, notifier, CLI)" \
      org.opencontainers.image.licenses="MIT"

ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    DONDOC_SEEDS_DIR=/app/seeds \
    DONDOC_DATA_DIR=/var/lib/dondoc
WORKDIR /app

# Code stays owned by root (read-only for the app). package.json must be here:
# the runtime locates the repository root, and dist/workflow-bundle.js, through it.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/seeds ./seeds

# The only writable place: report files and other state (a volume in docker-compose.yml).
# A fresh named volume takes this folder's owner, so the `node` user can write to it.
RUN mkdir -p /var/lib/dondoc && chown node:node /var/lib/dondoc

# `node` (uid 1000) comes with the official image.
USER node
EXPOSE 3000

# Default: the HTTP API. docker-compose.yml sets the command of every service.
CMD ["node", "dist/apps/api/src/main.js"]
