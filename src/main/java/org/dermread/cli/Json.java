package org.dermread.cli;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The metrics JSON: record components become snake_case keys in declaration order; NaN and infinities (undefined
 * figures, the +Infinity threshold of the last ROC point) are written as null; doubles use Java's shortest
 * round-trip decimal form, so the same input and seed give byte-identical files.
 */
final class Json {

    private Json() {
    }

    static ObjectMapper mapper() {
        return mapper(false);
    }

    /** The mapper, optionally indenting (pretty) the output. */
    static ObjectMapper mapper(boolean pretty) {
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
                .configure(SerializationFeature.INDENT_OUTPUT, pretty);
    }

    static void write(Object value, OutputStream out) throws IOException {
        write(value, out, false);
    }

    static void write(Object value, OutputStream out, boolean pretty) throws IOException {
        mapper(pretty).writeValue(out, value);
    }

    private static void writeDouble(Double value, JsonGenerator gen) throws IOException {
        if (value == null || !Double.isFinite(value)) {
            gen.writeNull();
        } else {
            gen.writeNumber(value);
        }
    }
}
