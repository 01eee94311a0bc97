#!/usr/bin/env bash
# The compose file, run: build the images, start everything, one analysis through the gateway, stop.
# Where Docker (with compose) is absent it skips, saying so. Needs the jars (./mvnw -DskipTests package).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v docker >/dev/null 2>&1 || ! docker compose version >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
  echo "SKIPPED deploy/smoke.sh: no Docker engine with compose on this machine"
  exit 0
fi
project="shabdam-smoke-$$"
env_file="$(mktemp)"
key="sk-smoke-$RANDOM$RANDOM"
sed -e "s/^SHABDAM_API_KEYS=.*/SHABDAM_API_KEYS=smoke:$key/" "$here/.env.example" >"$env_file"
compose=(docker compose -p "$project" --env-file "$env_file" -f "$here/docker-compose.yml")
trap '"${compose[@]}" down -v >/dev/null 2>&1 || true; rm -f "$env_file" /tmp/$project.wav' EXIT
"${compose[@]}" up --build -d --wait --wait-timeout 600
ffmpeg -loglevel error -y -f lavfi -i "sine=frequency=220:duration=3" "/tmp/$project.wav"
answer=$(curl -fsS -H "X-Api-Key: $key" -F "file=@/tmp/$project.wav" 'http://127.0.0.1:8080/voice/analyze?wait=120')
echo "$answer" | grep -q '"status":"COMPLETED"' || { echo "deploy/smoke.sh: the analysis did not complete: $answer" >&2; exit 1; }
echo "deploy/smoke.sh: an analysis completed through docker compose"
