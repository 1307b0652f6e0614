#!/usr/bin/env bash
# Loopback mail servers for followup's integration tests: Postfix (SMTP) delivering over LMTP into
# Dovecot (IMAP). Debian 12, run as root, no systemd, nothing under /etc is edited: every config,
# spool, mailbox and log lives under $FOLLOWUP_RIG (default /tmp/followup-rig).
#
#   scripts/mail-servers.sh install   apt packages (servers + the build's libcurl and SQLite headers)
#   scripts/mail-servers.sh setup     (re)create the rig directory: certificate, configs, users, empty mailboxes
#   scripts/mail-servers.sh start     start both servers and wait until every port answers
#   scripts/mail-servers.sh stop      stop both and wait for them to exit
#   scripts/mail-servers.sh up        setup (if needed) + start; a no-op when the rig already answers
#   scripts/mail-servers.sh wait      wait until every port answers (exit 1 after ~20 s)
#   scripts/mail-servers.sh status    listening ports
#
# Ports, all on 127.0.0.1:
#   2525 SMTP, STARTTLS offered, AUTH PLAIN/LOGIN offered  2526 SMTP without STARTTLS (downgrade tests)
#   2587 SMTP submission, STARTTLS + AUTH required         2465 SMTPS (implicit TLS), AUTH required
#   1143 IMAP (STARTTLS offered)   1993 IMAPS (also on 127.0.0.2, not in the certificate)   24000 LMTP (Postfix -> Dovecot; tests may deliver directly)
# Users (password $FOLLOWUP_RIG_PASSWORD, default "secret"): sales, prospect, bench, cursor, poller, appender @example.test;
# plus-addresses (prospect+anything@example.test) land in the base user's INBOX. And oauth@example.test, who has
# no password: it signs in only with XOAUTH2 or OAUTHBEARER and an access token that the OAuth2 stand-in
# (scripts/oauth-standin.py, 127.0.0.1:9180, NOT a real identity provider) minted and Dovecot checks with it.
set -euo pipefail

RIG=${FOLLOWUP_RIG:-/tmp/followup-rig}
PASSWORD=${FOLLOWUP_RIG_PASSWORD:-secret}
DOMAIN=example.test
USERS="sales prospect bench cursor poller appender"
OAUTH_USERS="oauth"
OAUTH_PORT=${FOLLOWUP_RIG_OAUTH_PORT:-9180}
HERE=$(cd "$(dirname "$0")" && pwd)
DOVECOT_CONF=$RIG/dovecot/dovecot.conf
POSTFIX_DIR=$RIG/postfix
PORTS="2525 2526 2587 2465 1143 1993 24000"

say() { echo "mail-servers: $*" >&2; }

need_root() {
  [ "$(id -u)" = 0 ] || { say "$1 needs root (it installs packages or starts servers as system users)"; exit 1; }
}

cmd_install() {
  need_root install
  local missing=()
  for p in libcurl4-openssl-dev libsqlite3-dev pkg-config dovecot-imapd dovecot-lmtpd postfix openssl faketime; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then say "packages already installed"; return 0; fi
  say "installing ${missing[*]}"
  apt-get update -q
  # Postfix's postinst must not write /etc/postfix/main.cf; this rig never reads /etc/postfix.
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

write_dovecot_conf() {
  cat > "$DOVECOT_CONF" <<CONF
# followup test rig: the only file this Dovecot reads (dovecot -c $DOVECOT_CONF).
instance_name = followup-rig
base_dir  = $RIG/run/dovecot
state_dir = $RIG/run/dovecot-state
protocols = imap lmtp
listen = 127.0.0.1
log_path = $RIG/log/dovecot.log
ssl = yes
ssl_cert = <$RIG/tls/cert.pem
ssl_key  = <$RIG/tls/key.pem
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2 oauthbearer
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $RIG/dovecot/users
  mechanisms = plain login
}
# Access tokens are checked with the OAuth2 stand-in (RFC 7662 introspection).
passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = $RIG/dovecot/oauth2.conf.ext
}
# Every user's mail is owned by Debian's "mail" user (uid/gid 8), below Dovecot's default minimum uid.
# With every passdb limited to SASL mechanisms, LMTP's lookups find no passdb: the static userdb
# accepts users by itself (Postfix's virtual_mailbox_maps decides who exists).
userdb {
  driver = static
  args = uid=mail gid=mail home=$RIG/mail/%d/%n allow_all_users=yes
}
first_valid_uid = 8
first_valid_gid = 8
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = 1143
  }
  # also on 127.0.0.2, a name the certificate does not cover (host-name verification tests)
  inet_listener imaps {
    address = 127.0.0.1 127.0.0.2
    port = 1993
    ssl = yes
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = 24000
  }
}
protocol lmtp {
  postmaster_address = postmaster@$DOMAIN
}
recipient_delimiter = +
lmtp_save_to_detail_mailbox = no
# A test rig must not slow down logins after a deliberate wrong-password test.
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
auth_failure_delay = 0
# Postfix authenticates SMTP clients through this socket.
service auth {
  unix_listener auth-postfix {
    mode = 0666
  }
}
CONF
}

write_postfix_conf() {
  cat > "$POSTFIX_DIR/main.cf" <<CONF
# followup test rig (postfix -c $POSTFIX_DIR); /etc/postfix is never read.
compatibility_level = 3.6
queue_directory = $RIG/postfix-spool
data_directory  = $RIG/postfix-data
maillog_file    = $RIG/log/postfix.log
maillog_file_prefixes = $RIG/log
myhostname = mail.$DOMAIN
mydomain   = $DOMAIN
myorigin   = \$mydomain
inet_interfaces = loopback-only
inet_protocols  = ipv4
mynetworks = 127.0.0.0/8
mydestination =
alias_maps =
alias_database =
local_recipient_maps =
virtual_mailbox_domains = $DOMAIN
virtual_mailbox_maps    = texthash:$POSTFIX_DIR/vmailbox
virtual_transport       = lmtp:inet:127.0.0.1:24000
recipient_delimiter     = +
# Nothing ever leaves this machine.
relayhost =
default_transport = error:outbound mail disabled in the followup test rig
relay_transport   = error:outbound mail disabled in the followup test rig
smtp_dns_support_level = disabled
smtpd_peername_lookup = no
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = $RIG/run/dovecot/auth-postfix
smtpd_sasl_security_options = noanonymous
smtpd_tls_auth_only = no
smtpd_tls_cert_file = $RIG/tls/cert.pem
smtpd_tls_key_file  = $RIG/tls/key.pem
smtpd_tls_security_level = may
smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
in_flow_delay = 0
biff = no
# A delivery that Dovecot defers for a moment (a mailbox lock held by a busy IMAP session) is
# retried within seconds, not the default five minutes: tests wait a minute at most.
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 5s
CONF
  cat > "$POSTFIX_DIR/master.cf" <<'CONF'
# service         type  private unpriv chroot wakeup maxproc command + args
127.0.0.1:2525    inet  n       -      n      -      -       smtpd
127.0.0.1:2526    inet  n       -      n      -      -       smtpd
  -o smtpd_tls_security_level=none
127.0.0.1:2587    inet  n       -      n      -      -       smtpd
  -o smtpd_tls_security_level=encrypt
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
127.0.0.1:2465    inet  n       -      n      -      -       smtpd
  -o smtpd_tls_wrappermode=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
pickup     unix  n       -       n       60      1       pickup
cleanup    unix  n       -       n       -       0       cleanup
qmgr       unix  n       -       n       300     1       qmgr
tlsmgr     unix  -       -       n       1000?   1       tlsmgr
rewrite    unix  -       -       n       -       -       trivial-rewrite
bounce     unix  -       -       n       -       0       bounce
defer      unix  -       -       n       -       0       bounce
trace      unix  -       -       n       -       0       bounce
verify     unix  -       -       n       -       1       verify
flush      unix  n       -       n       1000?   0       flush
proxymap   unix  -       -       n       -       -       proxymap
proxywrite unix  -       -       n       -       1       proxymap
smtp       unix  -       -       n       -       -       smtp
relay      unix  -       -       n       -       -       smtp
showq      unix  n       -       n       -       -       showq
error      unix  -       -       n       -       -       error
retry      unix  -       -       n       -       -       error
discard    unix  -       -       n       -       -       discard
lmtp       unix  -       -       n       -       -       lmtp
anvil      unix  -       -       n       -       1       anvil
scache     unix  -       -       n       -       1       scache
postlog    unix-dgram n  -       n       -       1       postlogd
CONF
}

# Runs a command with the clock two years back (for certificates that must already be valid
# then); as it is when faketime is missing.
backdated() {
  if command -v faketime >/dev/null 2>&1; then faketime -f "-730d" "$@"; else "$@"; fi
}

cmd_setup() {
  need_root setup
  cmd_stop >/dev/null 2>&1 || true
  rm -rf "$RIG"
  mkdir -p "$RIG"/{tls,dovecot,postfix,postfix-spool,postfix-data,mail,run,log}
  chmod 755 "$RIG"
  chown mail:mail "$RIG/mail"
  chown postfix:postfix "$RIG/postfix-data"
  # Self-signed certificate for localhost and 127.0.0.1 (curl checks the subjectAltName), valid
  # from two years ago for twelve years: CI runs the suites again with the clock moved a year
  # either way (libfaketime), and TLS must still verify then.
  backdated openssl req -x509 -newkey rsa:2048 -nodes -days 4380 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$RIG/tls/key.pem" -out "$RIG/tls/cert.pem" 2>/dev/null
  chmod 600 "$RIG/tls/key.pem"
  chmod 644 "$RIG/tls/cert.pem"
  # An unrelated authority, for tests that must fail certificate verification.
  backdated openssl req -x509 -newkey rsa:2048 -nodes -days 4380 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$RIG/tls/other-key.pem" -out "$RIG/tls/other-ca.pem" 2>/dev/null
  chmod 644 "$RIG/tls/other-ca.pem"
  if command -v faketime >/dev/null 2>&1; then : > "$RIG/tls/backdated"; fi
  : > "$RIG/dovecot/users"; : > "$POSTFIX_DIR/vmailbox"
  for u in $USERS; do
    echo "$u@$DOMAIN:{PLAIN}$PASSWORD" >> "$RIG/dovecot/users"
    echo "$u@$DOMAIN OK" >> "$POSTFIX_DIR/vmailbox"
  done
  # OAuth2-only users: known to Postfix, absent from the password file.
  for u in $OAUTH_USERS; do echo "$u@$DOMAIN OK" >> "$POSTFIX_DIR/vmailbox"; done
  printf 'introspection_mode = post\nintrospection_url = http://127.0.0.1:%s/introspect\nusername_attribute = username\nactive_attribute = active\nactive_value = true\n' \
    "$OAUTH_PORT" > "$RIG/dovecot/oauth2.conf.ext"
  write_dovecot_conf
  write_postfix_conf
  doveconf -c "$DOVECOT_CONF" -n > /dev/null
  postfix -c "$POSTFIX_DIR" check || { say "postfix check failed"; cat "$RIG/log/postfix.log" >&2 || true; exit 1; }
  say "rig ready in $RIG (certificate: $RIG/tls/cert.pem)"
}

# answers PORT GREETING: the plain-text port greets with GREETING
answers() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && head -c ${#2} <&3" 2>/dev/null | grep -qF "$2"
}
# answers_tls PORT: the TLS handshake succeeds and verifies against the rig's certificate
answers_tls() {
  timeout 2 openssl s_client -connect "127.0.0.1:$1" -CAfile "$RIG/tls/cert.pem" -verify_return_error \
    </dev/null >/dev/null 2>&1
}
# oauth_answers: the OAuth2 stand-in is up
oauth_answers() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$OAUTH_PORT && printf 'GET /health HTTP/1.0\r\n\r\n' >&3 && cat <&3" 2>/dev/null | grep -qF '"ok": true'
}
all_answer() {
  answers 1143 "* OK" && answers 24000 "220 " && answers 2525 "220 " && answers 2526 "220 " \
    && answers 2587 "220 " && answers_tls 1993 && answers_tls 2465 && oauth_answers
}

cmd_wait() {
  local i
  for i in $(seq 200); do all_answer && return 0; sleep 0.1; done
  say "the servers did not answer on every port within 20 s"; return 1
}

cmd_start() {
  need_root start
  [ -f "$DOVECOT_CONF" ] || { say "no rig in $RIG: run '$0 setup' first"; exit 1; }
  # The OAuth2 stand-in first: Dovecot asks it about every access token.
  if ! oauth_answers; then
    nohup python3 "$HERE/oauth-standin.py" "$OAUTH_PORT" </dev/null >>"$RIG/log/oauth-standin.log" 2>&1 &
    echo $! > "$RIG/run/oauth-standin.pid"
  fi
  # stdio goes to files: Dovecot's log process keeps inherited descriptors open for its whole life.
  dovecot -c "$DOVECOT_CONF" </dev/null >>"$RIG/log/dovecot.stdio" 2>&1 \
    || { cat "$RIG/log/dovecot.stdio" "$RIG/log/dovecot.log" >&2 2>/dev/null; exit 1; }
  postfix -c "$POSTFIX_DIR" start </dev/null >>"$RIG/log/postfix.stdio" 2>&1 \
    || { cat "$RIG/log/postfix.stdio" "$RIG/log/postfix.log" >&2 2>/dev/null; exit 1; }
  cmd_wait || { tail -n 20 "$RIG/log/dovecot.log" "$RIG/log/postfix.log" >&2; exit 1; }
  say "up (logs in $RIG/log)"
}

cmd_stop() {
  local pids=() p i
  [ -f "$RIG/postfix-spool/pid/master.pid" ] && pids+=("$(tr -d ' ' < "$RIG/postfix-spool/pid/master.pid")")
  [ -f "$RIG/run/dovecot/master.pid" ] && pids+=("$(cat "$RIG/run/dovecot/master.pid")")
  [ -d "$POSTFIX_DIR" ] && postfix -c "$POSTFIX_DIR" stop 2>/dev/null || true
  [ -f "$DOVECOT_CONF" ] && doveadm -c "$DOVECOT_CONF" stop 2>/dev/null || true
  if [ -f "$RIG/run/oauth-standin.pid" ]; then
    p=$(cat "$RIG/run/oauth-standin.pid"); kill "$p" 2>/dev/null || true; pids+=("$p"); rm -f "$RIG/run/oauth-standin.pid"
  fi
  for p in "${pids[@]}"; do
    for i in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  done
  say "stopped"
}

# has_all_users: the running rig knows every user this version of the script creates
has_all_users() {
  local u
  for u in $USERS; do grep -q "^$u@$DOMAIN:" "$RIG/dovecot/users" 2>/dev/null || return 1; done
}

cmd_up() {
  # A rig made by an older version of this script (a user missing, a certificate not yet valid a
  # year ago) is made again.
  if [ -f "$DOVECOT_CONF" ] && has_all_users && [ -f "$RIG/tls/backdated" ] && [ -f "$RIG/dovecot/oauth2.conf.ext" ] && all_answer; then
    say "already up"; return 0
  fi
  cmd_setup
  cmd_start
}

cmd_status() { ss -ltn | awk 'NR==1 || /127\.0\.0\.1:(2525|2526|2587|2465|1143|1993|24000|9180) /'; }

case "${1:-}" in
  install) cmd_install ;;
  setup)   cmd_setup ;;
  start)   cmd_start ;;
  stop)    cmd_stop ;;
  up)      cmd_up ;;
  wait)    cmd_wait ;;
  status)  cmd_status ;;
  *) echo "usage: $0 install|setup|start|stop|up|wait|status" >&2; exit 2 ;;
esac
