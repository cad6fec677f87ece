#!/usr/bin/env bash
# Debian/Ubuntu packages the test suite drives for real: Chromium for the UI tests; a virtual X
# display, synthetic input, X idle time and a notification daemon on a session bus for the daemon tests;
# a window manager, dconf and PulseAudio for the busy sources (fullscreen, GNOME Do Not Disturb, calls);
# Syncthing (and iproute2's ss, to check it stays on loopback) for the two-peer sync test; Japanese (IPA Gothic)
# and Chinese/Korean (WenQuanYi Zen Hei) fonts, so the translated window's screenshots show words, not boxes.
set -euo pipefail
PKGS=(chromium xvfb xdotool xprintidle dunst dbus-x11 libnotify-bin x11-utils imagemagick python3 openbox wmctrl dconf-cli dconf-service pulseaudio pulseaudio-utils syncthing iproute2 fonts-ipafont-gothic fonts-wqy-zenhei)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=()
for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then echo "system packages: all present"; exit 0; fi
echo "system packages: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
