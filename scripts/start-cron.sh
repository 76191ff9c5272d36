#!/usr/bin/env bash
# Starts Debian's cron daemon if it is not running: the scheduling tests hand a job to the
# real daemon. Needs root (as CI and the README's set-up have).
set -euo pipefail
if pgrep -x cron >/dev/null 2>&1; then exit 0; fi
if command -v service >/dev/null 2>&1 && service cron start >/dev/null 2>&1; then exit 0; fi
if [ -x /usr/sbin/cron ]; then /usr/sbin/cron; exit 0; fi
echo "error: cannot start cron (apt-get install cron, then run this as root)" >&2
exit 1
