# syntax=docker/dockerfile:1
# One image for the dashboard (`lbipam start`, the default) and the ARP/NDP agent (`lbipam agent`).
#   docker build -t lbipam-dashboard:0.1.0 .
#   docker run --rm -p 127.0.0.1:3000:3000 lbipam-dashboard:0.1.0 start --demo --host 0.0.0.0 \
#     -e LBIPAM_AUTH=none     # the demo, on this machine only (see docs/operations.md)
# Not Next's standalone server.js: it would answer without the dashboard's own gate (the Host
# allow-list, sign-in, CSRF, 405s — cli/start.ts), so the image runs `lbipam start` on the
# production build with the production dependencies alone.

ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only (optional ones stay: Next's native parts are optional packages).
# SWC's native binary (~100 MB) only compiles: the production server runs without it (next.config is
# plain JavaScript), checked by serving the demo from exactly this layout.
RUN npm ci --omit=dev --no-audit --no-fund && rm -rf node_modules/@next/swc-*

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build && rm -rf .next/cache

FROM ${NODE_IMAGE} AS runtime
# arping (2.x) and ndisc6 for the agent; iproute2 for `ip -j addr` (which interface holds a subnet).
RUN apt-get update \
  && apt-get install -y --no-install-recommends arping ndisc6 iproute2 ca-certificates \
  && rm -rf /var/lib/apt/lists/* \
  && groupadd --gid 10001 lbipam && useradd --uid 10001 --gid lbipam --no-create-home --shell /usr/sbin/nologin lbipam
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
COPY package.json next.config.mjs tsconfig.json instrumentation.ts ./
COPY bin ./bin
COPY cli ./cli
COPY lib ./lib
COPY app ./app
COPY components ./components
USER 10001:10001
EXPOSE 3000
ENTRYPOINT ["node", "bin/lbipam.mjs"]
CMD ["start"]
