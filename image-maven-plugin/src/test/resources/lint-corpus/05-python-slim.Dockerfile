FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1

RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpq5=15.10-0+deb12u1 \
      curl=7.88.1-10+deb12u8 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .

RUN useradd --create-home --uid 10001 app
USER 10001
EXPOSE 8000
HEALTHCHECK --interval=30s CMD ["curl", "-fsS", "http://localhost:8000/health"]
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.wsgi:application"]
