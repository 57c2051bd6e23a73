package dev.switchboard.bench;

import java.util.EnumMap;
import java.util.Map;

/**
 * The clients of one transport, opened on first use and kept across rounds so that client and
 * server stay warm. A client whose run had failures is checked with one call and reopened when it
 * no longer works, so that one broken session does not spoil the rounds after it. Not thread-safe.
 */
final class OpenClients implements AutoCloseable {
    private final ClientFactory factory;
    private final Target target;
    private final Map<Contender, EchoClient> clients = new EnumMap<>(Contender.class);

    OpenClients(ClientFactory factory, Target target) {
        this.factory = factory;
        this.target = target;
    }

    /**
     * The open client of kind {@code contender}, connecting it when there is none.
     *
     * @throws RuntimeException when it cannot connect
     */
    EchoClient get(Contender contender) {
        EchoClient client = clients.get(contender);
        if (client == null) {
            client = factory.open(target, contender);
            clients.put(contender, client);
        }
        return client;
    }

    /** Closes {@code contender}'s client unless one call still succeeds; it is reopened when next used. */
    boolean keepIfHealthy(Contender contender) {
        EchoClient client = clients.get(contender);
        if (client == null) {
            return false;
        }
        try {
            if ("health".equals(client.echo("health"))) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // broken: reopened below
        }
        clients.remove(contender);
        client.close();
        return false;
    }

    /** Closes every client (and the server processes the stdio clients started). */
    @Override
    public void close() {
        clients.values().forEach(EchoClient::close);
        clients.clear();
    }
}
