package org.dermread.bundle;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON of the statistics ({@code metrics.json} and the command line's other outputs): record components become
 * snake_case keys in declaration order; NaN and infinities (undefined figures, the +Infinity threshold of the last
 * ROC point) are written as null; doubles use Java's shortest round-trip decimal form, so the same input and seed
 * give byte-identical files.
 */
public final class MetricsJson {

    private static final ObjectMapper COMPACT = mapper(false);
    private static final ObjectMapper PRETTY = mapper(true);

    private MetricsJson() {
    }

    /** Writes the value, compact or indented. */
    public static void write(Object value, OutputStream out, boolean pretty) throws IOException {
        (pretty ? PRETTY : COMPACT).writeValue(out, value);
    }

    /** The compact JSON, as {@code metrics.json} holds it. */
    public static byte[] bytes(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(value, out, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The compact JSON as text. */
    public static String text(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    private static ObjectMapper mapper(boolean pretty) {
        SimpleModule numbers = new SimpleModule("finite-numbers");
        JsonSerializer<Double> finite = new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                writeDouble(value, gen);
            }
        };
        numbers.addSerializer(Double.class, finite);
        numbers.addSerializer(Double.TYPE, finite);
        numbers.addSerializer(double[].class, new JsonSerializer<>() {
            @Override
            public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider)
                    throws IOException {
                gen.writeStartArray();
                for (double v : values) {
                    writeDouble(v, gen);
                }
                gen.writeEndArray();
            }
        });
        return new ObjectMapper()
                .registerModule(numbers)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(SerializationFeature.INDENT_OUTPUT, pretty)
                // the command line writes to standard output, which must stay open
                .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    }

    private static void writeDouble(Double value, JsonGenerator gen) throws IOException {
        if (value == null || !Double.isFinite(value)) {
            gen.writeNull();
        } else {
            gen.writeNumber(value);
        }
    }
}
