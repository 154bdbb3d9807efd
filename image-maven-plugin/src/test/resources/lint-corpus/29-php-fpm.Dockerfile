FROM composer:2.8.4 AS vendor
WORKDIR /app
COPY composer.json composer.lock ./
RUN composer install --no-dev --no-scripts --prefer-dist

FROM php:8.3.14-fpm-alpine3.21
RUN apk add --no-cache icu-libs=74.2-r0 \
 && docker-php-ext-install -j"$(nproc)" opcache
COPY --from=vendor /app/vendor /var/www/html/vendor
COPY . /var/www/html
USER www-data
EXPOSE 9000
HEALTHCHECK CMD ["php-fpm", "-t"]
CMD ["php-fpm"]
