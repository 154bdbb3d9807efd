FROM python:latest
ENV API_KEY=abc123
RUN apt-get update
RUN apt-get install python3-dev gcc
WORKDIR app
COPY . .
RUN pip install -r requirements.txt
CMD ["python", "main.py"]
