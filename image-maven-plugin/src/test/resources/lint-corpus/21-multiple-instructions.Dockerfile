FROM nginx:1.27.3-alpine
COPY nginx.conf /etc/nginx/nginx.conf
HEALTHCHECK CMD ["wget", "-qO-", "http://localhost/"]
HEALTHCHECK --interval=5s CMD ["wget", "-qO-", "http://localhost/healthz"]
ENTRYPOINT ["/docker-entrypoint.sh"]
ENTRYPOINT ["nginx"]
CMD ["-g", "daemon off;"]
CMD ["-g", "daemon off;", "-e", "stderr"]
USER nginx
EXPOSE 8080
