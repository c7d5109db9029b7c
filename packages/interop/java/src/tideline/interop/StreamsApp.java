package tideline.interop;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A minimal Kafka Streams application for interop tests: reads string records from an input topic,
 * upper-cases the values, writes them to an output topic, and exits after N records (or a timeout).
 * Usage: StreamsApp <bootstrap> <application.id> <input> <output> <count> [exactly_once_v2|at_least_once]
 * Prints one JSON line when done: {"processed":N,"state":"..."}.
 */
public final class StreamsApp {
  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: StreamsApp <bootstrap> <app-id> <input> <output> <count> [guarantee]");
      System.exit(2);
    }
    Properties p = new Properties();
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, args[1]);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, args.length > 5 ? args[5] : "at_least_once");
    p.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/tideline-streams-" + args[1]);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
    p.put("consumer.auto.offset.reset", "earliest");
    long want = Long.parseLong(args[4]);
    AtomicLong seen = new AtomicLong();
    CountDownLatch done = new CountDownLatch(1);
    StreamsBuilder b = new StreamsBuilder();
    b.stream(args[2], org.apache.kafka.streams.kstream.Consumed.with(Serdes.String(), Serdes.String()))
        .mapValues(v -> v == null ? null : v.toUpperCase())
        .peek((k, v) -> { if (seen.incrementAndGet() >= want) done.countDown(); })
        .to(args[3], Produced.with(Serdes.String(), Serdes.String()));
    try (KafkaStreams streams = new KafkaStreams(b.build(), p)) {
      streams.start();
      boolean ok = done.await(60, TimeUnit.SECONDS);
      // Let the last commit and produce go out before closing.
      Thread.sleep(500);
      String state = streams.state().toString();
      streams.close(Duration.ofSeconds(10));
      System.out.println("{\"processed\":" + seen.get() + ",\"state\":\"" + state + "\"}");
      System.exit(ok ? 0 : 1);
    }
  }
}
