#!/bin/sh
# Registers the app's namespace once (the server image, unlike auto-setup, creates none).
# Retention: 30 days of closed workflows, long enough for an objection window.
set -eu
ns="${TEMPORAL_NAMESPACE:-default}"
temporal operator namespace describe -n "$ns" --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1 \
  || temporal operator namespace create -n "$ns" --retention 30d --address "$TEMPORAL_ADDRESS"
echo "namespace $ns is ready"
