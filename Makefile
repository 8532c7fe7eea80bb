# Rocket DBaaS. `make start` runs the portal with the embedded defaults;
# `make test` runs every test. Both install what they need.
SHELL := /bin/bash

.PHONY: start test e2e bench deps tsc lint clean-state lab lab-down

## start: the lab (unless ROCKET_LAB=0) and the portal on http://localhost:3000 (backend on :7007),
## SQLite store under .rocket/, demo data
start: deps
	@mkdir -p .rocket
	@bash scripts/os-packages.sh
	@if [ "$${ROCKET_LAB:-1}" != 0 ]; then bash scripts/lab.sh up; fi
	@source scripts/env.sh && yarn start

## lab: N local servers (ROCKET_LAB_COUNT, default 6) on 127.0.10.x, each with its own sshd and host key
lab:
	@bash scripts/lab.sh up

## lab-down: stop the lab's processes and remove its state; nothing else on the machine
lab-down:
	@bash scripts/lab.sh down

## test: types, jest (PostgreSQL 15 and SQLite 3), end-to-end in Chromium; ends with the totals
test:
	@bash scripts/test.sh

## e2e: only the end-to-end tests against a throw-away portal
e2e: deps
	@bash scripts/e2e.sh

## bench: 10,000 clusters and 30,000 servers in PostgreSQL; p50/p95 of the API beside direct SQL
bench: deps
	@bash scripts/postgres.sh
	@source scripts/env.sh && cd plugins/rocket-dbaas-backend && \
	  ROCKET_BENCH=1 BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://postgres@127.0.0.1:5432/postgres \
	  yarn backstage-cli package test --ci --watchAll=false --testTimeout 600000 src/bench

deps:
	@bash scripts/deps.sh

tsc: deps
	@source scripts/env.sh && yarn tsc

lint: deps
	@source scripts/env.sh && yarn lint

## clean-state: forget the embedded store (the demo data is seeded again on the next start)
clean-state:
	rm -rf .rocket/sqlite
