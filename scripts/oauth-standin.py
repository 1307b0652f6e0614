#!/usr/bin/env python3
"""The test rig's stand-in for an OAuth2 identity provider: NOT a real one, and for loopback only.

Dovecot's oauth2 passdb asks it whether an access token is valid (RFC 7662 introspection), and
the tests mint, expire and revoke tokens through its admin endpoints. Standard library only.

  POST /introspect     token=T             -> {"active": true, "username": U, "scope": S, "exp": E} or {"active": false}
  POST /admin/token    username=U [lifetime=SECONDS] [scope=S] [format=jwt [aud=A]] -> {"access_token": T, "expires_in": N}
                       (format=jwt: a token shaped like Microsoft's, whose claims carry exp, scp, aud and upn)
  POST /admin/revoke   token=T             -> {"revoked": true|false}
  GET  /health                             -> {"ok": true}

Usage: oauth-standin.py PORT   (listens on 127.0.0.1:PORT until killed)
"""
import base64
import json
import secrets
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKENS = {}  # token -> {"username", "scope", "exp"}
LOCK = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):  # quiet: the rig's logs are for the mail servers
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def form(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        return {k: v[0] for k, v in urllib.parse.parse_qs(raw).items()}

    def do_GET(self):
        if self.path == "/health":
            return self.reply(200, {"ok": True})
        return self.reply(404, {"error": "not_found"})

    def do_POST(self):
        form = self.form()
        if self.path == "/introspect":
            with LOCK:
                entry = TOKENS.get(form.get("token", ""))
            if not entry or entry["exp"] <= time.time():
                return self.reply(200, {"active": False})
            return self.reply(200, {"active": True, "username": entry["username"], "scope": entry["scope"], "exp": int(entry["exp"])})
        if self.path == "/admin/token":
            lifetime = int(form.get("lifetime", "3600"))
            expires = time.time() + lifetime
            scope = form.get("scope", "mail")
            token = "standin-" + secrets.token_urlsafe(24)
            if form.get("format") == "jwt":
                # Shaped like Microsoft's access tokens (header.claims.signature); the signature is random.
                def part(obj):
                    return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")
                claims = {"aud": form.get("aud", "https://outlook.office.com"), "exp": int(expires), "scp": scope,
                          "upn": form.get("username", "")}
                token = part({"typ": "JWT", "alg": "RS256"}) + "." + part(claims) + "." + secrets.token_urlsafe(32)
            with LOCK:
                TOKENS[token] = {"username": form.get("username", ""), "scope": scope, "exp": expires}
            return self.reply(200, {"access_token": token, "expires_in": lifetime})
        if self.path == "/admin/revoke":
            with LOCK:
                revoked = TOKENS.pop(form.get("token", ""), None) is not None
            return self.reply(200, {"revoked": revoked})
        return self.reply(404, {"error": "not_found"})


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9180
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
