package dev.accordhub.portal.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.http.common.HttpConsumer;
import org.apache.camel.http.common.HttpRestServletResolveConsumerStrategy;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Finds the REST operation a portal request is for, by Camel's rules, on the operations' paths split once when they
 * change instead of on every request. Camel's own strategy splits and lower-cases the path of every operation for
 * every request; with the portal's thirty-odd operations that was 12-15 % of what a cached read cost.
 *
 * <p>The index answers what it can answer exactly as Camel would: an operation whose literal path is the request's
 * ({@code /partners/me}), else the one template that fits with the fewest parameters ({@code /partners/{id}}).
 * Everything else, a path that no operation takes (404), one taken only by another method (405), two templates that
 * fit equally, OPTIONS, goes to Camel's strategy, so those answers stay Camel's.
 *
 * <p>It also names the request in Spring's {@code http.server.requests} metric by the operation's path template
 * ({@code /api/v1/partners/{id}}), as Spring MVC does for its own handlers; without it every portal request would
 * be counted as {@code uri="UNKNOWN"}.
 */
public class RestOperationIndex extends HttpRestServletResolveConsumerStrategy {

    private final String base;
    private final AtomicLong changes = new AtomicLong();
    private volatile Operations operations = new Operations(-1, List.of(), false, false);

    /** @param base where the servlet is mapped, for the names in the metric: {@code /api/v1} */
    public RestOperationIndex(String base) {
        this.base = base;
    }

    /** An operation started or stopped: the index is built again at the next request. */
    public void changed() {
        changes.incrementAndGet();
    }

    @Override
    public HttpConsumer resolve(HttpServletRequest request, Map<String, HttpConsumer> consumers) {
        Operation operation = find(request, request.getMethod(), consumers);
        HttpConsumer consumer = operation != null ? operation.consumer
                : super.doResolve(request, request.getMethod(), consumers);
        if (consumer != null) {
            String pattern = operation != null ? operation.pattern : base + consumer.getPath();
            ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(pattern));
        }
        return consumer;
    }

    /** Also what Camel's servlet asks, for each method, to tell a 405 from a 404. */
    @Override
    protected HttpConsumer doResolve(HttpServletRequest request, String method, Map<String, HttpConsumer> consumers) {
        Operation operation = find(request, method, consumers);
        return operation != null ? operation.consumer : super.doResolve(request, method, consumers);
    }

    /** What the index alone answers: the operation, or null where it leaves the answer to Camel's strategy. */
    HttpConsumer indexed(String method, String path, Map<String, HttpConsumer> consumers) {
        Operation operation = current(consumers).find(method, path);
        return operation == null ? null : operation.consumer;
    }

    private Operation find(HttpServletRequest request, String method, Map<String, HttpConsumer> consumers) {
        String path = request.getPathInfo();
        return path == null ? null : current(consumers).find(method, path);
    }

    private Operations current(Map<String, HttpConsumer> consumers) {
        Operations current = operations;
        long version = changes.get();
        if (current.version != version) {
            // Read after the version: an operation connected meanwhile makes this index stale by one more change,
            // never wrongly current.
            current = Operations.of(version, consumers.values(), base);
            operations = current;
        }
        return current;
    }

    /**
     * A path's segments as Camel compares them (one leading and one trailing slash removed, split on '/'); null for
     * a path with an empty segment ({@code /deals//x}, {@code /deals//}), where Camel's rules disagree with each
     * other and the index leaves the answer to Camel.
     */
    static String[] segmentsOf(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.endsWith("/") && path.length() > start ? path.length() - 1 : path.length();
        String trimmed = path.substring(start, end);
        if (trimmed.startsWith("/") || trimmed.endsWith("/") || trimmed.contains("//")) {
            return null;
        }
        return trimmed.split("/");
    }

    /**
     * Whether Camel's last rule, a regular expression made of each operation's path and matched against the request
     * path with a '/' appended, can never pick this operation: it cannot where the path ends in a letter, digit,
     * '-', '_' or a parameter, none of which the appended '/' matches.
     */
    static boolean endsPlainly(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return true;
        }
        char last = path.charAt(path.length() - 1);
        return Character.isLetterOrDigit(last) || last == '}' || last == '-' || last == '_';
    }

    /** @param pattern the name of its requests in the metric: {@code /api/v1/partners/{id}} */
    private record Operation(HttpConsumer consumer, String pattern, String restrict, String[] segments,
            boolean[] parameter, int parameters) {

        static Operation of(HttpConsumer consumer, String base) {
            String restrict = consumer.getEndpoint().getHttpMethodRestrict();
            String[] segments = segmentsOf(consumer.getPath());
            if (segments == null) {
                return null;
            }
            boolean[] parameter = new boolean[segments.length];
            int parameters = 0;
            for (int i = 0; i < segments.length; i++) {
                parameter[i] = segments[i].startsWith("{") && segments[i].endsWith("}");
                parameters += parameter[i] ? 1 : 0;
            }
            return new Operation(consumer, base + consumer.getPath(),
                    restrict == null ? null : restrict.toLowerCase(Locale.ENGLISH), segments, parameter, parameters);
        }

        boolean takes(String method) {
            return restrict == null || restrict.contains(method);
        }

        boolean isLiterally(String[] request) {
            if (request.length != segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (!segments[i].equalsIgnoreCase(request[i])) {
                    return false;
                }
            }
            return true;
        }

        boolean fits(String[] request) {
            if (request.length != segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                if (!parameter[i] && !segments[i].equalsIgnoreCase(request[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * @param prefixed whether an operation takes every path that starts with its own (as the OpenAPI document's
     *        does); Camel lets such an operation win only among operations without parameters
     */
    private record Operations(long version, List<Operation> all, boolean usable, boolean prefixed) {

        static Operations of(long version, Collection<HttpConsumer> consumers, String base) {
            List<Operation> all = new ArrayList<>();
            boolean usable = true;
            boolean prefixed = false;
            for (HttpConsumer consumer : consumers) {
                // Wildcards follow other rules: with one about, Camel decides every time.
                Operation operation = Operation.of(consumer, base);
                usable &= operation != null && !consumer.getPath().contains("*") && endsPlainly(consumer.getPath());
                prefixed |= consumer.getEndpoint().isMatchOnUriPrefix();
                all.add(operation);
            }
            return new Operations(version, usable ? List.copyOf(all) : List.of(), usable, prefixed);
        }

        /** The operation Camel would pick, or null where this index is not sure (Camel's strategy decides). */
        Operation find(String method, String path) {
            if (!usable || "OPTIONS".equalsIgnoreCase(method)) {
                return null; // OPTIONS: Camel matches it against every method's operations
            }
            String verb = method.toLowerCase(Locale.ENGLISH);
            String[] request = segmentsOf(path);
            if (request == null) {
                return null;
            }
            boolean methodHasParameters = false;
            Operation literal = null;
            boolean literalForAnotherMethod = false;
            Operation best = null;
            boolean tie = false;
            for (Operation operation : all) {
                boolean takes = operation.takes(verb);
                methodHasParameters |= takes && operation.parameters > 0;
                if (operation.isLiterally(request)) {
                    if (!takes) {
                        literalForAnotherMethod = true;
                    } else if (literal != null) {
                        return null; // two operations of the same path and method: Camel's order decides
                    } else {
                        literal = operation;
                    }
                } else if (takes && operation.parameters > 0 && operation.fits(request)) {
                    if (best == null || operation.parameters < best.parameters) {
                        best = operation;
                        tie = false;
                    } else if (operation.parameters == best.parameters) {
                        tie = true;
                    }
                }
            }
            if (prefixed && !methodHasParameters) {
                return null; // where every operation of the method is literal, Camel picks the longest prefix
            }
            if (literal != null) {
                return literal;
            }
            // Another method's literal path makes Camel answer 405 even where a template would fit; a tie makes it
            // refuse the request as ambiguous. Both are Camel's to say.
            return literalForAnotherMethod || tie ? null : best;
        }
    }
}
