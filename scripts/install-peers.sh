#!/usr/bin/env bash
# Installs the real SIP peers the end-to-end tests and benchmarks talk to (see shared peers.md):
# SIPp, baresip, linphonec, Kamailio, sipsak, tshark, espeak-ng, sox; and the reference codec
# libraries the media tests compare with or load: libopus0 (Opus through FFM), libspandsp2 (G.722).
# Idempotent: installs only missing packages and runs `apt-get update` only when something is missing.
# Non-interactive; needs root (or passwordless sudo). Exit status 0 when every peer is present.
set -euo pipefail

PACKAGES=(sip-tester baresip-core linphone-cli kamailio sipsak tshark espeak-ng sox libopus0 libspandsp2)

missing=()
for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$pkg")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-peers: all peers present (${PACKAGES[*]})"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO=(sudo -n)
    else
        echo "install-peers: missing ${missing[*]}; run this script as root to install them" >&2
        exit 1
    fi
else
    SUDO=()
fi

echo "install-peers: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
# tshark asks whether non-root users may capture; answer "no" up front so nothing prompts.
echo "wireshark-common wireshark-common/install-setuid boolean false" | "${SUDO[@]}" debconf-set-selections
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"

# The kamailio package starts a system service on 5060; the tests run their own instances on other ports.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet kamailio 2>/dev/null; then
    "${SUDO[@]}" systemctl stop kamailio || true
    "${SUDO[@]}" systemctl disable kamailio >/dev/null 2>&1 || true
fi
echo "install-peers: done"
