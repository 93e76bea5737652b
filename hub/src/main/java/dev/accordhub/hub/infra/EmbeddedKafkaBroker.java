package dev.accordhub.hub.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaProperties;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real, single-node Apache Kafka broker (KRaft mode, combined broker + controller) running inside the current JVM.
 *
 * <p>All broker state (partition logs, the {@code __cluster_metadata} log, {@code meta.properties},
 * {@code bootstrap.checkpoint}, the directory lock) lives in the given data directory, which this class owns
 * exclusively: do not put other files or directories there. The directory is formatted on the first start only
 * (with a freshly generated cluster id); later starts reuse the persisted cluster id and data.
 *
 * <p>Lifecycle: {@link #start()} once, then {@link #close()} (idempotent). An instance cannot be restarted;
 * create a new instance on the same directory instead.
 *
 * <p>Note: like a standalone broker, Kafka's internal fault handlers may call
 * {@code org.apache.kafka.common.utils.Exit.halt} on unrecoverable metadata faults.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    public static final String BIND_HOST = "127.0.0.1";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int MAX_BIND_ATTEMPTS = 3;

    /** Settings that define the node's identity/topology; callers may not override them. */
    private static final Set<String> MANAGED_KEYS = Set.of(
            "process.roles", "node.id", "broker.id", "listeners", "advertised.listeners",
            "listener.security.protocol.map", "controller.listener.names", "inter.broker.listener.name",
            "security.inter.broker.protocol", "controller.quorum.voters", "controller.quorum.bootstrap.servers",
            "log.dir", "log.dirs", "metadata.log.dir", "zookeeper.connect");

    private enum State { NEW, STARTING, RUNNING, CLOSED }

    private final Path dataDir;
    private final int requestedBrokerPort;
    private final int requestedControllerPort;
    private final Map<String, String> extraProperties;
    private final Duration startTimeout;

    private State state = State.NEW;           // guarded by this
    private KafkaRaftServer server;            // guarded by this
    private volatile int brokerPort = -1;
    private volatile int controllerPort = -1;
    private volatile String clusterId;

    /**
     * @param dataDir          directory holding all broker state (created if missing)
     * @param brokerPort       client listener port, or 0 to pick a free port
     * @param controllerPort   KRaft controller listener port, or 0 to pick a free port
     * @param extraProperties  additional broker properties; override the defaults (but not the managed topology keys)
     * @param startTimeout     max time for {@link #start()} (formatting, startup and readiness check)
     */
    public EmbeddedKafkaBroker(Path dataDir, int brokerPort, int controllerPort,
                               Map<String, String> extraProperties, Duration startTimeout) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        this.requestedBrokerPort = checkPort(brokerPort, "brokerPort");
        this.requestedControllerPort = checkPort(controllerPort, "controllerPort");
        this.extraProperties = Map.copyOf(Objects.requireNonNull(extraProperties, "extraProperties"));
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive");
        }
        for (String key : this.extraProperties.keySet()) {
            if (MANAGED_KEYS.contains(key)) {
                throw new IllegalArgumentException("Broker property '" + key + "' is managed by EmbeddedKafkaBroker");
            }
        }
        if (brokerPort != 0 && brokerPort == controllerPort) {
            throw new IllegalArgumentException("brokerPort and controllerPort must differ");
        }
    }

    public EmbeddedKafkaBroker(Path dataDir, int brokerPort, int controllerPort, Map<String, String> extraProperties) {
        this(dataDir, brokerPort, controllerPort, extraProperties, DEFAULT_START_TIMEOUT);
    }

    /** Formats the data directory if needed, starts the broker and waits until it serves requests. */
    public void start() {
        synchronized (this) {
            if (state != State.NEW) {
                throw new IllegalStateException("Broker can only be started once (state=" + state + ")");
            }
            state = State.STARTING;
        }
        long deadlineNanos = System.nanoTime() + startTimeout.toNanos();
        try {
            Files.createDirectories(dataDir);
            for (int attempt = 1; ; attempt++) {
                int bPort = requestedBrokerPort != 0 ? requestedBrokerPort : findFreePort();
                int cPort = requestedControllerPort != 0 ? requestedControllerPort : findFreePort(bPort);
                KafkaConfig config = KafkaConfig.fromProps(brokerProperties(bPort, cPort, remaining(deadlineNanos)), false);
                String id = formatIfNeeded(config);
                try {
                    startServer(config);
                } catch (RuntimeException e) {
                    boolean portsPicked = requestedBrokerPort == 0 || requestedControllerPort == 0;
                    if (portsPicked && isBindFailure(e) && attempt < MAX_BIND_ATTEMPTS) {
                        LOG.warn("Port conflict starting embedded Kafka (attempt {}), retrying with new ports", attempt);
                        continue;
                    }
                    throw e;
                }
                brokerPort = bPort;
                controllerPort = cPort;
                clusterId = id;
                break;
            }
            awaitReady(deadlineNanos);
            synchronized (this) {
                if (state != State.STARTING) { // closed concurrently
                    throw new IllegalStateException("Broker was closed during start");
                }
                state = State.RUNNING;
            }
            LOG.info("Embedded Kafka broker started at {} (cluster id {}, data dir {})",
                    bootstrapServers(), clusterId, dataDir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while starting embedded Kafka broker", e);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Failed to start embedded Kafka broker in " + dataDir, e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Failed to start embedded Kafka broker in " + dataDir, e);
        }
    }

    /** @return {@code "127.0.0.1:<brokerPort>"} */
    public String bootstrapServers() {
        int port = brokerPort;
        if (port < 0) {
            throw new IllegalStateException("Broker has not been started");
        }
        return BIND_HOST + ":" + port;
    }

    public int brokerPort() {
        return brokerPort;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** The persistent cluster id (stable across restarts on the same data directory); null before start. */
    public String clusterId() {
        return clusterId;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Shuts the broker down cleanly and waits for completion (releases the data directory lock). Idempotent. */
    @Override
    public void close() {
        KafkaRaftServer toStop;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            toStop = server;
            server = null;
        }
        if (toStop != null) {
            stopServer(toStop);
            LOG.info("Embedded Kafka broker stopped (data dir {})", dataDir);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private Properties brokerProperties(int bPort, int cPort, Duration startupBudget) {
        Map<String, String> p = new LinkedHashMap<>();
        // Single-node defaults (overridable through extraProperties).
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("log.cleaner.enable", "true");
        p.put("server.max.startup.time.ms", Long.toString(Math.max(1, startupBudget.toMillis())));
        p.putAll(extraProperties);
        // Managed topology.
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + BIND_HOST + ":" + cPort);
        p.put("listeners", BROKER_LISTENER + "://" + BIND_HOST + ":" + bPort + ","
                + CONTROLLER_LISTENER + "://" + BIND_HOST + ":" + cPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + BIND_HOST + ":" + bPort);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("log.dirs", dataDir.toString());
        Properties props = new Properties();
        props.putAll(p);
        return props;
    }

    /** Formats the directory when it has no meta.properties yet; returns the (persisted) cluster id. */
    private String formatIfNeeded(KafkaConfig config) throws Exception {
        String dir = dataDir.toString();
        Optional<MetaProperties> existing = loadMetaProperties(dir);
        if (existing.isEmpty()) {
            String newClusterId = Uuid.randomUuid().toString();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Formatter formatter = new Formatter()
                    .setPrintStream(new PrintStream(out, true, StandardCharsets.UTF_8))
                    .setNodeId(config.nodeId())
                    .setClusterId(newClusterId)
                    .setUnstableFeatureVersionsEnabled(config.unstableFeatureVersionsEnabled())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(dir));
            String ibp = extraProperties.get("inter.broker.protocol.version");
            if (ibp != null) {
                formatter.setReleaseVersion(MetadataVersion.fromVersionString(ibp));
            }
            formatter.run();
            LOG.info("Formatted Kafka storage: {}", out.toString(StandardCharsets.UTF_8).trim());
            existing = loadMetaProperties(dir);
            if (existing.isEmpty()) {
                throw new IllegalStateException("Formatting " + dir + " did not produce meta.properties");
            }
        }
        MetaProperties meta = existing.get();
        if (meta.nodeId().isEmpty() || meta.nodeId().getAsInt() != NODE_ID) {
            throw new IllegalStateException("Data dir " + dir + " belongs to node " + meta.nodeId() + ", expected " + NODE_ID);
        }
        return meta.clusterId().orElseThrow(() -> new IllegalStateException("No cluster id in " + dir));
    }

    private static Optional<MetaProperties> loadMetaProperties(String dir) throws IOException {
        MetaPropertiesEnsemble ensemble = new MetaPropertiesEnsemble.Loader()
                .addLogDirs(List.of(dir))
                .addMetadataLogDir(dir)
                .load();
        if (!ensemble.errorLogDirs().isEmpty()) {
            throw new IOException("Cannot read Kafka data dir " + dir);
        }
        if (ensemble.emptyLogDirs().contains(dir)) {
            return Optional.empty();
        }
        ensemble.verify(Optional.empty(), OptionalInt.of(NODE_ID),
                EnumSet.of(MetaPropertiesEnsemble.VerificationFlag.REQUIRE_AT_LEAST_ONE_VALID,
                        MetaPropertiesEnsemble.VerificationFlag.REQUIRE_METADATA_LOG_DIR));
        return Optional.ofNullable(ensemble.logDirProps().get(dir));
    }

    private void startServer(KafkaConfig config) {
        KafkaRaftServer candidate = new KafkaRaftServer(config, Time.SYSTEM);
        synchronized (this) {
            if (state != State.STARTING) {
                throw new IllegalStateException("Broker was closed during start");
            }
            server = candidate;
        }
        try {
            candidate.startup(); // blocks until unfenced and listeners are open (bounded by server.max.startup.time.ms)
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                if (server == candidate) {
                    server = null;
                }
            }
            stopServer(candidate); // release directory locks, ports and threads of the partially started server
            throw e;
        }
    }

    private static void stopServer(KafkaRaftServer s) {
        try {
            s.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("Error while shutting down embedded Kafka broker", e);
        }
        s.awaitShutdown();
    }

    /** Waits until the broker answers DescribeCluster and lists itself (i.e. is registered and unfenced). */
    private void awaitReady(long deadlineNanos) throws InterruptedException, TimeoutException {
        Map<String, Object> cfg = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        Exception last = null;
        try (Admin admin = Admin.create(cfg)) {
            while (true) {
                Duration left = remaining(deadlineNanos);
                if (left.isZero()) {
                    TimeoutException te = new TimeoutException(
                            "Embedded Kafka broker not ready within " + startTimeout);
                    if (last != null) {
                        te.initCause(last);
                    }
                    throw te;
                }
                try {
                    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, Math.max(1, left.toMillis()));
                    DescribeClusterResult result = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
                    String actualClusterId = result.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
                    boolean self = result.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).stream()
                            .mapToInt(Node::id).anyMatch(i -> i == NODE_ID);
                    if (!clusterId.equals(actualClusterId)) {
                        throw new IllegalStateException("Broker reports cluster id " + actualClusterId
                                + " but data dir has " + clusterId);
                    }
                    if (self) {
                        return;
                    }
                    last = null;
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
                TimeUnit.MILLISECONDS.sleep(Math.min(100, Math.max(1, remaining(deadlineNanos).toMillis())));
            }
        }
    }

    private static Duration remaining(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    private static boolean isBindFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static int findFreePort(int... exclude) throws IOException {
        for (int i = 0; i < 10; i++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName(BIND_HOST), 0));
                int port = socket.getLocalPort();
                boolean clash = false;
                for (int e : exclude) {
                    clash |= e == port;
                }
                if (!clash) {
                    return port;
                }
            }
        }
        throw new IOException("Could not find a free port on " + BIND_HOST);
    }

    private static int checkPort(int port, String name) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " out of range: " + port);
        }
        return port;
    }
}
