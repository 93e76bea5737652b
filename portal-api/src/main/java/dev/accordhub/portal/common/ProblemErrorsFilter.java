package dev.accordhub.portal.common;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The errors the portal's servlet answers by itself, before any route runs (no such endpoint: 404; a method the
 * endpoint does not take: 405), as RFC 9457 problems like every other error of the API, instead of Spring Boot's
 * error page. The routes' own answers, 404s included, are written as they are.
 */
public class ProblemErrorsFilter implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        chain.doFilter(request, new HttpServletResponseWrapper((HttpServletResponse) res) {
            @Override
            public void sendError(int status) throws IOException {
                sendError(status, null);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                ApiResult problem = switch (status) {
                    case 404 -> Problems.problem(404, "no-such-endpoint", "No such endpoint",
                            "The portal API has no " + request.getMethod() + " " + request.getRequestURI()
                                    + "; its endpoints are listed at /api/v1/openapi.json");
                    case 405 -> Problems.problem(405, "method-not-allowed", "Method not allowed",
                            request.getRequestURI() + " does not take " + request.getMethod());
                    default -> null;
                };
                if (problem == null || isCommitted()) {
                    super.sendError(status, message);
                    return;
                }
                resetBuffer();
                setStatus(status);
                setContentType(problem.contentType());
                getWriter().write(problem.body());
                flushBuffer();
            }
        });
    }
}
