package dev.accordhub.sandbox.oidc;

import dev.accordhub.sandbox.SandboxResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The issuer's sign-in page of the authorization-code flow: a plain HTML form that posts the user's name and password
 * back to {@code /authorize} with the request's parameters, and the error page shown when the request names an
 * unknown client or a redirect URI that is not registered (RFC 6749 §4.1.2.1: then the browser is never redirected).
 */
final class OidcLoginPage {

    /** The parameters of an authorization request that the form carries through the sign-in. */
    static final java.util.List<String> CARRIED = java.util.List.of("response_type", "client_id", "redirect_uri",
            "scope", "state", "code_challenge", "code_challenge_method", "nonce");

    private OidcLoginPage() {
    }

    static SandboxResponse form(Map<String, String> request, String clientName, String error) {
        StringBuilder hidden = new StringBuilder();
        for (String name : CARRIED) {
            String value = request.get(name);
            if (value != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(escape(value)).append("\">\n");
            }
        }
        String alert = error == null ? "" : "<p class=\"error\" role=\"alert\" id=\"error\">" + escape(error) + "</p>";
        String body = """
                <h1>Sign in</h1>
                <p>to <strong>%s</strong></p>
                %s
                <form method="post" action="/authorize">
                %s<label for="username">User name</label>
                <input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button id="sign-in" type="submit">Sign in</button>
                </form>
                <p class="hint">Demo issuer: users <code>operator</code>, <code>helios-partner</code>, ... password
                <code>demo</code>.</p>
                """.formatted(escape(clientName), alert, hidden);
        return page(error == null ? 200 : 401, "Sign in", body);
    }

    static SandboxResponse refused(String detail) {
        return page(400, "Sign-in request refused", "<h1>Sign-in request refused</h1><p role=\"alert\" id=\"error\">"
                + escape(detail) + "</p>");
    }

    private static SandboxResponse page(int status, String title, String body) {
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Accord demo issuer</title>
                <style>
                body{font:15px system-ui,sans-serif;background:#f3f4f6;color:#111827;display:flex;justify-content:center;padding-top:10vh}
                main{background:#fff;border:1px solid #d1d5db;border-radius:8px;padding:24px 28px;width:320px}
                h1{font-size:20px;margin:0 0 4px}label{display:block;margin:12px 0 4px;font-weight:600}
                input{width:100%%;box-sizing:border-box;padding:7px;border:1px solid #9ca3af;border-radius:4px;font:inherit}
                button{margin-top:16px;width:100%%;padding:8px;border:0;border-radius:4px;background:#1d4ed8;color:#fff;font:inherit;font-weight:600}
                .error{color:#b91c1c}.hint{color:#4b5563;font-size:13px;margin-top:16px}
                </style></head>
                <body><main>
                %s
                </main></body></html>
                """.formatted(escape(title), body);
        return new SandboxResponse(status, Map.of("Content-Type", "text/html;charset=UTF-8",
                "Cache-Control", "no-store", "X-Frame-Options", "DENY",
                "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"),
                html.getBytes(StandardCharsets.UTF_8));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
