package tideline.interop;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Transactional modes of {@link KafkaCli} (same JSON-lines conventions; every line is flushed as
 * it is written, so a process killed with SIGKILL leaves complete lines only).
 *
 * <pre>
 * txn-produce --bootstrap B --topic T --transactional-id X [--transactions N] [--per-txn M]
 *             [--abort-every K] [--key-prefix K] [--value-prefix V] [--stdin-control] [--prop k=v]...
 *     N transactions of M records (keys KEY-PREFIX + i % 10, values VALUE-PREFIX + txn + "-" + i).
 *     Each ack: {"txn":t,"partition":p,"offset":o,"key":k,"value":v}; after the sends of a
 *     transaction are flushed: {"event":"sent","txn":t}; then {"txn":t,"outcome":"commit"|"abort"}
 *     (every K-th transaction aborts). --stdin-control: before ending each transaction, read a line:
 *     "commit", "abort", or "hold" (end nothing and wait for EOF or a kill). Errors:
 *     {"event":"error","txn":t,"error":CLASS,"message":M} and exit status 3 for a fenced producer.
 * eos         --bootstrap B --input T --output T --group G --transactional-id X [--tag S]
 *             [--idle-exit-ms N] [--abort-every K] [--assign] [--prop k=v]...
 *     A consume-transform-produce loop (read_committed consumer, transactional producer,
 *     sendOffsetsToTransaction): each poll is one transaction that writes every record to the
 *     output topic with the same key and the value "VALUE|TAG-n" (n: the run's transaction number,
 *     so a record re-sent after an abort is told apart) and commits the consumed offsets.
 *     Prints each output ack {"txn":"TAG-n","partition":p,"offset":o,"key":k,"value":v}, then
 *     {"txn":"TAG-n","outcome":"commit"|"abort","records":c}. Every K-th transaction is aborted and
 *     its input re-read. --assign: all input partitions by assign() (offsets still come from the
 *     group), else subscribe(). Exits after N ms without records (default 5000); a fenced producer
 *     exits with status 3.
 * </pre>
 */
final class Transactions {
    private Transactions() {}

    static final int FENCED_EXIT = 3;

    static synchronized void line(Map<String, Object> m) {
        KafkaCli.emit(m);
        System.out.flush();
    }

    static Properties producerProps(KafkaCli.Args a, String transactionalId) {
        Properties p = KafkaCli.common(a);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        return p;
    }

    static Map<String, Object> errorLine(Object txn, Exception e) {
        return KafkaCli.obj("event", "error", "txn", txn, "error", e.getClass().getName(), "message", String.valueOf(e.getMessage()));
    }

    static boolean isFenced(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException) return true;
            String n = t.getClass().getSimpleName();
            if (n.equals("InvalidProducerEpochException")) return true;
        }
        return false;
    }

    // ---- txn-produce --------------------------------------------------------------------

    static void produce(KafkaCli.Args a) throws Exception {
        Properties p = producerProps(a, a.require("transactional-id"));
        KafkaCli.applyProps(p, a);
        String topic = a.require("topic");
        int transactions = Integer.parseInt(a.get("transactions", "1"));
        int perTxn = Integer.parseInt(a.get("per-txn", "10"));
        int abortEvery = Integer.parseInt(a.get("abort-every", "0"));
        String kp = a.get("key-prefix", "key-");
        String vp = a.get("value-prefix", "value-");
        boolean control = a.has("stdin-control");
        BufferedReader in = control ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)) : null;
        int status = 0;
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p);
        try {
            producer.initTransactions();
            line(KafkaCli.obj("event", "initialized"));
            for (int t = 0; t < transactions; t++) {
                final int txn = t;
                try {
                    producer.beginTransaction();
                    for (int i = 0; i < perTxn; i++) {
                        final String k = kp + (i % 10);
                        final String v = vp + t + "-" + i;
                        producer.send(new ProducerRecord<>(topic, k.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8)), (m, e) -> {
                            if (e == null) line(KafkaCli.obj("txn", txn, "partition", m.partition(), "offset", m.offset(), "key", k, "value", v));
                        });
                    }
                    producer.flush();
                    line(KafkaCli.obj("event", "sent", "txn", txn));
                    String action = abortEvery > 0 && (t + 1) % abortEvery == 0 ? "abort" : "commit";
                    if (control) {
                        String cmd = in.readLine();
                        if (cmd == null || cmd.trim().equals("hold")) {
                            while (cmd != null) cmd = in.readLine();
                            return;
                        }
                        action = cmd.trim();
                    }
                    if (action.equals("abort")) producer.abortTransaction();
                    else producer.commitTransaction();
                    line(KafkaCli.obj("txn", txn, "outcome", action));
                } catch (Exception e) {
                    line(errorLine(txn, e));
                    if (isFenced(e)) {
                        status = FENCED_EXIT;
                        return;
                    }
                    throw e;
                }
            }
        } finally {
            producer.close(Duration.ofSeconds(5));
            if (status != 0) {
                System.out.flush();
                System.exit(status);
            }
        }
    }

    // ---- eos ----------------------------------------------------------------------------

    static void eos(KafkaCli.Args a) throws Exception {
        String input = a.require("input");
        String output = a.require("output");
        String tag = a.get("tag", "0");
        long idleExitMs = Long.parseLong(a.get("idle-exit-ms", "5000"));
        int abortEvery = Integer.parseInt(a.get("abort-every", "0"));
        Properties pp = producerProps(a, a.require("transactional-id"));
        Properties cp = KafkaCli.common(a);
        cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, a.require("group"));
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // --prop applies to both; producer-only and consumer-only keys are ignored by the other.
        KafkaCli.applyProps(pp, a);
        KafkaCli.applyProps(cp, a);
        int status = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cp);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp)) {
            producer.initTransactions();
            line(KafkaCli.obj("event", "initialized", "tag", tag));
            if (a.has("assign")) {
                List<TopicPartition> tps = new ArrayList<>();
                consumer.partitionsFor(input).forEach(i -> tps.add(new TopicPartition(input, i.partition())));
                consumer.assign(tps);
            } else {
                consumer.subscribe(Collections.singletonList(input));
            }
            long lastData = System.currentTimeMillis();
            int n = 0;
            while (System.currentTimeMillis() - lastData < idleExitMs) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) continue;
                lastData = System.currentTimeMillis();
                final String txn = tag + "-" + (++n);
                Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
                Map<TopicPartition, Long> first = new HashMap<>();
                try {
                    producer.beginTransaction();
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                        first.putIfAbsent(tp, r.offset());
                        next.put(tp, new OffsetAndMetadata(r.offset() + 1));
                        final String k = KafkaCli.str(r.key());
                        final String v = KafkaCli.str(r.value()) + "|" + txn;
                        producer.send(new ProducerRecord<>(output, r.key(), v.getBytes(StandardCharsets.UTF_8)), (m, e) -> {
                            if (e == null) line(KafkaCli.obj("txn", txn, "partition", m.partition(), "offset", m.offset(), "key", k, "value", v));
                        });
                    }
                    producer.sendOffsetsToTransaction(next, consumer.groupMetadata());
                    if (abortEvery > 0 && n % abortEvery == 0) {
                        producer.flush();
                        producer.abortTransaction();
                        for (Map.Entry<TopicPartition, Long> e : first.entrySet()) consumer.seek(e.getKey(), e.getValue());
                        line(KafkaCli.obj("txn", txn, "outcome", "abort", "records", records.count()));
                    } else {
                        producer.commitTransaction();
                        line(KafkaCli.obj("txn", txn, "outcome", "commit", "records", records.count()));
                    }
                } catch (Exception e) {
                    line(errorLine(txn, e));
                    status = isFenced(e) ? FENCED_EXIT : 4;
                    break;
                }
            }
        }
        line(KafkaCli.obj("event", "closed", "tag", tag, "status", status));
        System.out.flush();
        if (status != 0) System.exit(status);
    }
}
