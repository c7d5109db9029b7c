package tideline.interop;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * A small command-line driver for the Java Kafka client, used by the interop harness. It is
 * compiled against kafka-clients 3.9 and 4.x, so it uses only API present in both. Every result
 * is one JSON object per line on stdout; diagnostics go to stderr; a failure exits non-zero.
 *
 * <pre>
 * produce   --bootstrap B --topic T [--count N] [--key-prefix K] [--value-prefix V] [--null-keys]
 *           [--stdin] [--partition P] [--header k=v]... [--acks all|1|0] [--compression C]
 *           [--idempotence true|false] [--linger-ms N] [--batch-size N] [--prop k=v]... [--stream-acks]
 *           (--stdin: one record per line, "key\tvalue", an empty key meaning null;
 *           --stream-acks: print each ack with its key and value as it arrives)
 * consume   --bootstrap B --topic T [--group G] [--partition P --offset O] [--max N]
 *           [--timeout-ms N] [--idle-exit-ms N] [--prop k=v]...   (no group and no partition: all
 *           partitions from 0; --idle-exit-ms: stop once N ms pass without records after the first)
 * group     --bootstrap B --topic T --group G [--timeout-ms N] [--stdin-control]
 *           [--commit sync|none] [--commit-interval-ms N] [--sleep-ms N [--sleep-after-polls K]]
 *           [--prop k=v]...
 *           a group member that streams what happens to it, one flushed line per event:
 *           {"event":"assigned"|"revoked"|"lost","partitions":[..],"generation":G,"memberId":M},
 *           each record {"topic","partition","offset","timestamp","key","value"},
 *           {"event":"committed","offsets":[{"topic","partition","offset"}]} after each commitSync,
 *           {"event":"commit-failed","error":CLASS,"message":..}, {"event":"sleeping",..} and
 *           {"event":"closed","consumed":N}. --commit sync (default) commits the processed offsets
 *           with commitSync after a poll once --commit-interval-ms (default 0) passed since the last
 *           commit, for revoked partitions in onPartitionsRevoked, and on close; --commit none leaves
 *           it to enable.auto.commit. --sleep-ms stalls the poll loop once, after the K-th poll that
 *           returned records (default 1) and before committing them (a slow member).
 *           --stdin-control: a "stop" line or EOF on stdin closes the consumer (leaving the group);
 *           otherwise it runs until --timeout-ms (default 120000).
 * txn-produce, eos   transactional producer and consume-transform-produce loop (Transactions.java)
 * admin     create-topic --bootstrap B --topic T [--partitions N] [--replication-factor R] [--config k=v]...
 * admin     delete-topic|describe-topic|describe-configs --bootstrap B --topic T
 * admin     list-topics --bootstrap B
 * partition [--hex] NUM_PARTITIONS KEY...   the default partitioner's choice for each UTF-8 key
 *           (--hex: each KEY is hex-encoded bytes, "" being the empty key)
 * version
 * </pre>
 */
public final class KafkaCli {
    private KafkaCli() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            throw new IllegalArgumentException("usage: produce|consume|group|txn-produce|eos|admin|partition|version ...");
        }
        String[] rest = java.util.Arrays.copyOfRange(argv, 1, argv.length);
        switch (argv[0]) {
            case "produce": produce(new Args(rest)); break;
            case "consume": consume(new Args(rest)); break;
            case "group": group(new Args(rest)); break;
            case "txn-produce": Transactions.produce(new Args(rest)); break;
            case "eos": Transactions.eos(new Args(rest)); break;
            case "admin": admin(rest); break;
            case "partition": partition(rest); break;
            case "version":
                emit(obj("clientVersion", clientVersion()));
                break;
            default: throw new IllegalArgumentException("unknown command " + argv[0]);
        }
        System.out.flush();
    }

    // ---- produce ------------------------------------------------------------------------

    /** kafka-clients' version; AppInfoParser moved to an internals package in 4.4. */
    static String clientVersion() {
        for (String cls : new String[] {"org.apache.kafka.common.utils.internals.AppInfoParser", "org.apache.kafka.common.utils.AppInfoParser"}) {
            try {
                return (String) Class.forName(cls).getMethod("getVersion").invoke(null);
            } catch (ReflectiveOperationException e) {
                // try the next location
            }
        }
        return "unknown";
    }

    static void produce(Args a) throws Exception {
        Properties p = common(a);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        if (a.has("acks")) p.put(ProducerConfig.ACKS_CONFIG, a.get("acks"));
        if (a.has("compression")) p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, a.get("compression"));
        if (a.has("idempotence")) p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, a.get("idempotence"));
        if (a.has("linger-ms")) p.put(ProducerConfig.LINGER_MS_CONFIG, a.get("linger-ms"));
        if (a.has("batch-size")) p.put(ProducerConfig.BATCH_SIZE_CONFIG, a.get("batch-size"));
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        applyProps(p, a);
        String topic = a.require("topic");
        Integer partition = a.has("partition") ? Integer.valueOf(a.get("partition")) : null;
        RecordHeaders headers = new RecordHeaders();
        for (String h : a.all("header")) {
            String[] kv = splitKv(h);
            headers.add(kv[0], kv[1].getBytes(StandardCharsets.UTF_8));
        }
        List<String[]> records = new ArrayList<>();
        if (a.has("stdin")) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) continue;
                int tab = line.indexOf('\t');
                String k = tab < 0 ? "" : line.substring(0, tab);
                records.add(new String[] {k.isEmpty() ? null : k, tab < 0 ? line : line.substring(tab + 1)});
            }
        } else {
            int n = Integer.parseInt(a.get("count", "1"));
            String kp = a.get("key-prefix", "key-");
            String vp = a.get("value-prefix", "value-");
            for (int i = 0; i < n; i++) {
                records.add(new String[] {a.has("null-keys") ? null : kp + i, vp + i});
            }
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            boolean stream = a.has("stream-acks");
            for (String[] r : records) {
                byte[] k = r[0] == null ? null : r[0].getBytes(StandardCharsets.UTF_8);
                byte[] v = r[1].getBytes(StandardCharsets.UTF_8);
                ProducerRecord<byte[], byte[]> rec = new ProducerRecord<>(topic, partition, k, v, headers);
                if (!stream) {
                    acks.add(producer.send(rec));
                    continue;
                }
                // --stream-acks: one line per acknowledged record, printed as the ack arrives.
                producer.send(rec, (m, e) -> {
                    if (e != null) return;
                    synchronized (System.out) {
                        emit(obj("partition", m.partition(), "offset", m.offset(), "key", r[0], "value", r[1]));
                        System.out.flush();
                    }
                });
            }
            producer.flush();
            for (int i = 0; i < acks.size(); i++) {
                RecordMetadata m = acks.get(i).get();
                emit(obj("topic", m.topic(), "partition", m.partition(),
                        "offset", m.hasOffset() ? m.offset() : -1L, "key", records.get(i)[0]));
            }
        }
        emit(obj("produced", records.size()));
    }

    // ---- consume ------------------------------------------------------------------------

    static void consume(Args a) throws Exception {
        Properties p = common(a);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        String group = a.get("group", null);
        if (group != null) p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        else p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        applyProps(p, a);
        String topic = a.require("topic");
        int max = Integer.parseInt(a.get("max", "2147483647"));
        long deadline = System.currentTimeMillis() + Long.parseLong(a.get("timeout-ms", "15000"));
        int seen = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            if (group != null) {
                consumer.subscribe(Collections.singletonList(topic));
            } else {
                List<TopicPartition> tps = new ArrayList<>();
                if (a.has("partition")) {
                    tps.add(new TopicPartition(topic, Integer.parseInt(a.get("partition"))));
                } else {
                    consumer.partitionsFor(topic).forEach(i -> tps.add(new TopicPartition(topic, i.partition())));
                }
                consumer.assign(tps);
                long offset = Long.parseLong(a.get("offset", "0"));
                for (TopicPartition tp : tps) consumer.seek(tp, offset);
            }
            long idleExitMs = Long.parseLong(a.get("idle-exit-ms", "0"));
            long lastData = System.currentTimeMillis();
            while (seen < max && System.currentTimeMillis() < deadline) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(200));
                if (!polled.isEmpty()) lastData = System.currentTimeMillis();
                else if (idleExitMs > 0 && seen > 0 && System.currentTimeMillis() - lastData >= idleExitMs) break;
                for (ConsumerRecord<byte[], byte[]> r : polled) {
                    Map<String, Object> hs = new LinkedHashMap<>();
                    for (Header h : r.headers()) hs.put(h.key(), str(h.value()));
                    emit(obj("topic", r.topic(), "partition", r.partition(), "offset", r.offset(),
                            "timestamp", r.timestamp(), "key", str(r.key()), "value", str(r.value()),
                            "headers", hs));
                    if (++seen >= max) break;
                }
            }
            if (group != null && seen > 0) consumer.commitSync();
        }
        emit(obj("consumed", seen));
    }

    // ---- group --------------------------------------------------------------------------

    static void group(Args a) throws Exception {
        Properties p = common(a);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, a.require("group"));
        boolean commit = !a.get("commit", "sync").equals("none");
        if (commit) p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        applyProps(p, a);
        String topic = a.require("topic");
        long deadline = System.currentTimeMillis() + Long.parseLong(a.get("timeout-ms", "120000"));
        long commitIntervalMs = Long.parseLong(a.get("commit-interval-ms", "0"));
        long sleepMs = Long.parseLong(a.get("sleep-ms", "0"));
        int sleepAfterPolls = Integer.parseInt(a.get("sleep-after-polls", "1"));
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean(false);
        // Offsets processed but not committed yet (next offset to read, per partition).
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> pending = new HashMap<>();
        int seen = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            if (a.has("stdin-control")) {
                Thread t = new Thread(() -> {
                    try {
                        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                        for (String line; (line = in.readLine()) != null; ) {
                            if (line.trim().equals("stop")) break;
                        }
                    } catch (java.io.IOException e) {
                        // treat as EOF
                    }
                    stop.set(true);
                    consumer.wakeup();
                }, "stdin-control");
                t.setDaemon(true);
                t.start();
            }
            consumer.subscribe(Collections.singletonList(topic), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> parts) {
                    if (commit) {
                        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> m = new HashMap<>();
                        for (TopicPartition tp : parts) {
                            if (pending.containsKey(tp)) m.put(tp, pending.remove(tp));
                        }
                        commitAndReport(consumer, m);
                    }
                    membership(consumer, "revoked", parts);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> parts) {
                    membership(consumer, "assigned", parts);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> parts) {
                    for (TopicPartition tp : parts) pending.remove(tp);
                    membership(consumer, "lost", parts);
                }
            });
            int polls = 0;
            boolean slept = false;
            long lastCommit = System.currentTimeMillis();
            while (!stop.get() && System.currentTimeMillis() < deadline) {
                org.apache.kafka.clients.consumer.ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(Duration.ofMillis(200));
                } catch (org.apache.kafka.common.errors.WakeupException e) {
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    emitFlushed(obj("topic", r.topic(), "partition", r.partition(), "offset", r.offset(),
                            "timestamp", r.timestamp(), "key", str(r.key()), "value", str(r.value())));
                    pending.put(new TopicPartition(r.topic(), r.partition()),
                            new org.apache.kafka.clients.consumer.OffsetAndMetadata(r.offset() + 1));
                    seen++;
                }
                if (!records.isEmpty()) polls++;
                if (sleepMs > 0 && !slept && polls >= sleepAfterPolls) {
                    slept = true;
                    org.apache.kafka.clients.consumer.ConsumerGroupMetadata g = consumer.groupMetadata();
                    emitFlushed(obj("event", "sleeping", "ms", sleepMs, "generation", g.generationId(), "memberId", g.memberId()));
                    Thread.sleep(sleepMs);
                    commitAndReport(consumer, takeAll(pending));
                    lastCommit = System.currentTimeMillis();
                }
                if (commit && !pending.isEmpty() && System.currentTimeMillis() - lastCommit >= commitIntervalMs) {
                    commitAndReport(consumer, takeAll(pending));
                    lastCommit = System.currentTimeMillis();
                }
            }
            if (commit) commitAndReport(consumer, takeAll(pending));
        }
        emitFlushed(obj("event", "closed", "consumed", seen));
    }

    static Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> takeAll(
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> m) {
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> out = new HashMap<>(m);
        m.clear();
        return out;
    }

    /** commitSync of `offsets`, reported as a "committed" or "commit-failed" line. */
    static void commitAndReport(KafkaConsumer<byte[], byte[]> consumer,
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) return;
        List<Object> list = new ArrayList<>();
        for (Map.Entry<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> e : offsets.entrySet()) {
            list.add(obj("topic", e.getKey().topic(), "partition", e.getKey().partition(), "offset", e.getValue().offset()));
        }
        try {
            consumer.commitSync(offsets);
            emitFlushed(obj("event", "committed", "offsets", list));
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // Stopping (wakeup() from the control thread) interrupted the commit: commit again, and
            // report it like any other commit (the tests read the member's commits from these lines).
            try {
                consumer.commitSync(offsets);
                emitFlushed(obj("event", "committed", "offsets", list));
            } catch (RuntimeException again) {
                emitFlushed(obj("event", "commit-failed", "error", again.getClass().getSimpleName(), "message", again.getMessage()));
            }
        } catch (RuntimeException e) {
            emitFlushed(obj("event", "commit-failed", "error", e.getClass().getSimpleName(), "message", e.getMessage()));
        }
    }

    static void membership(KafkaConsumer<byte[], byte[]> consumer, String event, Collection<TopicPartition> parts) {
        List<Object> list = new ArrayList<>();
        for (TopicPartition tp : parts) list.add(obj("topic", tp.topic(), "partition", tp.partition()));
        org.apache.kafka.clients.consumer.ConsumerGroupMetadata g = consumer.groupMetadata();
        emitFlushed(obj("event", event, "partitions", list, "generation", g.generationId(), "memberId", g.memberId()));
    }

    static void emitFlushed(Map<String, Object> m) {
        synchronized (System.out) {
            emit(m);
            System.out.flush();
        }
    }

    // ---- admin --------------------------------------------------------------------------

    static void admin(String[] argv) throws Exception {
        if (argv.length == 0) throw new IllegalArgumentException("admin needs an operation");
        Args a = new Args(java.util.Arrays.copyOfRange(argv, 1, argv.length));
        Properties p = common(a);
        p.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        applyProps(p, a);
        try (Admin admin = Admin.create(p)) {
            switch (argv[0]) {
                case "create-topic": {
                    NewTopic t = new NewTopic(a.require("topic"), Integer.parseInt(a.get("partitions", "1")),
                            Short.parseShort(a.get("replication-factor", "1")));
                    Map<String, String> cfg = new HashMap<>();
                    for (String c : a.all("config")) { String[] kv = splitKv(c); cfg.put(kv[0], kv[1]); }
                    t.configs(cfg);
                    admin.createTopics(Collections.singleton(t)).all().get();
                    emit(obj("created", t.name()));
                    break;
                }
                case "delete-topic":
                    admin.deleteTopics(Collections.singleton(a.require("topic"))).all().get();
                    emit(obj("deleted", a.require("topic")));
                    break;
                case "list-topics": {
                    Set<String> names = admin.listTopics().names().get();
                    List<String> sorted = new ArrayList<>(names);
                    Collections.sort(sorted);
                    emit(obj("topics", sorted));
                    break;
                }
                case "describe-topic": {
                    String topic = a.require("topic");
                    TopicDescription d = admin.describeTopics(Collections.singleton(topic)).allTopicNames().get().get(topic);
                    List<Object> parts = new ArrayList<>();
                    for (TopicPartitionInfo i : d.partitions()) {
                        parts.add(obj("partition", i.partition(), "leader", i.leader() == null ? -1 : i.leader().id(),
                                "replicas", i.replicas().size(), "isr", i.isr().size()));
                    }
                    emit(obj("topic", d.name(), "internal", d.isInternal(), "partitions", parts));
                    break;
                }
                case "describe-configs": {
                    ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, a.require("topic"));
                    Config c = admin.describeConfigs(Collections.singleton(r)).all().get().get(r);
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (ConfigEntry e : c.entries()) m.put(e.name(), e.value());
                    emit(obj("topic", r.name(), "configs", m));
                    break;
                }
                default: throw new IllegalArgumentException("unknown admin operation " + argv[0]);
            }
        }
    }

    // ---- partition ----------------------------------------------------------------------

    static void partition(String[] argv) {
        boolean hex = argv.length > 0 && argv[0].equals("--hex");
        int first = hex ? 1 : 0;
        int n = Integer.parseInt(argv[first]);
        for (int i = first + 1; i < argv.length; i++) {
            byte[] k = hex ? unhex(argv[i]) : argv[i].getBytes(StandardCharsets.UTF_8);
            int p = BuiltInPartitioner.partitionForKey(k, n);
            int check = Utils.toPositive(Utils.murmur2(k)) % n;
            if (p != check) throw new IllegalStateException("partitioner mismatch for " + argv[i]);
            emit(obj("key", argv[i], "partition", p, "murmur2", Utils.murmur2(k)));
        }
    }

    // ---- helpers ------------------------------------------------------------------------

    static Properties common(Args a) {
        Properties p = new Properties();
        p.put("bootstrap.servers", a.require("bootstrap"));
        p.put("client.id", a.get("client-id", "tideline-interop-java"));
        return p;
    }

    static void applyProps(Properties p, Args a) {
        for (String kv : a.all("prop")) { String[] s = splitKv(kv); p.put(s[0], s[1]); }
    }

    static String[] splitKv(String s) {
        int eq = s.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("expected k=v, got " + s);
        return new String[] {s.substring(0, eq), s.substring(eq + 1)};
    }

    static byte[] unhex(String s) {
        if (s.length() % 2 != 0) throw new IllegalArgumentException("odd-length hex key " + s);
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        return b;
    }

    static String str(byte[] b) { return b == null ? null : new String(b, StandardCharsets.UTF_8); }

    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static void emit(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder();
        json(sb, m);
        System.out.println(sb);
    }

    static void json(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!first) sb.append(',');
                first = false;
                json(sb, String.valueOf(e.getKey()));
                sb.append(':');
                json(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof Collection) {
            sb.append('[');
            boolean first = true;
            for (Object o : (Collection<?>) v) {
                if (!first) sb.append(',');
                first = false;
                json(sb, o);
            }
            sb.append(']');
        } else {
            String s = v.toString();
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"': sb.append("\\\""); break;
                    case '\\': sb.append("\\\\"); break;
                    case '\n': sb.append("\\n"); break;
                    case '\r': sb.append("\\r"); break;
                    case '\t': sb.append("\\t"); break;
                    default:
                        if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                        else sb.append(c);
                }
            }
            sb.append('"');
        }
    }

    /** --name value options; a flag followed by another option (or nothing) has the value "true". */
    static final class Args {
        private final Map<String, List<String>> m = new HashMap<>();

        Args(String[] argv) {
            for (int i = 0; i < argv.length; i++) {
                if (!argv[i].startsWith("--")) throw new IllegalArgumentException("unexpected " + argv[i]);
                String name = argv[i].substring(2);
                String value = i + 1 < argv.length && !argv[i + 1].startsWith("--") ? argv[++i] : "true";
                m.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }

        boolean has(String k) { return m.containsKey(k); }
        String get(String k) { return m.get(k).get(m.get(k).size() - 1); }
        String get(String k, String dflt) { return has(k) ? get(k) : dflt; }
        List<String> all(String k) { return m.getOrDefault(k, Collections.emptyList()); }

        String require(String k) {
            if (!has(k)) throw new IllegalArgumentException("missing --" + k);
            return get(k);
        }
    }
}
