FROM ruby:3.3.6-slim-bookworm
RUN apt-get update -qq && apt-get install -y build-essential libpq-dev nodejs && rm -rf /var/lib/apt/lists/*
WORKDIR /rails
COPY . .
RUN bundle install --jobs 4
RUN bundle exec rails assets:precompile
EXPOSE 3000
CMD bundle exec rails server -b 0.0.0.0
