#!/usr/bin/env bash
# Turns a Debian 12 / Ubuntu machine into a Leg Cramp Kiosk: installs the app's .deb and what the kiosk
# needs, creates the unprivileged user "kiosk", places the provisioning file, and enables the systemd
# unit that logs that user in on tty1 and runs the app under cage. Safe to run again (for an update of
# the .deb or of the provisioning file). Run as root:
#
#   ./setup-kiosk.sh <leg-cramp-kiosk .deb> [provisioning.json]
#
# Without a provisioning file, an existing /etc/leg-cramp-kiosk/provisioning.json is kept, and on a
# first run deploy/provisioning.example.json is used.
set -euo pipefail

readonly KIOSK_USER=kiosk
readonly APP_BINARY='/opt/Leg Cramp Kiosk/leg-cramp-kiosk'
readonly CONFIG_DIR=/etc/leg-cramp-kiosk
readonly PROVISIONING="$CONFIG_DIR/provisioning.json"
readonly UNIT=leg-cramp-kiosk.service
readonly PACKAGES=(cage fonts-noto-core fonts-noto-cjk speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
  dbus libpam-systemd)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly here

say() { printf '%s\n' "setup-kiosk: $*"; }
fail() {
  printf '%s\n' "setup-kiosk: error: $*" >&2
  exit 1
}

usage() { fail "usage: $0 <leg-cramp-kiosk .deb> [provisioning.json]"; }

check_preconditions() {
  [ "$(id -u)" -eq 0 ] || fail "run as root (sudo $0 ...)"
  # shellcheck source=/dev/null
  . /etc/os-release
  case " ${ID:-} ${ID_LIKE:-} " in
    *" debian "* | *" ubuntu "*) ;;
    *) fail "this script is for Debian and Ubuntu; this is ${PRETTY_NAME:-an unknown system}" ;;
  esac
  [ -f "$deb" ] || fail "no such .deb: $deb"
  [ -z "$provisioning_source" ] || [ -f "$provisioning_source" ] || fail "no such provisioning file: $provisioning_source"
  for file in "$UNIT" leg-cramp-kiosk.pam; do
    [ -f "$here/$file" ] || fail "$file is missing next to this script ($here)"
  done
  # A display manager (GDM, LightDM...) would fight the kiosk for the screen.
  if systemctl is-enabled --quiet display-manager.service 2>/dev/null; then
    fail "a display manager is enabled ($(readlink -f /etc/systemd/system/display-manager.service)); a kiosk" \
      "machine runs only the kiosk: disable it first (systemctl disable display-manager.service)"
  fi
}

install_packages() {
  say "installing ${PACKAGES[*]} and $deb"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${PACKAGES[@]}" "$deb"
  [ -x "$APP_BINARY" ] || fail "the .deb did not install $APP_BINARY: is it the Leg Cramp Kiosk package?"
}

create_user() {
  if id "$KIOSK_USER" >/dev/null 2>&1; then
    say "user $KIOSK_USER exists"
  else
    # No password and no login shell: the only way in is the kiosk unit's automatic login.
    useradd --create-home --user-group --shell /usr/sbin/nologin --comment 'Leg Cramp Kiosk' "$KIOSK_USER"
    say "created user $KIOSK_USER (no password, no shell)"
  fi
}

# Chromium's sandbox needs user namespaces: the unit's NoNewPrivileges rules out the setuid fallback.
# On Ubuntu 23.10 and later AppArmor limits them, and the .deb installs a profile that allows them.
check_user_namespaces() {
  if runuser -u "$KIOSK_USER" -- unshare --user true 2>/dev/null; then
    say "user namespaces are available for the app's sandbox"
  elif [ -f /etc/apparmor.d/leg-cramp-kiosk ]; then
    say "user namespaces are limited by AppArmor; the app's own profile allows them"
  else
    fail "user $KIOSK_USER cannot create user namespaces, which the app's sandbox needs:" \
      "enable them (sysctl kernel.unprivileged_userns_clone=1, user.max_user_namespaces > 0) and run again"
  fi
}

# Root owns the file and the folder (the kiosk cannot change its locks); the kiosk's group may read them.
place_provisioning() {
  install -d -o root -g "$KIOSK_USER" -m 0750 "$CONFIG_DIR"
  if [ -n "$provisioning_source" ]; then
    install -o root -g "$KIOSK_USER" -m 0640 "$provisioning_source" "$PROVISIONING"
    say "placed $provisioning_source as $PROVISIONING (root:$KIOSK_USER, 0640)"
  elif [ -f "$PROVISIONING" ]; then
    chown root:"$KIOSK_USER" "$PROVISIONING"
    chmod 0640 "$PROVISIONING"
    say "kept the existing $PROVISIONING (root:$KIOSK_USER, 0640)"
  else
    install -o root -g "$KIOSK_USER" -m 0640 "$here/../provisioning.example.json" "$PROVISIONING"
    say "placed the example provisioning file as $PROVISIONING: edit it for the clinic"
  fi
}

enable_unit() {
  install -m 0644 "$here/$UNIT" "/etc/systemd/system/$UNIT"
  install -m 0644 "$here/leg-cramp-kiosk.pam" /etc/pam.d/leg-cramp-kiosk
  systemctl daemon-reload
  # The unit logs the kiosk user in on tty1: no login prompt there.
  systemctl disable getty@tty1.service 2>/dev/null || true
  systemctl enable "$UNIT"
  systemctl set-default graphical.target
  say "installed /etc/systemd/system/$UNIT and /etc/pam.d/leg-cramp-kiosk; enabled $UNIT" \
    "and the graphical boot target; disabled the login prompt on tty1"
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
deb="$(realpath -m -- "$1")"
provisioning_source="${2:+$(realpath -m -- "$2")}"

check_preconditions
install_packages
create_user
check_user_namespaces
place_provisioning
enable_unit
say "done: reboot, or start the kiosk now with: systemctl start $UNIT"
say "logs: journalctl -u $UNIT, and the app's own: ~$KIOSK_USER/.config/leg-cramp-kiosk/logs/main.log"
