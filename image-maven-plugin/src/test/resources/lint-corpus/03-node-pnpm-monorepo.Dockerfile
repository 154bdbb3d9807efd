# syntax=docker/dockerfile:1.7
ARG NODE_VERSION=20.18.1

FROM node:${NODE_VERSION}-alpine AS base
ENV PNPM_HOME=/pnpm
ENV PATH="$PNPM_HOME:$PATH"
RUN corepack enable

FROM base AS deps
WORKDIR /repo
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY apps/web/package.json apps/web/
COPY packages/ui/package.json packages/ui/
RUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install --frozen-lockfile

FROM deps AS build
COPY . .
RUN pnpm --filter web build \
 && pnpm deploy --filter web --prod /out

FROM node:20.18.1-alpine@sha256:9e4b2c7a1d3f5e6b8c0a2d4f6e8b0c2d4f6a8b0c2e4d6f8a0b2c4d6e8f0a2b4c
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build --chown=node:node /out .
USER node
EXPOSE 3000
HEALTHCHECK CMD ["node", "healthcheck.js"]
CMD ["node", "server.js"]
