FROM python:3.12.8-alpine3.21
WORKDIR /srv
RUN <<EOF cat > /srv/app.py
print("hello")
EOF
RUN python3 <<PY
import sys
print(sys.version)
PY
ADD <<EOF /srv/notes.txt
these notes were added with ADD
EOF
USER 1000
CMD ["python3", "/srv/app.py"]
