package dev.accordhub.sandbox.hubspot;

import dev.accordhub.sandbox.FailureInjector;
import dev.accordhub.sandbox.SandboxRequest;
import dev.accordhub.sandbox.SandboxResponse;
import dev.accordhub.sandbox.TokenRegistry;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/** Sends each request to its API after HubSpot's gates: authentication, the secondly limit, injected failures. */
final class HubSpotRouter {

    private final HubSpotOAuth oauth;
    private final TokenRegistry tokens;
    private final RateLimiter rateLimiter;
    private final FailureInjector failures;
    private final HubSpotObjectsApi objects;
    private final AtomicLong rateLimited = new AtomicLong();
    /** HubSpot's daily allowance of a private app (Professional: 625,000 calls); what the answers report. */
    private volatile long dailyLimit = 625_000;
    private final AtomicLong dailyUsed = new AtomicLong();

    HubSpotRouter(HubSpotOAuth oauth, TokenRegistry tokens, RateLimiter rateLimiter, FailureInjector failures,
                  HubSpotObjectsApi objects) {
        this.oauth = oauth;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.failures = failures;
        this.objects = objects;
    }

    long rateLimitedCount() {
        return rateLimited.get();
    }

    void setDailyLimit(long limit) {
        dailyLimit = limit;
    }

    long dailyUsed() {
        return dailyUsed.get();
    }

    SandboxResponse route(SandboxRequest request) {
        try {
            if (request.startsWith("oauth", "v1", "token") && request.path().size() == 3) {
                return oauth.token(request);
            }
            if (request.startsWith("crm", "v3")) {
                return crm(request);
            }
            throw new HubSpotApiException(404, "OBJECT_NOT_FOUND", "Resource not found: " + request.rawPath());
        } catch (HubSpotApiException e) {
            return HubSpotJson.error(e);
        }
    }

    private SandboxResponse crm(SandboxRequest request) {
        boolean authenticated = request.bearerToken().map(tokens::isValid).orElse(false);
        if (!authenticated) {
            throw new HubSpotApiException(401, "INVALID_AUTHENTICATION", "Authentication credentials not found.");
        }
        RateLimiter.Decision decision = rateLimiter.tryAcquire();
        SandboxResponse response;
        if (!decision.allowed()) {
            rateLimited.incrementAndGet();
            response = HubSpotJson.secondlyLimitReached();
        } else {
            response = answer(request);
        }
        long used = dailyUsed.incrementAndGet();
        response = response.withHeader("X-HubSpot-RateLimit-Daily", Long.toString(dailyLimit))
                .withHeader("X-HubSpot-RateLimit-Daily-Remaining", Long.toString(Math.max(0, dailyLimit - used)));
        if (decision.limit() > 0) {
            response = response
                    .withHeader("X-HubSpot-RateLimit-Secondly", Integer.toString(decision.limit()))
                    .withHeader("X-HubSpot-RateLimit-Secondly-Remaining", Integer.toString(decision.remaining()));
        }
        return response;
    }

    private SandboxResponse answer(SandboxRequest request) {
        try {
            OptionalInt failure = failures.take(request);
            if (failure.isPresent()) {
                return injectedFailure(failure.getAsInt());
            }
            if (request.path().size() >= 3 && request.path().get(2).equals("objects")) {
                return objects.handle(request, request.path().subList(3, request.path().size()));
            }
            throw new HubSpotApiException(404, "OBJECT_NOT_FOUND", "Resource not found: " + request.rawPath());
        } catch (HubSpotApiException e) {
            return HubSpotJson.error(e);
        }
    }

    private static SandboxResponse injectedFailure(int status) {
        return switch (status) {
            case 429 -> HubSpotJson.secondlyLimitReached();
            case 401 -> HubSpotJson.error(new HubSpotApiException(401, "INVALID_AUTHENTICATION",
                    "Authentication credentials not found."));
            default -> HubSpotJson.error(new HubSpotApiException(status, status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST",
                    "Injected failure: the sandbox was told to fail this request"));
        };
    }
}
