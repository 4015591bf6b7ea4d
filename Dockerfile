# Médiacommuns: one image for the website (`serve`, the default) and the workers (`worker`),
# and for one-off commands (`docker compose run --rm worker ingest /incoming/programme.csv`).

FROM node:20-bookworm-slim AS base
WORKDIR /app

# Compiled JavaScript: the TypeScript compiler is a dev dependency, so it runs here only.
FROM base AS build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npx tsc -p tsconfig.json

# Production packages only. smart-whisper (speech-to-text) compiles whisper.cpp: the project's
# script applies its fixes and this CPU's vector instructions (build the image on the kind of
# machine the workers run on). Build tools stay in this stage; Node's headers come from the image.
FROM base AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends g++ make python3 \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local
COPY package.json package-lock.json ./
COPY scripts/build-whisper.sh ./scripts/
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && bash scripts/build-whisper.sh

FROM base AS runtime
# The tools the pipeline runs: ffmpeg/ffprobe, poppler (PDF pages and text), Tesseract with its
# French model (slide and scanned-page OCR), the font slides and posters are drawn with, and
# espeak-ng (the sample edition's voices).
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg espeak-ng poppler-utils tesseract-ocr tesseract-ocr-fra fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    DATA_DIR=/var/lib/mediacommuns
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY views ./views
# Work in progress, caches and local state live in DATA_DIR (the archive itself is in S3):
# owned by the unprivileged user, so a named volume mounted there inherits that ownership.
RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/mediacommuns --create-home --shell /usr/sbin/nologin mediacommuns
USER mediacommuns
EXPOSE 3000
ENTRYPOINT ["node", "bin/mediacommuns.js"]
CMD ["serve"]
