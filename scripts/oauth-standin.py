#!/usr/bin/env python3
"""The test rig's stand-in for an OAuth2 identity provider: NOT a real one, and for loopback only.

Dovecot's oauth2 passdb asks it whether an access token is valid (RFC 7662 introspection), and
the tests mint, expire and revoke tokens through its admin endpoints. Standard library only.

  POST /introspect     token=T             -> {"active": true, "username": U, "scope": S, "exp": E} or {"active": false}
  POST /admin/token    username=U [lifetime=SECONDS] [scope=S] [format=jwt [aud=A]] -> {"access_token": T, "expires_in": N}
                       (format=jwt: a token shaped like Microsoft's, whose claims carry exp, scp, aud and upn)
  POST /admin/revoke   token=T             -> {"revoked": true|false}
  GET  /health                             -> {"ok": true}

The device authorization grant (RFC 8628) and refresh tokens, for `followup auth login`:
  POST /devicecode     client_id=C scope=S -> {"device_code", "user_code", "verification_uri", "expires_in", "interval": 1}
  POST /token          grant_type=urn:ietf:params:oauth:grant-type:device_code device_code=D
                           -> 400 {"error": "authorization_pending" | "access_denied" | "expired_token"} until approved, then
                              {"access_token", "refresh_token", "expires_in", "scope", "token_type": "Bearer"}
                       grant_type=refresh_token refresh_token=R -> the same, with a new refresh token (the old one is
                              spent), or 400 {"error": "invalid_grant"}
  POST /admin/approve  user_code=U username=N [deny=1]  (the test plays the user who signs in)
  POST /admin/lifetime seconds=N           -> access tokens from /token live N seconds (default 3600)
  POST /admin/revoke-refresh username=N    -> every refresh token of N stops working

The authorization code flow with PKCE (RFC 7636) and a loopback redirect (RFC 8252):
  POST /admin/authorize client_id=C redirect_uri=R code_challenge=X code_challenge_method=S256 scope=S username=N
                       -> {"code": K}   (the test plays the browser: it then visits R?code=K&state=...)
  POST /token          grant_type=authorization_code code=K code_verifier=V redirect_uri=R
                           -> the tokens when base64url(SHA-256(V)) is X and R matches, else 400 {"error": "invalid_grant"}

Usage: oauth-standin.py PORT   (listens on 127.0.0.1:PORT until killed)
"""
import base64
import hashlib
import json
import secrets
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKENS = {}  # token -> {"username", "scope", "exp"}
DEVICES = {}  # device_code -> {"user_code", "scope", "client_id", "state": "pending" | "approved" | "denied", "username", "exp"}
REFRESH = {}  # refresh token -> {"username", "scope", "client_id"}
CODES = {}  # authorization code -> {"challenge", "redirect_uri", "client_id", "username", "scope"}
SETTINGS = {"lifetime": 3600}
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
        if self.path == "/devicecode":
            if not form.get("client_id"):
                return self.reply(400, {"error": "invalid_client", "error_description": "client_id is missing"})
            device_code = "dc-" + secrets.token_urlsafe(24)
            user_code = secrets.token_hex(4).upper()
            with LOCK:
                DEVICES[device_code] = {"user_code": user_code, "scope": form.get("scope", ""), "client_id": form["client_id"],
                                        "state": "pending", "username": "", "exp": time.time() + 600}
            port = self.server.server_address[1]
            return self.reply(200, {"device_code": device_code, "user_code": user_code, "expires_in": 600, "interval": 1,
                                    "verification_uri": f"http://127.0.0.1:{port}/device"})
        if self.path == "/admin/approve":
            with LOCK:
                for entry in DEVICES.values():
                    if entry["user_code"] == form.get("user_code"):
                        entry["state"] = "denied" if form.get("deny") else "approved"
                        entry["username"] = form.get("username", "")
                        return self.reply(200, {"approved": not form.get("deny")})
            return self.reply(404, {"error": "no such user code"})
        if self.path == "/admin/authorize":
            if form.get("code_challenge_method") != "S256" or not form.get("code_challenge"):
                return self.reply(400, {"error": "invalid_request", "error_description": "PKCE with S256 is required"})
            code = "ac-" + secrets.token_urlsafe(24)
            with LOCK:
                CODES[code] = {"challenge": form["code_challenge"], "redirect_uri": form.get("redirect_uri", ""),
                               "client_id": form.get("client_id", ""), "username": form.get("username", ""), "scope": form.get("scope", "")}
            return self.reply(200, {"code": code})
        if self.path == "/admin/lifetime":
            with LOCK:
                SETTINGS["lifetime"] = int(form.get("seconds", "3600"))
            return self.reply(200, {"lifetime": SETTINGS["lifetime"]})
        if self.path == "/admin/revoke-refresh":
            with LOCK:
                spent = [r for r, e in REFRESH.items() if e["username"] == form.get("username")]
                for r in spent:
                    del REFRESH[r]
            return self.reply(200, {"revoked": len(spent)})
        if self.path == "/token":
            grant = form.get("grant_type", "")
            with LOCK:
                if grant == "urn:ietf:params:oauth:grant-type:device_code":
                    entry = DEVICES.get(form.get("device_code", ""))
                    if not entry or entry["exp"] <= time.time():
                        return self.reply(400, {"error": "expired_token"})
                    if entry["state"] == "pending":
                        return self.reply(400, {"error": "authorization_pending"})
                    if entry["state"] == "denied":
                        return self.reply(400, {"error": "access_denied", "error_description": "the user declined"})
                    del DEVICES[form["device_code"]]
                    username, scope, client = entry["username"], entry["scope"], entry["client_id"]
                elif grant == "authorization_code":
                    entry = CODES.pop(form.get("code", ""), None)
                    verifier = form.get("code_verifier", "")
                    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
                    if not entry or entry["challenge"] != challenge or entry["redirect_uri"] != form.get("redirect_uri"):
                        return self.reply(400, {"error": "invalid_grant", "error_description": "the code, its verifier or the redirect does not match"})
                    username, scope, client = entry["username"], entry["scope"], entry["client_id"]
                elif grant == "refresh_token":
                    entry = REFRESH.pop(form.get("refresh_token", ""), None)
                    if not entry or entry["client_id"] != form.get("client_id"):
                        return self.reply(400, {"error": "invalid_grant", "error_description": "the refresh token is revoked, expired or not yours"})
                    username, scope, client = entry["username"], entry["scope"], entry["client_id"]
                else:
                    return self.reply(400, {"error": "unsupported_grant_type"})
                lifetime = SETTINGS["lifetime"]
                access = "standin-" + secrets.token_urlsafe(24)
                TOKENS[access] = {"username": username, "scope": scope, "exp": time.time() + lifetime}
                refresh = "rt-" + secrets.token_urlsafe(24)
                REFRESH[refresh] = {"username": username, "scope": scope, "client_id": client}
            return self.reply(200, {"access_token": access, "refresh_token": refresh, "expires_in": lifetime, "scope": scope,
                                    "token_type": "Bearer"})
        if self.path == "/admin/revoke":
            with LOCK:
                revoked = TOKENS.pop(form.get("token", ""), None) is not None
            return self.reply(200, {"revoked": revoked})
        return self.reply(404, {"error": "not_found"})


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9180
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
