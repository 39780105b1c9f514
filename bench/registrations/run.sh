#!/usr/bin/env bash
# Benchmark of the registration endpoint. Starts its own PostgreSQL (durable commits) and Redis.
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run -s build
node bench/registrations/bench.js
