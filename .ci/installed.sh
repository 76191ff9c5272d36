#!/usr/bin/env bash
# As installed, unattended: the .deb installed with apt-get, a template copied out of the
# installed share into a folder outside the source tree, a weekly job made with
# `schedule add` (here firing every minute) that delivers to two audiences through real
# msmtp to a real SMTP server, run by the real cron daemon; then the data broken: the next
# cron run's failure must be in `schedule list` and `doctor`, and in the owner's mail.
# Also: `make -n install` runs no package manager, the man page renders, bash completes.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

echo "== make -n install: build and copy only"
if make -n install | grep -E 'apt-get|pip |install-deps'; then echo "error: make install would install packages" >&2; exit 1; fi

echo "== make deb, then apt-get install it"
deb=$(make --no-print-directory deb | tail -n 1)
lintian --fail-on error "$deb"
apt-get install -y -qq "./$deb" >/dev/null
work=$(mktemp -d /tmp/briefing-installed.XXXXXX)
job="ci-installed-$$"
server=""
cleanup() {
  briefing schedule remove "$job" >/dev/null 2>&1 || true
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  apt-get remove -y -qq briefing >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
[ "$(command -v briefing)" = /usr/bin/briefing ]
man -l /usr/share/man/man1/briefing.1.gz 2>/dev/null | grep -q "briefing — Generate publication-quality PDF"
completed=$(bash -c 'source /usr/share/bash-completion/bash_completion; source /usr/share/bash-completion/completions/briefing
  COMP_WORDS=(briefing gen); COMP_CWORD=1; COMP_LINE="briefing gen"; COMP_POINT=${#COMP_LINE}; _briefing briefing gen briefing
  echo "${COMPREPLY[*]}"')
[ "$completed" = generate ] || { echo "error: bash completed 'briefing gen' as '$completed'" >&2; exit 1; }
folders=$(bash -c 'source /usr/share/bash-completion/bash_completion; source /usr/share/bash-completion/completions/briefing
  COMP_WORDS=(briefing generate --template Tem); COMP_CWORD=3; COMP_LINE="briefing generate --template Tem"; COMP_POINT=${#COMP_LINE}
  _briefing briefing Tem --template; echo "${COMPREPLY[*]}"')
[ "$folders" = Templates ] || { echo "error: bash completed '--template Tem' as '$folders'" >&2; exit 1; }

echo "== a weekly job of a copied template, delivering to two audiences, run by cron"
scripts/start-cron.sh
cp -R /usr/share/briefing/Templates/sino-pak "$work/tpl"
mkdir -p "$work/out"
/usr/bin/python3 Tests/Fixtures/mail/smtp-server.py "$work/received" > "$work/server.out" &
server=$!
for _ in $(seq 50); do grep -q '^port ' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/^port //p' "$work/server.out")
printf 'defaults\nauth off\ntls off\naccount default\nhost 127.0.0.1\nport %s\nfrom briefings@example.org\ntimeout 10\n' "$port" > "$work/msmtprc"
chmod 600 "$work/msmtprc"
cat > "$work/deliver.yaml" <<YAML
from: "Briefing Desk <briefings@example.org>"
failures_to: owner@example.org
sendmail: [/usr/bin/msmtp, -C, $work/msmtprc]
audiences:
  - id: leadership
    name: the leadership
    to: [dg@example.org]
    cc: [chief.of.staff@example.org]
  - id: defence
    sections: [defence, strategic]
    to: defence-desk@example.org
    bcc: [archive@example.org]
YAML
cd "$work"
briefing schedule add "$job" --cron "* * * * *" -- --template tpl --output out/briefing.pdf --deliver deliver.yaml
cd /
wait_for() {  # wait_for SECONDS COMMAND...: until the command succeeds
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    if [ $SECONDS -ge $deadline ]; then return 1; fi
    sleep 2
  done
}
received() { [ "$(ls "$work/received"/*.eml 2>/dev/null | wc -l)" -ge "$1" ]; }
wait_for 150 received 4 || { echo "error: cron did not deliver within 150 s" >&2; cat ~/.local/state/briefing/jobs/"$job".log >&2; exit 1; }
sleep 2
for pdf in briefing briefing-leadership briefing-defence; do qpdf --check "$work/out/$pdf.pdf" >/dev/null; done
briefing schedule list | tee "$work/list" | grep -A5 "^$job " | grep -q "success (exit 0"
/usr/bin/python3 - "$work/received" <<'PY'
import email, json, sys
from email import policy
from pathlib import Path
folder = Path(sys.argv[1])
seen = {}
for path in sorted(folder.glob("*.eml")):
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    envelope = json.loads(path.with_suffix(".json").read_text())
    assert not message.defects, message.defects
    for recipient in envelope["to"]:
        key = (message["Message-ID"], recipient)
        assert key not in seen, f"twice: {key}"
        seen[key] = message["Subject"]
recipients = sorted(r for _, r in seen)
assert recipients == ["archive@example.org", "chief.of.staff@example.org", "defence-desk@example.org", "dg@example.org"], recipients
print("mail: 4 messages, each recipient once")
PY

echo "== the data broken: cron's next run fails, and a person hears of it"
echo "  - oops: [" >> "$work/tpl/data.yaml"
failed() { briefing schedule list | grep -A6 "^$job " | grep -q "failed (exit 65"; }
wait_for 150 failed || { echo "error: schedule list shows no failure" >&2; briefing schedule list >&2; exit 1; }
briefing schedule list | grep -A7 "^$job " | grep -q "data.yaml:"
doctor=$(briefing doctor || true)
echo "$doctor" | grep -q "job '$job': the last run (.*) failed with exit 65" || { echo "$doctor" >&2; exit 1; }
echo "$doctor" | grep -q "job '$job' will fail under cron (exit 65)" || { echo "$doctor" >&2; exit 1; }
owner() { grep -l '"owner@example.org"' "$work/received"/*.json >/dev/null 2>&1; }
wait_for 30 owner || { echo "error: no failure mail" >&2; exit 1; }
grep -l '"owner@example.org"' "$work/received"/*.json | head -1 | sed 's/json$/eml/' | xargs grep -q "^Subject: Briefing failed: briefing.pdf"
echo "== installed: ok"
