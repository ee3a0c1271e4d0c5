#!/usr/bin/env bash
# Adds an EF Core migration for the platform tables to every database provider at once.
# Usage: scripts/add-migration.sh NameOfChange
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NameOfChange}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql SqlServer; do
  dotnet ef migrations add "$name" \
    --project "platform/Platform.Data.$provider" --startup-project "platform/Platform.Data.$provider" \
    --context PlatformDbContext --output-dir Migrations
done
