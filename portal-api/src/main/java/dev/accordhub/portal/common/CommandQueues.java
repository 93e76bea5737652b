package dev.accordhub.portal.common;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.Map;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.core.SessionCallback;

/**
 * Puts a portal command's messages on their persistent Artemis queues in one local transaction (typically the
 * command for the hub's model and the write for the owning system): either all are there when the partner gets the
 * 202, or none and the partner gets an error.
 */
public class CommandQueues {

    /** One message: its queue, message group (order is kept within it), string properties and JSON body. */
    public record Queued(String queue, String group, Map<String, String> properties, String body) {
    }

    private final JmsTemplate jms;

    public CommandQueues(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
    }

    public void send(List<Queued> messages) {
        jms.execute((SessionCallback<Void>) session -> {
            for (Queued message : messages) {
                send(session, message);
            }
            session.commit();
            return null;
        }, true);
    }

    private static void send(Session session, Queued queued) throws JMSException {
        MessageProducer producer = session.createProducer(session.createQueue(queued.queue()));
        try {
            TextMessage message = session.createTextMessage(queued.body());
            message.setStringProperty("JMSXGroupID", queued.group());
            for (Map.Entry<String, String> property : queued.properties().entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            producer.send(message);
        } finally {
            producer.close();
        }
    }
}
