# Shabdam API gateway (Spring Boot).
# Build from the repository root after `mvn -DskipTests package`:
#   docker build -f deploy/docker/gateway.Dockerfile -t shabdam/gateway:0.1.0-SNAPSHOT .
FROM eclipse-temurin:17-jre

# curl for the HEALTHCHECK (not every eclipse-temurin tag ships it)
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 shabdam \
 && useradd --system --uid 10001 --gid shabdam --home-dir /app --shell /usr/sbin/nologin shabdam \
 && mkdir -p /app \
 && chown shabdam:shabdam /app

WORKDIR /app
COPY --chown=shabdam:shabdam api-gateway/target/api-gateway-0.1.0-SNAPSHOT-exec.jar /app/api-gateway.jar

USER 10001:10001
ENV SHABDAM_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080

# Readiness covers Kafka, PostgreSQL and storage; Flyway migrations run before it turns UP.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fsS "http://127.0.0.1:${SHABDAM_PORT}/actuator/health/readiness" >/dev/null || exit 1

ENTRYPOINT ["java", "-jar", "/app/api-gateway.jar"]
