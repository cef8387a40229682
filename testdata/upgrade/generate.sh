#!/usr/bin/env bash
# Regenerates the upgrade fixtures in this directory: state-vN.db.gz, for every state-store schema
# version N before the newest, is a SQLite state store migrated to exactly N by the migration runner
# (Migrator.migrateTo) with a device, its twin and (from V4) a device template written with that
# version's SQL. SqliteUpgradeTest opens each with the current version.
#
# Run it from anywhere after adding a migration (store/src/main/resources/db/state/migrations.txt),
# then commit the new fixture. Existing fixtures are rewritten with the same content.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
./mvnw -B -ntp -q -pl store -am test -Dtest=UpgradeFixtures -Dsurefire.failIfNoSpecifiedTests=false \
  -Dopencentral.upgradeFixtures="$here"
ls -l "$here"/state-v*.db.gz
