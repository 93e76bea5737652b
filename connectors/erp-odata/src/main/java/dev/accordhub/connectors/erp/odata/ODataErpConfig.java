package dev.accordhub.connectors.erp.odata;

import java.net.URI;

/**
 * Where one program's OData ERP is and how the hub logs in to it (OAuth 2.0 client credentials, as Microsoft Entra
 * ID issues tokens for Dynamics 365 Finance). Validated on construction; each message names the property.
 *
 * @param program    the program whose documents the ERP holds; stamped on every canonical record
 * @param serviceUri the OData service root, e.g. {@code https://erp.example/data/}
 * @param tokenUri   the token endpoint, e.g. {@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token}
 * @param scope      the resource's scope, e.g. {@code https://erp.example/.default}
 * @param pageSize   the most documents of one kind read per call (the feed's page), 1..10,000
 */
public record ODataErpConfig(String program, String serviceUri, String tokenUri, String clientId,
        String clientSecret, String scope, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 200;
    /** Dynamics 365 Finance never returns more than 10,000 records in one page. */
    public static final int MAX_PAGE_SIZE = 10_000;

    public ODataErpConfig {
        require(program, "program");
        requireHttpUrl(serviceUri, "serviceUri");
        requireHttpUrl(tokenUri, "tokenUri");
        require(clientId, "clientId");
        require(clientSecret, "clientSecret");
        require(scope, "scope");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("ODataErpConfig.pageSize must be 1.." + MAX_PAGE_SIZE + ", got "
                    + pageSize);
        }
    }

    public ODataErpConfig(String program, String serviceUri, String tokenUri, String clientId, String clientSecret,
            String scope) {
        this(program, serviceUri, tokenUri, clientId, clientSecret, scope, DEFAULT_PAGE_SIZE);
    }

    /** The service root without its trailing slash, as camel-olingo4 joins resource paths to it. */
    String serviceRoot() {
        return serviceUri.endsWith("/") ? serviceUri.substring(0, serviceUri.length() - 1) : serviceUri;
    }

    @Override
    public String toString() {
        // The secret stays out of logs.
        return "ODataErpConfig[program=" + program + ", serviceUri=" + serviceUri + ", tokenUri=" + tokenUri
                + ", clientId=" + clientId + ", scope=" + scope + ", pageSize=" + pageSize + "]";
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ODataErpConfig." + name + " must be set");
        }
    }

    private static void requireHttpUrl(String value, String name) {
        require(value, name);
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ODataErpConfig." + name + " is not a URL: " + value, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("ODataErpConfig." + name + " must be an http(s) URL, got " + value);
        }
    }
}
