#!/usr/bin/env bash
# Starts Ralph, an xAPI Learning Record Store, on 127.0.0.1 for the sync tests and benchmarks.
#
#   scripts/start-lrs.sh [STATE-DIR]    (default .build/lrs)
#
# Installs Ralph from PyPI into a virtual environment when it is missing (ralph-malph with its
# lrs and cli extras, plus requests, which the cli extra needs but does not declare), writes its
# auth file with `ralph auth`, starts `ralph runserver` on its file backend, waits until it
# answers, and writes STATE-DIR/env: the variables the tests read (REHEARSE_TEST_LRS, ..._USER,
# ..._PASSWORD). scripts/stop-lrs.sh STATE-DIR stops it.
#
# Ralph's file backend stores only the first POST that writes to a data folder, so the auth file
# holds one main user and REHEARSE_TEST_LRS_USERS more (rehearse1, rehearse2, ...), each with a
# folder of its own: a test that sends several times gives each run its own user.
set -euo pipefail
cd "$(dirname "$0")/.."

state=${1:-.build/lrs}
port=${REHEARSE_LRS_PORT:-18100}
users=${REHEARSE_TEST_LRS_USERS:-40}
venv=${RALPH_VENV:-.build/ralph-venv}
password=rehearse-test-secret

if [ ! -x "$venv/bin/ralph" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'ralph-malph[lrs,cli]' requests
fi

venv=$(cd "$venv" && pwd)

if [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; then
  echo "an LRS started here is still running (pid $(cat "$state/pid")): stop it first" >&2
  exit 1
fi
rm -rf "$state"
mkdir -p "$state/app" "$state/data"
state=$(cd "$state" && pwd)
export RALPH_APP_DIR="$state/app" RALPH_RUNSERVER_BACKEND=fs
export RALPH_AUTH_FILE="$state/app/auth.json"

"$venv/bin/ralph" auth -u rehearse -p "$password" -s all -M mailto:rehearse@example.com -w \
  > /dev/null 2>&1
# The other users share the main user's password hash (bcrypt is slow: one `ralph auth` each
# would take a second apiece); each gets a target folder of its own.
"$venv/bin/python" - "$state/app/auth.json" "$state/data" "$users" <<'PY'
import json, os, sys
path, data, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
users = json.load(open(path))
main = users[0]
for n in range(1, count + 1):
    users.append({**main, "username": f"rehearse{n}", "target": f"user{n}",
                  "agent": {"mbox": f"mailto:rehearse{n}@example.com", "objectType": "Agent"}})
    os.makedirs(os.path.join(data, f"user{n}"), exist_ok=True)
json.dump(users, open(path, "w"), indent=2)
PY

# From the state folder, so the development server's reloader watches only that folder.
(cd "$state" && exec "$venv/bin/ralph" runserver -b fs -h 127.0.0.1 -p "$port" \
  --fs-default-directory-path "$state/data" > "$state/server.log" 2>&1) &
echo $! > "$state/pid"

url="http://127.0.0.1:$port"
for _ in $(seq 1 150); do
  if curl -fsS -o /dev/null "$url/__heartbeat__" 2>/dev/null; then
    cat > "$state/env" <<ENV
export REHEARSE_TEST_LRS=$url/xAPI
export REHEARSE_TEST_LRS_USER=rehearse
export REHEARSE_TEST_LRS_PASSWORD=$password
export REHEARSE_TEST_LRS_USERS=$users
export REHEARSE_TEST_RALPH=$venv/bin/python
ENV
    echo "Ralph answers at $url (pid $(cat "$state/pid")); variables in $state/env"
    exit 0
  fi
  if ! kill -0 "$(cat "$state/pid")" 2>/dev/null; then break; fi
  sleep 0.2
done
echo "Ralph did not start; its log:" >&2
cat "$state/server.log" >&2
exit 1
