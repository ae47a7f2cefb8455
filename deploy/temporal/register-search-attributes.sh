#!/bin/sh
# Registers Đôn Đốc's custom search attributes in a Temporal namespace.
# docker-compose.yml runs it once per `up` (service temporal-search-attributes, image
# temporalio/admin-tools) before the apps start; it can be run again at any time.
#
#   register-search-attributes.sh Name=Type [Name=Type ...]
#
# Types are the Temporal CLI's: Keyword, Text, Int, Double, Bool, Datetime, KeywordList.
# Environment: TEMPORAL_ADDRESS (host:port, required), TEMPORAL_NAMESPACE (default
# "default"), WAIT_SECONDS (how long to wait for the server, default 300).
#
# Idempotent: an attribute already registered with the same type is left alone. One
# registered with another type is an error, because Temporal cannot change the type
# of a search attribute in place (see deploy/README.md).
set -eu

: "${TEMPORAL_ADDRESS:?TEMPORAL_ADDRESS must be set (host:port of the Temporal frontend)}"
namespace="${TEMPORAL_NAMESPACE:-default}"
wait_seconds="${WAIT_SECONDS:-300}"

if [ "$#" -eq 0 ]; then
  echo "usage: $0 Name=Type [Name=Type ...]" >&2
  exit 64
fi
for pair in "$@"; do
  case "$pair" in
    [A-Za-z]*=[A-Za-z]*) ;;
    *)
      echo "bad argument '${pair}': expected Name=Type" >&2
      exit 64
      ;;
  esac
done

lower() { printf '%s' "$1" | tr '[:upper:]' '[:lower:]'; }

# Runs "$@" until it succeeds or wait_seconds have passed.
retry() {
  what="$1"
  shift
  waited=0
  until "$@" >/dev/null 2>&1; do
    if [ "$waited" -ge "$wait_seconds" ]; then
      echo "gave up after ${wait_seconds}s waiting for ${what}; last attempt:" >&2
      "$@" >&2 || true
      return 1
    fi
    sleep 2
    waited=$((waited + 2))
  done
}

list_attributes() {
  temporal operator search-attribute list --address "$TEMPORAL_ADDRESS" --namespace "$namespace"
}

# Listing works only once the server is up and its namespace cache knows the namespace
# (what Temporal's auto-setup waits for, too).
echo "waiting for namespace ${namespace} at ${TEMPORAL_ADDRESS}"
retry "namespace ${namespace}" list_attributes
existing="$(list_attributes)"
registered_type() {
  # `search-attribute list` prints a table: Name, then Type.
  printf '%s\n' "$existing" | awk -v name="$1" '$1 == name { print $2; exit }'
}

# First check every attribute, so a conflict changes nothing at all.
failed=0
for pair in "$@"; do
  name="${pair%%=*}"
  type="${pair#*=}"
  current="$(registered_type "$name")"
  if [ -n "$current" ] && [ "$(lower "$current")" != "$(lower "$type")" ]; then
    echo "${name} is registered as ${current}, but Đôn Đốc needs ${type}" >&2
    failed=1
  fi
done
if [ "$failed" -ne 0 ]; then
  exit 1
fi

probe=""
for pair in "$@"; do
  name="${pair%%=*}"
  type="${pair#*=}"
  if [ -n "$(registered_type "$name")" ]; then
    echo "${name} (${type}) is already registered"
  else
    echo "creating ${name} (${type})"
    temporal operator search-attribute create --address "$TEMPORAL_ADDRESS" --namespace "$namespace" \
      --name "$name" --type "$type"
  fi

  # A visibility query that names the attribute: it fails until the server knows it.
  case "$(lower "$type")" in
    int | double) clause="${name} >= 0" ;;
    datetime) clause="${name} > '2000-01-01T00:00:00Z'" ;;
    bool) clause="${name} = true" ;;
    *) clause="${name} = '__dondoc_probe__'" ;;
  esac
  probe="${probe:+${probe} AND }${clause}"
done

# Temporal's frontend caches search attributes; wait until visibility queries accept
# every attribute, so the apps never start workflows the server would still reject.
echo "waiting until visibility accepts: ${probe}"
retry "visibility to accept every attribute" \
  temporal workflow count --address "$TEMPORAL_ADDRESS" --namespace "$namespace" --query "$probe"
echo "search attributes ready in namespace ${namespace}: $*"
