import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Bulk backfill of deals into the golden model, against the raw producer throughput of the same Kafka broker, and
 * the heap each golden deal costs.
 *
 * <p>Starts a private copy of {@code hub/target/accord-hub.jar} (default profile, fresh data directory), waits for
 * the demo's deals to be consolidated, then:
 * <ol>
 *   <li>takes one deal change event the hub's own ingest wrote to {@code accord.ingest.deal} as the template (the
 *       connectors' output: a CloudEvents envelope keyed by source key, with the {@code accordCorrelation}
 *       header);</li>
 *   <li>baseline: produces N records of the same size to a scratch topic {@code bench.raw} of the same broker,
 *       with the same producer, and times it (before and after the backfill; the mean is the baseline);</li>
 *   <li>backfill: produces N such events for N new deals (new external ids) to {@code accord.ingest.deal} and
 *       times from the first send until the hub's {@code accord.golden.records{entity="deal"}} holds them all;</li>
 *   <li>heap: {@code jcmd GC.run} + {@code GC.heap_info} on the hub before and after; (after − before) / N.</li>
 *   <li>Kafka alone (no §6 target; {@code --pipeline false} skips it): the same N changes produced to a scratch
 *       topic while a plain consumer and producer in this process forward each as a golden event's worth of bytes
 *       and commit a poll at a time: the backfill's Kafka traffic without the consolidation, the ceiling a backfill
 *       on this broker and machine could reach ({@link #pipeline}).</li>
 * </ol>
 * Needs kafka-clients on the class path (bench/run-all.sh extracts it from the hub jar):
 * {@code java -cp "LIBDIR/*" bench/src/BackfillBench.java [--deals 1000000] [--timeout-s 1200]}
 */
public class BackfillBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    int deals = 1_000_000;
    int rawRecords = -1; // default: as many as deals
    boolean pipeline = true;
    long timeoutS = 1200;
    Path jar = Path.of("hub/target/accord-hub.jar");
    List<String> hubArgs = new ArrayList<>();
    List<String> hubJvmArgs = new ArrayList<>();
    Hub hub;

    public static void main(String[] args) throws Exception {
        BackfillBench bench = new BackfillBench();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--deals" -> bench.deals = Integer.parseInt(value);
                case "--raw-records" -> bench.rawRecords = Integer.parseInt(value);
                case "--pipeline" -> bench.pipeline = Boolean.parseBoolean(value);
                case "--timeout-s" -> bench.timeoutS = Long.parseLong(value);
                case "--jar" -> bench.jar = Path.of(value);
                case "--hub-arg" -> bench.hubArgs.add(value);
                case "--hub-jvm-arg" -> bench.hubJvmArgs.add(value);
                case "--help" -> {
                    System.out.println("java -cp 'LIBDIR/*' bench/src/BackfillBench.java [--deals N] [--raw-records N]"
                            + " [--pipeline false] [--timeout-s S] [--jar PATH] [--hub-arg --k=v]..."
                            + " [--hub-jvm-arg -Xmx..]...");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
            i++;
        }
        if (bench.rawRecords < 0) {
            bench.rawRecords = bench.deals;
        }
        int status = 0;
        try {
            bench.run();
        } catch (Exception e) {
            System.out.println("BENCHMARK FAILED: " + e);
            if (bench.hub != null) {
                bench.hub.printLogErrors();
            }
            status = 1;
        } finally {
            if (bench.hub != null) {
                bench.hub.stop();
            }
        }
        System.exit(status);
    }

    void run() throws Exception {
        System.out.println("== Accord backfill benchmark ==");
        System.out.println("date:      " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", load avg " + Hub.loadAverage());
        hub = Hub.start(jar, "accord-backfill-", hubJvmArgs, hubArgs);
        hub.waitHealthy(240);
        System.out.printf(Locale.ROOT, "hub healthy after %.1f s%n", hub.healthySeconds);

        // The demo's own deals first: a settled model, so the count and the heap start from a still point.
        long demoDeals = waitSettled(Duration.ofSeconds(3), 180);
        System.out.println("demo deals consolidated: " + demoDeals);
        long heapBefore = hub.heapUsedAfterGc();
        System.out.printf(Locale.ROOT, "heap after full GC, before the backfill: %.1f MB%n", heapBefore / 1e6);

        ConsumerRecord<byte[], byte[]> template = template();
        String templateJson = new String(template.value(), StandardCharsets.UTF_8);
        String externalId = field(field(templateJson, "data", true), "externalId", false);
        System.out.println("template: " + template.value().length + " bytes, key " + new String(template.key(),
                StandardCharsets.UTF_8) + ", external id " + externalId);
        List<Header> headers = List.of(template.headers().toArray());

        Properties producerProps = new Properties();
        producerProps.put("bootstrap.servers", hub.kafka);
        producerProps.put("key.serializer", ByteArraySerializer.class.getName());
        producerProps.put("value.serializer", ByteArraySerializer.class.getName());
        producerProps.put("acks", "all");
        producerProps.put("linger.ms", "5");
        producerProps.put("batch.size", "131072");
        producerProps.put("buffer.memory", "67108864");
        try (Admin admin = Admin.create(producerProps(producerProps))) {
            admin.createTopics(List.of(new NewTopic("bench.raw", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }

        double rawBefore;
        double backfillRate;
        double produceRate;
        long consolidated;
        boolean complete;
        double rawAfter;
        double pipelineRate = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps)) {
            produce(producer, "bench.raw", "raw-warmup", Math.min(20_000, rawRecords), templateJson, externalId,
                    headers);
            rawBefore = produce(producer, "bench.raw", "raw", rawRecords, templateJson, externalId, headers);
            System.out.printf(Locale.ROOT, "raw producer (bench.raw, %,d records of %d bytes): %,.0f records/s%n",
                    rawRecords, template.value().length, rawBefore);

            long target = demoDeals + deals;
            long[] cpuBefore = Hub.cpuTicks(hub.process.pid());
            long t0 = System.nanoTime();
            produceRate = produce(producer, "accord.ingest.deal", "bf", deals, templateJson, externalId, headers);
            double produced = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "backfill produced to accord.ingest.deal in %.1f s (%,.0f records/s);"
                    + " waiting for the golden model%n", produced, produceRate);
            long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutS);
            long last = -1;
            long lastPrint = 0;
            while (true) {
                last = goldenDeals();
                long now = System.nanoTime();
                if (last >= target || now > deadline) {
                    break;
                }
                if (now - lastPrint > TimeUnit.SECONDS.toNanos(10)) {
                    System.out.printf(Locale.ROOT, "  %6.1f s: %,d of %,d golden deals%n", (now - t0) / 1e9,
                            last - demoDeals, (long) deals);
                    lastPrint = now;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            consolidated = last - demoDeals;
            complete = last >= target;
            backfillRate = consolidated / seconds;
            System.out.printf(Locale.ROOT, "backfill: %,d of %,d deals in the golden model after %.1f s: %,.0f"
                    + " records/s%s; %s%n", consolidated, (long) deals, seconds, backfillRate,
                    complete ? "" : " (TIMED OUT: the rate is over what was consolidated)", hub.busySince(cpuBefore));

            rawAfter = produce(producer, "bench.raw", "raw2", rawRecords, templateJson, externalId, headers);
            System.out.printf(Locale.ROOT, "raw producer again, after the backfill: %,.0f records/s%n", rawAfter);
            if (pipeline) {
                byte[] golden = goldenTemplate();
                pipelineRate = pipeline(producerProps, deals, templateJson, externalId, headers, golden);
                System.out.printf(Locale.ROOT, "Kafka alone (produce %,d, forward each as a %d-byte record, commit a"
                        + " poll at a time): %,.0f records/s%n", (long) deals, golden.length, pipelineRate);
            }
        }
        double raw = (rawBefore + rawAfter) / 2;
        long heapAfter = hub.heapUsedAfterGc();
        double perDeal = (heapAfter - heapBefore) / (double) Math.max(1, consolidated);
        System.out.printf(Locale.ROOT, "heap after full GC, after the backfill: %.1f MB; %.0f bytes per golden deal%n",
                heapAfter / 1e6, perDeal);
        System.out.println("largest heap classes after the backfill (jcmd GC.class_histogram):");
        hub.jcmd("GC.class_histogram").lines().limit(18).forEach(l -> System.out.println("  " + l));
        System.out.println("load avg at the end: " + Hub.loadAverage() + "; CPU " + hub.cpuSummary());

        String n = String.format(Locale.ROOT, "%,d", (long) deals);
        Report.row("backfill into the golden model (" + n + " deals)", String.format(Locale.ROOT, "%,.0f rec/s",
                backfillRate) + (complete ? "" : " (timed out)"), String.format(Locale.ROOT,
                "raw producer %,.0f rec/s", raw), String.format(Locale.ROOT, "%.1f%%", 100 * backfillRate / raw),
                "≥ 20,000 rec/s and ≥ 30%", complete && backfillRate >= 20_000 && backfillRate / raw >= 0.30);
        if (pipeline) {
            Report.info("the backfill's Kafka traffic alone (" + n + " changes forwarded by a plain consumer and"
                    + " producer)", String.format(Locale.ROOT, "%,.0f rec/s, %.1f%% of raw", pipelineRate,
                    100 * pipelineRate / raw), String.format(Locale.ROOT, "backfill %,.0f rec/s", backfillRate),
                    String.format(Locale.ROOT, "backfill at %.0f%% of it", 100 * backfillRate / pipelineRate));
        }
        Report.row("heap per golden deal", String.format(Locale.ROOT, "%.0f B", perDeal), "—", "—", "≤ 1,536 B",
                complete && perDeal <= 1536);
        Report.noise("BackfillBench", hub.cpuSummary() + ", load avg " + Hub.loadAverage());
    }

    static Properties producerProps(Properties p) {
        Properties admin = new Properties();
        admin.put("bootstrap.servers", p.get("bootstrap.servers"));
        return admin;
    }

    /** Sends n copies of the template with new external ids; returns records/s from the first send to the last ack. */
    static double produce(KafkaProducer<byte[], byte[]> producer, String topic, String prefix, int n, String template,
            String externalId, List<Header> headers) throws Exception {
        int at = template.indexOf(externalId);
        List<int[]> spans = new ArrayList<>();
        for (int i = at; i >= 0; i = template.indexOf(externalId, i + 1)) {
            spans.add(new int[] {i, i + externalId.length()});
        }
        AtomicReference<Exception> failed = new AtomicReference<>();
        AtomicLong acked = new AtomicLong();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            // Same length as the template's id where possible, so raw and backfill records weigh the same.
            String id = prefix + "-" + i;
            StringBuilder value = new StringBuilder(template.length() + 16);
            int from = 0;
            for (int[] span : spans) {
                value.append(template, from, span[0]).append(id);
                from = span[1];
            }
            value.append(template, from, template.length());
            String key = keyOf(value);
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, key.getBytes(StandardCharsets.UTF_8),
                    value.toString().getBytes(StandardCharsets.UTF_8), headers);
            producer.send(record, (meta, e) -> {
                if (e != null) {
                    failed.compareAndSet(null, e);
                } else {
                    acked.incrementAndGet();
                }
            });
            if (failed.get() != null) {
                throw failed.get();
            }
        }
        producer.flush();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (failed.get() != null || acked.get() != n) {
            throw new IllegalStateException("Kafka acknowledged " + acked.get() + " of " + n + " records to " + topic,
                    failed.get());
        }
        return n / seconds;
    }

    /** The change event's subject: the source key the hub's ingest keys it by. */
    static String keyOf(CharSequence event) {
        Matcher m = Pattern.compile("\"subject\"\\s*:\\s*\"([^\"]+)\"").matcher(event);
        if (!m.find()) {
            throw new IllegalStateException("template event has no subject: " + event);
        }
        return m.group(1);
    }

    /**
     * The Kafka traffic of a backfill without the consolidation: {@code n} records like the backfill's produced to
     * {@code bench.pipe.in} (partitioned as {@code accord.ingest.deal}) while a plain consumer in this
     * process forwards each, as a record of a golden event's size, to {@code bench.pipe.out} (as
     * {@code accord.golden.deal}), sending without waiting, then waiting for a poll's acknowledgements and
     * committing its offsets, as the hub's consolidation does. Records/s from the first send until the last record
     * is forwarded and committed: the most a backfill could reach on this broker and machine if consolidating a
     * change cost nothing.
     */
    double pipeline(Properties producerProps, int n, String templateJson,
            String externalId, List<Header> headers, byte[] forwardValue) throws Exception {
        try (Admin admin = Admin.create(producerProps(producerProps))) {
            int partitions = admin.describeTopics(List.of("accord.ingest.deal")).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get("accord.ingest.deal").partitions().size();
            // Not compacted, unlike the hub's topics: the cleaner would not run within the measurement anyway.
            admin.createTopics(List.of(new NewTopic("bench.pipe.in", partitions, (short) 1),
                    new NewTopic("bench.pipe.out", partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties c = new Properties();
        c.put("bootstrap.servers", hub.kafka);
        c.put("group.id", "bench-pipe");
        c.put("auto.offset.reset", "earliest");
        c.put("enable.auto.commit", "false");
        c.put("max.poll.records", "2000"); // as the consolidation route
        c.put("max.partition.fetch.bytes", "4194304");
        c.put("key.deserializer", ByteArrayDeserializer.class.getName());
        c.put("value.deserializer", ByteArrayDeserializer.class.getName());
        AtomicReference<Exception> failed = new AtomicReference<>();
        AtomicLong forwarded = new AtomicLong();
        int warm = Math.min(20_000, n);
        Thread forwarder = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c);
                    // The driver's settings, which are the hub's golden producers' (PendingGoldenSends): a 5 ms
                    // linger, batches of up to 128 KB.
                    KafkaProducer<byte[], byte[]> out = new KafkaProducer<>(producerProps)) {
                consumer.subscribe(List.of("bench.pipe.in"));
                while (forwarded.get() < warm + n && failed.get() == null) {
                    var records = consumer.poll(Duration.ofMillis(20));
                    if (records.isEmpty()) {
                        continue;
                    }
                    List<java.util.concurrent.Future<?>> acks = new ArrayList<>(records.count());
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        acks.add(out.send(new ProducerRecord<>("bench.pipe.out", null, r.key(), forwardValue,
                                r.headers())));
                    }
                    for (var ack : acks) {
                        ack.get();
                    }
                    consumer.commitSync();
                    forwarded.addAndGet(records.count());
                }
            } catch (Exception e) {
                failed.compareAndSet(null, e);
            }
        }, "bench-pipe");
        // Not idempotent, else the same settings: an idempotent producer, fresh or not, lost records on this new
        // topic, compacted or not (the embedded broker refused its batches to one partition with
        // OutOfOrderSequenceException, each numbered as the partition's first). Idempotence only guards retries.
        Properties p = new Properties();
        p.putAll(producerProps);
        p.put("enable.idempotence", "false");
        try (KafkaProducer<byte[], byte[]> in = new KafkaProducer<>(p)) {
            in.partitionsFor("bench.pipe.in");
            forwarder.start();
            // Warmed up first, as the raw producer is: this process's consumer and forwarder start cold, the hub's
            // consumer has run the demo.
            produce(in, "bench.pipe.in", "pipe-warmup", warm, templateJson, externalId, headers);
            long warmDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
            while (forwarded.get() < warm && failed.get() == null && System.nanoTime() < warmDeadline) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            long[] cpuBefore = Hub.cpuTicks(hub.process.pid());
            long t0 = System.nanoTime();
            produce(in, "bench.pipe.in", "pipe", n, templateJson, externalId, headers);
            forwarder.join(TimeUnit.SECONDS.toMillis(timeoutS));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.println("Kafka alone: " + hub.busySince(cpuBefore));
            if (failed.get() != null || forwarded.get() < warm + n) {
                throw new IllegalStateException("the Kafka-alone pipeline forwarded " + forwarded.get() + " of "
                        + (warm + n), failed.get());
            }
            return n / seconds;
        }
    }

    /** A golden deal event the hub published, as the size of what consolidation writes per change. */
    byte[] goldenTemplate() {
        return firstRecord("accord.golden.deal", "golden deal event", value -> true).value();
    }

    /** A deal change the hub's ingest wrote, without a registration (those go another way). */
    ConsumerRecord<byte[], byte[]> template() {
        return firstRecord("accord.ingest.deal", "deal change event without a registration",
                v -> v.contains(".upserted\"") && !v.contains("\"registration\":{"));
    }

    /** The first record of a topic (read from its start, for up to 30 s) whose value, as text, passes the test. */
    ConsumerRecord<byte[], byte[]> firstRecord(String topic, String what,
            java.util.function.Predicate<String> wanted) {
        Properties p = new Properties();
        p.put("bootstrap.servers", hub.kafka);
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null && wanted.test(new String(r.value(), StandardCharsets.UTF_8))) {
                        return r;
                    }
                }
            }
        }
        throw new IllegalStateException("no " + what + " in " + topic);
    }

    long goldenDeals() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(hub.url
                + "/actuator/metrics/accord.golden.records?tag=entity:deal")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"value\"\\s*:\\s*([0-9.E]+)").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no accord.golden.records metric (a hub without it?): " + r.statusCode()
                    + " " + r.body());
        }
        return (long) Double.parseDouble(m.group(1));
    }

    /** Waits until the golden deal count is above zero and has not moved for the given time. */
    long waitSettled(Duration still, long timeoutS) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
        long last = -1;
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = goldenDeals();
            if (now != last) {
                last = now;
                since = System.nanoTime();
            } else if (now > 0 && System.nanoTime() - since > still.toNanos()) {
                return now;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("the demo deals did not settle within " + timeoutS + " s (last count " + last + ")");
    }

    /** The JSON text of a field: a string's content, or (object=true) the object's text with braces. */
    static String field(String json, String name, boolean object) {
        int at = json.indexOf("\"" + name + "\"");
        if (at < 0) {
            throw new IllegalStateException("no field " + name + " in " + json);
        }
        int colon = json.indexOf(':', at);
        if (!object) {
            int open = json.indexOf('"', colon + 1);
            return json.substring(open + 1, json.indexOf('"', open + 1));
        }
        int open = json.indexOf('{', colon);
        int depth = 0;
        for (int i = open; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return json.substring(open, i + 1);
            }
        }
        throw new IllegalStateException("unbalanced " + name);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Shared by the suite's drivers (a copy in each: Java 17 runs one source file at a time). Keep them in step.

    /** The machine-readable lines bench/run-all.sh collects into the report. */
    static final class Report {
        static void row(String metric, String figure, String baseline, String ratio, String target, boolean met) {
            System.out.println("REPORT | " + metric + " | " + figure + " | " + baseline + " | " + ratio + " | "
                    + target + " | " + (met ? "met" : "**missed**") + " |");
        }

        /** A figure shown for context, with no target of its own. */
        static void info(String metric, String figure, String baseline, String ratio) {
            System.out.println("REPORT | " + metric + " | " + figure + " | " + baseline + " | " + ratio
                    + " | (no §6 target) | — |");
        }

        static void noise(String driver, String text) {
            System.out.println("NOISE | " + driver + " | " + text + " |");
        }
    }

    /** A private hub: a copy of the jar, free ports, a fresh data directory, its log kept in the temp dir. */
    static final class Hub {
        static final List<String> PORTS = List.of("server.port", "accord.embedded.kafka.port",
                "accord.embedded.kafka.controller-port", "accord.sandbox.salesforce.port",
                "accord.sandbox.hubspot.port", "accord.sandbox.nimbus.port", "accord.sandbox.oidc.port",
                "accord.sandbox.erp.helios.port", "accord.sandbox.erp.vantage.port");

        final Map<String, Integer> ports = new LinkedHashMap<>();
        Process process;
        Path temp;
        Path log;
        String url;
        String kafka;
        double healthySeconds;
        long startedNanos;
        long[] cpuAtStart;

        static Hub start(Path jar, String prefix, List<String> jvmArgs, List<String> args) throws IOException {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("no hub jar at " + jar + "; build first: ./mvnw -DskipTests package");
            }
            Hub hub = new Hub();
            hub.temp = Files.createTempDirectory(prefix);
            hub.log = hub.temp.resolve("hub.log");
            Path copy = Files.copy(jar, hub.temp.resolve("accord-hub.jar"), StandardCopyOption.COPY_ATTRIBUTES);
            Set<Integer> taken = new HashSet<>();
            for (String key : PORTS) {
                hub.ports.put(key, freePort(taken));
            }
            Map<String, String> props = new LinkedHashMap<>();
            props.put("accord.data-dir", hub.temp.resolve("data").toString());
            hub.ports.forEach((k, v) -> props.put(k, String.valueOf(v)));
            props.put("accord.sandbox.hubspot.requests-per-second", "100000");
            List<String> extra = new ArrayList<>();
            for (String arg : args) {
                Matcher m = Pattern.compile("--([^=]+)=(.*)", Pattern.DOTALL).matcher(arg);
                if (m.matches()) {
                    props.put(m.group(1), m.group(2)); // Spring joins a repeated key with commas: one value each
                } else {
                    extra.add(arg);
                }
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmArgs);
            command.add("-jar");
            command.add(copy.toString());
            props.forEach((k, v) -> command.add("--" + k + "=" + v));
            command.addAll(extra);
            hub.url = "http://127.0.0.1:" + props.get("server.port");
            hub.kafka = "127.0.0.1:" + props.get("accord.embedded.kafka.port");
            System.out.println("hub:       " + String.join(" ", command));
            System.out.println("hub log:   " + hub.log);
            hub.cpuAtStart = cpuTicks(-1);
            hub.startedNanos = System.nanoTime();
            hub.process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                    .redirectErrorStream(true).redirectOutput(hub.log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(hub::stop));
            return hub;
        }

        String sandbox(String key) {
            return "http://127.0.0.1:" + ports.get(key);
        }

        void waitHealthy(long timeoutS) throws Exception {
            waitUntil(() -> {
                try {
                    return get(url + "/actuator/health", null).body().startsWith("{\"status\":\"UP\"");
                } catch (IOException e) {
                    return false;
                }
            }, timeoutS, "the hub healthy", 20);
            healthySeconds = (System.nanoTime() - startedNanos) / 1e9;
            cpuAtStart = cpuTicks(process.pid());
        }

        void waitUntil(BooleanSupplier condition, long timeoutS, String what, long everyMs) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
            while (!condition.getAsBoolean()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the hub exited (status " + process.exitValue() + ") waiting for "
                            + what);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out after " + timeoutS + " s waiting for " + what);
                }
                TimeUnit.MILLISECONDS.sleep(everyMs);
            }
        }

        HttpResponse<String> get(String target, String token) throws IOException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            try {
                return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        /** A demo user's access token from the sandbox issuer. */
        String token(String user) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox("accord.sandbox.oidc.port")
                    + "/token")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=accord-portal"
                            + "&client_secret=accord-portal-secret&username=" + user + "&password=demo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
            if (!m.find()) {
                throw new IllegalStateException("no token for " + user + ": " + r.statusCode() + " " + r.body());
            }
            return m.group(1);
        }

        String jcmd(String command) throws Exception {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: " + out);
            }
            return out;
        }

        /** Heap in use right after a full GC (twice, so what the first one only queued for finalising goes too). */
        long heapUsedAfterGc() throws Exception {
            jcmd("GC.run");
            jcmd("GC.run");
            String info = jcmd("GC.heap_info");
            Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
            if (!m.find()) {
                throw new IllegalStateException("cannot read GC.heap_info: " + info);
            }
            return Long.parseLong(m.group(1)) * 1024;
        }

        /** CPU since healthy: the hub's share, the rest of the machine's (other processes: the noise). */
        String cpuSummary() {
            long[] now = cpuTicks(process.pid());
            long total = now[0] - cpuAtStart[0];
            long idle = now[1] - cpuAtStart[1];
            long hubTicks = now[2] - cpuAtStart[2];
            long self = now[3] - cpuAtStart[3];
            if (total <= 0) {
                return "CPU n/a";
            }
            return String.format(Locale.ROOT, "machine busy %.0f%% (hub %.0f%%, driver %.0f%%, other processes %.0f%%)",
                    100.0 * (total - idle) / total, 100.0 * hubTicks / total, 100.0 * self / total,
                    100.0 * Math.max(0, total - idle - hubTicks - self) / total);
        }

        /** The machine's busy share, the hub's and this driver's since {@code from} (a {@link #cpuTicks} reading). */
        String busySince(long[] from) {
            long[] now = cpuTicks(process.pid());
            long total = now[0] - from[0];
            if (total <= 0) {
                return "CPU n/a";
            }
            return String.format(Locale.ROOT, "machine busy %.0f%%, hub %.0f%%, driver %.0f%%",
                    100.0 * (total - (now[1] - from[1])) / total, 100.0 * (now[2] - from[2]) / total,
                    100.0 * (now[3] - from[3]) / total);
        }

        /** /proc ticks: all CPUs total, idle (+iowait), the hub process, this driver. */
        static long[] cpuTicks(long hubPid) {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < cpu.length && i <= 8; i++) {
                    total += Long.parseLong(cpu[i]);
                }
                long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
                long hubTicks = hubPid > 0 ? procTicks(Path.of("/proc/" + hubPid + "/stat")) : 0;
                return new long[] {total, idle, hubTicks, procTicks(Path.of("/proc/self/stat"))};
            } catch (IOException | RuntimeException e) {
                return new long[] {0, 0, 0, 0};
            }
        }

        private static long procTicks(Path stat) throws IOException {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
        }

        static String loadAverage() {
            try {
                String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return f[0] + " " + f[1] + " " + f[2];
            } catch (IOException e) {
                return "n/a";
            }
        }

        void printLogErrors() {
            try {
                Files.readAllLines(log).stream().filter(l -> l.contains("ERROR") || l.contains("Exception"))
                        .limit(20).forEach(l -> System.out.println("  hub log: " + l));
            } catch (IOException | RuntimeException ignored) {
                // nothing to show
            }
        }

        void stop() {
            if (process != null && process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(90, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            if (temp != null) {
                try (var files = Files.walk(temp)) {
                    files.sorted(java.util.Comparator.reverseOrder()).filter(f -> !f.equals(log) && !f.equals(temp))
                            .forEach(f -> f.toFile().delete());
                } catch (IOException | RuntimeException ignored) {
                    // left behind in /tmp
                }
            }
        }

        /**
         * A port no server holds now, below the kernel's ephemeral range ({@code ip_local_port_range}). A port the kernel
         * picked for {@code bind(0)} is one it also gives to outgoing connections, and one of the hub's own could take it
         * before the server meant to listen there starts ("Port ... was already in use").
         */
        static int freePort(Collection<Integer> taken) throws IOException {
            int below = ephemeralRangeStart();
            for (int attempt = 0; attempt < 200; attempt++) {
                int port = 10_000 + PORT_PICKER.nextInt(Math.max(1, below - 10_000));
                if (taken.contains(port)) {
                    continue;
                }
                try (ServerSocket s = new ServerSocket()) {
                    s.setReuseAddress(false);
                    s.bind(new InetSocketAddress("0.0.0.0", port));
                    taken.add(port);
                    return port;
                } catch (IOException busy) {
                    // held by something: try another
                }
            }
            throw new IOException("no free port between 10000 and " + below);
        }

        private static final java.util.Random PORT_PICKER = new java.util.Random();

        /** Where the kernel starts handing out ports of its own (Linux: ip_local_port_range; else 32768). */
        private static int ephemeralRangeStart() {
            try {
                String range = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
                return Math.max(11_000, Integer.parseInt(range.trim().split("\\s+")[0]));
            } catch (IOException | RuntimeException e) {
                return 32_768;
            }
        }
    }
}
