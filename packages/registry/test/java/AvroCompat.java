// The registry's Avro compatibility oracle: reads a JSON array of cases
// [{"id": "...", "reader": <schema>, "writer": <schema>}] from the file named by the first argument
// and prints one JSON line per case with Apache Avro's own SchemaCompatibility answer:
// {"id": "...", "compatible": true|false, "types": ["READER_FIELD_MISSING_DEFAULT_VALUE", ...], "locations": ["/fields/1", ...],
//  "readerCanonical": <Parsing Canonical Form>, "readerFingerprint": <CRC-64-AVRO, hex>}
// or {"id": "...", "error": "..."} when Avro refuses to parse a schema. One JVM for all cases.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;

public class AvroCompat {
  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode cases = mapper.readTree(new File(args[0]));
    for (JsonNode c : cases) {
      ObjectNode out = mapper.createObjectNode();
      out.put("id", c.get("id").asText());
      try {
        Schema reader = new Schema.Parser().parse(mapper.writeValueAsString(c.get("reader")));
        Schema writer = new Schema.Parser().parse(mapper.writeValueAsString(c.get("writer")));
        SchemaCompatibility.SchemaPairCompatibility r =
            SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        out.put("compatible", r.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        out.put("readerCanonical", SchemaNormalization.toParsingForm(reader));
        out.put("readerFingerprint", Long.toUnsignedString(SchemaNormalization.parsingFingerprint64(reader), 16));
        ArrayNode types = out.putArray("types");
        ArrayNode locations = out.putArray("locations");
        for (SchemaCompatibility.Incompatibility i : r.getResult().getIncompatibilities()) {
          types.add(i.getType().name());
          locations.add(i.getLocation());
        }
      } catch (Exception e) {
        out.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      System.out.println(mapper.writeValueAsString(out));
    }
  }
}
