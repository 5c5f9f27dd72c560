# attache: build with cargo, run on a slim Debian as a non-root user.
# Build: docker build -t attache .   Run: docker run -e DISCORD_TOKEN=... -v attache-data:/data attache
# The knowledge/ and locales/ baked in are the defaults; mount your own over /app/knowledge and
# /app/locales to edit them live (the bot reloads them on change).

# ---- build stage ---------------------------------------------------------------------------
FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
# Dependencies first, in a layer of their own: it is rebuilt only when Cargo.toml/Cargo.lock change.
COPY Cargo.toml Cargo.lock ./
RUN mkdir -p src benches examples \
 && echo 'fn main() {}' > src/main.rs && touch src/lib.rs \
 && for b in $(grep -A1 '^\[\[bench\]\]' Cargo.toml | sed -n 's/^name = "\(.*\)"/\1/p'); do echo 'fn main() {}' > benches/$b.rs; done \
 && cargo build --release --locked \
 && rm -rf src benches examples
COPY src ./src
COPY benches ./benches
COPY examples ./examples
RUN touch src/main.rs src/lib.rs && cargo build --release --locked --bin attache

# ---- runtime stage -------------------------------------------------------------------------
FROM debian:bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 attache \
 && useradd --system --uid 10001 --gid attache --home-dir /app --shell /usr/sbin/nologin attache \
 && mkdir -p /app /data && chown attache:attache /data
WORKDIR /app
COPY --from=build /src/target/release/attache /usr/local/bin/attache
COPY knowledge ./knowledge
COPY locales ./locales
ENV ATTACHE_KNOWLEDGE=/app/knowledge \
    ATTACHE_LOCALES=/app/locales \
    ATTACHE_DATABASE=/data/attache.db \
    ATTACHE_STATUS_FILE=/data/attache.health.json \
    RUST_LOG=info
VOLUME ["/data"]
USER attache:attache
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["attache", "healthcheck"]
ENTRYPOINT ["attache"]
CMD ["serve"]
