package dev.accordhub.hub.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accordhub.portal.security.AccessDeniedException;
import dev.accordhub.portal.security.Caller;
import dev.accordhub.portal.security.CallerResolver;
import dev.accordhub.portal.security.InvalidTokenException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.security.auth.login.FailedLoginException;

/**
 * Decides who may use the Hawtio console, with the identity provider the portal API trusts and nothing else: a
 * user name and password are exchanged for an access token at the issuer's token endpoint (password grant, the
 * console's client), and that token, or one a script presents itself, is checked exactly as the portal API checks
 * bearer tokens ({@link CallerResolver}: signature, issuer, audience, expiry). Only an operator (a token with the
 * operator scope) gets in; the password is never kept.
 */
public class OperatorSignIn {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String issuer;
    private final String operatorScope;
    private final HawtioConsoleProperties client;
    private final CallerResolver callers;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile String tokenEndpoint;

    public OperatorSignIn(String issuer, String operatorScope, HawtioConsoleProperties client, CallerResolver callers,
            ObjectMapper json) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.operatorScope = operatorScope;
        this.client = client;
        this.callers = callers;
        this.json = json;
    }

    /** The operator behind this user name and password, or {@link FailedLoginException} saying why not. */
    public Caller withPassword(String username, char[] password) throws FailedLoginException {
        if (username == null || username.isBlank() || password == null || password.length == 0) {
            throw new FailedLoginException("User name and password are required");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", client.clientId());
        form.put("client_secret", client.clientSecret());
        form.put("username", username);
        form.put("password", new String(password));
        form.put("scope", "openid " + operatorScope);
        JsonNode answer = post(tokenEndpoint(), form);
        if (!answer.hasNonNull("access_token")) {
            throw new FailedLoginException("The identity provider refused " + username + ": "
                    + answer.path("error").asText("no access token") + " "
                    + answer.path("error_description").asText(""));
        }
        return withToken(answer.path("access_token").asText());
    }

    /** The operator this access token stands for, or {@link FailedLoginException} saying why not. */
    public Caller withToken(String accessToken) throws FailedLoginException {
        Caller caller;
        try {
            caller = callers.resolve("Bearer " + accessToken);
        } catch (InvalidTokenException | AccessDeniedException e) {
            throw new FailedLoginException(e.getMessage());
        }
        if (!caller.isOperator()) {
            throw new FailedLoginException((caller.email() == null ? caller.subject() : caller.email())
                    + " is not an operator: the token lacks scope " + operatorScope);
        }
        return caller;
    }

    private String tokenEndpoint() throws FailedLoginException {
        String known = tokenEndpoint;
        if (known == null) {
            JsonNode discovery = get(issuer + "/.well-known/openid-configuration");
            known = discovery.path("token_endpoint").asText(null);
            if (known == null) {
                throw new FailedLoginException("The issuer " + issuer + " names no token_endpoint");
            }
            tokenEndpoint = known;
        }
        return known;
    }

    private JsonNode get(String url) throws FailedLoginException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(), true);
    }

    private JsonNode post(String url, Map<String, String> form) throws FailedLoginException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), false);
    }

    /** The JSON answer; a 4xx of the token endpoint is an answer too (invalid_grant and the like). */
    private JsonNode send(HttpRequest request, boolean only200) throws FailedLoginException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new FailedLoginException("The identity provider is unreachable at " + request.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FailedLoginException("Interrupted while asking the identity provider");
        }
        if (response.statusCode() >= 500 || (only200 && response.statusCode() != 200)) {
            throw new FailedLoginException("The identity provider answered " + response.statusCode() + " for "
                    + request.uri());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new FailedLoginException("The identity provider answered " + response.statusCode() + " for "
                    + request.uri() + " with no JSON");
        }
    }
}
