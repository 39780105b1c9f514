#!/usr/bin/env bash
# Benchmark of the portal's login: private PostgreSQL and Redis, the compiled portal as a real process.
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run -s build
node bench/login/bench.js
