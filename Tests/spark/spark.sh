#!/usr/bin/env bash
# Spark for the tests and `playloop run --engine spark` on this machine: pyspark from PyPI
# (it brings `spark-sql` in its bin folder) in a private virtual environment, .build/spark-venv,
# installed when missing; it needs Java 17 (Debian: openjdk-17-jre-headless, installed when
# missing) and python3-venv.
#   Tests/spark/spark.sh home   # installs what is missing, prints SPARK_HOME
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=.build/spark-venv
VERSION=4.3.0
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

install() {
  if ! command -v java >/dev/null; then
    echo "Installing openjdk-17-jre-headless…" >&2
    $SUDO apt-get update -qq >&2
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >&2
  fi
  if ! "$VENV/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$VERSION')" 2>/dev/null; then
    echo "Installing pyspark $VERSION into $VENV…" >&2
    [ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV" >&2 2>/dev/null || {
      rm -rf "$VENV"
      $SUDO apt-get update -qq >&2 && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >&2
      python3 -m venv "$VENV" >&2; }
    "$VENV/bin/pip" install -q "pyspark==$VERSION" >&2
  fi
}

case "${1:-}" in
  home)
    install
    "$VENV/bin/python" -c 'import os, pyspark; print(os.path.dirname(os.path.realpath(pyspark.__file__)))'
    ;;
  *)
    echo "usage: $0 home" >&2; exit 2
    ;;
esac
