#!/usr/bin/env bash
# Installs every build and test dependency of Runlens from Debian 12 packages.
# The only place in the project that installs anything; safe to run repeatedly.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config ccache clang-format
    # Qt 6 and charts
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev libgl-dev libqcustomplot-dev
    # storage and formats
    libsqlite3-dev sqlite3 libprotobuf-dev protobuf-compiler libyaml-cpp-dev zlib1g-dev
    rapidjson-dev libxgboost-dev
    # tests
    catch2
    # fonts for the demo glyphs and for exported figures
    fonts-dejavu-core fonts-liberation2 fonts-freefont-ttf
    # headless screenshots and PDF checks
    xvfb xauth imagemagick poppler-utils
    # peers in benchmarks (never runtime dependencies)
    python3-pandas
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages already installed"
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
    sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q "${missing[@]}"
