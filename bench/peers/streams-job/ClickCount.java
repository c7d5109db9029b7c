import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The click-count job of bench/streams.bench.mjs written with Kafka Streams: JSON click values keyed
 * by user, event time from the value's "ts" field, hourly tumbling windows with 10 minutes of grace
 * (the same close rule as Tideline's 10-minute watermark with no grace: a window closes once the
 * partition's max event time reaches end + 10 min), count, and either the final count per window
 * (suppress until the window closes; emit=final) or every update (emit=update, record cache off).
 * Output: key {"key":..,"start":..,"end":..} and the count as decimal text, the format of
 * Tideline's Serdes.windowedJson() / Serdes.number(). Late records are dropped by Kafka Streams
 * (counted in the task metric dropped-records-total).
 *
 * Run from source on the Kafka 4.x classpath: java -cp ... ClickCount.java key=value...
 *   bootstrap, app, input, output, records (N), guarantee (at_least_once|exactly_once_v2),
 *   commitMs, emit (final|update), threads (default 1), stateDir, store (memory|rocksdb),
 *   lingerMs (producer linger.ms; default: Kafka Streams' own, 100), timeoutSec (default 1800)
 *
 * Timing (printed as one JSON line at the end): from just before KafkaStreams.start() until
 * (processedMs) a peek right after the source has seen N records, and (committedMs) the group's
 * committed offsets on the input reach the input's end offsets, polled every 50 ms with an Admin
 * client. Then the application is closed.
 */
public final class ClickCount {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] argv) throws Exception {
    Map<String, String> o = new HashMap<>();
    for (String a : argv) {
      int i = a.indexOf('=');
      o.put(a.substring(0, i), a.substring(i + 1));
    }
    String bootstrap = o.get("bootstrap");
    String app = o.get("app");
    String input = o.get("input");
    long want = Long.parseLong(o.get("records"));
    boolean update = "update".equals(o.getOrDefault("emit", "final"));
    long timeoutMs = Long.parseLong(o.getOrDefault("timeoutSec", "1800")) * 1000;

    Properties p = new Properties();
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, o.getOrDefault("guarantee", "at_least_once"));
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Integer.parseInt(o.getOrDefault("commitMs", "1000")));
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.parseInt(o.getOrDefault("threads", "1")));
    p.put(StreamsConfig.STATE_DIR_CONFIG, o.get("stateDir"));
    if (update) p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
    p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    if (o.containsKey("lingerMs")) p.put(StreamsConfig.producerPrefix("linger.ms"), Integer.parseInt(o.get("lingerMs")));

    AtomicLong seen = new AtomicLong();
    TimestampExtractor byTs = (ConsumerRecord<Object, Object> r, long prev) -> {
      try {
        JsonNode v = JSON.readTree((String) r.value());
        return v.get("ts").asLong();
      } catch (Exception e) {
        return -1L; // dropped by Kafka Streams as an invalid timestamp
      }
    };
    StreamsBuilder b = new StreamsBuilder();
    Duration size = Duration.ofHours(1);
    Duration grace = Duration.ofMinutes(10);
    Materialized<String, Long, WindowStore<Bytes, byte[]>> store = "rocksdb".equals(o.getOrDefault("store", "memory"))
        ? Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("click-counts")
        : Materialized.<String, Long>as(Stores.inMemoryWindowStore("click-counts", size.plus(grace), size, false));
    KTable<Windowed<String>, Long> counts = b.stream(input, Consumed.with(Serdes.String(), Serdes.String()).withTimestampExtractor(byTs))
        .peek((k, v) -> seen.incrementAndGet())
        .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
        .windowedBy(TimeWindows.ofSizeAndGrace(size, grace))
        .count(store.withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()));
    if (!update) counts = counts.suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()));
    counts.toStream()
        .map((w, c) -> KeyValue.pair(windowedJson(w), String.valueOf(c)))
        .to(o.get("output"), Produced.with(Serdes.String(), Serdes.String()));

    Properties ap = new Properties();
    ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(ap)) {
      Set<TopicPartition> parts = new HashSet<>();
      int n = admin.describeTopics(java.util.List.of(input)).allTopicNames().get().get(input).partitions().size();
      Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
      for (int i = 0; i < n; i++) {
        TopicPartition tp = new TopicPartition(input, i);
        parts.add(tp);
        specs.put(tp, OffsetSpec.latest());
      }
      long end = 0;
      for (var e : admin.listOffsets(specs).all().get().values()) end += e.offset();

      KafkaStreams streams = new KafkaStreams(b.build(), p);
      long t0 = System.nanoTime();
      streams.start();
      long deadline = t0 + timeoutMs * 1_000_000L;
      long processedNs = -1;
      long committedNs = -1;
      long nextProgress = t0 + 5_000_000_000L;
      while (System.nanoTime() < deadline && streams.state() != KafkaStreams.State.ERROR) {
        long now = System.nanoTime();
        if (processedNs < 0 && seen.get() >= want) processedNs = now;
        if (processedNs >= 0) {
          long committed = 0;
          Map<TopicPartition, OffsetAndMetadata> offs = admin.listConsumerGroupOffsets(app).partitionsToOffsetAndMetadata().get();
          for (TopicPartition tp : parts) {
            OffsetAndMetadata om = offs.get(tp);
            if (om != null) committed += om.offset();
          }
          if (committed >= end) {
            committedNs = System.nanoTime();
            break;
          }
        }
        if (now >= nextProgress) {
          System.out.println("{\"event\":\"progress\",\"ms\":" + (now - t0) / 1_000_000 + ",\"processed\":" + seen.get() + "}");
          nextProgress += 5_000_000_000L;
        }
        Thread.sleep(processedNs >= 0 ? 50 : 10);
      }
      double late = 0;
      for (Map.Entry<MetricName, ? extends Metric> m : streams.metrics().entrySet()) {
        MetricName mn = m.getKey();
        if (mn.name().equals("dropped-records-total") && mn.group().equals("stream-task-metrics")) {
          late += ((Number) m.getValue().metricValue()).doubleValue();
        }
      }
      String state = streams.state().toString();
      streams.close(Duration.ofSeconds(30));
      System.out.println("{\"event\":\"done\",\"processed\":" + seen.get() + ",\"end\":" + end
          + ",\"processedMs\":" + (processedNs < 0 ? -1 : (processedNs - t0) / 1e6)
          + ",\"committedMs\":" + (committedNs < 0 ? -1 : (committedNs - t0) / 1e6)
          + ",\"dropped\":" + (long) late + ",\"state\":\"" + state + "\"}");
      System.exit(committedNs < 0 ? 1 : 0);
    }
  }

  private static String windowedJson(Windowed<String> w) {
    try {
      return "{\"key\":" + JSON.writeValueAsString(w.key()) + ",\"start\":" + w.window().start() + ",\"end\":" + w.window().end() + "}";
    } catch (Exception e) {
      throw new RuntimeException(e);
    }
  }
}
