package dev.accordhub.hub.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The operator's route-health dashboard at {@code /ops}: static HTML, CSS and JavaScript from
 * {@code classpath:/static/ops/} (nothing to install, no CDN), {@code /ops/config.json} telling the page where to
 * sign in, and strict headers: the page may talk to the hub and the issuer only, is never framed, and sends no
 * referrer (the sign-in code is in its URL for a moment). Its data comes from {@code /api/v1/ops}, with the
 * operator's bearer token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsDashboardProperties.class)
public class OpsDashboardWeb implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/ops", "/ops/");
        registry.addViewController("/ops/").setViewName("forward:/ops/index.html");
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> opsDashboardHeaders(OpsDashboardProperties properties) {
        String policy = "default-src 'self'; connect-src 'self' " + properties.issuerOrigin()
                + "; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
        OncePerRequestFilter headers = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                response.setHeader("Content-Security-Policy", policy);
                response.setHeader("Referrer-Policy", "no-referrer");
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Cache-Control", "no-cache");
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(headers);
        registration.addUrlPatterns("/ops", "/ops/*");
        registration.setName("opsDashboardHeaders");
        return registration;
    }

    /** {@code GET /ops/config.json}: the issuer, public client and scope the page signs in with. */
    @RestController
    static class OpsDashboardConfig {

        private final OpsDashboardProperties properties;

        OpsDashboardConfig(OpsDashboardProperties properties) {
            this.properties = properties;
        }

        @GetMapping(path = "/ops/config.json", produces = "application/json")
        ResponseEntity<Map<String, Object>> config() {
            return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(Map.of(
                    "issuer", properties.issuerUri(), "clientId", properties.clientId(),
                    "scope", properties.scope(), "refreshMillis", properties.refreshMillis()));
        }
    }
}
