#!/usr/bin/env bash
# End-to-end matching benchmark (api + worker + PostgreSQL + Redis, all started here).
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run -s build
node bench/matching/bench.js
