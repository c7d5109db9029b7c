#!/usr/bin/env bash
# Provisions the real Kafka clients and the reference Apache Kafka broker used by the
# interop harness (packages/interop). Idempotent: every step is skipped when its inputs
# (package lists, pom files, Java sources, native package.json) have not changed since it
# last succeeded, so a warm run takes a few seconds.
#
#   bash .ci/provision.sh            # as root on a fresh Debian machine, or again any time
#
# Cache directory: $TIDELINE_CACHE, else <repo>/.cache/interop. Layout:
#   jars/{broker,clients-3.9,clients-4}/*.jar  Maven runtime classpaths (from packages/interop/java/*/pom.xml)
#   classes/{3.9,4}/                           KafkaCli compiled against each kafka-clients version
#   native/node_modules/@confluentinc/kafka-javascript   built with CKJS_LINKING=dynamic
#   stamps/                                    input hashes of completed steps
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INTEROP="$ROOT/packages/interop"
CACHE="${TIDELINE_CACHE:-$ROOT/.cache/interop}"
mkdir -p "$CACHE/stamps"
export DEBIAN_FRONTEND=noninteractive

log() { printf '[provision] %s\n' "$*" >&2; }
t0=$(date +%s)

# stamp_ok NAME HASH: true when step NAME already succeeded with these inputs.
stamp_ok() { [[ -f "$CACHE/stamps/$1" && "$(cat "$CACHE/stamps/$1")" == "$2" ]]; }
stamp_set() { printf '%s' "$2" >"$CACHE/stamps/$1"; }
hash_of() { cat "$@" | sha256sum | cut -c1-16; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root for: $*"; return 1; fi
}

# --- 1. Debian packages --------------------------------------------------------------
APT_PKGS=(kcat librdkafka-dev libzstd-dev liblz4-dev libssl-dev zlib1g-dev
  python3-kafka python3-confluent-kafka)
command -v java >/dev/null || APT_PKGS+=(openjdk-17-jre-headless)
command -v javac >/dev/null || APT_PKGS+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || APT_PKGS+=(maven)
missing=()
for p in "${APT_PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  log "apt: installing ${missing[*]}"
  # apt-cache knows nothing (or an old list) before an update on a fresh machine.
  if ! apt-cache policy "${missing[@]}" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    as_root apt-get update -qq
  fi
  if ! as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  log "apt: all present"
fi
# Debian's Python Kafka clients import only under the system interpreter.
if [[ -x /usr/bin/python3 ]] && ! /usr/bin/python3 -c 'import kafka, confluent_kafka' 2>/dev/null; then
  log "warning: /usr/bin/python3 cannot import kafka / confluent_kafka"
fi

# --- 2. Workspace npm dependencies (kafkajs is a devDependency of @tideline/interop) ---
if ! (cd "$INTEROP" && node -e "import('kafkajs').then(()=>0,()=>process.exit(1))" 2>/dev/null); then
  log "npm: workspace dependencies missing; running npm install"
  (cd "$ROOT" && flock /tmp/tideline-npm.lock npm install --no-audit --no-fund --loglevel=error)
fi

# --- 3. Maven classpaths ---------------------------------------------------------------
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
for cp in broker clients-3.9 clients-4; do
  pom="$INTEROP/java/$cp/pom.xml"
  h=$(hash_of "$pom")
  if stamp_ok "jars-$cp" "$h" && [[ -d "$CACHE/jars/$cp" ]]; then continue; fi
  log "maven: resolving $cp"
  rm -rf "$CACHE/jars/$cp.tmp"
  mvn -q -B -Dstyle.color=never -f "$pom" "$DEP_PLUGIN:copy-dependencies" -DincludeScope=runtime \
    -DoutputDirectory="$CACHE/jars/$cp.tmp" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d' >&2
  rm -rf "$CACHE/jars/$cp"
  mv "$CACHE/jars/$cp.tmp" "$CACHE/jars/$cp"
  stamp_set "jars-$cp" "$h"
done

# --- 4. The Java CLI (KafkaCli), compiled against each client version ----------------
SRC=$(find "$INTEROP/java/src" -name '*.java' | sort)
for v in 3.9 4; do
  # shellcheck disable=SC2086
  h=$(hash_of $SRC "$INTEROP/java/clients-$v/pom.xml")
  if stamp_ok "classes-$v" "$h" && [[ -d "$CACHE/classes/$v" ]]; then continue; fi
  log "javac: KafkaCli against clients-$v"
  rm -rf "$CACHE/classes/$v" && mkdir -p "$CACHE/classes/$v"
  # shellcheck disable=SC2086
  javac -nowarn -encoding UTF-8 --release 11 -cp "$CACHE/jars/clients-$v/*" -d "$CACHE/classes/$v" $SRC
  stamp_set "classes-$v" "$h"
done

# --- 5. @confluentinc/kafka-javascript, built against the system librdkafka -----------
NATIVE_PKG="$INTEROP/native/package.json"
h=$(hash_of "$NATIVE_PKG" <(node -p 'process.versions.modules'))
CKJS_DIR="$CACHE/native/node_modules/@confluentinc/kafka-javascript"
if ! stamp_ok native "$h" || [[ ! -d "$CKJS_DIR" ]]; then
  log "npm: building @confluentinc/kafka-javascript (CKJS_LINKING=dynamic, takes ~2 min cold)"
  mkdir -p "$CACHE/native"
  cp "$NATIVE_PKG" "$CACHE/native/package.json"
  (cd "$CACHE/native" && CKJS_LINKING=dynamic flock /tmp/tideline-npm.lock \
    npm install --prefix "$CACHE/native" --no-audit --no-fund --no-package-lock --loglevel=error)
  stamp_set native "$h"
fi
# A smoke load catches a build against a librdkafka that has since changed.
if ! (cd "$CACHE/native" && node -e "require('@confluentinc/kafka-javascript')" 2>/dev/null); then
  log "error: @confluentinc/kafka-javascript does not load; delete $CACHE/stamps/native and retry"
  exit 1
fi

log "done in $(($(date +%s) - t0))s (cache: $CACHE)"
