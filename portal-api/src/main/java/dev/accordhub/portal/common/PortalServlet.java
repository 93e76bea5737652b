package dev.accordhub.portal.common;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import org.apache.camel.component.servlet.CamelHttpTransportServlet;
import org.apache.camel.http.common.HttpConsumer;

/**
 * The servlet that serves the portal API's REST operations (camel-servlet), with {@link RestOperationIndex} to find
 * the operation of each request. Registered by {@code PortalApiConfiguration} in place of the Camel starter's own
 * servlet, under the name the servlet endpoints look for by default.
 */
public class PortalServlet extends CamelHttpTransportServlet {

    /** Where the servlet is mapped; the REST paths are relative to it. */
    public static final String BASE = "/api/v1";

    /** The Camel starter's servlet name, which {@code servlet:} endpoints use unless told otherwise. */
    public static final String NAME = "CamelServlet";

    private static final long serialVersionUID = 1L;

    private final transient RestOperationIndex operations = new RestOperationIndex(BASE);

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config); // sets Camel's own strategy, so ours goes after it
        setServletResolveConsumerStrategy(operations);
    }

    @Override
    public void connect(HttpConsumer consumer) {
        super.connect(consumer);
        operations.changed();
    }

    @Override
    public void disconnect(HttpConsumer consumer) {
        super.disconnect(consumer);
        operations.changed();
    }
}
