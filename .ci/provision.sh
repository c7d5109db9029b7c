#!/usr/bin/env bash
# Provisions the real Kafka clients and the reference Apache Kafka broker used by the
# interop harness (packages/interop). Idempotent: every step is skipped when its inputs
# (package lists, pom files, Java sources, native package.json) have not changed since it
# last succeeded, so a warm run takes a few seconds.
#
#   bash .ci/provision.sh            # as root on a fresh Debian machine, or again any time
#
# Cache directory: $TIDELINE_CACHE, else <repo>/.cache/interop. Layout:
#   jars/{broker,clients-3.9,clients-4,clients-4.4,avro}/*.jar  Maven runtime classpaths (from packages/interop/java/*/pom.xml)
#   classes/{3.9,4,4.4}/                       KafkaCli compiled against each kafka-clients version
#   librdkafka/{lib,include}/                  librdkafka built from the source inside the npm package
#                                              below (Debian's kcat runs on it via LD_LIBRARY_PATH)
#   native/node_modules/@confluentinc/kafka-javascript   its addon linked to librdkafka/lib (rpath)
#   librdkafka-tests/tests/test-runner         librdkafka's own integration test runner, built from that
#                                              package's deps/librdkafka (the conformance suite)
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
APT_PKGS=(kcat build-essential pkg-config libzstd-dev liblz4-dev libssl-dev zlib1g-dev
  python3-kafka python3-confluent-kafka
  redis-server redis-tools nats-server  # these three: benchmark peers (bench/systems.bench.mjs)
  prometheus  # promtool and a Prometheus server: the metrics tests (packages/broker/test/metrics*.test.ts, ops/)
  postgresql  # event-sourcing read models and Emmett's PostgreSQL store (tests and bench/eventsourcing-read)
  chromium)  # the console's browser tests (packages/console/test, driven by playwright-core)
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
  # The tests start their own Prometheus (free port, temp storage); the package's system service
  # (port 9090) is not wanted where systemd started it.
  if [[ " ${missing[*]} " == *" prometheus "* ]] && command -v systemctl >/dev/null && systemctl is-active --quiet prometheus 2>/dev/null; then
    as_root systemctl disable --now prometheus >/dev/null 2>&1 || log "warning: could not stop the prometheus service"
  fi
else
  log "apt: all present"
fi
# Debian's Python Kafka clients import only under the system interpreter.
if [[ -x /usr/bin/python3 ]] && ! /usr/bin/python3 -c 'import kafka, confluent_kafka' 2>/dev/null; then
  log "warning: /usr/bin/python3 cannot import kafka / confluent_kafka"
fi

# PostgreSQL for the event-sourcing tests: a running cluster on 127.0.0.1:5432, database `test`,
# local TCP connections trusted (a CI machine; TIDELINE_PG_URL points elsewhere when set).
if [[ -z "${TIDELINE_PG_URL:-}" ]] && command -v pg_lsclusters >/dev/null; then
  ver=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
  hba="/etc/postgresql/$ver/main/pg_hba.conf"
  if [[ -n "$ver" && -f "$hba" ]] && ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    log "postgresql: trusting local TCP connections ($hba)"
    as_root sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
    as_root pg_ctlcluster "$ver" main reload 2>/dev/null || true
  fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432 && [[ -n "$ver" ]]; then
    as_root pg_ctlcluster "$ver" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  if pg_isready -q -h 127.0.0.1 -p 5432 && ! psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
    psql -h 127.0.0.1 -U postgres -d postgres -c 'CREATE DATABASE test' >/dev/null 2>&1 || log "warning: could not create the PostgreSQL database test"
  fi
  pg_isready -q -h 127.0.0.1 -p 5432 || log "warning: PostgreSQL is not answering on 127.0.0.1:5432"
fi

# --- 2. Workspace npm dependencies (kafkajs is a devDependency of @tideline/interop) ---
if ! (cd "$INTEROP" && node -e "import('kafkajs').then(()=>0,()=>process.exit(1))" 2>/dev/null); then
  log "npm: workspace dependencies missing; running npm install"
  (cd "$ROOT" && flock /tmp/tideline-npm.lock npm install --no-audit --no-fund --loglevel=error)
fi

# --- 3. Maven classpaths ---------------------------------------------------------------
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
for cp in broker clients-3.9 clients-4 clients-4.4 avro; do
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
for v in 3.9 4 4.4; do
  # shellcheck disable=SC2086
  h=$(hash_of $SRC "$INTEROP/java/clients-$v/pom.xml")
  if stamp_ok "classes-$v" "$h" && [[ -d "$CACHE/classes/$v" ]]; then continue; fi
  log "javac: KafkaCli against clients-$v"
  rm -rf "$CACHE/classes/$v" && mkdir -p "$CACHE/classes/$v"
  # shellcheck disable=SC2086
  javac -nowarn -encoding UTF-8 --release 11 -cp "$CACHE/jars/clients-$v/*" -d "$CACHE/classes/$v" $SRC
  stamp_set "classes-$v" "$h"
done

# --- 5. librdkafka and @confluentinc/kafka-javascript ----------------------------------
# The npm package carries librdkafka's source (deps/librdkafka; its version is the package.json
# "librdkafka" field). It is built once into <cache>/librdkafka against Debian's zlib, zstd, lz4
# and OpenSSL (no libcurl, no Cyrus SASL: OIDC and GSSAPI are off; never --install-deps, which
# downloads), then the addon is linked to it (BUILD_LIBRDKAFKA=0 and an rpath), and the harness
# runs Debian's kcat with LD_LIBRARY_PATH=<cache>/librdkafka/lib (librdkafka keeps its ABI
# within .so.1). Debian's librdkafka (2.0.2) stays what the Python client uses. Both are built
# aside and swapped in, so tests running meanwhile keep the previous build.
NATIVE_PKG="$INTEROP/native/package.json"
CKJS_VERSION=$(node -p "require(process.argv[1]).dependencies['@confluentinc/kafka-javascript']" "$NATIVE_PKG")
CKJS_DIR="$CACHE/native/node_modules/@confluentinc/kafka-javascript"
RDK="$CACHE/librdkafka"
JOBS=$(nproc)
# quietly LOG CMD...: runs CMD with its output in LOG, shown (the tail) only when it fails.
quietly() {
  local out=$1; shift
  if ! "$@" >"$out" 2>&1; then tail -n 40 "$out" >&2; log "failed: $* (log: $out)"; return 1; fi
}
# swap_in NEW DIR: replaces DIR by NEW.
swap_in() { rm -rf "$2.old"; if [[ -e $2 ]]; then mv "$2" "$2.old"; fi; mv "$1" "$2"; rm -rf "$2.old"; }

# 5a. librdkafka into <cache>/librdkafka, from the package tarball (npm's cache serves it to 5b).
RDK_FLAGS=(--enable-zlib --enable-zstd --enable-lz4-ext --enable-ssl --disable-curl --disable-gssapi)
h=$(printf '%s\n' "$CKJS_VERSION" "$RDK" "${RDK_FLAGS[@]}" | sha256sum | cut -c1-16)
if ! stamp_ok librdkafka "$h" || [[ ! -f "$RDK/lib/librdkafka.so.1" ]]; then
  ts=$(date +%s)
  work="$CACHE/librdkafka-build"
  rm -rf "$work" && mkdir -p "$work"
  (cd "$work" && npm pack --silent "@confluentinc/kafka-javascript@$CKJS_VERSION" >/dev/null && tar xzf ./*.tgz)
  src="$work/package/deps/librdkafka"
  log "librdkafka $(node -p "require(process.argv[1]).librdkafka" "$work/package/package.json"):" \
    "building into $RDK (make -j$JOBS, ~2 min on 2 cores)"
  # The rpath makes librdkafka++.so.1 load this librdkafka.so.1 rather than Debian's.
  (cd "$src" && LDFLAGS="-Wl,-rpath,$RDK/lib" quietly "$work/configure.log" \
    ./configure --prefix="$RDK" --libdir="$RDK/lib" "${RDK_FLAGS[@]}")
  (cd "$src" && quietly "$work/make.log" make -j"$JOBS" libs \
    && quietly "$work/install.log" make install-subdirs DESTDIR="$work/dest")
  swap_in "$work/dest$RDK" "$RDK"
  rm -rf "$work"
  stamp_set librdkafka "$h"
  log "librdkafka: built in $(($(date +%s) - ts))s"
fi
RDK_VERSION=$(sed -n 's/^Version: *//p' "$RDK/lib/pkgconfig/rdkafka.pc")

# 5b. The addon, against that librdkafka, in its own npm prefix. npm install runs no scripts
# (node-pre-gyp would try to download a prebuilt binary); npm rebuild then builds from source.
# binding.gyp puts Debian's header dir first with -I: -iquote dirs are searched before -I ones
# for the addon's #include "rdkafka.h".
h=$(hash_of "$NATIVE_PKG" <(node -p 'process.versions.modules') "$CACHE/stamps/librdkafka")
ADDON="$CKJS_DIR/build/Release/confluent-kafka-javascript.node"
if ! stamp_ok native "$h" || [[ ! -f "$ADDON" ]]; then
  log "npm: building @confluentinc/kafka-javascript $CKJS_VERSION against librdkafka $RDK_VERSION (~1 min)"
  ts=$(date +%s)
  new="$CACHE/native.new"
  rm -rf "$new" && mkdir -p "$new"
  cp "$NATIVE_PKG" "$new/package.json"
  (cd "$new" && flock /tmp/tideline-npm.lock npm install --prefix "$new" --ignore-scripts \
    --no-audit --no-fund --no-package-lock --loglevel=error)
  (cd "$new" && BUILD_LIBRDKAFKA=0 CKJS_LINKING=dynamic npm_config_build_from_source=true JOBS="$JOBS" \
    CXXFLAGS="-iquote $RDK/include/librdkafka" LDFLAGS="-L$RDK/lib -Wl,-rpath,$RDK/lib" \
    quietly "$CACHE/native-build.log" npm rebuild --prefix "$new" --foreground-scripts @confluentinc/kafka-javascript)
  swap_in "$new" "$CACHE/native"
  rm -f "$CACHE/native-build.log"
  stamp_set native "$h"
  log "npm: addon built in $(($(date +%s) - ts))s"
fi
# 5c. librdkafka's integration tests (tests/test-runner), built from the package's own
# deps/librdkafka with the same flags into <cache>/librdkafka-tests: the conformance suite that
# packages/interop/src/librdkafka-tests.ts runs against Tideline. The tests are never copied
# into the repository; this copy of the source is where they are compiled and run from.
RDT="$CACHE/librdkafka-tests"
h=$(printf '%s\n' "$CKJS_VERSION" "${RDK_FLAGS[@]}" | sha256sum | cut -c1-16)
if ! stamp_ok librdkafka-tests "$h" || [[ ! -x "$RDT/tests/test-runner" ]]; then
  log "librdkafka tests: building the test runner (make -j$JOBS, ~3 min on 2 cores)"
  ts=$(date +%s)
  new="$CACHE/librdkafka-tests.new"
  rm -rf "$new" && cp -r "$CKJS_DIR/deps/librdkafka" "$new"
  (cd "$new" && quietly "$CACHE/librdkafka-tests-configure.log" ./configure "${RDK_FLAGS[@]}")
  (cd "$new" && quietly "$CACHE/librdkafka-tests-make.log" make -j"$JOBS" libs \
    && quietly "$CACHE/librdkafka-tests-build.log" make -C tests -j"$JOBS" build)
  swap_in "$new" "$RDT"
  rm -f "$CACHE"/librdkafka-tests-*.log
  stamp_set librdkafka-tests "$h"
  log "librdkafka tests: built in $(($(date +%s) - ts))s"
fi

# Smoke checks: the addon and kcat both run the librdkafka built above.
got=$(cd "$CACHE/native" && node -p "require('@confluentinc/kafka-javascript').librdkafkaVersion" 2>/dev/null || true)
if [[ "$got" != "$RDK_VERSION" ]]; then
  log "error: @confluentinc/kafka-javascript loads librdkafka '${got:-nothing}', not $RDK_VERSION;" \
    "delete $CACHE/stamps/native and retry"
  exit 1
fi
got=$(LD_LIBRARY_PATH="$RDK/lib" kcat -V 2>&1 | sed -n 's/.*librdkafka \([0-9][0-9.]*\).*/\1/p')
if [[ "$got" != "$RDK_VERSION" ]]; then
  log "error: kcat with LD_LIBRARY_PATH=$RDK/lib reports librdkafka '${got:-nothing}', not $RDK_VERSION"
  exit 1
fi

log "done in $(($(date +%s) - t0))s (cache: $CACHE)"
