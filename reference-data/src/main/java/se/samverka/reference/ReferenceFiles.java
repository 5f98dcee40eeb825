package se.samverka.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads reference data: a municipality's own file where one is configured, otherwise the one shipped here. */
final class ReferenceFiles {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReferenceFiles() {
    }

    static <T> T read(String file, String shipped, Class<T> type) {
        boolean own = file != null && !file.isBlank();
        try (InputStream in = own ? Files.newInputStream(Path.of(file))
                : ReferenceFiles.class.getClassLoader().getResourceAsStream(shipped)) {
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + (own ? file : shipped), e);
        }
    }
}
