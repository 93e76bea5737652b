package dev.accordhub.portal.deals;

import dev.accordhub.routes.Topics;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.core.SessionCallback;

/**
 * Puts a new registration on both of its persistent Artemis queues in one local transaction: the command for the
 * golden model and the write for the owning CRM, each in the deal's message group. Either both are there when the
 * partner gets the 202, or neither and the partner gets an error. The CRM write no longer waits for consolidation,
 * which applies the command in parallel.
 */
public class RegistrationQueues {

    private final JmsTemplate jms;

    public RegistrationQueues(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
    }

    public void submit(String dealId, String command, String outboundQueue, String write) {
        jms.execute((SessionCallback<Void>) session -> {
            send(session, Topics.DEAL_COMMAND_QUEUE, dealId, command);
            send(session, outboundQueue, dealId, write);
            session.commit();
            return null;
        }, true);
    }

    private static void send(Session session, String queue, String group, String body)
            throws jakarta.jms.JMSException {
        MessageProducer producer = session.createProducer(session.createQueue(queue));
        try {
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty("JMSXGroupID", group);
            producer.send(message);
        } finally {
            producer.close();
        }
    }
}
