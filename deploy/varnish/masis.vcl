vcl 4.1;
# Masis — Varnish between nginx and the app servers (/etc/varnish/masis.vcl).
#
# Keeps what the app marks as shareable (Cache-Control: s-maxage, set on anonymous pages when
# FRONTEND_CACHE_PURGE_URL is configured) and nothing else; forgets a page when an app server
# sends PURGE for it (Wagtail's frontend cache, on every content change). Spreads the other
# requests over the app servers and, when one stops answering, sends them to the other.
# Placeholders, written @…@ below (docs/deploying.md, deploy/render.py):
#   APP_SERVER_1_HOST APP_SERVER_1_PORT   the first app server's gunicorn (10.0.0.11 8000)
#   APP_SERVER_2_HOST APP_SERVER_2_PORT   the second one
#   PUBLIC_HOST                             one of the site's host names (www.example.org)

import directors;
import std;

# Is the app process there? A static file answers without the database or Redis: an app server
# that lost Redis still serves pages and should stay in. (GET /healthz checks both, for
# monitoring.)
probe app_alive {
    .request =
        "HEAD /static/img/favicon.svg HTTP/1.1"
        "Host: @PUBLIC_HOST@"
        "X-Forwarded-Proto: https"
        "Connection: close";
    .interval = 2s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

backend app_server_1 {
    .host = "@APP_SERVER_1_HOST@";
    .port = "@APP_SERVER_1_PORT@";
    .connect_timeout = 1s;
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 10s;
    .probe = app_alive;
}

backend app_server_2 {
    .host = "@APP_SERVER_2_HOST@";
    .port = "@APP_SERVER_2_PORT@";
    .connect_timeout = 1s;
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 10s;
    .probe = app_alive;
}

# Only the app servers may purge (their FRONTEND_CACHE_PURGE_URL names this Varnish).
acl app_servers_acl {
    "@APP_SERVER_1_HOST@";
    "@APP_SERVER_2_HOST@";
}

sub vcl_init {
    new app_servers = directors.round_robin();
    app_servers.add_backend(app_server_1);
    app_servers.add_backend(app_server_2);
}

sub vcl_recv {
    set req.backend_hint = app_servers.backend();
    # Pages are kept per host without its port: the port a proxy listens on is not part of a
    # page, and Wagtail's purge names the site's own address.
    set req.http.X-Cache-Host = std.tolower(regsub(req.http.host, ":[0-9]+$", ""));

    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ app_servers_acl) {
            return (synth(405, "Method Not Allowed"));
        }
        if (req.method == "PURGE") {
            # One page: its URL and every query string of it (?page=2, ?theme=…).
            ban("obj.http.X-Cache-Host == " + req.http.X-Cache-Host +
                " && obj.http.X-Cache-Path == " + regsub(req.url, "\?.*$", ""));
        } else {
            # Every page of the host under the path: BAN / forgets the whole site.
            ban("obj.http.X-Cache-Host == " + req.http.X-Cache-Host +
                " && obj.http.X-Cache-Path ~ ^" + regsub(req.url, "\?.*$", ""));
        }
        return (synth(200, "Purged"));
    }

    if (req.method != "GET" && req.method != "HEAD" && req.method != "POST") {
        return (synth(405, "Method Not Allowed"));
    }
    if (req.method == "POST") {
        return (pass);
    }
    # Staff (the admin and its previews, which live under /admin/), documents (permissions),
    # anyone with a cookie or credentials: always from the app.
    if (req.url ~ "^/(admin|django-admin|documents)(/|$)" || req.http.Cookie || req.http.Authorization) {
        return (pass);
    }
    # Search results with a query: one visitor's words, never kept.
    if (req.url ~ "[?&]q=") {
        return (pass);
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.X-Cache-Host);
    return (lookup);
}

sub vcl_backend_fetch {
    unset bereq.http.X-Cache-Host;
}

sub vcl_backend_response {
    # Kept only when the app says a shared cache may keep it (s-maxage); never with a cookie.
    if (bereq.uncacheable || beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "s-maxage") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # What a ban is matched against (obj.*, so that Varnish's ban lurker can apply it).
    set beresp.http.X-Cache-Host = std.tolower(regsub(bereq.http.host, ":[0-9]+$", ""));
    set beresp.http.X-Cache-Path = regsub(bereq.url, "\?.*$", "");
    set beresp.grace = 30s;
    # Compressed once, when kept, rather than by nginx at every delivery (Varnish unzips it
    # for the rare client that does not accept gzip).
    if (beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml))") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_backend_error {
    # An app server that stopped: ask the next one at once (the probe takes it out within
    # seconds). Only for reads: a form sent twice could be handled twice.
    if (bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "pass";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
    unset resp.http.X-Cache-Host;
    unset resp.http.X-Cache-Path;
    unset resp.http.X-Varnish;
    unset resp.http.Via;
}
