FROM node:20.18.1-slim
ARG NPM_TOKEN
ARG GITHUB_TOKEN_FILE=/run/secrets/gh
ENV DB_PASSWORD=changeme \
    DB_HOST=db.internal
ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
ENV SESSION_SECRET s3cr3t-value
ENV JWT_PUBLIC_KEY_PATH=/etc/keys/jwt.pub
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
USER node
CMD ["node", "index.js"]
