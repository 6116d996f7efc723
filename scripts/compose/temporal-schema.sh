#!/bin/sh
# Creates or upgrades the Temporal server's two databases (history and visibility) with the
# schema of the admin-tools image's own version, as auto-setup once did. Safe on every start:
# an existing database is kept, setup-schema -v 0.0 only adds the version table, and
# update-schema applies the versions still missing.
set -eu
tool() { temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "${DB_PORT:-5432}" -u "$POSTGRES_USER" "$@"; }
tool --db temporal create || true
tool --db temporal setup-schema -v 0.0
tool --db temporal update-schema -d /etc/temporal/schema/postgresql/v12/temporal/versioned
tool --db temporal_visibility create || true
tool --db temporal_visibility setup-schema -v 0.0
tool --db temporal_visibility update-schema -d /etc/temporal/schema/postgresql/v12/visibility/versioned
echo 'Temporal schema is up to date'
